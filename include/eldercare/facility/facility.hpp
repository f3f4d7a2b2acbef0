#pragma once
// An eldercare facility: where it is, what it is, and its filing (备案) record.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "eldercare/core/words.hpp"
#include "eldercare/facility/filing.hpp"
#include "eldercare/region/region_code.hpp"

namespace eldercare {

enum class facility_kind : std::uint8_t {
  institution,     ///< 养老机构: registered, full-day residential care, ≥10 beds (MCA Order 66 art. 2)
  community,       ///< 社区养老服务机构: fewer than 10 beds, or day care
  regional_centre, ///< 农村区域性养老服务中心 (Xixian rule 3)
  travel_stay_base ///< 旅居康养基地 (Xicheng 2024 announcement)
};

template <>
struct enum_words<facility_kind> {
  static constexpr std::string_view type = "facility_kind";
  static constexpr error_id error = error_id::invalid_facility;
  static constexpr std::array<word_entry<facility_kind>, 4> entries{{
      {facility_kind::institution, "institution"},
      {facility_kind::community, "community"},
      {facility_kind::regional_centre, "regional_centre"},
      {facility_kind::travel_stay_base, "travel_stay_base"},
  }};
};

[[nodiscard]] inline facility_kind parse_facility_kind(std::string_view word,
                                                       std::string_view field = "facility.kind") {
  return parse_word<facility_kind>(word, field);
}

class facility {
public:
  /// `region` is where the service premises are: a county code, or a 9-digit township code where
  /// a rule needs it (Beijing's mountain towns). Throws invalid_value for an empty id or negative beds.
  facility(std::string id, facility_kind kind, region_code region, int beds = 0,
           std::optional<eldercare::filing> filing = std::nullopt)
      : id_(std::move(id)), kind_(kind), region_(region), beds_(beds), filing_(std::move(filing)) {
    if (id_.empty()) throw invalid_value(error_id::invalid_facility, "facility.id", "", "must not be empty");
    if (beds_ < 0)
      throw invalid_value(error_id::invalid_facility, "facilities[" + id_ + "].beds", beds_,
                          "cannot be negative");
  }

  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  [[nodiscard]] facility_kind kind() const noexcept { return kind_; }
  [[nodiscard]] const region_code& region() const noexcept { return region_; }
  [[nodiscard]] int beds() const noexcept { return beds_; }
  [[nodiscard]] const std::optional<eldercare::filing>& filing() const noexcept { return filing_; }

  /// Filed with civil affairs and the filing in force on `d`.
  [[nodiscard]] bool filed_on(const date& d) const noexcept { return filing_ && filing_->in_force_on(d); }

private:
  std::string id_;
  facility_kind kind_;
  region_code region_;
  int beds_;
  std::optional<eldercare::filing> filing_;
};

} // namespace eldercare
