#pragma once
// MZ/T 039-2013《老年人能力评估》, the superseded civil-affairs standard still cited by older local
// rules (DOMAIN.md A.2). Four first-level indicators are each graded 0-3 (分级); a combination
// table turns the four grades into a level 0-3; the level converts onto GB/T 42195.

#include <array>       // the four grades, for the combination rules
#include <string>      // std::to_string for error messages
#include <string_view> // labels, field names

#include "eldercare/ability/ability_level.hpp"
#include "eldercare/ability/barthel.hpp"
#include "eldercare/core/error.hpp"

namespace eldercare::mzt039 {

/// The grade of one first-level indicator (一级指标分级), 0 (intact) to 3 (severe).
class grade {
public:
  constexpr explicit grade(int g, std::string_view field = "mzt039.grade") : g_(checked(g, field)) {}
  [[nodiscard]] constexpr int value() const noexcept { return g_; }
  friend constexpr bool operator==(grade, grade) = default;
  friend constexpr auto operator<=>(grade, grade) = default;

private:
  static constexpr int checked(int g, std::string_view field) {
    if (g < 0 || g > 3)
      throw invalid_value(error_id::invalid_ability, field, g, "an MZ/T 039-2013 indicator grade is 0-3");
    return g;
  }
  int g_;
};

/// The final MZ/T 039 level (能力等级): 0 能力完好, 1 轻度失能, 2 中度失能, 3 重度失能.
class level {
public:
  constexpr explicit level(int l, std::string_view field = "mzt039.level") : l_(checked(l, field)) {}

  static const level intact;   ///< 0 能力完好
  static const level mild;     ///< 1 轻度失能
  static const level moderate; ///< 2 中度失能
  static const level severe;   ///< 3 重度失能

