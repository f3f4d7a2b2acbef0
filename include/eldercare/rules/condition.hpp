#pragma once
// Conditions and their algebra. A condition is a small value type with
//
//   template <class Subject, class Sink> bool evaluate(const context<Subject>&, Sink&) const;
//   std::string describe() const;
//
// Conditions compose with &&, || and ! into all_of / any_of / negation types, so a rule's structure
// is a C++ type checked by the compiler: composing a condition that cannot read a subject's facts
// fails to compile where the rule is declared. The same types are wrapped by any_condition for rules
// built at run time (Python, reforms), so both paths share one implementation of each condition.

#include <concepts> // std::derived_from, std::same_as
#include <string>
#include <tuple> // all_of / any_of parts
#include <type_traits>
#include <utility>

#include "eldercare/rules/context.hpp"
#include "eldercare/rules/trace.hpp"

namespace eldercare {

/// Base of every condition type: opts the type into the && || ! operators below (and nothing else
/// gets them, so `bool && bool` is untouched).
struct condition_tag {};

/// A condition expression of any subject.
template <class C>
concept ConditionExpression = std::derived_from<std::remove_cvref_t<C>, condition_tag> &&
    requires(const std::remove_cvref_t<C>& c) {
  { c.describe() } -> std::convertible_to<std::string>;
};

/// A condition that can be evaluated against `Subject`'s facts, with and without a trace.
template <class C, class Subject>
concept ConditionFor = ConditionExpression<C> &&
    requires(const C& c, const context<Subject>& ctx, no_trace& quiet, trace& loud) {
  { c.evaluate(ctx, quiet) } -> std::same_as<bool>;
  { c.evaluate(ctx, loud) } -> std::same_as<bool>;
};

namespace detail {
template <class Tuple, std::size_t... I>
std::string join_descriptions(const Tuple& t, const char* sep, std::index_sequence<I...>) {
  std::string s;
  ((s += (I == 0 ? "" : sep), s += std::get<I>(t).describe()), ...);
  return s;
}
} // namespace detail

/// Every part must hold. With a trace every part is evaluated (the explanation lists each); without
/// one, evaluation stops at the first failure.
template <ConditionExpression... Parts>
struct all_of : condition_tag {
  std::tuple<Parts...> parts;

  constexpr explicit all_of(Parts... ps) : parts(std::move(ps)...) {}

  template <class Subject, class Sink>
    requires(ConditionFor<Parts, Subject>&&...)
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto handle = sink.open_group(reason_kind::all_of, [] { return std::string("all of"); });
    bool ok = true;
    std::apply(
        [&](const auto&... p) {
          if constexpr (Sink::recording) ((ok = p.evaluate(ctx, sink) && ok), ...);
          else
            ok = (p.evaluate(ctx, sink) && ...);
        },
        parts);
    sink.close_group(handle, ok);
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "(" + detail::join_descriptions(parts, " and ", std::index_sequence_for<Parts...>{}) + ")";
  }
};

/// At least one part must hold. With a trace every part is evaluated.
template <ConditionExpression... Parts>
struct any_of : condition_tag {
  std::tuple<Parts...> parts;

  constexpr explicit any_of(Parts... ps) : parts(std::move(ps)...) {}

  template <class Subject, class Sink>
    requires(ConditionFor<Parts, Subject>&&...)
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto handle = sink.open_group(reason_kind::any_of, [] { return std::string("any of"); });
    bool ok = false;
    std::apply(
        [&](const auto&... p) {
          if constexpr (Sink::recording) ((ok = p.evaluate(ctx, sink) || ok), ...);
          else
            ok = (p.evaluate(ctx, sink) || ...);
        },
        parts);
    sink.close_group(handle, ok);
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "(" + detail::join_descriptions(parts, " or ", std::index_sequence_for<Parts...>{}) + ")";
  }
};

/// The part must not hold (an exclusion: "无精神病").
template <ConditionExpression Part>
struct negation : condition_tag {
  Part part;

  constexpr explicit negation(Part p) : part(std::move(p)) {}

  template <class Subject, class Sink>
    requires ConditionFor<Part, Subject>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto handle = sink.open_group(reason_kind::negation, [] { return std::string("not"); });
    const bool ok = !part.evaluate(ctx, sink);
    sink.close_group(handle, ok);
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "not " + part.describe(); }
};

namespace detail {
template <class T>
struct is_all_of : std::false_type {};
template <class... P>
struct is_all_of<all_of<P...>> : std::true_type {};
template <class T>
struct is_any_of : std::false_type {};
template <class... P>
struct is_any_of<any_of<P...>> : std::true_type {};

template <class C>
auto parts_of_all(C c) {
  if constexpr (is_all_of<C>::value) return std::move(c.parts);
  else
    return std::tuple<C>(std::move(c));
}
template <class C>
auto parts_of_any(C c) {
  if constexpr (is_any_of<C>::value) return std::move(c.parts);
  else
    return std::tuple<C>(std::move(c));
}
template <template <class...> class Group, class Tuple>
auto make_group(Tuple t) {
  return std::apply([](auto&&... p) { return Group<std::remove_cvref_t<decltype(p)>...>(std::move(p)...); },
                    std::move(t));
}
} // namespace detail

/// a && b: both must hold. Nested && flatten into one all_of.
template <ConditionExpression A, ConditionExpression B>
[[nodiscard]] auto operator&&(A a, B b) {
  return detail::make_group<all_of>(
      std::tuple_cat(detail::parts_of_all(std::move(a)), detail::parts_of_all(std::move(b))));
}

/// a || b: at least one must hold. Nested || flatten into one any_of.
template <ConditionExpression A, ConditionExpression B>
[[nodiscard]] auto operator||(A a, B b) {
  return detail::make_group<any_of>(
      std::tuple_cat(detail::parts_of_any(std::move(a)), detail::parts_of_any(std::move(b))));
}

/// !a: a must not hold.
template <ConditionExpression A>
[[nodiscard]] auto operator!(A a) {
  return negation<A>(std::move(a));
}

/// Evaluates a condition without recording anything.
template <class Subject, ConditionFor<Subject> C>
[[nodiscard]] bool holds(const C& c, const context<Subject>& ctx) {
  no_trace quiet;
  return c.evaluate(ctx, quiet);
}

} // namespace eldercare
