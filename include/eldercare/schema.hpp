#pragma once
// The schema of the subjects' facts (schema/field.hpp): every subject and its fields, declared once.
// Apart from the umbrella eldercare.hpp, because the person's schema reaches into the population
// engine's columns (eldercare/batch/population_columns.hpp).

#include <array>       // the subjects
#include <string_view> // names

#include "eldercare/schema/facility.hpp"
#include "eldercare/schema/field.hpp"
#include "eldercare/schema/household.hpp"
#include "eldercare/schema/person.hpp"
#include "eldercare/schema/stay.hpp"
#include "eldercare/schema/worker.hpp"

namespace eldercare::schema {

/// Every subject, persons first.
inline constexpr std::array<subject_info, 6> subjects{
    {person_subject, stay_subject, disability_component_subject, facility_subject, household_subject,
     worker_subject}};

/// The subject named `name` (or nullptr).
[[nodiscard]] constexpr const subject_info* find_subject(std::string_view name) noexcept {
  for (const auto& s : subjects)
    if (s.name == name) return &s;
  return nullptr;
}

} // namespace eldercare::schema
