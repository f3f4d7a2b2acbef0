#pragma once
// Enum options cross the binding as their words, declared once beside each enum in
// include/eldercare (eldercare::enum_words; see eldercare/core/words.hpp): parse_word<E>(text, field)
// and to_word(value) are all the binding uses.

#include "common.hpp"

namespace eldercare_py::words {

using namespace eldercare;

/// An age rule from its two option words.
inline age_rule make_age_rule(const std::string& reached, const std::string& leap_day) {
  return age_rule{parse_word<age_reached>(reached, "age_rule.reached"),
                  parse_word<leap_day_birthday>(leap_day, "age_rule.leap_day")};
}

} // namespace eldercare_py::words
