#pragma once
// The batch engine's innermost loops: verdicts of a block of rows as bytes, computed by loops the
// compiler vectorises. GCC at -O2 vectorises only loops whose trip count is a compile-time constant
// and whose pointers cannot alias (its cheap cost model allows no runtime checks), so rows go in
// blocks of block_rows (in_blocks) through functions taking __restrict pointers; clang vectorises
// them at any level. See docs/design.md#batches.

#include <cstddef>
#include <cstdint>
#include <type_traits> // std::integral_constant: blocks of a constant row count

#include "eldercare/batch/day_number.hpp"

namespace eldercare::detail {

/// Rows a block of the engine's inner loops holds (in_blocks).
inline constexpr std::size_t block_rows = 64;

/// Runs body(first, count) over the rows [0, n): blocks of block_rows rows, `count` then a compile-
/// time constant (std::integral_constant), and the remaining rows.
template <class Body>
inline void in_blocks(std::size_t n, Body&& body) {
  std::size_t i = 0;
  for (; i + block_rows <= n; i += block_rows) body(i, std::integral_constant<std::size_t, block_rows>{});
  if (i < n) body(i, n - i);
}

/// out[j] = f(out[j], in[j]) for j < count.
template <class Count, class F>
inline void combine_bytes(std::uint8_t* __restrict out, const std::uint8_t* __restrict in, Count count, F f) {
  for (std::size_t j = 0; j < count; ++j) out[j] = f(out[j], in[j]);
}

/// out[j] = table[keys[j] - offset] for j < count (a gather: vectorised where the target has one).
template <class Count, class Key, class Offset>
inline void look_up_bytes(std::uint8_t* __restrict out, const Key* __restrict keys,
                          const std::uint8_t* __restrict table, Offset offset, Count count) {
  for (std::size_t j = 0; j < count; ++j) out[j] = table[static_cast<std::size_t>(keys[j] - offset)];
}

/// A verdict turning at two birth days: `early` before lo, `late` from hi on, `between` in between.
struct birth_turns {
  day_number lo = 0, hi = 0;
  std::uint8_t early = 0, late = 0, between = 0;
};
template <class Count>
inline void birth_turn_bytes(std::uint8_t* __restrict out, const day_number* __restrict days, birth_turns t,
                             Count count) {
  for (std::size_t j = 0; j < count; ++j)
    out[j] = days[j] < t.lo ? t.early : days[j] >= t.hi ? t.late : t.between;
}

/// Rules' three-valued verdict bytes (1 fails, 2 holds, 3 either; rule r's at verdicts[r * stride])
/// to each row's pattern of holding rules (bit r: rule r holds; at most 16 rules) and whether it is
/// settled (no rule that counts is `either`). With first_match a rule counts only where no earlier
/// one holds, as grant_on stops at the first holding rule.
template <class Count>
inline void pattern_words(std::uint16_t* __restrict pattern, std::uint8_t* __restrict settled,
                          const std::uint8_t* __restrict verdicts, std::size_t stride, std::size_t rules,
                          bool first_match, Count count) {
  std::uint8_t open[block_rows]; // 1 while no earlier rule holds
  const unsigned stops = first_match ? 1U : 0U;
  for (std::size_t j = 0; j < count; ++j) {
    pattern[j] = 0;
    settled[j] = 1;
    open[j] = 1;
  }
  for (std::size_t r = 0; r < rules; ++r) {
    const std::uint8_t* v = verdicts + r * stride;
    for (std::size_t j = 0; j < count; ++j) {
      const unsigned x = v[j], o = open[j];
      const unsigned is_holds = (x >> 1) & ~x & 1U, is_either = x & (x >> 1) & 1U;
      settled[j] = static_cast<std::uint8_t>(settled[j] & ~(is_either & o) & 1U);
      pattern[j] = static_cast<std::uint16_t>(pattern[j] | ((is_holds & o) << r));
      open[j] = static_cast<std::uint8_t>(o & ~(is_holds & stops) & 1U);
    }
  }
}

/// known[j] = pattern[j] where settled (1), 0xFFFF (unknown) where not (0): branch-free, vectorised.
template <class Count>
inline void mark_unsettled(std::uint16_t* __restrict known, const std::uint16_t* __restrict pattern,
                           const std::uint8_t* __restrict settled, Count count) {
  for (std::size_t j = 0; j < count; ++j)
    known[j] = static_cast<std::uint16_t>(pattern[j] | (0xFFFFU * (1U - settled[j])));
}

/// A certificate's key: 1 + category × grades + (grade - 1) (0 is kept for no certificate).
[[nodiscard]] constexpr std::size_t certificate_key(unsigned category, unsigned grade,
                                                    unsigned grades) noexcept {
  return 1U + category * grades + grade - 1U;
}

/// Certificate keys from the category and grade columns: 0 without a certificate (category < 0),
/// certificate_key with one. Branch-free (the key times "has a certificate"), so it vectorises.
template <class Count>
inline void certificate_key_bytes(std::uint8_t* __restrict out, const std::int8_t* __restrict category,
                                  const std::int8_t* __restrict grade, unsigned grades, Count count) {
  for (std::size_t j = 0; j < count; ++j) {
    const unsigned has = category[j] >= 0 ? 1U : 0U; // unsigned wrap-round below is multiplied away
    out[j] = static_cast<std::uint8_t>(
        has * certificate_key(static_cast<unsigned>(category[j]), static_cast<unsigned>(grade[j]), grades));
  }
}

/// Rules' 0/1 verdict bytes (rule r's at masks[r * stride]) to each row's pattern of holding rules
/// (bit r: rule r holds), for up to 16 rules.
template <class Count>
inline void pack_patterns(std::uint16_t* __restrict pattern, const std::uint8_t* __restrict masks,
                          std::size_t stride, std::size_t rules, Count count) {
  for (std::size_t j = 0; j < count; ++j) pattern[j] = 0;
  for (std::size_t r = 0; r < rules; ++r) {
    const std::uint8_t* m = masks + r * stride;
    for (std::size_t j = 0; j < count; ++j)
      pattern[j] = static_cast<std::uint16_t>(pattern[j] | ((m[j] & 1U) << r));
  }
}

} // namespace eldercare::detail
