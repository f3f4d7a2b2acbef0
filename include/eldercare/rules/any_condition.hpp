#pragma once
// Conditions whose structure is decided at run time: rules built from Python, reforms that swap a
// condition, catalog policies held in one container. basic_any_condition wraps any compile-time
// condition type (type erasure), so a run-time rule evaluates the very same leaf code as a templated
// one; the dynamic groups hold a run-time number of parts. visit() walks a condition down to its
// leaves, through compile-time groups (all_of<A, B>) as well as run-time ones, so that code which
// needs the structure (the columnar batch engine, documentation) sees every leaf with its type.

#include <memory> // std::shared_ptr: conditions are immutable, so sharing is safe and cheap
#include <string>
#include <tuple>    // std::apply over a compile-time group's parts in visit()
#include <typeinfo> // std::type_info for target<T>() and leaf_ref
#include <vector>

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/rules/condition.hpp"

namespace eldercare {

template <class Subject>
class basic_any_condition;

/// Shape of a run-time condition node, for code that walks a tree (reforms, documentation).
enum class condition_shape { leaf, all_of, any_of, negation };

template <>
struct enum_words<condition_shape> {
  static constexpr std::string_view type = "condition_shape";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<condition_shape>, 4> entries{{
      {condition_shape::leaf, "leaf"},
      {condition_shape::all_of, "all_of"},
      {condition_shape::any_of, "any_of"},
      {condition_shape::negation, "negation"},
  }};
};

/// A leaf met while walking a condition (basic_any_condition::visit): its type, its value, and the
/// leaf's own no-trace evaluation on `Subject`.
template <class Subject>
struct leaf_ref {
  const std::type_info* type;
  const void* object;
  bool (*evaluate)(const void* object, const context<Subject>& ctx); ///< the leaf's evaluate, no_trace sink
  std::string (*describe)(const void* object);

  /// The leaf if it is a `C`, else nullptr.
  template <class C>
  [[nodiscard]] const C* target() const noexcept {
    return *type == typeid(C) ? static_cast<const C*>(object) : nullptr;
  }
};

/// Receives a condition in evaluation order: every group (compile-time all_of<...> and run-time
/// any_condition::all alike) is open()ed, its parts visited in order, then close()d.
template <class Subject>
class condition_visitor {
public:
  virtual ~condition_visitor() = default;
  virtual void open(condition_shape group) = 0; ///< all_of, any_of or negation
  virtual void close() = 0;
  virtual void leaf(const leaf_ref<Subject>& leaf) = 0;
};

namespace detail {
template <class T>
struct is_negation : std::false_type {};
template <class P>
struct is_negation<negation<P>> : std::true_type {};

template <class Subject, class C>
bool evaluate_leaf_quietly(const void* object, const context<Subject>& ctx) {
  no_trace quiet;
  return static_cast<const C*>(object)->evaluate(ctx, quiet);
}
template <class C>
std::string describe_leaf(const void* object) {
  return static_cast<const C*>(object)->describe();
}

/// Walks a compile-time condition: groups are opened and their parts walked, an erased part
/// continues through its own visit(), anything else is a leaf.
template <class Subject, class C>
void visit_condition(const C& c, condition_visitor<Subject>& v) {
  if constexpr (is_all_of<C>::value || is_any_of<C>::value) {
    v.open(is_all_of<C>::value ? condition_shape::all_of : condition_shape::any_of);
    std::apply([&](const auto&... p) { (visit_condition<Subject>(p, v), ...); }, c.parts);
    v.close();
  } else if constexpr (is_negation<C>::value) {
    v.open(condition_shape::negation);
    visit_condition<Subject>(c.part, v);
    v.close();
  } else if constexpr (std::same_as<C, basic_any_condition<Subject>>) {
    c.visit(v);
  } else {
    v.leaf(leaf_ref<Subject>{&typeid(C), &c, &evaluate_leaf_quietly<Subject, C>, &describe_leaf<C>});
  }
}

template <class Subject>
struct condition_model {
  virtual ~condition_model() = default;
  virtual bool evaluate(const context<Subject>& ctx, no_trace& sink) const = 0;
  virtual bool evaluate(const context<Subject>& ctx, trace& sink) const = 0;
  [[nodiscard]] virtual std::string describe() const = 0;
  [[nodiscard]] virtual condition_shape shape() const noexcept { return condition_shape::leaf; }
  [[nodiscard]] virtual const std::vector<basic_any_condition<Subject>>* children() const noexcept {
    return nullptr;
  }
  [[nodiscard]] virtual const std::type_info& type() const noexcept = 0;
  [[nodiscard]] virtual const void* target() const noexcept = 0;
  virtual void visit(condition_visitor<Subject>& v) const = 0;
};

template <class Subject, class C>
struct condition_holder final : condition_model<Subject> {
  C c;
  explicit condition_holder(C x) : c(std::move(x)) {}
  bool evaluate(const context<Subject>& ctx, no_trace& sink) const override { return c.evaluate(ctx, sink); }
  bool evaluate(const context<Subject>& ctx, trace& sink) const override { return c.evaluate(ctx, sink); }
  [[nodiscard]] std::string describe() const override { return c.describe(); }
  [[nodiscard]] const std::type_info& type() const noexcept override { return typeid(C); }
  [[nodiscard]] const void* target() const noexcept override { return &c; }
  void visit(condition_visitor<Subject>& v) const override { visit_condition<Subject>(c, v); }
};

template <class Subject>
struct dynamic_group final : condition_model<Subject> {
  condition_shape kind;
  std::vector<basic_any_condition<Subject>> parts;

