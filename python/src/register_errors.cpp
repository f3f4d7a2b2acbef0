// Errors: C++ eldercare::invalid_value becomes the Python package's eldercare.InvalidValue (a
// ValueError) carrying .field, .value and .error_id; invalid_type becomes eldercare.InvalidType (also
// a TypeError); eldercare::lookup_error becomes eldercare.PolicyLookupError (a LookupError).
//
// The exception classes are defined in Python (eldercare/_errors.py, where they have docstrings and a
// constructor) and handed over once at import through _set_error_types. Until then the translator
// falls back to the built-in ValueError / TypeError / LookupError.
#include "common.hpp"

namespace eldercare_py {
namespace {

// Set by _set_error_types when the package is imported, and deliberately not released at exit: the
// classes live as long as the interpreter, and releasing them during shutdown would be unsafe.
PyObject* invalid_value_type = nullptr;
PyObject* invalid_type_type = nullptr;
PyObject* lookup_error_type = nullptr;

void raise_invalid(PyObject* cls, PyObject* fallback, const eldercare::invalid_value& e) {
  if (cls == nullptr) {
    PyErr_SetString(fallback, e.what());
    return;
  }
  try {
    const py::object type = py::reinterpret_borrow<py::object>(cls);
    const py::object exc = type(py::str(e.what()), py::arg("field") = e.field(), py::arg("value") = e.value(),
                                py::arg("error_id") = static_cast<int>(e.id()));
    PyErr_SetObject(cls, exc.ptr());
  } catch (py::error_already_set& err) {
    err.restore(); // building the exception failed: report that instead
  }
}

} // namespace

void register_errors(py::module_& m) {
  py::dict ids;
  using eldercare::error_id;
  for (const auto& [name, id] : std::initializer_list<std::pair<const char*, error_id>>{
           {"invalid_date", error_id::invalid_date},
           {"invalid_money", error_id::invalid_money},
           {"invalid_region", error_id::invalid_region},
           {"invalid_ability", error_id::invalid_ability},
           {"invalid_stay", error_id::invalid_stay},
           {"invalid_person", error_id::invalid_person},
           {"invalid_facility", error_id::invalid_facility},
           {"invalid_period", error_id::invalid_period},
           {"invalid_parameter", error_id::invalid_parameter},
           {"invalid_category", error_id::invalid_category},
           {"invalid_id_number", error_id::invalid_id_number},
           {"invalid_weight", error_id::invalid_weight},
           {"missing_input", error_id::missing_input},
           {"invalid_type", error_id::invalid_type},
           {"unknown_policy", error_id::unknown_policy},
           {"no_version_in_force", error_id::no_version_in_force},
           {"not_computable", error_id::not_computable},
       })
    ids[name] = static_cast<int>(id);
  m.attr("error_ids") = ids;

  m.def(
      "_set_error_types",
      [](py::handle invalid_value, py::handle invalid_type, py::handle lookup_error) {
        for (PyObject* t : {invalid_value.ptr(), invalid_type.ptr(), lookup_error.ptr()})
          if (!PyExceptionClass_Check(t)) throw py::type_error("_set_error_types expects exception classes");
        // Replaced on a re-import (importlib.reload) so that `except eldercare.InvalidValue` always
        // names the class the translator raises; the GIL serialises this with the translator.
        auto keep = [](PyObject*& slot, py::handle cls) {
          Py_XDECREF(slot);
          slot = cls.inc_ref().ptr();
        };
        keep(invalid_value_type, invalid_value);
        keep(invalid_type_type, invalid_type);
        keep(lookup_error_type, lookup_error);
      },
      py::arg("invalid_value"), py::arg("invalid_type"), py::arg("lookup_error"));

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const invalid_type& e) {
      raise_invalid(invalid_type_type, PyExc_TypeError, e);
    } catch (const eldercare::invalid_value& e) {
      raise_invalid(invalid_value_type, PyExc_ValueError, e);
    } catch (const eldercare::lookup_error& e) {
      if (lookup_error_type == nullptr) {
        PyErr_SetString(PyExc_LookupError, e.what());
        return;
      }
      try {
        const py::object type = py::reinterpret_borrow<py::object>(lookup_error_type);
        const py::object exc = type(py::str(e.what()), py::arg("error_id") = static_cast<int>(e.id()));
        PyErr_SetObject(lookup_error_type, exc.ptr());
      } catch (py::error_already_set& err) {
        err.restore();
      }
    }
  });
}

} // namespace eldercare_py
