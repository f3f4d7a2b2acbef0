// Batch throughput of the columnar engine (issues 5 and 16).
//
//   batch_bench [rows] [--months M] [--threads T] [--chunk C] [--seed S] [--materialise-rows R]
//               [--repetitions K]
//
// For three policies of different shapes, each on `rows` synthetic elders of its own profile
// (batch/synthetic.hpp), measures:
//  * simulate_months over M months (columns path): rows·months per second;
//  * the single pass: one read of every column the policy reads (summing them), once per row, with
//    the same threads, the best of the engine's chunk size and two larger ones. Any evaluation must
//    read its input at least once, so this is the limit; engine_vs_single_pass_<name> is the single
//    pass's time ÷ the engine's (1.0 = at the limit).
// The policies: cn.beijing.xicheng.cross_region_care (Xicheng elders; a hukou and an age test, then
// stays in accepted facilities), Beijing's three allowances (the bundle cn.beijing.elderly_allowances:
// its components simulated one after another, against one pass of the columns they read together;
// Beijing elders) and Xi'an's advanced-age allowance (Xi'an elders; age tiers, paid to most rows every
// month). On the Xicheng population it also measures:
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
  if (has(fields, row_fields::ability)) {
    add(pop.ability_level().data());
    // The assessment's details are held for the assessed rows only (batch/column_view.hpp): a
    // pass reads the values of the rows in [begin, end) that have them.
    auto add_assessed = [&](const auto& column) {
      add_range(column.values().data(), column.rank(begin), column.rank(end));
    };
    add_assessed(pop.ability_scale());
    add_assessed(pop.ability_raw());
    add_assessed(pop.ability_assessed_on());
    add_assessed(pop.ability_valid_until());
  }
  if (has(fields, row_fields::disability)) {
    add(pop.disability_category().data());
    add(pop.disability_grade().data());
    // Stored from the first certificate with parts; none stored, no parts to read.
    if (const auto off = pop.disability_component_offsets(); off.stored()) {
      add_range(off.values().data(), begin, end + 1);
      add_range(pop.disability_component_category().data(), off[begin], off[end]);
      add_range(pop.disability_component_grade().data(), off[begin], off[end]);
    }
  }
  if (has(fields, row_fields::stays)) {
    const auto off = pop.stay_offsets();
    add_range(off.data(), begin, end + 1);
    add_range(pop.stay_facility().data(), off[begin], off[end]);
    add_range(pop.stay_admitted().data(), off[begin], off[end]);
    add_range(pop.stay_discharged().data(), off[begin], off[end]);
  }
  return sum;
}

// The load average now (1, 5 and 15 minutes), printed with every figure: the machine is shared.
std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

struct run_settings {
  int months = 12;
  unsigned threads = 1;
  std::size_t chunk = 0;
  int repetitions = 2;
};

// The engine (simulate_months of every policy in turn, best of the repetitions) and the single pass
// (one read of the columns they read, best of the repetitions and of three chunk sizes) on `pop`.
struct engine_figures {
  double engine_s = 1e300, single_pass_s = 1e300;
  money total;
  std::int64_t paid_row_months = 0;
  std::uint64_t checksum = 0;
  row_fields fields = row_fields::none;
};
engine_figures measure(const std::vector<policy>& policies, const population_columns& pop,
                       const facility_registry& reg, const date& first, const run_settings& s) {
  engine_figures f;
  const batch_options bo{.threads = s.threads, .chunk_rows = s.chunk};
  for (int rep = 0; rep < s.repetitions; ++rep) {
    money total;
    std::int64_t paid = 0;
    const auto t0 = clock_type::now();
    for (const policy& p : policies) {
      const simulation_result sim = simulate_months(p, pop, first, s.months, &reg, {.batch = bo});
      total = total + sim.total;
      for (const auto& m : sim.months) paid += m.paid;
    }
    f.engine_s = std::min(f.engine_s, seconds_since(t0));
    f.total = total;
    f.paid_row_months = paid;
  }
  for (const policy& p : policies) f.fields = f.fields | fields_read(p);
  std::vector<std::uint64_t> sums(s.threads, 0);
  for (const std::size_t ref_chunk : {s.chunk, std::size_t{1} << 16, std::size_t{1} << 18})
    for (int rep = 0; rep < s.repetitions; ++rep) {
      const auto t0 = clock_type::now();
      detail::parallel_chunks(pop.size(), ref_chunk, s.threads,
                              [&](unsigned w, std::size_t, std::size_t b, std::size_t e) {
                                sums[w] += read_columns(pop, f.fields, b, e);
                              });
      f.single_pass_s = std::min(f.single_pass_s, seconds_since(t0));
    }
  for (auto x : sums) f.checksum += x;
  return f;
}

// Prints one policy's figures (details) and returns its engine_vs_single_pass.
double report(const char* name, const population_columns& pop, const engine_figures& f, int months) {
  const double row_months = static_cast<double>(pop.size()) * months;
  std::printf("%s_rows: %zu\n%s_stays: %zu\n", name, pop.size(), name, pop.stay_count());
  std::printf("%s_simulate_s: %.4f\n%s_single_pass_s: %.4f\n", name, f.engine_s, name, f.single_pass_s);
  std::printf("%s_total_yuan: %s\n%s_paid_row_months: %lld\n", name, f.total.to_string().c_str(), name,
              static_cast<long long>(f.paid_row_months));
  std::printf("%s_row_months_per_s: %.4g\n%s_single_pass_checksum: %llu\n", name, row_months / f.engine_s,
              name, static_cast<unsigned long long>(f.checksum));
  std::printf("%s_load_average: %s\n", name, load_average().c_str());
  return f.single_pass_s / f.engine_s;
}

