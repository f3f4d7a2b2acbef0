#pragma once
// cn.shandong.rongcheng.rural_free_lunch — 荣成市暖心食堂: a free lunch for rural elders aged 80+
// (seed 001; DOMAIN.md E.3).
//
// Seed 001: Rongcheng (荣成市 371082) has built 507 暖心食堂 covering 65% of its villages, "为1.5万名
// 80周岁以上农村老人提供免费午餐". "Rural" is decided by where the elder lives (a village), not by a
// hukou type (POLICIES.md, DOMAIN.md B.1). Open (DOMAIN.md open question 12): whether the age is
// tested on the day or once a year, whether Rongcheng hukou is also required. The canteens cover 65%
// of villages, so by default only an elder whose village has one is served (recorded as registration
// with it, programme rongcheng.warm_canteen: the library has no list of villages). The seed says
// "免费午餐" without a frequency: one lunch a day is assumed.
//
// Dates: the earliest report of the canteens running (May 2021, DOMAIN.md E.3) is the first day the
// scheme is known; it ran earlier, so earlier dates are undetermined (known_start).

#include <string>
#include <vector>

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/catalog/shandong/weihai_seed.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/age_by_year.hpp"
#include "eldercare/rules/conditions/programme.hpp"
#include "eldercare/rules/conditions/residency.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* rongcheng_lunch_id = "cn.shandong.rongcheng.rural_free_lunch";
/// The programme id of an elder registered with their village's 暖心食堂 (person::programmes).
inline constexpr const char* rongcheng_canteen_programme = "rongcheng.warm_canteen";

[[nodiscard]] inline std::vector<reading> rongcheng_lunch_readings() {
  return {
      {"rongcheng.age_reference",
       "Is 80周岁以上 tested on the day, or once a year?",
       {{"on_the_day", "on the day: from the 80th birthday"},
        {"by_january_1",
         "once a year: 80 by 1 January of the year (someone turning 80 in March starts next January)"},
        {"during_year", "by year of birth: from 1 January of the year in which the elder turns 80"}},
       "on_the_day",
       provenance::assumed,
       "The seed says 80周岁以上 with no yearly roll; 周岁 is reached on the birthday (art. 1259, "
       "DOMAIN.md B.1).",
       "DOMAIN.md open question 12"},
      {"rongcheng.hukou",
       "Must the elder also hold Rongcheng hukou, or is living in a Rongcheng village enough?",
       {{"not_required", "living in a Rongcheng village is enough"},
        {"rongcheng_hukou", "also Rongcheng hukou (371082)"}},
       "not_required",
       provenance::assumed,
       "A village canteen serves the village's elders; the seed names 农村老人 by where they live "
       "(DOMAIN.md B.1).",
       "DOMAIN.md B.1, open question 12"},
      {"rongcheng.canteen_coverage",
       "The canteens cover 65% of villages: must the elder's village have one (the elder registered with "
       "it), or is a canteen assumed for every rural 80+ elder?",
       {{"registered_only",
         "only elders registered with their village's canteen (programme rongcheng.warm_canteen)"},
        {"assumed_available", "assumed: every rural 80+ elder of Rongcheng can eat at a canteen"}},
       "registered_only",
       provenance::stated,
       "507 canteens cover 65% of the villages (覆盖全市65%的村居) and serve 1.5万 elders: an elder whose "
       "village "
       "has no canteen gets no lunch. The library has no list of those villages, so the elder's registration "
       "with their village's canteen stands for it. The published count disagrees with the calibration, not "
       "with this reading alone (docs/validation.md): 1.5万 served is more than the profile's rural 80+ "
       "elders of Rongcheng under either reading, so Rongcheng's rural elders (not found) are understated; "
       "the default stands on the seed's words.",
       "seed 001 (覆盖全市65%的村居); docs/validation.md",
       true,
       "共建成507家暖心食堂,覆盖全市65%的村居"},
  };
}

