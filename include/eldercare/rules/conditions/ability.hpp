#pragma once
// Ability (GB/T 42195-2022 level) and disability-certificate conditions.

#include <optional>
#include <string>
#include <string_view> // the leaves' declarations
#include <vector>

#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/disability_certificate.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/leaf.hpp"

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
  for (const auto& e : c.components())
    v += "; " + std::string(label(e.category)) + " " + std::string(e.grade.label());
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
/// The two parameters of a certificate leaf (disability_at_least, multiple_disability_with).
template <class Leaf, class V>
void certificate_fields(Leaf& self, V& v) {
  v(leaf_param("categories",
               "Disability categories (\"physical\", \"intellectual\", ..., or the Chinese labels), any "
               "of which will do."),
    self.categories);
  v(leaf_param("grade", "1 (一级, most severe) to 4: 2 holds for 一级 and 二级."), self.grade);
}
inline void check_categories(const std::vector<disability_category>& cs, std::string_view field) {
  if (cs.empty()) throw invalid_value(error_id::invalid_parameter, field, literal{"[]"}, "needs a category");
}
/// Whether an assessment's validity is the same on every date of [from, last]: it holds on both
/// ends (its validity is an interval), or on none of them.
[[nodiscard]] inline bool validity_same_until(const assessment& a, const date& from, const date& last) {
  return (a.holds_on(from) && a.holds_on(last)) || last < a.assessed_on() ||
         (a.valid_until() && *a.valid_until() < from);
}
} // namespace detail

/// An assessment on file, valid on the date, with a GB/T 42195 level at least `minimum` (levels grow
/// with need: 3 = 重度失能). The assessment's own scale is reported; conversion happened when it was
/// recorded (see ability/mzt039.hpp, ability/barthel.hpp).
struct ability_at_least : condition_tag {
  static constexpr std::string_view kind = "ability_at_least";
  static constexpr row_fields reads = row_fields::ability;
  static constexpr std::string_view doc = "An ability assessment valid on the date with a GB/T 42195-2022 "
                                          "level ≥ `level`. Levels grow with need: "
                                          "level 3 or more is \"重度失能及以上\".";

  ability_level minimum = ability_level::intact;

  explicit ability_at_least(ability_level m) : minimum(m) {}

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("level", "The lowest GB/T 42195 level that qualifies (0-4)."), self.minimum);
  }

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
        r.facts = {
            {"ability.level", std::to_string(a->level().value()) + " " + std::string(a->level().label())},
            {"ability.scale", std::string(to_string(a->scale()))},
            {"ability.assessed_on", to_iso(a->assessed_on())}};
        if (!valid) r.note = "the assessment does not hold on " + to_iso(ctx.on);
      }
      return r;
    });
    return ok;
  }
  /// Whether the verdict on ctx.on is the verdict on every date up to `last` (the batch engine then
  /// decides the row once for a horizon: batch_leaf::same_until).
  template <HasAbility Subject>
  [[nodiscard]] bool same_until(const context<Subject>& ctx, const date& last) const {
    const auto& a = ctx.subject.ability;
    return !a || a->level() < minimum || detail::validity_same_until(*a, ctx.on, last);
  }
  [[nodiscard]] std::string describe() const {
    return "ability level ≥ " + std::to_string(minimum.value()) + " (" + std::string(minimum.label()) +
           ", GB/T 42195-2022)";
  }

protected:
  ability_at_least() = default; // blank (rules/leaf.hpp)
};

/// A disability certificate (残疾人证) showing one of `categories` at `grade` or more severe
/// (一级 is the most severe).
struct disability_at_least : condition_tag {
  static constexpr std::string_view kind = "disability_at_least";
  static constexpr row_fields reads = row_fields::disability;
  static constexpr std::string_view doc =
      "A disability certificate showing one of `categories` at `grade` or more severe.";

  std::vector<disability_category> categories;
  disability_grade grade = disability_grade::one;

  disability_at_least(std::vector<disability_category> cs, disability_grade g)
      : categories(std::move(cs)), grade(g) {
    validate();
  }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    detail::certificate_fields(self, v);
  }
  void validate() const { detail::check_categories(categories, "disability_at_least.categories"); }

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
      else
        r.facts = {{"disability", detail::certificate_text(*c)}};
      return r;
    });
    return ok;
  }
  /// The certificate alone decides: the same verdict on every date (batch_leaf::same_until).
  template <HasDisability Subject>
  [[nodiscard]] bool same_until(const context<Subject>&, const date&) const {
    return true;
  }
  [[nodiscard]] std::string describe() const {
    return "disability certificate " + detail::categories_text(categories) + " grade " +
           std::string(grade.label()) + " or more severe";
  }

protected:
  disability_at_least() = default; // blank (rules/leaf.hpp)
};

} // namespace eldercare

namespace eldercare {

/// A 多重残疾 (multiple disability) certificate one of whose components is in `categories` at `grade`
/// or more severe (Beijing: "多重残疾中含二级智力或精神残疾").
struct multiple_disability_with : condition_tag {
  static constexpr std::string_view kind = "multiple_disability_with";
  static constexpr row_fields reads = row_fields::disability;
  static constexpr std::string_view doc = "A 多重残疾 (multiple disability) certificate one of whose "
                                          "components is in `categories` at `grade` or more "
                                          "severe (Beijing: \"多重残疾中含二级智力或精神残疾\").";

  std::vector<disability_category> categories;
  disability_grade grade = disability_grade::one;

  multiple_disability_with(std::vector<disability_category> cs, disability_grade g)
      : categories(std::move(cs)), grade(g) {
    validate();
  }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    detail::certificate_fields(self, v);
  }
  void validate() const { detail::check_categories(categories, "multiple_disability_with.categories"); }

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
      else
        r.facts = {{"disability", detail::certificate_text(*c)}};
      return r;
    });
    return ok;
  }
  /// The certificate alone decides: the same verdict on every date (batch_leaf::same_until).
  template <HasDisability Subject>
  [[nodiscard]] bool same_until(const context<Subject>&, const date&) const {
    return true;
  }
  [[nodiscard]] std::string describe() const {
    return "多重残疾 including " + detail::categories_text(categories) + " grade " +
           std::string(grade.label()) + " or more severe";
  }

protected:
  multiple_disability_with() = default; // blank (rules/leaf.hpp)
};

} // namespace eldercare
