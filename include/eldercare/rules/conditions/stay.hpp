#pragma once
// Stay conditions: "入住…养老机构满三个月" and "lives at home".

#include <array> // facilities of a few stays, looked up once
#include <string>
#include <string_view> // the leaves' declarations
#include <vector>

#include "eldercare/calendar/period.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/rules/leaf.hpp"
#include "eldercare/stay/continuous_stay.hpp"

namespace eldercare {

template <class S>
concept HasStays = requires(const S& s) {
  {std::span<const stay>(s.stays)};
};

/// A subject that also carries its stays' facilities, already looked up in the evaluation's registry
/// (stay_facilities[i] is what ctx.facilities->find(stays[i].facility_id()) returns). The batch
/// engine's rows do, so a stay rule need not look facilities up by id for every row and date; an
/// empty span means "not resolved": the leaf looks them up itself.
template <class S>
concept HasResolvedStays = HasStays<S> && requires(const S& s) {
  {std::span<const facility* const>(s.stay_facilities)};
};

namespace detail {
/// A facility_criteria's members as parameters of a stay leaf; `regions` is how the leaf passes the
/// regions (by position or by name).
template <class Criteria, class V>
void criteria_fields(Criteria& c, V& v, leaf_parameter regions) {
  v(regions, c.regions);
  v(leaf_param("kinds", "Accepted facility kinds (institution: 养老机构).").by_name(), c.kinds,
    std::vector<facility_kind>{facility_kind::institution});
  v(leaf_param("require_filing", "Only days on which the facility's filing (备案) is in force count.")
        .by_name(),
    c.require_filing, true);
  v(leaf_param(
        "filing_authority",
        "Where a required filing's department must be (当地): not_checked, same_province or same_county.")
        .by_name(),
    c.authority, filing_authority::not_checked);
}
/// Why a filed facility's filing does not count under the criteria's authority test ("" when it
/// does, or is not filed, or filing is not required).
inline std::string authority_note(const facility_criteria& c, const facility& f) {
  if (!c.require_filing || !f.filing() || c.accepts_filing_authority(f)) return {};
  return f.id() + " is filed with " + region_text(f.filing()->authority_region()) +
         ", not a 当地 department (" + std::string(to_word(c.authority)) + ")";
}
inline void check_kinds(const facility_criteria& c, std::string_view field) {
  if (c.kinds.empty())
    throw invalid_value(error_id::invalid_parameter, field, literal{"[]"},
                        "needs at least one facility kind");
}
} // namespace detail

/// In a qualifying facility on the date, continuously for at least `length` (counted per `counting`
/// from the start of the continuous stay, which art. 201 does not count).
struct continuous_stay_at_least : condition_tag {
  static constexpr std::string_view kind = "continuous_stay_at_least";
  static constexpr row_fields reads = row_fields::stays;
  static constexpr std::string_view doc = "In a qualifying facility on the date, continuously for at least "
                                          "the period (\"入住满三个月\"). The period "
                                          "starts with the continuous stay and is counted as the Civil Code "
                                          "says (the start day is not counted; art. "
                                          "202 for months).";
  static constexpr std::string_view notes =
      "When it fails for a person in a qualifying facility, the reason's "
      "``met_on`` is the day the period completes.";

  period length = period::days(0);
  facility_criteria facilities;
  continuity_rules continuity{};
  period_counting counting{}; ///< its holiday calendar is not a parameter: copies with changes keep it
  check_time checked = check_time::end_of_day;

