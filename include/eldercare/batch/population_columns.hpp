#pragma once
// A population held as columns (a structure of arrays), the input of the batch engine. One column
// per fact, in the layout Arrow/Parquet and numpy use:
//
//   column                     type         meaning
//   id                         string       offsets (uint32) into one character buffer
//   birth_day                  int32        day_number (Boost's Julian Day Number, day_number.hpp)
//   hukou_region               region_code  stored as hukou_key: uint16 into hukou_codes()
//   hukou_since                int32        day_number, no_day when unknown         (stored once a row
//   died_on                    int32        day_number, no_day while alive (or unknown)  gives one)
//   residence_region           region_code  stored with residence_rural as residence_key: uint16
//   residence_rural            uint8        0/1                           into residences()
//   ability_level              int8         GB/T 42195 level 0-4, -1 = no assessment on file
//   ability_scale              uint8        ability_scale enumerator           (these five: held for
//   ability_raw                int16        raw score, -1 = none                the assessed rows
//   ability_assessed_on        int32        day_number                          only, found by rank
//   ability_valid_until        int32        day_number, no_day = no end          in a row_subset)
//   ability_local_scale        uint16       index into local_scale_names(), 0 = none
//   categories                 uint16       category_set::bits()
//   disability_category        int8         disability_category enumerator, -1 = no certificate
//   disability_grade           int8         1 (一级) - 4, 0 = no certificate
//   disability_component_*     offsets (uint32, stored once a row has parts) + int8 category/grade:
//                                           the parts of a 多重 certificate
//   health                     uint8        health_status::bits(): bit i = the i-th health_condition
//   programme_offsets/_entries uint32       indices into programme_names()
//   household_id               string       offsets (uint32) into one character buffer, may be empty
//   stay_offsets               uint32       size() + 1 offsets into the stay columns
//   stay_facility              int32        index into facilities() (a facility_table)
//   stay_admitted              int32        day_number
//   stay_discharged            int32        day_number, no_day while the stay is ongoing
//   id_number                  string       offsets (uint32) into one character buffer, as issued; may
//                                           be empty
//   weight                     int64        survey weight in millionths, -1 = none given (weighs 1)
//
// Each column is as narrow as its values allow (benchmarks/RESULTS.md, "Memory", gives each width's
// reason and cost; memory_report() measures them). A value that does not fit is refused when it is
// appended, never truncated: more than 65,536 distinct hukou regions (or residences) in one
// population, a raw score above 32,767, more than 4 GiB of id text. Region codes are held once per
// distinct code, and the columns that many populations leave empty (hukou dates, deaths, household
// ids, ID numbers, weights, a 多重 certificate's parts) are stored only from the first row that
// gives one: until then every row reads as "none"; an assessment's details are held for the rows
// with an assessment only (column_view.hpp).
//
// Beside them, given(): which members of a rule subject the input had columns for (a population
// built from columns without a categories column has no categories given, and a policy that reads
// them is refused by batch/inputs.hpp rather than taking every row as holding none).
//
// Every append is validated, and an error names the column, the row and id, and the value
// (eldercare::invalid_value, e.g. "population.hukou_region[row 7, id 'p7'] = '999999': ...").
// Beside the columns the population keeps what the engine needs to run the rules' own code on rows:
// the stays as eldercare::stay objects in one arena (a row's stays are a span into it, so the
// continuous-stay leaf runs unchanged: the stay leaves read a span of stay, HasStays), and the
// dictionaries of the region codes present (hukou_codes(), residences()), which hold the regions
// (a leaf reading one region column is decided once per distinct code).

#include <algorithm>        // std::max / std::min over birth days, std::all_of over offsets
#include <array>            // the column names
#include <cstddef>          // std::size_t
#include <cstdint>          // column element types
#include <functional>       // std::less: where a string's text lies
#include <initializer_list> // the optional date columns of a batch, checked alike
#include <iterator>         // std::make_move_iterator (append_columns)
#include <limits>           // the narrowed columns' ranges
#include <map>              // facility and programme dictionaries, ordered for determinism
#include <optional>         // optional facts
#include <span>             // column views
#include <string>           // ids, messages
#include <string_view>      // ids in and out
#include <type_traits>      // element type names in the memory report
#include <unordered_map>    // region-code dictionaries
#include <unordered_set>    // the new residences of a batch, near the key limit
#include <utility>          // std::move
#include <vector>           // columns

#include "eldercare/batch/column_view.hpp"
#include "eldercare/batch/day_number.hpp"
#include "eldercare/batch/memory_report.hpp"
#include "eldercare/batch/row_view.hpp"
#include "eldercare/core/error.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/person/person.hpp"
#include "eldercare/rules/row_fields.hpp" // which members of a row are filled

namespace eldercare {

/// The facilities a population's stays refer to, by index (the stay_facility column).
class facility_table {
public:
  facility_table() = default;
  /// Every facility of a registry, in the registry's order (by id).
  explicit facility_table(const facility_registry& registry) {
    for (const auto& [id, f] : registry) add(id);
  }

  /// Adds an id and returns its index; an empty or repeated id is an error.
  std::int32_t add(std::string_view id) {
    if (id.empty())
      throw invalid_value(error_id::invalid_facility, "facility_table.id", "", "must not be empty");
    if (find(id) >= 0)
      throw invalid_value(error_id::invalid_facility, "facility_table.id", id, "duplicate facility id");
    const auto index = static_cast<std::int32_t>(ids_.size());
    ids_.emplace_back(id);
    index_.emplace(std::string(id), index);
    return index;
  }
  /// The index of `id`, adding it when it is new.
  std::int32_t find_or_add(std::string_view id) {
    const std::int32_t i = find(id);
    return i >= 0 ? i : add(id);
  }
  /// The index of `id`, or -1.
  [[nodiscard]] std::int32_t find(std::string_view id) const {
    const auto it = index_.find(id);
    return it == index_.end() ? -1 : it->second;
  }
  [[nodiscard]] const std::string& id(std::int32_t index) const {
    return ids_.at(static_cast<std::size_t>(index));
  }
  [[nodiscard]] std::size_t size() const noexcept { return ids_.size(); }
  [[nodiscard]] const std::vector<std::string>& ids() const noexcept { return ids_; }

private:
  std::vector<std::string> ids_;
  std::map<std::string, std::int32_t, std::less<>> index_;
};

/// One stay of a row_input.
struct stay_input {
  std::int32_t facility = -1; ///< index into the population's facility_table
  day_number admitted = no_day;
  day_number discharged = no_day; ///< no_day while ongoing
};

/// One part of a 多重 disability certificate in a row_input.
struct disability_component_input {
  std::int8_t category = -1; ///< disability_category enumerator (not multiple)
  std::int8_t grade = 0;     ///< 1-4
};

/// One row in column form (raw numbers, as they come from Parquet or numpy), for
/// population_columns::append. Defaults describe a row without the optional facts.
struct row_input {
  std::string_view id = {};
  day_number birth_day = no_day;
  std::uint32_t hukou_region = 0;
  day_number hukou_since = no_day;
  day_number died_on = no_day;
  std::uint32_t residence_region = 0;
  bool residence_rural = false;
  std::int8_t ability_level = -1;
  std::uint8_t ability_scale = 0;
  std::int32_t ability_raw = -1;
  day_number ability_assessed_on = no_day;
  day_number ability_valid_until = no_day;
  std::string_view ability_local_scale = {};
  std::uint32_t categories = 0;
  std::int8_t disability_category = -1;
  std::int8_t disability_grade = 0;
  std::span<const disability_component_input> disability_components = {};
  std::uint8_t health = 0;
  std::span<const std::string_view> programmes = {};
  std::string_view household_id = {};
  std::span<const stay_input> stays = {};
  std::string_view id_number = {}; ///< as issued (15 or 18 characters), empty: none; gives a no_day birth_day
  std::int64_t weight = -1;        ///< survey weight in millionths; -1: none given (weighs 1)
};

namespace detail {
/// The reason part of an invalid_value's message (after "field = 'value': ").
/// Runs `make`, re-throwing an invalid_value under the column's field name.
template <class F>
auto in_column(const std::string& field, F&& make) -> decltype(make()) {
  try {
    return make();
  } catch (const invalid_value& e) {
    throw e.renamed(field);
  }
}
inline constexpr std::uint8_t ability_scale_count = 6;

/// The name of a column's element type, for memory reports.
template <class T>
constexpr const char* element_name() noexcept {
  if constexpr (std::is_same_v<T, char>) return "char";
  else if constexpr (std::is_same_v<T, std::int8_t>)
    return "int8";
  else if constexpr (std::is_same_v<T, std::uint8_t>)
    return "uint8";
  else if constexpr (std::is_same_v<T, std::int16_t>)
    return "int16";
  else if constexpr (std::is_same_v<T, std::uint16_t>)
    return "uint16";
  else if constexpr (std::is_same_v<T, std::int32_t>)
    return "int32";
  else if constexpr (std::is_same_v<T, std::uint32_t>)
    return "uint32";
  else if constexpr (std::is_same_v<T, std::int64_t>)
    return "int64";
  else if constexpr (std::is_same_v<T, std::uint64_t>)
    return "uint64";
  else if constexpr (std::is_same_v<T, region_code>)
    return "region_code";
  else if constexpr (std::is_same_v<T, residence>)
    return "residence";
  else if constexpr (std::is_same_v<T, stay>)
    return "eldercare::stay";
  else if constexpr (std::is_same_v<T, std::string>)
    return "std::string";
  else
    static_assert(sizeof(T) == 0, "name this element type");
}
/// Heap bytes a string owns (none while its text fits in the object: the small-string buffer).
inline std::size_t heap_bytes(const std::string& s) noexcept {
  const auto* object = reinterpret_cast<const char*>(&s);
  const std::less<const char*> before; // a total order, also between unrelated pointers
  const bool inside = !before(s.data(), object) && before(s.data(), object + sizeof(std::string));
  return inside ? 0 : s.capacity() + 1;
}
inline constexpr std::int8_t disability_category_count = 7;

/// A region column's key (hukou_key, residence_key): an index into the population's dictionary.
using region_key = std::uint16_t;
/// The most distinct regions (or residences) a population's dictionary holds: every key value.
inline constexpr std::size_t max_region_keys = std::size_t{std::numeric_limits<region_key>::max()} + 1;
/// Why a population refuses one more distinct hukou region, or residence (row and batch paths alike).
inline std::string too_many_hukou_regions() {
  return "a population holds at most " + std::to_string(max_region_keys) +
         " distinct hukou regions (its hukou_key column is 16-bit): split the population";
}
inline std::string too_many_residences() {
  return "a population holds at most " + std::to_string(max_region_keys) +
         " distinct residences (region and rural flag; its residence_key column is 16-bit): split the "
         "population";
}
/// Offsets into a text column's characters (id, household_id, id_number), as in Arrow's string.
using text_offset = std::uint32_t;
/// The most characters a text column holds.
inline constexpr std::size_t max_text_chars = std::numeric_limits<text_offset>::max();
/// A raw score as stored (ability_raw).
using raw_score = std::int16_t;
static_assert(category_count <= 16, "the categories column is 16-bit: widen it for more categories");

/// Throws invalid_value naming `field` and `text` when appending `text` to a text column holding
/// `held` characters would pass max_text_chars (the column's offsets are 32-bit).
/// `field()` names the column's cell (called only for the error).
template <class Field>
void check_text_room(std::size_t held, std::string_view text, Field&& field) {
  if (text.size() > max_text_chars - std::min(held, max_text_chars))
    throw invalid_value(error_id::invalid_parameter, field(), text,
                        "the population's text in this column would pass " + std::to_string(max_text_chars) +
                            " characters, more than its 32-bit offsets reach (split the population)");
}

/// A residence's region and rural flag, as read from the residences() dictionary.
struct residence_region_of {
  const region_code& operator()(const residence& r) const noexcept { return r.region; }
};
struct residence_rural_of {
  std::uint8_t operator()(const residence& r) const noexcept { return r.rural ? 1 : 0; }
};

/// A set of small numbers (day numbers from a base, category bit sets), a bit each.
class presence_bits {
public:
  void resize(std::size_t n) { words_.assign((n + 63) / 64, 0); }
  [[nodiscard]] bool empty() const noexcept { return words_.empty(); }
  void set(std::size_t i) noexcept { words_[i / 64] |= std::uint64_t{1} << (i % 64); }
  [[nodiscard]] bool test(std::size_t i) const noexcept {
    return i / 64 < words_.size() && ((words_[i / 64] >> (i % 64)) & 1U) != 0;
  }
  [[nodiscard]] const std::vector<std::uint64_t>& words() const noexcept { return words_; }

private:
  std::vector<std::uint64_t> words_;
};
} // namespace detail

class population_columns {
public:
  /// The columns, as the header comment lists them (the schema states which holds each fact:
  /// schema::field_info::stored_as).
  static constexpr std::array<std::string_view, 29> column_names{"id",
                                                                 "birth_day",
                                                                 "hukou_region",
                                                                 "hukou_since",
                                                                 "residence_region",
                                                                 "residence_rural",
                                                                 "ability_level",
                                                                 "ability_scale",
                                                                 "ability_raw",
                                                                 "ability_assessed_on",
                                                                 "ability_valid_until",
                                                                 "ability_local_scale",
                                                                 "categories",
                                                                 "disability_category",
                                                                 "disability_grade",
                                                                 "disability_component_offsets",
                                                                 "disability_component_category",
                                                                 "disability_component_grade",
                                                                 "health",
                                                                 "programme_offsets",
                                                                 "programme_entries",
                                                                 "household_id",
                                                                 "stay_offsets",
                                                                 "stay_facility",
                                                                 "stay_admitted",
                                                                 "stay_discharged",
                                                                 "died_on",
                                                                 "id_number",
                                                                 "weight"};

