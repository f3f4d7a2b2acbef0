#pragma once
// The standard catalog: every entry of POLICIES.md, the readings they depend on, and the declared
// stacking between them. Built once, on first use.

#include "eldercare/catalog/beijing/elderly_allowances.hpp"
#include "eldercare/catalog/beijing/xicheng_cross_region_care.hpp"
#include "eldercare/catalog/beijing/xicheng_travel_stay.hpp"
#include "eldercare/catalog/catalog.hpp"
#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/national/disabled_two_subsidies.hpp"
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
                 {{"stack", "both are paid"}, {"choose_higher", "only the higher is paid"},
                  {"exclusive_choice", "the elder chooses one"}},
                 "stack", provenance::assumed,
                 "Different purposes (a residence subsidy vs allowances); no source restricts them.",
                 "DOMAIN.md open question 8"});
  // catalog-readings (one line per seed; keep sorted)

  c.add(catalog_entries::xicheng_cross_region_care());
  c.add(catalog_entries::xicheng_travel_stay());
  c.add(catalog_entries::beijing_hardship_allowance());
  c.add(catalog_entries::beijing_disability_care_allowance());
  c.add(catalog_entries::beijing_advanced_age_allowance());
  c.add(catalog_entries::beijing_elderly_allowances());
  c.add(catalog_entries::disabled_two_subsidies());
  // catalog-entries (one block per seed)

  const citation beijing_rules{"北京市 非重复享受规定 (as summarised in DOMAIN.md D.1)", "", "不得同时享受…二选一", "DOMAIN.md D.1 (laihamady.com)",
                               std::nullopt, std::nullopt};
  c.declare_stacking({"cn.beijing.elderly_allowances.hardship", "cn.national.disabled_two_subsidies",
                      stacking_mode::exclusive_choice, beijing_rules, provenance::sourced});
  c.declare_stacking({"cn.beijing.elderly_allowances.disability_care", "cn.national.disabled_two_subsidies",
                      stacking_mode::exclusive_choice, beijing_rules, provenance::sourced});
  c.declare_stacking({"cn.beijing.elderly_allowances.advanced_age", "cn.national.disabled_two_subsidies",
                      stacking_mode::stack, beijing_rules, provenance::sourced});
  for (const char* allowance : {"cn.beijing.elderly_allowances.hardship", "cn.beijing.elderly_allowances.disability_care",
                                "cn.beijing.elderly_allowances.advanced_age"})
    c.declare_stacking({"cn.beijing.xicheng.cross_region_care", allowance, stacking_mode::stack, citation{}, provenance::assumed},
                       "xicheng.stacking_with_beijing_allowances");
  // catalog-stacking (one block per seed)
  return c;
}
} // namespace detail

/// The catalog of every policy in POLICIES.md.
[[nodiscard]] inline const catalog& standard_catalog() {
  static const catalog c = detail::make_standard_catalog();
  return c;
}

} // namespace eldercare
