// A whole city at full scale (issue 15): Xi'an's 户籍 elders, one synthetic row each (1,813,500 by
// default: profile_size(synthetic_profile::xian), "截至2020年底,西安市60岁以上户籍人口181.35万人"), drawn
// and evaluated under Xi'an's four seed-004 schemes with the batch engine, and the counts compared
// with what the city published (catalog/published_figures.hpp). Nothing is scaled: each row is one
// elder, so the eligible counts and the money are the model's own figures for the city.
//
//   city_bench [rows] [--threads T] [--seed S] [--on YYYY-MM-DD]
//
// Prints `name: value` lines, the summary last (benchmarks/run collects the summaries).

#include <chrono>  // wall-clock timing
#include <cstdint> // counts
#include <cstdio>  // std::printf
#include <cstdlib> // std::strtol
#include <fstream> // /proc/self/status
#include <string>
#include <vector>

#include "eldercare/batch/evaluate_batch.hpp"
#include "eldercare/batch/synthetic.hpp"
#include "eldercare/catalog/published_figures.hpp"
#include "eldercare/catalog/standard.hpp"

#include "bench_clock.hpp"

using namespace eldercare;

namespace {
using eldercare_bench::clock_type;
using eldercare_bench::peak_rss_kib;
using eldercare_bench::seconds_since;
} // namespace

int main(int argc, char** argv) {
  std::size_t rows = static_cast<std::size_t>(profile_size(synthetic_profile::xian).elders);
  unsigned threads = 0;
  std::uint64_t seed = 2020;
  date on = make_date(2022, 7, 1);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (arg == "--threads") threads = static_cast<unsigned>(std::stoul(next()));
    else if (arg == "--seed")
      seed = std::stoull(next());
    else if (arg == "--on")
      on = parse_date(next());
    else
      rows = std::stoul(arg);
  }
  threads = detail::resolve_threads(threads);

  auto t0 = clock_type::now();
  synthetic_population gen({.seed = seed, .profile = synthetic_profile::xian, .as_of = on});
  const population_columns pop = gen.next(rows);
  const double generate_s = seconds_since(t0);
  std::printf("city: 西安市 (户籍 60+)\nrows: %zu\nstays: %zu\nthreads: %u\ngenerate_s: %.3f\non: %s\n",
              pop.size(), pop.stay_count(), threads, generate_s, to_iso(on).c_str());

  struct scheme {
    const published_figure& recipients;
    const published_figure& spending;
  };
  const std::vector<scheme> schemes{
      {published::xian_care_recipients, published::xian_care_spending},
      {published::xian_rural_recipients, published::xian_rural_spending},
      {published::xian_insurance_recipients, published::xian_insurance_spending},
      {published::xian_advanced_age_recipients, published::xian_advanced_age_spending},
  };
  const batch_options bo{.threads = threads};
  double evaluate_s = 0;
  for (const auto& s : schemes) {
    const policy p = standard_catalog().policy_for(s.recipients.policy_id);
    t0 = clock_type::now();
    const batch_result r = evaluate_batch(p, pop, on, &gen.facilities(), bo);
    const double secs = seconds_since(t0);
    evaluate_s += secs;
    // Every Xi'an scheme grants money per year: the batch total is the modelled yearly spending.
    std::printf(
        "%s: eligible %lld (published %lld, take-up %.2f); %s yuan a year (published %s, %s); %.3f s\n",
        std::string(s.recipients.policy_id).c_str(), static_cast<long long>(r.eligible_count),
        static_cast<long long>(s.recipients.value),
        r.eligible_count == 0
            ? 0.0
            : static_cast<double>(s.recipients.value) / static_cast<double>(r.eligible_count),
        r.total.to_string().c_str(), money::from_fen(s.spending.value).to_string().c_str(),
        std::string(s.spending.qualifier).c_str(), secs);
  }
  const double row_evaluations = static_cast<double>(pop.size()) * static_cast<double>(schemes.size());
  std::printf("# summary\n");
  std::printf("city_rows: %zu\n", pop.size());
  std::printf("city_generate_s: %.3f\n", generate_s);
  std::printf("city_evaluate_s: %.3f\n", evaluate_s);
  std::printf("city_rows_per_s: %.4g\n", row_evaluations / evaluate_s);
  std::printf("city_peak_rss_mib: %.1f\n", static_cast<double>(peak_rss_kib()) / 1024.0);
  return 0;
}
