#pragma once
// A synthetic population with the facilities its stays refer to, for the batch tests
// (batch_evaluate_batch_test.cpp, batch_simulate_test.cpp). 3% of rows are under 60 so that age
// thresholds are crossed.
#include <cstddef>
#include <cstdint>
#include <utility>

#include "eldercare/batch.hpp"

namespace eldercare_test {

struct population {
  eldercare::facility_registry facilities;
  eldercare::population_columns columns;
};

inline population generated(eldercare::synthetic_profile profile, std::uint64_t seed, std::size_t rows) {
  eldercare::synthetic_population gen({.seed = seed, .profile = profile, .under_60_share = 0.03});
  eldercare::population_columns columns = gen.next(rows);
  return {gen.facilities(), std::move(columns)};
}

} // namespace eldercare_test
