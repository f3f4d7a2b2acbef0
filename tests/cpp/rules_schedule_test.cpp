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
      pay_month(expected, p->version_on(lines[k].tested_on), k == 0, state);
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