  population_columns() { offsets_start(); }
  /// An empty population whose stays refer to `facilities`.
  explicit population_columns(facility_table facilities) : facilities_(std::move(facilities)) {
    offsets_start();
  }

  /// The columns of `persons`, each validated with validate(person, facilities); the facility table
  /// is the registry's (or, without one, the ids the stays name, in order of appearance).
  [[nodiscard]] static population_columns from_persons(std::span<const person> persons,
                                                       const facility_registry* facilities = nullptr) {
    population_columns pop =
        facilities ? population_columns(facility_table(*facilities)) : population_columns();
    pop.reserve(persons.size());
    // Ids are unique, as in every other input form (a household policy would merge two persons).
    std::unordered_map<std::string_view, std::size_t> rows;
    rows.reserve(persons.size());
    for (std::size_t i = 0; i < persons.size(); ++i) {
      const auto [it, added] = rows.try_emplace(persons[i].id, i);
      if (!added)
        throw invalid_value(error_id::invalid_person, row_field("id", i, persons[i].id), persons[i].id,
                            "duplicate id (also row " + std::to_string(it->second) + ")");
      pop.append(persons[i], facilities);
    }
    return pop;
  }

  /// The most rows, and the most stays, a population holds: its offsets into the stay, component
  /// and programme columns are 32-bit.
  static constexpr std::size_t max_size = 4294967294U;

  /// Reserves room for `rows` rows and `stays` stays (at most max_size each: invalid_value).
  void reserve(std::size_t rows, std::size_t stays = 0) {
    if (rows > max_size || stays > max_size)
      throw invalid_value(error_id::invalid_parameter, "population.rows", std::max(rows, stays),
                          "a population holds at most " + std::to_string(max_size) + " rows and stays");
    id_offsets_.reserve(rows + 1);
    birth_.reserve(rows);
    hukou_key_.reserve(rows);
    residence_key_.reserve(rows);
    ability_level_.reserve(rows);
    assessed_.reserve(rows); // the assessment's details are held for the assessed rows only
    categories_.reserve(rows);
    disability_category_.reserve(rows);
    disability_grade_.reserve(rows);
    health_.reserve(rows);
    programme_offsets_.reserve(rows + 1);
    stay_offsets_.reserve(rows + 1);
    stay_facility_.reserve(stays);
    stay_admitted_.reserve(stays);
    stay_discharged_.reserve(stays);
    stay_arena_.reserve(stays);
    // hukou_since, died_on, household_id, id_number, weight and the certificate parts are stored
    // from the first row that gives one (then reserved for `rows`, see store()).
    reserved_rows_ = rows;
  }

  /// How errors name a cell: "population.hukou_region[row 7, id 'p7']" (`extra` inside the brackets).
  [[nodiscard]] static std::string row_field(std::string_view column, std::size_t row, std::string_view id,
                                             std::string_view extra = {}) {
    return "population." + std::string(column) + "[row " + std::to_string(row) + ", id '" + std::string(id) +
           "'" + std::string(extra) + "]";
  }

