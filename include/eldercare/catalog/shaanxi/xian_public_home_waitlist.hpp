#pragma once
// cn.shaanxi.xian.public_home_waitlist — admission assessment and waiting list (入住评估轮候) at Xi'an's
// public eldercare homes (seed 004: "在曲江老年公寓开展公办养老机构入住评估轮候试点").
//
// The seed names the pilot and nothing else: no factor, weight or procedure. The list is a priority
// order, so the entry is a points policy (every rule grants priority_points, combined by sum) ranked
// with rules/ranking.hpp. The factors follow who national policy tells public homes to serve first
// [K]: 特困 persons (statutory 集中供养), then economically difficult, disabled (失能), very old, living
// alone / empty-nest, left-behind and severely disabled elders, 计划生育特殊家庭 and 优抚对象. Every
// point value is an ASSUMED parameter of ours, documented per rule; only the order of magnitude
// (特困 first, need before age) is argued. Ties are broken by rank(): earlier application date,
// then the older applicant, then the id.

#include <optional>
#include <vector>

#include "eldercare/catalog/shaanxi/xian_common.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/ranking.hpp"

namespace eldercare::catalog_entries {

namespace xian_detail {
/// One factor of the waiting list: its rule id, words, points and why.
struct waitlist_factor {
  const char* id;
  const char* title;
  std::int64_t points;
  const char* why;
};
} // namespace xian_detail

[[nodiscard]] inline catalog_entry xian_public_home_waitlist() {
  catalog_entry e{
      .id = "cn.shaanxi.xian.public_home_waitlist",
      .title = "西安市公办养老机构入住评估轮候 (曲江老年公寓试点)",
      .jurisdiction = xian_jurisdiction,
      .source = catalog_sources::seed_004,
      .summary =
          "Admission to Xi'an's public eldercare homes by assessment and waiting list (piloted at "
          "曲江老年公寓): "
          "applicants (60+, Xi'an hukou) are ranked by priority points — 特困 first, then 低保/低收入, "
          "ability "
          "level, age, living alone or empty-nest, 优抚, 计划生育特殊家庭, severe disability, left-behind. "
          "The "
          "seed gives no factors or weights: every point value is assumed. Rank with rank() "
          "(rules/ranking.hpp); ties go to the earlier application, then the older applicant, then the id.",
      .readings = {"xian.waitlist_tekun", "hukou.legacy_codes", "age.reached", "age.leap_day"},
      .examples =
          {
              "A 特困 applicant aged 73 (1000 + 10 = 1010 points) ranks before a 低保 applicant aged 92 at "
              "level 4 living "
              "alone (60 + 50 + 30 + 10 + 10 = 160); under xian.waitlist_tekun=weighted (100 + 10 = 110) the "
              "order turns.",
              "Two applicants with equal points: the one who applied first ranks first; with the same "
              "application date, "
              "the older one.",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c = xian_detail::article().cite("para. 2 (坚持“四维共建”, 强化公办机构建设)",
                                                   "在曲江老年公寓开展公办养老机构入住评估轮候试点");
    const auto ages = catalog_readings::ages(r);
    const bool absolute = r.is("xian.waitlist_tekun", "absolute");
    using dc = disability_category;
    const any_condition applicant = xian_detail::xian_elder(r);
    struct factor_rule {
      xian_detail::waitlist_factor f;
      std::optional<any_condition> condition; ///< on top of `applicant`; none for the admission rule itself
    };
    const std::vector<factor_rule> factors = {
        {{"applicant", "applicant: Xi'an hukou, 60 周岁 and over (no priority factor)", 0,
          "admission test of the list, assumed: the seed names none"},
         std::nullopt},
        {{"tekun", absolute ? "特困 (ranked before everyone else)" : "特困 (heaviest single factor)",
          absolute ? 1000 : 100,
          absolute
              ? "reading xian.waitlist_tekun=absolute: more than all other factors together (245 at most)"
              : "reading xian.waitlist_tekun=weighted"},
         in_category(category::tekun)},
        {{"dibao", "低保", 60, "economic hardship first among the others (assumed)"},
         in_category(category::dibao)},
        {{"low_income", "低收入, not on 低保", 30, "half the 低保 weight (assumed)"},
         in_category(category::low_income) && !in_category(category::dibao)},
        {{"ability_4", "ability level 4 (完全失能)", 50, "need for care (assumed)"},
         ability_at_least(ability_level::total_loss)},
        {{"ability_3", "ability level 3 (重度失能)", 40, "need for care (assumed)"},
         ability_at_least(ability_level::severe) && !ability_at_least(ability_level::total_loss)},
        {{"ability_2", "ability level 2 (中度失能)", 20, "need for care (assumed)"},
         ability_at_least(ability_level::moderate) && !ability_at_least(ability_level::severe)},
        {{"age_90", "aged 90 and over", 30, "高龄 (assumed)"}, age_at_least(90, ages)},
        {{"age_80", "aged 80-89", 20, "高龄 (assumed)"}, age_at_least(80, ages) && age_under(90, ages)},
        {{"age_70", "aged 70-79", 10, "(assumed)"}, age_at_least(70, ages) && age_under(80, ages)},
        {{"empty_nest", "空巢 or 独居", 10, "no family at home (assumed)"},
         in_category(category_set{category::kongchao, category::living_alone})},
        {{"living_alone", "独居 (on top of 空巢)", 10,
          "独居 is the riskiest subset of 空巢 (DOMAIN.md D); assumed"},
         in_category(category::living_alone)},
        {{"youfu", "重点优抚对象", 30,
          "优抚对象 are to be admitted with priority (军人地位和权益保障法 [K]); weight assumed"},
         in_category(category::youfu)},
        {{"special_family", "计划生育特殊家庭 (特扶, 失独)", 30,
          "named by national guidance [K]; weight assumed"},
         in_category(category_set{category::special_family, category::jisheng_tefu, category::shidu})},
        {{"severe_disability", "残疾人证 grade 1-2", 15, "重度残疾 (DOMAIN.md D.1 grades); weight assumed"},
         disability_at_least(
             {dc::visual, dc::hearing, dc::speech, dc::physical, dc::intellectual, dc::mental, dc::multiple},
             disability_grade::two)},
        {{"left_behind", "留守", 10, "(assumed)"}, in_category(category::left_behind)},
    };
    std::vector<rule> rules;
    for (const auto& [f, condition] : factors) {
      // The first rule (the admission test) carries the list's common parameters.
      parameter_list p =
          rules.empty() ? xian_detail::base_parameters(r, {"xian.waitlist_tekun"}) : parameter_list{};
      p.push_back(assumed("points", f.points, f.why));
      rules.push_back(rule{f.id, f.title, c,
                           condition ? any_condition::all({applicant, *condition}) : applicant,
                           priority_points(f.points), std::move(p)});
    }
    return self.policy(version("2021 pilot", c).combine(combination::sum).rules(std::move(rules)));
  });
  return e;
}

} // namespace eldercare::catalog_entries
