#pragma once
// What a condition is evaluated against: a subject (a person, a household, an employer...), a date,
// and the registries the subject's facts refer to.

#include "eldercare/calendar/date.hpp"

namespace eldercare {

class facility_registry;

/// `Subject` is the type of facts: `person` for most rules; conditions are templates over it so that
/// other subjects (employers, households, columnar rows) reuse the same condition code.
template <class Subject>
struct context {
  const Subject& subject;
  date on;                                       ///< evaluated as of 24:00 on this day (art. 203)
  const facility_registry* facilities = nullptr; ///< needed by stay conditions only
};

} // namespace eldercare
