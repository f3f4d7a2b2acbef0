#pragma once
// Shared by the translation units that use the policy catalog (register_catalog.cpp, register_batch.cpp):
// the catalog headers, readings from a Python mapping, and a catalog bundle evaluated with its component
// policies built once (for batches), exactly as catalog::evaluate combines them.

#include "common.hpp"

#include "eldercare/catalog/catalog.hpp"
#include "eldercare/catalog/sensitivity.hpp"
#include "eldercare/catalog/standard.hpp"
#include "eldercare/rules/ranking.hpp"

namespace eldercare_py {

/// Readings from None or a mapping of reading names to values (text), checked against the catalog:
/// an unknown name or a value that is not one of the reading's choices raises naming "readings.<name>".
inline eldercare::reading_set to_readings(py::handle obj, const std::string& field = "readings") {
  eldercare::reading_set out;
  if (obj.is_none()) return out;
  if (!PyDict_Check(obj.ptr()) && !py::hasattr(obj, "items"))
    throw invalid_type(eldercare::error_id::invalid_parameter, field, repr_of(obj),
                       "expected a mapping of reading names to values, e.g. {'xicheng.back_pay': 'none'}");
  for (const auto item : obj.attr("items")()) {
    const auto pair = item.cast<py::tuple>();
    if (!PyUnicode_Check(pair[0].ptr()))
      throw invalid_type(eldercare::error_id::invalid_parameter, field, repr_of(pair[0]),
                         "reading names are text");
    const std::string name = pair[0].cast<std::string>();
    if (!PyUnicode_Check(pair[1].ptr()))
      throw invalid_type(eldercare::error_id::invalid_parameter, field + "." + name, repr_of(pair[1]),
                         "reading values are text (one of the reading's choices)");
    out.set(name, pair[1].cast<std::string>());
  }
  requalified("readings", field, [&] { eldercare::standard_catalog().check(out); });
  return out;
}

/// A catalog entry's policy for batch use: either one policy, or (for a bundle) its components.
struct prepared_entry {
  const eldercare::catalog_entry* entry = nullptr;
  std::vector<eldercare::policy> policies; ///< one policy, or the bundle's components in order
  [[nodiscard]] bool bundle() const { return !entry->components.empty(); }
};

inline prepared_entry prepare_entry(std::string_view id, const eldercare::reading_set& chosen) {
  const eldercare::catalog& cat = eldercare::standard_catalog();
  prepared_entry out;
  out.entry = &cat.at(id);
  if (out.bundle())
    for (const auto& cid : out.entry->components) out.policies.push_back(cat.policy_for(cid, chosen));
  else
    out.policies.push_back(cat.policy_for(id, chosen));
  return out;
}

/// catalog::evaluate for a bundle, with its component policies already built (the same combination).
inline eldercare::decision evaluate_bundle(const prepared_entry& e, const eldercare::person& p,
                                           const eldercare::date& on,
                                           const eldercare::facility_registry* facilities) {
  return eldercare::evaluate_bundle(*e.entry, e.policies, p, on, facilities);
}

/// The no-trace grant of a prepared entry (bundles add their components' grants).
inline std::optional<eldercare::benefit> grant_of(const prepared_entry& e, const eldercare::person& p,
                                                  const eldercare::date& on,
                                                  const eldercare::facility_registry* facilities) {
  using namespace eldercare;
  if (!e.bundle()) return grant_on(e.policies.front(), p, on, facilities);
  std::optional<benefit> total;
  for (const auto& pol : e.policies)
    if (const auto g = grant_on(pol, p, on, facilities))
      total = total ? benefit::make(g->unit(), g->period(), total->quantity() + g->quantity()) : g;
  return total;
}

} // namespace eldercare_py
