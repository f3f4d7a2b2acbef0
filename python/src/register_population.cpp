// Populations in columns: built from the flat schema's columns (numpy buffers read in place, text
// columns converted once), exported back to them, and drawn by the synthetic generator.
//
// Every row is checked as a person (eldercare::validate, through population_columns::append), so the
// errors are those of the person path and name the column, the row and id, and the value. The Python
// side (eldercare/_population.py) only normalises a DataFrame, an Arrow table or a dict of arrays into
// the encodings documented there.
#include "register_population.hpp"

#include "schema_cells.hpp"
#include "words.hpp"

#include <eldercare/batch/inputs.hpp>
#include <eldercare/batch/synthetic.hpp>
#include <eldercare/schema/person.hpp>

#include <pybind11/numpy.h> // column buffers in and out

#include <algorithm>     // std::min over Arrow ranges, std::find of a column given, std::upper_bound
#include <array>         // a reader per fact
#include <chrono>        // steady_seconds
#include <cmath>         // NaN cells
#include <functional>    // cell names made on demand
#include <limits>        // Arrow values out of range
#include <memory>        // the synthetic generator held by the binding
#include <mutex>         // synthetic generators: one call at a time
#include <new>           // std::bad_alloc
#include <span>          // Arrow buffers read in place
#include <stdexcept>     // a fact missing from the schema
#include <unordered_map> // ids seen
#include <utility>       // std::index_sequence over the facts

namespace eldercare_py {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

namespace {

using namespace eldercare;
using namespace words;

using int_array = py::array_t<std::int64_t, py::array::c_style>;

/// numpy datetime64[D] counts days from 1970-01-01; a column's day_number is the Julian Day Number.
constexpr std::int64_t unix_epoch_day_number = 2440588;
constexpr std::int64_t numpy_nat = std::numeric_limits<std::int64_t>::min();

/// A text column, read without a Python object per cell where the input allows it:
///  * an Arrow string/large_string array, as ("arrow", length, offset, validity, offsets, data, large):
///    the array's own buffers (pyarrow's Array.buffers()), read in place;
///  * an Arrow dictionary array, as ("dictionary", codes, words): int64 codes (-1 missing) into the
///    dictionary's words (a short sequence of text);
///  * a sequence (list, tuple, object ndarray) of str, None or NaN (missing): viewed in place (the
///    str objects' UTF-8, which lives as long as the caller's column).
/// Reading the first two needs no GIL; the views of the third are taken with it, when constructed.
class text_column {
public:
  text_column() = default;
  text_column(py::handle obj, const std::string& column,
              const std::function<std::string(std::size_t)>& name) {
    if (py::isinstance<py::tuple>(obj) && py::len(obj) > 0 && py::isinstance<py::str>(obj[py::int_(0)])) {
      const auto t = py::reinterpret_borrow<py::tuple>(obj);
      const std::string kind = t[0].cast<std::string>();
      if (kind == "arrow") {
        kind_ = t[6].cast<bool>() ? kind::arrow64 : kind::arrow32;
        size_ = t[1].cast<std::size_t>();
        offset_ = t[2].cast<std::size_t>();
        validity_ = static_cast<const std::uint8_t*>(buffer(t[3]));
        offsets_ = buffer(t[4]);
        data_ = static_cast<const char*>(buffer(t[5]));
        if (!offsets_ && size_ > 0) throw py::value_error("internal: an Arrow text column without offsets");
        return;
      }
      if (kind == "dictionary") {
        kind_ = kind::dictionary;
        codes_keep_ = py::reinterpret_borrow<py::array_t<std::int64_t, py::array::c_style>>(t[1]);
        if (!py::isinstance<py::array_t<std::int64_t, py::array::c_style>>(t[1]))
          throw py::type_error("internal: expected int64 dictionary codes");
        codes_ = codes_keep_.data();
        size_ = static_cast<std::size_t>(codes_keep_.size());
        words_ =
            views_of(t[2], [&](std::size_t k) { return column + ".dictionary[" + std::to_string(k) + "]"; });
        for (std::size_t i = 0; i < size_; ++i)
          if (codes_[i] < -1 || codes_[i] >= static_cast<std::int64_t>(words_.size()))
            throw py::value_error("internal: a dictionary code out of range");
        return;
      }
      throw py::value_error("internal: unknown text column kind " + kind);
    }
    kind_ = kind::views;
    views_ = views_of(obj, name);
    size_ = views_.size();
  }
  [[nodiscard]] bool present() const noexcept { return kind_ != kind::absent; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  // Inlined: called for every cell of every text column when a population is built.
  [[nodiscard, gnu::always_inline]] std::optional<std::string_view> get(std::size_t i) const {
    switch (kind_) {
    case kind::absent: return std::nullopt;
    case kind::views:
      if (views_[i].data() == nullptr) return std::nullopt;
      return views_[i];
    case kind::dictionary:
      if (codes_[i] < 0) return std::nullopt;
      return words_[static_cast<std::size_t>(codes_[i])];
    case kind::arrow32:
    case kind::arrow64: {
      const std::size_t k = offset_ + i;
      if (validity_ && ((validity_[k >> 3] >> (k & 7)) & 1) == 0) return std::nullopt;
      std::int64_t b = 0, e = 0;
      if (kind_ == kind::arrow32) {
        b = static_cast<const std::int32_t*>(offsets_)[k];
        e = static_cast<const std::int32_t*>(offsets_)[k + 1];
      } else {
        b = static_cast<const std::int64_t*>(offsets_)[k];
        e = static_cast<const std::int64_t*>(offsets_)[k + 1];
      }
      if (e == b) return std::string_view();
      return std::string_view(data_ + b, static_cast<std::size_t>(e - b));
    }
    }
    return std::nullopt;
  }

private:
  enum class kind { absent, views, dictionary, arrow32, arrow64 };
  /// The address of a buffer-protocol object (kept alive by its owner, the caller's Arrow array).
  const void* buffer(py::handle obj) {
    if (obj.is_none()) return nullptr;
    buffers_.push_back(py::reinterpret_borrow<py::buffer>(obj).request());
    return buffers_.back().ptr;
  }
  /// Views of str cells (None and NaN: missing, a null view); anything else is an error naming the cell.
  template <class Name>
  static std::vector<std::string_view> views_of(py::handle obj, const Name& name) {
    std::vector<std::string_view> out;
    auto view = [&](PyObject* item, std::size_t i) {
      if (PyUnicode_CheckExact(item) || PyUnicode_Check(item)) {
        Py_ssize_t size = 0;
        const char* data = PyUnicode_AsUTF8AndSize(item, &size);
        if (!data) { // no UTF-8 form (a lone surrogate): the cell's error, named (only now)
          PyErr_Clear();
          (void)utf8_of(item, name(i));
        }
        out.emplace_back(data, static_cast<std::size_t>(size));
      } else if (item == Py_None || (PyFloat_Check(item) && std::isnan(PyFloat_AS_DOUBLE(item)))) {
        out.emplace_back();
      } else {
        throw invalid_type(name(i), repr_of(item), "expected text or a missing value");
      }
    };
    if (py::isinstance<py::array>(obj)) {
      const auto a = py::reinterpret_borrow<py::array>(obj);
      if (a.dtype().kind() == 'O' && a.ndim() == 1 && (a.flags() & py::array::c_style)) {
        auto* const* items = static_cast<PyObject* const*>(a.data());
        out.reserve(static_cast<std::size_t>(a.size()));
        for (std::size_t i = 0; i < static_cast<std::size_t>(a.size()); ++i) view(items[i], i);
        return out;
      }
    }
    const py::sequence seq = py::reinterpret_borrow<py::sequence>(obj);
    PyObject* fast = PySequence_Fast(seq.ptr(), "internal: expected a sequence of text");
    if (!fast) throw py::error_already_set();
    const py::object keep = py::reinterpret_steal<py::object>(fast);
    const auto n = static_cast<std::size_t>(PySequence_Fast_GET_SIZE(fast));
    PyObject** items = PySequence_Fast_ITEMS(fast);
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) view(items[i], i);
    return out;
  }