  [[nodiscard]] constexpr int value() const noexcept { return l_; }
  [[nodiscard]] constexpr std::string_view label() const noexcept {
    constexpr std::string_view labels[] = {"能力完好", "轻度失能", "中度失能", "重度失能"};
    return labels[l_];
  }
  friend constexpr bool operator==(level, level) = default;
  friend constexpr auto operator<=>(level, level) = default;

private:
  static constexpr int checked(int l, std::string_view field) {
    if (l < 0 || l > 3)
      throw invalid_value(error_id::invalid_ability, field, l,
                          "an MZ/T 039-2013 level is 0 (能力完好) to 3 (重度失能)");
    return l;
  }
  int l_;
};

inline constexpr level level::intact{0};
inline constexpr level level::mild{1};
inline constexpr level level::moderate{2};
inline constexpr level level::severe{3};

/// ADL grade (日常生活活动分级) from the Barthel total [V]: 100 → 0; 65-95 → 1; 45-60 → 2;
/// <= 40 → 3. Because a Barthel score is a multiple of 5 these are the Barthel bands
/// (100 / 61-99 / 41-60 / <= 40) under other names.
[[nodiscard]] constexpr grade adl_grade(barthel_score score) noexcept {
  const int s = score.value();
  if (s == 100) return grade(0);
  if (s >= 65) return grade(1);
  if (s >= 45) return grade(2);
  return grade(3);
}
/// As above from a plain number; throws for values outside 0..100 or not a multiple of 5.
[[nodiscard]] constexpr grade adl_grade(int barthel_total,
                                        std::string_view field = "mzt039.adl_barthel_score") {
  return adl_grade(barthel_score(barthel_total, field));
}

/// The four first-level grades.
struct grades {
  grade adl;                      // 日常生活活动
  grade mental_state;             // 精神状态
  grade perception_communication; // 感知觉与沟通
  grade social_participation;     // 社会参与
};

/// What to do when the standard's combination rules give two levels for one set of grades.
/// This happens for ADL 1 with one other grade <= 1 and another at 3 (轻度 or 中度?), and for ADL 2
/// with one or two others at 1-2 and another at 3 (中度 or 重度?).
enum class overlap_rule {
  more_severe, ///< default (assumption): the more severe level's wording is met, so it wins
  less_severe, ///< the first level listed in the standard's table wins
};

/// The level and how it was reached, so a decision can say when an assumption was used.
struct combination_outcome {
  mzt039::level result;
  std::array<bool, 4> matched{}; // which of the standard's level rules 0..3 matched the grades
  bool overlap = false;          // more than one rule matched; resolved by overlap_rule
  bool gap = false;              // no rule matched; filled by the documented assumption
};

/// Combines the four grades into a level with the MZ/T 039-2013 table [C] (DOMAIN.md A.2):
///  0 能力完好: ADL, 精神状态, 感知觉与沟通 all 0, and 社会参与 0 or 1.
///  1 轻度失能: ADL 0 and (精神状态 or 感知觉 >= 1, or 社会参与 = 2);
///              or ADL 1 and at least one of the other three at 0 or 1.
///  2 中度失能: ADL 1 and (the other three all 2, or any one at 3);
///              or ADL 2 and one or two of the others at 1 or 2.
///  3 重度失能: ADL 3; or all four at 2; or ADL 2 and at least one of the others at 3.
/// The wording leaves gaps, filled by ASSUMPTION: ADL 0, 精神状态 and 感知觉 0, 社会参与 3 → 1
/// (read "社会参与 >= 2"); ADL 2 with no other grade at 1-3, or with all three others at 1-2 but
/// not all 2 → 2 (ADL 2 alone is 中度 unless a 重度 clause applies). Overlaps are resolved by
/// `rule`.
[[nodiscard]] constexpr combination_outcome
combine_explained(const grades& g, overlap_rule rule = overlap_rule::more_severe) noexcept {
  const int a = g.adl.value();
  const std::array<int, 3> others = {g.mental_state.value(), g.perception_communication.value(),
                                     g.social_participation.value()};
  int at_most_1 = 0, one_or_two = 0, at_3 = 0, at_2 = 0;
  for (int o : others) {
    at_most_1 += o <= 1 ? 1 : 0;
    one_or_two += (o == 1 || o == 2) ? 1 : 0;
    at_2 += o == 2 ? 1 : 0;
    at_3 += o == 3 ? 1 : 0;
  }
  const int m = others[0], p = others[1], s = others[2];

  combination_outcome out{level::intact};
  out.matched[0] = a == 0 && m == 0 && p == 0 && s <= 1;
  out.matched[1] = (a == 0 && (m >= 1 || p >= 1 || s == 2)) || (a == 1 && at_most_1 >= 1);
  out.matched[2] = (a == 1 && (at_2 == 3 || at_3 >= 1)) || (a == 2 && one_or_two >= 1 && one_or_two <= 2);
  out.matched[3] = a == 3 || (a == 2 && at_2 == 3) || (a == 2 && at_3 >= 1);

  int count = 0, lowest = -1, highest = -1;
  for (int l = 0; l < 4; ++l)
    if (out.matched[l]) {
      ++count;
      if (lowest < 0) lowest = l;
      highest = l;
    }
  if (count == 0) {
    out.gap = true;
    // The only gaps are ADL 0 with 社会参与 3 (else all 0), and ADL 2 cases (see above).
    out.result = a == 0 ? level::mild : level::moderate;
    return out;
  }
  out.overlap = count > 1;
  out.result = level(rule == overlap_rule::more_severe ? highest : lowest);
  return out;
}

/// The MZ/T 039 level for four grades; see combine_explained.
[[nodiscard]] constexpr level combine(const grades& g,
                                      overlap_rule rule = overlap_rule::more_severe) noexcept {
  return combine_explained(g, rule).result;
}

/// MZ/T 039 level → GB/T 42195 level: 0 → 0, 1 → 1, 2 → 2, 3 → 3. The labels match one for one.
/// GB/T 42195's level 4 (完全丧失) has no MZ/T 039 equivalent: MZ/T 重度失能 covers both GB/T 3 and
/// 4, and converts to 3, so an old assessment never overstates the elder's level.
[[nodiscard]] constexpr ability_level to_gbt42195(level l) noexcept { return ability_level(l.value()); }

/// GB/T 42195 level → MZ/T 039 level, for local rules still written in MZ/T terms: 0..3 keep their
/// number and 4 (完全丧失) becomes 3 (重度失能), the most severe MZ/T level.
[[nodiscard]] constexpr level from_gbt42195(ability_level l) noexcept {
  return level(l.value() > 3 ? 3 : l.value());
}

} // namespace eldercare::mzt039
