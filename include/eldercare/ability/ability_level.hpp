#pragma once
// The GB/T 42195-2022 ability level (老年人能力等级), the library's common currency for "how
// disabled is this elder". Every other scale (MZ/T 039, Barthel, ...) converts onto it through a
// documented, named mapping. A level is never a bare int: level numbers run in opposite directions
// across scales (0 = best here, 一级 = worst on a disability certificate), so mixing them up must
// not compile.

#include <compare>     // operator<=>: levels are ordered, 0 (intact) < 4 (total loss)
#include <string>      // std::to_string for error messages
#include <string_view> // labels, field names

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

/// GB/T 42195-2022 能力等级, 0 (能力完好) to 4 (能力完全丧失). Higher means more disabled.
class ability_level {
public:
  static constexpr int min_value = 0;
  static constexpr int max_value = 4;

  /// Throws invalid_value(error_id::invalid_ability) naming `field` unless 0 <= level <= 4.
  constexpr explicit ability_level(int level, std::string_view field = "ability_level")
      : level_(checked(level, field)) {}

  // Defined below the class (the type is incomplete here); all are constexpr.
  static const ability_level intact;     ///< 0 能力完好
  static const ability_level mild;       ///< 1 能力轻度受损（轻度失能）
  static const ability_level moderate;   ///< 2 能力中度受损（中度失能）
  static const ability_level severe;     ///< 3 能力重度受损（重度失能）
  static const ability_level total_loss; ///< 4 能力完全丧失（完全失能）

  [[nodiscard]] constexpr int value() const noexcept { return level_; }

  /// The standard's label, e.g. "能力重度受损（重度失能）".
  [[nodiscard]] constexpr std::string_view label() const noexcept {
    constexpr std::string_view labels[] = {"能力完好", "能力轻度受损（轻度失能）", "能力中度受损（中度失能）",
                                           "能力重度受损（重度失能）", "能力完全丧失（完全失能）"};
    return labels[level_];
  }
  /// The everyday word local rules use: "能力完好", "轻度失能", ..., "完全失能".
  [[nodiscard]] constexpr std::string_view short_label() const noexcept {
    constexpr std::string_view labels[] = {"能力完好", "轻度失能", "中度失能", "重度失能", "完全失能"};
    return labels[level_];
  }

  friend constexpr bool operator==(ability_level, ability_level) = default;
  friend constexpr auto operator<=>(ability_level, ability_level) = default;

private:
  static constexpr int checked(int level, std::string_view field) {
    if (level < min_value || level > max_value)
      throw invalid_value(error_id::invalid_ability, field, level,
                          "a GB/T 42195-2022 ability level is 0 (能力完好) to 4 (能力完全丧失)");
    return level;
  }
  int level_;
};

inline constexpr ability_level ability_level::intact{0};
inline constexpr ability_level ability_level::mild{1};
inline constexpr ability_level ability_level::moderate{2};
inline constexpr ability_level ability_level::severe{3};
inline constexpr ability_level ability_level::total_loss{4};

/// A closed range of GB/T 42195 levels that a local rule names, e.g. "重度失能及以上" is
/// ability_band::at_least(ability_level::severe). Rules state their band explicitly: the library
/// has no hidden "is severely disabled" default, because what 失能 means differs by scheme and
/// place.
class ability_band {
public:
  /// Throws invalid_value(error_id::invalid_parameter) when `least_severe` is above `most_severe`.
  constexpr ability_band(ability_level least_severe, ability_level most_severe,
                         std::string_view field = "ability_band")
      : least_(least_severe), most_(most_severe) {
    if (most_ < least_)
      throw invalid_value(error_id::invalid_parameter, field,
                          std::to_string(least_.value()) + ".." + std::to_string(most_.value()),
                          "the least severe level of a band must not be above its most severe level");
  }
  /// `threshold` and every more severe level (threshold..4).
  [[nodiscard]] static constexpr ability_band at_least(ability_level threshold) noexcept {
    return ability_band(threshold, ability_level::total_loss, unchecked{});
  }
  /// Exactly one level.
  [[nodiscard]] static constexpr ability_band exactly(ability_level level) noexcept {
    return ability_band(level, level, unchecked{});
  }

  [[nodiscard]] constexpr ability_level least_severe() const noexcept { return least_; }
  [[nodiscard]] constexpr ability_level most_severe() const noexcept { return most_; }
  [[nodiscard]] constexpr bool contains(ability_level level) const noexcept {
    return least_ <= level && level <= most_;
  }

  friend constexpr bool operator==(const ability_band&, const ability_band&) = default;

private:
  struct unchecked {};
  constexpr ability_band(ability_level least, ability_level most, unchecked) noexcept
      : least_(least), most_(most) {}
  ability_level least_;
  ability_level most_;
};

/// True when `level` is `threshold` or more severe. The threshold is always the caller's (a rule
/// parameter), never a library default.
[[nodiscard]] constexpr bool is_at_least(ability_level level, ability_level threshold) noexcept {
  return threshold <= level;
}

/// Which scale an assessment was made on. The level stored next to it is always converted onto
/// GB/T 42195 (see assessment.hpp); this records where it came from.
enum class ability_scale {
  gbt_42195_2022,  ///< GB/T 42195-2022《老年人能力评估规范》, 0-90 points, levels 0-4
  mzt_039_2013,    ///< MZ/T 039-2013《老年人能力评估》 (superseded), levels 0-3
  barthel_index,   ///< Barthel index 日常生活活动能力评定, 0-100
  ltc_2021,        ///< 《长期护理失能等级评估标准（试行）》 (2021), levels 0-5
  tekun_self_care, ///< 特困人员 6-item 生活自理能力 rating
  local,           ///< a local scale, e.g. Xixian 老年照护需求评估
};

template <>
struct enum_words<ability_scale> {
  static constexpr std::string_view type = "ability_scale";
  static constexpr error_id error = error_id::invalid_ability;
  static constexpr std::array<word_entry<ability_scale>, 6> entries{{
      {ability_scale::gbt_42195_2022, "gbt_42195_2022"},
      {ability_scale::mzt_039_2013, "mzt_039_2013"},
      {ability_scale::barthel_index, "barthel_index"},
      {ability_scale::ltc_2021, "ltc_2021"},
      {ability_scale::tekun_self_care, "tekun_self_care"},
      {ability_scale::local, "local"},
  }};
};

/// Stable identifier, the enumerator's name: "gbt_42195_2022", "mzt_039_2013", ...
[[nodiscard]] constexpr std::string_view to_string(ability_scale s) noexcept { return to_word(s); }

/// Human title with the standard's number and Chinese name.
[[nodiscard]] constexpr std::string_view title(ability_scale s) noexcept {
  switch (s) {
  case ability_scale::gbt_42195_2022: return "GB/T 42195-2022《老年人能力评估规范》";
  case ability_scale::mzt_039_2013: return "MZ/T 039-2013《老年人能力评估》";
  case ability_scale::barthel_index: return "Barthel 指数（日常生活活动能力评定）";
  case ability_scale::ltc_2021: return "《长期护理失能等级评估标准（试行）》(2021)";
  case ability_scale::tekun_self_care: return "特困人员生活自理能力评估（6项）";
  case ability_scale::local: return "地方评估量表";
  }
  return "unknown";
}

/// Parses a stable identifier as written by to_string(ability_scale).
[[nodiscard]] inline ability_scale parse_ability_scale(std::string_view text,
                                                       std::string_view field = "ability_scale") {
  return parse_word<ability_scale>(text, field);
}

} // namespace eldercare
