#pragma once
// The policy catalog: every rule of the source documents, by stable id (POLICIES.md), built from
// the engine's types with the readings an evaluation chooses. Entries build their policy on demand
// from a reading_context, so that every open reading is selectable at evaluation time and the
// catalog's metadata (titles, citations, parameters, readings) is the one source for the docs.

#include <algorithm>  // std::find_if
#include <functional> // std::function: entry builders
#include <optional>   // a bundle's sum of grants
#include <span>       // a bundle's component policies
#include <string>
#include <string_view>
#include <vector>

#include "eldercare/catalog/reading.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/household/household.hpp"
#include "eldercare/rules/aliases.hpp"
#include "eldercare/rules/decision.hpp"
#include "eldercare/rules/stacking.hpp"
#include "eldercare/subjects/competition_event.hpp"
#include "eldercare/subjects/service_area.hpp"
#include "eldercare/subjects/worker.hpp"

namespace eldercare {

/// Whose facts a catalog entry reads.
enum class subject_kind { person, household, worker, area, event };

template <>
struct enum_words<subject_kind> {
  static constexpr std::string_view type = "subject_kind";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<subject_kind>, 5> entries{{
      {subject_kind::person, "person"},
      {subject_kind::household, "household"},
      {subject_kind::worker, "worker"},
      {subject_kind::area, "area"},
      {subject_kind::event, "event"},
  }};
};

/// The readings an entry's builder consults, resolved against the catalog's definitions.
class reading_context {
public:
  reading_context(const std::vector<reading>& defs, const reading_set& chosen)
      : defs_(&defs), chosen_(&chosen) {}
  /// The value of reading `name` (the chosen one, or its default). A name the catalog does not
  /// define is a programming error in the entry, reported as std::logic_error.
  [[nodiscard]] std::string get(std::string_view name) const {
    for (const auto& r : *defs_)
      if (r.name == name) return chosen_->get(r);
    throw std::logic_error("catalog entry asks for undefined reading '" + std::string(name) + "'");
  }
  [[nodiscard]] bool is(std::string_view name, std::string_view value) const { return get(name) == value; }
  /// The definition of reading `name` (std::logic_error when undefined, as for get).
  [[nodiscard]] const reading& definition(std::string_view name) const {
    for (const auto& r : *defs_)
      if (r.name == name) return r;
    throw std::logic_error("catalog entry asks for undefined reading '" + std::string(name) + "'");
  }
  [[nodiscard]] const reading_set& chosen() const noexcept { return *chosen_; }

private:
  const std::vector<reading>* defs_;
  const reading_set* chosen_;
};

/// One catalog entry (one id of POLICIES.md). Every member has a default, so that an entry is
/// written with designated initializers naming what it has (entry_builder.hpp).
struct catalog_entry {
  std::string id = {};           ///< e.g. "cn.beijing.xicheng.cross_region_care"
  std::string title = {};        ///< e.g. "西城区户籍老年人赴津冀蒙异地康养扶持办法"
  std::string jurisdiction = {}; ///< e.g. "北京市西城区 (110102)"
  std::string source = {};       ///< the seed file (or DOMAIN.md section) it encodes
  std::string summary = {};      ///< our short paraphrase of the rule
  subject_kind subject = subject_kind::person;
  std::vector<std::string> readings = {}; ///< names of the readings the entry depends on
  /// Builds the policy for persons/households; empty for entries of other subjects.
  std::function<policy(const reading_context&)> build = {};
  /// Builds the policy of a worker entry (workforce subsidies).
  std::function<basic_policy<worker>(const reading_context&)> build_worker = {};
  /// Builds the norms of an area entry (planning norms over a population).
  std::function<std::vector<planning_norm>(const reading_context&)> build_norms = {};
  /// Builds the policy of an event entry (Xicheng's subsidy for skill competitions and exhibitions).
  std::function<basic_policy<competition_event>(const reading_context&)> build_event = {};
  /// For a bundle (one id covering several policies whose grants add up): the component ids.
  std::vector<std::string> components = {};
  /// Worked examples for the docs: a short description each (the test suite checks them).
  std::vector<std::string> examples = {};
};

/// A bundle's rule, the one definition behind its decision (evaluate_bundle) and its grant without
/// explanations (prepared_entry's grant_on and status_on): the components count when decided on the
/// date, their grants add up (they stack by definition of the bundle), and the bundle is decided
/// when one component is, not in force otherwise — unless a component is undetermined on the date
/// (known_start): the sum is then unknown, and the bundle undetermined, granting nothing known.
class bundle_sum {
public:
  /// Adds a component's status and grant, in component order; returns whether the component counts.
  bool add(decision_status status, const std::optional<benefit>& granted) {
    if (status == decision_status::undetermined) any_undetermined_ = true;
    if (status != decision_status::decided) return false;
    any_decided_ = true;
    if (granted) granted_ = granted_ ? granted_->plus(*granted, "bundle.grant") : granted; // checked sum
    return true;
  }
  [[nodiscard]] decision_status status() const noexcept {
    if (any_undetermined_) return decision_status::undetermined;
    return any_decided_ ? decision_status::decided : decision_status::not_in_force;
  }
  /// The sum of the decided components' grants; empty when nothing is granted or the sum is unknown.
  [[nodiscard]] std::optional<benefit> granted() const { return any_undetermined_ ? std::nullopt : granted_; }

private:
  bool any_decided_ = false;
  bool any_undetermined_ = false;
  std::optional<benefit> granted_;
};

/// A bundle entry's decision from its component policies, built already (`components[k]` is the
/// policy of `bundle.components[k]`): the components are evaluated in order and combined by
/// bundle_sum; rule ids are prefixed "<component>/". catalog::evaluate uses it, and so does
/// prepared_entry (catalog/prepared_entry.hpp), which builds the components once for many persons.
[[nodiscard]] inline decision evaluate_bundle(const catalog_entry& bundle, std::span<const policy> components,
                                              const person& p, const date& on,
                                              const facility_registry* facilities = nullptr) {
  decision d;
  d.policy_id = bundle.id;
  d.policy_title = bundle.title;
  d.subject_id = p.id;
  d.on = on;
  d.combine = combination::sum;
  bundle_sum sum;
  std::string undetermined_note; // the first undetermined component's, which makes the bundle so
  for (std::size_t k = 0; k < components.size(); ++k) {
    const std::string& cid = bundle.components[k];
    decision c = eldercare::evaluate(components[k], p, on, facilities);
    if (!sum.add(c.status, c.granted)) {
      if (c.status == decision_status::undetermined) {
        if (undetermined_note.empty()) undetermined_note = cid + ": " + c.status_note;
      } else if (sum.status() == decision_status::not_in_force) {
        d.status_note = c.status_note;
      }
      continue;
    }
    if (d.version_label.empty()) d.version_label = c.version_label;
    for (auto& r : c.rules) {
      r.rule_id = cid + "/" + r.rule_id;
      d.rules.push_back(std::move(r));
    }
    if (c.granted)
      for (auto& g : c.granting_rules) d.granting_rules.push_back(cid + "/" + g);
  }
  d.status = sum.status();
  if (d.status == decision_status::decided) d.status_note.clear();
  else if (d.status == decision_status::undetermined)
    d.status_note = undetermined_note;
  d.granted = sum.granted();
  d.eligible = d.granted.has_value();
  return d;
}

class catalog {
public:
  void add_reading(reading r) {
    if (find_reading(r.name)) throw std::logic_error("reading defined twice: " + r.name);
    if (r.enumerable && !r.accepts(r.default_choice))
      throw std::logic_error("reading " + r.name + ": default is not one of its choices");
    readings_.push_back(std::move(r));
  }
  void add(catalog_entry e) {
    if (find(e.id)) throw std::logic_error("catalog id defined twice: " + e.id);
    for (const auto& name : e.readings)
      if (!find_reading(name)) throw std::logic_error(e.id + " depends on undefined reading " + name);
    entries_.push_back(std::move(e));
  }
  void declare_stacking(stacking_rule r, std::string depends_on_reading = {}) {
    stacking_.push_back({std::move(r), std::move(depends_on_reading)});
  }

