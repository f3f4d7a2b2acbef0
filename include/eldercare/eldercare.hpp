#pragma once
// Umbrella header: everything in eldercare but the population engine, which has its own
// (eldercare/batch.hpp: it adds more than a second to a translation unit). Include single
// headers for faster builds.

#include "eldercare/core/error.hpp"

#include "eldercare/calendar/age.hpp"
#include "eldercare/catalog/sensitivity.hpp"
#include "eldercare/catalog/standard.hpp"
#include "eldercare/calendar/date.hpp"
#include "eldercare/calendar/holiday_calendar.hpp"
#include "eldercare/calendar/month_arithmetic.hpp"
#include "eldercare/calendar/period.hpp"

#include "eldercare/money/money.hpp"

#include "eldercare/region/named_regions.hpp"
#include "eldercare/region/region_code.hpp"
#include "eldercare/region/region_set.hpp"
#include "eldercare/region/region_table.hpp"

#include "eldercare/ability/ability_level.hpp"
#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/barthel.hpp"
#include "eldercare/ability/disability_certificate.hpp"
#include "eldercare/ability/gbt42195.hpp"
#include "eldercare/ability/mzt039.hpp"
#include "eldercare/ability/self_care_rating.hpp"

#include "eldercare/facility/facility.hpp"
#include "eldercare/facility/facility_criteria.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/facility/filing.hpp"

#include "eldercare/stay/continuous_stay.hpp"
#include "eldercare/stay/stay.hpp"

#include "eldercare/person/category.hpp"
#include "eldercare/person/health.hpp"
#include "eldercare/person/person.hpp"
#include "eldercare/person/residency.hpp"

#include "eldercare/household/household.hpp"

#include "eldercare/subjects/competition_event.hpp"
#include "eldercare/subjects/service_area.hpp"
#include "eldercare/subjects/worker.hpp"

#include "eldercare/rules/aliases.hpp"
#include "eldercare/rules/any_condition.hpp"
#include "eldercare/rules/benefit.hpp"
#include "eldercare/rules/citation.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/age_by_year.hpp"
#include "eldercare/rules/conditions/always.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/competition.hpp"
#include "eldercare/rules/conditions/employment.hpp"
#include "eldercare/rules/conditions/health.hpp"
#include "eldercare/rules/conditions/programme.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/rules/conditions/self_care.hpp"
#include "eldercare/rules/conditions/stay.hpp"
#include "eldercare/rules/conditions/worker.hpp"
#include "eldercare/rules/context.hpp"
#include "eldercare/rules/decision.hpp"
#include "eldercare/rules/explain.hpp"
#include "eldercare/rules/parameter.hpp"
#include "eldercare/rules/policy.hpp"
#include "eldercare/rules/ranking.hpp"
#include "eldercare/rules/rule.hpp"
#include "eldercare/rules/schedule.hpp"
#include "eldercare/rules/stacking.hpp"
#include "eldercare/rules/trace.hpp"
