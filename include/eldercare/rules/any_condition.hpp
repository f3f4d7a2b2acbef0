#pragma once
// Conditions whose structure is decided at run time: rules built from Python, reforms that swap a
// condition, catalog policies held in one container. basic_any_condition wraps any compile-time
// condition type (type erasure), so a run-time rule evaluates the very same leaf code as a templated
// one; the dynamic groups hold a run-time number of parts.

#include <memory>    // std::shared_ptr: conditions are immutable, so sharing is safe and cheap
#include <string>
#include <typeinfo>  // std::type_info for target<T>()
#include <vector>

#include "eldercare/core/error.hpp"
#include "eldercare/rules/condition.hpp"

namespace eldercare {

template <class Subject>
class basic_any_condition;

/// Shape of a run-time condition node, for code that walks a tree (reforms, documentation).
enum class condition_shape { leaf, all_of, any_of, negation };

namespace detail {
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
};

template <class Subject>
struct dynamic_group final : condition_model<Subject> {
  condition_shape kind;
  std::vector<basic_any_condition<Subject>> parts;

  dynamic_group(condition_shape k, std::vector<basic_any_condition<Subject>> ps) : kind(k), parts(std::move(ps)) {}

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
        else ok = ok || r;
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
};
} // namespace detail

/// A condition of any type for `Subject`, chosen at run time. Copies share the (immutable) condition.
template <class Subject>
class basic_any_condition : public condition_tag {
public:
  /// Wraps a compile-time condition.
  template <class C>
    requires(!std::same_as<std::remove_cvref_t<C>, basic_any_condition> && ConditionFor<std::remove_cvref_t<C>, Subject>)
  basic_any_condition(C c) // NOLINT(google-explicit-constructor): wrapping is the point
      : self_(std::make_shared<detail::condition_holder<Subject, std::remove_cvref_t<C>>>(std::move(c))) {}

  /// A run-time group: every part must hold.
  [[nodiscard]] static basic_any_condition all(std::vector<basic_any_condition> parts) {
    require_parts(parts, "all");
    return basic_any_condition(std::make_shared<detail::dynamic_group<Subject>>(condition_shape::all_of, std::move(parts)));
  }
  /// A run-time group: at least one part must hold.
  [[nodiscard]] static basic_any_condition any(std::vector<basic_any_condition> parts) {
    require_parts(parts, "any");
    return basic_any_condition(std::make_shared<detail::dynamic_group<Subject>>(condition_shape::any_of, std::move(parts)));
  }
  /// A run-time negation.
  [[nodiscard]] static basic_any_condition negate(basic_any_condition part) {
    std::vector<basic_any_condition> one{std::move(part)};
    return basic_any_condition(std::make_shared<detail::dynamic_group<Subject>>(condition_shape::negation, std::move(one)));
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
  /// The wrapped condition if it is a `C`, else nullptr (lets reforms read a leaf's parameters).
  template <class C>
  [[nodiscard]] const C* target() const noexcept {
    return self_->type() == typeid(C) ? static_cast<const C*>(self_->target()) : nullptr;
  }

private:
  explicit basic_any_condition(std::shared_ptr<const detail::condition_model<Subject>> m) : self_(std::move(m)) {}
  static void require_parts(const std::vector<basic_any_condition>& parts, const char* what) {
    if (parts.empty())
      throw invalid_value(error_id::invalid_parameter, std::string("condition.") + what, "[]",
                          "a group needs at least one condition");
  }
  std::shared_ptr<const detail::condition_model<Subject>> self_;
};

} // namespace eldercare
