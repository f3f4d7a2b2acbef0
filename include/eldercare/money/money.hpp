#pragma once
// Money as an exact whole number of fen (分, 0.01 yuan). Never floating point: amounts are summed over
// millions of people and months, and a payroll must match to the fen.

#include <cmath>       // std::isfinite, std::nearbyint for from_yuan_double
#include <compare>     // operator<=>
#include <concepts>    // std::floating_point, to forbid money * double
#include <cstdint>     // std::int64_t
#include <limits>      // overflow bounds
#include <string>
#include <string_view>

#include "eldercare/core/error.hpp"

namespace eldercare {

/// An amount of renminbi in fen. Arithmetic is checked: an overflow throws instead of wrapping.
class money {
public:
  using rep = std::int64_t;

  constexpr money() noexcept = default;

  /// From a whole number of fen.
  [[nodiscard]] static constexpr money from_fen(rep fen) noexcept { return money(fen); }
  /// From a whole number of yuan.
  [[nodiscard]] static constexpr money from_yuan(rep yuan) {
    if (yuan > max_rep / 100 || yuan < -max_rep / 100)
      throw invalid_value(error_id::invalid_money, "yuan", std::to_string(yuan), "out of range");
    return money(yuan * 100);
  }
  /// From a floating-point yuan amount with at most two decimals (e.g. from a CSV column). NaN,
  /// infinities, and values that are not a whole number of fen are rejected, never rounded.
  [[nodiscard]] static money from_yuan_double(double yuan, std::string_view field = "amount") {
    if (!std::isfinite(yuan))
      throw invalid_value(error_id::invalid_money, field, std::to_string(yuan),
                          "an amount must be a finite number");
    const double fen = yuan * 100.0;
    const double whole = std::nearbyint(fen);
    if (std::fabs(fen - whole) > 1e-6 * (1.0 + std::fabs(fen)))
      throw invalid_value(error_id::invalid_money, field, std::to_string(yuan),
                          "an amount must be a whole number of fen (two decimals at most)");
    if (std::fabs(whole) > 9.0e15)
      throw invalid_value(error_id::invalid_money, field, std::to_string(yuan), "out of range");
    return money(static_cast<rep>(whole));
  }
  /// Parses "600", "600.5", "600.00", "-12.30" (yuan). Rejects more than two decimals.
  [[nodiscard]] static money parse(std::string_view text, std::string_view field = "amount") {
    auto bad = [&](const char* why) { return invalid_value(error_id::invalid_money, field, text, why); };
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    rep yuan = 0;
    std::size_t digits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
      if (yuan > (max_rep / 100 - 9) / 10) throw bad("out of range");
      yuan = yuan * 10 + (text[i] - '0');
    }
    rep fen = 0;
    std::size_t decimals = 0;
    if (i < text.size() && text[i] == '.') {
      ++i;
      for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals) {
        if (decimals == 2) throw bad("more than two decimals: not a whole number of fen");
        fen = fen * 10 + (text[i] - '0');
      }
      if (decimals == 1) fen *= 10;
    }
    if (digits + decimals == 0) throw bad("expected a number of yuan such as 600.00");
    if (i != text.size()) throw bad("expected a number of yuan such as 600.00");
    const rep total = yuan * 100 + fen;
    return money(negative ? -total : total);
  }

  [[nodiscard]] constexpr rep fen() const noexcept { return fen_; }
  /// Whole yuan, truncated toward zero (for display only; use fen() for arithmetic).
  [[nodiscard]] constexpr rep whole_yuan() const noexcept { return fen_ / 100; }

  /// "600.00", "-0.50": yuan with exactly two decimals, no currency sign or grouping.
  [[nodiscard]] std::string to_string() const {
    const bool negative = fen_ < 0;
    // Work in unsigned to format INT64_MIN correctly.
    const std::uint64_t abs = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(fen_)
                                       : static_cast<std::uint64_t>(fen_);
    std::string s = negative ? "-" : "";
    s += std::to_string(abs / 100);
    s += '.';
    s += static_cast<char>('0' + (abs % 100) / 10);
    s += static_cast<char>('0' + abs % 10);
    return s;
  }

  constexpr money& operator+=(money o) {
    if (__builtin_add_overflow(fen_, o.fen_, &fen_)) overflow("+");
    return *this;
  }
  constexpr money& operator-=(money o) {
    if (__builtin_sub_overflow(fen_, o.fen_, &fen_)) overflow("-");
    return *this;
  }
  [[nodiscard]] friend constexpr money operator+(money a, money b) { return a += b; }
  [[nodiscard]] friend constexpr money operator-(money a, money b) { return a -= b; }
  [[nodiscard]] friend constexpr money operator-(money a) { return money() - a; }
  /// Scaling by a count (months, people). There is deliberately no money * double.
  [[nodiscard]] friend constexpr money operator*(money a, rep k) {
    rep r = 0;
    if (__builtin_mul_overflow(a.fen_, k, &r)) overflow("*");
    return money(r);
  }
  [[nodiscard]] friend constexpr money operator*(rep k, money a) { return a * k; }
  // Deleted so that 600_yuan * 0.5 does not silently truncate the double to a whole count.
  template <std::floating_point F>
  friend money operator*(money, F) = delete;
  template <std::floating_point F>
  friend money operator*(F, money) = delete;

  friend constexpr bool operator==(money, money) noexcept = default;
  friend constexpr auto operator<=>(money, money) noexcept = default;

private:
  static constexpr rep max_rep = std::numeric_limits<rep>::max();
  constexpr explicit money(rep fen) noexcept : fen_(fen) {}
  [[noreturn]] static void overflow(const char* op) {
    throw invalid_value(error_id::invalid_money, "money", op, "arithmetic overflow");
  }
  rep fen_ = 0;
};

/// Literals: 600_yuan, 50_fen. `using namespace eldercare::literals;`
namespace literals {
[[nodiscard]] constexpr money operator""_yuan(unsigned long long v) {
  return money::from_yuan(static_cast<money::rep>(v));
}
[[nodiscard]] constexpr money operator""_fen(unsigned long long v) {
  return money::from_fen(static_cast<money::rep>(v));
}
} // namespace literals

} // namespace eldercare
