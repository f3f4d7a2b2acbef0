// Errors (core/error.hpp): a value is quoted as given, its control characters escaped and a long
// one shortened with its full length stated (issue 11: a 10 MB cell made a 10 MB message).
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
