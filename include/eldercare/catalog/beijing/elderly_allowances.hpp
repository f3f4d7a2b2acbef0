#pragma once
// cn.beijing.elderly_allowances — 《北京市老年人养老服务补贴津贴管理实施办法》 (in force from October
// 2019), Beijing's three allowances for 60+ Beijing-hukou elders (DOMAIN.md E.1, sourced from
// beijing.gov.cn): 困难老年人养老服务补贴 300/200/100, 失能老年人护理补贴 600/400/200, 高龄老年人津贴
// 100/500/800 yuan a month. One catalog id per allowance, and the umbrella id as their sum.

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/residency.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* beijing_allowances_source = "DOMAIN.md E.1 (beijing.gov.cn 2019-10-28, 2018-10-10; xuehua.us overview)";

[[nodiscard]] inline std::vector<reading> beijing_allowances_readings() {
  return {{"beijing.severe_disability_level",
           "Which GB/T 42195-2022 level counts as Beijing's 重度失能 (经能力综合评估为重度失能)?",
           {{"3", "level 3 (能力重度受损) or 4"}, {"4", "level 4 (能力完全丧失) only"}},
           "3", provenance::assumed,
           "Beijing's 2019 comprehensive assessment predates GB/T 42195; its 重度失能 band is read as GB/T level 3+.",
           "DOMAIN.md A.5, open question 16"}};
}

namespace detail {
inline citation beijing_citation(const char* clause, const char* phrase) {
  return {"《北京市老年人养老服务补贴津贴管理实施办法》", clause, phrase, beijing_allowances_source, make_date(2019, 10, 1),
          std::nullopt};
}
inline policy single_version_policy(const char* id, const char* title, const citation& c, std::vector<rule> rules,
                                    parameter_list params) {
  policy_version v{"2019", make_date(2019, 10, 1), std::nullopt, c, combination::first_match, payee::person,
                   std::move(rules), std::move(params)};
  return policy(id, title, {std::move(v)});
}
/// 60+ with Beijing hukou, not on 特困 support nor work-injury care fees (both receive neither
/// elderly subsidy, DOMAIN.md D.1 Beijing).
inline any_condition beijing_elder(const reading_context& r, bool apply_exclusions) {
  const region_set beijing("北京市", {regions::beijing});
  if (!apply_exclusions) return hukou_in(beijing, catalog_readings::legacy(r)) && age_at_least(60, catalog_readings::ages(r));
  return hukou_in(beijing, catalog_readings::legacy(r)) && age_at_least(60, catalog_readings::ages(r)) &&
         !in_category(category_set{category::tekun, category::work_injury_care});
}
} // namespace detail

[[nodiscard]] inline catalog_entry beijing_hardship_allowance() {
  catalog_entry e;
  e.id = "cn.beijing.elderly_allowances.hardship";
  e.title = "困难老年人养老服务补贴 (北京)";
  e.jurisdiction = "北京市 (110000)";
  e.source = beijing_allowances_source;
  e.summary = "60+ Beijing-hukou elders: 300 yuan a month on 低保, 200 in a low-income household not on 低保, 100 "
              "in a 计划生育特殊家庭 not in the two rows above. Not paid to 特困 or work-injury care-fee recipients.";
  e.readings = {"hukou.legacy_codes", "age.reached", "age.leap_day"};
  e.examples = {"A 70-year-old Beijing 低保 recipient: 300.00 yuan per month.",
                "A 失独 (计划生育特殊家庭) elder not on 低保: 100.00 yuan per month."};
  e.build = [](const reading_context& r) {
    using namespace eldercare::literals;
    const citation c = detail::beijing_citation("困难老年人养老服务补贴", "低保300元、低收入200元、计划生育特殊家庭100元");
    const category_set special{category::special_family, category::jisheng_tefu, category::shidu};
    return detail::single_version_policy(
        "cn.beijing.elderly_allowances.hardship", "困难老年人养老服务补贴 (北京)", c,
        {rule{"dibao", "低保 (incl. 城市居民生活困境补助金)", c, detail::beijing_elder(r, true) && in_category(category::dibao),
              money_per_month(300_yuan), {{"amount", "300.00 yuan per month", provenance::sourced, "beijing.gov.cn 2019-10-28"}}},
         rule{"low_income", "低收入 household, not on 低保", c, detail::beijing_elder(r, true) && in_category(category::low_income),
              money_per_month(200_yuan), {{"amount", "200.00 yuan per month", provenance::sourced, "beijing.gov.cn 2019-10-28"}}},
         rule{"special_family", "计划生育特殊家庭", c, detail::beijing_elder(r, true) && in_category(special),
              money_per_month(100_yuan),
              {{"amount", "100.00 yuan per month", provenance::sourced, "beijing.gov.cn 2019-10-28"},
               {"special_family", "special_family, jisheng_tefu, shidu", provenance::assumed,
                "Beijing's 计划生育特殊家庭 = 特扶 families plus local extensions (DOMAIN.md D)"}}}},
        catalog_readings::reading_parameters(r, catalog_readings::age_reading_names));
  };
  return e;
}

