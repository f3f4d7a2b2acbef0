#pragma once
// Workers, the subject of workforce subsidies (Xicheng's high-skill talent subsidy, Weihai's care-worker
// post subsidy). Rules for workers are ordinary rules over this subject type: the engine is generic.

#include <optional>
#include <string>
#include <vector>

#include "eldercare/calendar/date.hpp"
#include "eldercare/region/region_code.hpp"

namespace eldercare {

struct worker {
  std::string id;
  std::string employer_id;
  region_code workplace;            ///< where the job is
  date hired_on;                    ///< start of the current employment
  std::optional<date> left_on = {}; ///< last day employed; empty while employed
  /// 职业技能等级 under the national vocational skill levels: 1 高级技师, 2 技师, 3 高级工, 4 中级工,
  /// 5 初级工; empty when the worker holds no certificate.
  std::optional<int> skill_level = {};
  bool care_worker = false; ///< works as a 养老护理员 (eldercare care worker)
  /// Year-on-year wage growth for each completed year of this employment, in per mille (50 = 5.0%).
  std::vector<int> annual_wage_growth_permille = {};
  /// Statuses recorded for the worker by an authority, as ids (read by enrolled_in, as a person's
  /// programmes are): "weihai.caregiver.qualified" (meets the conditions of Weihai's post subsidy,
  /// which no source states), "xicheng.talent.award_graduate" (a vocational-college graduate who won a
  /// prize in a Beijing or national skill competition, 可视为高技能人才).
  std::vector<std::string> programmes = {};
};

} // namespace eldercare
