#pragma once
// What a leaf condition declares about itself, once, in its own struct, so that everything else
// (the batch engine's table of leaves, the Python binding's factories, parameters, copies with
// changes and pickling) follows from one list of leaf types (rules/leaves.hpp) and is never written
// again per leaf:
//
//   struct age_at_least : condition_tag {
//     static constexpr std::string_view kind = "age_at_least";        // its name everywhere
//     static constexpr row_fields reads = row_fields::birth_date;     // what it reads of a subject
//     static constexpr std::string_view doc = "Age ≥ `years` 周岁 ...";  // what it means
//     int years = 0;
//     age_rule rule{};
//
//     template <class Self, class V>                                    // its parameters, by name
//     static void fields(Self& self, V&& v) {
//       v(leaf_param("years", "0-150."), self.years);                   // required: no default
//       v(leaf_param("reached", "...").by_name(), self.rule.reached, age_reached::on_birthday);
//     }
//     void validate() const { ... }          // the constructor's checks, re-run after a change
//     explicit age_at_least(int y, age_rule r = {});                   // calls validate()
//   protected:
//     age_at_least() = default;              // blank, for a leaf made from parameters by name
//   };
//
// fields() is one static template for reading (Self = const Leaf) and writing (Self = Leaf): a
// visitor sees each parameter's declaration, the member itself (nested members such as
// `rule.reached` included, which member pointers cannot reach in one step) and its default, of any
// type (a std::vector default is no constant expression). Members that are not parameters (a
// holiday-calendar pointer) are simply not visited: copies with changes keep them.

#include <concepts>    // the Leaf concept
#include <cstddef>     // std::size_t
#include <string_view> // kinds, names, docs
#include <type_traits> // std::type_identity, std::is_default_constructible_v

#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/row_fields.hpp"

namespace eldercare {

/// One parameter of a leaf: its name (as factories and reforms spell it: "years"), a one-line doc,
/// and how a caller passes it. The member it is, and its default, are given beside it in the leaf's
/// fields(); a parameter without a default is required.
struct leaf_parameter {
  std::string_view name;
  std::string_view doc;
  bool named = false;    ///< passed by name only (keyword-only in Python), after the positional ones
  bool variadic = false; ///< a list that may be passed as separate arguments: in_category("dibao", "tekun")