[[nodiscard]] inline catalog_entry beijing_disability_care_allowance() {
  catalog_entry e;
  e.id = "cn.beijing.elderly_allowances.disability_care";
  e.title = "失能老年人护理补贴 (北京)";
  e.jurisdiction = "北京市 (110000)";
  e.source = beijing_allowances_source;
  e.summary = "60+ Beijing-hukou elders: 600 yuan a month for 重度失能 by comprehensive assessment, or a grade-1 "
              "视力/肢体/智力/精神 certificate, or 多重 with grade-2 智力/精神; 400 for grade-2 视力/肢体 or grade-2/3 "
              "智力/精神; 200 for grade-1/2 听力/言语.";
  e.readings = {"beijing.severe_disability_level", "hukou.legacy_codes", "age.reached", "age.leap_day"};
  e.examples = {"An elder assessed at GB/T 42195 level 3: 600.00 yuan per month.",
                "An elder with a grade-2 听力 certificate and no assessment: 200.00 yuan per month."};
  e.build = [](const reading_context& r) {
    using namespace eldercare::literals;
    const citation c = detail::beijing_citation("失能老年人护理补贴", "重度失能600元；二级视力、肢体，二、三级智力、精神400元；一、二级听力、言语200元");
    using dc = disability_category;
    const ability_level severe = r.is("beijing.severe_disability_level", "4") ? ability_level::total_loss : ability_level::severe;
    const auto tier600 = ability_at_least(severe) ||
                         disability_at_least({dc::visual, dc::physical, dc::intellectual, dc::mental}, disability_grade::one) ||
                         multiple_disability_with({dc::intellectual, dc::mental}, disability_grade::two);
    const auto tier400 = disability_at_least({dc::visual, dc::physical}, disability_grade::two) ||
                         disability_at_least({dc::intellectual, dc::mental}, disability_grade::three);
    const auto tier200 = disability_at_least({dc::hearing, dc::speech}, disability_grade::two);
    parameter_list p = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
    p.push_back({"severe_disability_level", r.get("beijing.severe_disability_level"), provenance::assumed,
                 "reading beijing.severe_disability_level"});
    return detail::single_version_policy(
        "cn.beijing.elderly_allowances.disability_care", "失能老年人护理补贴 (北京)", c,
        {rule{"tier_600", "重度失能, or grade-1 视力/肢体/智力/精神, or 多重 with grade-2 智力/精神", c,
              detail::beijing_elder(r, true) && tier600, money_per_month(600_yuan),
              {{"amount", "600.00 yuan per month", provenance::sourced, "beijing.gov.cn 2018-10-10"}}},
         rule{"tier_400", "grade-2 视力/肢体, grade-2/3 智力/精神", c, detail::beijing_elder(r, true) && tier400,
              money_per_month(400_yuan), {{"amount", "400.00 yuan per month", provenance::sourced, "beijing.gov.cn 2018-10-10"}}},
         rule{"tier_200", "grade-1/2 听力/言语", c, detail::beijing_elder(r, true) && tier200, money_per_month(200_yuan),
              {{"amount", "200.00 yuan per month", provenance::sourced, "beijing.gov.cn 2018-10-10"}}}},
        std::move(p));
  };
  return e;
}

[[nodiscard]] inline catalog_entry beijing_advanced_age_allowance() {
  catalog_entry e;
  e.id = "cn.beijing.elderly_allowances.advanced_age";
  e.title = "高龄老年人津贴 (北京)";
  e.jurisdiction = "北京市 (110000)";
  e.source = beijing_allowances_source;
  e.summary = "Beijing-hukou elders aged 80–89: 100 yuan a month; 90–99: 500; 100 and over: 800.";
  e.readings = {"hukou.legacy_codes", "age.reached", "age.leap_day"};
  e.examples = {"Born 1944-05-01: 100.00 yuan per month from 2024-05-01 (80th birthday), nothing on 2024-04-30."};
  e.build = [](const reading_context& r) {
    using namespace eldercare::literals;
    const citation c = detail::beijing_citation("高龄老年人津贴", "80-89周岁100元，90-99周岁500元，100周岁及以上800元");
    const region_set beijing("北京市", {regions::beijing});
    const auto ages = catalog_readings::ages(r);
    auto tier = [&](const char* id, const char* title, int from, money amount) {
      return rule{id, title, c, hukou_in(beijing, catalog_readings::legacy(r)) && age_at_least(from, ages),
                  money_per_month(amount), {{"amount", amount.to_string() + " yuan per month", provenance::sourced, "xuehua.us overview of the 2019 measures"},
                                            {"from_age", std::to_string(from), provenance::sourced, "周岁以上 includes the age (art. 1259)"}}};
    };
    return detail::single_version_policy("cn.beijing.elderly_allowances.advanced_age", "高龄老年人津贴 (北京)", c,
                                         {tier("age_100", "100 周岁 and over", 100, 800_yuan),
                                          tier("age_90", "90–99 周岁", 90, 500_yuan),
                                          tier("age_80", "80–89 周岁", 80, 100_yuan)},
                                         catalog_readings::reading_parameters(r, catalog_readings::age_reading_names));
  };
  return e;
}

[[nodiscard]] inline catalog_entry beijing_elderly_allowances() {
  catalog_entry e;
  e.id = "cn.beijing.elderly_allowances";
  e.title = "北京市老年人养老服务补贴津贴 (three allowances)";
  e.jurisdiction = "北京市 (110000)";
  e.source = beijing_allowances_source;
  e.summary = "The three Beijing allowances together: their grants add up (高龄津贴 is not restricted; the other two "
              "are separate allowances for different needs).";
  e.components = {"cn.beijing.elderly_allowances.hardship", "cn.beijing.elderly_allowances.disability_care",
                  "cn.beijing.elderly_allowances.advanced_age"};
  e.readings = {"beijing.severe_disability_level", "hukou.legacy_codes", "age.reached", "age.leap_day"};
  e.examples = {"A 91-year-old 低保 recipient assessed at level 3: 300 + 600 + 500 = 1400.00 yuan per month."};
  return e;
}

} // namespace eldercare::catalog_entries
