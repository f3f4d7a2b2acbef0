#pragma once
// A condition that always holds, for rules whose eligibility lies entirely in the policy's scope
// (its effective dates) or in a subject type of its own.

#include <string>      // the words explanations print
#include <string_view> // the leaf's declarations

#include "eldercare/core/error.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

struct always : condition_tag {
  static constexpr std::string_view kind = "always";
  static constexpr row_fields reads = row_fields::none;
  static constexpr std::string_view doc = "Always holds; `what` is how explanations word it.";

  std::string what = "always";

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("what", "How explanations word it (not empty)."), self.what, std::string("always"));
  }
  void validate() const {
    if (what.empty())
      throw invalid_value(error_id::invalid_parameter, "always.what", "", "must not be empty");
  }

  template <class Subject, class Sink>
  bool evaluate(const context<Subject>&, Sink& sink) const {
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = true;
      return r;
    });
    return true;
  }
  [[nodiscard]] std::string describe() const { return what; }
};

} // namespace eldercare
