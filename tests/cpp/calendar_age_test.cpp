// Age in 周岁, art. 1259 ("以上" includes the number) and the 29 February birthday.
#include <catch2/catch.hpp>

#include "eldercare/calendar/age.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }
} // namespace

TEST_CASE("a year is gained on the birthday by default") {
  const date birth = d("1944-05-01");
  CHECK(age_on(birth, d("2024-04-30")) == 79);
  CHECK(age_on(birth, d("2024-05-01")) == 80);
  CHECK(date_reaching_age(birth, 80) == d("2024-05-01"));
  CHECK(age_on(birth, birth) == 0);
  CHECK_THROWS_AS(age_on(birth, d("1944-04-30")), invalid_value);
}

TEST_CASE("the day-after-birthday reading is an option") {
  const age_rule day_after{age_reached::day_after_birthday, leap_day_birthday::february_28};
  const date birth = d("1944-05-01");
  CHECK(age_on(birth, d("2024-05-01"), day_after) == 79);
  CHECK(age_on(birth, d("2024-05-02"), day_after) == 80);
  CHECK(date_reaching_age(birth, 80, day_after) == d("2024-05-02"));
}

TEST_CASE("29 February birthdays") {
  const date birth = d("1944-02-29");
  // Common year 2023: art. 202 fallback, the last day of February.
  CHECK(date_reaching_age(birth, 79) == d("2023-02-28"));
  CHECK(age_on(birth, d("2023-02-27")) == 78);
  CHECK(age_on(birth, d("2023-02-28")) == 79);
  // Leap year 2024: the birthday itself.
  CHECK(date_reaching_age(birth, 80) == d("2024-02-29"));
  CHECK(age_on(birth, d("2024-02-28")) == 79);
  CHECK(age_on(birth, d("2024-02-29")) == 80);
  // Option: 1 March in common years.
  const age_rule march{age_reached::on_birthday, leap_day_birthday::march_1};
  CHECK(date_reaching_age(birth, 79, march) == d("2023-03-01"));
  CHECK(age_on(birth, d("2023-02-28"), march) == 78);
  CHECK(date_reaching_age(birth, 80, march) == d("2024-02-29"));
  // Both options together.
  const age_rule both{age_reached::day_after_birthday, leap_day_birthday::march_1};
  CHECK(date_reaching_age(birth, 79, both) == d("2023-03-02"));
}

TEST_CASE("fuzzer regression: a huge age throws invalid_value instead of overflowing") {
  CHECK_THROWS_AS(date_reaching_age(d("2000-01-31"), 214748364), invalid_value);
  CHECK_THROWS_AS(date_reaching_age(d("2000-01-31"), -1), invalid_value);
}

TEST_CASE("an age reached after 2400 has no date within the supported years, and is no error") {
  CHECK_FALSE(date_reaching_age_within(d("2390-06-15"), 60).has_value());
  CHECK(date_reaching_age_within(d("2340-12-31"), 60) == d("2400-12-31"));
  CHECK_FALSE(date_reaching_age_within(d("2340-12-31"), 60,
                                       {age_reached::day_after_birthday, leap_day_birthday::february_28}));
  CHECK_THROWS_AS(date_reaching_age(d("2390-06-15"), 60), invalid_value); // asked for the date itself
  CHECK(age_on(d("2390-06-15"), d("2400-12-31")) == 10);
}

TEST_CASE("fuzzer regression: age_on near 2400-12-31 when the next birthday is past the supported years") {
  // Reached the day after a 2400-12-31 birthday: no date, so the age is still one short.
  const age_rule day_after{age_reached::day_after_birthday, leap_day_birthday::february_28};
  CHECK(age_on(d("2338-12-31"), d("2400-12-31"), day_after) == 61);
  CHECK(age_on(d("2338-12-31"), d("2400-12-31")) == 62);
  CHECK(age_on(d("2338-12-31"), d("2400-12-30"), day_after) == 61);
}
