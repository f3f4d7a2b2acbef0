#pragma once
// Which facilities a rule accepts: where they are, what kind they are, and whether they must be filed.

#include <algorithm> // std::find
#include <optional>  // a code's county level
#include <string>
#include <string_view> // the article before a kind's word
#include <vector>

#include "eldercare/core/words.hpp"
#include "eldercare/facility/facility.hpp"
#include "eldercare/region/region_set.hpp"

namespace eldercare {

/// Which civil-affairs department a filing must have been made with: "经当地民政部门备案" asks for a
/// local (当地) one. A for-profit institution files with the county department where its premises
/// are; a non-profit one with the department at its registration authority's level, which may be a
/// city's or the province's (DOMAIN.md C).
enum class filing_authority {
  not_checked,   ///< any department: the filing's authority region is not compared
  same_province, ///< a department of the facility's province (county, city or province level)
  same_county,   ///< the department of the facility's county
};

template <>
struct enum_words<filing_authority> {
  static constexpr std::string_view type = "filing_authority";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<filing_authority>, 3> entries{{
      {filing_authority::not_checked, "not_checked"},
      {filing_authority::same_province, "same_province"},
      {filing_authority::same_county, "same_county"},
  }};
};

struct facility_criteria {
  region_set regions; ///< the facility's premises must lie in this set
  std::vector<facility_kind> kinds{facility_kind::institution};
  bool require_filing = true; ///< "经当地民政部门备案": a filing in force on each counted day
  /// Where a required filing's authority must be (当地); not_checked compares nothing.
  filing_authority authority = filing_authority::not_checked;

  /// The static part of the test (region and kind); the filing depends on the day.
  [[nodiscard]] bool matches_place_and_kind(const facility& f) const {
    return regions.contains(f.region()) && std::find(kinds.begin(), kinds.end(), f.kind()) != kinds.end();
  }

  /// Whether `f`'s filing was made with an accepted authority (true when none is required or the
  /// authority is not checked; false for an unfiled facility when a filing is required).
  [[nodiscard]] bool accepts_filing_authority(const facility& f) const {
    if (!require_filing || authority == filing_authority::not_checked) return true;
    if (!f.filing()) return false;
    const region_code& by = f.filing()->authority_region();
    if (authority == filing_authority::same_province) return by.province() == f.region().province();
    // County level: a county's (or a township's county); a prefecture-level city without counties
    // (东莞 441900) is its own county level.
    auto county_level = [](const region_code& c) -> std::optional<region_code> {
      if (c.level() == region_level::county || c.level() == region_level::township) return c.county();
      if (c.level() == region_level::prefecture) return c;
      return std::nullopt;
    };
    const auto here = county_level(f.region());
    return here && county_level(by) == here;
  }

  /// "a filed institution in 津冀蒙 {120000, 130000, 150000}".
  [[nodiscard]] std::string to_string() const {
    const bool vowel = !require_filing && !kinds.empty() &&
                       std::string_view("aeiou").find(to_word(kinds.front())[0]) != std::string_view::npos;
    std::string s = require_filing ? "a filed " : vowel ? "an " : "a ";
    for (std::size_t i = 0; i < kinds.size(); ++i) {
      if (i) s += " or ";
      s += to_word(kinds[i]);
    }
    return s + " in " + regions.to_string();
  }
};

} // namespace eldercare
