// Rationale: money is an exact integer count of fen. The checks show what that buys: exact totals,
// amounts read from text or CSV without rounding, no silent money * double, and overflow reported as
// an error naming the field instead of wrapping around.
#include <cstdint>  // std::int64_t
#include <iostream> // the two totals
#include <limits>   // std::numeric_limits for the overflow case
#include <string>   // error messages, std::to_string of the double total

#include <eldercare/core/error.hpp>  // invalid_value
#include <eldercare/money/money.hpp> // money, _yuan and _fen literals

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

namespace {
// A concept, so that the deleted operator is tested without making the program ill-formed.
// clang-format 14 would split the requires-expression into "a* b".
// clang-format off
template <class A, class B>
concept multipliable = requires(A a, B b) { a * b; };
// clang-format on
} // namespace

int main() {
  using namespace eldercare;
  using namespace eldercare::literals;

  // [start:exact_totals]
  // Ten million monthly payments of 0.10 yuan: exactly 1,000,000.00 yuan in fen; a double summing
  // the same yuan amounts drifts away from it.
  money total;
  double total_in_double = 0.0;
  for (int i = 0; i < 10'000'000; ++i) {
    total += 10_fen;
    total_in_double += 0.10;
  }
  check(total == 1'000'000_yuan, "the integer total is exact");
  check(total_in_double != 1'000'000.0, "the double total is not");
  std::cout << "integer fen: " << total.to_string() << " yuan; double: " << std::to_string(total_in_double)
            << '\n';
  // [end:exact_totals]

  // [start:parse]
  // Amounts come from text ("600.50") or a CSV's float column; a third decimal is an error, not a
  // rounding, and the error names the field and the value.
  check(money::parse("600.50", "amounts[jin_ji_meng]").fen() == 60050, "600.50 yuan is 60050 fen");
  // A float is read as its shortest decimal: 0.1 is 10 fen; 0.1 + 0.2 is 0.30000000000000004, not an
  // amount of fen, and is refused as it is, not rounded to 30 (docs/concepts/money.md, the one rule).
  check(money::from_yuan_double(0.1, "amount") == 10_fen, "0.1 yuan is 10 fen");
  try {
    (void)money::from_yuan_double(0.1 + 0.2, "amount");
    check(false, "0.1 + 0.2 must be refused");
  } catch (const invalid_value& e) {
    check(e.value() == "0.30000000000000004", "the error quotes the float's shortest decimal");
  }
  try {
    (void)money::parse("600.505", "amounts[jin_ji_meng]");
    check(false, "a third decimal must be rejected");
  } catch (const invalid_value& e) {
    check(std::string(e.what()).find("amounts[jin_ji_meng]") != std::string::npos,
          "the error names the field");
    check(std::string(e.what()).find("600.505") != std::string::npos, "the error names the value");
  }
  // [end:parse]

  // [start:no_double]
  // Scaling is by a whole count (months, persons). "Half of 600 yuan" must be written as a choice of
  // rounding by whoever needs it; money * 0.5 does not compile.
  static_assert(multipliable<money, std::int64_t>, "money scales by a count");
  static_assert(!multipliable<money, double>, "money * double does not compile");
  check(600_yuan * 12 == 7200_yuan, "a year of 600 yuan a month");
  // [end:no_double]

  // [start:overflow]
  bool overflow_reported = false;
  try {
    (void)(money::from_fen(std::numeric_limits<std::int64_t>::max()) + 1_fen);
  } catch (const invalid_value&) {
    overflow_reported = true;
  }
  check(overflow_reported, "overflow is an error, not a wrap-around");
  // [end:overflow]
  return snippet::exit_code();
}
