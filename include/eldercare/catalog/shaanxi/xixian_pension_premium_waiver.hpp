#pragma once
// cn.shaanxi.xixian.pension_premium_waiver — government pays (代缴) the resident pension insurance
// premium of 建档立卡贫困人口, 低保对象 and 特困人员 (seed 002, part 二:
// "落实建档立卡贫困人口、低保对象、特困 人员等困难群体参加城乡居民养老保险财政代缴政策").
//
// The amount is the minimum contribution grade (最低缴费档次), which no source gives: reading
// xixian.pension_premium.amount_yuan (yuan per year); empty, the entry is announced. Contributors
// are 16 and over and not yet drawing the pension, which starts at 60 — both ages are assumed
// (the national 城乡居民养老保险 rules, not re-checked, DOMAIN.md has no section on them). The
// insurance is joined at the hukou place, so membership is by hukou whatever xixian.membership says.

#include "eldercare/catalog/shaanxi/xixian_readings.hpp"
#include "eldercare/money/money.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xixian_pension_premium_waiver() {
  catalog_entry e;
  e.id = "cn.shaanxi.xixian.pension_premium_waiver";
  e.title = "西咸新区困难群体城乡居民养老保险财政代缴";
  e.jurisdiction = xixian_jurisdiction;
  e.source = xixian_seed;
  e.summary = "Government pays the resident pension insurance premium (at the minimum contribution grade) "
              "for members "
              "of registered poor households (建档立卡), 低保 recipients and 特困 persons of 西咸新区 aged "
              "16 to 59. The "
              "grade is in no source: set the reading xixian.pension_premium.amount_yuan to compute it.";
  e.readings = {"xixian.extra_towns", "xixian.pension_premium.amount_yuan", "age.reached", "age.leap_day"};
  e.examples = {
      "Any person with the default readings: 'not computable: ...' naming "
      "xixian.pension_premium.amount_yuan.",
      "With amount 200: a 45-year-old 低保 recipient with hukou in 崇文镇 (610423112): 200.00 yuan per year "
      "paid for them.",
      "With amount 200: the same person on their 60th birthday: not eligible (drawing age).",
  };
  e.build = [](const reading_context& r) {
    const char* const id = "cn.shaanxi.xixian.pension_premium_waiver";
    const char* const title = "西咸新区困难群体城乡居民养老保险财政代缴";
    const std::string amount_text = r.get("xixian.pension_premium.amount_yuan");
    if (amount_text.empty())
      return policy(
          id, title, {}, computability::announced,
          "the premium paid is the minimum contribution grade (最低缴费档次) of the 城乡居民养老保险, which "
          "is in "
          "no source (seed 002 only says 财政代缴; DOMAIN.md has no Shaanxi grade); set the reading "
          "xixian.pension_premium.amount_yuan (yuan per year) to compute it");
    const money amount = money::parse(amount_text, "readings.xixian.pension_premium.amount_yuan");
    const citation c = detail::xixian_citation(
        "二、健全基本养老保险制度",
        "落实建档立卡贫困人口、低保对象、特困人员等困难群体参加城乡居民养老保险财政代缴政策");
    const region_set area = detail::xixian_area(r);
    const category_set groups{category::poor_household, category::dibao, category::tekun};
    const auto ages = catalog_readings::ages(r);
    parameter_list p = {
        {"amount", amount.to_string() + " yuan per year", provenance::assumed,
         "user-supplied through the reading xixian.pension_premium.amount_yuan: the minimum contribution "
         "grade is in "
         "no source"},
        {"groups", "poor_household, dibao, tekun", provenance::stated,
         "建档立卡贫困人口、低保对象、特困人员等困难群体"},
        {"area", area.to_string(), provenance::sourced, "DOMAIN.md B.2"},
        {"membership", "hukou", provenance::assumed,
         "城乡居民养老保险 is joined at the hukou place (national rules, not re-checked); xixian.membership "
         "does not apply"},
        {"min_age", "16", provenance::assumed,
         "residents aged 16 and over may contribute (national rules, not re-checked)"},
        {"below_age", "60", provenance::assumed,
         "the pension is drawn from 60, when contributions end (national rules, not re-checked)"},
        {"not_covered", "students and employees in the workers' scheme are not excluded", provenance::assumed,
         "the person record has no fact for them"},
    };
    const auto reading_params = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
    p.insert(p.end(), reading_params.begin(), reading_params.end());
    const rule waiver{
        "premium_paid",
        "the minimum-grade premium paid by government for a 困难群体 contributor",
        c,
        any_condition(hukou_in(area) && age_at_least(16, ages) && age_under(60, ages) && in_category(groups)),
        money_per_year(amount),
        std::move(p)};
    policy_version v{"plan",
                     make_date(2020, 1, 1),
                     std::nullopt,
                     c,
                     combination::first_match,
                     payee::person,
                     {waiver},
                     detail::xixian_version_parameters()};
    return policy(id, title, {v});
  };
  return e;
}

} // namespace eldercare::catalog_entries
