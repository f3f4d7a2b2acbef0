#pragma once
// Category conditions: 低保, 特困, 优抚, 计生特扶, 空巢 ...

#include <string>
#include <string_view> // the leaf's declarations

#include "eldercare/person/category.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

template <class S>
concept HasCategories = requires(const S& s) {
  { s.categories } -> std::convertible_to<category_set>;
};

/// Holds at least one of `wanted` (a single category is a set of one).
struct in_category : condition_tag {
  static constexpr std::string_view kind = "in_category";
  static constexpr row_fields reads = row_fields::categories;
  static constexpr std::string_view doc =
      "Holds at least one of `categories` (words such as ``\"dibao\"``, ``\"tekun\"``, ``\"youfu\"``).";

  category_set wanted;

  explicit in_category(category c) : wanted{c} {}
  explicit in_category(category_set cs) : wanted(cs) { validate(); }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("categories", "The categories, any of which will do (one list, or the words one by one).")
          .spread(),
      self.wanted);
  }
  void validate() const {
    if (wanted.empty())
      throw invalid_value(error_id::invalid_parameter, "in_category.categories", literal{"[]"},
                          "needs at least one category");
  }

  template <HasCategories Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = ctx.subject.categories.intersects(wanted);
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"categories", ctx.subject.categories.to_string()}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    std::string s = "in category ";
    bool first = true;
    for (std::size_t i = 0; i < category_count; ++i) {
      const auto c = static_cast<category>(i);
      if (!wanted.contains(c)) continue;
      s += first ? "" : " or ";
      s += std::string(to_word(c)) + " (" + std::string(chinese_name(c)) + ")";
      first = false;
    }
    return s;
  }

protected:
  in_category() = default; // blank (rules/leaf.hpp)
};

} // namespace eldercare