  kind kind_ = kind::absent;
  std::size_t size_ = 0, offset_ = 0;
  std::vector<std::string_view> views_;
  const std::uint8_t* validity_ = nullptr;
  const void* offsets_ = nullptr;
  const char* data_ = nullptr;
  std::vector<py::buffer_info> buffers_;
  py::array_t<std::int64_t, py::array::c_style> codes_keep_;
  const std::int64_t* codes_ = nullptr;
  std::vector<std::string_view> words_;
};

/// Names a cell in errors: "population.birth_date[row 3, id 'p4']". Stays read from the persons'
/// stays column (`stay_rows` and `stay_index` set) are named by their person and their place in
/// its list: "population.stays[row 3, id 'p4'][1].admitted"; those of a stays table by their row
/// in it: "stays.admitted[row 17]".
struct cell_namer {
  std::string table;
  const text_column* ids = nullptr; // row ids, when known
  const std::vector<std::int64_t>* stay_rows = nullptr;
  const std::vector<std::int64_t>* stay_index = nullptr;
  std::string operator()(const std::string& column, std::size_t row) const {
    if (stay_rows && stay_index && row < stay_rows->size() && row < stay_index->size())
      return stay(row) + "." + column;
    std::string s = table + "." + column + "[row " + std::to_string(row);
    if (ids && row < ids->size())
      if (const auto id = ids->get(row)) s += ", id '" + std::string(*id) + "'";
    return s + "]";
  }
  /// A stay as a whole: "population.stays[row 3, id 'p4'][1]" or "stays[row 17]".
  [[nodiscard]] std::string stay(std::size_t j) const {
    if (!stay_rows || !stay_index || j >= stay_rows->size() || j >= stay_index->size())
      return table + "[row " + std::to_string(j) + "]";
    const auto r = static_cast<std::size_t>((*stay_rows)[j]);
    std::string s = "population.stays[row " + std::to_string(r);
    if (ids && r < ids->size())
      if (const auto id = ids->get(r)) s += ", id '" + std::string(*id) + "'";
    return s + "][" + std::to_string((*stay_index)[j]) + "]";
  }
};

text_column text_cells(py::handle obj, const std::string& column, const cell_namer& name) {
  return text_column(obj, column, [&](std::size_t i) { return name(column, i); });
}

/// A column of int64 read in place (a C-contiguous numpy array, kept alive by `keep`).
struct int_column {
  int_array keep;
  const std::int64_t* data = nullptr;
  std::size_t size = 0;
  explicit int_column(py::handle obj) : keep(py::reinterpret_borrow<int_array>(obj)) {
    if (!py::isinstance<int_array>(obj) || keep.ndim() != 1)
      throw py::type_error("internal: expected a 1-D int64 array");
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
    const day_number d = day(i, name);
    if (d == no_day) return std::nullopt;
    return from_day_number(d);
  }
  /// The cell as a day_number (no_day when missing), checked as get() checks it.
  [[nodiscard, gnu::always_inline]] day_number day(std::size_t i, const cell_namer& name) const {
    if (numbers_) {
      const std::int64_t v = numbers_->data[i];
      if (v == numpy_nat) return no_day;
      if (v < min_day() || v > max_day())
        throw invalid_value(error_id::invalid_date, name(column_, i),
                            std::to_string(v) + " days after 1970-01-01",
                            "year outside the supported range 1800-2400");
      return static_cast<day_number>(v + unix_epoch_day_number);
    }
    const auto t = text_.get(i);
    if (!t) return no_day;
    return to_day_number(parse_date(*t, name(column_, i)));
  }
  [[nodiscard]] date required(std::size_t i, const cell_namer& name) const {
    const auto d = get(i, name);
    if (!d)
      throw invalid_value(error_id::invalid_date, name(column_, i), "NaT", "is required (missing value)");
    return *d;
  }

private:
  static std::int64_t min_day() { return first_day_number() - unix_epoch_day_number; }
  static std::int64_t max_day() { return last_day_number() - unix_epoch_day_number; }
  std::string column_;
  std::optional<int_column> numbers_;
  text_column text_;
};

/// A region column: code numbers (int64) or text cells (each distinct text parsed once).
class region_column {
public:
  region_column(py::handle obj, std::string column, const cell_namer& name) : column_(std::move(column)) {
    if (py::isinstance<int_array>(obj)) numbers_.emplace(obj);
    else
      text_ = text_cells(obj, column_, name);
  }
  [[nodiscard]] std::size_t size() const { return numbers_ ? numbers_->size : text_.size(); }
  [[nodiscard]] region_code get(std::size_t i, const cell_namer& name) const {
    if (numbers_) {
      const std::int64_t v = numbers_->data[i];
      if (v < 0 || v > std::numeric_limits<std::uint32_t>::max())
        throw invalid_value(error_id::invalid_region, name(column_, i), v,
                            "expected a division code of 6 digits (e.g. 110102) or a 9-digit township code");
      return region_code::from_number(static_cast<std::uint32_t>(v), name(column_, i));
    }
    const auto t = text_.get(i);
    if (!t)
      throw invalid_value(error_id::invalid_region, name(column_, i), literal{"None"},
                          "is required (missing value)");
    // Parsing validates; the field name is only built when it fails.
    try {
      return region_code::parse(*t);
    } catch (const invalid_value& e) {
      throw e.renamed(name(column_, i));
    }
  }
  /// Whether row i has no code (a missing text cell).
  [[nodiscard]] bool missing(std::size_t i) const { return !numbers_ && !text_.get(i); }
  /// The code's number for a row_input (population_columns::append checks it); each distinct text is
  /// parsed once.
  [[nodiscard]] std::uint32_t number(std::size_t i, const cell_namer& name) {
    if (numbers_) {
      const std::int64_t v = numbers_->data[i];
      if (v < 0 || v > std::numeric_limits<std::uint32_t>::max()) (void)get(i, name); // throws
      return static_cast<std::uint32_t>(v);
    }
    const auto t = text_.get(i);
    if (!t) (void)get(i, name); // throws
    if (const auto it = parsed_.find(*t); it != parsed_.end()) return it->second;
    const std::uint32_t code = get(i, name).value();
    parsed_.emplace(*t, code);
    return code;
  }

private:
  std::string column_;
  std::optional<int_column> numbers_;
  text_column text_;
  std::unordered_map<std::string_view, std::uint32_t> parsed_;
};

/// A column of fixed-point values (survey weights, schema::field_kind::fixed_point), read as
/// millionths: int64 numbers are whole persons, float64 numbers are rounded half to even at the
/// millionth (survey_weight::of), text cells are decimal text. A missing cell (NaN, None) is refused:
/// a weight column gives every row's weight.
class fixed_column {
public:
  fixed_column(py::handle obj, std::string column, const cell_namer& name) : column_(std::move(column)) {
    if (py::isinstance<int_array>(obj)) whole_.emplace(obj);
    else if (py::isinstance<py::array_t<double, py::array::c_style>>(obj)) {
      doubles_ = py::reinterpret_borrow<py::array_t<double, py::array::c_style>>(obj);
      size_ = static_cast<std::size_t>(doubles_.size());
    } else {
      text_ = text_cells(obj, column_, name);
    }
  }
  [[nodiscard]] std::size_t size() const {
    return whole_ ? whole_->size : text_.present() ? text_.size() : size_;
  }
  /// Row i's value in millionths; throws invalid_value naming the cell for a missing or bad one.
  [[nodiscard]] std::int64_t micros(std::size_t i, const cell_namer& name) const {
    if (whole_) {
      const std::int64_t v = whole_->data[i];
      if (v < 0 || v > survey_weight::max_micros / survey_weight::scale)
        return survey_weight::parse(std::to_string(v), name(column_, i)).micros(); // its error
      return v * survey_weight::scale;
    }
    if (!text_.present()) {
      const double v = doubles_.data()[i];
      if (std::isnan(v))
        throw invalid_value(error_id::invalid_weight, name(column_, i), literal{"nan"},
                            std::string(survey_weight::missing_reason));
      return survey_weight::of(v, name(column_, i)).micros();
    }
    const auto t = text_.get(i);
    if (!t || t->empty())
      throw invalid_value(error_id::invalid_weight, name(column_, i), literal{"None"},
                          std::string(survey_weight::missing_reason));
    return survey_weight::parse(*t, name(column_, i)).micros();
  }

private:
  std::string column_;
  std::optional<int_column> whole_;
  py::array_t<double, py::array::c_style> doubles_;
  std::size_t size_ = 0;
  text_column text_;
};

std::vector<std::string> split_words(std::string_view text, char separator = ',') {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    const auto b = text.find_first_not_of(" \t", start);
    if (b != std::string::npos && b < end) {
      const auto e = text.find_last_not_of(" \t", end - 1);
      out.emplace_back(text.substr(b, e - b + 1));
    }
    start = end + 1;
  }
  return out;
}

/// The programme ids of a text cell ("weihai.virtual_platform,x"). Refuses the text of a list
/// ("['x']", what a list column becomes when a tool turns it into strings): taken as an id, it
/// would silently match no programme.
std::vector<std::string> programme_ids(std::string_view text, const std::string& field) {
  std::vector<std::string> ids = split_words(text);
  for (const auto& id : ids)
    if (id.find_first_of("[]{}'\"") != std::string::npos)
      throw invalid_value(error_id::invalid_parameter, field, std::string(text),
                          "not comma-separated programme ids (the text of a list?): give a list "
                          "column or text such as 'a,b'");
  return ids;
}

/// The parts of a 多重 certificate as text: "visual:1,hearing:2".
std::vector<disability_entry> parse_components(std::string_view text, const std::string& field) {
  std::vector<disability_entry> out;
  for (const auto& part : split_words(text)) {
    const auto colon = part.find(':');
    if (colon == std::string::npos)
      throw invalid_value(error_id::invalid_ability, field, part, "expected category:grade, e.g. visual:1");
    const disability_category c = parse_disability_category(part.substr(0, colon), field);
    const std::string g = part.substr(colon + 1);
    if (g.size() != 1 || g[0] < '1' || g[0] > '4')
      throw invalid_value(error_id::invalid_ability, field, part, "a component's grade is 1 to 4");
    out.push_back({c, disability_grade(g[0] - '0', field)});
  }
  return out;
}

std::string components_text(const disability_certificate& d) {
  std::string out;
  for (const auto& e : d.components()) {
    if (!out.empty()) out += ',';
    out += std::string(to_string(e.category)) + ':' + std::to_string(e.grade.value());
  }
  return out;
}

/// Values decoded once per distinct text of a column (category words, scales, programme lists ...):
/// a population has few distinct values in these columns, and the decoding checks them.
template <class T>
class decoded_cache {
public:
  template <class Decode>
  const T& get(std::string_view text, const Decode& decode) {
    if (const auto it = values_.find(text); it != values_.end()) return it->second;
    return values_.emplace(text, decode()).first->second;
  }

private:
  std::unordered_map<std::string_view, T> values_;
};

/// The rows of each id: an open-addressing table of (hash bits, row + 1), its slots fetched ahead of
/// use (a node-based map, or waiting for each slot to come from memory, costs most of what a row
/// costs when a population is built). Keeps each id's first row, and notes the first repeated id.
class id_index {
public:
  explicit id_index(const text_column& ids) : ids_(ids) {
    const std::size_t n = ids.size();
    duplicate_row = duplicated_row = n;
    std::size_t size = 16;
    while (size < 2 * n) size <<= 1;
    mask_ = size - 1;
    slots_.assign(size, 0);
    std::vector<std::uint64_t> hashes(n);
    for (std::size_t i = 0; i < n; ++i) hashes[i] = hash(*ids.get(i));
    for (std::size_t i = 0; i < n; ++i) {
      if (i + ahead < n) __builtin_prefetch(&slots_[hashes[i + ahead] & mask_], 1);
      const std::string_view id = *ids.get(i);
      std::size_t h = hashes[i] & mask_;
      const std::optional<std::size_t> other = probe(id, hashes[i], h);
      if (!other) slots_[h] = ((hashes[i] >> row_bits) << row_bits) | static_cast<std::uint64_t>(i + 1);
      else if (duplicate_row == n) {
        duplicate_row = i;
        duplicated_row = *other;
      }
    }
    if (duplicate_row == n) duplicate_row = duplicated_row = std::numeric_limits<std::size_t>::max();
  }
  /// The first row of each id of `keys` (nullopt for an id not present).
  [[nodiscard]] std::vector<std::optional<std::size_t>> rows_of(const text_column& keys) const {
    const std::size_t m = keys.size();
    std::vector<std::uint64_t> hashes(m);
    for (std::size_t j = 0; j < m; ++j) hashes[j] = hash(*keys.get(j));
    std::vector<std::optional<std::size_t>> out(m);
    for (std::size_t j = 0; j < m; ++j) {
      if (j + ahead < m) __builtin_prefetch(&slots_[hashes[j + ahead] & mask_]);
      std::size_t h = hashes[j] & mask_;
      out[j] = probe(*keys.get(j), hashes[j], h);
    }
    return out;
  }
  std::size_t duplicate_row = 0;  ///< the first row whose id an earlier row has (max when none)
  std::size_t duplicated_row = 0; ///< that earlier row

private:
  static constexpr std::size_t ahead = 16;
  static constexpr int row_bits = 40; // row + 1 in the low 40 bits, the hash's top 24 bits above
  static std::uint64_t hash(std::string_view id) { return std::hash<std::string_view>{}(id); }
  /// The row holding `id`, or nullopt with `h` at the empty slot where it would go.
  std::optional<std::size_t> probe(std::string_view id, std::uint64_t hashed, std::size_t& h) const {
    const std::uint64_t tag = hashed >> row_bits;
    for (; slots_[h] != 0; h = (h + 1) & mask_) {
      if ((slots_[h] >> row_bits) != tag) continue;
      const auto row = static_cast<std::size_t>((slots_[h] & ((std::uint64_t{1} << row_bits) - 1)) - 1);
      if (*ids_.get(row) == id) return row;
    }
    return std::nullopt;
  }
  const text_column& ids_;
  std::size_t mask_ = 0;
  std::vector<std::uint64_t> slots_;
};

// --- the flat schema's columns ---------------------------------------------------------------------

namespace sc = eldercare::schema;
/// The facts of a person, as the schema declares them: every column below is read and written by
/// their kind, in their order (schema/person.hpp).
constexpr const auto& person_fields = sc::person_fields;
constexpr std::size_t field_count = person_fields.size();
constexpr std::size_t fact_index(std::string_view name) {
  const std::size_t i = sc::field_index(person_fields, name);
  if (i == field_count) throw std::logic_error("no such person fact"); // a compile-time error
  return i;
}
// The facts read together (the parts of an assessment, of a certificate), the lists, and the id.
constexpr std::size_t f_id = fact_index("id"), f_birth = fact_index("birth_date");
constexpr std::size_t f_level = fact_index("ability.level"),
                      f_assessed_on = fact_index("ability.assessed_on"),
                      f_scale = fact_index("ability.scale"), f_raw = fact_index("ability.raw_score"),
                      f_valid_until = fact_index("ability.valid_until"),
                      f_local_scale = fact_index("ability.local_scale_id");
constexpr std::size_t f_disability = fact_index("disability.category"),
                      f_grade = fact_index("disability.grade"),
                      f_components = fact_index("disability.components");
constexpr std::size_t f_programmes = fact_index("programmes"), f_stays = fact_index("stays");
constexpr std::size_t f_hukou = fact_index("hukou.region"), f_id_number = fact_index("id_number");

/// The column of fact `f` in a dict of columns: under its name (Python has resolved the aliases).
py::str column_key(const sc::field_info& f) { return py::str(f.column.data(), f.column.size()); }

/// The columns of the flat schema as _population.py encodes them (see its module documentation):
/// one reader per fact, by kind.
struct flat_columns {
  text_column ids;
  cell_namer name{"population", nullptr};
  std::array<std::string, field_count> names;                    // each column as the input named it
  std::array<std::optional<date_column>, field_count> dates;     // date facts
  std::array<std::optional<region_column>, field_count> regions; // region facts
  std::array<std::optional<int_column>, field_count> numbers;    // flag, integer and word_set (bits) facts
  std::array<text_column, field_count> texts;                    // text, word, word_set (words), lists
  std::array<std::optional<fixed_column>, field_count> fixed;    // fixed-point facts (weights)
  bool hukou_from_id = false; // an ID number's region stands in for a missing hukou region
  // Stays: row of the person, facility id, admitted, discharged.
  std::vector<std::int64_t> stay_rows;
  std::vector<std::int64_t> stay_index; // from the persons' stays column: each stay's place in its list
  text_column stay_person;              // or each stay's person id, for C++ to find its row
  text_column stay_facility;
  std::optional<date_column> admitted, discharged;
  cell_namer stay_name{"stays", nullptr};
  std::vector<std::size_t> stay_start, stay_order; // a row's stays, in input order

