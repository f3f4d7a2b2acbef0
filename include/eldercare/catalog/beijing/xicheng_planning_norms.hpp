#pragma once
// cn.beijing.xicheng.planning_norms — Xicheng's 2024 capacity norms (seed 000, 北京青年报 2024-01-12):
//   "按每千名常住老人建1家助餐点的标准,累计建成不少于320家“父母食堂”"
//   "实现每万名老人拥有护理人员不少于100人"
// Norms over a service area's aggregates (subjects/service_area.hpp), each giving the requirement
// and the gap for the current supply. Requirements round up (planning_norm: "每千名…1家" for 1,001
// elders asks for 2 points). The seed also states the supply at the end of 2023: 296 助餐点 (上线养老
// 助餐点296家); the resident-elder count and the care-worker count are not in it.

#include <vector>

#include "eldercare/catalog/entry_builder.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xicheng_planning_norms() {
  catalog_entry e{
      .id = "cn.beijing.xicheng.planning_norms",
      .title = "西城区养老服务设施与人才配置标准 (2024)",
      .jurisdiction = "北京市西城区 (110102)",
      .source = catalog_sources::seed_000,
      .summary =
          "One meal point (助餐点 / 父母食堂) per 1,000 resident elders, and at least 320 父母食堂 in all by "
          "the end "
          "of 2024; at least 100 care workers (护理人员) per 10,000 elders. Each norm gives the requirement "
          "for an "
          "area's population and the gap to its current supply. Care workers are counted against the area's "
          "resident elders (the seed says 每万名老人 without 常住; the area has one elder count).",
      .subject = subject_kind::area,
      .examples =
          {
              "Xicheng with 296 meal points (seed: 上线养老助餐点296家): the 320-point target leaves a gap "
              "of 24.",
              "An area of 320,000 resident elders needs 320 meal points and 3,200 care workers.",
          },
  };
  e.build_norms = [](const reading_context&) {
    const cited_document briefing{.document = "西城区2024年“两会”新闻发布会 (北京青年报 2024-01-12)",
                                  .source = catalog_sources::seed_000,
                                  .effective_from = make_date(2024, 1, 1)};
    const citation meals = briefing.cite("织密“父母食堂”网点布局", "按每千名常住老人建1家助餐点的标准");
    const citation target = briefing.cite("织密“父母食堂”网点布局", "累计建成不少于320家“父母食堂”");
    const citation workers = briefing.cite("人才储备", "实现每万名老人拥有护理人员不少于100人");
    planning_norm per_thousand{"meal_points_per_1000_elders",
                               "one meal point per 1,000 resident elders",
                               meals,
                               provenance::stated,
                               "meal_points",
                               "resident_elders",
                               1,
                               1000,
                               [](const service_area& a) { return a.meal_points; },
                               [](const service_area& a) { return a.resident_elders; }};
    planning_norm total{"meal_points_target_2024",
                        "at least 320 父母食堂 in Xicheng (2024 target)",
                        target,
                        provenance::stated,
                        "meal_points",
                        "the stated target",
                        320,
                        1,
                        [](const service_area& a) { return a.meal_points; },
                        [](const service_area&) -> std::int64_t { return 1; }};
    planning_norm care{"care_workers_per_10000_elders",
                       "at least 100 care workers per 10,000 elders",
                       workers,
                       provenance::stated,
                       "care_workers",
                       "resident_elders",
                       100,
                       10000,
                       [](const service_area& a) { return a.care_workers; },
                       [](const service_area& a) { return a.resident_elders; }};
    return std::vector<planning_norm>{per_thousand, total, care};
  };
  return e;
}

} // namespace eldercare::catalog_entries
