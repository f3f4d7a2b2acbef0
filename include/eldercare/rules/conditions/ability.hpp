#pragma once
// Ability (GB/T 42195-2022 level) and disability-certificate conditions.

#include <optional>
#include <string>
#include <vector>

#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/disability_certificate.hpp"
#include "eldercare/rules/condition.hpp"

namespace eldercare {

template <class S>
concept HasAbility = requires(const S& s) {
  { s.ability } -> std::convertible_to<std::optional<assessment>>;
};
template <class S>
concept HasDisability = requires(const S& s) {
  { s.disability } -> std::convertible_to<std::optional<disability_certificate>>;
};

namespace detail {
/// "肢体残疾 一级; 智力残疾 二级": a certificate and its components, for explanations.
inline std::string certificate_text(const disability_certificate& c) {
  std::string v = std::string(label(c.category())) + " " + std::string(c.grade().label());
  for (const auto& e : c.components()) v += "; " + std::string(label(e.category)) + " " + std::string(e.grade.label());
  return v;
}
inline std::string categories_text(const std::vector<disability_category>& cs) {
  std::string s;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    // Appended piece by piece: `(i ? "/" : "") + std::string(...)` trips GCC 12's false
    // -Wrestrict (an "overlapping memcpy" in operator+, GCC bug 105329) at -O3, an error in
    // -Werror builds of code that includes this header.
    if (i) s += '/';
    s += label(cs[i]);
  }
  return s;
}
} // namespace detail

/// An assessment on file, valid on the date, with a GB/T 42195 level at least `minimum` (levels grow
/// with need: 3 = 重度失能). The assessment's own scale is reported; conversion happened when it was
/// recorded (see ability/mzt039.hpp, ability/barthel.hpp).
struct ability_at_least : condition_tag {
  ability_level minimum;

  explicit ability_at_least(ability_level m) : minimum(m) {}

  template <HasAbility Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& a = ctx.subject.ability;
    const bool valid = a && a->holds_on(ctx.on);
    const bool ok = valid && a->level() >= minimum;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      if (!a) {
        r.note = "no ability assessment on file";
      } else {
        r.facts = {{"ability.level", std::to_string(a->level().value()) + " " + std::string(a->level().label())},
                   {"ability.scale", std::string(to_string(a->scale()))},
                   {"ability.assessed_on", to_iso(a->assessed_on())}};
        if (!valid) r.note = "the assessment does not hold on " + to_iso(ctx.on);
      }
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "ability level ≥ " + std::to_string(minimum.value()) + " (" + std::string(minimum.label()) + ", GB/T 42195-2022)";
  }
};

/// A disability certificate (残疾人证) showing one of `categories` at `grade` or more severe
/// (一级 is the most severe).
struct disability_at_least : condition_tag {
  std::vector<disability_category> categories;
  disability_grade grade;

  disability_at_least(std::vector<disability_category> cs, disability_grade g) : categories(std::move(cs)), grade(g) {
    if (categories.empty())
      throw invalid_value(error_id::invalid_parameter, "disability_at_least.categories", "[]", "needs a category");
  }

  template <HasDisability Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& c = ctx.subject.disability;
    bool ok = false;
    if (c)
      for (auto cat : categories) ok = ok || c->shows(cat, grade);
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      if (!c) r.note = "no disability certificate";
      else r.facts = {{"disability", detail::certificate_text(*c)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "disability certificate " + detail::categories_text(categories) + " grade " + std::string(grade.label()) +
           " or more severe";
  }
};

} // namespace eldercare

namespace eldercare {

/// A 多重残疾 (multiple disability) certificate one of whose components is in `categories` at `grade`
/// or more severe (Beijing: "多重残疾中含二级智力或精神残疾").
struct multiple_disability_with : condition_tag {
  std::vector<disability_category> categories;
  disability_grade grade;

  multiple_disability_with(std::vector<disability_category> cs, disability_grade g) : categories(std::move(cs)), grade(g) {
    if (categories.empty())
      throw invalid_value(error_id::invalid_parameter, "multiple_disability_with.categories", "[]", "needs a category");
  }

  template <HasDisability Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& c = ctx.subject.disability;
    bool ok = false;
    if (c && c->category() == disability_category::multiple)
      for (const auto& e : c->components())
        for (auto cat : categories) ok = ok || (e.category == cat && e.grade.is_at_least_as_severe_as(grade));
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      if (!c) r.note = "no disability certificate";
      else r.facts = {{"disability", detail::certificate_text(*c)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "多重残疾 including " + detail::categories_text(categories) + " grade " + std::string(grade.label()) +
           " or more severe";
  }
};

} // namespace eldercare
