// The date of death (person::died_on) and the `alive` leaf that reads it: the leaf on the days around a
// death, the fact through population columns (validation, round trip), and batch results equal to the
// per-person ones for a policy that pays the living, on dates and month by month.
#include <catch2/catch.hpp>

#include <optional> // dates of death
#include <string>   // messages
#include <vector>   // persons

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }

person elder(const char* id, std::optional<date> died_on) {
  return person{.id = id,
                .birth_date = d("1940-05-01"),
                .hukou = {region_code::parse("110102"), std::nullopt},
                .residence = {region_code::parse("110102"), false},
                .died_on = died_on};
}

/// 100 yuan a month to the living aged 60+ in Xicheng (a made-up rule for the test).
policy allowance() {
  const auto r = make_rule<person>("living", "100 yuan a month to living elders", citation{},
                                   hukou_in(region_set("西城区", {region_code::parse("110102")})) &&
                                       age_at_least(60) && alive{},
                                   money_per_month(100_yuan));
  return policy("test.alive", "test",
                {policy_version{"v",
                                d("2000-01-01"),
                                std::nullopt,
                                citation{},
                                combination::first_match,
                                payee::person,
                                {erase(r)},
                                {}}});
}
} // namespace

// [start:leaf_test]
TEST_CASE("alive holds until the day of death, not at its end, and never again") {
  const alive leaf;
  const person living = elder("a", std::nullopt);
  const person dead = elder("b", d("2024-03-10"));
  CHECK(holds(leaf, context<person>{living, d("2024-03-10")}));
  CHECK(holds(leaf, context<person>{dead, d("2024-03-09")}));       // the day before
  CHECK_FALSE(holds(leaf, context<person>{dead, d("2024-03-10")})); // at 24:00 of the day of death
  CHECK_FALSE(holds(leaf, context<person>{dead, d("2030-01-01")}));

  const decision dec = evaluate(allowance(), dead, d("2024-03-31"));
  CHECK_FALSE(dec.eligible);
  CHECK(dec.first_failing_condition() == "alive (在世)");
  const std::string text = explain(dec);
  CHECK(text.find("died_on = 2024-03-10") != std::string::npos);
  CHECK(text.find("would be met") == std::string::npos); // a dead person never becomes alive
}
// [end:leaf_test]

TEST_CASE("a month tested at its end is not paid for a person who died in it") {
  const person dead = elder("b", d("2024-03-10"));
  const auto lines = schedule(allowance(), dead, d("2024-01-01"), d("2024-05-31"));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].amount == 100_yuan);
  CHECK(lines[1].amount == 100_yuan);
  CHECK(lines[2].amount == money()); // March: dead on 31 March
  CHECK(lines[3].amount == money());
}

// [start:fact_test]
TEST_CASE("the date of death crosses population columns and is checked there as on a person") {
  const std::vector<person> persons = {elder("a", std::nullopt), elder("b", d("2024-03-10"))};
  const auto pop = population_columns::from_persons(persons);
  CHECK(pop.to_person(0).died_on == std::nullopt);
  CHECK(pop.to_person(1).died_on == d("2024-03-10"));
  CHECK(pop.row(1).died_on == d("2024-03-10"));

  const person ghost = elder("g", d("1939-01-01")); // before the birth date
  CHECK_THROWS_WITH(validate(ghost),
                    Catch::Contains("persons[g].died_on") && Catch::Contains("before the birth date"));
  population_columns cols;
  row_input r;
  r.id = "g";
  r.birth_day = to_day_number(d("1940-05-01"));
  r.hukou_region = 110102;
  r.residence_region = 110102;
  r.died_on = to_day_number(d("1939-01-01"));
  CHECK_THROWS_WITH(cols.append(r), Catch::Contains("died_on") && Catch::Contains("'g'"));
  CHECK(cols.size() == 0);
}
// [end:fact_test]

TEST_CASE("batch evaluation and simulation of a policy for the living equal the per-person answers") {
  std::vector<person> persons;
  for (int i = 0; i < 400; ++i) {
    std::optional<date> died;
    if (i % 3 == 1) died = d("2023-01-01") + boost::gregorian::days(i * 3); // deaths spread over 2023-2026
    std::string id = "p"; // appended, not "p" + std::to_string(i): GCC 12's false -Wrestrict at -O3
    id += std::to_string(i);
    persons.push_back(elder(id.c_str(), died));
  }
  const auto pop = population_columns::from_persons(persons);
  const policy p = allowance();
  for (const char* on : {"2023-06-30", "2024-02-29", "2025-12-31"}) {
    for (unsigned threads : {1U, 2U}) {
      const batch_result r = evaluate_batch(p, pop, d(on), nullptr, {.threads = threads, .chunk_rows = 37});
      for (std::size_t i = 0; i < persons.size(); ++i) {
        INFO(persons[i].id << " on " << on);
        REQUIRE(r.granted(i) == grant_on(p, persons[i], d(on)));
      }
    }
  }
  const simulation_result sim =
      simulate_months(p, pop, d("2023-01-01"), 36, nullptr, {.per_row_amounts = true});
  money expected;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const auto lines = schedule(p, persons[i], d("2023-01-01"), d("2025-12-31"));
    for (std::size_t k = 0; k < lines.size(); ++k) {
      REQUIRE(sim.row_amounts_fen[i * 36 + k] == lines[k].amount.fen());
      expected += lines[k].amount;
    }
  }
  CHECK(sim.total == expected);
  CHECK(expected < money_per_month(100_yuan).amount() * 400 * 36); // the dead were not paid
}
