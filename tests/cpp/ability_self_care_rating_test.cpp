#include <catch2/catch.hpp>

#include "eldercare/ability/self_care_rating.hpp"

using namespace eldercare;

TEST_CASE("特困 rating: 0 具备 / 1-3 部分丧失 / >=4 完全丧失 (DOMAIN.md A.5)") {
  CHECK(rate_self_care(0) == self_care_rating::capable);
  CHECK(rate_self_care(1) == self_care_rating::partially_lost);
  CHECK(rate_self_care(3) == self_care_rating::partially_lost);
  CHECK(rate_self_care(4) == self_care_rating::fully_lost);
  CHECK(rate_self_care(6) == self_care_rating::fully_lost);
  CHECK(label(self_care_rating::partially_lost) == "部分丧失生活自理能力");
}

TEST_CASE("popular reading: 1-2 轻度 / 3-4 中度 / 5-6 重度") {
  CHECK(popular_severity(0) == self_care_severity::none);
  CHECK(popular_severity(1) == self_care_severity::mild);
  CHECK(popular_severity(2) == self_care_severity::mild);
  CHECK(popular_severity(3) == self_care_severity::moderate);
  CHECK(popular_severity(4) == self_care_severity::moderate);
  CHECK(popular_severity(5) == self_care_severity::severe);
  CHECK(popular_severity(6) == self_care_severity::severe);
  // The two readings differ: 3 items is 部分丧失 officially but 中度 popularly; 4 is 完全丧失 but
  // 中度.
  CHECK(rate_self_care(4) == self_care_rating::fully_lost);
  CHECK(popular_severity(4) == self_care_severity::moderate);
}

TEST_CASE("the checklist counts items not possible") {
  self_care_checklist c;
  CHECK(c.items_not_possible() == 0);
  CHECK(rate_self_care(c) == self_care_rating::capable);
  c.bathing = false;
  c.toileting = false;
  CHECK(c.items_not_possible() == 2);
  CHECK(rate_self_care(c) == self_care_rating::partially_lost);
  CHECK(popular_severity(c) == self_care_severity::mild);
  c.eating = c.dressing = false;
  CHECK(rate_self_care(c) == self_care_rating::fully_lost);
  c.getting_in_out_of_bed = c.indoor_walking = false;
  CHECK(c.items_not_possible() == 6);
  CHECK(popular_severity(c) == self_care_severity::severe);
}

TEST_CASE("counts outside 0..6 throw") {
  CHECK_THROWS_AS(rate_self_care(-1), invalid_value);
  CHECK_THROWS_AS(popular_severity(7), invalid_value);
  try {
    (void)rate_self_care(7, "persons[0].self_care");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_ability);
    CHECK(e.field() == "persons[0].self_care");
    CHECK(e.value() == "7");
  }
}
