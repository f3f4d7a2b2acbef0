#pragma once
// cn.shaanxi.xian.planning_norms — Xi'an's facility layout rule (seed 004, 扩大公共服务覆盖):
//   "按照“一社区一站点、一镇街一中心、一区县一院”要求,加快设施建设和薄弱机构改造"
// one station per (urban) community, one centre per town or street, one eldercare home per district or
// county. Each is a coverage norm: units with the facility ≥ 100% of the units. The seed's counts at
// the time (社区养老服务站1055个, 镇街综合养老服务中心83个, 养老院143个) are supply, not norms.

#include <vector>

#include "eldercare/catalog/shaanxi/xian_common.hpp"
#include "eldercare/subjects/service_area.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xian_planning_norms() {
  catalog_entry e{
      .id = "cn.shaanxi.xian.planning_norms",
      .title = "西安市养老服务设施布局: 一社区一站点、一镇街一中心、一区县一院",
      .jurisdiction = xian_jurisdiction,
      .source = catalog_sources::seed_004,
      .summary =
          "An eldercare station in every community, a comprehensive centre in every town or street, and an "
          "eldercare home in every district or county. Each norm gives the units still without one.",
      .subject = subject_kind::area,
      .examples = {"Xi'an's 83 town centres (seed) against, say, 180 towns and streets: gap 97.",
                   "13 districts and counties with a home each: met."},
  };
  e.build_norms = [](const reading_context&) {
    const cited_document article = xian_detail::article();
    const std::string section = "para. 2 (坚持“四维共建”, 扩大公共服务覆盖)";
    auto norm = [&](const char* id, const char* title, const char* words, const char* actual,
                    const char* base, std::int64_t (*of_actual)(const service_area&),
                    std::int64_t (*of_base)(const service_area&)) {
      planning_norm n;
      n.id = id;
      n.title = title;
      n.cite = article.cite(section, words);
      n.origin = provenance::stated;
      n.actual_name = actual;
      n.base_name = base;
      n.numerator = 1;
      n.denominator = 1;
      n.actual = of_actual;
      n.base = of_base;
      return n;
    };
    return std::vector<planning_norm>{
        norm(
            "station_per_community", "一社区一站点 (a station in every community)", "一社区一站点",
            "urban_communities_covered", "urban_communities",
            [](const service_area& a) { return a.urban_communities_covered; },
            [](const service_area& a) { return a.urban_communities; }),
        norm(
            "centre_per_town", "一镇街一中心 (a centre in every town or street)", "一镇街一中心",
            "towns_with_centre", "towns", [](const service_area& a) { return a.towns_with_centre; },
            [](const service_area& a) { return a.towns; }),
        norm(
            "home_per_county", "一区县一院 (an eldercare home in every district or county)", "一区县一院",
            "counties_with_home", "counties", [](const service_area& a) { return a.counties_with_home; },
            [](const service_area& a) { return a.counties; }),
    };
  };
  return e;
}

} // namespace eldercare::catalog_entries
