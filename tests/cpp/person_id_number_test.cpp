// Resident ID numbers (GB 11643-1999): check characters worked by hand, the legacy 15-digit form,
// leap-day births, abolished and unknown regions, the sex digit, and a record's birth date given by
// its number.
#include <catch2/catch.hpp>

#include <optional> // a record's birth date
#include <string>   // error messages

#include "eldercare/person/id_number.hpp"
#include "eldercare/person/person.hpp"

using namespace eldercare;

// The check, worked by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the character is
// (12 - S mod 11) mod 11, X for 10):
//
// 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 (北京市朝阳区, 1949-12-31, the standard's own example)
//   7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; (12 - 2) mod 11 = 10 -> X
// 1 1 0 1 0 2 1 9 4 5 0 5 0 1 0 0 1 (西城区, 1945-05-01, sequence 001: a man)
//   7+9+0+5+0+8+2+9+24+15+0+45+0+5+0+0+2 = 131; 131 mod 11 = 10; (12 - 10) mod 11 = 2 -> 2
// 1 1 0 1 0 4 2 0 0 0 0 2 2 9 0 0 2 (宣武区, abolished 2010; born 2000-02-29, a leap day)
//   7+9+0+5+0+16+4+0+0+0+0+18+20+45+0+0+4 = 128; 128 mod 11 = 7; (12 - 7) mod 11 = 5 -> 5
// 1 1 0 1 0 4 1 9 0 0 0 2 2 9 0 0 2 (宣武区, "1900-02-29": 1900 is no leap year)
//   7+9+0+5+0+16+2+9+0+0+0+18+20+45+0+0+4 = 135; 135 mod 11 = 3; (12 - 3) mod 11 = 9 -> 9
static_assert(id_check_character("11010519491231002") == 'X');
static_assert(id_check_character("11010219450501001") == '2');
static_assert(id_check_character("11010420000229002") == '5');
static_assert(id_check_character("11010419000229002") == '9');
static_assert(id_check_character("1101021945050100") == '?');  // 16 digits
static_assert(id_check_character("1101021945050100A") == '?'); // not digits
static_assert(id_number::problem("11010519491231002X").empty());
static_assert(id_number::problem("11010519491231002x").empty()); // lower-case x
static_assert(id_number::problem("110102194505010012").empty());
static_assert(id_number::problem("110102450501001").empty()); // 15 digits, before 1999

namespace {
std::string error_of(const char* text) {
  try {
    (void)id_number::parse(text, "persons[p1].id_number");
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::invalid_id_number);
    CHECK(e.field() == "persons[p1].id_number");
    CHECK(e.value() == text);
    return e.what();
  }
  return "no error";
}
} // namespace

TEST_CASE("id_number: the date of birth, the region, the sex and the check character") {
  const id_number a = id_number::parse("11010519491231002x");
  CHECK(a.text() == "11010519491231002X");
  CHECK(a.as_issued() == "11010519491231002X");
  CHECK_FALSE(a.legacy());
  CHECK(a.birth_date() == make_date(1949, 12, 31));
  CHECK(a.region() == region_code::from_number(110105));
  CHECK(a.sex() == sex::female); // digit 17 is 2
  CHECK(a.check_character() == 'X');
  const id_number b = id_number::parse("110102194505010012");
  CHECK(b.birth_date() == make_date(1945, 5, 1));
  CHECK(b.sex() == sex::male); // digit 17 is 1
  CHECK(to_word(b.sex()) == "male");
  CHECK(label_of(b.sex()) == "男");
}

TEST_CASE("id_number: the legacy 15-digit form gives its 18-character form") {
  const id_number n = id_number::parse("110102450501001");
  CHECK(n.legacy());
  CHECK(n.as_issued() == "110102450501001");
  CHECK(n.text() == "110102194505010012"); // 19 inserted, the check character (2, worked above) appended
  CHECK(n.birth_date() == make_date(1945, 5, 1));
  CHECK(n.sex() == sex::male); // the 15th digit
  CHECK(n.region() == region_code::from_number(110102));
  CHECK(n != id_number::parse("110102194505010012")); // the same holder, but not as issued
  CHECK(error_of("11010245050100A") ==
        std::string("[eldercare.invalid_value.111] persons[p1].id_number = "
                    "'11010245050100A': a 15-character ID number is digits only"));
  CHECK_THAT(error_of("110102450230001"),
             Catch::Contains("digits 7-12 (the date of birth, YYMMDD in the 1900s)"));
}

