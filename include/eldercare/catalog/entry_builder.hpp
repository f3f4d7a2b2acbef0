#pragma once
// Writing a catalog entry once. An entry states its id and title in its catalog_entry, and the policy
// it builds takes them from there (entry_policy); a version takes its start date from the citation
// that puts it in force, and reports that date as its "effective_from" parameter; versions are built
// with named fields (version(...).until(...).combine(...).rules(...)); a parameter's display text is
// formatted from the value it describes, with its provenance, note and quote beside it; and one
// cited_document per source document gives every citation of an entry file. Nothing here decides
// anything: the result is the same catalog_entry, basic_policy_version and parameter_info as before.
//
//   const cited_document plan{.document = "《…办法》", .source = catalog_sources::seed_000,
//                             .effective_from = make_date(2020, 6, 1)};
//   const citation c = plan.cite("para. 4", "…每人每月补贴600元");
//   const auto amount = money_per_month(600_yuan);
//   rule r{"jin_ji_meng", "600 yuan a month ...", c, condition, amount,
//          {stated("amount", amount).quote("每人每月补贴600元")}};   // "600.00 yuan per month"
//   return self.policy(version("2020", c).combine(combination::highest).rules({r})
//                          .start(provenance::assumed, "the source says 2020年6月; the day is assumed"));

#include <concepts>    // std::integral, std::same_as: which values format how
#include <functional>  // std::function: the builders a catalog_entry holds
#include <optional>    // a document's or a version's end date
#include <string>      // display text
#include <string_view> // parameter names, notes and text
#include <utility>     // std::move
#include <vector>      // parameter lists, versions, reading names

#include "eldercare/calendar/date.hpp"
#include "eldercare/calendar/period.hpp"
#include "eldercare/catalog/catalog.hpp"
#include "eldercare/catalog/sources.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/person/category.hpp"
#include "eldercare/region/region_set.hpp"
#include "eldercare/rules/benefit.hpp"
#include "eldercare/rules/citation.hpp"
#include "eldercare/rules/parameter.hpp"
#include "eldercare/rules/policy.hpp"

namespace eldercare::catalog_entries {

// -- Parameter display text, formatted from the value it describes ---------------------------------

// (Text is shown as it is: the parameter factories below take it as a string_view.)

/// "980000.00 yuan".
[[nodiscard]] inline std::string parameter_text(money m) { return m.to_string() + " yuan"; }
/// "600.00 yuan per month", "60 service hours per month".
template <benefit_unit U, benefit_period P>
[[nodiscard]] std::string parameter_text(const benefit_amount<U, P>& b) {
  return b.to_string();
}
[[nodiscard]] inline std::string parameter_text(const benefit& b) { return b.to_string(); }
/// "津冀蒙 {120000, 130000, 150000}".
[[nodiscard]] inline std::string parameter_text(const region_set& s) { return s.to_string(); }
/// "dibao, tekun" (interchange words, in declaration order).
[[nodiscard]] inline std::string parameter_text(const category_set& s) { return s.to_string(); }
/// "3 months".
[[nodiscard]] inline std::string parameter_text(const period& p) { return p.to_string(); }
/// "2020-06-01".
[[nodiscard]] inline std::string parameter_text(const date& d) { return to_iso(d); }
/// "true" / "false" (a template, so that a pointer or a number never converts to bool here).
template <std::same_as<bool> B>
[[nodiscard]] std::string parameter_text(B b) {
  return b ? "true" : "false";
}
/// "60".
template <std::integral I>
  requires(!std::same_as<I, bool>)
[[nodiscard]] std::string parameter_text(I n) { return std::to_string(n); }
/// An option's stable word: "kongchao", "first_match".
template <Worded E>
[[nodiscard]] std::string parameter_text(E e) {
  return std::string(to_word(e));
}

/// A value that parameter_text formats (anything but text, which is shown as it is).
template <class V>
concept ParameterValue = !std::convertible_to<const V&, std::string_view> && requires(const V& v) {
  { parameter_text(v) } -> std::same_as<std::string>;
};

/// A parameter under construction: stated("amount", money_per_month(600_yuan)).quote("每人每月补贴600元").
/// Converts to parameter_info where one is expected (a parameter_list's braces, push_back).
class parameter_spec {
public:
  parameter_spec(std::string_view name, std::string value, provenance origin, std::string_view note)
      : p_{std::string(name), std::move(value), origin, std::string(note)} {}

  /// The exact words of the seed the value rests on (checked against the seed by a test).
  [[nodiscard]] parameter_spec&& quote(std::string_view words) && {
    p_.quote = words;
    return std::move(*this);
  }

