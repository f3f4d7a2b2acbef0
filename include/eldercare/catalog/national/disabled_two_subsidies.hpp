#pragma once
// cn.national.disabled_two_subsidies — the disabled persons' 两项补贴 (国发〔2015〕52号, nationwide
// from 2016-01-01; DOMAIN.md D.1). Not a seed rule: the catalog needs it to declare how the elderly
// subsidies stack with it (衔接). Amounts are local; the defaults are Guangzhou's 2021 amounts.

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/category.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline std::vector<reading> two_subsidies_readings() {
  return {
      {"two_subsidies.living_yuan",
       "Monthly 困难残疾人生活补贴 amount (local), in yuan",
       {},
       "181",
       provenance::sourced,
       "Guangzhou 2021 (DOMAIN.md D.1); set the locality's amount",
       "DOMAIN.md D.1",
       false},
      {"two_subsidies.care_yuan",
       "Monthly 重度残疾人护理补贴 amount (local), in yuan",
       {},
       "243",
       provenance::sourced,
       "Guangzhou 2021 (DOMAIN.md D.1); set the locality's amount",
       "DOMAIN.md D.1",
       false},
  };
}

[[nodiscard]] inline catalog_entry disabled_two_subsidies() {
  catalog_entry e{
      .id = "cn.national.disabled_two_subsidies",
      .title = "困难残疾人生活补贴和重度残疾人护理补贴 (两项补贴)",
      .jurisdiction = "national framework, local amounts",
      .source = "DOMAIN.md D.1 (国发〔2015〕52号)",
      .summary = "困难残疾人生活补贴 for certified disabled people in 低保 households; 重度残疾人护理补贴 "
                 "for grade 1–2 "
                 "certificates. Both may be received together; 特困 and work-injury care-fee recipients get "
                 "neither.",
      .readings = {"two_subsidies.living_yuan", "two_subsidies.care_yuan"},
      .examples = {"A 低保 elder with a grade-1 肢体 certificate: 181 + 243 = 424.00 yuan per month "
                   "(Guangzhou amounts)."},
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const auto living = money_per_month(
        money::parse(r.get("two_subsidies.living_yuan"), "readings.two_subsidies.living_yuan"));
    const auto care =
        money_per_month(money::parse(r.get("two_subsidies.care_yuan"), "readings.two_subsidies.care_yuan"));
    const cited_document opinion{
        .document =
            "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》 (国发〔2015〕52号)",
        .source = "DOMAIN.md D.1",
        .effective_from = make_date(2016, 1, 1)};
    const citation c = opinion.cite("", "困难残疾人生活补贴…重度残疾人护理补贴");
    using dc = disability_category;
    const std::vector<dc> any_category{dc::visual,       dc::hearing, dc::speech,  dc::physical,
                                       dc::intellectual, dc::mental,  dc::multiple};
    const auto not_excluded = !in_category(category_set{category::tekun, category::work_injury_care});
    return self.policy(
        version("2016", c)
            .combine(combination::sum)
            .rules({rule{"living",
                         "困难残疾人生活补贴: certified disability in a 低保 household",
                         c,
                         disability_at_least(any_category, disability_grade::four) &&
                             in_category(category::dibao) && not_excluded,
                         living,
                         {sourced("amount", living, "reading two_subsidies.living_yuan")}},
                    rule{"care",
                         "重度残疾人护理补贴: disability grade 1 or 2",
                         c,
                         disability_at_least(any_category, disability_grade::two) && not_excluded,
                         care,
                         {sourced("amount", care, "reading two_subsidies.care_yuan")}}}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
