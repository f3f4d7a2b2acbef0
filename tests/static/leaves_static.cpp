// Compile-only: what a listed leaf must declare (rules/leaf.hpp), and the list (rules/leaves.hpp).
#include <string>      // describe()
#include <string_view> // kinds
#include <type_traits> // default constructibility

#include "eldercare/rules/leaves.hpp"

using namespace eldercare;

namespace leaves_static {
// A condition with every declaration...
struct complete : condition_tag {
  static constexpr std::string_view kind = "complete";
  static constexpr row_fields reads = row_fields::none;
  static constexpr std::string_view doc = "Always.";
  int n = 0;
  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("n", "A number."), self.n, 1);
  }
  template <class Subject, class Sink>
  bool evaluate(const context<Subject>&, Sink&) const {
    return true;
  }
  [[nodiscard]] std::string describe() const { return "complete"; }
};
// ...and conditions each missing one of them.
struct without_kind : condition_tag {
  static constexpr row_fields reads = row_fields::none;
  static constexpr std::string_view doc = "Always.";
  template <class Self, class V>
  static void fields(Self&, V&&) {}
  template <class Subject, class Sink>
  bool evaluate(const context<Subject>&, Sink&) const {
    return true;
  }
  [[nodiscard]] std::string describe() const { return "?"; }
};
struct without_fields : condition_tag {
  static constexpr std::string_view kind = "without_fields";
  static constexpr row_fields reads = row_fields::none;
  static constexpr std::string_view doc = "Always.";
  template <class Subject, class Sink>
  bool evaluate(const context<Subject>&, Sink&) const {
    return true;
  }
  [[nodiscard]] std::string describe() const { return "?"; }
};
struct without_blank : complete {
  explicit without_blank(int) {}
};
} // namespace leaves_static
using namespace leaves_static;

static_assert(Leaf<complete>);
static_assert(!Leaf<without_kind> && !DeclaresKind<without_kind>, "a leaf declares its kind");
static_assert(!Leaf<without_fields> && !DeclaresFields<without_fields>, "a leaf declares its parameters");
static_assert(!Leaf<without_blank> && !BlankConstructible<without_blank>, "a leaf can be made blank");
static_assert(leaf_list<complete>::size == 1);

// Every library leaf for persons declares everything, once, under a kind of its own...
static_assert(person_leaves::size >= 18, "a library leaf was dropped from the list");
static_assert(Leaf<age_at_least> && Leaf<continuous_stay_at_least> && Leaf<has_mental_illness> &&
              Leaf<always>);
static_assert(age_at_least::kind == "age_at_least" && age_at_least::reads == row_fields::birth_date);
static_assert(continuous_stay_at_least::reads == row_fields::stays);
static_assert(has_infectious_disease::kind == "has_infectious_disease");
// ...and a blank leaf stays out of users' reach: only blank_leaf<L>() makes one.
static_assert(!std::is_default_constructible_v<age_at_least>);
static_assert(!std::is_default_constructible_v<continuous_stay_at_least>);
static_assert(!std::is_default_constructible_v<hukou_in>);
