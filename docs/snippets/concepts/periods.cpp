// Periods and ages (docs/concepts/periods.md): Civil Code month arithmetic (民法典 arts. 200-204,
// 1259), natural months, ages in 周岁. Every expression in the page's table appears verbatim below.
#include <boost/date_time/gregorian/gregorian.hpp> // boost::gregorian::months, to show the difference
#include <eldercare/calendar/age.hpp>
#include <eldercare/calendar/period.hpp>

#include "snippet_check.hpp" // check, throws, exit_code

using snippet::check;
using snippet::throws;

int main() {
  using namespace eldercare;

  // [start:dates]
  const date admitted = parse_date("2023-02-28");        // exactly YYYY-MM-DD
  const date built = make_date(2024, 1, 31, "admitted"); // checked: 2023-02-30 would throw
  // [end:dates]
  check(to_iso(admitted) == "2023-02-28", "parse_date round-trips");
  check(to_iso(built) == "2024-01-31", "make_date builds 2024-01-31");

  // [start:civil_code]
  const date last = period_last_day(admitted, period::months(3));       // 2023-05-28 (art. 202)
  const date end_jan = add_months_civil(parse_date("2024-01-31"), 1);   // 2024-02-29: no 31 Feb
  const date end_leap = add_months_civil(parse_date("2024-02-29"), 12); // 2025-02-28: no 29 Feb
  const bool complete = is_period_complete(admitted, period::months(3), parse_date("2023-05-28"));
  const int whole = full_months_between(admitted, parse_date("2023-12-01")); // 9
  // [end:civil_code]
  check(to_iso(last) == "2023-05-28", "2023-02-28 + 3 months ends 2023-05-28");
  check(to_iso(end_jan) == "2024-02-29", "31 Jan + 1 month = 29 Feb in a leap year");
  check(to_iso(add_months_civil(parse_date("2023-01-31"), 1)) == "2023-02-28", "31 Jan + 1 month = 28 Feb");
  check(to_iso(end_leap) == "2025-02-28", "29 Feb + 12 months = 28 Feb");
  check(complete, "complete at 24:00 on the last day (art. 203)");
  check(!is_period_complete(admitted, period::months(3), parse_date("2023-05-27")), "not the day before");
  check(whole == 9, "nine whole months to 2023-12-01");

  // [start:boost]
  // Boost snaps a month-end start to the target month's end: 2023-05-31, three days later than the
  // Code. eldercare never uses boost::gregorian::months; add_months_civil is the one month function.
  const date boost_end = admitted + boost::gregorian::months(3);
  // [end:boost]
  check(to_iso(boost_end) == "2023-05-31", "Boost gives 2023-05-31");
  check(boost_end != last, "and that is not the Civil Code date");

  // [start:options]
  const date natural = period_last_day(admitted, period::months(3), {month_counting::natural_month});
  const date next_day = period_complete_on(admitted, period::months(3), {}, check_time::start_of_day);
  const date in_days = period_last_day(admitted, period::days(90));
  // [end:options]
  check(to_iso(natural) == "2023-05-31", "自然月: the 3rd whole month after February ends 05-31");
  check(to_iso(next_day) == "2023-05-29", "start_of_day: complete only from the next day");
  check(to_iso(in_days) == "2023-05-29", "90 days after 2023-02-28");

  // [start:ages]
  const date birth = parse_date("1944-02-29");
  const int age = age_on(birth, parse_date("2024-02-28")); // 79: not yet 80 in 2024
  const date eighty = date_reaching_age(birth, 80);        // 2024-02-29
  const date eighty_one = date_reaching_age(birth, 81);    // 2025-02-28 (art. 202)
  const date later = date_reaching_age(birth, 81, {age_reached::on_birthday, leap_day_birthday::march_1});
  const date court = date_reaching_age(parse_date("1944-06-15"), 80, {age_reached::day_after_birthday});
  // [end:ages]
  check(age == 79, "79 on the day before a leap-year birthday");
  check(to_iso(eighty) == "2024-02-29", "80 on 2024-02-29");
  check(to_iso(eighty_one) == "2025-02-28", "a 29 Feb birthday falls on 28 Feb in a common year");
  check(to_iso(later) == "2025-03-01", "the march_1 option");
  check(to_iso(court) == "2024-06-16", "the day-after-birthday option");
  check(age_on(birth, parse_date("2025-02-28")) == 81, "81 on 2025-02-28");

  // [start:errors]
  // Each throws eldercare::invalid_value naming the field and the value:
  //   parse_date("2023-02-30")                          invalid_date (101): not a calendar date
  //   period::months(-1)                                invalid_period (108): a period cannot be negative
  //   age_on(birth, parse_date("1900-01-01"))           invalid_person (106): before the birth date
  // [end:errors]
  check(throws(error_id::invalid_date, [] { (void)parse_date("2023-02-30"); }), "30 Feb rejected");
  check(throws(error_id::invalid_period, [] { (void)period::months(-1); }), "negative period rejected");
  check(throws(error_id::invalid_person, [&] { (void)age_on(birth, parse_date("1900-01-01")); }),
        "an age before birth rejected");
  try {
    (void)parse_date("2023/05/28", "stays[0].admitted");
    check(false, "slashes are not ISO 8601");
  } catch (const invalid_value& e) {
    check(e.field() == "stays[0].admitted" && e.value() == "2023/05/28", "the error names field and value");
  }
  return snippet::exit_code();
}
