// simulate_months: monthly totals equal schedule() summed over the same people (amounts, arrears,
// eligibility, by prefecture, by granting rule), for 1 and 2 threads and odd chunk sizes; each row's
// months (per_row_amounts) equal that person's schedule() line by line.
#include <catch2/catch.hpp>

#include <map>
#include <set> // the rules granting a row
#include <string>
#include <vector>

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"
#include "generated_population.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }

struct expected_month {
  std::vector<std::int64_t> row_amounts;        // the month's amount paid to each row (schedule()'s line)
  std::vector<std::uint8_t> row_granted;        // 1 where the row was granted something that month
  std::vector<std::set<std::string>> row_rules; // the rules granting each row that month
  std::int64_t eligible = 0, paid = 0, arrears = 0, quantity = 0, undetermined = 0;
  decision_status status = decision_status::decided;
  money amount;
  std::map<region_code, money> by_prefecture;
  std::map<std::string, money> by_rule;
};

region_code prefecture_of(const region_code& c) {
  if (c.level() == region_level::province) return c;
  // A county coded directly under its province (Hainan's 4600xx) is totalled under the province.
  return c.value() / 100 % 100 == 0 ? c.province() : c.prefecture();
}

// schedule() per person, summed by month; rules attributed from evaluate() on the month's test day.
std::vector<expected_month> per_person(const policy& p, const population_columns& pop,
                                       const facility_registry& reg, const date& first, int months,
                                       const schedule_options& options) {
  std::vector<expected_month> out(static_cast<std::size_t>(months));
  const date last = end_of_month(add_months_civil(start_of_month(first), months - 1));
  for (auto& e : out) {
    e.row_amounts.assign(pop.size(), 0);
    e.row_granted.assign(pop.size(), 0);
    e.row_rules.assign(pop.size(), {});
  }
  for (std::size_t i = 0; i < pop.size(); ++i) {
    const person someone = pop.to_person(i);
    const auto lines = schedule(p, someone, first, last, &reg, options);
    REQUIRE(lines.size() == out.size());
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const schedule_line& l = lines[k];
      expected_month& e = out[k];
      e.row_amounts[i] = l.amount.fen();
      e.status = l.status;
      if (!l.determined()) ++e.undetermined;
      if (!l.eligible) continue;
      ++e.eligible;
      e.quantity += l.granted->quantity();
      e.row_granted[i] = 1;
      const decision dec = evaluate(p, someone, l.tested_on, &reg);
      REQUIRE(dec.granted == l.granted);
      e.row_rules[i].insert(dec.granting_rules.begin(), dec.granting_rules.end());
      if (l.amount == money()) continue;
      ++e.paid;
      e.amount += l.amount;
      e.arrears += l.arrears_months;
      e.by_prefecture[prefecture_of(someone.hukou.region)] += l.amount;
      const auto* v = p.version_on(l.tested_on);
      for (const std::string& id : dec.granting_rules) {
        std::int64_t q = 0;
        for (const auto& r : v->rules)
          if (r.id == id) q = r.grant.quantity();
        e.by_rule[id] += dec.granting_rules.size() == 1
                             ? l.amount
                             : money::from_fen(l.amount.fen() / l.granted->quantity() * q);
      }
    }
  }
  return out;
}

