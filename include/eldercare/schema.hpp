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
inline constexpr std::array<subject_info, 6> subjects{{person_subject, stay_subject,
                                                       disability_component_subject, facility_subject,
                                                       household_subject, worker_subject}};

namespace detail {
/// Whether every name a table may give a column under (facts' columns, column and header aliases)
/// is unique across `lists`: a header maps to one fact.
template <class... Lists>
[[nodiscard]] constexpr bool unique_column_names(const Lists&... lists) {
  std::array<std::string_view, 512> names{};
  std::size_t n = 0;
  auto add = [&](std::string_view name) {
    for (std::size_t i = 0; i < n; ++i)
      if (names[i] == name) return false;
    names[n++] = name;
    return true;
  };
  bool ok = true;
  auto scan = [&](const auto& fields) {
    for (const field_info& f : fields) {
      ok = ok && add(f.column);
      for (std::size_t k = 0; k < f.alias_count(); ++k)
        if (f.aliases[k].in != alias_in::json) ok = ok && add(f.aliases[k].name);
    }
  };
  (scan(lists), ...);
  return ok;
}
} // namespace detail

// A column name or header means one fact: per subject, and in a sheet of persons with a stay per row.
static_assert(detail::unique_column_names(person_fields, stay_fields),
              "two facts of persons and stays share a column name or header");
static_assert(detail::unique_column_names(facility_fields),
              "two facts of facilities share a column name or header");

/// The subject named `name` (or nullptr).
[[nodiscard]] constexpr const subject_info* find_subject(std::string_view name) noexcept {
  for (const auto& s : subjects)
    if (s.name == name) return &s;
  return nullptr;
}

} // namespace eldercare::schema
