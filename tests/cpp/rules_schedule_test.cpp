// Schedules (rules/schedule.hpp): the one counter of deliveries (per month, per day, per year every
// twelve months, one-off once) pays money and delivers other quantities alike; money and quantities
// are counted apart; a household is scheduled as evaluate(policy, household) grants.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

person elder(const char* id, const char* birth, const char* household = "") {
  return person{.id = id,
                .birth_date = d(birth),
                .hukou = {rc("110105"), std::nullopt},
                .residence = {rc("110105"), false},
                .household_id = household};
}

// One rule, "60 or over", granting `grant`, in force from 2020 (or over the given span).
policy aged_60(const char* id, benefit grant, const char* from = "2020-01-01",
               std::optional<date> to = std::nullopt, payee paid_to = payee::person) {
  const citation c{};
  return policy(id, id,
                {policy_version{"v",
                                d(from),
                                to,
                                c,
                                combination::first_match,
                                paid_to,
                                {basic_rule<person>{
                                    "r", "", c, basic_any_condition<person>(age_at_least(60)), grant, {}}},
                                {}}});
}

std::vector<std::int64_t> quantities(const std::vector<schedule_line>& lines) {
  std::vector<std::int64_t> out;
  for (const auto& l : lines) out.push_back(l.quantity);
  return out;
}
} // namespace

TEST_CASE("deliveries_in_month: per month once, per day the month's days, per year every twelve months, "
          "one-off once") {
  delivery_state s;
  CHECK(deliveries_in_month(benefit_period::per_month, 2024, 2, s) == 1);
  CHECK(deliveries_in_month(benefit_period::per_day, 2024, 2, s) == 29);
  CHECK(deliveries_in_month(benefit_period::per_day, 2023, 2, s) == 28);
  CHECK(deliveries_in_month(benefit_period::per_day, 2024, 7, s) == 31);
  CHECK(deliveries_in_month(benefit_period::per_year, 2024, 3, s) == 1);
  CHECK(s.last_annual == 2024 * 12 + 2);
  CHECK(deliveries_in_month(benefit_period::per_year, 2024, 12, s) == 0);
  CHECK(deliveries_in_month(benefit_period::per_year, 2025, 2, s) == 0);
  CHECK(deliveries_in_month(benefit_period::per_year, 2025, 3, s) == 1);
  CHECK(deliveries_in_month(benefit_period::one_off, 2024, 1, s) == 1);
  CHECK(s.one_off_done);
  CHECK(deliveries_in_month(benefit_period::one_off, 2024, 2, s) == 0);
  CHECK(deliveries_in_month(benefit_period::one_off, 2030, 1, s) == 0);
}

TEST_CASE("a per-year quantity is delivered every twelve months from the first month granted") {
  const policy p = aged_60("hours", benefit::make(benefit_unit::service_hours, benefit_period::per_year, 40));
  // 60 on 2024-03-01: eligible from March 2024 (tested at month end) through February 2027.
  const auto lines = schedule(p, elder("a", "1964-03-01"), d("2024-01-01"), d("2027-02-28"));
  REQUIRE(lines.size() == 38);
  std::vector<std::int64_t> expected(38, 0);
  expected[2] = expected[14] = expected[26] = 40; // 2024-03, 2025-03, 2026-03
  CHECK(quantities(lines) == expected);
  CHECK(total(lines) == money()); // no money is paid for hours
  CHECK(lines[5].eligible);
  CHECK_FALSE(lines[1].eligible);
}

TEST_CASE("a one-off quantity is delivered once, in the first month granted") {
  const policy p = aged_60("points", priority_points(5));
  const auto lines = schedule(p, elder("a", "1964-03-01"), d("2024-01-01"), d("2024-12-31"));
  std::vector<std::int64_t> expected(12, 0);
  expected[2] = 5;
  CHECK(quantities(lines) == expected);
  // Eligible before the schedule starts: delivered in its first month.
  const auto already = schedule(p, elder("b", "1950-01-01"), d("2024-06-15"), d("2024-09-30"));
  CHECK(quantities(already) == std::vector<std::int64_t>{5, 0, 0, 0});
}

