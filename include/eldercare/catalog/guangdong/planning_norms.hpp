#pragma once
// cn.guangdong.planning_norms — the facility targets of the Guangdong city's plan (seed 003, 优化多元服务
// 功能,强化服务供给体系), quoted as the seed gives them (traditional characters, with the crawler's
// pinyin glosses):
//   "2020年底前在全市24個鎮(zhèn)(街道)設(shè)立居家養(yǎng)老綜合服務(wù)中心" — a comprehensive home-care
//   centre in each
//     of the city's 24 towns and streets by the end of 2020: towns with a centre ≥ 100% of the towns
//     (the area gives its town count; the city's is 24);
//   "配建不少于230個村(社區(qū))居家養(yǎng)老設(shè)施" — at least 230 village and community facilities;
//   "實(shí)現(xiàn)養(yǎng)老服務(wù)設(shè)施覆蓋100%的城市社區(qū)、90%農(nóng)村社區(qū)" — facilities in
//   100% of urban and 90% of
//     rural communities (shares rounded up: 11 rural communities need 10 covered).
// The notice's budget norm (≥ 70% of the welfare-lottery funds) is the visits entry's
// (cn.guangdong.special_hardship_visits), where it was catalogued first.

#include <vector>

#include "eldercare/catalog/guangdong/special_hardship_visits.hpp"
#include "eldercare/subjects/service_area.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry guangdong_planning_norms() {
  catalog_entry e{
      .id = "cn.guangdong.planning_norms",
      .title = "广东 (a city's plan, 2020): 镇街居家养老综合服务中心 and 村(社区)居家养老设施",
      .jurisdiction = "a city of 广东省 (440000) with 24 镇(街道), not named by the source",
      .source = catalog_sources::seed_003,
      .summary = "By the end of 2020 a comprehensive home-care centre in every town and street (the city has "
                 "24); at "
                 "least 230 village and community eldercare facilities; facilities covering 100% of urban "
                 "and 90% of "
                 "rural communities. Each norm gives the requirement for an area and the gap to its supply.",
      .subject = subject_kind::area,
      .examples =
          {"24 towns with 20 centres: 24 required, gap 4.",
           "200 village and community facilities: 230 required, gap 30.",
           "300 rural communities, 260 covered: 270 required (90%), gap 10; 150 urban communities all "
           "covered: met."},
  };
  e.build_norms = [](const reading_context&) {
    const cited_document notice = guangdong_notice();
    const std::string section = "优化多元服务功能,强化服务供给体系 (as reported, seed 003)";
    std::vector<planning_norm> out;
    planning_norm centres;
    centres.id = "town_centres";
    centres.title = "每个镇(街道)设立居家养老综合服务中心 (24 镇街, by the end of 2020)";
    centres.cite =
        notice.cite(section, "2020年底前在全市24個鎮(zhèn)(街道)設(shè)立居家養(yǎng)老綜合服務(wù)中心");
    centres.origin = provenance::stated;
    centres.actual_name = "towns_with_centre";
    centres.base_name = "towns";
    centres.numerator = 1;
    centres.denominator = 1;
    centres.actual = [](const service_area& a) { return a.towns_with_centre; };
    centres.base = [](const service_area& a) { return a.towns; };
    out.push_back(std::move(centres));

    planning_norm facilities;
    facilities.id = "community_facilities";
    facilities.title = "配建不少于230个村(社区)居家养老设施";
    facilities.cite = notice.cite(section, "配建不少于230個村(社區(qū))居家養(yǎng)老設(shè)施");
    facilities.origin = provenance::stated;
    facilities.actual_name = "community_facilities";
    facilities.base_name = "the stated target";
    facilities.numerator = 230;
    facilities.denominator = 1;
    facilities.actual = [](const service_area& a) { return a.community_facilities; };
    facilities.base = [](const service_area&) -> std::int64_t { return 1; };
    out.push_back(std::move(facilities));

    planning_norm urban;
    urban.id = "urban_coverage";
    urban.title = "养老服务设施覆盖100%的城市社区";
    urban.cite = notice.cite(section, "實(shí)現(xiàn)養(yǎng)老服務(wù)設(shè)施覆蓋100%的城市社區(qū)");
    urban.origin = provenance::stated;
    urban.actual_name = "urban_communities_covered";
    urban.base_name = "urban_communities";
    urban.numerator = 100;
    urban.denominator = 100;
    urban.actual = [](const service_area& a) { return a.urban_communities_covered; };
    urban.base = [](const service_area& a) { return a.urban_communities; };
    out.push_back(std::move(urban));

    planning_norm rural;
    rural.id = "rural_coverage";
    rural.title = "养老服务设施覆盖90%农村社区";
    rural.cite = notice.cite(section, "覆蓋100%的城市社區(qū)、90%農(nóng)村社區(qū)");
    rural.origin = provenance::stated;
    rural.actual_name = "rural_communities_covered";
    rural.base_name = "rural_communities";
    rural.numerator = 90;
    rural.denominator = 100;
    rural.actual = [](const service_area& a) { return a.rural_communities_covered; };
    rural.base = [](const service_area& a) { return a.rural_communities; };
    out.push_back(std::move(rural));
    return out;
  };
  return e;
}

} // namespace eldercare::catalog_entries
