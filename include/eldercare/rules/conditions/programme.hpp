#pragma once
// Enrolment in a programme (a platform, a scheme) that a rule requires.

#include <algorithm> // std::find
#include <string>
#include <vector>

#include "eldercare/rules/condition.hpp"

namespace eldercare {

template <class S>
concept HasProgrammes = requires(const S& s) {
  { s.programmes } -> std::convertible_to<std::vector<std::string>>;
};

/// Enrolled in `programme` (an id such as "weihai.virtual_platform").
struct enrolled_in : condition_tag {
  std::string programme;
  std::string label; ///< words for explanations, e.g. "Weihai virtual eldercare platform (虚拟养老院)"

  explicit enrolled_in(std::string id, std::string words = {}) : programme(std::move(id)), label(std::move(words)) {
    if (programme.empty()) throw invalid_value(error_id::invalid_parameter, "enrolled_in.programme", "", "must not be empty");
  }

  template <HasProgrammes Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& ps = ctx.subject.programmes;
    const bool ok = std::find(ps.begin(), ps.end(), programme) != ps.end();
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      std::string list;
      for (const auto& p : ps) list += (list.empty() ? "" : ", ") + p;
      r.facts = {{"programmes", list.empty() ? std::string("none") : list}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "enrolled in " + (label.empty() ? programme : label + " [" + programme + "]");
  }
};

} // namespace eldercare
