#pragma once
// The facts of a stay (eldercare::stay), the elements of a person's `stays`: in JSON a list of
// objects, in a table a list column of structs or a table of its own whose `person_id` column names
// each stay's person (see schema/field.hpp); in a spreadsheet of persons, one stay per row under
// the headers below (机构, 入住日期, 离院日期).

#include <array>       // the fields
#include <string_view> // names

#include "eldercare/schema/field.hpp"

namespace eldercare::schema {

/// A stay's column header in a persons sheet (one stay per row): a spreadsheet header with its note.
[[nodiscard]] constexpr field_alias stay_sheet_header(std::string_view name) noexcept {
  return {.name = name,
          .in = alias_in::header,
          .note = "a column header of civil-affairs spreadsheets (one stay per row of a persons sheet)"};
}

inline constexpr std::array<field_info, 3> stay_fields{{
    {.name = "facility",
     .column = "facility",
     .kind = field_kind::text,
     .doc = "the facility's id (a facility of the registry, when one is given)",
     .cpp = "stay::facility_id()",
     .cpp_type = "std::string",
     .arrow = "string",
     .required = true,
     .error = error_id::invalid_stay,
     .aliases = {{stay_sheet_header("机构"), stay_sheet_header("入住机构"), stay_sheet_header("养老机构"),
                  stay_sheet_header("机构名称")}}},
    {.name = "admitted",
     .column = "admitted",
     .kind = field_kind::date,
     .doc = "the day of admission (入住), not before the birth date",
     .cpp = "stay::admitted()",
     .cpp_type = "date",
     .arrow = "date32",
     .required = true,
     .error = error_id::invalid_stay,
     .aliases = {{stay_sheet_header("入住日期"), stay_sheet_header("入住时间")}}},
    {.name = "discharged",
     .column = "discharged",
     .kind = field_kind::date,
     .doc = "the day of discharge, not before the admission",
     .cpp = "stay::discharged()",
     .cpp_type = "std::optional<date>",
     .arrow = "date32",
     .missing = "null",
     .default_value = "ongoing",
     .error = error_id::invalid_stay,
     .aliases = {{stay_sheet_header("离院日期"), stay_sheet_header("出院日期"),
                  stay_sheet_header("退住日期")}}},
}};

inline constexpr subject_info stay_subject{"stay", "eldercare::stay", "A stay (入住) in a facility",
                                           stay_fields, "person_id"};

} // namespace eldercare::schema
