#pragma once
// The batch engine's inner part: a policy version compiled into a tree of nodes over its rules'
// leaves (through basic_any_condition::visit), prepared for one evaluation date, classified over a
// horizon of dates, and evaluated over a chunk of rows as byte masks. See docs/design.md#batches.
//
//  * version_plan: the tree, each leaf with its registered batch_leaf (or none), and the grant of
//    every pattern of holding rules (detail::combine_rule_grants, tabulated).
//  * prepared_plan (one date): a registered leaf that reads one member with few distinct values
//    (birth date, hukou region, residence, categories, health, or nothing) is decided by its own
//    evaluate once per value present in the population; rows look their verdict up. A leaf reading a
//    member most rows lack (stays, an assessment, a certificate, programmes) is decided once for the
//    rows without it, and per row, on a row view, for the others. A leaf reading several members runs
//    per row on a row view; an unregistered leaf type runs per row on a materialised person.
//    evaluate_rules runs the trees on a list of rows: a group's part runs only on the rows where it
//    can still change the verdict, as the person path stops at the first failing part of an all_of
//    (and first_match at the first holding rule), so a leaf never runs, and never throws, where the
//    person path would not run it.
//  * horizon_plan (one or more dates under one version): rows whose verdicts the look-up tables (and
//    the leaves' fails_on_every_date) settle for every date get one pattern for all of them; only
//    the others are evaluated date by date.

#include <algorithm> // std::fill
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>    // subtrees that classify alike
#include <memory> // resolved stays, shared between the months of a simulation
#include <optional>
#include <stdexcept> // std::logic_error
#include <vector>

#include "eldercare/batch/batch_leaf.hpp"
#include "eldercare/batch/detail/kernels.hpp"
#include "eldercare/batch/population_columns.hpp"
#include "eldercare/rules/aliases.hpp"
#include "eldercare/rules/decision.hpp"

namespace eldercare::detail {

/// How a leaf node is decided for the rows of a chunk.
enum class leaf_strategy : std::uint8_t {
  constant,   ///< reads nothing: one verdict per date
  birth,      ///< once per birth day present
  hukou,      ///< once per hukou code present
  residence,  ///< once per (residence code, rural) present
  categories, ///< once per category bit set present
  health,     ///< once per health-flag combination
  ability,    ///< once for rows without an assessment, per row otherwise
  disability, ///< once for rows without a certificate, per row otherwise
  stays,      ///< once for rows without stays, per row otherwise
  programmes, ///< once for rows without programmes, per row otherwise
  per_row,    ///< per row on a row view with the members it reads
  person,     ///< unregistered leaf type: per row on a materialised person
};

[[nodiscard]] inline leaf_strategy strategy_for(row_fields reads) noexcept {
  switch (reads) {
  case row_fields::none: return leaf_strategy::constant;
  case row_fields::birth_date: return leaf_strategy::birth;
  case row_fields::hukou: return leaf_strategy::hukou;
  case row_fields::residence:
  case row_fields::rural: return leaf_strategy::residence; // the residence key holds the rural flag
  case row_fields::categories: return leaf_strategy::categories;
  case row_fields::health: return leaf_strategy::health;
  case row_fields::ability: return leaf_strategy::ability;
  case row_fields::disability: return leaf_strategy::disability;
  case row_fields::stays: return leaf_strategy::stays;
  case row_fields::programmes: return leaf_strategy::programmes;
  default: return leaf_strategy::per_row;
  }
}

struct plan_node {
  condition_shape shape = condition_shape::leaf;
  std::vector<std::uint32_t> parts;   ///< groups: the parts, in order
  leaf_ref<person> leaf{};            ///< leaves: the leaf as the rule holds it
  const batch_leaf* kernel = nullptr; ///< leaves: the registered batch_leaf, or nullptr
  leaf_strategy strategy = leaf_strategy::person;
};

/// What a pattern of holding rules grants (combine_rule_grants, tabulated). A pattern whose grants
/// cannot be combined (their sum overflows) keeps its error, raised only for a row that has the
/// pattern, as the person path raises it only for such a person.
struct pattern_grant {
  std::optional<benefit> granted;
  std::vector<std::size_t> by; ///< indices of the granting rules
  std::exception_ptr error;    ///< combine_rule_grants' exception for this pattern, if any

  /// The grant (rethrows the pattern's error).
  [[nodiscard]] const std::optional<benefit>& grant() const {
    if (error) std::rethrow_exception(error);
    return granted;
  }
  /// Whether a row with this pattern is granted something (or raises).
  [[nodiscard]] bool grants() const noexcept { return granted.has_value() || error != nullptr; }
};

/// A policy version compiled for batches.
class version_plan {
public:
  static constexpr std::size_t max_tabulated_rules = 10;

  version_plan(const policy_version& v, std::vector<batch_leaf> kernels)
      : version_(&v), kernels_(std::move(kernels)) {
    for (const rule& r : v.rules) {
      builder b(*this);
      r.condition.visit(b);
      if (b.root < 0) throw std::logic_error("batch plan: rule '" + r.id + "' has no condition");
      roots_.push_back(static_cast<std::uint32_t>(b.root));
    }
    depth_ = 0;
    for (const auto root : roots_) depth_ = std::max(depth_, depth_of(root));
    if (v.rules.size() <= max_tabulated_rules) {
      patterns_.resize(std::size_t{1} << v.rules.size());
      std::vector<char> holds(v.rules.size());
      for (std::size_t p = 0; p < patterns_.size(); ++p) {
        for (std::size_t r = 0; r < holds.size(); ++r) holds[r] = static_cast<char>((p >> r) & 1U);
        try {
          patterns_[p].granted = combine_rule_grants(v, holds, &patterns_[p].by);
        } catch (const invalid_value&) {
          patterns_[p].error = std::current_exception();
        }
      }
    }
  }
  version_plan(const version_plan&) = delete;
  version_plan& operator=(const version_plan&) = delete;

