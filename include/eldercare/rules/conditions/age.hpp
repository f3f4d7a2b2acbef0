#pragma once
// Age conditions. Art. 1259: "X周岁以上" includes X (age_at_least); "不满X周岁" excludes it (age_under).

#include <string>

#include "eldercare/calendar/age.hpp"
#include "eldercare/rules/condition.hpp"

namespace eldercare {

/// Subjects with a birth date.
template <class S>
concept HasBirthDate = requires(const S& s) {
  { s.birth_date } -> std::convertible_to<date>;
};

/// Age ≥ `years` 周岁 on the evaluation date ("X周岁以上", "年满X周岁").
struct age_at_least : condition_tag {
  int years;
  age_rule rule{};

  explicit age_at_least(int y, age_rule r = {}) : years(y), rule(r) {
    if (y < 0 || y > 150)
      throw invalid_value(error_id::invalid_parameter, "age_at_least.years", std::to_string(y), "must be 0-150");
  }

  template <HasBirthDate Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const date reached = date_reaching_age(ctx.subject.birth_date, years, rule);
    const bool ok = reached <= ctx.on;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"birth_date", to_iso(ctx.subject.birth_date)},
                 {"age", ctx.on < ctx.subject.birth_date ? std::string("not born")
                                                         : std::to_string(age_on(ctx.subject.birth_date, ctx.on, rule))}};
      if (!ok) r.met_on = reached;
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "age ≥ " + std::to_string(years) + " 周岁"; }
};

/// Age < `years` 周岁 ("不满X周岁"). Never becomes true with time, so it has no met_on.
struct age_under : condition_tag {
  int years;
  age_rule rule{};

  explicit age_under(int y, age_rule r = {}) : years(y), rule(r) {
    if (y < 0 || y > 150)
      throw invalid_value(error_id::invalid_parameter, "age_under.years", std::to_string(y), "must be 0-150");
  }

  template <HasBirthDate Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = ctx.on < date_reaching_age(ctx.subject.birth_date, years, rule);
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"birth_date", to_iso(ctx.subject.birth_date)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "age < " + std::to_string(years) + " 周岁"; }
};

} // namespace eldercare