  /// Appends a row given as raw column values, after checking every value (see the header comment).
  /// On an error nothing is appended.
  void append(row_input r) {
    const std::size_t row = size();
    auto at = [&](std::string_view column, const std::string& extra = {}) {
      return row_field(column, row, r.id, extra);
    };
    // Field names are built only for an error (this runs for every row of large populations).
    auto day = [&](day_number n, std::string_view column, const std::string& extra = {}) {
      if (n < first_day_number() || n > last_day_number()) (void)checked_day(n, at(column, extra));
      return from_day_number(n);
    };
    auto region = [&](std::uint32_t code, std::string_view column) {
      try {
        return region_code::from_number(code);
      } catch (const invalid_value& e) {
        throw e.renamed(at(column));
      }
    };
    if (r.id.empty()) throw invalid_value(error_id::invalid_person, at("id"), "", "must not be empty");
    // The ID number, which gives the birth date when the row has none (and must agree with one),
    // checked as id_number::parse checks it, but neither the number nor a field name is built unless
    // something is wrong.
    const bool has_id_number = !r.id_number.empty();
    day_number id_birth = no_day;
    if (has_id_number) {
      const std::optional<date> d = eldercare::id_number::valid_birth_date(r.id_number);
      if (!d) (void)eldercare::id_number::parse(r.id_number, at("id_number")); // its error, naming the cell
      id_birth = to_day_number(*d);
    }
    if (r.birth_day == no_day) r.birth_day = id_birth;
    const date birth = day(r.birth_day, "birth_day");
    if (has_id_number && r.birth_day != id_birth) // birth_date_of's error: the two disagree
      (void)birth_date_of(birth, eldercare::id_number::parse(r.id_number), at("birth_day"), at("id_number"));
    if (r.weight != -1) (void)survey_weight::from_micros(r.weight, at("weight"));
    const region_code hukou = region(r.hukou_region, "hukou_region");
    const region_code residence = region(r.residence_region, "residence_region");
    auto not_before_birth = [&](day_number d, std::string_view column, const std::string& extra = {}) {
      const date when = day(d, column, extra);
      if (when < birth)
        throw invalid_value(error_id::invalid_person, at(column, extra), d,
                            to_iso(when) + " is before the birth date " + to_iso(birth));
    };
    if (r.hukou_since != no_day) not_before_birth(r.hukou_since, "hukou_since");
    if (r.died_on != no_day) not_before_birth(r.died_on, "died_on");
    check_ability(r, at, day, not_before_birth);
    if (r.categories >= (1U << category_count))
      throw invalid_value(error_id::invalid_category, at("categories"), r.categories,
                          "has bits beyond the " + std::to_string(category_count) +
                              " categories (category_set::bits())");
    check_disability(r, at);
    if (r.health >= (1U << health_condition_count))
      throw invalid_value(error_id::invalid_person, at("health"), r.health,
                          "has bits beyond the " + std::to_string(health_condition_count) +
                              " health conditions (" + known_words<health_condition>() + ")");
    for (std::size_t k = 0; k < r.programmes.size(); ++k)
      if (r.programmes[k].empty())
        throw invalid_value(error_id::invalid_person, at("programmes", ", entry " + std::to_string(k)), "",
                            "a programme id must not be empty");
    std::vector<stay> stays;
    stays.reserve(r.stays.size());
    for (std::size_t k = 0; k < r.stays.size(); ++k) {
      const stay_input& s = r.stays[k];
      const std::string which = k == 0 ? ", stay 0" : ", stay " + std::to_string(k);
      if (s.facility < 0 || static_cast<std::size_t>(s.facility) >= facilities_.size())
        throw invalid_value(error_id::invalid_stay, at("stay_facility", which), s.facility,
                            "is not an index into the population's facility table (" +
                                std::to_string(facilities_.size()) + " facilities)");
      not_before_birth(s.admitted, "stay_admitted", which);
      std::optional<date> discharged;
      if (s.discharged != no_day) {
        discharged = day(s.discharged, "stay_discharged", which);
        if (s.discharged < s.admitted)
          throw invalid_value(error_id::invalid_stay, at("stay_discharged", which), s.discharged,
                              to_iso(*discharged) + " is before the admission " +
                                  to_iso(from_day_number(s.admitted)));
      }
      stays.emplace_back(facilities_.id(s.facility), from_day_number(s.admitted), discharged);
      if (const auto j = detail::overlapping_earlier_stay(stays, k))
        throw invalid_value(error_id::invalid_stay, at("stay_admitted", which), s.admitted,
                            "the stay from " + to_iso(stays[k].admitted()) + " overlaps stay " +
                                std::to_string(*j) + " (" + stays[*j].facility_id() + " from " +
                                to_iso(stays[*j].admitted()) + ")");
    }
    if (size() >= max_size || stay_facility_.size() + r.stays.size() > max_size)
      throw invalid_value(error_id::invalid_parameter, at("id"), size(),
                          "a population holds at most " + std::to_string(max_size) + " rows and stays");
    // The narrowed columns: a value that does not fit is refused, never truncated.
    if (hukou_codes_.size() >= detail::max_region_keys && !hukou_index_.contains(hukou.value()))
      throw invalid_value(error_id::invalid_region, at("hukou_region"), r.hukou_region,
                          detail::too_many_hukou_regions());
    if (residences_.size() >= detail::max_region_keys &&
        !residence_index_.contains(residence_index_key(residence, r.residence_rural)))
      throw invalid_value(error_id::invalid_region, at("residence_region"), r.residence_region,
                          detail::too_many_residences());
    detail::check_text_room(id_chars_.size(), r.id, [&] { return at("id"); });
    detail::check_text_room(household_chars_.size(), r.household_id, [&] { return at("household_id"); });
    detail::check_text_room(id_number_chars_.size(), r.id_number, [&] { return at("id_number"); });
    // Checked: now store (the dictionaries only grow; a failure below is out of memory).
    const std::size_t rows_before = size();
    try {
      store(r, hukou, residence, std::move(stays));
    } catch (...) {
      truncate(rows_before);
      throw;
    }
  }

  /// Appends a person, validated with validate(p, facilities) (errors name persons[id].field). A stay
  /// in a facility the table lacks adds it to the table.
  void append(const person& p, const facility_registry* facilities = nullptr) {
    validate(p, facilities);
    std::vector<std::string_view> programmes(p.programmes.begin(), p.programmes.end());
    std::vector<stay_input> stays;
    for (const stay& s : p.stays)
      stays.push_back({facilities_.find_or_add(s.facility_id()), to_day_number(s.admitted()),
                       to_day_number(s.discharged())});
    std::vector<disability_component_input> components;
    row_input r;
    r.id = p.id;
    r.birth_day = to_day_number(p.birth_date);
    r.hukou_region = p.hukou.region.value();
    r.hukou_since = to_day_number(p.hukou.since);
    r.died_on = to_day_number(p.died_on);
    r.residence_region = p.residence.region.value();
    r.residence_rural = p.residence.rural;
    if (p.ability) {
      const assessment& a = *p.ability;
      r.ability_level = static_cast<std::int8_t>(a.level().value());
      r.ability_scale = static_cast<std::uint8_t>(a.scale());
      r.ability_raw = a.raw_score() ? *a.raw_score() : -1;
      r.ability_assessed_on = to_day_number(a.assessed_on());
      r.ability_valid_until = to_day_number(a.valid_until());
      r.ability_local_scale = a.local_scale_id();
    }
    r.categories = p.categories.bits();
    if (p.disability) {
      r.disability_category = static_cast<std::int8_t>(p.disability->category());
      r.disability_grade = static_cast<std::int8_t>(p.disability->grade().value());
      for (const auto& e : p.disability->components())
        components.push_back(
            {static_cast<std::int8_t>(e.category), static_cast<std::int8_t>(e.grade.value())});
      r.disability_components = components;
    }
    r.health = static_cast<std::uint8_t>(p.health.bits());
    r.programmes = programmes;
    r.household_id = p.household_id;
    r.stays = stays;
    if (p.id_number) r.id_number = p.id_number->as_issued();
    if (p.weight) r.weight = p.weight->micros();
    append(r);
  }

  [[nodiscard]] std::size_t size() const noexcept { return birth_.size(); }
  [[nodiscard]] bool empty() const noexcept { return birth_.empty(); }
  [[nodiscard]] std::size_t stay_count() const noexcept { return stay_facility_.size(); }

  // Columns (see the header comment). Offsets columns have size() + 1 entries.
  [[nodiscard]] std::string_view id(std::size_t i) const {
    return std::string_view(id_chars_).substr(id_offsets_[i], id_offsets_[i + 1] - id_offsets_[i]);
  }
  [[nodiscard]] std::string_view id_number(std::size_t i) const {
    if (id_number_offsets_.empty()) return {};
    return std::string_view(id_number_chars_)
        .substr(id_number_offsets_[i], id_number_offsets_[i + 1] - id_number_offsets_[i]);
  }
  /// Survey weights in millionths, -1 where none was given (such a row weighs 1). Stored from the
  /// first row that gives one: an unweighted population holds no weight column.
  [[nodiscard]] defaulted_column<std::int64_t> weight_micros() const noexcept {
    return {weight_, size(), std::int64_t{-1}};
  }
  /// Row i's weight (1 where none was given).
  [[nodiscard]] survey_weight weight_of(std::size_t i) const {
    const std::int64_t w = weight_micros()[i];
    return w < 0 ? survey_weight() : survey_weight::from_micros(w);
  }
  /// Whether some row gave a weight: the population is survey microdata, and totals are weighted too.
  [[nodiscard]] bool weighted() const noexcept { return weighted_; }
  /// The members of a rule subject that the input gave columns for (all, unless the population was
  /// built from columns that lacked some; see the header comment).
  [[nodiscard]] row_fields given() const noexcept { return given_; }
  /// States which members the input gave (a reader of columns calls it; persons give all).
  void set_given(row_fields given) noexcept { given_ = given; }
  [[nodiscard]] std::string_view household_id(std::size_t i) const {
    if (household_offsets_.empty()) return {};
    return std::string_view(household_chars_)
        .substr(household_offsets_[i], household_offsets_[i + 1] - household_offsets_[i]);
  }
  [[nodiscard]] std::span<const day_number> birth_day() const noexcept { return birth_; }
  /// Row i's hukou region (stored as hukou_key() into hukou_codes()).
  [[nodiscard]] keyed_column<detail::region_key, region_code> hukou_region() const noexcept {
    return {hukou_key_, hukou_codes_};
  }
  /// Day numbers, no_day where unknown (stored from the first row that gives one).
  [[nodiscard]] defaulted_column<day_number> hukou_since() const noexcept {
    return {hukou_since_, size(), no_day};
  }
  /// Day numbers, no_day while alive (stored from the first row that gives one).
  [[nodiscard]] defaulted_column<day_number> died_on() const noexcept { return {died_on_, size(), no_day}; }
  /// Row i's residence region and rural flag (0/1), stored as residence_key() into residences().
  [[nodiscard]] keyed_column<detail::region_key, residence, detail::residence_region_of>
  residence_region() const noexcept {
    return {residence_key_, residences_};
  }
  [[nodiscard]] keyed_column<detail::region_key, residence, detail::residence_rural_of>
  residence_rural() const noexcept {
    return {residence_key_, residences_};
  }
  [[nodiscard]] std::span<const std::int8_t> ability_level() const noexcept { return ability_level_; }
  // The assessment's details, held for the rows with an assessment (ability_level() >= 0) only;
  // a row without reads as row_input's defaults (0, -1, no_day, no_day, 0).
  [[nodiscard]] subset_column<std::uint8_t> ability_scale() const noexcept {
    return {assessed_, ability_scale_, std::uint8_t{0}};
  }
  [[nodiscard]] subset_column<detail::raw_score> ability_raw() const noexcept {
    return {assessed_, ability_raw_, detail::raw_score{-1}};
  }
  [[nodiscard]] subset_column<day_number> ability_assessed_on() const noexcept {
    return {assessed_, ability_assessed_on_, no_day};
  }
  [[nodiscard]] subset_column<day_number> ability_valid_until() const noexcept {
    return {assessed_, ability_valid_until_, no_day};
  }
  [[nodiscard]] subset_column<std::uint16_t> ability_local_scale() const noexcept {
    return {assessed_, ability_local_scale_, std::uint16_t{0}};
  }
  [[nodiscard]] const std::vector<std::string>& local_scale_names() const noexcept { return local_scales_; }
  [[nodiscard]] std::span<const std::uint16_t> categories() const noexcept { return categories_; }
  [[nodiscard]] std::span<const std::int8_t> disability_category() const noexcept {
    return disability_category_;
  }
  [[nodiscard]] std::span<const std::int8_t> disability_grade() const noexcept { return disability_grade_; }
  /// size() + 1 offsets into the component columns (stored from the first row with parts; all 0 before).
  [[nodiscard]] defaulted_column<std::uint32_t> disability_component_offsets() const noexcept {
    return {component_offsets_, size() + 1, std::uint32_t{0}};
  }
  [[nodiscard]] std::span<const std::int8_t> disability_component_category() const noexcept {
    return component_category_;
  }
  [[nodiscard]] std::span<const std::int8_t> disability_component_grade() const noexcept {
    return component_grade_;
  }
  [[nodiscard]] std::span<const std::uint8_t> health() const noexcept { return health_; }
  [[nodiscard]] std::span<const std::uint32_t> programme_offsets() const noexcept {
    return programme_offsets_;
  }
  [[nodiscard]] std::span<const std::uint32_t> programme_entries() const noexcept {
    return programme_entries_;
  }
  [[nodiscard]] const std::vector<std::string>& programme_names() const noexcept { return programme_names_; }
  [[nodiscard]] std::span<const std::uint32_t> stay_offsets() const noexcept { return stay_offsets_; }
  [[nodiscard]] std::span<const std::int32_t> stay_facility() const noexcept { return stay_facility_; }
  [[nodiscard]] std::span<const day_number> stay_admitted() const noexcept { return stay_admitted_; }
  [[nodiscard]] std::span<const day_number> stay_discharged() const noexcept { return stay_discharged_; }
  [[nodiscard]] const facility_table& facilities() const noexcept { return facilities_; }

