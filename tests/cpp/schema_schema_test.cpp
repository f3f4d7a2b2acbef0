// The schema of the subjects' facts (eldercare/schema.hpp): one name per fact (unique names,
// columns and aliases; the column is the name with '.' written '_'), word lists that are the enums'
// own, the population's columns all accounted for, and access hooks that agree with the person and
// the columns they reach.
#include <catch2/catch.hpp>

#include <algorithm>   // std::find
#include <set>         // names seen
#include <string>      // names built
#include <string_view> // names
#include <vector>      // columns listed

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"
#include "eldercare/schema.hpp"

using namespace eldercare;
using namespace eldercare::schema;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

/// The words of enum E, when `list` claims to be E's (nullopt otherwise).
template <Worded E>
bool is_words_of(const word_list& list) {
  if (list.type != enum_words<E>::type) return false;
  const auto& entries = enum_words<E>::entries;
  REQUIRE(list.words.size() == entries.size());
  REQUIRE(list.labels.size() == entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    CHECK(list.words[i] == entries[i].word);
    CHECK(list.labels[i] == entries[i].label);
    // Word i is the enumerator of value i: bits and indices in columns mean the enum's values.
    CHECK(static_cast<std::size_t>(entries[i].value) == i);
    CHECK(list.parse(entries[i].word, "f") == static_cast<std::int64_t>(i));
  }
  return true;
}

person everything() {
  return person{.id = "full",
                .birth_date = d("1940-02-29"),
                .hukou = {rc("110104"), d("1960-05-01")},
                .residence = {rc("131082"), true},
                .ability = assessment(ability_scale::local, ability_level::severe, d("2023-03-01"),
                                      d("2025-02-28"), 40, "xixian.care_needs.2023"),
                .disability =
                    disability_certificate(disability_category::multiple, disability_grade::two,
                                           {{disability_category::intellectual, disability_grade::two}}),
                .categories = {category::dibao, category::kongchao},
                .health = {true, true},
                .stays = {stay("HB", d("2022-01-10"), d("2023-04-01")), stay("HR", d("2023-04-01"))},
                .household_id = "h-1",
                .programmes = {"weihai.virtual_platform"},
                .died_on = d("2024-11-30"),
                .id_number = id_number::parse("110104194002290019"),
                .weight = survey_weight::parse("2.5")};
}
} // namespace

TEST_CASE("every subject's names, columns and aliases are unique, and each column is its name's") {
  for (const subject_info& s : subjects) {
    INFO(s.name);
    CHECK(find_subject(s.name) == &s);
    std::set<std::string_view> names, columns, accepted;
    for (const field_info& f : s.fields) {
      INFO(f.name);
      CHECK(names.insert(f.name).second);
      CHECK(columns.insert(f.column).second);
      std::string flat(f.name);
      std::replace(flat.begin(), flat.end(), '.', '_');
      CHECK(f.column == flat);
      CHECK(!f.doc.empty());
      CHECK(!f.cpp.empty());
      CHECK(!f.cpp_type.empty());
      CHECK(!f.arrow.empty());
      CHECK(find_field(s.fields, f.name) == &f);
      CHECK(field_index(s.fields, f.name) == static_cast<std::size_t>(&f - s.fields.data()));
      // A required fact has no "missing"; an optional one says what missing means.
      CHECK(f.required == f.default_value.empty());
      if (f.kind == field_kind::integer) CHECK(f.min <= f.max);
      if (f.kind == field_kind::record_list) CHECK(find_subject(f.element) != nullptr);
      else
        CHECK(f.element.empty());
      // Words for word facts only; an alias for one word names a word of the fact.
      CHECK((f.kind == field_kind::word || f.kind == field_kind::word_set) == !f.words.empty());
      for (std::size_t k = 0; k < f.alias_count(); ++k) {
        const field_alias& a = f.aliases[k];
        if (!a.word.empty()) {
          CHECK(f.kind == field_kind::word_set);
          CHECK(std::find(f.words.words.begin(), f.words.words.end(), a.word) != f.words.words.end());
        }
        CHECK(!a.note.empty());
      }
      for (std::size_t k = f.alias_count(); k < f.aliases.size(); ++k) CHECK(f.aliases[k].empty());
    }
    // No alias is another fact's name or column, or another alias.
    for (const field_info& f : s.fields)
      for (std::size_t k = 0; k < f.alias_count(); ++k) {
        INFO(f.name << " alias " << f.aliases[k].name);
        const std::string_view a = f.aliases[k].name;
        const bool group = std::any_of(s.fields.begin(), s.fields.end(), [&](const field_info& g) {
          return g.name.starts_with(std::string(a) + ".");
        });
        // A JSON alias may name the group it shortens ("hukou": a bare region code) or be the fact's
        // own column (the short form "ability_level"), nothing else.
        CHECK(!names.contains(a));
        if (columns.contains(a)) CHECK((a == f.column && f.aliases[k].in == alias_in::json));
        if (group) CHECK(f.name.starts_with(std::string(a) + "."));
        CHECK(accepted.insert(a).second);
      }
  }
}

