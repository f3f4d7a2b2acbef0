// Survey weights: rounded half to even at the millionth of their exact value (float64 or decimal
// text), refused when negative, NaN, infinite or too large; weighted sums exact in 128 bits and
// rounded half to even only when shown.
#include <catch2/catch.hpp>

#include <cstdint> // millionths
#include <limits>  // NaN and infinities

#include "eldercare/person/survey_weight.hpp"

using namespace eldercare;

TEST_CASE("survey_weight: a number is rounded half to even at the millionth of its exact value") {
  CHECK(survey_weight().micros() == 1'000'000); // none given: 1
  CHECK(survey_weight::of(1.0).micros() == 1'000'000);
  CHECK(survey_weight::of(1234.5678).micros() == 1'234'567'800);
  CHECK(survey_weight::of(0.0).micros() == 0);
  // Ties in decimal are no ties in binary: the double's exact value decides.
  CHECK(survey_weight::of(5e-7).micros() == 0);   // 5e-7 is 4.99999999999999977e-07
  CHECK(survey_weight::of(1.5e-6).micros() == 2); // 1.50000000000000004e-06
  CHECK(survey_weight::of(2.5e-6).micros() == 3); // 2.50000000000000010e-06
  // Exact ties: 1/128 = 0.0078125 is 7812.5 millionths exactly, 3/128 = 0.0234375 is 23437.5.
  CHECK(survey_weight::of(1.0 / 128).micros() == 7812);  // to the even 7812
  CHECK(survey_weight::of(3.0 / 128).micros() == 23438); // to the even 23438
  CHECK(survey_weight::of(1e9).micros() == survey_weight::max_micros);
  CHECK(survey_weight::of(0.1).to_string() == "0.1");
}

TEST_CASE("survey_weight: decimal text is rounded half to even at 6 decimals") {
  CHECK(survey_weight::parse("1").micros() == 1'000'000);
  CHECK(survey_weight::parse("2.5").micros() == 2'500'000);
  CHECK(survey_weight::parse(".5").micros() == 500'000);
  CHECK(survey_weight::parse("+3").micros() == 3'000'000);
  CHECK(survey_weight::parse("0.0000005").micros() == 0);     // a tie: to the even 0
  CHECK(survey_weight::parse("0.0000015").micros() == 2);     // a tie: to the even 2
  CHECK(survey_weight::parse("0.0000025").micros() == 2);     // a tie: to the even 2
  CHECK(survey_weight::parse("0.00000250001").micros() == 3); // above the tie
  CHECK(survey_weight::parse("0.0000024999").micros() == 2);
  CHECK(survey_weight::parse("1234.5678").to_string() == "1234.5678");
  CHECK(survey_weight::parse("0.000001").to_string() == "0.000001");
}

TEST_CASE("survey_weight: negative, NaN, infinite and too large weights are refused") {
  CHECK_THROWS_WITH(survey_weight::of(-1.0, "population.weight[row 3]"),
                    "[eldercare.invalid_value.112] population.weight[row 3] = -1: a weight is the number of "
                    "persons a row represents: 0 or more");
  CHECK_THROWS_WITH(survey_weight::of(std::numeric_limits<double>::quiet_NaN()),
                    Catch::Contains("weight = nan:"));
  CHECK_THROWS_WITH(survey_weight::of(std::numeric_limits<double>::infinity()),
                    Catch::Contains("weight = inf:"));
  CHECK_THROWS_WITH(survey_weight::of(-std::numeric_limits<double>::infinity()),
                    Catch::Contains("weight = -inf:"));
  CHECK_THROWS_WITH(survey_weight::of(1e9 + 1), Catch::Contains("at most 1000000000"));
  CHECK_THROWS_WITH(survey_weight::parse("-2"), Catch::Contains("0 or more"));
  CHECK_THROWS_WITH(survey_weight::parse("nan"), Catch::Contains("expected a number of persons"));
  CHECK_THROWS_WITH(survey_weight::parse("1e3"), Catch::Contains("expected a number of persons"));
  CHECK_THROWS_WITH(survey_weight::parse(""), Catch::Contains("expected a number of persons"));
  CHECK_THROWS_WITH(survey_weight::parse("."), Catch::Contains("expected a number of persons"));
  CHECK_THROWS_WITH(survey_weight::parse("10000000000"), Catch::Contains("at most 1000000000"));
  CHECK_THROWS_WITH(survey_weight::from_micros(-1), Catch::Contains("0 or more"));
  try {
    (void)survey_weight::of(-1.0);
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_weight);
  }
}

TEST_CASE("weighted_sum: exact in millionths, rounded half to even when shown") {
  weighted_sum s;
  s.add(60000, survey_weight::parse("2.5"));  // 600 yuan for 2.5 persons: 150000 fen
  s.add(1, survey_weight::parse("0.000001")); // a millionth of a fen
  CHECK(s.micros() == 150'000'000'001);
  CHECK(s.to_string() == "150000.000001");
  CHECK(s.rounded() == 150000);
  weighted_sum half;
  half.add(1, survey_weight::parse("0.5"));
  CHECK(half.rounded() == 0); // 0.5: to the even 0
  half.add(1, survey_weight::parse("1"));
  CHECK(half.rounded() == 2); // 1.5: to the even 2
  weighted_sum negative;      // a cost saved by a reform
  negative.add(-3, survey_weight::parse("0.5"));
  CHECK(negative.to_string() == "-1.500000");
  CHECK(negative.rounded() == -2);
  // Order does not matter: the same terms in any order give the same sum.
  weighted_sum a, b;
  for (int i = 0; i < 1000; ++i) a.add(i * 7919 % 100000, survey_weight::from_micros(i * 104729 % 3'000'001));
  for (int i = 999; i >= 0; --i) b.add(i * 7919 % 100000, survey_weight::from_micros(i * 104729 % 3'000'001));
  CHECK(a == b);
  // Sums beyond 64 bits of millionths stay exact: 10^9 persons × 10^9 fen, twice.
  weighted_sum big;
  big.add(1'000'000'000, survey_weight::of(1e9));
  big.add(1'000'000'000, survey_weight::of(1e9));
  CHECK(big.micros_text() == "2000000000000000000000000");
  CHECK(big.rounded() == 2'000'000'000'000'000'000);
  big.add(9'000'000'000'000'000'000, survey_weight::of(1.0)); // past 2^63 fen
  CHECK(big.micros_text() == "11000000000000000000000000");
  CHECK_THROWS_WITH(big.rounded(), Catch::Contains("does not fit 64 bits"));
}
