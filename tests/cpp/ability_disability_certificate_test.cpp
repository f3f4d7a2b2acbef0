#include <catch2/catch.hpp>

#include "eldercare/ability/disability_certificate.hpp"

using namespace eldercare;

TEST_CASE("grades 一级..四级, 一级 most severe") {
  for (int v = 1; v <= 4; ++v) CHECK(disability_grade(v).value() == v);
  CHECK(disability_grade::one.label() == "一级");
  CHECK(disability_grade::four.label() == "四级");
  CHECK(disability_grade::one.is_at_least_as_severe_as(disability_grade::two));
  CHECK(disability_grade::two.is_at_least_as_severe_as(disability_grade::two));
  CHECK_FALSE(disability_grade::three.is_at_least_as_severe_as(disability_grade::two));
}

TEST_CASE("grade 0 and 5 throw, naming field and value") {
  CHECK_THROWS_AS(disability_grade(0), invalid_value);
  CHECK_THROWS_AS(disability_grade(5), invalid_value);
  try {
    (void)disability_grade(5, "persons[4].disability_cert.grade");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_ability);
    CHECK(e.field() == "persons[4].disability_cert.grade");
    CHECK(e.value() == "5");
  }
}

TEST_CASE("categories parse from id, Chinese label and short form") {
  CHECK(parse_disability_category("physical") == disability_category::physical);
  CHECK(parse_disability_category("肢体残疾") == disability_category::physical);
  CHECK(parse_disability_category("肢体") == disability_category::physical);
  CHECK(parse_disability_category("多重") == disability_category::multiple);
  CHECK(parse_disability_category("言语残疾") == disability_category::speech);
  CHECK(label(disability_category::mental) == "精神残疾");
  CHECK(to_string(disability_category::intellectual) == "intellectual");
  try {
    (void)parse_disability_category("聋", "persons[0].disability_cert.category");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_category);
    CHECK(e.field() == "persons[0].disability_cert.category");
    CHECK(e.value() == "聋");
  }
  CHECK_THROWS_AS(parse_disability_category(""), invalid_value);
}

TEST_CASE("a certificate answers (category, grade-or-worse) questions") {
  const disability_certificate visual2(disability_category::visual, disability_grade::two);
  CHECK(visual2.shows(disability_category::visual, disability_grade::two));
  CHECK(visual2.shows(disability_category::visual, disability_grade::three));
  CHECK_FALSE(visual2.shows(disability_category::visual, disability_grade::one));
  CHECK_FALSE(visual2.shows(disability_category::physical, disability_grade::four));

  // Beijing: 多重残疾 including 二级 智力/精神 → the 600-yuan tier.
  const disability_certificate multi(disability_category::multiple, disability_grade::two,
                                     {{disability_category::intellectual, disability_grade::two},
                                      {disability_category::physical, disability_grade::three}});
  CHECK(multi.shows(disability_category::intellectual, disability_grade::two));
  CHECK_FALSE(multi.shows(disability_category::mental, disability_grade::two));
  CHECK(multi.shows(disability_category::multiple, disability_grade::two));
  CHECK(multi.components().size() == 2);
}

TEST_CASE("components only on a 多重 certificate, and never 多重 themselves") {
  CHECK_THROWS_AS(disability_certificate(disability_category::visual, disability_grade::one,
                                         {{disability_category::hearing, disability_grade::two}}),
                  invalid_value);
  try {
    (void)disability_certificate(disability_category::multiple, disability_grade::one,
                                 {{disability_category::visual, disability_grade::one},
                                  {disability_category::multiple, disability_grade::one}});
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "disability_certificate.components[1].category");
  }
}