double median_of(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  return xs[xs.size() / 2];
}
} // namespace

int main(int argc, char** argv) {
  std::size_t rows = 1'000'000;
  run_settings s;
  s.chunk = batch_options{}.chunk_rows;
  unsigned threads = 0;
  std::uint64_t seed = 0;
  std::size_t materialise_rows = 200'000;
  std::string only;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    auto next = [&] { return a + 1 < argc ? std::string(argv[++a]) : std::string(); };
    if (arg == "--months") s.months = std::stoi(next());
    else if (arg == "--threads")
      threads = static_cast<unsigned>(std::stoul(next()));
    else if (arg == "--chunk")
      s.chunk = std::stoul(next());
    else if (arg == "--seed")
      seed = std::stoull(next());
    else if (arg == "--materialise-rows")
      materialise_rows = std::stoul(next());
    else if (arg == "--only") // one policy's figures alone (xian, beijing or xicheng), for profiling
      only = next();
    else if (arg == "--repetitions")
      s.repetitions = std::max(1, std::stoi(next()));
    else
      rows = std::stoul(arg);
  }
  s.threads = threads = detail::resolve_threads(threads);
  const int months = s.months;
  const std::size_t chunk = s.chunk;
  const int repetitions = s.repetitions;
  const date first = make_date(2024, 1, 1);
  std::printf("rows: %zu\nmonths: %d\nthreads: %u\nchunk_rows: %zu\nload_average: %s\n", rows, months,
              threads, chunk, load_average().c_str());

  // Xi'an's advanced-age allowance on Xi'an elders, and Beijing's three allowances on Beijing elders.
  double xian_ratio = 0, beijing_ratio = 0;
  if (only.empty() || only == "xian") {
    synthetic_population gen({.seed = seed, .profile = synthetic_profile::xian});
    const population_columns pop = gen.next(rows);
    const engine_figures f =
        measure({standard_catalog().policy_for("cn.shaanxi.xian.advanced_age_allowance")}, pop,
                gen.facilities(), first, s);
    xian_ratio = report("xian_advanced_age", pop, f, months);
  }
  if (only.empty() || only == "beijing") {
    synthetic_population gen({.seed = seed, .profile = synthetic_profile::beijing});
    const population_columns pop = gen.next(rows);
    std::vector<policy> parts;
    for (const auto& id : standard_catalog().at("cn.beijing.elderly_allowances").components)
      parts.push_back(standard_catalog().policy_for(id));
    const engine_figures f = measure(parts, pop, gen.facilities(), first, s);
    beijing_ratio = report("beijing_allowances", pop, f, months);
  }

  if (!only.empty() && only != "xicheng") return 0;
  // Xicheng's cross-region care on Xicheng elders, and the other measures on the same population.
  const char* policy_id = "cn.beijing.xicheng.cross_region_care";
  const policy p = standard_catalog().policy_for(policy_id);
  auto t0 = clock_type::now();
  synthetic_population gen({.seed = seed, .profile = synthetic_profile::xicheng});
  const population_columns pop = gen.next(rows);
  const facility_registry& reg = gen.facilities();
  const double generate_s = seconds_since(t0);
  std::printf("stays: %zu\ngenerate_s: %.3f\n", pop.stay_count(), generate_s);

  // What the population costs in memory (issue 16): bytes per row, with and without the ids.
  const population_memory memory = pop.memory_report();
  std::printf("population_bytes_per_row: %.2f\npopulation_bytes_per_row_without_ids: %.2f\n",
              memory.bytes_per_row(), memory.bytes_per_row_without_ids());

  const batch_options bo{.threads = threads, .chunk_rows = chunk};
  const double row_months = static_cast<double>(rows) * months;

  const engine_figures xf = measure({p}, pop, reg, first, s);
  const double xicheng_ratio = report("xicheng_cross_region", pop, xf, months);
  const double sim_s = xf.engine_s;
  std::printf("simulate_s: %.3f\nsimulated_total_yuan: %s\n", sim_s, xf.total.to_string().c_str());

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
  std::printf("explanation_bytes: %zu\n", text_bytes / us.size());
  std::printf("month_by_month_vs_single_pass: %.3f\n", xf.single_pass_s / month_major_s);
  std::printf("materialised_row_months_per_s: %.4g\n", static_cast<double>(mrows) * months / materialise_s);
  // The summary, last (benchmarks/run prints every benchmark's summary after all the details).
  std::printf("# summary\n");
  std::printf("cpp_row_months_per_s: %.4g\n", cpp_rate);
  std::printf("rows_per_s: %.4g\n", row_months / month_major_s);
  std::printf("peak_rss_mib: %.1f\n", static_cast<double>(peak_rss_kib()) / 1024.0);
  std::printf("single_decision_with_explanation_us: %.2f\n", decision_us);
  std::printf("engine_vs_single_pass_xicheng_cross_region: %.3f\n", xicheng_ratio);
  std::printf("engine_vs_single_pass_beijing_allowances: %.3f\n", beijing_ratio);
  std::printf("engine_vs_single_pass_xian_advanced_age: %.3f\n", xian_ratio);
  std::printf("engine_load_average: %s\n", load_average().c_str());
  return 0;
}
