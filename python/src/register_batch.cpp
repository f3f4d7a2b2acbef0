// Evaluating populations: the columnar engine (evaluate_batch_into, simulate_months) for person
// policies, and the person path (eldercare/batch/evaluate_each.hpp, schedules.hpp, households.hpp: a
// subject at a time through evaluate/grant_on/schedule) for what the engine does not serve: catalog
// bundles (a prepared_entry), households, and path="persons" (the reference the tests compare the
// engine with). This file converts and dispatches: the library runs every loop, with the GIL
// released; results cross as numpy arrays.
//
// Populations are built in register_population.cpp. Results carry `cpp_seconds`, the time of the
// engine call alone, so that benchmarks can set the Python API's overhead against it.
#include "catalog_common.hpp"
#include "register_population.hpp"
#include "words.hpp"

#include <eldercare/batch.hpp>

#include <pybind11/numpy.h> // result arrays out

#include <algorithm>   // std::fill
#include <span>        // persons and households to the library
#include <type_traits> // a matrix's element type
#include <utility>     // a schedule's period

namespace eldercare_py {
namespace {

using namespace eldercare;
using namespace words;

/// Row errors as Python: a list of (row, message), by row (batch/row_errors.hpp).
py::list errors_to_python(row_errors& errors) {
  py::list out;
  for (const row_error& e : errors.take()) out.append(py::make_tuple(e.row, e.message));
  return out;
}

// --- the person path ----------------------------------------------------------------------------

/// Columns of results, filled without the GIL and turned into numpy arrays with it.
struct result_columns {
  std::vector<std::uint8_t> eligible;
  std::vector<std::int64_t> amount_fen, quantity;
  std::vector<std::int8_t> unit, period, status;
  std::vector<std::string> first_failing, granting;

