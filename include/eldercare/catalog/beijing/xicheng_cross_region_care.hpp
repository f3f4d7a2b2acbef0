#pragma once
// cn.beijing.xicheng.cross_region_care — 《西城区户籍老年人赴津冀蒙异地康养扶持办法》 (seed 000).
//
// Seed 000 (北京青年报, 2024-01-12) reports: from June 2020, Xicheng-registered elders who have lived
// a full three months (入住…满三个月) in an institution in 津冀蒙 filed with the local civil-affairs
// department get 600 yuan per person per month; "last year" (2023) the rule was revised to add 200
// yuan per month for institutions in Beijing's ecological conservation area (生态涵养区) after 3 months.

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/always.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/rules/conditions/stay.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline std::vector<reading> xicheng_cross_region_readings() {
  return {
      {"xicheng.min_age",
       "The source says 老年人 without an age. Is there a minimum age?",
       {{"60", "60 周岁 (the statutory meaning of 老年人, Elder Rights Law art. 2)"},
        {"none", "no age test"}},
       "60",
       provenance::assumed,
       "老年人 means 60+ in the Elder Rights Law; the source gives no other age.",
       "DOMAIN.md open question 9"},
      {"xicheng.back_pay",
       "Once 满三个月 is reached, are the first three months paid too?",
       {{"none", "no: paid from the first month in which the three months are complete"},
        {"first_three_months", "yes: the first payment adds up to three months of arrears — none for a month "
                               "before the tier's start or before the admission"}},
       "none",
       provenance::assumed,
       "The source pays 'after' (满) three months; back-pay is not mentioned.",
       "DOMAIN.md open question 1"},
      {"xicheng.first_paid_month",
       "Which month is paid first: the month the three months complete, or the next?",
       {{"completion_month", "the month in which the three months complete (tested at the month's end)"},
        {"next_month", "the month after (eligibility tested on each month's first day)"}},
       "completion_month",
       provenance::assumed,
       "Eligible at the end of the month in which the condition is met.",
       "DOMAIN.md open question 1"},
      {"xicheng.tier_transfer",
       "Does time in a 津冀蒙 institution count towards the 生态涵养区 tier (and vice versa) after a move?",
       {{"separate", "each tier counts only its own institutions: a move between tiers restarts the clock"},
        {"combined", "time in either kind of institution counts; the rate follows the current institution"}},
       "separate",
       provenance::assumed,
       "The 2023 revision adds a tier with its own 满3个月; the text treats them apart.",
       "DOMAIN.md open question 4"},
      {"xicheng.eco_filing",
       "Must a 生态涵养区 institution be filed (备案) for the 200-yuan tier, as a 津冀蒙 one must be for the "
       "600?",
       {{"not_required", "no: the 2023 sentence names an institution of the area, without 备案"},
        {"required",
         "yes: the revision extends the 2020 measures (在之前基础上扩大了范围), filing included"}},
       "not_required",
       provenance::stated,
       "The revision's words ask for a stay in an institution of the area and say nothing about filing; the "
       "2020 "
       "sentence's 经当地民政部门备案 qualifies the 津冀蒙 institutions only.",
       "seed 000; DOMAIN.md open question 7",
       true,
       "对于入住北京生态涵养区养老机构满3个月的"},
      {"xicheng.filing_authority",
       "经当地民政部门备案: with which department must a 津冀蒙 institution be filed for its days to count?",
       {{"same_province",
         "a civil-affairs department of the institution's own province (天津, 河北 or 内蒙古), at "
         "any level"},
        {"same_county", "the civil-affairs department of the institution's county"},
        {"not_checked", "any department: the filing's authority is not compared"}},
       "same_province",
       provenance::assumed,
       "当地 asks for a local department. A for-profit institution files with its county's department, a "
       "non-profit "
       "one at its registration authority's level, which may be the city's or the province's (DOMAIN.md C): "
       "only the "
       "province is local for every institution.",
       "DOMAIN.md C; seed 000"},
      {"beijing.mountain_towns",
       "Which towns of 昌平 110114 and 房山 110111 are mountain areas (part of the 生态涵养区)?",
       {},
       "",
       provenance::assumed,
       "No source lists them: give 9-digit township codes, comma-separated. Without them only the five whole "
       "districts count.",
       "DOMAIN.md B.3, open question 7",
       false},
  };
}

