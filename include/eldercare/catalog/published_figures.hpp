#pragma once
// What the governments reported (公布的数字): the aggregates the seeds publish about what the schemes
// reach and cost, declared once, each with the seed's own words. The catalog derives amounts from
// them (Xi'an's budget ÷ recipients), the validation table (catalog/validation.hpp) compares the
// model with them, and the policy pages show them beside the readings they speak to.
//
// A figure is a count (persons, beds, meal points, facilities) or a yearly sum of money in fen. Its
// qualifier keeps the seed's hedge: 余 "more than", 约 "about", 累计 "cumulative"; the value is the
// number the words give (98余万元 → 980,000 yuan).

#include <array>       // the table of figures
#include <cstdint>     // std::int64_t values
#include <string_view> // ids, words and quotes

#include "eldercare/catalog/sources.hpp"
#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

/// What a published figure counts.
enum class figure_measure {
  recipients, ///< persons paid or served (受益人数)
  spending,   ///< money spent in a year, in fen (资金)
  supply,     ///< facilities, beds, meal points, providers (设施)
};

template <>
struct enum_words<figure_measure> {
  static constexpr std::string_view type = "figure_measure";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<figure_measure>, 3> entries{{
      {figure_measure::recipients, "recipients", "受益人数"},
      {figure_measure::spending, "spending", "资金"},
      {figure_measure::supply, "supply", "设施"},
  }};
};

/// One figure a seed publishes.
struct published_figure {
  std::string_view id;        ///< stable id: "xian.advanced_age.recipients"
  std::string_view place;     ///< where: "西安市"
  std::string_view policy_id; ///< the catalog entry it speaks to ("" for none)
  figure_measure measure;
  std::int64_t value;         ///< persons or units; fen for spending
  std::string_view unit;      ///< "persons", "fen a year", "beds", "meal points", ...
  std::string_view qualifier; ///< the seed's hedge: "余", "约", "累计", or ""
  std::string_view when;      ///< the period the seed gives ("a year, 2021-2022")
  std::string_view quote;     ///< the seed's own words, verbatim (checked against the seed)
  std::string_view source;    ///< the seed file (catalog_sources)
};

