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
/// "group" for run-time groups, "" for a compile-time composite wrapped whole (see unfolded).
std::string leaf_kind(const any_condition& c) {
  if (c.shape() != condition_shape::leaf) return "group";
  if (c.target<age_at_least>()) return "age_at_least";
  if (c.target<age_under>()) return "age_under";
  if (c.target<age_at_least_by_year>()) return "age_at_least_by_year";
  if (c.target<hukou_in>()) return "hukou_in";
  if (c.target<lives_in>()) return "lives_in";
  if (c.target<lives_rural>()) return "lives_rural";
  if (c.target<in_category>()) return "in_category";
  if (c.target<ability_at_least>()) return "ability_at_least";
  if (c.target<disability_at_least>()) return "disability_at_least";
  if (c.target<multiple_disability_with>()) return "multiple_disability_with";
  if (c.target<self_care_rating_at_least>()) return "self_care_rating_at_least";
  if (c.target<has_mental_illness>()) return "has_mental_illness";
  if (c.target<has_infectious_disease>()) return "has_infectious_disease";
  if (c.target<continuous_stay_at_least>()) return "continuous_stay_at_least";
  if (c.target<in_facility>()) return "in_facility";
  if (c.target<lives_at_home>()) return "lives_at_home";
  if (c.target<enrolled_in>()) return "enrolled_in";
  if (c.target<always>()) return "always";
  return "";
}

// --- unfolding and leaf parameters (what reforms read and change) --------------------------------