  /// The same parameter, passed by name only.
  [[nodiscard]] constexpr leaf_parameter by_name() const noexcept {
    leaf_parameter p = *this;
    p.named = true;
    return p;
  }
  /// The same parameter (a list), passed as separate arguments.
  [[nodiscard]] constexpr leaf_parameter spread() const noexcept {
    leaf_parameter p = *this;
    p.variadic = true;
    return p;
  }
};

/// A positional parameter named `name` (see leaf_parameter).
[[nodiscard]] constexpr leaf_parameter leaf_param(std::string_view name, std::string_view doc) noexcept {
  return leaf_parameter{name, doc};
}

namespace detail {
/// A visitor that accepts every parameter declaration: lets the concepts below ask whether a leaf's
/// fields() can be called for reading and for writing.
struct any_field {
  template <class T>
  void operator()(const leaf_parameter&, T&) const noexcept {}
  template <class T, class D>
  void operator()(const leaf_parameter&, T&, const D&) const noexcept {}
};

/// Reaches a leaf's protected default constructor (see blank_leaf).
template <class L>
struct blank_of : L {
  blank_of() = default;
};
} // namespace detail

/// Declares its kind: `static constexpr std::string_view kind = "age_at_least";`.
template <class L>
concept DeclaresKind = requires {
  { L::kind } -> std::convertible_to<std::string_view>;
};
/// Declares the members of its subject it reads: `static constexpr row_fields reads = ...;`.
template <class L>
concept DeclaresReads = requires {
  { L::reads } -> std::convertible_to<row_fields>;
};
/// Declares what it means, for users of other languages: `static constexpr std::string_view doc`.
template <class L>
concept DeclaresDoc = requires {
  { L::doc } -> std::convertible_to<std::string_view>;
};
/// Declares its parameters: `template <class Self, class V> static void fields(Self&, V&&)`.
template <class L>
concept DeclaresFields = requires(L& l, const L& c, detail::any_field& v) {
  L::fields(l, v);
  L::fields(c, v);
};
/// Can be made blank (default constructed, possibly through a protected constructor) to be filled
/// parameter by parameter.
template <class L>
concept BlankConstructible = std::is_default_constructible_v<detail::blank_of<L>>;
/// Re-runs its constructor's checks: `void validate() const` (optional: a leaf without checks needs none).
template <class L>
concept Validated = requires(const L& l) {
  l.validate();
};

/// A leaf condition with every declaration that lists of leaves need.
template <class L>
concept Leaf = ConditionExpression<L> && DeclaresKind<L> && DeclaresReads<L> && DeclaresDoc<L> &&
    DeclaresFields<L> && BlankConstructible<L> && std::copy_constructible<L>;

/// A leaf whose parameters are still to be set: the start of a leaf made from parameters by name.
/// Not a valid leaf until they are set and validate_leaf() passes.
template <Leaf L>
[[nodiscard]] L blank_leaf() {
  const detail::blank_of<L> b{};
  return static_cast<const L&>(b);
}

/// Runs the leaf's own checks (its constructor's), if it has any; throws invalid_value naming
/// "<kind>.<parameter>".
template <Leaf L>
void validate_leaf(const L& l) {
  if constexpr (Validated<L>) l.validate();
}

/// Whether two leaves of a type have equal parameters (every declared parameter compared with ==).
template <Leaf L>
[[nodiscard]] bool same_parameters(const L& a, const L& b) {
  bool same = true;
  std::size_t i = 0;
  auto outer = [&](const leaf_parameter&, const auto& x, const auto&...) {
    std::size_t j = 0;
    auto inner = [&](const leaf_parameter&, const auto& y, const auto&...) {
      if constexpr (std::same_as<decltype(x), decltype(y)>)
        if (i == j && !(x == y)) same = false;
      ++j;
    };
    L::fields(b, inner);
    ++i;
  };
  L::fields(a, outer);
  return same;
}

/// A copy of `from`'s parameters into `to` (members that are not parameters are left as they are).
template <Leaf L>
void copy_parameters(const L& from, L& to) {
  std::size_t i = 0;
  auto outer = [&](const leaf_parameter&, const auto& x, const auto&...) {
    std::size_t j = 0;
    auto inner = [&](const leaf_parameter&, auto& y, const auto&...) {
      if constexpr (std::same_as<std::remove_cvref_t<decltype(y)>, std::remove_cvref_t<decltype(x)>>)
        if (i == j) y = x;
      ++j;
    };
    L::fields(to, inner);
    ++i;
  };
  L::fields(from, outer);
}

namespace detail {
/// Checks a listed leaf, one declaration at a time, so that a missing one is named where the list
/// is declared (a leaf_list's constraint calls this).
template <class L>
constexpr bool check_leaf() {
  static_assert(ConditionExpression<L>,
                "a listed leaf is a condition: derive from condition_tag, give describe()");
  static_assert(DeclaresKind<L>,
                "a listed leaf declares its kind: static constexpr std::string_view kind = \"...\";");
  static_assert(DeclaresReads<L>,
                "a listed leaf declares what it reads: static constexpr row_fields reads = row_fields::...;");
  static_assert(DeclaresDoc<L>,
                "a listed leaf declares its doc: static constexpr std::string_view doc = \"...\";");
  static_assert(DeclaresFields<L>,
                "a listed leaf declares its parameters: template <class Self, class V> static "
                "void fields(Self& self, V&& v)");
  static_assert(
      BlankConstructible<L>,
      "a listed leaf can be made blank: give it a protected default constructor (Leaf() = default;)");
  return Leaf<L>;
}

template <class... Ls>
constexpr bool unique_kinds() {
  constexpr std::string_view kinds[] = {std::string_view(Ls::kind)..., std::string_view()};
  for (std::size_t i = 0; i < sizeof...(Ls); ++i)
    for (std::size_t j = i + 1; j < sizeof...(Ls); ++j)
      if (kinds[i] == kinds[j]) return false;
  return true;
}
} // namespace detail

/// A list of leaf types: what the batch engine registers and the Python binding exposes. Listing a
/// type that lacks a declaration fails to compile here, with the missing declaration named.
template <class... Ls>
  requires(detail::check_leaf<Ls>() && ...)
struct leaf_list {
  static_assert(detail::unique_kinds<Ls...>(), "two leaves of a leaf_list declare the same kind");

  static constexpr std::size_t size = sizeof...(Ls);

  /// Calls f(std::type_identity<L>{}) for each leaf type, in list order.
  template <class F>
  static constexpr void for_each(F&& f) {
    (f(std::type_identity<Ls>{}), ...);
  }
  /// Calls f(std::type_identity<L>{}) for the leaf whose kind is `kind`; false when none is.
  template <class F>
  static constexpr bool with_kind(std::string_view kind, F&& f) {
    return ((Ls::kind == kind ? (f(std::type_identity<Ls>{}), true) : false) || ...);
  }
};

} // namespace eldercare
