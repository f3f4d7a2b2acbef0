// evaluate_batch: batch results equal single-person results (grant_on, evaluate) on the same people,
// for catalog policies and run-time rules, over generated populations, on several dates, for 1 and 2
// threads and odd chunk sizes.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"
#include "generated_population.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }

using eldercare_test::generated;
using eldercare_test::population;
const population& mixed() {
  static const population p = generated(synthetic_profile::mixed, 42, 20000);
  return p;
}
const population& xicheng() {
  static const population p = generated(synthetic_profile::xicheng, 7, 20000);
  return p;
}
const population& weihai() {
  static const population p = generated(synthetic_profile::weihai, 11, 20000);
  return p;
}

const std::vector<const char*> dates = {"2020-05-31", "2021-03-15", "2023-01-01",
                                        "2023-06-30", "2024-02-29", "2024-07-31"};

struct batch_config {
  unsigned threads;
  std::size_t chunk;
  batch_path path;
};
const std::vector<batch_config> configs = {
    {1, 8192, batch_path::columns}, {2, 8192, batch_path::columns},     {2, 777, batch_path::columns},
    {1, 1, batch_path::columns},    {2, 3001, batch_path::materialise},
};

// Compares evaluate_batch with grant_on per person on every row; returns the number of grants.
std::size_t check_against_persons(const policy& p, const population& pop, const date& on) {
  const population_columns& cols = pop.columns;
  std::vector<std::optional<benefit>> expected(cols.size());
  std::size_t granted = 0;
  money total;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    expected[i] = grant_on(p, cols.to_person(i), on, &pop.facilities);
    if (expected[i]) {
      ++granted;
      total += expected[i]->amount();
    }
  }
  for (const auto& c : configs) {
    const batch_result r = evaluate_batch(p, cols, on, &pop.facilities,
                                          {.threads = c.threads, .chunk_rows = c.chunk, .path = c.path});
    std::size_t mismatches = 0;
    std::string first;
    for (std::size_t i = 0; i < cols.size(); ++i)
      if (r.granted(i) != expected[i]) {
        if (mismatches++ == 0)
          first = std::string(cols.id(i)) + ": batch " +
                  (r.granted(i) ? r.granted(i)->to_string() : "nothing") + ", person " +
                  (expected[i] ? expected[i]->to_string() : "nothing");
      }
    INFO(p.id() << " on " << to_iso(on) << ", threads " << c.threads << ", chunk " << c.chunk << ": "
                << first);
    REQUIRE(mismatches == 0);
    REQUIRE(r.status == status_on(p, on));
    REQUIRE(r.eligible_count == static_cast<std::int64_t>(granted));
    REQUIRE(r.total == total);
  }
  // The explained path agrees too (every 25th row: evaluate() is the slow path), status included.
  for (std::size_t i = 0; i < cols.size(); i += 25) {
    const decision dec = evaluate(p, cols.to_person(i), on, &pop.facilities);
    REQUIRE(dec.granted == expected[i]);
    REQUIRE(dec.status == status_on(p, on));
  }
  return granted;
}

void check_policy(const policy& p, const population& pop) {
  std::size_t granted = 0;
  for (const char* on : dates) granted += check_against_persons(p, pop, d(on));
  INFO(p.id());
  CHECK(granted > 0); // the population exercises the policy
}
} // namespace

TEST_CASE("batch equals person: Xicheng cross-region care") {
  const catalog& c = standard_catalog();
  check_policy(c.policy_for("cn.beijing.xicheng.cross_region_care"), xicheng());
  check_policy(c.policy_for("cn.beijing.xicheng.cross_region_care"), mixed());
  // Readings that change how stays count.
  check_policy(c.policy_for("cn.beijing.xicheng.cross_region_care",
                            reading_set{{"xicheng.tier_transfer", "combined"},
                                        {"stay.gaps", "tolerate_30_days"},
                                        {"stay.before_filing", "counted"},
                                        {"stay.counting", "natural_month"},
                                        {"beijing.mountain_towns", "110114110"}}),
               xicheng());
  check_policy(c.policy_for("cn.beijing.xicheng.cross_region_care",
                            reading_set{{"stay.transfers", "restarts"}, {"xicheng.min_age", "none"}}),
               xicheng());
}

