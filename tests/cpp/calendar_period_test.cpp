// Civil Code periods (民法典 arts. 200-204): expected values worked out by hand from the articles.
#include <catch2/catch.hpp>

#include <boost/date_time/gregorian/gregorian.hpp> // boost::gregorian::months, to pin the difference

#include "eldercare/calendar/period.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }
} // namespace

TEST_CASE("add_months_civil takes the corresponding day or the month's last day (art. 202)") {
  CHECK(add_months_civil(d("2024-01-15"), 3) == d("2024-04-15"));
  CHECK(add_months_civil(d("2024-01-31"), 1) == d("2024-02-29")); // leap February
  CHECK(add_months_civil(d("2023-01-31"), 1) == d("2023-02-28"));
  CHECK(add_months_civil(d("2024-01-31"), 3) == d("2024-04-30"));
  CHECK(add_months_civil(d("2024-12-31"), 2) == d("2025-02-28"));
  CHECK(add_months_civil(d("2024-03-31"), -1) == d("2024-02-29"));
  CHECK(add_months_civil(d("2024-05-10"), 0) == d("2024-05-10"));
  CHECK(add_months_civil(d("2024-11-30"), 14) == d("2026-01-30"));
}

TEST_CASE("Boost's months snap month ends; the Civil Code does not") {
  // 2023-02-28 is February's last day. Boost treats it as "end of month" and lands on 05-31; the
  // Civil Code takes the corresponding day 28.
  const date start = d("2023-02-28");
  CHECK(start + boost::gregorian::months(3) == d("2023-05-31"));
  CHECK(period_last_day(start, 3) == d("2023-05-28"));
  // The same on a 30-day month end: Boost 2024-04-30 + 1 month = 05-31, Civil Code 05-30.
  CHECK(d("2024-04-30") + boost::gregorian::months(1) == d("2024-05-31"));
  CHECK(add_months_civil(d("2024-04-30"), 1) == d("2024-05-30"));
  // Where the start is not a month end the two agree.
  CHECK(d("2024-01-15") + boost::gregorian::months(3) == period_last_day(d("2024-01-15"), 3));
}

TEST_CASE("DOMAIN.md F.1 worked examples: 入住满三个月 complete at 24:00 on") {
  CHECK(period_last_day(d("2024-01-15"), 3) == d("2024-04-15"));
  CHECK(period_last_day(d("2024-01-31"), 3) == d("2024-04-30"));
  CHECK(period_last_day(d("2024-08-31"), 3) == d("2024-11-30"));
  CHECK(period_last_day(d("2024-11-30"), 3) == d("2025-02-28"));
  CHECK(period_last_day(d("2023-11-30"), 3) == d("2024-02-29"));
  CHECK(period_last_day(d("2025-02-28"), 3) == d("2025-05-28"));
  CHECK(period_last_day(d("2024-07-01"), 3) == d("2024-10-01"));
}

TEST_CASE("periods of days and years") {
  // Art. 201: the start day is not counted, so 10 days from 03-01 end on 03-11.
  CHECK(period_last_day(d("2024-03-01"), period::days(10)) == d("2024-03-11"));
  CHECK(period_last_day(d("2024-02-20"), period::days(10)) == d("2024-03-01"));
  CHECK(period_last_day(d("2024-02-29"), period::years(1)) == d("2025-02-28"));
  CHECK(period_last_day(d("2024-02-29"), period::years(4)) == d("2028-02-29"));
  CHECK(period_last_day(d("2024-06-01"), period::days(0)) == d("2024-06-01"));
  CHECK_THROWS_AS(period::months(-1), invalid_value);
}

TEST_CASE("natural-month counting is a named option") {
  const period_counting natural{month_counting::natural_month, nullptr};
  // Admitted 01-15: February, March, April are the three natural months.
  CHECK(period_last_day(d("2024-01-15"), period::months(3), natural) == d("2024-04-30"));
  CHECK(period_last_day(d("2024-01-01"), period::months(3), natural) == d("2024-04-30"));
  CHECK(period_last_day(d("2023-11-30"), period::months(3), natural) == d("2024-02-29"));
  CHECK(period_last_day(d("2024-01-15"), period::months(3)) == d("2024-04-15"));
}

TEST_CASE("completion on a date: end of day (default) versus start of day") {
  const date start = d("2024-01-31");
  const period three = period::months(3);
  CHECK_FALSE(is_period_complete(start, three, d("2024-04-29")));
  CHECK(is_period_complete(start, three, d("2024-04-30")));
  CHECK(is_period_complete(start, three, d("2024-05-01")));
  CHECK_FALSE(is_period_complete(start, three, d("2024-04-30"), {}, check_time::start_of_day));
  CHECK(is_period_complete(start, three, d("2024-05-01"), {}, check_time::start_of_day));
  CHECK(period_complete_on(start, three) == d("2024-04-30"));
  CHECK(period_complete_on(start, three, {}, check_time::start_of_day) == d("2024-05-01"));
}

