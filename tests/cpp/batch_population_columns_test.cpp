// population_columns: persons to columns and back, row views, and validation errors that name the
// column, the row and id, and the value.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

facility_registry registry() {
  facility_registry r;
  r.add(facility("HB", facility_kind::institution, rc("131082"), 300, filing(rc("131082"), d("2019-03-01"))));
  r.add(facility("HR", facility_kind::institution, rc("110116"), 200, filing(rc("110116"), d("2018-05-01"))));
  return r;
}

std::vector<person> people() {
  std::vector<person> ps;
  ps.push_back(
      person{.id = "full",
             .birth_date = d("1940-02-29"),
             .hukou = {rc("110104"), d("1960-05-01")},
             .residence = {rc("131082"), true},
             .ability = assessment(ability_scale::gbt_42195_2022, ability_level::severe, d("2023-03-01"),
                                   d("2025-02-28"), 40),
             .disability = disability_certificate(disability_category::multiple, disability_grade::two,
                                                  {{disability_category::intellectual, disability_grade::two},
                                                   {disability_category::physical, disability_grade::three}}),
             .categories = {category::dibao, category::kongchao},
             .health = {true, false},
             .stays = {stay("HB", d("2022-01-10"), d("2023-04-01")), stay("HR", d("2023-04-01"))},
             .household_id = "h-1",
             .programmes = {"weihai.virtual_platform", "xian.advanced_age.certified"}});
  ps.push_back(person{.id = "bare",
                      .birth_date = d("1958-12-31"),
                      .hukou = {rc("371002"), std::nullopt},
                      .residence = {rc("371002"), false}});
  ps.push_back(
      person{.id = "local-scale",
             .birth_date = d("1950-07-01"),
             .hukou = {rc("610112"), std::nullopt},
             .residence = {rc("610112008"), true},
             .ability = assessment(ability_scale::local, ability_level::moderate, d("2022-01-01"),
                                   std::nullopt, 17, "xixian.care_needs.2023"),
             .disability = disability_certificate(disability_category::hearing, disability_grade::one),
             .health = {false, true},
             .household_id = "h-1"});
  return ps;
}

void require_same(const person& a, const person& b) {
  CHECK(a.id == b.id);
  CHECK(a.birth_date == b.birth_date);
  CHECK(a.hukou.region == b.hukou.region);
  CHECK(a.hukou.since == b.hukou.since);
  CHECK(a.residence.region == b.residence.region);
  CHECK(a.residence.rural == b.residence.rural);
  CHECK(a.ability == b.ability);
  CHECK(a.disability == b.disability);
  CHECK(a.categories == b.categories);
  CHECK(a.health == b.health);
  CHECK(a.stays == b.stays);
  CHECK(a.household_id == b.household_id);
  CHECK(a.programmes == b.programmes);
}

// The error of appending `r` to a one-facility population with one valid row.
std::string error_of(row_input r) {
  facility_table t;
  t.add("HB");
  population_columns pop(t);
  row_input ok;
  ok.id = "p0";
  ok.birth_day = to_day_number(d("1950-01-01"));
  ok.hukou_region = 110102;
  ok.residence_region = 110102;
  pop.append(ok);
  try {
    pop.append(r);
  } catch (const invalid_value& e) {
    CHECK(pop.size() == 1); // nothing of the bad row was kept
    CHECK(pop.stay_count() == 0);
    return e.what();
  }
  return "no error";
}

row_input valid_row() {
  row_input r;
  r.id = "p1";
  r.birth_day = to_day_number(d("1950-01-01"));
  r.hukou_region = 110102;
  r.residence_region = 110102;
  return r;
}
} // namespace

