#pragma once
// The members of a subject a leaf condition reads, in groups: what a leaf declares (`reads`) so that
// the batch engine fills only those members of a population row and decides the leaf once per
// distinct value of them (batch/batch_leaf.hpp). Apart from the batch engine, so that a condition's
// header can name what it reads without including the engine.

#include <array>       // the word table
#include <cstdint>     // the enum's bits
#include <string_view> // words

#include "eldercare/core/words.hpp"

namespace eldercare {

/// Groups of members of a row, as a reader needs them (the batch engine fills only these).
enum class row_fields : std::uint32_t {
  none = 0,
  id = 1U << 0,
  birth_date = 1U << 1,
  hukou = 1U << 2,
  residence = 1U << 3, ///< where one lives (and whether it is a village: a reader of residence gets both)
  ability = 1U << 4,
  disability = 1U << 5,
  categories = 1U << 6,
  health = 1U << 7,
  stays = 1U << 8,
  household = 1U << 9,
  programmes = 1U << 10,
  death = 1U << 11, ///< the date of death (死亡日期)
  /// Only whether one lives in a village (residence.rural): filled with residence, named apart so
  /// that a population can be told it lacks the one fact such a leaf reads (batch/inputs.hpp).
  rural = 1U << 12,
  all = (1U << 13) - 1,
};
[[nodiscard]] constexpr row_fields operator|(row_fields a, row_fields b) noexcept {
  return static_cast<row_fields>(static_cast<std::uint32_t>(a) | static_cast<std::uint32_t>(b));
}
[[nodiscard]] constexpr bool has(row_fields set, row_fields f) noexcept {
  return (static_cast<std::uint32_t>(set) & static_cast<std::uint32_t>(f)) != 0;
}

/// The words of the single groups (what the schema's facts fill and what errors name).
template <>
struct enum_words<row_fields> {
  static constexpr std::string_view type = "row_fields";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<row_fields>, 13> entries{{
      {row_fields::none, "none"},
      {row_fields::id, "id"},
      {row_fields::birth_date, "birth_date"},
      {row_fields::hukou, "hukou"},
      {row_fields::residence, "residence"},
      {row_fields::ability, "ability"},
      {row_fields::disability, "disability"},
      {row_fields::categories, "categories"},
      {row_fields::health, "health"},
      {row_fields::stays, "stays"},
      {row_fields::household, "household"},
      {row_fields::programmes, "programmes"},
      {row_fields::rural, "rural"},
  }};
};

} // namespace eldercare
