#pragma once
// Households (户) of a population: persons grouped by household_id, for policies paid per household
// (Weihai's phone subsidy, "每户每月"). Evaluate or schedule the groups as any subjects:
//
//   const std::vector<household> hs = households_of(persons);
//   evaluate_each(policy, std::span<const household>(hs), on, &facilities, visit); // batch/evaluate_each.hpp
//   schedule_each(policy, std::span<const household>(hs), first, last, &facilities); // batch/schedules.hpp
//
// each giving what evaluate(policy, household, ...) and schedule(policy, household, ...) give.

#include <cstddef>       // std::size_t
#include <span>          // the persons
#include <string>        // household ids
#include <unordered_map> // household id → its place
#include <vector>        // the households

#include "eldercare/batch/population_columns.hpp"
#include "eldercare/household/household.hpp"

namespace eldercare {

namespace detail {
/// Groups person_of(0) ... person_of(n - 1) by household (see households_of).
template <class PersonOf>
std::vector<household> group_households(std::size_t n, PersonOf&& person_of) {
  std::vector<household> out;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) {
    person p = person_of(i);
    const std::string key = p.household_id.empty() ? p.id : p.household_id;
    const auto [it, fresh] = index.emplace(key, out.size());
    if (fresh) out.push_back(household{key, {}});
    out[it->second].members.push_back(std::move(p));
  }
  return out;
}
} // namespace detail

/// The persons grouped into households by household_id: a person without one is a household of one,
/// named by the person's id. Households come in the order of their first member, members in input
/// order.
[[nodiscard]] inline std::vector<household> households_of(std::span<const person> persons) {
  return detail::group_households(persons.size(), [&](std::size_t i) { return persons[i]; });
}

/// The rows of `pop`, as persons, grouped into households as households_of(persons) groups them.
[[nodiscard]] inline std::vector<household> households_of(const population_columns& pop) {
  return detail::group_households(pop.size(), [&](std::size_t i) { return pop.to_person(i); });
}

} // namespace eldercare
