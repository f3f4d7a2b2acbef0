// population_columns::memory_report(), and the narrowed columns at their boundaries: the largest
// value that fits is kept, the next is refused with an error naming the field and the value (never
// truncated), and the columns stored from the first row that gives a value read as "none" before.
#include <catch2/catch.hpp>

#include <algorithm> // std::find
#include <cstdint>   // column values
#include <limits>    // the narrowed columns' ranges
#include <string>    // ids, messages
#include <vector>    // rows

#include "eldercare/batch/population_columns.hpp"
#include "eldercare/region/region_table.hpp"

using namespace eldercare;

namespace {
day_number day(int y, int m, int d) { return to_day_number(make_date(y, m, d)); }

row_input plain_row(std::string_view id) {
  row_input r;
  r.id = id;
  r.birth_day = day(1950, 1, 1);
  r.hukou_region = 110102;
  r.residence_region = 110102;
  return r;
}

const column_memory& entry(const population_memory& m, std::string_view name) {
  for (const column_memory& c : m.columns)
    if (c.name == name) return c;
  FAIL("no entry " << name);
  throw;
}

// The error of appending `r` to `pop`, checking that nothing of the row was kept.
std::string error_of(population_columns& pop, const row_input& r) {
  const std::size_t rows = pop.size();
  try {
    pop.append(r);
  } catch (const invalid_value& e) {
    CHECK(pop.size() == rows);
    return e.what();
  }
  return "no error";
}
} // namespace

TEST_CASE("memory report: the entries sum to the totals") {
  population_columns pop;
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back("row" + std::to_string(i));
  for (const std::string& id : ids) pop.append(plain_row(id));
  const population_memory m = pop.memory_report();
  REQUIRE(m.rows == 5);
  std::size_t total = 0, without_ids = 0, allocated = 0;
  for (const column_memory& c : m.columns) {
    CHECK(c.bytes >= c.entries * c.element_bytes);
    CHECK(c.allocated_bytes >= c.bytes);
    total += c.bytes;
    without_ids += c.ids ? 0 : c.bytes;
    allocated += c.allocated_bytes;
  }
  CHECK(m.total_bytes() == total);
  CHECK(m.total_bytes_without_ids() == without_ids);
  CHECK(m.allocated_bytes() == allocated);
  CHECK(m.bytes_per_row() == Approx(static_cast<double>(total) / 5));
  CHECK(m.bytes_per_row_without_ids() == Approx(static_cast<double>(without_ids) / 5));
  CHECK(entry(m, "id_chars").ids);
  CHECK(entry(m, "id_chars").bytes == 20); // "row0" ... "row4"
  CHECK_FALSE(entry(m, "birth_day").ids);
  CHECK(population_columns().memory_report().bytes_per_row() == 0.0);
}

TEST_CASE("memory report: the bytes of a known population") {
  // 1,000 rows with no optional facts but one hukou region: every per-row column at its width.
  population_columns pop;
  std::vector<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.push_back("p" + std::to_string(1000 + i)); // 5 characters each
  for (const std::string& id : ids) pop.append(plain_row(id));
  const population_memory m = pop.memory_report();
  // Per row: birth_day 4; hukou_key, residence_key, categories 2 each; ability_level,
  // disability_category, disability_grade, health 1 each; programme_offsets and stay_offsets 4 each
  // (size() + 1 entries). No hukou date, death, weight, household, ID number, certificate parts or
  // assessment details (held for assessed rows only): those columns hold nothing.
  const std::size_t per_row = 4 + 3 * 2 + 4 * 1;
  const std::size_t offsets = 2 * 4 * 1001;
  std::size_t rows_columns = 0;
  for (const char* name :
       {"birth_day", "hukou_key", "residence_key", "categories", "ability_level", "disability_category",
        "disability_grade", "health", "programme_offsets", "stay_offsets"})
    rows_columns += entry(m, name).bytes;
  CHECK(rows_columns == per_row * 1000 + offsets);
  CHECK(entry(m, "birth_seen").bytes ==
        (static_cast<std::size_t>(last_day_number() - first_day_number()) / 64 + 1) * 8);
  // Every other entry but the ids and the dictionaries (of one entry each here) holds nothing.
  const std::vector<std::string> beside{"birth_seen",
                                        "category_seen",
                                        "hukou_codes",
                                        "hukou_index",
                                        "residences",
                                        "residence_index",
                                        "local_scale_names",
                                        "ability_assessed_rows",
                                        "ability_assessed_counts"};
  for (const column_memory& c : m.columns)
    if (!c.ids && std::find(beside.begin(), beside.end(), c.name) == beside.end() && c.entries != 1000 &&
        c.entries != 1001)
      CHECK(c.bytes == 0);
  CHECK(entry(m, "weight").bytes == 0);
  CHECK(entry(m, "hukou_since").bytes == 0);
  CHECK(entry(m, "died_on").bytes == 0);
  CHECK(entry(m, "ability_assessed_on").bytes == 0);
  CHECK(entry(m, "ability_assessed_rows").bytes == 16 * 8); // a bit a row, in 64-bit words
  CHECK(entry(m, "household_offsets").bytes == 0);
  CHECK(entry(m, "id_number_offsets").bytes == 0);
  CHECK(entry(m, "disability_component_offsets").bytes == 0);
  // With ids: 4-byte offsets (1,001) and 5 characters a row.
  CHECK(m.total_bytes() - m.total_bytes_without_ids() == 4 * 1001 + 5 * 1000);
  // Beside the rows: one hukou code and one residence, and the tables of what is present.
  CHECK(entry(m, "hukou_codes").entries == 1);
  CHECK(entry(m, "residences").entries == 1);
  CHECK(m.bytes_per_row_without_ids() > 35.0);
  CHECK(m.bytes_per_row_without_ids() < 80.0); // the birth-day table (27 KiB) shared by 1,000 rows
}

