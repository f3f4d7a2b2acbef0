// libFuzzer harness: period and age arithmetic on arbitrary dates and counts, with every counting
// option, checking the calendar invariants that the rules rely on:
//  - add_months_civil never throws when the target month is inside 1800-2400, keeps the day or
//    clamps it to the month's end (民法典 art. 202), and throws invalid_value otherwise;
//  - period_last_day(start, n) >= start, its day <= start's day (civil code), and
//    full_months_between(start, period_last_day(start, n)) == n whatever the counting options;
//  - is_period_complete flips exactly on period_complete_on;
//  - age_on(birth, date_reaching_age(birth, n)) == n, and n - 1 the day before, for every age_rule.
// Any exception other than eldercare::invalid_value, a sanitizer report or a broken invariant stops
// the fuzzer.

#include <algorithm> // std::min
#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint8_t
#include <limits>    // int bounds for counts

#include "eldercare/calendar/age.hpp"
#include "eldercare/calendar/date.hpp"
#include "eldercare/calendar/holiday_calendar.hpp"
#include "eldercare/calendar/month_arithmetic.hpp"
#include "eldercare/calendar/period.hpp"

#include "fuzz_common.hpp"

namespace ec = eldercare;
using boost::gregorian::date_duration;
using eldercare_fuzz::expect;
using eldercare_fuzz::guarded;
using eldercare_fuzz::in_range;
using eldercare_fuzz::must_not_throw;

