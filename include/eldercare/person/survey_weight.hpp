#pragma once
// Survey weights (权重: how many persons a row of survey microdata represents) and their exact sums.
//
// The rounding rule, stated once: a weight is held in fixed point, as a whole number of millionths
// (int64); a weight given as a number is rounded to the nearest millionth, half to even, of its
// exact value (a float64's exact binary value; decimal text's exact decimal value) when it is read,
// and never again. A weighted amount (fen × weight) or count (persons × weight) is then exact: a
// whole number of millionths of a fen (or of a person) in a 128-bit integer (weighted_sum), and sums
// of them are exact integer sums, equal whatever the order, the threads, the chunks, the batches or
// the partitions they were added in. Only when a total is shown is it rounded, half to even, to
// the fen (weighted_sum::rounded()).
//
// Weights are at least 0 and at most 10^9 persons; NaN, infinities and negative weights are refused.

#include <cmath>       // std::fma, std::isfinite: the exact rounding of a float64
#include <compare>     // operator<=>
#include <cstdint>     // millionths
#include <string>      // text
#include <string_view> // parse input

#include "eldercare/core/error.hpp"

namespace eldercare {

namespace detail {
// A 128-bit integer for exact weighted sums (GCC and Clang; __extension__ keeps -Wpedantic quiet).
__extension__ typedef __int128 wide_int;

/// `v` as decimal text.
inline std::string wide_text(wide_int v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  std::string digits;
  while (v != 0) {
    const auto d = static_cast<int>(v % 10);
    digits.insert(digits.begin(), static_cast<char>('0' + (d < 0 ? -d : d)));
    v /= 10;
  }
  return negative ? "-" + digits : digits;
}
} // namespace detail

/// A survey weight: how many persons a row represents, in millionths (see the header comment).
class survey_weight {
public:
  /// Millionths per person: weights have 6 decimals.
  static constexpr std::int64_t scale = 1'000'000;
  /// The largest weight, in millionths (10^9 persons): products with any amount of fen fit.
  static constexpr std::int64_t max_micros = 1'000'000'000 * scale;

  /// Why a row without a value in a weight column is refused: a missing weight is not taken as 1.
  static constexpr std::string_view missing_reason =
      "a weight column gives every row's weight (a missing one is not 1: give it)";

  /// A weight of 1 (the weight of a row that gives none).
  constexpr survey_weight() noexcept = default;

  /// A weight of `micros` millionths; throws invalid_value (invalid_weight) naming `field` outside 0
  /// to max_micros.
  [[nodiscard]] static survey_weight from_micros(std::int64_t micros, std::string_view field = "weight") {
    if (micros < 0 || micros > max_micros)
      throw invalid_value(error_id::invalid_weight, field, literal{micro_text(micros)},
                          micros < 0 ? "a weight is the number of persons a row represents: 0 or more"
                                     : "a weight is at most 1000000000 persons");
    survey_weight w;
    w.micros_ = micros;
    return w;
  }

  /// The weight `value`, rounded to the nearest millionth (half to even) of its exact value.
  /// Throws invalid_value for NaN, an infinity, a negative value or one above 10^9.
  [[nodiscard]] static survey_weight of(double value, std::string_view field = "weight") {
    if (std::isnan(value))
      throw invalid_value(error_id::invalid_weight, field, value,
                          "a weight is a number of persons (a missing weight is not 1: give one)");
    if (!std::isfinite(value) || value < 0 || value > 1e9)
      throw invalid_value(error_id::invalid_weight, field, value,
                          value < 0 ? "a weight is the number of persons a row represents: 0 or more"
                                    : "a weight is a finite number of persons, at most 1000000000");
    // p + e is exactly value × 10^6 (fma gives the product's rounding error, |e| <= half an ulp of
    // p); p < 2^50, so p - floor(p) and that minus 0.5 are exact multiples of p's ulp, and the sign
    // of (p - floor(p) - 0.5) + e, which places the exact product against the midpoint, is that of
    // the first term unless it is 0.
    const double p = value * 1e6;
    const double e = std::fma(value, 1e6, -p);
    const double whole = std::floor(p);
    const double above_half = (p - whole) - 0.5;
    const int side = above_half > 0 ? 1 : above_half < 0 ? -1 : (e > 0 ? 1 : e < 0 ? -1 : 0);
    auto micros = static_cast<std::int64_t>(whole);
    if (side > 0 || (side == 0 && micros % 2 != 0)) ++micros;
    return from_micros(micros, field);
  }

