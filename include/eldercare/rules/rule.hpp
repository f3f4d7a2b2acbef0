#pragma once
// A rule: a condition, the benefit it grants, the clause it encodes, and its parameters.

#include <algorithm> // std::max / std::min over met_on dates
#include <optional>
#include <string>
#include <vector>

#include "eldercare/rules/any_condition.hpp"
#include "eldercare/rules/benefit.hpp"
#include "eldercare/rules/citation.hpp"
#include "eldercare/rules/parameter.hpp"

namespace eldercare {

/// A rule whose condition type `C` is known at compile time. `Subject` is whose facts it reads.
template <class Subject, class C, class B = benefit>
struct typed_rule {
  static_assert(ConditionFor<C, Subject>,
                "the rule's condition cannot be evaluated on this subject: every condition in it must "
                "read facts that the subject type has (see the ConditionFor concept)");
  using subject_type = Subject;

  std::string id;    ///< stable within its policy, e.g. "jin_ji_meng"
  std::string title; ///< e.g. "600 yuan a month after 3 months in a filed 津冀蒙 institution"
  citation cite;
  C condition;
  B grant;
  parameter_list parameters;
};

/// A rule built at run time (or erased from a typed_rule so that rules of different types share a
/// container). Its condition is evaluated by the same code as the typed rule it came from.
template <class Subject>
using basic_rule = typed_rule<Subject, basic_any_condition<Subject>, benefit>;

/// Makes a typed rule, checking at compile time that its condition fits the subject.
template <class Subject, class C, class B>
[[nodiscard]] typed_rule<Subject, C, B> make_rule(std::string id, std::string title, citation cite,
                                                  C condition, B grant, parameter_list parameters = {}) {
  return {std::move(id),        std::move(title), std::move(cite),
          std::move(condition), std::move(grant), std::move(parameters)};
}

/// Erases a typed rule's condition type.
template <class Subject, class C, class B>
[[nodiscard]] basic_rule<Subject> erase(const typed_rule<Subject, C, B>& r) {
  return {r.id, r.title, r.cite, basic_any_condition<Subject>(r.condition), benefit(r.grant), r.parameters};
}

/// The verdict on one rule, with every condition it checked.
struct rule_outcome {
  std::string rule_id;
  std::string title;
  citation cite;
  benefit grant;
  bool eligible = false;
  std::vector<reason> reasons;
  /// The first date on which the rule would hold if only time passed (ages reached, durations
  /// completed); empty when it holds already or when a failing condition does not pass with time.
  std::optional<date> would_be_met_on;
};

namespace detail {
// met_on of the subtree rooted at reasons[i]; advances i past it. Leaves that passed count as met
// "now" (represented by nullopt-with-ok); failed leaves use their met_on. all_of takes the latest,
// any_of the earliest, a negation is never met by time.
struct met_result {
  bool possible;
  std::optional<date> when; // empty with possible=true: already met
};
inline met_result met_on_subtree(const std::vector<reason>& rs, std::size_t& i) {
  const reason& r = rs[i++];
  if (r.kind == reason_kind::leaf) {
    if (r.passed) return {true, std::nullopt};
    return {r.met_on.has_value(), r.met_on};
  }
  std::vector<met_result> kids;
  while (i < rs.size() && rs[i].depth > r.depth) kids.push_back(met_on_subtree(rs, i));
  if (r.passed) return {true, std::nullopt};
  if (r.kind == reason_kind::negation) return {false, std::nullopt};
  if (r.kind == reason_kind::all_of) {
    met_result out{true, std::nullopt};
    for (const auto& k : kids) {
      if (!k.possible) return {false, std::nullopt};
      if (k.when && (!out.when || *k.when > *out.when)) out.when = k.when;
    }
    return out;
  }
  met_result out{false, std::nullopt}; // any_of
  for (const auto& k : kids)
    if (k.possible && k.when && (!out.possible || !out.when || *k.when < *out.when)) out = k;
  return out;
}
inline std::optional<date> would_be_met_on(const std::vector<reason>& rs) {
  if (rs.empty()) return std::nullopt;
  std::size_t i = 0;
  const auto r = met_on_subtree(rs, i);
  return r.possible ? r.when : std::nullopt;
}
} // namespace detail

/// Evaluates a rule and records why.
template <class Subject, class C, class B>
[[nodiscard]] rule_outcome evaluate_rule(const typed_rule<Subject, C, B>& r, const context<Subject>& ctx) {
  trace t;
  const bool ok = r.condition.evaluate(ctx, t);
  rule_outcome out{r.id, r.title, r.cite, benefit(r.grant), ok, std::move(t).reasons(), std::nullopt};
  if (!ok) out.would_be_met_on = detail::would_be_met_on(out.reasons);
  return out;
}

/// Whether a rule holds, recording nothing (the fast path used by schedules and batches).
template <class Subject, class C, class B>
[[nodiscard]] bool rule_holds(const typed_rule<Subject, C, B>& r, const context<Subject>& ctx) {
  no_trace quiet;
  return r.condition.evaluate(ctx, quiet);
}

} // namespace eldercare