TEST_CASE("columns: persons to columns and back") {
  const facility_registry reg = registry();
  const auto ps = people();
  const population_columns pop = population_columns::from_persons(ps, &reg);
  REQUIRE(pop.size() == 3);
  CHECK(pop.stay_count() == 2);
  CHECK(pop.facilities().size() == 2);
  for (std::size_t i = 0; i < ps.size(); ++i) require_same(pop.to_person(i), ps[i]);
  // Reusing one person object (as the batch engine does) gives the same.
  person reused = pop.to_person(0);
  for (std::size_t i : {2U, 1U, 0U}) {
    pop.to_person(i, reused);
    require_same(reused, ps[i]);
  }
  // Columns hold the documented encodings.
  CHECK(pop.birth_day()[0] == static_cast<day_number>(d("1940-02-29").day_number()));
  CHECK(from_day_number(pop.birth_day()[1]) == d("1958-12-31"));
  CHECK(pop.hukou_region()[0] == rc("110104"));
  CHECK(pop.ability_level()[1] == -1);
  CHECK(pop.ability_level()[0] == 3);
  CHECK(pop.ability_valid_until()[2] == no_day);
  CHECK(pop.categories()[0] == category_set{category::dibao, category::kongchao}.bits());
  CHECK(pop.disability_category()[1] == -1);
  CHECK(pop.health()[0] == 1);
  CHECK(pop.health()[2] == 2);
  CHECK(pop.stay_offsets()[0] == 0);
  CHECK(pop.stay_offsets()[1] == 2);
  CHECK(pop.stay_offsets()[3] == 2);
  CHECK(pop.stay_discharged()[1] == no_day);
  CHECK(pop.facilities().id(pop.stay_facility()[1]) == "HR");
  CHECK(pop.id(2) == "local-scale");
  CHECK(pop.household_id(1).empty());
  // The hukou dictionary has one entry per code present.
  CHECK(pop.hukou_codes().size() == 3);
}

TEST_CASE("columns: a row view reads as the person does") {
  const facility_registry reg = registry();
  const auto ps = people();
  const population_columns pop = population_columns::from_persons(ps, &reg);
  const population_row row = pop.row(0);
  CHECK(row.id == "full");
  CHECK(row.birth_date == ps[0].birth_date);
  CHECK(row.hukou.region == ps[0].hukou.region);
  CHECK(row.ability == ps[0].ability);
  CHECK(row.disability == ps[0].disability);
  CHECK(std::vector<stay>(row.stays.begin(), row.stays.end()) == ps[0].stays);
  CHECK(std::vector<std::string>(row.programmes) == ps[0].programmes);
  // The same leaves on both subjects, with the same explanation.
  const any_condition c = any_condition(
      hukou_in(region_set("西城区", {rc("110102")})) && age_at_least(80) &&
      continuous_stay_at_least(period::months(3),
                               facility_criteria{regions::beijing_ecological_conservation_area({}),
                                                 {facility_kind::institution},
                                                 true}));
  for (const char* on : {"2023-05-01", "2023-07-01"}) {
    trace t1, t2;
    const auto leaf_verdicts = [&](const auto& subject, trace& t) {
      // Evaluate the typed condition, not the erased one, on each subject.
      const auto typed =
          hukou_in(region_set("西城区", {rc("110102")})) && age_at_least(80) &&
          continuous_stay_at_least(period::months(3),
                                   facility_criteria{regions::beijing_ecological_conservation_area({}),
                                                     {facility_kind::institution},
                                                     true});
      using S = std::remove_cvref_t<decltype(subject)>;
      return typed.evaluate(context<S>{subject, d(on), &reg}, t);
    };
    const bool on_person = leaf_verdicts(ps[0], t1);
    const bool on_row = leaf_verdicts(row, t2);
    CHECK(on_person == on_row);
    REQUIRE(t1.reasons().size() == t2.reasons().size());
    for (std::size_t k = 0; k < t1.reasons().size(); ++k) {
      CHECK(t1.reasons()[k].condition == t2.reasons()[k].condition);
      CHECK(t1.reasons()[k].passed == t2.reasons()[k].passed);
      CHECK(t1.reasons()[k].facts == t2.reasons()[k].facts);
      CHECK(t1.reasons()[k].met_on == t2.reasons()[k].met_on);
    }
    CHECK(holds(c, context<person>{ps[0], d(on), &reg}) == on_person);
  }
}

