#pragma once
// Shared by the translation units that use the policy catalog (register_catalog.cpp, register_batch.cpp):
// the catalog headers (prepared entries included: a bundle's policies built once, for batches) and
// readings from a Python mapping.

#include "common.hpp"

#include "eldercare/catalog/catalog.hpp"
#include "eldercare/catalog/prepared_entry.hpp"
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
    throw invalid_type(field, repr_of(obj),
                       "expected a mapping of reading names to values, e.g. {'xicheng.back_pay': 'none'}");
  for (const auto item : obj.attr("items")()) {
    const auto pair = item.cast<py::tuple>();
    if (!PyUnicode_Check(pair[0].ptr()))
      throw invalid_type(field, repr_of(pair[0]), "reading names are text");
    const std::string name(utf8_of(pair[0], field));
    if (!PyUnicode_Check(pair[1].ptr()))
      throw invalid_type(field + "." + name, repr_of(pair[1]),
                         "reading values are text (one of the reading's choices)");
    out.set(name, std::string(utf8_of(pair[1], field + "." + name)));
  }
  requalified("readings", field, [&] { eldercare::standard_catalog().check(out); });
  return out;
}

} // namespace eldercare_py
