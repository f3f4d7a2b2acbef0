#pragma once
// A condition that always holds, for rules whose eligibility lies entirely in the policy's scope
// (its effective dates) or in a subject type of its own.

#include <string>

#include "eldercare/rules/condition.hpp"

namespace eldercare {

struct always : condition_tag {
  std::string what = "always";
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
