#pragma once
// What an evaluation records. Every condition is evaluated through a "sink": `no_trace` records
// nothing (batch runs; the lambdas that build reasons are never called and compile away), `trace`
// records every condition with the facts it looked at. One implementation per condition serves both,
// so the explanation can never disagree with the verdict.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "eldercare/calendar/date.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

/// One fact a condition looked at, e.g. {"hukou.region", "110102 西城区"}.
struct fact {
  std::string name;
  std::string value;
  friend bool operator==(const fact&, const fact&) = default;
};

enum class reason_kind { leaf, all_of, any_of, negation };

template <>
struct enum_words<reason_kind> {
  static constexpr std::string_view type = "reason_kind";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<reason_kind>, 4> entries{{
      {reason_kind::leaf, "leaf"},
      {reason_kind::all_of, "all_of"},
      {reason_kind::any_of, "any_of"},
      {reason_kind::negation, "negation"},
  }};
};

/// The verdict of one condition (or group of conditions) in an evaluation.
struct reason {
  reason_kind kind = reason_kind::leaf;
  int depth = 0;         ///< nesting under all_of / any_of / negation, for display
  std::string condition; ///< what was asked, e.g. "age ≥ 60 周岁"
  bool passed = false;
  std::vector<fact> facts; ///< what it looked at
  /// For a failed condition that time will satisfy (a duration, an age): the first date on which it
  /// would pass if nothing else changes.
  std::optional<date> met_on;
  std::string note; ///< anything else worth saying ("no assessment on file")
  /// For a duration condition measured from an event (入住满三个月: the continuous stay's start, art.
  /// 201's event day): that day, whether or not the duration is complete. Schedules clip back-paid
  /// arrears to it (no arrears for months before the stay began).
  std::optional<date> counted_from;
};

/// Records nothing. Conditions call `leaf(make)` with a lambda; here it is never invoked.
struct no_trace {
  static constexpr bool recording = false;
  template <class MakeReason>
  constexpr void leaf(MakeReason&&) const noexcept {}
  template <class Describe>
  constexpr std::size_t open_group(reason_kind, Describe&&) const noexcept {
    return 0;
  }
  constexpr void close_group(std::size_t, bool) const noexcept {}
};

/// Records every condition in evaluation order.
class trace {
public:
  static constexpr bool recording = true;

  template <class MakeReason>
  void leaf(MakeReason&& make) {
    reason r = make();
    r.kind = reason_kind::leaf;
    r.depth = depth_;
    reasons_.push_back(std::move(r));
  }
  /// Starts a group (all_of / any_of / negation); returns a handle for close_group.
  template <class Describe>
  std::size_t open_group(reason_kind kind, Describe&& describe) {
    reason r;
    r.kind = kind;
    r.depth = depth_++;
    r.condition = describe();
    reasons_.push_back(std::move(r));
    return reasons_.size() - 1;
  }
  void close_group(std::size_t handle, bool passed) {
    --depth_;
    reasons_[handle].passed = passed;
  }

  [[nodiscard]] const std::vector<reason>& reasons() const& noexcept { return reasons_; }
  [[nodiscard]] std::vector<reason> reasons() && noexcept { return std::move(reasons_); }

private:
  std::vector<reason> reasons_;
  int depth_ = 0;
};

} // namespace eldercare
