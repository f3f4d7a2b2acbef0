#pragma once
// An ability assessment record: which scale was used, the resulting level converted onto GB/T
// 42195, when it was made, until when it holds, and optionally the raw score. Rules read the level;
// the scale and raw score are kept so a decision can say where the level came from (DOMAIN.md A:
// "never store a bare integer").
//
// How long an assessment stays valid is not known nationally (DOMAIN.md open question 16): the
// library never invents a validity period. valid_until comes from the caller (or a rule parameter);
// without it the record is treated as holding from assessed_on onward.

#include <optional>    // valid_until and raw_score are optional
#include <string>      // local scale name, error messages
#include <string_view> // field names
#include <utility>     // std::move

#include "eldercare/ability/ability_level.hpp"
#include "eldercare/ability/barthel.hpp"
#include "eldercare/ability/gbt42195.hpp"
#include "eldercare/ability/self_care_rating.hpp"
#include "eldercare/calendar/date.hpp"
#include "eldercare/core/error.hpp"

namespace eldercare {

class assessment {
public:
  /// Checks, throwing invalid_value naming the field:
  ///  * assessed_on and valid_until are real dates, valid_until not before assessed_on;
  ///  * a raw score is in its scale's range: GB/T 42195 total 0-90, Barthel 0-100 in steps of 5,
  ///    特困 self-care items not possible 0-6, other scales >= 0;
  ///  * for GB/T 42195 the level is not below the preliminary level of the raw total (the
  ///    level-change rules only raise);
  ///  * an MZ/T 039 level converted onto GB/T 42195 is never 4 (MZ/T has no 完全丧失);
  ///  * a local scale is named (local_scale_id non-empty), and only a local scale is.
  assessment(ability_scale scale, ability_level level, date assessed_on,
             std::optional<date> valid_until = std::nullopt, std::optional<int> raw_score = std::nullopt,
             std::string local_scale_id = {})
      : scale_(scale), level_(level), assessed_on_(assessed_on), valid_until_(valid_until),
        raw_score_(raw_score), local_scale_id_(std::move(local_scale_id)) {
    require_valid(assessed_on_, "assessment.assessed_on");
    if (valid_until_) {
      require_valid(*valid_until_, "assessment.valid_until");
      if (*valid_until_ < assessed_on_)
        throw invalid_value(error_id::invalid_ability, "assessment.valid_until", to_iso(*valid_until_),
                            "is before assessed_on " + to_iso(assessed_on_));
    }
    if (scale_ == ability_scale::local && local_scale_id_.empty())
      throw invalid_value(error_id::invalid_ability, "assessment.local_scale_id", "",
                          "a local scale must be named");
    if (scale_ != ability_scale::local && !local_scale_id_.empty())
      throw invalid_value(error_id::invalid_ability, "assessment.local_scale_id", local_scale_id_,
                          "only a local scale takes a name; this assessment is on " +
                              std::string(to_string(scale_)));
    if (scale_ == ability_scale::mzt_039_2013 && level_ == ability_level::total_loss)
      throw invalid_value(error_id::invalid_ability, "assessment.level", "4",
                          "MZ/T 039-2013 has no level matching GB/T 42195 level 4 (完全丧失); its "
                          "重度失能 converts to 3");
    if (raw_score_) check_raw_score(*raw_score_);
  }

  [[nodiscard]] ability_scale scale() const noexcept { return scale_; }
  /// The level on GB/T 42195 (converted when the scale is another one).
  [[nodiscard]] ability_level level() const noexcept { return level_; }
  [[nodiscard]] date assessed_on() const noexcept { return assessed_on_; }
  [[nodiscard]] const std::optional<date>& valid_until() const noexcept { return valid_until_; }
  [[nodiscard]] const std::optional<int>& raw_score() const noexcept { return raw_score_; }
  /// The local scale's name and version, e.g. "xixian.care_needs.2023"; empty for national scales.
  [[nodiscard]] const std::string& local_scale_id() const noexcept { return local_scale_id_; }

  /// True when `d` lies in [assessed_on, valid_until] (no upper end without valid_until).
  [[nodiscard]] bool holds_on(const date& d) const noexcept {
    return assessed_on_ <= d && (!valid_until_ || d <= *valid_until_);
  }

  friend bool operator==(const assessment&, const assessment&) = default;

private:
  void check_raw_score(int raw) const {
    constexpr std::string_view field = "assessment.raw_score";
    switch (scale_) {
    case ability_scale::gbt_42195_2022: {
      const ability_level preliminary = gbt42195::preliminary_level(raw, field);
      if (level_ < preliminary)
        throw invalid_value(error_id::invalid_ability, "assessment.level", level_.value(),
                            "is below the preliminary level " + std::to_string(preliminary.value()) +
                                " of total score " + std::to_string(raw) +
                                "; the level-change rules only raise");
      return;
    }
    case ability_scale::barthel_index: (void)barthel_score(raw, field); return;
    case ability_scale::tekun_self_care: (void)rate_self_care(raw, field); return;
    case ability_scale::mzt_039_2013:
    case ability_scale::ltc_2021:
    case ability_scale::local:
      if (raw < 0)
        throw invalid_value(error_id::invalid_ability, field, raw, "a raw score cannot be negative");
      return;
    }
  }

  ability_scale scale_;
  ability_level level_;
  date assessed_on_;
  std::optional<date> valid_until_;
  std::optional<int> raw_score_;
  std::string local_scale_id_;
};

} // namespace eldercare
