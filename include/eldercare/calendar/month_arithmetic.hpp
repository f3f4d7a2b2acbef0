#pragma once
// The one function in eldercare that adds months to a date. Everything else (periods, ages,
// schedules) goes through add_months_within (or add_months_civil, which throws where it gives no
// date), so there is exactly one reading of "N months later".

#include <optional> // no date outside the supported years
#include <string>   // messages

#include "eldercare/calendar/date.hpp"

namespace eldercare {

/// The day `n` months after `start` under the Civil Code (民法典 art. 202): the corresponding day of
/// the target month, or that month's last day when it has no corresponding day; nullopt when that
/// month lies outside the supported years 1800-2400 (a date no fact or evaluation can reach, so
/// callers that only compare with dates inside them need no error: "not within the supported years").
///
/// This is NOT boost::gregorian::months: Boost snaps a month-end start to the target month's end
/// (2023-02-28 + 3 months = 2023-05-31 in Boost, 2023-05-28 here), because it treats "last day of
/// February" as a day-of-month class of its own. `n` may be negative.
[[nodiscard]] inline std::optional<date> add_months_within(const date& start, int n) {
  require_valid(start, "start");
  const auto ymd = start.year_month_day(); // one conversion from the day number, not three
  const long total = static_cast<long>(ymd.year) * 12 + (static_cast<long>(ymd.month) - 1) + n;
  const long y = total / 12;
  const int m = static_cast<int>(total % 12) + 1;
  if (total < 0 || y < min_year || y > max_year) return std::nullopt;
  const int yy = static_cast<int>(y);
  const int dim = days_in_month(yy, m);
  const int d = ymd.day <= dim ? static_cast<int>(ymd.day) : dim;
  return date(static_cast<unsigned short>(yy), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

/// add_months_within, for a caller that asks for the date itself: a day outside the supported
/// years throws invalid_value (invalid_period, naming "months" and `n`).
[[nodiscard]] inline date add_months_civil(const date& start, int n) {
  if (const std::optional<date> d = add_months_within(start, n)) return *d;
  throw invalid_value(error_id::invalid_period, "months", n,
                      "moves " + to_iso(start) + " outside the supported years 1800-2400");
}

} // namespace eldercare
