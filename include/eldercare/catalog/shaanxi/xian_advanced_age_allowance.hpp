#pragma once
// cn.shaanxi.xian.advanced_age_allowance — 高龄保健补贴 (seed 004: "为72万老年人发放高龄保健补贴约5.6亿元").
//
// Known: the 《西安市高龄老人生活保健补贴发放管理暂行办法》 of Feb 2011 covered Xi'an-hukou elders aged 80+
// [C]; its amounts were not verified [U] (DOMAIN.md E.4). The seed gives only the total and the
// number of recipients. The age bands and amounts are reading xian.advanced_age_bands:
//   flat_from_70 (default) — the derived average 777.78 yuan a year from 70: DOMAIN.md E.4 notes that
//                            72万 recipients fit a 70+ threshold better than 80+ (Xi'an has 181.35万
//                            户籍 elders aged 60+ [V], of whom the 80+ are far fewer than 72万: the
//                            published figures contradict flat_from_80, docs/validation.md);
//   flat_from_80           — the same average from 80 (the 2011 measures' threshold);
//   demo_tiers             — 70-79: 50, 80-89: 100, 90-99: 200, 100+: 360 yuan a month, from one
//                            unverified public demo project: assumed, never the default. Granted
//                            as 12 × those a year, so every reading grants money per year.
// Whether the annual 资格认证 is required is reading xian.annual_certification.
//
// Dates: the derived amounts describe 2021 on (the version's assumed start); the allowance itself is
// known from Feb 2011 (DOMAIN.md E.4), so dates before 2021 are undetermined, not "not in force".

#include "eldercare/catalog/shaanxi/xian_common.hpp"
#include "eldercare/rules/conditions/programme.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xian_advanced_age_allowance() {
  catalog_entry e{
      .id = "cn.shaanxi.xian.advanced_age_allowance",
      .title = "西安市高龄老人生活保健补贴",
      .jurisdiction = xian_jurisdiction,
      .source = catalog_sources::seed_004,
      .summary = "Xi'an's advanced-age health allowance (高龄保健补贴): about 5.6亿元 a year for 72万 "
                 "elders, i.e. the "
                 "derived average 777.78 yuan per person per year. Age bands and amounts are in no source: "
                 "by default "
                 "the average is paid from age 70 (the recipient count fits 70+); readings select 80+ or the "
                 "unverified "
                 "demo tiers (50/100/200/360 yuan a month, granted as 600/1200/2400/4320 a year).",
      .readings = {"xian.advanced_age_bands", "xian.annual_certification", "hukou.legacy_codes",
                   "age.reached", "age.leap_day"},
      .examples =
          {
              "Born 1953-03-10, Xi'an hukou: nothing on 2023-03-09, 777.78 yuan per year from 2023-03-10 "
              "(70th birthday).",
              "Born 1940-01-01 under xian.advanced_age_bands=demo_tiers: 1200.00 yuan per year (100 a month) "
              "in 2023 (aged 83).",
              "Any elder on 2020-12-31: undetermined (the allowance existed since 2011; its amounts then are "
              "unknown).",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c = xian_detail::article().cite("为72万老年人发放高龄保健补贴约5.6亿元");
    const auto ages = catalog_readings::ages(r);
    const bool certified = r.is("xian.annual_certification", "required");
    const std::string bands = r.get("xian.advanced_age_bands");
    const xian_detail::yearly_figure& figure = xian_detail::advanced_age;
    parameter_list common = {
        sourced("hukou", xian_detail::xian(), "Xi'an hukou in the 2011 measures (DOMAIN.md E.4 [C])"),
        assumed("effective_from", xian_detail::version_start(),
                "the figures describe 2021年以来 (the allowance itself dates from the 2011 measures, whose "
                "amounts are "
                "unknown)"),
        assumed("annual_certification", r.get("xian.annual_certification"),
                "reading xian.annual_certification"),
        stated("recipients", figure.recipients).quote("72万老年人"),
        stated("annual_total", figure.total, "每年").quote("高龄保健补贴约5.6亿元"),
    };
    for (auto& q : catalog_readings::reading_parameters(
             r, {"xian.advanced_age_bands", "age.reached", "age.leap_day", "hukou.legacy_codes"}))
      common.push_back(std::move(q));
    auto who = [&](int from_age) -> any_condition {
      if (certified)
        return hukou_in(xian_detail::xian(), catalog_readings::legacy(r)) && age_at_least(from_age, ages) &&
               enrolled_in("xian.advanced_age.certified",
                           "this year's 高龄补贴资格认证 (annual certification)");
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
        const auto yearly = money_per_year(monthly * 12);
        return rule{
            id,
            title,
            c,
            who(from),
            yearly,
            with({assumed("amount", parameter_text(yearly) + " (" + monthly.to_string() + " a month × 12)",
                          "unverified public demo project (DOMAIN.md E.4: do not rely on it)"),
                  assumed("from_age", from, "demo project tiers 70/80/90/100")})};
      };
      rules = {tier("age_100", "100 周岁 and over (demo tier)", 100, 360_yuan),
               tier("age_90", "90-99 周岁 (demo tier)", 90, 200_yuan),
               tier("age_80", "80-89 周岁 (demo tier)", 80, 100_yuan),
               tier("age_70", "70-79 周岁 (demo tier)", 70, 50_yuan)};
    } else {
      const int from = bands == "flat_from_80" ? 80 : 70;
      const auto amount = money_per_year(figure.per_recipient());
      rules = {rule{"flat", std::to_string(from) + " 周岁 and over: the derived average", c, who(from),
                    amount,
                    with({derived("amount", amount,
                                  "约5.6亿元 ÷ 72万人 = 56,000,000,000 fen ÷ 720,000 = 77,777.78 fen, "
                                  "rounded to the nearest fen "
                                  "(halves up); an average per recipient, not a stated rate"),
                          assumed("from_age", from,
                                  from == 70 ? "72万 recipients fit 70+ better than 80+ (DOMAIN.md E.4)"
                                             : "the 2011 measures' threshold (DOMAIN.md E.4 [C])")})}};
    }
    return self.policy(version("2021", c).rules(std::move(rules)))
        .known_from(xian_detail::version_start(), "the allowance dates from the 2011 measures (DOMAIN.md E.4 "
                                                  "[C]), whose amounts and ages are unknown; "
                                                  "the amounts here are derived from figures for 2021 on");
  });
  return e;
}

} // namespace eldercare::catalog_entries
