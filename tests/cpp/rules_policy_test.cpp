// Policies: versions by effective date, combination of rules, schedules, stacking and households.
#include <catch2/catch.hpp>

#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

person elder(const char* id, const char* birth, category_set cats = {}) {
  return person{.id = id,
                .birth_date = d(birth),
                .hukou = {rc("110105"), std::nullopt},
                .residence = {rc("110105"), false},
                .ability = std::nullopt,
                .disability = std::nullopt,
                .categories = cats,
                .health = {},
                .stays = {},
                .household_id = ""};
}

// Beijing 高龄津贴 (DOMAIN.md E.1): 80-89 → 100, 90-99 → 500, 100+ → 800 yuan a month, as tiers.
policy advanced_age() {
  const citation cite{"《北京市老年人养老服务补贴津贴管理实施办法》",
                      "高龄老年人津贴",
                      "80–89周岁100元，90–99周岁500元，100周岁及以上800元",
                      "DOMAIN.md E.1",
                      d("2019-10-01"),
                      std::nullopt};
  policy_version v{
      "2019",
      d("2019-10-01"),
      std::nullopt,
      cite,
      combination::first_match,
      payee::person,
      {erase(make_rule<person>("age_100", "100+", cite, age_at_least(100), money_per_month(800_yuan))),
       erase(make_rule<person>("age_90", "90–99", cite, age_at_least(90), money_per_month(500_yuan))),
       erase(make_rule<person>("age_80", "80–89", cite, age_at_least(80), money_per_month(100_yuan)))},
      {}};
  return policy("test.advanced_age", "高龄津贴", {v});
}
} // namespace

TEST_CASE("tiers: the first rule that holds grants; every rule is explained") {
  const policy p = advanced_age();
  const person p90 = elder("a", "1930-05-01");
  const decision dec = evaluate(p, p90, d("2024-01-01"));
  CHECK(dec.eligible);
  CHECK(dec.amount() == 500_yuan);
  CHECK(dec.granting_rules == std::vector<std::string>{"age_90"});
  CHECK(dec.rules.size() == 3);
  CHECK_FALSE(dec.rules[0].eligible);
  CHECK(dec.rules[0].would_be_met_on == d("2030-05-01"));
  // The fast path agrees.
  CHECK(grant_on(p, p90, d("2024-01-01")) == dec.granted);
  // Birthday boundary: 80 on 2024-05-01.
  const person p80 = elder("b", "1944-05-01");
  CHECK_FALSE(evaluate(p, p80, d("2024-04-30")).eligible);
  CHECK(evaluate(p, p80, d("2024-04-30")).would_be_eligible_on() == d("2024-05-01"));
  CHECK(evaluate(p, p80, d("2024-05-01")).amount() == 100_yuan);
}

TEST_CASE("versions by effective date") {
  const citation c2020{"doc", "2020", "", "", d("2020-06-01"), d("2022-12-31")};
  const citation c2023{"doc", "2023", "", "", d("2023-01-01"), std::nullopt};
  policy_version v2020{
      "2020",
      d("2020-06-01"),
      d("2022-12-31"),
      c2020,
      combination::first_match,
      payee::person,
      {erase(make_rule<person>("r", "60+", c2020, age_at_least(60), money_per_month(300_yuan)))},
      {}};
  policy_version v2023{
      "2023",
      d("2023-01-01"),
      std::nullopt,
      c2023,
      combination::first_match,
      payee::person,
      {erase(make_rule<person>("r", "60+", c2023, age_at_least(60), money_per_month(400_yuan)))},
      {}};
  const policy p("test.versions", "versions", {v2023, v2020});
  const person e = elder("a", "1950-01-01");
  CHECK(evaluate(p, e, d("2020-05-31")).status == decision_status::not_in_force);
  CHECK(evaluate(p, e, d("2020-05-31")).status_note.find("2020-06-01") != std::string::npos);
  CHECK(evaluate(p, e, d("2020-06-01")).amount() == 300_yuan);
  CHECK(evaluate(p, e, d("2022-12-31")).amount() == 300_yuan);
  CHECK(evaluate(p, e, d("2023-01-01")).amount() == 400_yuan);
  CHECK(evaluate(p, e, d("2023-01-01")).version_label == "2023");
  // Overlapping versions are refused.
  policy_version overlapping = v2023;
  overlapping.effective_from = d("2022-06-01");
  CHECK_THROWS_AS(policy("x", "x", {v2020, overlapping}), invalid_value);
}

