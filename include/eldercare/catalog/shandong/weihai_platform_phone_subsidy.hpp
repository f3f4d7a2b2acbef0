#pragma once
// cn.shandong.weihai.platform_phone_subsidy and cn.shandong.weihai.platform_free_phone — what Weihai's
// virtual eldercare platform (威海市养老服务中心 / 虚拟养老院, the 6012349 platform) gives the
// households of enrolled elders, seed 001.
//
// Seed 001: "对21万入网老年人按户免费赠送话机,并每月每户补贴10元话费" — elders enrolled on the
// platform get a free phone per household (an in-kind grant, once: platform_free_phone) and 10 yuan of
// phone fees per household per month (platform_phone_subsidy). Both are paid per household
// (payee::household): a household with two enrolled elders gets one phone and 10 yuan, not two and
// 20. The seed names no condition beyond enrolment (入网); whether Weihai residence or hukou and an age
// are also required is open (DOMAIN.md E.3 found no policy text; open question 11): reading
// weihai.platform_conditions.
//
// Dates: the report (2022-10-15) is the first day both are known in force; the platform has run
// "十年来" by then, so earlier dates are undetermined, not "not in force" (known_start).

#include <string>
#include <vector>

#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/catalog/shandong/weihai_seed.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/programme.hpp"
#include "eldercare/rules/conditions/residency.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* weihai_platform_id = "cn.shandong.weihai.platform_phone_subsidy";
/// The programme id a person carries when enrolled on the platform (person::programmes).
inline constexpr const char* weihai_platform_programme = "weihai.virtual_platform";

[[nodiscard]] inline std::vector<reading> weihai_platform_readings() {
  return {
      {"weihai.platform_conditions",
       "Besides enrolment on the virtual eldercare platform (入网), must the elder live in Weihai or hold "
       "Weihai hukou, and be 60+?",
       {{"enrolment_only", "enrolment is the only test (the platform screens who joins)"},
        {"resident_60", "also lives in Weihai (371000) and is 60 周岁 or over"},
        {"hukou_60", "also holds Weihai hukou (371000) and is 60 周岁 or over"}},
       "enrolment_only",
       provenance::assumed,
       "The seed gives the subsidy to 入网老年人 with no other condition, and no policy text was found "
       "(DOMAIN.md E.3); enrolment on a municipal elders' platform already implies a Weihai elder.",
       "DOMAIN.md E.3, open question 11"},
  };
}

namespace detail {
/// The report's sentence, as both platform entries cite it.
[[nodiscard]] inline citation weihai_platform_citation(const char* document) {
  return weihai_reported(document, "创新互联网+居家养老服务模式", make_date(2022, 10, 15))
      .cite("对21万入网老年人按户免费赠送话机,并每月每户补贴10元话费");
}

/// Why dates before the report are undetermined.
inline constexpr const char* weihai_platform_earlier =
    "the platform had run 十年来 (for about ten years) by the report of 2022-10-15 (seed 001); when the "
    "phones and "
    "the fee subsidy began is in no source";

/// An enrolled elder, with the extra conditions of reading weihai.platform_conditions.
[[nodiscard]] inline any_condition weihai_platform_member(const reading_context& r) {
  const region_set weihai("威海市", {regions::weihai});
  const std::string extra = r.get("weihai.platform_conditions");
  const enrolled_in enrolled(weihai_platform_programme,
                             "Weihai virtual eldercare platform (虚拟养老院, 6012349)");
  if (extra == "resident_60")
    return enrolled && lives_in(weihai) && age_at_least(60, catalog_readings::ages(r));
  if (extra == "hukou_60") return enrolled && hukou_in(weihai) && age_at_least(60, catalog_readings::ages(r));
  return enrolled;
}

/// The parameters both entries share: the enrolment and the extra conditions.
[[nodiscard]] inline parameter_list weihai_platform_parameters(const reading_context& r) {
  const std::string extra = r.get("weihai.platform_conditions");
  parameter_list p = {
      stated("programme", weihai_platform_programme, "enrolled on the 6012349 platform").quote("入网老年人"),
      assumed("extra_conditions", extra, "reading weihai.platform_conditions"),
  };
  if (extra != "enrolment_only") {
    auto ages = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
    p.insert(p.end(), ages.begin(), ages.end());
  }
  return p;
}
} // namespace detail

