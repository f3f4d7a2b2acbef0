// Batch throughput of the columnar engine on the Xicheng cross-region care policy (issue 5).
//
//   batch_bench [rows] [--months M] [--threads T] [--chunk C] [--seed S] [--materialise-rows R]
//               [--repetitions K]
//
// Draws `rows` synthetic Xicheng elders (batch/synthetic.hpp), then measures on the same population:
//  * simulate_months over M months (columns path): rows·months per second;
//  * a reference pass that only reads the columns the policy reads (summing them), once per row and
//    month, with the same threads and chunks: the memory-bound speed of touching the same bytes;
//  * evaluate_batch month by month (one pass per month; rows_per_s is its speed);
//  * the materialised-person path (a person per row, grant_on) on the first R rows;
//  * one decision with its explanation for a single person (median over many).
// and prints `name: value` lines, the summary last. Times are wall-clock (std::chrono::steady_clock).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "eldercare/batch/evaluate_batch.hpp"
#include "eldercare/batch/simulate.hpp"
#include "eldercare/batch/synthetic.hpp"
#include "eldercare/catalog/standard.hpp"
#include "eldercare/rules/explain.hpp"

#include "bench_clock.hpp"

using namespace eldercare;

namespace {
using eldercare_bench::clock_type;
using eldercare_bench::peak_rss_kib;
using eldercare_bench::seconds_since;

// The members the policy's leaves read, from the batch plan of each version.
row_fields fields_read(const policy& p) {
  const auto kernels = batch_leaves();
  row_fields all = row_fields::none;
  for (const auto& v : p.versions()) {
    const detail::version_plan plan(v, kernels);
    for (const auto& n : plan.nodes())
      if (n.shape == condition_shape::leaf) all = all | (n.kernel ? n.kernel->reads : row_fields::all);
  }
  return all;
}

// Sums every column behind `fields` over rows [begin, end): the bytes a pass of the policy reads.
std::uint64_t read_columns(const population_columns& pop, row_fields fields, std::size_t begin,
                           std::size_t end) {
  std::uint64_t sum = 0;
  auto add = [&](auto column) {
    for (std::size_t i = begin; i < end; ++i) sum += static_cast<std::uint64_t>(column[i]);
  };
  auto add_range = [&](auto column, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) sum += static_cast<std::uint64_t>(column[i]);
  };
  if (has(fields, row_fields::birth_date)) add(pop.birth_day().data());
  if (has(fields, row_fields::hukou)) add(pop.hukou_key().data());
  if (has(fields, row_fields::residence)) add(pop.residence_key().data());
  if (has(fields, row_fields::categories)) add(pop.categories().data());
  if (has(fields, row_fields::health)) add(pop.health().data());
  if (has(fields, row_fields::ability)) add(pop.ability_level().data());
  if (has(fields, row_fields::disability)) add(pop.disability_category().data());
  if (has(fields, row_fields::stays)) {
    const auto off = pop.stay_offsets();
    add_range(off.data(), begin, end + 1);
    add_range(pop.stay_facility().data(), off[begin], off[end]);
    add_range(pop.stay_admitted().data(), off[begin], off[end]);
    add_range(pop.stay_discharged().data(), off[begin], off[end]);
  }
  return sum;
}

double median_of(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  return xs[xs.size() / 2];
}
} // namespace

