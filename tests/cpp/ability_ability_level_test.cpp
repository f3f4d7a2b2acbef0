#include <catch2/catch.hpp>

#include <string> // std::string for message checks

#include "eldercare/ability/ability_level.hpp"

using namespace eldercare;

TEST_CASE("ability_level holds GB/T 42195 levels 0..4") {
  for (int v = 0; v <= 4; ++v) CHECK(ability_level(v).value() == v);
  CHECK(ability_level::intact.value() == 0);
  CHECK(ability_level::mild.value() == 1);
  CHECK(ability_level::moderate.value() == 2);
  CHECK(ability_level::severe.value() == 3);
  CHECK(ability_level::total_loss.value() == 4);
  CHECK(ability_level(3) == ability_level::severe);
  CHECK(ability_level::mild < ability_level::moderate);
  CHECK(ability_level::total_loss > ability_level::severe);
}

TEST_CASE("ability_level labels are the standard's wording") {
  CHECK(ability_level::intact.label() == "能力完好");
  CHECK(ability_level::mild.label() == "能力轻度受损（轻度失能）");
  CHECK(ability_level::moderate.label() == "能力中度受损（中度失能）");
  CHECK(ability_level::severe.label() == "能力重度受损（重度失能）");
  CHECK(ability_level::total_loss.label() == "能力完全丧失（完全失能）");
  CHECK(ability_level::severe.short_label() == "重度失能");
  CHECK(ability_level::total_loss.short_label() == "完全失能");
}

TEST_CASE("an out-of-range level throws invalid_value naming field and value") {
  CHECK_THROWS_AS(ability_level(-1), invalid_value);
  CHECK_THROWS_AS(ability_level(5), invalid_value);
  try {
    (void)ability_level(7, "persons[2].ability_level");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_ability);
    CHECK(e.field() == "persons[2].ability_level");
    CHECK(e.value() == "7");
    CHECK(std::string(e.what()).find("[eldercare.invalid_value.104]") == 0);
  }
}

TEST_CASE("ability_band: explicit thresholds, no hidden default") {
  const auto severe_or_worse = ability_band::at_least(ability_level::severe);
  CHECK_FALSE(severe_or_worse.contains(ability_level::moderate));
  CHECK(severe_or_worse.contains(ability_level::severe));
  CHECK(severe_or_worse.contains(ability_level::total_loss));

  const ability_band mild_to_moderate(ability_level::mild, ability_level::moderate);
  CHECK_FALSE(mild_to_moderate.contains(ability_level::intact));
  CHECK(mild_to_moderate.contains(ability_level::mild));
  CHECK(mild_to_moderate.contains(ability_level::moderate));
  CHECK_FALSE(mild_to_moderate.contains(ability_level::severe));

  CHECK(ability_band::exactly(ability_level::moderate).contains(ability_level::moderate));
  CHECK_FALSE(ability_band::exactly(ability_level::moderate).contains(ability_level::severe));
  CHECK(ability_band::at_least(ability_level::severe) ==
        ability_band(ability_level::severe, ability_level::total_loss));

  try {
    (void)ability_band(ability_level::severe, ability_level::mild, "rule.band");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_parameter);
    CHECK(e.field() == "rule.band");
    CHECK(e.value() == "3..1");
  }

  CHECK(is_at_least(ability_level::severe, ability_level::severe));
  CHECK(is_at_least(ability_level::total_loss, ability_level::severe));
  CHECK_FALSE(is_at_least(ability_level::moderate, ability_level::severe));
}

TEST_CASE("ability_scale names round-trip") {
  for (auto s : {ability_scale::gbt_42195_2022, ability_scale::mzt_039_2013, ability_scale::barthel_index,
                 ability_scale::ltc_2021, ability_scale::tekun_self_care, ability_scale::local})
    CHECK(parse_ability_scale(to_string(s)) == s);
  CHECK(to_string(ability_scale::gbt_42195_2022) == "gbt_42195_2022");
  CHECK(title(ability_scale::mzt_039_2013) == "MZ/T 039-2013《老年人能力评估》");
  try {
    (void)parse_ability_scale("GB/T 42195", "assessments[0].scale");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "assessments[0].scale");
    CHECK(e.value() == "GB/T 42195");
  }
}
