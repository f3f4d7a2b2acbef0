#pragma once
// simulate_months: a policy paid month by month to a population held in columns, with totals by
// month, by prefecture and by granting rule. Each row's months follow schedule() exactly: the same
// schedule_month_of (the version in force at the month's end, the day the month is tested) and the
// same pay_month (per-month, per-day, per-year every 12 months, one-off, arrears after a period of
// ineligibility), from rules/schedule.hpp; what each month grants comes from the batch plan
// (batch/detail/plan.hpp), i.e. what grant_on gives on the test day. A test checks the totals
// against schedule() summed over the same people.
//
// Rows are processed chunk by chunk, every month of a chunk before the next chunk: a chunk's columns
// and its schedule states stay in the cache for the whole horizon. Totals are exact integer sums,
// so they do not depend on threads or chunk size; so are the totals weighted by the rows' survey
// weights (weighted_*: millionths in 128 bits, person/survey_weight.hpp), beside the unweighted ones.

#include <algorithm> // std::sort
#include <cstddef>
#include <cstdint>
#include <cstdio>  // std::snprintf: months in errors
#include <cstring> // std::memcpy: a sequence of patterns as bytes
#include <map>     // slots for prefectures and rule ids
#include <memory>  // plans held by pointer
#include <optional>
#include <string>
#include <unordered_map> // trajectories by sequence of monthly patterns
#include <vector>

#include "eldercare/batch/detail/parallel.hpp"
#include "eldercare/batch/detail/plan.hpp"
#include "eldercare/batch/evaluate_batch.hpp"
#include "eldercare/batch/population_columns.hpp"
#include "eldercare/rules/schedule.hpp"

namespace eldercare {

/// Which region a row's payment is totalled under.
enum class region_basis {
  hukou,     ///< default: the hukou's prefecture (the place whose budget pays, for hukou-based rules)
  residence, ///< the residence's prefecture
};

struct simulation_options {
  batch_options batch = {};       ///< threads, chunk_rows, path (first_failing is not used)
  schedule_options schedule = {}; ///< as for schedule(): overrides the versions' month_basis when set
  region_basis regions = region_basis::hukou;
  /// Also keep what each row is paid each month (simulation_result::row_amounts_fen): rows × months
  /// int64, 8 bytes per row and month.
  bool per_row_amounts = false;
  /// Also keep, per row, what the whole horizon gave it: its total, its first month paid, how many
  /// months it was granted something, and which rules granted it in some month
  /// (simulation_result::row_total_fen ... row_rules): what compare() judges a period on.
  bool per_row_rules = false;
};

/// Payments of one month to the rows of one prefecture (a province-level code stands for itself, and
/// a county coded directly under its province, such as Hainan's 4600xx, is totalled under it).
struct prefecture_total {
  region_code prefecture;
  std::int64_t paid = 0; ///< rows paid a non-zero amount
  money amount;
  weighted_sum weighted_paid, weighted_amount; ///< the same, weighted by the rows' survey weights
};

/// Payments of one month attributed to one rule id (over the versions used). Where a version sums
/// several rules' grants, each rule is attributed its own grant times the month's multiplier.
struct rule_total {
  std::string rule_id;
  std::int64_t paid = 0;
  money amount;
  weighted_sum weighted_paid, weighted_amount; ///< the same, weighted by the rows' survey weights
};

struct month_totals {
  int year = 0;
  int month = 0;
  date tested_on;
  /// The month's status (status_on on its test day). For an undetermined month (before the scheme's
  /// first known date) nothing below is known: the counts and the amount are left at 0 and every row
  /// is counted in `undetermined` instead, apart from paid and unpaid rows.
  decision_status status = decision_status::decided;
  std::int64_t undetermined = 0; ///< rows whose month is undetermined (all of them, or none)
  std::string version_label;     ///< the version in force at the month's end ("" when none)
  std::int64_t eligible = 0;     ///< rows granted something on the test day
  std::int64_t paid = 0;         ///< rows paid a non-zero amount
  money amount;                  ///< money paid, arrears included
  std::int64_t arrears_months = 0;
  std::int64_t granted_quantity = 0; ///< sum of the granted quantities (fen, hours, ...) of eligible rows
  /// eligible, paid and amount weighted by the rows' survey weights (1 where a row gives none).
  weighted_sum weighted_eligible, weighted_paid, weighted_amount;
  std::vector<prefecture_total> by_prefecture; ///< prefectures with a payment, by code
  std::vector<rule_total> by_rule;             ///< rules with a payment, by id
};

struct simulation_result {
  std::vector<month_totals> months;
  money total;                 ///< money paid over the determined months (undetermined ones are left out)
  int undetermined_months = 0; ///< months whose payments are unknown (month_totals::status)
  weighted_sum weighted_total; ///< total weighted by the rows' survey weights
  /// With simulation_options::per_row_amounts: the money paid to row i in month k (fen, arrears
  /// included, as schedule() pays it) at [i * months.size() + k]; empty otherwise.
  std::vector<std::int64_t> row_amounts_fen;
  /// With simulation_options::per_row_rules, per row i: the money paid over the horizon (fen, as
  /// schedule() pays it), the first month paid a non-zero amount (its index, -1 for none), the
  /// months granted something; and 1 at [i * rule_ids.size() + s] when rule rule_ids[s] granted
  /// row i in some month. Empty otherwise.
  std::vector<std::int64_t> row_total_fen;
  std::vector<std::int32_t> row_first_paid;
  std::vector<std::int32_t> row_granted_months;
  std::vector<std::uint8_t> row_rules;
  /// Every rule id of the versions that grant, in order of first appearance.
  std::vector<std::string> rule_ids;
};

namespace detail {
[[nodiscard]] inline region_code prefecture_or_province(const region_code& c) {
  return c.has_prefecture() ? c.prefecture() : c.province();
}

struct month_accumulator {
  std::int64_t eligible = 0, paid = 0, amount = 0, arrears = 0, quantity = 0;
  std::vector<std::int64_t> prefecture_amount, prefecture_paid, rule_amount, rule_paid;
  weighted_sum weighted_eligible, weighted_paid, weighted_amount;
  std::vector<weighted_sum> prefecture_weighted_paid, prefecture_weighted_amount, rule_weighted_paid,
      rule_weighted_amount;
  void size_for(std::size_t prefectures, std::size_t rules) {
    prefecture_amount.assign(prefectures, 0);
    prefecture_paid.assign(prefectures, 0);
    rule_amount.assign(rules, 0);
    rule_paid.assign(rules, 0);
    prefecture_weighted_paid.assign(prefectures, {});
    prefecture_weighted_amount.assign(prefectures, {});
    rule_weighted_paid.assign(rules, {});
    rule_weighted_amount.assign(rules, {});
  }
};

/// A hash of a short byte string (a sequence of monthly patterns) eight bytes at a time: cheaper than
/// std::hash's for the few dozen bytes it sees.
struct bytes_hash {
  std::size_t operator()(const std::string& s) const noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, sizeof w);
      h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
      h ^= h >> 31;
    }
    for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * 0x94D049BB133111EBULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

/// Where a simulation's totals are named in errors: "simulate_months[cn.x.y][2024-05]".
[[nodiscard]] inline std::string simulation_field(const std::string& policy_id, int year, int month) {
  char ym[16];
  std::snprintf(ym, sizeof ym, "%04d-%02d", year, month);
  return "simulate_months[" + policy_id + "][" + ym + "]";
}

/// total += add, checked: a sum past int64 (92,233,720,368,547,758.07 yuan) throws invalid_value
/// naming the policy, the month and the total (`what`), never wraps round.
inline void add_checked(std::int64_t& total, std::int64_t add, const std::string& policy_id, int year,
                        int month, const char* what) {
  std::int64_t sum = 0; // `total` keeps its value when the sum overflows (it is quoted in the error)
  if (__builtin_add_overflow(total, add, &sum))
    throw invalid_value(error_id::invalid_money, simulation_field(policy_id, year, month) + "." + what,
                        std::to_string(total) + " + " + std::to_string(add),
                        "the total overflows a 64-bit count (at most 9223372036854775807)");
  total = sum;
}

/// total += quantity × count, checked like add_checked (the product past int64 is the same error).
inline void add_times_checked(std::int64_t& total, std::int64_t quantity, std::int64_t count,
                              const std::string& policy_id, int year, int month, const char* what) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(quantity, count, &product))
    throw invalid_value(error_id::invalid_money, simulation_field(policy_id, year, month) + "." + what,
                        std::to_string(total) + " + " + std::to_string(quantity) + " × " +
                            std::to_string(count),
                        "the total overflows a 64-bit count (at most 9223372036854775807)");
  add_checked(total, product, policy_id, year, month, what);
}
} // namespace detail

