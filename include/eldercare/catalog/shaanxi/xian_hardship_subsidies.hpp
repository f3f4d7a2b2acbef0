#pragma once
// Xi'an's 经济困难老年人服务补贴制度 (seed 004), three of its parts:
//   cn.shaanxi.xian.disabled_care_subsidy  — 护理补贴 for 生活困难失能老年人 (3,800 people, 98余万元 a year)
//   cn.shaanxi.xian.rural_living_allowance — 生活补助 for 农村失能、贫困老年人 (29,000 people, 145余万元)
//   cn.shaanxi.xian.accident_insurance     — 意外伤害保险 bought for 特殊困难老年人 (280,000 people,
//   560余万元)
// Amounts are derived (budget ÷ recipients, xian_common.hpp): averages per recipient per year, not
// stated individual rates.

#include "eldercare/catalog/shaanxi/xian_common.hpp"
#include "eldercare/rules/conditions/ability.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xian_disabled_care_subsidy() {
  catalog_entry e{
      .id = "cn.shaanxi.xian.disabled_care_subsidy",
      .title = "西安市生活困难失能老年人护理补贴",
      .jurisdiction = xian_jurisdiction,
      .source = catalog_sources::seed_004,
      .summary = "Part of Xi'an's 经济困难老年人服务补贴制度: a care subsidy (护理补贴) for economically "
                 "difficult (生活困难) "
                 "disabled (失能) elders. The seed gives only the total (98余万元 a year for 0.38万 people); "
                 "the amount is "
                 "the derived average, 257.89 yuan per person per year.",
      .readings = {"xian.hardship", "xian.disability_level", "hukou.legacy_codes", "age.reached",
                   "age.leap_day"},
      .examples =
          {
              "A 75-year-old Xi'an 低保 recipient assessed at GB/T 42195 level 3: 257.89 yuan per year.",
              "The same elder at level 2: nothing by default; 257.89 yuan per year under "
              "xian.disability_level=2.",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c = xian_detail::article().cite(
        "建立经济困难老年人服务补贴制度,每年为0.38万生活困难失能老年人发放护理补贴98余万元");
    const auto amount = money_per_year(xian_detail::care_subsidy.per_recipient());
    const category_set hardship = xian_detail::hardship(r);
    const ability_level level = xian_detail::disability_level(r);
    parameter_list p = xian_detail::base_parameters(r, {"xian.hardship", "xian.disability_level"});
    p.push_back(derived("amount", amount,
                        "98余万元 ÷ 0.38万人 = 98,000,000 fen ÷ 3,800 = 25,789.47 fen, rounded to the "
                        "nearest fen (halves up); "
                        "an average per recipient, not a stated rate (余: the total is a lower bound)"));
    p.push_back(stated("recipients", xian_detail::care_subsidy.recipients).quote("0.38万生活困难失能老年人"));
    p.push_back(stated("annual_total", xian_detail::care_subsidy.total, "每年").quote("护理补贴98余万元"));
    return self.policy(version("2021", c).rules(
        {rule{"care_subsidy", "生活困难 and 失能: the derived average care subsidy", c,
              xian_detail::xian_elder(r) && in_category(hardship) && ability_at_least(level), amount, p}}));
  });
  return e;
}

[[nodiscard]] inline catalog_entry xian_rural_living_allowance() {
  catalog_entry e{
      .id = "cn.shaanxi.xian.rural_living_allowance",
      .title = "西安市农村失能、贫困老年人生活补助",
      .jurisdiction = xian_jurisdiction,
      .source = catalog_sources::seed_004,
      .summary =
          "A living allowance (生活补助) for rural (农村) elders who are disabled (失能) or poor (贫困): "
          "145余万元 a "
          "year for 2.9万 people, i.e. the derived average 50.00 yuan per person per year. Rural by place of "
          "residence (DOMAIN.md B.1).",
      .readings = {"xian.rural_scope", "xian.hardship", "xian.disability_level", "hukou.legacy_codes",
                   "age.reached", "age.leap_day"},
      .examples =
          {
              "A rural Xi'an elder on 低保, not disabled: 50.00 yuan per year by default, nothing under "
              "xian.rural_scope=both.",
              "An urban Xi'an elder on 低保 and disabled: nothing (not rural).",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c = xian_detail::article().cite("为2.9万农村失能、贫困老年人发放生活补助145余万元");
    const auto amount = money_per_year(xian_detail::rural_allowance.per_recipient());
    category_set poor = xian_detail::hardship(r);
    poor.insert(category::poor_household);
    const auto disabled = ability_at_least(xian_detail::disability_level(r));
    const bool both = r.is("xian.rural_scope", "both");
    const any_condition need =
        both ? any_condition(disabled && in_category(poor)) : any_condition(disabled || in_category(poor));
    parameter_list p =
        xian_detail::base_parameters(r, {"xian.rural_scope", "xian.hardship", "xian.disability_level"});
    p.push_back(derived(
        "amount", amount,
        "145余万元 ÷ 2.9万人 = 145,000,000 fen ÷ 29,000 = 5,000 fen exactly; an average per recipient, not a "
        "stated rate"));
    p.push_back(
        stated("recipients", xian_detail::rural_allowance.recipients).quote("2.9万农村失能、贫困老年人"));
    p.push_back(
        stated("annual_total", xian_detail::rural_allowance.total, "每年").quote("生活补助145余万元"));
    p.push_back(sourced("rural", "by residence",
                        "农村 from where the person lives, not a hukou type (DOMAIN.md B.1)"));
    p.push_back(
        assumed("poor", poor,
                "贫困 = the xian.hardship categories plus 建档立卡贫困户 (registered poor households)"));
    return self.policy(version("2021", c).rules(
        {rule{"living_allowance", both ? "rural, 失能 and 贫困" : "rural, 失能 or 贫困", c,
              any_condition::all({xian_detail::xian_elder(r), lives_rural{}, need}), amount, p}}));
  });
  return e;
}