  [[nodiscard]] const policy_version& version() const noexcept { return *version_; }
  [[nodiscard]] const std::vector<plan_node>& nodes() const noexcept { return nodes_; }
  [[nodiscard]] const std::vector<std::uint32_t>& roots() const noexcept { return roots_; }
  [[nodiscard]] std::size_t depth() const noexcept { return depth_; }
  [[nodiscard]] bool tabulated() const noexcept { return !patterns_.empty(); }
  [[nodiscard]] const pattern_grant& pattern(std::size_t p) const { return patterns_[p]; }
  /// Whether a leaf of an unregistered type needs a materialised person.
  [[nodiscard]] bool needs_person() const noexcept {
    for (const auto& n : nodes_)
      if (n.shape == condition_shape::leaf && n.strategy == leaf_strategy::person) return true;
    return false;
  }

private:
  class builder final : public condition_visitor<person> {
  public:
    explicit builder(version_plan& p) : plan_(p) {}
    void open(condition_shape group) override {
      const auto index = add(plan_node{group, {}, {}, nullptr, leaf_strategy::person});
      open_.push_back(index);
    }
    void close() override { open_.pop_back(); }
    void leaf(const leaf_ref<person>& l) override {
      plan_node n;
      n.leaf = l;
      for (const auto& k : plan_.kernels_)
        if (*k.type == *l.type) {
          n.kernel = &k;
          n.strategy = strategy_for(k.reads);
        }
      add(std::move(n));
    }
    std::int64_t root = -1;

  private:
    std::uint32_t add(plan_node n) {
      const auto index = static_cast<std::uint32_t>(plan_.nodes_.size());
      plan_.nodes_.push_back(std::move(n));
      if (open_.empty()) root = index;
      else
        plan_.nodes_[open_.back()].parts.push_back(index);
      return index;
    }
    version_plan& plan_;
    std::vector<std::uint32_t> open_;
  };

  [[nodiscard]] std::size_t depth_of(std::uint32_t node) const {
    std::size_t d = 0;
    for (const auto part : nodes_[node].parts) d = std::max(d, depth_of(part));
    return nodes_[node].shape == condition_shape::leaf ? 0 : d + 1;
  }

  const policy_version* version_;
  std::vector<batch_leaf> kernels_; // nodes point into it: never resized after construction
  std::vector<plan_node> nodes_;
  std::vector<std::uint32_t> roots_;
  std::size_t depth_ = 0;
  std::vector<pattern_grant> patterns_;
};

/// Verdicts as stored in look-up tables: 0 fails, 1 holds, 3 the leaf threw (re-run on the row to
/// raise the same error only where the person path would have run it).
inline constexpr std::uint8_t verdict_error = 3;

/// The facility of every stay of a population as `facilities` finds it (nullptr when it does not,
/// or without a registry), looked up once per facility of the population's table.
using resolved_stays = std::vector<const facility*>;
[[nodiscard]] inline std::shared_ptr<const resolved_stays>
resolve_stays(const population_columns& pop, const facility_registry* facilities) {
  std::vector<const facility*> by_index(pop.facilities().size(), nullptr);
  if (facilities)
    for (std::size_t i = 0; i < by_index.size(); ++i)
      by_index[i] = facilities->find(pop.facilities().id(static_cast<std::int32_t>(i)));
  auto out = std::make_shared<resolved_stays>(pop.stay_count());
  const auto column = pop.stay_facility();
  for (std::size_t s = 0; s < out->size(); ++s) (*out)[s] = by_index[static_cast<std::size_t>(column[s])];
  return out;
}

/// A version plan prepared for one date and population: the look-up tables of its leaves.
class prepared_plan {
public:
  prepared_plan(const version_plan& plan, const population_columns& pop, const date& on,
                const facility_registry* facilities, std::shared_ptr<const resolved_stays> stays = nullptr)
      : plan_(&plan), pop_(&pop), on_(on), facilities_(facilities), leaves_(plan.nodes().size()),
        stays_(stays ? std::move(stays) : resolve_stays(pop, facilities)) {
    if (pop.empty()) return;
    population_row probe = blank_row(pop);
    for (std::size_t i = 0; i < plan.nodes().size(); ++i) {
      const plan_node& n = plan.nodes()[i];
      if (n.shape != condition_shape::leaf || !n.kernel) continue;
      table& t = leaves_[i];
      // An equal leaf decided already (the same age test in two rules): the same table.
      bool copied = false;
      for (std::size_t k = 0; k < i && !copied && n.kernel->equal; ++k) {
        const plan_node& o = plan.nodes()[k];
        if (o.shape == condition_shape::leaf && o.kernel == n.kernel &&
            n.kernel->equal(o.leaf.object, n.leaf.object)) {
          t = leaves_[k];
          copied = true;
        }
      }
      if (copied) continue;
      auto decide = [&](population_row& row) {
        try {
          const std::uint8_t v =
              n.kernel->evaluate(n.leaf.object, context<population_row>{row, on_, facilities_}) ? 1 : 0;
          return v;
        } catch (...) {
          t.has_error = true;
          return verdict_error;
        }
      };
      switch (n.strategy) {
      case leaf_strategy::constant: t.values.assign(1, decide(probe)); break;
      case leaf_strategy::birth: {
        t.base = pop.birth_min();
        t.values.assign(static_cast<std::size_t>(pop.birth_max() - pop.birth_min() + 1), 0);
        if (n.kernel->birth_order != 0 && fill_ordered(t, n.kernel->birth_order, probe, decide)) break;
        for (day_number d = pop.birth_min(); d <= pop.birth_max(); ++d) {
          if (!pop.birth_present(d)) continue;
          probe.birth_date = from_day_number(d);
          t.values[static_cast<std::size_t>(d - t.base)] = decide(probe);
        }
        probe.birth_date = date();
        break;
      }
      case leaf_strategy::hukou: {
        const auto saved = probe.hukou;
        for (const region_code& c : pop.hukou_codes()) {
          probe.hukou = {c, std::nullopt};
          t.values.push_back(decide(probe));
        }
        probe.hukou = saved;
        break;
      }
      case leaf_strategy::residence: {
        const auto saved = probe.residence;
        for (const residence& r : pop.residences()) {
          probe.residence = r;
          t.values.push_back(decide(probe));
        }
        probe.residence = saved;
        break;
      }
      case leaf_strategy::categories: {
        t.values.assign(std::size_t{1} << category_count, 0);
        for (std::uint32_t bits = 0; bits < t.values.size(); ++bits) {
          if (!pop.categories_present(bits)) continue;
          probe.categories = category_set::from_bits(bits);
          t.values[bits] = decide(probe);
        }
        probe.categories = {};
        break;
      }
      case leaf_strategy::health:
        for (std::uint32_t bits = 0; bits < 4; ++bits) {
          probe.health = {(bits & 1) != 0, (bits & 2) != 0};
          t.values.push_back(decide(probe));
        }
        probe.health = {};
        break;
      case leaf_strategy::disability: {
        // The row without a certificate, then every certificate without components (category ×
        // grade): a certificate leaf reads nothing else, so these decide every such row.
        t.values.assign(certificate_keys + 1, 0);
        t.values[certificate_per_row] = verdict_error; // its rows run the leaf (not an error raised)
        t.values[0] = decide(probe);
        for (const disability_category c : all_values<disability_category>())
          for (int g = 1; g <= 4; ++g) {
            const std::size_t key = certificate_key(static_cast<int>(c), g);
            try {
              probe.disability = disability_certificate(c, disability_grade(g));
            } catch (...) { // a certificate no row can hold
              t.values[key] = verdict_error;
              t.has_error = true;
              continue;
            }
            t.values[key] = decide(probe);
          }
        probe.disability.reset();
        break;
      }
      case leaf_strategy::ability:
      case leaf_strategy::stays:
      case leaf_strategy::programmes: t.values.assign(1, decide(probe)); break; // the row without the member
      case leaf_strategy::per_row:
      case leaf_strategy::person: break;
      }
    }
  }

