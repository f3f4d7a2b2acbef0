#pragma once
// The schema of the subjects' facts, declared once (schema/person.hpp, stay.hpp, facility.hpp,
// household.hpp, worker.hpp): for each fact its one name, its kind, its C++ member and type, its
// flat column, its Arrow type, its words, whether it may be missing and what that means, a line of
// documentation and its aliases (older or other names that input still accepts). Every boundary that
// reads or writes subjects follows it: JSON, CSV and Parquet, numpy and Arrow columns, the Python
// value classes, the columnar population (see docs/schema.md).
//
// One name per fact: `name` is its path in JSON and in the Python value classes ("hukou.since",
// person.hukou.since); its flat column is that path with '.' written '_' ("hukou_since"). Older
// names stay accepted as aliases, declared in the field that owns them, and so are the Chinese
// column headers of civil-affairs spreadsheets (户籍地, 身份证号 ...: alias_in::header).
//
// A fact states which members of a rule subject it fills (`fills`, rules/row_fields.hpp): a leaf
// declares what it reads in the same terms, so a population that lacks every column of what a
// policy reads is told so (batch/inputs.hpp) instead of being taken as "none".

#include <array>       // word tables, aliases
#include <cstddef>     // std::size_t
#include <cstdint>     // cells, error ids
#include <span>        // a subject's fields, word lists
#include <string_view> // names

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/rules/row_fields.hpp" // what a fact fills

namespace eldercare {

struct row_input;         // batch/population_columns.hpp
class population_columns; // batch/population_columns.hpp
struct person;            // person/person.hpp

namespace schema {

/// What a fact's value is; it decides how each format encodes it.
enum class field_kind : std::uint8_t {
  text,         ///< text: a string column; JSON text
  date,         ///< a calendar date: a date32 column (or ISO text); JSON "YYYY-MM-DD"
  region,       ///< a GB/T 2260 division code: an int64 column (or text); JSON text or number
  flag,         ///< true or false: a bool column; JSON true/false
  integer,      ///< a whole number in [min, max]: an int64 column, null when missing; JSON number
  word,         ///< one word of an enum (words): a string column; JSON text
  word_set,     ///< a set of words of an enum: an int64 column of bits (bit i = words[i]), or
                ///< comma-separated words, or a list; JSON a list of words
  text_list,    ///< a list of texts: comma-separated in a string column; JSON a list
  integer_list, ///< a list of whole numbers: JSON a list
  record_list,  ///< a list of records of another subject (`element`)
  fixed_point,  ///< a number >= 0 with 6 decimals, held as a whole number of millionths (the cell's
                ///< number): a float64 or int64 column (or decimal text); JSON a number
};

/// The words of an enum, as a field refers to them: built only by words_of<E>(), so that no word
/// list is spelt twice.
struct word_list {
  std::string_view type = {};                    ///< enum_words<E>::type, e.g. "category"
  std::span<const std::string_view> words = {};  ///< in declaration order: word i has index i
  std::span<const std::string_view> labels = {}; ///< Chinese labels ("" where none)
  /// The index of a word (or label) of the enum; anything else throws invalid_value naming `field`.
  std::int64_t (*parse)(std::string_view text, std::string_view field) = nullptr;
  [[nodiscard]] constexpr bool empty() const noexcept { return words.empty(); }
};

namespace detail {
template <Worded E>
inline constexpr auto word_array = [] {
  std::array<std::string_view, enum_words<E>::entries.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = enum_words<E>::entries[i].word;
  return out;
}();
template <Worded E>
inline constexpr auto label_array = [] {
  std::array<std::string_view, enum_words<E>::entries.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = enum_words<E>::entries[i].label;
  return out;
}();
template <Worded E>
std::int64_t parse_index(std::string_view text, std::string_view field) {
  return static_cast<std::int64_t>(parse_word<E>(text, field));
}
} // namespace detail

/// The words of E for a field, parsed by parse_word<E>.
template <Worded E>
[[nodiscard]] constexpr word_list words_of() {
  return {enum_words<E>::type, detail::word_array<E>, detail::label_array<E>, &detail::parse_index<E>};
}
/// The words of E for a field whose enum has a parser of its own (a domain-specific message, more
/// accepted spellings).
template <Worded E>
[[nodiscard]] constexpr word_list words_of(std::int64_t (*parse)(std::string_view, std::string_view)) {
  return {enum_words<E>::type, detail::word_array<E>, detail::label_array<E>, parse};
}

/// Where an alias is accepted.
enum class alias_in : std::uint8_t {
  json,   ///< a key of the JSON interchange format
  column, ///< a column of a table (DataFrame, Arrow, CSV, Parquet)
  header, ///< a column header of a spreadsheet (Chinese, as civil-affairs sheets write it); any
          ///< table's column too, so that a sheet read by other means reads the same
};

/// Another name a fact is accepted under in input (output always uses the fact's own name).
struct field_alias {
  std::string_view name = {};
  alias_in in = alias_in::column;
  /// For a word_set fact: the alias is a true/false column (or JSON key) for this one word.
  std::string_view word = {};
  std::string_view note = {}; ///< why it is accepted ("the name before 0.6", "the short form")
  [[nodiscard]] constexpr bool empty() const noexcept { return name.empty(); }
};

/// A column header of civil-affairs spreadsheets (户籍地, 身份证号 ...): the alias every Chinese header
/// is, written once.
[[nodiscard]] constexpr field_alias spreadsheet_header(std::string_view name) noexcept {
  return {.name = name, .in = alias_in::header, .note = "a column header of civil-affairs spreadsheets"};
}

/// A value in its flat encoding (field_kind): numbers (a day_number, a region code's number, 0/1,
/// a whole number with -1 for missing, a word's index with -1 for missing, the bits of a word set)
/// in `number`; text (empty for missing) in `text`.
struct cell {
  std::int64_t number = 0;
  std::string_view text = {};
};

/// How generic code reaches a fact that is one value of a flat row, in C++ (set for the person
/// facts that the population's columns hold). A fact that is part of a value built from several
/// (`part_of`: an assessment, a certificate) has no person access: that value is built whole.
struct field_access {
  void (*to_row)(row_input&, const cell&) = nullptr; ///< into population_columns::append's row
  cell (*of_columns)(const population_columns&, std::size_t row) = nullptr; ///< out of a population
  void (*to_person)(person&, const cell&) = nullptr;                        ///< into a person
  cell (*of_person)(const person&) = nullptr;                               ///< out of a person
};

/// The number of aliases a field can declare.
inline constexpr std::size_t max_aliases = 8;

/// Another fact that may give a required fact's value when the record lacks it: a resident ID
/// number gives the date of birth (always) and, by an explicit option, the hukou region.
struct field_source {
  std::string_view fact = {}; ///< the fact that gives it ("id_number")
  std::string_view option =
      {}; ///< the option a reader must be given for it ("hukou_from_id"), or empty: always
  std::string_view note = {}; ///< how ("digits 7-14 of the ID number")
  [[nodiscard]] constexpr bool empty() const noexcept { return fact.empty(); }
};

/// One fact of a subject.
struct field_info {
  std::string_view name;   ///< the fact's one name: its JSON path and Python attribute path
  std::string_view column; ///< its flat column: `name` with '.' written '_'
  field_kind kind = field_kind::text;
  std::string_view doc = {};                    ///< one line
  std::string_view cpp = {};                    ///< the C++ member, e.g. "person::hukou.since"
  std::string_view cpp_type = {};               ///< e.g. "std::optional<date>"
  std::string_view arrow = {};                  ///< the Arrow type of its column, e.g. "date32"
  bool required = false;                        ///< every row / record must give it (or its `given_by`)
  field_source given_by = {};                   ///< where a required fact may come from instead
  std::string_view missing = {};                ///< how a column says "missing" (optional facts)
  std::string_view default_value = {};          ///< what a missing value means
  error_id error = error_id::invalid_parameter; ///< the id of errors in its values
  word_list words = {};                         ///< word and word_set facts
  std::int64_t min = 0, max = 0;                ///< integer facts: the values a cell may hold (besides -1)
  std::array<field_alias, max_aliases> aliases = {};
  /// The value built from this fact and others ("ability": an assessment); empty for a fact that
  /// is a value of its own.
  std::string_view part_of = {};
  std::string_view stored_as = {}; ///< the population_columns columns holding it (comma-separated)
  std::string_view element = {};   ///< record_list: the subject of each element
  field_access access = {};
  /// The members of a rule subject the fact fills (a single group; none for facts no leaf reads):
  /// a policy whose leaves read a group needs one of its facts' columns.
  row_fields fills = row_fields::none;
  /// The fact's own rule beyond its kind's (its words, its range): the reason a value is refused, or
  /// empty. The home of per-fact checks: every reader of a fact that is one value (columns, the
  /// Python value classes, JSON) calls it and names the field and the value in the error.
  std::string_view (*check)(const cell&) = nullptr;

