#pragma once
// Xi'an's 经济困难老年人服务补贴制度 (seed 004), three of its parts:
//   cn.shaanxi.xian.disabled_care_subsidy  — 护理补贴 for 生活困难失能老年人 (3,800 people, 98余万元 a year)
//   cn.shaanxi.xian.rural_living_allowance — 生活补助 for 农村失能、贫困老年人 (29,000 people, 145余万元)
//   cn.shaanxi.xian.accident_insurance     — 意外伤害保险 bought for 特殊困难老年人 (280,000 people, 560余万元)
// Amounts are derived (budget ÷ recipients, xian_common.hpp): averages per recipient per year, not
// stated individual rates.

#include "eldercare/catalog/shaanxi/xian_common.hpp"
#include "eldercare/rules/conditions/ability.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xian_disabled_care_subsidy() {
  catalog_entry e;
  e.id = "cn.shaanxi.xian.disabled_care_subsidy";
  e.title = "西安市生活困难失能老年人护理补贴";
  e.jurisdiction = "陕西省西安市 (610100)";
  e.source = xian_seed;
  e.summary = "Part of Xi'an's 经济困难老年人服务补贴制度: a care subsidy (护理补贴) for economically difficult (生活困难) "
              "disabled (失能) elders. The seed gives only the total (98余万元 a year for 0.38万 people); the amount is "
              "the derived average, 257.89 yuan per person per year.";
  e.readings = {"xian.hardship", "xian.disability_level", "hukou.legacy_codes", "age.reached", "age.leap_day"};
  e.examples = {
      "A 75-year-old Xi'an 低保 recipient assessed at GB/T 42195 level 3: 257.89 yuan per year.",
      "The same elder at level 2: nothing by default; 257.89 yuan per year under xian.disability_level=2.",
  };
  e.build = [](const reading_context& r) {
    const citation c = xian_detail::cite("para. 2 (坚持“四维共建”, 健全老年福利制度)",
                                         "建立经济困难老年人服务补贴制度,每年为0.38万生活困难失能老年人发放护理补贴98余万元");
    const money amount = money::from_fen(xian_detail::care_subsidy_fen);
    const category_set hardship = xian_detail::hardship(r);
    const ability_level level = xian_detail::disability_level(r);
    parameter_list p = xian_detail::base_parameters(r, {"xian.hardship", "xian.disability_level"});
    p.push_back({"amount", amount.to_string() + " yuan per year", provenance::derived,
                 "98余万元 ÷ 0.38万人 = 98,000,000 fen ÷ 3,800 = 25,789.47 fen, rounded to the nearest fen (halves up); "
                 "an average per recipient, not a stated rate (余: the total is a lower bound)"});
    p.push_back({"recipients", "3800", provenance::stated, "0.38万生活困难失能老年人"});
    p.push_back({"annual_total", "980000.00 yuan", provenance::stated, "护理补贴98余万元 (每年)"});
    policy_version v{"2021", xian_detail::version_start(), std::nullopt, c, combination::first_match, payee::person,
                     {rule{"care_subsidy", "生活困难 and 失能: the derived average care subsidy", c,
                           xian_detail::xian_elder(r) && in_category(hardship) && ability_at_least(level),
                           money_per_year(amount), p}},
                     {}};
    return policy("cn.shaanxi.xian.disabled_care_subsidy", "西安市生活困难失能老年人护理补贴", {std::move(v)});
  };
  return e;
}