  [[nodiscard]] std::size_t size() const { return ids.size(); }
  [[nodiscard]] const std::string& column(std::size_t f) const { return names[f]; }

  /// Row i as a person, each cell decoded and checked as the person path does (the reference, and
  /// what names an invalid row's error). Facts are read in the schema's order.
  [[nodiscard]] person person_of(std::size_t i) const {
    person p{.id = std::string(*ids.get(i)),
             .birth_date = {},
             .hukou = {region_code::from_number(110102), std::nullopt},
             .residence = {region_code::from_number(110102), false}};
    // The ID number first: it gives the date of birth (which an assessment without a date needs).
    const std::string id_column = column(f_id_number);
    if (const auto number = texts[f_id_number].get(i); number && !number->empty())
      p.id_number = id_number::parse(*number, name(id_column, i));
    const std::optional<date> birth = dates[f_birth] ? dates[f_birth]->get(i, name) : std::nullopt;
    if (!birth && !p.id_number && dates[f_birth]) (void)dates[f_birth]->required(i, name); // its error
    p.birth_date = birth_date_of(birth, p.id_number, name(column(f_birth), i), name(id_column, i));
    set_facts(p, i, std::make_index_sequence<field_count>{});
    for (std::size_t k = stay_start[i]; k < stay_start[i + 1]; ++k) {
      const std::size_t j = stay_order[k];
      const std::string at = stay_name.stay_rows
                                 ? stay_name.stay(j)
                                 : "stays[row " + std::to_string(j) + ", person '" + p.id + "']";
      const auto fid = stay_facility.get(j);
      if (!fid) throw invalid_type(stay_name("facility", j), "None", "expected a facility id (text)");
      const date in = admitted->required(j, stay_name);
      const std::optional<date> left = discharged->get(j, stay_name);
      p.stays.emplace_back(std::string(*fid), in, left, at);
    }
    return p;
  }

private:
  template <std::size_t... I>
  void set_facts(person& p, std::size_t i, std::index_sequence<I...>) const {
    (set_fact<I>(p, i), ...);
  }

  /// Fact I of row i into `p`: a fact of its own by its kind and access, the parts of an assessment
  /// and of a certificate together (at their first part), programmes as a list.
  template <std::size_t I>
  void set_fact(person& p, std::size_t i) const {
    constexpr const sc::field_info& f = person_fields[I];
    if constexpr (I == f_level) set_ability(p, i);
    else if constexpr (I == f_disability)
      set_disability(p, i);
    else if constexpr (I == f_programmes) {
      if (const auto ps = texts[I].get(i)) p.programmes = programme_ids(*ps, name(column(I), i));
    } else if constexpr (I == f_id || I == f_birth || I == f_id_number || f.access.to_person == nullptr) {
      return; // the id is the person's; the birth date and the ID number are read first (person_of)
    } else if constexpr (I == f_hukou) {
      if (const auto code = hukou_of(i)) p.hukou.region = *code;
      else
        throw invalid_value(error_id::invalid_region, name(column(I), i), literal{"None"},
                            regions[I] ? "is required (missing value)" : "the column is required");
    } else {
      const std::string& c = column(I);
      auto to_person = [&](const sc::cell& v) { // the fact's own rule, then the person
        if constexpr (f.check != nullptr) schema_cells::check(f, v, name(c, i));
        constexpr auto set = f.access.to_person;
        set(p, v);
      };
      if constexpr (f.kind == sc::field_kind::date) {
        if (f.required) to_person({to_day_number(dates[I]->required(i, name))});
        else if (dates[I])
          to_person({to_day_number(dates[I]->get(i, name))});
      } else if constexpr (f.kind == sc::field_kind::region) {
        to_person({regions[I]->get(i, name).value()});
      } else if constexpr (f.kind == sc::field_kind::flag) {
        if (numbers[I]) to_person({numbers[I]->data[i] != 0 ? 1 : 0});
      } else if constexpr (f.kind == sc::field_kind::integer) {
        if (!numbers[I]) return;
        const std::int64_t v = numbers[I]->data[i];
        if (v != -1 && (v < f.min || v > f.max))
          throw invalid_value(f.error, name(c, i), v,
                              "expected " + std::to_string(f.min) + " to " + std::to_string(f.max) +
                                  ", or missing");
        to_person({v});
      } else if constexpr (f.kind == sc::field_kind::word) {
        if (const auto t = texts[I].get(i)) to_person({f.words.parse(*t, name(c, i))});
      } else if constexpr (f.kind == sc::field_kind::word_set) {
        if (numbers[I]) {
          const std::int64_t b = numbers[I]->data[i];
          const std::int64_t all = std::int64_t{1} << f.words.words.size();
          if (b < 0 || b >= all)
            throw invalid_value(f.error, name(c, i), b,
                                std::string(f.words.type) + " bits must be 0 to " + std::to_string(all - 1));
          to_person({b});
        } else if (const auto t = texts[I].get(i)) {
          std::int64_t bits = 0;
          for (const auto& w : split_words(*t)) bits |= std::int64_t{1} << f.words.parse(w, name(c, i));
          to_person({bits});
        }
      } else if constexpr (f.kind == sc::field_kind::text) {
        if (const auto t = texts[I].get(i)) to_person({0, *t});
      } else if constexpr (f.kind == sc::field_kind::fixed_point) {
        if (fixed[I]) to_person({fixed[I]->micros(i, name)});
      } else {
        static_assert(I != I, "a person fact of this kind has no column reader");
      }
    }
  }

public:
  /// Row i's hukou region: the column's, or with hukou_from_id where it has none, the region that
  /// issued the ID number (nullopt when neither gives one).
  [[nodiscard]] std::optional<region_code> hukou_of(std::size_t i) const {
    const auto& hukou = regions[f_hukou];
    if (hukou && !hukou->missing(i)) return hukou->get(i, name);
    if (!hukou_from_id) return std::nullopt;
    const auto number = texts[f_id_number].get(i);
    if (!number || number->empty()) return std::nullopt;
    return id_number::parse(*number, name(column(f_id_number), i)).region();
  }

private:
  void set_ability(person& p, std::size_t i) const {
    const auto& ability = numbers[f_level];
    if (ability && ability->data[i] >= 0) {
      const ability_level level(static_cast<int>(std::min<std::int64_t>(ability->data[i], 1000)),
                                name(column(f_level), i));
      const auto& assessed = dates[f_assessed_on];
      const std::optional<date> on = assessed ? assessed->get(i, name) : std::nullopt;
      const auto scale_text = texts[f_scale].get(i);
      const ability_scale s = scale_text ? parse_ability_scale(*scale_text, name(column(f_scale), i))
                                         : ability_scale::gbt_42195_2022;
      const std::int64_t r = numbers[f_raw] ? numbers[f_raw]->data[i] : -1;
      if (r < -1 || r > 1000)
        throw invalid_value(error_id::invalid_ability, name(column(f_raw), i), r,
                            "a raw score is 0 or more, or missing");
      const auto local = texts[f_local_scale].get(i);
      const auto& until = dates[f_valid_until];
      p.ability = requalified("assessment", name("ability", i), [&] {
        return assessment(s, level, on ? *on : p.birth_date, until ? until->get(i, name) : std::nullopt,
                          r < 0 ? std::nullopt : std::optional<int>(static_cast<int>(r)),
                          local ? std::string(*local) : std::string());
      });
    } else if (ability && ability->data[i] != -1) {
      throw invalid_value(error_id::invalid_ability, name(column(f_level), i), ability->data[i],
                          "must be 0 (能力完好) to 4 (完全失能), or missing");
    }
  }

