#pragma once
// evaluate_batch: a policy over a population held in columns, on one date. The result for every row
// is what grant_on(policy, person, on) gives for that row as a person (a test checks it over
// generated populations), computed chunk by chunk on std::threads; see batch/detail/plan.hpp for how.
//
// Results do not depend on the number of threads or the chunk size: every row's result is its own,
// and the aggregates are exact integer sums, the weighted ones too (person/survey_weight.hpp: a
// row's survey weight times its count or fen, in millionths, summed in 128 bits).

#include <cstddef>
#include <cstdint>
#include <map> // interning failing conditions
#include <optional>
#include <string>
#include <vector>

#include "eldercare/batch/detail/parallel.hpp"
#include "eldercare/batch/detail/plan.hpp"
#include "eldercare/batch/population_columns.hpp"
#include "eldercare/batch/row_errors.hpp"
#include "eldercare/rules/aliases.hpp"
#include "eldercare/rules/decision.hpp"

namespace eldercare {

/// How a batch runs the rules.
enum class batch_path {
  columns,     ///< default: leaves decided per distinct value or per row view (batch/detail/plan.hpp)
  materialise, ///< a person per row (one reused object per thread) and grant_on: the reference path
};

struct batch_options {
  unsigned threads = 0;          ///< 0: std::thread::hardware_concurrency()
  std::size_t chunk_rows = 8192; ///< rows per chunk (masks of a chunk stay in the L1/L2 cache)
  /// Also compute, for every row not granted anything, the first failing condition (as
  /// decision::first_failing_condition() words it); costs a full evaluate() per such row.
  bool first_failing = false;
  batch_path path = batch_path::columns;
  /// Where a row that cannot be evaluated (its grant throws invalid_value: money past int64) is
  /// recorded, the row left as nothing granted; null: the batch throws (batch/row_errors.hpp).
  row_errors* errors = nullptr;
};

/// Per-row results in columns, and their aggregates.
struct batch_result {
  date on;
  /// Every row's status (status_on: the same for all rows of a policy on a date). Undetermined rows
  /// (before the scheme's first known date) are neither eligible nor not: their columns stay as for
  /// "nothing granted", and this column is what tells them apart.
  decision_status status = decision_status::decided;
  std::string version_label;            ///< the version in force on `on` ("" when none)
  std::vector<std::uint8_t> eligible;   ///< 1 when something is granted
  std::vector<std::int64_t> amount_fen; ///< money granted per its period; 0 for none or non-money
  /// unit and period where nothing is granted: as int8, -1, the code pandas and Arrow give a
  /// missing category (so the columns cross to Python as they are).
  static constexpr std::uint8_t no_grant = 0xFF;
  std::vector<std::uint8_t> unit;     ///< benefit_unit of the grant; no_grant where not eligible
  std::vector<std::uint8_t> period;   ///< benefit_period of the grant; no_grant where not eligible
  std::vector<std::int64_t> quantity; ///< the grant's quantity (fen, hours, ...); 0 when none
  /// With batch_options::first_failing: index into failing_conditions for rows not granted, -1 for
  /// granted rows; empty without the option.
  std::vector<std::int32_t> first_failing;
  std::vector<std::string> failing_conditions; ///< in order of first appearance by row
  std::int64_t eligible_count = 0;
  money total; ///< sum of amount_fen
  /// Weighted by the rows' survey weights (1 where a row gives none): persons represented, those
  /// granted something, and the money (fen), exact (see person/survey_weight.hpp).
  weighted_sum weighted_persons, weighted_eligible, weighted_total;