  [[nodiscard]] const version_plan& plan() const noexcept { return *plan_; }
  [[nodiscard]] const date& on() const noexcept { return on_; }
  [[nodiscard]] const facility_registry* facilities() const noexcept { return facilities_; }

  /// The birth-day table of a leaf monotone in the birth day (batch_leaf::birth_order): the day its
  /// verdict turns found by a binary search over [birth_min, birth_max] with the leaf's own evaluate,
  /// then every day on one side holds. False (the table to be filled day by day) when a probe throws.
  template <class Table, class Decide>
  static bool fill_ordered(Table& t, int order, population_row& probe, Decide& decide) {
    // in_prefix(d): the verdict on d is the one of the earliest days (holds for +1, fails for -1);
    // true on [base, last] and false after. last is found between lo (true) and hi (false).
    const day_number first = t.base;
    const auto size = static_cast<day_number>(t.values.size());
    day_number lo = first - 1, hi = first + size;
    bool ok = true;
    while (hi - lo > 1 && ok) {
      const day_number mid = lo + (hi - lo) / 2;
      probe.birth_date = from_day_number(mid);
      const std::uint8_t v = decide(probe);
      ok = v != verdict_error;
      if ((v == 1) == (order > 0)) lo = mid;
      else
        hi = mid;
    }
    probe.birth_date = date();
    if (!ok) {
      t.has_error = false;
      return false;
    }
    const auto split = static_cast<std::size_t>(lo + 1 - first); // days [0, split) are the prefix
    const std::uint8_t early = order > 0 ? 1 : 0;
    std::fill(t.values.begin(), t.values.begin() + static_cast<std::ptrdiff_t>(split), early);
    std::fill(t.values.begin() + static_cast<std::ptrdiff_t>(split), t.values.end(),
              static_cast<std::uint8_t>(1 - early));
    t.ordered = true;
    t.early = early;
    t.split = split;
    return true;
  }

  /// Certificate keys (leaf_strategy::disability): 0 for a row without a certificate, one per
  /// category and grade of a certificate without components, and certificate_per_row for a
  /// certificate with components (多重残疾's parts), decided on the row itself (its table entry,
  /// the last, is verdict_error).
  static constexpr std::size_t certificate_grades = 4;
  static constexpr std::size_t certificate_keys =
      1 + all_values<disability_category>().size() * certificate_grades;
  static constexpr std::size_t certificate_per_row = certificate_keys;
  [[nodiscard]] static constexpr std::size_t certificate_key(int category, int grade) noexcept {
    return detail::certificate_key(static_cast<unsigned>(category), static_cast<unsigned>(grade),
                                   certificate_grades);
  }
  [[nodiscard]] static std::size_t certificate_key_of(const population_columns& pop, std::size_t r) {
    const std::int8_t category = pop.disability_category()[r];
    if (category < 0) return 0;
    const auto parts = pop.disability_component_offsets();
    if (parts[r + 1] != parts[r]) return certificate_per_row;
    return certificate_key(category, pop.disability_grade()[r]);
  }
  /// certificate_key_of for the rows [begin, begin + n), into out[0, n).
  static void certificate_keys_of(const population_columns& pop, std::size_t begin, std::size_t n,
                                  std::uint8_t* out) {
    static_assert(certificate_per_row < 256);
    const std::int8_t* category = pop.disability_category().data() + begin;
    const std::int8_t* grade = pop.disability_grade().data() + begin;
    in_blocks(n, [&](std::size_t at, auto count) {
      certificate_key_bytes(out + at, category + at, grade + at, certificate_grades, count);
    });
    if (const auto parts = pop.disability_component_offsets(); parts.stored()) {
      const std::uint32_t* offset = parts.values().data() + begin;
      for (std::size_t i = 0; i < n; ++i)
        if (offset[i + 1] != offset[i]) out[i] = static_cast<std::uint8_t>(certificate_per_row);
    }
  }