  void set_disability(person& p, std::size_t i) const {
    const auto& grade = numbers[f_grade];
    if (const auto category = texts[f_disability].get(i)) {
      const disability_category c = parse_disability_category(*category, name(column(f_disability), i));
      const std::int64_t g = grade ? grade->data[i] : -1;
      if (g < 1 || g > 4)
        throw invalid_value(error_id::invalid_ability, name(column(f_grade), i), g,
                            "a certificate needs a grade 1 (一级) to 4 (四级)");
      std::vector<disability_entry> parts;
      if (const auto text = texts[f_components].get(i))
        parts = parse_components(*text, name(column(f_components), i));
      p.disability = requalified("disability_certificate", name("disability", i), [&] {
        return disability_certificate(c, disability_grade(static_cast<int>(g), name(column(f_grade), i)),
                                      std::move(parts));
      });
    } else if (grade && grade->data[i] > 0) {
      throw invalid_value(error_id::invalid_ability, name(column(f_disability), i), "missing",
                          "a disability_grade needs a disability_category");
    }
  }
};

/// The fast path's reading of one row: fact by fact into a row_input (text read in place, values of
/// few distinct texts decoded once). A row it does not take is refused (the person path decides,
/// and names the error).
struct refused {};

class row_reader {
public:
  row_reader(flat_columns& f, population_columns& out) : f_(f), out_(out) {}

  /// Row i into `r` (which keeps views into the columns and into this reader until the next row).
  void read(row_input& r, std::size_t i) {
    r.id = *f_.ids.get(i);
    read_facts(r, i, std::make_index_sequence<field_count>{});
  }

private:
  template <std::size_t... I>
  void read_facts(row_input& r, std::size_t i, std::index_sequence<I...>) {
    (read_fact<I>(r, i), ...);
  }

  template <std::size_t I>
  void read_fact(row_input& r, std::size_t i) {
    constexpr const sc::field_info& f = person_fields[I];
    const cell_namer& name = f_.name;
    if constexpr (I == f_level) read_ability(r, i);
    else if constexpr (I == f_disability)
      read_disability(r, i);
    else if constexpr (I == f_programmes) {
      if (const auto ps = f_.texts[I].get(i)) {
        const auto& list =
            programme_lists_.get(*ps, [&] { return programme_ids(*ps, name(f_.column(I), i)); });
        programme_views_.assign(list.begin(), list.end());
        r.programmes = programme_views_;
      }
    } else if constexpr (I == f_stays) {
      read_stays(r, i);
    } else if constexpr (I == f_id || f.access.to_row == nullptr || !f.part_of.empty()) {
      return;
    } else if constexpr (I == f_birth) {
      // The column's date, or the ID number's (population_columns::append checks that they agree).
      const day_number d = f_.dates[I] ? f_.dates[I]->day(i, name) : no_day;
      if (d != no_day) r.birth_day = d;
      else if (const auto number = f_.texts[f_id_number].get(i);
               const std::optional<date> from_id =
                   number ? id_number::valid_birth_date(*number) : std::nullopt)
        r.birth_day = to_day_number(*from_id);
      else
        throw refused{};
    } else if constexpr (I == f_hukou) {
      if (f_.regions[I] && !f_.regions[I]->missing(i)) r.hukou_region = f_.regions[I]->number(i, name);
      else if (const auto code = f_.hukou_of(i))
        r.hukou_region = code->value();
      else
        throw refused{};
    } else {
      auto to_row = [&](const sc::cell& v) { // the fact's own rule (the person path names its error)
        if constexpr (f.check != nullptr)
          if (!f.check(v).empty()) throw refused{};
        constexpr auto set = f.access.to_row;
        set(r, v);
      };
      if constexpr (f.kind == sc::field_kind::date) {
        if (!f_.dates[I]) return;
        const day_number d = f_.dates[I]->day(i, name);
        if (f.required && d == no_day) throw refused{};
        to_row({d});
      } else if constexpr (f.kind == sc::field_kind::region) {
        to_row({f_.regions[I]->number(i, name)});
      } else if constexpr (f.kind == sc::field_kind::flag) {
        if (f_.numbers[I]) to_row({f_.numbers[I]->data[i] != 0 ? 1 : 0});
      } else if constexpr (f.kind == sc::field_kind::integer) {
        if (!f_.numbers[I]) return;
        const std::int64_t v = f_.numbers[I]->data[i];
        if (v != -1 && (v < f.min || v > f.max)) throw refused{};
        to_row({v});
      } else if constexpr (f.kind == sc::field_kind::word) {
        if (const auto t = f_.texts[I].get(i))
          to_row({decoded_[I].get(*t, [&] { return f.words.parse(*t, name(f_.column(I), i)); })});
      } else if constexpr (f.kind == sc::field_kind::word_set) {
        if (f_.numbers[I]) {
          const std::int64_t b = f_.numbers[I]->data[i];
          if (b < 0 || b >= (std::int64_t{1} << f.words.words.size())) throw refused{};
          to_row({b});
        } else if (const auto t = f_.texts[I].get(i)) {
          to_row({decoded_[I].get(*t, [&] {
            std::int64_t bits = 0;
            for (const auto& w : split_words(*t))
              bits |= std::int64_t{1} << f.words.parse(w, name(f_.column(I), i));
            return bits;
          })});
        }
      } else if constexpr (f.kind == sc::field_kind::text) {
        if (const auto t = f_.texts[I].get(i)) to_row({0, *t});
      } else if constexpr (f.kind == sc::field_kind::fixed_point) {
        if (f_.fixed[I]) to_row({f_.fixed[I]->micros(i, name)});
      } else {
        static_assert(I != I, "a person fact of this kind has no column reader");
      }
    }
  }

  void read_ability(row_input& r, std::size_t i) {
    const auto& level_column = f_.numbers[f_level];
    if (!level_column || level_column->data[i] == -1) return; // no assessment: its other columns are not read
    const cell_namer& name = f_.name;
    const std::int64_t level = level_column->data[i];
    if (level < 0 || level > 4) throw refused{};
    r.ability_level = static_cast<std::int8_t>(level);
    if (const auto s = f_.texts[f_scale].get(i))
      r.ability_scale = static_cast<std::uint8_t>(decoded_[f_scale].get(
          *s, [&] { return person_fields[f_scale].words.parse(*s, name(f_.column(f_scale), i)); }));
    const std::int64_t raw = f_.numbers[f_raw] ? f_.numbers[f_raw]->data[i] : -1;
    if (raw < -1 || raw > 1000) throw refused{};
    r.ability_raw = static_cast<std::int32_t>(raw);
    r.ability_assessed_on = f_.dates[f_assessed_on] ? f_.dates[f_assessed_on]->day(i, name) : no_day;
    if (r.ability_assessed_on == no_day) r.ability_assessed_on = r.birth_day; // holds from birth
    if (f_.dates[f_valid_until]) r.ability_valid_until = f_.dates[f_valid_until]->day(i, name);
    if (const auto local = f_.texts[f_local_scale].get(i)) r.ability_local_scale = *local;
  }

  void read_disability(row_input& r, std::size_t i) {
    const cell_namer& name = f_.name;
    const auto& grade = f_.numbers[f_grade];
    if (const auto category = f_.texts[f_disability].get(i)) {
      r.disability_category = static_cast<std::int8_t>(decoded_[f_disability].get(*category, [&] {
        return person_fields[f_disability].words.parse(*category, name(f_.column(f_disability), i));
      }));
      const std::int64_t g = grade ? grade->data[i] : -1;
      if (g < 1 || g > 4) throw refused{};
      r.disability_grade = static_cast<std::int8_t>(g);
      if (const auto text = f_.texts[f_components].get(i))
        r.disability_components = component_lists_.get(*text, [&] {
          std::vector<disability_component_input> parts;
          for (const auto& e : parse_components(*text, name(f_.column(f_components), i)))
            parts.push_back(
                {static_cast<std::int8_t>(e.category), static_cast<std::int8_t>(e.grade.value())});
          return parts;
        });
    } else if (grade && grade->data[i] > 0) {
      throw refused{};
    }
  }

  void read_stays(row_input& r, std::size_t i) {
    if (f_.stay_start[i] == f_.stay_start[i + 1]) return;
    stay_inputs_.clear();
    for (std::size_t k = f_.stay_start[i]; k < f_.stay_start[i + 1]; ++k) {
      const std::size_t j = f_.stay_order[k];
      const auto fid = f_.stay_facility.get(j);
      if (!fid || fid->empty()) throw refused{};
      auto it = facility_index_.find(*fid);
      if (it == facility_index_.end()) it = facility_index_.emplace(*fid, out_.facilities().find(*fid)).first;
      // With a registry the table is the registry's: a facility outside it is the person path's error.
      if (it->second < 0) throw refused{};
      stay_input s;
      s.facility = it->second;
      s.admitted = f_.admitted->day(j, f_.stay_name);
      if (s.admitted == no_day) throw refused{};
      s.discharged = f_.discharged->day(j, f_.stay_name);
      stay_inputs_.push_back(s);
    }
    r.stays = stay_inputs_;
  }