TEST_CASE("narrowed columns: ability_raw holds -1 to 32767") {
  population_columns pop;
  row_input r = plain_row("p1");
  r.ability_level = 2;
  r.ability_scale = 5; // local
  r.ability_assessed_on = day(2020, 1, 1);
  r.ability_local_scale = "some.local.scale";
  r.ability_raw = 32767;
  pop.append(r);
  CHECK(pop.ability_raw()[0] == 32767);
  CHECK(pop.ability_of(0)->raw_score() == 32767);
  r.id = "p2";
  r.ability_raw = 32768;
  CHECK_THAT(error_of(pop, r), Catch::Contains("population.ability_raw[row 1, id 'p2'] = 32768:") &&
                                   Catch::Contains("at most 32767"));
  r.ability_raw = -1;
  pop.append(r);
  CHECK(pop.ability_raw()[1] == -1);
  CHECK_FALSE(pop.ability_of(1)->raw_score());
}

TEST_CASE("narrowed columns: categories hold every category's bit") {
  population_columns pop;
  row_input r = plain_row("p1");
  r.categories = (1U << category_count) - 1; // every category
  pop.append(r);
  CHECK(pop.categories()[0] == (1U << category_count) - 1);
  CHECK(pop.row(0).categories.bits() == (1U << category_count) - 1);
  r.id = "p2";
  r.categories = 1U << category_count;
  CHECK_THAT(error_of(pop, r), Catch::Contains("population.categories[row 1, id 'p2'] = " +
                                               std::to_string(1U << category_count) + ":"));
}

TEST_CASE("narrowed columns: a population holds 65,536 distinct hukou regions and residences") {
  // Township codes (a current county's code + 3 digits) give as many distinct valid codes as needed.
  std::vector<std::uint32_t> codes;
  for (const std::uint32_t county : region_table::codes()) {
    if (county % 100 == 0 || !region_table::find(county)->in_force_now()) continue;
    for (std::uint32_t k = 1; k <= 999 && codes.size() < detail::max_region_keys + 1; ++k)
      codes.push_back(county * 1000 + k);
    if (codes.size() > detail::max_region_keys) break;
  }
  REQUIRE(codes.size() == 65537);
  population_columns pop;
  pop.reserve(codes.size());
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < codes.size(); ++i) ids.push_back("p" + std::to_string(i));
  for (std::size_t i = 0; i + 1 < codes.size(); ++i) {
    row_input r = plain_row(ids[i]);
    r.hukou_region = codes[i];
    r.residence_region = codes[i];
    pop.append(r);
  }
  REQUIRE(pop.hukou_codes().size() == 65536);
  REQUIRE(pop.residences().size() == 65536);
  // The last key (65535) reads back its code.
  CHECK(pop.hukou_key()[65535] == 65535);
  CHECK(pop.hukou_region()[65535].value() == codes[65535]);
  CHECK(pop.residence_region()[65535].value() == codes[65535]);
  CHECK(pop.to_person(65535).hukou.region.value() == codes[65535]);
  // A code already present still fits; a new one does not.
  row_input r = plain_row(ids[65536]);
  r.hukou_region = codes[0];
  r.residence_region = codes[1];
  CHECK(error_of(pop, r) == "no error");
  r.id = "extra";
  r.hukou_region = codes[65536];
  CHECK_THAT(error_of(pop, r), Catch::Contains("population.hukou_region[row 65537, id 'extra'] = " +
                                               std::to_string(codes[65536]) + ":") &&
                                   Catch::Contains("at most 65536 distinct hukou regions"));
  r.hukou_region = codes[0];
  r.residence_region = codes[65536];
  CHECK_THAT(error_of(pop, r), Catch::Contains("population.residence_region[row 65537, id 'extra'] = " +
                                               std::to_string(codes[65536]) + ":") &&
                                   Catch::Contains("at most 65536 distinct residences"));
  // The same region as rural is another residence.
  r.residence_region = codes[0];
  r.residence_rural = true;
  CHECK_THAT(error_of(pop, r), Catch::Contains("population.residence_region[row 65537, id 'extra']"));
}

