#pragma once
// Xi'an (西安市, 610100), seed 004 (金台资讯 2023-02-21, 西安市民政局 供稿): what the Xi'an entries
// share — the source, the derived per-recipient amounts, the readings, and the "Xi'an elder" test.
//
// The seed's only figures (para. 2, 坚持“四维共建”):
//   "建立经济困难老年人服务补贴制度,每年为0.38万生活困难失能老年人发放护理补贴98余万元,为2.9万农村失能、
//    贫困老年人发放生活补助145余万元,为28万特殊困难老年人购买意外伤害保险560余万元,为72万老年人发放
//    高龄保健补贴约5.6亿元。"
// No individual amount, age band or condition beyond these words is in the seed or in DOMAIN.md
// (E.4: amounts not found [U]), so each amount is derived as budget ÷ recipients, and the conditions
// the words leave open are readings.

#include <cstdint>
#include <string>
#include <vector>

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/catalog/published_figures.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/residency.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* xian_jurisdiction = "陕西省西安市 (610100)";

namespace xian_detail {

/// One of the seed's yearly figures: what was spent, and on how many people (both declared once in
/// catalog/published_figures.hpp, with the seed's words).
struct yearly_figure {
  money total;
  std::int64_t recipients;

  /// Total ÷ recipients, computed exactly in integer fen and rounded to the nearest fen, halves up.
  /// (The seed's totals carry 余 "more than" or 约 "about": the average is an estimate either way,
  /// so the nearest fen is the most faithful; none of the four quotients below is an exact half.)
  [[nodiscard]] constexpr money per_recipient() const {
    return money::from_fen((2 * total.fen() + recipients) / (2 * recipients));
  }
};
// 98余万元 ÷ 0.38万人: 98,000,000 fen ÷ 3,800 = 25,789.47… fen → 25,789 fen = 257.89 yuan a year.
inline constexpr yearly_figure care_subsidy{money::from_fen(published::xian_care_spending.value),
                                            published::xian_care_recipients.value};
// 145余万元 ÷ 2.9万人: 145,000,000 fen ÷ 29,000 = 5,000 fen exactly = 50.00 yuan a year.
inline constexpr yearly_figure rural_allowance{money::from_fen(published::xian_rural_spending.value),
                                               published::xian_rural_recipients.value};
// 560余万元 ÷ 28万人: 560,000,000 fen ÷ 280,000 = 2,000 fen exactly = 20.00 yuan a year.
inline constexpr yearly_figure accident_insurance{money::from_fen(published::xian_insurance_spending.value),
                                                  published::xian_insurance_recipients.value};
// 约5.6亿元 ÷ 72万人: 56,000,000,000 fen ÷ 720,000 = 77,777.77… fen → 77,778 fen = 777.78 yuan a year.
inline constexpr yearly_figure advanced_age{money::from_fen(published::xian_advanced_age_spending.value),
                                            published::xian_advanced_age_recipients.value};
static_assert(care_subsidy.per_recipient().fen() == 25'789 &&
              rural_allowance.per_recipient().fen() == 5'000 &&
              accident_insurance.per_recipient().fen() == 2'000 &&
              advanced_age.per_recipient().fen() == 77'778);

/// The article. The figures describe the years "2021年以来" up to it (2023-02-21); no source dates the
/// schemes, so 2021-01-01 is the assumed start of the version these derived amounts describe.
inline cited_document article() {
  return {.document = "西安市民政局: 努力打造具有西安特色的养老服务样板 (金台资讯 2023-02-21)",
          .source = catalog_sources::seed_004,
          .clause = "para. 2 (坚持“四维共建”, 健全老年福利制度)",
          .effective_from = make_date(2021, 1, 1)};
}
inline date version_start() { return *article().effective_from; }

inline region_set xian() { return region_set("西安市", {regions::xian}); }
/// 老年人: 60 周岁 and over [assumed, see xian_elder].
inline constexpr int elder_age = 60;

/// Xi'an hukou [assumed: the seed names no residence test; 户籍 is how Xi'an's 2011 高龄 measures
/// and Chinese local allowances generally define their population, DOMAIN.md E.4, B.1] and aged 60+
/// [assumed: 老年人 in the Elder Rights Law's sense; the seed gives no age].
inline any_condition xian_elder(const reading_context& r) {
  return hukou_in(xian(), catalog_readings::legacy(r)) && age_at_least(elder_age, catalog_readings::ages(r));
}

/// 失能 on GB/T 42195-2022 under reading xian.disability_level.
inline ability_level disability_level(const reading_context& r) {
  return r.is("xian.disability_level", "2") ? ability_level::moderate : ability_level::severe;
}

/// 生活困难 / 经济困难 under reading xian.hardship.
inline category_set hardship(const reading_context& r) {
  if (r.is("xian.hardship", "dibao_tekun_low_income"))
    return {category::dibao, category::tekun, category::low_income};
  return {category::dibao, category::tekun};
}

/// The parameters every Xi'an rule reports: who, and the readings chosen.
inline parameter_list base_parameters(const reading_context& r, std::vector<std::string> readings) {
  parameter_list p = {
      assumed("hukou", xian(),
              "the seed names no residence test; 户籍 as in Xi'an's 2011 高龄 measures (DOMAIN.md E.4 [C])"),
      assumed("min_age", elder_age, "老年人 = 60 周岁以上 (Elder Rights Law art. 2); the seed gives no age"),
      assumed("effective_from", version_start(),
              "the figures describe 2021年以来; no source dates the scheme"),
  };
  readings.insert(readings.end(), catalog_readings::age_reading_names.begin(),
                  catalog_readings::age_reading_names.end());
  readings.push_back("hukou.legacy_codes");
  for (auto& q : catalog_readings::reading_parameters(r, readings)) p.push_back(std::move(q));
  return p;
}

} // namespace xian_detail

[[nodiscard]] inline std::vector<reading> xian_readings() {
  return {
      {"xian.disability_level",
       "Which GB/T 42195-2022 level is 失能 in Xi'an's 护理补贴, 生活补助 and accident insurance?",
       {{"3", "level 3 (能力重度受损) or 4: 失能 = 重度/完全失能"},
        {"2", "level 2 (能力中度受损) or more: 失能 includes 中度"}},
       "3",
       provenance::assumed,
       "The common mapping reads 失能 as 重度 (+完全), 半失能 as 轻度/中度 (DOMAIN.md D [K]); the seed gives "
       "no scale.",
       "DOMAIN.md A, D, open question 16"},
      {"xian.hardship",
       "Who is 生活困难 / 经济困难 (and 贫困, with registered poor households) for Xi'an's subsidies?",
       {{"dibao_tekun", "低保 or 特困 recipients (the social-assistance categories)"},
        {"dibao_tekun_low_income", "also 低收入 households not on 低保"}},
       "dibao_tekun",
       provenance::assumed,
       "The verifiable core of 经济困难; the seed's 3,800 recipients of the 护理补贴 (among roughly two "
       "million Xi'an "
       "elders [K]) fit the narrow reading.",
       "DOMAIN.md D, open question 14"},
      {"xian.rural_scope",
       "农村失能、贫困老年人: rural elders who are disabled or poor, or only those who are both?",
       {{"either", "失能 or 贫困: 、 joins two groups (rural disabled elders and rural poor elders)"},
        {"both", "失能 and 贫困: only poor disabled rural elders"}},
       "either",
       provenance::assumed,
       "、 lists parallel groups in Chinese enumerations; POLICIES.md reads it as 'disabled or poor'.",
       "DOMAIN.md open question 14"},
      {"xian.special_hardship",
       "Who are the 特殊困难老年人 insured against accidents (28万 of them, seed 004)?",
       {{"assistance_and_care_needs",
         "低保, 特困 or 低收入 elders, and 失能, 重残 (certificate grade 1-2) or 计划生育特殊家庭 ones: the "
         "economic and "
         "care-need groups, without the living-arrangement groups (独居、空巢、留守)"},
        {"mca_2022", "独居、空巢、留守、失能、重残 (certificate grade 1-2) or 计划生育特殊家庭 elders (the "
                     "2022 MCA list)"},
        {"assistance", "低保, 特困 or 低收入 elders (an economic reading of 困难)"},
        {"either", "anyone in the MCA list or the economic groups"}},
       "assistance_and_care_needs",
       provenance::assumed,
       "The seed insures 28万 elders, 15% of Xi'an's 181.35万 户籍 elders (end of 2020 [V]). The 2022 "
       "MCA "
       "opinion's list (DOMAIN.md D [V]) cannot be the insured group: 空巢 elders alone, commonly half of "
       "all elders "
       "[K], outnumber 28万 several times. The economic and care-need groups are of the order of 28万 [K], "
       "and are "
       "the groups such city-bought accident insurance usually covers [K]. The published figures "
       "(docs/validation.md) contradict the economic reading alone (assistance: about 11万 modelled, "
       "fewer than the 28万 insured) and leave the default, the MCA list and either consistent.",
       "DOMAIN.md D, open question 14; docs/validation.md"},
      {"xian.advanced_age_bands",
       "Xi'an's 高龄保健补贴: from which age, and how much?",
       {{"flat_from_70", "from 70: the derived average 777.78 yuan a year for everyone"},
        {"flat_from_80", "from 80: the derived average 777.78 yuan a year for everyone"},
        {"demo_tiers",
         "70-79: 50, 80-89: 100, 90-99: 200, 100+: 360 yuan a month, i.e. 600/1200/2400/4320 a year (an "
         "unverified public demo project)"}},
       "flat_from_70",
       provenance::assumed,
       "DOMAIN.md E.4: 72万 recipients fit a 70+ threshold better than 80+ (the 2011 measures' 80+ [C] is "
       "older); the "
       "demo tiers are not to be relied on, so the default pays the derived average. The published figures "
       "confirm it (docs/validation.md): 72万 of 181.35万 户籍 elders [V] are paid, about 90% of the 70+ "
       "modelled; the 80+ (about 25万 modelled) are far fewer than the people paid, so flat_from_80 is "
       "contradicted.",
       "DOMAIN.md E.4, open question 14; docs/validation.md"},
      {"xian.annual_certification",
       "Must a recipient of the 高龄保健补贴 have passed this year's 资格认证 (annual certification)?",
       {{"not_tested", "no certification test"},
        {"required",
         "only persons enrolled in programme 'xian.advanced_age.certified' (certified this year)"}},
       "not_tested",
       provenance::assumed,
       "Only the unverified demo project mentions annual certification (DOMAIN.md E.4); no source states it.",
       "DOMAIN.md E.4, open question 14"},
      {"xian.waitlist_tekun",
       "On the public-home waiting list (入住评估轮候), do 特困 applicants come before everyone else, or do "
       "their points "
       "merely weigh most?",
       {{"absolute", "特困 first: 1000 points, more than any sum of the other factors (245 at most)"},
        {"weighted", "特困 is the heaviest single factor (100 points) but others can add up past it"}},
       "absolute",
       provenance::assumed,
       "特困人员 have a statutory claim to 集中供养 (社会救助暂行办法 arts. 14-16, DOMAIN.md D); national "
       "guidance has "
       "public homes serve others once that need is met [K].",
       "DOMAIN.md D, open question 14"},
  };
}

} // namespace eldercare::catalog_entries
