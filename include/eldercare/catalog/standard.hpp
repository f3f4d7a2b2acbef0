#pragma once
// The standard catalog: every entry of POLICIES.md, the readings they depend on, and the declared
// stacking between them. Built once, on first use.
//
// Header-only by default: including this header defines standard_catalog() inline, and every
// translation unit that calls it compiles every entry (about 20 s each). A project that calls it from
// many translation units can compile the catalog once instead, as fmt compiles format.cc once: define
// ELDERCARE_SEPARATE_CATALOG for all of them, and compile eldercare/catalog/standard.cpp once and link
// it (eldercare's own tests, examples and Python module do this: CMake option
// ELDERCARE_SEPARATE_CATALOG). With the macro this header only declares standard_catalog().

#include "eldercare/catalog/catalog.hpp"

#if defined(ELDERCARE_SEPARATE_CATALOG) && !defined(ELDERCARE_DEFINE_STANDARD_CATALOG)
namespace eldercare {
/// The catalog of every policy in POLICIES.md (defined in eldercare/catalog/standard.cpp).
[[nodiscard]] const catalog& standard_catalog();
} // namespace eldercare
#else
#if defined(ELDERCARE_DEFINE_STANDARD_CATALOG)
#define ELDERCARE_STANDARD_CATALOG_LINKAGE // the one definition, in standard.cpp
#else
#define ELDERCARE_STANDARD_CATALOG_LINKAGE inline
#endif

#include "eldercare/catalog/beijing/elderly_allowances.hpp"
#include "eldercare/catalog/beijing/xicheng_cross_region_care.hpp"
#include "eldercare/catalog/beijing/xicheng_planning_norms.hpp"
#include "eldercare/catalog/beijing/xicheng_travel_stay.hpp"
#include "eldercare/catalog/beijing/xicheng_workforce.hpp"
#include "eldercare/catalog/catalog.hpp"
#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/guangdong/planning_norms.hpp"
#include "eldercare/catalog/guangdong/special_hardship_visits.hpp"
#include "eldercare/catalog/national/disabled_two_subsidies.hpp"
#include "eldercare/catalog/shaanxi/xian_advanced_age_allowance.hpp"
#include "eldercare/catalog/shaanxi/xian_hardship_subsidies.hpp"
#include "eldercare/catalog/shaanxi/xian_planning_norms.hpp"
#include "eldercare/catalog/shaanxi/xian_public_home_waitlist.hpp"
#include "eldercare/catalog/shaanxi/xixian_difficult_elder_subsidy.hpp"
#include "eldercare/catalog/shaanxi/xixian_pension_premium_waiver.hpp"
#include "eldercare/catalog/shaanxi/xixian_planning_norms.hpp"
#include "eldercare/catalog/shaanxi/xixian_rural_call_devices.hpp"
#include "eldercare/catalog/shaanxi/xixian_rural_center_admission.hpp"
#include "eldercare/catalog/shandong/rongcheng_rural_free_lunch.hpp"
#include "eldercare/catalog/shandong/weihai_caregiver_post_subsidy.hpp"
#include "eldercare/catalog/shandong/weihai_home_care_purchase.hpp"
#include "eldercare/catalog/shandong/weihai_planning_norms.hpp"
#include "eldercare/catalog/shandong/weihai_platform_phone_subsidy.hpp"
// catalog-includes (one line per seed header; keep sorted)