TEST_CASE("per-day and per-month quantities are delivered every month granted") {
  const policy meals = aged_60("meals", meals_per_day(2));
  CHECK(quantities(schedule(meals, elder("a", "1950-01-01"), d("2024-01-01"), d("2024-04-30"))) ==
        std::vector<std::int64_t>{62, 58, 62, 60});
  CHECK(quantities(schedule(meals, elder("a", "1950-01-01"), d("2023-02-01"), d("2023-02-28"))) ==
        std::vector<std::int64_t>{56});
  const policy visits = aged_60("visits", visits_per_month(3));
  CHECK(quantities(schedule(visits, elder("b", "1964-03-01"), d("2024-01-01"), d("2024-05-31"))) ==
        std::vector<std::int64_t>{0, 0, 3, 3, 3});
}

TEST_CASE("money and quantities are counted apart: a one-off sum does not use up one-off points") {
  const citation c{};
  auto version = [&](const char* from, std::optional<date> to, benefit grant) {
    return policy_version{
        "v",
        d(from),
        to,
        c,
        combination::first_match,
        payee::person,
        {basic_rule<person>{"r", "", c, basic_any_condition<person>(age_at_least(60)), grant, {}}},
        {}};
  };
  const policy p("switch", "switch",
                 {version("2020-01-01", d("2024-03-31"), money_once(1000_yuan)),
                  version("2024-04-01", std::nullopt, priority_points(5))});
  const auto lines = schedule(p, elder("a", "1950-01-01"), d("2024-01-01"), d("2024-06-30"));
  CHECK(lines[0].amount == 1000_yuan);
  CHECK(total(lines) == 1000_yuan);
  CHECK(quantities(lines) == std::vector<std::int64_t>{0, 0, 0, 5, 0, 0});
  // A money grant has no quantity delivered; a quantity grant pays no money.
  CHECK(lines[1].quantity == 0);
  CHECK(lines[3].amount == money());
}

TEST_CASE("a household is scheduled as evaluate(policy, household) grants it") {
  const policy phone =
      aged_60("phone", money_per_month(10_yuan), "2020-01-01", std::nullopt, payee::household);
  const policy hours =
      aged_60("hours", benefit::make(benefit_unit::service_hours, benefit_period::per_year, 40));
  // "b" turns 60 in May 2024; "a" never before 2030.
  const household h{"h1", {elder("a", "1975-01-01", "h1"), elder("b", "1964-05-10", "h1")}};
  for (const policy* p : {&phone, &hours}) {
    const auto lines = schedule(*p, h, d("2024-01-01"), d("2025-12-31"));
    REQUIRE(lines.size() == 24);
    schedule_state state;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      INFO(p->id() << " month " << k);
      CHECK(lines[k].granted == evaluate(*p, h, lines[k].tested_on).granted);
      schedule_line expected = lines[k];
      pay_month(expected, p->version_on(lines[k].tested_on), k == 0, state,
                [&] { return arrears_floor(*p, evaluate(*p, h, lines[k].tested_on)); });
      CHECK(expected.amount == lines[k].amount);
      CHECK(expected.quantity == lines[k].quantity);
    }
    CHECK_FALSE(lines[3].eligible); // April 2024
    CHECK(lines[4].eligible);       // May 2024
  }
  CHECK(total(schedule(phone, h, d("2024-01-01"), d("2025-12-31"))) == 10_yuan * 20);
  CHECK(quantities(schedule(hours, h, d("2024-01-01"), d("2025-12-31")))[16] == 40); // 2025-05
  CHECK_THROWS_AS(schedule(phone, h, d("2024-07-01"), d("2024-03-01")), invalid_value);
}

