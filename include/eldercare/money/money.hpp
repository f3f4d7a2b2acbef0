#pragma once
// Money as an exact whole number of fen (分, 0.01 yuan). Never floating point: amounts are summed over
// millions of people and months, and a payroll must match to the fen.

#include <charconv>     // std::to_chars: the shortest decimal of a double (from_yuan_double)
#include <cmath>        // std::isfinite, std::fabs for from_yuan_double
#include <compare>      // operator<=>
#include <concepts>     // std::floating_point, to forbid money * double
#include <cstdint>      // std::int64_t
#include <limits>       // overflow bounds
#include <string>       // to_string, messages
#include <string_view>  // text to parse
#include <system_error> // std::errc from std::to_chars

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
      throw invalid_value(error_id::invalid_money, "yuan", yuan, "out of range");
    return money(yuan * 100);
  }
  /// From a floating-point yuan amount (e.g. from a CSV column), by the one rule for amounts that
  /// are not text: the double is read as the shortest decimal that converts back to it (what
  /// std::to_chars and Python's repr print: 0.1 is "0.1", 600.0000004 is "600.0000004"), and that
  /// decimal is read as money::parse reads text, so it must have two decimals at most. Nothing is
  /// ever rounded: 0.125, 600.0000004 and 1e-7 are refused, as are NaN, infinities and amounts
  /// beyond ±92,233,720,368,547,758.07 yuan. Errors quote the shortest decimal.
  [[nodiscard]] static money from_yuan_double(double yuan, std::string_view field = "amount") {
    char shortest[32]; // the shortest round-trip form, for errors: "0.3000004", "1e+20", "nan"
    const auto [shown_end, shown_ok] = std::to_chars(shortest, shortest + sizeof shortest, yuan);
    const std::string_view shown(
        shortest, shown_ok == std::errc{} ? static_cast<std::size_t>(shown_end - shortest) : 0);
    if (!std::isfinite(yuan))
      throw invalid_value(error_id::invalid_money, field, shown, "an amount must be a finite number");
    if (std::fabs(yuan) >= 1e17) // beyond int64 fen whatever its digits
      throw invalid_value(error_id::invalid_money, field, shown, "out of range");
    char fixed[400]; // the same shortest digits in fixed notation ("100000000000000000", "0.0000001")
    const auto [end, ok] = std::to_chars(fixed, fixed + sizeof fixed, yuan, std::chars_format::fixed);
    if (ok != std::errc{}) throw invalid_value(error_id::invalid_money, field, shown, "out of range");
    const std::string_view text(fixed, static_cast<std::size_t>(end - fixed));
    if (const auto dot = text.find('.'); dot != std::string_view::npos && text.size() - dot - 1 > 2)
      throw invalid_value(
          error_id::invalid_money, field, shown,
          "an amount must be a whole number of fen (two decimals at most); it is never rounded");
    return parse(text, field);
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
    const std::uint64_t abs =
        negative ? std::uint64_t(0) - static_cast<std::uint64_t>(fen_) : static_cast<std::uint64_t>(fen_);
    std::string s = negative ? "-" : "";
    s += std::to_string(abs / 100);
    s += '.';
    s += static_cast<char>('0' + (abs % 100) / 10);
    s += static_cast<char>('0' + abs % 10);
    return s;
  }

  // On overflow the value is left as it was (strong guarantee) and invalid_money is thrown.
  constexpr money& operator+=(money o) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(fen_, o.fen_, &r)) overflow("+");
    fen_ = r;
    return *this;
  }
  constexpr money& operator-=(money o) {
    std::int64_t r = 0;
    if (__builtin_sub_overflow(fen_, o.fen_, &r)) overflow("-");
    fen_ = r;
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