  [[nodiscard]] const std::vector<catalog_entry>& entries() const noexcept { return entries_; }
  [[nodiscard]] const std::vector<reading>& readings() const noexcept { return readings_; }

  [[nodiscard]] const catalog_entry* find(std::string_view id) const {
    auto it =
        std::find_if(entries_.begin(), entries_.end(), [&](const catalog_entry& e) { return e.id == id; });
    return it == entries_.end() ? nullptr : &*it;
  }
  /// The entry with this id; throws lookup_error naming the id and the known ids otherwise.
  [[nodiscard]] const catalog_entry& at(std::string_view id) const {
    if (const auto* e = find(id)) return *e;
    std::string known;
    for (const auto& e : entries_) known += (known.empty() ? "" : ", ") + e.id;
    throw lookup_error(error_id::unknown_policy,
                       "no catalog entry '" + std::string(id) + "'; known: " + known);
  }
  [[nodiscard]] const reading* find_reading(std::string_view name) const {
    for (const auto& r : readings_)
      if (r.name == name) return &r;
    return nullptr;
  }

  /// Checks that every chosen reading exists and that its value is one of its choices.
  void check(const reading_set& chosen) const {
    for (const auto& [name, value] : chosen.chosen()) {
      const reading* r = find_reading(name);
      if (!r) throw invalid_value(error_id::invalid_parameter, "readings", name, "no such reading");
      if (!r->accepts(value)) {
        std::string choices;
        for (const auto& c : r->choices) choices += (choices.empty() ? "" : ", ") + c.value;
        throw invalid_value(error_id::invalid_parameter, "readings." + name, value,
                            "expected one of: " + choices);
      }
    }
  }

