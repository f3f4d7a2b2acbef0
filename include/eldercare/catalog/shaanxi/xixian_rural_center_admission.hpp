#pragma once
// cn.shaanxi.xixian.rural_center_admission — rural regional eldercare centres (农村区域性养老服务中心)
// of 西咸新区 (seed 002, 《西咸新区关于推进养老服务发展的实施方案》, part 一).
//
// The plan: each new town builds at least one centre by 2023, which "负责向有服务需求且无精神病和法定
// 传染疾病的农村最低生活保障老人、失能半失能老人、空巢老人、失独老人、高龄及其他生活困难老人提供养老和护理
// 服务". Encoded as one rule: a member of the new area (reading xixian.membership), living in a
// village when a 低保 recipient (农村 qualifies that group only, as the words run: reading
// xixian.rural_scope; rural by residence, DOMAIN.md B.1), an elder, in one of the target groups, and — the
// two exclusions, explained when they fire — without a severe mental illness and without a notifiable
// infectious disease (DOMAIN.md D.2). The grant is one place in a centre (service_places(1)).

#include "eldercare/catalog/shaanxi/xixian_readings.hpp"
#include "eldercare/rules/conditions/health.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xixian_rural_center_admission() {
  catalog_entry e{
      .id = "cn.shaanxi.xixian.rural_center_admission",
      .title = "西咸新区农村区域性养老服务中心 (admission)",
      .jurisdiction = xixian_jurisdiction,
      .source = catalog_sources::seed_002,
      .summary =
          "Rural regional eldercare centres of 西咸新区 serve elders who need the service and have no mental "
          "illness and no notifiable infectious disease, and who are rural 低保 recipients, 失能 or 半失能, "
          "empty-nest, 失独, of advanced age (高龄), or otherwise in hardship (农村 qualifies the 低保 group "
          "as the "
          "words run; reading xixian.rural_scope makes every group rural). The grant is a place in a centre.",
      .readings = {"xixian.membership", "xixian.extra_towns", "xixian.rural_scope", "xixian.min_age",
                   "xixian.advanced_age", "xixian.semi_disabled_level", "xixian.other_hardship",
                   "age.reached", "age.leap_day"},
      .examples =
          {
              "A 70-year-old rural 低保 elder with hukou in 周陵街道 (610404008): 1 service place.",
              "The same elder with a severe mental illness: not eligible; the explanation shows the "
              "exclusion "
              "无精神病 firing.",
              "An 80-year-old rural elder in 斗门街道 (610116010) with no other group: eligible as 高龄 from "
              "the "
              "80th birthday.",
              "An urban 70-year-old 低保 elder of the new area: not eligible (rural 低保 only); an urban "
              "空巢 one: "
              "eligible by default, not under xixian.rural_scope = every_group.",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c = detail::xixian_plan().cite(
        "一、探索农村区域性养老服务中心建设", "负责向有服务需求且无精神病和法定传染疾病的农村最低生活保障老"
                                              "人、失能半失能老人、空巢老人、失独老人、高龄及"
                                              "其他生活困难老人提供养老和护理服务");
    const ability_level semi = detail::xixian_level(r, "xixian.semi_disabled_level");
    const bool every_group_rural = r.is("xixian.rural_scope", "every_group");
    std::vector<any_condition> groups = {
        every_group_rural
            ? any_condition(in_category(category::dibao))
            : any_condition(in_category(category::dibao) && lives_rural{}), // 农村最低生活保障老人
        ability_at_least(semi),                                             // 失能半失能老人
        in_category(
            category_set{category::kongchao, category::living_alone}), // 空巢老人 (独居 is its subset)
        in_category(category::shidu),                                  // 失独老人
        detail::xixian_advanced_age(r),                                // 高龄
    };
    if (r.is("xixian.other_hardship", "tekun_low_income"))
      groups.push_back(in_category(category_set{category::tekun, category::low_income})); // 其他生活困难老人
    std::vector<any_condition> parts = {detail::xixian_member(r)};
    if (every_group_rural) parts.emplace_back(lives_rural{});
    parts.emplace_back(detail::xixian_elder_age(r));
    parts.emplace_back(any_condition::any(std::move(groups)));
    parts.emplace_back(!has_mental_illness{});     // 无精神病
    parts.emplace_back(!has_infectious_disease{}); // 无法定传染疾病
    const any_condition who = any_condition::all(std::move(parts));
    parameter_list p = {
        sourced("area", detail::xixian_area(r),
                "DOMAIN.md B.2: the member towns of 西咸新区 (older list [C]) matched to NBS township codes"),
        catalog_readings::reading_parameter(r, "xixian.membership", "membership"),
        catalog_readings::reading_parameter(r, "xixian.rural_scope", "rural_scope"),
        sourced("rural", "by residence (residence.rural)",
                "农村 is decided by where the elder lives, not by a hukou type (DOMAIN.md B.1)"),
        catalog_readings::reading_parameter(r, "xixian.min_age", "min_age"),
        stated("groups", "低保, 失能半失能, 空巢 (incl. 独居), 失独, 高龄, 其他生活困难")
            .quote("农村最低生活保障老人、失能半失能老人、空巢老人、失独老人、高龄及其他生活困难老人"),
        assumed("kongchao_includes_living_alone", true,
                "独居 is the highest-risk subset of 空巢 in local practice (DOMAIN.md D [K])"),
        catalog_readings::reading_parameter(r, "xixian.semi_disabled_level", "semi_disabled_from_level"),
        catalog_readings::reading_parameter(r, "xixian.advanced_age", "advanced_age_from"),
        catalog_readings::reading_parameter(r, "xixian.other_hardship", "other_hardship"),
        stated(
            "exclusions", "no severe mental illness; no notifiable infectious disease",
            "精神病 read as the 严重精神障碍 list, 法定传染病 as the current 甲/乙/丙 "
            "lists (DOMAIN.md "
            "D.2 [K]). A broader reading (any F-coded diagnosis, dementia) cannot be evaluated: the person "
            "record "
            "carries only the severe-disorder flag (DOMAIN.md open question 13)")
            .quote("无精神病和法定传染疾病"),
        assumed("service_need", "presumed from the application",
                "有服务需求: the elder (or family) applies; the record holds no separate fact"),
        assumed("grant", "1 service place",
                "a place (admission) in a centre, subject to a centre existing and having room "
                "(到2023年每个新城至少建成1个; "
                "capacity is not modelled)"),
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
    return self.policy(detail::xixian_version(c).rules({admission}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
