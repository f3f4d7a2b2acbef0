#pragma once
// Barthel index (BI, 日常生活活动能力评定): 10 items, 0-100 in steps of 5 (DOMAIN.md A.3, [V]).
// The score, its dependency bands, and an explicit, replaceable mapping onto a GB/T 42195 level.

#include <string>      // std::to_string for error messages
#include <string_view> // labels, field names

#include "eldercare/ability/ability_level.hpp"
#include "eldercare/core/error.hpp"

namespace eldercare {

/// A Barthel index total. Only multiples of 5 in 0..100 exist: every item scores 0/5/10/15.
class barthel_score {
public:
  static constexpr int min_value = 0;
  static constexpr int max_value = 100;

  /// Throws invalid_value(error_id::invalid_ability) naming `field` outside 0..100 or when not a
  /// multiple of 5 (a typo such as 37 is rejected, never rounded).
  constexpr explicit barthel_score(int score, std::string_view field = "barthel_score")
      : score_(checked(score, field)) {}

  [[nodiscard]] constexpr int value() const noexcept { return score_; }

  friend constexpr bool operator==(barthel_score, barthel_score) = default;
  friend constexpr auto operator<=>(barthel_score, barthel_score) = default;

private:
  static constexpr int checked(int score, std::string_view field) {
    if (score < min_value || score > max_value)
      throw invalid_value(error_id::invalid_ability, field, score, "a Barthel index is 0-100");
    if (score % 5 != 0)
      throw invalid_value(error_id::invalid_ability, field, score,
                          "a Barthel index is a multiple of 5 (every item scores 0/5/10/15)");
    return score;
  }
  int score_;
};

/// Dependency bands (依赖程度). Standard nursing/LTC banding [V]: 100 无需依赖; 61-99 轻度依赖;
/// 41-60 中度依赖; <= 40 重度依赖 (the usual LTC "≤40 → severely disabled" trigger).
enum class barthel_band {
  independent, ///< 无需依赖
  mild,        ///< 轻度依赖
  moderate,    ///< 中度依赖
  severe,      ///< 重度依赖
};

[[nodiscard]] constexpr std::string_view label(barthel_band b) noexcept {
  switch (b) {
  case barthel_band::independent: return "无需依赖";
  case barthel_band::mild: return "轻度依赖";
  case barthel_band::moderate: return "中度依赖";
  case barthel_band::severe: return "重度依赖";
  }
  return "unknown";
}

/// Lowest score of each band. Local rules and hospitals use other four-band cut-offs (e.g.
/// 96-100 / 75-95 / 46-74 / <=45 is barthel_cutoffs(96, 75, 46)); record which one a rule uses.
class barthel_cutoffs {
public:
  /// The standard banding: 100 / 61-99 / 41-60 / <=40.
  constexpr barthel_cutoffs() noexcept = default;
  /// Throws invalid_value(error_id::invalid_parameter) unless 0 < moderate_from < mild_from <
  /// independent_from <= 100.
  constexpr barthel_cutoffs(int independent_from, int mild_from, int moderate_from,
                            std::string_view field = "barthel_cutoffs")
      : independent_from_(independent_from), mild_from_(mild_from), moderate_from_(moderate_from) {
    if (!(0 < moderate_from && moderate_from < mild_from && mild_from < independent_from &&
          independent_from <= 100))
      throw invalid_value(error_id::invalid_parameter, field,
                          std::to_string(independent_from) + "/" + std::to_string(mild_from) + "/" +
                              std::to_string(moderate_from),
                          "cut-offs must satisfy 0 < moderate < mild < independent <= 100");
  }
  [[nodiscard]] constexpr int independent_from() const noexcept { return independent_from_; }
  [[nodiscard]] constexpr int mild_from() const noexcept { return mild_from_; }
  [[nodiscard]] constexpr int moderate_from() const noexcept { return moderate_from_; }
  friend constexpr bool operator==(const barthel_cutoffs&, const barthel_cutoffs&) = default;

private:
  int independent_from_ = 100;
  int mild_from_ = 61;
  int moderate_from_ = 41;
};

/// The band of a score. With the default cut-offs this equals the MZ/T 039 ADL grade
/// (mzt039::adl_grade) band for band, because a Barthel score is a multiple of 5.
[[nodiscard]] constexpr barthel_band band(barthel_score score, const barthel_cutoffs& cutoffs = {}) noexcept {
  const int s = score.value();
  if (s >= cutoffs.independent_from()) return barthel_band::independent;
  if (s >= cutoffs.mild_from()) return barthel_band::mild;
  if (s >= cutoffs.moderate_from()) return barthel_band::moderate;
  return barthel_band::severe;
}

/// Mapping from a Barthel band onto a GB/T 42195 level. ASSUMPTION, not a standard: the Barthel
/// index measures daily-living activities only, while GB/T 42195 also weighs mobility, mental
/// state and perception. The default reads 无需/轻度/中度/重度依赖 as levels 0/1/2/3, so that
/// "BI <= 40" lands on 重度失能 (level 3, the usual LTC trigger) and a Barthel score alone never
/// yields level 4 (完全丧失). Replace it when a local rule states its own table.
class barthel_gbt_mapping {
public:
  /// The default: independent → 0, mild → 1, moderate → 2, severe → 3.
  constexpr barthel_gbt_mapping() noexcept = default;
  /// Throws invalid_value(error_id::invalid_parameter) when a worse band maps to a better level.
  constexpr barthel_gbt_mapping(ability_level independent, ability_level mild, ability_level moderate,
                                ability_level severe, std::string_view field = "barthel_gbt_mapping")
      : independent_(independent), mild_(mild), moderate_(moderate), severe_(severe) {
    if (mild < independent || moderate < mild || severe < moderate)
      throw invalid_value(error_id::invalid_parameter, field,
                          std::to_string(independent.value()) + "/" + std::to_string(mild.value()) + "/" +
                              std::to_string(moderate.value()) + "/" + std::to_string(severe.value()),
                          "a more dependent Barthel band must not map to a better GB/T 42195 level");
  }
  [[nodiscard]] constexpr ability_level operator()(barthel_band b) const noexcept {
    switch (b) {
    case barthel_band::independent: return independent_;
    case barthel_band::mild: return mild_;
    case barthel_band::moderate: return moderate_;
    case barthel_band::severe: return severe_;
    }
    return severe_;
  }
  friend constexpr bool operator==(const barthel_gbt_mapping&, const barthel_gbt_mapping&) = default;

private:
  ability_level independent_ = ability_level::intact;
  ability_level mild_ = ability_level::mild;
  ability_level moderate_ = ability_level::moderate;
  ability_level severe_ = ability_level::severe;
};

/// A GB/T 42195 level read from a Barthel band through `mapping` (an assumption; see above).
[[nodiscard]] constexpr ability_level to_gbt42195(barthel_band b,
                                                  const barthel_gbt_mapping& mapping = {}) noexcept {
  return mapping(b);
}

/// A GB/T 42195 level read from a Barthel score: band (with `cutoffs`), then `mapping`.
[[nodiscard]] constexpr ability_level to_gbt42195(barthel_score score, const barthel_cutoffs& cutoffs = {},
                                                  const barthel_gbt_mapping& mapping = {}) noexcept {
  return mapping(band(score, cutoffs));
}

} // namespace eldercare
