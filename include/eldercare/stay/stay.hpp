#pragma once
// A stay (入住) in a facility: admission, and discharge or ongoing.

#include <optional>
#include <string>
#include <string_view> // field names
#include <utility>     // std::move

#include "eldercare/calendar/date.hpp"

namespace eldercare {

class stay {
public:
  /// Throws invalid_value when the discharge is before the admission.
  stay(std::string facility_id, date admitted, std::optional<date> discharged = std::nullopt,
       std::string_view field = "stay")
      : facility_id_(std::move(facility_id)), admitted_(admitted), discharged_(discharged) {
    if (facility_id_.empty())
      throw invalid_value(error_id::invalid_stay, std::string(field) + ".facility", "", "must not be empty");
    // Field names only for an error: populations build a stay per row with stays.
    if (!is_supported(admitted_)) require_valid(admitted_, std::string(field) + ".admitted");
    if (discharged_) {
      if (!is_supported(*discharged_)) require_valid(*discharged_, std::string(field) + ".discharged");
      if (*discharged_ < admitted_)
        throw invalid_value(error_id::invalid_stay, std::string(field) + ".discharged", to_iso(*discharged_),
                            "is before the admission " + to_iso(admitted_));
    }
  }

  [[nodiscard]] const std::string& facility_id() const noexcept { return facility_id_; }
  [[nodiscard]] const date& admitted() const noexcept { return admitted_; }
  /// Empty while the stay is ongoing.
  [[nodiscard]] const std::optional<date>& discharged() const noexcept { return discharged_; }
  [[nodiscard]] bool ongoing() const noexcept { return !discharged_; }
  /// The person is in the facility on `d` (admission and discharge days included).
  [[nodiscard]] bool covers(const date& d) const noexcept {
    return admitted_ <= d && (!discharged_ || d <= *discharged_);
  }

  friend bool operator==(const stay&, const stay&) = default;

private:
  std::string facility_id_;
  date admitted_;
  std::optional<date> discharged_;
};

} // namespace eldercare
