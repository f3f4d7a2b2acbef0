#pragma once
// Skill competitions and high-skill achievement exhibitions (技能竞赛及高技能人才成果展示活动), the
// subject of Xicheng's one-off event subsidy "根据活动规模,给予2万至5万元一次性补贴" (seed 000). An
// event is neither a person nor a worker: its rules read who organised it, where, and how big it was.

#include <cstdint>
#include <string>
#include <string_view>

#include "eldercare/calendar/date.hpp"
#include "eldercare/core/words.hpp"
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
  skill_competition, ///< 技能竞赛
  achievement_show,  ///< 高技能人才成果展示活动
  other,             ///< anything else (training, a fair, ...)
};

template <>
struct enum_words<event_organiser> {
  static constexpr std::string_view type = "event_organiser";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<event_organiser>, 4> entries{{
      {event_organiser::enterprise, "enterprise", "企业"},
      {event_organiser::industry_association, "industry_association", "行业协会"},
      {event_organiser::chamber_of_commerce, "chamber_of_commerce", "商会组织"},
      {event_organiser::other, "other"},
  }};
};

template <>
struct enum_words<event_kind> {
  static constexpr std::string_view type = "event_kind";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<event_kind>, 3> entries{{
      {event_kind::skill_competition, "skill_competition", "技能竞赛"},
      {event_kind::achievement_show, "achievement_show", "高技能人才成果展示活动"},
      {event_kind::other, "other"},
  }};
};

struct competition_event {
  std::string id;
  std::string organiser_id;
  event_organiser organiser = event_organiser::enterprise;
  region_code organiser_region; ///< where the organiser is registered
  event_kind kind = event_kind::skill_competition;
  date held_on;                  ///< (first) day of the event
  std::int64_t participants = 0; ///< competitors or exhibitors: the measure of 活动规模 used here
};

} // namespace eldercare
