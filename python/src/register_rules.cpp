// Rules: conditions (the C++ leaf types behind run-time groups), benefits, citations, parameters,
// rules, policies, decisions with their explanations, schedules and stacking (eldercare/rules/).
#include "common.hpp"
#include "words.hpp"

#include <algorithm>   // std::find over parameter names
#include <optional>    // a leaf found in the list, or none
#include <type_traits> // std::type_identity over the list of leaves

#include "eldercare/rules/leaves.hpp" // the library's leaf conditions, listed once

namespace eldercare_py {
namespace {

using namespace eldercare;
using namespace words;

// --- leaves: all from the list in rules/leaves.hpp and each leaf's own declarations -------------
//
// Nothing below names a leaf type. A leaf's kind, its parameters (names, members, defaults, docs),
// its checks and what it reads are declared in its header (rules/leaf.hpp); the binding converts
// each C++ parameter type once (parameter_type) and dispatches over person_leaves.

/// A whole number from a Python int (or anything with __index__, such as numpy integers; not a bool
/// or a float), within int's range.
int as_int(const py::object& v, const std::string& field, error_id id) {
  if (PyBool_Check(v.ptr()) || !PyIndex_Check(v.ptr()))
    throw invalid_type(field, repr_of(v), "expected a whole number (int)");
  const auto number = py::reinterpret_steal<py::object>(PyNumber_Index(v.ptr()));
  if (!number) throw py::error_already_set();
  int overflow = 0;
  const long long n = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
  if (overflow != 0 || n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
    throw invalid_value(id, field, py::str(number).cast<std::string>(), "out of range");
  return static_cast<int>(n);
}
std::string as_text(const py::object& v, const std::string& field, error_id id, const char* expected) {
  if (!PyUnicode_Check(v.ptr())) throw invalid_type(field, repr_of(v), expected);
  return std::string(utf8_of(v, field, id));
}
/// A str, or a list-like of str (each element's errors name field[i]).
std::vector<std::string> as_word_list(const py::object& v, const std::string& field, error_id id) {
  if (PyUnicode_Check(v.ptr())) return {std::string(utf8_of(v, field, id))};
  if (PyBytes_Check(v.ptr()) || PyDict_Check(v.ptr()) || !py::isinstance<py::iterable>(v))
    throw invalid_type(field, repr_of(v), "expected a word or a list of words");
  std::vector<std::string> out;
  for (const auto item : v)
    out.push_back(as_text(py::reinterpret_borrow<py::object>(item),
                          field + "[" + std::to_string(out.size()) + "]", id, "expected a word (str)"));
  return out;
}

/// An option's word: parse_word, or the enum's own parser where it accepts more (short labels).
template <Worded E>
E parse_option(std::string_view text, const std::string& field) {
  if constexpr (std::is_same_v<E, disability_category>) return parse_disability_category(text, field);
  else if constexpr (std::is_same_v<E, category>)
    return parse_category(text, field);
  else
    return parse_word<E>(text, field);
}
template <Worded E>
py::tuple words_of() {
  py::tuple out(enum_words<E>::entries.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = py::str(std::string(enum_words<E>::entries[i].word));
  return out;
}

/// What the binding makes of one C++ parameter type: its type tag in leaf_specs() (the Python layer
/// applies its rules per tag: a region set accepts RegionLike, a period is given as months/days/
/// years, ...), the words it accepts, the error id of a wrong value, and the conversions both ways.
/// One specialisation per type, never per leaf.
template <class T>
struct parameter_type;

template <>
struct parameter_type<int> {
  static constexpr const char* tag = "int";
  static constexpr error_id error = error_id::invalid_parameter;
  static py::tuple words() { return py::tuple(); }
  static py::object to_python(int v) { return py::int_(v); }
  static int from_python(const py::object& v, const std::string& f) { return as_int(v, f, error); }
};
template <>
struct parameter_type<bool> {
  static constexpr const char* tag = "bool";
  static constexpr error_id error = error_id::invalid_parameter;
  static py::tuple words() { return py::tuple(); }
  static py::object to_python(bool v) { return py::bool_(v); }
  static bool from_python(const py::object& v, const std::string& f) {
    if (!PyBool_Check(v.ptr())) throw invalid_type(f, repr_of(v), "expected True or False");
    return v.cast<bool>();
  }
};
template <>
struct parameter_type<std::string> {
  static constexpr const char* tag = "text";
  static constexpr error_id error = error_id::invalid_parameter;
  static py::tuple words() { return py::tuple(); }
  static py::object to_python(const std::string& v) { return py::str(v); }
  static std::string from_python(const py::object& v, const std::string& f) {
    return as_text(v, f, error, "expected text (str)");
  }
};
/// An enum option, as its word.
template <Worded E>
struct parameter_type<E> {
  static constexpr const char* tag = "word";
  static constexpr error_id error = enum_words<E>::error;
  static py::tuple words() { return words_of<E>(); }
  static py::object to_python(E v) { return py::str(std::string(to_word(v))); }
  static E from_python(const py::object& v, const std::string& f) {
    return parse_option<E>(as_text(v, f, error, ("expected one of " + known_words<E>()).c_str()), f);
  }
};
/// A list of enum options, as a list of words (a single word is a list of one).
template <Worded E>
struct parameter_type<std::vector<E>> {
  static constexpr const char* tag = "words";
  static constexpr error_id error = enum_words<E>::error;
  static py::tuple words() { return words_of<E>(); }
  static py::object to_python(const std::vector<E>& v) {
    py::list out;
    for (const E e : v) out.append(py::str(std::string(to_word(e))));
    return out;
  }
  static std::vector<E> from_python(const py::object& v, const std::string& f) {
    const auto texts = as_word_list(v, f, error);
    std::vector<E> out;
    for (std::size_t i = 0; i < texts.size(); ++i)
      out.push_back(parse_option<E>(texts[i], f + "[" + std::to_string(i) + "]"));
    return out;
  }
};
/// A set of categories, as a list of words in the categories' order.
template <>
struct parameter_type<category_set> {
  static constexpr const char* tag = "words";
  static constexpr error_id error = enum_words<category>::error;
  static py::tuple words() { return words_of<category>(); }
  static py::object to_python(const category_set& v) {
    py::list out;
    for (const category c : all_values<category>())
      if (v.contains(c)) out.append(py::str(std::string(to_word(c))));
    return out;
  }
  static category_set from_python(const py::object& v, const std::string& f) {
    category_set out;
    for (const category c : parameter_type<std::vector<category>>::from_python(v, f)) out.insert(c);
    return out;
  }
};
template <>
struct parameter_type<region_set> {
  static constexpr const char* tag = "regions";
  static constexpr error_id error = error_id::invalid_region;
  static py::tuple words() { return py::tuple(); }
  static py::object to_python(const region_set& v) { return py::cast(v); }
  static region_set from_python(const py::object& v, const std::string& f) {
    if (!py::isinstance<region_set>(v)) throw invalid_type(f, repr_of(v), "expected a RegionSet");
    return v.cast<region_set>();
  }
};
/// A GB/T 42195 level, as its number (0-4).
template <>
struct parameter_type<ability_level> {
  static constexpr const char* tag = "ability_level";
  static constexpr error_id error = error_id::invalid_ability;
  static py::tuple words() { return py::tuple(); }
  static py::object to_python(ability_level v) { return py::int_(v.value()); }
  static ability_level from_python(const py::object& v, const std::string& f) {
    return ability_level(as_int(v, f, error), f);
  }
};
/// A certificate grade, as its number (1-4).
template <>
struct parameter_type<disability_grade> {
  static constexpr const char* tag = "disability_grade";
  static constexpr error_id error = error_id::invalid_ability;
  static py::tuple words() { return py::tuple(); }
  static py::object to_python(disability_grade v) { return py::int_(v.value()); }
  static disability_grade from_python(const py::object& v, const std::string& f) {
    return disability_grade(as_int(v, f, error), f);
  }
};
/// A period, as (count, unit word): Python gives it as months=, days= or years=, so its errors name
/// the unit ("continuous_stay_at_least.months"), not the parameter.
template <>
struct parameter_type<period> {
  static constexpr const char* tag = "period";
  static constexpr error_id error = error_id::invalid_period;
  static py::tuple words() { return words_of<period_unit>(); }
  static py::object to_python(const period& v) {
    return py::make_tuple(v.count(), std::string(to_word(v.unit())));
  }
  static period from_python(const py::object& v, const std::string& f) {
    if (!py::isinstance<py::tuple>(v) || py::len(v) != 2)
      throw invalid_type(f, repr_of(v), "expected (count, unit), e.g. (3, 'months')");
    const auto pair = v.cast<py::tuple>();
    const period_unit unit = parameter_type<period_unit>::from_python(pair[1], f);
    const std::string at = f.substr(0, f.rfind('.') + 1) + std::string(to_word(unit));
    const int count = as_int(pair[0], at, error);
    return requalified("period.count", at, [&] {
      return unit == period_unit::days     ? period::days(count)
             : unit == period_unit::months ? period::months(count)
                                           : period::years(count);
    });
  }
};

/// A leaf's parameters by name.
template <Leaf L>
py::dict parameters_of(const L& leaf) {
  py::dict d;
  L::fields(leaf, [&](const leaf_parameter& p, const auto& member, const auto&...) {
    d[py::str(std::string(p.name))] =
        parameter_type<std::remove_cvref_t<decltype(member)>>::to_python(member);
  });
  return d;
}

/// Sets the parameters `given` by name, then runs the leaf's checks. With `fill` (a leaf made from
/// parameters), the others take their defaults and a required one that is missing is an error;
/// without (a copy with changes), the others are kept, and so are members that are not parameters.
template <Leaf L>
void set_parameters(L& leaf, const py::dict& given, bool fill) {
  const std::string kind(L::kind);
  std::vector<std::string> known;
  L::fields(leaf, [&](const leaf_parameter& p, auto&, const auto&...) { known.emplace_back(p.name); });
  for (const auto item : given) {
    const std::string name =
        PyUnicode_Check(item.first.ptr()) ? std::string(utf8_of(item.first, kind)) : repr_of(item.first);
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string names;
    for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
    throw invalid_value(error_id::invalid_parameter, kind + "." + name, literal{repr_of(item.second)},
                        names.empty() ? "this leaf has no parameters" : "no such parameter; known: " + names);
  }
  L::fields(leaf, [&](const leaf_parameter& p, auto& member, const auto&... fallback) {
    using T = std::remove_cvref_t<decltype(member)>;
    const std::string name(p.name);
    const std::string field = kind + "." + name;
    if (given.contains(name)) {
      const auto value = py::reinterpret_borrow<py::object>(given[py::str(name)]);
      try {
        member = parameter_type<T>::from_python(value, field);
      } catch (const py::cast_error&) {
        throw invalid_type(field, repr_of(value), "wrong type for this parameter");
      }
    } else if (fill) {
      if constexpr (sizeof...(fallback) == 1) member = T(fallback...);
      else
        throw invalid_value(error_id::invalid_parameter, field, "", "is required");
    }
  });
  validate_leaf(leaf);
}

/// The kind of the C++ leaf type behind a run-time condition (the name of its Python factory);
/// "group" for run-time groups, "" for a compile-time composite wrapped whole (see unfolded) or a
/// leaf type the list does not have.
std::string leaf_kind(const any_condition& c) {
  if (c.shape() != condition_shape::leaf) return "group";
  std::string kind;
  person_leaves::for_each([&]<class L>(std::type_identity<L>) {
    if (kind.empty() && c.target<L>()) kind = L::kind;
  });
  return kind;
}

/// The leaf as a run-time condition of its own, for the listed leaf types.
std::optional<any_condition> rewrap(const leaf_ref<person>& l) {
  std::optional<any_condition> out;
  person_leaves::for_each([&]<class L>(std::type_identity<L>) {
    if (const L* x = l.target<L>(); x && !out) out = any_condition(*x);
  });
  return out;
}

/// A leaf's parameters, by the names of its Python factory's arguments; empty for a group or a
/// leaf type the list does not have.
py::dict leaf_parameters(const any_condition& c) {
  py::dict d;
  person_leaves::for_each([&]<class L>(std::type_identity<L>) {
    if (const L* x = c.target<L>()) d = parameters_of(*x);
  });
  return d;
}

/// A copy of the leaf with some parameters changed (the others, and members that are not
/// parameters, are kept). Raises for a group, an unknown leaf type or an unknown parameter name.
any_condition with_parameters(const any_condition& c, const py::dict& changes) {
  std::optional<any_condition> out;
  person_leaves::for_each([&]<class L>(std::type_identity<L>) {
    if (const L* x = c.target<L>()) {
      L copy = *x;
      set_parameters(copy, changes, false);
      out = any_condition(std::move(copy));
    }
  });
  if (!out)
    throw invalid_value(
        error_id::invalid_parameter, "condition", c.describe(),
        "only a leaf's parameters can be changed (unfold the condition and change its leaves)");
  return *out;
}

/// The leaf of `kind` with the parameters `given` (the others take their defaults).
any_condition make_leaf(const std::string& kind, const py::dict& given) {
  std::optional<any_condition> out;
  const bool listed = person_leaves::with_kind(kind, [&]<class L>(std::type_identity<L>) {
    L leaf = blank_leaf<L>();
    set_parameters(leaf, given, true);
    out = any_condition(std::move(leaf));
  });
  if (!listed) {
    std::string kinds;
    person_leaves::for_each(
        [&]<class L>(std::type_identity<L>) { kinds += (kinds.empty() ? "" : ", ") + std::string(L::kind); });
    throw invalid_value(error_id::invalid_parameter, "kind", kind,
                        "no leaf condition of this kind; known: " + kinds);
  }
  return *out;
}

template <class L>
std::string notes_of() {
  if constexpr (requires { L::notes; }) return std::string(L::notes);
  else
    return {};
}

/// Every listed leaf, described for the Python layer: kind, doc, notes, what it reads, and per
/// parameter its name, type tag, accepted words, default, whether it is required, passed by name
/// or spread, its doc and the error id of a wrong value.
py::list leaf_specs() {
  py::list out;
  person_leaves::for_each([&]<class L>(std::type_identity<L>) {
    py::list parameters;
    const L blank = blank_leaf<L>();
    L::fields(blank, [&](const leaf_parameter& p, const auto& member, const auto&... fallback) {
      using T = std::remove_cvref_t<decltype(member)>;
      py::dict d;
      d["name"] = std::string(p.name);
      d["type"] = parameter_type<T>::tag;
      d["words"] = parameter_type<T>::words();
      d["required"] = sizeof...(fallback) == 0;
      if constexpr (sizeof...(fallback) == 1) d["default"] = parameter_type<T>::to_python(T(fallback...));
      else
        d["default"] = py::none();
      d["named"] = p.named;
      d["variadic"] = p.variadic;
      d["doc"] = std::string(p.doc);
      d["error"] = static_cast<int>(parameter_type<T>::error);
      parameters.append(std::move(d));
    });
    py::dict spec;
    spec["kind"] = std::string(L::kind);
    spec["doc"] = std::string(L::doc);
    spec["notes"] = notes_of<L>();
    spec["parameters"] = std::move(parameters);
    out.append(std::move(spec));
  });
  return out;
}

/// Rebuilds a condition as run-time groups over re-wrapped leaves, walking it with visit() (which
/// sees through compile-time groups). Groups are not flattened, so traces keep their nesting.
class unfolder final : public condition_visitor<person> {
public:
  void open(condition_shape group) override { stack_.push_back({group, {}}); }
  void close() override {
    auto [shape, parts] = std::move(stack_.back());
    stack_.pop_back();
    if (parts.empty()) {
      failed_ = true;
      return;
    }
    any_condition g = shape == condition_shape::all_of   ? any_condition::all(std::move(parts))
                      : shape == condition_shape::any_of ? any_condition::any(std::move(parts))
                                                         : any_condition::negate(std::move(parts.front()));
    add(std::move(g));
  }
  void leaf(const leaf_ref<person>& l) override {
    if (auto c = rewrap(l)) add(std::move(*c));
    else
      failed_ = true;
  }
  /// The unfolded condition, or nothing when a leaf type is unknown to the binding.
  std::optional<any_condition> result() && {
    if (failed_ || !stack_.empty() || !result_) return std::nullopt;
    return std::move(result_);
  }

private:
  void add(any_condition c) {
    if (stack_.empty()) result_ = std::move(c);
    else
      stack_.back().second.push_back(std::move(c));
  }
  std::vector<std::pair<condition_shape, std::vector<any_condition>>> stack_;
  std::optional<any_condition> result_;
  bool failed_ = false;
};

/// The condition with its compile-time groups turned into run-time ones down to the leaves (same
/// verdicts, traces and descriptions); the condition itself when a leaf type is unknown.
any_condition unfolded(const any_condition& c) {
  unfolder u;
  c.visit(u);
  auto r = std::move(u).result();
  return r ? *r : c;
}

context<person> make_context(const person& p, const date& on, const facility_registry* facilities) {
  return context<person>{p, on, facilities};
}

void register_conditions(py::module_& m) {
  py::class_<any_condition>(m, "condition", "A run-time condition over a person (C++ any_condition).")
      .def("describe", &any_condition::describe)
      .def_property_readonly("shape", [](const any_condition& c) { return std::string(to_word(c.shape())); })
      .def_property_readonly("kind", &leaf_kind)
      .def("children", &any_condition::children)
      .def("unfolded", &unfolded,
           "The same condition with compile-time groups turned into run-time ones down to the leaves.")
      .def("parameters", &leaf_parameters, "A leaf's parameters by factory argument name ({} for a group).")
      .def("with_parameters", &with_parameters, py::arg("changes"),
           "A copy of the leaf with the named parameters changed.")
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

  m.def("make_leaf", &make_leaf, py::arg("kind"), py::arg("parameters"),
        "The leaf condition of `kind` with the parameters by name (the others take their defaults).");
  m.def("leaf_specs", &leaf_specs,
        "Every leaf condition's kind, doc and parameters (from rules/leaves.hpp).");
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
            return benefit::make(parse_word<benefit_unit>(unit, "benefit.unit"),
                                 parse_word<benefit_period>(period, "benefit.period"), quantity);
          },
          py::arg("unit"), py::arg("period"), py::arg("quantity"))
      .def_property_readonly("unit", [](const benefit& b) { return std::string(to_word(b.unit())); })
      .def_property_readonly("period", [](const benefit& b) { return std::string(to_word(b.period())); })
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

  py::class_<parameter_info>(m, "parameter_info",
                             "A rule parameter with its provenance and the seed's words.")
      .def(py::init([](std::string name, std::string value, const std::string& origin, std::string note,
                       std::string quote) {
             return parameter_info{std::move(name), std::move(value),
                                   parse_word<provenance>(origin, "parameter.provenance"), std::move(note),
                                   std::move(quote)};
           }),
           py::arg("name"), py::arg("value"), py::arg("provenance") = "assumed", py::arg("note") = "",
           py::arg("quote") = "")
      .def_readonly("name", &parameter_info::name)
      .def_readonly("value", &parameter_info::value)
      .def_property_readonly("provenance",
                             [](const parameter_info& p) { return std::string(to_word(p.origin)); })
      .def_readonly("note", &parameter_info::note)
      .def_readonly("quote", &parameter_info::quote)
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
             v.combine = parse_word<combination>(combine, field + ".combine");
             v.paid_to = parse_word<payee>(paid_to, field + ".paid_to");
             v.rules = std::move(rules);
             v.parameters = std::move(parameters);
             v.paid_month = parse_word<month_basis>(paid_month, field + ".paid_month");
             if (arrears_months < 0)
               throw invalid_value(error_id::invalid_parameter, field + ".arrears_months", arrears_months,
                                   "cannot be negative");
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
                             [](const policy_version& v) { return std::string(to_word(v.combine)); })
      .def_property_readonly("paid_to",
                             [](const policy_version& v) { return std::string(to_word(v.paid_to)); })
      .def_readonly("rules", &policy_version::rules)
      .def_readonly("parameters", &policy_version::parameters)
      .def_property_readonly("paid_month",
                             [](const policy_version& v) { return std::string(to_word(v.paid_month)); })
      .def_readonly("arrears_months", &policy_version::arrears_months)
      .def(
          "in_force_on",
          [](const policy_version& v, py::handle d) { return v.in_force_on(to_date(d, "on")); },
          py::arg("on"));

