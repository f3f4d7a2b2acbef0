#pragma once
// Columns that read like a span of values but are stored narrower (issue 16, memory). A population
// keeps some facts not as one value per row but as
//  * keys into a dictionary of the distinct values present (keyed_column): a row's hukou region is a
//    16-bit key into hukou_codes(), not a 4-byte code beside the key the engine reads;
//  * a column stored only once some row gives a value (defaulted_column): a population without
//    survey weights holds no weight column, and every row reads as "none given".
// Both read as c[i] and c.size(), so code written against a span of values reads them unchanged;
// what they do not offer is data(): a tight loop reads the keys (keys()) or the stored values.

#include <cstddef>    // std::size_t
#include <functional> // std::identity, std::invoke
#include <span>       // the stored columns

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

} // namespace eldercare