  // What the batch engine reads beside the columns.
  /// The stays as eldercare::stay objects, in stay-column order (a row's stays are
  /// stays()[stay_offsets()[i], stay_offsets()[i + 1])).
  [[nodiscard]] std::span<const stay> stays() const noexcept { return stay_arena_; }
  /// The stays of row i.
  [[nodiscard]] std::span<const stay> stays_of(std::size_t i) const noexcept {
    return std::span<const stay>(stay_arena_)
        .subspan(stay_offsets_[i], stay_offsets_[i + 1] - stay_offsets_[i]);
  }
  /// Row i's hukou region as an index into hukou_codes() (a dictionary of the codes present).
  [[nodiscard]] std::span<const detail::region_key> hukou_key() const noexcept { return hukou_key_; }
  [[nodiscard]] const std::vector<region_code>& hukou_codes() const noexcept { return hukou_codes_; }
  /// Row i's residence (region and rural flag) as an index into residences().
  [[nodiscard]] std::span<const detail::region_key> residence_key() const noexcept { return residence_key_; }
  [[nodiscard]] const std::vector<residence>& residences() const noexcept { return residences_; }
  /// The range of birth days present, and whether a day is present (day - first_day_number()).
  [[nodiscard]] day_number birth_min() const noexcept { return birth_min_; }
  [[nodiscard]] day_number birth_max() const noexcept { return birth_max_; }
  [[nodiscard]] bool birth_present(day_number d) const noexcept {
    return d >= first_day_number() && d <= last_day_number() &&
           birth_seen_.test(static_cast<std::size_t>(d - first_day_number()));
  }
  /// Whether some row holds exactly these category bits.
  [[nodiscard]] bool categories_present(std::uint32_t bits) const noexcept {
    return category_seen_.test(bits);
  }

  /// What the population costs in memory, column by column, and what it keeps beside its columns
  /// (see batch/memory_report.hpp; benchmarks/RESULTS.md, "Memory", says why each width).
  [[nodiscard]] population_memory memory_report() const {
    population_memory m;
    m.rows = size();
    auto add = [&m](std::string name, const auto& container, bool ids = false, std::size_t heap = 0) {
      using T = typename std::remove_cvref_t<decltype(container)>::value_type;
      m.columns.push_back({std::move(name), detail::element_name<T>(), sizeof(T), container.size(),
                           container.size() * sizeof(T) + heap, container.capacity() * sizeof(T) + heap,
                           ids});
    };
    auto strings_heap = [](const auto& strings) {
      std::size_t heap = 0;
      for (const std::string& s : strings) heap += detail::heap_bytes(s);
      return heap;
    };
    // An estimate of a hash map's nodes and buckets (libstdc++: a node holds the next pointer, the
    // value and, for these integer keys, no cached hash).
    auto add_index = [&m](std::string name, const auto& index) {
      using M = std::remove_cvref_t<decltype(index)>;
      constexpr std::size_t node = sizeof(void*) + sizeof(typename M::value_type);
      const std::size_t bytes = index.size() * node + index.bucket_count() * sizeof(void*);
      m.columns.push_back(
          {std::move(name), "hash map node (estimate)", node, index.size(), bytes, bytes, false});
    };
    add("id_offsets", id_offsets_, true);
    add("id_chars", id_chars_, true);
    add("birth_day", birth_);
    add("hukou_key", hukou_key_);
    add("hukou_since", hukou_since_);
    add("died_on", died_on_);
    add("residence_key", residence_key_);
    add("ability_level", ability_level_);
    add("ability_scale", ability_scale_);
    add("ability_raw", ability_raw_);
    add("ability_assessed_on", ability_assessed_on_);
    add("ability_valid_until", ability_valid_until_);
    add("ability_local_scale", ability_local_scale_);
    add("ability_assessed_rows", assessed_.words());
    add("ability_assessed_counts", assessed_.counts());
    add("categories", categories_);
    add("disability_category", disability_category_);
    add("disability_grade", disability_grade_);
    add("disability_component_offsets", component_offsets_);
    add("disability_component_category", component_category_);
    add("disability_component_grade", component_grade_);
    add("health", health_);
    add("programme_offsets", programme_offsets_);
    add("programme_entries", programme_entries_);
    add("household_offsets", household_offsets_, true);
    add("household_chars", household_chars_, true);
    add("stay_offsets", stay_offsets_);
    add("stay_facility", stay_facility_);
    add("stay_admitted", stay_admitted_);
    add("stay_discharged", stay_discharged_);
    std::size_t stay_heap = 0;
    for (const stay& s : stay_arena_) stay_heap += detail::heap_bytes(s.facility_id());
    add("stay_objects", stay_arena_, false, stay_heap);
    add("id_number_offsets", id_number_offsets_, true);
    add("id_number_chars", id_number_chars_, true);
    add("weight", weight_);
    // Beside the columns: dictionaries and tables of the values present (per population, not per row).
    add("hukou_codes", hukou_codes_);
    add_index("hukou_index", hukou_index_);
    add("residences", residences_);
    add_index("residence_index", residence_index_);
    add("birth_seen", birth_seen_.words());
    add("category_seen", category_seen_.words());
    add("local_scale_names", local_scales_, false, strings_heap(local_scales_));
    add("programme_names", programme_names_, false, strings_heap(programme_names_));
    add("facility_ids", facilities_.ids(), false, strings_heap(facilities_.ids()));
    return m;
  }

  /// Fills the members `fields` of a row view with row i (the others are left as they are).
  void fill(population_row& r, std::size_t i, row_fields fields) const {
    if (has(fields, row_fields::id)) r.id = id(i);
    if (has(fields, row_fields::birth_date)) r.birth_date = from_day_number(birth_[i]);
    if (has(fields, row_fields::hukou)) {
      r.hukou.region = hukou_codes_[hukou_key_[i]];
      r.hukou.since = optional_day(hukou_since()[i]);
    }
    if (has(fields, row_fields::residence | row_fields::rural)) r.residence = residences_[residence_key_[i]];
    if (has(fields, row_fields::ability)) r.ability = ability_of(i);
    if (has(fields, row_fields::disability)) r.disability = disability_of(i);
    if (has(fields, row_fields::categories)) r.categories = category_set::from_bits(categories_[i]);
    if (has(fields, row_fields::health)) r.health = health_of(i);
    if (has(fields, row_fields::stays)) r.stays = stays_of(i);
    if (has(fields, row_fields::household)) r.household_id = household_id(i);
    if (has(fields, row_fields::programmes)) r.programmes = programmes_of(i);
    if (has(fields, row_fields::death)) r.died_on = optional_day(died_on()[i]);
  }

  /// Row i as a rule subject (every member filled).
  [[nodiscard]] population_row row(std::size_t i) const {
    population_row r{.hukou = {hukou_codes_[hukou_key_.at(i)], std::nullopt},
                     .residence = residences_[residence_key_[i]]};
    fill(r, i, row_fields::all);
    return r;
  }

