#pragma once
// Continuous stays: joining a person's stays into the uninterrupted run that a duration condition
// ("入住满三个月") measures. The sources are silent on gaps, transfers and filing dates (DOMAIN.md open
// questions 3-5), so each treatment is an explicit option with a documented default.

#include <algorithm> // std::sort
#include <optional>
#include <span>      // a person's stays, without copying
#include <string>
#include <vector>

#include "eldercare/facility/facility_criteria.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/stay/stay.hpp"

namespace eldercare {

/// A move from one qualifying facility to another.
enum class transfer_rule {
  continues, ///< default [assumed]: the clock keeps running (the person never left qualifying care)
  restarts,  ///< the clock restarts at the new facility's admission
};

/// Days spent in a facility before its filing took effect.
enum class pre_filing_days {
  not_counted, ///< default [assumed]: the rule asks for a *filed* institution, so the clock starts at the filing
  counted,     ///< the whole stay counts once the facility is filed
};

struct continuity_rules {
  /// Uncovered days allowed between two stays without breaking continuity (a hospital stay recorded
  /// as a discharge, a home visit over Spring Festival). Default 0 [assumed]: a discharge followed by
  /// an admission the same or the next day is continuous; any whole day outside care breaks it.
  /// Tolerated gap days are not subtracted: the clock runs from the start of the run.
  int max_gap_days = 0;
  transfer_rule transfers = transfer_rule::continues;
  pre_filing_days before_filing = pre_filing_days::not_counted;
  friend bool operator==(const continuity_rules&, const continuity_rules&) = default;
};

/// One stay as it counts for a rule: clipped to the days the facility qualified.
struct stay_segment {
  std::string facility_id;
  date from;
  std::optional<date> to; ///< empty: ongoing
};

/// The uninterrupted run of qualifying stays that covers a date.
struct continuous_stay {
  date start;                       ///< the day the clock starts (the event day of art. 201)
  std::vector<stay_segment> segments; ///< in order of admission
  std::string current_facility;     ///< the facility the person is in on the evaluation date
};

namespace detail {
inline bool continues_run(const std::optional<date>& run_end, const date& next_from, int max_gap) {
  if (!run_end) return true; // an ongoing stay overlaps anything after it
  // Uncovered days strictly between the run's last day and the next first day.
  const long gap = (next_from - *run_end).days() - 1;
  return gap <= max_gap;
}
} // namespace detail

/// The qualifying segments of `stays`: stays in facilities matching `criteria`, clipped to the days
/// their filing was in force (when the criteria require filing). Stays in unknown facilities throw.
[[nodiscard]] inline std::vector<stay_segment>
qualifying_segments(std::span<const stay> stays, const facility_registry& facilities,
                    const facility_criteria& criteria, const continuity_rules& rules = {}) {
  std::vector<stay_segment> out;
  for (std::size_t i = 0; i < stays.size(); ++i) {
    const stay& s = stays[i];
    const facility& f = facilities.at(s.facility_id(), "stays[" + std::to_string(i) + "].facility");
    if (!criteria.matches_place_and_kind(f)) continue;
    stay_segment seg{s.facility_id(), s.admitted(), s.discharged()};
    if (criteria.require_filing) {
      if (!f.filing()) continue;
      const filing& fl = *f.filing();
      if (rules.before_filing == pre_filing_days::not_counted && seg.from < fl.filed_on()) seg.from = fl.filed_on();
      if (fl.revoked_on()) {
        const date last_filed_day = *fl.revoked_on() - boost::gregorian::date_duration(1);
        if (!seg.to || *seg.to > last_filed_day) seg.to = last_filed_day;
      }
      if (seg.to && *seg.to < seg.from) continue; // never filed while the person was there
    }
    out.push_back(std::move(seg));
  }
  std::sort(out.begin(), out.end(), [](const stay_segment& a, const stay_segment& b) { return a.from < b.from; });
  return out;
}

/// The run of qualifying stays that covers `on`, or nothing when the person is not in a qualifying
/// facility on `on`. Only days up to `on` are looked at.
[[nodiscard]] inline std::optional<continuous_stay>
continuous_stay_on(std::span<const stay> stays, const facility_registry& facilities,
                   const facility_criteria& criteria, const date& on, const continuity_rules& rules = {}) {
  std::optional<continuous_stay> run;
  std::optional<date> run_end;
  for (auto& seg : qualifying_segments(stays, facilities, criteria, rules)) {
    if (seg.from > on) break;
    const bool joins = run && detail::continues_run(run_end, seg.from, rules.max_gap_days) &&
                       (rules.transfers == transfer_rule::continues ||
                        seg.facility_id == run->segments.back().facility_id);
    if (!joins) {
      run = continuous_stay{seg.from, {}, {}};
      run_end = seg.to;
    } else if (run_end && (!seg.to || *seg.to > *run_end)) {
      run_end = seg.to;
    }
    run->segments.push_back(std::move(seg));
  }
  if (!run || (run_end && *run_end < on)) return std::nullopt;
  // The person must be inside a segment on `on` (not in a tolerated gap).
  for (auto it = run->segments.rbegin(); it != run->segments.rend(); ++it)
    if (it->from <= on && (!it->to || on <= *it->to)) {
      run->current_facility = it->facility_id;
      return run;
    }
  return std::nullopt;
}

} // namespace eldercare