TEST_CASE("highest and sum combinations; incommensurable grants are refused") {
  const citation c{};
  policy_version highest{
      "v",
      d("2020-01-01"),
      std::nullopt,
      c,
      combination::highest,
      payee::person,
      {erase(make_rule<person>("low", "", c, age_at_least(60), money_per_month(100_yuan))),
       erase(make_rule<person>("high", "", c, in_category(category::dibao), money_per_month(300_yuan)))},
      {}};
  const person both = elder("a", "1950-01-01", {category::dibao});
  CHECK(evaluate(policy("h", "h", {highest}), both, d("2024-01-01")).amount() == 300_yuan);
  policy_version sum = highest;
  sum.combine = combination::sum;
  const decision s = evaluate(policy("s", "s", {sum}), both, d("2024-01-01"));
  CHECK(s.amount() == 400_yuan);
  CHECK(s.granting_rules.size() == 2);
  policy_version mixed = sum;
  mixed.rules.push_back(
      erase(make_rule<person>("hours", "", c, age_at_least(60), service_hours_per_month(30))));
  CHECK_THROWS_AS(policy("m", "m", {mixed}), invalid_value);
}

TEST_CASE("announced policies answer 'not computable'") {
  const policy p("test.announced", "旅居康养", {}, computability::announced, "no amounts in any source");
  const decision dec = evaluate(p, elder("a", "1950-01-01"), d("2024-06-01"));
  CHECK(dec.status == decision_status::not_computable);
  CHECK(dec.status_note == "not computable: no amounts in any source");
  CHECK(explain(dec).find("not computable") != std::string::npos);
}

TEST_CASE("schedule: month by month, tested at month end by default") {
  const policy p = advanced_age();
  const person e = elder("a", "1944-05-20"); // 80 on 2024-05-20
  const auto lines = schedule(p, e, d("2024-03-01"), d("2024-07-31"));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].amount == money());  // March: 79
  CHECK(lines[1].amount == money());  // April
  CHECK(lines[2].amount == 100_yuan); // May: 80 by 05-31
  CHECK(lines[4].amount == 100_yuan);
  CHECK(total(lines) == 300_yuan);
  const auto start = schedule(p, e, d("2024-03-01"), d("2024-07-31"), nullptr, {month_basis::start_of_month});
  CHECK(start[2].amount == money()); // on 05-01 not yet 80
  CHECK(total(start) == 200_yuan);
  CHECK_THROWS_AS(schedule(p, e, d("2024-07-01"), d("2024-03-01")), invalid_value);
}

TEST_CASE("stacking is declared per pair") {
  decision a;
  a.policy_id = "elderly_care";
  a.eligible = true;
  a.granted = benefit(money_per_month(600_yuan));
  decision b;
  b.policy_id = "disabled_care";
  b.eligible = true;
  b.granted = benefit(money_per_month(243_yuan));
  decision c;
  c.policy_id = "advanced_age";
  c.eligible = true;
  c.granted = benefit(money_per_month(100_yuan));
  stacking_table table; // undeclared pairs stack
  table.declare(
      {"elderly_care", "disabled_care", stacking_mode::choose_higher, citation{}, provenance::sourced});
  const auto out = resolve_stacking({b, a, c}, table);
  REQUIRE(out.size() == 3);
  CHECK_FALSE(out[0].paid); // disabled_care 243 < 600
  CHECK(out[0].reason.find("choose_higher with elderly_care") != std::string::npos);
  CHECK(out[1].paid);
  CHECK(out[2].paid); // 高龄 stacks
  stacking_table exclusive(stacking_mode::exclusive_choice);
  const auto ex = resolve_stacking({b, a, c}, exclusive);
  CHECK(ex[1].paid);
  CHECK_FALSE(ex[0].paid);
  CHECK_FALSE(ex[2].paid);
  CHECK(ex[2].reason.find("must choose") != std::string::npos);
}

TEST_CASE("households: one grant per household, or the sum per person") {
  const citation c{};
  policy_version per_household{
      "v",
      d("2020-01-01"),
      std::nullopt,
      c,
      combination::first_match,
      payee::household,
      {erase(make_rule<person>("phone", "", c, age_at_least(60), money_per_month(10_yuan)))},
      {}};
  const household h{"h1", {elder("a", "1940-01-01"), elder("b", "1942-01-01"), elder("c", "1990-01-01")}};
  const decision dh = evaluate(policy("ph", "phone", {per_household}), h, d("2024-01-01"));
  CHECK(dh.amount() == 10_yuan);
  CHECK(dh.rules.size() == 3);
  CHECK(dh.rules[2].rule_id == "c: phone");
  policy_version per_person = per_household;
  per_person.paid_to = payee::person;
  CHECK(evaluate(policy("pp", "phone", {per_person}), h, d("2024-01-01")).amount() == 20_yuan);
}