  /// Row i as a person (the inverse of append(person)).
  [[nodiscard]] person to_person(std::size_t i) const {
    person p{.id = {},
             .birth_date = {},
             .hukou = {hukou_codes_[hukou_key_.at(i)], std::nullopt},
             .residence = residences_[residence_key_[i]]};
    to_person(i, p);
    return p;
  }
  /// Row i into an existing person, reusing its strings' and vectors' storage (assigns every member).
  void to_person(std::size_t i, person& p) const {
    p.id.assign(id(i));
    p.birth_date = from_day_number(birth_[i]);
    p.hukou.region = hukou_codes_[hukou_key_[i]];
    p.hukou.since = optional_day(hukou_since()[i]);
    p.residence = residences_[residence_key_[i]];
    p.ability = ability_of(i);
    p.disability = disability_of(i);
    p.categories = category_set::from_bits(categories_[i]);
    p.health = health_of(i);
    p.stays.assign(stays_of(i).begin(), stays_of(i).end());
    p.household_id.assign(household_id(i));
    p.died_on = optional_day(died_on()[i]);
    const programme_list ps = programmes_of(i);
    p.programmes.resize(ps.size());
    std::size_t k = 0;
    for (const std::string& name : ps) p.programmes[k++].assign(name);
    const std::string_view number = id_number(i);
    if (number.empty()) p.id_number.reset();
    else if (!p.id_number || p.id_number->as_issued() != number)
      p.id_number = eldercare::id_number::parse(number);
    if (const std::int64_t w = weight_micros()[i]; w < 0) p.weight.reset();
    else
      p.weight = survey_weight::from_micros(w);
  }

  [[nodiscard]] std::optional<assessment> ability_of(std::size_t i) const {
    if (ability_level_[i] < 0) return std::nullopt;
    const std::size_t k = assessed_.rank(i); // row i's entry in the assessment's columns
    return assessment(static_cast<eldercare::ability_scale>(ability_scale_[k]),
                      eldercare::ability_level(ability_level_[i]), from_day_number(ability_assessed_on_[k]),
                      optional_day(ability_valid_until_[k]),
                      ability_raw_[k] < 0 ? std::nullopt : std::optional<int>(ability_raw_[k]),
                      local_scales_[ability_local_scale_[k]]);
  }
  [[nodiscard]] std::optional<disability_certificate> disability_of(std::size_t i) const {
    if (disability_category_[i] < 0) return std::nullopt;
    std::vector<disability_entry> parts;
    const auto offsets = disability_component_offsets();
    for (std::uint32_t k = offsets[i]; k < offsets[i + 1]; ++k)
      parts.push_back({static_cast<eldercare::disability_category>(component_category_[k]),
                       eldercare::disability_grade(component_grade_[k])});
    return disability_certificate(static_cast<eldercare::disability_category>(disability_category_[i]),
                                  eldercare::disability_grade(disability_grade_[i]), std::move(parts));
  }
  [[nodiscard]] health_status health_of(std::size_t i) const noexcept {
    return health_status::from_bits(health_[i]);
  }
  [[nodiscard]] programme_list programmes_of(std::size_t i) const noexcept {
    return {std::span<const std::uint32_t>(programme_entries_)
                .subspan(programme_offsets_[i], programme_offsets_[i + 1] - programme_offsets_[i]),
            &programme_names_};
  }

  // --- Whole columns at once (a Parquet batch's, for totals) ------------------------------------
  /// The columns of a batch of rows that append_columns takes whole: only the facts of a person that
  /// a policy reads for totals (births, hukou, residence, death, stays, weights), already in the
  /// columns' own encodings. An empty span is a column not given: its rows take row_input's defaults,
  /// and the residence then the hukou's region (a stand-in no reader of the batch may see: given()
  /// says which columns were given).
  struct column_batch {
    std::size_t rows = 0;
    std::span<const day_number> birth_day;       ///< required
    std::span<const std::uint32_t> hukou_region; ///< required
    std::span<const day_number> hukou_since;     ///< no_day: unknown
    std::span<const day_number> died_on;         ///< no_day: alive (or unknown)
    std::span<const std::uint32_t> residence_region;
    std::span<const std::uint8_t> residence_rural; ///< 0/1
    std::span<const std::int64_t> weight;          ///< millionths, -1: none given
    std::span<const std::uint32_t> stay_offsets;   ///< rows + 1 offsets into the three stay columns
    std::span<const std::int32_t> stay_facility;   ///< index into facilities()
    std::span<const day_number> stay_admitted;
    std::span<const day_number> stay_discharged; ///< no_day: ongoing
  };

  /// Removes every row and takes `facilities` as the stays' table, keeping the columns' memory: a
  /// reader of batches refills the same population, and pays for fresh pages only once.
  void clear(facility_table facilities) {
    facilities_ = std::move(facilities);
    auto empty = [](auto&... column) { (column.clear(), ...); };
    empty(id_chars_, id_offsets_, birth_, hukou_since_, died_on_, ability_level_, ability_scale_,
          ability_raw_, ability_assessed_on_, ability_valid_until_, ability_local_scale_, local_scales_,
          categories_, disability_category_, disability_grade_, component_offsets_, component_category_,
          component_grade_, health_, programme_offsets_, programme_entries_, programme_names_,
          programme_index_, household_chars_, household_offsets_, stay_offsets_, stay_facility_,
          stay_admitted_, stay_discharged_, stay_arena_, hukou_key_, hukou_codes_, hukou_index_,
          residence_key_, residences_, residence_index_, id_number_chars_, id_number_offsets_, weight_);
    assessed_.truncate(0);
    birth_seen_ = detail::presence_bits{};
    category_seen_ = detail::presence_bits{};
    birth_min_ = birth_max_ = no_day;
    weighted_ = false;
    given_ = row_fields::all;
    offsets_start();
  }

  /// The distinct region codes of a column_batch, each checked once (region_code::from_number) and
  /// found again through a direct-mapped cache: a row costs a multiplication and a comparison.
  class batch_codes {
  public:
    std::vector<region_code> codes; ///< in order of first appearance

    /// The index of `code` in codes (added, when valid, on first sight; invalid_value otherwise).
    std::uint32_t index(std::uint32_t code) {
      const std::size_t h =
          static_cast<std::size_t>((code * std::uint64_t{0x9E3779B1}) & 0xFFFFFFFFU) >> (32 - slot_bits);
      if (slot_code_[h] == code) return slot_index_[h];
      const auto [it, added] = index_.try_emplace(code, static_cast<std::uint32_t>(codes.size()));
      if (added) {
        try {
          codes.push_back(region_code::from_number(code));
        } catch (...) {
          index_.erase(it);
          throw;
        }
      }
      slot_code_[h] = code; // 0 is no code: never a valid one
      slot_index_[h] = it->second;
      return it->second;
    }

  private:
    static constexpr int slot_bits = 10;
    std::array<std::uint32_t, std::size_t{1} << slot_bits> slot_code_{};
    std::array<std::uint32_t, std::size_t{1} << slot_bits> slot_index_{};
    std::unordered_map<std::uint32_t, std::uint32_t> index_;
  };

  /// Whether no value of `c` but its regions' and its stays' can be refused (births, hukou_since and
  /// died_on in the supported years and not before the birth, weights in range, stay offsets
  /// growing up to `stays`): loops that accumulate a flag, which the compiler vectorises.
  [[nodiscard]] static bool plain_columns(const column_batch& c, std::size_t stays) noexcept {
    // Bitwise & and |, not && and ||: no branch per row.
    const std::size_t n = c.rows;
    const day_number lo = first_day_number(), hi = last_day_number();
    const day_number* birth = c.birth_day.data();
    unsigned ok = 1;
    for (std::size_t i = 0; i < n; ++i) ok &= unsigned{birth[i] >= lo} & unsigned{birth[i] <= hi};
    for (const std::span<const day_number> column : {c.hukou_since, c.died_on}) {
      if (column.empty()) continue;
      const day_number* d = column.data();
      for (std::size_t i = 0; i < n; ++i)
        ok &= unsigned{d[i] == no_day} | (unsigned{d[i] <= hi} & unsigned{d[i] >= birth[i]});
    }
    if (!c.weight.empty()) {
      const std::int64_t* w = c.weight.data();
      for (std::size_t i = 0; i < n; ++i)
        ok &= unsigned{w[i] == -1} | (unsigned{w[i] >= 0} & unsigned{w[i] <= survey_weight::max_micros});
    }
    if (!c.stay_offsets.empty()) {
      const std::uint32_t* o = c.stay_offsets.data();
      for (std::size_t i = 0; i < n; ++i) ok &= unsigned{o[i + 1] >= o[i]} & unsigned{o[i + 1] <= stays};
    }
    return ok != 0;
  }

  /// Each row's hukou (and residence) as an index into codes.codes, found once per run of equal
  /// codes; false when a code is refused (append_columns then checks row by row, for its error).
  [[nodiscard]] static bool regions_found(const column_batch& c, batch_codes& codes,
                                          std::vector<std::uint32_t>& hukou_at,
                                          std::vector<std::uint32_t>& lives_at) {
    auto found = [&](std::span<const std::uint32_t> region, std::vector<std::uint32_t>& out) {
      std::uint32_t last = 0, index = 0; // 0 is no code: never a valid one
      for (std::size_t i = 0; i < region.size(); ++i) {
        if (region[i] != last || i == 0) {
          index = codes.index(region[i]);
          last = region[i];
        }
        out[i] = index;
      }
    };
    try {
      found(c.hukou_region, hukou_at);
      if (!c.residence_region.empty()) found(c.residence_region, lives_at);
    } catch (const invalid_value&) {
      return false;
    }
    return true;
  }

