#include <catch2/catch.hpp>

#include "eldercare/ability/mzt039.hpp"

using namespace eldercare;
using namespace eldercare::mzt039;

namespace {
// Grades in the standard's order: ADL, 精神状态, 感知觉与沟通, 社会参与.
grades g(int adl, int mental, int perception, int social) {
  return {grade(adl), grade(mental), grade(perception), grade(social)};
}
int lvl(int a, int m, int p, int s, overlap_rule r = overlap_rule::more_severe) {
  return combine(g(a, m, p, s), r).value();
}
} // namespace

TEST_CASE("ADL grade from a Barthel score: 100 / 65-95 / 45-60 / <=40 (DOMAIN.md A.2)") {
  CHECK(adl_grade(100).value() == 0);
  CHECK(adl_grade(95).value() == 1);
  CHECK(adl_grade(65).value() == 1);
  CHECK(adl_grade(60).value() == 2);
  CHECK(adl_grade(45).value() == 2);
  CHECK(adl_grade(40).value() == 3);
  CHECK(adl_grade(0).value() == 3);
}

TEST_CASE("ADL grade and Barthel bands coincide for every valid score") {
  for (int s = 0; s <= 100; s += 5) {
    const barthel_score bi(s);
    CHECK(adl_grade(bi).value() == static_cast<int>(band(bi)));
  }
}

TEST_CASE("ADL grade rejects scores that are not a Barthel total") {
  CHECK_THROWS_AS(adl_grade(37), invalid_value);
  CHECK_THROWS_AS(adl_grade(105), invalid_value);
  CHECK_THROWS_AS(adl_grade(-5), invalid_value);
  try {
    (void)adl_grade(62, "persons[1].adl");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "persons[1].adl");
    CHECK(e.value() == "62");
  }
}

TEST_CASE("grades and levels are 0..3") {
  CHECK_THROWS_AS(grade(4), invalid_value);
  CHECK_THROWS_AS(grade(-1), invalid_value);
  CHECK_THROWS_AS(level(4), invalid_value);
  CHECK(level::severe.label() == "重度失能");
  CHECK(level::intact.label() == "能力完好");
}

TEST_CASE("combination: 0 能力完好") {
  CHECK(lvl(0, 0, 0, 0) == 0);
  CHECK(lvl(0, 0, 0, 1) == 0);
}

TEST_CASE("combination: 1 轻度失能") {
  // ADL 0 with 精神状态 or 感知觉 >= 1, or 社会参与 2.
  CHECK(lvl(0, 1, 0, 0) == 1);
  CHECK(lvl(0, 0, 1, 0) == 1);
  CHECK(lvl(0, 3, 3, 3) == 1);
  CHECK(lvl(0, 0, 0, 2) == 1);
  // ADL 1 with at least one other at 0 or 1.
  CHECK(lvl(1, 0, 0, 0) == 1);
  CHECK(lvl(1, 2, 2, 1) == 1);
  CHECK(lvl(1, 1, 2, 2) == 1);
}

TEST_CASE("combination: 2 中度失能") {
  // ADL 1 with the other three all 2, or one at 3 (others >= 2: no overlap).
  CHECK(lvl(1, 2, 2, 2) == 2);
  CHECK(lvl(1, 3, 2, 2) == 2);
  CHECK(lvl(1, 3, 3, 3) == 2);
  // ADL 2 with one or two others at 1 or 2.
  CHECK(lvl(2, 1, 0, 0) == 2);
  CHECK(lvl(2, 2, 0, 0) == 2);
  CHECK(lvl(2, 1, 2, 0) == 2);
}

TEST_CASE("combination: 3 重度失能") {
  CHECK(lvl(3, 0, 0, 0) == 3); // ADL 3 alone
  CHECK(lvl(3, 3, 3, 3) == 3);
  CHECK(lvl(2, 2, 2, 2) == 3); // all four at 2
  CHECK(lvl(2, 3, 0, 0) == 3); // ADL 2 and one other at 3
  CHECK(lvl(2, 0, 3, 3) == 3);
}

TEST_CASE("combination gaps are filled by the documented assumption") {
  const auto a = combine_explained(g(0, 0, 0, 3));
  CHECK(a.gap);
  CHECK(a.result == level::mild);
  const auto b = combine_explained(g(2, 0, 0, 0));
  CHECK(b.gap);
  CHECK(b.result == level::moderate);
  const auto c = combine_explained(g(2, 1, 1, 1)); // three others at 1-2, not all 2
  CHECK(c.gap);
  CHECK(c.result == level::moderate);
  CHECK(combine_explained(g(2, 1, 2, 2)).result == level::moderate);
}

TEST_CASE("combination overlaps: more severe wins by default, selectable") {
  // ADL 1 with one other at 0 and another at 3: both 轻度 and 中度 wording match.
  const auto a = combine_explained(g(1, 0, 3, 2));
  CHECK(a.overlap);
  CHECK(a.matched[1]);
  CHECK(a.matched[2]);
  CHECK(a.result == level::moderate);
  CHECK(lvl(1, 0, 3, 2, overlap_rule::less_severe) == 1);
  // ADL 2 with one other at 1 and another at 3: 中度 and 重度 match.
  CHECK(lvl(2, 1, 3, 0) == 3);
  CHECK(lvl(2, 1, 3, 0, overlap_rule::less_severe) == 2);
}

TEST_CASE("combination is total and monotone over all 256 grade sets") {
  int gaps = 0, overlaps = 0;
  for (int a = 0; a <= 3; ++a)
    for (int m = 0; m <= 3; ++m)
      for (int p = 0; p <= 3; ++p)
        for (int s = 0; s <= 3; ++s) {
          const auto out = combine_explained(g(a, m, p, s));
          gaps += out.gap ? 1 : 0;
          overlaps += out.overlap ? 1 : 0;
          CHECK_FALSE((out.gap && out.overlap));
          // At most two rules ever match, and they are adjacent levels.
          int matched = 0;
          for (bool b : out.matched) matched += b ? 1 : 0;
          CHECK(matched <= 2);
          CHECK(out.result.value() >= (a == 3 ? 3 : a == 0 ? 0 : a - 1));
          if (a < 3) {
            // Worsening ADL never improves the level.
            CHECK(combine(g(a + 1, m, p, s)) >= out.result);
          }
        }
  // Gaps: (0,0,0,3); ADL 2 with all others 0 (1 set) or all three others in {1,2} but not all 2
  // (7 sets).
  CHECK(gaps == 9);
  CHECK(overlaps > 0);
}

TEST_CASE("MZ/T 039 levels convert onto GB/T 42195 number for number") {
  CHECK(to_gbt42195(level::intact) == ability_level::intact);
  CHECK(to_gbt42195(level::mild) == ability_level::mild);
  CHECK(to_gbt42195(level::moderate) == ability_level::moderate);
  CHECK(to_gbt42195(level::severe) == ability_level::severe);
  // No MZ/T equivalent of 4: it reads back as 3 (重度失能).
  CHECK(from_gbt42195(ability_level::total_loss) == level::severe);
  for (int v = 0; v <= 3; ++v) CHECK(from_gbt42195(to_gbt42195(level(v))) == level(v));
}
