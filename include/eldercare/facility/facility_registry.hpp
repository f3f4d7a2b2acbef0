#pragma once
// The facilities a set of persons refers to, looked up by id.

#include <map>    // ordered by id: deterministic iteration for reports
#include <string>
#include <string_view>
#include <vector>

#include "eldercare/facility/facility.hpp"

namespace eldercare {

class facility_registry {
public:
  facility_registry() = default;
  facility_registry(std::initializer_list<facility> fs) {
    for (const auto& f : fs) add(f);
  }

  /// Adds a facility; a second facility with the same id is an error.
  void add(facility f) {
    const std::string id = f.id();
    if (!by_id_.emplace(id, std::move(f)).second)
      throw invalid_value(error_id::invalid_facility, "facilities[" + id + "].id", id, "duplicate facility id");
  }

  /// The facility with this id, or nullptr.
  [[nodiscard]] const facility* find(std::string_view id) const {
    auto it = by_id_.find(std::string(id));
    return it == by_id_.end() ? nullptr : &it->second;
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
  std::map<std::string, facility, std::less<>> by_id_;
};

} // namespace eldercare
