// cn.beijing.elderly_allowances (three allowances and their sum) and cn.national.disabled_two_subsidies,
// and the declared stacking between them. Amounts from DOMAIN.md E.1 / D.1, worked by hand.
#include <catch2/catch.hpp>

#include <algorithm> // std::shuffle
#include <random>

#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

person bj(const char* birth, category_set cats = {}, const char* hukou = "110105") {
  return person{.id = "b",
                .birth_date = d(birth),
                .hukou = {rc(hukou), std::nullopt},
                .residence = {rc(hukou), false},
                .categories = cats};
}
assessment level(int l) {
  return assessment(ability_scale::gbt_42195_2022, ability_level(l), d("2023-01-01"));
}
money amount(const char* id, const person& p, const char* on, const reading_set& r = {}) {
  return standard_catalog().evaluate(id, p, d(on), nullptr, r).amount();
}
const char* const hardship = "cn.beijing.elderly_allowances.hardship";
const char* const care = "cn.beijing.elderly_allowances.disability_care";
const char* const age = "cn.beijing.elderly_allowances.advanced_age";
const char* const all = "cn.beijing.elderly_allowances";
const char* const two = "cn.national.disabled_two_subsidies";
} // namespace

TEST_CASE("beijing hardship allowance: 300 / 200 / 100 by category, exclusions") {
  CHECK(amount(hardship, bj("1950-01-01", {category::dibao}), "2024-01-01") == 300_yuan);
  CHECK(amount(hardship, bj("1950-01-01", {category::low_income}), "2024-01-01") == 200_yuan);
  CHECK(amount(hardship, bj("1950-01-01", {category::shidu}), "2024-01-01") == 100_yuan);
  // 低保 and 特扶 both: the first tier (300) only.
  CHECK(amount(hardship, bj("1950-01-01", {category::dibao, category::jisheng_tefu}), "2024-01-01") ==
        300_yuan);
  // Negative per condition: no category; not Beijing hukou (Tianjin 120101); under 60; 特困; work-injury
  // care.
  CHECK(amount(hardship, bj("1950-01-01"), "2024-01-01") == money());
  CHECK(amount(hardship, bj("1950-01-01", {category::dibao}, "120101"), "2024-01-01") == money());
  CHECK(amount(hardship, bj("1964-01-02", {category::dibao}), "2024-01-01") == money()); // 60 on 2024-01-02
  CHECK(amount(hardship, bj("1964-01-02", {category::dibao}), "2024-01-02") == 300_yuan);
  CHECK(amount(hardship, bj("1950-01-01", {category::dibao, category::tekun}), "2024-01-01") == money());
  CHECK(amount(hardship, bj("1950-01-01", {category::dibao, category::work_injury_care}), "2024-01-01") ==
        money());
  // Effective from 2019-10-01.
  CHECK(standard_catalog().evaluate(hardship, bj("1950-01-01", {category::dibao}), d("2019-09-30")).status ==
        decision_status::not_in_force);
  CHECK(amount(hardship, bj("1950-01-01", {category::dibao}), "2019-10-01") == 300_yuan);
}

TEST_CASE("beijing disability care allowance: 600 / 400 / 200") {
  person p = bj("1945-01-01");
  p.ability = level(3); // 重度 under the default reading
  CHECK(amount(care, p, "2024-01-01") == 600_yuan);
  CHECK(amount(care, p, "2024-01-01", reading_set{{"beijing.severe_disability_level", "4"}}) == money());
  p.ability = level(4);
  CHECK(amount(care, p, "2024-01-01", reading_set{{"beijing.severe_disability_level", "4"}}) == 600_yuan);
  p.ability = level(2); // moderate: not 重度
  CHECK(amount(care, p, "2024-01-01") == money());
  using dc = disability_category;
  p.disability = disability_certificate(dc::physical, disability_grade::one);
  CHECK(amount(care, p, "2024-01-01") == 600_yuan);
  p.disability = disability_certificate(dc::physical, disability_grade::two);
  CHECK(amount(care, p, "2024-01-01") == 400_yuan);
  p.disability = disability_certificate(dc::intellectual, disability_grade::three);
  CHECK(amount(care, p, "2024-01-01") == 400_yuan);
  p.disability = disability_certificate(dc::intellectual, disability_grade::four);
  CHECK(amount(care, p, "2024-01-01") == money());
  p.disability = disability_certificate(dc::hearing, disability_grade::one); // 听力 grade 1 → 200
  CHECK(amount(care, p, "2024-01-01") == 200_yuan);
  p.disability = disability_certificate(
      dc::multiple, disability_grade::two,
      {{dc::intellectual, disability_grade::two}, {dc::hearing, disability_grade::three}});
  CHECK(amount(care, p, "2024-01-01") == 600_yuan); // 多重 with grade-2 智力
  p.categories.insert(category::tekun);
  CHECK(amount(care, p, "2024-01-01") == money());
}