  /// A row view with every optional member empty (region codes taken from row 0, to be replaced).
  [[nodiscard]] static population_row blank_row(const population_columns& pop) {
    return population_row{.hukou = {pop.hukou_region()[0], std::nullopt},
                          .residence = {pop.residence_region()[0], false}};
  }

  /// Per-worker scratch: masks, a row view and a person.
  struct scratch {
    std::vector<std::uint8_t> ones;
    std::vector<std::uint8_t> masks; ///< one mask per rule, then 2 per level of nesting
    std::optional<population_row> row;
    std::optional<eldercare::person> materialised;
    std::vector<char> holds;
    std::vector<std::size_t> by;

    void size_for(std::size_t rules, std::size_t depth, std::size_t rows) {
      if (ones.size() < rows) ones.assign(rows, 1);
      const std::size_t need = (rules + 2 * depth + 2) * rows;
      if (masks.size() < need) masks.resize(need);
    }
  };

  /// Evaluates every rule on the rows begin + rows[j], j < m, of a chunk (the rows look-up tables
  /// left undecided): rule r's verdict on row begin + rows[j] goes to s.masks[r * m + j]. With
  /// first_match, a rule is evaluated only where no earlier rule holds (as grant_on stops there).
  void evaluate_rules(scratch& s, std::size_t begin, const std::uint32_t* rows, std::size_t m) const {
    run_rules(s, begin, selected_rows{rows}, m);
  }

  /// Row i's pattern of holding rules after evaluate_rules (bit r: rule r holds).
  [[nodiscard]] static std::size_t pattern_of(const scratch& s, std::size_t rules, std::size_t n,
                                              std::size_t i) noexcept {
    std::size_t p = 0;
    for (std::size_t r = 0; r < rules; ++r) p |= static_cast<std::size_t>(s.masks[r * n + i]) << r;
    return p;
  }

  /// What row i is granted after evaluate_rules; `by` receives the granting rules' indices.
  [[nodiscard]] std::optional<benefit> grant_of(scratch& s, std::size_t n, std::size_t i,
                                                const std::vector<std::size_t>** by) const {
    const std::size_t rules = plan_->roots().size();
    if (plan_->tabulated()) {
      const pattern_grant& g = plan_->pattern(pattern_of(s, rules, n, i));
      if (by) *by = &g.by;
      return g.grant();
    }
    s.holds.resize(rules);
    for (std::size_t r = 0; r < rules; ++r) s.holds[r] = static_cast<char>(s.masks[r * n + i]);
    s.by.clear();
    auto g = combine_rule_grants(plan_->version(), s.holds, &s.by);
    if (by) *by = &s.by;
    return g;
  }

  /// A leaf's look-up table (empty for leaves decided per row).
  struct table {
    std::vector<std::uint8_t> values;
    day_number base = 0; ///< birth: the day of values[0]
    bool has_error = false;
    /// birth, for a leaf with a birth_order: values[k] is `early` for k < split, 1 - early after.
    bool ordered = false;
    std::uint8_t early = 0;
    std::size_t split = 0;
  };
  [[nodiscard]] const table& table_of(std::size_t node) const { return leaves_[node]; }
  /// Every stay's facility, as the registry finds it (resolve_stays).
  [[nodiscard]] const resolved_stays& stays() const noexcept { return *stays_; }

private:
  struct selected_rows {
    const std::uint32_t* at;
    std::size_t operator[](std::size_t j) const noexcept { return at[j]; }
  };

  template <class Rows>
  void run_rules(scratch& s, std::size_t begin, Rows rows, std::size_t n) const {
    const auto& roots = plan_->roots();
    s.size_for(roots.size(), plan_->depth(), n);
    if (!s.row) s.row = blank_row(*pop_);
    const bool first_match = plan_->version().combine == combination::first_match;
    std::uint8_t* free = s.masks.data() + roots.size() * n;
    std::uint8_t* remaining = free; // first_match: rows where no earlier rule holds
    std::uint8_t* levels = free + n;
    if (first_match) std::fill(remaining, remaining + n, std::uint8_t{1});
    for (std::size_t r = 0; r < roots.size(); ++r) {
      std::uint8_t* out = s.masks.data() + r * n;
      evaluate_node(roots[r], begin, rows, n, first_match ? remaining : s.ones.data(), out, levels, s);
      if (first_match)
        for (std::size_t j = 0; j < n; ++j)
          remaining[j] = static_cast<std::uint8_t>(remaining[j] & ~out[j] & 1U);
    }
  }

  // out[j] = verdict on row begin + rows[j] where active[j]; 0 elsewhere. `levels` is free scratch
  // for nested groups.
  template <class Rows>
  void evaluate_node(std::uint32_t index, std::size_t begin, Rows rows, std::size_t n,
                     const std::uint8_t* active, std::uint8_t* out, std::uint8_t* levels, scratch& s) const {
    const plan_node& node = plan_->nodes()[index];
    switch (node.shape) {
    case condition_shape::all_of: {
      std::copy(active, active + n, out);
      std::uint8_t* part = levels;
      for (const auto p : node.parts) {
        if (std::find(out, out + n, std::uint8_t{1}) == out + n) break; // nothing left to decide
        evaluate_node(p, begin, rows, n, out, part, levels + 2 * n, s);
        for (std::size_t j = 0; j < n; ++j) out[j] &= part[j];
      }
      return;
    }
    case condition_shape::any_of: {
      std::fill(out, out + n, std::uint8_t{0});
      std::uint8_t* open = levels;
      std::uint8_t* part = levels + n;
      for (const auto p : node.parts) {
        bool any = false;
        for (std::size_t j = 0; j < n; ++j) {
          open[j] = static_cast<std::uint8_t>(active[j] & ~out[j] & 1U);
          any = any || open[j];
        }
        if (!any) break;
        evaluate_node(p, begin, rows, n, open, part, levels + 2 * n, s);
        for (std::size_t j = 0; j < n; ++j) out[j] |= part[j];
      }
      return;
    }
    case condition_shape::negation: {
      std::uint8_t* part = levels;
      evaluate_node(node.parts.front(), begin, rows, n, active, part, levels + 2 * n, s);
      for (std::size_t j = 0; j < n; ++j) out[j] = static_cast<std::uint8_t>(active[j] & ~part[j] & 1U);
      return;
    }
    case condition_shape::leaf: evaluate_leaf(index, node, begin, rows, n, active, out, s); return;
    }
  }

