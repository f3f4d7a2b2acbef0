#pragma once
// Evaluating a policy for one subject on one date gives a decision: eligible or not, what is granted,
// and every rule and condition behind it. Evaluating valid facts never throws.

#include <optional>
#include <string>
#include <type_traits> // std::type_identity_t
#include <vector>

#include "eldercare/core/words.hpp"
#include "eldercare/rules/policy.hpp"

namespace eldercare {

enum class decision_status {
  decided,
  not_in_force,   ///< no version of the policy is in force on the date
  not_computable, ///< the policy is announced but cannot be computed (see status_note)
  /// before the scheme's first known date, where a source shows it existed earlier (known_start):
  /// neither eligible nor not eligible — whether and what it granted is unknown (未定)
  undetermined,
};

template <>
struct enum_words<decision_status> {
  static constexpr std::string_view type = "decision_status";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<decision_status>, 4> entries{{
      {decision_status::decided, "decided"},
      {decision_status::not_in_force, "not_in_force"},
      {decision_status::not_computable, "not_computable"},
      {decision_status::undetermined, "undetermined"},
  }};
};

struct decision {
  std::string policy_id;
  std::string policy_title;
  std::string subject_id;
  date on;
  decision_status status = decision_status::decided;
  std::string status_note;   ///< why a decision could not be made, in words
  std::string version_label; ///< the version applied
  combination combine = combination::first_match;
  bool eligible = false;
  std::optional<benefit> granted;
  std::vector<std::string> granting_rules; ///< ids of the rules whose grant was paid
  std::vector<rule_outcome> rules;         ///< every rule of the version, in order

