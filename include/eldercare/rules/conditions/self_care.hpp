#pragma once
// The 特困人员 生活自理能力 rating as a condition (ability/self_care_rating.hpp, DOMAIN.md A.5): read
// from an assessment on the tekun_self_care scale whose raw score is the number of the six items
// the person cannot do alone. Local rules that say 生活不能自理 / 半自理 may mean this rating rather
// than a GB/T 42195 level (DOMAIN.md open question 11); the library converts neither into the other.

#include <string>
#include <string_view> // the leaf's declarations

#include "eldercare/ability/self_care_rating.hpp"
#include "eldercare/rules/conditions/ability.hpp" // HasAbility
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

/// An assessment on the 特困 six-item scale (scale tekun_self_care, raw score = items not
/// possible), valid on the date, rated at `minimum` or worse (部分丧失 < 完全丧失).
struct self_care_rating_at_least : condition_tag {
  static constexpr std::string_view kind = "self_care_rating_at_least";
  static constexpr row_fields reads = row_fields::ability;
  static constexpr std::string_view doc =
      "An assessment on the 特困 six-item scale (scale ``tekun_self_care``, raw score = items not possible), "
      "valid on the date, rated at `minimum` or worse (部分丧失 < 完全丧失).";

  self_care_rating minimum = self_care_rating::capable;

  explicit self_care_rating_at_least(self_care_rating m) : minimum(m) {}

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("minimum", "The least severe rating that qualifies."), self.minimum);
  }

  template <HasAbility Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& a = ctx.subject.ability;
    const bool usable =
        a && a->scale() == ability_scale::tekun_self_care && a->raw_score() && a->holds_on(ctx.on);
    const bool ok = usable && static_cast<int>(rate_self_care(*a->raw_score())) >= static_cast<int>(minimum);
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      if (!a) {
        r.note = "no ability assessment on file";
        return r;
      }
      r.facts = {{"ability.scale", std::string(to_string(a->scale()))},
                 {"ability.assessed_on", to_iso(a->assessed_on())}};
      if (a->scale() != ability_scale::tekun_self_care)
        r.note = "the assessment is not on the 特困 six-item scale";
      else if (!a->raw_score())
        r.note = "the assessment has no item count (raw score)";
      else {
        r.facts.push_back(
            {"self_care.items_not_possible", std::to_string(*a->raw_score()) + " of 6 (" +
                                                 std::string(label(rate_self_care(*a->raw_score()))) + ")"});
        if (!a->holds_on(ctx.on)) r.note = "the assessment does not hold on " + to_iso(ctx.on);
      }
      return r;
    });
    return ok;
  }
  /// Whether the verdict on ctx.on is the verdict on every date up to `last` (batch_leaf::same_until).
  template <HasAbility Subject>
  [[nodiscard]] bool same_until(const context<Subject>& ctx, const date& last) const {
    const auto& a = ctx.subject.ability;
    return !a || a->scale() != ability_scale::tekun_self_care || !a->raw_score() ||
           static_cast<int>(rate_self_care(*a->raw_score())) < static_cast<int>(minimum) ||
           detail::validity_same_until(*a, ctx.on, last);
  }
  [[nodiscard]] std::string describe() const {
    return "特困 self-care rating " + std::string(label(minimum)) + " or worse";
  }

protected:
  self_care_rating_at_least() = default; // blank (rules/leaf.hpp)
};

} // namespace eldercare
