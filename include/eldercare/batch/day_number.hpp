#pragma once
// Dates in columns. A column holds a day number per date: Boost's own day number, the Julian Day
// Number that boost::gregorian::date stores inside (date::day_number(): 2000-01-01 is 2451545). A
// column value therefore becomes a `date` and back without any calendar arithmetic, which is what
// lets a row view hand the rules' leaves real dates at no cost. Numbers are int32 (the supported
// years 1800-2400 are 2378497-2598007); `no_day` marks an absent date (an ongoing stay, an
// assessment without an end of validity, an unknown hukou date).

#include <cstdint>     // std::int32_t
#include <limits>      // the no_day sentinel
#include <optional>    // optional dates
#include <string>      // error messages
#include <string_view> // field names

#include "eldercare/calendar/date.hpp"

namespace eldercare {

/// A date as stored in a column: Boost's day number (Julian Day Number).
using day_number = std::int32_t;

/// An absent date: an ongoing stay's discharge, an assessment valid without end, an unknown date.
inline constexpr day_number no_day = std::numeric_limits<day_number>::max();

/// The day number of a real date (throws invalid_value naming `field` for a special value).
[[nodiscard]] inline day_number to_day_number(const date& d, std::string_view field = "date") {
  require_valid(d, field);
  return static_cast<day_number>(d.day_number());
}

/// The day number of an optional date; no_day when empty.
[[nodiscard]] inline day_number to_day_number(const std::optional<date>& d, std::string_view field = "date") {
  return d ? to_day_number(*d, field) : no_day;
}

/// The date of a day number, unchecked: the caller knows it came from a checked column.
[[nodiscard]] inline date from_day_number(day_number n) noexcept {
  return date(static_cast<date::date_int_type>(n));
}

/// The first and last day numbers of the supported years (1800-01-01 and 2400-12-31).
/// An optional date from its day number (no_day: none).
[[nodiscard]] inline std::optional<date> optional_day(day_number n) noexcept {
  return n == no_day ? std::nullopt : std::optional<date>(from_day_number(n));
}
[[nodiscard]] inline day_number first_day_number() noexcept {
  return static_cast<day_number>(detail::supported_day_range().first);
}
[[nodiscard]] inline day_number last_day_number() noexcept {
  return static_cast<day_number>(detail::supported_day_range().last);
}

/// The date of a day number handed in by a caller; throws invalid_value naming `field` and the
/// number when it is not a day of the supported years.
[[nodiscard]] inline date checked_day(day_number n, std::string_view field) {
  if (n < first_day_number() || n > last_day_number())
    throw invalid_value(error_id::invalid_date, field, n,
                        "is not a day number (Julian Day Number, as boost::gregorian::date::day_number()) of "
                        "the supported years: " +
                            std::to_string(first_day_number()) + " (1800-01-01) to " +
                            std::to_string(last_day_number()) + " (2400-12-31)");
  return from_day_number(n);
}

} // namespace eldercare