  /// The money granted per its period (zero when nothing, or a non-money benefit, is granted).
  [[nodiscard]] money amount() const noexcept { return granted ? granted->amount() : money(); }
  /// The first rule that failed, for tables of results ("" when eligible or undecided).
  [[nodiscard]] std::string first_failing_condition() const {
    if (eligible) return "";
    for (const auto& r : rules)
      for (const auto& reason : r.reasons)
        if (reason.kind == reason_kind::leaf && !reason.passed) return reason.condition;
    return status_note;
  }
  /// The latest day from which a duration of a granting rule is counted (reason::counted_from of its
  /// passing conditions: when the stay that earned the grant began); empty when none measures one.
  [[nodiscard]] std::optional<date> counted_from() const {
    std::optional<date> latest;
    for (const auto& r : rules) {
      if (!r.eligible) continue;
      bool granting = false;
      for (const auto& g : granting_rules) granting = granting || g == r.rule_id;
      if (!granting) continue;
      for (const auto& reason : r.reasons)
        if (reason.passed && reason.counted_from && (!latest || *latest < *reason.counted_from))
          latest = reason.counted_from;
    }
    return latest;
  }
  /// The earliest date on which some rule would hold if only time passed.
  [[nodiscard]] std::optional<date> would_be_eligible_on() const {
    std::optional<date> best;
    for (const auto& r : rules)
      if (r.would_be_met_on && (!best || *r.would_be_met_on < *best)) best = r.would_be_met_on;
    return best;
  }
};

/// The status of every decision of `policy` on `on`, whoever the subject: not computable for an
/// announced policy, undetermined before the first known date of a scheme that existed earlier
/// (basic_policy::known_from), not in force when no version is, decided otherwise (for batches that
/// ask for grants alone, without a decision per subject).
template <class Subject>
[[nodiscard]] decision_status status_on(const basic_policy<Subject>& policy, const date& on) {
  if (policy.status() == computability::announced) return decision_status::not_computable;
  if (policy.known_from() && on < policy.known_from()->from) return decision_status::undetermined;
  if (!policy.version_on(on)) return decision_status::not_in_force;
  return decision_status::decided;
}

namespace detail {
/// Combines the verdicts of a version's rules: the one definition of first_match / highest / sum.
/// `holds[i]` says whether rule i holds; the result is what is granted, and `by` (when given)
/// receives the indices of the rules whose grant is paid, in rule order.
template <class Subject, class Holds>
std::optional<benefit> combine_rule_grants(const basic_policy_version<Subject>& v, const Holds& holds,
                                           std::vector<std::size_t>* by = nullptr) {
  std::optional<benefit> granted;
  for (std::size_t i = 0; i < v.rules.size(); ++i) {
    if (!holds[i]) continue;
    const benefit& g = v.rules[i].grant;
    switch (v.combine) {
    case combination::first_match:
      if (by) *by = {i};
      return g;
    case combination::highest:
      if (!granted || g.quantity() > granted->quantity()) {
        granted = g;
        if (by) *by = {i};
      }
      break;
    case combination::sum:
      if (!granted) granted = g;
      else
        granted = granted->plus(g, v.rules[i].id + ".grant"); // checked: never a wrapped sum
      if (by) by->push_back(i);
      break;
    }
  }
  return granted;
}

/// combine_rule_grants with the granting rules named by id.
template <class Subject>
void combine_grants(const basic_policy_version<Subject>& v, const std::vector<char>& holds,
                    std::optional<benefit>& granted, std::vector<std::string>& by) {
  std::vector<std::size_t> indices;
  granted = combine_rule_grants(v, holds, &indices);
  by.clear();
  for (const std::size_t i : indices) by.push_back(v.rules[i].id);
}

template <class Subject>
decision undecided(const basic_policy<Subject>& p, const Subject& s, const date& on) {
  decision d;
  d.policy_id = p.id();
  d.policy_title = p.title();
  d.subject_id = s.id;
  d.on = on;
  d.status = status_on(p, on);
  if (d.status == decision_status::not_computable) {
    d.status_note = "not computable: " + p.missing();
  } else if (d.status == decision_status::undetermined) {
    d.status_note = p.known_from()->to_string();
  } else if (d.status == decision_status::not_in_force) {
    d.status_note = "not in force on " + to_iso(on);
    if (!p.versions().empty())
      d.status_note += " (first version from " + to_iso(p.versions().front().effective_from) + ")";
  }
  return d;
}
} // namespace detail

/// Evaluates `policy` for `subject` on `on` with a full explanation.
template <class Subject>
[[nodiscard]] decision evaluate(const basic_policy<Subject>& policy, const Subject& subject, const date& on,
                                const facility_registry* facilities = nullptr) {
  decision d = detail::undecided(policy, subject, on);
  const auto* v = d.status == decision_status::decided ? policy.version_on(on) : nullptr;
  if (!v) return d;
  d.version_label = v->label;
  d.combine = v->combine;
  const context<Subject> ctx{subject, on, facilities};
  std::vector<char> holds;
  for (const auto& r : v->rules) {
    d.rules.push_back(evaluate_rule(r, ctx));
    holds.push_back(d.rules.back().eligible);
  }
  detail::combine_grants(*v, holds, d.granted, d.granting_rules);
  d.eligible = d.granted.has_value();
  return d;
}

namespace detail {
/// grant_on, also giving the version applied and (when `by` is given) the indices of the granting
/// rules in it.
template <class Subject>
std::optional<benefit> grant_with_rules(const basic_policy<Subject>& policy, const Subject& subject,
                                        const date& on, const facility_registry* facilities,
                                        std::type_identity_t<const basic_policy_version<Subject>*>* applied,
                                        std::vector<std::size_t>* by) {
  const auto* v = status_on(policy, on) == decision_status::decided ? policy.version_on(on) : nullptr;
  if (applied) *applied = v;
  if (by) by->clear();
  if (!v) return std::nullopt;
  const context<Subject> ctx{subject, on, facilities};
  std::vector<char> holds;
  holds.reserve(v->rules.size());
  bool any = false;
  for (const auto& r : v->rules) {
    const bool h = rule_holds(r, ctx);
    holds.push_back(h);
    any = any || h;
    if (h && v->combine == combination::first_match) break;
  }
  holds.resize(v->rules.size(), 0);
  if (!any) return std::nullopt;
  return combine_rule_grants(*v, holds, by);
}
} // namespace detail

/// What `policy` grants `subject` on `on`, recording nothing (the fast path for schedules and
/// batches). Agrees with evaluate(...).granted by construction: both use combine_rule_grants.
template <class Subject>
[[nodiscard]] std::optional<benefit> grant_on(const basic_policy<Subject>& policy, const Subject& subject,
                                              const date& on, const facility_registry* facilities = nullptr) {
  return detail::grant_with_rules(policy, subject, on, facilities, nullptr, nullptr);
}

} // namespace eldercare