  void resize(std::size_t n, bool reasons) {
    eligible.assign(n, 0);
    amount_fen.assign(n, 0);
    quantity.assign(n, 0);
    unit.assign(n, -1);
    period.assign(n, -1);
    status.assign(n, 0);
    if (reasons) {
      first_failing.assign(n, {});
      granting.assign(n, {});
    }
  }
  void set(std::size_t i, const std::optional<benefit>& g) {
    eligible[i] = g.has_value();
    if (!g) return;
    amount_fen[i] = g->amount().fen();
    quantity[i] = g->quantity();
    unit[i] = static_cast<std::int8_t>(g->unit());
    period[i] = static_cast<std::int8_t>(g->period());
  }
  void set(std::size_t i, const decision& d) {
    set(i, d.granted);
    status[i] = static_cast<std::int8_t>(d.status);
    first_failing[i] = d.first_failing_condition();
    granting[i] = joined(d.granting_rules);
  }
  /// Granting rule ids as one cell: comma-separated.
  static std::string joined(const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t k = 0; k < ids.size(); ++k) out += (k ? "," : "") + ids[k];
    return out;
  }
  template <class T>
  static py::array_t<T> array(const std::vector<T>& v) {
    py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  }
  py::dict to_python(bool reasons) const {
    py::dict d;
    d["eligible"] = array(eligible).attr("astype")("bool");
    d["amount_fen"] = array(amount_fen);
    d["quantity"] = array(quantity);
    d["unit"] = array(unit);
    d["period"] = array(period);
    d["status"] = array(status);
    if (reasons) {
      d["first_failing_condition"] = py::cast(first_failing);
      d["granting_rules"] = py::cast(granting);
    }
    return d;
  }
};

/// evaluate_batch: every person under a policy or a prepared catalog entry (evaluate_each with
/// reasons, grant_each without).
template <class Target>
py::dict evaluate_rows(const Target& t, const std::vector<person>& persons, py::handle on,
                       const facility_registry* facilities, bool reasons) {
  const date d = to_date(on, "on");
  result_columns out;
  row_errors errors; // a row that cannot be evaluated is that row's error (its result: nothing granted)
  {
    const py::gil_scoped_release unlocked;
    const std::span<const person> subjects(persons);
    out.resize(persons.size(), reasons);
    const auto status = static_cast<std::int8_t>(status_on(t, d));
    if (reasons) {
      evaluate_each(
          t, subjects, d, facilities, [&](std::size_t i, const decision& dec) { out.set(i, dec); }, 0,
          &errors);
      if (!errors.empty()) // the rows in error keep the policy's status on the date
        for (std::size_t i = 0; i < persons.size(); ++i)
          if (errors.has(i)) out.status[i] = status;
    } else {
      std::fill(out.status.begin(), out.status.end(), status);
      grant_each(
          t, subjects, d, facilities, [&](std::size_t i, const std::optional<benefit>& g) { out.set(i, g); },
          0, &errors);
    }
  }
  py::dict r = out.to_python(reasons);
  r["errors"] = errors_to_python(errors);
  return r;
}

/// The schedule's period from Python's `first` and `last` (their names in messages).
std::pair<date, date> period_of(py::handle first, py::handle last) {
  const date from = to_date(first, "first"), to = to_date(last, "last");
  if (to < from)
    throw invalid_value(error_id::invalid_period, "last", to_iso(to), "is before first " + to_iso(from));
  return {from, to};
}

/// A schedule_table as numpy: rows × months matrices of money paid (fen), the quantity of non-money
/// grants, eligibility, and undetermined months (whose amounts are unknown); the months' years and
/// months.
py::dict to_python(const schedule_table& t) {
  auto matrix = [&](const auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    py::array_t<T> a({static_cast<py::ssize_t>(t.rows), static_cast<py::ssize_t>(t.columns())});
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  };
  py::dict d;
  d["amount_fen"] = matrix(t.amount_fen);
  d["quantity"] = matrix(t.quantity);
  d["eligible"] = matrix(t.eligible).attr("astype")("bool");
  d["undetermined"] = matrix(t.undetermined).attr("astype")("bool");
  d["year"] = py::cast(t.years);
  d["month"] = py::cast(t.months);
  return d;
}

/// schedule_batch: month-by-month payments of every person under a policy or a prepared entry.
template <class Target>
py::dict schedule_rows(const Target& t, const std::vector<person>& persons, py::handle first, py::handle last,
                       const facility_registry* facilities) {
  const auto [from, to] = period_of(first, last);
  schedule_table table;
  row_errors errors;
  {
    const py::gil_scoped_release unlocked;
    table = schedule_each(t, std::span<const person>(persons), from, to, facilities, {}, 0, &errors);
  }
  py::dict r = to_python(table);
  r["errors"] = errors_to_python(errors);
  return r;
}

/// The ids of households, for the "id" column.
std::vector<std::string> ids_of(const std::vector<household>& hs) {
  std::vector<std::string> ids;
  ids.reserve(hs.size());
  for (const auto& h : hs) ids.push_back(h.id);
  return ids;
}

py::dict evaluate_households(const policy& pol, const std::vector<person>& persons, py::handle on,
                             const facility_registry* facilities) {
  const date d = to_date(on, "on");
  std::vector<household> hs;
  result_columns out;
  std::vector<std::int64_t> members;
  row_errors errors;
  {
    const py::gil_scoped_release unlocked;
    hs = households_of(persons);
    out.resize(hs.size(), true);
    std::fill(out.status.begin(), out.status.end(), static_cast<std::int8_t>(status_on(pol, d)));
    evaluate_each(
        pol, std::span<const household>(hs), d, facilities,
        [&](std::size_t i, const decision& dec) { out.set(i, dec); }, 0, &errors);
    for (const auto& h : hs) members.push_back(static_cast<std::int64_t>(h.members.size()));
  }
  py::dict r = out.to_python(true);
  r["errors"] = errors_to_python(errors);
  r["id"] = py::cast(ids_of(hs));
  r["members"] = result_columns::array(members);
  return r;
}

py::dict schedule_households(const policy& pol, const std::vector<person>& persons, py::handle first,
                             py::handle last, const facility_registry* facilities) {
  const auto [from, to] = period_of(first, last);
  std::vector<household> hs;
  schedule_table table;
  row_errors errors;
  {
    const py::gil_scoped_release unlocked;
    hs = households_of(persons);
    table = schedule_each(pol, std::span<const household>(hs), from, to, facilities, {}, 0, &errors);
  }
  py::dict d = to_python(table);
  d["id"] = py::cast(ids_of(hs));
  d["errors"] = errors_to_python(errors);
  return d;
}

// --- the columnar engine -------------------------------------------------------------------------

/// An exact weighted sum as a Python int of millionths of its unit (person/survey_weight.hpp).
py::int_ micros_of(const weighted_sum& w) { return py::int_(py::str(w.micros_text())); }
/// A list of them.
template <class Of>
py::list micros_list(std::size_t n, const Of& of) {
  py::list out;
  for (std::size_t i = 0; i < n; ++i) out.append(micros_of(of(i)));
  return out;
}

/// A vector handed to numpy without a copy: the array owns it (through a capsule) and frees it with
/// itself. `Element` reinterprets the elements (uint8 as bool or int8: the same bytes).
template <class Element, class T>
py::array owned_array(std::vector<T>&& values) {
  static_assert(sizeof(Element) == sizeof(T), "the elements are viewed, not converted");
  auto* owned = new std::vector<T>(std::move(values));
  const py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array(py::dtype::of<Element>(), {static_cast<py::ssize_t>(owned->size())}, {},
                   static_cast<const void*>(owned->data()), owner);
}

/// evaluate_population's columns from evaluate_batch_into; with `reasons`, the first failing
/// condition and the granting rules of every row from a full evaluate() on the row as a person (one
/// reused person per thread), as the person path gives them.
py::dict evaluate_columns(const policy& p, population_handle& h, py::handle on,
                          const facility_registry* facilities, bool reasons) {
  const date d = to_date(on, "on");
  const std::size_t n = h.columns.size();
  batch_result r;
  std::vector<std::string> first_failing, granting;
  double seconds = 0;
  row_errors errors; // a row that cannot be evaluated is that row's error (its result: nothing granted)
  {
    const py::gil_scoped_release unlocked;
    const double start = steady_seconds();
    batch_options options;
    options.errors = &errors;
    evaluate_batch_into(r, p, h.columns, d, facilities, options);
    seconds = steady_seconds() - start;
    if (reasons) {
      first_failing.assign(n, {});
      granting.assign(n, {});
      row_errors again; // the same rows as above: the explanations' own errors are not kept twice
      evaluate_each(
          p, h.columns, d, facilities,
          [&](std::size_t i, const decision& dec) {
            first_failing[i] = dec.first_failing_condition();
            granting[i] = result_columns::joined(dec.granting_rules);
          },
          0, &again);
    }
  }
  py::dict out;
  out["eligible_count"] = r.eligible_count;
  out["total_fen"] = r.total.fen();
  out["weighted"] = h.columns.weighted();
  out["weighted_persons"] = micros_of(r.weighted_persons);
  out["weighted_eligible"] = micros_of(r.weighted_eligible);
  out["weighted_total"] = micros_of(r.weighted_total);
  out["version_label"] = r.version_label;
  // The result's columns are the engine's own vectors, handed over (eligible's 0/1 bytes are bools;
  // unit and period hold batch_result::no_grant, int8 -1, the categoricals' missing code, where
  // nothing is granted, as the person path gives them).
  out["eligible"] = owned_array<bool>(std::move(r.eligible));
  out["amount_fen"] = owned_array<std::int64_t>(std::move(r.amount_fen));
  out["quantity"] = owned_array<std::int64_t>(std::move(r.quantity));
  out["unit"] = owned_array<std::int8_t>(std::move(r.unit));
  out["period"] = owned_array<std::int8_t>(std::move(r.period));
  out["status_code"] = static_cast<std::int8_t>(r.status); // the same for every row
  if (reasons) {
    out["first_failing_condition"] = py::cast(first_failing);
    out["granting_rules"] = py::cast(granting);
  }
  out["cpp_seconds"] = seconds;
  out["errors"] = errors_to_python(errors);
  return out;
}

/// simulate_months' totals as flat columns (by month; by month and prefecture; by month and rule).
py::dict simulate_columns(const policy& p, const population_handle& h, py::handle first_month, int months,
                          const facility_registry* facilities, const std::string& regions, bool per_person,
                          bool per_person_rules) {
  const date first = to_date(first_month, "first_month");
  simulation_options options;
  options.per_row_amounts = per_person;
  options.per_row_rules = per_person_rules;
  if (regions == "residence") options.regions = region_basis::residence;
  else if (regions != "hukou")
    throw invalid_value(error_id::invalid_parameter, "regions", regions, "expected hukou or residence");
  simulation_result r;
  double seconds = 0;
  {
    const py::gil_scoped_release unlocked;
    const double start = steady_seconds();
    r = simulate_months(p, h.columns, first, months, facilities, options);
    seconds = steady_seconds() - start;
  }
  const auto& ms = r.months;
  py::dict out;
  out["year"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].year; });
  out["month"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].month; });
  std::vector<date> tested;
  std::vector<std::string> labels;
  for (const auto& m : ms) {
    tested.push_back(m.tested_on);
    labels.push_back(m.version_label);
  }
  out["tested_on"] = py::cast(tested);
  out["version_label"] = py::cast(labels);
  out["status"] =
      array_of<std::int8_t>(ms.size(), [&](std::size_t k) { return static_cast<std::int8_t>(ms[k].status); });
  out["undetermined"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].undetermined; });
  out["undetermined_months"] = r.undetermined_months;
  out["eligible"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].eligible; });
  out["paid"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].paid; });
  out["amount_fen"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].amount.fen(); });
  out["arrears_months"] =
      array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].arrears_months; });
  out["granted_quantity"] =
      array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].granted_quantity; });
  // Weighted totals: exact Python ints of millionths (of a person, of a fen).
  out["weighted"] = h.columns.weighted();
  out["weighted_eligible"] = micros_list(ms.size(), [&](std::size_t k) { return ms[k].weighted_eligible; });
  out["weighted_paid"] = micros_list(ms.size(), [&](std::size_t k) { return ms[k].weighted_paid; });
  out["weighted_amount"] = micros_list(ms.size(), [&](std::size_t k) { return ms[k].weighted_amount; });
  out["weighted_total"] = micros_of(r.weighted_total);
  std::vector<std::int64_t> pm, pcode, ppaid, pamount, rm, rpaid, ramount;
  std::vector<std::string> rid;
  std::vector<weighted_sum> pwpaid, pwamount, rwpaid, rwamount;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    for (const auto& t : ms[k].by_prefecture) {
      pm.push_back(static_cast<std::int64_t>(k));
      pcode.push_back(t.prefecture.value());
      ppaid.push_back(t.paid);
      pamount.push_back(t.amount.fen());
      pwpaid.push_back(t.weighted_paid);
      pwamount.push_back(t.weighted_amount);
    }
    for (const auto& t : ms[k].by_rule) {
      rm.push_back(static_cast<std::int64_t>(k));
      rid.push_back(t.rule_id);
      rpaid.push_back(t.paid);
      ramount.push_back(t.amount.fen());
      rwpaid.push_back(t.weighted_paid);
      rwamount.push_back(t.weighted_amount);
    }
  }
  auto wlist = [](const std::vector<weighted_sum>& v) {
    return micros_list(v.size(), [&](std::size_t i) { return v[i]; });
  };
  out["prefecture_weighted_paid"] = wlist(pwpaid);
  out["prefecture_weighted_amount"] = wlist(pwamount);
  out["rule_weighted_paid"] = wlist(rwpaid);
  out["rule_weighted_amount"] = wlist(rwamount);
  auto vec = [](const std::vector<std::int64_t>& v) {
    return array_of<std::int64_t>(v.size(), [&](std::size_t i) { return v[i]; });
  };
  out["prefecture_month"] = vec(pm);
  out["prefecture"] = vec(pcode);
  out["prefecture_paid"] = vec(ppaid);
  out["prefecture_amount_fen"] = vec(pamount);
  out["rule_month"] = vec(rm);
  out["rule_id"] = py::cast(rid);
  out["rule_paid"] = vec(rpaid);
  out["rule_amount_fen"] = vec(ramount);
  out["total_fen"] = r.total.fen();
  out["cpp_seconds"] = seconds;
  if (per_person) {
    // rows × months, row-major: the engine's vector handed over without a copy.
    const auto rows = static_cast<py::ssize_t>(h.columns.size());
    const auto cols = static_cast<py::ssize_t>(ms.size());
    out["amounts_fen"] = owned_array<std::int64_t>(std::move(r.row_amounts_fen)).attr("reshape")(rows, cols);
  }
  if (per_person_rules) {
    // Per row: the horizon's total, first month paid (-1: none), months granted; and rows × rules
    // (granted by that rule in some month, 0/1 bytes as bools). The engine's vectors, no copy.
    const auto rows = static_cast<py::ssize_t>(h.columns.size());
    const auto n_rules = static_cast<py::ssize_t>(r.rule_ids.size());
    out["person_total_fen"] = owned_array<std::int64_t>(std::move(r.row_total_fen));
    out["person_first_paid"] = owned_array<std::int32_t>(std::move(r.row_first_paid));
    out["person_granted_months"] = owned_array<std::int32_t>(std::move(r.row_granted_months));
    out["person_rule_ids"] = py::cast(r.rule_ids);
    out["person_rules"] = owned_array<bool>(std::move(r.row_rules)).attr("reshape")(rows, n_rules);
  }
  return out;
}

} // namespace

