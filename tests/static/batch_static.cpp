// Compile-only: a population row is a subject of the same leaves as a person, and only of those.
#include <concepts>
#include <span>

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"

using namespace eldercare;

// The row view models every concept the person leaves read...
static_assert(HasBirthDate<population_row>);
static_assert(HasHukou<population_row>);
static_assert(HasResidence<population_row>);
static_assert(HasCategories<population_row>);
static_assert(HasAbility<population_row>);
static_assert(HasDisability<population_row>);
static_assert(HasHealth<population_row>);
static_assert(HasStays<population_row>);
static_assert(HasProgrammes<population_row>);

// ...so every library leaf for persons evaluates on rows, unchanged (the batch engine's premise).
static_assert(ConditionFor<always, population_row>);
static_assert(ConditionFor<age_at_least, population_row>);
static_assert(ConditionFor<age_under, population_row>);
static_assert(ConditionFor<age_at_least_by_year, population_row>);
static_assert(ConditionFor<hukou_in, population_row>);
static_assert(ConditionFor<lives_in, population_row>);
static_assert(ConditionFor<lives_rural, population_row>);
static_assert(ConditionFor<in_category, population_row>);
static_assert(ConditionFor<has_mental_illness, population_row>);
static_assert(ConditionFor<has_infectious_disease, population_row>);
static_assert(ConditionFor<ability_at_least, population_row>);
static_assert(ConditionFor<self_care_rating_at_least, population_row>);
static_assert(ConditionFor<disability_at_least, population_row>);
static_assert(ConditionFor<multiple_disability_with, population_row>);
static_assert(ConditionFor<continuous_stay_at_least, population_row>);
static_assert(ConditionFor<in_facility, population_row>);
static_assert(ConditionFor<lives_at_home, population_row>);
static_assert(ConditionFor<enrolled_in, population_row>);
static_assert(
    ConditionFor<decltype(age_at_least(60) && !has_mental_illness{} && lives_at_home{}), population_row>);

// A row has no worker's or event's facts: those leaves do not fit it.
static_assert(!ConditionFor<is_care_worker, population_row>, "a population row is not a worker");
static_assert(!ConditionFor<employed_for_at_least, population_row>);

// Columns hold dates as day numbers, not dates; a row's stays are a view, not a copy.
static_assert(std::same_as<day_number, std::int32_t>);
static_assert(std::same_as<decltype(population_row::stays), std::span<const stay>>);
static_assert(sizeof(region_code) == sizeof(std::uint32_t), "a region column is 4 bytes a row");
static_assert(!std::is_convertible_v<int, region_code>);
