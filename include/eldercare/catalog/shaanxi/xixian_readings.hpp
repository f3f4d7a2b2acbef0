#pragma once
// 西咸新区 (Xixian New Area), seed 002: 《西咸新区关于推进养老服务发展的实施方案》. What the four Xixian
// entries share: the seed, the plan's citation and assumed effective date, the readings of the open
// questions (DOMAIN.md open question 13), and the conditions they build from them.
//
// The new area has no division code of its own (DOMAIN.md B.2): membership is a set of 9-digit
// township codes (regions::xixian_new_area(), partial: 21 of its 23 towns), extended by the
// reading xixian.extra_towns. A person whose hukou or residence is recorded only at county level
// (610112, say) cannot be placed in or out of the new area and is not a member.

#include <string>
#include <vector>

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/always.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/residency.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* xixian_jurisdiction =
    "陕西省西咸新区 (no division code: a set of township codes, DOMAIN.md B.2)";

[[nodiscard]] inline std::vector<reading> xixian_readings() {
  return {
      {"xixian.membership",
       "Who belongs to 西咸新区 for its elder services: hukou in a new-area town, residence there, or "
       "either?",
       {{"hukou", "户籍 registered in a 西咸新区 town (9-digit township code)"},
        {"residence", "lives (居住地) in a 西咸新区 town"},
        {"either", "hukou or residence in a 西咸新区 town"}},
       "hukou",
       provenance::assumed,
       "The target groups (低保, 特困, 低收入) are administered at the hukou township (DOMAIN.md D), and the "
       "new "
       "area's own open question asks whether eligibility is tested by hukou township.",
       "DOMAIN.md B.2, open question 13"},
      {"xixian.extra_towns",
       "Which further townships belong to 西咸新区? The bundled list has 21 of its 23 towns/streets (秦都 "
       "沣东 and "
       "the part of 兴平 南位镇 are missing).",
       {},
       "",
       provenance::assumed,
       "Give 9-digit township codes under 610112, 610116, 610118, 610402, 610404, 610423 or 610481, "
       "comma-separated. "
       "Without them only the 21 bundled towns count.",
       "DOMAIN.md B.2",
       false},
      {"xixian.rural_scope",
       "Rural regional centres serve 农村最低生活保障老人、失能半失能老人、空巢老人…: does 农村 (rural) "
       "qualify the "
       "低保 elders only, as the words run, or every group?",
       {{"dibao_only",
         "农村 qualifies the 低保 elders only: the other groups are served wherever they live in the "
         "new area"},
        {"every_group", "every group must live in a village (the centres are rural centres)"}},
       "dibao_only",
       provenance::stated,
       "The plan attaches 农村 to 最低生活保障老人 alone (农村最低生活保障老人 is the name of a category: "
       "rural 低保); "
       "the other groups follow without it.",
       "seed 002; DOMAIN.md open question 13",
       true,
       "农村最低生活保障老人、失能半失能老人、空巢老人"},
      {"xixian.min_age",
       "The plan says 老人/老年人 without an age. Is there a minimum age?",
       {{"60", "60 周岁 (the statutory meaning of 老年人, Elder Rights Law art. 2)"},
        {"none", "no age test"}},
       "60",
       provenance::assumed,
       "老年人 means 60+ in the Elder Rights Law; the plan gives no other age.",
       "DOMAIN.md open question 13"},
      {"xixian.advanced_age",
       "From which age is an elder 高龄?",
       {{"80", "80 周岁以上 (includes 80)"}, {"70", "70 周岁以上, as some localities (Xi'an may) use"}},
       "80",
       provenance::sourced,
       "高龄 usually means 80周岁以上; the Elder Rights Law art. 33 ties 高龄津贴 to 80+ (DOMAIN.md D [V]).",
       "DOMAIN.md D, open question 14"},
      {"xixian.semi_disabled_level",
       "Which GB/T 42195-2022 level is the least severe that counts as 失能半失能 (rural centres)?",
       {{"1", "level 1 (轻度失能) and up: 半失能 = 轻度 + 中度, 失能 = 重度 + 完全"},
        {"2", "level 2 (中度失能) and up: 轻度 is not 半失能"}},
       "1",
       provenance::assumed,
       "The common mapping (DOMAIN.md D [K]) reads 半失能 as 轻度 + 中度; the plan names no scale.",
       "DOMAIN.md A.1, D, open questions 13 and 16"},
      {"xixian.disabled_level",
       "Which GB/T 42195-2022 level is the least severe that counts as 失能 (difficult-elder subsidy)?",
       {{"3", "level 3 (重度失能) and up"},
        {"2", "level 2 (中度失能) and up: 失能 read broadly, including 半失能"},
        {"4", "level 4 (完全失能) only"}},
       "3",
       provenance::assumed,
       "The common mapping (DOMAIN.md D [K]) reads 失能 as 重度 (+ 完全); the 老年照护需求评估 scale the "
       "plan names "
       "was not identified (DOMAIN.md A.5 [U]).",
       "DOMAIN.md A.5, D, open questions 13 and 16"},
      {"xixian.other_hardship",
       "Who are the 其他生活困难老人 that rural centres also serve?",
       {{"tekun_low_income", "特困 persons and members of 低收入 households"},
        {"listed_only", "nobody beyond the groups the plan lists"}},
       "tekun_low_income",
       provenance::assumed,
       "特困 and 低收入 are the social-assistance categories next to 低保 (DOMAIN.md D); the plan's "
       "其他生活困难 "
       "names no others.",
       "DOMAIN.md D, open question 13"},
      {"xixian.economic_difficulty",
       "Who is 经济困难 for the 高龄/失能 subsidy?",
       {{"dibao_low_income_tekun", "低保, 低收入 or 特困"},
        {"dibao_low_income", "低保 or 低收入; 特困 persons are left to 特困供养, which already pays care"},
        {"dibao_only", "低保 only"}},
       "dibao_low_income_tekun",
       provenance::assumed,
       "The plan says 经济困难 without a list; the three income-tested categories of DOMAIN.md D are the "
       "usual "
       "meaning. (Beijing excludes 特困 from its elderly subsidies: the second choice.)",
       "DOMAIN.md D, D.1, open question 13"},
      {"xixian.coordination",
       "How does the 高龄/失能 subsidy combine with the disabled persons' 两项补贴 (加强…衔接)?",
       {{"stack", "both are paid"},
        {"choose_higher", "only the higher is paid (择高申领)"},
        {"exclusive_choice", "the elder chooses one"}},
       "choose_higher",
       provenance::sourced,
       "The national 衔接 rule lets a disabled person who qualifies for both claim the higher (DOMAIN.md D.1 "
       "[V]).",
       "DOMAIN.md D.1, open question 13"},
      {"xixian.difficult_elder.amount_yuan",
       "Monthly amount of the 经济困难高龄、失能老年人补贴, in yuan (no source gives it)",
       {},
       "",
       provenance::assumed,
       "No source states the amount: leave empty (the entry is then not computable) or give the amount, e.g. "
       "100.",
       "POLICIES.md seed 002",
       false},
      {"xixian.pension_premium.amount_yuan",
       "The minimum contribution grade (最低缴费档次) of the resident pension insurance that government "
       "pays, in "
       "yuan per year (no source gives it)",
       {},
       "",
       provenance::assumed,
       "No source states the grade: leave empty (the entry is then not computable) or give it, e.g. 200.",
       "POLICIES.md seed 002",
       false},
  };
}

