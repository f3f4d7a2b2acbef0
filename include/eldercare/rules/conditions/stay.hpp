#pragma once
// Stay conditions: "入住…养老机构满三个月" and "lives at home".

#include <array>  // facilities of a few stays, looked up once
#include <string>
#include <vector>

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

/// A subject that also carries its stays' facilities, already looked up in the evaluation's registry
/// (stay_facilities[i] is what ctx.facilities->find(stays[i].facility_id()) returns). The batch
/// engine's rows do, so a stay rule need not look facilities up by id for every row and date; an
/// empty span means "not resolved": the leaf looks them up itself.
template <class S>
concept HasResolvedStays = HasStays<S> && requires(const S& s) {
  { std::span<const facility* const>(s.stay_facilities) };
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
    // Each stay's facility is looked up once (a small buffer for the usual few stays).
    std::array<const facility*, 4> few{};
    std::vector<const facility*> many;
    const facility** found = stays.size() <= few.size() ? few.data() : (many.resize(stays.size()), many.data());
    const std::string problem = find_facilities(ctx, stays, found);
    // The run covering the date (detail::run_covering: the same code as continuous_stay_on).
    detail::segment_refs refs;
    std::optional<detail::run_ref> run;
    if (problem.empty()) {
      detail::qualifying_refs(stays, [found](std::size_t i) -> const facility& { return *found[i]; }, facilities, continuity, refs);
      run = detail::run_covering(stays, refs.items(), ctx.on, continuity);
    }
    std::optional<date> complete_on;
    if (run) complete_on = period_complete_on(run->start, length, counting, checked);
    const bool ok = complete_on && *complete_on <= ctx.on;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.note = problem;
      if (run) {
        const std::string& current = stays[refs.items()[run->current].stay].facility_id();
        const facility* f = ctx.facilities->find(current);
        std::string where = current + " (" + detail::region_text(f->region());
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
  /// True when the condition fails whatever the date: the facilities cannot be found, or no stay is
  /// in a facility the criteria accept (qualifying segments do not depend on the date, and a run is
  /// made of them). The batch engine asks this once per row for a whole horizon instead of
  /// evaluating every date; it follows from evaluate() above, which remains the definition.
  template <HasStays Subject>
  [[nodiscard]] bool fails_on_every_date(const context<Subject>& ctx) const {
    const std::span<const stay> stays(ctx.subject.stays);
    std::array<const facility*, 4> few{};
    std::vector<const facility*> many;
    const facility** found = stays.size() <= few.size() ? few.data() : (many.resize(stays.size()), many.data());
    if (!find_facilities(ctx, stays, found).empty()) return true;
    detail::segment_refs refs;
    detail::qualifying_refs(stays, [found](std::size_t i) -> const facility& { return *found[i]; }, facilities, continuity, refs);
    return refs.items().empty();
  }

  [[nodiscard]] std::string describe() const {
    std::string s = "continuous stay of " + length.to_string();
    if (counting.months == month_counting::natural_month) s += " (natural months)";
    return s + " in " + facilities.to_string();
  }

private:
  // Fills found[i] with stays[i]'s facility; returns what is wrong ("" when every one is found).
  template <class Subject>
  std::string find_facilities(const context<Subject>& ctx, std::span<const stay> stays, const facility** found) const {
    if (!ctx.facilities) return "no facility registry was given";
    std::span<const facility* const> resolved;
    if constexpr (HasResolvedStays<Subject>) resolved = ctx.subject.stay_facilities;
    for (std::size_t i = 0; i < stays.size(); ++i)
      if (!(found[i] = resolved.size() == stays.size() ? resolved[i] : ctx.facilities->find(stays[i].facility_id())))
        return "stays[" + std::to_string(i) + "].facility '" + stays[i].facility_id() + "' is not in the registry";
    return {};
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
  /// True when the condition fails whatever the date: no stay is in a facility of the registry that
  /// matches the criteria's place and kind (see continuous_stay_at_least::fails_on_every_date).
  template <HasStays Subject>
  [[nodiscard]] bool fails_on_every_date(const context<Subject>& ctx) const {
    if (!ctx.facilities) return true;
    for (const auto& s : std::span<const stay>(ctx.subject.stays)) {
      const facility* f = ctx.facilities->find(s.facility_id());
      if (f && facilities.matches_place_and_kind(*f)) return false;
    }
    return true;
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