  /// The policy of a person/household entry under the chosen readings.
  [[nodiscard]] policy policy_for(std::string_view id, const reading_set& chosen = {}) const {
    const catalog_entry& e = at(id);
    check(chosen);
    if (!e.build)
      throw lookup_error(error_id::unknown_policy, e.id + " is a " + std::string(to_word(e.subject)) +
                                                       " entry" +
                                                       (e.components.empty() ? "" : " (a bundle)") +
                                                       ": it has no person policy of its own");
    return e.build(reading_context(readings_, chosen));
  }

  /// The policy of a worker entry under the chosen readings.
  [[nodiscard]] basic_policy<worker> worker_policy_for(std::string_view id,
                                                       const reading_set& chosen = {}) const {
    const catalog_entry& e = at(id);
    check(chosen);
    if (!e.build_worker) throw lookup_error(error_id::unknown_policy, e.id + " is not a worker entry");
    return e.build_worker(reading_context(readings_, chosen));
  }
  /// The policy of an event entry under the chosen readings.
  [[nodiscard]] basic_policy<competition_event> event_policy_for(std::string_view id,
                                                                 const reading_set& chosen = {}) const {
    const catalog_entry& e = at(id);
    check(chosen);
    if (!e.build_event) throw lookup_error(error_id::unknown_policy, e.id + " is not an event entry");
    return e.build_event(reading_context(readings_, chosen));
  }
  /// The planning norms of an area entry under the chosen readings.
  [[nodiscard]] std::vector<planning_norm> norms_for(std::string_view id,
                                                     const reading_set& chosen = {}) const {
    const catalog_entry& e = at(id);
    check(chosen);
    if (!e.build_norms)
      throw lookup_error(error_id::unknown_policy, e.id + " is not an area (planning norm) entry");
    return e.build_norms(reading_context(readings_, chosen));
  }
  /// Assesses an area entry's norms for an area.
  [[nodiscard]] std::vector<norm_result> assess(std::string_view id, const service_area& area,
                                                const reading_set& chosen = {}) const {
    std::vector<norm_result> out;
    for (const auto& n : norms_for(id, chosen)) out.push_back(n.assess(area));
    return out;
  }

  /// Evaluates an entry for a person on a date. For a bundle, the components are evaluated and
  /// their grants added (they stack by definition of the bundle).
  [[nodiscard]] decision evaluate(std::string_view id, const person& p, const date& on,
                                  const facility_registry* facilities = nullptr,
                                  const reading_set& chosen = {}) const {
    const catalog_entry& e = at(id);
    if (e.components.empty()) return eldercare::evaluate(policy_for(id, chosen), p, on, facilities);
    std::vector<policy> components;
    components.reserve(e.components.size());
    for (const auto& cid : e.components) components.push_back(policy_for(cid, chosen));
    return evaluate_bundle(e, components, p, on, facilities);
  }

  /// The stacking table under the chosen readings: a declaration tied to a reading applies with the
  /// mode that reading selects (its value must be a stacking_mode word).
  [[nodiscard]] stacking_table stacking(const reading_set& chosen = {}) const {
    check(chosen);
    stacking_table t(stacking_mode::stack);
    const reading_context ctx(readings_, chosen);
    for (const auto& [r, reading_name] : stacking_) {
      stacking_rule rr = r;
      if (!reading_name.empty()) {
        const std::string v = ctx.get(reading_name);
        rr.mode = v == "stack"           ? stacking_mode::stack
                  : v == "choose_higher" ? stacking_mode::choose_higher
                                         : stacking_mode::exclusive_choice;
      }
      t.declare(std::move(rr));
    }
    return t;
  }

private:
  struct declared_stacking {
    stacking_rule rule;
    std::string reading_name;
  };
  std::vector<catalog_entry> entries_;
  std::vector<reading> readings_;
  std::vector<declared_stacking> stacking_;
};

} // namespace eldercare