  /// Appends the rows of `c` without ids (every id empty: for totals, which name no person),
  /// checking each value given as append(row_input) checks it. On the first value refused it throws
  /// invalid_value naming the column and the row in `c` and appends nothing (the caller may rebuild
  /// the rows through append(row_input) for that path's own message).
  void append_columns(const column_batch& c) {
    const std::size_t n = c.rows;
    auto sized = [&](std::size_t size, std::size_t want, std::string_view column) {
      if (size != want)
        throw invalid_value(error_id::invalid_parameter, "population." + std::string(column), size,
                            "expected " + std::to_string(want) + " values");
    };
    auto optional_column = [&](std::size_t size, std::string_view column) {
      if (size != 0) sized(size, n, column);
    };
    sized(c.birth_day.size(), n, "birth_day");
    sized(c.hukou_region.size(), n, "hukou_region");
    optional_column(c.hukou_since.size(), "hukou_since");
    optional_column(c.died_on.size(), "died_on");
    optional_column(c.residence_region.size(), "residence_region");
    optional_column(c.residence_rural.size(), "residence_rural");
    optional_column(c.weight.size(), "weight");
    const std::size_t stays = c.stay_offsets.empty() ? 0 : c.stay_offsets.back();
    if (!c.stay_offsets.empty()) {
      sized(c.stay_offsets.size(), n + 1, "stay_offsets");
      sized(c.stay_facility.size(), stays, "stay_facility");
      sized(c.stay_admitted.size(), stays, "stay_admitted");
      sized(c.stay_discharged.size(), stays, "stay_discharged");
    }
    if (size() + n > max_size || stay_count() + stays > max_size)
      throw invalid_value(error_id::invalid_parameter, "population.rows", size() + n,
                          "a population holds at most " + std::to_string(max_size) + " rows and stays");
    auto at = [&](std::string_view column, std::size_t i) {
      return "population." + std::string(column) + "[row " + std::to_string(i) + "]";
    };
    auto in_range = [&](day_number d) { return d >= first_day_number() && d <= last_day_number(); };
    // Checked first, stored after: nothing is appended when a value is refused.
    std::vector<stay> made; // the stays as eldercare::stay objects, for the arena
    made.reserve(stays);
    batch_codes codes;
    // Each row's hukou and residence as indices into codes.codes, found once here.
    std::vector<std::uint32_t> hukou_at(n), lives_at(c.residence_region.empty() ? 0 : n);
    auto region = [&](std::uint32_t code, std::string_view column, std::size_t i) {
      try {
        return codes.index(code);
      } catch (const invalid_value& e) {
        throw e.renamed(at(column, i));
      }
    };
    auto not_before_birth = [&](std::size_t i, day_number birth, day_number d, std::string_view column) {
      if (!in_range(d)) (void)checked_day(d, at(column, i));
      if (d < birth)
        throw invalid_value(error_id::invalid_person, at(column, i), d,
                            to_iso(from_day_number(d)) + " is before the birth date " +
                                to_iso(from_day_number(birth)));
    };
    // Row i's stays (their offsets checked), in their order.
    auto check_stays = [&](std::size_t i, day_number birth) {
      const std::size_t first = made.size();
      for (std::uint32_t s = c.stay_offsets[i]; s < c.stay_offsets[i + 1]; ++s) {
        const std::int32_t facility = c.stay_facility[s];
        if (facility < 0 || static_cast<std::size_t>(facility) >= facilities_.size())
          throw invalid_value(error_id::invalid_stay, at("stay_facility", i), facility,
                              "is not an index into the population's facility table");
        not_before_birth(i, birth, c.stay_admitted[s], "stay_admitted");
        std::optional<date> discharged;
        if (const day_number d = c.stay_discharged[s]; d != no_day) {
          if (!in_range(d)) (void)checked_day(d, at("stay_discharged", i));
          if (d < c.stay_admitted[s])
            throw invalid_value(error_id::invalid_stay, at("stay_discharged", i), d,
                                "is before the admission");
          discharged = from_day_number(d);
        }
        made.emplace_back(facilities_.id(facility), from_day_number(c.stay_admitted[s]), discharged);
        if (detail::overlapping_earlier_stay(std::span<const stay>(made).subspan(first),
                                             made.size() - 1 - first))
          throw invalid_value(error_id::invalid_stay, at("stay_admitted", i), c.stay_admitted[s],
                              "overlaps an earlier stay of the row");
      }
    };
    // Row i's values, in the order of append(row_input)'s checks: the first refused is thrown.
    auto check_row = [&](std::size_t i) {
      const day_number birth = c.birth_day[i];
      if (!in_range(birth)) (void)checked_day(birth, at("birth_day", i));
      hukou_at[i] = region(c.hukou_region[i], "hukou_region", i);
      if (!c.residence_region.empty()) lives_at[i] = region(c.residence_region[i], "residence_region", i);
      if (!c.hukou_since.empty() && c.hukou_since[i] != no_day)
        not_before_birth(i, birth, c.hukou_since[i], "hukou_since");
      if (!c.died_on.empty() && c.died_on[i] != no_day) not_before_birth(i, birth, c.died_on[i], "died_on");
      if (!c.weight.empty() && c.weight[i] != -1)
        (void)survey_weight::from_micros(c.weight[i], at("weight", i));
      if (c.stay_offsets.empty()) return;
      if (c.stay_offsets[i + 1] < c.stay_offsets[i] || c.stay_offsets[i + 1] > stays)
        throw invalid_value(error_id::invalid_stay, at("stay_offsets", i), c.stay_offsets[i + 1],
                            "offsets must grow, up to the number of stays");
      check_stays(i, birth);
    };
    // The common case costs a few loops without calls (vectorised): when no value but the stays' and
    // the regions' can be refused, each row's regions are found by the run of equal codes it is in
    // and only the rows with stays are checked one by one; otherwise (or when a region is refused)
    // every row is checked in order by check_row, whose error is then the first row's.
    if (!plain_columns(c, stays) || !regions_found(c, codes, hukou_at, lives_at)) {
      codes = batch_codes();
      for (std::size_t i = 0; i < n; ++i) check_row(i);
    } else if (stays > 0) {
      for (std::size_t i = 0; i < n; ++i)
        if (c.stay_offsets[i] != c.stay_offsets[i + 1]) check_stays(i, c.birth_day[i]);
    }
    // The narrowed region keys: a batch whose new codes would not fit is refused before storing.
    std::size_t new_hukou = 0;
    for (const region_code& code : codes.codes) new_hukou += hukou_index_.contains(code.value()) ? 0 : 1;
    if (hukou_codes_.size() + new_hukou > detail::max_region_keys)
      throw invalid_value(error_id::invalid_region, "population.hukou_region",
                          hukou_codes_.size() + new_hukou, detail::too_many_hukou_regions());
    if (residences_.size() + 2 * codes.codes.size() > detail::max_region_keys) {
      std::size_t new_residences = 0; // counted exactly only near the limit
      std::unordered_set<std::uint64_t> seen;
      for (std::size_t i = 0; i < n; ++i) {
        const region_code& where = codes.codes[lives_at.empty() ? hukou_at[i] : lives_at[i]];
        const std::uint64_t k =
            residence_index_key(where, !c.residence_rural.empty() && c.residence_rural[i] != 0);
        if (!residence_index_.contains(k) && seen.insert(k).second) ++new_residences;
      }
      if (residences_.size() + new_residences > detail::max_region_keys)
        throw invalid_value(error_id::invalid_region, "population.residence_region",
                            residences_.size() + new_residences, detail::too_many_residences());
    }
    // Store: whole columns where they are given, row_input's defaults where not.
    const std::size_t rows_before = size();
    try {
      // Grown geometrically: a population refilled batch after batch is not copied at every batch.
      auto grown = [](std::size_t want, std::size_t capacity) {
        return want <= capacity ? want : std::min(std::max(want, capacity + capacity / 2), max_size);
      };
      reserve(grown(rows_before + n, birth_.capacity()),
              grown(stay_count() + stays, stay_facility_.capacity()));
      // A column stored from the first row that gives a value (see start_stored): `given` empty or
      // all absent leaves an unstored column unstored.
      auto take_stored = [&](auto& column, const auto& given, auto absent) {
        if (column.empty()) {
          if (std::all_of(given.begin(), given.end(), [absent](auto v) { return v == absent; })) return;
          start_stored(column, rows_before, absent);
        }
        if (given.empty()) column.insert(column.end(), n, absent);
        else
          column.insert(column.end(), given.begin(), given.end());
      };
      auto extend_offsets = [n](auto& offsets) { // n empty entries, where the column is stored
        if (!offsets.empty()) offsets.insert(offsets.end(), n, offsets.back());
      };
      id_offsets_.insert(id_offsets_.end(), n, id_offsets_.back());
      extend_offsets(id_number_offsets_);
      extend_offsets(household_offsets_);
      extend_offsets(component_offsets_);
      programme_offsets_.insert(programme_offsets_.end(), n, programme_offsets_.back());
      birth_.insert(birth_.end(), c.birth_day.begin(), c.birth_day.end());
      if (birth_seen_.empty() && n > 0) {
        birth_seen_.resize(static_cast<std::size_t>(last_day_number() - first_day_number() + 1));
        birth_min_ = birth_max_ = c.birth_day[0];
      }
      for (const day_number d : c.birth_day)
        birth_seen_.set(static_cast<std::size_t>(d - first_day_number()));
      for (const day_number d : c.birth_day) { // apart: a loop the compiler vectorises
        birth_min_ = std::min(birth_min_, d);
        birth_max_ = std::max(birth_max_, d);
      }
      take_stored(hukou_since_, c.hukou_since, no_day);
      take_stored(died_on_, c.died_on, no_day);
      // Region keys (codes checked above, capacity too), found once per distinct code.
      constexpr std::uint32_t unset = std::numeric_limits<std::uint32_t>::max();
      std::vector<std::uint32_t> hukou_keys(codes.codes.size(), unset),
          residence_keys(2 * codes.codes.size(), unset);
      // Written in place (resized first), each key found on its code's first row.
      hukou_key_.resize(rows_before + n);
      residence_key_.resize(rows_before + n);
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t k = hukou_at[i];
        if (hukou_keys[k] == unset) hukou_keys[k] = hukou_key_of(codes.codes[k]);
        hukou_key_[rows_before + i] = static_cast<detail::region_key>(hukou_keys[k]);
      }
      const std::span<const std::uint32_t> lives = lives_at.empty() ? hukou_at : lives_at;
      for (std::size_t i = 0; i < n; ++i) {
        const bool rural = !c.residence_rural.empty() && c.residence_rural[i] != 0;
        std::uint32_t& key = residence_keys[2 * lives[i] + (rural ? 1 : 0)];
        if (key == unset) key = residence_key_of(codes.codes[lives[i]], rural);
        residence_key_[rows_before + i] = static_cast<detail::region_key>(key);
      }
      ability_level_.insert(ability_level_.end(), n, std::int8_t{-1});
      for (std::size_t i = 0; i < n; ++i) assessed_.push_back(false);
      categories_.insert(categories_.end(), n, std::uint16_t{0});
      if (category_seen_.empty()) category_seen_.resize(std::size_t{1} << category_count);
      if (n > 0) category_seen_.set(0);
      disability_category_.insert(disability_category_.end(), n, std::int8_t{-1});
      disability_grade_.insert(disability_grade_.end(), n, std::int8_t{0});
      health_.insert(health_.end(), n, std::uint8_t{0});
      take_stored(weight_, c.weight, std::int64_t{-1});
      weighted_ = !weight_.empty();
      const auto base = static_cast<std::uint32_t>(stay_facility_.size());
      if (c.stay_offsets.empty()) stay_offsets_.insert(stay_offsets_.end(), n, base);
      else {
        const std::size_t at_offset = stay_offsets_.size();
        stay_offsets_.resize(at_offset + n);
        for (std::size_t i = 0; i < n; ++i) stay_offsets_[at_offset + i] = base + c.stay_offsets[i + 1];
      }
      stay_facility_.insert(stay_facility_.end(), c.stay_facility.begin(), c.stay_facility.end());
      stay_admitted_.insert(stay_admitted_.end(), c.stay_admitted.begin(), c.stay_admitted.end());
      stay_discharged_.insert(stay_discharged_.end(), c.stay_discharged.begin(), c.stay_discharged.end());
      stay_arena_.insert(stay_arena_.end(), std::make_move_iterator(made.begin()),
                         std::make_move_iterator(made.end()));
    } catch (...) {
      truncate(rows_before);
      throw;
    }
  }

private:
  void offsets_start() {
    id_offsets_.assign(1, 0);
    programme_offsets_.assign(1, 0);
    stay_offsets_.assign(1, 0);
    local_scales_.assign(1, std::string());
  }