  template <class Rows>
  void evaluate_leaf(std::uint32_t index, const plan_node& node, std::size_t begin, Rows rows, std::size_t n,
                     const std::uint8_t* active, std::uint8_t* out, scratch& s) const {
    const table& t = leaves_[index];
    const population_columns& pop = *pop_;
    population_row& row = *s.row;
    const context<population_row> ctx{row, on_, facilities_};
    auto on_row = [&](std::size_t j, row_fields fields) {
      const std::size_t r = begin + rows[j];
      if (fields == row_fields::stays) { // the usual per-row leaf: its stays and their facilities
        const std::uint32_t* off = pop.stay_offsets().data();
        row.stays = pop.stays().subspan(off[r], off[r + 1] - off[r]);
        row.stay_facilities = std::span<const facility* const>(*stays_).subspan(off[r], off[r + 1] - off[r]);
      } else {
        pop.fill(row, r, fields);
        if (has(fields, row_fields::stays)) {
          const auto off = pop.stay_offsets();
          row.stay_facilities =
              std::span<const facility* const>(*stays_).subspan(off[r], off[r + 1] - off[r]);
        }
      }
      return static_cast<std::uint8_t>(node.kernel->evaluate(node.leaf.object, ctx) ? 1 : 0);
    };
    // Rows whose looked-up verdict is an error: run the leaf on the row itself to raise it.
    auto raise_errors = [&](auto key_of, row_fields fields) {
      if (!t.has_error) return;
      for (std::size_t j = 0; j < n; ++j)
        if (active[j] && t.values[key_of(j)] == verdict_error) out[j] = on_row(j, fields);
    };
    auto looked_up = [&](const auto* keys, auto offset, row_fields fields) {
      const auto key_of = [&](std::size_t j) {
        return static_cast<std::size_t>(keys[begin + rows[j]] - offset);
      };
      for (std::size_t j = 0; j < n; ++j)
        out[j] = static_cast<std::uint8_t>(active[j] & t.values[key_of(j)] & 1U);
      raise_errors(key_of, fields);
    };
    // Rows lacking the member share one verdict; the others run the leaf on their row.
    auto sparse = [&](auto lacks, row_fields fields) {
      const std::uint8_t absent = t.values[0];
      for (std::size_t j = 0; j < n; ++j) {
        if (!active[j]) out[j] = 0;
        else if (lacks(begin + rows[j]))
          out[j] = absent == verdict_error ? on_row(j, row_fields::none) : absent;
        else {
          out[j] = on_row(j, fields);
          clear(row, fields);
        }
      }
    };
    switch (node.strategy) {
    case leaf_strategy::constant: {
      const std::uint8_t v = t.values[0];
      for (std::size_t j = 0; j < n; ++j)
        out[j] = active[j] && v == verdict_error ? on_row(j, row_fields::none)
                                                 : static_cast<std::uint8_t>(active[j] & v & 1U);
      return;
    }
    case leaf_strategy::birth: looked_up(pop.birth_day().data(), t.base, row_fields::birth_date); return;
    case leaf_strategy::hukou: looked_up(pop.hukou_key().data(), std::uint32_t{0}, row_fields::hukou); return;
    case leaf_strategy::residence:
      looked_up(pop.residence_key().data(), std::uint32_t{0}, row_fields::residence);
      return;
    case leaf_strategy::categories:
      looked_up(pop.categories().data(), std::uint32_t{0}, row_fields::categories);
      return;
    case leaf_strategy::health: looked_up(pop.health().data(), std::uint8_t{0}, row_fields::health); return;
    case leaf_strategy::ability:
      sparse([&](std::size_t r) { return pop.ability_level()[r] < 0; }, row_fields::ability);
      return;
    case leaf_strategy::disability:
      for (std::size_t j = 0; j < n; ++j) {
        if (!active[j]) {
          out[j] = 0;
          continue;
        }
        const std::size_t key = certificate_key_of(pop, begin + rows[j]);
        const std::uint8_t v = t.values[key]; // verdict_error for certificate_per_row
        if (v != verdict_error) {
          out[j] = v;
          continue;
        }
        // A certificate with components, or a looked-up error: the leaf on the row itself.
        out[j] = on_row(j, key == 0 ? row_fields::none : row_fields::disability);
        clear(row, row_fields::disability);
      }
      return;
    case leaf_strategy::stays: {
      const std::uint32_t* offsets = pop.stay_offsets().data();
      sparse([offsets](std::size_t r) { return offsets[r + 1] == offsets[r]; }, row_fields::stays);
      return;
    }
    case leaf_strategy::programmes: {
      const std::uint32_t* offsets = pop.programme_offsets().data();
      sparse([offsets](std::size_t r) { return offsets[r + 1] == offsets[r]; }, row_fields::programmes);
      return;
    }
    case leaf_strategy::per_row:
      for (std::size_t j = 0; j < n; ++j)
        out[j] = active[j] ? on_row(j, node.kernel->reads) : std::uint8_t{0};
      return;
    case leaf_strategy::person: {
      if (!s.materialised) s.materialised = pop.to_person(begin + rows[0]);
      const context<eldercare::person> pctx{*s.materialised, on_, facilities_};
      for (std::size_t j = 0; j < n; ++j) {
        if (!active[j]) {
          out[j] = 0;
          continue;
        }
        pop.to_person(begin + rows[j], *s.materialised);
        out[j] = node.leaf.evaluate(node.leaf.object, pctx) ? 1 : 0;
      }
      return;
    }
    }
  }