  [[nodiscard]] std::size_t size() const noexcept { return eligible.size(); }
  /// Row i's grant as a benefit (empty when nothing is granted).
  [[nodiscard]] std::optional<benefit> granted(std::size_t i) const {
    if (!eligible[i]) return std::nullopt;
    return benefit::make(static_cast<benefit_unit>(unit[i]), static_cast<benefit_period>(period[i]),
                         quantity[i]);
  }
};

namespace detail {
/// Row `row` as reset: nothing granted.
inline void clear_grant(batch_result& out, std::size_t row) {
  out.eligible[row] = 0;
  out.unit[row] = out.period[row] = batch_result::no_grant;
  out.quantity[row] = out.amount_fen[row] = 0;
}
inline void store_grant(batch_result& out, std::size_t row, const std::optional<benefit>& g) {
  if (!g) return;
  out.eligible[row] = 1;
  out.unit[row] = static_cast<std::uint8_t>(g->unit());
  out.period[row] = static_cast<std::uint8_t>(g->period());
  out.quantity[row] = g->quantity();
  out.amount_fen[row] = g->amount().fen();
}

// The first failing condition of every row not granted anything, from a full evaluate() per row.
inline void first_failing_conditions(batch_result& out, const policy& p, const population_columns& pop,
                                     const facility_registry* facilities, const batch_options& options,
                                     unsigned threads) {
  const std::size_t chunks = (pop.size() + options.chunk_rows - 1) / options.chunk_rows;
  std::vector<std::vector<std::string>> local(chunks); // per chunk: its strings in order of appearance
  std::vector<std::optional<person>> people(threads);
  parallel_chunks(pop.size(), options.chunk_rows, threads,
                  [&](unsigned w, std::size_t c, std::size_t begin, std::size_t end) {
                    std::map<std::string, std::int32_t> seen;
                    for (std::size_t i = begin; i < end; ++i) {
                      if (out.eligible[i] || (options.errors && options.errors->has(i))) continue;
                      if (!people[w]) people[w] = pop.to_person(i);
                      pop.to_person(i, *people[w]);
                      std::string why;
                      if (!row_or_error(options.errors, i, [&] {
                            why = evaluate(p, *people[w], out.on, facilities).first_failing_condition();
                          }))
                        continue;
                      const auto [it, added] =
                          seen.try_emplace(why, static_cast<std::int32_t>(local[c].size()));
                      if (added) local[c].push_back(std::move(why));
                      out.first_failing[i] = it->second;
                    }
                  });
  // Merge in chunk order, so indices follow the rows whatever the threads did.
  std::map<std::string, std::int32_t> global;
  std::size_t c = 0;
  for (std::size_t begin = 0; begin < pop.size(); begin += options.chunk_rows, ++c) {
    std::vector<std::int32_t> remap(local[c].size());
    for (std::size_t k = 0; k < local[c].size(); ++k) {
      const auto [it, added] =
          global.try_emplace(local[c][k], static_cast<std::int32_t>(out.failing_conditions.size()));
      if (added) out.failing_conditions.push_back(local[c][k]);
      remap[k] = it->second;
    }
    const std::size_t end = std::min(pop.size(), begin + options.chunk_rows);
    for (std::size_t i = begin; i < end; ++i)
      if (out.first_failing[i] >= 0)
        out.first_failing[i] = remap[static_cast<std::size_t>(out.first_failing[i])];
  }
}
} // namespace detail

/// evaluate_batch into `out`, reusing the storage of its columns: for evaluating one population on
/// many dates without allocating (and touching fresh pages) each time.
inline void evaluate_batch_into(batch_result& out, const policy& p, const population_columns& pop,
                                const date& on, const facility_registry* facilities = nullptr,
                                const batch_options& options = {}) {
  require_valid(on, "evaluate_batch.on");
  if (options.chunk_rows == 0)
    throw invalid_value(error_id::invalid_parameter, "batch_options.chunk_rows", "0", "must be at least 1");
  const std::size_t n = pop.size();
  const unsigned threads = detail::resolve_threads(options.threads);
  out.on = on;
  out.version_label.clear();
  out.eligible.assign(n, 0);
  out.amount_fen.assign(n, 0);
  out.unit.assign(n, batch_result::no_grant);
  out.period.assign(n, batch_result::no_grant);
  out.quantity.assign(n, 0);
  out.first_failing.clear();
  out.failing_conditions.clear();
  out.eligible_count = 0;
  out.total = money();
  out.weighted_persons = out.weighted_eligible = out.weighted_total = weighted_sum();
  out.status = status_on(p, on);
  const policy_version* v = out.status == decision_status::decided ? p.version_on(on) : nullptr;
  if (v) {
    out.version_label = v->label;
    if (options.path == batch_path::materialise) {
      std::vector<std::optional<person>> people(threads);
      detail::parallel_chunks(n, options.chunk_rows, threads,
                              [&](unsigned w, std::size_t, std::size_t begin, std::size_t end) {
                                for (std::size_t i = begin; i < end; ++i) {
                                  if (!people[w]) people[w] = pop.to_person(i);
                                  pop.to_person(i, *people[w]);
                                  (void)detail::row_or_error(options.errors, i, [&] {
                                    detail::store_grant(out, i, grant_on(p, *people[w], on, facilities));
                                  });
                                }
                              });
    } else {
      // Rows whose rules are decided by look-up tables alone (horizon_plan over this one date) take
      // their grant from the pattern table; the rule trees run only on the others.
      const detail::version_plan plan(*v, batch_leaves());
      const detail::prepared_plan prepared(plan, pop, on, facilities);
      const detail::horizon_plan decided(plan, {&prepared}, pop);
      struct worker {
        detail::prepared_plan::scratch scratch;
        std::vector<std::uint16_t> known;
        std::vector<std::uint32_t> undecided;
        std::vector<std::uint8_t> work;
      };
      std::vector<worker> workers(threads);
      std::vector<std::optional<person>> people(threads); // the reference path, for a chunk that throws
      detail::parallel_chunks(
          n, options.chunk_rows, threads, [&](unsigned w, std::size_t, std::size_t begin, std::size_t end) {
            worker& ws = workers[w];
            const std::size_t rows = end - begin;
            try {
              ws.known.resize(rows);
              ws.undecided.resize(rows);
              decided.classify(ws.scratch, ws.work, begin, rows, ws.known.data());
              std::size_t m = 0;
              for (std::size_t i = 0; i < rows; ++i)
                if (ws.known[i] == detail::horizon_plan::unknown)
                  ws.undecided[m++] = static_cast<std::uint32_t>(i);
              if (m > 0) prepared.evaluate_rules(ws.scratch, begin, ws.undecided.data(), m);
              std::size_t j = 0;
              for (std::size_t i = 0; i < rows; ++i) {
                if (ws.known[i] == 0) continue; // granted nothing: the row stays as reset
                if (ws.known[i] != detail::horizon_plan::unknown)
                  detail::store_grant(out, begin + i, plan.pattern(ws.known[i]).grant());
                else
                  detail::store_grant(out, begin + i, prepared.grant_of(ws.scratch, m, j++, nullptr));
              }
            } catch (const invalid_value&) {
              if (!options.errors) throw;
              // Some row of the chunk throws: the chunk again row by row on the reference path (the
              // rows' results are grant_on's by construction), each error that row's.
              for (std::size_t i = begin; i < end; ++i) {
                detail::clear_grant(out, i);
                if (!people[w]) people[w] = pop.to_person(i);
                pop.to_person(i, *people[w]);
                (void)detail::row_or_error(options.errors, i, [&] {
                  detail::store_grant(out, i, grant_on(p, *people[w], on, facilities));
                });
              }
            }
          });
    }
  }
  const auto weights = pop.weight_micros();
  for (std::size_t i = 0; i < n; ++i) {
    out.eligible_count += out.eligible[i];
    std::int64_t total = out.total.fen();
    if (__builtin_add_overflow(total, out.amount_fen[i], &total))
      throw invalid_value(
          error_id::invalid_money, "evaluate_batch[" + p.id() + "].total",
          out.total.to_string() + " + " + money::from_fen(out.amount_fen[i]).to_string(),
          "the population's total overflows a 64-bit count of fen (the rows' amounts are in amount_fen)");
    out.total = money::from_fen(total);
    const std::int64_t w = weights[i] < 0 ? survey_weight::scale : weights[i];
    out.weighted_persons.add_micros(1, w);
    out.weighted_eligible.add_micros(out.eligible[i], w);
    out.weighted_total.add_micros(out.amount_fen[i], w);
  }
  if (options.first_failing) {
    out.first_failing.assign(n, -1);
    detail::first_failing_conditions(out, p, pop, facilities, options, threads);
  }
}

/// Evaluates `p` for every row of `pop` on `on` (see the header comment). Throws invalid_value for an
/// invalid date or option; evaluating valid rows does not throw.
[[nodiscard]] inline batch_result evaluate_batch(const policy& p, const population_columns& pop,
                                                 const date& on,
                                                 const facility_registry* facilities = nullptr,
                                                 const batch_options& options = {}) {
  batch_result out;
  evaluate_batch_into(out, p, pop, on, facilities, options);
  return out;
}

} // namespace eldercare
