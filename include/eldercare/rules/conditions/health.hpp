#pragma once
// Health facts used as exclusions: wrap in ! ("无精神病" is !has_mental_illness{}).

#include <string>
#include <string_view> // the leaves' declarations

#include "eldercare/person/health.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

template <class S>
concept HasHealth = requires(const S& s) {
  { s.health } -> std::convertible_to<health_status>;
};

/// Holds when one flag of the subject's health_status is set. `Flag` names the member, the fact
/// recorded in explanations and the words of describe().
template <class Flag>
struct health_flag : condition_tag {
  static constexpr std::string_view kind = Flag::kind;
  static constexpr row_fields reads = row_fields::health;
  static constexpr std::string_view doc = Flag::doc;

  template <class Self, class V>
  static void fields(Self&, V&&) {} // no parameters

  template <HasHealth Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool v = ctx.subject.health.*Flag::member;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = v;
      r.facts = {{Flag::fact, v ? "true" : "false"}};
      return r;
    });
    return v;
  }
  [[nodiscard]] std::string describe() const { return Flag::words; }
};

namespace detail {
struct mental_illness_flag {
  static constexpr std::string_view kind = "has_mental_illness";
  static constexpr std::string_view doc =
      "Has a severe mental illness (严重精神障碍); \"无精神病\" is its negation.";
  static constexpr bool health_status::*member = &health_status::mental_illness;
  static constexpr const char* fact = "health.mental_illness";
  static constexpr const char* words = "has a severe mental illness (精神病)";
};
struct infectious_disease_flag {
  static constexpr std::string_view kind = "has_infectious_disease";
  static constexpr std::string_view doc = "Has an active notifiable infectious disease (法定传染病).";
  static constexpr bool health_status::*member = &health_status::infectious_disease;
  static constexpr const char* fact = "health.infectious_disease";
  static constexpr const char* words = "has a notifiable infectious disease (法定传染病)";
};
} // namespace detail

/// Has a severe mental disorder (严重精神障碍).
using has_mental_illness = health_flag<detail::mental_illness_flag>;
/// Has an active notifiable infectious disease (法定传染病).
using has_infectious_disease = health_flag<detail::infectious_disease_flag>;

} // namespace eldercare