  // Empties the optional members a sparse leaf filled, so the next row that lacks them sees none.
  static void clear(population_row& row, row_fields fields) {
    if (has(fields, row_fields::ability)) row.ability.reset();
    if (has(fields, row_fields::disability)) row.disability.reset();
    if (has(fields, row_fields::stays)) {
      row.stays = {};
      row.stay_facilities = {};
    }
    if (has(fields, row_fields::programmes)) row.programmes = {};
  }

  const version_plan* plan_;
  const population_columns* pop_;
  date on_;
  const facility_registry* facilities_;
  std::vector<table> leaves_;
  std::shared_ptr<const resolved_stays> stays_;
};

/// Several months decided by the same version plan: which rows' verdicts cannot change between
/// them. A look-up table entry that is the same in every month's table decides every row with that
/// value for all those months; a row lacking a sparse member is decided by the absent verdict when
/// it is the same in every month. Rules are then combined three-valued (fails in every month, holds
/// in every month, or unknown): a row whose every rule is known has one pattern for all the months,
/// and only the other rows are evaluated month by month. A leaf that can tell from a row alone that
/// it fails on every date (batch_leaf::fails_always, e.g. a stay condition for a row none of whose
/// stays is in an accepted facility) is asked once per row; its errors are swallowed here (the
/// row stays undecided). No leaf's evaluate runs here, so no error is raised where the per-month
/// evaluation would not raise it.
///
/// A three-valued verdict is two bits, "may fail" (1) and "may hold" (2): fails = 1, holds = 2,
/// unknown = 3. Then all_of is (a & b & 2) | ((a | b) & 1), any_of is ((a | b) & 2) | (a & b & 1),
/// and not swaps the bits: plain byte operations over a chunk.
class horizon_plan {
public:
  static constexpr std::uint16_t unknown = 0xFFFF;
  static constexpr std::uint8_t fails = 1, holds = 2, either = 3;

  horizon_plan(const version_plan& plan, std::vector<const prepared_plan*> months,
               const population_columns& pop)
      : plan_(&plan), pop_(&pop), tables_(plan.nodes().size()), birth_splits_(plan.nodes().size()),
        first_(months.empty() ? nullptr : months.front()), last_(months.empty() ? nullptr : months.back()) {
    usable_ = plan.tabulated() && !months.empty();
    if (!usable_ || pop.empty()) return;
    for (std::size_t i = 0; i < plan.nodes().size(); ++i) {
      const plan_node& n = plan.nodes()[i];
      if (n.shape != condition_shape::leaf) continue;
      auto& t = tables_[i];
      const auto& first = months.front()->table_of(i);
      t = first;
      for (std::size_t key = 0; key < t.values.size(); ++key) {
        const std::uint8_t v = first.values[key];
        bool same = v != verdict_error;
        for (std::size_t k = 1; k < months.size() && same; ++k)
          same = months[k]->table_of(i).values[key] == v;
        t.values[key] = !same ? either : v == 1 ? holds : fails;
      }
      // A birth-ordered leaf in every month: birth days before every month's split take the early
      // verdict, those from every month's split on the late one, the others either (a compare per row).
      bool ordered = n.strategy == leaf_strategy::birth;
      for (const prepared_plan* m : months)
        ordered = ordered && m->table_of(i).ordered && m->table_of(i).early == first.early;
      if (ordered) {
        auto& o = birth_splits_[i];
        o.usable = true;
        std::size_t lo = first.split, hi = first.split;
        for (const prepared_plan* m : months) {
          lo = std::min(lo, m->table_of(i).split);
          hi = std::max(hi, m->table_of(i).split);
        }
        o.lo = first.base + static_cast<day_number>(lo);
        o.hi = first.base + static_cast<day_number>(hi);
        o.early = first.early == 1 ? holds : fails;
        o.late = first.early == 1 ? fails : holds;
      }
    }
    share_equal_subtrees();
  }

  [[nodiscard]] bool usable() const noexcept { return usable_; }

  /// known[i] = the pattern of holding rules of row begin + i for every month, or `unknown`.
  void classify(prepared_plan::scratch& s, std::vector<std::uint8_t>& work, std::size_t begin, std::size_t n,
                std::uint16_t* known) const {
    const auto& roots = plan_->roots();
    if (!usable_) {
      std::fill(known, known + n, unknown);
      return;
    }
    const std::size_t depth = plan_->depth();
    const std::size_t scratch = roots.size() + 2 * depth + 1;
    if (work.size() < (scratch + shared_count_) * n) work.resize((scratch + shared_count_) * n);
    std::vector<char> done(shared_count_, 0);
    if (!s.row) s.row = prepared_plan::blank_row(*pop_);
    const shared_rows cache{work.data() + scratch * n, done.data(), &*s.row};
    for (std::size_t r = 0; r < roots.size(); ++r)
      classify_node(roots[r], begin, n, work.data() + r * n, work.data() + roots.size() * n, cache);
    const bool first_match = plan_->version().combine == combination::first_match;
    const std::size_t rules = roots.size(); // at most version_plan::max_tabulated_rules: usable_
    static_assert(version_plan::max_tabulated_rules <= 16, "patterns are 16-bit words");
    static_assert(unknown == 0xFFFF); // mark_unsettled's word for an unsettled row
    in_blocks(n, [&](std::size_t at, auto count) {
      std::uint16_t pattern[block_rows];
      std::uint8_t settled[block_rows];
      pattern_words(pattern, settled, work.data() + at, n, rules, first_match, count);
      mark_unsettled(known + at, pattern, settled, count);
    });
  }

private:
  // Three-valued verdicts are combined byte by byte over blocks of rows (in_blocks: vectorised).
  template <class F>
  static void bytewise(std::uint8_t* out, const std::uint8_t* in, std::size_t n, F f) noexcept {
    in_blocks(n, [&](std::size_t at, auto count) { combine_bytes(out + at, in + at, count, f); });
  }
  // all_of, any_of and not on three-valued verdicts (function objects: inlined in bytewise's loop).
  struct and3 {
    std::uint8_t operator()(std::uint8_t a, std::uint8_t b) const noexcept {
      return static_cast<std::uint8_t>((a & b & holds) | ((a | b) & fails));
    }
  };
  struct or3 {
    std::uint8_t operator()(std::uint8_t a, std::uint8_t b) const noexcept {
      return static_cast<std::uint8_t>(((a | b) & holds) | (a & b & fails));
    }
  };
  struct not3 {
    std::uint8_t operator()(std::uint8_t, std::uint8_t b) const noexcept {
      return static_cast<std::uint8_t>(((b & fails) << 1) | ((b & holds) >> 1));
    }
  };