  template <class At, class Day, class NotBeforeBirth>
  static void check_ability(const row_input& r, const At& at, const Day& day,
                            const NotBeforeBirth& not_before_birth) {
    if (r.ability_level < 0) {
      if (r.ability_level != -1)
        throw invalid_value(error_id::invalid_ability, at("ability_level"), r.ability_level,
                            "a GB/T 42195-2022 level is 0-4, or -1 for no assessment");
      auto stray = [&](const char* column, const auto& value) { // a number, or text
        throw invalid_value(error_id::invalid_ability, at(column), value,
                            "an assessment detail is given without an ability level (ability_level is -1)");
      };
      if (r.ability_scale != 0) stray("ability_scale", r.ability_scale);
      if (r.ability_raw != -1) stray("ability_raw", r.ability_raw);
      if (r.ability_assessed_on != no_day) stray("ability_assessed_on", r.ability_assessed_on);
      if (r.ability_valid_until != no_day) stray("ability_valid_until", r.ability_valid_until);
      if (!r.ability_local_scale.empty()) stray("ability_local_scale", std::string(r.ability_local_scale));
      return;
    }
    if (r.ability_level > eldercare::ability_level::max_value)
      (void)eldercare::ability_level(r.ability_level, at("ability_level"));
    const eldercare::ability_level level(r.ability_level);
    if (r.ability_scale >= detail::ability_scale_count)
      throw invalid_value(error_id::invalid_ability, at("ability_scale"), r.ability_scale,
                          "not an ability_scale (0 gbt_42195_2022 ... 5 local)");
    not_before_birth(r.ability_assessed_on, "ability_assessed_on");
    std::optional<date> until;
    if (r.ability_valid_until != no_day) until = day(r.ability_valid_until, "ability_valid_until");
    if (r.ability_raw < -1)
      throw invalid_value(error_id::invalid_ability, at("ability_raw"), r.ability_raw,
                          "a raw score is >= 0, or -1 for none");
    if (r.ability_raw > std::numeric_limits<detail::raw_score>::max())
      throw invalid_value(error_id::invalid_ability, at("ability_raw"), r.ability_raw,
                          "a raw score is at most " +
                              std::to_string(std::numeric_limits<detail::raw_score>::max()) +
                              " (the population's ability_raw column is 16-bit)");
    // The assessment's own checks, reported under the column they concern.
    try {
      (void)assessment(static_cast<eldercare::ability_scale>(r.ability_scale), level,
                       from_day_number(r.ability_assessed_on), until,
                       r.ability_raw < 0 ? std::nullopt : std::optional<int>(r.ability_raw),
                       std::string(r.ability_local_scale));
    } catch (const invalid_value& e) {
      const std::string& f = e.field();
      const char* column = f == "assessment.valid_until"      ? "ability_valid_until"
                           : f == "assessment.local_scale_id" ? "ability_local_scale"
                           : f == "assessment.level"          ? "ability_level"
                                                              : "ability_raw";
      throw e.renamed(at(column));
    }
  }

  template <class At>
  static void check_disability(const row_input& r, const At& at) {
    if (r.disability_category < 0) {
      if (r.disability_category != -1)
        throw invalid_value(error_id::invalid_category, at("disability_category"), r.disability_category,
                            "a disability_category is 0 (visual) - 6 (multiple), or -1 for no certificate");
      if (r.disability_grade != 0 || !r.disability_components.empty())
        throw invalid_value(error_id::invalid_ability, at("disability_grade"), r.disability_grade,
                            "a grade is given without a certificate (disability_category is -1)");
      return;
    }
    if (r.disability_category >= detail::disability_category_count)
      throw invalid_value(error_id::invalid_category, at("disability_category"), r.disability_category,
                          "a disability_category is 0 (visual) - 6 (multiple), or -1 for no certificate");
    if (r.disability_grade < 1 || r.disability_grade > 4)
      (void)eldercare::disability_grade(r.disability_grade, at("disability_grade"));
    const eldercare::disability_grade grade(r.disability_grade);
    std::vector<disability_entry> parts;
    for (std::size_t k = 0; k < r.disability_components.size(); ++k) {
      const auto& c = r.disability_components[k];
      const std::string which = ", component " + std::to_string(k);
      if (c.category < 0 || c.category >= detail::disability_category_count)
        throw invalid_value(error_id::invalid_category, at("disability_component_category", which),
                            c.category, "a disability_category is 0 (visual) - 6 (multiple)");
      parts.push_back({static_cast<eldercare::disability_category>(c.category),
                       eldercare::disability_grade(c.grade, at("disability_component_grade", which))});
    }
    if (!parts.empty() ||
        r.disability_category == static_cast<std::int8_t>(eldercare::disability_category::multiple))
      (void)detail::in_column(at("disability_components"), [&] {
        return disability_certificate(static_cast<eldercare::disability_category>(r.disability_category),
                                      grade, parts);
      });
  }

  // A column stored from the first row that gives a value: on that row, the rows before it are
  // filled with `absent` (an offsets column: its size() + 1 offsets of empty entries).
  template <class T>
  void start_stored(std::vector<T>& column, std::size_t entries, T absent) {
    if (!column.empty()) return;
    column.reserve(std::max(entries, reserved_rows_) + 1); // room for the rows reserve() announced
    column.assign(entries, absent);
  }
  // Row `row`'s value of a column stored from the first row whose value is not `absent`.
  template <class T>
  void push_stored(std::vector<T>& column, T value, T absent, std::size_t row) {
    if (value == absent && column.empty()) return;
    start_stored(column, row, absent);
    column.push_back(value);
  }