int main(int argc, char** argv) {
  std::size_t rows = 1'000'000;
  int months = 12;
  unsigned threads = 0;
  std::size_t chunk = batch_options{}.chunk_rows;
  std::uint64_t seed = 0;
  std::size_t materialise_rows = 200'000;
  int repetitions = 2;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    auto next = [&] { return a + 1 < argc ? std::string(argv[++a]) : std::string(); };
    if (arg == "--months") months = std::stoi(next());
    else if (arg == "--threads")
      threads = static_cast<unsigned>(std::stoul(next()));
    else if (arg == "--chunk")
      chunk = std::stoul(next());
    else if (arg == "--seed")
      seed = std::stoull(next());
    else if (arg == "--materialise-rows")
      materialise_rows = std::stoul(next());
    else if (arg == "--repetitions")
      repetitions = std::max(1, std::stoi(next()));
    else
      rows = std::stoul(arg);
  }
  threads = detail::resolve_threads(threads);
  const char* policy_id = "cn.beijing.xicheng.cross_region_care";
  const policy p = standard_catalog().policy_for(policy_id);
  const date first = make_date(2024, 1, 1);

  auto t0 = clock_type::now();
  synthetic_population gen({.seed = seed, .profile = synthetic_profile::xicheng});
  const population_columns pop = gen.next(rows);
  const facility_registry& reg = gen.facilities();
  const double generate_s = seconds_since(t0);
  std::printf("rows: %zu\nstays: %zu\nmonths: %d\nthreads: %u\nchunk_rows: %zu\ngenerate_s: %.3f\n",
              pop.size(), pop.stay_count(), months, threads, chunk, generate_s);

  // What the population costs in memory (issue 16): bytes per row, with and without the ids.
  const population_memory memory = pop.memory_report();
  std::printf("population_bytes_per_row: %.2f\npopulation_bytes_per_row_without_ids: %.2f\n",
              memory.bytes_per_row(), memory.bytes_per_row_without_ids());

  const batch_options bo{.threads = threads, .chunk_rows = chunk};
  const double row_months = static_cast<double>(rows) * months;

  // The engine: simulate_months (chunk by chunk, every month of a chunk in turn).
  simulation_result sim;
  double sim_s = 1e300;
  for (int rep = 0; rep < repetitions; ++rep) {
    t0 = clock_type::now();
    sim = simulate_months(p, pop, first, months, &reg, {.batch = bo});
    sim_s = std::min(sim_s, seconds_since(t0));
  }
  std::printf("simulate_s: %.3f\nsimulated_total_yuan: %s\n", sim_s, sim.total.to_string().c_str());

  // The reference: read the same columns once per row and month, with the same threads; the best
  // of the engine's chunk size and large chunks (fewer hand-overs), so that it is as fast as reading
  // can be.
  const row_fields fields = fields_read(p);
  std::vector<std::uint64_t> sums(threads, 0);
  double ref_s = 1e300;
  for (const std::size_t ref_chunk : {chunk, std::size_t{1} << 16, std::size_t{1} << 18})
    for (int rep = 0; rep < repetitions; ++rep) {
      t0 = clock_type::now();
      for (int m = 0; m < months; ++m)
        detail::parallel_chunks(pop.size(), ref_chunk, threads,
                                [&](unsigned w, std::size_t, std::size_t b, std::size_t e) {
                                  sums[w] += read_columns(pop, fields, b, e);
                                });
      ref_s = std::min(ref_s, seconds_since(t0));
    }
  std::uint64_t checksum = 0;
  for (auto s : sums) checksum += s;
  std::printf("reference_s: %.3f\nreference_checksum: %llu\n", ref_s,
              static_cast<unsigned long long>(checksum));

  // Month by month with evaluate_batch (into one result, as a caller evaluating many dates would).
  batch_result r;
  evaluate_batch_into(r, p, pop, first, &reg, bo); // allocates the result columns once
  double month_major_s = 1e300;
  std::int64_t eligible_months = 0;
  for (int rep = 0; rep < repetitions; ++rep) {
    t0 = clock_type::now();
    eligible_months = 0;
    for (int m = 0; m < months; ++m) {
      evaluate_batch_into(r, p, pop, end_of_month(add_months_civil(first, m)), &reg, bo);
      eligible_months += r.eligible_count;
    }
    month_major_s = std::min(month_major_s, seconds_since(t0));
  }
  std::printf("evaluate_batch_12_months_s: %.3f\neligible_row_months: %lld\n", month_major_s,
              static_cast<long long>(eligible_months));

  // The materialised-person path on a prefix.
  const std::size_t mrows = std::min(materialise_rows, pop.size());
  population_columns prefix(pop.facilities());
  for (std::size_t i = 0; i < mrows; ++i) prefix.append(pop.to_person(i));
  t0 = clock_type::now();
  (void)simulate_months(
      p, prefix, first, months, &reg,
      {.batch = {.threads = threads, .chunk_rows = chunk, .path = batch_path::materialise}});
  const double materialise_s = seconds_since(t0);

  // One decision with its explanation.
  std::vector<double> us;
  const person someone = [&] {
    for (std::size_t i = 0; i < pop.size(); ++i)
      if (!pop.stays_of(i).empty()) return pop.to_person(i);
    return pop.to_person(0);
  }();
  std::size_t text_bytes = 0;
  for (int k = 0; k < 2000; ++k) {
    t0 = clock_type::now();
    const decision d = evaluate(p, someone, make_date(2024, 6, 30), &reg);
    text_bytes += explain(d).size();
    us.push_back(seconds_since(t0) * 1e6);
  }
  const double decision_us = median_of(us);

  const double cpp_rate = row_months / sim_s;
  const double ref_rate = row_months / ref_s;
  std::printf("explanation_bytes: %zu\n", text_bytes / us.size());
  std::printf("reference_row_months_per_s: %.4g\n", ref_rate);
  std::printf("month_by_month_fraction_of_bandwidth: %.3f\n", (row_months / month_major_s) / ref_rate);
  std::printf("materialised_row_months_per_s: %.4g\n", static_cast<double>(mrows) * months / materialise_s);
  // The summary, last (benchmarks/run prints every benchmark's summary after all the details).
  std::printf("# summary\n");
  std::printf("cpp_row_months_per_s: %.4g\n", cpp_rate);
  std::printf("rows_per_s: %.4g\n", row_months / month_major_s);
  std::printf("peak_rss_mib: %.1f\n", static_cast<double>(peak_rss_kib()) / 1024.0);
  std::printf("single_decision_with_explanation_us: %.2f\n", decision_us);
  std::printf("cpp_fraction_of_bandwidth: %.3f\n", cpp_rate / ref_rate);
  return 0;
}
