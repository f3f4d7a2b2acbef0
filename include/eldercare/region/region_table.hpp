#pragma once
// The bundled division-code table (行政区划代码表): look-ups by binary search over the constexpr rows in
// detail/region_data.hpp, plus compile-time checks that the generated data is well formed.
// The data and its sources are described at the top of detail/region_data.hpp.

#include <algorithm>   // std::lower_bound (constexpr since C++20)
#include <cstdint>     // std::uint32_t codes
#include <optional>    // look-ups return a row by value: GCC 12 cannot compare row pointers in constant expressions
#include <span>        // read-only views over the rows
#include <string_view> // names, coverage text

#include "eldercare/region/detail/region_data.hpp"

namespace eldercare::region_table {

/// One row: code, Chinese name, successor (0 unless the code is abolished).
using row = detail::region_row;

/// Where the county-level-and-above rows come from (quoted in docs and error messages).
inline constexpr std::string_view source =
    "MCA 县级以上行政区划代码 as of 2021-12 (github.com/cn/GB2260 mca/202112.tsv), plus the GB/T "
    "2260-2007 roll-up codes 110100/120100 and listed legacy aliases";

/// What the table covers. Real codes outside it are rejected, so say so when rejecting.
inline constexpr std::string_view coverage =
    "北京 11, 天津 12, 河北 13, 内蒙古 15 and 广东 44 in full; in 山东 37 only 威海 3710; in 陕西 61 only "
    "西安 6101 and 咸阳 6104";

/// All county-level-and-above rows (6-digit codes), sorted by code; legacy rows included.
[[nodiscard]] constexpr std::span<const row> rows() noexcept { return detail::region_rows; }

/// The township names the table knows (9-digit NBS codes), sorted by code. Not a complete list.
[[nodiscard]] constexpr std::span<const row> township_rows() noexcept {
  return detail::township_rows;
}

namespace detail_lookup {
[[nodiscard]] constexpr std::optional<row> find_in(std::span<const row> table,
                                                   std::uint32_t code) noexcept {
  const auto it = std::lower_bound(table.begin(), table.end(), code,
                                   [](const row& r, std::uint32_t c) { return r.code < c; });
  if (it != table.end() && it->code == code) return *it;
  return std::nullopt;
}
} // namespace detail_lookup

/// The row of a 6-digit code, or nothing when the table does not have it.
[[nodiscard]] constexpr std::optional<row> find(std::uint32_t code) noexcept {
  return detail_lookup::find_in(rows(), code);
}

/// The row of a 9-digit township code, or nothing when the table has no name for it.
[[nodiscard]] constexpr std::optional<row> find_township(std::uint32_t code) noexcept {
  return detail_lookup::find_in(township_rows(), code);
}

/// True when some row lies strictly below the 6-digit code `parent` (a prefecture with counties, a
/// province with prefectures). Dongguan 441900 and Zhongshan 442000 have none: their towns sit
/// directly under the prefecture.
[[nodiscard]] constexpr bool has_children(std::uint32_t parent) noexcept {
  const std::uint32_t span = parent % 10000 == 0 ? 10000 : 100;
  const auto all = rows();
  const auto it = std::lower_bound(all.begin(), all.end(), parent + 1,
                                   [](const row& r, std::uint32_t c) { return r.code < c; });
  return it != all.end() && it->code < parent + span;
}

namespace detail_lookup {
// Checks run once at compile time (static_assert below), so a bad regeneration cannot compile.
[[nodiscard]] constexpr bool rows_well_formed() noexcept {
  const auto all = rows();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const row& r = all[i];
    if (r.code < 110000 || r.code > 999999 || r.name.empty()) return false;
    if (i > 0 && all[i - 1].code >= r.code) return false; // sorted, no duplicates
    const std::uint32_t county_digits = r.code % 100;
    if (county_digits >= 71 && county_digits <= 79) return false; // NBS-only development zones
    if (!find(r.code / 10000 * 10000)) return false;                     // its province is present
    if (county_digits != 0 && !find(r.code / 100 * 100)) return false;   // its prefecture
    if (r.successor != 0) {
      const auto s = find(r.successor);
      if (!s || s->successor != 0 || s->code == r.code) return false; // successor is current
    }
  }
  return true;
}

[[nodiscard]] constexpr bool townships_well_formed() noexcept {
  const auto towns = township_rows();
  for (std::size_t i = 0; i < towns.size(); ++i) {
    const row& t = towns[i];
    if (t.code < 110000001 || t.code > 999999999 || t.name.empty() || t.code % 1000 == 0)
      return false;
    if (i > 0 && towns[i - 1].code >= t.code) return false;
    const auto county = find(t.code / 1000);
    if (!county || county->successor != 0) return false;
  }
  return true;
}
} // namespace detail_lookup

static_assert(detail_lookup::rows_well_formed(),
              "region table: rows must be sorted, unique, 6-digit, with province and prefecture "
              "rows present, no 7x NBS codes, and current successors");
static_assert(detail_lookup::townships_well_formed(),
              "region table: township rows must be sorted, unique, 9-digit, under a current "
              "county");

} // namespace eldercare::region_table
