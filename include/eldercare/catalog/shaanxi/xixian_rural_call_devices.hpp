#pragma once
// cn.shaanxi.xixian.rural_call_devices — call devices (呼叫器) for rural households of 西咸新区 (seed 002,
// 《西咸新区关于推进养老服务发展的实施方案》, part 一, 智慧养老):
//   "鼓励智慧养老服务向农村延伸,为农村独居、空巢、高龄、失能老人家庭安装呼叫器"
// A grant in kind, once per household (家庭): a household in a village of the new area with an elder
// who lives alone (独居), is empty-nest (空巢), of advanced age (高龄) or disabled (失能). 高龄 and 失能
// are read as for the new area's other entries (readings xixian.advanced_age, xixian.disabled_level);
// 老人 as 60+ (xixian.min_age). The plan "encourages" (鼓励) the service: the entry states what it
// would give, not that every such household has had one.

#include "eldercare/catalog/shaanxi/xixian_readings.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xixian_rural_call_devices() {
  catalog_entry e{
      .id = "cn.shaanxi.xixian.rural_call_devices",
      .title = "西咸新区农村独居、空巢、高龄、失能老人家庭安装呼叫器",
      .jurisdiction = xixian_jurisdiction,
      .source = catalog_sources::seed_002,
      .summary =
          "A call device (呼叫器) installed once per rural household of the new area with an elder who lives "
          "alone, is empty-nest, of advanced age or disabled (智慧养老 extended to villages).",
      .subject = subject_kind::household,
      .readings = {"xixian.membership", "xixian.extra_towns", "xixian.min_age", "xixian.advanced_age",
                   "xixian.disabled_level", "age.reached", "age.leap_day"},
      .examples = {"A household in a village of 周陵街道 (610404008) with a 72-year-old who lives alone: 1 "
                   "device once.",
                   "The same household living in a town (not rural): nothing."},
  };
  e.build = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    const citation c = detail::xixian_plan().cite("一、积极推进智慧养老服务平台建设",
                                                  "为农村独居、空巢、高龄、失能老人家庭安装呼叫器");
    const ability_level disabled = detail::xixian_level(r, "xixian.disabled_level");
    const any_condition groups = any_condition::any({
        in_category(category::living_alone),                                   // 独居
        in_category(category_set{category::kongchao, category::living_alone}), // 空巢 (独居 is its subset)
        detail::xixian_advanced_age(r),                                        // 高龄
        ability_at_least(disabled),                                            // 失能
    });
    const auto device = devices_once(1);
    const payee paid_to = payee::household;
    parameter_list p = {
        stated("grant", parameter_text(device) + " (a call device, 呼叫器) per household")
            .quote("老人家庭安装呼叫器"),
        stated("payee", paid_to, "家庭: once per household").quote("老人家庭"),
        stated("rural", "by residence (the household lives in a village)",
               "农村 by where the elder lives (DOMAIN.md B.1)")
            .quote("为农村独居、空巢、高龄、失能老人"),
        stated("groups", "独居, 空巢, 高龄, 失能").quote("独居、空巢、高龄、失能老人"),
        sourced("area", detail::xixian_area(r),
                "DOMAIN.md B.2: the member towns of 西咸新区 (older list [C]) matched to NBS township codes"),
        catalog_readings::reading_parameter(r, "xixian.membership", "membership"),
        catalog_readings::reading_parameter(r, "xixian.min_age", "min_age"),
        catalog_readings::reading_parameter(r, "xixian.advanced_age", "advanced_age_from"),
        catalog_readings::reading_parameter(r, "xixian.disabled_level", "disabled_from_level"),
    };
    const auto ages = catalog_readings::reading_parameters(r, catalog_readings::age_reading_names);
    p.insert(p.end(), ages.begin(), ages.end());
    const rule install{
        "call_device",
        "a call device for a rural household with an elder who lives alone, is empty-nest, of advanced "
        "age or disabled",
        c,
        any_condition::all({detail::xixian_member(r), lives_rural{}, detail::xixian_elder_age(r), groups}),
        device,
        std::move(p)};
    return self.policy(detail::xixian_version(c).paid_to(paid_to).rules({install}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
