#pragma once
// A service area (a district, a new area) described by aggregates, the subject of planning norms:
// "one meal point per 1,000 resident elders", "nursing beds ≥ 50% of institution beds".

#include <cstdint>
#include <functional> // planning_norm's accessors
#include <string>

#include "eldercare/money/money.hpp"
#include "eldercare/region/region_code.hpp"
#include "eldercare/rules/citation.hpp"
#include "eldercare/rules/parameter.hpp"

namespace eldercare {

struct service_area {
  std::string id;
  region_code region;
  std::int64_t resident_elders = 0;     ///< 常住老年人 (60+)
  std::int64_t meal_points = 0;         ///< 助餐点 / 父母食堂
  std::int64_t care_workers = 0;        ///< 养老护理员
  std::int64_t institution_beds = 0;    ///< beds in eldercare institutions
  std::int64_t nursing_beds = 0;        ///< of which nursing-type (护理型) beds
  money welfare_lottery_funds = {};     ///< 福彩公益金 available to civil affairs
  money welfare_lottery_eldercare = {}; ///< of which spent on eldercare
  std::int64_t towns = 0;               ///< township-level units (镇街: towns and street offices)
  std::int64_t towns_with_centre = 0; ///< of which with a comprehensive eldercare centre (综合养老服务中心)
  std::int64_t counties = 0;          ///< county-level units (区县)
  std::int64_t counties_with_home = 0;        ///< of which with an eldercare home (养老院 / 敬老院)
  std::int64_t urban_communities = 0;         ///< urban communities (城市社区: residents' committees)
  std::int64_t urban_communities_covered = 0; ///< of which with an eldercare facility (站点)
  std::int64_t rural_communities = 0;         ///< rural communities (农村社区: villages)
  std::int64_t rural_communities_covered = 0; ///< of which with an eldercare facility
  std::int64_t community_facilities =
      0; ///< village and community eldercare facilities (村(社区)居家养老设施)
};

/// The outcome of a planning norm for an area.
struct norm_result {
  std::string norm_id;
  std::int64_t required = 0; ///< what the norm asks for (in the norm's unit: points, workers, beds, fen)
  std::int64_t actual = 0;
  std::int64_t gap = 0; ///< required − actual when positive, else 0
  bool met = false;
  std::string explanation;
};

/// A capacity or budget norm: `actual(area)` must reach `numerator / denominator` of `base(area)`,
/// rounded up ("每千名老人1家": numerator 1, denominator 1000; "不低于50%": 50 / 100).
struct planning_norm {
  std::string id;
  std::string title;
  citation cite;
  provenance origin = provenance::stated;
  std::string actual_name; ///< e.g. "meal_points"
  std::string base_name;   ///< e.g. "resident_elders"
  std::int64_t numerator = 1;
  std::int64_t denominator = 1;
  std::function<std::int64_t(const service_area&)> actual;
  std::function<std::int64_t(const service_area&)> base;

  [[nodiscard]] norm_result assess(const service_area& a) const {
    norm_result r;
    r.norm_id = id;
    const std::int64_t b = base(a);
    // ceil(b * numerator / denominator) without floating point; b and the ratio are non-negative.
    r.required = (b * numerator + denominator - 1) / denominator;
    r.actual = actual(a);
    r.gap = r.required > r.actual ? r.required - r.actual : 0;
    r.met = r.gap == 0;
    r.explanation = title + ": " + actual_name + " = " + std::to_string(r.actual) + ", required ≥ " +
                    std::to_string(numerator) + "/" + std::to_string(denominator) + " × " + base_name + " (" +
                    std::to_string(b) + ") = " + std::to_string(r.required) +
                    (r.met ? " — met" : " — gap " + std::to_string(r.gap)) + " [" + cite.to_string() + "]";
    return r;
  }
};

} // namespace eldercare
