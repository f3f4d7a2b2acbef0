#pragma once
// cn.beijing.elderly_allowances — 《北京市老年人养老服务补贴津贴管理实施办法》 (in force from October
// 2019), Beijing's three allowances for 60+ Beijing-hukou elders (DOMAIN.md E.1, sourced from
// beijing.gov.cn): 困难老年人养老服务补贴 300/200/100, 失能老年人护理补贴 600/400/200, 高龄老年人津贴
// 100/500/800 yuan a month. One catalog id per allowance, and the umbrella id as their sum.

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/residency.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* beijing_jurisdiction = "北京市 (110000)";
inline constexpr const char* beijing_allowances_source =
    "DOMAIN.md E.1 (beijing.gov.cn 2019-10-28, 2018-10-10; xuehua.us overview)";

[[nodiscard]] inline std::vector<reading> beijing_allowances_readings() {
  return {{"beijing.severe_disability_level",
           "Which GB/T 42195-2022 level counts as Beijing's 重度失能 (经能力综合评估为重度失能)?",
           {{"3", "level 3 (能力重度受损) or 4"}, {"4", "level 4 (能力完全丧失) only"}},
           "3",
           provenance::assumed,
           "Beijing's 2019 comprehensive assessment predates GB/T 42195; its 重度失能 band is read as GB/T "
           "level 3+.",
           "DOMAIN.md A.5, open question 16"}};
}

namespace detail {
/// The measures, in force from October 2019 (the day is the month's first).
inline cited_document beijing_measures() {
  return {.document = "《北京市老年人养老服务补贴津贴管理实施办法》",
          .source = beijing_allowances_source,
          .effective_from = make_date(2019, 10, 1)};
}
/// The one version of each allowance: tiers in order, the first that holds pays.
inline version_spec<person> beijing_version(const citation& c, std::vector<rule> rules,
                                            parameter_list params) {
  return version("2019", c)
      .combine(combination::first_match)
      .rules(std::move(rules))
      .parameters(std::move(params));
}
/// 60+ with Beijing hukou, not on 特困 support nor work-injury care fees (both receive neither
/// elderly subsidy, DOMAIN.md D.1 Beijing).
inline any_condition beijing_elder(const reading_context& r, bool apply_exclusions) {
  const region_set beijing("北京市", {regions::beijing});
  if (!apply_exclusions)
    return hukou_in(beijing, catalog_readings::legacy(r)) && age_at_least(60, catalog_readings::ages(r));
  return hukou_in(beijing, catalog_readings::legacy(r)) && age_at_least(60, catalog_readings::ages(r)) &&
         !in_category(category_set{category::tekun, category::work_injury_care});
}
} // namespace detail

[[nodiscard]] inline catalog_entry beijing_hardship_allowance() {
  catalog_entry e{
      .id = "cn.beijing.elderly_allowances.hardship",
      .title = "困难老年人养老服务补贴 (北京)",
      .jurisdiction = beijing_jurisdiction,
      .source = beijing_allowances_source,
      .summary = "60+ Beijing-hukou elders: 300 yuan a month on 低保, 200 in a low-income household not on "
                 "低保, 100 "
                 "in a 计划生育特殊家庭 not in the two rows above. Not paid to 特困 or work-injury care-fee "
                 "recipients.",
      .readings = {"hukou.legacy_codes", "age.reached", "age.leap_day"},
      .examples = {"A 70-year-old Beijing 低保 recipient: 300.00 yuan per month.",
                   "A 失独 (计划生育特殊家庭) elder not on 低保: 100.00 yuan per month."},
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    const citation c = detail::beijing_measures().cite("困难老年人养老服务补贴",
                                                       "低保300元、低收入200元、计划生育特殊家庭100元");
    const category_set special{category::special_family, category::jisheng_tefu, category::shidu};
    const char* const amounts = "beijing.gov.cn 2019-10-28";
    auto tier = [&](const char* id, const char* title, const auto& who, money amount, parameter_list more) {
      parameter_list p{sourced("amount", money_per_month(amount), amounts)};
      p.insert(p.end(), more.begin(), more.end());
      return rule{id, title, c, detail::beijing_elder(r, true) && who, money_per_month(amount), std::move(p)};
    };
    return self.policy(detail::beijing_version(
        c,
        {tier("dibao", "低保 (incl. 城市居民生活困境补助金)", in_category(category::dibao), 300_yuan, {}),
         tier("low_income", "低收入 household, not on 低保", in_category(category::low_income), 200_yuan, {}),
         tier("special_family", "计划生育特殊家庭", in_category(special), 100_yuan,
              {assumed("special_family", special,
                       "Beijing's 计划生育特殊家庭 = 特扶 families plus local extensions (DOMAIN.md D)")})},
        catalog_readings::reading_parameters(r, catalog_readings::age_reading_names)));
  });
  return e;
}

