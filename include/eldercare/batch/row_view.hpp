#pragma once
// A row of a population held in columns, seen as a subject of the rules. population_row has the
// members the leaves read from a person (birth_date, hukou.region, residence, categories, ability,
// disability, health, stays, programmes), with the same types or views that model the same
// concepts (HasBirthDate, HasHukou, HasStays, ...). The leaves are templates over their subject, so
// the very code that decides for one person decides for a row: there is no second implementation of
// a rule for columns.
//
// A row view borrows from its population_columns: the stays are a span into the population's stay
// arena, the programmes a view of its programme dictionary. It is valid while the population is
// unchanged.

#include <cstddef>     // std::ptrdiff_t for the programme iterator
#include <cstdint>     // programme indices
#include <iterator>    // std::forward_iterator_tag
#include <optional>    // ability and disability, as on a person
#include <span>        // stays and programme indices
#include <string>      // programme ids
#include <string_view> // id, household id
#include <vector>      // conversion of programmes to the person's type

#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/disability_certificate.hpp"
#include "eldercare/calendar/date.hpp"
#include "eldercare/facility/facility.hpp"
#include "eldercare/person/category.hpp"
#include "eldercare/person/health.hpp"
#include "eldercare/person/residency.hpp"
#include "eldercare/stay/stay.hpp"

namespace eldercare {

/// The programmes a row is enrolled in: indices into the population's programme dictionary, read as
/// programme ids. Iterates like a person's std::vector<std::string> and converts to one, so
/// enrolled_in reads it unchanged (HasProgrammes).
class programme_list {
public:
  class iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string*;
    using reference = const std::string&;

    iterator() = default;
    iterator(const std::uint32_t* at, const std::vector<std::string>* names) : at_(at), names_(names) {}
    reference operator*() const { return (*names_)[*at_]; }
    pointer operator->() const { return &(*names_)[*at_]; }
    iterator& operator++() {
      ++at_;
      return *this;
    }
    iterator operator++(int) {
      iterator old = *this;
      ++at_;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.at_ == b.at_; }

  private:
    const std::uint32_t* at_ = nullptr;
    const std::vector<std::string>* names_ = nullptr;
  };

  programme_list() = default;
  programme_list(std::span<const std::uint32_t> entries, const std::vector<std::string>* names)
      : entries_(entries), names_(names) {}

  [[nodiscard]] iterator begin() const { return {entries_.data(), names_}; }
  [[nodiscard]] iterator end() const { return {entries_.data() + entries_.size(), names_}; }
  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  /// The ids as a person holds them.
  operator std::vector<std::string>() const { // NOLINT(google-explicit-constructor): models HasProgrammes
    return {begin(), end()};
  }

private:
  std::span<const std::uint32_t> entries_;
  const std::vector<std::string>* names_ = nullptr;
};

/// One row of a population_columns as a rule subject (see the header comment). Filled by
/// population_columns::row() (every member) or by the batch engine (only the members a leaf reads).
/// Like a person, it needs its region codes to exist (a region_code is always a valid code).
struct population_row {
  std::string_view id = {};
  date birth_date = {};
  eldercare::hukou hukou;
  eldercare::residence residence;
  std::optional<assessment> ability = {};
  std::optional<disability_certificate> disability = {};
  category_set categories = {};
  health_status health = {};
  std::span<const stay> stays = {};
  /// The stays' facilities as found in the evaluation's registry (HasResolvedStays); filled by the
  /// batch engine, empty otherwise (the stay leaves then look them up by id).
  std::span<const facility* const> stay_facilities = {};
  std::string_view household_id = {};
  programme_list programmes = {};
  std::optional<date> died_on = {};
};

} // namespace eldercare