  dynamic_group(condition_shape k, std::vector<basic_any_condition<Subject>> ps)
      : kind(k), parts(std::move(ps)) {}

  template <class Sink>
  bool run(const context<Subject>& ctx, Sink& sink) const {
    const reason_kind rk = kind == condition_shape::all_of   ? reason_kind::all_of
                           : kind == condition_shape::any_of ? reason_kind::any_of
                                                             : reason_kind::negation;
    const auto handle = sink.open_group(rk, [&] {
      return std::string(rk == reason_kind::all_of ? "all of" : rk == reason_kind::any_of ? "any of" : "not");
    });
    bool ok = kind != condition_shape::any_of;
    if (kind == condition_shape::negation) {
      ok = !parts.front().evaluate(ctx, sink);
    } else {
      for (const auto& p : parts) {
        const bool r = p.evaluate(ctx, sink);
        if (kind == condition_shape::all_of) ok = ok && r;
        else
          ok = ok || r;
        if constexpr (!Sink::recording) {
          if (kind == condition_shape::all_of && !ok) break;
          if (kind == condition_shape::any_of && ok) break;
        }
      }
    }
    sink.close_group(handle, ok);
    return ok;
  }
  bool evaluate(const context<Subject>& ctx, no_trace& sink) const override { return run(ctx, sink); }
  bool evaluate(const context<Subject>& ctx, trace& sink) const override { return run(ctx, sink); }
  [[nodiscard]] std::string describe() const override {
    if (kind == condition_shape::negation) return "not " + parts.front().describe();
    std::string s = "(";
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (i) s += kind == condition_shape::all_of ? " and " : " or ";
      s += parts[i].describe();
    }
    return s + ")";
  }
  [[nodiscard]] condition_shape shape() const noexcept override { return kind; }
  [[nodiscard]] const std::vector<basic_any_condition<Subject>>* children() const noexcept override {
    return &parts;
  }
  [[nodiscard]] const std::type_info& type() const noexcept override { return typeid(dynamic_group); }
  [[nodiscard]] const void* target() const noexcept override { return this; }
  void visit(condition_visitor<Subject>& v) const override {
    v.open(kind);
    for (const auto& p : parts) p.visit(v);
    v.close();
  }
};
} // namespace detail

/// A condition of any type for `Subject`, chosen at run time. Copies share the (immutable) condition.
template <class Subject>
class basic_any_condition : public condition_tag {
public:
  /// Wraps a compile-time condition.
  template <class C>
    requires(!std::same_as<std::remove_cvref_t<C>, basic_any_condition> &&
             ConditionFor<std::remove_cvref_t<C>, Subject>)
  basic_any_condition(C c) // NOLINT(google-explicit-constructor): wrapping is the point
      : self_(std::make_shared<detail::condition_holder<Subject, std::remove_cvref_t<C>>>(std::move(c))) {}

  /// A run-time group: every part must hold.
  [[nodiscard]] static basic_any_condition all(std::vector<basic_any_condition> parts) {
    require_parts(parts, "all");
    return basic_any_condition(
        std::make_shared<detail::dynamic_group<Subject>>(condition_shape::all_of, std::move(parts)));
  }
  /// A run-time group: at least one part must hold.
  [[nodiscard]] static basic_any_condition any(std::vector<basic_any_condition> parts) {
    require_parts(parts, "any");
    return basic_any_condition(
        std::make_shared<detail::dynamic_group<Subject>>(condition_shape::any_of, std::move(parts)));
  }
  /// A run-time negation.
  [[nodiscard]] static basic_any_condition negate(basic_any_condition part) {
    std::vector<basic_any_condition> one{std::move(part)};
    return basic_any_condition(
        std::make_shared<detail::dynamic_group<Subject>>(condition_shape::negation, std::move(one)));
  }

  bool evaluate(const context<Subject>& ctx, no_trace& sink) const { return self_->evaluate(ctx, sink); }
  bool evaluate(const context<Subject>& ctx, trace& sink) const { return self_->evaluate(ctx, sink); }
  [[nodiscard]] std::string describe() const { return self_->describe(); }

  [[nodiscard]] condition_shape shape() const noexcept { return self_->shape(); }
  /// The parts of a run-time group; empty for a leaf or a compile-time composite.
  [[nodiscard]] std::vector<basic_any_condition> children() const {
    const auto* c = self_->children();
    return c ? *c : std::vector<basic_any_condition>{};
  }
  /// Walks the condition down to its leaves, in evaluation order (see condition_visitor).
  void visit(condition_visitor<Subject>& v) const { self_->visit(v); }
  /// The wrapped condition if it is a `C`, else nullptr (lets reforms read a leaf's parameters).
  template <class C>
  [[nodiscard]] const C* target() const noexcept {
    return self_->type() == typeid(C) ? static_cast<const C*>(self_->target()) : nullptr;
  }

private:
  explicit basic_any_condition(std::shared_ptr<const detail::condition_model<Subject>> m)
      : self_(std::move(m)) {}
  static void require_parts(const std::vector<basic_any_condition>& parts, const char* what) {
    if (parts.empty())
      throw invalid_value(error_id::invalid_parameter, std::string("condition.") + what, literal{"[]"},
                          "a group needs at least one condition");
  }
  std::shared_ptr<const detail::condition_model<Subject>> self_;
};

} // namespace eldercare
