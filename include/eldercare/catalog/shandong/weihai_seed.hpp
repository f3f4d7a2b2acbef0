#pragma once
// Seed 001 (威海, 2022-10-15): names shared by the Weihai and Rongcheng catalog entries.

namespace eldercare::catalog_entries {

/// The seed file the Weihai/Rongcheng entries encode.
inline constexpr const char* weihai_seed = "seeds/001_861ae1dac3f93ce2.txt";
/// How the citations name the report.
inline constexpr const char* weihai_seed_report =
    "as reported in 《山东:威海养老服务项目获批中央补助资金5343万元》 (2022-10-15, seed 001)";

} // namespace eldercare::catalog_entries
