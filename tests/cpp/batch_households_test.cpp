// Households of a population (batch/households.hpp): the grouping rule (by household_id, a person
// without one a household of one, in order of first appearance), and household policies evaluated and
// scheduled over a population with evaluate_each and schedule_each, equal to evaluate(policy,
// household) and schedule(policy, household) per household, for 1, 2 and 3 threads.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"
#include "generated_population.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

person elder(const char* id, const char* household, const char* birth = "1950-01-01") {
  return person{.id = id,
                .birth_date = d(birth),
                .hukou = {rc("371002"), std::nullopt},
                .residence = {rc("371002"), false},
                .household_id = household};
}

std::vector<std::string> ids(const std::vector<person>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.id);
  return out;
}

const eldercare_test::population& weihai() {
  static const eldercare_test::population p = eldercare_test::generated(synthetic_profile::weihai, 5, 3000);
  return p;
}

std::vector<person> persons_of(const population_columns& cols) {
  std::vector<person> out;
  for (std::size_t i = 0; i < cols.size(); ++i) out.push_back(cols.to_person(i));
  return out;
}

// A household policy of the catalog, and a made-up per-person one (grants add up per household).
std::vector<policy> household_policies() {
  const citation c{};
  policy_version per_person{
      "v",
      d("2020-01-01"),
      std::nullopt,
      c,
      combination::first_match,
      payee::person,
      {erase(make_rule<person>("r", "", c, age_at_least(80), money_per_month(50_yuan)))},
      {}};
  return {standard_catalog().policy_for("cn.shandong.weihai.platform_phone_subsidy"),
          policy("test.per_person", "per person", {per_person})};
}
} // namespace

TEST_CASE("households_of: by household_id, a person without one is a household of one") {
  const std::vector<person> persons = {elder("a", "h1"), elder("b", ""), elder("c", "h2"),
                                       elder("d", "h1"), elder("e", ""), elder("f", "h2")};
  const std::vector<household> hs = households_of(persons);
  REQUIRE(hs.size() == 4);
  CHECK(hs[0].id == "h1");
  CHECK(ids(hs[0].members) == std::vector<std::string>{"a", "d"});
  CHECK(hs[1].id == "b"); // named by the person's id
  CHECK(ids(hs[1].members) == std::vector<std::string>{"b"});
  CHECK(hs[2].id == "h2");
  CHECK(ids(hs[2].members) == std::vector<std::string>{"c", "f"});
  CHECK(hs[3].id == "e");
  CHECK(households_of(std::vector<person>{}).empty());
}

TEST_CASE("households_of: the rows of a population group as its persons do") {
  const population_columns& cols = weihai().columns;
  const std::vector<person> persons = persons_of(cols);
  const std::vector<household> from_rows = households_of(cols);
  const std::vector<household> from_persons = households_of(persons);
  REQUIRE(from_rows.size() == from_persons.size());
  std::size_t members = 0, shared = 0;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < from_rows.size(); ++i) {
    CHECK(from_rows[i].id == from_persons[i].id);
    CHECK(ids(from_rows[i].members) == ids(from_persons[i].members));
    CHECK(seen.insert(from_rows[i].id).second); // every id once
    members += from_rows[i].members.size();
    shared += from_rows[i].members.size() > 1;
  }
  CHECK(members == cols.size());
  CHECK(shared > 0); // the population has households of several persons
}

TEST_CASE("evaluate_each over households: evaluate(policy, household) for each, whatever the threads") {
  const auto& pop = weihai();
  const std::vector<household> hs = households_of(pop.columns);
  const std::span<const household> subjects(hs);
  for (const policy& p : household_policies())
    for (const char* on : {"2019-06-30", "2024-01-31", "2024-07-31"}) {
      std::vector<std::string> expected;
      std::size_t granted = 0;
      for (const auto& h : hs) {
        const decision dec = evaluate(p, h, d(on), &pop.facilities);
        expected.push_back(explain(dec));
        granted += dec.eligible;
      }
      INFO(p.id() << " on " << on);
      if (std::string(on) != "2019-06-30") CHECK(granted > 0);
      for (const unsigned threads : {1U, 2U, 3U}) {
        std::vector<std::string> got(hs.size());
        evaluate_each(
            p, subjects, d(on), &pop.facilities,
            [&](std::size_t i, const decision& dec) { got[i] = explain(dec); }, threads);
        CHECK(got == expected);
        std::vector<std::optional<benefit>> grants(hs.size());
        grant_each(
            p, subjects, d(on), &pop.facilities,
            [&](std::size_t i, const std::optional<benefit>& g) { grants[i] = g; }, threads);
        for (std::size_t i = 0; i < hs.size(); ++i)
          CHECK(grants[i] == evaluate(p, hs[i], d(on), &pop.facilities).granted);
      }
      const std::vector<decision> all = evaluate_all(p, subjects, d(on), &pop.facilities, 2);
      REQUIRE(all.size() == hs.size());
      for (std::size_t i = 0; i < hs.size(); ++i) CHECK(explain(all[i]) == expected[i]);
    }
}

TEST_CASE("schedule_each over households: schedule(policy, household) for each, whatever the threads") {
  const auto& pop = weihai();
  const std::vector<household> hs = households_of(pop.columns);
  for (const policy& p : household_policies()) {
    const date first = d("2023-11-15"), last = d("2025-02-01");
    std::vector<std::vector<schedule_line>> expected;
    money paid;
    for (const auto& h : hs) {
      expected.push_back(schedule(p, h, first, last, &pop.facilities));
      paid += total(expected.back());
    }
    INFO(p.id());
    CHECK(paid > money());
    for (const unsigned threads : {1U, 2U, 3U}) {
      const schedule_table t =
          schedule_each(p, std::span<const household>(hs), first, last, &pop.facilities, {}, threads);
      REQUIRE(t.rows == hs.size());
      REQUIRE(t.columns() == 16);
      CHECK(t.years.front() == 2023);
      CHECK(t.months.front() == 11);
      CHECK(t.years.back() == 2025);
      CHECK(t.months.back() == 2);
      for (std::size_t i = 0; i < hs.size(); ++i)
        for (std::size_t k = 0; k < t.columns(); ++k) {
          const schedule_line& l = expected[i][k];
          CHECK(t.amount_fen[t.cell(i, k)] == l.amount.fen());
          CHECK(t.quantity[t.cell(i, k)] == l.quantity);
          CHECK(t.eligible[t.cell(i, k)] == (l.eligible ? 1 : 0));
        }
    }
  }
}