  continuous_stay_at_least(period len, facility_criteria f, continuity_rules c = {}, period_counting pc = {},
                           check_time t = check_time::end_of_day)
      : length(len), facilities(std::move(f)), continuity(c), counting(pc), checked(t) {
    validate();
  }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("length", "The length of the period."), self.length);
    detail::criteria_fields(self.facilities, v,
                            leaf_param("regions", "The facility's premises must lie here.").by_name());
    v(leaf_param("max_gap_days",
                 "Uncovered days allowed between two stays without breaking continuity (0 assumed).")
          .by_name(),
      self.continuity.max_gap_days, 0);
    v(leaf_param("transfers",
                 "A move between qualifying facilities keeps the clock running (assumed) or restarts it.")
          .by_name(),
      self.continuity.transfers, transfer_rule::continues);
    v(leaf_param("before_filing", "Whether days in a facility before its filing count once it is filed.")
          .by_name(),
      self.continuity.before_filing, pre_filing_days::not_counted);
    v(leaf_param("counting", "How months are counted (see period_complete_on).").by_name(),
      self.counting.months, month_counting::civil_code);
    v(leaf_param("checked", "When on the evaluation date the check is made (end_of_day: at 24:00, art. 203).")
          .by_name(),
      self.checked, check_time::end_of_day);
  }
  void validate() const {
    if (continuity.max_gap_days < 0)
      throw invalid_value(error_id::invalid_parameter, "continuous_stay_at_least.max_gap_days",
                          continuity.max_gap_days, "cannot be negative");
    detail::check_kinds(facilities, "continuous_stay_at_least.kinds");
  }

  template <HasStays Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const std::span<const stay> stays(ctx.subject.stays);
    // Each stay's facility is looked up once (a small buffer for the usual few stays).
    std::array<const facility*, 4> few{};
    std::vector<const facility*> many;
    const facility** found =
        stays.size() <= few.size() ? few.data() : (many.resize(stays.size()), many.data());
    const std::string problem = find_facilities(ctx, stays, found);
    // The run covering the date (detail::run_covering: the same code as continuous_stay_on).
    detail::segment_refs refs;
    std::optional<detail::run_ref> run;
    if (problem.empty()) {
      detail::qualifying_refs(
          stays, [found](std::size_t i) -> const facility& { return *found[i]; }, facilities, continuity,
          refs);
      run = detail::run_covering(stays, refs.items(), ctx.on, continuity);
    }
    std::optional<date> complete_on;
    if (run) complete_on = period_complete_within(run->start, length, counting, checked); // none after 2400
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
                   {"complete_on", complete_on ? to_iso(*complete_on) : std::string("after 2400")}};
        r.counted_from = run->start;
        if (!ok) r.met_on = complete_on;
      } else if (problem.empty()) {
        r.note = "not in " + facilities.to_string() + " on " + to_iso(ctx.on);
        std::string list;
        for (std::size_t i = 0; i < stays.size(); ++i) {
          const auto& s = stays[i];
          list += (list.empty() ? "" : "; ") + s.facility_id() + " " + to_iso(s.admitted()) + "–" +
                  (s.discharged() ? to_iso(*s.discharged()) : std::string("ongoing"));
          if (facilities.matches_place_and_kind(*found[i])) {
            const std::string why = detail::authority_note(facilities, *found[i]);
            if (!why.empty()) r.note += "; " + why;
          }
        }
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
    detail::segment_refs refs;
    return !qualifying_of(ctx, refs) || refs.items().empty();
  }
  /// Whether the verdict on ctx.on is the verdict on every date up to `last` (batch_leaf::same_until:
  /// the batch engine then decides the row once for a horizon). evaluate() reads the qualifying
  /// segments, which no date changes, against the date in three ways only: which segments have
  /// begun (a segment's first day), whether the run covering the date still goes on (the day after
  /// a segment's last), and whether the run's period is complete (the completion day of a period
  /// started on a segment's first day, as every run starts). When none of those days falls in
  /// (ctx.on, last], every date there gets ctx.on's verdict. A row whose facilities cannot be found
  /// fails on every date.
  template <HasStays Subject>
  [[nodiscard]] bool same_until(const context<Subject>& ctx, const date& last) const {
    detail::segment_refs refs;
    if (!qualifying_of(ctx, refs)) return true;
    const auto turns = [&](const date& d) { return ctx.on < d && d <= last; }; // d in (on, last]
    for (const detail::segment_ref& s : refs.items()) {
      if (turns(s.from)) return false;
      if (s.to && ctx.on <= *s.to && *s.to < last) return false; // the day after it in (on, last]
      const std::optional<date> complete = period_complete_within(s.from, length, counting, checked);
      if (complete && turns(*complete)) return false;
    }
    return true;
  }

  [[nodiscard]] std::string describe() const {
    std::string s = "continuous stay of " + length.to_string();
    if (counting.months == month_counting::natural_month) s += " (natural months)";
    return s + " in " + facilities.to_string();
  }

