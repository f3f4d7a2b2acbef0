#pragma once
// Age conditions. Art. 1259: "X周岁以上" includes X (age_at_least); "不满X周岁" excludes it (age_under).

#include <optional> // the day an age is reached, if within the supported years
#include <string>
#include <string_view> // the leaves' declarations

#include "eldercare/calendar/age.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

/// Subjects with a birth date.
template <class S>
concept HasBirthDate = requires(const S& s) {
  { s.birth_date } -> std::convertible_to<date>;
};

namespace detail {
/// The age rule's two options as parameters of an age leaf (each age leaf declares them through this).
template <class Rule, class V>
void age_rule_fields(Rule& rule, V& v) {
  v(leaf_param("reached", "The day a year is gained.").by_name(), rule.reached, age_reached::on_birthday);
  v(leaf_param("leap_day", "Where a 29 February birthday falls in a common year.").by_name(), rule.leap_day,
    leap_day_birthday::february_28);
}
/// "age_at_least.years" must be 0-150.
inline void check_age_years(int years, std::string_view field) {
  if (years < 0 || years > 150)
    throw invalid_value(error_id::invalid_parameter, field, years, "must be 0-150");
}
} // namespace detail

/// Age ≥ `years` 周岁 on the evaluation date ("X周岁以上", "年满X周岁").
struct age_at_least : condition_tag {
  static constexpr std::string_view kind = "age_at_least";
  static constexpr row_fields reads = row_fields::birth_date;
  static constexpr std::string_view doc =
      "Age ≥ `years` 周岁 on the evaluation date (\"X周岁以上\" includes X, art. 1259).";
  static constexpr std::string_view notes =
      "When it fails, the reason carries ``met_on``, the birthday on which it will hold.";
  /// Holding for a birth day, it holds for every earlier one: the day an age is reached never comes
  /// sooner for a later birth (Feb 29 included, under either age.leap_day reading). batch_leaf.hpp.
  static constexpr int birth_order = 1;

  int years = 0;
  age_rule rule{};

  explicit age_at_least(int y, age_rule r = {}) : years(y), rule(r) { validate(); }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("years", "0-150."), self.years);
    detail::age_rule_fields(self.rule, v);
  }
  void validate() const { detail::check_age_years(years, "age_at_least.years"); }

  template <HasBirthDate Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    // None when the age is reached after 2400: not reached on any supported date.
    const std::optional<date> reached = date_reaching_age_within(ctx.subject.birth_date, years, rule);
    const bool ok = reached && *reached <= ctx.on;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"birth_date", to_iso(ctx.subject.birth_date)},
                 {"age", ctx.on < ctx.subject.birth_date
                             ? std::string("not born")
                             : std::to_string(age_on(ctx.subject.birth_date, ctx.on, rule))}};
      if (!ok) r.met_on = reached;
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "age ≥ " + std::to_string(years) + " 周岁"; }

protected:
  age_at_least() = default; // blank, for a leaf made from parameters by name (rules/leaf.hpp)
};

/// Age < `years` 周岁 ("不满X周岁"). Never becomes true with time, so it has no met_on.
struct age_under : condition_tag {
  static constexpr std::string_view kind = "age_under";
  static constexpr row_fields reads = row_fields::birth_date;
  static constexpr std::string_view doc = "Age < `years` 周岁 (\"不满X周岁\").";
  static constexpr int birth_order = -1; ///< holding for a birth day, it holds for every later one

  int years = 0;
  age_rule rule{};

  explicit age_under(int y, age_rule r = {}) : years(y), rule(r) { validate(); }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("years", "0-150."), self.years);
    detail::age_rule_fields(self.rule, v);
  }
  void validate() const { detail::check_age_years(years, "age_under.years"); }

  template <HasBirthDate Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const std::optional<date> reached = date_reaching_age_within(ctx.subject.birth_date, years, rule);
    const bool ok = !reached || ctx.on < *reached;
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

protected:
  age_under() = default; // blank (rules/leaf.hpp)
};

} // namespace eldercare
