// Money (docs/concepts/money.md): exact fen, checked arithmetic, no floating point.
// Every expression in the page's table appears verbatim below; the checks make it a test.
#include <eldercare/money/money.hpp>

#include "snippet_check.hpp" // check, throws, exit_code

using snippet::check;
using snippet::throws;

namespace {
// `money * 0.5` must not compile: checked here rather than claimed.
template <class M>
concept scalable_by_double = requires(M m) {
  m * 0.5;
};
static_assert(!scalable_by_double<eldercare::money>, "money * double must not compile");
static_assert(scalable_by_double<double>, "the concept itself can hold");
} // namespace

int main() {
  using namespace eldercare;
  using namespace eldercare::literals;

  // [start:make]
  const money monthly = 600_yuan;                                 // a literal in whole yuan
  const money same = money::from_yuan(600);                       // the same, from a variable
  const money half_yuan = 50_fen;                                 // a literal in fen
  const money from_text = money::parse("600.50");                 // text from a form or a CSV file
  const money from_csv = money::from_yuan_double(12.3, "amount"); // a float column, checked
  // [end:make]
  check(monthly == same, "600_yuan == money::from_yuan(600)");
  check(half_yuan.fen() == 50, "50_fen is 50 fen");
  check(from_text.fen() == 60050, "money::parse(\"600.50\") is 60050 fen");
  check(from_csv == money::from_fen(1230), "from_yuan_double(12.3) is 1230 fen");

  // [start:read]
  const std::int64_t fen = monthly.fen();           // 60000: the exact value, for arithmetic
  const std::string text = from_text.to_string();   // "600.50": two decimals, no sign or grouping
  const std::int64_t yuan = from_text.whole_yuan(); // 600: truncated, for display only
  // [end:read]
  check(fen == 60000, "monthly.fen() == 60000");
  check(text == "600.50", "to_string() gives 600.50");
  check(yuan == 600, "whole_yuan() truncates");
  check(money::from_fen(-50).to_string() == "-0.50", "a negative amount keeps its sign");

  // [start:arithmetic]
  const money year = monthly * 12;        // scaling by a count of months or people
  const money total = monthly + 200_yuan; // sums are checked for overflow
  const bool more = monthly > 200_yuan;   // comparable with money only
  // [end:arithmetic]
  check(year == 7200_yuan, "monthly * 12 == 7200_yuan");
  check(total.fen() == 80000, "monthly + 200_yuan is 800 yuan");
  check(more, "600 yuan > 200 yuan");
  check(monthly - 200_yuan == 400_yuan, "subtraction");

  // [start:errors]
  // Each throws eldercare::invalid_value with error_id::invalid_money (102), naming the field:
  //   money::parse("600.505")               more than two decimals: not a whole number of fen
  //   money::from_yuan_double(0.125)        not a whole number of fen: rejected, never rounded
  //   money::from_fen(INT64_MAX) + 1_fen    arithmetic overflow, instead of wrapping round
  // and `monthly * 0.5` does not compile: there is no money * double.
  // [end:errors]
  check(throws(error_id::invalid_money, [] { (void)money::parse("600.505"); }), "three decimals rejected");
  check(throws(error_id::invalid_money, [] { (void)money::from_yuan_double(0.125); }), "0.125 yuan rejected");
  check(throws(error_id::invalid_money,
               [] { (void)(money::from_fen(std::numeric_limits<std::int64_t>::max()) + 1_fen); }),
        "overflow rejected");
  try {
    (void)money::parse("12,30", "pension");
    check(false, "a comma is not a decimal point");
  } catch (const invalid_value& e) {
    check(e.field() == "pension" && e.value() == "12,30", "the error names the field and the value");
  }
  return snippet::exit_code();
}
