#pragma once
// Shared by the binding translation units: the register_*() entry points that module.cpp calls, the
// datetime.date <-> boost::gregorian::date caster, and converters from loosely typed Python values
// (a date as datetime.date or ISO text, a region as text or a number, an option as a word) that name
// the caller's field in their errors.

#include <pybind11/pybind11.h> // the binding API
#include <pybind11/stl.h>      // std::vector / std::optional / std::string conversions

#include <datetime.h> // CPython's datetime C API: PyDate_Check, PyDate_FromDate

#include <array>       // word tables for enum options
#include <cstdint>     // std::uint32_t region numbers
#include <limits>      // range checks on Python ints
#include <string>      // field paths, messages
#include <string_view> // words
#include <utility>     // std::pair in word tables

// The engine's headers, not the umbrella: the catalog's headers are added by catalog_common.hpp in
// the translation units that bind it.
#include "eldercare/ability/ability_level.hpp"
#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/disability_certificate.hpp"
#include "eldercare/calendar/age.hpp"
#include "eldercare/calendar/date.hpp"
#include "eldercare/calendar/month_arithmetic.hpp"
#include "eldercare/calendar/period.hpp"
#include "eldercare/core/error.hpp"
#include "eldercare/facility/facility.hpp"
#include "eldercare/facility/facility_criteria.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/facility/filing.hpp"
#include "eldercare/household/household.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/person/category.hpp"
#include "eldercare/person/person.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/region/region_code.hpp"
#include "eldercare/region/region_set.hpp"
#include "eldercare/region/region_table.hpp"
#include "eldercare/rules/aliases.hpp"
#include "eldercare/rules/any_condition.hpp"
#include "eldercare/rules/benefit.hpp"
#include "eldercare/rules/citation.hpp"
#include "eldercare/rules/conditions/ability.hpp"
#include "eldercare/rules/conditions/age.hpp"
#include "eldercare/rules/conditions/age_by_year.hpp"
#include "eldercare/rules/conditions/always.hpp"
#include "eldercare/rules/conditions/category.hpp"
#include "eldercare/rules/conditions/health.hpp"
#include "eldercare/rules/conditions/programme.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/rules/conditions/self_care.hpp"
#include "eldercare/rules/conditions/stay.hpp"
#include "eldercare/rules/decision.hpp"
#include "eldercare/rules/explain.hpp"
#include "eldercare/rules/parameter.hpp"
#include "eldercare/rules/policy.hpp"
#include "eldercare/rules/rule.hpp"
#include "eldercare/rules/schedule.hpp"
#include "eldercare/rules/stacking.hpp"
#include "eldercare/rules/trace.hpp"

namespace eldercare_py {

namespace py = pybind11;
using eldercare::literal; // a value shown as written in an error (a repr): eldercare/core/error.hpp

void register_errors(py::module_& m);
void register_calendar(py::module_& m);
void register_schema(py::module_& m);
void register_values(py::module_& m);
void register_rules(py::module_& m);
void register_catalog(py::module_& m);
void register_validation(py::module_& m);
void register_batch(py::module_& m);

/// A Python value of the wrong type for a field (a datetime where a date is wanted, a float where a
/// region code is), with its own id (error_id::invalid_type) and the value's repr, unquoted (a repr
/// brings its own quotes: "age_at_least.years = '60': expected a whole number (int)"). Translated to
/// eldercare.InvalidType, which is both a TypeError and an eldercare.InvalidValue (so a ValueError).
class invalid_type : public eldercare::invalid_value {
public:
  invalid_type(std::string_view field, std::string repr, std::string_view expected)
      : eldercare::invalid_value(eldercare::error_id::invalid_type, field,
                                 eldercare::literal{std::move(repr)}, expected) {}
  /// `e` under another field name (invalid_value::renamed keeps its type).
  explicit invalid_type(eldercare::invalid_value e) : eldercare::invalid_value(std::move(e)) {}
};

/// The text of an invalid_value without its "[id] field = 'value': " prefix.
inline std::string why_of(const eldercare::invalid_value& e) { return e.why(); }

/// Runs `f`; an invalid_value whose field is `from` or starts with `from.` is re-raised with that
/// part replaced by `to` ("assessment.valid_until" -> "persons[p1].ability.valid_until"), so errors
/// name the path the caller wrote. Other fields, and an empty `to`, pass through unchanged.
template <class F>
auto requalified(std::string_view from, const std::string& to, F&& f) -> decltype(f()) {
  auto rename = [&](const std::string& field) {
    if (to.empty()) return field;
    if (field == from) return to;
    if (field.size() > from.size() && field.compare(0, from.size(), from) == 0 && field[from.size()] == '.')
      return to + field.substr(from.size());
    return field;
  };
  try {
    return f();
  } catch (const invalid_type& e) {
    throw invalid_type(e.renamed(rename(e.field())));
  } catch (const eldercare::invalid_value& e) {
    const std::string field = rename(e.field());
    if (field == e.field()) throw;
    throw e.renamed(field);
  }
}

/// repr(obj) for messages (invalid_value shortens it: eldercare::shown_value). Never throws: a
/// repr that fails, or that holds text without a UTF-8 form, is replaced or escaped.
inline std::string repr_of(py::handle obj) {
  PyObject* r = PyObject_Repr(obj.ptr());
  if (!r) {
    PyErr_Clear();
    return std::string("<") + Py_TYPE(obj.ptr())->tp_name + " object>";
  }
  const auto keep = py::reinterpret_steal<py::object>(r);
  PyObject* bytes = PyUnicode_AsEncodedString(r, "utf-8", "backslashreplace");
  if (!bytes) {
    PyErr_Clear();
    return std::string("<") + Py_TYPE(obj.ptr())->tp_name + " object>";
  }
  const auto owned = py::reinterpret_steal<py::object>(bytes);
  return std::string(PyBytes_AS_STRING(bytes), static_cast<std::size_t>(PyBytes_GET_SIZE(bytes)));
}

/// The UTF-8 form of a Python str, viewed in place (it lives as long as the str), or invalid_value
/// naming `field` and the value: a lone surrogate ("\ud800", which Python and JSON text allow) has no
/// UTF-8 form.
inline std::string_view utf8_of(py::handle text, std::string_view field,
                                eldercare::error_id id = eldercare::error_id::invalid_parameter) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (!data) {
    PyErr_Clear();
    throw eldercare::invalid_value(
        id, field, literal{repr_of(text)},
        "is not valid text: it holds a lone surrogate (such as \\ud800), which has no "
        "UTF-8 form");
  }
  return {data, static_cast<std::size_t>(size)};
}