TEST_CASE("batch equals person: Beijing allowances, each component") {
  const catalog& c = standard_catalog();
  for (const char* id :
       {"cn.beijing.elderly_allowances.hardship", "cn.beijing.elderly_allowances.disability_care",
        "cn.beijing.elderly_allowances.advanced_age"})
    check_policy(c.policy_for(id), mixed());
  check_policy(c.policy_for("cn.beijing.elderly_allowances.disability_care",
                            reading_set{{"beijing.severe_disability_level", "4"}}),
               mixed());
  check_policy(c.policy_for("cn.beijing.elderly_allowances.advanced_age",
                            reading_set{{"age.reached", "day_after_birthday"}, {"age.leap_day", "march_1"}}),
               mixed());
}

TEST_CASE("batch equals person: Weihai home care (service hours)") {
  const catalog& c = standard_catalog();
  check_policy(c.policy_for("cn.shandong.weihai.home_care_purchase"), weihai());
  check_policy(c.policy_for("cn.shandong.weihai.home_care_purchase",
                            reading_set{{"weihai.dependency_scale", "tekun_self_care"}}),
               weihai());
  check_policy(c.policy_for("cn.shandong.weihai.home_care_purchase",
                            reading_set{{"weihai.dependency_scale", "gbt_broad"}}),
               mixed());
  // Hours, not money: the batch keeps the unit.
  const batch_result r = evaluate_batch(c.policy_for("cn.shandong.weihai.home_care_purchase"),
                                        weihai().columns, d("2024-02-29"), &weihai().facilities);
  REQUIRE(r.eligible_count > 0);
  for (std::size_t i = 0; i < r.size(); ++i)
    if (r.eligible[i]) {
      CHECK(r.unit[i] == static_cast<std::uint8_t>(benefit_unit::service_hours));
      CHECK(r.amount_fen[i] == 0);
    }
}

TEST_CASE("batch equals person: Xi'an advanced age allowance") {
  const catalog& c = standard_catalog();
  check_policy(c.policy_for("cn.shaanxi.xian.advanced_age_allowance"), mixed());
  // Before 2021 the allowance is undetermined (known from its 2021 version; it dates from 2011): the
  // status column says so for every row, and nothing is granted, on both paths.
  const policy p = c.policy_for("cn.shaanxi.xian.advanced_age_allowance");
  CHECK(check_against_persons(p, mixed(), d("2020-12-31")) == 0);
  const batch_result before = evaluate_batch(p, mixed().columns, d("2020-12-31"), &mixed().facilities);
  CHECK(before.status == decision_status::undetermined);
  CHECK(before.eligible_count == 0);
  CHECK(evaluate_batch(p, mixed().columns, d("2021-01-01"), &mixed().facilities).status ==
        decision_status::decided);
  check_policy(c.policy_for("cn.shaanxi.xian.advanced_age_allowance",
                            reading_set{{"xian.advanced_age_bands", "demo_tiers"},
                                        {"xian.annual_certification", "required"}}),
               mixed());
}

namespace {
// A leaf the batch registry does not know: it runs on a person materialised from each row.
struct born_on_odd_day : condition_tag {
  template <HasBirthDate Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = ctx.subject.birth_date.day() % 2 == 1;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "born on an odd day of the month"; }
};
// A leaf reading two members, registered: it runs per row on the row view.
struct rural_on_dibao : condition_tag {
  template <class Subject, class Sink>
    requires HasResidence<Subject> && HasCategories<Subject>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = ctx.subject.residence.rural && ctx.subject.categories.contains(category::dibao);
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "rural and on 低保"; }
};
// A leaf that fails loudly on one person.
struct throws_for : condition_tag {
  std::string id;
  template <class Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    if (ctx.subject.id == id) throw invalid_value(error_id::invalid_person, "throws_for", id, "this person");
    sink.leaf([&] { return reason{}; });
    return true;
  }
  [[nodiscard]] std::string describe() const { return "throws for " + id; }
};
} // namespace

