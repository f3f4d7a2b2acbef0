#include <catch2/catch.hpp>

#include "eldercare/ability/gbt42195.hpp"

using namespace eldercare;
using namespace eldercare::gbt42195;

namespace {
int prelim(int total) { return preliminary_level(total).value(); }
} // namespace

TEST_CASE("preliminary level from the 90-point total (DOMAIN.md A.1)") {
  CHECK(prelim(90) == 0);
  CHECK(prelim(89) == 1);
  CHECK(prelim(66) == 1);
  CHECK(prelim(65) == 2);
  CHECK(prelim(46) == 2);
  CHECK(prelim(45) == 3);
  CHECK(prelim(30) == 3);
  CHECK(prelim(29) == 4);
  CHECK(prelim(0) == 4);
}

TEST_CASE("every total maps monotonically: a higher score is never a worse level") {
  for (int t = 1; t <= 90; ++t) CHECK(preliminary_level(t) <= preliminary_level(t - 1));
}

TEST_CASE("totals outside 0..90 throw, naming field and value") {
  CHECK_THROWS_AS(preliminary_level(-1), invalid_value);
  CHECK_THROWS_AS(preliminary_level(91), invalid_value);
  try {
    (void)preliminary_level(95, "persons[0].gbt_total");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_ability);
    CHECK(e.field() == "persons[0].gbt_total");
    CHECK(e.value() == "95");
  }
}

TEST_CASE("first-level scores are checked against their maxima") {
  CHECK(first_level_scores{32, 15, 28, 15}.total() == 90);
  CHECK(preliminary_level(first_level_scores{32, 15, 28, 15}) == ability_level::intact);
  CHECK(preliminary_level(first_level_scores{10, 5, 10, 5}) == ability_level::severe); // 30
  try {
    (void)first_level_scores{33, 0, 0, 0}.total();
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "gbt42195.self_care");
    CHECK(e.value() == "33");
  }
  CHECK_THROWS_AS((first_level_scores{0, 16, 0, 0}.total()), invalid_value);
  CHECK_THROWS_AS((first_level_scores{0, 0, 29, 0}.total()), invalid_value);
  CHECK_THROWS_AS((first_level_scores{0, 0, 0, -1}.total()), invalid_value);
}

TEST_CASE("no level-change facts: the final level is the preliminary one") {
  for (int v = 0; v <= 4; ++v)
    for (auto rule : {raise_rule::at_most_one_step, raise_rule::cumulative})
      CHECK(final_level(ability_level(v), {}, rule) == ability_level(v));
}

TEST_CASE("coma sets the level to 4 whatever else") {
  level_change_facts f;
  f.coma = true;
  CHECK(final_level(ability_level::intact, f) == ability_level::total_loss);
  CHECK(final_level(ability_level::moderate, f) == ability_level::total_loss);
  f.dementia_or_mental_disorder = true;
  f.care_risk_events_30d = 3;
  const auto out = final_level_explained(ability_level::mild, f, raise_rule::cumulative);
  CHECK(out.final_level == ability_level::total_loss);
  CHECK(out.coma_applied);
  CHECK_FALSE(out.dementia_applied);
  CHECK_FALSE(out.risk_events_applied);
  CHECK(out.steps_raised == 0);
}

TEST_CASE("dementia or mental disorder raises by one") {
  level_change_facts f;
  f.dementia_or_mental_disorder = true;
  CHECK(final_level(ability_level::intact, f) == ability_level::mild);
  CHECK(final_level(ability_level::moderate, f) == ability_level::severe);
  CHECK(final_level(ability_level::moderate, f, raise_rule::cumulative) == ability_level::severe);
}

TEST_CASE("two or more care-risk events in 30 days raise by one; one does not") {
  level_change_facts f;
  f.care_risk_events_30d = 1;
  CHECK(final_level(ability_level::moderate, f) == ability_level::moderate);
  f.care_risk_events_30d = 2;
  CHECK(final_level(ability_level::moderate, f) == ability_level::severe);
  f.care_risk_events_30d = 5;
  CHECK(final_level(ability_level::moderate, f, raise_rule::cumulative) == ability_level::severe);
}

TEST_CASE("both +1 rules: one step by default, two when cumulative") {
  level_change_facts f;
  f.dementia_or_mental_disorder = true;
  f.care_risk_events_30d = 2;
  CHECK(final_level(ability_level::mild, f) == ability_level::moderate);
  CHECK(final_level(ability_level::mild, f, raise_rule::at_most_one_step) == ability_level::moderate);
  CHECK(final_level(ability_level::mild, f, raise_rule::cumulative) == ability_level::severe);
  const auto out = final_level_explained(ability_level::mild, f, raise_rule::cumulative);
  CHECK(out.dementia_applied);
  CHECK(out.risk_events_applied);
  CHECK(out.steps_raised == 2);
  CHECK_FALSE(out.capped);
}

TEST_CASE("raises are capped at level 4") {
  level_change_facts f;
  f.dementia_or_mental_disorder = true;
  f.care_risk_events_30d = 2;
  CHECK(final_level(ability_level::severe, f) == ability_level::total_loss);
  const auto out = final_level_explained(ability_level::severe, f, raise_rule::cumulative);
  CHECK(out.final_level == ability_level::total_loss);
  CHECK(out.steps_raised == 2);
  CHECK(out.capped);
  CHECK(final_level(ability_level::total_loss, f) == ability_level::total_loss);
  CHECK(final_level_explained(ability_level::total_loss, f).capped);
}

TEST_CASE("a negative event count throws") {
  level_change_facts f;
  f.care_risk_events_30d = -1;
  try {
    (void)final_level(ability_level::mild, f);
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "level_change_facts.care_risk_events_30d");
    CHECK(e.value() == "-1");
  }
}

TEST_CASE("worked example: total 50, dementia, 2 falls") {
  // 50 → preliminary 2 (中度); dementia +1 and falls +1 → 3 by default, 4 if cumulative.
  const auto pre = preliminary_level(50);
  CHECK(pre == ability_level::moderate);
  const level_change_facts f{false, true, 2};
  CHECK(final_level(pre, f) == ability_level::severe);
  CHECK(final_level(pre, f, raise_rule::cumulative) == ability_level::total_loss);
}
