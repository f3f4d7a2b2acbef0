#pragma once
// The 特困人员 生活自理能力 rating (DOMAIN.md A.5, [C]): six daily activities — 吃饭, 穿衣, 上下床,
// 如厕, 室内行走, 洗澡 — and how many of them the person cannot do alone. It drives the three-tier
// 照料护理 allowance for 特困 persons. It is its own scale: the library does not convert it onto
// GB/T 42195 (which scale a local "重度/中度" means is open, DOMAIN.md open question 11).

#include <string>      // std::to_string for error messages
#include <string_view> // labels, field names

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

/// Number of items on the 特困 self-care checklist.
inline constexpr int self_care_item_count = 6;

/// The six items; true means the person does it independently (能自主完成).
struct self_care_checklist {
  bool eating = true;                // 吃饭
  bool dressing = true;              // 穿衣
  bool getting_in_out_of_bed = true; // 上下床
  bool toileting = true;             // 如厕
  bool indoor_walking = true;        // 室内行走
  bool bathing = true;               // 洗澡

  /// How many of the six the person cannot do alone, 0..6.
  [[nodiscard]] constexpr int items_not_possible() const noexcept {
    return !eating + !dressing + !getting_in_out_of_bed + !toileting + !indoor_walking + !bathing;
  }
  friend constexpr bool operator==(const self_care_checklist&, const self_care_checklist&) = default;
};

/// The official three-tier rating.
enum class self_care_rating {
  capable,        ///< 具备生活自理能力: all six done alone
  partially_lost, ///< 部分丧失生活自理能力 (often called 半失能): 1-3 items not possible
  fully_lost,     ///< 完全丧失生活自理能力: 4 or more items not possible
};

template <>
struct enum_words<self_care_rating> {
  static constexpr std::string_view type = "self_care_rating";
  static constexpr error_id error = error_id::invalid_ability;
  static constexpr std::array<word_entry<self_care_rating>, 3> entries{{
      {self_care_rating::capable, "capable", "具备生活自理能力"},
      {self_care_rating::partially_lost, "partially_lost", "部分丧失生活自理能力"},
      {self_care_rating::fully_lost, "fully_lost", "完全丧失生活自理能力"},
  }};
};

[[nodiscard]] constexpr std::string_view label(self_care_rating r) noexcept { return label_of(r); }

namespace detail {
constexpr int checked_self_care_count(int n, std::string_view field) {
  if (n < 0 || n > self_care_item_count)
    throw invalid_value(error_id::invalid_ability, field, n,
                        "the 特困 self-care checklist has 6 items: 0-6 can be not possible");
  return n;
}
} // namespace detail

/// 0 → 具备; 1-3 → 部分丧失; 4-6 → 完全丧失. Throws outside 0..6.
[[nodiscard]] constexpr self_care_rating
rate_self_care(int items_not_possible, std::string_view field = "self_care.items_not_possible") {
  const int n = detail::checked_self_care_count(items_not_possible, field);
  if (n == 0) return self_care_rating::capable;
  if (n <= 3) return self_care_rating::partially_lost;
  return self_care_rating::fully_lost;
}

[[nodiscard]] constexpr self_care_rating rate_self_care(const self_care_checklist& c) noexcept {
  return rate_self_care(c.items_not_possible());
}

/// The popular "国际通行" reading of the same six items [V]: 1-2 not possible = 轻度, 3-4 = 中度,
/// 5-6 = 重度. It is NOT the official 特困 rating: 3 items is 部分丧失 there but 中度 here.
enum class self_care_severity {
  none,     ///< 0 items: 无失能
  mild,     ///< 1-2 items: 轻度失能
  moderate, ///< 3-4 items: 中度失能
  severe,   ///< 5-6 items: 重度失能
};

[[nodiscard]] constexpr std::string_view label(self_care_severity s) noexcept {
  switch (s) {
  case self_care_severity::none: return "无失能";
  case self_care_severity::mild: return "轻度失能";
  case self_care_severity::moderate: return "中度失能";
  case self_care_severity::severe: return "重度失能";
  }
  return "unknown";
}

/// 0 → none; 1-2 → mild; 3-4 → moderate; 5-6 → severe. Throws outside 0..6.
[[nodiscard]] constexpr self_care_severity
popular_severity(int items_not_possible, std::string_view field = "self_care.items_not_possible") {
  const int n = detail::checked_self_care_count(items_not_possible, field);
  if (n == 0) return self_care_severity::none;
  if (n <= 2) return self_care_severity::mild;
  if (n <= 4) return self_care_severity::moderate;
  return self_care_severity::severe;
}

[[nodiscard]] constexpr self_care_severity popular_severity(const self_care_checklist& c) noexcept {
  return popular_severity(c.items_not_possible());
}

} // namespace eldercare
