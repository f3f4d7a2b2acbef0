#pragma once
// The population handle shared by register_population.cpp (building it from columns, exporting its
// columns, synthetic populations) and register_batch.cpp (evaluating and simulating it).
#include "common.hpp"

#include <eldercare/batch/population_columns.hpp>

#include <pybind11/numpy.h> // array_of

#include <memory> // the persons of the person path, built on first use
#include <vector> // persons

namespace eldercare_py {

/// A population held in columns (eldercare::population_columns), the input of the columnar engine.
/// The person path (households, bundles, path="persons") materialises one eldercare::person per row
/// on first use and keeps them.
struct population_handle {
  eldercare::population_columns columns;
  std::shared_ptr<const std::vector<eldercare::person>> persons_cache;

  /// Every row as a person (built once; call with the GIL released or held, not concurrently).
  [[nodiscard]] const std::vector<eldercare::person>& persons() {
    if (!persons_cache) {
      auto out = std::make_shared<std::vector<eldercare::person>>();
      out->reserve(columns.size());
      for (std::size_t i = 0; i < columns.size(); ++i) out->push_back(columns.to_person(i));
      persons_cache = std::move(out);
    }
    return *persons_cache;
  }
};

/// A new numpy array of `n` values, the i-th being value_of(i) (result and export columns).
template <class T>
py::array_t<T> array_of(std::size_t n, const auto& value_of) {
  py::array_t<T> a(static_cast<py::ssize_t>(n));
  T* out = a.mutable_data();
  for (std::size_t i = 0; i < n; ++i) out[i] = value_of(i);
  return a;
}

/// Seconds on a steady clock, for the "time in C++" figures results carry.
double steady_seconds();

void register_population(py::module_& m);

} // namespace eldercare_py
