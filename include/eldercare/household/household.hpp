#pragma once
// Households (户), for benefits paid once per household (Weihai's 10 yuan phone subsidy "每户每月").

#include <optional> // a household's grant
#include <string>
#include <vector>

#include "eldercare/person/person.hpp"
#include "eldercare/rules/decision.hpp"

namespace eldercare {

struct household {
  std::string id;
  std::vector<person> members;
};

/// Evaluates a policy for a household: for a version paid per household, the household is eligible
/// when at least one member is, and the grant is paid once; each member's rules are listed (rule ids
/// prefixed with the member id). For a version paid per person, grants add up over eligible members.
[[nodiscard]] inline decision evaluate(const basic_policy<person>& policy, const household& h, const date& on,
                                       const facility_registry* facilities = nullptr) {
  decision d;
  d.policy_id = policy.id();
  d.policy_title = policy.title();
  d.subject_id = h.id;
  d.on = on;
  if (h.members.empty()) {
    d.status_note = "the household has no members";
    return d;
  }
  bool first = true;
  for (const auto& m : h.members) {
    decision md = evaluate(policy, m, on, facilities);
    if (first) {
      d.status = md.status;
      d.status_note = md.status_note;
      d.version_label = md.version_label;
      d.combine = md.combine;
      first = false;
    }
    if (md.status != decision_status::decided) return d;
    for (auto& r : md.rules) {
      r.rule_id = m.id + ": " + r.rule_id;
      d.rules.push_back(std::move(r));
    }
    if (!md.eligible) continue;
    const auto* v = policy.version_on(on);
    if (v->paid_to == payee::household) {
      if (!d.granted) {
        d.granted = md.granted;
        for (auto& g : md.granting_rules) d.granting_rules.push_back(m.id + ": " + g);
      }
    } else {
      d.granted = d.granted ? benefit::make(md.granted->unit(), md.granted->period(),
                                            d.granted->quantity() + md.granted->quantity())
                            : md.granted;
      for (auto& g : md.granting_rules) d.granting_rules.push_back(m.id + ": " + g);
    }
  }
  d.eligible = d.granted.has_value();
  return d;
}

/// What evaluate(policy, h, on) grants the household (so that schedule() pays households as it pays
/// persons).
[[nodiscard]] inline std::optional<benefit> grant_on(const basic_policy<person>& policy, const household& h,
                                                     const date& on,
                                                     const facility_registry* facilities = nullptr) {
  return evaluate(policy, h, on, facilities).granted;
}

} // namespace eldercare