TEST_CASE("narrowed columns: a text column holds up to 4294967295 characters") {
  const std::size_t max = detail::max_text_chars;
  CHECK(max == 4294967295U);
  CHECK_NOTHROW(
      detail::check_text_room(max - 3, "abc", [] { return std::string("population.id[row 9, id 'abc']"); }));
  CHECK_NOTHROW(
      detail::check_text_room(max, "", [] { return std::string("population.household_id[row 9, id 'x']"); }));
  try {
    detail::check_text_room(max - 3, "abcd", [] { return std::string("population.id[row 9, id 'abcd']"); });
    FAIL("no error");
  } catch (const invalid_value& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("population.id[row 9, id 'abcd'] = 'abcd':") &&
                                          Catch::Contains("32-bit offsets"));
  }
}

TEST_CASE("columns stored from the first row that gives a value") {
  population_columns pop;
  pop.append(plain_row("a"));
  pop.append(plain_row("b"));
  CHECK_FALSE(pop.weighted());
  CHECK_FALSE(pop.weight_micros().stored());
  CHECK(pop.weight_micros().size() == 2);
  CHECK(pop.weight_micros()[1] == -1);
  CHECK(pop.household_id(1).empty());
  CHECK(pop.id_number(0).empty());
  CHECK(pop.disability_component_offsets().size() == 3);
  CHECK(pop.disability_component_offsets()[2] == 0);
  CHECK(pop.died_on()[1] == no_day);
  CHECK(pop.hukou_since()[0] == no_day);

  row_input r = plain_row("c");
  r.weight = 2'500'000;
  r.died_on = day(2024, 3, 1);
  r.hukou_since = day(1960, 1, 1);
  r.household_id = "h-1";
  r.id_number = "110102195001010013"; // born 1950-01-01, as the row's birth day
  r.disability_category = 6;          // multiple, with two parts
  r.disability_grade = 2;
  const std::vector<disability_component_input> parts{{2, 2}, {4, 3}};
  r.disability_components = parts;
  pop.append(r);
  pop.append(plain_row("d"));
  REQUIRE(pop.size() == 4);
  CHECK(pop.weighted());
  CHECK(pop.weight_micros().stored());
  CHECK(pop.weight_micros()[0] == -1);
  CHECK(pop.weight_micros()[2] == 2'500'000);
  CHECK(pop.weight_micros()[3] == -1);
  CHECK(pop.died_on()[0] == no_day);
  CHECK(pop.died_on()[2] == day(2024, 3, 1));
  CHECK(pop.died_on()[3] == no_day);
  CHECK(pop.to_person(2).died_on == make_date(2024, 3, 1));
  CHECK(pop.to_person(1).died_on == std::nullopt);
  CHECK(pop.row(2).hukou.since == make_date(1960, 1, 1));
  CHECK(pop.row(3).hukou.since == std::nullopt);
  CHECK(pop.household_id(0).empty());
  CHECK(pop.household_id(2) == "h-1");
  CHECK(pop.household_id(3).empty());
  CHECK(pop.id_number(1).empty());
  CHECK(pop.id_number(2) == "110102195001010013");
  CHECK(pop.id_number(3).empty());
  CHECK(pop.disability_of(1) == std::nullopt);
  CHECK(pop.disability_of(2)->components().size() == 2);
  CHECK(pop.disability_component_offsets()[4] == 2);
  CHECK(pop.to_person(3).weight == std::nullopt);
  CHECK(pop.to_person(2).weight->micros() == 2'500'000);
  const population_memory m = pop.memory_report();
  CHECK(entry(m, "weight").entries == 4);
  CHECK(entry(m, "household_offsets").entries == 5);
}