/// The leaf as a run-time condition of its own, for the leaf types the binding knows.
std::optional<any_condition> rewrap(const leaf_ref<person>& l) {
  if (const auto* c = l.target<age_at_least>()) return any_condition(*c);
  if (const auto* c = l.target<age_under>()) return any_condition(*c);
  if (const auto* c = l.target<age_at_least_by_year>()) return any_condition(*c);
  if (const auto* c = l.target<hukou_in>()) return any_condition(*c);
  if (const auto* c = l.target<lives_in>()) return any_condition(*c);
  if (const auto* c = l.target<lives_rural>()) return any_condition(*c);
  if (const auto* c = l.target<in_category>()) return any_condition(*c);
  if (const auto* c = l.target<ability_at_least>()) return any_condition(*c);
  if (const auto* c = l.target<disability_at_least>()) return any_condition(*c);
  if (const auto* c = l.target<multiple_disability_with>()) return any_condition(*c);
  if (const auto* c = l.target<self_care_rating_at_least>()) return any_condition(*c);
  if (const auto* c = l.target<has_mental_illness>()) return any_condition(*c);
  if (const auto* c = l.target<has_infectious_disease>()) return any_condition(*c);
  if (const auto* c = l.target<continuous_stay_at_least>()) return any_condition(*c);
  if (const auto* c = l.target<in_facility>()) return any_condition(*c);
  if (const auto* c = l.target<lives_at_home>()) return any_condition(*c);
  if (const auto* c = l.target<enrolled_in>()) return any_condition(*c);
  if (const auto* c = l.target<always>()) return any_condition(*c);
  return std::nullopt;
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

py::object region_set_object(const region_set& r) { return py::cast(r); }

std::vector<std::string> kind_words(const std::vector<facility_kind>& kinds) {
  std::vector<std::string> out;
  for (auto k : kinds) out.emplace_back(to_word(k));
  return out;
}
std::vector<std::string> disability_words(const std::vector<disability_category>& cs) {
  std::vector<std::string> out;
  for (auto c : cs) out.push_back(std::string(to_word(c)));
  return out;
}
std::vector<std::string> category_list(const category_set& cs) {
  std::vector<std::string> out;
  for (const auto& w : enum_words<category>::entries)
    if (cs.contains(w.value)) out.emplace_back(w.word);
  return out;
}

/// A leaf's parameters, by the names of its Python factory's arguments; empty for a group or an
/// unknown leaf type.
py::dict leaf_parameters(const any_condition& c) {
  py::dict d;
  auto age = [&](int years, const age_rule& r) {
    d["years"] = years;
    d["reached"] = std::string(to_word(r.reached));
    d["leap_day"] = std::string(to_word(r.leap_day));
  };
  if (const auto* x = c.target<age_at_least>()) age(x->years, x->rule);
  else if (const auto* x = c.target<age_under>())
    age(x->years, x->rule);
  else if (const auto* x = c.target<age_at_least_by_year>()) {
    age(x->years, x->rule);
    d["mark"] = std::string(to_word(x->mark));
  } else if (const auto* x = c.target<hukou_in>()) {
    d["regions"] = region_set_object(x->regions);
    d["legacy"] = std::string(to_word(x->legacy));
  } else if (const auto* x = c.target<lives_in>()) {
    d["regions"] = region_set_object(x->regions);
  } else if (const auto* x = c.target<in_category>()) {
    d["categories"] = category_list(x->wanted);
  } else if (const auto* x = c.target<ability_at_least>()) {
    d["level"] = x->minimum.value();
  } else if (const auto* x = c.target<disability_at_least>()) {
    d["categories"] = disability_words(x->categories);
    d["grade"] = x->grade.value();
  } else if (const auto* x = c.target<multiple_disability_with>()) {
    d["categories"] = disability_words(x->categories);
    d["grade"] = x->grade.value();
  } else if (const auto* x = c.target<self_care_rating_at_least>()) {
    d["minimum"] = std::string(to_word(x->minimum));
  } else if (const auto* x = c.target<continuous_stay_at_least>()) {
    d["count"] = x->length.count();
    d["unit"] = std::string(to_word(x->length.unit()));
    d["regions"] = region_set_object(x->facilities.regions);
    d["kinds"] = kind_words(x->facilities.kinds);
    d["require_filing"] = x->facilities.require_filing;
    d["max_gap_days"] = x->continuity.max_gap_days;
    d["transfers"] = std::string(to_word(x->continuity.transfers));
    d["before_filing"] = std::string(to_word(x->continuity.before_filing));
    d["counting"] = std::string(to_word(x->counting.months));
    d["checked"] = std::string(to_word(x->checked));
  } else if (const auto* x = c.target<in_facility>()) {
    d["regions"] = region_set_object(x->facilities.regions);
    d["kinds"] = kind_words(x->facilities.kinds);
    d["require_filing"] = x->facilities.require_filing;
  } else if (const auto* x = c.target<enrolled_in>()) {
    d["programme"] = x->programme;
    d["label"] = x->label;
  } else if (const auto* x = c.target<always>()) {
    d["what"] = x->what;
  }
  return d;
}

/// Reads the changes a caller asked for, refusing names the leaf does not have.
class changes {
public:
  changes(const py::dict& d, std::string kind, const py::dict& known) : kind_(std::move(kind)) {
    for (const auto item : d) {
      const std::string name = py::str(item.first).cast<std::string>();
      if (!known.contains(name.c_str())) {
        std::string names;
        for (const auto k : known)
          names += (names.empty() ? "" : ", ") + py::str(k.first).cast<std::string>();
        throw invalid_value(error_id::invalid_parameter, kind_ + "." + name, repr_of(item.second),
                            names.empty() ? "this leaf has no parameters"
                                          : "no such parameter; known: " + names);
      }
      values_.emplace_back(name, py::reinterpret_borrow<py::object>(item.second));
    }
  }
  template <class F>
  void on(const char* name, F&& apply) const {
    for (const auto& [n, v] : values_)
      if (n == name) {
        try {
          apply(v, kind_ + "." + n);
        } catch (const py::cast_error&) {
          throw invalid_type(error_id::invalid_parameter, kind_ + "." + n, repr_of(v),
                             "wrong type for this parameter");
        }
      }
  }

private:
  std::string kind_;
  std::vector<std::pair<std::string, py::object>> values_;
};

std::string as_word(const py::object& v, const std::string& field) {
  if (!PyUnicode_Check(v.ptr()))
    throw invalid_type(error_id::invalid_parameter, field, repr_of(v), "expected a word");
  return v.cast<std::string>();
}
int as_int(const py::object& v, const std::string& field) {
  if (PyBool_Check(v.ptr()) || !PyIndex_Check(v.ptr()))
    throw invalid_type(error_id::invalid_parameter, field, repr_of(v), "expected a whole number (int)");
  const long long n = v.cast<long long>();
  if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
    throw invalid_value(error_id::invalid_parameter, field, std::to_string(n), "out of range");
  return static_cast<int>(n);
}
bool as_bool(const py::object& v, const std::string& field) {
  if (!PyBool_Check(v.ptr()))
    throw invalid_type(error_id::invalid_parameter, field, repr_of(v), "expected True or False");
  return v.cast<bool>();
}
region_set as_regions(const py::object& v, const std::string& field) {
  if (!py::isinstance<region_set>(v))
    throw invalid_type(error_id::invalid_parameter, field, repr_of(v), "expected a RegionSet");
  return v.cast<region_set>();
}
std::vector<std::string> as_words(const py::object& v) {
  if (PyUnicode_Check(v.ptr())) return {v.cast<std::string>()};
  return v.cast<std::vector<std::string>>();
}
std::vector<facility_kind> as_kinds(const py::object& v, const std::string& field) {
  std::vector<facility_kind> out;
  const auto words = as_words(v);
  for (std::size_t i = 0; i < words.size(); ++i)
    out.push_back(parse_facility_kind(words[i], field + "[" + std::to_string(i) + "]"));
  if (out.empty())
    throw invalid_value(error_id::invalid_parameter, field, "[]", "needs at least one facility kind");
  return out;
}
std::vector<disability_category> as_disabilities(const py::object& v, const std::string& field) {
  std::vector<disability_category> out;
  const auto words = as_words(v);
  for (std::size_t i = 0; i < words.size(); ++i)
    out.push_back(parse_disability_category(words[i], field + "[" + std::to_string(i) + "]"));
  if (out.empty()) throw invalid_value(error_id::invalid_parameter, field, "[]", "needs a category");
  return out;
}

/// A copy of the leaf with some parameters changed (the others, including any the factories do not
/// expose, are kept). Raises for a group, an unknown leaf type or an unknown parameter name.
any_condition with_parameters(const any_condition& c, const py::dict& d) {
  const std::string kind = leaf_kind(c);
  if (kind.empty() || kind == "group")
    throw invalid_value(
        error_id::invalid_parameter, "condition", c.describe(),
        "only a leaf's parameters can be changed (unfold the condition and change its leaves)");
  const changes ch(d, kind, leaf_parameters(c));
  auto age = [&](auto x) {
    ch.on("years", [&](const py::object& v, const std::string& f) { x.years = as_int(v, f); });
    ch.on("reached", [&](const py::object& v, const std::string& f) {
      x.rule.reached = parse_word<age_reached>(as_word(v, f), f);
    });
    ch.on("leap_day", [&](const py::object& v, const std::string& f) {
      x.rule.leap_day = parse_word<leap_day_birthday>(as_word(v, f), f);
    });
    return x;
  };
  if (const auto* x = c.target<age_at_least>()) {
    const auto y = age(*x);
    return any_condition(age_at_least(y.years, y.rule)); // re-run the constructor's checks
  }
  if (const auto* x = c.target<age_under>()) {
    const auto y = age(*x);
    return any_condition(age_under(y.years, y.rule));
  }
  if (const auto* x = c.target<age_at_least_by_year>()) {
    auto y = age(*x);
    ch.on("mark", [&](const py::object& v, const std::string& f) {
      y.mark = parse_word<year_mark>(as_word(v, f), f);
    });
    return any_condition(age_at_least_by_year(y.years, y.mark, y.rule));
  }
  if (const auto* x = c.target<hukou_in>()) {
    auto y = *x;
    ch.on("regions", [&](const py::object& v, const std::string& f) { y.regions = as_regions(v, f); });
    ch.on("legacy", [&](const py::object& v, const std::string& f) {
      y.legacy = parse_word<legacy_code_reading>(as_word(v, f), f);
    });
    return any_condition(y);
  }
  if (const auto* x = c.target<lives_in>()) {
    auto y = *x;
    ch.on("regions", [&](const py::object& v, const std::string& f) { y.regions = as_regions(v, f); });
    return any_condition(y);
  }
  if (const auto* x = c.target<in_category>()) {
    auto y = *x;
    ch.on("categories", [&](const py::object& v, const std::string& f) {
      const auto words = as_words(v);
      category_set wanted;
      for (std::size_t i = 0; i < words.size(); ++i)
        wanted.insert(parse_category(words[i], f + "[" + std::to_string(i) + "]"));
      y = in_category(wanted);
    });
    return any_condition(y);
  }
  if (const auto* x = c.target<ability_at_least>()) {
    auto y = *x;
    ch.on("level",
          [&](const py::object& v, const std::string& f) { y.minimum = ability_level(as_int(v, f), f); });
    return any_condition(y);
  }
  if (const auto* x = c.target<disability_at_least>()) {
    auto cats = x->categories;
    auto grade = x->grade;
    ch.on("categories", [&](const py::object& v, const std::string& f) { cats = as_disabilities(v, f); });
    ch.on("grade",
          [&](const py::object& v, const std::string& f) { grade = disability_grade(as_int(v, f), f); });
    return any_condition(disability_at_least(std::move(cats), grade));
  }
  if (const auto* x = c.target<multiple_disability_with>()) {
    auto cats = x->categories;
    auto grade = x->grade;
    ch.on("categories", [&](const py::object& v, const std::string& f) { cats = as_disabilities(v, f); });
    ch.on("grade",
          [&](const py::object& v, const std::string& f) { grade = disability_grade(as_int(v, f), f); });
    return any_condition(multiple_disability_with(std::move(cats), grade));
  }
  if (const auto* x = c.target<self_care_rating_at_least>()) {
    auto y = *x;
    ch.on("minimum", [&](const py::object& v, const std::string& f) {
      y.minimum = parse_word<self_care_rating>(as_word(v, f), f);
    });
    return any_condition(y);
  }
  if (const auto* x = c.target<continuous_stay_at_least>()) {
    int count = x->length.count();
    std::string unit = std::string(to_word(x->length.unit()));
    auto criteria = x->facilities;
    auto continuity = x->continuity;
    auto counting = x->counting; // keeps a holiday calendar, if any
    auto checked = x->checked;
    ch.on("count", [&](const py::object& v, const std::string& f) { count = as_int(v, f); });
    ch.on("unit", [&](const py::object& v, const std::string& f) {
      unit = std::string(to_word(parse_word<period_unit>(as_word(v, f), f)));
    });
    ch.on("regions", [&](const py::object& v, const std::string& f) { criteria.regions = as_regions(v, f); });
    ch.on("kinds", [&](const py::object& v, const std::string& f) { criteria.kinds = as_kinds(v, f); });
    ch.on("require_filing",
          [&](const py::object& v, const std::string& f) { criteria.require_filing = as_bool(v, f); });
    ch.on("max_gap_days", [&](const py::object& v, const std::string& f) {
      continuity.max_gap_days = as_int(v, f);
      if (continuity.max_gap_days < 0)
        throw invalid_value(error_id::invalid_parameter, f, std::to_string(continuity.max_gap_days),
                            "cannot be negative");
    });
    ch.on("transfers", [&](const py::object& v, const std::string& f) {
      continuity.transfers = parse_word<transfer_rule>(as_word(v, f), f);
    });
    ch.on("before_filing", [&](const py::object& v, const std::string& f) {
      continuity.before_filing = parse_word<pre_filing_days>(as_word(v, f), f);
    });
    ch.on("counting", [&](const py::object& v, const std::string& f) {
      counting.months = parse_word<month_counting>(as_word(v, f), f);
    });
    ch.on("checked", [&](const py::object& v, const std::string& f) {
      checked = parse_word<check_time>(as_word(v, f), f);
    });
    const period len = requalified("period.count", kind + ".count", [&] {
      return unit == "days"     ? period::days(count)
             : unit == "months" ? period::months(count)
                                : period::years(count);
    });
    return any_condition(continuous_stay_at_least(len, std::move(criteria), continuity, counting, checked));
  }
  if (const auto* x = c.target<in_facility>()) {
    auto y = *x;
    ch.on("regions",
          [&](const py::object& v, const std::string& f) { y.facilities.regions = as_regions(v, f); });
    ch.on("kinds", [&](const py::object& v, const std::string& f) { y.facilities.kinds = as_kinds(v, f); });
    ch.on("require_filing",
          [&](const py::object& v, const std::string& f) { y.facilities.require_filing = as_bool(v, f); });
    return any_condition(y);
  }
  if (const auto* x = c.target<enrolled_in>()) {
    auto y = *x;
    ch.on("programme", [&](const py::object& v, const std::string& f) {
      y.programme = as_word(v, f);
      if (y.programme.empty()) throw invalid_value(error_id::invalid_parameter, f, "", "must not be empty");
    });
    ch.on("label", [&](const py::object& v, const std::string& f) { y.label = as_word(v, f); });
    return any_condition(y);
  }
  if (const auto* x = c.target<always>()) {
    auto y = *x;
    ch.on("what", [&](const py::object& v, const std::string& f) { y.what = as_word(v, f); });
    return any_condition(y);
  }
  return c; // a leaf without parameters (lives_rural, has_mental_illness, ...): `changes` refused any name
}

context<person> make_context(const person& p, const date& on, const facility_registry* facilities) {
  return context<person>{p, on, facilities};
}

void register_conditions(py::module_& m) {
  py::class_<any_condition>(m, "condition", "A run-time condition over a person (C++ any_condition).")
      .def("describe", &any_condition::describe)
      .def_property_readonly("shape",
                             [](const any_condition& c) { return std::string(to_word(c.shape())); })
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
        return any_condition(hukou_in(regions, parse_word<legacy_code_reading>(legacy, "hukou_in.legacy")));
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
  m.def(
      "age_at_least_by_year",
      [](int years, const std::string& mark, const std::string& reached, const std::string& leap_day) {
        return any_condition(age_at_least_by_year(years,
                                                  parse_word<year_mark>(mark, "age_at_least_by_year.mark"),
                                                  make_age_rule(reached, leap_day)));
      },
      py::arg("years"), py::arg("mark") = "january_1", py::arg("reached") = "on_birthday",
      py::arg("leap_day") = "february_28");
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
            max_gap_days, parse_word<transfer_rule>(transfers, field + ".transfers"),
            parse_word<pre_filing_days>(before_filing, field + ".before_filing")};
        const period_counting how{parse_word<month_counting>(counting, field + ".counting"), nullptr};
        return requalified("continuity", field, [&] {
          return any_condition(
              continuous_stay_at_least(len, make_criteria(regions, kinds, require_filing, field), continuity,
                                       how, parse_word<check_time>(checked, field + ".checked")));
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

  py::class_<parameter_info>(m, "parameter_info", "A rule parameter with its provenance.")
      .def(py::init([](std::string name, std::string value, const std::string& origin, std::string note) {
             return parameter_info{std::move(name), std::move(value),
                                   parse_word<provenance>(origin, "parameter.provenance"), std::move(note)};
           }),
           py::arg("name"), py::arg("value"), py::arg("provenance") = "assumed", py::arg("note") = "")
      .def_readonly("name", &parameter_info::name)
      .def_readonly("value", &parameter_info::value)
      .def_property_readonly("provenance",
                             [](const parameter_info& p) { return std::string(to_word(p.origin)); })
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
             v.combine = parse_word<combination>(combine, field + ".combine");
             v.paid_to = parse_word<payee>(paid_to, field + ".paid_to");
             v.rules = std::move(rules);
             v.parameters = std::move(parameters);
             v.paid_month = parse_word<month_basis>(paid_month, field + ".paid_month");
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
                             [](const policy_version& v) { return std::string(to_word(v.combine)); })
      .def_property_readonly("paid_to", [](const policy_version& v) { return std::string(to_word(v.paid_to)); })
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
                       const std::string& status, std::string missing) {
             return policy(std::move(id), std::move(title), std::move(versions),
                           parse_word<computability>(status, "policy.status"), std::move(missing));
           }),
           py::arg("id"), py::arg("title"), py::arg("versions"), py::arg("status") = "computable",
           py::arg("missing") = "")
      .def_property_readonly("id", &policy::id)
      .def_property_readonly("title", &policy::title)
      .def_property_readonly("versions", &policy::versions)
      .def_property_readonly("status", [](const policy& p) { return std::string(to_word(p.status())); })
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
      .def_readonly("granted", &schedule_line::granted);

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