TEST_CASE("batch equals person: rules built at run time, with unregistered and registered leaves") {
  register_batch_leaf<rural_on_dibao>(row_fields::residence | row_fields::categories);
  using namespace eldercare::literals;
  const citation cite{"test", "", "", "", std::nullopt, std::nullopt};
  const any_condition odd = born_on_odd_day{};
  const rule a{
      "a",
      "",
      cite,
      any_condition::all(
          {age_at_least(75),
           any_condition::negate(any_condition::any({lives_rural{}, in_category(category::dibao)})), odd}),
      money_per_month(100_yuan),
      {}};
  const rule b{
      "b",
      "",
      cite,
      any_condition::any(
          {rural_on_dibao{}, any_condition(ability_at_least(ability_level::moderate) && lives_at_home{})}),
      money_per_month(250_yuan),
      {}};
  const rule c{
      "c",
      "",
      cite,
      any_condition(enrolled_in("weihai.virtual_platform") ||
                    !disability_at_least({disability_category::hearing, disability_category::physical},
                                         disability_grade::two)),
      money_per_month(30_yuan),
      {}};
  for (const combination how : {combination::first_match, combination::highest, combination::sum}) {
    const policy p(
        "test.run_time", "run-time rules",
        {policy_version{"v", d("2020-01-01"), std::nullopt, cite, how, payee::person, {a, b, c}, {}}});
    for (const char* on : {"2021-03-15", "2024-07-31"}) (void)check_against_persons(p, mixed(), d(on));
  }
}

TEST_CASE("batch: an error is raised as for the person, whatever the threads") {
  const citation cite{"test", "", "", "", std::nullopt, std::nullopt};
  using namespace eldercare::literals;
  const population& pop = mixed();
  const std::string victim(pop.columns.id(12345));
  const policy p(
      "test.throws", "throws",
      {policy_version{
          "v",
          d("2020-01-01"),
          std::nullopt,
          cite,
          combination::first_match,
          payee::person,
          {rule{"t", "", cite, any_condition(throws_for{{}, victim}), money_per_month(1_yuan), {}}},
          {}}});
  std::string expected;
  try {
    (void)grant_on(p, pop.columns.to_person(12345), d("2024-01-01"), &pop.facilities);
  } catch (const invalid_value& e) {
    expected = e.what();
  }
  REQUIRE_FALSE(expected.empty());
  for (const unsigned threads : {1U, 2U})
    CHECK_THROWS_WITH(evaluate_batch(p, pop.columns, d("2024-01-01"), &pop.facilities,
                                     {.threads = threads, .chunk_rows = 1000}),
                      expected);
  // Not reached where a person's evaluation stops first (first_match: an earlier rule holds).
  const policy guarded(
      "test.guarded", "guarded",
      {policy_version{
          "v",
          d("2020-01-01"),
          std::nullopt,
          cite,
          combination::first_match,
          payee::person,
          {rule{"all", "", cite, any_condition(always{}), money_per_month(1_yuan), {}},
           rule{"t", "", cite, any_condition(throws_for{{}, victim}), money_per_month(1_yuan), {}}},
          {}}});
  CHECK(evaluate_batch(guarded, pop.columns, d("2024-01-01"), &pop.facilities).eligible_count ==
        static_cast<std::int64_t>(pop.columns.size()));
}

TEST_CASE(
    "batch: first failing condition for rows not granted, as decision::first_failing_condition words it") {
  const policy p = standard_catalog().policy_for("cn.beijing.xicheng.cross_region_care");
  synthetic_population gen({.seed = 3, .profile = synthetic_profile::beijing, .under_60_share = 0.05});
  const population_columns pop = gen.next(3000);
  for (const char* on : {"2020-05-31", "2024-06-30"}) {
    std::vector<std::int32_t> reference;
    std::vector<std::string> table;
    for (const batch_config& c :
         {batch_config{1, 8192, batch_path::columns}, batch_config{2, 333, batch_path::columns}}) {
      const batch_result r =
          evaluate_batch(p, pop, d(on), &gen.facilities(),
                         {.threads = c.threads, .chunk_rows = c.chunk, .first_failing = true});
      for (std::size_t i = 0; i < pop.size(); ++i) {
        if (r.eligible[i]) {
          REQUIRE(r.first_failing[i] == -1);
          continue;
        }
        REQUIRE(r.first_failing[i] >= 0);
        const decision dec = evaluate(p, pop.to_person(i), d(on), &gen.facilities());
        REQUIRE(r.failing_conditions[static_cast<std::size_t>(r.first_failing[i])] ==
                dec.first_failing_condition());
      }
      // Indices follow the rows, whatever the threads and chunks.
      if (reference.empty()) {
        reference = r.first_failing;
        table = r.failing_conditions;
      } else {
        CHECK(r.first_failing == reference);
        CHECK(r.failing_conditions == table);
      }
    }
    if (std::string(on) == "2024-06-30")
      CHECK(table.size() >= 3); // several different reasons in the population
  }
  // Before the policy is in force: every row, with the status note.
  const batch_result early =
      evaluate_batch(p, pop, d("2020-05-31"), &gen.facilities(), {.first_failing = true});
  CHECK(early.version_label.empty());
  REQUIRE(early.failing_conditions.size() == 1);
  CHECK(early.failing_conditions[0].find("not in force on 2020-05-31") != std::string::npos);
}

