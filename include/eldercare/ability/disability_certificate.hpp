#pragma once
// The disability certificate (残疾人证): a category (视力/听力/言语/肢体/智力/精神/多重) and a
// grade 一级 (most severe) to 四级 (DOMAIN.md A.5; grading standard GB/T 26341-2010 [K]). Schemes
// such as the 两项补贴 and Beijing's 失能护理补贴 key on (category, grade).
//
// Beware: grade numbers run the opposite way to ability levels. 一级 is the MOST severe, so this
// type has no < or >; ask is_at_least_as_severe_as() instead.

#include <initializer_list> // the category list for parsing
#include <string>           // std::to_string for error messages
#include <string_view>      // labels, field names
#include <utility>          // std::move
#include <vector>           // the components of a 多重 certificate

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"

namespace eldercare {

enum class disability_category {
  visual,       ///< 视力残疾
  hearing,      ///< 听力残疾
  speech,       ///< 言语残疾
  physical,     ///< 肢体残疾
  intellectual, ///< 智力残疾
  mental,       ///< 精神残疾
  multiple,     ///< 多重残疾
};

template <>
struct enum_words<disability_category> {
  static constexpr std::string_view type = "disability_category";
  static constexpr error_id error = error_id::invalid_category;
  static constexpr std::array<word_entry<disability_category>, 7> entries{{
      {disability_category::visual, "visual", "视力残疾"},
      {disability_category::hearing, "hearing", "听力残疾"},
      {disability_category::speech, "speech", "言语残疾"},
      {disability_category::physical, "physical", "肢体残疾"},
      {disability_category::intellectual, "intellectual", "智力残疾"},
      {disability_category::mental, "mental", "精神残疾"},
      {disability_category::multiple, "multiple", "多重残疾"},
  }};
};

/// Stable identifier: "visual", "hearing", "speech", "physical", "intellectual", "mental",
/// "multiple".
[[nodiscard]] constexpr std::string_view to_string(disability_category c) noexcept { return to_word(c); }

/// The certificate's Chinese wording: "视力残疾", ..., "多重残疾".
[[nodiscard]] constexpr std::string_view label(disability_category c) noexcept { return label_of(c); }

/// Accepts the stable identifier ("physical"), the Chinese label ("肢体残疾") or its short form
/// ("肢体"). Throws invalid_value(error_id::invalid_category) otherwise.
[[nodiscard]] inline disability_category
parse_disability_category(std::string_view text, std::string_view field = "disability_category") {
  for (const auto c : all_values<disability_category>()) {
    const std::string_view zh = label(c);
    const std::string_view zh_short = zh.substr(0, zh.size() - std::string_view("残疾").size());
    if (text == to_string(c) || text == zh || text == zh_short) return c;
  }
  throw invalid_value(error_id::invalid_category, field, text,
                      "expected a disability category: visual/视力, hearing/听力, speech/言语, "
                      "physical/肢体, intellectual/智力, mental/精神, multiple/多重");
}

/// A certificate grade, 一级 (1, most severe) to 四级 (4, least severe).
class disability_grade {
public:
  /// Throws invalid_value(error_id::invalid_ability) naming `field` unless 1 <= grade <= 4.
  constexpr explicit disability_grade(int grade, std::string_view field = "disability_grade")
      : grade_(checked(grade, field)) {}

  static const disability_grade one;   ///< 一级 (most severe)
  static const disability_grade two;   ///< 二级
  static const disability_grade three; ///< 三级
  static const disability_grade four;  ///< 四级 (least severe)

  /// The number on the certificate, 1..4 (1 = most severe).
  [[nodiscard]] constexpr int value() const noexcept { return grade_; }
  /// "一级" .. "四级".
  [[nodiscard]] constexpr std::string_view label() const noexcept {
    constexpr std::string_view labels[] = {"一级", "二级", "三级", "四级"};
    return labels[grade_ - 1];
  }
  /// True when this grade is `other` or more severe (a smaller number): 一级 is at least as severe
  /// as 二级.
  [[nodiscard]] constexpr bool is_at_least_as_severe_as(disability_grade other) const noexcept {
    return grade_ <= other.grade_;
  }

  // Equality only: an ordering would invite "grade < two" meaning "less severe" by mistake.
  friend constexpr bool operator==(disability_grade, disability_grade) = default;

private:
  static constexpr int checked(int grade, std::string_view field) {
    if (grade < 1 || grade > 4)
      throw invalid_value(error_id::invalid_ability, field, grade,
                          "a disability certificate grade is 1 (一级, most severe) to 4 (四级)");
    return grade;
  }
  int grade_;
};

inline constexpr disability_grade disability_grade::one{1};
inline constexpr disability_grade disability_grade::two{2};
inline constexpr disability_grade disability_grade::three{3};
inline constexpr disability_grade disability_grade::four{4};

/// One (category, grade) pair: the whole certificate, or one part of a 多重 certificate.
struct disability_entry {
  disability_category category;
  disability_grade grade;
  friend bool operator==(const disability_entry&, const disability_entry&) = default;
};

/// A 残疾人证 as far as subsidy rules need it: category, grade, and for 多重残疾 the component
/// disabilities when known (Beijing's rule asks for "多重残疾 including 二级 智力/精神").
class disability_certificate {
public:
  /// Throws invalid_value(error_id::invalid_category) when components are given for a single
  /// category, or a component is itself 多重.
  disability_certificate(disability_category category, disability_grade grade,
                         std::vector<disability_entry> components = {})
      : category_(category), grade_(grade), components_(std::move(components)) {
    if (category_ != disability_category::multiple && !components_.empty())
      throw invalid_value(error_id::invalid_category, "disability_certificate.components",
                          to_string(category_),
                          "only a 多重残疾 (multiple) certificate lists component disabilities");
    for (std::size_t i = 0; i < components_.size(); ++i)
      if (components_[i].category == disability_category::multiple)
        throw invalid_value(error_id::invalid_category,
                            "disability_certificate.components[" + std::to_string(i) + "].category",
                            "multiple", "a component of a 多重残疾 is a single category");
  }

  [[nodiscard]] disability_category category() const noexcept { return category_; }
  [[nodiscard]] disability_grade grade() const noexcept { return grade_; }
  [[nodiscard]] const std::vector<disability_entry>& components() const noexcept { return components_; }

  /// True when the certificate shows category `c` at grade `threshold` or more severe: the
  /// certificate itself, or one of the listed components of a 多重 certificate. Asking for
  /// `multiple` checks the certificate's own category and grade.
  [[nodiscard]] bool shows(disability_category c, disability_grade threshold) const noexcept {
    if (category_ == c && grade_.is_at_least_as_severe_as(threshold)) return true;
    for (const auto& e : components_)
      if (e.category == c && e.grade.is_at_least_as_severe_as(threshold)) return true;
    return false;
  }

  friend bool operator==(const disability_certificate&, const disability_certificate&) = default;

private:
  disability_category category_;
  disability_grade grade_;
  std::vector<disability_entry> components_;
};

} // namespace eldercare
