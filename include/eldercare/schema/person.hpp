#pragma once
// The facts of a person (eldercare::person), one row each: see schema/field.hpp for what a row
// states. A flat table of persons (pandas, Arrow, CSV, Parquet) has one column per fact below (the
// stays as a list column, or as a table of their own: schema/stay.hpp); the JSON interchange format
// nests the facts by their names (hukou.since is "hukou": {"since": ...}).
//
// Adding a fact: a member of eldercare::person, its column in population_columns (row_input, the
// column, append/store/truncate, to_person), and its row here with its access; the binding, the
// Python package and every format follow (docs/schema.md, "Adding a person fact").

#include <array>       // the fields
#include <cstdint>     // cells
#include <optional>    // optional dates
#include <string_view> // names

#include "eldercare/batch/population_columns.hpp"
#include "eldercare/person/category.hpp"
#include "eldercare/person/health.hpp"
#include "eldercare/person/person.hpp"
#include "eldercare/schema/field.hpp"

namespace eldercare::schema {

namespace detail {
/// An optional date in its flat encoding, and back.
[[nodiscard]] inline std::optional<date> optional_date(std::int64_t day) {
  return day == no_day ? std::nullopt : std::optional<date>(from_day_number(static_cast<day_number>(day)));
}
[[nodiscard]] inline std::int64_t parse_category_index(std::string_view text, std::string_view field) {
  return static_cast<std::int64_t>(parse_category(text, field));
}
[[nodiscard]] inline std::int64_t parse_disability_index(std::string_view text, std::string_view field) {
  return static_cast<std::int64_t>(parse_disability_category(text, field));
}
} // namespace detail

inline constexpr std::array<field_info, 23> person_fields{{
    {.name = "id",
     .column = "id",
     .kind = field_kind::text,
     .doc = "the person's id: unique in a population, quoted in errors and decisions",
     .cpp = "person::id",
     .cpp_type = "std::string",
     .arrow = "string",
     .required = true,
     .error = error_id::invalid_person,
     .aliases = {{spreadsheet_header("编号"), spreadsheet_header("人员编号")}},
     .stored_as = "id",
     .access = {.to_row = [](row_input& r, const cell& v) { r.id = v.text; },
                .of_columns =
                    [](const population_columns& c, std::size_t i) {
                      return cell{0, c.id(i)};
                    },
                .to_person = [](person& p, const cell& v) { p.id.assign(v.text); },
                .of_person =
                    [](const person& p) {
                      return cell{0, p.id};
                    }},
     .fills = row_fields::id},
    {.name = "birth_date",
     .column = "birth_date",
     .kind = field_kind::date,
     .doc = "the date of birth (ages are counted in 周岁 from it)",
     .cpp = "person::birth_date",
     .cpp_type = "date",
     .arrow = "date32",
     .required = true,
     .given_by = {.fact = "id_number", .note = "digits 7-14 of the ID number (7-12 of a 15-digit one)"},
     .error = error_id::invalid_person,
     .aliases = {{spreadsheet_header("出生日期"), spreadsheet_header("出生年月日")}},
     .stored_as = "birth_day",
     .access = {
         .to_row = [](row_input& r, const cell& v) { r.birth_day = static_cast<day_number>(v.number); },
         .of_columns = [](const population_columns& c, std::size_t i) { return cell{c.birth_day()[i]}; },
         .to_person =
             [](person& p, const cell& v) {
               p.birth_date = from_day_number(static_cast<day_number>(v.number));
             },
         .of_person = [](const person& p) { return cell{to_day_number(p.birth_date)}; }},
     .fills = row_fields::birth_date},
    {.name = "hukou.region",
     .column = "hukou_region",
     .kind = field_kind::region,
     .doc = "where the person's hukou (户籍) is registered",
     .cpp = "person::hukou.region",
     .cpp_type = "region_code",
     .arrow = "int64",
     .required = true,
     .given_by = {.fact = "id_number",
                  .option = "hukou_from_id",
                  .note = "digits 1-6 of the ID number, the region where it was first issued: only with the "
                          "option, since it is not necessarily today's hukou"},
     .error = error_id::invalid_region,
     .aliases = {{{.name = "hukou",
                   .in = alias_in::json,
                   .note = "a bare region code: registered there, since unknown"},
                  spreadsheet_header("户籍地"),
                  spreadsheet_header("户籍所在地"),
                  spreadsheet_header("户籍地代码")}},
     .stored_as = "hukou_region",
     .access = {
         .to_row = [](row_input& r, const cell& v) { r.hukou_region = static_cast<std::uint32_t>(v.number); },
         .of_columns = [](const population_columns& c,
                          std::size_t i) { return cell{c.hukou_region()[i].value()}; },
         .to_person =
             [](person& p, const cell& v) {
               p.hukou.region = region_code::from_number(static_cast<std::uint32_t>(v.number));
             },
         .of_person = [](const person& p) { return cell{p.hukou.region.value()}; }},
     .fills = row_fields::hukou},
    {.name = "residence.region",
     .column = "residence_region",
     .kind = field_kind::region,
     .doc = "where the person lives (居住地)",
     .cpp = "person::residence.region",
     .cpp_type = "region_code",
     .arrow = "int64",
     .required = true,
     .error = error_id::invalid_region,
     .aliases =
         {{{.name = "residence", .in = alias_in::json, .note = "a bare region code: lives there, not rural"},
           spreadsheet_header("居住地"),
           spreadsheet_header("现住址"),
           spreadsheet_header("现居住地"),
           spreadsheet_header("居住地代码")}},
     .stored_as = "residence_region",
     .access = {.to_row = [](row_input& r,
                             const cell& v) { r.residence_region = static_cast<std::uint32_t>(v.number); },
                .of_columns = [](const population_columns& c,
                                 std::size_t i) { return cell{c.residence_region()[i].value()}; },
                .to_person =
                    [](person& p, const cell& v) {
                      p.residence.region = region_code::from_number(static_cast<std::uint32_t>(v.number));
                    },
                .of_person = [](const person& p) { return cell{p.residence.region.value()}; }},
     .fills = row_fields::residence},
    {.name = "hukou.since",
     .column = "hukou_since",
     .kind = field_kind::date,
     .doc = "since when the hukou is registered there",
     .cpp = "person::hukou.since",
     .cpp_type = "std::optional<date>",
     .arrow = "date32",
     .missing = "null",
     .default_value = "unknown (so are many old records)",
     .error = error_id::invalid_date,
     .aliases = {{spreadsheet_header("户籍迁入日期"), spreadsheet_header("落户日期")}},
     .stored_as = "hukou_since",
     .access = {
         .to_row = [](row_input& r, const cell& v) { r.hukou_since = static_cast<day_number>(v.number); },
         .of_columns = [](const population_columns& c, std::size_t i) { return cell{c.hukou_since()[i]}; },
         .to_person = [](person& p, const cell& v) { p.hukou.since = detail::optional_date(v.number); },
         .of_person = [](const person& p) { return cell{to_day_number(p.hukou.since)}; }},
     .fills = row_fields::hukou},
    {.name = "residence.rural",
     .column = "residence_rural",
     .kind = field_kind::flag,
     .doc = "lives in a village (村委会), decided by where one lives, never by hukou type",
     .cpp = "person::residence.rural",
     .cpp_type = "bool",
     .arrow = "bool",
     .missing = "null is refused",
     .default_value = "false",
     .aliases = {{{.name = "rural", .in = alias_in::column, .note = "the column's name before the schema"},
                  {.name = "是否农村",
                   .in = alias_in::header,
                   .note = "a column header of civil-affairs spreadsheets (是/否)"}}},
     .stored_as = "residence_rural",
     .access = {.to_row = [](row_input& r, const cell& v) { r.residence_rural = v.number != 0; },
                .of_columns = [](const population_columns& c,
                                 std::size_t i) { return cell{c.residence_rural()[i]}; },
                .to_person = [](person& p, const cell& v) { p.residence.rural = v.number != 0; },
                .of_person = [](const person& p) { return cell{p.residence.rural ? 1 : 0}; }},
     .fills = row_fields::rural},
    {.name = "ability.level",
     .column = "ability_level",
     .kind = field_kind::integer,
     .doc = "the latest ability assessment's level on GB/T 42195-2022, 0 (能力完好) to 4 (完全失能)",
     .cpp = "person::ability->level()",
     .cpp_type = "ability_level",
     .arrow = "int64",
     .missing = "null",
     .default_value = "no assessment on file",
     .error = error_id::invalid_ability,
     .min = 0,
     .max = 4,
     .aliases =
         {{{.name = "ability_level",
            .in = alias_in::json,
            .note = "the short form: a level without the object, assessed on ability_assessed_on or else "
                    "on the birth date"},
           {.name = "能力等级",
            .in = alias_in::header,
            .note = "a column header of civil-affairs spreadsheets (0-4, or the level's Chinese label)"},
           {.name = "老年人能力等级",
            .in = alias_in::header,
            .note = "a column header of civil-affairs spreadsheets (0-4, or the level's Chinese label)"}}},
     .part_of = "ability",
     .stored_as = "ability_level",
     .access = {
         .to_row = [](row_input& r, const cell& v) { r.ability_level = static_cast<std::int8_t>(v.number); },
         .of_columns = [](const population_columns& c, std::size_t i) { return cell{c.ability_level()[i]}; }},
     .fills = row_fields::ability},
    {.name = "ability.assessed_on",
     .column = "ability_assessed_on",
     .kind = field_kind::date,
     .doc = "the day of that assessment",
     .cpp = "person::ability->assessed_on()",
     .cpp_type = "date",
     .arrow = "date32",
     .missing = "null",
     .default_value = "in columns and the JSON short form, the birth date (the level holds on every date); "
                      "required in the JSON object",
     .error = error_id::invalid_ability,
     .aliases = {{{.name = "ability_assessed_on", .in = alias_in::json, .note = "the short form's date"},
                  spreadsheet_header("评估日期")}},
     .part_of = "ability",
     .stored_as = "ability_assessed_on",
     .access = {.to_row = [](row_input& r,
                             const cell& v) { r.ability_assessed_on = static_cast<day_number>(v.number); },
                .of_columns = [](const population_columns& c,
                                 std::size_t i) { return cell{c.ability_assessed_on()[i]}; }},
     .fills = row_fields::ability},
    {.name = "ability.scale",
     .column = "ability_scale",
     .kind = field_kind::word,
     .doc = "the scale the assessment was made on (its level is converted onto GB/T 42195)",
     .cpp = "person::ability->scale()",
     .cpp_type = "ability_scale",
     .arrow = "string",
     .missing = "null",
     .default_value = "gbt_42195_2022",
     .error = error_id::invalid_ability,
     .words = words_of<ability_scale>(),
     .part_of = "ability",
     .stored_as = "ability_scale",
     .access = {.to_row =
                    [](row_input& r, const cell& v) {
                      r.ability_scale = static_cast<std::uint8_t>(v.number < 0 ? 0 : v.number);
                    },
                .of_columns =
                    [](const population_columns& c, std::size_t i) {
                      return cell{c.ability_level()[i] < 0 ? -1 : std::int64_t{c.ability_scale()[i]}};
                    }},
     .fills = row_fields::ability},
    {.name = "ability.valid_until",
     .column = "ability_valid_until",
     .kind = field_kind::date,
     .doc = "the last day the assessment holds (the library never invents a validity period)",
     .cpp = "person::ability->valid_until()",
     .cpp_type = "std::optional<date>",
     .arrow = "date32",
     .missing = "null",
     .default_value = "no end",
     .error = error_id::invalid_ability,
     .part_of = "ability",
     .stored_as = "ability_valid_until",
     .access = {.to_row = [](row_input& r,
                             const cell& v) { r.ability_valid_until = static_cast<day_number>(v.number); },
                .of_columns = [](const population_columns& c,
                                 std::size_t i) { return cell{c.ability_valid_until()[i]}; }},
     .fills = row_fields::ability},
    {.name = "ability.raw_score",
     .column = "ability_raw_score",
     .kind = field_kind::integer,
     .doc = "the assessment's raw score, checked against its scale's range",
     .cpp = "person::ability->raw_score()",
     .cpp_type = "std::optional<int>",
     .arrow = "int64",
     .missing = "null",
     .default_value = "none",
     .error = error_id::invalid_ability,
     .min = 0,
     .max = 1000,
     .aliases =
         {{{.name = "ability_raw", .in = alias_in::column, .note = "the column's name before the schema"}}},
     .part_of = "ability",
     .stored_as = "ability_raw",
     .access = {
         .to_row = [](row_input& r, const cell& v) { r.ability_raw = static_cast<std::int32_t>(v.number); },
         .of_columns = [](const population_columns& c, std::size_t i) { return cell{c.ability_raw()[i]}; }},
     .fills = row_fields::ability},
    {.name = "ability.local_scale_id",
     .column = "ability_local_scale_id",
     .kind = field_kind::text,
     .doc = "the name of a local scale (required for scale local, refused for the others)",
     .cpp = "person::ability->local_scale_id()",
     .cpp_type = "std::string",
     .arrow = "string",
     .missing = "null",
     .default_value = "none",
     .error = error_id::invalid_ability,
     .aliases = {{{.name = "ability_local_scale",
                   .in = alias_in::column,
                   .note = "the column's name before the schema"}}},
     .part_of = "ability",
     .stored_as = "ability_local_scale",
     .access = {.to_row = [](row_input& r, const cell& v) { r.ability_local_scale = v.text; },
                .of_columns =
                    [](const population_columns& c, std::size_t i) {
                      return cell{0, c.local_scale_names()[c.ability_local_scale()[i]]};
                    }},
     .fills = row_fields::ability},
    {.name = "disability.category",
     .column = "disability_category",
     .kind = field_kind::word,
     .doc = "the category on the disability certificate (残疾人证); the Chinese label is accepted",
     .cpp = "person::disability->category()",
     .cpp_type = "disability_category",
     .arrow = "string",
     .missing = "null",
     .default_value = "no certificate",
     .error = error_id::invalid_category,
     .words = words_of<disability_category>(&detail::parse_disability_index),
     .aliases = {{spreadsheet_header("残疾类别")}},
     .part_of = "disability",
     .stored_as = "disability_category",
     .access = {.to_row = [](row_input& r,
                             const cell& v) { r.disability_category = static_cast<std::int8_t>(v.number); },
                .of_columns = [](const population_columns& c,
                                 std::size_t i) { return cell{c.disability_category()[i]}; }},
     .fills = row_fields::disability},
    {.name = "disability.grade",
     .column = "disability_grade",
     .kind = field_kind::integer,
     .doc = "the certificate's grade, 1 (一级, the most severe) to 4",
     .cpp = "person::disability->grade()",
     .cpp_type = "disability_grade",
     .arrow = "int64",
     .missing = "null",
     .default_value = "no certificate (a grade needs a category)",
     .error = error_id::invalid_ability,
     .min = 1,
     .max = 4,
     .aliases = {{spreadsheet_header("残疾等级")}},
     .part_of = "disability",
     .stored_as = "disability_grade",
     .access = {.to_row =
                    [](row_input& r, const cell& v) {
                      r.disability_grade = static_cast<std::int8_t>(v.number < 0 ? 0 : v.number);
                    },
                .of_columns =
                    [](const population_columns& c, std::size_t i) {
                      return cell{c.disability_category()[i] < 0 ? -1
                                                                 : std::int64_t{c.disability_grade()[i]}};
                    }},
     .fills = row_fields::disability},
    {.name = "disability.components",
     .column = "disability_components",
     .kind = field_kind::record_list,
     .doc = "the parts of a 多重 (multiple) certificate; in a column as text, \"visual:1,hearing:2\"",
     .cpp = "person::disability->components()",
     .cpp_type = "std::vector<disability_entry>",
     .arrow = "string",
     .missing = "null",
     .default_value = "none",
     .error = error_id::invalid_category,
     .part_of = "disability",
     .stored_as = "disability_component_offsets,disability_component_category,disability_component_grade",
     .element = "disability_component",
     .fills = row_fields::disability},
    {.name = "categories",
     .column = "categories",
     .kind = field_kind::word_set,
     .doc = "the social-assistance and family categories the person holds (低保, 特困, 空巢 ...)",
     .cpp = "person::categories",
     .cpp_type = "category_set",
     .arrow = "int64",
     .missing = "null or empty",
     .default_value = "none",
     .error = error_id::invalid_category,
     .words = words_of<category>(&detail::parse_category_index),
     .aliases = {{{.name = "救助类别",
                   .in = alias_in::header,
                   .note = "a column header of civil-affairs spreadsheets (words or Chinese labels, "
                           "separated by , 、 or ，)"},
                  {.name = "困难类别",
                   .in = alias_in::header,
                   .note = "a column header of civil-affairs spreadsheets (words or Chinese labels, "
                           "separated by , 、 or ，)"}}},
     .stored_as = "categories",
     .access = {
         .to_row = [](row_input& r, const cell& v) { r.categories = static_cast<std::uint32_t>(v.number); },
         .of_columns = [](const population_columns& c, std::size_t i) { return cell{c.categories()[i]}; },
         .to_person =
             [](person& p, const cell& v) {
               p.categories = category_set::from_bits(static_cast<std::uint32_t>(v.number));
             },
         .of_person = [](const person& p) { return cell{p.categories.bits()}; }},
     .fills = row_fields::categories},
    {.name = "health",
     .column = "health",
     .kind = field_kind::word_set,
     .doc = "the health conditions some rules exclude (严重精神障碍, 法定传染病)",
     .cpp = "person::health",
     .cpp_type = "health_status",
     .arrow = "int64",
     .missing = "null or empty",
     .default_value = "none",
     .error = error_id::invalid_person,
     .words = words_of<health_condition>(),
     .aliases = {{{.name = "conditions",
                   .in = alias_in::json,
                   .note = "the JSON key before the schema, as {\"mental_illness\": false, "
                           "\"infectious_disease\": false}"},
                  {.name = "mental_illness",
                   .in = alias_in::column,
                   .word = "mental_illness",
                   .note = "a true/false column per condition, the columns before the schema"},
                  {.name = "infectious_disease",
                   .in = alias_in::column,
                   .word = "infectious_disease",
                   .note = "a true/false column per condition, the columns before the schema"}}},
     .stored_as = "health",
     .access = {.to_row = [](row_input& r, const cell& v) { r.health = static_cast<std::uint8_t>(v.number); },
                .of_columns = [](const population_columns& c, std::size_t i) { return cell{c.health()[i]}; },
                .to_person =
                    [](person& p, const cell& v) {
                      p.health = health_status::from_bits(static_cast<std::uint32_t>(v.number));
                    },
                .of_person = [](const person& p) { return cell{p.health.bits()}; }},
     .fills = row_fields::health},
    {.name = "stays",
     .column = "stays",
     .kind = field_kind::record_list,
     .doc = "stays (入住) in facilities, in any order, not overlapping; or a separate stays table",
     .cpp = "person::stays",
     .cpp_type = "std::vector<stay>",
     .arrow = "list<struct<facility: string, admitted: date32, discharged: date32>>",
     .missing = "null or empty",
     .default_value = "none",
     .error = error_id::invalid_stay,
     .stored_as = "stay_offsets,stay_facility,stay_admitted,stay_discharged",
     .element = "stay",
     .fills = row_fields::stays},
    {.name = "household_id",
     .column = "household_id",
     .kind = field_kind::text,
     .doc = "the household (户), for benefits paid once per household",
     .cpp = "person::household_id",
     .cpp_type = "std::string",
     .arrow = "string",
     .missing = "null or empty",
     .default_value = "none: a household of one",
     .error = error_id::invalid_person,
     .aliases = {{spreadsheet_header("户编号"), spreadsheet_header("家庭编号")}},
     .stored_as = "household_id",
     .access = {.to_row = [](row_input& r, const cell& v) { r.household_id = v.text; },
                .of_columns =
                    [](const population_columns& c, std::size_t i) {
                      return cell{0, c.household_id(i)};
                    },
                .to_person = [](person& p, const cell& v) { p.household_id.assign(v.text); },
                .of_person =
                    [](const person& p) {
                      return cell{0, p.household_id};
                    }},
     .fills = row_fields::household},
    {.name = "programmes",
     .column = "programmes",
     .kind = field_kind::text_list,
     .doc = "programmes the person is enrolled in, by id (e.g. weihai.virtual_platform)",
     .cpp = "person::programmes",
     .cpp_type = "std::vector<std::string>",
     .arrow = "string",
     .missing = "null or empty",
     .default_value = "none",
     .error = error_id::invalid_parameter,
     .stored_as = "programme_offsets,programme_entries",
     .fills = row_fields::programmes},
    {.name = "id_number",
     .column = "id_number",
     .kind = field_kind::text,
     .doc = "the resident ID number (公民身份号码, GB 11643-1999: 18 characters, or the 15 digits of before "
            "1999); "
            "it gives the date of birth and, with hukou_from_id, the hukou region",
     .cpp = "person::id_number",
     .cpp_type = "std::optional<id_number>",
     .arrow = "string",
     .missing = "null or empty",
     .default_value = "none (then birth_date is required)",
     .error = error_id::invalid_id_number,
     .aliases = {{spreadsheet_header("身份证号"), spreadsheet_header("身份证号码"),
                  spreadsheet_header("公民身份号码"), spreadsheet_header("证件号码")}},
     .stored_as = "id_number",
     .access = {
         .to_row = [](row_input& r, const cell& v) { r.id_number = v.text; },
         .of_columns =
             [](const population_columns& c, std::size_t i) {
               return cell{0, c.id_number(i)};
             },
         .to_person =
             [](person& p, const cell& v) {
               if (v.text.empty()) p.id_number.reset();
               else
                 p.id_number = id_number::parse(v.text, "id_number");
             },
         .of_person =
             [](const person& p) {
               return cell{0, p.id_number ? std::string_view(p.id_number->as_issued()) : std::string_view()};
             }},
     .check = [](const cell& v) { return v.text.empty() ? std::string_view() : id_number::problem(v.text); }},
    {.name = "weight",
     .column = "weight",
     .kind = field_kind::fixed_point,
     .doc = "survey microdata: how many persons the row represents, at least 0, kept to 6 decimals (rounded "
            "half to "
            "even when read); totals are given weighted beside unweighted",
     .cpp = "person::weight",
     .cpp_type = "std::optional<survey_weight>",
     .arrow = "float64",
     .missing = "null is refused in a weight column; a record without the fact weighs 1",
     .default_value = "1",
     .error = error_id::invalid_weight,
     .aliases = {{spreadsheet_header("权重"), spreadsheet_header("样本权重")}},
     .stored_as = "weight",
     .access = {
         .to_row = [](row_input& r, const cell& v) { r.weight = v.number; },
         .of_columns = [](const population_columns& c, std::size_t i) { return cell{c.weight_micros()[i]}; },
         .to_person =
             [](person& p, const cell& v) {
               if (v.number < 0) p.weight.reset();
               else
                 p.weight = survey_weight::from_micros(v.number);
             },
         .of_person = [](const person& p) { return cell{p.weight ? p.weight->micros() : -1}; }}},
    // [start:died_on]
    {.name = "died_on",
     .column = "died_on",
     .kind = field_kind::date,
     .doc = "the date of death (死亡日期), when the records hold one; the `alive` condition reads it",
     .cpp = "person::died_on",
     .cpp_type = "std::optional<date>",
     .arrow = "date32",
     .missing = "null",
     .default_value = "none: alive, or not recorded",
     .error = error_id::invalid_date,
     .stored_as = "died_on",
     .access = {.to_row = [](row_input& r, const cell& v) { r.died_on = static_cast<day_number>(v.number); },
                .of_columns = [](const population_columns& c, std::size_t i) { return cell{c.died_on()[i]}; },
                .to_person = [](person& p, const cell& v) { p.died_on = detail::optional_date(v.number); },
                .of_person = [](const person& p) { return cell{to_day_number(p.died_on)}; }},
     .fills = row_fields::death},
    // [end:died_on]
}};

/// The subject's description.
inline constexpr subject_info person_subject{"person", "eldercare::person",
                                             "A person: the facts eldercare's rules read", person_fields};

/// The parts of a 多重 certificate (person field disability.components).
inline constexpr std::array<field_info, 2> disability_component_fields{{
    {.name = "category",
     .column = "category",
     .kind = field_kind::word,
     .doc = "the component's disability category (not multiple)",
     .cpp = "disability_entry::category",
     .cpp_type = "disability_category",
     .arrow = "string",
     .required = true,
     .error = error_id::invalid_category,
     .words = words_of<disability_category>(&detail::parse_disability_index)},
    {.name = "grade",
     .column = "grade",
     .kind = field_kind::integer,
     .doc = "the component's grade, 1 (most severe) to 4",
     .cpp = "disability_entry::grade",
     .cpp_type = "disability_grade",
     .arrow = "int64",
     .required = true,
     .error = error_id::invalid_ability,
     .min = 1,
     .max = 4},
}};

inline constexpr subject_info disability_component_subject{
    "disability_component", "eldercare::disability_entry", "One part of a 多重 disability certificate",
    disability_component_fields};

} // namespace eldercare::schema
