#pragma once
// 备案: since the 2018 amendment of the Elder Rights Law (art. 43) an eldercare institution registers
// and then files with a county-level-or-above civil-affairs department; MCA Order No. 66 (in force
// 2020-11-01) sets the procedure (DOMAIN.md C). A filing is in force from the day it is filed until
// the day it is revoked (cancelled), that day excluded.

#include <optional>
#include <string>

#include "eldercare/calendar/date.hpp"
#include "eldercare/region/region_code.hpp"

namespace eldercare {

class filing {
public:
  /// Throws invalid_value when revoked_on is before filed_on.
  filing(region_code authority_region, date filed_on, std::optional<date> revoked_on = std::nullopt,
         std::string receipt_no = {})
      : authority_region_(authority_region), filed_on_(filed_on), revoked_on_(revoked_on),
        receipt_no_(std::move(receipt_no)) {
    require_valid(filed_on_, "filing.filed_on");
    if (revoked_on_) {
      require_valid(*revoked_on_, "filing.revoked_on");
      if (*revoked_on_ < filed_on_)
        throw invalid_value(error_id::invalid_facility, "filing.revoked_on", to_iso(*revoked_on_),
                            "is before filing.filed_on " + to_iso(filed_on_));
    }
  }

  /// The civil-affairs department's region (备案机关所在地).
  [[nodiscard]] const region_code& authority_region() const noexcept { return authority_region_; }
  [[nodiscard]] const date& filed_on() const noexcept { return filed_on_; }
  [[nodiscard]] const std::optional<date>& revoked_on() const noexcept { return revoked_on_; }
  /// 备案回执 number, when known.
  [[nodiscard]] const std::string& receipt_no() const noexcept { return receipt_no_; }

  /// In force on `d`: filed on or before `d`, and not revoked on or before `d`.
  [[nodiscard]] bool in_force_on(const date& d) const noexcept {
    return filed_on_ <= d && (!revoked_on_ || d < *revoked_on_);
  }

private:
  region_code authority_region_;
  date filed_on_;
  std::optional<date> revoked_on_;
  std::string receipt_no_;
};

} // namespace eldercare
