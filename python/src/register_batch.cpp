// Populations: persons built in C++ from columns (numpy buffers read directly, text columns converted
// once), then evaluated, scheduled or grouped into households by the engine with the GIL released.
//
// All column conversion lives in person_batch_from_columns() below, so that it can later hand the
// same columns to the columnar engine instead of building persons; the Python side
// (eldercare/_population.py) only normalises a DataFrame, an Arrow table or a dict of arrays into
// the encodings documented there.
#include "catalog_common.hpp"
#include "words.hpp"

#include <pybind11/numpy.h> // column buffers in, result arrays out

#include <exception>     // errors from worker threads
#include <thread>        // rows split over the cores
#include <unordered_map> // ids to rows, households

namespace eldercare_py {
namespace {

using namespace eldercare;
using namespace words;

/// A built population: one eldercare::person per row, validated.
struct person_batch {
  std::vector<person> persons;
};

using int_array = py::array_t<std::int64_t, py::array::c_style>;

/// Names a cell in errors: "population.birth_date[row 3, id 'p4']".
struct cell_namer {
  std::string table;
  const std::vector<std::string>* ids = nullptr; // row ids, when known
  std::string operator()(const std::string& column, std::size_t row) const {
    std::string s = table + "." + column + "[row " + std::to_string(row);
    if (ids && row < ids->size()) s += ", id '" + (*ids)[row] + "'";
    return s + "]";
  }
};

/// Text cells: None (missing) or a str.
std::vector<std::optional<std::string>> text_cells(py::handle obj, const std::string& column,
                                                   const cell_namer& name) {
  std::vector<std::optional<std::string>> out;
  std::size_t i = 0;
  for (const py::handle item : obj) {
    if (item.is_none()) out.emplace_back(std::nullopt);
    else if (PyUnicode_Check(item.ptr()))
      out.emplace_back(item.cast<std::string>());
    else
      throw invalid_type(error_id::invalid_parameter, name(column, i), repr_of(item),
                         "expected text or a missing value");
    ++i;
  }
  return out;
}

/// A column of int64 read in place (a C-contiguous numpy array, kept alive by `keep`).
struct int_column {
  int_array keep;
  const std::int64_t* data = nullptr;
  std::size_t size = 0;
  explicit int_column(py::handle obj) : keep(py::reinterpret_borrow<int_array>(obj)) {
    if (!py::isinstance<int_array>(obj)) throw py::type_error("internal: expected an int64 array");
    data = keep.data();
    size = static_cast<std::size_t>(keep.size());
  }
};

/// A date column: day numbers since 1970-01-01 (numpy datetime64[D] viewed as int64, NaT missing) or
/// ISO text cells.
class date_column {
public:
  date_column(py::handle obj, std::string column, const cell_namer& name) : column_(std::move(column)) {
    if (py::isinstance<int_array>(obj)) numbers_.emplace(obj);
    else
      text_ = text_cells(obj, column_, name);
  }
  [[nodiscard]] std::size_t size() const { return numbers_ ? numbers_->size : text_.size(); }
  [[nodiscard]] std::optional<date> get(std::size_t i, const cell_namer& name) const {
    if (numbers_) {
      const std::int64_t v = numbers_->data[i];
      if (v == std::numeric_limits<std::int64_t>::min()) return std::nullopt; // NaT
      if (v < min_day() || v > max_day())
        throw invalid_value(error_id::invalid_date, name(column_, i),
                            std::to_string(v) + " days after 1970-01-01",
                            "year outside the supported range 1800-2400");
      return epoch() + boost::gregorian::days(static_cast<long>(v));
    }
    if (!text_[i]) return std::nullopt;
    return parse_date(*text_[i], name(column_, i));
  }
  [[nodiscard]] date required(std::size_t i, const cell_namer& name) const {
    const auto d = get(i, name);
    if (!d)
      throw invalid_value(error_id::invalid_date, name(column_, i), "NaT", "is required (missing value)");
    return *d;
  }

private:
  static date epoch() { return date(1970, 1, 1); }
  static std::int64_t min_day() { return (date(min_year, 1, 1) - epoch()).days(); }
  static std::int64_t max_day() { return (date(max_year, 12, 31) - epoch()).days(); }
  std::string column_;
  std::optional<int_column> numbers_;
  std::vector<std::optional<std::string>> text_;
};

/// A region column: code numbers (int64) or text cells.
class region_column {
public:
  region_column(py::handle obj, std::string column, const cell_namer& name) : column_(std::move(column)) {
    if (py::isinstance<int_array>(obj)) numbers_.emplace(obj);
    else
      text_ = text_cells(obj, column_, name);
  }
  [[nodiscard]] region_code get(std::size_t i, const cell_namer& name) const {
    if (numbers_) {
      const std::int64_t v = numbers_->data[i];
      if (v < 0 || v > std::numeric_limits<std::uint32_t>::max())
        throw invalid_value(error_id::invalid_region, name(column_, i), std::to_string(v),
                            "expected a division code of 6 digits (e.g. 110102) or a 9-digit township code");
      return region_code::from_number(static_cast<std::uint32_t>(v), name(column_, i));
    }
    if (!text_[i])
      throw invalid_value(error_id::invalid_region, name(column_, i), "None", "is required (missing value)");
    // Parsing validates; the field name is only built when it fails.
    try {
      return region_code::parse(*text_[i]);
    } catch (const invalid_value& e) {
      throw invalid_value(e.id(), name(column_, i), e.value(), why_of(e));
    }
  }

private:
  std::string column_;
  std::optional<int_column> numbers_;
  std::vector<std::optional<std::string>> text_;
};

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    const auto b = text.find_first_not_of(" \t", start);
    if (b != std::string::npos && b < end) {
      const auto e = text.find_last_not_of(" \t", end - 1);
      out.push_back(text.substr(b, e - b + 1));
    }
    start = end + 1;
  }
  return out;
}