namespace published {
// Xi'an, seed 004 (金台资讯 2023-02-21, 西安市民政局供稿), para. 2:
// "每年为0.38万生活困难失能老年人发放护理补贴
// 98余万元,为2.9万农村失能、贫困老年人发放生活补助145余万元,为28万特殊困难老年人购买意外伤害保险560余万元,
// 为72万老年人发放高龄保健补贴约5.6亿元。" The figures describe the years since 2021 up to the article.
inline constexpr std::string_view xian_when = "each year, 2021-2022 (每年)";
inline constexpr published_figure xian_care_recipients{
    .id = "xian.care_subsidy.recipients",
    .place = "西安市",
    .policy_id = "cn.shaanxi.xian.disabled_care_subsidy",
    .measure = figure_measure::recipients,
    .value = 3'800,
    .unit = "persons",
    .qualifier = "",
    .when = xian_when,
    .quote = "每年为0.38万生活困难失能老年人发放护理补贴",
    .source = catalog_sources::seed_004,
};
inline constexpr published_figure xian_care_spending{
    .id = "xian.care_subsidy.spending",
    .place = "西安市",
    .policy_id = "cn.shaanxi.xian.disabled_care_subsidy",
    .measure = figure_measure::spending,
    .value = 98'000'000,
    .unit = "fen a year",
    .qualifier = "余",
    .when = xian_when,
    .quote = "发放护理补贴98余万元",
    .source = catalog_sources::seed_004,
};
inline constexpr published_figure xian_rural_recipients{
    .id = "xian.rural_allowance.recipients",
    .place = "西安市",
    .policy_id = "cn.shaanxi.xian.rural_living_allowance",
    .measure = figure_measure::recipients,
    .value = 29'000,
    .unit = "persons",
    .qualifier = "",
    .when = xian_when,
    .quote = "为2.9万农村失能、贫困老年人发放生活补助",
    .source = catalog_sources::seed_004,
};
inline constexpr published_figure xian_rural_spending{
    .id = "xian.rural_allowance.spending",
    .place = "西安市",
    .policy_id = "cn.shaanxi.xian.rural_living_allowance",
    .measure = figure_measure::spending,
    .value = 145'000'000,
    .unit = "fen a year",
    .qualifier = "余",
    .when = xian_when,
    .quote = "发放生活补助145余万元",
    .source = catalog_sources::seed_004,
};
inline constexpr published_figure xian_insurance_recipients{
    .id = "xian.accident_insurance.recipients",
    .place = "西安市",
    .policy_id = "cn.shaanxi.xian.accident_insurance",
    .measure = figure_measure::recipients,
    .value = 280'000,
    .unit = "persons",
    .qualifier = "",
    .when = xian_when,
    .quote = "为28万特殊困难老年人购买意外伤害保险",
    .source = catalog_sources::seed_004,
};
inline constexpr published_figure xian_insurance_spending{
    .id = "xian.accident_insurance.spending",
    .place = "西安市",
    .policy_id = "cn.shaanxi.xian.accident_insurance",
    .measure = figure_measure::spending,
    .value = 560'000'000,
    .unit = "fen a year",
    .qualifier = "余",
    .when = xian_when,
    .quote = "购买意外伤害保险560余万元",
    .source = catalog_sources::seed_004,
};
inline constexpr published_figure xian_advanced_age_recipients{
    .id = "xian.advanced_age.recipients",
    .place = "西安市",
    .policy_id = "cn.shaanxi.xian.advanced_age_allowance",
    .measure = figure_measure::recipients,
    .value = 720'000,
    .unit = "persons",
    .qualifier = "",
    .when = xian_when,
    .quote = "为72万老年人发放高龄保健补贴",
    .source = catalog_sources::seed_004,
};
inline constexpr published_figure xian_advanced_age_spending{
    .id = "xian.advanced_age.spending",
    .place = "西安市",
    .policy_id = "cn.shaanxi.xian.advanced_age_allowance",
    .measure = figure_measure::spending,
    .value = 56'000'000'000,
    .unit = "fen a year",
    .qualifier = "约",
    .when = xian_when,
    .quote = "高龄保健补贴约5.6亿元",
    .source = catalog_sources::seed_004,
};

// Weihai and Rongcheng, seed 001.
inline constexpr published_figure weihai_platform_members{
    .id = "weihai.platform.members",
    .place = "威海市",
    .policy_id = "cn.shandong.weihai.platform_free_phone",
    .measure = figure_measure::recipients,
    .value = 210'000,
    .unit = "persons",
    .qualifier = "",
    .when = "2023 (the platform's tenth year)",
    .quote = "对21万入网老年人按户免费赠送话机",
    .source = catalog_sources::seed_001,
};
inline constexpr published_figure rongcheng_lunch_elders{
    .id = "rongcheng.lunch.elders",
    .place = "荣成市",
    .policy_id = "cn.shandong.rongcheng.rural_free_lunch",
    .measure = figure_measure::recipients,
    .value = 15'000,
    .unit = "persons",
    .qualifier = "",
    .when = "2022 (截至目前)",
    .quote = "为1.5万名80周岁以上农村老人提供免费午餐",
    .source = catalog_sources::seed_001,
};
inline constexpr published_figure rongcheng_canteens{
    .id = "rongcheng.lunch.canteens",
    .place = "荣成市",
    .policy_id = "cn.shandong.rongcheng.rural_free_lunch",
    .measure = figure_measure::supply,
    .value = 507,
    .unit = "canteens",
    .qualifier = "累计",
    .when = "2022 (截至目前)",
    .quote = "共建成507家暖心食堂,覆盖全市65%的村居",
    .source = catalog_sources::seed_001,
};
inline constexpr published_figure weihai_institutions{
    .id = "weihai.institutions",
    .place = "威海市",
    .policy_id = "",
    .measure = figure_measure::supply,
    .value = 160,
    .unit = "institutions",
    .qualifier = "",
    .when = "end of 2021",
    .quote = "全市建成养老机构160处",
    .source = catalog_sources::seed_001,
};
inline constexpr published_figure weihai_beds{
    .id = "weihai.beds",
    .place = "威海市",
    .policy_id = "",
    .measure = figure_measure::supply,
    .value = 38'366,
    .unit = "beds",
    .qualifier = "",
    .when = "end of 2021",
    .quote = "养老机构床位总数38366张",
    .source = catalog_sources::seed_001,
};
inline constexpr published_figure weihai_nursing_beds{
    .id = "weihai.nursing_beds",
    .place = "威海市",
    .policy_id = "",
    .measure = figure_measure::supply,
    .value = 21'360,
    .unit = "beds",
    .qualifier = "",
    .when = "end of 2021",
    .quote = "护理型床位21360张、占比为55.7%",
    .source = catalog_sources::seed_001,
};
inline constexpr published_figure weihai_family_beds{
    .id = "weihai.family_beds",
    .place = "威海市",
    .policy_id = "",
    .measure = figure_measure::supply,
    .value = 155,
    .unit = "beds",
    .qualifier = "",
    .when = "2023 (目前)",
    .quote = "目前已建成155张",
    .source = catalog_sources::seed_001,
};

// Xicheng, seed 000 (2024-01-12 briefing).
inline constexpr published_figure xicheng_cross_region_users{
    .id = "xicheng.cross_region.users",
    .place = "西城区",
    .policy_id = "cn.beijing.xicheng.cross_region_care",
    .measure = figure_measure::recipients,
    .value = 1'183,
    .unit = "persons",
    .qualifier = "累计",
    .when = "2020-06 to 2024-01 (累计)",
    .quote = "累计1183名老人选择异地康养",
    .source = catalog_sources::seed_000,
};
inline constexpr published_figure xicheng_cross_region_beds{
    .id = "xicheng.cross_region.beds",
    .place = "西城区",
    .policy_id = "",
    .measure = figure_measure::supply,
    .value = 240,
    .unit = "beds",
    .qualifier = "",
    .when = "2023",
    .quote = "异地康养床位240张",
    .source = catalog_sources::seed_000,
};
inline constexpr published_figure xicheng_meal_points{
    .id = "xicheng.meal_points",
    .place = "西城区",
    .policy_id = "cn.beijing.xicheng.planning_norms",
    .measure = figure_measure::supply,
    .value = 296,
    .unit = "meal points",
    .qualifier = "累计",
    .when = "2023 (to January 2024)",
    .quote = "上线养老助餐点296家",
    .source = catalog_sources::seed_000,
};
inline constexpr published_figure xicheng_meal_points_target{
    .id = "xicheng.meal_points.target",
    .place = "西城区",
    .policy_id = "cn.beijing.xicheng.planning_norms",
    .measure = figure_measure::supply,
    .value = 320,
    .unit = "meal points",
    .qualifier = "累计",
    .when = "2024 (target)",
    .quote = "按每千名常住老人建1家助餐点的标准,累计建成不少于320家",
    .source = catalog_sources::seed_000,
};
inline constexpr published_figure xicheng_providers{
    .id = "xicheng.providers",
    .place = "西城区",
    .policy_id = "",
    .measure = figure_measure::supply,
    .value = 654,
    .unit = "service providers",
    .qualifier = "",
    .when = "2023",
    .quote = "培育为老服务商达654家",
    .source = catalog_sources::seed_000,
};
} // namespace published

/// Every published figure, in the order of the validation page.
inline constexpr std::array<published_figure, 20> published_figures{{
    published::xian_care_recipients,
    published::xian_care_spending,
    published::xian_rural_recipients,
    published::xian_rural_spending,
    published::xian_insurance_recipients,
    published::xian_insurance_spending,
    published::xian_advanced_age_recipients,
    published::xian_advanced_age_spending,
    published::weihai_platform_members,
    published::rongcheng_lunch_elders,
    published::rongcheng_canteens,
    published::weihai_institutions,
    published::weihai_beds,
    published::weihai_nursing_beds,
    published::weihai_family_beds,
    published::xicheng_cross_region_users,
    published::xicheng_cross_region_beds,
    published::xicheng_meal_points,
    published::xicheng_meal_points_target,
    published::xicheng_providers,
}};

/// The figure with this id (invalid_value naming `field` otherwise).
[[nodiscard]] inline const published_figure& published_figure_at(std::string_view id,
                                                                 std::string_view field = "figure") {
  for (const auto& f : published_figures)
    if (f.id == id) return f;
  throw invalid_value(error_id::invalid_parameter, std::string(field), std::string(id),
                      "no such published figure");
}

} // namespace eldercare
