#pragma once
// The rows of a batch that could not be evaluated. Evaluating valid facts does not throw, but a grant
// can: money is checked, so two rules whose amounts sum past int64 fen (a reform's amounts, a
// bundle's components) raise invalid_value for the rows they grant, and a user's own leaf may throw
// too. Where a batch returns one result per row, such a row is that row's error, not the batch's:
// the loops that take a row_errors record it (the row keeps its reset result: nothing granted) and
// go on with the other rows; without one they throw, as before.

#include <algorithm> // std::sort by row
#include <cstddef>   // std::size_t
#include <mutex>     // rows recorded from several threads
#include <string>    // messages
#include <utility>   // std::move
#include <vector>    // the rows

#include "eldercare/core/error.hpp"

namespace eldercare {

/// A row that could not be evaluated: its index, the error's id and its message (what()).
struct row_error {
  std::size_t row = 0;
  error_id id = error_id::invalid_parameter;
  std::string message;
  friend bool operator==(const row_error&, const row_error&) = default;
};

/// Row errors recorded by a batch's threads.
class row_errors {
public:
  row_errors() = default;
  row_errors(const row_errors&) = delete;
  row_errors& operator=(const row_errors&) = delete;

  /// Records row `row`'s error (safe from several threads).
  void add(std::size_t row, const invalid_value& e) {
    const std::lock_guard<std::mutex> lock(mutex_);
    errors_.push_back({row, e.id(), e.what()});
  }
  /// Whether row `row` has an error recorded (not for use while rows are still being recorded).
  [[nodiscard]] bool has(std::size_t row) const {
    return std::any_of(errors_.begin(), errors_.end(), [row](const row_error& e) { return e.row == row; });
  }
  [[nodiscard]] bool empty() const noexcept { return errors_.empty(); }
  /// The errors, by row (one per row: the first recorded), leaving this empty.
  [[nodiscard]] std::vector<row_error> take() {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::stable_sort(errors_.begin(), errors_.end(),
                     [](const row_error& a, const row_error& b) { return a.row < b.row; });
    std::vector<row_error> out;
    for (auto& e : errors_)
      if (out.empty() || out.back().row != e.row) out.push_back(std::move(e));
    errors_.clear();
    return out;
  }

private:
  std::mutex mutex_;
  std::vector<row_error> errors_;
};

namespace detail {
/// Runs `evaluate_row`; an invalid_value it throws is recorded as row `row`'s error when `errors` is
/// given (returns false), else rethrown.
template <class F>
bool row_or_error(row_errors* errors, std::size_t row, F&& evaluate_row) {
  if (errors == nullptr) {
    evaluate_row();
    return true;
  }
  try {
    evaluate_row();
    return true;
  } catch (const invalid_value& e) {
    errors->add(row, e);
    return false;
  }
}
} // namespace detail

} // namespace eldercare
