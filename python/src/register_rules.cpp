// Rules: conditions (the C++ leaf types behind run-time groups), benefits, citations, parameters,
// rules, policies, decisions with their explanations, schedules and stacking (eldercare/rules/).
#include "common.hpp"
#include "words.hpp"

namespace eldercare_py {
namespace {

using namespace eldercare;
using namespace words;

facility_criteria make_criteria(const region_set& regions, const std::vector<std::string>& kinds,
                                bool require_filing, const std::string& field) {
  std::vector<facility_kind> ks;
  for (std::size_t i = 0; i < kinds.size(); ++i)
    ks.push_back(parse_facility_kind(kinds[i], field + ".kinds[" + std::to_string(i) + "]"));
  if (ks.empty())
    throw invalid_value(error_id::invalid_parameter, field + ".kinds", "[]",
                        "needs at least one facility kind");
  return facility_criteria{regions, std::move(ks), require_filing};
}

/// The C++ leaf type behind a run-time condition, as the name of the Python factory that makes it;
/// "group" for run-time groups, "" for a compile-time composite wrapped whole.
std::string leaf_kind(const any_condition& c) {
  if (c.shape() != condition_shape::leaf) return "group";
  if (c.target<age_at_least>()) return "age_at_least";
  if (c.target<age_under>()) return "age_under";
  if (c.target<hukou_in>()) return "hukou_in";
  if (c.target<lives_in>()) return "lives_in";
  if (c.target<lives_rural>()) return "lives_rural";
  if (c.target<in_category>()) return "in_category";
  if (c.target<ability_at_least>()) return "ability_at_least";
  if (c.target<disability_at_least>()) return "disability_at_least";
  if (c.target<has_mental_illness>()) return "has_mental_illness";
  if (c.target<has_infectious_disease>()) return "has_infectious_disease";
  if (c.target<continuous_stay_at_least>()) return "continuous_stay_at_least";
  if (c.target<in_facility>()) return "in_facility";
  if (c.target<lives_at_home>()) return "lives_at_home";
  if (c.target<enrolled_in>()) return "enrolled_in";
  if (c.target<always>()) return "always";
  return "";
}

context<person> make_context(const person& p, const date& on, const facility_registry* facilities) {
  return context<person>{p, on, facilities};
}

void register_conditions(py::module_& m) {
  py::class_<any_condition>(m, "condition", "A run-time condition over a person (C++ any_condition).")
      .def("describe", &any_condition::describe)
      .def_property_readonly("shape",
                             [](const any_condition& c) { return word_of(c.shape(), condition_shapes); })
      .def_property_readonly("kind", &leaf_kind)
      .def("children", &any_condition::children)
      .def(
          "holds",
          [](const any_condition& c, const person& p, py::handle on, const facility_registry* facilities) {
            no_trace quiet;
            return c.evaluate(make_context(p, to_date(on, "on"), facilities), quiet);
          },
          py::arg("person"), py::arg("on"), py::arg("facilities") = py::none())
      .def(
          "trace",
          [](const any_condition& c, const person& p, py::handle on, const facility_registry* facilities) {
            trace t;
            c.evaluate(make_context(p, to_date(on, "on"), facilities), t);
            return std::move(t).reasons();
          },
          py::arg("person"), py::arg("on"), py::arg("facilities") = py::none());

  m.def(
      "age_at_least",
      [](int years, const std::string& reached, const std::string& leap_day) {
        return any_condition(age_at_least(years, make_age_rule(reached, leap_day)));
      },
      py::arg("years"), py::arg("reached") = "on_birthday", py::arg("leap_day") = "february_28");
  m.def(
      "age_under",
      [](int years, const std::string& reached, const std::string& leap_day) {
        return any_condition(age_under(years, make_age_rule(reached, leap_day)));
      },
      py::arg("years"), py::arg("reached") = "on_birthday", py::arg("leap_day") = "february_28");
  m.def(
      "hukou_in",
      [](const region_set& regions, const std::string& legacy) {
        return any_condition(hukou_in(regions, parse_word(legacy, "hukou_in.legacy", legacy_readings)));
      },
      py::arg("regions"), py::arg("legacy") = "as_successor");
  m.def(
      "lives_in", [](const region_set& regions) { return any_condition(lives_in(regions)); },
      py::arg("regions"));
  m.def("lives_rural", [] { return any_condition(lives_rural{}); });
  m.def(
      "in_category",
      [](const std::vector<std::string>& words) {
        category_set wanted;
        for (std::size_t i = 0; i < words.size(); ++i)
          wanted.insert(parse_category(words[i], "in_category.categories[" + std::to_string(i) + "]"));
        return any_condition(in_category(wanted));
      },
      py::arg("categories"));
  m.def(
      "ability_at_least",
      [](int level) {
        return any_condition(ability_at_least(ability_level(level, "ability_at_least.level")));
      },
      py::arg("level"));
  m.def(
      "disability_at_least",
      [](const std::vector<std::string>& categories, int grade) {
        std::vector<disability_category> cs;
        for (std::size_t i = 0; i < categories.size(); ++i)
          cs.push_back(parse_disability_category(categories[i], "disability_at_least.categories[" +
                                                                    std::to_string(i) + "]"));
        return any_condition(
            disability_at_least(std::move(cs), disability_grade(grade, "disability_at_least.grade")));
      },
      py::arg("categories"), py::arg("grade"));
  m.def("has_mental_illness", [] { return any_condition(has_mental_illness{}); });
  m.def("has_infectious_disease", [] { return any_condition(has_infectious_disease{}); });
  m.def("lives_at_home", [] { return any_condition(lives_at_home{}); });
  m.def(
      "always",
      [](std::string what) {
        return any_condition(always{{}, std::move(what)});
      },
      py::arg("what") = "always");
  m.def(
      "enrolled_in",
      [](std::string programme, std::string label) {
        return any_condition(enrolled_in(std::move(programme), std::move(label)));
      },
      py::arg("programme"), py::arg("label") = "");
  m.def(
      "continuous_stay_at_least",
      [](int count, const std::string& unit, const region_set& regions, const std::vector<std::string>& kinds,
         bool require_filing, int max_gap_days, const std::string& transfers,
         const std::string& before_filing, const std::string& counting, const std::string& checked) {
        const std::string field = "continuous_stay_at_least";
        const period len = requalified("period.count", field + "." + unit, [&] {
          if (unit == "days") return period::days(count);
          if (unit == "months") return period::months(count);
          if (unit == "years") return period::years(count);
          throw invalid_value(error_id::invalid_parameter, field + ".unit", unit,
                              "expected one of days, months, years");
        });
        const continuity_rules continuity{
            max_gap_days, parse_word(transfers, field + ".transfers", transfer_rules),
            parse_word(before_filing, field + ".before_filing", pre_filing_rules)};
        const period_counting how{parse_word(counting, field + ".counting", month_countings), nullptr};
        return requalified("continuity", field, [&] {
          return any_condition(
              continuous_stay_at_least(len, make_criteria(regions, kinds, require_filing, field), continuity,
                                       how, parse_word(checked, field + ".checked", check_times)));
        });
      },
      py::arg("count"), py::arg("unit"), py::arg("regions"), py::arg("kinds"),
      py::arg("require_filing") = true, py::arg("max_gap_days") = 0, py::arg("transfers") = "continues",
      py::arg("before_filing") = "not_counted", py::arg("counting") = "civil_code",
      py::arg("checked") = "end_of_day");
  m.def(
      "in_facility",
      [](const region_set& regions, const std::vector<std::string>& kinds, bool require_filing) {
        return any_condition(in_facility(make_criteria(regions, kinds, require_filing, "in_facility")));
      },
      py::arg("regions"), py::arg("kinds"), py::arg("require_filing") = true);

  m.def("all_of", &any_condition::all, py::arg("parts"));
  m.def("any_of", &any_condition::any, py::arg("parts"));
  m.def("negate", &any_condition::negate, py::arg("part"));
}

// --- benefits, citations, parameters, rules, policies ----------------------------------------

void register_policies(py::module_& m) {
  py::class_<benefit>(m, "benefit",
                      "What a rule grants: a unit, a period and a whole quantity (fen for money).")
      .def_static(
          "make",
          [](const std::string& unit, const std::string& period, std::int64_t quantity) {
            return benefit::make(parse_word(unit, "benefit.unit", benefit_units),
                                 parse_word(period, "benefit.period", benefit_periods), quantity);
          },
          py::arg("unit"), py::arg("period"), py::arg("quantity"))
      .def_property_readonly("unit", [](const benefit& b) { return word_of(b.unit(), benefit_units); })
      .def_property_readonly("period", [](const benefit& b) { return word_of(b.period(), benefit_periods); })
      .def_property_readonly("quantity", &benefit::quantity)
      .def_property_readonly("amount_fen", [](const benefit& b) { return b.amount().fen(); })
      .def_property_readonly("is_money", &benefit::is_money)
      .def("commensurable", &benefit::commensurable, py::arg("other"))
      .def("to_string", &benefit::to_string)
      .def("__eq__", [](const benefit& a, const benefit& b) { return a == b; });

  py::class_<citation>(m, "citation", "Where a rule comes from.")
      .def(py::init([](std::string document, std::string clause, std::string key_phrase, std::string source,
                       py::handle effective_from, py::handle effective_to, const std::string& field) {
             citation c;
             c.document = std::move(document);
             c.clause = std::move(clause);
             c.key_phrase = std::move(key_phrase);
             c.source = std::move(source);
             c.effective_from = to_optional_date(effective_from, field + ".effective_from");
             c.effective_to = to_optional_date(effective_to, field + ".effective_to");
             if (c.effective_from && c.effective_to && *c.effective_to < *c.effective_from)
               throw invalid_value(error_id::invalid_parameter, field + ".effective_to",
                                   to_iso(*c.effective_to),
                                   "is before effective_from " + to_iso(*c.effective_from));
             return c;
           }),
           py::arg("document") = "", py::arg("clause") = "", py::arg("key_phrase") = "",
           py::arg("source") = "", py::arg("effective_from") = py::none(),
           py::arg("effective_to") = py::none(), py::arg("field") = "citation")
      .def_readonly("document", &citation::document)
      .def_readonly("clause", &citation::clause)
      .def_readonly("key_phrase", &citation::key_phrase)
      .def_readonly("source", &citation::source)
      .def_readonly("effective_from", &citation::effective_from)
      .def_readonly("effective_to", &citation::effective_to)
      .def("to_string", &citation::to_string)
      .def("__eq__", [](const citation& a, const citation& b) { return a == b; });

  py::class_<parameter_info>(m, "parameter_info", "A rule parameter with its provenance.")
      .def(py::init([](std::string name, std::string value, const std::string& origin, std::string note) {
             return parameter_info{std::move(name), std::move(value),
                                   parse_word(origin, "parameter.provenance", provenances), std::move(note)};
           }),
           py::arg("name"), py::arg("value"), py::arg("provenance") = "assumed", py::arg("note") = "")
      .def_readonly("name", &parameter_info::name)
      .def_readonly("value", &parameter_info::value)
      .def_property_readonly("provenance",
                             [](const parameter_info& p) { return word_of(p.origin, provenances); })
      .def_readonly("note", &parameter_info::note)
      .def("__eq__", [](const parameter_info& a, const parameter_info& b) { return a == b; });

  py::class_<rule>(m, "rule", "A rule: condition, grant, citation, parameters.")
      .def(py::init([](std::string id, std::string title, citation cite, any_condition condition,
                       benefit grant, parameter_list parameters) {
             return rule{std::move(id), std::move(title),     std::move(cite), std::move(condition),
                         grant,         std::move(parameters)};
           }),
           py::arg("id"), py::arg("title"), py::arg("citation"), py::arg("condition"), py::arg("grant"),
           py::arg("parameters") = parameter_list{})
      .def_readonly("id", &rule::id)
      .def_readonly("title", &rule::title)
      .def_readonly("citation", &rule::cite)
      .def_readonly("condition", &rule::condition)
      .def_readonly("grant", &rule::grant)
      .def_readonly("parameters", &rule::parameters);

  py::class_<policy_version>(m, "policy_version", "Rules in force over a date range, and how they combine.")
      .def(py::init([](std::string label, py::handle effective_from, py::handle effective_to, citation cite,
                       const std::string& combine, const std::string& paid_to, std::vector<rule> rules,
                       parameter_list parameters, const std::string& paid_month, int arrears_months) {
             policy_version v;
             const std::string field = "versions[" + label + "]";
             v.effective_from = to_date(effective_from, field + ".effective_from");
             v.effective_to = to_optional_date(effective_to, field + ".effective_to");
             v.label = std::move(label);
             v.cite = std::move(cite);
             v.combine = parse_word(combine, field + ".combine", combinations);
             v.paid_to = parse_word(paid_to, field + ".paid_to", payees);
             v.rules = std::move(rules);
             v.parameters = std::move(parameters);
             v.paid_month = parse_word(paid_month, field + ".paid_month", month_bases);
             if (arrears_months < 0)
               throw invalid_value(error_id::invalid_parameter, field + ".arrears_months",
                                   std::to_string(arrears_months), "cannot be negative");
             v.arrears_months = arrears_months;
             return v;
           }),
           py::arg("label"), py::arg("effective_from"), py::arg("effective_to") = py::none(),
           py::arg("citation") = citation{}, py::arg("combine") = "first_match",
           py::arg("paid_to") = "person", py::arg("rules") = std::vector<rule>{},
           py::arg("parameters") = parameter_list{}, py::arg("paid_month") = "end_of_month",
           py::arg("arrears_months") = 0)
      .def_readonly("label", &policy_version::label)
      .def_readonly("effective_from", &policy_version::effective_from)
      .def_readonly("effective_to", &policy_version::effective_to)
      .def_readonly("citation", &policy_version::cite)
      .def_property_readonly("combine",
                             [](const policy_version& v) { return word_of(v.combine, combinations); })
      .def_property_readonly("paid_to", [](const policy_version& v) { return word_of(v.paid_to, payees); })
      .def_readonly("rules", &policy_version::rules)
      .def_readonly("parameters", &policy_version::parameters)
      .def_property_readonly("paid_month",
                             [](const policy_version& v) { return word_of(v.paid_month, month_bases); })
      .def_readonly("arrears_months", &policy_version::arrears_months)
      .def(
          "in_force_on",
          [](const policy_version& v, py::handle d) { return v.in_force_on(to_date(d, "on")); },
          py::arg("on"));

  py::class_<policy>(m, "policy", "A policy: versions by effective date (sorted on construction).")
      .def(py::init([](std::string id, std::string title, std::vector<policy_version> versions,
                       const std::string& status, std::string missing) {
             return policy(std::move(id), std::move(title), std::move(versions),
                           parse_word(status, "policy.status", computabilities), std::move(missing));
           }),
           py::arg("id"), py::arg("title"), py::arg("versions"), py::arg("status") = "computable",
           py::arg("missing") = "")
      .def_property_readonly("id", &policy::id)
      .def_property_readonly("title", &policy::title)
      .def_property_readonly("versions", &policy::versions)
      .def_property_readonly("status", [](const policy& p) { return word_of(p.status(), computabilities); })
      .def_property_readonly("missing", &policy::missing)
      .def(
          "version_index_on",
          [](const policy& p, py::handle d) -> std::optional<std::size_t> {
            const policy_version* v = p.version_on(to_date(d, "on"));
            if (!v) return std::nullopt;
            return static_cast<std::size_t>(v - p.versions().data());
          },
          py::arg("on"), "Index into versions of the version in force on the date, or None.");
}

// --- decisions -------------------------------------------------------------------------------

void register_decisions(py::module_& m) {
  py::class_<reason>(m, "reason", "The verdict of one condition or group in an evaluation.")
      .def_property_readonly("kind", [](const reason& r) { return word_of(r.kind, reason_kinds); })
      .def_readonly("depth", &reason::depth)
      .def_readonly("condition", &reason::condition)
      .def_readonly("passed", &reason::passed)
      .def_property_readonly("facts",
                             [](const reason& r) {
                               std::vector<std::pair<std::string, std::string>> out;
                               for (const auto& f : r.facts) out.emplace_back(f.name, f.value);
                               return out;
                             })
      .def_readonly("met_on", &reason::met_on)
      .def_readonly("note", &reason::note);

  py::class_<rule_outcome>(m, "rule_outcome", "The verdict on one rule, with every condition it checked.")
      .def_readonly("rule_id", &rule_outcome::rule_id)
      .def_readonly("title", &rule_outcome::title)
      .def_readonly("citation", &rule_outcome::cite)
      .def_readonly("grant", &rule_outcome::grant)
      .def_readonly("eligible", &rule_outcome::eligible)
      .def_readonly("reasons", &rule_outcome::reasons)
      .def_readonly("would_be_met_on", &rule_outcome::would_be_met_on)
      .def(
          "explain", [](const rule_outcome& r, int indent) { return explain(r, indent); },
          py::arg("indent") = 0);

  py::class_<decision>(m, "decision", "A policy evaluated for one subject on one date.")
      .def_readonly("policy_id", &decision::policy_id)
      .def_readonly("policy_title", &decision::policy_title)
      .def_readonly("subject_id", &decision::subject_id)
      .def_readonly("on", &decision::on)
      .def_property_readonly("status", [](const decision& d) { return word_of(d.status, decision_statuses); })
      .def_readonly("status_note", &decision::status_note)
      .def_readonly("version_label", &decision::version_label)
      .def_property_readonly("combine", [](const decision& d) { return word_of(d.combine, combinations); })
      .def_readonly("eligible", &decision::eligible)
      .def_readonly("granted", &decision::granted)
      .def_readonly("granting_rules", &decision::granting_rules)
      .def_readonly("rules", &decision::rules)
      .def_property_readonly("amount_fen", [](const decision& d) { return d.amount().fen(); })
      .def("first_failing_condition", &decision::first_failing_condition)
      .def("would_be_eligible_on", &decision::would_be_eligible_on)
      .def("explain", [](const decision& d) { return explain(d); });

  m.def(
      "evaluate",
      [](const policy& p, const person& subject, py::handle on, const facility_registry* facilities) {
        const date d = to_date(on, "on");
        const py::gil_scoped_release unlocked; // only C++ objects from here on
        return evaluate(p, subject, d, facilities);
      },
      py::arg("policy"), py::arg("person"), py::arg("on"), py::arg("facilities") = py::none());
  m.def(
      "evaluate_household",
      [](const policy& p, const household& h, py::handle on, const facility_registry* facilities) {
        const date d = to_date(on, "on");
        const py::gil_scoped_release unlocked;
        return evaluate(p, h, d, facilities);
      },
      py::arg("policy"), py::arg("household"), py::arg("on"), py::arg("facilities") = py::none());
  m.def(
      "evaluate_rule",
      [](const rule& r, const person& subject, py::handle on, const facility_registry* facilities) {
        return evaluate_rule(r, make_context(subject, to_date(on, "on"), facilities));
      },
      py::arg("rule"), py::arg("person"), py::arg("on"), py::arg("facilities") = py::none());
  m.def(
      "grant_on",
      [](const policy& p, const person& subject, py::handle on, const facility_registry* facilities) {
        return grant_on(p, subject, to_date(on, "on"), facilities);
      },
      py::arg("policy"), py::arg("person"), py::arg("on"), py::arg("facilities") = py::none());

  py::class_<schedule_line>(m, "schedule_line", "One month of a schedule.")
      .def_readonly("year", &schedule_line::year)
      .def_readonly("month", &schedule_line::month)
      .def_readonly("tested_on", &schedule_line::tested_on)
      .def_readonly("eligible", &schedule_line::eligible)
      .def_property_readonly("amount_fen", [](const schedule_line& l) { return l.amount.fen(); })
      .def_readonly("arrears_months", &schedule_line::arrears_months)
      .def_readonly("granted", &schedule_line::granted);

  m.def(
      "schedule",
      [](const policy& p, const person& subject, py::handle first, py::handle last,
         const facility_registry* facilities, std::optional<std::string> basis) {
        const date from = to_date(first, "first");
        const date to = to_date(last, "last");
        schedule_options options;
        if (basis) options.basis = parse_word(*basis, "basis", month_bases);
        const py::gil_scoped_release unlocked;
        return schedule(p, subject, from, to, facilities, options);
      },
      py::arg("policy"), py::arg("person"), py::arg("first"), py::arg("last"),
      py::arg("facilities") = py::none(), py::arg("basis") = py::none());
}

// --- stacking --------------------------------------------------------------------------------

void register_stacking(py::module_& m) {
  py::class_<stacking_rule>(m, "stacking_rule", "A declared interaction between two policies.")
      .def_readonly("first", &stacking_rule::first)
      .def_readonly("second", &stacking_rule::second)
      .def_property_readonly("mode", [](const stacking_rule& r) { return word_of(r.mode, stacking_modes); })
      .def_readonly("citation", &stacking_rule::cite)
      .def_property_readonly("provenance",
                             [](const stacking_rule& r) { return word_of(r.origin, provenances); });

  py::class_<stacking_table>(m, "stacking_table", "Stacking modes declared per pair of policies.")
      .def(py::init([](const std::string& fallback) {
             return stacking_table(parse_word(fallback, "fallback", stacking_modes));
           }),
           py::arg("fallback") = "stack")
      .def(
          "declare",
          [](stacking_table& t, std::string first, std::string second, const std::string& mode, citation cite,
             const std::string& origin) {
            t.declare(stacking_rule{std::move(first), std::move(second),
                                    parse_word(mode, "mode", stacking_modes), std::move(cite),
                                    parse_word(origin, "provenance", provenances)});
          },
          py::arg("first"), py::arg("second"), py::arg("mode"), py::arg("citation") = citation{},
          py::arg("provenance") = "assumed")
      .def(
          "mode_for",
          [](const stacking_table& t, const std::string& a, const std::string& b) {
            return word_of(t.mode_for(a, b), stacking_modes);
          },
          py::arg("first"), py::arg("second"))
      .def_property_readonly("fallback",
                             [](const stacking_table& t) { return word_of(t.fallback(), stacking_modes); })
      .def("rules", &stacking_table::rules);

  py::class_<stacked_grant>(m, "stacked_grant", "What is paid of one decision after stacking.")
      .def_readonly("policy_id", &stacked_grant::policy_id)
      .def_readonly("granted", &stacked_grant::granted)
      .def_readonly("paid", &stacked_grant::paid)
      .def_readonly("reason", &stacked_grant::reason);

  m.def("resolve_stacking", &resolve_stacking, py::arg("decisions"), py::arg("table"));
}

} // namespace

void register_rules(py::module_& m) {
  register_conditions(m);
  register_policies(m);
  register_decisions(m);
  register_stacking(m);
}

} // namespace eldercare_py
