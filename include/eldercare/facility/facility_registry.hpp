#pragma once
// The facilities a set of persons refers to, looked up by id.

#include <map> // ordered by id: deterministic iteration for reports
#include <string>
#include <string_view>
#include <unordered_map> // look-up by id: stays are resolved on every evaluation of a stay rule
#include <vector>

#include "eldercare/facility/facility.hpp"

namespace eldercare {

class facility_registry {
public:
  facility_registry() = default;
  facility_registry(std::initializer_list<facility> fs) {
    for (const auto& f : fs) add(f);
  }
  // The index views the map's keys: a copy re-indexes its own; a move keeps the map's nodes.
  facility_registry(const facility_registry& o) : by_id_(o.by_id_) { reindex(); }
  facility_registry(facility_registry&&) noexcept = default;
  facility_registry& operator=(const facility_registry& o) {
    if (this != &o) {
      by_id_ = o.by_id_;
      reindex();
    }
    return *this;
  }
  facility_registry& operator=(facility_registry&&) noexcept = default;
  ~facility_registry() = default;

  /// Adds a facility; a second facility with the same id is an error.
  void add(facility f) {
    const std::string id = f.id();
    const auto [it, added] = by_id_.emplace(id, std::move(f));
    if (!added)
      throw invalid_value(error_id::invalid_facility, "facilities[" + id + "].id", id,
                          "duplicate facility id");
    index_.emplace(std::string_view(it->first), &it->second);
  }

  /// The facility with this id, or nullptr.
  [[nodiscard]] const facility* find(std::string_view id) const {
    const auto it = index_.find(id);
    return it == index_.end() ? nullptr : it->second;
  }

  /// The facility with this id; throws invalid_value naming `field` when there is none.
  [[nodiscard]] const facility& at(std::string_view id, std::string_view field) const {
    if (const facility* f = find(id)) return *f;
    throw invalid_value(error_id::invalid_stay, field, id, "no facility with this id");
  }

  [[nodiscard]] std::size_t size() const noexcept { return by_id_.size(); }
  [[nodiscard]] auto begin() const { return by_id_.begin(); }
  [[nodiscard]] auto end() const { return by_id_.end(); }

private:
  void reindex() {
    index_.clear();
    for (const auto& [id, f] : by_id_) index_.emplace(std::string_view(id), &f);
  }
  std::map<std::string, facility, std::less<>> by_id_;
  std::unordered_map<std::string_view, const facility*> index_; // views by_id_'s keys
};

} // namespace eldercare