  flat_columns& f_;
  population_columns& out_;
  // Decoded once per distinct text.
  std::array<decoded_cache<std::int64_t>, field_count> decoded_;
  decoded_cache<std::vector<std::string>> programme_lists_;
  decoded_cache<std::vector<disability_component_input>> component_lists_;
  std::unordered_map<std::string_view, std::int32_t> facility_index_;
  std::vector<std::string_view> programme_views_;
  std::vector<stay_input> stay_inputs_;
};

/// Builds and validates the population. Each row is filled into a row_input straight from the
/// columns (row_reader) and appended by population_columns::append(row_input), which checks it. A
/// row it refuses is rebuilt as a person by the person path (flat_columns::person_of, validate):
/// that path's error, naming the column, the row and id and the value, is what the caller sees, as
/// before the fast path existed. `names` gives the input's own name of a column read under a fact's
/// name (an alias: "rural" for residence_rural), which errors quote.
population_handle population_from_columns(const py::dict& columns, py::handle stays,
                                          const facility_registry* facilities, py::handle names,
                                          py::handle given_columns, bool hukou_from_id) {
  const cell_namer unnamed{"population", nullptr};
  const sc::field_info& id_field = person_fields[f_id];
  if (!columns.contains(column_key(id_field)))
    throw invalid_value(error_id::invalid_person, "population.id", "", "the id column is required");
  flat_columns f;
  const py::dict given = names.is_none() ? py::dict() : names.cast<py::dict>();
  for (std::size_t k = 0; k < field_count; ++k) {
    const py::str key = column_key(person_fields[k]);
    f.names[k] = given.contains(key) ? given[key].cast<std::string>() : key.cast<std::string>();
  }
  f.ids = text_column(columns[column_key(id_field)], f.names[f_id],
                      [&](std::size_t i) { return unnamed(f.names[f_id], i); });
  const std::size_t n = f.ids.size();
  {
    // Ids: present text, not empty (the Python side sends text only).
    const py::gil_scoped_release unlocked;
    for (std::size_t i = 0; i < n; ++i) {
      const auto id = f.ids.get(i);
      if (!id)
        throw invalid_value(error_id::invalid_person, unnamed(f.names[f_id], i), literal{"None"},
                            "is required (missing value)");
      if (id->empty())
        throw invalid_value(error_id::invalid_person, unnamed(f.names[f_id], i), "", "must not be empty");
    }
  }
  f.name = cell_namer{"population", &f.ids};
  const cell_namer& name = f.name;
  auto check_length = [&](std::size_t size, const std::string& c) {
    if (size != n)
      throw invalid_value(error_id::invalid_person, "population." + c, std::to_string(size) + " rows",
                          "expected " + std::to_string(n) + " rows, as many as ids");
  };
  // One reader per fact given, by its kind. A required fact's column may be left out where the
  // schema names another fact that gives it (given_by: the ID number) and that column is there.
  f.hukou_from_id = hukou_from_id;
  auto present = [&](const py::str& key) { return columns.contains(key) && !columns[key].is_none(); };
  for (std::size_t k = 0; k < field_count; ++k) {
    const sc::field_info& fi = person_fields[k];
    if (k == f_id || k == f_stays) continue;
    const py::str key = column_key(fi);
    if (!present(key)) {
      const bool stand_in = !fi.given_by.empty() && (fi.given_by.option.empty() || hukou_from_id) &&
                            present(column_key(*sc::find_field(person_fields, fi.given_by.fact)));
      if (fi.required && !stand_in)
        throw invalid_value(error_id::invalid_person, "population." + f.names[k], "",
                            "the column is required");
      continue;
    }
    const py::handle obj = columns[key];
    const std::string& c = f.names[k];
    switch (fi.kind) {
    case sc::field_kind::date:
      f.dates[k].emplace(obj, c, name);
      check_length(f.dates[k]->size(), c);
      break;
    case sc::field_kind::region:
      f.regions[k].emplace(obj, c, name);
      check_length(f.regions[k]->size(), c);
      break;
    case sc::field_kind::flag:
    case sc::field_kind::integer:
      f.numbers[k].emplace(obj);
      check_length(f.numbers[k]->size, c);
      break;
    case sc::field_kind::word_set:
      if (py::isinstance<int_array>(obj)) {
        f.numbers[k].emplace(obj);
        check_length(f.numbers[k]->size, c);
        break;
      }
      [[fallthrough]];
    case sc::field_kind::text:
    case sc::field_kind::word:
    case sc::field_kind::text_list:
    case sc::field_kind::record_list:
      f.texts[k] = text_cells(obj, c, name);
      check_length(f.texts[k].size(), c);
      break;
    case sc::field_kind::fixed_point:
      f.fixed[k].emplace(obj, c, name);
      check_length(f.fixed[k]->size(), c);
      break;
    case sc::field_kind::integer_list: throw py::type_error("internal: no column reader for " + c);
    }
  }
  // The members of a rule subject the input gave columns for (batch/inputs.hpp checks a policy's
  // reads against them): each given column's fact fills its group; stays also come as a table.
  row_fields given_fields = row_fields::none;
  const py::list given_list = given_columns.is_none() ? py::list() : given_columns.cast<py::list>();
  for (const sc::field_info& fi : person_fields) {
    const py::str key = column_key(fi);
    bool in = fi.required || present(key) || (fi.name == "stays" && !stays.is_none());
    for (const auto c : given_list) in = in || c.cast<std::string>() == fi.column;
    if (in) given_fields = given_fields | fi.fills;
  }
  if (given_columns.is_none()) given_fields = row_fields::all;

  const cell_namer& stay_name = f.stay_name;
  if (!stays.is_none()) {
    const py::dict s = stays.cast<py::dict>();
    std::size_t count = 0;
    if (s.contains("row")) {
      const int_column rows(s["row"]);
      f.stay_rows.assign(rows.data, rows.data + rows.size);
      count = rows.size;
      if (s.contains("index")) { // from the persons' stays column: named by person
        const int_column index(s["index"]);
        if (index.size != count) throw py::value_error("internal: stay rows and indices differ in length");
        f.stay_index.assign(index.data, index.data + index.size);
        f.stay_name.ids = &f.ids;
        f.stay_name.stay_rows = &f.stay_rows;
        f.stay_name.stay_index = &f.stay_index;
      }
    } else {
      f.stay_person =
          text_column(s["person_id"], "person_id", [&](std::size_t i) { return stay_name("person_id", i); });
      count = f.stay_person.size();
    }
    f.stay_facility =
        text_column(s["facility"], "facility", [&](std::size_t i) { return stay_name("facility", i); });
    f.admitted.emplace(s["admitted"], "admitted", stay_name);
    f.discharged.emplace(s["discharged"], "discharged", stay_name);
    // Every stay column as long as the others (the Python side checks the table; this keeps a
    // column that lies about its length from being read past its end).
    for (const auto& [column, size] :
         {std::pair<const char*, std::size_t>{"facility", f.stay_facility.size()},
          {"admitted", f.admitted->size()},
          {"discharged", f.discharged->size()}})
      if (size != count)
        throw invalid_value(error_id::invalid_stay, std::string("stays.") + column,
                            std::to_string(size) + " rows",
                            "expected " + std::to_string(count) + " rows, as many as the stays' persons");
  }

  population_handle out;
  {
    const py::gil_scoped_release unlocked; // C++ values only from here on
    const id_index index(f.ids);
    if (f.stay_person.present()) {
      // Each stay's row, from its person id (the ids' own table: no Python dict of the ids).
      const auto rows = index.rows_of(f.stay_person);
      f.stay_rows.resize(rows.size());
      for (std::size_t j = 0; j < rows.size(); ++j) {
        if (!rows[j])
          throw invalid_value(error_id::invalid_stay, stay_name("person_id", j),
                              std::string(f.stay_person.get(j).value_or("None")),
                              "no person with this id in the population");
        f.stay_rows[j] = static_cast<std::int64_t>(*rows[j]);
      }
    }
    // The stays of each row, in input order (a counting sort by row).
    const std::size_t stay_count = f.stay_rows.size();
    f.stay_start.assign(n + 1, 0);
    f.stay_order.resize(stay_count);
    for (std::size_t j = 0; j < stay_count; ++j) {
      const std::int64_t row = f.stay_rows[j];
      if (row < 0 || static_cast<std::size_t>(row) >= n)
        throw invalid_value(error_id::invalid_stay, stay_name("person_id", j), row, "no person with this id");
      ++f.stay_start[static_cast<std::size_t>(row) + 1];
    }
    for (std::size_t i = 0; i < n; ++i) f.stay_start[i + 1] += f.stay_start[i];
    {
      std::vector<std::size_t> next(f.stay_start.begin(), f.stay_start.end() - 1);
      for (std::size_t j = 0; j < stay_count; ++j)
        f.stay_order[next[static_cast<std::size_t>(f.stay_rows[j])]++] = j;
    }
    // The facility table: the registry's, or without one the ids the stays name in order of
    // appearance, as appending the rows as persons would make it.
    facility_table table;
    if (facilities) table = facility_table(*facilities);
    else
      for (std::size_t k = 0; k < stay_count; ++k)
        if (const auto fid = f.stay_facility.get(f.stay_order[k]); fid && !fid->empty())
          (void)table.find_or_add(*fid);
    out.columns = population_columns(std::move(table));
    out.columns.set_given(given_fields);
    // The first repeated id (index.duplicate_row) is found before the rows are read and raised at
    // its row, after the errors of the rows before it, as when rows were checked one by one.
    out.columns.reserve(n, stay_count);

    row_reader reader(f, out.columns);
    for (std::size_t i = 0; i < n; ++i) {
      if (i == index.duplicate_row)
        throw invalid_value(error_id::invalid_person, name(f.names[f_id], i), std::string(*f.ids.get(i)),
                            "duplicate id (also row " + std::to_string(index.duplicated_row) + ")");
      try {
        row_input r;
        reader.read(r, i);
        out.columns.append(r);
      } catch (const refused&) {
        out.columns.append(f.person_of(i), facilities); // validate(p, facilities), then the columns
      } catch (const invalid_value&) {
        // The row as the person path reads it: its error (or, if it takes the row, the row).
        out.columns.append(f.person_of(i), facilities);
      }
    }
  }
  return out;
}

population_handle population_from_persons(const std::vector<person>& persons,
                                          const facility_registry* facilities) {
  population_handle out;
  const py::gil_scoped_release unlocked;
  out.columns = population_columns::from_persons(persons, facilities);
  return out;
}

// --- a Parquet batch's columns, for totals ------------------------------------------------------

/// One Arrow array as eldercare/parquet.py hands it over: (type, length, offset, buffers...), the
/// buffers being pyarrow's Array.buffers() (validity first, None when every value is present).
/// Read in place: the caller keeps the arrays alive during the call.
class arrow_array {
public:
  arrow_array() = default;
  arrow_array(py::handle obj, std::string column) : column_(std::move(column)) {
    const auto t = py::reinterpret_borrow<py::tuple>(obj);
    type_ = t[0].cast<std::string>();
    size_ = t[1].cast<std::size_t>();
    offset_ = t[2].cast<std::size_t>();
    for (std::size_t k = 3; k < t.size(); ++k) {
      if (t[k].is_none()) {
        buffers_.emplace_back();
        continue;
      }
      const py::buffer_info b = py::reinterpret_borrow<py::buffer>(t[k]).request();
      buffers_.push_back(
          {static_cast<const std::uint8_t*>(b.ptr), static_cast<std::size_t>(b.size * b.itemsize)});
    }
  }
  [[nodiscard]] bool present() const noexcept { return !type_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] const std::string& type() const noexcept { return type_; }
  /// Whether every value is present (no validity buffer): loops then skip valid().
  [[nodiscard]] bool all_valid() const { return buffer(0).empty(); }
  /// The validity bits (nullptr when every value is present) and the array's offset into them.
  [[nodiscard]] const std::uint8_t* validity() const { return buffer(0).data(); }
  [[nodiscard]] std::size_t offset() const noexcept { return offset_; }
  [[nodiscard]] bool valid(std::size_t i) const {
    const auto v = buffer(0);
    if (v.empty()) return true;
    const std::size_t k = offset_ + i;
    return ((v[k >> 3] >> (k & 7)) & 1) != 0;
  }
  /// The values of a fixed-width array of T (buffer 1), `extra` more than its length (offsets).
  template <class T>
  [[nodiscard]] const T* values(std::size_t extra = 0) const {
    const auto d = buffer(1);
    if (size_ + extra > 0 && (d.size() < (offset_ + size_ + extra) * sizeof(T)))
      throw invalid_value(error_id::invalid_parameter, "population." + column_, d.size(),
                          "internal: an Arrow buffer shorter than its array");
    return reinterpret_cast<const T*>(d.data()) + offset_;
  }
  [[nodiscard]] bool bit(std::size_t i) const {
    const auto d = buffer(1);
    const std::size_t k = offset_ + i;
    return ((d[k >> 3] >> (k & 7)) & 1) != 0;
  }
  /// Text value i of a string array (offsets int32 in buffer 1, characters in buffer 2).
  [[nodiscard]] std::string_view text(std::size_t i) const {
    const auto* offsets = reinterpret_cast<const std::int32_t*>(buffer(1).data()) + offset_;
    const auto chars = buffer(2);
    const auto b = static_cast<std::size_t>(offsets[i]), e = static_cast<std::size_t>(offsets[i + 1]);
    if (e < b || e > chars.size()) throw refused_batch(i, "internal: string offsets out of range");
    return {reinterpret_cast<const char*>(chars.data()) + b, e - b};
  }
  /// A cell the fast path does not take: the caller rebuilds the batch on the per-row path.
  [[nodiscard]] invalid_value refused_batch(std::size_t i, std::string_view why) const {
    return invalid_value(error_id::invalid_parameter,
                         "population." + column_ + "[row " + std::to_string(i) + "]", "", std::string(why));
  }

private:
  [[nodiscard]] std::span<const std::uint8_t> buffer(std::size_t k) const {
    return k < buffers_.size() ? buffers_[k] : std::span<const std::uint8_t>();
  }
  std::string column_, type_;
  std::size_t size_ = 0, offset_ = 0;
  std::vector<std::span<const std::uint8_t>> buffers_;
};

/// Days `begin` to `end` of an Arrow date32 array as day_numbers (a null: no_day, or refused when
/// `required`).
std::vector<day_number> arrow_days(const arrow_array& a, bool required, std::size_t begin = 0,
                                   std::size_t end = std::numeric_limits<std::size_t>::max()) {
  if (a.type() != "date32") throw a.refused_batch(0, "not a date32 column");
  end = std::min(end, a.size());
  begin = std::min(begin, end);
  const std::int32_t* v = a.values<std::int32_t>() + begin;
  std::vector<day_number> out(end - begin);
  // A day outside the supported years becomes one append_columns refuses. In 32 bits, with bitwise
  // & and a select: loops the compiler vectorises (d + epoch cannot overflow once d is in range).
  constexpr auto epoch = static_cast<std::int32_t>(unix_epoch_day_number);
  const std::int32_t lo = first_day_number() - epoch, hi = last_day_number() - epoch,
                     outside = first_day_number() - 1;
  auto day = [lo, hi, outside](std::int32_t d) -> day_number {
    return (static_cast<unsigned>(d >= lo) & static_cast<unsigned>(d <= hi)) != 0 ? d + epoch : outside;
  };
  if (a.all_valid()) { // the common case, in a loop without branches on validity
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = day(v[i]);
    return out;
  }
  // Nulls: no_day (a missing optional date), in loops without calls, a validity byte (8 rows) at a
  // time once the rows reach a byte's first bit.
  const std::uint8_t* bits = a.validity();
  const std::size_t offset = a.offset() + begin, count = out.size();
  bool missing = false;
  auto one = [&](std::size_t i) {
    const std::size_t k = offset + i;
    const bool present = ((bits[k >> 3] >> (k & 7)) & 1) != 0;
    missing = missing || !present;
    out[i] = present ? day(v[i]) : no_day;
  };
  std::size_t i = 0;
  for (; i < count && (offset + i) % 8 != 0; ++i) one(i);
  for (; i + 8 <= count; i += 8) {
    const unsigned byte = bits[(offset + i) >> 3];
    missing = missing || byte != 0xFF;
    for (unsigned j = 0; j < 8; ++j) { // a mask, not a branch: validity is data
      const std::uint32_t present = 0U - ((byte >> j) & 1U);
      out[i + j] = static_cast<day_number>((static_cast<std::uint32_t>(day(v[i + j])) & present) |
                                           (static_cast<std::uint32_t>(no_day) & ~present));
    }
  }
  for (; i < count; ++i) one(i);
  if (missing && required)
    for (std::size_t i = 0; i < out.size(); ++i)
      if (!a.valid(begin + i)) throw a.refused_batch(begin + i, "missing");
  return out;
}

/// Region codes of an Arrow int64/int32 array (nulls refused: the per-row path names them).
std::vector<std::uint32_t> arrow_regions(const arrow_array& a) {
  std::vector<std::uint32_t> out(a.size());
  auto take = [&](const auto* v) {
    if (!a.all_valid())
      for (std::size_t i = 0; i < a.size(); ++i)
        if (!a.valid(i)) throw a.refused_batch(i, "missing");
    bool outside = false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      outside = outside || v[i] < 0 || v[i] > std::int64_t{std::numeric_limits<std::uint32_t>::max()};
      out[i] = static_cast<std::uint32_t>(v[i]);
    }
    if (outside) throw a.refused_batch(0, "out of range");
  };
  if (a.type() == "int64") take(a.values<std::int64_t>());
  else if (a.type() == "int32")
    take(a.values<std::int32_t>());
  else
    throw a.refused_batch(0, "not an integer column");
  return out;
}