namespace {

// A count: usually a plausible number of months or years, sometimes any int (overflow, negatives).
int count(FuzzedDataProvider& in, int plausible_max) {
  switch (in.ConsumeIntegralInRange<int>(0, 7)) {
  case 0: return in.ConsumeIntegral<int>();
  case 1: return in.ConsumeIntegralInRange<int>(-plausible_max, -1);
  case 2: return in.ConsumeBool() ? std::numeric_limits<int>::max() : std::numeric_limits<int>::min();
  default: return in.ConsumeIntegralInRange<int>(0, plausible_max);
  }
}

// The month `n` months after `d`'s month, as year * 12 + (month - 1), computed without overflow.
long month_index(const ec::date& d, int n) {
  return static_cast<long>(d.year()) * 12 + static_cast<long>(d.month()) - 1 + n;
}
bool month_in_range(long index) { return index >= ec::min_year * 12L && index <= ec::max_year * 12L + 11; }

// At most three short holidays (7 days each) near `around`: together under 28 days, so art. 203's
// extension never carries a period's last day past the next period's (which is >= 28 days later).
ec::holiday_calendar holidays_near(FuzzedDataProvider& in, const ec::date& around) {
  ec::holiday_calendar cal;
  const int n = in.ConsumeIntegralInRange<int>(1, 3);
  for (int i = 0; i < n; ++i) {
    const ec::date first = around + date_duration(in.ConsumeIntegralInRange<long>(-20, 40));
    const ec::date last = first + date_duration(in.ConsumeIntegralInRange<long>(0, 6));
    guarded([&] { cal.add_holiday(first, last); });
  }
  return cal;
}

void fuzz_add_months(FuzzedDataProvider& in) {
  const ec::date start = in.ConsumeBool() ? eldercare_fuzz::supported_date(in) : eldercare_fuzz::any_date(in);
  const int n = count(in, 7300);
  if (!in_range(start)) {
    guarded([&] {
      (void)ec::add_months_civil(start, n);
      eldercare_fuzz::fail("add_months_civil accepted a start outside 1800-2400");
    });
    return;
  }
  const long target = month_index(start, n);
  if (!month_in_range(target)) {
    guarded([&] {
      (void)ec::add_months_civil(start, n);
      eldercare_fuzz::fail("add_months_civil returned a date outside 1800-2400");
    });
    return;
  }
  const ec::date r =
      must_not_throw([&] { return ec::add_months_civil(start, n); }, "add_months_civil in range");
  expect(month_index(r, 0) == target, "add_months_civil lands in the target month");
  const int dim = ec::days_in_month(static_cast<int>(r.year()), static_cast<int>(r.month()));
  expect(static_cast<int>(r.day()) == std::min(static_cast<int>(start.day()), dim),
         "art. 202: same day, or the month's last day");
  if (r.day() == start.day())
    expect(must_not_throw([&] { return ec::add_months_civil(r, -n); }, "add_months_civil back") == start,
           "an unclamped month step is reversible");
  if (n >= 0) expect(r >= start, "adding months never goes back");
  else
    expect(r <= start, "subtracting months never goes forward");
}

void fuzz_period(FuzzedDataProvider& in) {
  const ec::date start = in.ConsumeIntegralInRange<int>(0, 15) == 0 ? eldercare_fuzz::any_date(in)
                                                                    : eldercare_fuzz::supported_date(in);
  const int unit = in.ConsumeIntegralInRange<int>(0, 2);
  const int n = count(in, unit == 0 ? 3000 : unit == 1 ? 1200 : 100);
  ec::period_counting how;
  how.months = in.ConsumeBool() ? ec::month_counting::natural_month : ec::month_counting::civil_code;
  const ec::check_time when = in.ConsumeBool() ? ec::check_time::start_of_day : ec::check_time::end_of_day;
  const bool with_holidays = in.ConsumeIntegralInRange<int>(0, 3) == 0;

  guarded([&] {
    const ec::period p = unit == 0   ? ec::period::days(n)
                         : unit == 1 ? ec::period::months(n)
                                     : ec::period::years(n);
    ec::holiday_calendar cal;
    if (with_holidays) {
      // Put the holidays around the plain (holiday-free) last day, where they matter.
      ec::period_counting plain = how;
      ec::date around = start;
      guarded([&] { around = ec::period_last_day(start, p, plain); });
      if (in_range(around)) cal = holidays_near(in, around);
      how.holidays = &cal;
    }

    const ec::date last = ec::period_last_day(start, p, how); // may throw invalid_value: out of range
    expect(in_range(start), "period_last_day accepted a start outside 1800-2400");
    expect(last >= start, "period_last_day(start, n) >= start");

    // The plain last day, without art. 203's holiday extension.
    ec::period_counting plain = how;
    plain.holidays = nullptr;
    const ec::date plain_last =
        must_not_throw([&] { return ec::period_last_day(start, p, plain); }, "plain last day");
    expect(plain_last <= last, "the holiday extension only delays");
    if (!with_holidays) expect(plain_last == last, "no calendar, no extension");

    const long months = unit == 2 ? 12L * n : n;
    if (unit == 0) {
      expect(plain_last == start + date_duration(n), "a period of n days ends n days after the event");
    } else if (how.months == ec::month_counting::civil_code || n == 0) {
      expect(plain_last.day() <= start.day(), "civil code: the last day's day <= the start's day");
      expect(plain_last == ec::add_months_civil(start, static_cast<int>(months)),
             "civil code = add_months_civil");
    } else {
      expect(plain_last == ec::end_of_month(plain_last), "natural month: ends on a month's last day");
      expect(month_index(plain_last, 0) == month_index(start, static_cast<int>(months)),
             "natural month: n-th month");
    }
    if (unit == 2)
      expect(plain_last == ec::period_last_day(start, ec::period::months(static_cast<int>(months)), plain),
             "n years = 12n months");

    // Completion flips exactly on period_complete_on.
    const ec::date done = ec::period_complete_on(start, p, how, when);
    expect(done == (when == ec::check_time::end_of_day ? last : last + date_duration(1)),
           "period_complete_on");
    if (in_range(done)) {
      expect(must_not_throw([&] { return ec::is_period_complete(start, p, done, how, when); },
                            "is_period_complete"),
             "complete on period_complete_on");
      const ec::date before = done - date_duration(1);
      if (in_range(before))
        expect(!must_not_throw([&] { return ec::is_period_complete(start, p, before, how, when); },
                               "is_period_complete the day before"),
               "not complete the day before period_complete_on");
    }

    // full_months_between inverts period_last_day for months, under every counting option.
    if (unit != 0 && in_range(done)) {
      const int k = must_not_throw([&] { return ec::full_months_between(start, done, how, when); },
                                   "full_months_between(start, period_complete_on(start, n))");
      if (k != static_cast<int>(months))
        eldercare_fuzz::fail("full_months_between(start, period_last_day(start, n)) != n");
    }
  });
}

void fuzz_full_months(FuzzedDataProvider& in) {
  const ec::date start = eldercare_fuzz::supported_date(in);
  const ec::date end = in.ConsumeBool() ? start + date_duration(in.ConsumeIntegralInRange<long>(-40, 3000))
                                        : eldercare_fuzz::any_date(in);
  ec::period_counting how;
  how.months = in.ConsumeBool() ? ec::month_counting::natural_month : ec::month_counting::civil_code;
  const ec::check_time when = in.ConsumeBool() ? ec::check_time::start_of_day : ec::check_time::end_of_day;
  if (!in_range(end)) {
    guarded([&] {
      (void)ec::full_months_between(start, end, how, when);
      eldercare_fuzz::fail("full_months_between accepted an end outside 1800-2400");
    });
    return;
  }
  // Both dates are valid: the count must come back, whatever their distance to the range's edges.
  const int k =
      must_not_throw([&] { return ec::full_months_between(start, end, how, when); }, "full_months_between");
  expect(k >= 0, "full_months_between >= 0");
  if (end <= start) {
    expect(k == 0, "full_months_between is 0 when end <= start");
    return;
  }
  guarded([&] {
    expect(ec::is_period_complete(start, ec::period::months(k), end, how, when), "k months are complete");
  });
  guarded([&] {
    expect(!ec::is_period_complete(start, ec::period::months(k + 1), end, how, when),
           "k + 1 months are not complete");
  });
}

ec::age_rule any_age_rule(FuzzedDataProvider& in) {
  ec::age_rule rule;
  rule.reached = in.ConsumeBool() ? ec::age_reached::day_after_birthday : ec::age_reached::on_birthday;
  rule.leap_day = in.ConsumeBool() ? ec::leap_day_birthday::march_1 : ec::leap_day_birthday::february_28;
  return rule;
}

ec::date birth_date(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 7)) {
  case 0: return eldercare_fuzz::any_date(in);
  case 1: {
    // A 29 February in a leap year (the interesting birthdays).
    static constexpr int leap_years[] = {1804, 1896, 1904, 1960, 2000, 2024, 2096, 2104, 2396, 2400};
    return ec::date(static_cast<unsigned short>(leap_years[in.ConsumeIntegralInRange<int>(0, 9)]), 2, 29);
  }
  default: return eldercare_fuzz::supported_date(in);
  }
}

