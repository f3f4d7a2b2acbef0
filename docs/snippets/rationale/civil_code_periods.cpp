// Rationale: why eldercare counts months by the Civil Code (民法典 arts. 201-202, 1259) and not with
// boost::gregorian::months. Every case below is worked by hand from art. 202 ("到期月的对应日为期间的
// 最后一日；没有对应日的，月末日为期间的最后一日"); the program fails when the library disagrees, and
// also when Boost stops differing where the page says it differs.
#include <iostream> // the table of cases
#include <string>   // check messages naming the case
#include <vector>   // the worked cases

#include <boost/date_time/gregorian/gregorian.hpp> // boost::gregorian::months, the alternative shown
#include <eldercare/calendar/age.hpp>              // date_reaching_age, age_rule
#include <eldercare/calendar/month_arithmetic.hpp> // add_months_civil
#include <eldercare/calendar/period.hpp>           // period_last_day, is_period_complete

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  using namespace eldercare;

  // [start:cases]
  struct worked_case {
    const char* start;
    int months;
    const char* civil_code; // art. 202, by hand
    const char* boost;      // what boost::gregorian::months gives
  };
  const std::vector<worked_case> cases = {
      // 31 January: February has no 31st, so both land on its last day ...
      {"2023-01-31", 1, "2023-02-28", "2023-02-28"},
      // ... but Boost then treats 28 February as "a month end" and keeps snapping:
      {"2023-02-28", 3, "2023-05-28", "2023-05-31"},
      // 29 February: the corresponding day exists in March; Boost snaps to 31 March.
      {"2024-02-29", 1, "2024-03-29", "2024-03-31"},
      // 29 February + 12 months: no 29th in February 2025, so its last day (both agree).
      {"2024-02-29", 12, "2025-02-28", "2025-02-28"},
      // 30 November: December has a 30th; Boost snaps to 31 December.
      {"2023-11-30", 1, "2023-12-30", "2023-12-31"},
      // 30 November + 3 months: no 30 February, so February's last day in a leap year.
      {"2023-11-30", 3, "2024-02-29", "2024-02-29"},
  };
  for (const auto& c : cases) {
    const date start = parse_date(c.start);
    const date civil = add_months_civil(start, c.months);
    const date boost = start + boost::gregorian::months(c.months);
    std::cout << c.start << " + " << c.months << " months: Civil Code " << to_iso(civil) << ", Boost "
              << to_iso(boost) << '\n';
    check(civil == parse_date(c.civil_code), std::string("Civil Code date for ") + c.start);
    check(boost == parse_date(c.boost), std::string("Boost date for ") + c.start);
  }
  // [end:cases]

  // [start:from_the_start]
  // A period is always counted from its start, never by chaining one-month steps: 31 January + 2
  // months is 31 March, although (31 January + 1 month) + 1 month is 28 March.
  const date jan31 = parse_date("2023-01-31");
  check(add_months_civil(jan31, 2) == parse_date("2023-03-31"), "two months from 31 January");
  check(add_months_civil(add_months_civil(jan31, 1), 1) == parse_date("2023-03-28"), "two chained steps");
  // [end:from_the_start]

  // [start:stay]
  // A stay that began on 30 November 2023 completes three months on 29 February 2024 (art. 201: the
  // day of admission is not counted; art. 203: the last day counts in full), so a decision dated
  // 29 February already sees the period complete.
  const date admitted = parse_date("2023-11-30");
  check(period_last_day(admitted, period::months(3)) == parse_date("2024-02-29"), "last day of the stay");
  check(!is_period_complete(admitted, period::months(3), parse_date("2024-02-28")), "not complete on 02-28");
  check(is_period_complete(admitted, period::months(3), parse_date("2024-02-29")), "complete on 02-29");
  // [end:stay]

  // [start:leap_day_birthday]
  // Someone born on 29 February reaches an age in a common year on 28 February (art. 202's fallback,
  // the default) or on 1 March (a named alternative): the choice is a parameter, not an accident.
  const date born = parse_date("1944-02-29");
  check(date_reaching_age(born, 80) == parse_date("2024-02-29"), "80 in a leap year");
  check(date_reaching_age(born, 81) == parse_date("2025-02-28"), "81 by default");
  check(date_reaching_age(born, 81,
                          age_rule{.reached = age_reached::on_birthday,
                                   .leap_day = leap_day_birthday::march_1}) == parse_date("2025-03-01"),
        "81 under the 1 March reading");
  // [end:leap_day_birthday]
  return snippet::exit_code();
}
