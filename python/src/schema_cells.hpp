#pragma once
// The schema (eldercare/schema.hpp) in the binding: a fact's value in its flat encoding (a
// schema::cell) to and from a Python value, by the fact's kind. What the kinds mean is the
// schema's; this only converts.
#include "common.hpp"

#include <eldercare/schema.hpp>

#include <string> // field paths, a weight's text

namespace eldercare_py::schema_cells {

using eldercare::schema::cell;
using eldercare::schema::field_info;
using eldercare::schema::field_kind;

/// A survey weight from a Python number (int: whole persons; float: rounded to the millionth, half
/// to even) or decimal text; a bool, NaN, an infinity or a negative number is refused naming `field`.
inline eldercare::survey_weight weight_of(py::handle value, const std::string& field) {
  using namespace eldercare;
  if (PyBool_Check(value.ptr())) throw invalid_type(field, repr_of(value), "expected a number of persons");
  if (PyLong_Check(value.ptr())) {
    const py::int_ v = py::reinterpret_borrow<py::int_>(value);
    if (v < py::int_(0) || v > py::int_(1'000'000'000))
      return survey_weight::parse(py::str(value).cast<std::string>(), field); // its error
    return survey_weight::from_micros(v.cast<std::int64_t>() * survey_weight::scale, field);
  }
  if (PyFloat_Check(value.ptr())) return survey_weight::of(PyFloat_AS_DOUBLE(value.ptr()), field);
  if (py::isinstance<py::str>(value))
    return survey_weight::parse(utf8_of(value, field, error_id::invalid_weight), field);
  if (PyIndex_Check(value.ptr()))
    return weight_of(py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr())), field);
  if (py::type::handle_of(value).attr("__name__").cast<std::string>() == "Decimal") // exact, as its text
    return survey_weight::parse(py::str(value).cast<std::string>(), field);
  if (py::hasattr(value, "__float__")) { // numpy floats ...; not a numpy datetime64, whose __float__ refuses
    const py::object as_float = py::reinterpret_steal<py::object>(PyNumber_Float(value.ptr()));
    if (as_float) return survey_weight::of(PyFloat_AS_DOUBLE(as_float.ptr()), field);
    PyErr_Clear();
  }
  throw invalid_type(field, repr_of(value), "expected a number of persons");
}

/// The cell of a Python value for fact `f` by its kind, named `field` in errors (the value has
/// already the type its kind asks for, or it is refused here). `text` keeps text cells' strings alive.
inline cell decode(const field_info& f, py::handle value, const std::string& field, std::string& text) {
  using namespace eldercare;
  switch (f.kind) {
  case field_kind::text:
    if (value.is_none()) return {};
    if (!py::isinstance<py::str>(value)) throw invalid_type(field, repr_of(value), "expected text");
    text = utf8_of(value, field, f.error);
    return {0, text};
  case field_kind::date:
    if (f.required) return {to_day_number(to_date(value, field))};
    return {to_day_number(to_optional_date(value, field))};
  case field_kind::region: return {to_region(value, field).value()};
  case field_kind::flag:
    if (!PyBool_Check(value.ptr())) throw invalid_type(field, repr_of(value), "expected True or False");
    return {value.ptr() == Py_True ? 1 : 0};
  case field_kind::integer: {
    if (value.is_none()) return {-1};
    if (PyBool_Check(value.ptr()) || !PyLong_Check(value.ptr()))
      throw invalid_type(field, repr_of(value), "expected a whole number");
    int overflow = 0; // an int past int64 is out of range too, quoted as given
    const long long v = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow != 0 || v < f.min || v > f.max)
      throw invalid_value(f.error, field, literal{repr_of(value)},
                          "expected " + std::to_string(f.min) + " to " + std::to_string(f.max));
    return {v};
  }
  case field_kind::word:
    if (value.is_none()) return {-1};
    if (!py::isinstance<py::str>(value)) throw invalid_type(field, repr_of(value), "expected a word");
    return {f.words.parse(utf8_of(value, field, f.error), field)};
  case field_kind::word_set: {
    if (py::isinstance<py::str>(value) || !py::isinstance<py::sequence>(value))
      throw invalid_type(field, repr_of(value), "expected a list of words");
    std::int64_t bits = 0;
    std::size_t k = 0;
    for (const auto item : value) {
      const std::string at = field + "[" + std::to_string(k++) + "]";
      if (!py::isinstance<py::str>(item)) throw invalid_type(at, repr_of(item), "expected a word");
      bits |= std::int64_t{1} << f.words.parse(utf8_of(item, at, f.error), at);
    }
    return {bits};
  }
  case field_kind::fixed_point: {
    if (value.is_none()) return {-1};
    return {weight_of(value, field).micros()};
  }
  case field_kind::text_list:
  case field_kind::integer_list:
  case field_kind::record_list: break;
  }
  throw py::type_error("internal: fact " + std::string(f.name) + " has no cell");
}

/// A cell as text, for errors.
inline std::string cell_text(const field_info& f, const cell& c) {
  return f.kind == field_kind::text ? std::string(c.text) : std::to_string(c.number);
}

/// Throws invalid_value naming `field` when fact `f`'s own rule (field_info::check) refuses `c`.
inline void check(const field_info& f, const cell& c, const std::string& field) {
  if (!f.check) return;
  if (const std::string_view why = f.check(c); !why.empty())
    throw eldercare::invalid_value(f.error, field, cell_text(f, c), why);
}

/// decode() and the fact's own check: the cell `_core.person` takes.
inline cell from_python(const field_info& f, py::handle value, const std::string& field, std::string& text) {
  const cell c = decode(f, value, field, text);
  check(f, c, field);
  return c;
}

/// The Python value of a cell of fact `f`: str, datetime.date or None, a region_code, bool, int or
/// None, a word or None, a tuple of words.
inline py::object to_python(const field_info& f, const cell& c) {
  using namespace eldercare;
  switch (f.kind) {
  case field_kind::text: return py::str(c.text.data(), c.text.size());
  case field_kind::date:
    if (c.number == no_day) return py::none();
    return py::cast(from_day_number(static_cast<day_number>(c.number)));
  case field_kind::region: return py::cast(region_code::from_number(static_cast<std::uint32_t>(c.number)));
  case field_kind::flag: return py::bool_(c.number != 0);
  case field_kind::integer:
    if (c.number < 0) return py::none();
    return py::int_(c.number);
  case field_kind::word: {
    if (c.number < 0) return py::none();
    const std::string_view w = f.words.words[static_cast<std::size_t>(c.number)];
    return py::str(w.data(), w.size());
  }
  case field_kind::word_set: {
    py::list out;
    for (std::size_t i = 0; i < f.words.words.size(); ++i)
      if ((c.number >> i) & 1) out.append(py::str(f.words.words[i].data(), f.words.words[i].size()));
    return py::tuple(out);
  }
  case field_kind::fixed_point:
    if (c.number < 0) return py::none();
    return py::float_(survey_weight::from_micros(c.number).to_double());
  case field_kind::text_list:
  case field_kind::integer_list:
  case field_kind::record_list: break;
  }
  throw py::type_error("internal: fact " + std::string(f.name) + " has no cell");
}

} // namespace eldercare_py::schema_cells