  py::class_<policy>(m, "policy", "A policy: versions by effective date (sorted on construction).")
      .def(py::init([](std::string id, std::string title, std::vector<policy_version> versions,
                       const std::string& status, std::string missing, py::handle known_from,
                       std::string known_from_reason) {
             std::optional<known_start> known;
             if (!known_from.is_none())
               known = known_start{to_date(known_from, "policy.known_from"), std::move(known_from_reason)};
             return policy(std::move(id), std::move(title), std::move(versions),
                           parse_word<computability>(status, "policy.status"), std::move(missing),
                           std::move(known));
           }),
           py::arg("id"), py::arg("title"), py::arg("versions"), py::arg("status") = "computable",
           py::arg("missing") = "", py::arg("known_from") = py::none(), py::arg("known_from_reason") = "")
      .def_property_readonly("id", &policy::id)
      .def_property_readonly("title", &policy::title)
      .def_property_readonly("versions", &policy::versions)
      .def_property_readonly("status", [](const policy& p) { return std::string(to_word(p.status())); })
      .def_property_readonly("missing", &policy::missing)
      .def_property_readonly("known_from",
                             [](const policy& p) -> std::optional<date> {
                               if (!p.known_from()) return std::nullopt;
                               return p.known_from()->from;
                             })
      .def_property_readonly(
          "known_from_reason",
          [](const policy& p) { return p.known_from() ? p.known_from()->reason : std::string(); })
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
      .def_property_readonly("kind", [](const reason& r) { return std::string(to_word(r.kind)); })
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
      .def_readonly("note", &reason::note)
      .def_readonly("counted_from", &reason::counted_from);

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
      .def_property_readonly("status", [](const decision& d) { return std::string(to_word(d.status)); })
      .def_readonly("status_note", &decision::status_note)
      .def_readonly("version_label", &decision::version_label)
      .def_property_readonly("combine", [](const decision& d) { return std::string(to_word(d.combine)); })
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
      .def_readonly("granted", &schedule_line::granted)
      .def_property_readonly("status", [](const schedule_line& l) { return std::string(to_word(l.status)); });