  /// The aliases declared (the others are empty).
  [[nodiscard]] constexpr std::size_t alias_count() const noexcept {
    std::size_t n = 0;
    while (n < aliases.size() && !aliases[n].empty()) ++n;
    return n;
  }
};

/// A subject: a kind of thing rules or populations read (a person, a stay, a facility ...).
struct subject_info {
  std::string_view name; ///< "person"
  std::string_view cpp;  ///< "eldercare::person"
  std::string_view doc;
  std::span<const field_info> fields;
  /// For a subject held as a separate table of elements of another's list (stays): the column
  /// naming the owner's id ("person_id").
  std::string_view link = {};
};

/// The field named `name` (or nullptr).
[[nodiscard]] constexpr const field_info* find_field(std::span<const field_info> fields,
                                                     std::string_view name) noexcept {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

/// The index of the field named `name` (fields.size() when absent): usable in constant expressions.
[[nodiscard]] constexpr std::size_t field_index(std::span<const field_info> fields,
                                                std::string_view name) noexcept {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == name) return i;
  return fields.size();
}

} // namespace schema

template <>
struct enum_words<schema::field_kind> {
  static constexpr std::string_view type = "field_kind";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<schema::field_kind>, 11> entries{{
      {schema::field_kind::text, "text"},
      {schema::field_kind::date, "date"},
      {schema::field_kind::region, "region"},
      {schema::field_kind::flag, "flag"},
      {schema::field_kind::integer, "integer"},
      {schema::field_kind::word, "word"},
      {schema::field_kind::word_set, "word_set"},
      {schema::field_kind::text_list, "text_list"},
      {schema::field_kind::integer_list, "integer_list"},
      {schema::field_kind::record_list, "record_list"},
      {schema::field_kind::fixed_point, "fixed_point"},
  }};
};

template <>
struct enum_words<schema::alias_in> {
  static constexpr std::string_view type = "alias_in";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<schema::alias_in>, 3> entries{{
      {schema::alias_in::json, "json"},
      {schema::alias_in::column, "column"},
      {schema::alias_in::header, "header"},
  }};
};

} // namespace eldercare