[[nodiscard]] inline catalog_entry xicheng_cross_region_care() {
  catalog_entry e{
      .id = "cn.beijing.xicheng.cross_region_care",
      .title = "西城区户籍老年人赴津冀蒙异地康养扶持办法",
      .jurisdiction = "北京市西城区 (110102)",
      .source = catalog_sources::seed_000,
      .summary =
          "Xicheng-registered elders who have lived a full three months in a filed eldercare institution in "
          "Tianjin, Hebei or Inner Mongolia get 600 yuan a month (from June 2020); from the 2023 revision, "
          "200 yuan a month after three months in an institution of Beijing's ecological conservation area.",
      .readings = concat({"xicheng.min_age", "xicheng.back_pay", "xicheng.first_paid_month",
                          "xicheng.tier_transfer", "xicheng.eco_filing", "xicheng.filing_authority",
                          "beijing.mountain_towns", "hukou.legacy_codes", "age.reached", "age.leap_day"},
                         catalog_readings::stay_reading_names),
      .examples =
          {
              "Admitted 2023-02-28 to a filed institution in 三河市 (131082): not eligible on 2023-05-27, "
              "eligible "
              "(600.00 yuan per month) on 2023-05-28 — the Civil Code day, not Boost's 05-31.",
              "Admitted 2023-03-15 to a filed institution in 怀柔区 (110116): 200.00 yuan per month from "
              "2023-06-15.",
              "Same stay in 怀柔区 evaluated on 2022-10-01 (before the 2023 revision): not eligible.",
          },
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    // The measures as the seed reports them, and their 2023 revision.
    const cited_document measures{.document = "《西城区户籍老年人赴津冀蒙异地康养扶持办法》",
                                  .source = catalog_sources::seed_000,
                                  .clause = "as reported by 北京青年报 2024-01-12 (seed 000)",
                                  .effective_from = make_date(2020, 6, 1)};
    cited_document revision = measures;
    revision.document += " (2023 revision)";
    revision.effective_from = make_date(2023, 1, 1);
    const citation c2020 = measures.cite(
        "对西城户籍老年人入住津冀蒙协同发展地区经当地民政部门备案的养老机构满三个月的,每人每月补贴600元");
    const citation c2023 = revision.cite("对于入住北京生态涵养区养老机构满3个月的,每人每月也补贴200元");

    const region_set xicheng("西城区", {regions::xicheng});
    const region_set jjm = regions::jin_ji_meng();
    const region_set eco = regions::beijing_ecological_conservation_area(
        catalog_readings::region_codes(r, "beijing.mountain_towns"));
    const auto continuity = catalog_readings::continuity(r);
    const auto counting = catalog_readings::counting(r);
    const bool age_test = r.is("xicheng.min_age", "60");
    const period stay = period::months(3);
    const bool filed = true;
    const bool eco_filed = r.is("xicheng.eco_filing", "required");
    const filing_authority local =
        parse_word<filing_authority>(r.get("xicheng.filing_authority"), "readings.xicheng.filing_authority");
    const facility_criteria in_jjm{jjm, {facility_kind::institution}, filed, local};
    const facility_criteria in_eco{eco, {facility_kind::institution}, eco_filed, local};
    // Time in either kind counts towards the 200-yuan tier (tier_transfer=combined): a 津冀蒙 day counts
    // as it counts for the 600 (filed), unless the area's institutions need no filing, when none does
    // (one stay criterion holds one filing test).
    const facility_criteria in_either{jjm | eco, {facility_kind::institution}, eco_filed, local};
    const auto amount_jjm = money_per_month(600_yuan);
    const auto amount_eco = money_per_month(200_yuan);

    auto who = [&]() -> any_condition {
      if (age_test)
        return hukou_in(xicheng, catalog_readings::legacy(r)) && age_at_least(60, catalog_readings::ages(r));
      return hukou_in(xicheng, catalog_readings::legacy(r));
    };
    const parameter_list common = {
        stated("hukou", xicheng).quote("西城户籍老年人"),
        assumed("min_age", age_test ? "60" : "none", "reading xicheng.min_age"),
        stated("stay_length", stay, "the Civil Code's months (stay.counting)").quote("满三个月…满3个月"),
    };
    auto with = [&](parameter_list base, parameter_list more) {
      base.insert(base.end(), more.begin(), more.end());
      auto readings = catalog_readings::reading_parameters(r, catalog_readings::stay_reading_names);
      base.insert(base.end(), readings.begin(), readings.end());
      return base;
    };

    const rule jjm_rule{"jin_ji_meng",
                        "600 yuan a month after three months in a filed institution in 津冀蒙",
                        c2020,
                        any_condition(who() && continuous_stay_at_least(stay, in_jjm, continuity, counting)),
                        amount_jjm,
                        with(common, {stated("amount", amount_jjm).quote("每人每月补贴600元"),
                                      stated("regions", jjm).quote("津冀蒙协同发展地区"),
                                      stated("filing_required", filed).quote("经当地民政部门备案的养老机构"),
                                      catalog_readings::reading_parameter(r, "xicheng.filing_authority",
                                                                          "filing_authority")})};
    const bool combined = r.is("xicheng.tier_transfer", "combined");
    const any_condition eco_stay =
        combined ? any_condition(continuous_stay_at_least(stay, in_either, continuity, counting) &&
                                 in_facility(in_eco))
                 : any_condition(continuous_stay_at_least(stay, in_eco, continuity, counting));
    parameter_list eco_parameters = {
        stated("amount", amount_eco).quote("每人每月也补贴200元"),
        sourced("regions", eco,
                "门头沟、平谷、怀柔、密云、延庆 and the mountain towns of 昌平、房山 (DOMAIN.md B.3)"),
        catalog_readings::reading_parameter(r, "xicheng.eco_filing", "filing_required")};
    if (eco_filed)
      eco_parameters.push_back(
          catalog_readings::reading_parameter(r, "xicheng.filing_authority", "filing_authority"));
    const rule eco_rule{"ecological_area",
                        "200 yuan a month after three months in an institution of Beijing's 生态涵养区",
                        c2023,
                        any_condition::all({who(), eco_stay}),
                        amount_eco,
                        with(common, eco_parameters)};

    const month_basis basis = r.is("xicheng.first_paid_month", "next_month") ? month_basis::start_of_month
                                                                             : month_basis::end_of_month;
    const int arrears = r.is("xicheng.back_pay", "first_three_months") ? 3 : 0;
    const parameter_list payment = {
        assumed("paid_month", r.get("xicheng.first_paid_month"), "reading xicheng.first_paid_month"),
        assumed("arrears_months", arrears, "reading xicheng.back_pay")};
    return self.policy(
        version("2020", c2020)
            .until(make_date(2022, 12, 31))
            .start(provenance::assumed, "the source says 2020年6月; the day is assumed")
            .combine(combination::highest)
            .rules({jjm_rule})
            .parameters(payment)
            .paid_month(basis)
            .arrears(arrears),
        version("2023", c2023)
            .start(provenance::assumed,
                   "the source says the revision came 'last year' (去年, i.e. 2023); the day is assumed")
            .combine(combination::highest)
            .rules({jjm_rule, eco_rule})
            .parameters(payment)
            .paid_month(basis)
            .arrears(arrears));
  });
  return e;
}

} // namespace eldercare::catalog_entries
