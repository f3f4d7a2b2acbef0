#pragma once
// Health facts that some rules use to exclude a person (Xixian's rural centres admit only elders with
// "no mental illness and no statutory infectious disease", DOMAIN.md D.2).
//
// The fact is called `health` everywhere (JSON, columns, Python); its value is a set of the words of
// health_condition, so that a table holds it in one column like the categories.

#include <array>       // the word table
#include <cstddef>     // std::size_t
#include <cstdint>     // the bits of a column
#include <string_view> // words

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

/// One health condition a rule may read; a person's health is the set of those they have.
enum class health_condition : std::uint8_t {
  mental_illness,     ///< 严重精神障碍 (the nationally managed list of severe mental disorders)
  infectious_disease, ///< 法定传染病 (an active notifiable infectious disease)
};

template <>
struct enum_words<health_condition> {
  static constexpr std::string_view type = "health_condition";
  static constexpr error_id error = error_id::invalid_person;
  static constexpr std::array<word_entry<health_condition>, 2> entries{{
      {health_condition::mental_illness, "mental_illness", "严重精神障碍"},
      {health_condition::infectious_disease, "infectious_disease", "法定传染病"},
  }};
};

struct health_status {
  /// A severe mental disorder (the nationally managed 严重精神障碍 list). Whether a broader reading
  /// (any F-coded diagnosis) applies is a per-rule reading, not decided here.
  bool mental_illness = false;
  /// An active notifiable infectious disease (法定传染病) under the list in force.
  bool infectious_disease = false;

  /// Whether the person has `c`.
  [[nodiscard]] constexpr bool has(health_condition c) const noexcept {
    return c == health_condition::mental_illness ? mental_illness : infectious_disease;
  }
  /// The conditions as bits (bit i = the i-th word of health_condition), for columnar storage.
  [[nodiscard]] constexpr std::uint32_t bits() const noexcept {
    return (mental_illness ? 1U : 0U) | (infectious_disease ? 2U : 0U);
  }
  /// The inverse of bits(); bits beyond the conditions are ignored (columns check them first).
  [[nodiscard]] static constexpr health_status from_bits(std::uint32_t b) noexcept {
    return {(b & 1U) != 0, (b & 2U) != 0};
  }
  friend bool operator==(const health_status&, const health_status&) = default;
};

/// The number of health conditions (bits of health_status::bits()).
inline constexpr std::size_t health_condition_count = enum_words<health_condition>::entries.size();

} // namespace eldercare
