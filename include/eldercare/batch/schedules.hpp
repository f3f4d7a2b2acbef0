#pragma once
// Schedules of many subjects: each subject's schedule() (rules/schedule.hpp, the one definition of
// month-by-month payment) in a rows × months table, computed over std::threads. The subjects are
// persons, households (batch/households.hpp) or anything schedule() accepts; the target is a policy
// or a prepared catalog entry, whose component policies' payments add up (catalog/prepared_entry.hpp).

#include <cstddef> // std::size_t
#include <cstdint> // table cells
#include <span>    // the subjects, a target's policies
#include <string>  // messages
#include <vector>  // the table

#include "eldercare/batch/detail/parallel.hpp"
#include "eldercare/batch/row_errors.hpp"
#include "eldercare/rules/schedule.hpp"

namespace eldercare {

/// Month-by-month payments of many subjects: rows (subjects, in order) × months, row-major.
struct schedule_table {
  std::vector<int> years, months; ///< each month's year and month, in order
  std::size_t rows = 0;
  std::vector<std::int64_t> amount_fen; ///< money paid, as schedule_line::amount
  std::vector<std::int64_t> quantity; ///< quantity of non-money grants delivered, as schedule_line::quantity
  std::vector<std::uint8_t> eligible; ///< 1 when granted something that month
  /// 1 when the month is undetermined (schedule_line::determined(); for a bundle, in one of its
  /// policies): the cell's amount and quantity are then unknown, not 0 owed.
  std::vector<std::uint8_t> undetermined;

  schedule_table() = default;
  /// An empty table (every cell 0) of `rows` rows over the months starting on `starts`.
  schedule_table(std::size_t row_count, const std::vector<date>& starts) : rows(row_count) {
    for (const date& m : starts) {
      years.push_back(m.year());
      months.push_back(m.month());
    }
    amount_fen.assign(rows * starts.size(), 0);
    quantity.assign(rows * starts.size(), 0);
    eligible.assign(rows * starts.size(), 0);
    undetermined.assign(rows * starts.size(), 0);
  }
  [[nodiscard]] std::size_t columns() const noexcept { return years.size(); }
  /// The index of (row, month) in the cell vectors.
  [[nodiscard]] std::size_t cell(std::size_t row, std::size_t month) const noexcept {
    return row * columns() + month;
  }
  /// Adds a schedule over the table's months into `row`: money and quantities add up, a row is
  /// eligible in a month when one of its schedules is, and undetermined when one of them is.
  /// Sums are checked (invalid_value on overflow, naming the month), never wrapped.
  void add(std::size_t row, const std::vector<schedule_line>& lines) {
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::size_t c = cell(row, k);
      std::int64_t amount = 0, delivered = 0;
      if (__builtin_add_overflow(amount_fen[c], lines[k].amount.fen(), &amount) ||
          __builtin_add_overflow(quantity[c], lines[k].quantity, &delivered))
        throw invalid_value(error_id::invalid_money,
                            "schedule[" + std::to_string(years[k]) + "-" + (months[k] < 10 ? "0" : "") +
                                std::to_string(months[k]) + "]",
                            std::to_string(amount_fen[c]) + " + " + std::to_string(lines[k].amount.fen()),
                            "the month's total overflows a 64-bit count of fen");
      amount_fen[c] = amount;
      quantity[c] = delivered;
      if (lines[k].eligible) eligible[c] = 1;
      if (!lines[k].determined()) undetermined[c] = 1;
    }
  }
  /// Row `row` back to every cell 0 (a row whose schedule could not be computed).
  void clear(std::size_t row) {
    for (std::size_t k = 0; k < columns(); ++k) {
      const std::size_t c = cell(row, k);
      amount_fen[c] = quantity[c] = 0;
      eligible[c] = undetermined[c] = 0;
    }
  }
};

/// The policies whose payments make a policy's: itself (a prepared catalog entry gives its own).
template <class Subject>
[[nodiscard]] std::span<const basic_policy<Subject>> policies_of(const basic_policy<Subject>& p) noexcept {
  return {&p, 1};
}

/// Every subject's schedule(policy, subject, first, last, facilities, options) for each policy of
/// policies_of(target), added into the subject's row, over `threads` threads (0: the hardware's).
/// Throws invalid_value as schedule() does for an invalid or reversed period. With `errors`, a row
/// whose schedule throws (a month's money past int64) is recorded there and left 0 (row_errors.hpp).
template <class Target, class Subject>
[[nodiscard]] schedule_table
schedule_each(const Target& target, std::span<const Subject> subjects, const date& first, const date& last,
              const facility_registry* facilities = nullptr, const schedule_options& options = {},
              unsigned threads = 0, row_errors* errors = nullptr) {
  schedule_table out(subjects.size(), schedule_months(first, last));
  detail::parallel_rows(subjects.size(), detail::subject_chunk_rows, detail::resolve_threads(threads),
                        [&](unsigned, std::size_t i) {
                          const bool done = detail::row_or_error(errors, i, [&] {
                            for (const auto& p : policies_of(target))
                              out.add(i, schedule(p, subjects[i], first, last, facilities, options));
                          });
                          if (!done) out.clear(i);
                        });
  return out;
}

} // namespace eldercare