  m.def(
      "schedule",
      [](const policy& p, const person& subject, py::handle first, py::handle last,
         const facility_registry* facilities, std::optional<std::string> basis) {
        const date from = to_date(first, "first");
        const date to = to_date(last, "last");
        schedule_options options;
        if (basis) options.basis = parse_word<month_basis>(*basis, "basis");
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
      .def_property_readonly("mode", [](const stacking_rule& r) { return std::string(to_word(r.mode)); })
      .def_readonly("citation", &stacking_rule::cite)
      .def_property_readonly("provenance",
                             [](const stacking_rule& r) { return std::string(to_word(r.origin)); });

  py::class_<stacking_table>(m, "stacking_table", "Stacking modes declared per pair of policies.")
      .def(py::init([](const std::string& fallback) {
             return stacking_table(parse_word<stacking_mode>(fallback, "fallback"));
           }),
           py::arg("fallback") = "stack")
      .def(
          "declare",
          [](stacking_table& t, std::string first, std::string second, const std::string& mode, citation cite,
             const std::string& origin) {
            t.declare(stacking_rule{std::move(first), std::move(second),
                                    parse_word<stacking_mode>(mode, "mode"), std::move(cite),
                                    parse_word<provenance>(origin, "provenance")});
          },
          py::arg("first"), py::arg("second"), py::arg("mode"), py::arg("citation") = citation{},
          py::arg("provenance") = "assumed")
      .def(
          "mode_for",
          [](const stacking_table& t, const std::string& a, const std::string& b) {
            return std::string(to_word(t.mode_for(a, b)));
          },
          py::arg("first"), py::arg("second"))
      .def_property_readonly("fallback",
                             [](const stacking_table& t) { return std::string(to_word(t.fallback())); })
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