/// Builds and validates one person per row. `columns` holds the encodings of _population.py; `stays`
/// (may be None) holds stay columns with the person row of each stay.
person_batch person_batch_from_columns(const py::dict& columns, py::handle stays,
                                       const facility_registry* facilities) {
  const cell_namer unnamed{"population", nullptr};
  if (!columns.contains("id"))
    throw invalid_value(error_id::invalid_person, "population.id", "", "the id column is required");
  std::vector<std::string> ids;
  {
    std::size_t i = 0;
    for (const py::handle item : columns["id"]) {
      if (!PyUnicode_Check(item.ptr()))
        throw invalid_type(error_id::invalid_person, unnamed("id", i), repr_of(item), "expected text");
      ids.push_back(item.cast<std::string>());
      if (ids.back().empty())
        throw invalid_value(error_id::invalid_person, unnamed("id", i), "", "must not be empty");
      ++i;
    }
  }
  const std::size_t n = ids.size();
  const cell_namer name{"population", &ids};
  auto has = [&](const char* c) { return columns.contains(c) && !columns[c].is_none(); };
  auto need = [&](const char* c) {
    if (!has(c))
      throw invalid_value(error_id::invalid_person, std::string("population.") + c, "",
                          "the column is required");
    return columns[c];
  };
  auto check_length = [&](std::size_t size, const char* c) {
    if (size != n)
      throw invalid_value(error_id::invalid_person, std::string("population.") + c,
                          std::to_string(size) + " rows",
                          "expected " + std::to_string(n) + " rows, as many as ids");
  };
  const date_column birth(need("birth_date"), "birth_date", name);
  check_length(birth.size(), "birth_date");
  const region_column hukou(need("hukou_region"), "hukou_region", name);
  const region_column residence(need("residence_region"), "residence_region", name);
  std::optional<date_column> hukou_since, assessed_on;
  if (has("hukou_since")) hukou_since.emplace(columns["hukou_since"], "hukou_since", name);
  if (has("ability_assessed_on"))
    assessed_on.emplace(columns["ability_assessed_on"], "ability_assessed_on", name);
  auto flags = [&](const char* c) -> std::optional<int_column> {
    if (!has(c)) return std::nullopt;
    int_column col(columns[c]);
    check_length(col.size, c);
    return col;
  };
  const auto rural = flags("rural"), mental = flags("mental_illness"),
             infectious = flags("infectious_disease");
  const auto ability = flags("ability_level"), grade = flags("disability_grade");
  std::optional<int_column> category_bits;
  std::vector<std::optional<std::string>> category_text, disability, household, programmes;
  if (has("categories")) {
    if (py::isinstance<int_array>(columns["categories"])) category_bits = flags("categories");
    else
      category_text = text_cells(columns["categories"], "categories", name);
  }
  if (has("disability_category"))
    disability = text_cells(columns["disability_category"], "disability_category", name);
  if (has("household_id")) household = text_cells(columns["household_id"], "household_id", name);
  if (has("programmes")) programmes = text_cells(columns["programmes"], "programmes", name);
  for (const auto* v : {&category_text, &disability, &household, &programmes})
    if (!v->empty()) check_length(v->size(), "text column");

  // Stays: row of the person, facility id, admitted, discharged.
  std::vector<std::int64_t> stay_rows;
  std::vector<std::string> stay_facility;
  std::optional<date_column> admitted, discharged;
  const cell_namer stay_name{"stays", nullptr};
  if (!stays.is_none()) {
    const py::dict s = stays.cast<py::dict>();
    const int_column rows(s["row"]);
    stay_rows.assign(rows.data, rows.data + rows.size);
    std::size_t i = 0;
    for (const py::handle item : s["facility"]) {
      if (!PyUnicode_Check(item.ptr()))
        throw invalid_type(error_id::invalid_stay, stay_name("facility", i), repr_of(item),
                           "expected a facility id (text)");
      stay_facility.push_back(item.cast<std::string>());
      ++i;
    }
    admitted.emplace(s["admitted"], "admitted", stay_name);
    discharged.emplace(s["discharged"], "discharged", stay_name);
  }

  person_batch out;
  {
    const py::gil_scoped_release unlocked; // C++ values only from here on
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(n);
    out.persons.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (const auto [it, fresh] = seen.emplace(ids[i], i); !fresh)
        throw invalid_value(error_id::invalid_person, name("id", i), ids[i],
                            "duplicate id (also row " + std::to_string(it->second) + ")");
      person p{.id = ids[i],
               .birth_date = birth.required(i, name),
               .hukou = {hukou.get(i, name), hukou_since ? hukou_since->get(i, name) : std::nullopt},
               .residence = {residence.get(i, name), rural && rural->data[i] != 0}};
      if (ability && ability->data[i] >= 0) {
        const ability_level level(static_cast<int>(std::min<std::int64_t>(ability->data[i], 1000)),
                                  name("ability_level", i));
        const std::optional<date> on = assessed_on ? assessed_on->get(i, name) : std::nullopt;
        p.ability = assessment(ability_scale::gbt_42195_2022, level, on ? *on : p.birth_date);
      } else if (ability && ability->data[i] != -1) {
        throw invalid_value(error_id::invalid_ability, name("ability_level", i),
                            std::to_string(ability->data[i]),
                            "must be 0 (能力完好) to 4 (完全失能), or missing");
      }
      if (!disability.empty() && disability[i]) {
        const disability_category c =
            parse_disability_category(*disability[i], name("disability_category", i));
        const std::int64_t g = grade ? grade->data[i] : -1;
        if (g < 1 || g > 4)
          throw invalid_value(error_id::invalid_ability, name("disability_grade", i), std::to_string(g),
                              "a certificate needs a grade 1 (一级) to 4 (四级)");
        p.disability =
            disability_certificate(c, disability_grade(static_cast<int>(g), name("disability_grade", i)));
      } else if (grade && grade->data[i] > 0) {
        throw invalid_value(error_id::invalid_ability, name("disability_category", i), "missing",
                            "a disability_grade needs a disability_category");
      }
      if (category_bits) {
        const std::int64_t b = category_bits->data[i];
        if (b < 0 || b >= (std::int64_t{1} << category_count))
          throw invalid_value(error_id::invalid_category, name("categories", i), std::to_string(b),
                              "category bits must be 0 to " +
                                  std::to_string((std::int64_t{1} << category_count) - 1));
        p.categories = category_set::from_bits(static_cast<std::uint32_t>(b));
      } else if (!category_text.empty() && category_text[i]) {
        for (const auto& w : split_words(*category_text[i]))
          p.categories.insert(parse_category(w, name("categories", i)));
      }
      p.health = {mental && mental->data[i] != 0, infectious && infectious->data[i] != 0};
      if (!household.empty() && household[i]) p.household_id = *household[i];
      if (!programmes.empty() && programmes[i]) p.programmes = split_words(*programmes[i]);
      out.persons.push_back(std::move(p));
    }
    for (std::size_t j = 0; j < stay_rows.size(); ++j) {
      const std::int64_t row = stay_rows[j];
      if (row < 0 || static_cast<std::size_t>(row) >= n)
        throw invalid_value(error_id::invalid_stay, stay_name("person_id", j), std::to_string(row),
                            "no person with this id");
      const std::string at =
          "stays[row " + std::to_string(j) + ", person '" + ids[static_cast<std::size_t>(row)] + "']";
      const cell_namer this_stay{"stays", nullptr};
      const date in = admitted->required(j, this_stay);
      const std::optional<date> left = discharged->get(j, this_stay);
      out.persons[static_cast<std::size_t>(row)].stays.emplace_back(stay_facility[j], in, left, at);
    }
    for (const auto& p : out.persons) validate(p, facilities);
  }
  return out;
}

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

