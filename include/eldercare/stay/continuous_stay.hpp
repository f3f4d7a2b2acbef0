#pragma once
// Continuous stays: joining a person's stays into the uninterrupted run that a duration condition
// ("入住满三个月") measures. The sources are silent on gaps, transfers and filing dates (DOMAIN.md open
// questions 3-5), so each treatment is an explicit option with a documented default.

#include <array> // a few segments without allocating
#include <cstddef>
#include <optional>
#include <span> // a person's stays, without copying
#include <string>
#include <utility> // std::swap
#include <vector>

#include "eldercare/core/words.hpp"
#include "eldercare/facility/facility_criteria.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/stay/stay.hpp"

namespace eldercare {

/// A move from one qualifying facility to another.
enum class transfer_rule {
  continues, ///< default [assumed]: the clock keeps running (the person never left qualifying care)
  restarts,  ///< the clock restarts at the new facility's admission
};

template <>
struct enum_words<transfer_rule> {
  static constexpr std::string_view type = "transfer_rule";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<transfer_rule>, 2> entries{{
      {transfer_rule::continues, "continues"},
      {transfer_rule::restarts, "restarts"},
  }};
};

/// Days spent in a facility before its filing took effect.
enum class pre_filing_days {
  not_counted, ///< default [assumed]: the rule asks for a *filed* institution, so the clock starts at the
               ///< filing
  counted,     ///< the whole stay counts once the facility is filed
};

template <>
struct enum_words<pre_filing_days> {
  static constexpr std::string_view type = "pre_filing_days";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<pre_filing_days>, 2> entries{{
      {pre_filing_days::not_counted, "not_counted"},
      {pre_filing_days::counted, "counted"},
  }};
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
  date start;                         ///< the day the clock starts (the event day of art. 201)
  std::vector<stay_segment> segments; ///< in order of admission
  std::string current_facility;       ///< the facility the person is in on the evaluation date
};

namespace detail {
inline bool continues_run(const std::optional<date>& run_end, const date& next_from, int max_gap) {
  if (!run_end) return true; // an ongoing stay overlaps anything after it
  // Uncovered days strictly between the run's last day and the next first day.
  const long gap = (next_from - *run_end).days() - 1;
  return gap <= max_gap;
}
} // namespace detail

namespace detail {
/// A qualifying stay by its index in the stays: its days, clipped to the facility's filing.
struct segment_ref {
  std::size_t stay;
  date from;
  std::optional<date> to; ///< empty: ongoing
};

/// The qualifying segments of a few stays (no allocation for up to 4), in order of `from`; stays
/// with the same `from` keep their order.
class segment_refs {
public:
  void push(const segment_ref& s) {
    if (size_ < few_.size()) few_[size_] = s;
    else {
      if (many_.empty()) many_.assign(few_.begin(), few_.end());
      many_.push_back(s);
    }
    ++size_;
  }
  [[nodiscard]] std::span<segment_ref> items() noexcept {
    return size_ <= few_.size() ? std::span<segment_ref>(few_.data(), size_) : std::span<segment_ref>(many_);
  }

private:
  std::array<segment_ref, 4> few_; // filled before read: no value-initialisation
  std::vector<segment_ref> many_;
  std::size_t size_ = 0;
};

/// The one definition of a qualifying segment: each stay in a facility (given by facility_of(i))
/// matching the criteria (its filing made with an accepted authority, when the criteria check it),
/// clipped to the days its filing was in force when the criteria require one,
/// sorted by first day (a stable insertion sort: stays usually number one to three).
template <class FacilityOf>
void qualifying_refs(std::span<const stay> stays, FacilityOf&& facility_of, const facility_criteria& criteria,
                     const continuity_rules& rules, segment_refs& out) {
  for (std::size_t i = 0; i < stays.size(); ++i) {
    const stay& s = stays[i];
    const facility& f = facility_of(i);
    if (!criteria.matches_place_and_kind(f)) continue;
    segment_ref seg{i, s.admitted(), s.discharged()};
    if (criteria.require_filing) {
      if (!f.filing() || !criteria.accepts_filing_authority(f)) continue;
      const filing& fl = *f.filing();
      if (rules.before_filing == pre_filing_days::not_counted && seg.from < fl.filed_on())
        seg.from = fl.filed_on();
      if (fl.revoked_on()) {
        const date last_filed_day = *fl.revoked_on() - boost::gregorian::date_duration(1);
        if (!seg.to || *seg.to > last_filed_day) seg.to = last_filed_day;
      }
      if (seg.to && *seg.to < seg.from) continue; // never filed while the person was there
    }
    out.push(seg);
  }
  const std::span<segment_ref> segs = out.items();
  for (std::size_t k = 1; k < segs.size(); ++k)
    for (std::size_t j = k; j > 0 && segs[j].from < segs[j - 1].from; --j) std::swap(segs[j], segs[j - 1]);
}

/// The run of qualifying segments covering a date: segments [first, last] of the sorted segments,
/// the day its clock starts, and the segment the person is in on the date.
struct run_ref {
  date start;
  std::size_t first;
  std::size_t last;
  std::size_t current;
};

/// The one definition of a continuous run: segments join while the gap between them is tolerated
/// (and, when transfers restart the clock, while the facility stays the same); the run must cover
/// `on` with the person inside a segment on that day. Only segments starting by `on` count.
inline std::optional<run_ref> run_covering(std::span<const stay> stays, std::span<const segment_ref> segs,
                                           const date& on, const continuity_rules& rules) {
  bool have = false;
  run_ref run{date(), 0, 0, 0};
  std::optional<date> run_end;
  for (std::size_t k = 0; k < segs.size(); ++k) {
    const segment_ref& seg = segs[k];
    if (seg.from > on) break;
    const bool joins = have && continues_run(run_end, seg.from, rules.max_gap_days) &&
                       (rules.transfers == transfer_rule::continues ||
                        stays[seg.stay].facility_id() == stays[segs[run.last].stay].facility_id());
    if (!joins) {
      have = true;
      run = {seg.from, k, k, k};
      run_end = seg.to;
    } else if (run_end && (!seg.to || *seg.to > *run_end)) {
      run_end = seg.to;
    }
    run.last = k;
  }
  if (!have || (run_end && *run_end < on)) return std::nullopt;
  // The person must be inside a segment on `on` (not in a tolerated gap).
  for (std::size_t k = run.last + 1; k-- > run.first;)
    if (segs[k].from <= on && (!segs[k].to || on <= *segs[k].to)) {
      run.current = k;
      return run;
    }
  return std::nullopt;
}

inline stay_segment segment_of(std::span<const stay> stays, const segment_ref& r) {
  return {stays[r.stay].facility_id(), r.from, r.to};
}

/// qualifying_segments with each stay's facility given by facility_of(i).
template <class FacilityOf>
std::vector<stay_segment> qualifying_segments_of(std::span<const stay> stays, FacilityOf&& facility_of,
                                                 const facility_criteria& criteria,
                                                 const continuity_rules& rules) {
  segment_refs refs;
  qualifying_refs(stays, facility_of, criteria, rules, refs);
  std::vector<stay_segment> out;
  for (const segment_ref& r : refs.items()) out.push_back(segment_of(stays, r));
  return out;
}

/// continuous_stay_on with each stay's facility given by facility_of(i).
template <class FacilityOf>
std::optional<continuous_stay> continuous_stay_of(std::span<const stay> stays, FacilityOf&& facility_of,
                                                  const facility_criteria& criteria, const date& on,
                                                  const continuity_rules& rules) {
  segment_refs refs;
  qualifying_refs(stays, facility_of, criteria, rules, refs);
  const std::span<const segment_ref> segs = refs.items();
  const auto run = run_covering(stays, segs, on, rules);
  if (!run) return std::nullopt;
  continuous_stay out{run->start, {}, stays[segs[run->current].stay].facility_id()};
  for (std::size_t k = run->first; k <= run->last; ++k) out.segments.push_back(segment_of(stays, segs[k]));
  return out;
}

/// Looks a stay's facility up in a registry; throws invalid_value naming stays[i].facility when
/// it is not there (the field name is built only then).
struct registry_lookup {
  std::span<const stay> stays;
  const facility_registry* registry;
  const facility& operator()(std::size_t i) const {
    if (const facility* f = registry->find(stays[i].facility_id())) return *f;
    return registry->at(stays[i].facility_id(), "stays[" + std::to_string(i) + "].facility");
  }
};
} // namespace detail

/// The qualifying segments of `stays`: stays in facilities matching `criteria`, clipped to the days
/// their filing was in force (when the criteria require filing). Stays in unknown facilities throw.
[[nodiscard]] inline std::vector<stay_segment> qualifying_segments(std::span<const stay> stays,
                                                                   const facility_registry& facilities,
                                                                   const facility_criteria& criteria,
                                                                   const continuity_rules& rules = {}) {
  return detail::qualifying_segments_of(stays, detail::registry_lookup{stays, &facilities}, criteria, rules);
}

/// The run of qualifying stays that covers `on`, or nothing when the person is not in a qualifying
/// facility on `on`. Only days up to `on` are looked at.
[[nodiscard]] inline std::optional<continuous_stay>
continuous_stay_on(std::span<const stay> stays, const facility_registry& facilities,
                   const facility_criteria& criteria, const date& on, const continuity_rules& rules = {}) {
  return detail::continuous_stay_of(stays, detail::registry_lookup{stays, &facilities}, criteria, on, rules);
}

} // namespace eldercare