TEST_CASE("batch: a stay leaf that fails on every date does fail on every date") {
  // fails_on_every_date lets the batch engine decide rows once per horizon; evaluate() is the
  // definition it must agree with.
  const population& pop = xicheng();
  const facility_criteria jjm{regions::jin_ji_meng(), {facility_kind::institution}, true};
  const facility_criteria eco{
      regions::beijing_ecological_conservation_area({}), {facility_kind::institution}, true};
  const facility_criteria any_kind{regions::jin_ji_meng() | regions::beijing_ecological_conservation_area({}),
                                   {facility_kind::institution, facility_kind::community},
                                   false};
  std::size_t rows_with_stays = 0, never = 0;
  for (std::size_t i = 0; i < pop.columns.size(); ++i) {
    const person p = pop.columns.to_person(i);
    if (p.stays.empty()) continue;
    ++rows_with_stays;
    for (const auto& criteria : {jjm, eco, any_kind}) {
      const continuous_stay_at_least stayed(period::months(3), criteria,
                                            continuity_rules{.max_gap_days = 30});
      const in_facility inside(criteria);
      for (const facility_registry* reg : {&pop.facilities, static_cast<const facility_registry*>(nullptr)}) {
        const bool stay_never = stayed.fails_on_every_date(context<person>{p, d("2024-01-01"), reg});
        const bool inside_never = inside.fails_on_every_date(context<person>{p, d("2024-01-01"), reg});
        never += stay_never;
        for (const char* on :
             {"2019-06-30", "2021-01-31", "2023-06-30", "2024-02-29", "2024-12-31", "2026-01-01"}) {
          if (stay_never) REQUIRE_FALSE(holds(stayed, context<person>{p, d(on), reg}));
          if (inside_never) REQUIRE_FALSE(holds(inside, context<person>{p, d(on), reg}));
        }
      }
    }
  }
  CHECK(rows_with_stays > 100);
  CHECK(never > 0);
}

TEST_CASE("batch: evaluate_batch_into reuses one result for many dates and policies") {
  const population& pop = mixed();
  batch_result reused;
  for (const char* id :
       {"cn.beijing.elderly_allowances.advanced_age", "cn.shaanxi.xian.advanced_age_allowance"})
    for (const char* on : {"2024-07-31", "2020-05-31", "2023-01-01"}) {
      const policy p = standard_catalog().policy_for(id);
      evaluate_batch_into(reused, p, pop.columns, d(on), &pop.facilities, {.chunk_rows = 5000});
      const batch_result fresh = evaluate_batch(p, pop.columns, d(on), &pop.facilities);
      CHECK(reused.eligible == fresh.eligible);
      CHECK(reused.quantity == fresh.quantity);
      CHECK(reused.total == fresh.total);
      CHECK(reused.version_label == fresh.version_label);
      CHECK(reused.first_failing.empty());
    }
}

TEST_CASE("batch: run-time rules expose their leaves through visit()") {
  struct collect final : condition_visitor<person> {
    std::vector<std::string> seen;
    void open(condition_shape s) override {
      seen.push_back(s == condition_shape::all_of ? "(all" : s == condition_shape::any_of ? "(any" : "(not");
    }
    void close() override { seen.push_back(")"); }
    void leaf(const leaf_ref<person>& l) override {
      seen.push_back(l.target<age_at_least>() ? "age"
                     : l.target<hukou_in>()   ? "hukou"
                                              : l.describe(l.object));
    }
  };
  const region_set xicheng("西城区", {region_code::parse("110102")});
  // A compile-time group inside a run-time one, with an erased condition inside the compile-time group.
  const any_condition inner = any_condition(hukou_in(xicheng) && age_at_least(60));
  const any_condition c =
      any_condition::all({any_condition(inner && !lives_rural{}), any_condition::negate(always{})});
  collect v;
  c.visit(v);
  CHECK(v.seen == std::vector<std::string>{"(all", "(all", "(all", "hukou", "age", ")", "(not",
                                           "lives in a rural area (by residence)", ")", ")", "(not", "always",
                                           ")", ")"});
}
