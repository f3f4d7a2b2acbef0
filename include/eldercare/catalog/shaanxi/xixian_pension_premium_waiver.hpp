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
  catalog_entry e{
      .id = "cn.shaanxi.xixian.pension_premium_waiver",
      .title = "西咸新区困难群体城乡居民养老保险财政代缴",
      .jurisdiction = xixian_jurisdiction,
      .source = catalog_sources::seed_002,
      .summary =
          "Government pays the resident pension insurance premium (at the minimum contribution grade) "
          "for members "
          "of registered poor households (建档立卡), 低保 recipients and 特困 persons of 西咸新区 aged "
          "16 to 59. The "
          "grade is in no source: set the reading xixian.pension_premium.amount_yuan to compute it.",
      .readings = {"xixian.extra_towns", "xixian.pension_premium.amount_yuan", "age.reached", "age.leap_day"},
      .examples =
          {
              "Any person with the default readings: 'not computable: ...' naming "
              "xixian.pension_premium.amount_yuan.",
              "With amount 200: a 45-year-old 低保 recipient with hukou in 崇文镇 (610423112): 200.00 yuan "
              "per year "
              "paid for them.",
              "With amount 200: the same person on their 60th birthday: not eligible (drawing age).",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const std::string amount_text = r.get("xixian.pension_premium.amount_yuan");
    if (amount_text.empty())
      return self.announced(
          "the premium paid is the minimum contribution grade (最低缴费档次) of the 城乡居民养老保险, which "
          "is in "
          "no source (seed 002 only says 财政代缴; DOMAIN.md has no Shaanxi grade); set the reading "
          "xixian.pension_premium.amount_yuan (yuan per year) to compute it");
    const auto amount =
        money_per_year(money::parse(amount_text, "readings.xixian.pension_premium.amount_yuan"));
    const citation c = detail::xixian_plan().cite(
        "二、健全基本养老保险制度",
        "落实建档立卡贫困人口、低保对象、特困人员等困难群体参加城乡居民养老保险财政代缴政策");
    const region_set area = detail::xixian_area(r);
    const category_set groups{category::poor_household, category::dibao, category::tekun};
    const auto ages = catalog_readings::ages(r);
    const int min_age = 16;
    const int drawing_age = 60;
    parameter_list p = {
        assumed(
            "amount", amount,
            "user-supplied through the reading xixian.pension_premium.amount_yuan: the minimum contribution "
            "grade is in "
            "no source"),
        stated("groups", groups).quote("建档立卡贫困人口、低保对象、特困人员等困难群体"),
        sourced("area", area, "DOMAIN.md B.2"),
        assumed("membership", "hukou",
                "城乡居民养老保险 is joined at the hukou place (national rules, not re-checked); "
                "xixian.membership "
                "does not apply"),
        assumed("min_age", min_age,
                "residents aged 16 and over may contribute (national rules, not re-checked)"),
        assumed("below_age", drawing_age,
                "the pension is drawn from 60, when contributions end (national rules, not re-checked)"),
        assumed("not_covered", "students and employees in the workers' scheme are not excluded",
                "the person record has no fact for them"),
    };
    const auto reading_params = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
    p.insert(p.end(), reading_params.begin(), reading_params.end());
    const rule waiver{"premium_paid",
                      "the minimum-grade premium paid by government for a 困难群体 contributor",
                      c,
                      any_condition(hukou_in(area) && age_at_least(min_age, ages) &&
                                    age_under(drawing_age, ages) && in_category(groups)),
                      amount,
                      std::move(p)};
    return self.policy(detail::xixian_version(c).rules({waiver}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
