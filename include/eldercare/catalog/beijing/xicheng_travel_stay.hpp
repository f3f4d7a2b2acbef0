#pragma once
// cn.beijing.xicheng.travel_stay — 旅居康养 bases for active elders (seed 000, announced for 2024):
// "既能有优惠又能有补贴" with no amounts or conditions. Catalogued so users see it, not computable.

#include "eldercare/catalog/entry_builder.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xicheng_travel_stay() {
  catalog_entry e{
      .id = "cn.beijing.xicheng.travel_stay",
      .title = "西城区异地旅居康养基地 (2024 pilot)",
      .jurisdiction = "北京市西城区 (110102)",
      .source = catalog_sources::seed_000,
      .summary = "Xicheng will pilot 3 travel-stay (旅居康养) bases in 京津冀蒙 in 2024 for active elders, "
                 "'with discounts "
                 "and subsidies'. The source gives no amounts, conditions or dates.",
      .examples = {"Any person on any date: 'not computable: ...'."},
  };
  e.build = entry_policy(e, [](const reading_context&, const policy_head& self) {
    return self.announced(
        "the source (seed 000) announces 'discounts and subsidies' for short stays at 3 pilot bases in "
        "京津冀蒙 but gives no amounts, eligibility conditions or effective dates");
  });
  return e;
}

} // namespace eldercare::catalog_entries
