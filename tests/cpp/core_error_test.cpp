// Errors (core/error.hpp): a value is shown as given (text quoted once, numbers not; issue 14), its
// control characters escaped and a long one shortened with its full length stated (issue 11: a 10 MB
// cell made a 10 MB message).
#include <catch2/catch.hpp>

#include <string> // values

#include "eldercare/core/error.hpp"

using namespace eldercare;

TEST_CASE("an error quotes the value as given, shortened past 200 characters") {
  CHECK(shown_value("2023-02-30") == "2023-02-30");
  CHECK(shown_value(std::string(200, 'x')) == std::string(200, 'x'));
  CHECK(shown_value(std::string(10000000, 'x')) == std::string(200, 'x') + "… (10000000 characters)");
  // Characters, not bytes: 300 Chinese characters keep 200 of them, whole.
  std::string han;
  for (int i = 0; i < 300; ++i) han += "西";
  CHECK(shown_value(han) == han.substr(0, 600) + "… (300 characters)");
  // Already shown (an error re-raised under another field name): unchanged.
  const std::string once = shown_value(std::string(1000, 'y'));
  CHECK(shown_value(once) == once);
}

TEST_CASE("control characters are escaped: a message stays one line, and a NUL does not cut it") {
  CHECK(shown_value(std::string("a\0b\nc\td\x7f", 8)) == "a\\x00b\\nc\\td\\x7f");
  const invalid_value e(error_id::invalid_person, "population.id[row 0]", std::string("p\0q", 3), "bad");
  CHECK(std::string(e.what()) == "[eldercare.invalid_value.106] population.id[row 0] = 'p\\x00q': bad");
  CHECK(e.value() == "p\\x00q");
  CHECK(e.why() == "bad");
  const invalid_value long_field(error_id::invalid_person, std::string(500, 'f'), "v", "bad");
  CHECK(long_field.field() == std::string(200, 'f') + "… (500 characters)");
}

TEST_CASE("text is quoted once; numbers and literals (a repr) are shown as written") {
  const invalid_value text(error_id::invalid_period, "unit", "weeks", "expected months or days");
  CHECK(std::string(text.what()) == "[eldercare.invalid_value.108] unit = 'weeks': expected months or days");
  CHECK(text.quoted());
  const invalid_value number(error_id::invalid_period, "months", -1, "cannot be negative");
  CHECK(std::string(number.what()) == "[eldercare.invalid_value.108] months = -1: cannot be negative");
  CHECK(number.value() == "-1");
  CHECK_FALSE(number.quoted());
  // Floating point in the shortest form that reads back, not std::to_string's six decimals.
  CHECK(invalid_value(error_id::invalid_weight, "weight", -1.0, "bad").value() == "-1");
  CHECK(invalid_value(error_id::invalid_weight, "weight", 0.1, "bad").value() == "0.1");
  CHECK(invalid_value(error_id::invalid_weight, "weight", 1e20, "bad").value() == "1e+20");
  // A Python repr brings its own quotes: not quoted again (it was ''2 months'').
  const invalid_value repr(error_id::invalid_type, "months", literal{"'2 months'"},
                           "expected a whole number");
  CHECK(std::string(repr.what()) ==
        "[eldercare.invalid_value.114] months = '2 months': expected a whole number");
  // Renamed (a column's row): the same value, shown alike.
  const invalid_value moved = number.renamed("population.months[row 3]");
  CHECK(std::string(moved.what()) ==
        "[eldercare.invalid_value.108] population.months[row 3] = -1: cannot be negative");
  CHECK(moved.id() == error_id::invalid_period);
  CHECK(text.renamed("x").quoted());
}

TEST_CASE("a wrong type has its own stable id") {
  STATIC_REQUIRE(static_cast<int>(error_id::invalid_type) == 114);
  STATIC_REQUIRE(static_cast<int>(error_id::missing_input) == 113); // never renumbered
}
