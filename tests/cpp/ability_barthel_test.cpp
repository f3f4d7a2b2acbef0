#include <catch2/catch.hpp>

#include "eldercare/ability/barthel.hpp"

using namespace eldercare;

TEST_CASE("Barthel scores are 0..100 in steps of 5") {
  CHECK(barthel_score(0).value() == 0);
  CHECK(barthel_score(100).value() == 100);
  CHECK(barthel_score(40) < barthel_score(45));
  CHECK_THROWS_AS(barthel_score(37), invalid_value);
  CHECK_THROWS_AS(barthel_score(105), invalid_value);
  CHECK_THROWS_AS(barthel_score(-5), invalid_value);
  try {
    (void)barthel_score(37, "persons[3].barthel");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_ability);
    CHECK(e.field() == "persons[3].barthel");
    CHECK(e.value() == "37");
  }
  try {
    (void)barthel_score(105);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "barthel_score");
    CHECK(e.value() == "105");
  }
}

TEST_CASE("standard bands: 100 / 61-99 / 41-60 / <=40 (DOMAIN.md A.3)") {
  CHECK(band(barthel_score(100)) == barthel_band::independent);
  CHECK(band(barthel_score(95)) == barthel_band::mild);
  CHECK(band(barthel_score(65)) == barthel_band::mild);
  CHECK(band(barthel_score(60)) == barthel_band::moderate);
  CHECK(band(barthel_score(45)) == barthel_band::moderate);
  CHECK(band(barthel_score(40)) == barthel_band::severe);
  CHECK(band(barthel_score(0)) == barthel_band::severe);
  CHECK(label(barthel_band::independent) == "无需依赖");
  CHECK(label(barthel_band::severe) == "重度依赖");
}

TEST_CASE("other four-band cut-offs are a parameter") {
  const barthel_cutoffs hospital(96, 75, 46); // 96-100 / 75-95 / 46-74 / <=45
  CHECK(band(barthel_score(95), hospital) == barthel_band::mild);
  CHECK(band(barthel_score(75), hospital) == barthel_band::mild);
  CHECK(band(barthel_score(70), hospital) == barthel_band::moderate);
  CHECK(band(barthel_score(45), hospital) == barthel_band::severe);
  CHECK(band(barthel_score(100), hospital) == barthel_band::independent);
  CHECK(barthel_cutoffs() == barthel_cutoffs(100, 61, 41));
  CHECK_THROWS_AS(barthel_cutoffs(100, 40, 60), invalid_value);
  CHECK_THROWS_AS(barthel_cutoffs(101, 61, 41), invalid_value);
  CHECK_THROWS_AS(barthel_cutoffs(100, 61, 0), invalid_value);
}

TEST_CASE("default mapping onto GB/T 42195 (assumption): bands 0/1/2/3, never 4") {
  CHECK(to_gbt42195(barthel_band::independent) == ability_level::intact);
  CHECK(to_gbt42195(barthel_band::mild) == ability_level::mild);
  CHECK(to_gbt42195(barthel_band::moderate) == ability_level::moderate);
  CHECK(to_gbt42195(barthel_band::severe) == ability_level::severe);
  CHECK(to_gbt42195(barthel_score(40)) == ability_level::severe);
  CHECK(to_gbt42195(barthel_score(45)) == ability_level::moderate);
  for (int s = 0; s <= 100; s += 5) CHECK(to_gbt42195(barthel_score(s)) != ability_level::total_loss);
}

TEST_CASE("a local mapping replaces the default, and must be monotone") {
  const barthel_gbt_mapping strict(ability_level::intact, ability_level::mild, ability_level::severe,
                                   ability_level::total_loss);
  CHECK(to_gbt42195(barthel_score(50), {}, strict) == ability_level::severe);
  CHECK(to_gbt42195(barthel_score(20), {}, strict) == ability_level::total_loss);
  try {
    (void)barthel_gbt_mapping(ability_level::intact, ability_level::moderate, ability_level::mild,
                              ability_level::severe, "rule.barthel_mapping");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_parameter);
    CHECK(e.field() == "rule.barthel_mapping");
    CHECK(e.value() == "0/2/1/3");
  }
}
