// Compile-only: money is its own type. It does not mix with plain numbers or with dates.
#include <concepts> // std::equality_comparable_with

#include "eldercare/calendar/date.hpp"
#include "eldercare/money/money.hpp"

namespace {
template <class A, class B>
concept addable = requires(A a, B b) {
  a + b;
};
template <class A, class B>
concept multipliable = requires(A a, B b) {
  a* b;
};
} // namespace

using eldercare::date;
using eldercare::money;

static_assert(addable<money, money>, "money adds to money");
static_assert(!addable<money, date>, "money must not add to a date");
static_assert(!addable<date, money>, "a date must not add money");
static_assert(!addable<money, long>, "money must not add to a bare number of unknown unit");
static_assert(!multipliable<money, double>, "no floating point in money arithmetic");
static_assert(multipliable<money, long>, "money scales by a whole count (months, people)");
static_assert(!std::equality_comparable_with<money, long>, "money does not compare with an int");
static_assert(!std::is_convertible_v<long, money>, "no implicit money from a number");
