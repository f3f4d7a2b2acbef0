// Hostile input in the library (issue 11): a row whose grant cannot be computed (a sum of grants
// past int64) is that row's error where a batch returns one result per row (batch/row_errors.hpp),
// and the batch's error otherwise, never a wrapped amount; simulation totals are checked and name
// the policy and the month; a population refuses repeated ids whatever the input; valid facts
// evaluate on every supported date, up to 2400-12-31.
#include <catch2/catch.hpp>

#include <cstdint> // int64 limits
#include <limits>  // int64 limits
#include <span>    // persons to the batch functions
#include <string>  // fields
#include <vector>  // persons

#include "eldercare/batch.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/aliases.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/age_by_year.hpp"
#include "eldercare/rules/conditions/stay.hpp"
#include "eldercare/rules/decision.hpp"
#include "eldercare/rules/schedule.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

person elder(const char* id, const char* birth) {
  return person{.id = id,
                .birth_date = d(birth),
                .hukou = {rc("110102"), std::nullopt},
                .residence = {rc("110102"), false}};
}

rule grant_from(const char* id, int age, std::int64_t fen) {
  return rule{id,
              "",
              citation{},
              any_condition(age_at_least(age)),
              benefit::make(benefit_unit::money, benefit_period::per_month, fen),
              {}};
}

/// "60+" and "80+" each grant 2^62 fen a month, summed: a person of 80 or more is granted 2^63 fen,
/// one more than int64 holds.
policy overflowing() {
  const std::int64_t half = std::int64_t{1} << 62;
  return policy("test.overflow", "overflow",
                {policy_version{"v",
                                d("2000-01-01"),
                                std::nullopt,
                                citation{},
                                combination::sum,
                                payee::person,
                                {grant_from("sixty", 60, half), grant_from("eighty", 80, half)},
                                {}}});
}

std::vector<person> three() {
  return {elder("old", "1930-01-01"), elder("mid", "1950-01-01"), elder("young", "1990-01-01")};
}
} // namespace

TEST_CASE("a sum of grants past int64 throws for the person it grants, never wraps") {
  const policy p = overflowing();
  CHECK_THROWS_WITH(grant_on(p, elder("old", "1930-01-01"), d("2024-06-01")),
                    Catch::Contains("eighty.grant") && Catch::Contains("overflows"));
  CHECK(grant_on(p, elder("mid", "1950-01-01"), d("2024-06-01"))->quantity() == std::int64_t{1} << 62);
  const benefit big =
      benefit::make(benefit_unit::money, benefit_period::per_month, std::numeric_limits<std::int64_t>::max());
  CHECK_THROWS_AS(big.plus(benefit::make(benefit_unit::money, benefit_period::per_month, 1), "x"),
                  invalid_value);
  CHECK(big.plus(benefit::make(benefit_unit::money, benefit_period::per_month, 0), "x") == big);
}

TEST_CASE(
    "evaluate_batch: a row that cannot be evaluated is that row's error with a collector, else the batch's") {
  const policy p = overflowing();
  const std::vector<person> people = three();
  const population_columns pop = population_columns::from_persons(people);
  for (const batch_path path : {batch_path::columns, batch_path::materialise}) {
    for (const unsigned threads : {1U, 2U}) {
      batch_options options;
      options.path = path;
      options.threads = threads;
      options.chunk_rows = 1;
      CHECK_THROWS_AS(evaluate_batch(p, pop, d("2024-06-01"), nullptr, options), invalid_value);
      row_errors errors;
      options.errors = &errors;
      const batch_result r = evaluate_batch(p, pop, d("2024-06-01"), nullptr, options);
      CHECK(r.eligible == std::vector<std::uint8_t>{0, 1, 0});
      CHECK(r.amount_fen == std::vector<std::int64_t>{0, std::int64_t{1} << 62, 0});
      const std::vector<row_error> rows = errors.take();
      REQUIRE(rows.size() == 1);
      CHECK(rows[0].row == 0);
      CHECK(rows[0].id == error_id::invalid_money);
      CHECK_THAT(rows[0].message, Catch::Contains("eighty.grant"));
    }
  }
  // A population without the overflowing pattern evaluates without any error (the pattern's error is
  // kept in its table, raised only for a row that has it).
  const population_columns younger =
      population_columns::from_persons(std::vector<person>{people[1], people[2]});
  CHECK(evaluate_batch(p, younger, d("2024-06-01")).eligible == std::vector<std::uint8_t>{1, 0});
}

