#pragma once
// What a population held in columns costs in memory, column by column (issue 16): the report of
// population_columns::memory_report(). Each entry is one column, or one structure the population
// keeps beside its columns (the stays as eldercare::stay objects, the dictionaries of the region
// codes present, the tables of birth days and category sets present). The text columns that identify
// a row (id, id_number, household_id) are marked `ids`, so that the cost of the facts the rules
// read can be told apart from the cost of naming the rows.

#include <cstddef> // std::size_t
#include <string>  // entry names
#include <vector>  // the entries

namespace eldercare {

/// The memory of one column (or one structure beside the columns) of a population.
struct column_memory {
  std::string name;                ///< the column ("birth_day"), or the structure ("stay_objects")
  std::string element;             ///< its element type ("int32", "uint16", "eldercare::stay")
  std::size_t element_bytes = 0;   ///< sizeof one element
  std::size_t entries = 0;         ///< elements held (rows, rows + 1 offsets, stays, characters, ...)
  std::size_t bytes = 0;           ///< entries × element_bytes, plus heap memory the elements own
  std::size_t allocated_bytes = 0; ///< what the container has allocated (its capacity), >= bytes
  bool ids = false;                ///< part of a row's identifiers (left out of the "without ids" sums)
};

/// A population's memory, entry by entry (population_columns::memory_report()).
struct population_memory {
  std::size_t rows = 0;
  std::vector<column_memory> columns;

  /// Every entry's bytes.
  [[nodiscard]] std::size_t total_bytes() const noexcept { return sum(true, false); }
  /// The bytes of every entry but the ids.
  [[nodiscard]] std::size_t total_bytes_without_ids() const noexcept { return sum(false, false); }
  /// Every entry's allocated bytes (capacity: what the process holds for the population).
  [[nodiscard]] std::size_t allocated_bytes() const noexcept { return sum(true, true); }
  /// total_bytes() / rows (0 for an empty population).
  [[nodiscard]] double bytes_per_row() const noexcept { return per_row(total_bytes()); }
  /// total_bytes_without_ids() / rows (0 for an empty population).
  [[nodiscard]] double bytes_per_row_without_ids() const noexcept {
    return per_row(total_bytes_without_ids());
  }

  /// `bytes` / rows (0 for an empty population): an entry's share of a row.
  [[nodiscard]] double per_row(std::size_t bytes) const noexcept {
    return rows == 0 ? 0.0 : static_cast<double>(bytes) / static_cast<double>(rows);
  }

private:
  [[nodiscard]] std::size_t sum(bool with_ids, bool allocated) const noexcept {
    std::size_t total = 0;
    for (const column_memory& c : columns)
      if (with_ids || !c.ids) total += allocated ? c.allocated_bytes : c.bytes;
    return total;
  }
};

} // namespace eldercare