TEST_CASE("columns: errors name the column, the row and id, and the value") {
  row_input r = valid_row();
  r.id = "";
  CHECK_THAT(error_of(r), Catch::Contains("population.id[row 1, id '']"));

  r = valid_row();
  r.birth_day = 12;
  CHECK_THAT(error_of(r), Catch::Contains("population.birth_day[row 1, id 'p1'] = 12:") &&
                              Catch::Contains("[eldercare.invalid_value.101]"));

  r = valid_row();
  r.hukou_region = 999999;
  CHECK_THAT(error_of(r), Catch::Contains("population.hukou_region[row 1, id 'p1'] = 999999:") &&
                              Catch::Contains("[eldercare.invalid_value.103]"));

  r = valid_row();
  r.residence_region = 371071;
  CHECK_THAT(error_of(r), Catch::Contains("population.residence_region[row 1, id 'p1'] = 371071:") &&
                              Catch::Contains("development zone"));

  r = valid_row();
  r.hukou_since = to_day_number(d("1949-12-31"));
  CHECK_THAT(error_of(r), Catch::Contains("population.hukou_since[row 1, id 'p1']") &&
                              Catch::Contains("1949-12-31 is before the birth date 1950-01-01"));

  r = valid_row();
  r.ability_level = 7;
  r.ability_assessed_on = to_day_number(d("2020-01-01"));
  CHECK_THAT(error_of(r), Catch::Contains("population.ability_level[row 1, id 'p1'] = 7:"));

  r = valid_row();
  r.ability_level = 2;
  r.ability_scale = 9;
  r.ability_assessed_on = to_day_number(d("2020-01-01"));
  CHECK_THAT(error_of(r), Catch::Contains("population.ability_scale[row 1, id 'p1'] = 9:"));

  r = valid_row();
  r.ability_level = 1;
  r.ability_assessed_on = to_day_number(d("2020-01-01"));
  r.ability_raw = 40; // GB/T 42195 total 40 is level 3 at least
  CHECK_THAT(error_of(r), Catch::Contains("population.ability_level[row 1, id 'p1'] = 1:") &&
                              Catch::Contains("below the preliminary level 3"));

  r = valid_row();
  r.ability_level = 1;
  r.ability_assessed_on = to_day_number(d("2020-01-01"));
  r.ability_valid_until = to_day_number(d("2019-01-01"));
  CHECK_THAT(error_of(r), Catch::Contains("population.ability_valid_until[row 1, id 'p1']"));

  r = valid_row();
  r.ability_raw = 20; // without a level
  CHECK_THAT(error_of(r), Catch::Contains("population.ability_raw[row 1, id 'p1'] = 20:") &&
                              Catch::Contains("without an ability level"));

  r = valid_row();
  r.categories = 1U << 20;
  CHECK_THAT(error_of(r), Catch::Contains("population.categories[row 1, id 'p1'] = 1048576:"));

  r = valid_row();
  r.disability_category = 9;
  r.disability_grade = 1;
  CHECK_THAT(error_of(r), Catch::Contains("population.disability_category[row 1, id 'p1'] = 9:"));

  r = valid_row();
  r.disability_category = 3;
  r.disability_grade = 5;
  CHECK_THAT(error_of(r), Catch::Contains("population.disability_grade[row 1, id 'p1'] = 5:"));

  r = valid_row();
  const std::vector<disability_component_input> parts{{0, 1}};
  r.disability_category = 3; // physical: a single category lists no components
  r.disability_grade = 2;
  r.disability_components = parts;
  CHECK_THAT(error_of(r), Catch::Contains("population.disability_components[row 1, id 'p1']"));

  r = valid_row();
  r.health = 4;
  CHECK_THAT(error_of(r), Catch::Contains("population.health[row 1, id 'p1'] = 4:"));

  r = valid_row();
  const std::vector<std::string_view> programmes{"ok", ""};
  r.programmes = programmes;
  CHECK_THAT(error_of(r), Catch::Contains("population.programmes[row 1, id 'p1', entry 1]"));

  r = valid_row();
  std::vector<stay_input> stays{{3, to_day_number(d("2020-01-01")), no_day}};
  r.stays = stays;
  CHECK_THAT(error_of(r), Catch::Contains("population.stay_facility[row 1, id 'p1', stay 0] = 3:"));

  stays = {{0, to_day_number(d("2020-01-01")), to_day_number(d("2019-01-01"))}};
  r.stays = stays;
  CHECK_THAT(error_of(r), Catch::Contains("population.stay_discharged[row 1, id 'p1', stay 0]") &&
                              Catch::Contains("is before the admission 2020-01-01"));

  stays = {{0, to_day_number(d("1949-01-01")), no_day}};
  r.stays = stays;
  CHECK_THAT(error_of(r), Catch::Contains("population.stay_admitted[row 1, id 'p1', stay 0]"));

  stays = {{0, to_day_number(d("2020-01-01")), no_day}, {0, to_day_number(d("2021-01-01")), no_day}};
  r.stays = stays;
  CHECK_THAT(error_of(r), Catch::Contains("population.stay_admitted[row 1, id 'p1', stay 1]") &&
                              Catch::Contains("overlaps stay 0"));

  // A transfer on one day is not an overlap.
  stays = {{0, to_day_number(d("2020-01-01")), to_day_number(d("2021-01-01"))},
           {0, to_day_number(d("2021-01-01")), no_day}};
  r.stays = stays;
  CHECK(error_of(r) == "no error");
}

