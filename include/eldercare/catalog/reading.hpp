#pragma once
// Readings (解读): where a source leaves a question open, each answer is a named choice, one of them
// the documented default, and every one selectable at evaluation time. A reading_set holds the
// choices an evaluation uses; anything not chosen takes its default.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "eldercare/core/error.hpp"
#include "eldercare/rules/parameter.hpp"

namespace eldercare {

struct reading_choice {
  std::string value;   ///< e.g. "none"
  std::string meaning; ///< e.g. "paid from the month the three months complete; no back-pay"
};

/// An open question of the sources and its possible answers.
struct reading {
  std::string name;     ///< e.g. "xicheng.back_pay"
  std::string question; ///< the open question, in words
  std::vector<reading_choice> choices;
  std::string default_choice;
  provenance origin = provenance::assumed; ///< where the default comes from
  std::string rationale;                   ///< why the default
  std::string reference;                   ///< e.g. "DOMAIN.md open question 1"
  bool enumerable = true; ///< false for free inputs (a list of towns): skipped by sensitivity analysis
  /// For a default that follows the text (provenance stated): the seed's words it rests on, carried
  /// by the parameters that report the reading (checked against the seed like every quote).
  std::string quote = {};

  [[nodiscard]] bool accepts(std::string_view v) const {
    if (!enumerable) return true;
    for (const auto& c : choices)
      if (c.value == v) return true;
    return false;
  }
};

/// The choices made for an evaluation. Unset readings take their default.
class reading_set {
public:
  reading_set() = default;
  reading_set(std::initializer_list<std::pair<const std::string, std::string>> init) : chosen_(init) {}

  reading_set& set(std::string name, std::string value) {
    chosen_.insert_or_assign(std::move(name), std::move(value));
    return *this;
  }
  /// The chosen value, or the reading's default.
  [[nodiscard]] std::string get(const reading& r) const {
    const auto it = chosen_.find(r.name);
    return it == chosen_.end() ? r.default_choice : it->second;
  }
  [[nodiscard]] bool has(std::string_view name) const { return chosen_.find(name) != chosen_.end(); }
  [[nodiscard]] const std::map<std::string, std::string, std::less<>>& chosen() const noexcept {
    return chosen_;
  }
  /// "xicheng.back_pay=first_three_months, stay.transfers=restarts"; "defaults" when empty.
  [[nodiscard]] std::string to_string() const {
    std::string s;
    for (const auto& [k, v] : chosen_) s += (s.empty() ? "" : ", ") + k + "=" + v;
    return s.empty() ? "defaults" : s;
  }
  friend bool operator==(const reading_set&, const reading_set&) = default;

private:
  std::map<std::string, std::string, std::less<>> chosen_;
};

} // namespace eldercare
