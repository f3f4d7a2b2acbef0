#pragma once
// Skill competitions and high-skill achievement exhibitions (技能竞赛及高技能人才成果展示活动), the
// subject of Xicheng's one-off event subsidy "根据活动规模,给予2万至5万元一次性补贴" (seed 000). An
// event is neither a person nor a worker: its rules read who organised it, where, and how big it was.

#include <cstdint>
#include <string>
#include <string_view>

#include "eldercare/calendar/date.hpp"
#include "eldercare/region/region_code.hpp"

namespace eldercare {

/// Who organised the event (the seed names 企业、行业协会、商会组织).
enum class event_organiser : std::uint8_t {
  enterprise,           ///< 企业
  industry_association, ///< 行业协会
  chamber_of_commerce,  ///< 商会组织
  other,                ///< anyone else (a government body, a school, ...)
};

/// What the event was.
enum class event_kind : std::uint8_t {
  skill_competition,  ///< 技能竞赛
  achievement_show,   ///< 高技能人才成果展示活动
  other,              ///< anything else (training, a fair, ...)
};

[[nodiscard]] inline constexpr std::string_view to_word(event_organiser o) noexcept {
  switch (o) {
  case event_organiser::enterprise: return "enterprise (企业)";
  case event_organiser::industry_association: return "industry_association (行业协会)";
  case event_organiser::chamber_of_commerce: return "chamber_of_commerce (商会组织)";
  case event_organiser::other: return "other";
  }
  return "?";
}
[[nodiscard]] inline constexpr std::string_view to_word(event_kind k) noexcept {
  switch (k) {
  case event_kind::skill_competition: return "skill_competition (技能竞赛)";
  case event_kind::achievement_show: return "achievement_show (高技能人才成果展示活动)";
  case event_kind::other: return "other";
  }
  return "?";
}

struct competition_event {
  std::string id;
  std::string organiser_id;
  event_organiser organiser = event_organiser::enterprise;
  region_code organiser_region;       ///< where the organiser is registered
  event_kind kind = event_kind::skill_competition;
  date held_on;                       ///< (first) day of the event
  std::int64_t participants = 0;      ///< competitors or exhibitors: the measure of 活动规模 used here
};

} // namespace eldercare
