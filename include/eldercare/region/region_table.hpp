#pragma once
// The bundled division-code table (行政区划代码表) with its history: every code of the MCA's yearly
// lists since 1980-12, the names it had, when it was in force, and its successors when it was
// abolished. Look-ups are binary searches over the integer arrays of detail/region_data.hpp (its
// header says where the data comes from). tools/gen_region_data.py generates and checks the data and
// tests/cpp/region_region_table_test.cpp checks it again: no static_assert walks the table, so that
// including it stays cheap.

#include <algorithm>   // std::lower_bound (constexpr since C++20)
#include <array>       // enum_words entries
#include <cstddef>     // std::size_t
#include <cstdint>     // std::uint16_t months, std::uint32_t codes
#include <optional>    // look-ups that may find nothing
#include <span>        // read-only views over the arrays
#include <string_view> // names, source text

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/region/detail/region_data.hpp"

namespace eldercare::region_table {

namespace raw = ::eldercare::detail::region_data;

/// Where the table comes from (quoted in docs and error messages).
inline constexpr std::string_view source =
    "the MCA lists of 县级以上行政区划代码 from 1980-12 to 2021-12 (github.com/cn/GB2260 mca/*.tsv), "
    "with the GB/T 2260 roll-up codes (110100 市辖区 ...) and successors inferred from the lists or "
    "listed by hand";

/// What the table covers. A 6-digit code outside it was never a county-level-or-above code.
inline constexpr std::string_view coverage =
    "every county-level-and-above code in the MCA lists of 1980-12 to 2021-12, current or abolished";

/// A month of the lists, as year * 12 + (month - 1): 2021-12 is 24263.
using list_month = std::uint16_t;

/// The list month of a calendar month (1-12).
[[nodiscard]] constexpr list_month month_of(int year, int month) noexcept {
  return static_cast<list_month>(year * 12 + month - 1);
}
[[nodiscard]] constexpr int year_of(list_month m) noexcept { return m / 12; }
[[nodiscard]] constexpr int month_in_year(list_month m) noexcept { return m % 12 + 1; }

/// The months of the lists the table was built from, oldest first (1980-12 ... 2021-12).
[[nodiscard]] constexpr std::span<const list_month> lists() noexcept { return raw::list_months; }
/// The newest list: a code in force there is "current".
[[nodiscard]] constexpr list_month newest_list() noexcept { return lists().back(); }

/// How a period of a code ended.
enum class period_end : std::uint8_t {
  in_force, ///< still in the newest list
  renamed,  ///< the code went on under another name (its next period)
  inferred, ///< the code left the lists; its successors were inferred from them (generator rules)
  by_hand,  ///< the code left the lists; its successors are listed by hand, with a source
  unknown,  ///< the code left the lists; where its area went is not known
};

/// True for the three ways a code leaves the lists.
[[nodiscard]] constexpr bool abolished(period_end e) noexcept {
  return e == period_end::inferred || e == period_end::by_hand || e == period_end::unknown;
}

/// One span of consecutive lists in which a code appears under one name.
class period {
public:
  /// The month of the first list that has it. Changes are dated by the first list that shows them:
  /// the real date lies between that list and the one before (the lists are yearly before 2015).
  [[nodiscard]] constexpr list_month from() const noexcept { return raw::period_from[index_]; }
  /// The month of the first list without it (or with its next name); nothing while in force.
  [[nodiscard]] constexpr std::optional<list_month> until() const noexcept {
    const list_month u = raw::period_until[index_];
    return u == 0 ? std::nullopt : std::optional<list_month>(u);
  }
  /// True when the lists of month `m` would show it (from() <= m < until()).
  [[nodiscard]] constexpr bool covers(list_month m) const noexcept {
    const list_month u = raw::period_until[index_];
    return from() <= m && (u == 0 || m < u);
  }
  [[nodiscard]] constexpr std::string_view name() const noexcept {
    const std::size_t k = raw::period_name[index_];
    const std::size_t begin = raw::name_offsets[k];
    return std::string_view(raw::names + begin, raw::name_offsets[k + 1] - begin);
  }
  [[nodiscard]] constexpr period_end end() const noexcept {
    return static_cast<period_end>(raw::period_end[index_]);
  }
  /// The codes that took over its area when it was abolished (several for a split, 江干区 330104 ->
  /// 上城区 330102 and 钱塘区 330114); empty unless end() is inferred or by_hand. Each of them was
  /// in force in the month until().
  [[nodiscard]] constexpr std::span<const std::uint32_t> successors() const noexcept {
    const std::size_t begin = raw::period_successors[index_];
    return {raw::successor_codes + begin, raw::period_successors[index_ + 1] - begin};
  }

private:
  friend class entry;
  constexpr explicit period(std::size_t index) noexcept : index_(index) {}
  std::size_t index_;
};

/// One 6-digit code of the table and its periods, oldest first.
class entry {
public:
  [[nodiscard]] constexpr std::uint32_t code() const noexcept { return raw::codes[index_]; }
  [[nodiscard]] constexpr std::size_t period_count() const noexcept {
    return static_cast<std::size_t>(raw::code_periods[index_ + 1] - raw::code_periods[index_]);
  }
  /// Period k (0 = oldest); k < period_count().
  [[nodiscard]] constexpr period period_at(std::size_t k) const noexcept {
    return period(raw::code_periods[index_] + k);
  }
  [[nodiscard]] constexpr period latest() const noexcept {
    return period(static_cast<std::size_t>(raw::code_periods[index_ + 1] - 1));
  }
  /// The latest name (a current code's name today; an abolished code's last name).
  [[nodiscard]] constexpr std::string_view name() const noexcept { return latest().name(); }
  /// In the newest list.
  [[nodiscard]] constexpr bool in_force_now() const noexcept {
    return latest().end() == period_end::in_force;
  }
  /// The period the lists of month `m` show, if any.
  [[nodiscard]] constexpr std::optional<period> period_on(list_month m) const noexcept {
    for (std::size_t k = 0; k < period_count(); ++k)
      if (period_at(k).covers(m)) return period_at(k);
    return std::nullopt;
  }
  /// The latest period that ended by abolition in or before month `m`, if any: the one whose
  /// successors say where the code's area was in month `m` (when the code is not in force then).
  [[nodiscard]] constexpr std::optional<period> abolished_by(list_month m) const noexcept {
    std::optional<period> found;
    for (std::size_t k = 0; k < period_count(); ++k) {
      const period p = period_at(k);
      if (abolished(p.end()) && p.until() && *p.until() <= m) found = p;
    }
    return found;
  }

private:
  friend constexpr std::optional<entry> find(std::uint32_t code) noexcept;
  friend constexpr entry at(std::size_t i) noexcept;
  constexpr explicit entry(std::size_t index) noexcept : index_(index) {}
  std::size_t index_;
};

/// The number of 6-digit codes in the table.
[[nodiscard]] constexpr std::size_t size() noexcept { return std::size(raw::codes); }

/// All 6-digit codes, ascending.
[[nodiscard]] constexpr std::span<const std::uint32_t> codes() noexcept { return raw::codes; }

/// Code i of codes(); i < size().
[[nodiscard]] constexpr entry at(std::size_t i) noexcept { return entry(i); }

/// The entry of a 6-digit code, or nothing when no list ever had it.
[[nodiscard]] constexpr std::optional<entry> find(std::uint32_t code) noexcept {
  const auto all = codes();
  const auto it = std::lower_bound(all.begin(), all.end(), code);
  if (it == all.end() || *it != code) return std::nullopt;
  return entry(static_cast<std::size_t>(it - all.begin()));
}

/// The 9-digit township codes the table has names for, ascending. Not a complete list.
[[nodiscard]] constexpr std::span<const std::uint32_t> township_codes() noexcept {
  return raw::township_codes;
}

/// The name of a 9-digit township code, or nothing when the table has none.
[[nodiscard]] constexpr std::optional<std::string_view> township_name(std::uint32_t code) noexcept {
  const auto all = township_codes();
  const auto it = std::lower_bound(all.begin(), all.end(), code);
  if (it == all.end() || *it != code) return std::nullopt;
  const std::size_t k = raw::township_names[static_cast<std::size_t>(it - all.begin())];
  const std::size_t begin = raw::name_offsets[k];
  return std::string_view(raw::names + begin, raw::name_offsets[k + 1] - begin);
}

/// True when some code strictly below the 6-digit code `parent` is in force today (a prefecture
/// with counties, a province with prefectures). Dongguan 441900 and Zhongshan 442000 have none:
/// their towns sit directly under the prefecture.
[[nodiscard]] constexpr bool has_children(std::uint32_t parent) noexcept {
  const std::uint32_t span = parent % 10000 == 0 ? 10000 : 100;
  const auto all = codes();
  for (auto it = std::lower_bound(all.begin(), all.end(), parent + 1); it != all.end() && *it < parent + span;
       ++it)
    if (at(static_cast<std::size_t>(it - all.begin())).in_force_now()) return true;
  return false;
}

} // namespace eldercare::region_table

namespace eldercare {
template <>
struct enum_words<region_table::period_end> {
  static constexpr std::string_view type = "period_end";
  static constexpr error_id error = error_id::invalid_region;
  static constexpr std::array<word_entry<region_table::period_end>, 5> entries{{
      {region_table::period_end::in_force, "in_force"},
      {region_table::period_end::renamed, "renamed"},
      {region_table::period_end::inferred, "inferred"},
      {region_table::period_end::by_hand, "by_hand"},
      {region_table::period_end::unknown, "unknown"},
  }};
};
} // namespace eldercare
