// Compile-only: the rule algebra is checked by the compiler.
#include <concepts>

#include "eldercare/eldercare.hpp"

using namespace eldercare;

namespace {
// A subject that is not a person: an employer has no birth date, hukou or stays.
struct employer {
  std::string id;
  int staff = 0;
};

template <class A, class B>
concept addable = requires(A a, B b) {
  a + b;
};
template <class A, class B>
concept andable = requires(A a, B b) {
  a&& b;
};
} // namespace

// Person conditions evaluate on persons...
static_assert(ConditionFor<age_at_least, person>);
static_assert(ConditionFor<continuous_stay_at_least, person>);
static_assert(ConditionFor<decltype(age_at_least(60) && !has_mental_illness{}), person>);
// ...and not on subjects that lack the facts they read: a rule for employers cannot use them.
static_assert(!ConditionFor<age_at_least, employer>, "an employer has no age");
static_assert(!ConditionFor<hukou_in, employer>, "an employer has no hukou");
static_assert(!ConditionFor<decltype(always{} && age_at_least(60)), employer>,
              "one unfit part makes the whole group unfit");
static_assert(ConditionFor<always, employer>, "subject-agnostic conditions fit any subject");

// The operators apply to conditions only: plain bools and ints are untouched.
static_assert(andable<age_at_least, lives_rural>);
static_assert(!andable<age_at_least, bool>, "a condition does not combine with a bare bool");
static_assert(!andable<age_at_least, int>);
static_assert(std::same_as<decltype(true && false), bool>);

// Benefits of different kinds do not add: money per month is not money per year, nor hours.
static_assert(addable<money_per_month, money_per_month>);
static_assert(!addable<money_per_month, money_per_year>, "monthly and yearly money do not add");
static_assert(!addable<money_per_month, service_hours_per_month>, "money does not add to hours");
static_assert(!addable<visits_per_month, meals_per_day>);
static_assert(!std::is_constructible_v<money_per_month, int>,
              "a money benefit is built from money, not a bare int");
static_assert(!std::is_constructible_v<service_hours_per_month, money>, "hours are not money");

// Periods and dates: a period is not a number of days.
static_assert(!std::is_convertible_v<int, period>);
static_assert(!addable<date, period>, "dates move by the Civil Code functions, not by operator+");
