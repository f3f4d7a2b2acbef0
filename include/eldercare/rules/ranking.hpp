#pragma once
// Ranking applicants by a points policy: waiting lists (入住评估轮候) are a priority order, not a
// yes/no. A points policy is an ordinary policy whose rules grant priority_points and combine by
// sum; rank() evaluates it for every applicant and sorts them, keeping each decision so that every
// place in the order can be explained.
//
// Order (deterministic, independent of the order of the input):
//   1. applicants the policy admits (eligible) before the others;
//   2. more points first;
//   3. at equal points, the earlier application date first (ranking_options::applied_on); an
//      applicant whose date is not given comes after those whose date is;
//   4. then the earlier birth date (the older applicant) first, for subjects with a birth date;
//   5. then the subject id in ascending byte order;
//   6. then the input order (only for duplicate ids).
// Applicants who are not eligible (or for whom the policy is not in force or not computable) are
// listed after the ranked ones with position 0, ordered by id.

#include <algorithm> // std::stable_sort
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <type_traits> // std::type_identity_t
#include <vector>

#include "eldercare/rules/conditions/age.hpp" // HasBirthDate
#include "eldercare/rules/decision.hpp"

namespace eldercare {

/// Inputs to the tie-break that are not facts of the subject.
struct ranking_options {
  /// Application dates by subject id (申请/登记轮候 date).
  std::map<std::string, date, std::less<>> applied_on;
};

/// One applicant's place.
struct ranked_entry {
  std::size_t position = 0; ///< 1-based place among the eligible; 0 when not ranked
  std::string subject_id;
  std::int64_t points = 0; ///< the points granted (0 when not ranked)
  std::optional<date> applied_on;
  std::optional<date> birth_date;
  std::size_t input_index = 0; ///< where the applicant was in the input
  decision why;                ///< the full decision: every rule and the facts behind it
};

/// Ranks `applicants` by `policy` on `on`. The policy must grant priority_points; a policy that
/// grants anything else throws invalid_value naming it (points of different kinds cannot be ordered).
template <class Subject>
[[nodiscard]] std::vector<ranked_entry>
rank(const basic_policy<Subject>& policy, std::type_identity_t<std::span<const Subject>> applicants,
     const date& on, const facility_registry* facilities = nullptr, const ranking_options& options = {}) {
  if (const auto* v = policy.status() == computability::computable ? policy.version_on(on) : nullptr)
    for (const auto& r : v->rules)
      if (r.grant.unit() != benefit_unit::priority_points)
        throw invalid_value(error_id::invalid_parameter, "rank.policy", policy.id(),
                            "rule " + r.id + " grants " + r.grant.to_string() +
                                ", not priority points: only a points policy can rank");
  std::vector<ranked_entry> out;
  out.reserve(applicants.size());
  for (std::size_t i = 0; i < applicants.size(); ++i) {
    const Subject& s = applicants[i];
    ranked_entry e;
    e.subject_id = s.id;
    e.input_index = i;
    e.why = evaluate(policy, s, on, facilities);
    if (e.why.eligible) e.points = e.why.granted->quantity();
    if (const auto it = options.applied_on.find(s.id); it != options.applied_on.end())
      e.applied_on = it->second;
    if constexpr (HasBirthDate<Subject>) e.birth_date = s.birth_date;
    out.push_back(std::move(e));
  }
  std::stable_sort(out.begin(), out.end(), [](const ranked_entry& a, const ranked_entry& b) {
    if (a.why.eligible != b.why.eligible) return a.why.eligible;
    if (!a.why.eligible) return a.subject_id < b.subject_id;
    if (a.points != b.points) return a.points > b.points;
    if (a.applied_on.has_value() != b.applied_on.has_value()) return a.applied_on.has_value();
    if (a.applied_on && *a.applied_on != *b.applied_on) return *a.applied_on < *b.applied_on;
    if (a.birth_date && b.birth_date && *a.birth_date != *b.birth_date) return *a.birth_date < *b.birth_date;
    return a.subject_id < b.subject_id;
  });
  std::size_t place = 0;
  for (auto& e : out) e.position = e.why.eligible ? ++place : 0;
  return out;
}

/// The order in words: one line per applicant with its place, points, tie-break facts and the
/// rules that gave points.
[[nodiscard]] inline std::string explain(const std::vector<ranked_entry>& ranking) {
  std::string s;
  for (const auto& e : ranking) {
    s += e.position ? std::to_string(e.position) + ". " : std::string("-  ");
    s += e.subject_id;
    if (e.position) {
      s += ": " + std::to_string(e.points) + " points";
      if (e.applied_on) s += ", applied " + to_iso(*e.applied_on);
      if (e.birth_date) s += ", born " + to_iso(*e.birth_date);
      s += " (";
      for (std::size_t i = 0; i < e.why.granting_rules.size(); ++i)
        s += (i ? ", " : "") + e.why.granting_rules[i];
      s += ")";
    } else {
      s += ": not ranked — ";
      s += e.why.status == decision_status::decided ? "fails " + e.why.first_failing_condition()
                                                    : e.why.status_note;
    }
    s += '\n';
  }
  return s;
}

} // namespace eldercare
