#pragma once
// Social-assistance and family categories a person can hold (DOMAIN.md D). The words are the JSON
// interchange vocabulary of POLICIES.md; they are stable public names.

#include <array>  // the word table
#include <bitset> // category_set storage: one bit per category, cheap to copy into columns
#include <cstdint>
#include <string>
#include <string_view>

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

enum class category : std::uint8_t {
  dibao,          ///< 低保对象: minimum-living-guarantee household member
  low_income,     ///< 低收入: low-income household, not on 低保
  tekun,          ///< 特困人员: extreme-poverty support (城乡特困供养)
  youfu,          ///< 重点优抚对象: key entitled military groups (抚恤定补优抚对象)
  jisheng_tefu,   ///< 计划生育特别扶助对象: family-planning special assistance
  shidu,          ///< 失独: the only child has died
  kongchao,       ///< 空巢: empty-nest (no children at home)
  living_alone,   ///< 独居: single-person elder household
  left_behind,    ///< 留守: rural elder whose children left for work ≥ half a year
  special_family, ///< 计划生育特殊家庭: Beijing's umbrella (特扶 families plus local extensions)
  model_worker,   ///< 劳动模范 (municipal level or higher)
  pre_1949_party_member, ///< 新中国成立前入党的老党员
  poor_household,        ///< 建档立卡贫困户: registered poor household
  work_injury_care,      ///< receives 工伤保险生活护理费 (excludes the 两项补贴)
  count_                 ///< not a category: the number of categories
};

inline constexpr std::size_t category_count = static_cast<std::size_t>(category::count_);

template <>
struct enum_words<category> {
  static constexpr std::string_view type = "category";
  static constexpr error_id error = error_id::invalid_category;
  static constexpr std::array<word_entry<category>, category_count> entries{{
      {category::dibao, "dibao", "低保"},
      {category::low_income, "low_income", "低收入"},
      {category::tekun, "tekun", "特困"},
      {category::youfu, "youfu", "重点优抚"},
      {category::jisheng_tefu, "jisheng_tefu", "计生特扶"},
      {category::shidu, "shidu", "失独"},
      {category::kongchao, "kongchao", "空巢"},
      {category::living_alone, "living_alone", "独居"},
      {category::left_behind, "left_behind", "留守"},
      {category::special_family, "special_family", "计划生育特殊家庭"},
      {category::model_worker, "model_worker", "劳动模范"},
      {category::pre_1949_party_member, "pre_1949_party_member", "建国前老党员"},
      {category::poor_household, "poor_household", "建档立卡贫困户"},
      {category::work_injury_care, "work_injury_care", "工伤护理费"},
  }};
};

/// The Chinese term, e.g. "低保".
[[nodiscard]] inline constexpr std::string_view chinese_name(category c) noexcept { return label_of(c); }

/// Parses an interchange word (or its Chinese term); throws invalid_value naming `field` for an
/// unknown word.
[[nodiscard]] inline category parse_category(std::string_view word, std::string_view field = "categories") {
  if (const category* c = find_word<category>(word)) return *c;
  throw invalid_value(error_id::invalid_category, field, word,
                      "unknown category; known: " + known_words<category>());
}

/// A set of categories (a person may hold several: 低保 and 空巢, say).
class category_set {
public:
  constexpr category_set() noexcept = default;
  category_set(std::initializer_list<category> cs) {
    for (auto c : cs) insert(c);
  }
  void insert(category c) { bits_.set(static_cast<std::size_t>(c)); }
  void erase(category c) { bits_.reset(static_cast<std::size_t>(c)); }
  [[nodiscard]] bool contains(category c) const { return bits_.test(static_cast<std::size_t>(c)); }
  [[nodiscard]] bool intersects(const category_set& o) const { return (bits_ & o.bits_).any(); }
  [[nodiscard]] bool empty() const noexcept { return bits_.none(); }
  /// The raw bits, for columnar storage.
  [[nodiscard]] std::uint32_t bits() const noexcept { return static_cast<std::uint32_t>(bits_.to_ulong()); }
  [[nodiscard]] static category_set from_bits(std::uint32_t b) {
    category_set s;
    s.bits_ = std::bitset<category_count>(b);
    return s;
  }
  /// "dibao, kongchao" (interchange words, in declaration order); "none" when empty.
  [[nodiscard]] std::string to_string() const {
    std::string s;
    for (const auto& w : enum_words<category>::entries)
      if (contains(w.value)) {
        if (!s.empty()) s += ", ";
        s += w.word;
      }
    return s.empty() ? "none" : s;
  }
  friend bool operator==(const category_set&, const category_set&) = default;

private:
  std::bitset<category_count> bits_;
};

} // namespace eldercare
