#pragma once
// cn.shaanxi.xian.advanced_age_allowance — 高龄保健补贴 (seed 004: "为72万老年人发放高龄保健补贴约5.6亿元").
//
// Known: the 《西安市高龄老人生活保健补贴发放管理暂行办法》 of Feb 2011 covered Xi'an-hukou elders aged 80+
// [C]; its amounts were not verified [U] (DOMAIN.md E.4). The seed gives only the total and the
// number of recipients. The age bands and amounts are reading xian.advanced_age_bands:
//   flat_from_70 (default) — the derived average 777.78 yuan a year from 70: DOMAIN.md E.4 notes that
//                            72万 recipients fit a 70+ threshold better than 80+ (Xi'an has some
//                            two million elders aged 60+, of whom 80+ are far fewer than 72万 [K]);
//   flat_from_80           — the same average from 80 (the 2011 measures' threshold);
//   demo_tiers             — 70-79: 50, 80-89: 100, 90-99: 200, 100+: 360 yuan a month, from one
//                            unverified public demo project: assumed, never the default. Granted
//                            as 12 × those a year, so every reading grants money per year.
// Whether the annual 资格认证 is required is reading xian.annual_certification.

#include "eldercare/catalog/shaanxi/xian_common.hpp"
#include "eldercare/rules/conditions/programme.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xian_advanced_age_allowance() {
  catalog_entry e;
  e.id = "cn.shaanxi.xian.advanced_age_allowance";
  e.title = "西安市高龄老人生活保健补贴";
  e.jurisdiction = "陕西省西安市 (610100)";
  e.source = xian_seed;
  e.summary = "Xi'an's advanced-age health allowance (高龄保健补贴): about 5.6亿元 a year for 72万 elders, i.e. the "
              "derived average 777.78 yuan per person per year. Age bands and amounts are in no source: by default "
              "the average is paid from age 70 (the recipient count fits 70+); readings select 80+ or the unverified "
              "demo tiers (50/100/200/360 yuan a month, granted as 600/1200/2400/4320 a year).";
  e.readings = {"xian.advanced_age_bands", "xian.annual_certification", "hukou.legacy_codes", "age.reached", "age.leap_day"};
  e.examples = {
      "Born 1953-03-10, Xi'an hukou: nothing on 2023-03-09, 777.78 yuan per year from 2023-03-10 (70th birthday).",
      "Born 1940-01-01 under xian.advanced_age_bands=demo_tiers: 1200.00 yuan per year (100 a month) in 2023 (aged 83).",
  };
  e.build = [](const reading_context& r) {
    const citation c = xian_detail::cite("para. 2 (坚持“四维共建”, 健全老年福利制度)", "为72万老年人发放高龄保健补贴约5.6亿元");
    const auto ages = catalog_readings::ages(r);
    const bool certified = r.is("xian.annual_certification", "required");
    const std::string bands = r.get("xian.advanced_age_bands");
    parameter_list common = {
        {"hukou", xian_detail::xian().to_string(), provenance::sourced, "Xi'an hukou in the 2011 measures (DOMAIN.md E.4 [C])"},
        {"effective_from", "2021-01-01", provenance::assumed,
         "the figures describe 2021年以来 (the allowance itself dates from the 2011 measures, whose amounts are unknown)"},
        {"annual_certification", r.get("xian.annual_certification"), provenance::assumed, "reading xian.annual_certification"},
        {"recipients", "720000", provenance::stated, "72万老年人"},
        {"annual_total", "560000000.00 yuan", provenance::stated, "高龄保健补贴约5.6亿元 (每年)"},
    };
    for (auto& q : catalog_readings::reading_parameters(
             r, {"xian.advanced_age_bands", "age.reached", "age.leap_day", "hukou.legacy_codes"}))
      common.push_back(std::move(q));
    auto who = [&](int from_age) -> any_condition {
      if (certified)
        return hukou_in(xian_detail::xian(), catalog_readings::legacy(r)) && age_at_least(from_age, ages) &&
               enrolled_in("xian.advanced_age.certified", "this year's 高龄补贴资格认证 (annual certification)");
      return hukou_in(xian_detail::xian(), catalog_readings::legacy(r)) && age_at_least(from_age, ages);
    };
    auto with = [&](parameter_list more) {
      parameter_list p = common;
      p.insert(p.end(), more.begin(), more.end());
      return p;
    };
    std::vector<rule> rules;
    if (bands == "demo_tiers") {
      using namespace eldercare::literals;
      // Granted per year (12 × the demo's monthly amount, exact) so that every reading of this entry
      // grants the same kind of benefit: totals and comparisons across readings stay meaningful.
      auto tier = [&](const char* id, const char* title, int from, money monthly) {
        const money yearly = monthly * 12;
        return rule{id, title, c, who(from), money_per_year(yearly),
                    with({{"amount", yearly.to_string() + " yuan per year (" + monthly.to_string() + " a month × 12)",
                           provenance::assumed, "unverified public demo project (DOMAIN.md E.4: do not rely on it)"},
                          {"from_age", std::to_string(from), provenance::assumed, "demo project tiers 70/80/90/100"}})};
      };
      rules = {tier("age_100", "100 周岁 and over (demo tier)", 100, 360_yuan), tier("age_90", "90-99 周岁 (demo tier)", 90, 200_yuan),
               tier("age_80", "80-89 周岁 (demo tier)", 80, 100_yuan), tier("age_70", "70-79 周岁 (demo tier)", 70, 50_yuan)};
    } else {
      const int from = bands == "flat_from_80" ? 80 : 70;
      const money amount = money::from_fen(xian_detail::advanced_age_fen);
      rules = {rule{"flat", std::to_string(from) + " 周岁 and over: the derived average", c, who(from), money_per_year(amount),
                    with({{"amount", amount.to_string() + " yuan per year", provenance::derived,
                           "约5.6亿元 ÷ 72万人 = 56,000,000,000 fen ÷ 720,000 = 77,777.78 fen, rounded to the nearest fen "
                           "(halves up); an average per recipient, not a stated rate"},
                          {"from_age", std::to_string(from), provenance::assumed,
                           from == 70 ? "72万 recipients fit 70+ better than 80+ (DOMAIN.md E.4)"
                                      : "the 2011 measures' threshold (DOMAIN.md E.4 [C])"}})}};
    }
    policy_version v{"2021", xian_detail::version_start(), std::nullopt, c, combination::first_match, payee::person,
                     std::move(rules), {}};
    return policy("cn.shaanxi.xian.advanced_age_allowance", "西安市高龄老人生活保健补贴", {std::move(v)});
  };
  return e;
}

} // namespace eldercare::catalog_entries
