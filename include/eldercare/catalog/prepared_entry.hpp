#pragma once
// A catalog entry prepared for many persons: its policy (or, for a bundle, its component policies)
// built once under the chosen readings, then evaluated person after person as catalog::evaluate
// would, without building anything again. The batch functions take it where they take a policy
// (batch/evaluate_each.hpp, batch/schedules.hpp).

#include <optional>    // grants
#include <span>        // the built policies
#include <string_view> // entry ids
#include <vector>      // the built policies

#include "eldercare/catalog/catalog.hpp"

namespace eldercare {

/// One catalog entry with its policies built: one policy, or a bundle's components in order.
class prepared_entry {
public:
  /// Builds entry `id` of `cat` under `chosen` (lookup_error for an unknown id, invalid_value for a
  /// reading the catalog does not define or a value it does not accept, as catalog::policy_for).
  prepared_entry(const catalog& cat, std::string_view id, const reading_set& chosen = {})
      : entry_(&cat.at(id)) {
    if (bundle())
      for (const auto& cid : entry_->components) policies_.push_back(cat.policy_for(cid, chosen));
    else
      policies_.push_back(cat.policy_for(id, chosen));
  }

  [[nodiscard]] const catalog_entry& entry() const noexcept { return *entry_; }
  /// Whether the entry is a bundle (several policies whose grants add up).
  [[nodiscard]] bool bundle() const noexcept { return !entry_->components.empty(); }
  /// The entry's policy, or the bundle's component policies in the order of entry().components.
  [[nodiscard]] const std::vector<policy>& policies() const noexcept { return policies_; }

private:
  const catalog_entry* entry_; // the catalog outlives what it prepares (standard_catalog(): the process)
  std::vector<policy> policies_;
};

/// The entry's decision for `p` on `on`: exactly catalog::evaluate(id, p, on, facilities, readings)
/// with the readings the entry was prepared under.
[[nodiscard]] inline decision evaluate(const prepared_entry& e, const person& p, const date& on,
                                       const facility_registry* facilities = nullptr) {
  if (!e.bundle()) return evaluate(e.policies().front(), p, on, facilities);
  return evaluate_bundle(e.entry(), e.policies(), p, on, facilities);
}

/// What the entry grants `p` on `on`, recording nothing: evaluate(e, p, on).granted, with a bundle's
/// components combined by the same bundle_sum.
[[nodiscard]] inline std::optional<benefit> grant_on(const prepared_entry& e, const person& p, const date& on,
                                                     const facility_registry* facilities = nullptr) {
  if (!e.bundle()) return grant_on(e.policies().front(), p, on, facilities);
  bundle_sum sum;
  for (const policy& c : e.policies()) {
    const decision_status s = status_on(c, on);
    sum.add(s, s == decision_status::decided ? grant_on(c, p, on, facilities) : std::nullopt);
  }
  return sum.granted();
}

/// The status of the entry's decisions on `on` (whoever the person): evaluate(e, p, on).status.
[[nodiscard]] inline decision_status status_on(const prepared_entry& e, const date& on) {
  if (!e.bundle()) return status_on(e.policies().front(), on);
  bundle_sum sum;
  for (const policy& c : e.policies()) sum.add(status_on(c, on), std::nullopt);
  return sum.status();
}

/// The policies whose month-by-month payments add up to the entry's (schedule_each): its policy, or
/// a bundle's components.
[[nodiscard]] inline std::span<const policy> policies_of(const prepared_entry& e) noexcept {
  return e.policies();
}

} // namespace eldercare
