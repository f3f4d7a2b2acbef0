// Evaluating populations: the columnar engine (evaluate_batch_into, simulate_months) for person
// policies, and the person path (a person per row through grant_on/evaluate/schedule) for what the
// engine does not serve: catalog bundles, households, and path="persons" (the reference the tests
// compare the engine with). Every C++ loop runs with the GIL released; results cross as numpy arrays.
//
// Populations are built in register_population.cpp. Results carry `cpp_seconds`, the time of the
// engine call alone, so that benchmarks can set the Python API's overhead against it.
#include "catalog_common.hpp"
#include "register_population.hpp"
#include "words.hpp"

#include <eldercare/batch.hpp>

#include <pybind11/numpy.h> // result arrays out

#include <exception>     // errors from worker threads
#include <thread>        // rows split over the cores
#include <unordered_map> // households

namespace eldercare_py {
namespace {

using namespace eldercare;
using namespace words;

// --- evaluation --------------------------------------------------------------------------------

/// What is evaluated: one policy, or a catalog bundle's components.
struct target {
  const policy* single = nullptr;
  const prepared_entry* bundle = nullptr;
};

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
    for (std::size_t k = 0; k < d.granting_rules.size(); ++k)
      granting[i] += (k ? "," : "") + d.granting_rules[k];
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

/// Runs body(i) for i in [0, n), split over the machine's cores when n is large. Evaluation reads
/// immutable policies and persons only; the first exception thrown is rethrown here.
template <class Body>
void for_rows(std::size_t n, Body&& body) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers = n < 4096 ? 1 : std::min<std::size_t>(cores, 8);
  if (workers == 1) {
    for (std::size_t i = 0; i < n; ++i) body(i);
    return;
  }
  std::vector<std::exception_ptr> errors(workers);
  std::vector<std::thread> threads;
  const std::size_t chunk = (n + workers - 1) / workers;
  for (std::size_t w = 0; w < workers; ++w)
    threads.emplace_back([&, w] {
      try {
        for (std::size_t i = w * chunk; i < std::min(n, (w + 1) * chunk); ++i) body(i);
      } catch (...) {
        errors[w] = std::current_exception();
      }
    });
  for (auto& t : threads) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

py::dict evaluate_rows(const target& t, const std::vector<person>& persons, py::handle on,
                       const facility_registry* facilities, bool reasons) {
  const date d = to_date(on, "on");
  result_columns out;
  {
    const py::gil_scoped_release unlocked;
    const std::size_t n = persons.size();
    out.resize(n, reasons);
    const bool decided =
        t.bundle || (t.single->status() == computability::computable && t.single->version_on(d));
    const auto status = decided                                          ? decision_status::decided
                        : t.single->status() == computability::announced ? decision_status::not_computable
                                                                         : decision_status::not_in_force;
    for_rows(n, [&](std::size_t i) {
      const person& p = persons[i];
      if (reasons) {
        out.set(i, t.bundle ? evaluate_bundle(*t.bundle, p, d, facilities)
                            : evaluate(*t.single, p, d, facilities));
      } else {
        out.set(i, t.bundle ? grant_of(*t.bundle, p, d, facilities) : grant_on(*t.single, p, d, facilities));
        out.status[i] = static_cast<std::int8_t>(status);
      }
    });
  }
  return out.to_python(reasons);
}

/// The quantity of a non-money grant delivered in a schedule's months, counted as schedules count
/// money: per month as granted, per day times the month's days, per year every twelve months from
/// the first eligible month, a one-off grant once.
struct quantity_tracker {
  int last_annual = -1;
  bool paid_one_off = false;
  std::int64_t paid(const schedule_line& l) {
    if (!l.granted || l.granted->is_money()) return 0;
    const std::int64_t q = l.granted->quantity();
    switch (l.granted->period()) {
    case benefit_period::per_month: return q;
    case benefit_period::per_day: return q * days_in_month(l.year, l.month);
    case benefit_period::per_year: {
      const int index = l.year * 12 + l.month - 1;
      if (last_annual >= 0 && index - last_annual < 12) return 0;
      last_annual = index;
      return q;
    }
    case benefit_period::one_off:
      if (paid_one_off) return 0;
      paid_one_off = true;
      return q;
    }
    return 0;
  }
};

/// The months of a schedule, from `first`'s month to `last`'s month inclusive (validated).
struct month_range {
  date from, to;
  std::vector<date> starts; ///< the first day of each month
  month_range(py::handle first, py::handle last) : from(to_date(first, "first")), to(to_date(last, "last")) {
    if (to < from)
      throw invalid_value(error_id::invalid_period, "last", to_iso(to), "is before first " + to_iso(from));
    for (date m = start_of_month(from); m <= to; m = add_months_civil(m, 1)) starts.push_back(m);
  }
};

/// Month-by-month payments for every row: n × months matrices of money paid (fen), eligibility, and
/// the quantity of a non-money grant.
py::dict schedule_rows(const target& t, const std::vector<person>& persons, py::handle first, py::handle last,
                       const facility_registry* facilities) {
  const month_range range(first, last);
  const date from = range.from, to = range.to;
  std::vector<int> years, months;
  for (const date& m : range.starts) {
    years.push_back(m.year());
    months.push_back(m.month());
  }
  const std::size_t n = persons.size(), k = years.size();
  std::vector<std::int64_t> amount(n * k, 0), quantity(n * k, 0);
  std::vector<std::uint8_t> eligible(n * k, 0);
  {
    const py::gil_scoped_release unlocked;
    auto add = [&](std::size_t i, const std::vector<schedule_line>& lines) {
      quantity_tracker q;
      for (std::size_t j = 0; j < lines.size(); ++j) {
        const auto& l = lines[j];
        amount[i * k + j] += l.amount.fen();
        eligible[i * k + j] |= l.eligible ? 1 : 0;
        quantity[i * k + j] += q.paid(l);
      }
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (t.bundle)
        for (const auto& pol : t.bundle->policies)
          add(i, schedule(pol, persons[i], from, to, facilities));
      else
        add(i, schedule(*t.single, persons[i], from, to, facilities));
    }
  }
  auto matrix = [&](const auto& v, auto tag) {
    using T = decltype(tag);
    py::array_t<T> a({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(k)});
    std::copy(v.begin(), v.end(), a.mutable_data());
    return a;
  };
  py::dict d;
  d["amount_fen"] = matrix(amount, std::int64_t{});
  d["quantity"] = matrix(quantity, std::int64_t{});
  d["eligible"] = matrix(eligible, std::uint8_t{}).attr("astype")("bool");
  d["year"] = py::cast(years);
  d["month"] = py::cast(months);
  return d;
}

/// The persons grouped into households by household_id (a person without one is a household of one,
/// named by the person id), in order of first appearance.
std::vector<household> households_of(const std::vector<person>& persons) {
  std::vector<household> out;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& p : persons) {
    const std::string key = p.household_id.empty() ? p.id : p.household_id;
    const auto [it, fresh] = index.emplace(key, out.size());
    if (fresh) out.push_back(household{key, {}});
    out[it->second].members.push_back(p);
  }
  return out;
}

py::dict evaluate_households(const policy& pol, const std::vector<person>& persons, py::handle on,
                             const facility_registry* facilities) {
  const date d = to_date(on, "on");
  std::vector<household> hs;
  result_columns out;
  std::vector<std::int64_t> members;
  {
    const py::gil_scoped_release unlocked;
    hs = households_of(persons);
    out.resize(hs.size(), true);
    for (std::size_t i = 0; i < hs.size(); ++i) {
      out.set(i, evaluate(pol, hs[i], d, facilities));
      members.push_back(static_cast<std::int64_t>(hs[i].members.size()));
    }
  }
  py::dict r = out.to_python(true);
  std::vector<std::string> ids;
  for (const auto& h : hs) ids.push_back(h.id);
  r["id"] = py::cast(ids);
  r["members"] = result_columns::array(members);
  return r;
}

py::dict schedule_households(const policy& pol, const std::vector<person>& persons, py::handle first, py::handle last,
                             const facility_registry* facilities) {
  const month_range range(first, last);
  const std::vector<date>& starts = range.starts;
  std::vector<household> hs;
  std::vector<std::int64_t> amount, quantity;
  std::vector<std::uint8_t> eligible;
  {
    const py::gil_scoped_release unlocked;
    hs = households_of(persons);
    const std::size_t k = starts.size();
    amount.assign(hs.size() * k, 0);
    quantity.assign(hs.size() * k, 0);
    eligible.assign(hs.size() * k, 0);
    for (std::size_t i = 0; i < hs.size(); ++i) {
      schedule_state state;
      quantity_tracker q;
      for (std::size_t j = 0; j < k; ++j) {
        const auto month = schedule_month_of(pol, starts[j]);
        schedule_line line;
        line.year = starts[j].year();
        line.month = starts[j].month();
        line.tested_on = month.tested_on;
        line.granted = evaluate(pol, hs[i], month.tested_on, facilities).granted;
        pay_month(line, month.version, j == 0, state);
        amount[i * k + j] = line.amount.fen();
        eligible[i * k + j] = line.eligible;
        quantity[i * k + j] = q.paid(line);
      }
    }
  }
  const auto rows = static_cast<py::ssize_t>(hs.size()), cols = static_cast<py::ssize_t>(starts.size());
  py::array_t<std::int64_t> a({rows, cols}), q({rows, cols});
  py::array_t<std::uint8_t> e({rows, cols});
  std::copy(amount.begin(), amount.end(), a.mutable_data());
  std::copy(quantity.begin(), quantity.end(), q.mutable_data());
  std::copy(eligible.begin(), eligible.end(), e.mutable_data());
  std::vector<int> years, months;
  for (const auto& s : starts) {
    years.push_back(s.year());
    months.push_back(s.month());
  }
  std::vector<std::string> ids;
  for (const auto& h : hs) ids.push_back(h.id);
  py::dict d;
  d["amount_fen"] = a;
  d["quantity"] = q;
  d["eligible"] = e.attr("astype")("bool");
  d["year"] = py::cast(years);
  d["month"] = py::cast(months);
  d["id"] = py::cast(ids);
  return d;
}


// --- the columnar engine -------------------------------------------------------------------------

/// Whether a single policy's decisions on `d` are decided, not in force or not computable (the
/// status is the policy's, the same for every row).
decision_status status_on(const policy& p, const date& d) {
  if (p.status() == computability::computable && p.version_on(d)) return decision_status::decided;
  return p.status() == computability::announced ? decision_status::not_computable : decision_status::not_in_force;
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
py::dict evaluate_columns(const policy& p, population_handle& h, py::handle on, const facility_registry* facilities,
                          bool reasons) {
  const date d = to_date(on, "on");
  const std::size_t n = h.columns.size();
  batch_result r;
  std::vector<std::string> first_failing, granting;
  double seconds = 0;
  {
    const py::gil_scoped_release unlocked;
    const double start = steady_seconds();
    evaluate_batch_into(r, p, h.columns, d, facilities);
    seconds = steady_seconds() - start;
    if (reasons) {
      first_failing.assign(n, {});
      granting.assign(n, {});
      const batch_options options;
      const unsigned threads = detail::resolve_threads(options.threads);
      std::vector<std::optional<person>> people(threads);
      detail::parallel_chunks(n, options.chunk_rows, threads, [&](unsigned w, std::size_t, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
          if (!people[w]) people[w] = h.columns.to_person(i);
          h.columns.to_person(i, *people[w]);
          const decision dec = evaluate(p, *people[w], d, facilities);
          first_failing[i] = dec.first_failing_condition();
          for (std::size_t k = 0; k < dec.granting_rules.size(); ++k)
            granting[i] += (k ? "," : "") + dec.granting_rules[k];
        }
      });
    }
  }
  const auto status = static_cast<std::int8_t>(status_on(p, d));
  py::dict out;
  out["eligible_count"] = r.eligible_count;
  out["total_fen"] = r.total.fen();
  out["version_label"] = r.version_label;
  // The result's columns are the engine's own vectors, handed over (eligible's 0/1 bytes are bools;
  // unit and period hold batch_result::no_grant, int8 -1, the categoricals' missing code, where
  // nothing is granted, as the person path gives them).
  out["eligible"] = owned_array<bool>(std::move(r.eligible));
  out["amount_fen"] = owned_array<std::int64_t>(std::move(r.amount_fen));
  out["quantity"] = owned_array<std::int64_t>(std::move(r.quantity));
  out["unit"] = owned_array<std::int8_t>(std::move(r.unit));
  out["period"] = owned_array<std::int8_t>(std::move(r.period));
  out["status_code"] = status; // the same for every row: the policy's status on the date
  if (reasons) {
    out["first_failing_condition"] = py::cast(first_failing);
    out["granting_rules"] = py::cast(granting);
  }
  out["cpp_seconds"] = seconds;
  return out;
}

/// simulate_months' totals as flat columns (by month; by month and prefecture; by month and rule).
py::dict simulate_columns(const policy& p, const population_handle& h, py::handle first_month, int months,
                          const facility_registry* facilities, const std::string& regions, bool per_person) {
  const date first = to_date(first_month, "first_month");
  simulation_options options;
  options.per_row_amounts = per_person;
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
  out["eligible"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].eligible; });
  out["paid"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].paid; });
  out["amount_fen"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].amount.fen(); });
  out["arrears_months"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].arrears_months; });
  out["granted_quantity"] = array_of<std::int64_t>(ms.size(), [&](std::size_t k) { return ms[k].granted_quantity; });
  std::vector<std::int64_t> pm, pcode, ppaid, pamount, rm, rpaid, ramount;
  std::vector<std::string> rid;
  for (std::size_t k = 0; k < ms.size(); ++k) {
    for (const auto& t : ms[k].by_prefecture) {
      pm.push_back(static_cast<std::int64_t>(k));
      pcode.push_back(t.prefecture.value());
      ppaid.push_back(t.paid);
      pamount.push_back(t.amount.fen());
    }
    for (const auto& t : ms[k].by_rule) {
      rm.push_back(static_cast<std::int64_t>(k));
      rid.push_back(t.rule_id);
      rpaid.push_back(t.paid);
      ramount.push_back(t.amount.fen());
    }
  }
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
  return out;
}

} // namespace

