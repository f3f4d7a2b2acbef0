#pragma once
// A population held as columns (a structure of arrays), the input of the batch engine. One column
// per fact, in the layout Arrow/Parquet and numpy use:
//
//   column                     type         meaning
//   id                         string       offsets (uint64) into one character buffer
//   birth_day                  int32        day_number (Boost's Julian Day Number, day_number.hpp)
//   hukou_region               region_code  4 bytes, the code's number (uint32)
//   hukou_since                int32        day_number, no_day when unknown
//   died_on                    int32        day_number, no_day while alive (or unknown)
//   residence_region           region_code
//   residence_rural            uint8        0/1
//   ability_level              int8         GB/T 42195 level 0-4, -1 = no assessment on file
//   ability_scale              uint8        ability_scale enumerator
//   ability_raw                int32        raw score, -1 = none
//   ability_assessed_on        int32        day_number
//   ability_valid_until        int32        day_number, no_day = no end of validity
//   ability_local_scale        uint16       index into local_scale_names(), 0 = none
//   categories                 uint32       category_set::bits()
//   disability_category        int8         disability_category enumerator, -1 = no certificate
//   disability_grade           int8         1 (一级) - 4, 0 = no certificate
//   disability_component_*     offsets + int8 category/grade: the parts of a 多重 certificate
//   health                     uint8        health_status::bits(): bit i = the i-th health_condition
//   programme_offsets/_entries uint32       indices into programme_names()
//   household_id               string       offsets (uint64) into one character buffer, may be empty
//   stay_offsets               uint32       size() + 1 offsets into the stay columns
//   stay_facility              int32        index into facilities() (a facility_table)
//   stay_admitted              int32        day_number
//   stay_discharged            int32        day_number, no_day while the stay is ongoing
//   id_number                  string       offsets into one character buffer, as issued; may be empty
//   weight                     int64        survey weight in millionths, -1 = none given (weighs 1)
//
// Beside them, given(): which members of a rule subject the input had columns for (a population
// built from columns without a categories column has no categories given, and a policy that reads
// them is refused by batch/inputs.hpp rather than taking every row as holding none).
//
// Every append is validated, and an error names the column, the row and id, and the value
// (eldercare::invalid_value, e.g. "population.hukou_region[row 7, id 'p7'] = '999999': ...").
// Beside the columns the population keeps what the engine needs to run the rules' own code on rows:
// the stays as eldercare::stay objects in one arena (a row's stays are a span into it, so the
// continuous-stay leaf runs unchanged), and dictionaries of the region codes present (hukou_key,
// residence_key), so that a leaf reading one region column is decided once per distinct code.

#include <algorithm>     // std::max / std::min over birth days
#include <array>         // the column names
#include <cstddef>       // std::size_t
#include <cstdint>       // column element types
#include <iterator>      // std::make_move_iterator (append_columns)
#include <map>           // facility and programme dictionaries, ordered for determinism
#include <optional>      // optional facts
#include <span>          // column views
#include <string>        // ids, messages
#include <string_view>   // ids in and out
#include <unordered_map> // region-code dictionaries
#include <utility>       // std::move
#include <vector>        // columns

