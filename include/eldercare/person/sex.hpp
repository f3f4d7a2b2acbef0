#pragma once
// Sex (性别) as a resident ID number records it: its 17th digit (the 15th in the legacy form) is odd
// for a man and even for a woman (GB 11643-1999, 4.3). No rule reads it yet; the ID gives it.

#include <array>       // the word table
#include <cstdint>     // the enum's size
#include <string_view> // words

#include "eldercare/core/words.hpp"

namespace eldercare {

enum class sex : std::uint8_t { male, female };

template <>
struct enum_words<sex> {
  static constexpr std::string_view type = "sex";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<sex>, 2> entries{{
      {sex::male, "male", "男"},
      {sex::female, "female", "女"},
  }};
};

} // namespace eldercare
