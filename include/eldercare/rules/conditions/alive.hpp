#pragma once
// Alive (在世). Every subsidy to a person stops with the person's death; the records say so with a
// date of death (person::died_on, 死亡日期), and a rule that pays the living tests this leaf.

#include <optional> // the date of death, when recorded
#include <string>
#include <string_view> // the leaf's declarations

#include "eldercare/calendar/date.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

/// Subjects with a date of death on record (or none).
template <class S>
concept HasDeathDate = requires(const S& s) {
  { s.died_on } -> std::convertible_to<std::optional<date>>;
};

/// Alive at the end of the evaluation date: no date of death on record, or a later one. On the day
/// of death the person is not alive at 24:00, when decisions are taken (art. 203), so a month tested
/// at its end is not paid for a person who died in it; a policy that pays the month of death tests
/// eligibility at the month's start (month_basis::start_of_month).
struct alive : condition_tag {
  static constexpr std::string_view kind = "alive";
  static constexpr row_fields reads = row_fields::death;
  static constexpr std::string_view doc =
      "Alive (在世) at the end of the evaluation date: no date of death on record, or a later one.";
  static constexpr std::string_view notes =
      "A person who dies is not alive at the end of the day of death; a dead person never becomes "
      "alive, so a failing reason carries no ``met_on``.";

  template <class Self, class V>
  static void fields(Self&, V&&) {} // no parameters

  template <HasDeathDate Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const std::optional<date>& died = ctx.subject.died_on;
    const bool ok = !died || ctx.on < *died;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"died_on", died ? to_iso(*died) : std::string("none recorded")}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "alive (在世)"; }
};

} // namespace eldercare