[[nodiscard]] inline catalog_entry xian_accident_insurance() {
  catalog_entry e{
      .id = "cn.shaanxi.xian.accident_insurance",
      .title = "西安市特殊困难老年人意外伤害保险",
      .jurisdiction = xian_jurisdiction,
      .source = catalog_sources::seed_004,
      .summary = "Xi'an buys accident insurance (意外伤害保险) for special-hardship elders (特殊困难老年人): "
                 "560余万元 a "
                 "year for 28万 people, i.e. a derived premium of 20.00 yuan per person per year, paid to "
                 "the insurer on "
                 "the elder's behalf (a benefit in kind; the cover itself is in no source).",
      .readings = {"xian.special_hardship", "xian.disability_level", "hukou.legacy_codes", "age.reached",
                   "age.leap_day"},
      .examples =
          {
              "A Xi'an elder on 低保: a 20.00 yuan per year premium by default.",
              "A Xi'an elder living alone (独居), in no economic or care-need group: nothing by default; a "
              "20.00 yuan "
              "per year premium under xian.special_hardship=mca_2022.",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c = xian_detail::article().cite("为28万特殊困难老年人购买意外伤害保险560余万元");
    const auto premium = money_per_year(xian_detail::accident_insurance.per_recipient());
    using dc = disability_category;
    const any_condition mca =
        in_category(category_set{category::living_alone, category::kongchao, category::left_behind,
                                 category::special_family, category::jisheng_tefu, category::shidu}) ||
        ability_at_least(xian_detail::disability_level(r)) ||
        disability_at_least(
            {dc::visual, dc::hearing, dc::speech, dc::physical, dc::intellectual, dc::mental, dc::multiple},
            disability_grade::two);
    const any_condition assistance =
        in_category(category_set{category::dibao, category::tekun, category::low_income});
    // 失能, 重残 and 计划生育特殊家庭: the care-need groups of the MCA list.
    const any_condition care_needs =
        in_category(category_set{category::special_family, category::jisheng_tefu, category::shidu}) ||
        ability_at_least(xian_detail::disability_level(r)) ||
        disability_at_least(
            {dc::visual, dc::hearing, dc::speech, dc::physical, dc::intellectual, dc::mental, dc::multiple},
            disability_grade::two);
    const std::string which = r.get("xian.special_hardship");
    const any_condition hardship = which == "assistance" ? assistance
                                   : which == "either"   ? any_condition::any({mca, assistance})
                                   : which == "mca_2022" ? mca
                                                         : any_condition::any({assistance, care_needs});
    parameter_list p = xian_detail::base_parameters(r, {"xian.special_hardship", "xian.disability_level"});
    p.push_back(derived(
        "premium", premium,
        "560余万元 ÷ 28万人 = 560,000,000 fen ÷ 280,000 = 2,000 fen exactly; the premium per insured elder, "
        "paid to the insurer (in kind), not cash"));
    p.push_back(stated("recipients", xian_detail::accident_insurance.recipients).quote("28万特殊困难老年人"));
    p.push_back(stated("annual_total", xian_detail::accident_insurance.total, "每年")
                    .quote("购买意外伤害保险560余万元"));
    p.push_back(assumed("severe_disability", "certificate grade 1-2, any category",
                        "重残 read as 重度残疾 (一、二级), as in the 重度残疾人护理补贴 (DOMAIN.md D.1)"));
    return self.policy(version("2021", c).rules(
        {rule{"insured", "特殊困难老年人: premium bought by the city", c,
              any_condition::all({xian_detail::xian_elder(r), hardship}), premium, p}}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
