#pragma once
// cn.beijing.xicheng.travel_stay — 旅居康养 bases for active elders (seed 000, announced for 2024):
// "既能有优惠又能有补贴" with no amounts or conditions. Catalogued so users see it, not computable.

#include "eldercare/catalog/catalog.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xicheng_travel_stay() {
  catalog_entry e;
  e.id = "cn.beijing.xicheng.travel_stay";
  e.title = "西城区异地旅居康养基地 (2024 pilot)";
  e.jurisdiction = "北京市西城区 (110102)";
  e.source = "seeds/000_c316a80b4f0fd0a0.txt";
  e.summary = "Xicheng will pilot 3 travel-stay (旅居康养) bases in 京津冀蒙 in 2024 for active elders, 'with discounts "
              "and subsidies'. The source gives no amounts, conditions or dates.";
  e.examples = {"Any person on any date: 'not computable: ...'."};
  e.build = [](const reading_context&) {
    return policy("cn.beijing.xicheng.travel_stay", "西城区异地旅居康养基地 (2024 pilot)", {}, computability::announced,
                  "the source (seed 000) announces 'discounts and subsidies' for short stays at 3 pilot bases in "
                  "京津冀蒙 but gives no amounts, eligibility conditions or effective dates");
  };
  return e;
}

} // namespace eldercare::catalog_entries
