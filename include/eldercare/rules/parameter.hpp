#pragma once
// Rule parameters with their provenance. Amounts, durations and region sets change by locality and
// year, and many are not settled by any source: each carries where its value comes from.

#include <string>
#include <string_view>
#include <vector>

#include "eldercare/core/words.hpp"

namespace eldercare {

/// Where a parameter's value comes from (POLICIES.md).
enum class provenance {
  stated,  ///< in a source document (seeds/)
  sourced, ///< found in a real policy text (DOMAIN.md gives the address)
  derived, ///< computed from stated aggregates (budget ÷ recipients)
  assumed, ///< our documented default where no source settles it; always overridable
};

template <>
struct enum_words<provenance> {
  static constexpr std::string_view type = "provenance";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<provenance>, 4> entries{{
      {provenance::stated, "stated"},
      {provenance::sourced, "sourced"},
      {provenance::derived, "derived"},
      {provenance::assumed, "assumed"},
  }};
};

/// A parameter as reported by a rule: its name, the value as text, provenance, why, and the words
/// of the source it rests on.
struct parameter_info {
  std::string name;  ///< e.g. "amount", "stay_months", "regions"
  std::string value; ///< e.g. "600.00 yuan per month", "3", "津冀蒙 {120000, 130000, 150000}"
  provenance origin = provenance::assumed;
  std::string note; ///< reasoning or where else the value comes from; empty when the quote says it all
  /// The exact words of the seed the value rests on (原文), e.g. "每人每月补贴600元"; empty when none
  /// are quoted. Only verbatim text of the cited seed belongs here (a test compares them).
  std::string quote = {};
  friend bool operator==(const parameter_info&, const parameter_info&) = default;
};

using parameter_list = std::vector<parameter_info>;

} // namespace eldercare
