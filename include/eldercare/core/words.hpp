#pragma once
// The words of an enum option, declared once beside the enum. An option crosses every boundary
// (JSON, CSV, Parquet, Python, the command line, explanations) as one stable word: "civil_code",
// "as_successor", "institution". Each enum that crosses one states its words in a specialisation of
// eldercare::enum_words next to its declaration:
//
//   enum class transfer_rule { continues, restarts };
//   template <> struct enum_words<transfer_rule> {
//     static constexpr std::string_view type = "transfer_rule";
//     static constexpr error_id error = error_id::invalid_parameter;
//     static constexpr std::array<word_entry<transfer_rule>, 2> entries{{
//         {transfer_rule::continues, "continues"}, {transfer_rule::restarts, "restarts"}}};
//   };
//
// and to_word(e), parse_word<E>(text, field) and known_words<E>() follow from that table; the Python
// binding exports the same tables (eldercare._core.words()). Nothing else spells the words again.

#include <array>       // word tables
#include <cstddef>     // std::size_t
#include <string>      // error messages, lists of words
#include <string_view> // words

#include "eldercare/core/error.hpp"

namespace eldercare {

/// One option of an enum: its value, its stable word and, where the domain has one, its Chinese
/// label (accepted when parsing too: "肢体残疾" for physical).
template <class E>
struct word_entry {
  E value;
  std::string_view word;
  std::string_view label = {};
};

/// Specialise beside an enum to give its words (see the header comment). No primary definition: an
/// enum without words cannot be printed or parsed by accident.
template <class E>
struct enum_words;

/// An enum whose words are declared.
template <class E>
concept Worded = requires {
  { enum_words<E>::type } -> std::convertible_to<std::string_view>;
  enum_words<E>::entries.size();
  { enum_words<E>::error } -> std::convertible_to<error_id>;
};

/// The stable word of `value` ("?" for a value outside the table, e.g. a cast integer).
template <Worded E>
[[nodiscard]] constexpr std::string_view to_word(E value) noexcept {
  for (const auto& e : enum_words<E>::entries)
    if (e.value == value) return e.word;
  return "?";
}

/// The Chinese label of `value`, or its word where the table gives no label.
template <Worded E>
[[nodiscard]] constexpr std::string_view label_of(E value) noexcept {
  for (const auto& e : enum_words<E>::entries)
    if (e.value == value) return e.label.empty() ? e.word : e.label;
  return "?";
}

/// The words of E, comma-separated, in declaration order: "continues, restarts".
template <Worded E>
[[nodiscard]] std::string known_words() {
  std::string out;
  for (const auto& e : enum_words<E>::entries) {
    if (!out.empty()) out += ", ";
    out += e.word;
  }
  return out;
}

/// The value whose word (or Chinese label) is `text`, if any.
template <Worded E>
[[nodiscard]] constexpr const E* find_word(std::string_view text) noexcept {
  for (const auto& e : enum_words<E>::entries)
    if (e.word == text || (!e.label.empty() && e.label == text)) return &e.value;
  return nullptr;
}

/// Parses a word (or label) of E; anything else throws invalid_value naming `field`, the text and
/// the accepted words.
template <Worded E>
[[nodiscard]] E parse_word(std::string_view text, std::string_view field) {
  if (const E* v = find_word<E>(text)) return *v;
  throw invalid_value(enum_words<E>::error, field, text, "expected one of " + known_words<E>());
}

/// Every value of E in declaration order.
template <Worded E>
[[nodiscard]] constexpr auto all_values() noexcept {
  std::array<E, enum_words<E>::entries.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = enum_words<E>::entries[i].value;
  return out;
}

} // namespace eldercare