namespace eldercare {

namespace detail {
inline catalog make_standard_catalog() {
  catalog c;
  for (auto& r : catalog_readings::common()) c.add_reading(std::move(r));
  for (auto& r : catalog_entries::xicheng_cross_region_readings()) c.add_reading(std::move(r));
  for (auto& r : catalog_entries::beijing_allowances_readings()) c.add_reading(std::move(r));
  for (auto& r : catalog_entries::two_subsidies_readings()) c.add_reading(std::move(r));
  c.add_reading({"xicheng.stacking_with_beijing_allowances",
                 "Can Xicheng's 600/200 be combined with Beijing's allowances (高龄, 困难, 失能)?",
                 {{"stack", "both are paid"},
                  {"choose_higher", "only the higher is paid"},
                  {"exclusive_choice", "the elder chooses one"}},
                 "stack",
                 provenance::assumed,
                 "Different purposes (a residence subsidy vs allowances); no source restricts them.",
                 "DOMAIN.md open question 8"});
  for (auto& r : catalog_entries::guangdong_visits_readings()) c.add_reading(std::move(r));
  for (auto& r : catalog_entries::xixian_readings()) c.add_reading(std::move(r));
  for (auto& r : catalog_entries::weihai_home_care_readings()) c.add_reading(std::move(r)); // seed 001
  for (auto& r : catalog_entries::weihai_platform_readings()) c.add_reading(std::move(r));
  for (auto& r : catalog_entries::weihai_caregiver_readings()) c.add_reading(std::move(r));
  for (auto& r : catalog_entries::rongcheng_lunch_readings()) c.add_reading(std::move(r));
  for (auto& r : catalog_entries::xicheng_talent_readings())
    c.add_reading(std::move(r));                                                // seed 000 workforce
  for (auto& r : catalog_entries::xian_readings()) c.add_reading(std::move(r)); // seed 004
  // catalog-readings (one line per seed; keep sorted)

  c.add(catalog_entries::xicheng_cross_region_care());
  c.add(catalog_entries::xicheng_travel_stay());
  c.add(catalog_entries::beijing_hardship_allowance());
  c.add(catalog_entries::beijing_disability_care_allowance());
  c.add(catalog_entries::beijing_advanced_age_allowance());
  c.add(catalog_entries::beijing_elderly_allowances());
  c.add(catalog_entries::disabled_two_subsidies());
  c.add(catalog_entries::xixian_rural_center_admission()); // seed 002
  c.add(catalog_entries::xixian_difficult_elder_subsidy());
  c.add(catalog_entries::xixian_pension_premium_waiver());
  c.add(catalog_entries::xixian_planning_norms());
  c.add(catalog_entries::xixian_rural_call_devices());
  c.add(catalog_entries::guangdong_special_hardship_visits()); // seed 003
  c.add(catalog_entries::guangdong_planning_norms());
  c.add(catalog_entries::weihai_home_care_purchase()); // seed 001
  c.add(catalog_entries::weihai_platform_phone_subsidy());
  c.add(catalog_entries::weihai_platform_free_phone());
  c.add(catalog_entries::weihai_caregiver_post_subsidy());
  c.add(catalog_entries::weihai_planning_norms());
  c.add(catalog_entries::rongcheng_rural_free_lunch());
  c.add(catalog_entries::xicheng_high_skill_talent_hiring()); // seed 000 workforce and norms
  c.add(catalog_entries::xicheng_high_skill_talent_wage_growth());
  c.add(catalog_entries::xicheng_high_skill_talent());
  c.add(catalog_entries::xicheng_high_skill_talent_competition());
  c.add(catalog_entries::xicheng_planning_norms());
  c.add(catalog_entries::xian_disabled_care_subsidy()); // seed 004
  c.add(catalog_entries::xian_rural_living_allowance());
  c.add(catalog_entries::xian_accident_insurance());
  c.add(catalog_entries::xian_advanced_age_allowance());
  c.add(catalog_entries::xian_public_home_waitlist());
  c.add(catalog_entries::xian_planning_norms());
  // catalog-entries (one block per seed)

  const citation beijing_rules{"北京市 非重复享受规定 (as summarised in DOMAIN.md D.1)",
                               "",
                               "不得同时享受…二选一",
                               "DOMAIN.md D.1 (laihamady.com)",
                               std::nullopt,
                               std::nullopt};
  c.declare_stacking({"cn.beijing.elderly_allowances.hardship", "cn.national.disabled_two_subsidies",
                      stacking_mode::exclusive_choice, beijing_rules, provenance::sourced});
  c.declare_stacking({"cn.beijing.elderly_allowances.disability_care", "cn.national.disabled_two_subsidies",
                      stacking_mode::exclusive_choice, beijing_rules, provenance::sourced});
  c.declare_stacking({"cn.beijing.elderly_allowances.advanced_age", "cn.national.disabled_two_subsidies",
                      stacking_mode::stack, beijing_rules, provenance::sourced});
  for (const char* allowance :
       {"cn.beijing.elderly_allowances.hardship", "cn.beijing.elderly_allowances.disability_care",
        "cn.beijing.elderly_allowances.advanced_age"})
    c.declare_stacking({"cn.beijing.xicheng.cross_region_care", allowance, stacking_mode::stack, citation{},
                        provenance::assumed},
                       "xicheng.stacking_with_beijing_allowances");
  // seed 002: 加强与残疾人两项补贴政策衔接 — national rule 择高申领 (DOMAIN.md D.1), per reading
  // xixian.coordination.
  c.declare_stacking(
      {"cn.shaanxi.xixian.difficult_elder_subsidy", "cn.national.disabled_two_subsidies",
       stacking_mode::choose_higher,
       citation{"《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》 (国发〔2015〕52号)",
                "衔接", "择高申领其中一类", "DOMAIN.md D.1", make_date(2016, 1, 1), std::nullopt},
       provenance::sourced},
      "xixian.coordination");
  // seed 004: Xi'an's 护理补贴 for 失能 elders and the 重度残疾人护理补贴 — national 衔接 rule 择高申领
  // (DOMAIN.md D.1).
  c.declare_stacking(
      {"cn.shaanxi.xian.disabled_care_subsidy", "cn.national.disabled_two_subsidies",
       stacking_mode::choose_higher,
       citation{"《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》 (国发〔2015〕52号)",
                "衔接", "择高申领其中一类", "DOMAIN.md D.1", make_date(2016, 1, 1), std::nullopt},
       provenance::sourced});
  // catalog-stacking (one block per seed)
  return c;
}
} // namespace detail

/// The catalog of every policy in POLICIES.md.
[[nodiscard]] ELDERCARE_STANDARD_CATALOG_LINKAGE const catalog& standard_catalog() {
  static const catalog c = detail::make_standard_catalog();
  return c;
}

} // namespace eldercare
#undef ELDERCARE_STANDARD_CATALOG_LINKAGE
#endif
