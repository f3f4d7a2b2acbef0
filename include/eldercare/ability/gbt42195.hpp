#pragma once
// GB/T 42195-2022《老年人能力评估规范》: the 90-point total gives a preliminary level (初步等级);
// the level-change rules (能力等级变更依据, form item C.4) give the final level (最终等级).
//
// Sources: DOMAIN.md A.1. The cut-offs, item maxima and change rules are [C] (two independent
// public implementations agree; the standard's own text was not found). Whether the two "+1" rules
// add up is open (DOMAIN.md open question 16): it is the caller's choice, raise_rule.

#include <string>      // std::to_string for error messages
#include <string_view> // field names

#include "eldercare/ability/ability_level.hpp"
#include "eldercare/core/error.hpp"

namespace eldercare::gbt42195 {

/// Maximum of each first-level indicator (一级指标) and of the total. [C]
inline constexpr int max_self_care = 32;         // 自理能力: 8 items x 4
inline constexpr int max_basic_mobility = 15;    // 基础运动能力: 4 + 4 + 4 + 3
inline constexpr int max_mental_state = 28;      // 精神状态: 6 x 4 + 1 + 1 + 2
inline constexpr int max_perception_social = 15; // 感知觉与社会参与: 2 + 2 + 4 + 3 + 4
inline constexpr int max_total_score =
    max_self_care + max_basic_mobility + max_mental_state + max_perception_social;
static_assert(max_total_score == 90, "GB/T 42195-2022 totals 90 points");

/// Preliminary level from the total of the four first-level scores:
/// 90 → 0; 66–89 → 1; 46–65 → 2; 30–45 → 3; 0–29 → 4. Throws outside 0..90.
[[nodiscard]] constexpr ability_level preliminary_level(int total_score,
                                                        std::string_view field = "gbt42195.total_score") {
  if (total_score < 0 || total_score > max_total_score)
    throw invalid_value(error_id::invalid_ability, field, total_score,
                        "a GB/T 42195-2022 total score is 0-90");
  if (total_score == 90) return ability_level::intact;
  if (total_score >= 66) return ability_level::mild;
  if (total_score >= 46) return ability_level::moderate;
  if (total_score >= 30) return ability_level::severe;
  return ability_level::total_loss;
}

/// The four first-level scores (一级指标得分). Each is checked against its maximum.
struct first_level_scores {
  int self_care = 0;         // 自理能力 0-32
  int basic_mobility = 0;    // 基础运动能力 0-15
  int mental_state = 0;      // 精神状态 0-28
  int perception_social = 0; // 感知觉与社会参与 0-15

  /// The checked total, 0..90.
  [[nodiscard]] constexpr int total() const {
    check(self_care, max_self_care, "gbt42195.self_care");
    check(basic_mobility, max_basic_mobility, "gbt42195.basic_mobility");
    check(mental_state, max_mental_state, "gbt42195.mental_state");
    check(perception_social, max_perception_social, "gbt42195.perception_social");
    return self_care + basic_mobility + mental_state + perception_social;
  }

private:
  static constexpr void check(int v, int max, std::string_view field) {
    if (v < 0 || v > max)
      throw invalid_value(error_id::invalid_ability, field, v,
                          "outside 0-" + std::to_string(max) + " for this GB/T 42195 indicator");
  }
};

[[nodiscard]] constexpr ability_level preliminary_level(const first_level_scores& scores) {
  return preliminary_level(scores.total());
}

/// Facts for the level-change rules (能力等级变更依据).
struct level_change_facts {
  bool coma = false;                        // 昏迷 (item 意识水平) → level 4
  bool dementia_or_mental_disorder = false; // 痴呆 F00–F03, or F04–F99 by a psychiatrist → +1
  int care_risk_events_30d = 0; // 近30天照护风险事件 (跌倒, 噎食, 自杀, 自伤, 走失...); >= 2 → +1
};

/// How many risk events in 30 days raise the level. [C]
inline constexpr int care_risk_events_threshold = 2;

/// Whether the two "+1" rules (dementia/mental disorder; >= 2 risk events) add up when both apply.
/// The form wording does not say (DOMAIN.md open question 16).
enum class raise_rule {
  at_most_one_step, ///< default (assumption): either or both rules raise the level by one
  cumulative,       ///< each rule raises by one, so both together raise by two
};

/// The final level and which rules moved it, so a decision can show its reasons.
struct level_change_outcome {
  ability_level preliminary;
  ability_level final_level;
  bool coma_applied = false;        // set to 4 directly; then no other rule applies
  bool dementia_applied = false;    // the dementia/mental-disorder rule fired
  bool risk_events_applied = false; // the >= 2 risk events rule fired
  int steps_raised = 0;             // 0, 1 or 2 before capping (0 when coma applied)
  bool capped = false;              // the raise would have gone past 4
};

/// Applies the level-change rules: coma → 4; dementia/mental disorder → +1; >= 2 care-risk events
/// in 30 days → +1 (the two +1s combined per `rule`); the result is capped at 4. Throws when
/// care_risk_events_30d is negative.
[[nodiscard]] constexpr level_change_outcome
final_level_explained(ability_level preliminary, const level_change_facts& facts,
                      raise_rule rule = raise_rule::at_most_one_step) {
  if (facts.care_risk_events_30d < 0)
    throw invalid_value(error_id::invalid_ability, "level_change_facts.care_risk_events_30d",
                        facts.care_risk_events_30d, "a count of events cannot be negative");
  level_change_outcome out{preliminary, preliminary};
  if (facts.coma) {
    // Coma overrides everything else: the level is set, not raised, so no other rule applies.
    out.coma_applied = true;
    out.final_level = ability_level::total_loss;
    return out;
  }
  out.dementia_applied = facts.dementia_or_mental_disorder;
  out.risk_events_applied = facts.care_risk_events_30d >= care_risk_events_threshold;
  const int raises = (out.dementia_applied ? 1 : 0) + (out.risk_events_applied ? 1 : 0);
  out.steps_raised = rule == raise_rule::cumulative ? raises : (raises > 0 ? 1 : 0);
  int level = preliminary.value() + out.steps_raised;
  if (level > ability_level::max_value) {
    out.capped = true;
    level = ability_level::max_value;
  }
  out.final_level = ability_level(level);
  return out;
}

/// The final level (最终等级) alone; see final_level_explained.
[[nodiscard]] constexpr ability_level final_level(ability_level preliminary, const level_change_facts& facts,
                                                  raise_rule rule = raise_rule::at_most_one_step) {
  return final_level_explained(preliminary, facts, rule).final_level;
}

} // namespace eldercare::gbt42195
