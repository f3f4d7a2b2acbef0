#pragma once
// Subjects one by one (the person path): every person, household or population row evaluated with
// evaluate() or grant_on(), as one subject would be, over std::threads. What the columnar engine
// (evaluate_batch.hpp) does not serve goes this way: households, catalog bundles (a prepared_entry),
// explanations per row; it is also the reference the engine is checked against.
//
// The target is anything evaluate(target, subject, on, facilities) and grant_on(...) accept: a
// policy for its subjects, a policy over persons for households (household/household.hpp), a
// prepared catalog entry for persons (catalog/prepared_entry.hpp).

#include <concepts> // std::same_as: what a target must offer
#include <cstddef>  // std::size_t
#include <optional> // person per worker, grants
#include <span>     // the subjects
#include <vector>   // decisions

#include "eldercare/batch/detail/parallel.hpp"
#include "eldercare/batch/population_columns.hpp"
#include "eldercare/batch/row_errors.hpp"
#include "eldercare/rules/aliases.hpp"
#include "eldercare/rules/decision.hpp"

namespace eldercare {

/// Calls visit(i, decision) with evaluate(target, subjects[i], on, facilities), the decision an
/// rvalue, for every subject i, over `threads` threads (0: the hardware's). visit is called
/// concurrently, for different i. With `errors`, a subject whose evaluation throws invalid_value is
/// recorded there (and not visited) instead of stopping the loop (batch/row_errors.hpp).
template <class Target, class Subject, class Visit>
  requires requires(const Target& t, const Subject& s, const date& on, const facility_registry* f) {
    { evaluate(t, s, on, f) } -> std::same_as<decision>;
  }
void evaluate_each(const Target& target, std::span<const Subject> subjects, const date& on,
                   const facility_registry* facilities, Visit&& visit, unsigned threads = 0,
                   row_errors* errors = nullptr) {
  detail::parallel_rows(
      subjects.size(), detail::subject_chunk_rows, detail::resolve_threads(threads),
      [&](unsigned, std::size_t i) {
        std::optional<decision> d;
        if (detail::row_or_error(errors, i, [&] { d = evaluate(target, subjects[i], on, facilities); }))
          visit(i, std::move(*d));
      });
}

/// evaluate_each for the rows of `pop` as persons (one person per thread, refilled row after row).
template <class Visit>
void evaluate_each(const policy& p, const population_columns& pop, const date& on,
                   const facility_registry* facilities, Visit&& visit, unsigned threads = 0,
                   row_errors* errors = nullptr) {
  const unsigned workers = detail::resolve_threads(threads);
  std::vector<std::optional<person>> people(workers);
  detail::parallel_rows(pop.size(), detail::subject_chunk_rows, workers, [&](unsigned w, std::size_t i) {
    if (people[w]) pop.to_person(i, *people[w]); // refills, reusing the person's storage
    else
      people[w] = pop.to_person(i);
    std::optional<decision> d;
    if (detail::row_or_error(errors, i, [&] { d = evaluate(p, *people[w], on, facilities); }))
      visit(i, std::move(*d));
  });
}

/// The decisions of every subject, in order (evaluate_each, kept).
template <class Target, class Subject>
[[nodiscard]] std::vector<decision>
evaluate_all(const Target& target, std::span<const Subject> subjects, const date& on,
             const facility_registry* facilities = nullptr, unsigned threads = 0) {
  std::vector<decision> out(subjects.size());
  evaluate_each(
      target, subjects, on, facilities, [&](std::size_t i, decision&& d) { out[i] = std::move(d); }, threads);
  return out;
}

/// Calls visit(i, grant) with grant_on(target, subjects[i], on, facilities) for every subject i, as
/// evaluate_each does (the fast path: nothing recorded; `errors` as for evaluate_each). Every subject's
/// decision has the status status_on(target, on).
template <class Target, class Subject, class Visit>
  requires requires(const Target& t, const Subject& s, const date& on, const facility_registry* f) {
    { grant_on(t, s, on, f) } -> std::same_as<std::optional<benefit>>;
  }
void grant_each(const Target& target, std::span<const Subject> subjects, const date& on,
                const facility_registry* facilities, Visit&& visit, unsigned threads = 0,
                row_errors* errors = nullptr) {
  detail::parallel_rows(
      subjects.size(), detail::subject_chunk_rows, detail::resolve_threads(threads),
      [&](unsigned, std::size_t i) {
        std::optional<benefit> g;
        if (detail::row_or_error(errors, i, [&] { g = grant_on(target, subjects[i], on, facilities); }))
          visit(i, g);
      });
}

} // namespace eldercare