  operator parameter_info() && { return std::move(p_); } // NOLINT: a spec is a parameter once written

private:
  parameter_info p_;
};

// The factories below take text (names, notes, a value shown as it is) as string_view, and format any
// other value with parameter_text: one function per provenance, not one per string literal's length.

/// In a seed document: give its words with .quote(...).
[[nodiscard]] inline parameter_spec stated(std::string_view name, std::string_view text,
                                           std::string_view note = {}) {
  return {name, std::string(text), provenance::stated, note};
}
template <ParameterValue V>
[[nodiscard]] parameter_spec stated(std::string_view name, const V& value, std::string_view note = {}) {
  return {name, parameter_text(value), provenance::stated, note};
}
/// Found in a real policy text (the note names where: DOMAIN.md gives the address).
[[nodiscard]] inline parameter_spec sourced(std::string_view name, std::string_view text,
                                            std::string_view note = {}) {
  return {name, std::string(text), provenance::sourced, note};
}
template <ParameterValue V>
[[nodiscard]] parameter_spec sourced(std::string_view name, const V& value, std::string_view note = {}) {
  return {name, parameter_text(value), provenance::sourced, note};
}
/// Computed from stated aggregates (the note shows the computation).
[[nodiscard]] inline parameter_spec derived(std::string_view name, std::string_view text,
                                            std::string_view note = {}) {
  return {name, std::string(text), provenance::derived, note};
}
template <ParameterValue V>
[[nodiscard]] parameter_spec derived(std::string_view name, const V& value, std::string_view note = {}) {
  return {name, parameter_text(value), provenance::derived, note};
}
/// Our documented default where no source settles it (the note says why).
[[nodiscard]] inline parameter_spec assumed(std::string_view name, std::string_view text,
                                            std::string_view note = {}) {
  return {name, std::string(text), provenance::assumed, note};
}
template <ParameterValue V>
[[nodiscard]] parameter_spec assumed(std::string_view name, const V& value, std::string_view note = {}) {
  return {name, parameter_text(value), provenance::assumed, note};
}
/// With a provenance chosen at run time (a reading's default or not).
[[nodiscard]] inline parameter_spec parameter(std::string_view name, std::string_view text, provenance origin,
                                              std::string_view note = {}) {
  return {name, std::string(text), origin, note};
}

// -- Citations: one document per source, clauses derived from it ------------------------------------

/// A document as an entry file cites it: its title, where we read it (a seed file of sources.hpp or a
/// DOMAIN.md section), where in it unless a citation says otherwise, and when it is in force.
struct cited_document {
  std::string document;    ///< e.g. 《西城区户籍老年人赴津冀蒙异地康养扶持办法》
  std::string source;      ///< e.g. catalog_sources::seed_000, "DOMAIN.md D.1"
  std::string clause = {}; ///< the default place in it (as reported by ...)
  std::optional<date> effective_from = {}; ///< also the start of the versions it puts in force
  std::optional<date> effective_to = {};

  /// The words `key_phrase` at `where` in the document.
  [[nodiscard]] citation cite(std::string where, std::string key_phrase) const {
    return {document, std::move(where), std::move(key_phrase), source, effective_from, effective_to};
  }
  /// The words `key_phrase` at the document's default clause.
  [[nodiscard]] citation cite(std::string key_phrase) const { return cite(clause, std::move(key_phrase)); }
};

// -- Versions with named fields ----------------------------------------------------------------------

/// A policy version under construction. It starts when the citation that puts it in force says (or
/// at .from(...)); .start(...) reports that date as the version's first parameter, "effective_from".
template <class Subject>
class version_spec {
public:
  version_spec(std::string label, citation cite) {
    v_.label = std::move(label);
    if (cite.effective_from) v_.effective_from = *cite.effective_from;
    v_.cite = std::move(cite);
  }

  /// The first day in force, where the citation does not give it.
  [[nodiscard]] version_spec from(date d) && {
    v_.effective_from = d;
    return std::move(*this);
  }
  /// The last day in force (empty: in force until a later version).
  [[nodiscard]] version_spec until(date d) && {
    v_.effective_to = d;
    return std::move(*this);
  }
  [[nodiscard]] version_spec combine(combination c) && {
    v_.combine = c;
    return std::move(*this);
  }
  [[nodiscard]] version_spec paid_to(payee p) && {
    v_.paid_to = p;
    return std::move(*this);
  }
  [[nodiscard]] version_spec rules(std::vector<basic_rule<Subject>> rs) && {
    v_.rules = std::move(rs);
    return std::move(*this);
  }
  /// Version parameters after "effective_from" (the readings that shape payments, say).
  [[nodiscard]] version_spec parameters(parameter_list ps) && {
    v_.parameters = std::move(ps);
    return std::move(*this);
  }
  [[nodiscard]] version_spec paid_month(month_basis b) && {
    v_.paid_month = b;
    return std::move(*this);
  }
  [[nodiscard]] version_spec arrears(int months) && {
    v_.arrears_months = months;
    return std::move(*this);
  }
  /// Reports the start date as the parameter "effective_from", first of the version's parameters,
  /// with its provenance and why.
  [[nodiscard]] version_spec start(provenance origin, std::string note) && {
    start_ = parameter_info{"effective_from", {}, origin, std::move(note)};
    return std::move(*this);
  }