TEST_CASE("id_number: a wrong check character is refused with the one expected") {
  CHECK(error_of("110102194505010013") ==
        "[eldercare.invalid_value.111] persons[p1].id_number = '110102194505010013': "
        "the check character (the 18th) should be 2 (ISO 7064 MOD 11-2 over the "
        "first 17 digits)");
  CHECK_THAT(error_of("110105194912310021"), Catch::Contains("should be X"));
  CHECK_THAT(error_of("11010519491231002Y"), Catch::Contains("should be X"));
  CHECK_THAT(error_of("1101051949123100"), Catch::Contains("expected 18 characters"));
  CHECK_THAT(error_of(""), Catch::Contains("expected 18 characters"));
  CHECK_THAT(error_of("11010519491231X02X"),
             Catch::Contains("the first 17 characters of an ID number are digits"));
}

TEST_CASE("id_number: leap-day births") {
  const id_number leap = id_number::parse("110104200002290025"); // 2000 is a leap year (÷400)
  CHECK(leap.birth_date() == make_date(2000, 2, 29));
  // 1900 is not (÷100, not ÷400): the check character is right (9, worked above), the date is not.
  CHECK(error_of("110104190002290029") ==
        "[eldercare.invalid_value.111] persons[p1].id_number = '110104190002290029': "
        "digits 7-14 (the date of birth, YYYYMMDD) are not a calendar date");
  CHECK_THAT(error_of((std::string("11010419990231002") + id_check_character("11010419990231002")).c_str()),
             Catch::Contains("not a calendar date")); // 31 February
  CHECK_THAT(error_of((std::string("11010419491301001") + id_check_character("11010419491301001")).c_str()),
             Catch::Contains("not a calendar date")); // month 13
}

TEST_CASE("id_number: the region of first registration, abolished or unknown") {
  // 宣武区 110104 was merged into 西城 in 2010; numbers issued there keep it for life.
  const id_number xuanwu = id_number::parse("110104200002290025");
  CHECK(xuanwu.region().value() == 110104);
  CHECK(xuanwu.region().is_legacy());
  // 白下区 320103 (南京, abolished 2013).
  const std::string baixia = std::string("32010319500101003") + id_check_character("32010319500101003");
  CHECK(id_number::parse(baixia).region().value() == 320103);
  // 990102 was never a division code (the check character is right: 6).
  const std::string unknown = std::string("99010219450501001") + id_check_character("99010219450501001");
  CHECK(unknown == "990102194505010016");
  CHECK(error_of(unknown.c_str()) ==
        "[eldercare.invalid_value.111] persons[p1].id_number = '990102194505010016': "
        "digits 1-6 (the region of first registration) are not a division code that any "
        "list since 1980 had");
}

TEST_CASE("birth_date_of: the date given, the number's, or an error naming both") {
  const std::optional<id_number> n = id_number::parse("110102194505010012");
  CHECK(birth_date_of(std::nullopt, n, "b", "i") == make_date(1945, 5, 1));
  CHECK(birth_date_of(make_date(1945, 5, 1), n, "b", "i") == make_date(1945, 5, 1));
  CHECK(birth_date_of(make_date(1950, 1, 1), std::nullopt, "b", "i") == make_date(1950, 1, 1));
  CHECK_THROWS_WITH(
      birth_date_of(make_date(1945, 5, 2), n, "persons[p].birth_date", "persons[p].id_number"),
      "[eldercare.invalid_value.106] persons[p].birth_date = '1945-05-02': disagrees with "
      "persons[p].id_number '110102194505010012', whose date of birth is 1945-05-01: give one of them, or "
      "correct one");
  CHECK_THROWS_WITH(
      birth_date_of(std::nullopt, std::nullopt, "persons[p].birth_date", "persons[p].id_number"),
      Catch::Contains("is required (or an id_number"));
  // validate() checks a person's number against the birth date.
  person p{.id = "p",
           .birth_date = make_date(1945, 5, 2),
           .hukou = {region_code::from_number(110102), std::nullopt},
           .residence = {region_code::from_number(110102), false}};
  p.id_number = n;
  CHECK_THROWS_WITH(
      validate(p),
      Catch::Contains("persons[p].birth_date = '1945-05-02': disagrees with persons[p].id_number"));
  p.birth_date = make_date(1945, 5, 1);
  CHECK_NOTHROW(validate(p));
}

TEST_CASE("id_number::valid_birth_date: a valid number's date of birth without building the number") {
  for (const char* text : {"110102194505010012", "110102450501001"})
    CHECK(id_number::valid_birth_date(text) == id_number::parse(text).birth_date());
  CHECK(id_number::valid_birth_date("110102450501001") == make_date(1945, 5, 1));
  // What parse refuses has none: a wrong check character, 30 February, too short to hold a date.
  CHECK_FALSE(id_number::valid_birth_date("110102194505010013").has_value());
  CHECK_FALSE(id_number::valid_birth_date("110102194502300014").has_value());
  CHECK_FALSE(id_number::valid_birth_date("1101").has_value());
  CHECK_FALSE(id_number::valid_birth_date("").has_value());
}
