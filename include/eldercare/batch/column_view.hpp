#pragma once
// Columns that read like a span of values but are stored narrower (issue 16, memory). A population
// keeps some facts not as one value per row but as
//  * keys into a dictionary of the distinct values present (keyed_column): a row's hukou region is a
//    16-bit key into hukou_codes(), not a 4-byte code beside the key the engine reads;
//  * a column stored only once some row gives a value (defaulted_column): a population without
//    survey weights holds no weight column, and every row reads as "none given";
//  * a column stored only for the rows of a subset (subset_column): an assessment's date, scale and
//    score are held for the rows with an assessment, found by rank in a row_subset (a bit a row).
// Both read as c[i] and c.size(), so code written against a span of values reads them unchanged;
// what they do not offer is data(): a tight loop reads the keys (keys()) or the stored values.

#include <bit>        // std::popcount: a row's rank in a subset
#include <cstddef>    // std::size_t
#include <cstdint>    // the subset's words and counts
#include <functional> // std::identity, std::invoke
#include <span>       // the stored columns
#include <vector>     // the subset's words

namespace eldercare {

/// A column stored as keys into a dictionary of entries; row i reads project(entries[keys[i]]).
template <class Key, class Entry, class Project = std::identity>
class keyed_column {
public:
  keyed_column(std::span<const Key> keys, std::span<const Entry> entries, Project project = {}) noexcept
      : keys_(keys), entries_(entries), project_(project) {}

  [[nodiscard]] decltype(auto) operator[](std::size_t i) const {
    return std::invoke(project_, entries_[keys_[i]]);
  }
  [[nodiscard]] std::size_t size() const noexcept { return keys_.size(); }
  [[nodiscard]] bool empty() const noexcept { return keys_.empty(); }
  /// The stored keys, one per row.
  [[nodiscard]] std::span<const Key> keys() const noexcept { return keys_; }
  /// The dictionary the keys index.
  [[nodiscard]] std::span<const Entry> entries() const noexcept { return entries_; }

private:
  std::span<const Key> keys_;
  std::span<const Entry> entries_;
  [[no_unique_address]] Project project_;
};

/// A column of `size` values that is stored only when some row gives one; while it is not stored
/// (values() empty), every row reads as `absent`.
template <class T>
class defaulted_column {
public:
  defaulted_column(std::span<const T> values, std::size_t size, T absent) noexcept
      : values_(values), size_(size), absent_(absent) {}

  [[nodiscard]] T operator[](std::size_t i) const noexcept { return values_.empty() ? absent_ : values_[i]; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  /// Whether the column is stored (some row gave a value).
  [[nodiscard]] bool stored() const noexcept { return !values_.empty(); }
  /// The stored values (size() of them), or none.
  [[nodiscard]] std::span<const T> values() const noexcept { return values_; }
  /// What a row reads while the column is not stored.
  [[nodiscard]] T absent() const noexcept { return absent_; }

private:
  std::span<const T> values_;
  std::size_t size_ = 0;
  T absent_{};
};

/// Which rows belong to a subset, a bit a row, with the count of members before every 64 rows, so
/// that a member's rank (its index among the members) is two reads and a popcount.
class row_subset {
public:
  /// Appends row size() (in or out of the subset).
  void push_back(bool member) {
    if (size_ % 64 == 0) {
      words_.push_back(0);
      before_.push_back(static_cast<std::uint32_t>(members_));
    }
    if (member) {
      words_.back() |= std::uint64_t{1} << (size_ % 64);
      ++members_;
    }
    ++size_;
  }
  /// Keeps the first `rows` rows.
  void truncate(std::size_t rows) {
    if (rows >= size_) return;
    words_.resize((rows + 63) / 64);
    before_.resize(words_.size());
    if (rows % 64 != 0) words_.back() &= (std::uint64_t{1} << (rows % 64)) - 1;
    size_ = rows;
    members_ = words_.empty() ? 0 : before_.back() + static_cast<std::size_t>(std::popcount(words_.back()));
  }
  void reserve(std::size_t rows) {
    words_.reserve((rows + 63) / 64);
    before_.reserve((rows + 63) / 64);
  }
  [[nodiscard]] bool contains(std::size_t i) const noexcept {
    return ((words_[i / 64] >> (i % 64)) & 1U) != 0;
  }
  /// The members before row i.
  [[nodiscard]] std::size_t rank(std::size_t i) const noexcept {
    const std::uint64_t below = words_[i / 64] & ((std::uint64_t{1} << (i % 64)) - 1);
    return before_[i / 64] + static_cast<std::size_t>(std::popcount(below));
  }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] std::size_t members() const noexcept { return members_; }
  [[nodiscard]] const std::vector<std::uint64_t>& words() const noexcept { return words_; }
  [[nodiscard]] const std::vector<std::uint32_t>& counts() const noexcept { return before_; }

private:
  std::vector<std::uint64_t> words_;
  std::vector<std::uint32_t> before_;
  std::size_t size_ = 0;
  std::size_t members_ = 0;
};

/// A column held for the members of a row_subset only; other rows read as `absent`.
template <class T>
class subset_column {
public:
  subset_column(const row_subset& rows, std::span<const T> values, T absent) noexcept
      : rows_(&rows), values_(values), absent_(absent) {}

  [[nodiscard]] T operator[](std::size_t i) const noexcept {
    return rows_->contains(i) ? values_[rows_->rank(i)] : absent_;
  }
  [[nodiscard]] std::size_t size() const noexcept { return rows_->size(); }
  [[nodiscard]] bool empty() const noexcept { return rows_->size() == 0; }
  /// The members' values, in row order.
  [[nodiscard]] std::span<const T> values() const noexcept { return values_; }
  /// Where row i's value is, or would be, in values(): the members before row i (i <= size()), so
  /// rows [a, b) hold values()[rank(a), rank(b)).
  [[nodiscard]] std::size_t rank(std::size_t i) const noexcept {
    return i >= rows_->size() ? rows_->members() : rows_->rank(i);
  }

private:
  const row_subset* rows_;
  std::span<const T> values_;
  T absent_{};
};

} // namespace eldercare