  // Subtrees that classify alike (equal look-up tables, equal structure: the same `who` part in two
  // rules, say) are classified once per chunk and copied; a slot per such subtree.
  struct shared_rows {
    std::uint8_t* rows; // n bytes per slot
    char* done;
    population_row* row; // for leaves that can tell they fail on every date
  };
  void share_equal_subtrees() {
    const auto& nodes = plan_->nodes();
    std::vector<std::size_t> id(nodes.size());
    std::vector<std::size_t> uses;
    std::map<std::pair<int, std::vector<std::size_t>>, std::size_t> groups;
    std::vector<std::size_t> leaves;  // one node per distinct leaf classification
    const std::size_t per_row_id = 0; // leaves decided per row classify as `either`: one id for all
    uses.push_back(0);
    // Parts have larger indices than their group (the visitor adds a group before its parts).
    for (std::size_t i = nodes.size(); i-- > 0;) {
      const plan_node& n = nodes[i];
      if (n.shape == condition_shape::leaf) {
        if (n.strategy == leaf_strategy::per_row || n.strategy == leaf_strategy::person) {
          id[i] = per_row_id;
        } else if (n.kernel->fails_always || n.kernel->same_until) { // decided row by row: its own
          id[i] = uses.size();
          uses.push_back(0);
        } else {
          id[i] = uses.size();
          for (const std::size_t other : leaves)
            if (nodes[other].strategy == n.strategy && tables_[other].base == tables_[i].base &&
                tables_[other].values == tables_[i].values)
              id[i] = id[other];
          if (id[i] == uses.size()) {
            leaves.push_back(i);
            uses.push_back(0);
          }
        }
      } else {
        std::vector<std::size_t> parts;
        for (const auto p : n.parts) parts.push_back(id[p]);
        const auto [it, added] =
            groups.try_emplace({static_cast<int>(n.shape), std::move(parts)}, uses.size());
        if (added) uses.push_back(0);
        id[i] = it->second;
      }
      ++uses[id[i]];
    }
    slot_.assign(nodes.size(), -1);
    std::vector<std::int64_t> slot_of_id(uses.size(), -1);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (uses[id[i]] < 2 || id[i] == per_row_id) continue;
      if (slot_of_id[id[i]] < 0) slot_of_id[id[i]] = static_cast<std::int64_t>(shared_count_++);
      slot_[i] = slot_of_id[id[i]];
    }
  }

  void classify_node(std::uint32_t index, std::size_t begin, std::size_t n, std::uint8_t* out,
                     std::uint8_t* levels, const shared_rows& cache) const {
    const std::int64_t slot = slot_[index];
    if (slot >= 0) {
      std::uint8_t* saved = cache.rows + static_cast<std::size_t>(slot) * n;
      if (cache.done[slot]) {
        std::copy(saved, saved + n, out);
        return;
      }
      classify_fresh(index, begin, n, out, levels, cache);
      std::copy(out, out + n, saved);
      cache.done[slot] = 1;
      return;
    }
    classify_fresh(index, begin, n, out, levels, cache);
  }

