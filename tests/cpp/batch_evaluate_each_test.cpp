// Subjects one by one (batch/evaluate_each.hpp): evaluate_each, evaluate_all and grant_each over
// persons and over population rows give what evaluate() and grant_on() give each person, in order,
// for 1, 2 and 4 threads; the parallel loop (batch/detail/parallel.hpp) visits every row once.
#include <catch2/catch.hpp>

#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"
#include "generated_population.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }

const eldercare_test::population& mixed() {
  static const eldercare_test::population p = eldercare_test::generated(synthetic_profile::mixed, 3, 2500);
  return p;
}

std::vector<person> persons_of(const population_columns& cols) {
  std::vector<person> out;
  for (std::size_t i = 0; i < cols.size(); ++i) out.push_back(cols.to_person(i));
  return out;
}
} // namespace

TEST_CASE("parallel_rows visits every row once, on every thread count and chunk size") {
  for (const unsigned threads : {1U, 2U, 5U})
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, detail::subject_chunk_rows}) {
      std::vector<std::atomic<int>> visits(1000);
      detail::parallel_rows(visits.size(), chunk, threads, [&](unsigned w, std::size_t i) {
        CHECK(w < threads);
        ++visits[i];
      });
      for (const auto& v : visits) REQUIRE(v.load() == 1);
    }
  detail::parallel_rows(0, 4, 2, [](unsigned, std::size_t) { FAIL("no rows, no calls"); });
  // An exception in a row reaches the caller.
  CHECK_THROWS_AS(detail::parallel_rows(100, 3, 2,
                                        [](unsigned, std::size_t i) {
                                          if (i == 50)
                                            throw invalid_value(error_id::invalid_parameter, "row", "50",
                                                                "test");
                                        }),
                  invalid_value);
}

TEST_CASE("evaluate_each, evaluate_all and grant_each equal evaluate and grant_on per person") {
  const auto& pop = mixed();
  const std::vector<person> persons = persons_of(pop.columns);
  const std::span<const person> subjects(persons);
  const catalog& cat = standard_catalog();
  for (const char* id : {"cn.beijing.xicheng.cross_region_care", "cn.shandong.weihai.home_care_purchase",
                         "cn.shaanxi.xian.advanced_age_allowance", "cn.national.disabled_two_subsidies"}) {
    const policy p = cat.policy_for(id);
    for (const char* on : {"2015-01-01", "2024-06-30"}) {
      INFO(id << " on " << on);
      std::vector<std::string> expected;
      std::vector<std::optional<benefit>> grants;
      for (const auto& someone : persons) {
        expected.push_back(explain(evaluate(p, someone, d(on), &pop.facilities)));
        grants.push_back(grant_on(p, someone, d(on), &pop.facilities));
      }
      for (const unsigned threads : {1U, 2U, 4U}) {
        std::vector<std::string> got(persons.size()), rows(persons.size());
        evaluate_each(
            p, subjects, d(on), &pop.facilities,
            [&](std::size_t i, const decision& dec) { got[i] = explain(dec); }, threads);
        CHECK(got == expected);
        evaluate_each(
            p, pop.columns, d(on), &pop.facilities,
            [&](std::size_t i, const decision& dec) { rows[i] = explain(dec); }, threads);
        CHECK(rows == expected);
        std::vector<std::optional<benefit>> fast(persons.size());
        grant_each(
            p, subjects, d(on), &pop.facilities,
            [&](std::size_t i, const std::optional<benefit>& g) { fast[i] = g; }, threads);
        CHECK(fast == grants);
      }
      const auto all = evaluate_all(p, subjects, d(on), &pop.facilities);
      REQUIRE(all.size() == persons.size());
      for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(explain(all[i]) == expected[i]);
        CHECK(all[i].status == status_on(p, d(on)));
      }
    }
  }
}