py::dict evaluate_rows(const target& t, const person_batch& batch, py::handle on,
                       const facility_registry* facilities, bool reasons) {
  const date d = to_date(on, "on");
  result_columns out;
  {
    const py::gil_scoped_release unlocked;
    const std::size_t n = batch.persons.size();
    out.resize(n, reasons);
    const bool decided =
        t.bundle || (t.single->status() == computability::computable && t.single->version_on(d));
    const auto status = decided                                          ? decision_status::decided
                        : t.single->status() == computability::announced ? decision_status::not_computable
                                                                         : decision_status::not_in_force;
    for_rows(n, [&](std::size_t i) {
      const person& p = batch.persons[i];
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

/// Month-by-month payments for every row: n × months matrices of money paid (fen), eligibility, and
/// the quantity of a non-money grant.
py::dict schedule_rows(const target& t, const person_batch& batch, py::handle first, py::handle last,
                       const facility_registry* facilities) {
  const date from = to_date(first, "first");
  const date to = to_date(last, "last");
  if (to < from)
    throw invalid_value(error_id::invalid_period, "last", to_iso(to), "is before first " + to_iso(from));
  std::vector<int> years, months;
  for (date m = start_of_month(from); m <= to; m = add_months_civil(m, 1)) {
    years.push_back(m.year());
    months.push_back(m.month());
  }
  const std::size_t n = batch.persons.size(), k = years.size();
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
          add(i, schedule(pol, batch.persons[i], from, to, facilities));
      else
        add(i, schedule(*t.single, batch.persons[i], from, to, facilities));
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
std::vector<household> households_of(const person_batch& batch) {
  std::vector<household> out;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& p : batch.persons) {
    const std::string key = p.household_id.empty() ? p.id : p.household_id;
    const auto [it, fresh] = index.emplace(key, out.size());
    if (fresh) out.push_back(household{key, {}});
    out[it->second].members.push_back(p);
  }
  return out;
}

py::dict evaluate_households(const policy& pol, const person_batch& batch, py::handle on,
                             const facility_registry* facilities) {
  const date d = to_date(on, "on");
  std::vector<household> hs;
  result_columns out;
  std::vector<std::int64_t> members;
  {
    const py::gil_scoped_release unlocked;
    hs = households_of(batch);
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

py::dict schedule_households(const policy& pol, const person_batch& batch, py::handle first, py::handle last,
                             const facility_registry* facilities) {
  const date from = to_date(first, "first");
  const date to = to_date(last, "last");
  if (to < from)
    throw invalid_value(error_id::invalid_period, "last", to_iso(to), "is before first " + to_iso(from));
  std::vector<date> starts;
  for (date m = start_of_month(from); m <= to; m = add_months_civil(m, 1)) starts.push_back(m);
  std::vector<household> hs;
  std::vector<std::int64_t> amount, quantity;
  std::vector<std::uint8_t> eligible;
  {
    const py::gil_scoped_release unlocked;
    hs = households_of(batch);
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

} // namespace

void register_batch(py::module_& m) {
  py::class_<person_batch>(m, "person_batch",
                           "A population built in C++ from columns: one validated person per row.")
      .def_static("from_columns", &person_batch_from_columns, py::arg("columns"),
                  py::arg("stays") = py::none(), py::arg("facilities") = py::none())
      .def_static(
          "from_persons", [](std::vector<person> persons) { return person_batch{std::move(persons)}; },
          py::arg("persons"))
      .def("__len__", [](const person_batch& b) { return b.persons.size(); })
      .def("ids",
           [](const person_batch& b) {
             std::vector<std::string> out;
             out.reserve(b.persons.size());
             for (const auto& p : b.persons) out.push_back(p.id);
             return out;
           })
      .def(
          "person",
          [](const person_batch& b, std::size_t i) {
            if (i >= b.persons.size()) throw py::index_error("person index out of range");
            return b.persons[i];
          },
          py::arg("index"))
      .def("persons", [](const person_batch& b) { return b.persons; });

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

  m.def(
      "evaluate_batch",
      [](const policy& p, const person_batch& b, py::handle on, const facility_registry* f, bool reasons) {
        return evaluate_rows(target{&p, nullptr}, b, on, f, reasons);
      },
      py::arg("policy"), py::arg("batch"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("reasons") = true);
  m.def(
      "evaluate_batch",
      [](const prepared_entry& e, const person_batch& b, py::handle on, const facility_registry* f,
         bool reasons) {
        return evaluate_rows(target{nullptr, &e}, b, on, f, reasons);
      },
      py::arg("policy"), py::arg("batch"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("reasons") = true);
  m.def(
      "schedule_batch",
      [](const policy& p, const person_batch& b, py::handle first, py::handle last,
         const facility_registry* f) {
        return schedule_rows(target{&p, nullptr}, b, first, last, f);
      },
      py::arg("policy"), py::arg("batch"), py::arg("first"), py::arg("last"),
      py::arg("facilities") = py::none());
  m.def(
      "schedule_batch",
      [](const prepared_entry& e, const person_batch& b, py::handle first, py::handle last,
         const facility_registry* f) {
        return schedule_rows(target{nullptr, &e}, b, first, last, f);
      },
      py::arg("policy"), py::arg("batch"), py::arg("first"), py::arg("last"),
      py::arg("facilities") = py::none());
  m.def("evaluate_household_batch", &evaluate_households, py::arg("policy"), py::arg("batch"), py::arg("on"),
        py::arg("facilities") = py::none());
  m.def("schedule_household_batch", &schedule_households, py::arg("policy"), py::arg("batch"),
        py::arg("first"), py::arg("last"), py::arg("facilities") = py::none());

  // The enum codes of result columns, for the Python side to map to words.
  std::vector<std::string> units, periods, statuses;
  for (const auto& [w, v] : benefit_units)
    units.resize(std::max(units.size(), static_cast<std::size_t>(v) + 1));
  for (const auto& [w, v] : benefit_units) units[static_cast<std::size_t>(v)] = std::string(w);
  for (const auto& [w, v] : benefit_periods)
    periods.resize(std::max(periods.size(), static_cast<std::size_t>(v) + 1));
  for (const auto& [w, v] : benefit_periods) periods[static_cast<std::size_t>(v)] = std::string(w);
  for (const auto& [w, v] : decision_statuses)
    statuses.resize(std::max(statuses.size(), static_cast<std::size_t>(v) + 1));
  for (const auto& [w, v] : decision_statuses) statuses[static_cast<std::size_t>(v)] = std::string(w);
  m.attr("benefit_unit_codes") = units;
  m.attr("benefit_period_codes") = periods;
  m.attr("decision_status_codes") = statuses;
}

} // namespace eldercare_py
