#pragma once
// Which facilities a rule accepts: where they are, what kind they are, and whether they must be filed.

#include <algorithm> // std::find
#include <string>
#include <vector>

#include "eldercare/facility/facility.hpp"
#include "eldercare/region/region_set.hpp"

namespace eldercare {

struct facility_criteria {
  region_set regions;                     ///< the facility's premises must lie in this set
  std::vector<facility_kind> kinds{facility_kind::institution};
  bool require_filing = true;             ///< "经当地民政部门备案": a filing in force on each counted day

  /// The static part of the test (region and kind); the filing depends on the day.
  [[nodiscard]] bool matches_place_and_kind(const facility& f) const {
    return regions.contains(f.region()) && std::find(kinds.begin(), kinds.end(), f.kind()) != kinds.end();
  }

  /// "a filed institution in 津冀蒙 {120000, 130000, 150000}".
  [[nodiscard]] std::string to_string() const {
    std::string s = require_filing ? "a filed " : "a ";
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      if (i) s += " or ";
      s += to_word(kinds[i]);
    }
    return s + " in " + regions.to_string();
  }
};

} // namespace eldercare