// Checks simulate_months against per_person; returns the months of arrears paid in all.
std::int64_t check_simulation(const policy& p, const population_columns& pop, const facility_registry& reg,
                              const char* first, int months, const schedule_options& options = {}) {
  const auto expected = per_person(p, pop, reg, d(first), months, options);
  money grand;
  std::int64_t paid = 0, arrears = 0;
  for (const auto& e : expected) {
    grand += e.amount;
    paid += e.paid + e.eligible;
    arrears += e.arrears;
  }
  INFO(p.id() << " from " << first);
  CHECK(paid > 0); // the population exercises the policy
  for (const auto& [threads, chunk, path] : {std::tuple{1U, std::size_t{8192}, batch_path::columns},
                                             std::tuple{2U, std::size_t{8192}, batch_path::columns},
                                             std::tuple{2U, std::size_t{1237}, batch_path::columns},
                                             std::tuple{1U, std::size_t{5}, batch_path::columns},
                                             std::tuple{2U, std::size_t{999}, batch_path::materialise}}) {
    // Every configuration but the first also keeps each row's months.
    const bool per_row = !(threads == 1 && chunk == 8192);
    const simulation_result r =
        simulate_months(p, pop, d(first), months, &reg,
                        {.batch = {.threads = threads, .chunk_rows = chunk, .path = path},
                         .schedule = options,
                         .per_row_amounts = per_row,
                         .per_row_rules = per_row});
    INFO("threads " << threads << ", chunk " << chunk);
    REQUIRE(r.months.size() == expected.size());
    CHECK(r.total == grand);
    int unknown = 0;
    for (const auto& e : expected) unknown += e.undetermined > 0 ? 1 : 0;
    CHECK(r.undetermined_months == unknown);
    if (!per_row) {
      CHECK(r.row_amounts_fen.empty());
      CHECK(r.row_total_fen.empty());
      CHECK(r.row_rules.empty());
    } else {
      // Each row's total, first month paid, months granted, and the rules granting in any month,
      // as schedule() and evaluate() say.
      REQUIRE(r.row_total_fen.size() == pop.size());
      REQUIRE(r.row_first_paid.size() == pop.size());
      REQUIRE(r.row_granted_months.size() == pop.size());
      REQUIRE(r.row_rules.size() == pop.size() * r.rule_ids.size());
      std::size_t row_mismatches = 0, rule_mismatches = 0;
      for (std::size_t i = 0; i < pop.size(); ++i) {
        std::set<std::string> any;
        std::int64_t total = 0;
        std::int32_t first_paid = -1, granted = 0;
        for (std::size_t k = 0; k < expected.size(); ++k) {
          total += expected[k].row_amounts[i];
          if (first_paid < 0 && expected[k].row_amounts[i] != 0) first_paid = static_cast<std::int32_t>(k);
          granted += expected[k].row_granted[i];
          any.insert(expected[k].row_rules[i].begin(), expected[k].row_rules[i].end());
        }
        if (r.row_total_fen[i] != total || r.row_first_paid[i] != first_paid ||
            r.row_granted_months[i] != granted)
          ++row_mismatches;
        std::set<std::string> got;
        for (std::size_t s = 0; s < r.rule_ids.size(); ++s)
          if (r.row_rules[i * r.rule_ids.size() + s] != 0) got.insert(r.rule_ids[s]);
        if (got != any) ++rule_mismatches;
      }
      CHECK(row_mismatches == 0);
      CHECK(rule_mismatches == 0);
      REQUIRE(r.row_amounts_fen.size() == pop.size() * expected.size());
      std::size_t mismatches = 0, first_mismatch = 0;
      for (std::size_t i = 0; i < pop.size(); ++i)
        for (std::size_t k = 0; k < expected.size(); ++k)
          if (r.row_amounts_fen[i * expected.size() + k] != expected[k].row_amounts[i] && mismatches++ == 0)
            first_mismatch = i * expected.size() + k;
      INFO("first mismatch at row " << first_mismatch / expected.size() << ", month "
                                    << first_mismatch % expected.size());
      CHECK(mismatches == 0);
      // The rows' months add up to the month's total.
      for (std::size_t k = 0; k < expected.size(); ++k) {
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < pop.size(); ++i) sum += r.row_amounts_fen[i * expected.size() + k];
        CHECK(sum == r.months[k].amount.fen());
      }
    }
    for (std::size_t k = 0; k < expected.size(); ++k) {
      const month_totals& m = r.months[k];
      const expected_month& e = expected[k];
      INFO("month " << m.year << "-" << m.month);
      CHECK(m.status == e.status);
      CHECK(m.undetermined == e.undetermined);
      CHECK(m.eligible == e.eligible);
      CHECK(m.paid == e.paid);
      CHECK(m.amount == e.amount);
      CHECK(m.arrears_months == e.arrears);
      CHECK(m.granted_quantity == e.quantity);
      std::map<region_code, money> pref;
      for (const auto& t : m.by_prefecture) pref[t.prefecture] = t.amount;
      CHECK(pref == e.by_prefecture);
      std::map<std::string, money> rules;
      for (const auto& t : m.by_rule) rules[t.rule_id] = t.amount;
      CHECK(rules == e.by_rule);
    }
  }
  return arrears;
}

using eldercare_test::generated;
using eldercare_test::population;
} // namespace

TEST_CASE("simulate_months equals schedule() summed per person: Xicheng, with its readings") {
  const population pop = generated(synthetic_profile::xicheng, 5, 8000);
  const catalog& c = standard_catalog();
  const char* id = "cn.beijing.xicheng.cross_region_care";
  check_simulation(c.policy_for(id), pop.columns, pop.facilities, "2024-01-01", 12);
  // Across the 2023 revision (two versions), with arrears and the next-month basis.
  CHECK(check_simulation(c.policy_for(id, reading_set{{"xicheng.back_pay", "first_three_months"}}),
                         pop.columns, pop.facilities, "2022-07-15", 12) > 0);
  check_simulation(c.policy_for(id, reading_set{{"xicheng.first_paid_month", "next_month"}}), pop.columns,
                   pop.facilities, "2023-10-01", 9);
  // Before the policy existed, into its first months; with back-pay, the first payments' arrears stop
  // at the scheme's start (2020-06-01), as schedule() clips them.
  check_simulation(c.policy_for(id), pop.columns, pop.facilities, "2020-03-01", 6);
  check_simulation(c.policy_for(id, reading_set{{"xicheng.back_pay", "first_three_months"}}), pop.columns,
                   pop.facilities, "2020-03-01", 8);
  // schedule_options override the versions' month basis.
  check_simulation(c.policy_for(id), pop.columns, pop.facilities, "2024-01-01", 6,
                   {.basis = month_basis::start_of_month});
}

