#pragma once
// cn.shaanxi.xixian.difficult_elder_subsidy — the subsidy for economically difficult 高龄 and 失能 elders
// of 西咸新区 (seed 002, part 四: "建立经济困难高龄、失能老年人补贴制度,加强与残疾人两项补贴政策衔接。").
//
// Who: a member of the new area (xixian.membership), an elder, 经济困难 (xixian.economic_difficulty),
// and 高龄 (xixian.advanced_age) or 失能 (xixian.disabled_level, a GB/T 42195 level; the plan's own
// 老年照护需求评估 scale was not identified, DOMAIN.md A.5). No source gives the amount: with the
// reading xixian.difficult_elder.amount_yuan empty the entry is announced ("not computable: ..."),
// with an amount it pays that much a month. Its interaction with the disabled persons' 两项补贴 is
// declared in standard.hpp through the reading xixian.coordination (national rule: the higher).

#include "eldercare/catalog/shaanxi/xixian_readings.hpp"
#include "eldercare/money/money.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xixian_difficult_elder_subsidy() {
  catalog_entry e{
      .id = "cn.shaanxi.xixian.difficult_elder_subsidy",
      .title = "西咸新区经济困难高龄、失能老年人补贴",
      .jurisdiction = xixian_jurisdiction,
      .source = catalog_sources::seed_002,
      .summary =
          "A subsidy for economically difficult (低保/低收入/特困) elders of 西咸新区 who are of "
          "advanced age (高龄) or "
          "失能, coordinated (衔接) with the disabled persons' 两项补贴. No source gives the amount: set "
          "the reading "
          "xixian.difficult_elder.amount_yuan to compute it.",
      .readings = {"xixian.membership", "xixian.extra_towns", "xixian.min_age", "xixian.advanced_age",
                   "xixian.disabled_level", "xixian.economic_difficulty", "xixian.coordination",
                   "xixian.difficult_elder.amount_yuan", "age.reached", "age.leap_day"},
      .examples =
          {
              "Any person with the default readings: 'not computable: ...' naming "
              "xixian.difficult_elder.amount_yuan.",
              "With amount 100: an 81-year-old 低保 elder with hukou in 六村堡街道 (610112008) gets 100.00 "
              "yuan per "
              "month.",
              "With amount 100: a 低保 elder holding a grade-1 certificate who also gets the 两项补贴 "
              "(424.00 yuan a "
              "month at "
              "Guangzhou's amounts) is paid only the higher, the 两项补贴, under the default "
              "xixian.coordination.",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const std::string amount_text = r.get("xixian.difficult_elder.amount_yuan");
    if (amount_text.empty())
      return self.announced(
          "the amount of the 经济困难高龄、失能老年人补贴 is in no source (seed 002 only says "
          "建立经济困难高龄、"
          "失能老年人补贴制度, and DOMAIN.md has no Xixian amount); set the reading "
          "xixian.difficult_elder.amount_yuan (yuan per month) to compute it");
    const auto amount =
        money_per_month(money::parse(amount_text, "readings.xixian.difficult_elder.amount_yuan"));
    const citation c =
        detail::xixian_plan().cite("四、探索推进失能老年人照护服务",
                                   "建立经济困难高龄、失能老年人补贴制度,加强与残疾人两项补贴政策衔接。");
    category_set difficult{category::dibao};
    if (!r.is("xixian.economic_difficulty", "dibao_only")) difficult.insert(category::low_income);
    if (r.is("xixian.economic_difficulty", "dibao_low_income_tekun")) difficult.insert(category::tekun);
    const ability_level disabled = detail::xixian_level(r, "xixian.disabled_level");
    auto base = [&] {
      return std::vector<any_condition>{detail::xixian_member(r), detail::xixian_elder_age(r),
                                        in_category(difficult)};
    };
    std::vector<any_condition> aged = base();
    aged.push_back(detail::xixian_advanced_age(r));
    std::vector<any_condition> disabled_parts = base();
    disabled_parts.push_back(ability_at_least(disabled));

    parameter_list common = {
        assumed("amount", amount,
                "user-supplied through the reading xixian.difficult_elder.amount_yuan: no source states it"),
        assumed("period", "per month",
                "elderly subsidies are paid monthly (DOMAIN.md E.1); the plan gives none"),
        sourced("area", detail::xixian_area(r), "DOMAIN.md B.2"),
        catalog_readings::reading_parameter(r, "xixian.membership", "membership"),
        catalog_readings::reading_parameter(r, "xixian.min_age", "min_age"),
        catalog_readings::reading_parameter(r, "xixian.economic_difficulty", "economic_difficulty"),
        assumed("economically_difficult", in_category(difficult).describe(),
                "reading xixian.economic_difficulty"),
    };
    auto with = [&](parameter_info more) {
      parameter_list p = common;
      p.push_back(std::move(more));
      const auto ages = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
      p.insert(p.end(), ages.begin(), ages.end());
      return p;
    };
    const rule aged_rule{
        "advanced_age",
        "经济困难高龄老年人",
        c,
        any_condition::all(std::move(aged)),
        amount,
        with(catalog_readings::reading_parameter(r, "xixian.advanced_age", "advanced_age_from"))};
    const rule disabled_rule{
        "disabled",
        "经济困难失能老年人",
        c,
        any_condition::all(std::move(disabled_parts)),
        amount,
        with(catalog_readings::reading_parameter(r, "xixian.disabled_level", "disabled_from_level"))};
    // One amount for both groups: an elder who is both 高龄 and 失能 gets it once (highest).
    return self.policy(detail::xixian_version(c)
                           .combine(combination::highest)
                           .rules({aged_rule, disabled_rule})
                           .parameters({catalog_readings::reading_parameter(
                               r, "xixian.coordination", "coordination_with_two_subsidies")}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