void register_batch(py::module_& m) {
  py::class_<prepared_entry>(m, "bundle", "A catalog bundle's component policies, built once.")
      .def_property_readonly("id", [](const prepared_entry& e) { return e.entry->id; })
      .def_property_readonly("components", [](const prepared_entry& e) { return e.entry->components; })
      .def_readonly("policies", &prepared_entry::policies);
  m.def(
      "catalog_bundle",
      [](const std::string& id, py::handle readings) {
        prepared_entry e = prepare_entry(id, to_readings(readings));
        if (!e.bundle()) throw invalid_value(error_id::invalid_parameter, "id", id, "is not a bundle");
        return e;
      },
      py::arg("id"), py::arg("readings") = py::none());
  m.def(
      "evaluate_bundle",
      [](const prepared_entry& e, const person& p, py::handle on, const facility_registry* facilities) {
        return evaluate_bundle(e, p, to_date(on, "on"), facilities);
      },
      py::arg("bundle"), py::arg("person"), py::arg("on"), py::arg("facilities") = py::none());

  // The person path: a person per row (materialised from the columns once, kept on the population).
  m.def(
      "evaluate_batch",
      [](const policy& p, population_handle& b, py::handle on, const facility_registry* f, bool reasons) {
        return evaluate_rows(target{&p, nullptr}, b.persons(), on, f, reasons);
      },
      py::arg("policy"), py::arg("batch"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("reasons") = true);
  m.def(
      "evaluate_batch",
      [](const prepared_entry& e, population_handle& b, py::handle on, const facility_registry* f, bool reasons) {
        return evaluate_rows(target{nullptr, &e}, b.persons(), on, f, reasons);
      },
      py::arg("policy"), py::arg("batch"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("reasons") = true);
  m.def(
      "schedule_batch",
      [](const policy& p, population_handle& b, py::handle first, py::handle last, const facility_registry* f) {
        return schedule_rows(target{&p, nullptr}, b.persons(), first, last, f);
      },
      py::arg("policy"), py::arg("batch"), py::arg("first"), py::arg("last"), py::arg("facilities") = py::none());
  m.def(
      "schedule_batch",
      [](const prepared_entry& e, population_handle& b, py::handle first, py::handle last,
         const facility_registry* f) { return schedule_rows(target{nullptr, &e}, b.persons(), first, last, f); },
      py::arg("policy"), py::arg("batch"), py::arg("first"), py::arg("last"), py::arg("facilities") = py::none());
  m.def(
      "evaluate_household_batch",
      [](const policy& p, population_handle& b, py::handle on, const facility_registry* f) {
        return evaluate_households(p, b.persons(), on, f);
      },
      py::arg("policy"), py::arg("batch"), py::arg("on"), py::arg("facilities") = py::none());
  m.def(
      "schedule_household_batch",
      [](const policy& p, population_handle& b, py::handle first, py::handle last, const facility_registry* f) {
        return schedule_households(p, b.persons(), first, last, f);
      },
      py::arg("policy"), py::arg("batch"), py::arg("first"), py::arg("last"), py::arg("facilities") = py::none());

  // The columnar engine.
  m.def("evaluate_columns", &evaluate_columns, py::arg("policy"), py::arg("population"), py::arg("on"),
        py::arg("facilities") = py::none(), py::arg("reasons") = true);
  m.def("simulate_columns", &simulate_columns, py::arg("policy"), py::arg("population"), py::arg("first_month"),
        py::arg("months") = 12, py::arg("facilities") = py::none(), py::arg("regions") = "hukou",
        py::arg("per_person") = false);

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