[[nodiscard]] inline catalog_entry rongcheng_rural_free_lunch() {
  catalog_entry e{
      .id = rongcheng_lunch_id,
      .title = "荣成市暖心食堂 农村80周岁以上老人免费午餐",
      .jurisdiction = "山东省荣成市 (371082)",
      .source = catalog_sources::seed_001,
      .summary = "Elders aged 80 and over who live in a Rongcheng village with a 暖心食堂 get a free lunch "
                 "there (507 "
                 "canteens covering 65% of villages in 2022; one lunch a day assumed). By default an elder "
                 "counts as "
                 "having a canteen when registered with it (programme rongcheng.warm_canteen).",
      .readings = {"rongcheng.age_reference", "rongcheng.hukou", "rongcheng.canteen_coverage", "age.reached",
                   "age.leap_day"},
      .examples =
          {"Born 1942-03-10, living in a Rongcheng village and registered with its canteen: 1 meal per day "
           "from 2022-03-10 (80th birthday); from 2023-01-01 under rongcheng.age_reference=by_january_1.",
           "The same elder not registered with a canteen: nothing by default; 1 meal per day under "
           "rongcheng.canteen_coverage=assumed_available.",
           "The same elder living in a Rongcheng town (urban residence): nothing.",
           "Any elder on 2021-05-10: undetermined (the canteens are known from 2021-05-11)."},
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    // The earliest report of the canteens running (DOMAIN.md E.3) is the version's start.
    const citation c =
        weihai_reported("荣成市暖心食堂", "坚持多样化农村养老模式 (信用+)", make_date(2021, 5, 11))
            .cite("为1.5万名80周岁以上农村老人提供免费午餐");
    const region_set rongcheng("荣成市", {regions::rongcheng});
    const auto ages = catalog_readings::ages(r);
    const std::string age_ref = r.get("rongcheng.age_reference");
    const bool hukou = r.is("rongcheng.hukou", "rongcheng_hukou");
    const bool registered = r.is("rongcheng.canteen_coverage", "registered_only");
    const int min_age = 80;

    std::vector<any_condition> parts{lives_rural(), lives_in(rongcheng)};
    if (age_ref == "by_january_1")
      parts.emplace_back(age_at_least_by_year(min_age, year_mark::january_1, ages));
    else if (age_ref == "during_year")
      parts.emplace_back(age_at_least_by_year(min_age, year_mark::december_31, ages));
    else
      parts.emplace_back(age_at_least(min_age, ages));
    if (hukou) parts.emplace_back(hukou_in(rongcheng));
    if (registered) parts.emplace_back(enrolled_in(rongcheng_canteen_programme, "a Rongcheng 暖心食堂"));

    parameter_list p = {
        stated("meal", "lunch, free").quote("提供免费午餐"),
        assumed("frequency", "1 meal per day",
                "the seed says 免费午餐 without a frequency; a canteen serves lunch daily"),
        stated("min_age", min_age, "includes 80, art. 1259").quote("80周岁以上"),
        stated("rural", "by residence (lives in a village)", "rural by residence (DOMAIN.md B.1)")
            .quote("农村老人"),
        stated("region", rongcheng).quote("以荣成市为例…暖心食堂"),
        assumed("age_reference", age_ref, "reading rongcheng.age_reference"),
        assumed("hukou", hukou ? "371082 required" : "not required", "reading rongcheng.hukou"),
        catalog_readings::reading_parameter(r, "rongcheng.canteen_coverage", "canteen"),
    };
    auto age_params = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
    p.insert(p.end(), age_params.begin(), age_params.end());
    const rule lunch{"free_lunch",
                     "a free lunch every day for rural elders aged 80+",
                     c,
                     any_condition::all(std::move(parts)),
                     meals_per_day(1),
                     p};
    return self
        .policy(
            version("2021", c)
                .start(
                    provenance::sourced,
                    "the earliest report of the canteens running (DOMAIN.md E.3: 363 canteens by May 2021, "
                    "modaily.cn 2021-05-11): the first day they are known; earlier dates are undetermined")
                .rules({lunch}))
        .known_from(
            make_date(2021, 5, 11),
            "363 canteens were already running by May 2021 (DOMAIN.md E.3); when the first opened is in no "
            "source");
  });
  return e;
}

} // namespace eldercare::catalog_entries