TEST_CASE("simulate_months equals schedule() summed per person: Beijing, Weihai, Xi'an") {
  const population pop = generated(synthetic_profile::mixed, 8, 8000);
  const catalog& c = standard_catalog();
  check_simulation(c.policy_for("cn.beijing.elderly_allowances.advanced_age"), pop.columns, pop.facilities,
                   "2023-11-01", 14);
  check_simulation(c.policy_for("cn.beijing.elderly_allowances.disability_care"), pop.columns, pop.facilities,
                   "2024-01-01", 12);
  // Per-year money: paid in the first eligible month and every 12 months after. June–December 2020
  // are undetermined (the allowance is known from 2021 on; it dates from 2011): counted apart, every
  // row, and paid nothing known.
  check_simulation(c.policy_for("cn.shaanxi.xian.advanced_age_allowance"), pop.columns, pop.facilities,
                   "2020-06-01", 30);
  const simulation_result early = simulate_months(c.policy_for("cn.shaanxi.xian.advanced_age_allowance"),
                                                  pop.columns, d("2020-06-01"), 9, &pop.facilities);
  CHECK(early.undetermined_months == 7);
  CHECK(early.months[0].status == decision_status::undetermined);
  CHECK(early.months[0].undetermined == static_cast<std::int64_t>(pop.columns.size()));
  CHECK(early.months[0].amount == money());
  CHECK(early.months[6].status == decision_status::undetermined); // December 2020
  CHECK(early.months[7].status == decision_status::decided);      // January 2021
  CHECK(early.months[7].undetermined == 0);
  CHECK(early.total == early.months[7].amount + early.months[8].amount);
  check_simulation(c.policy_for("cn.shaanxi.xian.advanced_age_allowance",
                                reading_set{{"xian.advanced_age_bands", "demo_tiers"}}),
                   pop.columns, pop.facilities, "2023-01-01", 13);
  // Service hours: eligible rows and granted quantities, no money.
  const population wh = generated(synthetic_profile::weihai, 9, 8000);
  check_simulation(c.policy_for("cn.shandong.weihai.home_care_purchase"), wh.columns, wh.facilities,
                   "2024-01-01", 6);
}

TEST_CASE("simulate_months: totals by rule split a sum of grants, and by residence on request") {
  using namespace eldercare::literals;
  const citation cite{"test", "", "", "", std::nullopt, std::nullopt};
  const population pop = generated(synthetic_profile::beijing, 13, 3000);
  const policy p(
      "test.sum", "sum",
      {policy_version{
          "v",
          d("2020-01-01"),
          std::nullopt,
          cite,
          combination::sum,
          payee::person,
          {rule{"eighty", "", cite, any_condition(age_at_least(80)), money_per_month(100_yuan), {}},
           rule{"dibao",
                "",
                cite,
                any_condition(in_category(category::dibao)),
                money_per_month(300_yuan),
                {}}},
          {},
          month_basis::end_of_month,
          2}});
  CHECK(check_simulation(p, pop.columns, pop.facilities, "2023-12-01", 4) > 0);
  const simulation_result by_home = simulate_months(p, pop.columns, d("2024-01-01"), 1, &pop.facilities,
                                                    {.regions = region_basis::residence});
  money sum;
  for (const auto& t : by_home.months[0].by_prefecture) sum += t.amount;
  CHECK(sum == by_home.months[0].amount);
}

TEST_CASE("simulate_months: invalid arguments are refused, naming them") {
  const population pop = generated(synthetic_profile::beijing, 1, 10);
  const policy p = standard_catalog().policy_for("cn.beijing.elderly_allowances.advanced_age");
  CHECK_THROWS_WITH(simulate_months(p, pop.columns, d("2024-01-01"), 0, &pop.facilities),
                    Catch::Contains("simulate_months.n_months"));
  CHECK_THROWS_WITH(
      simulate_months(p, pop.columns, d("2024-01-01"), 3, &pop.facilities, {.batch = {.chunk_rows = 0}}),
      Catch::Contains("batch_options.chunk_rows"));
  CHECK_THROWS_AS(simulate_months(p, pop.columns, date(), 3, &pop.facilities), invalid_value);
}