[[nodiscard]] inline catalog_entry beijing_disability_care_allowance() {
  catalog_entry e{
      .id = "cn.beijing.elderly_allowances.disability_care",
      .title = "失能老年人护理补贴 (北京)",
      .jurisdiction = beijing_jurisdiction,
      .source = beijing_allowances_source,
      .summary =
          "60+ Beijing-hukou elders: 600 yuan a month for 重度失能 by comprehensive assessment, or a grade-1 "
          "视力/肢体/智力/精神 certificate, or 多重 with grade-2 智力/精神; 400 for grade-2 视力/肢体 or "
          "grade-2/3 "
          "智力/精神; 200 for grade-1/2 听力/言语.",
      .readings = {"beijing.severe_disability_level", "hukou.legacy_codes", "age.reached", "age.leap_day"},
      .examples = {"An elder assessed at GB/T 42195 level 3: 600.00 yuan per month.",
                   "An elder with a grade-2 听力 certificate and no assessment: 200.00 yuan per month."},
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    const citation c = detail::beijing_measures().cite(
        "失能老年人护理补贴",
        "重度失能600元；二级视力、肢体，二、三级智力、精神400元；一、二级听力、言语200元");
    using dc = disability_category;
    const ability_level severe =
        r.is("beijing.severe_disability_level", "4") ? ability_level::total_loss : ability_level::severe;
    const auto tier600 = ability_at_least(severe) ||
                         disability_at_least({dc::visual, dc::physical, dc::intellectual, dc::mental},
                                             disability_grade::one) ||
                         multiple_disability_with({dc::intellectual, dc::mental}, disability_grade::two);
    const auto tier400 = disability_at_least({dc::visual, dc::physical}, disability_grade::two) ||
                         disability_at_least({dc::intellectual, dc::mental}, disability_grade::three);
    const auto tier200 = disability_at_least({dc::hearing, dc::speech}, disability_grade::two);
    parameter_list p = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
    p.push_back(assumed("severe_disability_level", r.get("beijing.severe_disability_level"),
                        "reading beijing.severe_disability_level"));
    auto tier = [&](const char* id, const char* title, const auto& need, money amount) {
      return rule{id,
                  title,
                  c,
                  detail::beijing_elder(r, true) && need,
                  money_per_month(amount),
                  {sourced("amount", money_per_month(amount), "beijing.gov.cn 2018-10-10")}};
    };
    return self.policy(detail::beijing_version(
        c,
        {tier("tier_600", "重度失能, or grade-1 视力/肢体/智力/精神, or 多重 with grade-2 智力/精神", tier600,
              600_yuan),
         tier("tier_400", "grade-2 视力/肢体, grade-2/3 智力/精神", tier400, 400_yuan),
         tier("tier_200", "grade-1/2 听力/言语", tier200, 200_yuan)},
        std::move(p)));
  });
  return e;
}

[[nodiscard]] inline catalog_entry beijing_advanced_age_allowance() {
  catalog_entry e{
      .id = "cn.beijing.elderly_allowances.advanced_age",
      .title = "高龄老年人津贴 (北京)",
      .jurisdiction = beijing_jurisdiction,
      .source = beijing_allowances_source,
      .summary = "Beijing-hukou elders aged 80–89: 100 yuan a month; 90–99: 500; 100 and over: 800.",
      .readings = {"hukou.legacy_codes", "age.reached", "age.leap_day"},
      .examples =
          {"Born 1944-05-01: 100.00 yuan per month from 2024-05-01 (80th birthday), nothing on 2024-04-30."},
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    const citation c = detail::beijing_measures().cite("高龄老年人津贴",
                                                       "80-89周岁100元，90-99周岁500元，100周岁及以上800元");
    const region_set beijing("北京市", {regions::beijing});
    const auto ages = catalog_readings::ages(r);
    auto tier = [&](const char* id, const char* title, int from, money amount) {
      return rule{id,
                  title,
                  c,
                  hukou_in(beijing, catalog_readings::legacy(r)) && age_at_least(from, ages),
                  money_per_month(amount),
                  {sourced("amount", money_per_month(amount), "xuehua.us overview of the 2019 measures"),
                   sourced("from_age", from, "周岁以上 includes the age (art. 1259)")}};
    };
    return self.policy(detail::beijing_version(
        c,
        {tier("age_100", "100 周岁 and over", 100, 800_yuan), tier("age_90", "90–99 周岁", 90, 500_yuan),
         tier("age_80", "80–89 周岁", 80, 100_yuan)},
        catalog_readings::reading_parameters(r, catalog_readings::age_reading_names)));
  });
  return e;
}

[[nodiscard]] inline catalog_entry beijing_elderly_allowances() {
  return {
      .id = "cn.beijing.elderly_allowances",
      .title = "北京市老年人养老服务补贴津贴 (three allowances)",
      .jurisdiction = beijing_jurisdiction,
      .source = beijing_allowances_source,
      .summary = "The three Beijing allowances together: their grants add up (高龄津贴 is not restricted; "
                 "the other two "
                 "are separate allowances for different needs).",
      .readings = {"beijing.severe_disability_level", "hukou.legacy_codes", "age.reached", "age.leap_day"},
      .components = {"cn.beijing.elderly_allowances.hardship",
                     "cn.beijing.elderly_allowances.disability_care",
                     "cn.beijing.elderly_allowances.advanced_age"},
      .examples =
          {"A 91-year-old 低保 recipient assessed at level 3: 300 + 600 + 500 = 1400.00 yuan per month."},
  };
}

} // namespace eldercare::catalog_entries
