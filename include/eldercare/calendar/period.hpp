#pragma once
// Periods (期间) counted as the Civil Code says (民法典 arts. 200-204), with the other counting
// methods some policies use available as named options, never as silent alternatives.

#include <optional>
#include <string>

#include "eldercare/calendar/date.hpp"
#include "eldercare/calendar/holiday_calendar.hpp"
#include "eldercare/calendar/month_arithmetic.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

/// Unit of a period (art. 200: Gregorian years, months and days).
enum class period_unit { days, months, years };

template <>
struct enum_words<period_unit> {
  static constexpr std::string_view type = "period_unit";
  static constexpr error_id error = error_id::invalid_period;
  static constexpr std::array<word_entry<period_unit>, 3> entries{{
      {period_unit::days, "days"},
      {period_unit::months, "months"},
      {period_unit::years, "years"},
  }};
};

/// How a policy counts a period of months. Art. 204 lets a special rule override the Code.
enum class month_counting {
  /// 民法典 arts. 201-202: the start day is not counted; the period ends on the corresponding day of
  /// the final month, or that month's last day where there is none.
  civil_code,
  /// 自然月: the month of the event is not counted; the period ends on the last day of the N-th
  /// calendar month after it ("从入住次月起满N个自然月").
  natural_month,
};

template <>
struct enum_words<month_counting> {
  static constexpr std::string_view type = "month_counting";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<month_counting>, 2> entries{{
      {month_counting::civil_code, "civil_code"},
      {month_counting::natural_month, "natural_month"},
  }};
};

/// When, on a given date, a check is made. Art. 203: the last day of a period ends at 24:00, so a
/// decision "on" that day made at its end sees the period complete.
enum class check_time {
  end_of_day,   ///< default: decisions describe the state at 24:00 of the evaluation date
  start_of_day, ///< the last day must have fully passed: complete only from the next day
};

template <>
struct enum_words<check_time> {
  static constexpr std::string_view type = "check_time";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<check_time>, 2> entries{{
      {check_time::end_of_day, "end_of_day"},
      {check_time::start_of_day, "start_of_day"},
  }};
};

/// A length of time: a count and a unit. Built with period::days(n), period::months(n),
/// period::years(n); a negative count is rejected.
class period {
public:
  [[nodiscard]] static period days(int n) { return period(n, period_unit::days); }
  [[nodiscard]] static period months(int n) { return period(n, period_unit::months); }
  [[nodiscard]] static period years(int n) { return period(n, period_unit::years); }

  [[nodiscard]] int count() const noexcept { return count_; }
  [[nodiscard]] period_unit unit() const noexcept { return unit_; }

  /// "3 months", "90 days", "1 year".
  [[nodiscard]] std::string to_string() const {
    const char* u = unit_ == period_unit::days ? "day" : unit_ == period_unit::months ? "month" : "year";
    return std::to_string(count_) + " " + u + (count_ == 1 ? "" : "s");
  }

  friend bool operator==(const period&, const period&) = default;

  /// The longest period of each unit: the supported years 1800-2400 span 219,510 days, 7,211
  /// months (from January 1800 to December 2400) or 600 years, so no longer period can be complete
  /// on any date eldercare reads.
  [[nodiscard]] static constexpr int max_count(period_unit u) noexcept {
    return u == period_unit::days     ? 219510
           : u == period_unit::months ? (max_year - min_year + 1) * 12 - 1
                                      : max_year - min_year;
  }

private:
  period(int n, period_unit u) : count_(n), unit_(u) {
    if (n < 0)
      throw invalid_value(error_id::invalid_period, "period.count", n, "a period cannot be negative");
    if (n > max_count(u))
      throw invalid_value(error_id::invalid_period, "period.count", n,
                          "longer than the supported years 1800-2400 span (at most " +
                              std::to_string(max_count(u)) + " " + std::string(to_word(u)) + ")");
  }
  int count_;
  period_unit unit_;
};

/// How a period is counted: the month method, and whether art. 203's holiday extension applies.
struct period_counting {
  month_counting months = month_counting::civil_code;
  /// Art. 203 moves a last day that falls on a statutory holiday to the day after the holiday. It
  /// only ever delays a duration-of-stay test, and no eldercare source asks for it, so it is off by
  /// default; pass a calendar to apply it.
  const holiday_calendar* holidays = nullptr;
};

