#pragma once
// Enrolment in a programme (a platform, a scheme) that a rule requires.

#include <algorithm> // std::find
#include <string>
#include <string_view> // the leaf's declarations
#include <vector>

#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

template <class S>
concept HasProgrammes = requires(const S& s) {
  { s.programmes } -> std::convertible_to<std::vector<std::string>>;
};

/// Enrolled in `programme` (an id such as "weihai.virtual_platform").
struct enrolled_in : condition_tag {
  static constexpr std::string_view kind = "enrolled_in";
  static constexpr row_fields reads = row_fields::programmes;
  static constexpr std::string_view doc =
      "Enrolled in `programme` (an id such as ``\"weihai.virtual_platform\"``).";

  std::string programme;
  std::string label; ///< words for explanations, e.g. "Weihai virtual eldercare platform (虚拟养老院)"

  explicit enrolled_in(std::string id, std::string words = {})
      : programme(std::move(id)), label(std::move(words)) {
    validate();
  }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("programme", "The programme's id (not empty)."), self.programme);
    v(leaf_param("label", "Words for explanations (\"\": the id)."), self.label, std::string());
  }
  void validate() const {
    if (programme.empty())
      throw invalid_value(error_id::invalid_parameter, "enrolled_in.programme", "", "must not be empty");
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

protected:
  enrolled_in() = default; // blank (rules/leaf.hpp)
};

} // namespace eldercare
