#pragma once
// Age in 周岁 (completed years on the Gregorian calendar). Art. 1259: "80周岁以上" includes 80.
// Whether a year is gained on the birthday or the day after, and where a 29 February birthday
// falls in a common year, are per-scheme options with documented defaults.

#include <optional> // no date outside the supported years
#include <string>   // messages

#include "eldercare/calendar/date.hpp"
#include "eldercare/calendar/month_arithmetic.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

/// On which day a person reaches an age.
enum class age_reached {
  on_birthday,        ///< default: popular and welfare practice (a year is gained on the birthday)
  day_after_birthday, ///< Supreme People's Court juvenile-criminal interpretation: the next day
};

template <>
struct enum_words<age_reached> {
  static constexpr std::string_view type = "age_reached";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<age_reached>, 2> entries{{
      {age_reached::on_birthday, "on_birthday"},
      {age_reached::day_after_birthday, "day_after_birthday"},
  }};
};

/// Where a 29 February birthday falls in a common year.
enum class leap_day_birthday {
  february_28, ///< default: art. 202's fallback (the month has no corresponding day → its last day)
  march_1,     ///< the day after 28 February
};

template <>
struct enum_words<leap_day_birthday> {
  static constexpr std::string_view type = "leap_day_birthday";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<leap_day_birthday>, 2> entries{{
      {leap_day_birthday::february_28, "february_28"},
      {leap_day_birthday::march_1, "march_1"},
  }};
};

struct age_rule {
  age_reached reached = age_reached::on_birthday;
  leap_day_birthday leap_day = leap_day_birthday::february_28;
  friend bool operator==(const age_rule&, const age_rule&) = default;
};

/// The date on which someone born on `birth` reaches `years` 周岁 under `rule`, or nullopt when
/// that is after the supported years 1800-2400 (no date eldercare reads is on or after it).
[[nodiscard]] inline std::optional<date> date_reaching_age_within(const date& birth, int years,
                                                                  const age_rule& rule = {}) {
  require_valid(birth, "birth_date");
  if (years < 0)
    throw invalid_value(error_id::invalid_parameter, "years", years, "an age cannot be negative");
  if (years > max_year - min_year) return std::nullopt; // and 12 * years cannot overflow
  std::optional<date> d = add_months_within(birth, 12 * years);
  if (!d) return std::nullopt;
  if (rule.leap_day == leap_day_birthday::march_1 && birth.month() == 2 && birth.day() == 29 &&
      d->day() == 28)
    *d += boost::gregorian::date_duration(1);
  if (rule.reached == age_reached::day_after_birthday && years > 0) *d += boost::gregorian::date_duration(1);
  if (d->year() > max_year) return std::nullopt; // 2400-12-31 and a day
  return d;
}

/// date_reaching_age_within, for a caller that asks for the date itself: a date after the supported
/// years throws invalid_value.
[[nodiscard]] inline date date_reaching_age(const date& birth, int years, const age_rule& rule = {}) {
  if (const std::optional<date> d = date_reaching_age_within(birth, years, rule)) return *d;
  throw invalid_value(error_id::invalid_parameter, "years", years,
                      "moves " + to_iso(birth) + " outside the supported years 1800-2400");
}

/// Age in completed years (周岁) on date `on`. Throws when `on` is before the birth date.
[[nodiscard]] inline int age_on(const date& birth, const date& on, const age_rule& rule = {}) {
  require_valid(birth, "birth_date");
  require_valid(on, "on");
  if (on < birth)
    throw invalid_value(error_id::invalid_person, "on", to_iso(on),
                        "is before the birth date " + to_iso(birth));
  int n = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  // A reaching date past 2400-12-31 (nullopt) is after every supported `on`.
  const auto reached_after_on = [&](int years) {
    const std::optional<date> reached = date_reaching_age_within(birth, years, rule);
    return !reached || *reached > on;
  };
  while (n > 0 && reached_after_on(n)) --n;
  return n;
}

} // namespace eldercare