/// A Parquet batch's Arrow columns for totals, read (with the GIL) from the dict eldercare/parquet.py
/// makes: the facts' column names to arrow_array tuples; "stays" to a dict of the list's parts (list,
/// struct, facility, admitted, discharged). `given` lists every column of the file (what a policy may
/// read, batch/inputs.hpp).
struct arrow_batch {
  std::size_t rows = 0;
  arrow_array birth, hukou, since, died, residence, rural, weight;
  arrow_array list, item, facility, admitted, discharged;
  row_fields given = row_fields::none;

  arrow_batch(const py::dict& columns, std::size_t rows_, const py::list& given_columns) : rows(rows_) {
    auto column = [&](const char* name) {
      return columns.contains(name) ? arrow_array(columns[name], name) : arrow_array();
    };
    birth = column("birth_date");
    hukou = column("hukou_region");
    since = column("hukou_since");
    died = column("died_on");
    residence = column("residence_region");
    rural = column("residence_rural");
    weight = column("weight");
    if (columns.contains("stays")) {
      const py::dict s = columns["stays"].cast<py::dict>();
      list = arrow_array(s["list"], "stays");
      item = arrow_array(s["struct"], "stays");
      facility = arrow_array(s["facility"], "stays.facility");
      admitted = arrow_array(s["admitted"], "stays.admitted");
      discharged = arrow_array(s["discharged"], "stays.discharged");
    }
    std::vector<std::string> names;
    for (const auto c : given_columns) names.push_back(c.cast<std::string>());
    for (const sc::field_info& fi : person_fields)
      if (fi.required || std::find(names.begin(), names.end(), fi.column) != names.end())
        given = given | fi.fills;
  }
};

