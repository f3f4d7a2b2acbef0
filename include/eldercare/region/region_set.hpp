#pragma once
// A named set of regions, such as 津冀蒙 or 西咸新区 (which has no division code of its own and is a set
// of township codes). A code belongs to the set when some member contains it
// (region_code::contains): listing 130000 covers every county and town of Hebei.

#include <algorithm> // std::sort, std::unique, std::lower_bound
#include <cstdint>   // std::uint32_t keys
#include <optional>  // find_member's "no member"
#include <string>    // the set's name, to_string
#include <utility>   // std::move
#include <vector>    // members

#include "eldercare/core/error.hpp"
#include "eldercare/region/region_code.hpp"

namespace eldercare {

class region_set {
public:
  /// Members are kept sorted (parents first) without duplicates. A member that another member
  /// already contains is kept as given: members() shows what the caller listed. The name must not
  /// be empty: it is quoted in explanations.
  region_set(std::string name, std::vector<region_code> members)
      : name_(std::move(name)), members_(std::move(members)) {
    if (name_.empty())
      throw invalid_value(error_id::invalid_region, "region_set.name", "",
                          "a region set needs a name (it is quoted in explanations)");
    std::sort(members_.begin(), members_.end());
    members_.erase(std::unique(members_.begin(), members_.end()), members_.end());
    keys_.reserve(members_.size());
    for (const region_code& m : members_) keys_.push_back(m.hierarchy_key());
    // A member contains exactly the codes whose key lies in [its key, its key + its unit).
    for (const std::uint32_t k : keys_) {
      const std::uint32_t unit = k % 10000000U == 0 ? 10000000U
                                 : k % 100000U == 0 ? 100000U
                                 : k % 1000U == 0   ? 1000U
                                                    : 1U;
      ends_.push_back(k + unit);
    }
  }

  /// True when some member contains `c` (ancestor-or-self by digits). Abolished codes are taken as
  /// recorded (320000 contains 白下区 320103; 秦淮区 320104 does not): where a rule counts them as
  /// their successors, read them through c.current_codes_on(date) first, as hukou_in does.
  [[nodiscard]] bool contains(const region_code& c) const noexcept {
    if (keys_.size() <= 16) { // see find_key: any member's range will do
      const std::uint32_t key = c.hierarchy_key();
      for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] <= key && key < ends_[i]) return true;
      return false;
    }
    return find_key(c).has_value();
  }

  /// The most specific member that contains `c`, for explanations ("131082 is in 津冀蒙 through
  /// 130000"); std::nullopt when none does.
  [[nodiscard]] std::optional<region_code> find_member(const region_code& c) const noexcept {
    const auto index = find_key(c);
    if (!index) return std::nullopt;
    return members_[*index];
  }

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const std::vector<region_code>& members() const noexcept { return members_; }

  /// "津冀蒙 {120000, 130000, 150000}".
  [[nodiscard]] std::string to_string() const {
    std::string s = name_ + " {";
    for (std::size_t i = 0; i < members_.size(); ++i) {
      if (i > 0) s += ", ";
      s += members_[i].to_string();
    }
    return s + "}";
  }

  /// Union; the name is "A|B".
  friend region_set operator|(const region_set& a, const region_set& b) {
    std::vector<region_code> all = a.members_;
    all.insert(all.end(), b.members_.begin(), b.members_.end());
    return region_set(a.name_ + "|" + b.name_, std::move(all));
  }

  friend bool operator==(const region_set& a, const region_set& b) noexcept {
    return a.name_ == b.name_ && a.members_ == b.members_;
  }

private:
  // The ancestors-or-self of a code are its key with the last 7, 5, 3 or 0 digits zeroed (province,
  // prefecture, county, itself). Keys are unique per code, so four binary searches over the sorted
  // member keys answer contains() whatever the set's size. Most specific first.
  [[nodiscard]] std::optional<std::size_t> find_key(const region_code& c) const noexcept {
    const std::uint32_t key = c.hierarchy_key();
    if (keys_.size() <= 16) {
      // A few members (津冀蒙, a list of districts): one pass over their key ranges. The ranges of the
      // members containing `key` are nested, so the most specific has the largest start.
      std::optional<std::size_t> best;
      for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] <= key && key < ends_[i]) best = i; // keys_ ascend: a later match is more specific
      return best;
    }
    for (const std::uint32_t unit : {1U, 1000U, 100000U, 10000000U}) {
      const std::uint32_t candidate = key / unit * unit;
      const auto it = std::lower_bound(keys_.begin(), keys_.end(), candidate);
      if (it != keys_.end() && *it == candidate) return static_cast<std::size_t>(it - keys_.begin());
    }
    return std::nullopt;
  }

  std::string name_;
  std::vector<region_code> members_;
  std::vector<std::uint32_t> keys_; // members_[i].hierarchy_key(), same order
  std::vector<std::uint32_t> ends_; // keys_[i] + the unit of members_[i]'s level: its codes' keys end before
};

} // namespace eldercare
