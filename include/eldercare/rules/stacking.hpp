#pragma once
// Stacking between policies (叠加 / 择高 / 不得同时享受), declared per pair, never hand-coded. The
// national 衔接 rule for the disabled persons' 两项补贴 is "choose the higher" (DOMAIN.md D.1);
// Beijing makes some pairs an exclusive choice; Guangzhou lets 高龄津贴 stack.

#include <algorithm> // std::stable_sort
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eldercare/core/words.hpp"
#include "eldercare/rules/decision.hpp"

namespace eldercare {

enum class stacking_mode {
  stack,            ///< both are paid
  choose_higher,    ///< only the higher is paid (择高申领)
  exclusive_choice, ///< the person must choose one; eldercare assumes the higher and says so
};

template <>
struct enum_words<stacking_mode> {
  static constexpr std::string_view type = "stacking_mode";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<stacking_mode>, 3> entries{{
      {stacking_mode::stack, "stack"},
      {stacking_mode::choose_higher, "choose_higher"},
      {stacking_mode::exclusive_choice, "exclusive_choice"},
  }};
};

/// A declared interaction between two policies.
struct stacking_rule {
  std::string first;
  std::string second;
  stacking_mode mode = stacking_mode::stack;
  citation cite;
  provenance origin = provenance::assumed;
};

class stacking_table {
public:
  /// `fallback` applies to pairs nobody declared.
  explicit stacking_table(stacking_mode fallback = stacking_mode::stack) : fallback_(fallback) {}

  void declare(stacking_rule r) {
    auto key = ordered(r.first, r.second);
    rules_.insert_or_assign(std::move(key), std::move(r));
  }
  [[nodiscard]] stacking_mode mode_for(std::string_view a, std::string_view b) const {
    const auto it = rules_.find(ordered(std::string(a), std::string(b)));
    return it == rules_.end() ? fallback_ : it->second.mode;
  }
  [[nodiscard]] const stacking_rule* rule_for(std::string_view a, std::string_view b) const {
    const auto it = rules_.find(ordered(std::string(a), std::string(b)));
    return it == rules_.end() ? nullptr : &it->second;
  }
  [[nodiscard]] stacking_mode fallback() const noexcept { return fallback_; }
  [[nodiscard]] std::vector<stacking_rule> rules() const {
    std::vector<stacking_rule> out;
    for (const auto& [k, r] : rules_) out.push_back(r);
    return out;
  }

private:
  static std::pair<std::string, std::string> ordered(std::string a, std::string b) {
    return a < b ? std::pair{std::move(a), std::move(b)} : std::pair{std::move(b), std::move(a)};
  }
  stacking_mode fallback_;
  std::map<std::pair<std::string, std::string>, stacking_rule> rules_;
};

/// What is paid of one decision after stacking.
struct stacked_grant {
  std::string policy_id;
  std::optional<benefit> granted;
  bool paid = false;
  std::string reason; ///< why it is (not) paid, naming the pair rule
};

namespace detail {
/// Money grants of different periods compare by their value over a year (a month counts 12 times, a
/// day 365, a one-off grant once); other units compare only within the same unit and period.
inline bool comparable_for_stacking(const benefit& a, const benefit& b) {
  return a.commensurable(b) || (a.is_money() && b.is_money());
}
inline std::int64_t comparison_value(const benefit& b) {
  if (!b.is_money()) return b.quantity();
  switch (b.period()) {
  case benefit_period::per_month: return b.quantity() * 12;
  case benefit_period::per_day: return b.quantity() * 365;
  case benefit_period::per_year:
  case benefit_period::one_off: return b.quantity();
  }
  return b.quantity();
}
} // namespace detail

/// Applies the table to a subject's decisions on one date. Higher grants are considered first, so
/// under choose_higher the one kept is the higher (ties: the earlier in `decisions`); money grants of
/// different periods compare by their yearly value.
[[nodiscard]] inline std::vector<stacked_grant> resolve_stacking(const std::vector<decision>& decisions,
                                                                 const stacking_table& table) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < decisions.size(); ++i)
    if (decisions[i].eligible) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const benefit& x = *decisions[a].granted;
    const benefit& y = *decisions[b].granted;
    return detail::comparable_for_stacking(x, y) && detail::comparison_value(x) > detail::comparison_value(y);
  });
  std::vector<stacked_grant> out(decisions.size());
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    out[i].policy_id = decisions[i].policy_id;
    out[i].granted = decisions[i].granted;
    out[i].reason = decisions[i].eligible ? "" : "not eligible";
  }
  std::vector<std::size_t> kept;
  for (std::size_t i : order) {
    const decision* blocker = nullptr;
    stacking_mode blocked_mode = stacking_mode::stack;
    for (std::size_t k : kept) {
      const stacking_mode m = table.mode_for(decisions[k].policy_id, decisions[i].policy_id);
      if (m != stacking_mode::stack &&
          detail::comparable_for_stacking(*decisions[k].granted, *decisions[i].granted)) {
        blocker = &decisions[k];
        blocked_mode = m;
        break;
      }
    }
    if (!blocker) {
      out[i].paid = true;
      out[i].reason = "paid";
      kept.push_back(i);
    } else {
      out[i].reason = std::string(to_word(blocked_mode)) + " with " + blocker->policy_id + ", which pays " +
                      blocker->granted->to_string();
      if (blocked_mode == stacking_mode::exclusive_choice)
        out[i].reason += " (the person must choose; the higher is assumed)";
    }
  }
  return out;
}

} // namespace eldercare
