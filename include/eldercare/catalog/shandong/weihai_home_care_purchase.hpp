#pragma once
// cn.shandong.weihai.home_care_purchase — government-purchased home care for elders in hardship
// (seed 001; tiers sourced from 《威海市实施政府为特殊困难老年人购买社区居家养老服务管理办法》,
// 威民发〔2018〕161号, DOMAIN.md E.3).
//
// Seed 001 reports that Weihai buys 30-60 hours of home care a month for 低保, 城乡特困, 重点优抚 and
// 计生特扶 elders. The notice (临港区 version, DOMAIN.md E.3) sets the tiers for Weihai-hukou elders
// aged 60+ living at home: 60 h for dispersed 特困/低保 elders who cannot look after themselves
// (重度), 45 h for dispersed 特困/低保 elders who are semi-dependent (中度), 30 h for 重度 elders who
// are 抚恤定补优抚对象, 计划生育特别扶助对象, municipal-or-higher model workers or pre-1949 Party
// members; the purchase price is at least 20 yuan an hour. Which assessment defines 重度/中度 is open
// (DOMAIN.md open question 11): reading weihai.dependency_scale.

#include <string>
#include <vector>

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/catalog/shandong/weihai_seed.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/rules/conditions/self_care.hpp"
#include "eldercare/rules/conditions/stay.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* weihai_home_care_id = "cn.shandong.weihai.home_care_purchase";
inline constexpr const char* weihai_home_care_notice =
    "《威海市实施政府为特殊困难老年人购买社区居家养老服务管理办法》 (威民发〔2018〕161号)";

[[nodiscard]] inline std::vector<reading> weihai_home_care_readings() {
  return {
      {"weihai.dependency_scale",
       "Which assessment defines the hour tiers' 重度 (生活不能自理) and 中度 (半自理) elders?",
       {{"gbt_literal",
         "GB/T 42195-2022: 重度 = level 3 or 4 (重度/完全失能); 中度 = level 2 (中度失能) only"},
        {"gbt_broad", "GB/T 42195-2022: 重度 = level 3 or 4; 半失能 = level 1 or 2 (轻度 + 中度)"},
        {"tekun_self_care", "特困 six-item rating: 重度 = 完全丧失生活自理能力 (4+ items not possible); 中度 "
                            "= 部分丧失 (1-3 items)"}},
       "gbt_literal",
       provenance::assumed,
       "The notice's words 重度/中度 are GB/T 42195's own labels (重度失能 = level 3, 中度失能 = level "
       "2), the current national standard meant for subsidy payment (DOMAIN.md A.1); level 1 (轻度) "
       "elders largely look after themselves. Level 4 (完全失能) is more severe than 重度 and counts as "
       "重度.",
       "DOMAIN.md A.5, E.3, open question 11"},
      {"weihai.hour_price_yuan",
       "Government purchase price of one service hour, in yuan (the notice: at least 20 yuan, adjusted "
       "over time)",
       {},
       "20",
       provenance::sourced,
       "威民发〔2018〕161号: 政府购买价格不低于每小时20元 (DOMAIN.md E.3). Set the current price for "
       "costing; values below the notice's floor of 20 are refused.",
       "DOMAIN.md E.3",
       false},
  };
}

namespace detail {
/// The purchase price per hour from reading weihai.hour_price_yuan: money, at least 20 yuan.
[[nodiscard]] inline money weihai_hour_price(const std::string& text) {
  using namespace eldercare::literals;
  const money price = money::parse(text, "readings.weihai.hour_price_yuan");
  if (price < 20_yuan)
    throw invalid_value(error_id::invalid_parameter, "readings.weihai.hour_price_yuan", text,
                        "威民发〔2018〕161号 sets the purchase price at no less than 20 yuan an hour");
  return price;
}
} // namespace detail