void register_batch(py::module_& m) {
  py::class_<prepared_entry>(m, "bundle", "A catalog bundle's component policies, built once.")
      .def_property_readonly("id", [](const prepared_entry& e) { return e.entry().id; })
      .def_property_readonly("components", [](const prepared_entry& e) { return e.entry().components; })
      .def_property_readonly("policies", &prepared_entry::policies);
  m.def(
      "catalog_bundle",
      [](const std::string& id, py::handle readings) {
        prepared_entry e(standard_catalog(), id, to_readings(readings));
        if (!e.bundle()) throw invalid_value(error_id::invalid_parameter, "id", id, "is not a bundle");
        return e;
      },
      py::arg("id"), py::arg("readings") = py::none());
  m.def(
      "evaluate_bundle",
      [](const prepared_entry& e, const person& p, py::handle on, const facility_registry* facilities) {
        return evaluate(e, p, to_date(on, "on"), facilities);
      },
      py::arg("bundle"), py::arg("person"), py::arg("on"), py::arg("facilities") = py::none());

  // The person path: a person per row (materialised from the columns once, kept on the population).
  m.def(
      "evaluate_batch",
      [](const policy& p, population_handle& b, py::handle on, const facility_registry* f, bool reasons) {
        return evaluate_rows(p, b.persons(), on, f, reasons);
      },
      py::arg("policy"), py::arg("batch"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("reasons") = true);
  m.def(
      "evaluate_batch",
      [](const prepared_entry& e, population_handle& b, py::handle on, const facility_registry* f,
         bool reasons) { return evaluate_rows(e, b.persons(), on, f, reasons); },
      py::arg("policy"), py::arg("batch"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("reasons") = true);
  m.def(
      "schedule_batch",
      [](const policy& p, population_handle& b, py::handle first, py::handle last,
         const facility_registry* f) { return schedule_rows(p, b.persons(), first, last, f); },
      py::arg("policy"), py::arg("batch"), py::arg("first"), py::arg("last"),
      py::arg("facilities") = py::none());
  m.def(
      "schedule_batch",
      [](const prepared_entry& e, population_handle& b, py::handle first, py::handle last,
         const facility_registry* f) { return schedule_rows(e, b.persons(), first, last, f); },
      py::arg("policy"), py::arg("batch"), py::arg("first"), py::arg("last"),
      py::arg("facilities") = py::none());
  m.def(
      "evaluate_household_batch",
      [](const policy& p, population_handle& b, py::handle on, const facility_registry* f) {
        return evaluate_households(p, b.persons(), on, f);
      },
      py::arg("policy"), py::arg("batch"), py::arg("on"), py::arg("facilities") = py::none());
  m.def(
      "schedule_household_batch",
      [](const policy& p, population_handle& b, py::handle first, py::handle last,
         const facility_registry* f) { return schedule_households(p, b.persons(), first, last, f); },
      py::arg("policy"), py::arg("batch"), py::arg("first"), py::arg("last"),
      py::arg("facilities") = py::none());

  // No silent zeros (eldercare/batch/inputs.hpp): what a policy reads, checked against a population.
  m.def(
      "check_inputs",
      [](const policy& p, const population_handle& h, const facility_registry* f, py::handle first,
         py::handle last) { check_inputs(p, h.columns, f, to_date(first, "first"), to_date(last, "last")); },
      py::arg("policy"), py::arg("population"), py::arg("facilities"), py::arg("first"), py::arg("last"));
  m.def(
      "check_inputs",
      [](const prepared_entry& e, const population_handle& h, const facility_registry* f, py::handle first,
         py::handle last) {
        for (const policy& p : e.policies())
          check_inputs(p, h.columns, f, to_date(first, "first"), to_date(last, "last"));
      },
      py::arg("policy"), py::arg("population"), py::arg("facilities"), py::arg("first"), py::arg("last"));
  m.def(
      "readers_of",
      [](const policy& p, py::handle first, py::handle last) {
        py::list out;
        for (const input_reader& r : readers_of(p, to_date(first, "first"), to_date(last, "last")))
          out.append(py::make_tuple(std::string(to_word(r.group)), r.rule_id, r.condition));
        return out;
      },
      py::arg("policy"), py::arg("first"), py::arg("last"),
      "(member read, rule id, condition) for each member of a person the policy's rules read.");
  m.def(
      "weighted_sum",
      [](const py::array_t<std::int64_t, py::array::c_style>& quantities,
         const py::array_t<std::int64_t, py::array::c_style>& weight_micros) {
        if (quantities.size() != weight_micros.size())
          throw invalid_value(error_id::invalid_parameter, "weight_micros", weight_micros.size(),
                              "expected as many weights as quantities (" + std::to_string(quantities.size()) +
                                  ")");
        weighted_sum sum;
        const std::int64_t* q = quantities.data();
        const std::int64_t* w = weight_micros.data();
        for (py::ssize_t i = 0; i < quantities.size(); ++i)
          sum.add_micros(q[i], w[i] < 0 ? survey_weight::scale : w[i]);
        return micros_of(sum);
      },
      py::arg("quantities"), py::arg("weight_micros"),
      "Σ quantity × weight, exact, in millionths of the quantity's unit (a weight of -1: none given, 1).");

  // The columnar engine.
  m.def("evaluate_columns", &evaluate_columns, py::arg("policy"), py::arg("population"), py::arg("on"),
        py::arg("facilities") = py::none(), py::arg("reasons") = true);
  m.def("simulate_columns", &simulate_columns, py::arg("policy"), py::arg("population"),
        py::arg("first_month"), py::arg("months") = 12, py::arg("facilities") = py::none(),
        py::arg("regions") = "hukou", py::arg("per_person") = false, py::arg("per_person_rules") = false);

  // The enum codes of result columns (the enumerator's number), for the Python side to map to words.
  auto codes = [](auto tag) {
    using E = typename decltype(tag)::type;
    std::vector<std::string> out;
    for (const auto& e : enum_words<E>::entries) {
      out.resize(std::max(out.size(), static_cast<std::size_t>(e.value) + 1));
      out[static_cast<std::size_t>(e.value)] = std::string(e.word);
    }
    return out;
  };
  const auto units = codes(std::type_identity<benefit_unit>{});
  const auto periods = codes(std::type_identity<benefit_period>{});
  const auto statuses = codes(std::type_identity<decision_status>{});
  m.attr("benefit_unit_codes") = units;
  m.attr("benefit_period_codes") = periods;
  m.attr("decision_status_codes") = statuses;
}

} // namespace eldercare_py
