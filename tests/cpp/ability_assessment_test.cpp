#include <catch2/catch.hpp>

#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/mzt039.hpp"

using namespace eldercare;

namespace {
const date d2023_03_01 = make_date(2023, 3, 1);
const date d2023_08_31 = make_date(2023, 8, 31);
} // namespace

TEST_CASE("a GB/T 42195 assessment keeps scale, level, dates and raw score") {
  const assessment a(ability_scale::gbt_42195_2022, ability_level::severe, d2023_03_01, d2023_08_31, 40);
  CHECK(a.scale() == ability_scale::gbt_42195_2022);
  CHECK(a.level() == ability_level::severe);
  CHECK(a.assessed_on() == d2023_03_01);
  CHECK(a.valid_until() == d2023_08_31);
  CHECK(a.raw_score() == 40);
  CHECK(a.local_scale_id().empty());
}

TEST_CASE("holds_on: between assessed_on and valid_until, inclusive") {
  const assessment a(ability_scale::gbt_42195_2022, ability_level::moderate, d2023_03_01, d2023_08_31);
  CHECK_FALSE(a.holds_on(make_date(2023, 2, 28)));
  CHECK(a.holds_on(d2023_03_01));
  CHECK(a.holds_on(d2023_08_31));
  CHECK_FALSE(a.holds_on(make_date(2023, 9, 1)));
  const assessment open_ended(ability_scale::gbt_42195_2022, ability_level::moderate, d2023_03_01);
  CHECK(open_ended.holds_on(make_date(2030, 1, 1)));
}

TEST_CASE("the level-change rules only raise: level below the raw total's preliminary throws") {
  // Total 40 → preliminary 3; a final level 4 (after adjustments) is fine, 2 is not.
  CHECK_NOTHROW(
      assessment(ability_scale::gbt_42195_2022, ability_level::total_loss, d2023_03_01, std::nullopt, 40));
  try {
    (void)assessment(ability_scale::gbt_42195_2022, ability_level::moderate, d2023_03_01, std::nullopt, 40);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "assessment.level");
    CHECK(e.value() == "2");
  }
  CHECK_THROWS_AS(
      assessment(ability_scale::gbt_42195_2022, ability_level::moderate, d2023_03_01, std::nullopt, 91),
      invalid_value);
}

TEST_CASE("raw scores are checked per scale") {
  CHECK_NOTHROW(
      assessment(ability_scale::barthel_index, ability_level::severe, d2023_03_01, std::nullopt, 40));
  try {
    (void)assessment(ability_scale::barthel_index, ability_level::severe, d2023_03_01, std::nullopt, 37);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "assessment.raw_score");
    CHECK(e.value() == "37");
  }
  CHECK_THROWS_AS(
      assessment(ability_scale::tekun_self_care, ability_level::severe, d2023_03_01, std::nullopt, 7),
      invalid_value);
  CHECK_THROWS_AS(assessment(ability_scale::ltc_2021, ability_level::severe, d2023_03_01, std::nullopt, -1),
                  invalid_value);
}

TEST_CASE("valid_until before assessed_on throws") {
  try {
    (void)assessment(ability_scale::gbt_42195_2022, ability_level::mild, d2023_08_31, d2023_03_01);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "assessment.valid_until");
    CHECK(e.value() == "2023-03-01");
  }
  CHECK_THROWS_AS(assessment(ability_scale::gbt_42195_2022, ability_level::mild, date()), invalid_value);
}

TEST_CASE("an MZ/T 039 assessment stores the converted level, never 4") {
  const auto lvl = mzt039::to_gbt42195(mzt039::level::severe);
  const assessment a(ability_scale::mzt_039_2013, lvl, d2023_03_01);
  CHECK(a.level() == ability_level::severe);
  CHECK_THROWS_AS(assessment(ability_scale::mzt_039_2013, ability_level::total_loss, d2023_03_01),
                  invalid_value);
}

TEST_CASE("a local scale must be named, and only a local one") {
  const assessment a(ability_scale::local, ability_level::moderate, d2023_03_01, std::nullopt, std::nullopt,
                     "xixian.care_needs");
  CHECK(a.local_scale_id() == "xixian.care_needs");
  CHECK_THROWS_AS(assessment(ability_scale::local, ability_level::moderate, d2023_03_01), invalid_value);
  CHECK_THROWS_AS(assessment(ability_scale::gbt_42195_2022, ability_level::moderate, d2023_03_01,
                             std::nullopt, std::nullopt, "xixian.care_needs"),
                  invalid_value);
}