TEST_CASE("art. 203 holiday extension applies only when a calendar is given") {
  holiday_calendar national_day;
  national_day.add_holiday(d("2024-10-01"), d("2024-10-07"));
  const period_counting with_holidays{month_counting::civil_code, &national_day};
  CHECK(period_last_day(d("2024-07-01"), period::months(3), with_holidays) == d("2024-10-08"));
  CHECK(period_last_day(d("2024-07-01"), period::months(3)) == d("2024-10-01"));
  CHECK_THROWS_AS(national_day.add_holiday(d("2024-10-07"), d("2024-10-01")), invalid_value);
}

TEST_CASE("full months between two dates") {
  CHECK(full_months_between(d("2024-01-31"), d("2024-04-29")) == 2);
  CHECK(full_months_between(d("2024-01-31"), d("2024-04-30")) == 3);
  CHECK(full_months_between(d("2024-01-31"), d("2024-02-29")) == 1);
  CHECK(full_months_between(d("2023-02-28"), d("2023-05-27")) == 2);
  CHECK(full_months_between(d("2023-02-28"), d("2023-05-28")) == 3);
  CHECK(full_months_between(d("2024-05-01"), d("2024-04-01")) == 0);
  CHECK(full_months_between(d("2020-06-15"), d("2026-06-15")) == 72);
}

TEST_CASE("invalid dates are rejected with the field and value") {
  try {
    (void)parse_date("2023-02-30", "stays[0].admitted");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "stays[0].admitted");
    CHECK(e.value() == "2023-02-30");
    CHECK(std::string(e.what()).find("[eldercare.invalid_value.101]") != std::string::npos);
  }
  CHECK_THROWS_AS(parse_date("2023-2-3"), invalid_value);
  CHECK_THROWS_AS(parse_date("2023-13-01"), invalid_value);
  CHECK_THROWS_AS(parse_date("20a3-01-01"), invalid_value);
  CHECK_THROWS_AS(parse_date("1700-01-01"), invalid_value);
  CHECK(parse_date("2024-02-29") == date(2024, 2, 29));
  CHECK(to_iso(parse_date("2024-02-29")) == "2024-02-29");
}

TEST_CASE("fuzzer regressions: out-of-range periods throw invalid_value, never overflow or Boost errors") {
  // 12 * years overflowed int (UB) before the range check.
  CHECK_THROWS_AS(period_last_day(d("2000-01-31"), period::years(214748364)), invalid_value);
  // A day count past year 9999 made Boost throw bad_year instead of our error.
  CHECK_THROWS_AS(period_last_day(d("2000-01-31"), period::days(3000000)), invalid_value);
  // Near the end of the supported range the upward probe went past 2400 and threw.
  CHECK(full_months_between(d("2400-12-01"), d("2400-12-31")) == 0);
  CHECK(full_months_between(d("2400-11-30"), d("2400-12-31")) == 1);
}

TEST_CASE("a period longer than the supported years is refused; one that ends after 2400 is never complete") {
  CHECK(period::max_count(period_unit::days) == (d("2400-12-31") - d("1800-01-01")).days());
  CHECK(period::max_count(period_unit::months) == 7211);
  CHECK(period::max_count(period_unit::years) == 600);
  CHECK_THROWS_AS(period::months(1000000000), invalid_value);
  CHECK_THROWS_AS(period::days(219511), invalid_value);
  CHECK_THROWS_AS(period::years(601), invalid_value);
  // Valid periods from valid starts: no date after 2400, so never complete, and no error.
  CHECK_FALSE(period_complete_within(d("2390-06-15"), period::months(127)).has_value());
  CHECK(period_complete_within(d("2390-06-15"), period::months(120), {}, check_time::end_of_day) ==
        d("2400-06-15"));
  CHECK_FALSE(
      period_complete_within(d("2400-12-31"), period::days(0), {}, check_time::start_of_day).has_value());
  CHECK_FALSE(period_last_day_within(d("2400-12-31"), period::days(1)).has_value());
  CHECK(period_last_day_within(d("2400-06-30"), period::months(6), {month_counting::natural_month}) ==
        d("2400-12-31"));
  CHECK_FALSE(period_last_day_within(d("2400-06-30"), period::months(7), {month_counting::natural_month})
                  .has_value());
  CHECK_FALSE(is_period_complete(d("2390-06-15"), period::years(20), d("2400-12-31")));
  // A caller asking for the date itself still gets the error naming the step that leaves the years.
  CHECK_THROWS_WITH(period_last_day(d("2400-12-01"), period::months(1)), Catch::Contains("months = 1:"));
  CHECK(add_months_within(d("2400-12-31"), 1) == std::nullopt);
  CHECK(add_months_within(d("1800-01-31"), -1) == std::nullopt);
  CHECK(add_months_within(d("2400-11-30"), 1) == d("2400-12-30"));
}
