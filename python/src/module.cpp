// eldercare._core: the private compiled module behind the pure-Python package `eldercare`.
// Each area registers itself from its own translation unit; nothing else happens here.
#include "common.hpp"
#include "register_population.hpp" // register_population

PYBIND11_MODULE(_core, m) {
  m.doc() = "eldercare's C++ core (private: use the `eldercare` package)";
  m.attr("__version__") = ELDERCARE_VERSION;
  eldercare_py::register_errors(m);
  eldercare_py::register_calendar(m);
  eldercare_py::register_schema(m);
  eldercare_py::register_values(m);
  eldercare_py::register_rules(m);
  eldercare_py::register_catalog(m);
  eldercare_py::register_validation(m);
  eldercare_py::register_population(m); // before register_batch: its functions take populations
  eldercare_py::register_batch(m);
}
