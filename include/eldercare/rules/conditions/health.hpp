#pragma once
// Health facts used as exclusions: wrap in ! ("无精神病" is !has_mental_illness{}).

#include <string>

#include "eldercare/person/health.hpp"
#include "eldercare/rules/condition.hpp"

namespace eldercare {

template <class S>
concept HasHealth = requires(const S& s) {
  { s.health } -> std::convertible_to<health_status>;
};

/// Has a severe mental disorder (严重精神障碍).
struct has_mental_illness : condition_tag {
  template <HasHealth Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool v = ctx.subject.health.mental_illness;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = v;
      r.facts = {{"health.mental_illness", v ? "true" : "false"}};
      return r;
    });
    return v;
  }
  [[nodiscard]] std::string describe() const { return "has a severe mental illness (精神病)"; }
};

/// Has an active notifiable infectious disease (法定传染病).
struct has_infectious_disease : condition_tag {
  template <HasHealth Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool v = ctx.subject.health.infectious_disease;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = v;
      r.facts = {{"health.infectious_disease", v ? "true" : "false"}};
      return r;
    });
    return v;
  }
  [[nodiscard]] std::string describe() const { return "has a notifiable infectious disease (法定传染病)"; }
};

} // namespace eldercare
