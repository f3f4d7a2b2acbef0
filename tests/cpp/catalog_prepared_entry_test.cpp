// Prepared catalog entries (catalog/prepared_entry.hpp): a bundle (or a single entry) built once
// decides as catalog::evaluate does, under default and chosen readings, on dates in force and not;
// its grant without explanations and its status are its decision's (one bundle rule, bundle_sum);
// its schedule over many persons is its components' schedules added.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"
#include "generated_population.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }

const eldercare_test::population& beijing() {
  static const eldercare_test::population p = eldercare_test::generated(synthetic_profile::beijing, 17, 1500);
  return p;
}

std::vector<person> persons_of(const population_columns& cols) {
  std::vector<person> out;
  for (std::size_t i = 0; i < cols.size(); ++i) out.push_back(cols.to_person(i));
  return out;
}

// For each reading the bundle's components depend on, its first choice other than the default.
reading_set other_readings(const catalog& cat, const catalog_entry& bundle) {
  reading_set out;
  for (const auto& cid : bundle.components)
    for (const auto& name : cat.at(cid).readings) {
      const reading* r = cat.find_reading(name);
      if (!r->enumerable) continue;
      for (const auto& c : r->choices)
        if (c.value != r->default_choice) {
          out.set(name, c.value);
          break;
        }
    }
  return out;
}

const char* const bundle_id = "cn.beijing.elderly_allowances";
} // namespace

TEST_CASE("a prepared bundle decides as catalog::evaluate; its grant and status are its decision's") {
  const catalog& cat = standard_catalog();
  const auto& pop = beijing();
  const std::vector<person> persons = persons_of(pop.columns);
  const reading_set chosen = other_readings(cat, cat.at(bundle_id));
  for (const reading_set& readings : {reading_set{}, chosen}) {
    const prepared_entry e(cat, bundle_id, readings);
    REQUIRE(e.bundle());
    REQUIRE(e.policies().size() == cat.at(bundle_id).components.size());
    CHECK(policies_of(e).size() == e.policies().size());
    // 2010: before any component is in force.
    for (const char* on : {"2010-01-01", "2020-01-31", "2024-06-30"}) {
      INFO(on << " with " << readings.chosen().size() << " readings chosen");
      std::size_t granted = 0;
      for (const auto& someone : persons) {
        const decision expected = cat.evaluate(bundle_id, someone, d(on), &pop.facilities, readings);
        const decision got = evaluate(e, someone, d(on), &pop.facilities);
        REQUIRE(explain(got) == explain(expected));
        REQUIRE(got.granting_rules == expected.granting_rules);
        REQUIRE(got.status_note == expected.status_note);
        REQUIRE(grant_on(e, someone, d(on), &pop.facilities) == expected.granted);
        REQUIRE(status_on(e, d(on)) == expected.status);
        granted += expected.eligible;
      }
      if (std::string(on) == "2010-01-01") CHECK(status_on(e, d(on)) == decision_status::not_in_force);
      else
        CHECK(granted > 0);
    }
  }
}

TEST_CASE("a prepared single entry is its policy") {
  const catalog& cat = standard_catalog();
  const auto& pop = beijing();
  const std::vector<person> persons = persons_of(pop.columns);
  const prepared_entry e(cat, "cn.beijing.xicheng.cross_region_care");
  CHECK_FALSE(e.bundle());
  REQUIRE(e.policies().size() == 1);
  CHECK(e.entry().id == "cn.beijing.xicheng.cross_region_care");
  for (const char* on : {"2015-01-01", "2024-06-30"})
    for (std::size_t i = 0; i < persons.size(); i += 7) {
      const decision expected = cat.evaluate(e.entry().id, persons[i], d(on), &pop.facilities);
      CHECK(explain(evaluate(e, persons[i], d(on), &pop.facilities)) == explain(expected));
      CHECK(grant_on(e, persons[i], d(on), &pop.facilities) == expected.granted);
      CHECK(status_on(e, d(on)) == expected.status);
    }
  CHECK_THROWS_AS(prepared_entry(cat, "cn.nowhere"), lookup_error);
  CHECK_THROWS_WITH(prepared_entry(cat, bundle_id, reading_set{{"no.such.reading", "x"}}),
                    Catch::Contains("no.such.reading"));
}

TEST_CASE("a prepared bundle over many persons: evaluate_each and schedule_each add its components") {
  const catalog& cat = standard_catalog();
  const auto& pop = beijing();
  const std::vector<person> persons = persons_of(pop.columns);
  const std::span<const person> subjects(persons);
  const prepared_entry e(cat, bundle_id);
  const date on = d("2024-06-30");
  std::vector<std::string> got(persons.size());
  evaluate_each(
      e, subjects, on, &pop.facilities, [&](std::size_t i, const decision& dec) { got[i] = explain(dec); },
      2);
  std::vector<std::optional<benefit>> grants(persons.size());
  grant_each(
      e, subjects, on, &pop.facilities,
      [&](std::size_t i, const std::optional<benefit>& g) { grants[i] = g; }, 2);
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const decision expected = cat.evaluate(bundle_id, persons[i], on, &pop.facilities);
    CHECK(got[i] == explain(expected));
    CHECK(grants[i] == expected.granted);
  }
  const date first = d("2023-12-01"), last = d("2024-11-30");
  const schedule_table t = schedule_each(e, subjects, first, last, &pop.facilities, {}, 2);
  std::int64_t paid = 0;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    std::vector<std::int64_t> amount(t.columns(), 0), quantity(t.columns(), 0);
    std::vector<std::uint8_t> eligible(t.columns(), 0);
    for (const auto& cid : cat.at(bundle_id).components) {
      const auto lines = schedule(cat.policy_for(cid), persons[i], first, last, &pop.facilities);
      for (std::size_t k = 0; k < lines.size(); ++k) {
        amount[k] += lines[k].amount.fen();
        quantity[k] += lines[k].quantity;
        if (lines[k].eligible) eligible[k] = 1;
      }
    }
    for (std::size_t k = 0; k < t.columns(); ++k) {
      REQUIRE(t.amount_fen[t.cell(i, k)] == amount[k]);
      REQUIRE(t.quantity[t.cell(i, k)] == quantity[k]);
      REQUIRE(t.eligible[t.cell(i, k)] == eligible[k]);
      paid += amount[k];
    }
  }
  CHECK(paid > 0);
}