/// The last day of a period of length `p` that starts with the event on `start` (the event day itself
/// is not counted, art. 201), or nullopt when it falls after the supported years (such a period is
/// complete on no date eldercare reads). A period of 0 ends on `start`.
///
///  - days: start + n days (counting begins the next day, so day n is start + n);
///  - months/years (civil_code): add_months_within(start, n or 12n), art. 202;
///  - months/years (natural_month): last day of the n-th month after start's month.
[[nodiscard]] inline std::optional<date> period_last_day_within(const date& start, const period& p,
                                                                const period_counting& how = {}) {
  require_valid(start, "start");
  std::optional<date> last = start;
  const int n = p.count(); // at most period::max_count: 12 * n cannot overflow
  if (p.unit() == period_unit::days) {
    // Checked before stepping: past 9999 Boost throws its own exception instead of giving a date.
    if (n > (date(static_cast<unsigned short>(max_year), 12, 31) - start).days()) return std::nullopt;
    last = start + boost::gregorian::date_duration(n);
  } else {
    const int months = p.unit() == period_unit::years ? 12 * n : n;
    if (how.months == month_counting::civil_code || n == 0) {
      last = add_months_within(start, months);
    } else if (const std::optional<date> m = add_months_within(start_of_month(start), months)) {
      last = end_of_month(*m);
    } else {
      last = std::nullopt;
    }
  }
  if (last && how.holidays != nullptr) last = how.holidays->next_working_day_if_holiday(*last);
  if (last && last->year() > max_year) return std::nullopt; // moved past 2400-12-31 by a holiday
  return last;
}

/// period_last_day_within, for a caller that asks for the date itself: a last day after the
/// supported years throws invalid_value.
[[nodiscard]] inline date period_last_day(const date& start, const period& p,
                                          const period_counting& how = {}) {
  if (const std::optional<date> last = period_last_day_within(start, p, how)) return *last;
  // The error of the step that leaves the supported years.
  if (p.unit() == period_unit::days)
    throw invalid_value(error_id::invalid_date, "period end", to_iso(start) + " + " + p.to_string(),
                        "year outside the supported range 1800-2400");
  const int months = p.unit() == period_unit::years ? 12 * p.count() : p.count();
  (void)add_months_civil(how.months == month_counting::civil_code ? start : start_of_month(start), months);
  throw invalid_value(error_id::invalid_period, "period end", to_iso(start) + " + " + p.to_string(),
                      "moved by a holiday outside the supported years 1800-2400");
}

/// Convenience: the last day of a Civil Code period of `months` months from `start`.
[[nodiscard]] inline date period_last_day(const date& start, int months) {
  return period_last_day(start, period::months(months));
}

/// The first date on which a period is complete when checked at `when` (end of day by default), or
/// nullopt when that is after the supported years: what leaves compare with the evaluation date,
/// so that valid facts evaluate on every supported date.
[[nodiscard]] inline std::optional<date> period_complete_within(const date& start, const period& p,
                                                                const period_counting& how = {},
                                                                check_time when = check_time::end_of_day) {
  const std::optional<date> last = period_last_day_within(start, p, how);
  if (!last || when == check_time::end_of_day) return last;
  const date next = *last + boost::gregorian::date_duration(1);
  if (next.year() > max_year) return std::nullopt;
  return next;
}

/// The first date on which a period is complete, for a caller that asks for the date itself: a last
/// day after the supported years throws (period_last_day's error); see period_complete_within.
[[nodiscard]] inline date period_complete_on(const date& start, const period& p,
                                             const period_counting& how = {},
                                             check_time when = check_time::end_of_day) {
  const date last = period_last_day(start, p, how);
  return when == check_time::end_of_day ? last : last + boost::gregorian::date_duration(1);
}

/// Whether a period that started on `start` is complete (届满, art. 1259 includes the last day) on
/// date `on`.
[[nodiscard]] inline bool is_period_complete(const date& start, const period& p, const date& on,
                                             const period_counting& how = {},
                                             check_time when = check_time::end_of_day) {
  require_valid(on, "on");
  const std::optional<date> complete = period_complete_within(start, p, how, when);
  return complete && on >= *complete;
}

/// The number of whole months (by `how`) from `start` to `end`: the largest n such that a period of n
/// months starting on `start` is complete on `end`. Zero when end <= start.
[[nodiscard]] inline int full_months_between(const date& start, const date& end,
                                             const period_counting& how = {},
                                             check_time when = check_time::end_of_day) {
  require_valid(start, "start");
  require_valid(end, "end");
  if (end <= start) return 0;
  // Estimate from the calendar months, then correct by at most a step either way.
  int n = (static_cast<int>(end.year()) - static_cast<int>(start.year())) * 12 +
          (static_cast<int>(end.month()) - static_cast<int>(start.month()));
  if (n < 0) n = 0;
  while (n > 0 && !is_period_complete(start, period::months(n), end, how, when)) --n;
  // A period ending after the supported years cannot be complete on `end`, which lies inside them:
  // stop before probing one (add_months_civil would throw).
  const long start_month = static_cast<long>(start.year()) * 12 + (static_cast<long>(start.month()) - 1);
  const long last_month = static_cast<long>(max_year) * 12 + 11;
  while (start_month + n + 1 <= last_month &&
         is_period_complete(start, period::months(n + 1), end, how, when))
    ++n;
  return n;
}

} // namespace eldercare