  /// A weight written as decimal text ("1", "1234.5678", ".5"), rounded half to even at 6 decimals.
  [[nodiscard]] static survey_weight parse(std::string_view text, std::string_view field = "weight") {
    auto bad = [&](const char* why) { return invalid_value(error_id::invalid_weight, field, text, why); };
    if (!text.empty() && text.front() == '-')
      throw bad("a weight is the number of persons a row represents: 0 or more");
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    std::int64_t whole = 0, fraction = 0;
    int decimals = 0, digits = 0;
    bool point = false, round_up = false, sticky = false;
    int next = -1; // the 7th decimal
    for (const char c : text) {
      if (c == '.' && !point) {
        point = true;
        continue;
      }
      if (c < '0' || c > '9') throw bad("expected a number of persons such as 1, 2.5 or 1234.5678");
      ++digits;
      if (!point) {
        if (whole > 1'000'000'000) throw bad("a weight is a finite number of persons, at most 1000000000");
        whole = whole * 10 + (c - '0');
      } else if (decimals < 6) {
        fraction = fraction * 10 + (c - '0');
        ++decimals;
      } else if (next < 0) {
        next = c - '0';
      } else if (c != '0') {
        sticky = true;
      }
    }
    if (digits == 0) throw bad("expected a number of persons such as 1, 2.5 or 1234.5678");
    for (; decimals < 6; ++decimals) fraction *= 10;
    std::int64_t micros = whole * scale + fraction;
    if (next > 5 || (next == 5 && (sticky || micros % 2 != 0))) round_up = true;
    if (round_up) ++micros;
    if (micros > max_micros) throw bad("a weight is a finite number of persons, at most 1000000000");
    return from_micros(micros, field);
  }

  /// The weight in millionths.
  [[nodiscard]] constexpr std::int64_t micros() const noexcept { return micros_; }
  /// The weight as a float64 (for display; sums use micros()).
  [[nodiscard]] double to_double() const noexcept {
    return static_cast<double>(micros_) / static_cast<double>(scale);
  }
  /// The exact weight as decimal text without trailing zeros: "1", "2.5", "0.000001".
  [[nodiscard]] std::string to_string() const { return micro_text(micros_); }

  friend constexpr auto operator<=>(const survey_weight&, const survey_weight&) = default;

private:
  static std::string micro_text(std::int64_t micros) {
    const bool negative = micros < 0;
    const std::uint64_t m =
        negative ? 0 - static_cast<std::uint64_t>(micros) : static_cast<std::uint64_t>(micros);
    // Appended, never `"-" + std::string`: GCC 12 at -O3 warns falsely (-Wrestrict, GCC bug 105329).
    std::string out = negative ? "-" : "";
    out += std::to_string(m / scale);
    std::uint64_t f = m % scale;
    if (f == 0) return out;
    std::string decimals(6, '0');
    for (int i = 5; i >= 0; --i, f /= 10)
      decimals[static_cast<std::size_t>(i)] = static_cast<char>('0' + f % 10);
    while (decimals.back() == '0') decimals.pop_back();
    return out + "." + decimals;
  }

  std::int64_t micros_ = scale;
};

/// An exact sum of weighted quantities: Σ quantity × weight, in millionths of the quantity's unit
/// (a fen, a person) held in 128 bits (see the header comment).
class weighted_sum {
public:
  /// Adds `quantity` × `w` (quantity in whole units: fen, persons).
  constexpr void add(std::int64_t quantity, survey_weight w) noexcept {
    micros_ += static_cast<detail::wide_int>(quantity) * w.micros();
  }
  /// Adds `quantity` × a weight of `weight_micros` millionths (a population's column, checked when stored).
  constexpr void add_micros(std::int64_t quantity, std::int64_t weight_micros) noexcept {
    micros_ += static_cast<detail::wide_int>(quantity) * weight_micros;
  }
  /// Adds `quantity` × every weight summed in `weights` (the same quantity for many rows at once).
  constexpr void add_times(std::int64_t quantity, const weighted_sum& weights) noexcept {
    micros_ += static_cast<detail::wide_int>(quantity) * weights.micros_;
  }
  constexpr weighted_sum& operator+=(const weighted_sum& other) noexcept {
    micros_ += other.micros_;
    return *this;
  }
  /// The sum in millionths of its unit.
  [[nodiscard]] constexpr detail::wide_int micros() const noexcept { return micros_; }
  /// The sum in millionths of its unit, as decimal text (what crosses to Python as an int).
  [[nodiscard]] std::string micros_text() const { return detail::wide_text(micros_); }
  /// The exact sum as decimal text with 6 decimals: "12345.678900" (fen, or persons).
  [[nodiscard]] std::string to_string() const {
    const bool negative = micros_ < 0;
    const detail::wide_int m = negative ? -micros_ : micros_;
    std::string frac = detail::wide_text(m % survey_weight::scale);
    frac.insert(frac.begin(), 6 - frac.size(), '0');
    std::string out = negative ? "-" : "";
    out += detail::wide_text(m / survey_weight::scale);
    out += '.';
    out += frac;
    return out;
  }
  /// The sum rounded to whole units, half to even: what a total shows. Throws invalid_value
  /// (invalid_money) when it does not fit 64 bits.
  [[nodiscard]] std::int64_t rounded() const {
    detail::wide_int q = micros_ / survey_weight::scale;
    detail::wide_int r = micros_ % survey_weight::scale; // same sign as micros_
    if (r < 0) {
      r += survey_weight::scale;
      --q;
    }
    if (2 * r > survey_weight::scale || (2 * r == survey_weight::scale && q % 2 != 0)) ++q;
    constexpr detail::wide_int limit = static_cast<detail::wide_int>(INT64_MAX);
    if (q > limit || q < -limit)
      throw invalid_value(error_id::invalid_money, "weighted_sum", to_string(),
                          "does not fit 64 bits when rounded");
    return static_cast<std::int64_t>(q);
  }

  friend constexpr bool operator==(const weighted_sum&, const weighted_sum&) = default;

private:
  detail::wide_int micros_ = 0;
};

} // namespace eldercare