[[nodiscard]] inline catalog_entry xian_rural_living_allowance() {
  catalog_entry e;
  e.id = "cn.shaanxi.xian.rural_living_allowance";
  e.title = "西安市农村失能、贫困老年人生活补助";
  e.jurisdiction = "陕西省西安市 (610100)";
  e.source = xian_seed;
  e.summary = "A living allowance (生活补助) for rural (农村) elders who are disabled (失能) or poor (贫困): 145余万元 a "
              "year for 2.9万 people, i.e. the derived average 50.00 yuan per person per year. Rural by place of "
              "residence (DOMAIN.md B.1).";
  e.readings = {"xian.rural_scope", "xian.hardship", "xian.disability_level", "hukou.legacy_codes", "age.reached",
                "age.leap_day"};
  e.examples = {
      "A rural Xi'an elder on 低保, not disabled: 50.00 yuan per year by default, nothing under xian.rural_scope=both.",
      "An urban Xi'an elder on 低保 and disabled: nothing (not rural).",
  };
  e.build = [](const reading_context& r) {
    const citation c = xian_detail::cite("para. 2 (坚持“四维共建”, 健全老年福利制度)", "为2.9万农村失能、贫困老年人发放生活补助145余万元");
    const money amount = money::from_fen(xian_detail::rural_allowance_fen);
    category_set poor = xian_detail::hardship(r);
    poor.insert(category::poor_household);
    const auto disabled = ability_at_least(xian_detail::disability_level(r));
    const bool both = r.is("xian.rural_scope", "both");
    const any_condition need = both ? any_condition(disabled && in_category(poor)) : any_condition(disabled || in_category(poor));
    parameter_list p = xian_detail::base_parameters(r, {"xian.rural_scope", "xian.hardship", "xian.disability_level"});
    p.push_back({"amount", amount.to_string() + " yuan per year", provenance::derived,
                 "145余万元 ÷ 2.9万人 = 145,000,000 fen ÷ 29,000 = 5,000 fen exactly; an average per recipient, not a stated rate"});
    p.push_back({"recipients", "29000", provenance::stated, "2.9万农村失能、贫困老年人"});
    p.push_back({"annual_total", "1450000.00 yuan", provenance::stated, "生活补助145余万元 (每年)"});
    p.push_back({"rural", "by residence", provenance::sourced, "农村 from where the person lives, not a hukou type (DOMAIN.md B.1)"});
    p.push_back({"poor", poor.to_string(), provenance::assumed,
                 "贫困 = the xian.hardship categories plus 建档立卡贫困户 (registered poor households)"});
    policy_version v{"2021", xian_detail::version_start(), std::nullopt, c, combination::first_match, payee::person,
                     {rule{"living_allowance", both ? "rural, 失能 and 贫困" : "rural, 失能 or 贫困", c,
                           any_condition::all({xian_detail::xian_elder(r), lives_rural{}, need}), money_per_year(amount), p}},
                     {}};
    return policy("cn.shaanxi.xian.rural_living_allowance", "西安市农村失能、贫困老年人生活补助", {std::move(v)});
  };
  return e;
}

[[nodiscard]] inline catalog_entry xian_accident_insurance() {
  catalog_entry e;
  e.id = "cn.shaanxi.xian.accident_insurance";
  e.title = "西安市特殊困难老年人意外伤害保险";
  e.jurisdiction = "陕西省西安市 (610100)";
  e.source = xian_seed;
  e.summary = "Xi'an buys accident insurance (意外伤害保险) for special-hardship elders (特殊困难老年人): 560余万元 a "
              "year for 28万 people, i.e. a derived premium of 20.00 yuan per person per year, paid to the insurer on "
              "the elder's behalf (a benefit in kind; the cover itself is in no source).";
  e.readings = {"xian.special_hardship", "xian.disability_level", "hukou.legacy_codes", "age.reached", "age.leap_day"};
  e.examples = {
      "A Xi'an elder living alone (独居): a 20.00 yuan per year premium by default; nothing under "
      "xian.special_hardship=assistance unless also on 低保/特困/低收入.",
  };
  e.build = [](const reading_context& r) {
    const citation c = xian_detail::cite("para. 2 (坚持“四维共建”, 健全老年福利制度)", "为28万特殊困难老年人购买意外伤害保险560余万元");
    const money amount = money::from_fen(xian_detail::insurance_premium_fen);
    using dc = disability_category;
    const any_condition mca =
        in_category(category_set{category::living_alone, category::kongchao, category::left_behind, category::special_family,
                                 category::jisheng_tefu, category::shidu}) ||
        ability_at_least(xian_detail::disability_level(r)) ||
        disability_at_least({dc::visual, dc::hearing, dc::speech, dc::physical, dc::intellectual, dc::mental, dc::multiple},
                            disability_grade::two);
    const any_condition assistance = in_category(category_set{category::dibao, category::tekun, category::low_income});
    const std::string which = r.get("xian.special_hardship");
    const any_condition hardship = which == "assistance" ? assistance
                                   : which == "either"   ? any_condition::any({mca, assistance})
                                                         : mca;
    parameter_list p = xian_detail::base_parameters(r, {"xian.special_hardship", "xian.disability_level"});
    p.push_back({"premium", amount.to_string() + " yuan per year", provenance::derived,
                 "560余万元 ÷ 28万人 = 560,000,000 fen ÷ 280,000 = 2,000 fen exactly; the premium per insured elder, paid to "
                 "the insurer (in kind), not cash"});
    p.push_back({"recipients", "280000", provenance::stated, "28万特殊困难老年人"});
    p.push_back({"annual_total", "5600000.00 yuan", provenance::stated, "购买意外伤害保险560余万元 (每年)"});
    p.push_back({"severe_disability", "certificate grade 1-2, any category", provenance::assumed,
                 "重残 read as 重度残疾 (一、二级), as in the 重度残疾人护理补贴 (DOMAIN.md D.1)"});
    policy_version v{"2021", xian_detail::version_start(), std::nullopt, c, combination::first_match, payee::person,
                     {rule{"insured", "特殊困难老年人: premium bought by the city", c,
                           any_condition::all({xian_detail::xian_elder(r), hardship}), money_per_year(amount), p}},
                     {}};
    return policy("cn.shaanxi.xian.accident_insurance", "西安市特殊困难老年人意外伤害保险", {std::move(v)});
  };
  return e;
}

} // namespace eldercare::catalog_entries