namespace {
// A stay of 45 days in a filed Hebei institution pays 100 yuan a month, with three months of
// arrears on the first payment (a back-pay reading), from 2020-01-01.
policy stay_45_days() {
  const citation c{};
  const facility_criteria hebei{region_set("河北", {rc("130000")}), {facility_kind::institution}, true};
  policy_version v{
      "v",
      d("2020-01-01"),
      std::nullopt,
      c,
      combination::first_match,
      payee::person,
      {basic_rule<person>{"stay",
                          "",
                          c,
                          basic_any_condition<person>(continuous_stay_at_least(period::days(45), hebei)),
                          money_per_month(100_yuan),
                          {}}},
      {}};
  v.arrears_months = 3;
  return policy("stay45", "stay45", {v});
}

person resident(const char* admitted) {
  person p = elder("a", "1950-01-01");
  p.stays = {stay("HB", d(admitted))};
  return p;
}

facility_registry hebei_home() {
  facility_registry r;
  r.add(facility("HB", facility_kind::institution, rc("131082"), 100, filing(rc("131082"), d("2019-01-01"))));
  return r;
}
} // namespace

// Issue 13: arrears never reach back before the admission that began the stay. By hand (art. 201: the
// admission day is not counted; 45 days complete on the 45th day after it; a month is paid when
// eligible on its last day).
TEST_CASE("arrears stop at the admission: a month owed is one the stay covers for a day") {
  const facility_registry reg = hebei_home();
  const policy p = stay_45_days();
  // Admitted 2023-01-31: 45 days complete on 2023-03-17; March is the first paid month. Of the three
  // months wanted (December, January, February) the stay covers January (from the 31st) and February:
  // 2 months of arrears → 100 × 3 = 300.
  auto lines = schedule(p, resident("2023-01-31"), d("2022-10-01"), d("2023-04-30"), &reg);
  REQUIRE(lines.size() == 7);
  CHECK((lines[5].month == 3 && lines[5].arrears_months == 2 && lines[5].amount == 300_yuan));
  CHECK(total(lines) == 400_yuan); // March 300, April 100
  // One day later, admitted 2023-02-01: complete 2023-03-18, first paid March; only February is owed
  // → 1 month, 100 × 2 = 200.
  lines = schedule(p, resident("2023-02-01"), d("2022-10-01"), d("2023-04-30"), &reg);
  CHECK((lines[5].month == 3 && lines[5].arrears_months == 1 && lines[5].amount == 200_yuan));
  // arrears_floor says why: the later of the rule's start (2020-01-01) and the stay's start.
  const decision dec = evaluate(p, resident("2023-02-01"), d("2023-03-31"), &reg);
  REQUIRE(dec.counted_from() == d("2023-02-01"));
  CHECK(arrears_floor(p, dec) == d("2023-02-01"));
  // The rule's start clips too: admitted 2019-12-01, complete 2020-01-15, first paid January 2020 (the
  // first month in force): nothing before 2020-01-01 is owed.
  lines = schedule(p, resident("2019-12-01"), d("2019-10-01"), d("2020-02-29"), &reg);
  CHECK((lines[3].month == 1 && lines[3].arrears_months == 0 && lines[3].amount == 100_yuan));
}