void fuzz_age(FuzzedDataProvider& in) {
  const ec::date birth = birth_date(in);
  const int years = count(in, 130);
  const ec::age_rule rule = any_age_rule(in);
  guarded([&] {
    const ec::date reached = ec::date_reaching_age(birth, years, rule);
    expect(in_range(birth) && years >= 0, "date_reaching_age accepted a bad birth date or a negative age");
    expect(reached >= birth, "an age is reached on or after the birth date");
    const ec::date plain = ec::add_months_civil(birth, 12 * years);
    expect(reached >= plain && reached <= plain + date_duration(2),
           "the age_rule moves the day by at most 2");
    if (rule == ec::age_rule{}) expect(reached == plain, "the default rule is art. 202's anniversary");
    if (!in_range(reached)) return; // the day after a 2400-12-31 birthday
    expect(must_not_throw([&] { return ec::age_on(birth, reached, rule); }, "age_on(date_reaching_age)") ==
               years,
           "age_on(birth, date_reaching_age(birth, n)) == n");
    const ec::date before = reached - date_duration(1);
    if (years > 0 && in_range(before))
      expect(must_not_throw([&] { return ec::age_on(birth, before, rule); }, "age_on the day before") ==
                 years - 1,
             "age_on the day before date_reaching_age(birth, n) == n - 1");
  });
}

void fuzz_age_on(FuzzedDataProvider& in) {
  const ec::date birth = birth_date(in);
  // Near the birth date when it is a supported one (Boost cannot step past 9999), else anything.
  const ec::date on = in.ConsumeBool() && in_range(birth)
                          ? birth + date_duration(in.ConsumeIntegralInRange<long>(-3, 50000))
                          : eldercare_fuzz::any_date(in);
  const ec::age_rule rule = any_age_rule(in);
  guarded([&] {
    const int a = ec::age_on(birth, on, rule);
    expect(in_range(birth) && in_range(on) && on >= birth, "age_on accepted bad dates");
    expect(a >= 0 && a <= ec::max_year - ec::min_year, "age_on is a plausible age");
    expect(ec::date_reaching_age(birth, a, rule) <= on, "age a is reached on or before `on`");
    guarded(
        [&] { expect(ec::date_reaching_age(birth, a + 1, rule) > on, "age a + 1 is reached after `on`"); });
  });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  switch (in.ConsumeIntegralInRange<int>(0, 5)) {
  case 0: fuzz_add_months(in); break;
  case 1:
  case 2: fuzz_period(in); break;
  case 3: fuzz_full_months(in); break;
  case 4: fuzz_age(in); break;
  default: fuzz_age_on(in); break;
  }
  return 0;
}