  void classify_fresh(std::uint32_t index, std::size_t begin, std::size_t n, std::uint8_t* out,
                      std::uint8_t* levels, const shared_rows& cache) const {
    const plan_node& node = plan_->nodes()[index];
    const population_columns& pop = *pop_;
    switch (node.shape) {
    case condition_shape::all_of:
    case condition_shape::any_of: {
      const bool all = node.shape == condition_shape::all_of;
      std::fill(out, out + n, all ? holds : fails);
      for (const auto p : node.parts) {
        classify_node(p, begin, n, levels, levels + n, cache);
        if (all) bytewise(out, levels, n, and3{});
        else
          bytewise(out, levels, n, or3{});
      }
      return;
    }
    case condition_shape::negation:
      classify_node(node.parts.front(), begin, n, levels, levels + n, cache);
      bytewise(out, levels, n, not3{});
      return;
    case condition_shape::leaf: break;
    }
    const auto& t = tables_[index];
    auto looked_up = [&](const auto* keys, auto offset) {
      const auto* k = keys + begin;
      const std::uint8_t* values = t.values.data();
      in_blocks(n,
                [&](std::size_t at, auto count) { look_up_bytes(out + at, k + at, values, offset, count); });
    };
    auto sparse = [&](auto lacks) {
      const std::uint8_t absent = t.values[0];
      for (std::size_t i = 0; i < n; ++i) out[i] = lacks(begin + i) ? absent : either;
    };
    switch (node.strategy) {
    case leaf_strategy::constant: std::fill(out, out + n, t.values[0]); return;
    case leaf_strategy::birth:
      if (const birth_split& o = birth_splits_[index]; o.usable) {
        // Two compares per row, no table: the loop the compiler vectorises.
        const day_number* b = pop.birth_day().data() + begin;
        const birth_turns turns{o.lo, o.hi, o.early, o.late, either};
        in_blocks(n, [&](std::size_t at, auto count) { birth_turn_bytes(out + at, b + at, turns, count); });
      } else {
        looked_up(pop.birth_day().data(), t.base);
      }
      return;
    case leaf_strategy::hukou: looked_up(pop.hukou_key().data(), std::uint32_t{0}); return;
    case leaf_strategy::residence: looked_up(pop.residence_key().data(), std::uint32_t{0}); return;
    case leaf_strategy::categories: looked_up(pop.categories().data(), std::uint32_t{0}); return;
    case leaf_strategy::health: looked_up(pop.health().data(), std::uint8_t{0}); return;
    case leaf_strategy::ability:
      if (node.kernel->same_until)
        steady(node, t, begin, n, out, cache, [&](std::size_t r) { return pop.ability_level()[r] < 0; });
      else
        sparse([&](std::size_t r) { return pop.ability_level()[r] < 0; });
      return;
    case leaf_strategy::disability: {
      // By the certificate's key (prepared_plan::certificate_key_of); a certificate with components
      // as a sparse leaf's row.
      population_row& row = *cache.row;
      const context<population_row> ctx{row, first_->on(), first_->facilities()};
      std::uint8_t* keys = levels; // free scratch of n bytes
      prepared_plan::certificate_keys_of(pop, begin, n, keys);
      const std::uint8_t* values = t.values.data();
      // A certificate with components looks up `either` (its entry is an error in every month).
      in_blocks(n, [&](std::size_t at, auto count) { look_up_bytes(out + at, keys + at, values, 0, count); });
      if (node.kernel->same_until)
        for (std::size_t i = 0; i < n; ++i)
          if (keys[i] == prepared_plan::certificate_per_row) out[i] = steady_row(node, begin + i, row, ctx);
      row.disability.reset();
      return;
    }
    case leaf_strategy::stays: {
      const std::uint32_t* off = pop.stay_offsets().data();
      if (!node.kernel->fails_always && !node.kernel->same_until) {
        sparse([off](std::size_t r) { return off[r + 1] == off[r]; });
        return;
      }
      // A row with stays that the leaf says fail on every date, or keep the first month's verdict
      // to the last month's date, is decided for the whole horizon.
      population_row& row = *cache.row;
      const context<population_row> ctx{row, first_->on(), first_->facilities()};
      const date& last = last_->on();
      const std::span<const facility* const> resolved(first_->stays());
      const std::uint8_t absent = t.values[0];
      for (std::size_t i = 0; i < n; ++i) {
        const std::size_t r = begin + i;
        if (off[r + 1] == off[r]) {
          out[i] = absent;
          continue;
        }
        row.stays = pop.stays().subspan(off[r], off[r + 1] - off[r]);
        row.stay_facilities = resolved.subspan(off[r], off[r + 1] - off[r]);
        std::uint8_t v = either;
        try {
          if (node.kernel->fails_always && node.kernel->fails_always(node.leaf.object, ctx)) v = fails;
          else if (node.kernel->same_until && node.kernel->same_until(node.leaf.object, ctx, last))
            v = node.kernel->evaluate(node.leaf.object, ctx) ? holds : fails;
        } catch (...) { // undecided here: the month-by-month evaluation raises it where it should
        }
        out[i] = v;
      }
      row.stays = {};
      row.stay_facilities = {};
      return;
    }
    case leaf_strategy::programmes: {
      const std::uint32_t* off = pop.programme_offsets().data();
      sparse([off](std::size_t r) { return off[r + 1] == off[r]; });
      return;
    }
    case leaf_strategy::per_row:
    case leaf_strategy::person: std::fill(out, out + n, either); return;
    }
  }

  // A sparse leaf that can tell its verdict is the same over the horizon (batch_leaf::same_until):
  // a row lacking the member takes the absent verdict, a row with it is asked once, and where the
  // leaf says the same from the first month's date to the last's, decided on the first's. A leaf
  // that throws here leaves the row undecided: the month by month evaluation raises it where the
  // person path would.
  template <class Lacks>
  void steady(const plan_node& node, const prepared_plan::table& t, std::size_t begin, std::size_t n,
              std::uint8_t* out, const shared_rows& cache, Lacks lacks) const {
    population_row& row = *cache.row;
    const context<population_row> ctx{row, first_->on(), first_->facilities()};
    const std::uint8_t absent = t.values[0];
    for (std::size_t i = 0; i < n; ++i)
      out[i] = lacks(begin + i) ? absent : steady_row(node, begin + i, row, ctx);
    row.ability.reset();
    row.disability.reset();
  }
  // One row of a same_until leaf: its verdict for the horizon, or either. `ctx` views `row`.
  std::uint8_t steady_row(const plan_node& node, std::size_t r, population_row& row,
                          const context<population_row>& ctx) const {
    pop_->fill(row, r, node.kernel->reads);
    try {
      if (node.kernel->same_until(node.leaf.object, ctx, last_->on()))
        return node.kernel->evaluate(node.leaf.object, ctx) ? holds : fails;
    } catch (...) { // undecided here
    }
    return either;
  }

  // A birth-ordered leaf over the horizon: early verdict before lo, late from hi, either between.
  struct birth_split {
    bool usable = false;
    day_number lo = 0, hi = 0;
    std::uint8_t early = either, late = either;
  };

  const version_plan* plan_;
  const population_columns* pop_;
  std::vector<prepared_plan::table> tables_; // per node: fails / holds in every month, or either
  std::vector<birth_split> birth_splits_;    // per node: set for birth-ordered leaves
  const prepared_plan* first_;               // the first month (its date, registry and stays)
  const prepared_plan* last_;                // the last month (its date)
  std::vector<std::int64_t> slot_;           // per node: its shared slot, or -1
  std::size_t shared_count_ = 0;
  bool usable_ = false;
};

} // namespace eldercare::detail