[[nodiscard]] inline catalog_entry weihai_platform_phone_subsidy() {
  catalog_entry e{
      .id = weihai_platform_id,
      .title = "威海市虚拟养老院入网老年人话费补贴",
      .jurisdiction = weihai_jurisdiction,
      .source = catalog_sources::seed_001,
      .summary =
          "Households of elders enrolled on Weihai's virtual eldercare platform (虚拟养老院, 6012349) get a "
          "free phone and 10 yuan of phone fees a month — once per household, however many members are "
          "enrolled.",
      .subject = subject_kind::household,
      .readings = {"weihai.platform_conditions", "age.reached", "age.leap_day"},
      .examples = {"A household of two enrolled elders: 10.00 yuan per month (once per household).",
                   "A household whose members are not enrolled: nothing."},
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    const citation c =
        detail::weihai_platform_citation("威海市养老服务中心 (虚拟养老院) 话费补贴 (政府购买服务)");
    const auto amount = money_per_month(10_yuan);
    const payee paid_to = payee::household;
    parameter_list p = {
        stated("amount", parameter_text(amount) + " per household").quote("每月每户补贴10元话费"),
        stated("payee", paid_to, "每户: once per household").quote("每月每户"),
    };
    for (auto& q : detail::weihai_platform_parameters(r)) p.push_back(std::move(q));
    const rule phone{"phone_fee", "10 yuan of phone fees a month per household of enrolled elders",
                     c,           detail::weihai_platform_member(r),
                     amount,      p};
    return self
        .policy(version("2022", c)
                    .start(provenance::assumed,
                           "the date of seed 001, which reports the subsidy as running: the first day it is "
                           "known in "
                           "force (earlier dates are undetermined, not assumed out of force)")
                    .paid_to(paid_to)
                    .rules({phone}))
        .known_from(make_date(2022, 10, 15), detail::weihai_platform_earlier);
  });
  return e;
}

[[nodiscard]] inline catalog_entry weihai_platform_free_phone() {
  catalog_entry e{
      .id = "cn.shandong.weihai.platform_free_phone",
      .title = "威海市虚拟养老院入网老年人免费赠送话机",
      .jurisdiction = weihai_jurisdiction,
      .source = catalog_sources::seed_001,
      .summary =
          "Households of elders enrolled on Weihai's virtual eldercare platform (虚拟养老院, 6012349) get a "
          "phone (话机) free, once per household: a grant in kind, delivered in the first month the "
          "household "
          "qualifies.",
      .subject = subject_kind::household,
      .readings = {"weihai.platform_conditions", "age.reached", "age.leap_day"},
      .examples = {"A household of two enrolled elders: 1 device once (one phone for the household).",
                   "The same household on 2022-10-14: undetermined (the scheme is known from 2022-10-15)."},
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c =
        detail::weihai_platform_citation("威海市养老服务中心 (虚拟养老院) 免费赠送话机 (政府购买服务)");
    const auto phone = devices_once(1);
    const payee paid_to = payee::household;
    parameter_list p = {
        stated("grant", parameter_text(phone) + " (a phone, 话机) per household").quote("按户免费赠送话机"),
        stated("payee", paid_to, "按户: once per household").quote("按户"),
    };
    for (auto& q : detail::weihai_platform_parameters(r)) p.push_back(std::move(q));
    const rule free_phone{"free_phone",
                          "a free phone for each household of enrolled elders",
                          c,
                          detail::weihai_platform_member(r),
                          phone,
                          p};
    return self
        .policy(
            version("2022", c)
                .start(provenance::assumed,
                       "the date of seed 001, which reports phones being given: the first day it is known in "
                       "force (earlier dates are undetermined)")
                .paid_to(paid_to)
                .rules({free_phone}))
        .known_from(make_date(2022, 10, 15), detail::weihai_platform_earlier);
  });
  return e;
}

} // namespace eldercare::catalog_entries