private:
  // The qualifying segments of the subject's stays (detail::qualifying_refs) into `refs`; false when
  // a stay's facility cannot be found (then the condition fails on every date).
  template <HasStays Subject>
  bool qualifying_of(const context<Subject>& ctx, detail::segment_refs& refs) const {
    const std::span<const stay> stays(ctx.subject.stays);
    std::array<const facility*, 4> few{};
    std::vector<const facility*> many;
    const facility** found =
        stays.size() <= few.size() ? few.data() : (many.resize(stays.size()), many.data());
    if (!find_facilities(ctx, stays, found).empty()) return false;
    detail::qualifying_refs(
        stays, [found](std::size_t i) -> const facility& { return *found[i]; }, facilities, continuity, refs);
    return true;
  }
  // Fills found[i] with stays[i]'s facility; returns what is wrong ("" when every one is found).
  template <class Subject>
  std::string find_facilities(const context<Subject>& ctx, std::span<const stay> stays,
                              const facility** found) const {
    if (!ctx.facilities) return "no facility registry was given";
    std::span<const facility* const> resolved;
    if constexpr (HasResolvedStays<Subject>) resolved = ctx.subject.stay_facilities;
    for (std::size_t i = 0; i < stays.size(); ++i)
      if (!(found[i] =
                resolved.size() == stays.size() ? resolved[i] : ctx.facilities->find(stays[i].facility_id())))
        return "stays[" + std::to_string(i) + "].facility '" + stays[i].facility_id() +
               "' is not in the registry";
    return {};
  }

protected:
  continuous_stay_at_least() : facilities{detail::no_regions()} {} // blank (rules/leaf.hpp)
};

/// In a facility matching `facilities` on the date (filed that day, where the criteria require it).
struct in_facility : condition_tag {
  static constexpr std::string_view kind = "in_facility";
  static constexpr row_fields reads = row_fields::stays;
  static constexpr std::string_view doc =
      "In a facility of `kinds` in `regions` on the date (filed that day, when required).";

  facility_criteria facilities;

  explicit in_facility(facility_criteria f) : facilities(std::move(f)) { validate(); }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    detail::criteria_fields(self.facilities, v,
                            leaf_param("regions", "The facility's premises must lie here."));
  }
  void validate() const { detail::check_kinds(facilities, "in_facility.kinds"); }

  template <HasStays Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const stay* in = nullptr;
    for (const auto& s : std::span<const stay>(ctx.subject.stays))
      if (s.covers(ctx.on)) in = &s;
    const facility* f = in && ctx.facilities ? ctx.facilities->find(in->facility_id()) : nullptr;
    const bool ok =
        f && facilities.matches_place_and_kind(*f) &&
        (!facilities.require_filing || (f->filed_on(ctx.on) && facilities.accepts_filing_authority(*f)));
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      if (!in) r.note = "not in a facility on " + to_iso(ctx.on);
      else if (!f)
        r.note = "facility '" + in->facility_id() + "' is not in the registry";
      else {
        std::string where = f->id() + " (" + detail::region_text(f->region());
        where += f->filing() ? ", filed " + to_iso(f->filing()->filed_on()) : std::string(", not filed");
        r.facts = {{"facility", where + ")"}};
        r.note = detail::authority_note(facilities, *f);
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

protected:
  in_facility() : facilities{detail::no_regions()} {} // blank (rules/leaf.hpp)
};

/// Not in any facility on the date (居家: "living at home").
struct lives_at_home : condition_tag {
  static constexpr std::string_view kind = "lives_at_home";
  static constexpr row_fields reads = row_fields::stays;
  static constexpr std::string_view doc = "Not in any facility on the date (居家).";

  template <class Self, class V>
  static void fields(Self&, V&&) {} // no parameters

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
