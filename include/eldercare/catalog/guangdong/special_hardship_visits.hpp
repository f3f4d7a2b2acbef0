#pragma once
// cn.guangdong.special_hardship_visits — regular visits (定期探访) to elders in special hardship, from a
// Guangdong city's eldercare plan as reported by the provincial civil-affairs department (广东省民政厅)
// on 2020-09-16 (seed 003, in traditional characters with pinyin glosses such as "實現(xiàn)" left in
// by the crawler; key phrases are quoted exactly as they appear there).
//
// "全面建立健全独居、空巢、留守、失能、计划生育特殊家庭等特殊困难老年人定期探访制度,实现月探访率达100%":
// each elder of the five groups gets at least one visit a month (visits_per_month(1)). One rule per
// group, so the explanation names the group; whether an elder in several groups gets one visit or one
// per group is the reading guangdong.visits.per_category (DOMAIN.md open question 15).
// The same notice's budget norm ("彩票公益金中不低于70%的资金用于支持发展养老服务") is this entry's
// planning norm (build_norms): POLICIES.md gives the seed one id only.

#include <string>
#include <vector>

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/always.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/subjects/service_area.hpp"

namespace eldercare::catalog_entries {

/// The notice as the provincial department reported it (行業動態 2020年09月16日, seed 003).
inline cited_document guangdong_notice() {
  return {.document = "广东省民政厅 report of a city's 居家社区养老 reform plan (2020-09-16)",
          .source = catalog_sources::seed_003,
          .effective_from = make_date(2020, 9, 16)};
}

[[nodiscard]] inline std::vector<reading> guangdong_visits_readings() {
  return {
      {"guangdong.visits.region",
       "Which city does the visiting scheme cover? The notice speaks of 全市 (its 24 镇(街道)) without "
       "naming "
       "the city: give its 6-digit code (under 440000).",
       {},
       "",
       provenance::assumed,
       "No source names the city, and one city's plan does not cover the province: the entry is not "
       "computable "
       "until the city is given. (24 镇街 would fit 中山市 442000, which has no districts; no source "
       "confirms it.)",
       "POLICIES.md seed 003",
       false},
      {"guangdong.visits.basis",
       "Are elders covered where they live (常住) or where their hukou is?",
       {{"residence", "where the elder lives (常住), whatever the hukou"},
        {"hukou", "hukou registered in the area"},
        {"either", "either"}},
       "residence",
       provenance::assumed,
       "A visit is made where the elder lives, and the visiting system serves the elders of a community "
       "(辖区); "
       "DOMAIN.md B.1 notes the Guangdong scheme may serve 常住 rather than 户籍 residents.",
       "DOMAIN.md B.1, open question 15"},
      {"guangdong.visits.min_age",
       "The notice says 老年人 without an age. Is there a minimum age?",
       {{"60", "60 周岁 (the statutory meaning of 老年人, Elder Rights Law art. 2)"},
        {"none", "no age test: the civil-affairs rosters of the five groups decide"}},
       "60",
       provenance::assumed,
       "老年人 means 60+ in the Elder Rights Law; the notice gives no other age.",
       "DOMAIN.md D, open question 15"},
      {"guangdong.visits.disabled_level",
       "Which GB/T 42195-2022 level is the least severe that counts as 失能?",
       {{"3", "level 3 (重度失能) and up"}, {"2", "level 2 (中度失能) and up: 半失能 included"}},
       "3",
       provenance::assumed,
       "The common mapping reads 失能 as 重度 (+ 完全), 半失能 as 轻度/中度 (DOMAIN.md D [K]).",
       "DOMAIN.md D, open question 16"},
      {"guangdong.visits.certificate",
       "Does a disability certificate (残疾人证) make an elder 失能 for the visits?",
       {{"none", "no: only an ability assessment counts (失能 as the notice lists it)"},
        {"grade_1_2", "yes, a grade 1 or 2 (重度残疾, 重残) certificate of any category"},
        {"any_grade", "yes, a certificate of any grade"}},
       "none",
       provenance::stated,
       "The notice lists 失能 among five groups and not 重残 (severe disability), which the 2022 national "
       "visiting opinion names beside it (DOMAIN.md D): a certificate alone does not make an elder 失能 "
       "here.",
       "DOMAIN.md D, open question 15",
       true,
       "獨(dú)居、空巢、留守、失能、計(jì)劃生育特殊家庭"},
      {"guangdong.visits.per_category",
       "Does an elder in several groups (独居 and 失能, say) get one visit a month or one per group?",
       {{"per_elder", "one visit a month per elder (the 100% rate counts elders)"},
        {"per_category", "one visit a month per group the elder is in"}},
       "per_elder",
       provenance::assumed,
       "月探访率 is a share of elders visited in the month: one visit covers an elder.",
       "DOMAIN.md open question 15"},
  };
}

namespace detail {
/// The notice's city (reading guangdong.visits.region): a code under 440000; the whole province
/// (440000) is accepted when asked for explicitly.
inline region_set guangdong_visits_area(const std::string& text) {
  const region_code code = region_code::parse(text, "readings.guangdong.visits.region");
  if (!regions::guangdong.contains(code))
    throw invalid_value(error_id::invalid_region, "readings.guangdong.visits.region", code.to_string(),
                        "the visiting scheme is a Guangdong one: give a code under 440000");
  return region_set(code == regions::guangdong ? "广东省" : "the notice's city", {code});
}

/// Why dates before the report are undetermined.
inline constexpr const char* guangdong_visits_earlier =
    "the report of 2020-09-16 (seed 003) describes a visiting system being set up and improved "
    "(全面建立健全…定期探訪制度); "
    "when visits began is in no source";

} // namespace detail

[[nodiscard]] inline catalog_entry guangdong_special_hardship_visits() {
  catalog_entry e{
      .id = "cn.guangdong.special_hardship_visits",
      .title = "特殊困难老年人定期探访制度 (广东, 2020)",
      .jurisdiction = "a city of 广东省 (440000) with 24 镇(街道), not named by the source: reading "
                      "guangdong.visits.region",
      .source = catalog_sources::seed_003,
      .summary =
          "Elders who live alone (独居), are empty-nest (空巢), left-behind (留守), disabled (失能) or in a "
          "family-planning special family (计划生育特殊家庭) are visited at least once a month "
          "(月探访率达100%). "
          "The notice does not name its city: the entry is computable once the city's code is given (reading "
          "guangdong.visits.region). Budget norm of the same notice: at least 70% of the welfare-lottery "
          "funds for "
          "social welfare go to eldercare.",
      .readings = {"guangdong.visits.region", "guangdong.visits.basis", "guangdong.visits.min_age",
                   "guangdong.visits.disabled_level", "guangdong.visits.certificate",
                   "guangdong.visits.per_category", "age.reached", "age.leap_day"},
      .examples =
          {
              "Without the city (reading guangdong.visits.region): not computable.",
              "With guangdong.visits.region = 442000, a 75-year-old living alone in 442000: 1 visit per "
              "month from "
              "2020-09-16; undetermined on 2020-09-15 (visits are known from the report's date).",
              "A 70-year-old with a grade-2 肢体 certificate and no assessment: nothing by default; 1 visit "
              "per month "
              "under guangdong.visits.certificate = grade_1_2.",
              "An elder both 独居 and 失能: 1 visit per month; 2 under guangdong.visits.per_category = "
              "per_category.",
              "Welfare-lottery funds of 1,000,000.00 yuan with 600,000.00 to eldercare: 700,000.00 required, "
              "gap "
              "100,000.00.",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c = guangdong_notice().cite(
        "优化多元服务功能,强化服务供给体系 (as reported, seed 003)",
        "全面建立健全獨(dú)居、空巢、留守、失能、計(jì)"
        "劃生育特殊家庭等特殊困難老年人定期探訪制度,實(shí)現(xiàn)月探訪率達(dá)100%");
    const std::string city = r.get("guangdong.visits.region");
    if (city.empty())
      return self.announced(
          "the notice (seed 003) does not name its city (全市24个镇(街道)): give the city's 6-digit code "
          "as reading guangdong.visits.region");
    const region_set area = detail::guangdong_visits_area(city);
    const auto ages = catalog_readings::ages(r);
    auto where = [&]() -> any_condition {
      if (r.is("guangdong.visits.basis", "hukou")) return hukou_in(area);
      if (r.is("guangdong.visits.basis", "either")) return lives_in(area) || hukou_in(area);
      return lives_in(area);
    };
    auto elder = [&]() -> any_condition {
      if (r.is("guangdong.visits.min_age", "none")) {
        always no_age;
        no_age.what = "no minimum age (reading guangdong.visits.min_age = none)";
        return no_age;
      }
      return age_at_least(60, ages);
    };
    using dc = disability_category;
    const std::vector<dc> any_category{dc::visual,       dc::hearing, dc::speech,  dc::physical,
                                       dc::intellectual, dc::mental,  dc::multiple};
    const ability_level level(std::stoi(r.get("guangdong.visits.disabled_level")),
                              "guangdong.visits.disabled_level");
    const any_condition disabled =
        r.is("guangdong.visits.certificate", "none")
            ? any_condition(ability_at_least(level))
            : any_condition(
                  ability_at_least(level) ||
                  disability_at_least(any_category, r.is("guangdong.visits.certificate", "any_grade")
                                                        ? disability_grade::four
                                                        : disability_grade::two));
    const parameter_list common = {
        stated("visits", "at least 1 per month").quote("實(shí)現(xiàn)月探訪率達(dá)100%"),
        assumed("visit_kind", "any visit (in person, phone or video not distinguished)",
                "the notice does not say; DOMAIN.md open question 15"),
        assumed("area", area,
                "reading guangdong.visits.region: the city the caller names (the notice does not)"),
        catalog_readings::reading_parameter(r, "guangdong.visits.basis", "basis"),
        catalog_readings::reading_parameter(r, "guangdong.visits.min_age", "min_age"),
        catalog_readings::reading_parameter(r, "guangdong.visits.per_category", "per_category"),
    };
    auto group_rule = [&](const char* id, const char* title, any_condition group,
                          std::vector<parameter_info> more) {
      parameter_list p = common;
      p.insert(p.end(), more.begin(), more.end());
      const auto age_params = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
      p.insert(p.end(), age_params.begin(), age_params.end());
      return rule{id,
                  title,
                  c,
                  any_condition::all({where(), elder(), std::move(group)}),
                  visits_per_month(1),
                  std::move(p)};
    };
    const category_set special_family{category::special_family, category::jisheng_tefu, category::shidu};
    std::vector<rule> rules = {
        group_rule("living_alone", "独居老年人", in_category(category::living_alone),
                   {stated("group", category::living_alone).quote("獨(dú)居")}),
        group_rule("empty_nest", "空巢老年人", in_category(category::kongchao),
                   {stated("group", category::kongchao).quote("空巢")}),
        group_rule("left_behind", "留守老年人", in_category(category::left_behind),
                   {stated("group", category::left_behind).quote("留守")}),
        group_rule(
            "disabled", "失能老年人", disabled,
            {stated("group", "失能: " + disabled.describe()).quote("失能"),
             catalog_readings::reading_parameter(r, "guangdong.visits.disabled_level", "disabled_from_level"),
             catalog_readings::reading_parameter(r, "guangdong.visits.certificate", "certificate")}),
        group_rule(
            "special_family", "计划生育特殊家庭老年人", in_category(special_family),
            {assumed(
                "group", special_family,
                "計(jì)劃生育特殊家庭: 特扶 families (incl. 失独) plus local extensions (DOMAIN.md D)")}),
    };
    const combination combine =
        r.is("guangdong.visits.per_category", "per_category") ? combination::sum : combination::highest;
    return self
        .policy(
            version("2020", c)
                .start(
                    provenance::assumed,
                    "the report's date (行業動態 2020年09月16日, seed 003): the first day visits are known; "
                    "the plan's "
                    "own date and the day visits began are in no source, so earlier dates are undetermined")
                .combine(combine)
                .rules(std::move(rules)))
        .known_from(make_date(2020, 9, 16), detail::guangdong_visits_earlier);
  });
  e.build_norms = [](const reading_context&) {
    planning_norm lottery;
    lottery.id = "welfare_lottery_share";
    lottery.title = "彩票公益金不低于70%用于养老服务 (fen)";
    lottery.cite = guangdong_notice().cite(
        "强化资源投入力度,搭建服务保障体系 (as reported, seed 003)",
        "將用于社會福利事業(yè)的彩票公益金中不低于70%的資金用于支持發(fā)展養(yǎng)老服務(wù)");
    lottery.origin = provenance::stated;
    lottery.actual_name = "welfare_lottery_eldercare (fen)";
    lottery.base_name = "welfare_lottery_funds (fen)";
    lottery.numerator = 70;
    lottery.denominator = 100;
    lottery.actual = [](const service_area& a) { return a.welfare_lottery_eldercare.fen(); };
    lottery.base = [](const service_area& a) { return a.welfare_lottery_funds.fen(); };
    return std::vector<planning_norm>{std::move(lottery)};
  };
  return e;
}

} // namespace eldercare::catalog_entries