/// Appends `a`'s rows to `pop` (population_columns::append_columns: all or nothing), with no GIL.
/// A population started here (`fresh`) takes `facilities`' table (or, without a registry, the ids of
/// the batch's stays); one appended to keeps its own, in which every stay's facility must already be
/// (with a registry, the same table). A value this path does not take raises invalid_value: the
/// caller then builds the batch on the per-row path, whose error names the cell and its id.
void append_arrow(population_columns& pop, const arrow_batch& a, const facility_registry* facilities,
                  bool fresh) {
  const std::size_t rows = a.rows;
  if (!a.birth.present() || !a.hukou.present())
    throw std::invalid_argument("internal: birth_date and hukou_region are read");
  for (const arrow_array* c : std::array<const arrow_array*, 8>{&a.birth, &a.hukou, &a.since, &a.died,
                                                                &a.residence, &a.rural, &a.weight, &a.list})
    if (c->present() && c->size() != rows) throw c->refused_batch(0, "a column of another length");
  population_columns::column_batch c;
  c.rows = rows;
  const std::vector<day_number> birth_days = arrow_days(a.birth, true);
  c.birth_day = birth_days;
  const std::vector<std::uint32_t> hukou_codes = arrow_regions(a.hukou);
  c.hukou_region = hukou_codes;
  std::vector<day_number> since_days, died_days;
  if (a.since.present()) c.hukou_since = since_days = arrow_days(a.since, false);
  if (a.died.present()) c.died_on = died_days = arrow_days(a.died, false);
  std::vector<std::uint32_t> residence_codes;
  if (a.residence.present()) c.residence_region = residence_codes = arrow_regions(a.residence);
  std::vector<std::uint8_t> rural_flags;
  if (a.rural.present()) {
    if (a.rural.type() != "bool") throw a.rural.refused_batch(0, "not a bool column");
    rural_flags.resize(rows);
    for (std::size_t i = 0; i < rows; ++i) {
      if (!a.rural.valid(i)) throw a.rural.refused_batch(i, "missing");
      rural_flags[i] = a.rural.bit(i) ? 1 : 0;
    }
    c.residence_rural = rural_flags;
  }
  std::vector<std::int64_t> weights;
  if (a.weight.present()) {
    weights.resize(rows);
    if (a.weight.type() == "double") {
      const double* v = a.weight.values<double>();
      for (std::size_t i = 0; i < rows; ++i) {
        if (!a.weight.valid(i) || std::isnan(v[i])) throw a.weight.refused_batch(i, "missing");
        weights[i] = survey_weight::of(v[i], "population.weight").micros();
      }
    } else if (a.weight.type() == "int64") {
      const std::int64_t* v = a.weight.values<std::int64_t>();
      for (std::size_t i = 0; i < rows; ++i) {
        if (!a.weight.valid(i) || v[i] < 0 || v[i] > survey_weight::max_micros / survey_weight::scale)
          throw a.weight.refused_batch(i, "missing or out of range");
        weights[i] = v[i] * survey_weight::scale;
      }
    } else {
      throw a.weight.refused_batch(0, "not a number column");
    }
    c.weight = weights;
  }
  // Stays: the list's offsets into its struct child, whose fields are read at those positions.
  facility_table table;
  if (fresh && facilities) table = facility_table(*facilities);
  std::vector<std::uint32_t> stay_offsets;
  std::vector<std::int32_t> stay_facility;
  std::vector<day_number> stay_admitted, stay_discharged;
  if (a.list.present()) {
    const arrow_array &list = a.list, &item = a.item, &facility = a.facility;
    if (list.type() != "list" || facility.type() != "string")
      throw list.refused_batch(0, "not a list of (string, date32, date32) structs");
    const std::int32_t* offsets = list.values<std::int32_t>(1); // rows + 1 offsets
    const std::size_t first = rows > 0 ? static_cast<std::size_t>(offsets[0]) : 0;
    const std::size_t last = rows > 0 ? static_cast<std::size_t>(offsets[rows]) : 0;
    if (last < first || last > item.size() || item.size() != facility.size() ||
        item.size() != a.admitted.size() || item.size() != a.discharged.size())
      throw list.refused_batch(0, "internal: list offsets out of range");
    // Only the stays of this batch's rows (the child may hold a whole row group's).
    std::vector<day_number> in = arrow_days(a.admitted, false, first, last),
                            left = arrow_days(a.discharged, false, first, last);
    stay_offsets.resize(rows + 1);
    stay_offsets[0] = 0;
    std::unordered_map<std::string_view, std::int32_t> index; // facility id -> index into the table
    auto facility_index = [&](std::string_view id, std::size_t i) {
      auto it = index.find(id);
      if (it == index.end()) {
        if (id.empty()) throw list.refused_batch(i, "a stay without a facility");
        const std::int32_t k = !fresh       ? pop.facilities().find(id)
                               : facilities ? table.find(id)
                                            : table.find_or_add(id);
        it = index.emplace(id, k).first;
      }
      if (it->second < 0)
        throw list.refused_batch(i, facilities ? "a facility outside the registry"
                                               : "a facility new to the population appended to");
      return it->second;
    };
    unsigned ordered = 1; // every row's offsets in order: a loop without branches
    for (std::size_t i = 0; i < rows; ++i) ordered &= static_cast<unsigned>(offsets[i + 1] >= offsets[i]);
    if (ordered != 0 && list.all_valid() && item.all_valid() && facility.all_valid()) {
      // The common case: no null cell, so the batch's stays are the child's [first, last) as they
      // are (the dates taken whole), its rows' offsets shifted by `first`, and only each stay's
      // facility looked up, the last one remembered (a row's stays often name one).
      for (std::size_t i = 0; i < rows; ++i)
        stay_offsets[i + 1] = static_cast<std::uint32_t>(static_cast<std::size_t>(offsets[i + 1]) - first);
      auto row_of = [&](std::size_t s) { // the row whose list holds stay s
        return static_cast<std::size_t>(
                   std::upper_bound(offsets, offsets + rows + 1, static_cast<std::int32_t>(s)) - offsets) -
               1;
      };
      stay_facility.resize(last - first);
      std::string_view last_id;
      std::int32_t last_index = -1;
      for (std::size_t s = first; s < last; ++s) {
        if (in[s - first] == no_day) throw list.refused_batch(row_of(s), "a missing stay");
        const std::string_view id = facility.text(s);
        if (last_index < 0 || id != last_id) {
          last_index = facility_index(id, row_of(s));
          last_id = id;
        }
        stay_facility[s - first] = last_index;
      }
      stay_admitted = std::move(in);
      stay_discharged = std::move(left);
    } else {
      for (std::size_t i = 0; i < rows; ++i) {
        const auto b = static_cast<std::size_t>(offsets[i]), e = static_cast<std::size_t>(offsets[i + 1]);
        if (e < b || e > last) throw list.refused_batch(i, "internal: list offsets out of range");
        if (b != e && list.valid(i))
          for (std::size_t s = b; s < e; ++s) {
            if (!item.valid(s) || !facility.valid(s) || in[s - first] == no_day)
              throw list.refused_batch(i, "a missing stay");
            stay_facility.push_back(facility_index(facility.text(s), i));
            stay_admitted.push_back(in[s - first]);
            stay_discharged.push_back(left[s - first]);
          }
        stay_offsets[i + 1] = static_cast<std::uint32_t>(stay_facility.size());
      }
    }
    c.stay_offsets = stay_offsets;
    c.stay_facility = stay_facility;
    c.stay_admitted = stay_admitted;
    c.stay_discharged = stay_discharged;
  }
  if (fresh) {
    pop.clear(std::move(table));
    pop.set_given(a.given);
  } else if (pop.given() != a.given) {
    throw a.birth.refused_batch(0, "internal: columns given unlike the population appended to");
  }
  pop.append_columns(c);
}

/// Builds a population from a Parquet batch's Arrow columns for totals (append_arrow): no ids, only
/// the facts a policy reads for totals. With `into`, the rows are built in that population's memory
/// (a batch done with), which is left empty.
population_handle population_from_arrow(const py::dict& columns, std::size_t rows,
                                        const facility_registry* facilities, const py::list& given,
                                        population_handle* into) {
  const arrow_batch a(columns, rows, given);
  population_handle out;
  const py::gil_scoped_release unlocked; // C++ values only from here on
  if (into) {                            // a population done with: its columns' memory refilled
    out.columns = std::move(into->columns);
    into->persons_cache.reset();
  }
  append_arrow(out.columns, a, facilities, true);
  return out;
}

/// Appends a Parquet batch's Arrow columns to `to` (a population from_arrow started, with the same
/// columns given and the same registry): one population for several batches, simulated at once.
/// All or nothing: a batch refused leaves `to` as it was.
void population_append_arrow(population_handle& to, const py::dict& columns, std::size_t rows,
                             const facility_registry* facilities, const py::list& given) {
  const arrow_batch a(columns, rows, given);
  const py::gil_scoped_release unlocked;
  to.persons_cache.reset();
  append_arrow(to.columns, a, facilities, false);
}

/// The columns of the flat schema that simulating `p` from `first` to `last` reads when only totals
/// are asked: the facts filling the members its rules read (batch/inputs.hpp groups_read), the
/// birth date, and the hukou's (or with regions="residence" the residence's) region the totals are
/// split by. None when a leaf does not declare what it reads, or reads a fact population_from_arrow
/// does not take (the caller then reads every column).
py::object columns_for_totals(const policy& p, py::handle first, py::handle last,
                              const std::string& regions) {
  const auto read = groups_read(p, to_date(first, "first"), to_date(last, "last"));
  if (!read) return py::none();
  row_fields groups = *read | row_fields::birth_date | row_fields::hukou;
  if (regions == "residence") groups = groups | row_fields::residence | row_fields::rural;
  constexpr row_fields taken = row_fields::birth_date | row_fields::hukou | row_fields::residence |
                               row_fields::rural | row_fields::stays | row_fields::death;
  if ((static_cast<std::uint32_t>(groups) & ~static_cast<std::uint32_t>(taken)) != 0) return py::none();
  py::list out;
  for (const sc::field_info& fi : person_fields)
    if (fi.fills != row_fields::none && has(groups, fi.fills)) out.append(std::string(fi.column));
  return out;
}

// --- export --------------------------------------------------------------------------------------

/// Days since 1970-01-01 (int64, numpy's NaT for no_day), for Python to view as datetime64[D].
std::int64_t unix_day(std::int64_t day) { return day == no_day ? numpy_nat : day - unix_epoch_day_number; }
py::array_t<std::int64_t> day_column(std::span<const day_number> days) {
  return array_of<std::int64_t>(days.size(), [&](std::size_t i) { return unix_day(days[i]); });
}

py::list text_list(std::size_t n, const auto& text_of) {
  py::list out(static_cast<py::ssize_t>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const std::optional<std::string_view> t = text_of(i);
    if (!t) {
      PyList_SET_ITEM(out.ptr(), static_cast<py::ssize_t>(i), py::none().release().ptr());
      continue;
    }
    PyObject* s = PyUnicode_DecodeUTF8(t->data(), static_cast<py::ssize_t>(t->size()), nullptr);
    if (!s) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<py::ssize_t>(i), s);
  }
  return out;
}