  void store(const row_input& r, region_code hukou, region_code residence, std::vector<stay> stays) {
    const std::size_t row = size(); // the row being stored: the columns hold `row` rows until it is
    id_chars_.append(r.id);
    id_offsets_.push_back(static_cast<detail::text_offset>(id_chars_.size()));
    birth_.push_back(r.birth_day);
    if (birth_seen_.empty()) {
      birth_seen_.resize(static_cast<std::size_t>(last_day_number() - first_day_number() + 1));
      birth_min_ = birth_max_ = r.birth_day;
    }
    birth_seen_.set(static_cast<std::size_t>(r.birth_day - first_day_number()));
    birth_min_ = std::min(birth_min_, r.birth_day);
    birth_max_ = std::max(birth_max_, r.birth_day);
    push_stored(hukou_since_, r.hukou_since, no_day, row);
    push_stored(died_on_, r.died_on, no_day, row);
    hukou_key_.push_back(hukou_key_of(hukou));
    residence_key_.push_back(residence_key_of(residence, r.residence_rural));
    ability_level_.push_back(r.ability_level);
    assessed_.push_back(r.ability_level >= 0);
    if (r.ability_level >= 0) {
      ability_scale_.push_back(r.ability_scale);
      ability_raw_.push_back(static_cast<detail::raw_score>(r.ability_raw)); // checked: fits
      ability_assessed_on_.push_back(r.ability_assessed_on);
      ability_valid_until_.push_back(r.ability_valid_until);
      ability_local_scale_.push_back(local_scale_index(r.ability_local_scale));
    }
    categories_.push_back(static_cast<std::uint16_t>(r.categories)); // checked: < 2^category_count
    if (category_seen_.empty()) category_seen_.resize(std::size_t{1} << category_count);
    category_seen_.set(r.categories);
    disability_category_.push_back(r.disability_category);
    disability_grade_.push_back(r.disability_grade);
    if (!r.disability_components.empty()) start_stored(component_offsets_, row + 1, std::uint32_t{0});
    for (const auto& c : r.disability_components) {
      component_category_.push_back(c.category);
      component_grade_.push_back(c.grade);
    }
    if (!component_offsets_.empty())
      component_offsets_.push_back(static_cast<std::uint32_t>(component_category_.size()));
    health_.push_back(r.health);
    for (const std::string_view p : r.programmes) programme_entries_.push_back(programme_index(p));
    programme_offsets_.push_back(static_cast<std::uint32_t>(programme_entries_.size()));
    if (!r.household_id.empty()) start_stored(household_offsets_, row + 1, detail::text_offset{0});
    if (!household_offsets_.empty()) {
      household_chars_.append(r.household_id);
      household_offsets_.push_back(static_cast<detail::text_offset>(household_chars_.size()));
    }
    for (std::size_t k = 0; k < r.stays.size(); ++k) {
      stay_facility_.push_back(r.stays[k].facility);
      stay_admitted_.push_back(r.stays[k].admitted);
      stay_discharged_.push_back(r.stays[k].discharged);
      stay_arena_.push_back(std::move(stays[k]));
    }
    stay_offsets_.push_back(static_cast<std::uint32_t>(stay_facility_.size()));
    if (!r.id_number.empty()) start_stored(id_number_offsets_, row + 1, detail::text_offset{0});
    if (!id_number_offsets_.empty()) {
      id_number_chars_.append(r.id_number);
      id_number_offsets_.push_back(static_cast<detail::text_offset>(id_number_chars_.size()));
    }
    push_stored(weight_, r.weight, std::int64_t{-1}, row);
    weighted_ = !weight_.empty();
  }

  // Undoes a partly stored row (only after an allocation failure in store()).
  void truncate(std::size_t rows) {
    auto cut = [rows](auto& v) { // erase, not resize: region_code has no default value
      if (v.size() > rows) v.erase(v.begin() + static_cast<std::ptrdiff_t>(rows), v.end());
    };
    id_offsets_.resize(std::min(id_offsets_.size(), rows + 1));
    id_chars_.resize(id_offsets_.back());
    cut(birth_);
    // A column stored from the failed row on is dropped again (every row before reads as absent).
    auto cut_stored_values = [&cut](auto& column, auto absent) {
      cut(column);
      if (std::all_of(column.begin(), column.end(), [absent](auto v) { return v == absent; })) column.clear();
    };
    cut_stored_values(hukou_since_, no_day);
    cut_stored_values(died_on_, no_day);
    cut(hukou_key_);
    cut(residence_key_);
    cut(ability_level_);
    assessed_.truncate(std::min(rows, ability_level_.size()));
    const std::size_t assessed = assessed_.members();
    for (auto* c : {&ability_assessed_on_, &ability_valid_until_}) c->resize(std::min(c->size(), assessed));
    ability_scale_.resize(std::min(ability_scale_.size(), assessed));
    ability_raw_.resize(std::min(ability_raw_.size(), assessed));
    ability_local_scale_.resize(std::min(ability_local_scale_.size(), assessed));
    cut(categories_);
    cut(disability_category_);
    cut(disability_grade_);
    auto cut_stored = [rows](auto& offsets, auto& parts) {
      if (offsets.size() > rows + 1) offsets.resize(rows + 1);
      if (offsets.empty() || std::all_of(offsets.begin(), offsets.end(), [](auto o) { return o == 0; }))
        offsets.clear();
      parts.resize(offsets.empty() ? 0 : offsets.back());
    };
    cut_stored(component_offsets_, component_category_);
    component_grade_.resize(component_category_.size());
    cut(health_);
    programme_offsets_.resize(std::min(programme_offsets_.size(), rows + 1));
    programme_entries_.resize(programme_offsets_.back());
    cut_stored(household_offsets_, household_chars_);
    stay_offsets_.resize(std::min(stay_offsets_.size(), rows + 1));
    stay_facility_.resize(stay_offsets_.back());
    stay_admitted_.resize(stay_offsets_.back());
    stay_discharged_.resize(stay_offsets_.back());
    stay_arena_.erase(stay_arena_.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                stay_arena_.size(), stay_offsets_.back())),
                      stay_arena_.end());
    cut_stored(id_number_offsets_, id_number_chars_);
    cut_stored_values(weight_, std::int64_t{-1});
    weighted_ = !weight_.empty();
  }

  // The keys of a hukou region and of a residence (append() has checked that a new one fits).
  detail::region_key hukou_key_of(region_code c) {
    const auto [it, added] =
        hukou_index_.try_emplace(c.value(), static_cast<detail::region_key>(hukou_codes_.size()));
    if (added) hukou_codes_.push_back(c);
    return it->second;
  }
  static std::uint64_t residence_index_key(region_code c, bool rural) noexcept {
    return (static_cast<std::uint64_t>(c.value()) << 1) | (rural ? 1U : 0U);
  }
  detail::region_key residence_key_of(region_code c, bool rural) {
    const auto [it, added] = residence_index_.try_emplace(
        residence_index_key(c, rural), static_cast<detail::region_key>(residences_.size()));
    if (added) residences_.push_back({c, rural});
    return it->second;
  }
  std::uint16_t local_scale_index(std::string_view name) {
    if (name.empty()) return 0;
    for (std::size_t k = 1; k < local_scales_.size(); ++k)
      if (local_scales_[k] == name) return static_cast<std::uint16_t>(k);
    if (local_scales_.size() > 0xFFFF)
      throw invalid_value(error_id::invalid_ability, "population.ability_local_scale", name,
                          "more than 65535 local scales");
    local_scales_.emplace_back(name);
    return static_cast<std::uint16_t>(local_scales_.size() - 1);
  }
  std::uint32_t programme_index(std::string_view name) {
    const auto it = programme_index_.find(name);
    if (it != programme_index_.end()) return it->second;
    const auto k = static_cast<std::uint32_t>(programme_names_.size());
    programme_names_.emplace_back(name);
    programme_index_.emplace(std::string(name), k);
    return k;
  }

  facility_table facilities_;
  std::string id_chars_;
  std::vector<detail::text_offset> id_offsets_;
  std::vector<day_number> birth_;
  std::vector<day_number> hukou_since_;
  std::vector<day_number> died_on_;
  std::vector<std::int8_t> ability_level_;
  row_subset assessed_; // the rows with an assessment: the five columns below hold theirs only
  std::vector<std::uint8_t> ability_scale_;
  std::vector<detail::raw_score> ability_raw_;
  std::vector<day_number> ability_assessed_on_;
  std::vector<day_number> ability_valid_until_;
  std::vector<std::uint16_t> ability_local_scale_;
  std::vector<std::string> local_scales_;
  std::vector<std::uint16_t> categories_;
  std::vector<std::int8_t> disability_category_;
  std::vector<std::int8_t> disability_grade_;
  std::vector<std::uint32_t> component_offsets_; // stored from the first row with parts
  std::vector<std::int8_t> component_category_;
  std::vector<std::int8_t> component_grade_;
  std::vector<std::uint8_t> health_;
  std::vector<std::uint32_t> programme_offsets_;
  std::vector<std::uint32_t> programme_entries_;
  std::vector<std::string> programme_names_;
  std::map<std::string, std::uint32_t, std::less<>> programme_index_;
  std::string household_chars_;
  std::vector<detail::text_offset> household_offsets_; // stored from the first row with a household id
  std::vector<std::uint32_t> stay_offsets_;
  std::vector<std::int32_t> stay_facility_;
  std::vector<day_number> stay_admitted_;
  std::vector<day_number> stay_discharged_;
  // Derived (see the header comment).
  std::vector<stay> stay_arena_;
  std::vector<detail::region_key> hukou_key_; // the hukou_region column: keys into hukou_codes_
  std::vector<region_code> hukou_codes_;
  std::unordered_map<std::uint32_t, detail::region_key> hukou_index_;
  std::vector<detail::region_key> residence_key_; // residence_region and _rural: keys into residences_
  std::vector<residence> residences_;
  std::unordered_map<std::uint64_t, detail::region_key> residence_index_;
  detail::presence_bits birth_seen_; // day - first_day_number()
  day_number birth_min_ = no_day;
  day_number birth_max_ = no_day;
  detail::presence_bits category_seen_;
  std::string id_number_chars_;
  std::vector<detail::text_offset> id_number_offsets_; // stored from the first row with an ID number
  std::vector<std::int64_t> weight_;                   // stored from the first row with a weight
  bool weighted_ = false;
  std::size_t reserved_rows_ = 0; // the rows reserve() last announced
  row_fields given_ = row_fields::all;
};

} // namespace eldercare