#include "eldercare/batch/day_number.hpp"
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
inline constexpr std::int8_t disability_category_count = 7;
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
    hukou_region_.reserve(rows);
    hukou_since_.reserve(rows);
    died_on_.reserve(rows);
    hukou_key_.reserve(rows);
    residence_region_.reserve(rows);
    residence_rural_.reserve(rows);
    residence_key_.reserve(rows);
    ability_level_.reserve(rows);
    ability_scale_.reserve(rows);
    ability_raw_.reserve(rows);
    ability_assessed_on_.reserve(rows);
    ability_valid_until_.reserve(rows);
    ability_local_scale_.reserve(rows);
    categories_.reserve(rows);
    disability_category_.reserve(rows);
    disability_grade_.reserve(rows);
    component_offsets_.reserve(rows + 1);
    health_.reserve(rows);
    programme_offsets_.reserve(rows + 1);
    household_offsets_.reserve(rows + 1);
    stay_offsets_.reserve(rows + 1);
    stay_facility_.reserve(stays);
    stay_admitted_.reserve(stays);
    stay_discharged_.reserve(stays);
    stay_arena_.reserve(stays);
    id_number_offsets_.reserve(rows + 1);
    weight_.reserve(rows);
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
    // The ID number, which gives the birth date when the row has none (and must agree with one).
    std::optional<eldercare::id_number> id;
    if (!r.id_number.empty()) id = eldercare::id_number::parse(r.id_number, at("id_number"));
    if (id && r.birth_day == no_day) r.birth_day = to_day_number(id->birth_date());
    const date birth = day(r.birth_day, "birth_day");
    if (id) (void)birth_date_of(birth, id, at("birth_day"), at("id_number"));
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
    return std::string_view(id_number_chars_)
        .substr(id_number_offsets_[i], id_number_offsets_[i + 1] - id_number_offsets_[i]);
  }
  /// Survey weights in millionths, -1 where none was given (such a row weighs 1).
  [[nodiscard]] std::span<const std::int64_t> weight_micros() const noexcept { return weight_; }
  /// Row i's weight (1 where none was given).
  [[nodiscard]] survey_weight weight_of(std::size_t i) const {
    return weight_[i] < 0 ? survey_weight() : survey_weight::from_micros(weight_[i]);
  }
  /// Whether some row gave a weight: the population is survey microdata, and totals are weighted too.
  [[nodiscard]] bool weighted() const noexcept { return weighted_; }
  /// The members of a rule subject that the input gave columns for (all, unless the population was
  /// built from columns that lacked some; see the header comment).
  [[nodiscard]] row_fields given() const noexcept { return given_; }
  /// States which members the input gave (a reader of columns calls it; persons give all).
  void set_given(row_fields given) noexcept { given_ = given; }
  [[nodiscard]] std::string_view household_id(std::size_t i) const {
    return std::string_view(household_chars_)
        .substr(household_offsets_[i], household_offsets_[i + 1] - household_offsets_[i]);
  }
  [[nodiscard]] std::span<const day_number> birth_day() const noexcept { return birth_; }
  [[nodiscard]] std::span<const region_code> hukou_region() const noexcept { return hukou_region_; }
  [[nodiscard]] std::span<const day_number> hukou_since() const noexcept { return hukou_since_; }
  [[nodiscard]] std::span<const day_number> died_on() const noexcept { return died_on_; }
  [[nodiscard]] std::span<const region_code> residence_region() const noexcept { return residence_region_; }
  [[nodiscard]] std::span<const std::uint8_t> residence_rural() const noexcept { return residence_rural_; }
  [[nodiscard]] std::span<const std::int8_t> ability_level() const noexcept { return ability_level_; }
  [[nodiscard]] std::span<const std::uint8_t> ability_scale() const noexcept { return ability_scale_; }
  [[nodiscard]] std::span<const std::int32_t> ability_raw() const noexcept { return ability_raw_; }
  [[nodiscard]] std::span<const day_number> ability_assessed_on() const noexcept {
    return ability_assessed_on_;
  }
  [[nodiscard]] std::span<const day_number> ability_valid_until() const noexcept {
    return ability_valid_until_;
  }
  [[nodiscard]] std::span<const std::uint16_t> ability_local_scale() const noexcept {
    return ability_local_scale_;
  }
  [[nodiscard]] const std::vector<std::string>& local_scale_names() const noexcept { return local_scales_; }
  [[nodiscard]] std::span<const std::uint32_t> categories() const noexcept { return categories_; }
  [[nodiscard]] std::span<const std::int8_t> disability_category() const noexcept {
    return disability_category_;
  }
  [[nodiscard]] std::span<const std::int8_t> disability_grade() const noexcept { return disability_grade_; }
  [[nodiscard]] std::span<const std::uint32_t> disability_component_offsets() const noexcept {
    return component_offsets_;
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
  [[nodiscard]] std::span<const std::uint32_t> hukou_key() const noexcept { return hukou_key_; }
  [[nodiscard]] const std::vector<region_code>& hukou_codes() const noexcept { return hukou_codes_; }
  /// Row i's residence (region and rural flag) as an index into residences().
  [[nodiscard]] std::span<const std::uint32_t> residence_key() const noexcept { return residence_key_; }
  [[nodiscard]] const std::vector<residence>& residences() const noexcept { return residences_; }
  /// The range of birth days present, and whether a day is present (day - first_day_number()).
  [[nodiscard]] day_number birth_min() const noexcept { return birth_min_; }
  [[nodiscard]] day_number birth_max() const noexcept { return birth_max_; }
  [[nodiscard]] bool birth_present(day_number d) const noexcept {
    return !birth_seen_.empty() && d >= first_day_number() && d <= last_day_number() &&
           birth_seen_[static_cast<std::size_t>(d - first_day_number())] != 0;
  }
  /// Whether some row holds exactly these category bits.
  [[nodiscard]] bool categories_present(std::uint32_t bits) const noexcept {
    return bits < category_seen_.size() && category_seen_[bits] != 0;
  }

  /// Fills the members `fields` of a row view with row i (the others are left as they are).
  void fill(population_row& r, std::size_t i, row_fields fields) const {
    if (has(fields, row_fields::id)) r.id = id(i);
    if (has(fields, row_fields::birth_date)) r.birth_date = from_day_number(birth_[i]);
    if (has(fields, row_fields::hukou)) {
      r.hukou.region = hukou_region_[i];
      r.hukou.since =
          hukou_since_[i] == no_day ? std::nullopt : std::optional<date>(from_day_number(hukou_since_[i]));
    }
    if (has(fields, row_fields::residence | row_fields::rural))
      r.residence = {residence_region_[i], residence_rural_[i] != 0};
    if (has(fields, row_fields::ability)) r.ability = ability_of(i);
    if (has(fields, row_fields::disability)) r.disability = disability_of(i);
    if (has(fields, row_fields::categories)) r.categories = category_set::from_bits(categories_[i]);
    if (has(fields, row_fields::health)) r.health = health_of(i);
    if (has(fields, row_fields::stays)) r.stays = stays_of(i);
    if (has(fields, row_fields::household)) r.household_id = household_id(i);
    if (has(fields, row_fields::programmes)) r.programmes = programmes_of(i);
    if (has(fields, row_fields::death)) r.died_on = optional_day(died_on_[i]);
  }

  /// Row i as a rule subject (every member filled).
  [[nodiscard]] population_row row(std::size_t i) const {
    population_row r{.hukou = {hukou_region_.at(i), std::nullopt},
                     .residence = {residence_region_[i], false}};
    fill(r, i, row_fields::all);
    return r;
  }

  /// Row i as a person (the inverse of append(person)).
  [[nodiscard]] person to_person(std::size_t i) const {
    person p{.id = {},
             .birth_date = {},
             .hukou = {hukou_region_.at(i), std::nullopt},
             .residence = {residence_region_[i], false}};
    to_person(i, p);
    return p;
  }
  /// Row i into an existing person, reusing its strings' and vectors' storage (assigns every member).
  void to_person(std::size_t i, person& p) const {
    p.id.assign(id(i));
    p.birth_date = from_day_number(birth_[i]);
    p.hukou.region = hukou_region_[i];
    p.hukou.since =
        hukou_since_[i] == no_day ? std::nullopt : std::optional<date>(from_day_number(hukou_since_[i]));
    p.residence = {residence_region_[i], residence_rural_[i] != 0};
    p.ability = ability_of(i);
    p.disability = disability_of(i);
    p.categories = category_set::from_bits(categories_[i]);
    p.health = health_of(i);
    p.stays.assign(stays_of(i).begin(), stays_of(i).end());
    p.household_id.assign(household_id(i));
    p.died_on = optional_day(died_on_[i]);
    const programme_list ps = programmes_of(i);
    p.programmes.resize(ps.size());
    std::size_t k = 0;
    for (const std::string& name : ps) p.programmes[k++].assign(name);
    const std::string_view number = id_number(i);
    if (number.empty()) p.id_number.reset();
    else if (!p.id_number || p.id_number->as_issued() != number)
      p.id_number = eldercare::id_number::parse(number);
    if (weight_[i] < 0) p.weight.reset();
    else
      p.weight = survey_weight::from_micros(weight_[i]);
  }

  [[nodiscard]] std::optional<assessment> ability_of(std::size_t i) const {
    if (ability_level_[i] < 0) return std::nullopt;
    return assessment(static_cast<eldercare::ability_scale>(ability_scale_[i]),
                      eldercare::ability_level(ability_level_[i]), from_day_number(ability_assessed_on_[i]),
                      ability_valid_until_[i] == no_day
                          ? std::nullopt
                          : std::optional<date>(from_day_number(ability_valid_until_[i])),
                      ability_raw_[i] < 0 ? std::nullopt : std::optional<int>(ability_raw_[i]),
                      local_scales_[ability_local_scale_[i]]);
  }
  [[nodiscard]] std::optional<disability_certificate> disability_of(std::size_t i) const {
    if (disability_category_[i] < 0) return std::nullopt;
    std::vector<disability_entry> parts;
    for (std::uint32_t k = component_offsets_[i]; k < component_offsets_[i + 1]; ++k)
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
    empty(id_chars_, id_offsets_, birth_, hukou_region_, hukou_since_, died_on_, residence_region_,
          residence_rural_, ability_level_, ability_scale_, ability_raw_, ability_assessed_on_,
          ability_valid_until_, ability_local_scale_, local_scales_, categories_, disability_category_,
          disability_grade_, component_offsets_, component_category_, component_grade_, health_,
          programme_offsets_, programme_entries_, programme_names_, programme_index_, household_chars_,
          household_offsets_, stay_offsets_, stay_facility_, stay_admitted_, stay_discharged_, stay_arena_,
          hukou_key_, hukou_codes_, hukou_index_, residence_key_, residences_, residence_index_, birth_seen_,
          category_seen_, id_number_chars_, id_number_offsets_, weight_);
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
    {
      auto region = [&](std::uint32_t code, std::string_view column, std::size_t i) {
        try {
          return codes.index(code);
        } catch (const invalid_value& e) {
          throw e.renamed(at(column, i));
        }
      };
      for (std::size_t i = 0; i < n; ++i) {
        const day_number birth = c.birth_day[i];
        if (!in_range(birth)) (void)checked_day(birth, at("birth_day", i));
        hukou_at[i] = region(c.hukou_region[i], "hukou_region", i);
        if (!c.residence_region.empty()) lives_at[i] = region(c.residence_region[i], "residence_region", i);
        auto not_before_birth = [&](day_number d, std::string_view column) {
          if (!in_range(d)) (void)checked_day(d, at(column, i));
          if (d < birth)
            throw invalid_value(error_id::invalid_person, at(column, i), d,
                                to_iso(from_day_number(d)) + " is before the birth date " +
                                    to_iso(from_day_number(birth)));
        };
        if (!c.hukou_since.empty() && c.hukou_since[i] != no_day)
          not_before_birth(c.hukou_since[i], "hukou_since");
        if (!c.died_on.empty() && c.died_on[i] != no_day) not_before_birth(c.died_on[i], "died_on");
        if (!c.weight.empty() && c.weight[i] != -1)
          (void)survey_weight::from_micros(c.weight[i], at("weight", i));
        if (c.stay_offsets.empty()) continue;
        const std::size_t first = made.size();
        if (c.stay_offsets[i + 1] < c.stay_offsets[i] || c.stay_offsets[i + 1] > stays)
          throw invalid_value(error_id::invalid_stay, at("stay_offsets", i), c.stay_offsets[i + 1],
                              "offsets must grow, up to the number of stays");
        for (std::uint32_t s = c.stay_offsets[i]; s < c.stay_offsets[i + 1]; ++s) {
          const std::int32_t facility = c.stay_facility[s];
          if (facility < 0 || static_cast<std::size_t>(facility) >= facilities_.size())
            throw invalid_value(error_id::invalid_stay, at("stay_facility", i), facility,
                                "is not an index into the population's facility table");
          not_before_birth(c.stay_admitted[s], "stay_admitted");
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
      }
    }
    // Store: whole columns where they are given, row_input's defaults where not.
    const std::size_t rows_before = size();
    try {
      reserve(rows_before + n, stay_count() + stays);
      auto take = [n](auto& column, const auto& given, auto fallback) {
        if (given.empty()) column.insert(column.end(), n, fallback);
        else
          column.insert(column.end(), given.begin(), given.end());
      };
      id_offsets_.insert(id_offsets_.end(), n, id_offsets_.back());
      id_number_offsets_.insert(id_number_offsets_.end(), n, id_number_offsets_.back());
      household_offsets_.insert(household_offsets_.end(), n, household_offsets_.back());
      component_offsets_.insert(component_offsets_.end(), n, component_offsets_.back());
      programme_offsets_.insert(programme_offsets_.end(), n, programme_offsets_.back());
      birth_.insert(birth_.end(), c.birth_day.begin(), c.birth_day.end());
      if (birth_seen_.empty() && n > 0) {
        birth_seen_.assign(static_cast<std::size_t>(last_day_number() - first_day_number() + 1), 0);
        birth_min_ = birth_max_ = c.birth_day[0];
      }
      for (const day_number d : c.birth_day) {
        birth_seen_[static_cast<std::size_t>(d - first_day_number())] = 1;
        birth_min_ = std::min(birth_min_, d);
        birth_max_ = std::max(birth_max_, d);
      }
      take(hukou_since_, c.hukou_since, no_day);
      take(died_on_, c.died_on, no_day);
      // Region codes (checked above) and their dictionary keys, once per distinct code.
      constexpr std::uint32_t unset = std::numeric_limits<std::uint32_t>::max();
      std::vector<std::uint32_t> hukou_keys(codes.codes.size(), unset),
          residence_keys(2 * codes.codes.size(), unset);
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t k = hukou_at[i];
        if (hukou_keys[k] == unset) hukou_keys[k] = hukou_key_of(codes.codes[k]);
        hukou_region_.push_back(codes.codes[k]);
        hukou_key_.push_back(hukou_keys[k]);
      }
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t k = lives_at.empty() ? hukou_at[i] : lives_at[i];
        const bool rural = !c.residence_rural.empty() && c.residence_rural[i] != 0;
        std::uint32_t& key = residence_keys[2 * k + (rural ? 1 : 0)];
        if (key == unset) key = residence_key_of(codes.codes[k], rural);
        residence_region_.push_back(codes.codes[k]);
        residence_rural_.push_back(rural ? 1 : 0);
        residence_key_.push_back(key);
      }
      ability_level_.insert(ability_level_.end(), n, std::int8_t{-1});
      ability_scale_.insert(ability_scale_.end(), n, std::uint8_t{0});
      ability_raw_.insert(ability_raw_.end(), n, std::int32_t{-1});
      ability_assessed_on_.insert(ability_assessed_on_.end(), n, no_day);
      ability_valid_until_.insert(ability_valid_until_.end(), n, no_day);
      ability_local_scale_.insert(ability_local_scale_.end(), n, std::uint16_t{0});
      categories_.insert(categories_.end(), n, std::uint32_t{0});
      if (category_seen_.empty()) category_seen_.assign(std::size_t{1} << category_count, 0);
      if (n > 0) category_seen_[0] = 1;
      disability_category_.insert(disability_category_.end(), n, std::int8_t{-1});
      disability_grade_.insert(disability_grade_.end(), n, std::int8_t{0});
      health_.insert(health_.end(), n, std::uint8_t{0});
      take(weight_, c.weight, std::int64_t{-1});
      for (const std::int64_t w : c.weight) weighted_ = weighted_ || w >= 0;
      const auto base = static_cast<std::uint32_t>(stay_facility_.size());
      if (c.stay_offsets.empty()) stay_offsets_.insert(stay_offsets_.end(), n, base);
      else
        for (std::size_t i = 1; i <= n; ++i) stay_offsets_.push_back(base + c.stay_offsets[i]);
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
    id_number_offsets_.assign(1, 0);
    component_offsets_.assign(1, 0);
    programme_offsets_.assign(1, 0);
    household_offsets_.assign(1, 0);
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

  void store(const row_input& r, region_code hukou, region_code residence, std::vector<stay> stays) {
    id_chars_.append(r.id);
    id_offsets_.push_back(id_chars_.size());
    birth_.push_back(r.birth_day);
    if (birth_seen_.empty()) {
      birth_seen_.assign(static_cast<std::size_t>(last_day_number() - first_day_number() + 1), 0);
      birth_min_ = birth_max_ = r.birth_day;
    }
    birth_seen_[static_cast<std::size_t>(r.birth_day - first_day_number())] = 1;
    birth_min_ = std::min(birth_min_, r.birth_day);
    birth_max_ = std::max(birth_max_, r.birth_day);
    hukou_region_.push_back(hukou);
    hukou_since_.push_back(r.hukou_since);
    died_on_.push_back(r.died_on);
    hukou_key_.push_back(hukou_key_of(hukou));
    residence_region_.push_back(residence);
    residence_rural_.push_back(r.residence_rural ? 1 : 0);
    residence_key_.push_back(residence_key_of(residence, r.residence_rural));
    ability_level_.push_back(r.ability_level);
    ability_scale_.push_back(r.ability_scale);
    ability_raw_.push_back(r.ability_raw);
    ability_assessed_on_.push_back(r.ability_assessed_on);
    ability_valid_until_.push_back(r.ability_valid_until);
    ability_local_scale_.push_back(local_scale_index(r.ability_local_scale));
    categories_.push_back(r.categories);
    if (category_seen_.empty()) category_seen_.assign(std::size_t{1} << category_count, 0);
    category_seen_[r.categories] = 1;
    disability_category_.push_back(r.disability_category);
    disability_grade_.push_back(r.disability_grade);
    for (const auto& c : r.disability_components) {
      component_category_.push_back(c.category);
      component_grade_.push_back(c.grade);
    }
    component_offsets_.push_back(static_cast<std::uint32_t>(component_category_.size()));
    health_.push_back(r.health);
    for (const std::string_view p : r.programmes) programme_entries_.push_back(programme_index(p));
    programme_offsets_.push_back(static_cast<std::uint32_t>(programme_entries_.size()));
    household_chars_.append(r.household_id);
    household_offsets_.push_back(household_chars_.size());
    for (std::size_t k = 0; k < r.stays.size(); ++k) {
      stay_facility_.push_back(r.stays[k].facility);
      stay_admitted_.push_back(r.stays[k].admitted);
      stay_discharged_.push_back(r.stays[k].discharged);
      stay_arena_.push_back(std::move(stays[k]));
    }
    stay_offsets_.push_back(static_cast<std::uint32_t>(stay_facility_.size()));
    id_number_chars_.append(r.id_number);
    id_number_offsets_.push_back(id_number_chars_.size());
    weight_.push_back(r.weight);
    weighted_ = weighted_ || r.weight >= 0;
  }

  // Undoes a partly stored row (only after an allocation failure in store()).
  void truncate(std::size_t rows) {
    auto cut = [rows](auto& v) { // erase, not resize: region_code has no default value
      if (v.size() > rows) v.erase(v.begin() + static_cast<std::ptrdiff_t>(rows), v.end());
    };
    id_offsets_.resize(std::min(id_offsets_.size(), rows + 1));
    id_chars_.resize(id_offsets_.back());
    cut(birth_);
    cut(hukou_region_);
    cut(hukou_since_);
    cut(died_on_);
    cut(hukou_key_);
    cut(residence_region_);
    cut(residence_rural_);
    cut(residence_key_);
    cut(ability_level_);
    cut(ability_scale_);
    cut(ability_raw_);
    cut(ability_assessed_on_);
    cut(ability_valid_until_);
    cut(ability_local_scale_);
    cut(categories_);
    cut(disability_category_);
    cut(disability_grade_);
    component_offsets_.resize(std::min(component_offsets_.size(), rows + 1));
    component_category_.resize(component_offsets_.back());
    component_grade_.resize(component_offsets_.back());
    cut(health_);
    programme_offsets_.resize(std::min(programme_offsets_.size(), rows + 1));
    programme_entries_.resize(programme_offsets_.back());
    household_offsets_.resize(std::min(household_offsets_.size(), rows + 1));
    household_chars_.resize(household_offsets_.back());
    stay_offsets_.resize(std::min(stay_offsets_.size(), rows + 1));
    stay_facility_.resize(stay_offsets_.back());
    stay_admitted_.resize(stay_offsets_.back());
    stay_discharged_.resize(stay_offsets_.back());
    stay_arena_.erase(stay_arena_.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(
                                                stay_arena_.size(), stay_offsets_.back())),
                      stay_arena_.end());
    id_number_offsets_.resize(std::min(id_number_offsets_.size(), rows + 1));
    id_number_chars_.resize(id_number_offsets_.back());
    cut(weight_);
  }

  std::uint32_t hukou_key_of(region_code c) {
    const auto [it, added] =
        hukou_index_.try_emplace(c.value(), static_cast<std::uint32_t>(hukou_codes_.size()));
    if (added) hukou_codes_.push_back(c);
    return it->second;
  }
  std::uint32_t residence_key_of(region_code c, bool rural) {
    const std::uint64_t k = (static_cast<std::uint64_t>(c.value()) << 1) | (rural ? 1U : 0U);
    const auto [it, added] = residence_index_.try_emplace(k, static_cast<std::uint32_t>(residences_.size()));
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
  std::vector<std::uint64_t> id_offsets_;
  std::vector<day_number> birth_;
  std::vector<region_code> hukou_region_;
  std::vector<day_number> hukou_since_;
  std::vector<day_number> died_on_;
  std::vector<region_code> residence_region_;
  std::vector<std::uint8_t> residence_rural_;
  std::vector<std::int8_t> ability_level_;
  std::vector<std::uint8_t> ability_scale_;
  std::vector<std::int32_t> ability_raw_;
  std::vector<day_number> ability_assessed_on_;
  std::vector<day_number> ability_valid_until_;
  std::vector<std::uint16_t> ability_local_scale_;
  std::vector<std::string> local_scales_;
  std::vector<std::uint32_t> categories_;
  std::vector<std::int8_t> disability_category_;
  std::vector<std::int8_t> disability_grade_;
  std::vector<std::uint32_t> component_offsets_;
  std::vector<std::int8_t> component_category_;
  std::vector<std::int8_t> component_grade_;
  std::vector<std::uint8_t> health_;
  std::vector<std::uint32_t> programme_offsets_;
  std::vector<std::uint32_t> programme_entries_;
  std::vector<std::string> programme_names_;
  std::map<std::string, std::uint32_t, std::less<>> programme_index_;
  std::string household_chars_;
  std::vector<std::uint64_t> household_offsets_;
  std::vector<std::uint32_t> stay_offsets_;
  std::vector<std::int32_t> stay_facility_;
  std::vector<day_number> stay_admitted_;
  std::vector<day_number> stay_discharged_;
  // Derived (see the header comment).
  std::vector<stay> stay_arena_;
  std::vector<std::uint32_t> hukou_key_;
  std::vector<region_code> hukou_codes_;
  std::unordered_map<std::uint32_t, std::uint32_t> hukou_index_;
  std::vector<std::uint32_t> residence_key_;
  std::vector<residence> residences_;
  std::unordered_map<std::uint64_t, std::uint32_t> residence_index_;
  std::vector<std::uint8_t> birth_seen_;
  day_number birth_min_ = no_day;
  day_number birth_max_ = no_day;
  std::vector<std::uint8_t> category_seen_;
  std::string id_number_chars_;
  std::vector<std::uint64_t> id_number_offsets_;
  std::vector<std::int64_t> weight_;
  bool weighted_ = false;
  row_fields given_ = row_fields::all;
};

} // namespace eldercare