TEST_CASE("person validation names the field and value") {
  facility_registry reg;
  reg.add(
      facility("F1", facility_kind::institution, rc("131082"), 10, filing(rc("131082"), d("2019-01-01"))));
  person p = elder("p9", "1950-01-01");
  p.stays = {stay("F1", d("2023-01-01"), d("2023-03-01")), stay("F1", d("2023-02-01"))};
  try {
    validate(p, &reg);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "persons[p9].stays[1].admitted");
    CHECK(e.value() == "2023-02-01");
  }
  p.stays = {stay("F1", d("2023-01-01"), d("2023-03-01")), stay("F1", d("2023-03-01"))}; // transfer day
  CHECK_NOTHROW(validate(p, &reg));
  p.stays = {stay("nowhere", d("2023-01-01"))};
  CHECK_THROWS_WITH(validate(p, &reg), Catch::Contains("stays[0].facility") && Catch::Contains("nowhere"));
  CHECK_THROWS_WITH(stay("F1", d("2023-03-01"), d("2023-02-01"), "stays[0]"),
                    Catch::Contains("stays[0].discharged") && Catch::Contains("before the admission"));
  // Dates outside 1800-2400 or not a date at all, named by the stay's field (built only for the error).
  const date outside(1799, 12, 31), none(boost::gregorian::not_a_date_time);
  CHECK_THROWS_WITH(stay("F1", outside, std::nullopt, "stays[2]"),
                    Catch::Contains("stays[2].admitted") && Catch::Contains("1800-2400"));
  CHECK_THROWS_WITH(stay("F1", none, std::nullopt, "stays[2]"),
                    Catch::Contains("stays[2].admitted") && Catch::Contains("a calendar date is required"));
  CHECK_THROWS_WITH(stay("F1", d("2023-01-01"), none, "stays[3]"), Catch::Contains("stays[3].discharged"));
  CHECK(is_supported(d("1800-01-01")));
  CHECK(is_supported(d("2400-12-31")));
  CHECK_FALSE(is_supported(outside));
  CHECK_FALSE(is_supported(date(2401, 1, 1)));
  CHECK_FALSE(is_supported(none));
  CHECK_THROWS_AS(filing(rc("131082"), d("2020-01-01"), d("2019-01-01")), invalid_value);
  CHECK_THROWS_AS(facility("F", facility_kind::institution, rc("131082"), -1), invalid_value);
}

TEST_CASE("per-year grants are paid once every twelve months, not once per calendar year") {
  const citation c{};
  policy_version yearly{"v",
                        d("2020-01-01"),
                        std::nullopt,
                        c,
                        combination::first_match,
                        payee::person,
                        {erase(make_rule<person>("y", "", c, age_at_least(60), money_per_year(5000_yuan)))},
                        {}};
  const policy p("test.yearly", "yearly", {yearly});
  // Eligible from March 2024 (60 on 2024-03-01) through February 2027: 36 months = 3 payments
  // (2024-03, 2025-03, 2026-03), although the window touches four calendar years.
  const person e = elder("a", "1964-03-01");
  const auto lines = schedule(p, e, d("2024-01-01"), d("2027-02-28"));
  CHECK(total(lines) == 15000_yuan);
  CHECK(lines[2].amount == 5000_yuan);  // 2024-03
  CHECK(lines[12].amount == money());   // 2025-01
  CHECK(lines[14].amount == 5000_yuan); // 2025-03
}

TEST_CASE("stacking compares money of different periods by its yearly value") {
  decision yearly;
  yearly.policy_id = "xian_care";
  yearly.eligible = true;
  yearly.granted = benefit(money_per_year(money::from_fen(25789))); // 257.89 a year
  decision monthly;
  monthly.policy_id = "two_subsidies";
  monthly.eligible = true;
  monthly.granted = benefit(money_per_month(424_yuan)); // 5,088 a year
  stacking_table t;
  t.declare({"xian_care", "two_subsidies", stacking_mode::choose_higher, citation{}, provenance::sourced});
  const auto out = resolve_stacking({yearly, monthly}, t);
  CHECK_FALSE(out[0].paid);
  CHECK(out[1].paid);
  // 50 a month (600 a year) against 700 a year: the yearly one is higher.
  monthly.granted = benefit(money_per_month(50_yuan));
  yearly.granted = benefit(money_per_year(700_yuan));
  const auto out2 = resolve_stacking({yearly, monthly}, t);
  CHECK(out2[0].paid);
  CHECK_FALSE(out2[1].paid);
}
