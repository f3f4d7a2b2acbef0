#pragma once
// cn.shandong.weihai.platform_phone_subsidy — the phone-fee subsidy of Weihai's virtual eldercare
// platform (威海市养老服务中心 / 虚拟养老院, the 6012349 platform), seed 001.
//
// Seed 001: "对21万入网老年人按户免费赠送话机,并每月每户补贴10元话费" — elders enrolled on the
// platform get a free phone per household and 10 yuan of phone fees per household per month. The
// benefit is paid per household (payee::household): a household with two enrolled elders gets 10
// yuan, not 20. The seed names no condition beyond enrolment (入网); whether Weihai residence or
// hukou and an age are also required is open (DOMAIN.md E.3 found no policy text; open question 11):
// reading weihai.platform_conditions.

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
    // In force on the date of the report (its start is in no source).
    const citation c = weihai_reported("威海市养老服务中心 (虚拟养老院) 话费补贴 (政府购买服务)", "创新互联网+居家养老服务模式",
                                       make_date(2022, 10, 15))
                           .cite("对21万入网老年人按户免费赠送话机,并每月每户补贴10元话费");
    const region_set weihai("威海市", {regions::weihai});
    const std::string extra = r.get("weihai.platform_conditions");
    const enrolled_in enrolled(weihai_platform_programme,
                               "Weihai virtual eldercare platform (虚拟养老院, 6012349)");
    const any_condition who = [&]() -> any_condition {
      if (extra == "resident_60")
        return enrolled && lives_in(weihai) && age_at_least(60, catalog_readings::ages(r));
      if (extra == "hukou_60")
        return enrolled && hukou_in(weihai) && age_at_least(60, catalog_readings::ages(r));
      return enrolled;
    }();
    const auto amount = money_per_month(10_yuan);
    const payee paid_to = payee::household;
    parameter_list p = {
        stated("amount", parameter_text(amount) + " per household").quote("每月每户补贴10元话费"),
        stated("payee", paid_to, "按户 / 每户: once per household"),
        stated("programme", weihai_platform_programme, "enrolled on the 6012349 platform").quote("入网老年人"),
        assumed("extra_conditions", extra, "reading weihai.platform_conditions"),
    };
    if (extra != "enrolment_only") {
      auto ages = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
      p.insert(p.end(), ages.begin(), ages.end());
    }
    const rule phone{"phone_fee",
                     "10 yuan of phone fees a month per household of enrolled elders",
                     c,
                     who,
                     amount,
                     p};
    return self.policy(version("2022", c)
                           .start(provenance::assumed,
                                  "the date of seed 001, which reports the subsidy as running; its start is in no "
                                  "source (the platform has run for about ten years)")
                           .paid_to(paid_to)
                           .rules({phone}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
