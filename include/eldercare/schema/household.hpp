#pragma once
// The facts of a household (eldercare::household): its id and its members. In a table of persons a
// household is the persons sharing a household_id (schema/person.hpp); see schema/field.hpp.

#include <array>       // the fields
#include <string_view> // names

#include "eldercare/schema/field.hpp"

namespace eldercare::schema {

inline constexpr std::array<field_info, 2> household_fields{{
    {.name = "id",
     .column = "id",
     .kind = field_kind::text,
     .doc = "the household's id (a person's household_id)",
     .cpp = "household::id",
     .cpp_type = "std::string",
     .arrow = "string",
     .required = true,
     .error = error_id::invalid_person},
    {.name = "members",
     .column = "members",
     .kind = field_kind::record_list,
     .doc = "the persons of the household",
     .cpp = "household::members",
     .cpp_type = "std::vector<person>",
     .arrow = "list<person>",
     .missing = "empty",
     .default_value = "none",
     .error = error_id::invalid_person,
     .element = "person"},
}};

inline constexpr subject_info household_subject{"household", "eldercare::household",
                                                "A household (户), for benefits paid once per household",
                                                household_fields};

} // namespace eldercare::schema
