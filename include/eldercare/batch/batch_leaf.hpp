#pragma once
// How the batch engine runs each kind of leaf on columns. A batch_leaf names a leaf type, the
// members of a row it reads (row_fields), and the leaf's own evaluate instantiated for
// population_row: the engine never decides a leaf by other code. Knowing what a leaf reads lets the
// engine decide it once per distinct value of that member instead of once per row (a region leaf is
// decided once per region code present, an age leaf once per birth day present, a stay leaf once for
// every row without stays), which is where the batch speed comes from.
//
// The library's person leaves (rules/leaves.hpp) are registered from their own declarations of what
// they read (Leaf::reads). A leaf type of your own runs in batches through a materialised person per
// row (correct, slower) until you register it with register_batch_leaf, stating every member it reads; the
// batch tests compare batch results with evaluate() per person, which is how a wrong declaration shows.

#include <cstring>     // std::memcmp: leaves whose value is their bytes
#include <mutex>       // registration from several threads
#include <type_traits> // std::has_unique_object_representations, std::type_identity
#include <typeinfo>    // leaf types
#include <vector>

#include "eldercare/batch/population_columns.hpp"
#include "eldercare/batch/row_view.hpp"
#include "eldercare/rules/leaves.hpp" // the library's person leaves

namespace eldercare {

/// A leaf type the batch engine runs on population rows.
struct batch_leaf {
  const std::type_info* type;
  row_fields reads; ///< every member of the subject the leaf reads (the evaluation date aside)
  bool (*evaluate)(const void* leaf, const context<population_row>& ctx); ///< the leaf's evaluate, no_trace
  /// For a leaf type whose value is its bytes (std::has_unique_object_representations, e.g.
  /// age_at_least): whether two leaves are equal, so that equal leaves in several rules are decided
  /// once. nullptr for other types.
  bool (*equal)(const void* a, const void* b) = nullptr;
  /// For a leaf that can tell from a row alone that it fails on every date (a member
  /// `bool fails_on_every_date(const context<Subject>&) const`, e.g. a stay condition when no stay
  /// is in an accepted facility): asked once per row and horizon instead of once per date.
  bool (*fails_always)(const void* leaf, const context<population_row>& ctx) = nullptr;
  /// For a leaf on the birth date alone that declares `static constexpr int birth_order`: +1 when
  /// holding for a birth day means holding for every earlier one on the same date (an age reached),
  /// -1 for every later one (an age not yet reached), 0 when unknown. The engine then finds the one
  /// birth day where the verdict turns (a binary search with the leaf's own evaluate) instead of
  /// deciding every birth day present.
  int birth_order = 0;
  /// For a leaf with a member `bool same_until(const context<Subject>&, const date& last) const`
  /// (its verdict on ctx.on holds on every date up to `last`, e.g. a certificate leaf, which no date
  /// changes): asked once per row with the member and horizon; where true, the row's verdict is
  /// decided once for every date of the horizon.
  bool (*same_until)(const void* leaf, const context<population_row>& ctx, const date& last) = nullptr;
};

/// A leaf that can tell that its verdict does not change over a span of dates.
template <class Leaf>
concept SameUntil = requires(const Leaf& l, const context<population_row>& ctx, const date& last) {
  { l.same_until(ctx, last) } -> std::same_as<bool>;
};

/// A leaf whose verdict is monotone in the subject's birth day (batch_leaf::birth_order).
template <class Leaf>
concept BirthOrdered = requires {
  { Leaf::birth_order } -> std::convertible_to<int>;
};

/// A leaf that can tell, from its subject alone, that it fails whatever the date.
template <class Leaf>
concept FailsOnEveryDate = requires(const Leaf& l, const context<population_row>& ctx) {
  { l.fails_on_every_date(ctx) } -> std::same_as<bool>;
};

/// The batch_leaf of `Leaf`, which reads the members `reads` of its subject.
template <class Leaf>
  requires ConditionFor<Leaf, population_row>
[[nodiscard]] batch_leaf make_batch_leaf(row_fields reads) {
  batch_leaf b{&typeid(Leaf), reads, [](const void* leaf, const context<population_row>& ctx) {
                 no_trace quiet;
                 return static_cast<const Leaf*>(leaf)->evaluate(ctx, quiet);
               }};
  if constexpr (std::has_unique_object_representations_v<Leaf>)
    b.equal = [](const void* x, const void* y) { return std::memcmp(x, y, sizeof(Leaf)) == 0; };
  if constexpr (FailsOnEveryDate<Leaf>)
    b.fails_always = [](const void* leaf, const context<population_row>& ctx) {
      return static_cast<const Leaf*>(leaf)->fails_on_every_date(ctx);
    };
  if constexpr (BirthOrdered<Leaf>) b.birth_order = Leaf::birth_order;
  if constexpr (SameUntil<Leaf>)
    b.same_until = [](const void* leaf, const context<population_row>& ctx, const date& last) {
      return static_cast<const Leaf*>(leaf)->same_until(ctx, last);
    };
  return b;
}

namespace detail {
/// A batch_leaf for every leaf of the library's list (rules/leaves.hpp), reading what it declares.
inline std::vector<batch_leaf> standard_batch_leaves() {
  std::vector<batch_leaf> out;
  person_leaves::for_each(
      [&]<class L>(std::type_identity<L>) { out.push_back(make_batch_leaf<L>(L::reads)); });
  return out;
}
struct batch_leaf_registry {
  std::mutex lock;
  std::vector<batch_leaf> leaves = standard_batch_leaves();
};
inline batch_leaf_registry& batch_registry() {
  static batch_leaf_registry r;
  return r;
}
} // namespace detail

/// Registers (or re-registers) a leaf type for batch evaluation; `reads` must name every member of
/// the subject that the leaf reads. Register before evaluating batches that use it.
template <class Leaf>
  requires ConditionFor<Leaf, population_row>
void register_batch_leaf(row_fields reads) {
  auto& r = detail::batch_registry();
  const std::lock_guard<std::mutex> hold(r.lock);
  for (auto& l : r.leaves)
    if (*l.type == typeid(Leaf)) {
      l = make_batch_leaf<Leaf>(reads);
      return;
    }
  r.leaves.push_back(make_batch_leaf<Leaf>(reads));
}

/// The registered leaf types (a copy).
[[nodiscard]] inline std::vector<batch_leaf> batch_leaves() {
  auto& r = detail::batch_registry();
  const std::lock_guard<std::mutex> hold(r.lock);
  return r.leaves;
}

} // namespace eldercare