TEST_CASE("every word list is its enum's own (enum_words)") {
  std::size_t lists = 0;
  for (const subject_info& s : subjects)
    for (const field_info& f : s.fields) {
      if (f.words.empty()) continue;
      INFO(s.name << "." << f.name);
      ++lists;
      const bool known = is_words_of<category>(f.words) || is_words_of<health_condition>(f.words) ||
                         is_words_of<ability_scale>(f.words) || is_words_of<disability_category>(f.words) ||
                         is_words_of<facility_kind>(f.words);
      CHECK(known);
    }
  CHECK(lists == 6);
  // A parser of its own still refuses what the enum lacks, naming the field.
  const auto& categories = person_fields[field_index(person_fields, "categories")];
  CHECK_THROWS_WITH(categories.words.parse("rich", "persons[p].categories[0]"),
                    Catch::Contains("persons[p].categories[0] = 'rich'"));
  const auto& disability = person_fields[field_index(person_fields, "disability.category")];
  CHECK(disability.words.parse("肢体", "f") == static_cast<std::int64_t>(disability_category::physical));
}

TEST_CASE(
    "every column of population_columns holds a person fact of the schema, and each fact's columns exist") {
  std::set<std::string> stored;
  for (const field_info& f : person_fields) {
    INFO(f.name);
    REQUIRE(!f.stored_as.empty());
    for (const std::string& c : split(f.stored_as)) {
      CHECK(std::find(population_columns::column_names.begin(), population_columns::column_names.end(), c) !=
            population_columns::column_names.end());
      CHECK(stored.insert(c).second); // no column holds two facts
    }
  }
  CHECK(stored.size() == population_columns::column_names.size());
}

TEST_CASE("the access hooks agree with the person and the columns they reach") {
  facility_registry reg;
  reg.add(
      facility("HB", facility_kind::institution, rc("131082"), 300, filing(rc("131082"), d("2019-03-01"))));
  reg.add(facility("HR", facility_kind::institution, rc("110116"), 200));
  const person p = everything();
  const auto pop = population_columns::from_persons(std::vector<person>{p}, &reg);
  // Out of the columns as out of the person; into a person as it was.
  person copy = pop.to_person(0);
  std::size_t hooked = 0;
  for (const field_info& f : person_fields) {
    INFO(f.name);
    const field_access& a = f.access;
    CHECK((a.to_row == nullptr) == (a.of_columns == nullptr));
    CHECK((a.to_person == nullptr) == (a.of_person == nullptr));
    if (!f.part_of.empty() || f.kind == field_kind::record_list || f.kind == field_kind::text_list) {
      // A part of a value built from several facts, or a list: reached through that value.
      CHECK(a.to_person == nullptr);
      if (f.kind == field_kind::record_list || f.kind == field_kind::text_list) CHECK(a.to_row == nullptr);
      continue;
    }
    REQUIRE(a.of_person != nullptr);
    ++hooked;
    const cell from_person = a.of_person(p);
    const cell from_columns = a.of_columns(pop, 0);
    CHECK(from_person.number == from_columns.number);
    CHECK(from_person.text == from_columns.text);
    person blank{.id = "x",
                 .birth_date = d("1900-01-01"),
                 .hukou = {rc("110102"), std::nullopt},
                 .residence = {rc("110102"), false}};
    a.to_person(blank, from_person);
    CHECK(a.of_person(blank).number == from_person.number);
    CHECK(a.of_person(blank).text == from_person.text);
    a.to_person(copy, from_columns);
  }
  CHECK(hooked == 12); // the facts that are one value each, id_number, weight and died_on included
  CHECK(copy.health == p.health);
  CHECK(copy.hukou.since == p.hukou.since);

  // Every row hook together rebuilds the row: the columns' values, appended, give the same person
  // (the lists, which have no row hook, copied by hand).
  facility_table table(reg);
  population_columns again(table);
  row_input r;
  for (const field_info& f : person_fields)
    if (f.access.to_row) f.access.to_row(r, f.access.of_columns(pop, 0));
  const std::vector<std::string_view> programmes{"weihai.virtual_platform"};
  r.programmes = programmes;
  const std::vector<disability_component_input> parts{
      {static_cast<std::int8_t>(disability_category::intellectual), 2}};
  r.disability_components = parts;
  const std::vector<stay_input> stays{{0, to_day_number(d("2022-01-10")), to_day_number(d("2023-04-01"))},
                                      {1, to_day_number(d("2023-04-01")), no_day}};
  r.stays = stays;
  again.append(r);
  const person back = again.to_person(0);
  CHECK(back.ability == p.ability);
  CHECK(back.disability == p.disability);
  CHECK(back.categories == p.categories);
  CHECK(back.health == p.health);
  CHECK(back.hukou.since == p.hukou.since);
  CHECK(back.residence.rural == p.residence.rural);
  CHECK(back.household_id == p.household_id);
  CHECK(back.stays == p.stays);
}

TEST_CASE("the health fact is a set of the words of health_condition") {
  static_assert(health_status{true, false}.bits() == 1 && health_status{false, true}.bits() == 2);
  static_assert(health_status::from_bits(3) == health_status{true, true});
  static_assert(health_status{true, false}.has(health_condition::mental_illness));
  static_assert(!health_status{true, false}.has(health_condition::infectious_disease));
  CHECK(known_words<health_condition>() == "mental_illness, infectious_disease");
  CHECK(parse_word<health_condition>("严重精神障碍", "health") == health_condition::mental_illness);
  row_input r;
  r.id = "p";
  r.birth_day = to_day_number(d("1950-01-01"));
  r.hukou_region = 110102;
  r.residence_region = 110102;
  r.health = 4;
  population_columns pop;
  CHECK_THROWS_WITH(pop.append(r), Catch::Contains("population.health[row 0, id 'p'] = 4:") &&
                                       Catch::Contains("mental_illness, infectious_disease"));
}