namespace detail {

/// The plan. The seed (a 2023-04-30 upload of it) carries no date: the versions' start is assumed
/// (xixian_version).
inline cited_document xixian_plan() {
  return {.document = "《西咸新区关于推进养老服务发展的实施方案》",
          .source = catalog_sources::seed_002,
          .effective_from = make_date(2020, 1, 1)};
}

/// A version of a Xixian policy: put in force by `c`, its start reported as assumed.
inline version_spec<person> xixian_version(const citation& c) {
  return version("plan", c).start(
      provenance::assumed,
      "the seed (a 2023-04-30 upload of the plan) carries no date; the plan implements 国办发〔2019〕5号 "
      "《关于推进养老服务发展的意见》 and its first target is 到2021年, so it dates from 2019-2020; "
      "2020-01-01 "
      "is assumed");
}

/// 西咸新区 as the readings choose it (the bundled towns plus xixian.extra_towns).
inline region_set xixian_area(const reading_context& r) {
  return regions::xixian_new_area(catalog_readings::region_codes(r, "xixian.extra_towns"));
}

/// Member of 西咸新区 by hukou, residence or either (reading xixian.membership).
inline any_condition xixian_member(const reading_context& r) {
  const region_set area = xixian_area(r);
  if (r.is("xixian.membership", "residence")) return lives_in(area);
  if (r.is("xixian.membership", "either")) return hukou_in(area) || lives_in(area);
  return hukou_in(area);
}

/// 老年人 (reading xixian.min_age).
inline any_condition xixian_elder_age(const reading_context& r) {
  if (r.is("xixian.min_age", "none")) {
    always no_age;
    no_age.what = "no minimum age (reading xixian.min_age = none)";
    return no_age;
  }
  return age_at_least(60, catalog_readings::ages(r));
}

/// 高龄 (reading xixian.advanced_age).
inline age_at_least xixian_advanced_age(const reading_context& r) {
  return age_at_least(r.is("xixian.advanced_age", "70") ? 70 : 80, catalog_readings::ages(r));
}

/// A GB/T 42195 level from a reading whose choices are "1".."4".
inline ability_level xixian_level(const reading_context& r, const char* name) {
  return ability_level(std::stoi(r.get(name)), name);
}

} // namespace detail

} // namespace eldercare::catalog_entries
