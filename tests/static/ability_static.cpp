// Compile-only: ability levels are their own types. They do not mix with plain numbers, with each
// other's scales, or with disability-certificate grades (whose numbers run the other way).
#include <concepts>    // std::equality_comparable_with, std::totally_ordered_with
#include <type_traits> // std::is_convertible_v, std::is_constructible_v

#include "eldercare/ability/ability_level.hpp"
#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/barthel.hpp"
#include "eldercare/ability/disability_certificate.hpp"
#include "eldercare/ability/gbt42195.hpp"
#include "eldercare/ability/mzt039.hpp"
#include "eldercare/ability/self_care_rating.hpp"

namespace {
template <class A, class B>
concept less_comparable = requires(A a, B b) {
  a < b;
};
} // namespace

using eldercare::ability_level;
using eldercare::barthel_score;
using eldercare::disability_grade;

// ability_level: no int in, no int out, no comparison with int.
static_assert(!std::equality_comparable_with<ability_level, int>, "a level never equals a bare int");
static_assert(!std::totally_ordered_with<ability_level, int>, "a level never orders against an int");
static_assert(!std::is_convertible_v<int, ability_level>, "no implicit level from an int");
static_assert(!std::is_convertible_v<ability_level, int>, "no implicit int from a level");
static_assert(std::is_constructible_v<ability_level, int>, "explicit construction is the way in");
static_assert(!std::is_default_constructible_v<ability_level>, "a level is never guessed");
static_assert(std::totally_ordered<ability_level>, "levels order among themselves");

// Other scales do not mix with the GB/T level.
static_assert(!std::equality_comparable_with<ability_level, eldercare::mzt039::level>,
              "an MZ/T 039 level converts explicitly (mzt039::to_gbt42195)");
static_assert(!std::is_convertible_v<eldercare::mzt039::level, ability_level>,
              "no implicit MZ/T 039 → GB/T 42195 conversion");
static_assert(!std::equality_comparable_with<ability_level, barthel_score>, "a Barthel score is not a level");
static_assert(!std::is_convertible_v<int, barthel_score>, "no implicit Barthel score from an int");
static_assert(!std::equality_comparable_with<barthel_score, int>, "no Barthel score == int");
static_assert(!std::is_convertible_v<int, eldercare::mzt039::grade>, "no implicit grade");

// Disability grades: 一级 is the most severe, so no ordering at all, and no mixing with levels.
static_assert(!less_comparable<disability_grade, disability_grade>,
              "grade numbers run backwards: ask is_at_least_as_severe_as instead of <");
static_assert(!std::equality_comparable_with<disability_grade, ability_level>,
              "a certificate grade is not an ability level");
static_assert(!std::equality_comparable_with<disability_grade, int>, "no grade == int");
static_assert(!std::is_convertible_v<int, disability_grade>, "no implicit grade from an int");

// The tables are usable at compile time.
static_assert(ability_level::severe.value() == 3);
static_assert(ability_level::intact < ability_level::total_loss);
static_assert(eldercare::gbt42195::preliminary_level(90) == ability_level::intact);
static_assert(eldercare::gbt42195::preliminary_level(66) == ability_level::mild);
static_assert(eldercare::gbt42195::preliminary_level(65) == ability_level::moderate);
static_assert(eldercare::gbt42195::preliminary_level(45) == ability_level::severe);
static_assert(eldercare::gbt42195::preliminary_level(29) == ability_level::total_loss);
static_assert(eldercare::gbt42195::final_level(ability_level::severe, {true, false, 0}) ==
              ability_level::total_loss);
static_assert(eldercare::gbt42195::final_level(ability_level::mild, {false, true, 2},
                                               eldercare::gbt42195::raise_rule::cumulative) ==
              ability_level::severe);
static_assert(eldercare::ability_band::at_least(ability_level::severe).contains(ability_level::total_loss));
static_assert(eldercare::mzt039::adl_grade(barthel_score(40)) == eldercare::mzt039::grade(3));
static_assert(eldercare::to_gbt42195(barthel_score(40)) == ability_level::severe);
static_assert(eldercare::rate_self_care(4) == eldercare::self_care_rating::fully_lost);
static_assert(disability_grade::one.is_at_least_as_severe_as(disability_grade::two));
