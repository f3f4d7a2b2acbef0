#pragma once
// Calendar dates. eldercare works in whole calendar days (never timestamps): a date is a
// boost::gregorian::date, and these helpers build one from caller input with a clear error.

#include <boost/date_time/gregorian/gregorian_types.hpp> // boost::gregorian::date
#include <charconv>                                      // std::from_chars: strict digit parsing
#include <cstdio>                                        // std::snprintf for ISO formatting
#include <string>
#include <string_view>

#include "eldercare/core/error.hpp"

namespace eldercare {

using date = boost::gregorian::date;

/// Earliest and latest years accepted anywhere in the library. Boost supports 1400-9999; we keep a
/// margin so that adding a few centuries of months never leaves the supported range.
inline constexpr int min_year = 1800;
inline constexpr int max_year = 2400;

namespace detail {
[[nodiscard]] inline constexpr bool is_leap_year(int y) noexcept {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
[[nodiscard]] inline constexpr int days_in_month(int y, int m) noexcept {
  constexpr int table[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : table[m - 1];
}
} // namespace detail

/// The number of days in month `m` (1-12) of year `y`.
[[nodiscard]] inline constexpr int days_in_month(int y, int m) noexcept {
  return detail::days_in_month(y, m);
}

/// Formats a date as ISO 8601 "YYYY-MM-DD"; "not-a-date" for Boost's special values.
[[nodiscard]] inline std::string to_iso(const date& d) {
  if (d.is_special()) return "not-a-date";
  char buf[32]; // generous: the compiler cannot see that y/m/d are small
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()), static_cast<int>(d.month()),
                static_cast<int>(d.day()));
  return buf;
}

/// Builds a date from year, month and day, throwing invalid_value naming `field` when the triple is
/// not a calendar date (2023-02-30) or lies outside [min_year, max_year].
[[nodiscard]] inline date make_date(int y, int m, int d, std::string_view field = "date") {
  auto text = [&] {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return std::string(buf);
  };
  if (y < min_year || y > max_year)
    throw invalid_value(error_id::invalid_date, field, text(), "year outside the supported range 1800-2400");
  if (m < 1 || m > 12) throw invalid_value(error_id::invalid_date, field, text(), "month must be 1-12");
  if (d < 1 || d > days_in_month(y, m))
    throw invalid_value(error_id::invalid_date, field, text(),
                        "no such day in that month (it has " + std::to_string(days_in_month(y, m)) +
                            " days)");
  return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

/// Parses exactly "YYYY-MM-DD" (ISO 8601 calendar date, no time, no time zone).
[[nodiscard]] inline date parse_date(std::string_view text, std::string_view field = "date") {
  auto bad = [&](const char* why) { return invalid_value(error_id::invalid_date, field, text, why); };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    throw bad("expected a calendar date written YYYY-MM-DD");
  auto number = [&](std::size_t pos, std::size_t len) {
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i)
      if (text[i] < '0' || text[i] > '9') throw bad("expected digits in YYYY-MM-DD");
    std::from_chars(text.data() + pos, text.data() + pos + len, v);
    return v;
  };
  return make_date(number(0, 4), number(5, 2), number(8, 2), field);
}

namespace detail {
/// Day numbers of 1800-01-01 and 2400-12-31: a date is in the supported years when its day number is
/// between them (compared without converting the date to year, month and day).
struct supported_days {
  date::date_int_type first;
  date::date_int_type last;
};
inline const supported_days& supported_day_range() {
  static const supported_days r{date(static_cast<unsigned short>(min_year), 1, 1).day_number(),
                                date(static_cast<unsigned short>(max_year), 12, 31).day_number()};
  return r;
}
} // namespace detail

/// Whether `d` is a real date in the supported range (require_valid's test, without a field name to
/// build: callers that check many dates build the name only for an error).
[[nodiscard]] inline bool is_supported(const date& d) noexcept {
  if (d.is_special()) return false;
  const auto& range = detail::supported_day_range();
  return d.day_number() >= range.first && d.day_number() <= range.last;
}

/// Checks that a date handed in by a caller is a real date in the supported range.
inline void require_valid(const date& d, std::string_view field) {
  if (is_supported(d)) return;
  throw invalid_value(error_id::invalid_date, field, to_iso(d),
                      d.is_special() ? "a calendar date is required"
                                     : "year outside the supported range 1800-2400");
}

/// Last day of the month containing `d`.
[[nodiscard]] inline date end_of_month(const date& d) {
  return date(d.year(), d.month(), static_cast<unsigned short>(days_in_month(d.year(), d.month())));
}

/// First day of the month containing `d`.
[[nodiscard]] inline date start_of_month(const date& d) { return date(d.year(), d.month(), 1); }

} // namespace eldercare
