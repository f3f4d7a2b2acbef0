#pragma once
// The library's leaf conditions over persons, listed once. The batch engine's table of leaves
// (batch/batch_leaf.hpp) and everything the Python binding offers for leaves (their kinds, the
// generic factory and the factories of eldercare.conditions, parameters, copies with changes,
// pickling, the opening of compile-time groups) come from this list and the declarations each leaf
// makes in its own header (rules/leaf.hpp). A new leaf is its header and one entry here.

#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/age_by_year.hpp"
#include "eldercare/rules/conditions/alive.hpp"
#include "eldercare/rules/conditions/always.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/health.hpp"
#include "eldercare/rules/conditions/programme.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/rules/conditions/self_care.hpp"
#include "eldercare/rules/conditions/stay.hpp"
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

/// Every leaf condition of the library over persons (and population rows), in the order Python's
/// eldercare.conditions lists them.
// [start:person_leaves]
using person_leaves =
    leaf_list<always, age_at_least, age_under, age_at_least_by_year, hukou_in, lives_in, lives_rural,
              in_category, has_mental_illness, has_infectious_disease, ability_at_least,
              self_care_rating_at_least, disability_at_least, multiple_disability_with,
              continuous_stay_at_least, in_facility, lives_at_home, enrolled_in, alive>;
// [end:person_leaves]

} // namespace eldercare