/// The monthly value of a home-care grant (service hours per month) at `hour_price` per hour: what
/// the government pays for it (hours × price). Throws invalid_value for a benefit that is not service
/// hours per month.
[[nodiscard]] inline money home_care_value(const benefit& grant, money hour_price) {
  if (grant.unit() != benefit_unit::service_hours || grant.period() != benefit_period::per_month)
    throw invalid_value(error_id::invalid_parameter, "grant", grant.to_string(),
                        "is not service hours per month");
  return hour_price * grant.quantity();
}

/// The monthly value of a Weihai home-care decision at the price chosen in `chosen` (reading
/// weihai.hour_price_yuan, default 20 yuan): 0 when nothing is granted. `c` is the catalog that
/// defines the reading (standard_catalog()).
[[nodiscard]] inline money weihai_home_care_value(const catalog& c, const decision& d,
                                                  const reading_set& chosen = {}) {
  if (!d.granted) return money();
  const reading* r = c.find_reading("weihai.hour_price_yuan");
  if (!r) throw std::logic_error("the catalog does not define reading weihai.hour_price_yuan");
  return home_care_value(*d.granted, detail::weihai_hour_price(chosen.get(*r)));
}

[[nodiscard]] inline catalog_entry weihai_home_care_purchase() {
  catalog_entry e{
      .id = weihai_home_care_id,
      .title = "威海市政府为特殊困难老年人购买社区居家养老服务",
      .jurisdiction = weihai_jurisdiction,
      .source = catalog_sources::seed_001,
      .summary =
          "Weihai-hukou elders aged 60+ living at home: 60 hours of purchased home care a month for "
          "dispersed "
          "特困/低保 elders who cannot look after themselves (重度), 45 hours for dispersed 特困/低保 elders "
          "who are semi-dependent (中度), 30 hours for 重度 elders who are 重点优抚 (抚恤定补), 计生特扶, "
          "model workers (municipal or higher) or pre-1949 Party members. The government pays at least 20 "
          "yuan an hour.",
      .readings =
          concat({"weihai.dependency_scale", "weihai.hour_price_yuan"}, catalog_readings::age_reading_names),
      .examples =
          {
              "A 75-year-old Weihai 低保 elder at home assessed at GB/T level 3: 60 service hours per month "
              "(1200.00 yuan a month at 20 yuan an hour).",
              "The same elder at level 2: 45 service hours per month; at level 1: nothing under the default "
              "reading, 45 hours under weihai.dependency_scale=gbt_broad.",
              "A 重度 计生特扶 elder not on 低保/特困: 30 service hours per month; a 中度 one: nothing.",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    // The notice is numbered 2018; its day of entry into force is in no source (2018-01-01 assumed).
    const cited_document notice{.document = weihai_home_care_notice,
                                .source = catalog_sources::seed_001,
                                .clause =
                                    std::string("tiers per DOMAIN.md E.3 (临港区 version of the notice); ") +
                                    weihai_seed_report + ", 创新基本化居家上门服务模式",
                                .effective_from = make_date(2018, 1, 1)};
    const citation c =
        notice.cite("将低保、城乡特困人员、重点优抚对象、计划生育特别扶助对象等老年群体纳入政府购买服务范畴,"
                    "每月提供30-60小时的居家养老服务");
    const region_set weihai("威海市", {regions::weihai});
    const int min_age = 60;
    const combination one_tier = combination::first_match;
    const money price = detail::weihai_hour_price(r.get("weihai.hour_price_yuan"));
    const std::string scale = r.get("weihai.dependency_scale");

    // 重度 and 中度 under the chosen scale.
    auto severe = [&]() -> any_condition {
      if (scale == "tekun_self_care") return self_care_rating_at_least(self_care_rating::fully_lost);
      return ability_at_least(ability_level::severe);
    };
    auto moderate = [&]() -> any_condition {
      if (scale == "tekun_self_care")
        return self_care_rating_at_least(self_care_rating::partially_lost) &&
               !self_care_rating_at_least(self_care_rating::fully_lost);
      const ability_level from = scale == "gbt_broad" ? ability_level::mild : ability_level::moderate;
      return ability_at_least(from) && !ability_at_least(ability_level::severe);
    };
    // Weihai hukou, 60+, at home, then the tier's category and dependency: one flat list per tier.
    auto tier = [&](category_set who, any_condition dependency) {
      return any_condition::all({hukou_in(weihai), age_at_least(min_age, catalog_readings::ages(r)),
                                 lives_at_home(), in_category(who), std::move(dependency)});
    };
    const category_set hardship{category::tekun, category::dibao};
    const category_set special{category::youfu, category::jisheng_tefu, category::model_worker,
                               category::pre_1949_party_member};

    const std::string scale_meaning = [&] {
      for (const auto& ch : r.definition("weihai.dependency_scale").choices)
        if (ch.value == scale) return ch.meaning;
      return scale;
    }();
    const bool default_scale = scale == r.definition("weihai.dependency_scale").default_choice;
    const bool default_price =
        r.get("weihai.hour_price_yuan") == r.definition("weihai.hour_price_yuan").default_choice;
    auto params = [&](int hours, const char* who) {
      const auto grant = service_hours_per_month(hours);
      parameter_list p = {
          sourced("hours", grant, std::string("威民发〔2018〕161号 (DOMAIN.md E.3): ") + who),
          sourced("hukou", weihai, "威海户籍 (DOMAIN.md E.3)"),
          sourced("min_age", min_age, "60周岁以上 (DOMAIN.md E.3)"),
          sourced("lives_at_home", true, "居家 / 分散供养: not in an institution (DOMAIN.md E.3)"),
          assumed("dependency_scale", scale,
                  std::string(default_scale ? "default " : "chosen ") +
                      "reading weihai.dependency_scale: " + scale_meaning),
          parameter("hour_price", parameter_text(price) + " per hour",
                    default_price ? provenance::sourced : provenance::assumed,
                    default_price ? "不低于每小时20元 (DOMAIN.md E.3), reading weihai.hour_price_yuan"
                                  : "reading weihai.hour_price_yuan chosen for this evaluation"),
          derived("value", parameter_text(home_care_value(grant, price)) + " per month",
                  std::to_string(hours) + " h × " + price.to_string() + " yuan/h (exact, in fen)"),
      };
      auto ages = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
      p.insert(p.end(), ages.begin(), ages.end());
      return p;
    };

    const rule tier60{"hardship_severe",
                      "60 hours: dispersed 特困 or 低保 elder who cannot look after themselves (重度)",
                      c,
                      tier(hardship, severe()),
                      service_hours_per_month(60),
                      params(60, "分散供养特困、低保老年人, 生活不能自理 (重度) — 60小时")};
    const rule tier45{"hardship_moderate",
                      "45 hours: dispersed 特困 or 低保 elder who is semi-dependent (中度)",
                      c,
                      tier(hardship, moderate()),
                      service_hours_per_month(45),
                      params(45, "分散供养特困、低保老年人, 生活半自理 (中度) — 45小时")};
    const rule tier30{
        "special_groups_severe",
        "30 hours: 重度 elder who is 抚恤定补优抚对象, 计生特扶, a model worker or a pre-1949 Party member",
        c,
        tier(special, severe()),
        service_hours_per_month(30),
        params(30, "市级以上劳动模范、抚恤定补优抚对象、计划生育特别扶助对象、建国前老党员, 重度 — 30小时")};

    return self.policy(
        version("2018", c)
            .start(provenance::assumed,
                   "the notice is numbered 2018 (威民发〔2018〕161号); its day of entry into force is in no "
                   "source, so the year's first day is assumed; seed 001 reports it in force on 2022-10-15")
            .combine(one_tier)
            .rules({tier60, tier45, tier30})
            .parameters(
                {sourced("combination", one_tier,
                         "one tier per elder: 60, else 45, else 30 (威民发〔2018〕161号, DOMAIN.md E.3)")}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
