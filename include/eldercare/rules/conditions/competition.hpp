#pragma once
// Leaves for events (subjects/competition_event.hpp): who organised it, where, what it was, and its
// scale. Templates over any subject with the facts they read.

#include <cstdint>
#include <string>
#include <vector>

#include "eldercare/region/region_set.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/conditions/residency.hpp" // detail::region_text
#include "eldercare/subjects/competition_event.hpp"

namespace eldercare {

namespace detail {
/// An event word with its Chinese label, as explanations show it: "enterprise (企业)", "other".
template <Worded E>
std::string event_word(E e) {
  const std::string_view word = to_word(e), label = label_of(e);
  return label == word ? std::string(word) : std::string(word) + " (" + std::string(label) + ")";
}
} // namespace detail

template <class S>
concept HasOrganiser = requires(const S& s) {
  { s.organiser } -> std::convertible_to<event_organiser>;
  { s.organiser_region } -> std::convertible_to<region_code>;
};
template <class S>
concept HasEventKind = requires(const S& s) {
  { s.kind } -> std::convertible_to<event_kind>;
};
template <class S>
concept HasParticipants = requires(const S& s) {
  { s.participants } -> std::convertible_to<std::int64_t>;
};

/// Organised by one of `kinds` (企业、行业协会、商会组织).
struct organised_by : condition_tag {
  std::vector<event_organiser> kinds;

  explicit organised_by(std::vector<event_organiser> k) : kinds(std::move(k)) {
    if (kinds.empty())
      throw invalid_value(error_id::invalid_parameter, "organised_by.kinds", literal{"[]"}, "needs a kind");
  }

  template <HasOrganiser Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    bool ok = false;
    for (auto k : kinds) ok = ok || k == ctx.subject.organiser;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"organiser", detail::event_word(ctx.subject.organiser)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    std::string s = "organised by ";
    for (std::size_t i = 0; i < kinds.size(); ++i) s += (i ? " or " : "") + detail::event_word(kinds[i]);
    return s;
  }
};

/// The organiser is registered in one of `regions`.
struct organiser_in : condition_tag {
  region_set regions;

  explicit organiser_in(region_set r) : regions(std::move(r)) {}

  template <HasOrganiser Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = regions.contains(ctx.subject.organiser_region);
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"organiser_region", detail::region_text(ctx.subject.organiser_region)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "organiser registered in " + regions.to_string(); }
};

/// The event is one of `kinds` (技能竞赛, 成果展示活动).
struct event_kind_in : condition_tag {
  std::vector<event_kind> kinds;

  explicit event_kind_in(std::vector<event_kind> k) : kinds(std::move(k)) {
    if (kinds.empty())
      throw invalid_value(error_id::invalid_parameter, "event_kind_in.kinds", literal{"[]"}, "needs a kind");
  }

  template <HasEventKind Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    bool ok = false;
    for (auto k : kinds) ok = ok || k == ctx.subject.kind;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"kind", detail::event_word(ctx.subject.kind)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    std::string s = "event is a ";
    for (std::size_t i = 0; i < kinds.size(); ++i) s += (i ? " or " : "") + detail::event_word(kinds[i]);
    return s;
  }
};

/// At least `minimum` participants (the measure of 活动规模 used by the catalog).
struct participants_at_least : condition_tag {
  std::int64_t minimum;

  explicit participants_at_least(std::int64_t m) : minimum(m) {
    if (m < 0)
      throw invalid_value(error_id::invalid_parameter, "participants_at_least", m, "cannot be negative");
  }

  template <HasParticipants Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = ctx.subject.participants >= minimum;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"participants", std::to_string(ctx.subject.participants)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "at least " + std::to_string(minimum) + " participants";
  }
};

} // namespace eldercare