TEST_CASE(
    "arrears reach back over contiguous versions that keep the granting rule, not past one that adds it") {
  const citation c{};
  const region_set xicheng("西城区", {rc("110102")});
  const basic_rule<person> old_rule{
      "old", "", c, basic_any_condition<person>(age_at_least(60)), money_per_month(10_yuan), {}};
  const basic_rule<person> new_rule{"new",
                                    "",
                                    c,
                                    basic_any_condition<person>(hukou_in(xicheng) && age_at_least(50)),
                                    money_per_month(10_yuan),
                                    {}};
  policy_version v1{
      "v1", d("2020-01-01"), d("2020-12-31"), c, combination::first_match, payee::person, {old_rule}, {}};
  policy_version v2{
      "v2", d("2021-01-01"), std::nullopt, c, combination::first_match, payee::person, {old_rule, new_rule},
      {}};
  v1.arrears_months = v2.arrears_months = 6;
  const policy p("two", "two", {v1, v2});
  // Turns 60 on 2021-03-10 (hukou 朝阳): first paid March 2021 (index 9 from June 2020) by rule "old",
  // in force since 2020 without a break → all 6 months wanted (September 2020 – February 2021).
  auto lines = schedule(p, elder("a", "1961-03-10"), d("2020-06-01"), d("2021-06-30"));
  CHECK((lines[9].month == 3 && lines[9].arrears_months == 6 && lines[9].amount == 70_yuan));
  // Xicheng hukou, turns 50 on 2021-03-10: first paid March 2021 by rule "new", which v2 added on
  // 2021-01-01 → January and February only, 10 × 3 = 30.
  person b = elder("b", "1971-03-10");
  b.hukou = {rc("110102"), std::nullopt};
  lines = schedule(p, b, d("2020-06-01"), d("2021-06-30"));
  CHECK((lines[9].month == 3 && lines[9].arrears_months == 2 && lines[9].amount == 30_yuan));
}

// Issue 13: before a scheme's first known date (known_start) a month is undetermined — neither paid
// nor unpaid — and a schedule says so instead of paying 0.
TEST_CASE("undetermined months: unknown, left out of the total, counted apart") {
  const policy known = std::move(aged_60("known", money_per_month(10_yuan), "2022-10-15"))
                           .known_from(d("2022-10-15"), "the platform had run for ten years");
  REQUIRE(known.known_from().has_value());
  CHECK(known.known_from()->to_string() ==
        "scheme known from 2022-10-15; earlier dates undetermined (the platform had run for ten years)");
  CHECK(status_on(known, d("2022-10-14")) == decision_status::undetermined);
  CHECK(status_on(known, d("2022-10-15")) == decision_status::decided);
  // The same scheme without the known start: not in force before it.
  const policy plain = aged_60("plain", money_per_month(10_yuan), "2022-10-15");
  CHECK(status_on(plain, d("2022-10-14")) == decision_status::not_in_force);

  const person p = elder("a", "1950-01-01");
  const decision before = evaluate(known, p, d("2022-10-14"));
  CHECK(before.status == decision_status::undetermined);
  CHECK_FALSE(before.eligible);
  CHECK_FALSE(before.granted.has_value());
  CHECK(before.status_note == known.known_from()->to_string());
  CHECK(explain(before).find("UNDETERMINED — scheme known from 2022-10-15") != std::string::npos);
  CHECK_FALSE(grant_on(known, p, d("2022-10-14")).has_value());

  // September and October 2022 are tested on their last days: September is undetermined, October is
  // decided (10-31 is after the known start) and paid.
  const auto lines = schedule(known, p, d("2022-09-01"), d("2022-11-30"));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].status == decision_status::undetermined);
  CHECK_FALSE(lines[0].determined());
  CHECK_FALSE(lines[0].eligible);
  CHECK(lines[1].status == decision_status::decided);
  CHECK(lines[1].amount == 10_yuan);
  CHECK(total(lines) == 20_yuan);
  CHECK(undetermined_months(lines) == 1);
  // Without the known start September is a month not in force: determined, 0 owed.
  const auto plain_lines = schedule(plain, p, d("2022-09-01"), d("2022-11-30"));
  CHECK(plain_lines[0].status == decision_status::not_in_force);
  CHECK(undetermined_months(plain_lines) == 0);
  CHECK(total(plain_lines) == 20_yuan);
}

TEST_CASE("a known start must be the first version's start") {
  CHECK_THROWS_WITH(
      std::move(aged_60("x", money_per_month(10_yuan), "2022-10-15")).known_from(d("2022-10-14"), ""),
      Catch::Contains("x.known_from") && Catch::Contains("2022-10-14") &&
          Catch::Contains("first version's start, 2022-10-15"));
  const citation c{};
  CHECK_THROWS_AS(
      policy("a", "a", {}, computability::announced, "no amounts", known_start{d("2022-10-15"), ""}),
      invalid_value);
}