  operator basic_policy_version<Subject>() const& { // NOLINT: a spec is a version once written
    return version_spec(*this).written();
  }
  operator basic_policy_version<Subject>() && { return written(); } // NOLINT

private:
  basic_policy_version<Subject> written() {
    if (start_) {
      start_->value = parameter_text(v_.effective_from);
      v_.parameters.insert(v_.parameters.begin(), std::move(*start_));
      start_.reset();
    }
    return std::move(v_);
  }

  basic_policy_version<Subject> v_;
  std::optional<parameter_info> start_;
};

/// A version of a person (or household) policy, labelled and put in force by `cite`.
[[nodiscard]] inline version_spec<person> version(std::string label, citation cite) {
  return {std::move(label), std::move(cite)};
}
/// A version of a policy over another subject: `version<worker>("2024", c)`.
template <class Subject>
[[nodiscard]] version_spec<Subject> version(std::string label, citation cite) {
  return {std::move(label), std::move(cite)};
}

// -- Policies that take their id and title from the entry --------------------------------------------

/// The id and title of the entry whose policy is being built.
struct policy_head {
  std::string id;
  std::string title;

  /// The entry's policy with these versions.
  template <class Subject, class... More>
    requires(std::same_as<More, version_spec<Subject>>&&...)
  [[nodiscard]] basic_policy<Subject> policy(version_spec<Subject> first, More... more) const {
    std::vector<basic_policy_version<Subject>> versions;
    versions.reserve(1 + sizeof...(More));
    versions.push_back(std::move(first));
    (versions.push_back(std::move(more)), ...);
    return basic_policy<Subject>(id, title, std::move(versions));
  }
  template <class Subject>
  [[nodiscard]] basic_policy<Subject> policy(std::vector<basic_policy_version<Subject>> versions) const {
    return basic_policy<Subject>(id, title, std::move(versions));
  }
  /// The entry's policy while no source gives what it needs: `missing` says what.
  template <class Subject = person>
  [[nodiscard]] basic_policy<Subject> announced(std::string missing) const {
    return basic_policy<Subject>(id, title, {}, computability::announced, std::move(missing));
  }
};

/// How an entry builds its policy: from the chosen readings and the entry's id and title. A function
/// (an entry's lambda captures nothing), so that every entry shares one std::function wrapper.
template <class Subject>
using policy_builder = basic_policy<Subject> (*)(const reading_context&, const policy_head&);

namespace detail {
template <class Subject>
[[nodiscard]] std::function<basic_policy<Subject>(const reading_context&)>
entry_policy(const catalog_entry& e, policy_builder<Subject> build) {
  return [head = policy_head{e.id, e.title}, build](const reading_context& r) { return build(r, head); };
}
} // namespace detail

/// The builder an entry holds in `build`: `build(readings, head)` makes the policy, with `head`
/// carrying the entry's id and title. Set it after the entry's id and title.
[[nodiscard]] inline std::function<policy(const reading_context&)>
entry_policy(const catalog_entry& e, policy_builder<person> build) {
  return detail::entry_policy(e, build);
}
/// The same for a worker entry's `build_worker`.
[[nodiscard]] inline std::function<basic_policy<worker>(const reading_context&)>
entry_policy(const catalog_entry& e, policy_builder<worker> build) {
  return detail::entry_policy(e, build);
}

/// The same for an event entry's `build_event`.
[[nodiscard]] inline std::function<basic_policy<competition_event>(const reading_context&)>
entry_policy(const catalog_entry& e, policy_builder<competition_event> build) {
  return detail::entry_policy(e, build);
}

/// Reading names, in order: an entry's own, then shared lists (catalog_readings::age_reading_names).
[[nodiscard]] inline std::vector<std::string> concat(std::vector<std::string> names,
                                                     const std::vector<std::string>& more) {
  names.insert(names.end(), more.begin(), more.end());
  return names;
}

} // namespace eldercare::catalog_entries
