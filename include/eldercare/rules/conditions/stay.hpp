#pragma once
// Stay conditions: "入住…养老机构满三个月" and "lives at home".

#include <string>

#include "eldercare/calendar/period.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/stay/continuous_stay.hpp"

namespace eldercare {

template <class S>
concept HasStays = requires(const S& s) {
  { std::span<const stay>(s.stays) };
};

/// In a qualifying facility on the date, continuously for at least `length` (counted per `counting`
/// from the start of the continuous stay, which art. 201 does not count).
struct continuous_stay_at_least : condition_tag {
  period length;
  facility_criteria facilities;
  continuity_rules continuity{};
  period_counting counting{};
  check_time checked = check_time::end_of_day;

  continuous_stay_at_least(period len, facility_criteria f, continuity_rules c = {}, period_counting pc = {},
                           check_time t = check_time::end_of_day)
      : length(len), facilities(std::move(f)), continuity(c), counting(pc), checked(t) {
    if (continuity.max_gap_days < 0)
      throw invalid_value(error_id::invalid_parameter, "continuity.max_gap_days",
                          std::to_string(continuity.max_gap_days), "cannot be negative");
  }

  template <HasStays Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const std::span<const stay> stays(ctx.subject.stays);
    std::string problem;
    if (!ctx.facilities) problem = "no facility registry was given";
    else
      for (std::size_t i = 0; i < stays.size() && problem.empty(); ++i)
        if (!ctx.facilities->find(stays[i].facility_id()))
          problem = "stays[" + std::to_string(i) + "].facility '" + stays[i].facility_id() + "' is not in the registry";
    std::optional<continuous_stay> run;
    if (problem.empty()) run = continuous_stay_on(stays, *ctx.facilities, facilities, ctx.on, continuity);
    std::optional<date> complete_on;
    if (run) complete_on = period_complete_on(run->start, length, counting, checked);
    const bool ok = complete_on && *complete_on <= ctx.on;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.note = problem;
      if (run) {
        const facility* f = ctx.facilities->find(run->current_facility);
        std::string where = run->current_facility + " (" + detail::region_text(f->region());
        if (f->filing()) where += ", filed " + to_iso(f->filing()->filed_on());
        where += ")";
        r.facts = {{"continuous_stay.since", to_iso(run->start)},
                   {"facility", where},
                   {"complete_on", to_iso(*complete_on)}};
        if (!ok) r.met_on = complete_on;
      } else if (problem.empty()) {
        r.note = "not in " + facilities.to_string() + " on " + to_iso(ctx.on);
        std::string list;
        for (const auto& s : stays)
          list += (list.empty() ? "" : "; ") + s.facility_id() + " " + to_iso(s.admitted()) + "–" +
                  (s.discharged() ? to_iso(*s.discharged()) : std::string("ongoing"));
        r.facts = {{"stays", list.empty() ? std::string("none") : list}};
      }
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    std::string s = "continuous stay of " + length.to_string();
    if (counting.months == month_counting::natural_month) s += " (natural months)";
    return s + " in " + facilities.to_string();
  }
};

/// In a facility matching `facilities` on the date (filed that day, where the criteria require it).
struct in_facility : condition_tag {
  facility_criteria facilities;

  explicit in_facility(facility_criteria f) : facilities(std::move(f)) {}

  template <HasStays Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const stay* in = nullptr;
    for (const auto& s : std::span<const stay>(ctx.subject.stays))
      if (s.covers(ctx.on)) in = &s;
    const facility* f = in && ctx.facilities ? ctx.facilities->find(in->facility_id()) : nullptr;
    const bool ok = f && facilities.matches_place_and_kind(*f) && (!facilities.require_filing || f->filed_on(ctx.on));
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      if (!in) r.note = "not in a facility on " + to_iso(ctx.on);
      else if (!f) r.note = "facility '" + in->facility_id() + "' is not in the registry";
      else {
        std::string where = f->id() + " (" + detail::region_text(f->region());
        where += f->filing() ? ", filed " + to_iso(f->filing()->filed_on()) : std::string(", not filed");
        r.facts = {{"facility", where + ")"}};
      }
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "in " + facilities.to_string(); }
};

/// Not in any facility on the date (居家: "living at home").
struct lives_at_home : condition_tag {
  template <HasStays Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const std::span<const stay> stays(ctx.subject.stays);
    const stay* in = nullptr;
    for (const auto& s : stays)
      if (s.covers(ctx.on)) in = &s;
    const bool ok = in == nullptr;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      if (in) r.facts = {{"in_facility", in->facility_id() + " since " + to_iso(in->admitted())}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "lives at home (not in a facility)"; }
};

} // namespace eldercare
