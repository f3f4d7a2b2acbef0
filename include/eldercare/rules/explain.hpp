#pragma once
// Decisions in words: every rule, every condition, the facts looked at, the citation, and for a
// failing duration the date it would be met.

#include <string>

#include "eldercare/rules/decision.hpp"

namespace eldercare {

namespace detail {
inline void append_reason(std::string& s, const reason& r, int base_indent) {
  s.append(static_cast<std::size_t>(base_indent + 2 * r.depth), ' ');
  s += r.passed ? "✓ " : "✗ ";
  if (r.kind == reason_kind::leaf) {
    s += r.condition;
  } else {
    s += r.condition; // "all of" / "any of" / "not"
    s += ':';
  }
  if (!r.facts.empty()) {
    s += "  [";
    for (std::size_t i = 0; i < r.facts.size(); ++i) {
      if (i) s += "; ";
      s += r.facts[i].name + " = " + r.facts[i].value;
    }
    s += "]";
  }
  if (!r.note.empty()) s += "  (" + r.note + ")";
  if (!r.passed && r.met_on) s += "  → would be met on " + to_iso(*r.met_on);
  s += '\n';
}
} // namespace detail

/// A multi-line explanation of one rule's outcome.
[[nodiscard]] inline std::string explain(const rule_outcome& r, int indent = 0) {
  std::string s(static_cast<std::size_t>(indent), ' ');
  s += r.eligible ? "✓ rule " : "✗ rule ";
  s += r.rule_id + ": " + r.title + " → " + r.grant.to_string() + "\n";
  s.append(static_cast<std::size_t>(indent + 4), ' ');
  s += "source: " + r.cite.to_string() + "\n";
  for (const auto& reason : r.reasons) detail::append_reason(s, reason, indent + 4);
  if (!r.eligible && r.would_be_met_on) {
    s.append(static_cast<std::size_t>(indent + 4), ' ');
    s += "the rule would hold on " + to_iso(*r.would_be_met_on) + " if nothing else changes\n";
  }
  return s;
}

/// A multi-line explanation of a decision, suitable for a terminal.
[[nodiscard]] inline std::string explain(const decision& d) {
  std::string s = d.policy_id + " — " + d.policy_title + "\n";
  s += d.subject_id + " on " + to_iso(d.on);
  // Undetermined is a third answer beside eligible and not eligible, said as plainly as they are.
  if (d.status == decision_status::undetermined) return s + ": UNDETERMINED — " + d.status_note + "\n";
  if (d.status != decision_status::decided) return s + ": " + d.status_note + "\n";
  s += " (version " + d.version_label + ", rules combine by " + std::string(to_word(d.combine)) + "): ";
  if (d.eligible) {
    s += "ELIGIBLE for " + d.granted->to_string() + " (rule";
    s += d.granting_rules.size() == 1 ? " " : "s ";
    for (std::size_t i = 0; i < d.granting_rules.size(); ++i) s += (i ? ", " : "") + d.granting_rules[i];
    s += ")\n";
  } else {
    s += "NOT ELIGIBLE\n";
  }
  for (const auto& r : d.rules) s += explain(r, 2);
  if (!d.eligible) {
    if (const auto when = d.would_be_eligible_on()) s += "  would be eligible on " + to_iso(*when) + "\n";
  }
  return s;
}

} // namespace eldercare
