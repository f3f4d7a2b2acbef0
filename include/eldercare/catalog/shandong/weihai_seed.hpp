#pragma once
// Seed 001 (威海, 2022-10-15): how the Weihai and Rongcheng catalog entries cite it.

#include <string> // the report's name in a clause

#include "eldercare/catalog/entry_builder.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* weihai_jurisdiction = "山东省威海市 (371000)";

/// How the citations name the report.
inline constexpr const char* weihai_seed_report =
    "as reported in 《山东:威海养老服务项目获批中央补助资金5343万元》 (2022-10-15, seed 001)";

/// A measure the report describes, in force from `from`, cited at the report's section `section`.
[[nodiscard]] inline cited_document weihai_reported(std::string document, const std::string& section,
                                                    date from) {
  return {.document = std::move(document),
          .source = catalog_sources::seed_001,
          .clause = std::string(weihai_seed_report) + ", " + section,
          .effective_from = from};
}

} // namespace eldercare::catalog_entries