TEST_CASE("columns: persons are validated as persons") {
  const facility_registry reg = registry();
  person p = people()[1];
  p.stays = {stay("nowhere", d("2020-01-01"))};
  population_columns pop{facility_table(reg)};
  CHECK_THROWS_WITH(pop.append(p, &reg),
                    Catch::Contains("persons[bare].stays[0].facility") && Catch::Contains("nowhere"));
  CHECK(pop.empty());
  // Without a registry, the stay's facility joins the table.
  pop.append(p);
  CHECK(pop.facilities().find("nowhere") == 2);
  CHECK_THROWS_WITH(facility_table(reg).add("HB"), Catch::Contains("duplicate facility id"));
}

TEST_CASE("columns: whole columns appended at once hold what appending the rows holds") {
  // Rows given as whole columns (a Parquet batch's, for totals), against the same rows appended one
  // by one: every column equal, except the ids, which whole columns leave empty.
  const facility_registry reg = registry();
  const std::vector<day_number> birth{to_day_number(d("1940-02-29")), to_day_number(d("1950-07-01")),
                                      to_day_number(d("1930-01-31"))};
  const std::vector<std::uint32_t> hukou{110104, 110102, 110104};
  const std::vector<day_number> since{no_day, to_day_number(d("1970-01-01")), no_day};
  const std::vector<day_number> died{no_day, no_day, to_day_number(d("2024-03-05"))};
  const std::vector<std::uint32_t> stay_offsets{0, 2, 2, 3};
  const std::vector<std::int32_t> stay_facility{0, 1, 0};
  const std::vector<day_number> admitted{to_day_number(d("2022-01-10")), to_day_number(d("2023-04-01")),
                                         to_day_number(d("2020-05-05"))};
  const std::vector<day_number> discharged{to_day_number(d("2023-04-01")), no_day, no_day};
  population_columns::column_batch c;
  c.rows = 3;
  c.birth_day = birth;
  c.hukou_region = hukou;
  c.hukou_since = since;
  c.died_on = died;
  c.stay_offsets = stay_offsets;
  c.stay_facility = stay_facility;
  c.stay_admitted = admitted;
  c.stay_discharged = discharged;
  population_columns whole{facility_table(reg)};
  whole.append_columns(c);

  population_columns rows{facility_table(reg)};
  for (std::size_t i = 0; i < 3; ++i) {
    std::vector<stay_input> stays;
    for (std::uint32_t s = stay_offsets[i]; s < stay_offsets[i + 1]; ++s)
      stays.push_back({stay_facility[s], admitted[s], discharged[s]});
    row_input r;
    r.id = "x";
    r.birth_day = birth[i];
    r.hukou_region = hukou[i];
    r.residence_region = hukou[i]; // the stand-in whole columns take without a residence column
    r.hukou_since = since[i];
    r.died_on = died[i];
    r.stays = stays;
    rows.append(r);
  }
  REQUIRE(whole.size() == 3);
  REQUIRE(whole.stay_count() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    person a = whole.to_person(i), b = rows.to_person(i);
    CHECK(a.id.empty());
    b.id.clear();
    require_same(a, b);
    CHECK(whole.hukou_codes()[whole.hukou_key()[i]] == rows.hukou_codes()[rows.hukou_key()[i]]);
    CHECK(whole.residences()[whole.residence_key()[i]].region ==
          rows.residences()[rows.residence_key()[i]].region);
    CHECK(whole.residence_rural()[i] == rows.residence_rural()[i]);
    CHECK(whole.died_on()[i] == rows.died_on()[i]);
    CHECK(whole.stays_of(i).size() == rows.stays_of(i).size());
  }
  CHECK(whole.birth_min() == rows.birth_min());
  CHECK(whole.birth_max() == rows.birth_max());
  CHECK(whole.birth_present(birth[1]));
  CHECK(!whole.weighted());

  SECTION("batches append after each other; a column first given by a later batch; clear() reuses") {
    // Columns stored from the first row that gives a value (memory: batch/column_view.hpp): the
    // first batch gives no weight, death or hukou date, the second does.
    population_columns two{facility_table(reg)};
    auto first = c;
    first.hukou_since = {};
    first.died_on = {};
    two.append_columns(first);
    CHECK(!two.weighted());
    auto second = c;
    const std::vector<std::int64_t> weight{2'000'000, -1, 500'000};
    second.weight = weight;
    two.append_columns(second);
    REQUIRE(two.size() == 6);
    REQUIRE(two.stay_count() == 6);
    CHECK(two.weighted());
    for (std::size_t i = 0; i < 3; ++i) {
      CAPTURE(i);
      CHECK(two.weight_micros()[i] == -1);
      CHECK(two.died_on()[i] == no_day);
      CHECK(two.hukou_since()[i] == no_day);
      CHECK(two.weight_micros()[3 + i] == weight[i]);
      CHECK(two.died_on()[3 + i] == died[i]);
      CHECK(two.hukou_since()[3 + i] == since[i]);
      CHECK(two.stays_of(3 + i).size() == rows.stays_of(i).size());
      CHECK(two.hukou_codes()[two.hukou_key()[3 + i]] == rows.hukou_codes()[rows.hukou_key()[i]]);
    }
    two.clear(facility_table(reg));
    CHECK(two.size() == 0);
    CHECK(two.stay_count() == 0);
    CHECK(!two.weighted());
    CHECK(!two.birth_present(birth[1]));
    two.append_columns(c);
    REQUIRE(two.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) require_same(two.to_person(i), whole.to_person(i));
  }

  SECTION("a value append(row_input) refuses is refused, and nothing is appended") {
    auto refused = [&](population_columns::column_batch bad, const std::string& field) {
      population_columns p{facility_table(reg)};
      try {
        p.append_columns(bad);
        FAIL("accepted");
      } catch (const invalid_value& e) {
        CHECK(e.field() == field);
      }
      CHECK(p.size() == 0);
      CHECK(p.stay_count() == 0);
    };
    const std::vector<std::uint32_t> no_region{110104, 999999, 110104};
    auto bad = c;
    bad.hukou_region = no_region;
    refused(bad, "population.hukou_region[row 1]");
    const std::vector<day_number> early{no_day, to_day_number(d("1949-01-01")), no_day};
    bad = c;
    bad.hukou_since = early;
    refused(bad, "population.hukou_since[row 1]");
    const std::vector<day_number> overlapping{to_day_number(d("2022-01-10")), to_day_number(d("2023-03-01")),
                                              to_day_number(d("2020-05-05"))};
    bad = c;
    bad.stay_admitted = overlapping;
    refused(bad, "population.stay_admitted[row 0]");
    const std::vector<std::int32_t> no_facility{0, 2, 0};
    bad = c;
    bad.stay_facility = no_facility;
    refused(bad, "population.stay_facility[row 0]");
    const std::vector<std::int64_t> negative{1'000'000, -5, 2'000'000};
    bad = c;
    bad.weight = negative;
    refused(bad, "population.weight[row 1]");
  }
}
