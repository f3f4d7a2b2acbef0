// Compile-only: resident ID numbers and survey weights are strong types, and the check of an ID
// number runs at compile time.
#include <concepts>    // std::constructible_from, std::convertible_to
#include <string>      // a number's text
#include <string_view> // a number's text

#include "eldercare/person/id_number.hpp"
#include "eldercare/person/survey_weight.hpp"
#include "eldercare/schema.hpp"

using namespace eldercare;

// An ID number is made only by parse(): never from text, a number or nothing.
static_assert(!std::constructible_from<id_number, std::string>,
              "an id_number is parsed, not constructed from text");
static_assert(!std::constructible_from<id_number, long long>, "an id_number is never an integer");
static_assert(!std::default_initializable<id_number>, "an id_number is always a checked number");
static_assert(!std::convertible_to<id_number, std::string>, "an id_number is not text");
// A weight is not a double, and a double is not a weight: weights are read through of() or parse().
static_assert(!std::convertible_to<double, survey_weight>, "no implicit weight from a double");
static_assert(!std::convertible_to<survey_weight, double>, "no implicit double from a weight");
static_assert(!std::constructible_from<survey_weight, double>, "a weight from a number is rounded by of()");
static_assert(!std::convertible_to<weighted_sum, std::int64_t>,
              "an exact sum is rounded by rounded(), when shown");

// The check, at compile time (worked by hand in tests/cpp/person_id_number_test.cpp).
static_assert(id_check_character("11010219450501001") == '2');
static_assert(id_number::problem("110102194505010012").empty());
static_assert(!id_number::problem("110102194505010013").empty(), "a wrong check character");
static_assert(!id_number::problem("110104190002290029").empty(), "1900-02-29 is no date");
static_assert(id_number::problem("110104200002290025").empty(), "2000-02-29 is one");

// The schema: the new facts, what they fill, and who gives the birth date.
static_assert(schema::find_field(schema::person_fields, "id_number")->kind == schema::field_kind::text);
static_assert(schema::find_field(schema::person_fields, "weight")->kind == schema::field_kind::fixed_point);
static_assert(schema::find_field(schema::person_fields, "birth_date")->given_by.fact == "id_number");
static_assert(schema::find_field(schema::person_fields, "hukou.region")->given_by.option == "hukou_from_id");
static_assert(schema::find_field(schema::person_fields, "residence.rural")->fills == row_fields::rural);
static_assert(schema::find_field(schema::person_fields, "stays")->fills == row_fields::stays);