TEST_CASE("evaluate_each, grant_each and schedule_each record row errors and go on") {
  const policy p = overflowing();
  const std::vector<person> people = three();
  const std::span<const person> subjects(people);
  row_errors errors;
  std::vector<int> visited(3, 0);
  evaluate_each(
      p, subjects, d("2024-06-01"), nullptr, [&](std::size_t i, const decision&) { visited[i] = 1; }, 2,
      &errors);
  CHECK(visited == std::vector<int>{0, 1, 1});
  CHECK(errors.take().front().row == 0);
  grant_each(
      p, subjects, d("2024-06-01"), nullptr,
      [&](std::size_t i, const std::optional<benefit>&) { visited[i] = 2; }, 1, &errors);
  CHECK(visited == std::vector<int>{0, 2, 2});
  CHECK(errors.take().size() == 1);
  const schedule_table t =
      schedule_each(p, subjects, d("2024-05-01"), d("2024-06-30"), nullptr, {}, 1, &errors);
  CHECK(t.amount_fen == std::vector<std::int64_t>{0, 0, std::int64_t{1} << 62, std::int64_t{1} << 62, 0, 0});
  CHECK(errors.take().front().row == 0);
  CHECK_THROWS_AS(schedule_each(p, subjects, d("2024-05-01"), d("2024-06-30")), invalid_value);
}

TEST_CASE("simulation totals past int64 are an error naming the policy and the month") {
  const std::int64_t quarter = std::numeric_limits<std::int64_t>::max() / 3;
  const policy p("test.big", "big",
                 {policy_version{"v",
                                 d("2000-01-01"),
                                 std::nullopt,
                                 citation{},
                                 combination::first_match,
                                 payee::person,
                                 {grant_from("sixty", 60, quarter)},
                                 {}}});
  std::vector<person> people;
  for (int i = 0; i < 4; ++i) people.push_back(elder(("p" + std::to_string(i)).c_str(), "1940-01-01"));
  const population_columns pop = population_columns::from_persons(people);
  try {
    (void)simulate_months(p, pop, d("2024-03-01"), 2);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_money);
    CHECK(e.field() == "simulate_months[test.big][2024-03].amount_fen");
  }
  // Three rows fit, to the fen.
  const population_columns fits = population_columns::from_persons(std::span<const person>(people).first(3));
  CHECK(simulate_months(p, fits, d("2024-03-01"), 1).total.fen() == 3 * quarter);
  // A row's own sum past int64 names the row.
  const population_columns old =
      population_columns::from_persons(std::vector<person>{elder("old", "1930-01-01")});
  try {
    (void)simulate_months(overflowing(), old, d("2024-03-01"), 1);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "simulate_months[test.overflow][2024-03][row 0, id 'old']");
  }
}

TEST_CASE("a population refuses repeated ids from persons as from columns") {
  const std::vector<person> people{elder("a", "1940-01-01"), elder("b", "1941-01-01"),
                                   elder("a", "1950-01-01")};
  try {
    (void)population_columns::from_persons(people);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "population.id[row 2, id 'a']");
    CHECK(e.value() == "a");
    CHECK_THAT(e.what(), Catch::Contains("duplicate id (also row 0)"));
  }
}

TEST_CASE("valid facts evaluate on every supported date, up to 2400-12-31") {
  facility_registry facilities;
  facilities.add(
      facility("F1", facility_kind::institution, rc("131082"), 10, filing(rc("131082"), d("1800-01-01"))));
  person born_late = elder("late", "2390-06-15");
  born_late.stays.emplace_back("F1", d("2390-06-15"), std::nullopt);
  const auto conditions = std::vector<any_condition>{
      any_condition(age_at_least(60)),
      any_condition(!age_under(60)),
      any_condition(age_at_least_by_year(100, year_mark::january_1)),
      any_condition(continuous_stay_at_least(
          period::months(240),
          facility_criteria{regions::jin_ji_meng(), {facility_kind::institution}, true})),
  };
  for (const any_condition& c : conditions) {
    trace t;
    CHECK_FALSE(c.evaluate(context<person>{born_late, d("2400-12-31"), &facilities}, t));
  }
  // The reason says when the age is reached only within the supported years.
  const policy p("test.age", "age",
                 {policy_version{"v",
                                 d("1800-01-01"),
                                 std::nullopt,
                                 citation{},
                                 combination::first_match,
                                 payee::person,
                                 {grant_from("sixty", 60, 100)},
                                 {}}});
  const decision dec = evaluate(p, born_late, d("2400-12-31"));
  CHECK_FALSE(dec.eligible);
  CHECK_FALSE(dec.would_be_eligible_on().has_value());
  // Schedules and simulations run to December 2400, and no further.
  CHECK(schedule_months(d("2400-11-15"), d("2400-12-31")).size() == 2);
  CHECK(schedule(p, elder("a", "1940-01-01"), d("2400-12-01"), d("2400-12-31")).size() == 1);
  const population_columns pop =
      population_columns::from_persons(std::vector<person>{born_late, elder("a", "1940-01-01")});
  CHECK(simulate_months(p, pop, d("2400-12-01"), 1).total.fen() == 100);
  try {
    (void)simulate_months(p, pop, d("2400-12-01"), 2);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "simulate_months.n_months");
    CHECK(e.value() == "2");
  }
  // The longest period there is can be asked for; a longer one cannot be built.
  CHECK(period_complete_within(d("1800-01-01"), period::months(period::max_count(period_unit::months))) ==
        d("2400-12-01"));
  CHECK_FALSE(
      period_complete_within(d("1800-02-01"), period::months(period::max_count(period_unit::months))));
  CHECK_THROWS_AS(period::months(period::max_count(period_unit::months) + 1), invalid_value);
}
