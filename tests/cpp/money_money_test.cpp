#include <catch2/catch.hpp>

#include <cmath> // NAN
#include <limits>
#include <string> // the value an error quotes

#include "eldercare/money/money.hpp"

using namespace eldercare;
using namespace eldercare::literals;

TEST_CASE("money is exact fen with yuan literals") {
  CHECK((600_yuan).fen() == 60000);
  CHECK((50_fen).fen() == 50);
  CHECK(600_yuan + 50_fen == money::from_fen(60050));
  CHECK(600_yuan * 12 == 7200_yuan);
  CHECK(3 * 200_yuan == 600_yuan);
  CHECK(-(5_yuan) == money::from_fen(-500));
  CHECK(200_yuan < 600_yuan);
}

TEST_CASE("formatting with two decimals") {
  CHECK((600_yuan).to_string() == "600.00");
  CHECK((5_fen).to_string() == "0.05");
  CHECK(money::from_fen(-50).to_string() == "-0.50");
  CHECK(money::from_fen(std::numeric_limits<std::int64_t>::min()).to_string() == "-92233720368547758.08");
}

TEST_CASE("parsing yuan text") {
  CHECK(money::parse("600") == 600_yuan);
  CHECK(money::parse("600.5") == money::from_fen(60050));
  CHECK(money::parse("600.05") == money::from_fen(60005));
  CHECK(money::parse("-12.30") == money::from_fen(-1230));
  CHECK(money::parse(".5") == 50_fen);
  CHECK_THROWS_AS(money::parse("600.001"), invalid_value);
  CHECK_THROWS_AS(money::parse(""), invalid_value);
  CHECK_THROWS_AS(money::parse("."), invalid_value);
  CHECK_THROWS_AS(money::parse("6o0"), invalid_value);
  CHECK_THROWS_AS(money::parse("99999999999999999999"), invalid_value);
}

TEST_CASE("from floating-point yuan: exact or rejected") {
  CHECK(money::from_yuan_double(600.0) == 600_yuan);
  CHECK(money::from_yuan_double(0.1) == 10_fen);
  CHECK(money::from_yuan_double(181.5) == money::from_fen(18150));
  CHECK_THROWS_AS(money::from_yuan_double(NAN, "amount"), invalid_value);
  CHECK_THROWS_AS(money::from_yuan_double(0.001), invalid_value);
  try {
    (void)money::from_yuan_double(NAN, "rows[7].amount");
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "rows[7].amount");
  }
}

TEST_CASE("from floating-point yuan: one rule, the double's shortest decimal, never rounded") {
  // The shortest decimal that converts back to the double (std::to_chars, Python's repr) must have
  // two decimals at most: 0.1 is 0.1 yuan; 600.0000004 and 0.1 + 0.2 (0.30000000000000004) are not
  // amounts of fen, whichever the size of the noise.
  CHECK(money::from_yuan_double(0.1) + money::from_yuan_double(0.2) == 30_fen);
  CHECK(money::from_yuan_double(-0.0) == money());
  CHECK(money::from_yuan_double(9.2e16) == money::from_fen(9200000000000000000));
  auto refused = [](double yuan) {
    try {
      (void)money::from_yuan_double(yuan);
    } catch (const invalid_value& e) {
      return e.value();
    }
    return std::string("accepted");
  };
  CHECK(refused(600.0000004) == "600.0000004");
  CHECK(refused(0.3000004) == "0.3000004");
  CHECK(refused(0.1 + 0.2) == "0.30000000000000004");
  CHECK(refused(0.125) == "0.125");
  CHECK(refused(1e-7) == "1e-07");
  CHECK(refused(1e20) == "1e+20");
  CHECK(refused(92233720368547758.07) ==
        "92233720368547760"); // std::to_chars; Python shows 9.223372036854776e+16
  CHECK(refused(std::numeric_limits<double>::infinity()) == "inf");
}

TEST_CASE("overflow throws instead of wrapping") {
  const money big = money::from_fen(std::numeric_limits<std::int64_t>::max());
  CHECK_THROWS_AS(big + 1_fen, invalid_value);
  CHECK_THROWS_AS(big * 2, invalid_value);
  CHECK_THROWS_AS(money::from_fen(std::numeric_limits<std::int64_t>::min()) - 1_fen, invalid_value);
}

TEST_CASE("money: an overflowing sum or difference leaves the value as it was") {
  constexpr auto most = std::numeric_limits<std::int64_t>::max();
  money m = money::from_fen(most);
  CHECK_THROWS_AS(m += money::from_fen(1), invalid_value);
  CHECK(m.fen() == most);
  money low = money::from_fen(std::numeric_limits<std::int64_t>::min());
  CHECK_THROWS_AS(low -= money::from_fen(1), invalid_value);
  CHECK(low.fen() == std::numeric_limits<std::int64_t>::min());
}
