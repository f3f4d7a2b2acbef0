#pragma once
// cn.shaanxi.xixian.rural_center_admission — rural regional eldercare centres (农村区域性养老服务中心)
// of 西咸新区 (seed 002, 《西咸新区关于推进养老服务发展的实施方案》, part 一).
//
// The plan: each new town builds at least one centre by 2023, which "负责向有服务需求且无精神病和法定
// 传染疾病的农村最低生活保障老人、失能半失能老人、空巢老人、失独老人、高龄及其他生活困难老人提供养老和护理
// 服务". Encoded as one rule: a member of the new area (reading xixian.membership), living in a
// village (rural by residence, DOMAIN.md B.1), an elder, in one of the target groups, and — the two
// exclusions, explained when they fire — without a severe mental illness and without a notifiable
// infectious disease (DOMAIN.md D.2). The grant is one place in a centre (service_places(1)).

#include "eldercare/catalog/shaanxi/xixian_readings.hpp"
#include "eldercare/rules/conditions/health.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xixian_rural_center_admission() {
  catalog_entry e;
  e.id = "cn.shaanxi.xixian.rural_center_admission";
  e.title = "西咸新区农村区域性养老服务中心 (admission)";
  e.jurisdiction = xixian_jurisdiction;
  e.source = xixian_seed;
  e.summary =
      "Rural regional eldercare centres of 西咸新区 serve rural elders who need the service and have no "
      "mental illness and no notifiable infectious disease, and who are on 低保, 失能 or 半失能, empty-nest, "
      "失独, of advanced age (高龄), or otherwise in hardship. The grant is a place in a centre.";
  e.readings = {
      "xixian.membership",          "xixian.extra_towns",    "xixian.min_age", "xixian.advanced_age",
      "xixian.semi_disabled_level", "xixian.other_hardship", "age.reached",    "age.leap_day"};
  e.examples = {
      "A 70-year-old rural 低保 elder with hukou in 周陵街道 (610404008): 1 service place.",
      "The same elder with a severe mental illness: not eligible; the explanation shows the exclusion "
      "无精神病 firing.",
      "An 80-year-old rural elder in 斗门街道 (610116010) with no other group: eligible as 高龄 from the "
      "80th birthday.",
  };
  e.build = [](const reading_context& r) {
    const citation c = detail::xixian_citation("一、探索农村区域性养老服务中心建设",
                                               "负责向有服务需求且无精神病和法定传染疾病的农村最低生活保障老"
                                               "人、失能半失能老人、空巢老人、失独老人、高龄及"
                                               "其他生活困难老人提供养老和护理服务");
    const ability_level semi = detail::xixian_level(r, "xixian.semi_disabled_level");
    std::vector<any_condition> groups = {
        in_category(category::dibao), // 农村最低生活保障老人
        ability_at_least(semi),       // 失能半失能老人
        in_category(
            category_set{category::kongchao, category::living_alone}), // 空巢老人 (独居 is its subset)
        in_category(category::shidu),                                  // 失独老人
        detail::xixian_advanced_age(r),                                // 高龄
    };
    if (r.is("xixian.other_hardship", "tekun_low_income"))
      groups.push_back(in_category(category_set{category::tekun, category::low_income})); // 其他生活困难老人
    const any_condition who = any_condition::all({
        detail::xixian_member(r), lives_rural{}, detail::xixian_elder_age(r),
        any_condition::any(std::move(groups)), !has_mental_illness{}, // 无精神病
        !has_infectious_disease{},                                    // 无法定传染疾病
    });
    parameter_list p = {
        {"area", detail::xixian_area(r).to_string(), provenance::sourced,
         "DOMAIN.md B.2: the member towns of 西咸新区 (older list [C]) matched to NBS township codes"},
        detail::xixian_reading_parameter(r, "xixian.membership", "membership"),
        {"rural", "by residence (residence.rural)", provenance::stated,
         "农村…老人; decided by where the elder lives, not by hukou type (DOMAIN.md B.1)"},
        detail::xixian_reading_parameter(r, "xixian.min_age", "min_age"),
        {"groups", "低保, 失能半失能, 空巢 (incl. 独居), 失独, 高龄, 其他生活困难", provenance::stated,
         "农村最低生活保障老人、失能半失能老人、空巢老人、失独老人、高龄及其他生活困难老人"},
        {"kongchao_includes_living_alone", "true", provenance::assumed,
         "独居 is the highest-risk subset of 空巢 in local practice (DOMAIN.md D [K])"},
        detail::xixian_reading_parameter(r, "xixian.semi_disabled_level", "semi_disabled_from_level"),
        detail::xixian_reading_parameter(r, "xixian.advanced_age", "advanced_age_from"),
        detail::xixian_reading_parameter(r, "xixian.other_hardship", "other_hardship"),
        {"exclusions", "no severe mental illness; no notifiable infectious disease", provenance::stated,
         "无精神病和法定传染疾病; 精神病 read as the 严重精神障碍 list, 法定传染病 as the current 甲/乙/丙 "
         "lists (DOMAIN.md "
         "D.2 [K]). A broader reading (any F-coded diagnosis, dementia) cannot be evaluated: the person "
         "record "
         "carries only the severe-disorder flag (DOMAIN.md open question 13)"},
        {"service_need", "presumed from the application", provenance::assumed,
         "有服务需求: the elder (or family) applies; the record holds no separate fact"},
        {"grant", "1 service place", provenance::assumed,
         "a place (admission) in a centre, subject to a centre existing and having room "
         "(到2023年每个新城至少建成1个; "
         "capacity is not modelled)"},
    };
    const auto ages = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
    p.insert(p.end(), ages.begin(), ages.end());
    const rule admission{"admission",
                         "a place in a rural regional eldercare centre for a rural target elder without the "
                         "excluded illnesses",
                         c,
                         who,
                         service_places(1),
                         std::move(p)};
    policy_version v{"plan",
                     make_date(2020, 1, 1),
                     std::nullopt,
                     c,
                     combination::first_match,
                     payee::person,
                     {admission},
                     detail::xixian_version_parameters()};
    return policy("cn.shaanxi.xixian.rural_center_admission", "西咸新区农村区域性养老服务中心 (admission)",
                  {v});
  };
  return e;
}

} // namespace eldercare::catalog_entries