TEST_CASE("beijing advanced-age allowance: birthdays are the boundaries") {
  const person p = bj("1944-05-01");
  CHECK(amount(age, p, "2024-04-30") == money());
  CHECK(amount(age, p, "2024-05-01") == 100_yuan);
  CHECK(amount(age, p, "2034-04-30") == 100_yuan);
  CHECK(amount(age, p, "2034-05-01") == 500_yuan);
  CHECK(amount(age, p, "2044-05-01") == 800_yuan);
  CHECK(amount(age, p, "2024-05-01", reading_set{{"age.reached", "day_after_birthday"}}) == money());
  CHECK(amount(age, p, "2024-05-02", reading_set{{"age.reached", "day_after_birthday"}}) == 100_yuan);
  // 29 February birthday: 80 on 2023-02-28 (default) or 2023-03-01.
  const person leap = bj("1944-02-29");
  CHECK(amount(age, leap, "2024-02-29") == 100_yuan); // leap year: the day itself
  const person leap79 = bj("1944-02-29");
  CHECK(amount(age, leap79, "2024-02-28") == money());
  // Not Beijing hukou.
  CHECK(amount(age, bj("1930-01-01", {}, "131082"), "2024-01-01") == money());
}

TEST_CASE("the umbrella id adds the three allowances") {
  person p = bj("1933-03-01", {category::dibao});
  p.ability = level(3);
  // 91 on 2024-03-01: 300 (低保) + 600 (重度) + 500 (90-99) = 1400.
  const decision dec = standard_catalog().evaluate(all, p, d("2024-03-01"));
  CHECK(dec.amount() == 1400_yuan);
  CHECK(dec.granting_rules.size() == 3);
  CHECK(explain(dec).find("cn.beijing.elderly_allowances.hardship/dibao") != std::string::npos);
}

TEST_CASE("两项补贴 and the declared stacking with Beijing's allowances") {
  person p = bj("1950-01-01", {category::dibao});
  p.disability = disability_certificate(disability_category::physical, disability_grade::one);
  // 两项补贴 (Guangzhou amounts): 181 + 243 = 424.
  CHECK(amount(two, p, "2024-01-01") == 424_yuan);
  CHECK(amount(two, p, "2024-01-01",
               reading_set{{"two_subsidies.care_yuan", "80"}, {"two_subsidies.living_yuan", "80"}}) ==
        160_yuan);
  p.categories.insert(category::tekun); // 特困 gets neither
  CHECK(amount(two, p, "2024-01-01") == money());
  p.categories.erase(category::tekun);

  // Beijing: hardship (300) and disability care (600) are an exclusive choice against the 两项补贴;
  // 高龄 stacks. A 80-year-old: advanced age 100.
  person q = p;
  q.birth_date = d("1944-01-01");
  const date on = d("2024-01-01");
  std::vector<decision> ds;
  for (const char* id : {hardship, care, age, two}) ds.push_back(standard_catalog().evaluate(id, q, on));
  const auto out = resolve_stacking(ds, standard_catalog().stacking());
  // Order by amount: care 600, two 424, hardship 300, age 100. care kept; two blocked by care
  // (exclusive); hardship kept (no rule between care and hardship: they stack); age kept.
  CHECK(out[1].paid);       // care 600
  CHECK_FALSE(out[3].paid); // 两项补贴 424, exclusive choice with care
  CHECK(out[3].reason.find("exclusive_choice") != std::string::npos);
  CHECK(out[0].paid); // hardship 300
  CHECK(out[2].paid); // advanced age
}

TEST_CASE("beijing cases give the same answers as one shuffled batch") {
  std::vector<std::pair<person, money>> cases;
  cases.push_back({bj("1950-01-01", {category::dibao}), 300_yuan});
  cases.push_back({bj("1950-01-01", {category::low_income}), 200_yuan});
  cases.push_back({bj("1950-01-01", {category::shidu}), 100_yuan});
  cases.push_back({bj("1950-01-01"), money()});
  cases.push_back({bj("1950-01-01", {category::dibao}, "120101"), money()});
  cases.push_back({bj("1965-01-01", {category::dibao}), money()});
  std::vector<std::size_t> order(cases.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937(20240101));
  const policy p = standard_catalog().policy_for(hardship);
  for (std::size_t i : order) {
    CHECK(evaluate(p, cases[i].first, d("2024-01-01")).amount() == cases[i].second);
    CHECK(grant_on(p, cases[i].first, d("2024-01-01")).value_or(benefit(money_per_month(money()))).amount() ==
          cases[i].second);
  }
}