inline void ensure_datetime_api() {
  if (PyDateTimeAPI == nullptr) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw py::error_already_set();
  }
}

/// A date from a datetime.date or an ISO 8601 "YYYY-MM-DD" string. A datetime.datetime is refused
/// (eldercare works in whole days; silently dropping a time of day hides mistakes), as is any other
/// type. Years outside 1800-2400 and impossible dates (2023-02-30) raise invalid_value naming `field`.
inline eldercare::date to_date(py::handle obj, std::string_view field) {
  ensure_datetime_api();
  PyObject* p = obj.ptr();
  if (PyDateTime_Check(p))
    throw invalid_type(field, repr_of(obj), "a datetime.datetime is not a calendar date: pass value.date()");
  if (PyDate_Check(p))
    return eldercare::make_date(PyDateTime_GET_YEAR(p), PyDateTime_GET_MONTH(p), PyDateTime_GET_DAY(p),
                                field);
  if (PyUnicode_Check(p))
    return eldercare::parse_date(utf8_of(obj, field, eldercare::error_id::invalid_date), field);
  throw invalid_type(field, repr_of(obj), "expected a datetime.date or an ISO 8601 date string 'YYYY-MM-DD'");
}

/// As to_date, with None meaning "no date".
inline std::optional<eldercare::date> to_optional_date(py::handle obj, std::string_view field) {
  if (obj.is_none()) return std::nullopt;
  return to_date(obj, field);
}

/// A region code from a _core.region_code, a string of 6 or 9 digits, or an int.
inline eldercare::region_code to_region(py::handle obj, std::string_view field) {
  if (py::isinstance<eldercare::region_code>(obj)) return obj.cast<eldercare::region_code>();
  PyObject* p = obj.ptr();
  if (PyUnicode_Check(p))
    return eldercare::region_code::parse(utf8_of(obj, field, eldercare::error_id::invalid_region), field);
  if (!PyBool_Check(p) && PyIndex_Check(p)) {
    const auto number = py::reinterpret_steal<py::object>(PyNumber_Index(p));
    if (!number) throw py::error_already_set();
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
    if (overflow == 0 && v >= 0 && v <= static_cast<long long>(std::numeric_limits<std::uint32_t>::max()))
      return eldercare::region_code::from_number(static_cast<std::uint32_t>(v), field);
    throw eldercare::invalid_value(eldercare::error_id::invalid_region, field,
                                   py::str(number).cast<std::string>(),
                                   "expected a division code of 6 digits (e.g. 110102) or a 9-digit "
                                   "township code (e.g. 610112008)");
  }
  throw invalid_type(field, repr_of(obj),
                     "expected a region code: a string of 6 or 9 digits, an int, or a RegionCode");
}

} // namespace eldercare_py

namespace pybind11::detail {

/// boost::gregorian::date <-> datetime.date. Loading accepts a datetime.date only (not a datetime,
/// not text: functions that take text or want a named field in errors take py::object and call
/// eldercare_py::to_date). A special value (not-a-date) becomes None.
template <>
struct type_caster<boost::gregorian::date> {
  PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

  bool load(handle src, bool) {
    eldercare_py::ensure_datetime_api();
    if (!src || !PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
    value = eldercare_py::to_date(src, "date");
    return true;
  }

  static handle cast(const boost::gregorian::date& d, return_value_policy, handle) {
    if (d.is_special()) return none().release();
    eldercare_py::ensure_datetime_api();
    return PyDate_FromDate(static_cast<int>(d.year()), static_cast<int>(d.month()),
                           static_cast<int>(d.day()));
  }
};

} // namespace pybind11::detail