/// Pays `p` to every row of `pop` for `n_months` months from the month of `first_month` (see the
/// header comment). Throws invalid_value for an invalid date, month count or option.
[[nodiscard]] inline simulation_result simulate_months(const policy& p, const population_columns& pop,
                                                       const date& first_month, int n_months,
                                                       const facility_registry* facilities = nullptr,
                                                       const simulation_options& options = {}) {
  require_valid(first_month, "simulate_months.first_month");
  if (n_months < 1)
    throw invalid_value(error_id::invalid_period, "simulate_months.n_months", n_months, "must be at least 1");
  // The months from first_month's to December 2400, the last supported one.
  const int months_left =
      (max_year - static_cast<int>(first_month.year())) * 12 + (13 - static_cast<int>(first_month.month()));
  if (n_months > months_left)
    throw invalid_value(error_id::invalid_period, "simulate_months.n_months", n_months,
                        "runs past December 2400, the last supported month (at most " +
                            std::to_string(months_left) + " months from " + to_iso(first_month).substr(0, 7) +
                            ")");
  if (options.batch.chunk_rows == 0)
    throw invalid_value(error_id::invalid_parameter, "batch_options.chunk_rows", "0", "must be at least 1");
  const auto months = static_cast<std::size_t>(n_months);
  const unsigned threads = detail::resolve_threads(options.batch.threads);

  // The months: test day, the version that pays (schedule_month_of) and the one that grants (grant_on's).
  struct month_plan {
    schedule_month<person> schedule;
    const policy_version* grant_version = nullptr;
    const std::vector<std::size_t>* rule_slots = nullptr; ///< slot of each of grant_version's rules
    int year = 0, month = 0;
  };
  std::vector<month_plan> plan(months);
  const date start = start_of_month(first_month);
  for (std::size_t k = 0; k < months; ++k) {
    const date m = add_months_civil(start, static_cast<int>(k));
    plan[k].schedule = schedule_month_of(p, m, options.schedule);
    plan[k].grant_version = plan[k].schedule.status == decision_status::decided
                                ? p.version_on(plan[k].schedule.tested_on)
                                : nullptr;
    plan[k].year = m.year();
    plan[k].month = m.month();
  }

  // Rule slots by id, in order of first appearance; prefecture slots per region key.
  std::vector<std::string> rule_ids;
  std::map<const policy_version*, std::vector<std::size_t>> rule_slot;
  for (const auto& mp : plan) {
    if (!mp.grant_version || rule_slot.count(mp.grant_version)) continue;
    auto& slots = rule_slot[mp.grant_version];
    for (const rule& r : mp.grant_version->rules) {
      std::size_t s = 0;
      while (s < rule_ids.size() && rule_ids[s] != r.id) ++s;
      if (s == rule_ids.size()) rule_ids.push_back(r.id);
      slots.push_back(s);
    }
  }
  for (auto& mp : plan)
    if (mp.grant_version) mp.rule_slots = &rule_slot.at(mp.grant_version);
  const bool by_hukou = options.regions == region_basis::hukou;
  std::vector<region_code> prefectures;
  std::vector<std::uint32_t> key_slot;
  {
    std::map<region_code, std::size_t> index;
    auto slot_of = [&](const region_code& c) {
      const region_code pref = detail::prefecture_or_province(c);
      const auto [it, added] = index.try_emplace(pref, prefectures.size());
      if (added) prefectures.push_back(pref);
      return static_cast<std::uint32_t>(it->second);
    };
    if (by_hukou)
      for (const region_code& c : pop.hukou_codes()) key_slot.push_back(slot_of(c));
    else
      for (const residence& r : pop.residences()) key_slot.push_back(slot_of(r.region));
  }
  const auto region_key = by_hukou ? pop.hukou_key() : pop.residence_key();

  // Batch plans per version, prepared plans per month (prepared in parallel: each month decides its
  // leaves' look-up tables), and per run of months with the same version, a horizon_plan.
  const bool columns = options.batch.path == batch_path::columns;
  std::map<const policy_version*, std::unique_ptr<detail::version_plan>> plans;
  std::vector<std::unique_ptr<detail::prepared_plan>> prepared(months);
  struct segment {
    std::size_t first = 0, last = 0; // months [first, last]
    const detail::version_plan* plan = nullptr;
    std::unique_ptr<detail::horizon_plan> horizon;
  };
  std::vector<segment> segments;
  std::vector<std::size_t> segment_of(months);
  if (columns) {
    const std::vector<batch_leaf> kernels = batch_leaves();
    for (std::size_t k = 0; k < months; ++k) {
      const policy_version* v = plan[k].grant_version;
      if (!v) continue;
      auto& vp = plans[v];
      if (!vp) vp = std::make_unique<detail::version_plan>(*v, kernels);
    }
    const auto resolved = detail::resolve_stays(pop, facilities);
    detail::parallel_chunks(months, 1, threads, [&](unsigned, std::size_t k, std::size_t, std::size_t) {
      if (const policy_version* v = plan[k].grant_version)
        prepared[k] = std::make_unique<detail::prepared_plan>(*plans.at(v), pop, plan[k].schedule.tested_on,
                                                              facilities, resolved);
    });
    for (std::size_t k = 0; k < months; ++k) {
      const detail::version_plan* vp =
          plan[k].grant_version ? plans.at(plan[k].grant_version).get() : nullptr;
      if (segments.empty() || segments.back().plan != vp) segments.push_back({k, k, vp, nullptr});
      segments.back().last = k;
      segment_of[k] = segments.size() - 1;
    }
    for (auto& g : segments) {
      if (!g.plan) continue;
      std::vector<const detail::prepared_plan*> ms;
      for (std::size_t k = g.first; k <= g.last; ++k) ms.push_back(prepared[k].get());
      g.horizon = std::make_unique<detail::horizon_plan>(*g.plan, std::move(ms), pop);
    }
  }

  // Rows settled for the whole horizon, paid in bulk. When one version plan grants in every month
  // that has a version (one segment), a row whose pattern the horizon settles is paid, month by
  // month, what pay_month gives that pattern from a fresh schedule_state: the same for every such
  // row. So each pattern's months are paid once here (its trajectory), and the rows are only counted
  // per pattern and prefecture; the totals are the trajectory times the counts. A pattern whose grant
  // raises, or whose months owe arrears (which need the row's own decision), is left to the row by
  // row path. With the per-row outputs, a bulk row's are its pattern's (written per row).
  struct trajectory_month {
    bool eligible = false;
    std::int64_t fen = 0, arrears = 0, quantity = 0;
    const std::vector<std::size_t>* by = nullptr;
  };
  struct trajectory {
    bool bulk = false;      ///< rows with this pattern are counted, not paid one by one
    bool granted = false;   ///< granted something in some month
    std::int64_t live = -1; ///< its index among the patterns granted something, or -1
    std::vector<trajectory_month> months;
    // What simulation_result's per-row outputs say of a row with this pattern.
    std::int64_t total_fen = 0;
    std::int32_t first_paid = -1, granted_months = 0;
    std::vector<std::size_t> rule_slots; ///< slots of the rules granting in some month
    bool total_overflows = false;        ///< left to the row by row path, which raises it for the row
  };
  static const std::vector<std::size_t> no_rules;
  // What pay_month pays, month by month from a fresh schedule_state, to a row whose month k is
  // granted what grant_of(k) says (nullptr: no version grants that month). Not bulk when a month's
  // grant or payment raises, when arrears are owed (they need the row's own decision) or when the
  // row's total overflows: such rows are paid by the row by row path, which raises or decides as it
  // should, naming the row.
  auto make_trajectory = [&](auto grant_of) {
    trajectory t;
    t.months.resize(months);
    schedule_state state;
    bool owes_arrears = false, raises = false;
    for (std::size_t k = 0; k < months && !raises; ++k) {
      const month_plan& mp = plan[k];
      const detail::pattern_grant* pg = grant_of(k);
      if (pg && pg->error) {
        raises = true;
        break;
      }
      schedule_line line;
      line.year = mp.year;
      line.month = mp.month;
      line.tested_on = mp.schedule.tested_on;
      line.status = mp.schedule.status;
      if (pg) line.granted = pg->granted;
      try {
        pay_month(line, mp.schedule.version, k == 0, state, [&] {
          owes_arrears = true;
          return start;
        });
      } catch (const invalid_value&) { // e.g. an amount past int64: raised for the row, named, below
        raises = true;
        break;
      }
      trajectory_month& tm = t.months[k];
      tm.eligible = line.eligible;
      tm.fen = line.amount.fen();
      tm.arrears = line.arrears_months;
      tm.quantity = line.eligible ? line.granted->quantity() : 0;
      tm.by = pg ? &pg->by : &no_rules;
      t.granted = t.granted || line.eligible;
      if (tm.fen != 0) {
        if (t.first_paid < 0) t.first_paid = static_cast<std::int32_t>(k);
        t.total_overflows = t.total_overflows || __builtin_add_overflow(t.total_fen, tm.fen, &t.total_fen);
      }
      if (line.eligible && mp.rule_slots) {
        ++t.granted_months;
        for (const std::size_t r : *tm.by) {
          const std::size_t slot = (*mp.rule_slots)[r];
          if (std::find(t.rule_slots.begin(), t.rule_slots.end(), slot) == t.rule_slots.end())
            t.rule_slots.push_back(slot);
        }
      }
    }
    t.bulk = !raises && !owes_arrears && !t.total_overflows;
    return t;
  };
  std::vector<trajectory> trajectories; // per pattern of the bulk segment's plan
  std::vector<std::size_t> live_patterns;
  std::size_t bulk_segment = segments.size();
  if (columns) {
    std::size_t with_plan = 0;
    for (std::size_t g = 0; g < segments.size(); ++g)
      if (segments[g].plan) {
        ++with_plan;
        bulk_segment = g;
      }
    if (with_plan != 1 || !segments[bulk_segment].plan->tabulated() ||
        !segments[bulk_segment].horizon->usable())
      bulk_segment = segments.size();
  }
  if (bulk_segment < segments.size()) {
    const detail::version_plan& vp = *segments[bulk_segment].plan;
    trajectories.resize(std::size_t{1} << vp.version().rules.size());
    for (std::size_t pattern = 0; pattern < trajectories.size(); ++pattern) {
      const detail::pattern_grant& pg = vp.pattern(pattern);
      trajectory& t = trajectories[pattern];
      t = make_trajectory(
          [&](std::size_t k) { return segment_of[k] == bulk_segment && prepared[k] ? &pg : nullptr; });
      if (t.bulk && t.granted) {
        t.live = static_cast<std::int64_t>(live_patterns.size());
        live_patterns.push_back(pattern);
      }
    }
  }

  // Per segment and pattern: whether it grants (or raises), is paid in bulk, and is granted
  // something in some month (live): a byte each, looked up per row.
  constexpr std::uint8_t grants_flag = 1, bulk_flag = 2, live_flag = 4;
  std::vector<std::vector<std::uint8_t>> pattern_flags(segments.size());
  for (std::size_t g = 0; g < segments.size(); ++g) {
    if (!segments[g].plan || !segments[g].plan->tabulated()) continue;
    auto& flags = pattern_flags[g];
    flags.assign(std::size_t{1} << segments[g].plan->version().rules.size(), 0);
    for (std::size_t pattern = 0; pattern < flags.size(); ++pattern) {
      std::uint8_t f = segments[g].plan->pattern(pattern).grants() ? grants_flag : 0;
      if (g == bulk_segment && trajectories[pattern].bulk)
        f = static_cast<std::uint8_t>(f | bulk_flag | (trajectories[pattern].live >= 0 ? live_flag : 0));
      flags[pattern] = f;
    }
  }

  // The bulk segment's rows are counted per live pattern and prefecture slot: per pattern, and one
  // entry more for `unknown`, the first cell of its counts (a discard block after the live patterns'
  // for the others, so that counting needs no branch) and whether a row with it needs more than a
  // count: listed as undecided, kept for the row by row path, or given its per-row outputs.
  const std::size_t slots = prefectures.size();
  const std::size_t tally_cells = (live_patterns.size() + 1) * slots;
  const auto tally_discard = static_cast<std::uint32_t>(live_patterns.size() * slots);
  std::vector<std::uint32_t> tally_base;
  std::vector<std::uint8_t> tally_special;
  if (bulk_segment < segments.size()) {
    const auto& flags = pattern_flags[bulk_segment];
    tally_base.assign(flags.size() + 1, tally_discard);
    tally_special.assign(flags.size() + 1, 1); // the last: unknown
    for (std::size_t pattern = 0; pattern < flags.size(); ++pattern) {
      const std::uint8_t f = flags[pattern];
      if ((f & bulk_flag) && (f & live_flag)) {
        tally_base[pattern] =
            static_cast<std::uint32_t>(static_cast<std::size_t>(trajectories[pattern].live) * slots);
        tally_special[pattern] = options.per_row_amounts || options.per_row_rules ? 1 : 0;
      } else {
        tally_special[pattern] = !(f & bulk_flag) && (f & grants_flag) ? 1 : 0;
      }
    }
  }
  // Counts are kept in four copies (row i in copy i % 4): consecutive rows usually add to the same
  // cell, and four copies let those additions overlap instead of waiting for each other.
  constexpr std::size_t count_copies = 4;

  constexpr std::size_t no_sequence = ~std::size_t{0};

  // Per worker: one accumulator per month, and scratch.

  struct worker_state {
    std::vector<detail::month_accumulator> months;
    std::vector<schedule_state> states;
    detail::prepared_plan::scratch scratch;
    std::optional<person> materialised;
    std::vector<std::size_t> by;
    std::vector<std::uint16_t> known;     // per segment and row: the pattern for the whole segment
    std::vector<std::uint8_t> never;      // per row: granted nothing in any month of the horizon
    std::vector<std::uint32_t> undecided; // per segment: rows its months' rules must decide
    std::vector<std::size_t> undecided_count;
    std::vector<std::uint32_t> payable;  // rows granted something in some month
    std::vector<std::uint16_t> patterns; // per month, by place in the undecided list: their patterns
    std::vector<std::uint8_t> work;
    std::vector<std::uint8_t> granted_some; // per segment, by place in its undecided list
    // Rows paid in bulk: per live pattern and prefecture slot, how many and their weights.
    std::vector<std::int64_t> tally_count;
    std::vector<weighted_sum> tally_weight;
    // Rows whose every month's pattern is known once the undecided ones are evaluated month by month
    // (a birthday in the horizon, say), paid in bulk by their sequence of monthly patterns: one
    // trajectory per sequence met, and per sequence and prefecture slot, how many and their weights.
    std::unordered_map<std::string, std::size_t, detail::bytes_hash> sequence_index; // bytes → trajectory
    std::vector<trajectory> sequences;
    std::string sequence_key, last_sequence;
    std::size_t last_index = no_sequence;
    std::vector<std::size_t> cursor, place; // per segment: where a row is in its undecided list
    std::vector<std::uint16_t> sequence_words;
    std::vector<std::int64_t> sequence_count;
    std::vector<weighted_sum> sequence_weight;
  };
  // Sequences a worker keeps at most; the rows of further ones are paid row by row.
  constexpr std::size_t max_sequences = 4096;
  std::vector<worker_state> workers(threads);
  // Each row's months, written by the worker that owns the row's chunk (rows never shared).
  std::vector<std::int64_t> row_amounts(options.per_row_amounts ? pop.size() * months : 0, 0);
  const std::size_t per_row = options.per_row_rules ? pop.size() : 0;
  std::vector<std::int64_t> row_total(per_row, 0);
  std::vector<std::int32_t> row_first_paid(per_row, -1), row_granted_months(per_row, 0);
  std::vector<std::uint8_t> row_rules(per_row * rule_ids.size(), 0);
  for (auto& w : workers) {
    w.months.resize(months);
    for (auto& a : w.months) a.size_for(prefectures.size(), rule_ids.size());
    w.tally_count.assign(count_copies * tally_cells, 0);
    w.tally_weight.assign(tally_cells, weighted_sum{});
  }
  // A bulk row's per-row outputs, from its pattern's trajectory.
  const bool per_row_outputs = !row_amounts.empty() || per_row != 0;
  auto bulk_row_outputs = [&](const trajectory& t, std::size_t row) {
    if (!row_amounts.empty())
      for (std::size_t k = 0; k < months; ++k) row_amounts[row * months + k] = t.months[k].fen;
    if (per_row == 0) return;
    row_total[row] = t.total_fen;
    row_first_paid[row] = t.first_paid;
    row_granted_months[row] = t.granted_months;
    for (const std::size_t slot : t.rule_slots) row_rules[row * rule_ids.size() + slot] = 1;
  };
  const auto weights = pop.weight_micros();
  const bool weighted = pop.weighted(); // otherwise every row weighs 1: bulk rows are only counted

  // A chunk of rows over every month. at_row / at_month say which row and month are being paid, so
  // that an error there (a grant or a payment past int64) names the policy, the month and the row.
  auto chunk = [&](unsigned w, std::size_t begin, std::size_t end, std::size_t& at_row,
                   std::size_t& at_month) {
    worker_state& ws = workers[w];
    const std::size_t rows = end - begin;
    // One month of row i: schedule()'s pay_month on what the month grants, then the totals.
    auto pay = [&](std::size_t k, std::size_t i, const std::optional<benefit>& granted,
                   const std::vector<std::size_t>& by) {
      const month_plan& mp = plan[k];
      schedule_line line;
      line.year = mp.year;
      line.month = mp.month;
      line.tested_on = mp.schedule.tested_on;
      line.granted = granted;
      line.status = mp.schedule.status;
      pay_month(line, mp.schedule.version, k == 0, ws.states[i], [&] {
        // Only when arrears are owed (rare: a row's first payment): the row as a person, decided in full.
        const person subject = pop.to_person(begin + i);
        return arrears_floor(p, evaluate(p, subject, line.tested_on, facilities));
      });
      if (!row_amounts.empty()) row_amounts[(begin + i) * months + k] = line.amount.fen();
      if (per_row != 0) {
        const std::size_t row = begin + i;
        if (line.amount.fen() != 0) {
          if (row_first_paid[row] < 0) row_first_paid[row] = static_cast<std::int32_t>(k);
          detail::add_checked(row_total[row], line.amount.fen(), p.id(), mp.year, mp.month, "row_total_fen");
        }
        if (line.eligible && mp.rule_slots) {
          ++row_granted_months[row];
          for (const std::size_t r : by) row_rules[row * rule_ids.size() + (*mp.rule_slots)[r]] = 1;
        }
      }
      if (!line.eligible) return;
      detail::month_accumulator& acc = ws.months[k];
      const std::int64_t w = weights[begin + i] < 0 ? survey_weight::scale : weights[begin + i];
      ++acc.eligible;
      acc.weighted_eligible.add_micros(1, w);
      const std::int64_t fen = line.amount.fen();
      if (fen != 0)
        detail::add_checked(acc.amount, fen, p.id(), mp.year, mp.month, "amount_fen"); // money first
      detail::add_checked(acc.quantity, line.granted->quantity(), p.id(), mp.year, mp.month,
                          "granted_quantity");
      if (fen == 0) return;
      ++acc.paid;
      acc.weighted_paid.add_micros(1, w);
      acc.weighted_amount.add_micros(fen, w);
      acc.arrears += line.arrears_months;
      const std::size_t pref = key_slot[region_key[begin + i]];
      detail::add_checked(acc.prefecture_amount[pref], fen, p.id(), mp.year, mp.month,
                          "by_prefecture.amount_fen");
      ++acc.prefecture_paid[pref];
      acc.prefecture_weighted_amount[pref].add_micros(fen, w);
      acc.prefecture_weighted_paid[pref].add_micros(1, w);
      // The amount is (sum of the granting rules' quantities) × a whole multiplier (1, days, arrears).
      const std::vector<std::size_t>& rule_slot_of = *mp.rule_slots;
      const std::int64_t sum = line.granted->quantity();
      for (const std::size_t r : by) {
        const std::int64_t share =
            by.size() == 1 || sum == 0 ? fen : fen / sum * mp.grant_version->rules[r].grant.quantity();
        detail::add_checked(acc.rule_amount[rule_slot_of[r]], share, p.id(), mp.year, mp.month,
                            "by_rule.amount_fen");
        ++acc.rule_paid[rule_slot_of[r]];
        acc.rule_weighted_amount[rule_slot_of[r]].add_micros(share, w);
        acc.rule_weighted_paid[rule_slot_of[r]].add_micros(1, w);
      }
    };
    if (!columns) {
      ws.states.assign(rows, schedule_state{});
      for (std::size_t i = 0; i < rows; ++i) {
        if (!ws.materialised) ws.materialised = pop.to_person(begin + i);
        pop.to_person(begin + i, *ws.materialised);
        for (std::size_t k = 0; k < months; ++k) {
          at_row = i;
          at_month = k;
          const std::optional<benefit> g = detail::grant_with_rules(
              p, *ws.materialised, plan[k].schedule.tested_on, facilities, nullptr, &ws.by);
          pay(k, i, g, ws.by);
        }
      }
      return;
    }
    // Rows whose rules cannot change within a segment are decided once for it; a row granted
    // nothing in every month pays nothing in any (pay_month pays only what is granted) and is
    // skipped. `undecided` lists, per segment, the rows its months must evaluate one by one.
    ws.known.resize(segments.size() * rows);
    ws.never.assign(rows, 1);
    ws.undecided.resize(segments.size() * rows);
    ws.undecided_count.assign(segments.size(), 0);
    for (std::size_t g = 0; g < segments.size(); ++g) {
      std::uint16_t* known = ws.known.data() + g * rows;
      if (!segments[g].plan) {
        std::fill(known, known + rows, std::uint16_t{0}); // no version in force: nothing is granted
        continue;
      }
      segments[g].horizon->classify(ws.scratch, ws.work, begin, rows, known);
      // One pass: the undecided rows listed, the settled ones granted something in some month kept
      // (never = 0), and in the bulk segment the settled rows paid in bulk counted instead.
      std::uint32_t* undecided = ws.undecided.data() + g * rows;
      std::uint8_t* never = ws.never.data();
      const std::uint8_t* flags = pattern_flags[g].data();
      std::size_t m = 0;
      if (g == bulk_segment) {
        const auto* key = region_key.data() + begin;
        const std::uint32_t* base = tally_base.data();
        const std::uint8_t* special = tally_special.data();
        const std::uint32_t* slot_of = key_slot.data();
        const std::size_t top = tally_base.size() - 1; // unknown's entry
        std::int64_t* counts = ws.tally_count.data();
        for (std::size_t i = 0; i < rows; ++i) {
          const std::size_t q = std::min<std::size_t>(known[i], top);
          ++counts[(i % count_copies) * tally_cells + base[q] + slot_of[key[i]]];
          if (!special[q]) [[likely]]
            continue;
          if (q == top) {
            undecided[m++] = static_cast<std::uint32_t>(i);
          } else if (flags[q] & bulk_flag) {
            bulk_row_outputs(trajectories[q], begin + i);
          } else {
            never[i] = 0;
          }
        }
        if (weighted) { // weighted() means the weight column is stored (batch/column_view.hpp)
          const std::int64_t* weight = weights.values().data() + begin;
          for (std::size_t i = 0; i < rows; ++i) {
            const std::uint32_t first = base[std::min<std::size_t>(known[i], top)];
            if (first != tally_discard)
              ws.tally_weight[first + slot_of[key[i]]].add_micros(1, weight[i] < 0 ? survey_weight::scale
                                                                                   : weight[i]);
          }
        }
      } else {
        for (std::size_t i = 0; i < rows; ++i) {
          const std::uint16_t pattern = known[i];
          if (pattern == detail::horizon_plan::unknown) undecided[m++] = static_cast<std::uint32_t>(i);
          else if (flags[pattern] & grants_flag)
            never[i] = 0;
        }
      }
      ws.undecided_count[g] = m;
    }
    // When every version's combination is tabulated, the undecided rows' patterns are found for
    // every month first, so that a row granted nothing in any month is skipped like the others.
    bool tabulated = true;
    for (const auto& g : segments) tabulated = tabulated && (!g.plan || g.plan->tabulated());
    if (tabulated) {
      ws.patterns.resize(months * rows);
      // Per segment, by place in its undecided list: granted something in some month.
      ws.granted_some.assign(segments.size() * rows, 0);
      for (std::size_t k = 0; k < months; ++k) {
        const std::size_t g = segment_of[k];
        const std::size_t m = ws.undecided_count[g];
        const detail::prepared_plan* pp = prepared[k].get();
        if (!pp || m == 0) continue;
        const std::uint32_t* undecided = ws.undecided.data() + g * rows;
        pp->evaluate_rules(ws.scratch, begin, undecided, m);
        const std::size_t rules = segments[g].plan->roots().size();
        const std::uint8_t* flags = pattern_flags[g].data();
        // Month k's patterns of the segment's undecided rows, by their place j in its list.
        std::uint16_t* patterns = ws.patterns.data() + k * rows;
        detail::in_blocks(m, [&](std::size_t at, auto count) {
          detail::pack_patterns(patterns + at, ws.scratch.masks.data() + at, m, rules, count);
        });
        std::uint8_t* granted = ws.granted_some.data() + g * rows;
        for (std::size_t j = 0; j < m; ++j)
          granted[j] = static_cast<std::uint8_t>(granted[j] | flags[patterns[j]]);
      }
      for (std::size_t g = 0; g < segments.size(); ++g) {
        const std::uint8_t* granted = ws.granted_some.data() + g * rows;
        const std::uint32_t* undecided = ws.undecided.data() + g * rows;
        std::uint8_t* never = ws.never.data();
        for (std::size_t j = 0; j < ws.undecided_count[g]; ++j)
          if (granted[j] & grants_flag) never[undecided[j]] = 0;
      }
    } else {
      for (std::size_t g = 0; g < segments.size(); ++g)
        for (std::size_t j = 0; j < ws.undecided_count[g]; ++j) ws.never[ws.undecided[g * rows + j]] = 0;
    }
    ws.payable.resize(rows);
    {
      std::size_t count = 0; // branch-free: every row written, the payable ones kept
      std::uint32_t* payable = ws.payable.data();
      const std::uint8_t* never = ws.never.data();
      for (std::size_t i = 0; i < rows; ++i) {
        payable[count] = static_cast<std::uint32_t>(i);
        count += never[i] ^ 1U;
      }
      ws.payable.resize(count);
    }
    if (ws.payable.empty()) return;
    if (tabulated) {
      // Every month's pattern of every row is known now: a row is paid what its sequence of patterns
      // is paid from a fresh schedule_state, worked out once per sequence (a trajectory); its rows
      // are counted per prefecture. The rows whose trajectory is not bulk are paid row by row below.
      std::size_t kept = 0;
      const auto* key = region_key.data() + begin;
      std::string& sequence = ws.sequence_key;
      sequence.resize(months * sizeof(std::uint16_t));
      // Per segment, the place in its undecided list of the row at hand (both lists ascend).
      ws.cursor.assign(segments.size(), 0);
      ws.place.resize(segments.size());
      ws.sequence_words.resize(months);
      std::uint16_t* words = ws.sequence_words.data();
      const std::uint16_t* known_all = ws.known.data();
      const std::uint16_t* patterns = ws.patterns.data();
      std::size_t* place = ws.place.data();
      std::size_t* cursor = ws.cursor.data();
      for (const std::uint32_t i : ws.payable) {
        for (std::size_t g = 0; g < segments.size(); ++g) {
          if (known_all[g * rows + i] != detail::horizon_plan::unknown) continue;
          const std::uint32_t* undecided = ws.undecided.data() + g * rows;
          while (undecided[cursor[g]] != i) ++cursor[g];
          place[g] = cursor[g];
        }
        auto pattern_in = [&](std::size_t k) -> std::uint16_t {
          if (!prepared[k]) return 0; // no version grants: the pattern does not matter
          const std::size_t g = segment_of[k];
          const std::uint16_t settled = known_all[g * rows + i];
          return settled != detail::horizon_plan::unknown ? settled : patterns[k * rows + place[g]];
        };
        for (std::size_t k = 0; k < months; ++k) words[k] = pattern_in(k);
        std::memcpy(sequence.data(), words, months * sizeof(std::uint16_t));
        // Neighbouring rows often share a sequence: the last one found is tried first.
        std::size_t index = ws.last_index;
        if (index == no_sequence || sequence != ws.last_sequence) {
          auto found = ws.sequence_index.find(sequence);
          if (found == ws.sequence_index.end()) {
            if (ws.sequences.size() >= max_sequences) {
              ws.payable[kept++] = i;
              continue;
            }
            ws.sequences.push_back(make_trajectory([&](std::size_t k) -> const detail::pattern_grant* {
              return prepared[k] ? &segments[segment_of[k]].plan->pattern(pattern_in(k)) : nullptr;
            }));
            found = ws.sequence_index.emplace(sequence, ws.sequences.size() - 1).first;
            ws.sequence_count.resize(ws.sequences.size() * slots, 0);
            ws.sequence_weight.resize(ws.sequences.size() * slots);
          }
          index = found->second;
          ws.last_index = index;
          ws.last_sequence = sequence;
        }
        const trajectory& t = ws.sequences[index];
        if (!t.bulk) {
          ws.payable[kept++] = i;
          continue;
        }
        if (per_row_outputs) bulk_row_outputs(t, begin + i);
        const std::size_t at = index * slots + key_slot[key[i]];
        ++ws.sequence_count[at];
        if (weighted) {
          const std::int64_t w = weights[begin + i];
          ws.sequence_weight[at].add_micros(1, w < 0 ? survey_weight::scale : w);
        }
      }
      ws.payable.resize(kept);
      if (ws.payable.empty()) return;
    }
    ws.states.assign(rows, schedule_state{}); // the rows paid row by row, from their first month
    for (std::size_t k = 0; k < months; ++k) {
      const std::size_t g = segment_of[k];
      const std::uint16_t* known = ws.known.data() + g * rows;
      const std::uint32_t* undecided = ws.undecided.data() + g * rows;
      const std::size_t m = ws.undecided_count[g];
      const detail::prepared_plan* pp = prepared[k].get();
      if (pp && m > 0 && !tabulated) pp->evaluate_rules(ws.scratch, begin, undecided, m);
      std::size_t j = 0; // position of the next undecided row
      for (const std::uint32_t i : ws.payable) {
        at_row = i;
        at_month = k;
        if (!pp) {
          pay(k, i, std::nullopt, no_rules);
        } else if (known[i] != detail::horizon_plan::unknown) {
          const detail::pattern_grant& pg = segments[g].plan->pattern(known[i]);
          pay(k, i, pg.grant(), pg.by);
        } else if (tabulated) {
          while (undecided[j] != i) ++j;
          const detail::pattern_grant& pg = segments[g].plan->pattern(ws.patterns[k * rows + j]);
          pay(k, i, pg.grant(), pg.by);
        } else {
          while (undecided[j] != i) ++j;
          const std::vector<std::size_t>* by = nullptr;
          const std::optional<benefit> granted = pp->grant_of(ws.scratch, m, j, &by);
          pay(k, i, granted, *by);
        }
      }
    }
  };
  detail::parallel_chunks(
      pop.size(), options.batch.chunk_rows, threads,
      [&](unsigned w, std::size_t, std::size_t begin, std::size_t end) {
        std::size_t at_row = end, at_month = 0;
        try {
          chunk(w, begin, end, at_row, at_month);
        } catch (const invalid_value& e) {
          // Not a row's payment, or a total's overflow (named already).
          if (at_row == end || e.field().starts_with("simulate_months[")) throw;
          const std::size_t row = begin + at_row;
          throw e.renamed(detail::simulation_field(p.id(), plan[at_month].year, plan[at_month].month) +
                          "[row " + std::to_string(row) + ", id '" + std::string(pop.id(row)) + "']");
        }
      });

  // The rows paid in bulk: each trajectory's months times its counts per prefecture, month by month
  // (the live patterns' of the bulk segment, and each worker's sequences').
  auto add_bulk = [&](detail::month_accumulator& acc, std::size_t k, const trajectory_month& tm,
                      std::size_t slot, std::int64_t count, weighted_sum w) {
    const month_plan& mp = plan[k];
    if (!weighted) w.add_micros(count, survey_weight::scale); // every row weighs 1
    acc.eligible += count;
    acc.weighted_eligible += w;
    if (tm.fen != 0)
      detail::add_times_checked(acc.amount, tm.fen, count, p.id(), mp.year, mp.month, "amount_fen");
    detail::add_times_checked(acc.quantity, tm.quantity, count, p.id(), mp.year, mp.month,
                              "granted_quantity");
    if (tm.fen == 0) return;
    acc.paid += count;
    acc.weighted_paid += w;
    acc.weighted_amount.add_times(tm.fen, w);
    acc.arrears += tm.arrears * count;
    detail::add_times_checked(acc.prefecture_amount[slot], tm.fen, count, p.id(), mp.year, mp.month,
                              "by_prefecture.amount_fen");
    acc.prefecture_paid[slot] += count;
    acc.prefecture_weighted_amount[slot].add_times(tm.fen, w);
    acc.prefecture_weighted_paid[slot] += w;
    const std::vector<std::size_t>& rule_slot_of = *mp.rule_slots;
    const std::int64_t sum = tm.quantity;
    for (const std::size_t r : *tm.by) {
      const std::int64_t share = tm.by->size() == 1 || sum == 0
                                     ? tm.fen
                                     : tm.fen / sum * mp.grant_version->rules[r].grant.quantity();
      detail::add_times_checked(acc.rule_amount[rule_slot_of[r]], share, count, p.id(), mp.year, mp.month,
                                "by_rule.amount_fen");
      acc.rule_paid[rule_slot_of[r]] += count;
      acc.rule_weighted_amount[rule_slot_of[r]].add_times(share, w);
      acc.rule_weighted_paid[rule_slot_of[r]] += w;
    }
  };
  for (std::size_t k = 0; k < months; ++k) {
    for (auto& ws : workers) {
      detail::month_accumulator& acc = ws.months[k];
      for (std::size_t l = 0; l < live_patterns.size(); ++l) {
        const trajectory_month& tm = trajectories[live_patterns[l]].months[k];
        if (!tm.eligible) continue;
        for (std::size_t slot = 0; slot < prefectures.size(); ++slot) {
          const std::size_t at = l * prefectures.size() + slot;
          std::int64_t count = 0;
          for (std::size_t c = 0; c < count_copies; ++c) count += ws.tally_count[c * tally_cells + at];
          if (count != 0) add_bulk(acc, k, tm, slot, count, ws.tally_weight[at]);
        }
      }
      for (std::size_t q = 0; q < ws.sequences.size(); ++q) {
        const trajectory& t = ws.sequences[q];
        if (!t.bulk || !t.months[k].eligible) continue;
        for (std::size_t slot = 0; slot < prefectures.size(); ++slot) {
          const std::size_t at = q * prefectures.size() + slot;
          if (ws.sequence_count[at] != 0)
            add_bulk(acc, k, t.months[k], slot, ws.sequence_count[at], ws.sequence_weight[at]);
        }
      }
    }
  }

  // Reduce the workers' accumulators (integer sums: the order does not matter).
  simulation_result out;
  std::vector<std::size_t> pref_order(prefectures.size());
  for (std::size_t s = 0; s < pref_order.size(); ++s) pref_order[s] = s;
  std::sort(pref_order.begin(), pref_order.end(),
            [&](std::size_t a, std::size_t b) { return prefectures[a] < prefectures[b]; });
  std::vector<std::size_t> rule_order(rule_ids.size());
  for (std::size_t s = 0; s < rule_order.size(); ++s) rule_order[s] = s;
  std::sort(rule_order.begin(), rule_order.end(),
            [&](std::size_t a, std::size_t b) { return rule_ids[a] < rule_ids[b]; });
  for (std::size_t k = 0; k < months; ++k) {
    month_totals t;
    t.year = plan[k].year;
    t.month = plan[k].month;
    t.tested_on = plan[k].schedule.tested_on;
    t.status = plan[k].schedule.status;
    if (t.status == decision_status::undetermined) {
      t.undetermined = static_cast<std::int64_t>(pop.size());
      ++out.undetermined_months;
    }
    if (plan[k].schedule.version) t.version_label = plan[k].schedule.version->label;
    detail::month_accumulator sum;
    sum.size_for(prefectures.size(), rule_ids.size());
    // Checked sums: a total past int64 is an error naming the policy and the month.
    auto add = [&](std::int64_t& total, std::int64_t part, const char* what) {
      detail::add_checked(total, part, p.id(), t.year, t.month, what);
    };
    for (const auto& w : workers) {
      const auto& a = w.months[k];
      sum.eligible += a.eligible;
      sum.paid += a.paid;
      add(sum.amount, a.amount, "amount_fen");
      sum.arrears += a.arrears;
      add(sum.quantity, a.quantity, "granted_quantity");
      sum.weighted_eligible += a.weighted_eligible;
      sum.weighted_paid += a.weighted_paid;
      sum.weighted_amount += a.weighted_amount;
      for (std::size_t s = 0; s < prefectures.size(); ++s) {
        add(sum.prefecture_amount[s], a.prefecture_amount[s], "by_prefecture.amount_fen");
        sum.prefecture_paid[s] += a.prefecture_paid[s];
        sum.prefecture_weighted_amount[s] += a.prefecture_weighted_amount[s];
        sum.prefecture_weighted_paid[s] += a.prefecture_weighted_paid[s];
      }
      for (std::size_t s = 0; s < rule_ids.size(); ++s) {
        add(sum.rule_amount[s], a.rule_amount[s], "by_rule.amount_fen");
        sum.rule_paid[s] += a.rule_paid[s];
        sum.rule_weighted_amount[s] += a.rule_weighted_amount[s];
        sum.rule_weighted_paid[s] += a.rule_weighted_paid[s];
      }
    }
    t.eligible = sum.eligible;
    t.paid = sum.paid;
    t.amount = money::from_fen(sum.amount);
    t.arrears_months = sum.arrears;
    t.granted_quantity = sum.quantity;
    t.weighted_eligible = sum.weighted_eligible;
    t.weighted_paid = sum.weighted_paid;
    t.weighted_amount = sum.weighted_amount;
    for (const std::size_t s : pref_order)
      if (sum.prefecture_paid[s] > 0)
        t.by_prefecture.push_back({prefectures[s], sum.prefecture_paid[s],
                                   money::from_fen(sum.prefecture_amount[s]), sum.prefecture_weighted_paid[s],
                                   sum.prefecture_weighted_amount[s]});
    for (const std::size_t s : rule_order)
      if (sum.rule_paid[s] > 0)
        t.by_rule.push_back({rule_ids[s], sum.rule_paid[s], money::from_fen(sum.rule_amount[s]),
                             sum.rule_weighted_paid[s], sum.rule_weighted_amount[s]});
    std::int64_t total = out.total.fen();
    detail::add_checked(total, t.amount.fen(), p.id(), t.year, t.month, "total_fen");
    out.total = money::from_fen(total);
    out.weighted_total += t.weighted_amount;
    out.months.push_back(std::move(t));
  }
  out.row_amounts_fen = std::move(row_amounts);
  out.row_total_fen = std::move(row_total);
  out.row_first_paid = std::move(row_first_paid);
  out.row_granted_months = std::move(row_granted_months);
  out.row_rules = std::move(row_rules);
  out.rule_ids = std::move(rule_ids);
  return out;
}

} // namespace eldercare