TEST_CASE("the assessment's details are held for the assessed rows only") {
  population_columns pop;
  std::vector<std::string> ids;
  for (int i = 0; i < 200; ++i) ids.push_back("p" + std::to_string(i));
  auto assessed_row = [](std::size_t i) { return i % 3 == 0 || i == 63 || i == 64 || i == 127; };
  for (std::size_t i = 0; i < 200; ++i) {
    row_input r = plain_row(ids[i]);
    if (assessed_row(i)) { // every third row, and rows around the 64-row words
      r.ability_level = static_cast<std::int8_t>(i % 5);
      r.ability_scale = 5; // local: any level and score
      r.ability_local_scale = i % 2 == 0 ? "scale.a" : "scale.b";
      r.ability_raw = static_cast<std::int32_t>(i);
      r.ability_assessed_on = day(2020, 1, 1) + static_cast<day_number>(i);
      if (i % 2 == 0) r.ability_valid_until = day(2022, 1, 1) + static_cast<day_number>(i);
    }
    pop.append(r);
  }
  std::size_t assessed = 0;
  for (std::size_t i = 0; i < 200; ++i) {
    const bool is = assessed_row(i);
    assessed += is ? 1 : 0;
    INFO("row " << i);
    CHECK((pop.ability_level()[i] >= 0) == is);
    CHECK(pop.ability_raw()[i] == (is ? static_cast<int>(i) : -1));
    CHECK(pop.ability_assessed_on()[i] == (is ? day(2020, 1, 1) + static_cast<day_number>(i) : no_day));
    CHECK(pop.ability_valid_until()[i] ==
          (is && i % 2 == 0 ? day(2022, 1, 1) + static_cast<day_number>(i) : no_day));
    CHECK(pop.ability_scale()[i] == (is ? 5 : 0));
    CHECK(pop.local_scale_names()[pop.ability_local_scale()[i]] ==
          (is ? (i % 2 == 0 ? "scale.a" : "scale.b") : ""));
    if (is) {
      REQUIRE(pop.ability_of(i));
      CHECK(pop.ability_of(i)->raw_score() == static_cast<int>(i));
      CHECK(pop.ability_of(i)->level().value() == static_cast<int>(i % 5));
    } else {
      CHECK_FALSE(pop.ability_of(i));
    }
  }
  CHECK(entry(pop.memory_report(), "ability_assessed_on").entries == assessed);
  // A refused assessed row leaves the details as they were.
  row_input bad = plain_row("bad");
  bad.ability_level = 2;
  bad.ability_scale = 5;
  bad.ability_local_scale = "scale.a";
  bad.ability_assessed_on = day(2020, 1, 1);
  bad.hukou_region = 999999;
  CHECK_THAT(error_of(pop, bad), Catch::Contains("population.hukou_region[row 200, id 'bad']"));
  CHECK(entry(pop.memory_report(), "ability_assessed_on").entries == assessed);
  pop.append(plain_row("after"));
  CHECK_FALSE(pop.ability_of(200));
}

TEST_CASE("a weight in the first row is stored") {
  population_columns pop;
  row_input r = plain_row("a");
  r.weight = 0; // a weight of 0 is a weight
  pop.append(r);
  pop.append(plain_row("b"));
  CHECK(pop.weighted());
  CHECK(pop.weight_micros()[0] == 0);
  CHECK(pop.weight_micros()[1] == -1);
  CHECK(pop.weight_micros().values().size() == 2);
}

TEST_CASE("a refused row leaves a column stored from it unstored") {
  population_columns pop;
  pop.append(plain_row("a"));
  row_input r = plain_row("b");
  r.weight = 1'000'000;
  r.household_id = "h";
  r.died_on = day(2024, 1, 1);
  r.hukou_region = 999999; // refused before anything is stored
  CHECK_THAT(error_of(pop, r), Catch::Contains("population.hukou_region[row 1, id 'b']"));
  CHECK_FALSE(pop.weighted());
  CHECK_FALSE(pop.weight_micros().stored());
  CHECK(entry(pop.memory_report(), "household_offsets").entries == 0);
  CHECK(entry(pop.memory_report(), "died_on").entries == 0);
}