/// Fact I's column in its kind's encoding: dates as days since 1970-01-01 (NaT missing), regions,
/// whole numbers (-1 missing) and word sets (bits) as int64, flags as bool, text and words as str
/// (None missing).
template <std::size_t I>
void export_fact(py::dict& d, const population_columns& c) {
  constexpr const sc::field_info& f = person_fields[I];
  if constexpr (f.access.of_columns != nullptr) {
    constexpr auto of = f.access.of_columns;
    const std::size_t n = c.size();
    py::object column;
    if constexpr (f.kind == sc::field_kind::date)
      column = array_of<std::int64_t>(n, [&](std::size_t i) { return unix_day(of(c, i).number); });
    else if constexpr (f.kind == sc::field_kind::flag)
      column = array_of<bool>(n, [&](std::size_t i) { return of(c, i).number != 0; });
    else if constexpr (f.kind == sc::field_kind::region || f.kind == sc::field_kind::integer ||
                       f.kind == sc::field_kind::word_set || f.kind == sc::field_kind::fixed_point)
      column = array_of<std::int64_t>(n, [&](std::size_t i) { return of(c, i).number; });
    else if constexpr (f.kind == sc::field_kind::word)
      column = text_list(n, [&](std::size_t i) -> std::optional<std::string_view> {
        const std::int64_t k = of(c, i).number;
        if (k < 0) return std::nullopt;
        return f.words.words[static_cast<std::size_t>(k)];
      });
    else if constexpr (f.kind == sc::field_kind::text)
      column = text_list(n, [&](std::size_t i) -> std::optional<std::string_view> {
        const std::string_view t = of(c, i).text;
        if (t.empty()) return std::nullopt;
        return t;
      });
    else
      static_assert(I != I, "a person fact of this kind has no column writer");
    d[column_key(f)] = column;
  }
}

template <std::size_t... I>
void export_facts(py::dict& d, const population_columns& c, std::index_sequence<I...>) {
  (export_fact<I>(d, c), ...);
}

/// The columns in the encodings of the flat schema (see eldercare/_population.py, to_arrow()),
/// under the facts' column names; the lists as text, the stays as offsets into stay columns.
py::dict export_columns(const population_handle& h) {
  const population_columns& c = h.columns;
  const std::size_t n = c.size();
  py::dict d;
  export_facts(d, c, std::make_index_sequence<field_count>{});
  std::string parts;
  const auto component_offsets = c.disability_component_offsets();
  d[column_key(person_fields[f_components])] =
      text_list(n, [&](std::size_t i) -> std::optional<std::string_view> {
        if (component_offsets[i] == component_offsets[i + 1]) return std::nullopt;
        parts = components_text(*c.disability_of(i));
        return std::string_view(parts);
      });
  std::string joined;
  d[column_key(person_fields[f_programmes])] =
      text_list(n, [&](std::size_t i) -> std::optional<std::string_view> {
        const programme_list ps = c.programmes_of(i);
        if (ps.size() == 0) return std::nullopt;
        joined.clear();
        for (const std::string& p : ps) joined += (joined.empty() ? "" : ",") + p;
        return std::string_view(joined);
      });
  // Stays as offsets into stay columns (an Arrow list<struct> column is made of exactly these).
  const auto offsets = c.stay_offsets();
  d["stay_offsets"] =
      array_of<std::int64_t>(offsets.size(), [&](std::size_t i) { return std::int64_t{offsets[i]}; });
  const auto facility = c.stay_facility();
  d["stay_facility"] = text_list(facility.size(), [&](std::size_t j) {
    return std::optional<std::string_view>(c.facilities().id(facility[j]));
  });
  d["stay_admitted"] = day_column(c.stay_admitted());
  d["stay_discharged"] = day_column(c.stay_discharged());
  return d;
}

// --- synthetic populations -------------------------------------------------------------------------

/// A generator and its lock: the stream is sequential, so calls from several threads take turns,
/// each drawing the next rows (distinct ids, the stream's order), never the same rows twice.
struct synthetic_handle {
  explicit synthetic_handle(synthetic_options o) : generator(std::move(o)) {}
  synthetic_population generator;
  std::mutex mutex;
};

/// MemoryError naming the request (rather than "std::bad_alloc").
[[noreturn]] void no_memory_for(std::size_t rows) {
  PyErr_SetString(PyExc_MemoryError,
                  ("not enough memory for " + std::to_string(rows) +
                   " synthetic rows: draw them in smaller chunks (SyntheticPopulation.next)")
                      .c_str());
  throw py::error_already_set();
}

} // namespace

void register_population(py::module_& m) {
  m.attr("missing_weight_reason") = std::string(survey_weight::missing_reason);
  m.def(
      "plain_text",
      [](const py::array& a, bool missing) {
        // Whether text_column reads the object array as it is: 0 no, 1 yes (every cell str, or
        // None/NaN when `missing`), 2 yes and every cell is missing (the column may be left out).
        if (a.dtype().kind() != 'O' || a.ndim() != 1 || !(a.flags() & py::array::c_style)) return 0;
        auto* const* items = static_cast<PyObject* const*>(a.data());
        bool all_missing = true;
        for (py::ssize_t i = 0; i < a.size(); ++i) {
          PyObject* item = items[i];
          if (PyUnicode_Check(item)) {
            all_missing = false;
            continue;
          }
          if (missing && (item == Py_None || (PyFloat_Check(item) && std::isnan(PyFloat_AS_DOUBLE(item)))))
            continue;
          return 0;
        }
        return all_missing && a.size() > 0 ? 2 : 1;
      },
      py::arg("values"), py::arg("missing") = true);
  py::class_<population_handle>(m, "population",
                                "A population held in columns (population_columns), validated row by row.")
      .def_static("from_columns", &population_from_columns, py::arg("columns"), py::arg("stays") = py::none(),
                  py::arg("facilities") = py::none(), py::arg("names") = py::none(),
                  py::arg("given") = py::none(), py::arg("hukou_from_id") = false)
      .def_static("from_persons", &population_from_persons, py::arg("persons"),
                  py::arg("facilities") = py::none())
      .def_static("from_arrow", &population_from_arrow, py::arg("columns"), py::arg("rows"),
                  py::arg("facilities") = py::none(), py::arg("given") = py::list(),
                  py::arg("into") = py::none(),
                  "A Parquet batch's Arrow columns for totals (no ids; eldercare/parquet.py), in the "
                  "memory of population `into` when given (which is left empty).")
      .def("append_arrow", &population_append_arrow, py::arg("columns"), py::arg("rows"),
           py::arg("facilities") = py::none(), py::arg("given") = py::list(),
           "Appends a Parquet batch's Arrow columns (as from_arrow reads them) to a population from_arrow "
           "built: all or nothing.")
      .def("__len__", [](const population_handle& h) { return h.columns.size(); })
      .def("stay_count", [](const population_handle& h) { return h.columns.stay_count(); })
      .def("ids",
           [](const population_handle& h) {
             return text_list(h.columns.size(), [&](std::size_t i) {
               return std::optional<std::string_view>(h.columns.id(i));
             });
           })
      .def(
          "person",
          [](const population_handle& h, std::size_t i) {
            if (i >= h.columns.size()) throw py::index_error("person index out of range");
            return h.columns.to_person(i);
          },
          py::arg("index"))
      .def("persons", [](population_handle& h) { return h.persons(); })
      .def("columns", &export_columns)
      .def_property_readonly("weighted", [](const population_handle& h) { return h.columns.weighted(); })
      .def_property_readonly("given",
                             [](const population_handle& h) {
                               py::list out;
                               for (const auto& w : enum_words<row_fields>::entries)
                                 if (w.value != row_fields::none && has(h.columns.given(), w.value))
                                   out.append(std::string(w.word));
                               return out;
                             })
      .def("weight_micros",
           [](const population_handle& h) {
             const auto w = h.columns.weight_micros();
             return array_of<std::int64_t>(w.size(), [&](std::size_t i) { return w[i]; });
           })
      .def("memory_report", [](const population_handle& h) {
        // population_memory as a dict: its totals, and one tuple per entry (Population.memory_report).
        const population_memory m = h.columns.memory_report();
        py::list entries;
        for (const column_memory& c : m.columns)
          entries.append(py::make_tuple(c.name, c.element, c.element_bytes, c.entries, c.bytes,
                                        c.allocated_bytes, m.per_row(c.bytes), c.ids));
        py::dict d;
        d["rows"] = m.rows;
        d["entries"] = entries;
        d["total_bytes"] = m.total_bytes();
        d["total_bytes_without_ids"] = m.total_bytes_without_ids();
        d["allocated_bytes"] = m.allocated_bytes();
        d["bytes_per_row"] = m.bytes_per_row();
        d["bytes_per_row_without_ids"] = m.bytes_per_row_without_ids();
        return d;
      });

  py::class_<synthetic_handle>(m, "synthetic_generator",
                               "A reproducible stream of synthetic elders (eldercare::synthetic_population); "
                               "calls from several threads take turns (each gets the next rows).")
      .def(py::init([](std::uint64_t seed, const std::string& profile, py::handle as_of,
                       double under_60_share, std::string id_prefix) {
             synthetic_options o;
             o.seed = seed;
             o.profile = parse_word<synthetic_profile>(profile, "profile");
             o.as_of = to_date(as_of, "as_of");
             o.under_60_share = under_60_share;
             o.id_prefix = std::move(id_prefix);
             return std::make_unique<synthetic_handle>(std::move(o));
           }),
           py::arg("seed") = 0, py::arg("profile") = "xicheng", py::arg("as_of") = "2024-01-01",
           py::arg("under_60_share") = 0.0, py::arg("id_prefix") = "p")
      .def(
          "next",
          [](synthetic_handle& g, std::size_t rows) {
            population_handle h;
            bool out_of_memory = false;
            {
              const py::gil_scoped_release unlocked; // then the generator's lock: never both held waiting
              const std::lock_guard<std::mutex> turn(g.mutex);
              try {
                h.columns = g.generator.next(rows);
              } catch (const std::bad_alloc&) {
                out_of_memory = true;
              }
            }
            if (out_of_memory) no_memory_for(rows);
            return h;
          },
          py::arg("rows"))
      .def(
          "skip",
          [](synthetic_handle& g, std::uint64_t rows) {
            // The stream has no random access: rows are drawn and dropped, a chunk at a time.
            const py::gil_scoped_release unlocked;
            const std::lock_guard<std::mutex> turn(g.mutex);
            while (rows > 0) {
              const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(rows, 65536));
              (void)g.generator.next(k);
              rows -= k;
            }
          },
          py::arg("rows"))
      .def_property_readonly("rows_drawn",
                             [](synthetic_handle& g) {
                               const py::gil_scoped_release unlocked;
                               const std::lock_guard<std::mutex> turn(g.mutex);
                               return g.generator.rows_drawn();
                             })
      .def("facilities", [](const synthetic_handle& g) { return g.generator.facilities(); });
  m.def("synthetic_facilities", [] { return synthetic_facilities(); });
  m.def("columns_for_totals", &columns_for_totals, py::arg("policy"), py::arg("first"), py::arg("last"),
        py::arg("regions") = "hukou",
        "The columns simulating a policy reads for totals, or None (see population_from_arrow).");
}

} // namespace eldercare_py
