#pragma once
// Generic employment leaves that complement rules/conditions/worker.hpp (works_in,
// employed_for_at_least, skill_level_at_least, is_care_worker): how long an employment lasted
// whether or not it continues, when the worker was hired, and year-on-year wage growth. Like every
// leaf they are templates over any subject that has the facts they read (subjects/worker.hpp).

#include <optional> // the day a period is complete, if within the supported years
#include <string>
#include <vector>

#include "eldercare/calendar/period.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/conditions/worker.hpp" // HasEmployment

namespace eldercare {

template <class S>
concept HasWageGrowth = requires(const S& s) {
  { s.annual_wage_growth_permille } -> std::convertible_to<std::vector<int>>;
};

namespace detail {
/// "5.0%" for 50 per mille, "-1.5%" for -15.
inline std::string permille_text(int permille) {
  const int a = permille < 0 ? -permille : permille;
  return std::string(permille < 0 ? "-" : "") + std::to_string(a / 10) + "." + std::to_string(a % 10) + "%";
}

/// Whole years of the employment completed on `on` (Civil Code years: 民法典 arts. 201-202, the
/// hiring day not counted), counted up to `on`, or up to the last day employed when the employment
/// ended before `on`.
template <HasEmployment S>
int completed_employment_years(const S& s, const date& on) {
  if (on <= s.hired_on) return 0;
  const date end = s.left_on && *s.left_on < on ? *s.left_on : on;
  return full_months_between(s.hired_on, end) / 12;
}
} // namespace detail

/// The employment lasted at least `length` by the date, whether or not it still continues: the period
/// from the hiring day (not counted, art. 201) completed on or before the date, and the worker was
/// still employed on its last day. A running employment that is too short would hold on the day it
/// completes (met_on); one that ended too early never does. Compare employed_for_at_least
/// (worker.hpp), which also requires the worker to be employed on the date.
struct employment_lasted_at_least : condition_tag {
  period length;
  period_counting counting{};

  explicit employment_lasted_at_least(period len, period_counting c = {}) : length(len), counting(c) {}

  template <HasEmployment Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& s = ctx.subject;
    // None when complete only after 2400: on no supported date.
    const std::optional<date> complete = period_complete_within(s.hired_on, length, counting);
    const bool ended_short = s.left_on && (!complete || *s.left_on < *complete);
    const bool ok = !ended_short && complete && *complete <= ctx.on;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"hired_on", to_iso(s.hired_on)},
                 {"left_on", s.left_on ? to_iso(*s.left_on) : std::string("still employed")},
                 {"complete_on", complete ? to_iso(*complete) : std::string("after 2400")}};
      if (ended_short)
        r.note = "the employment ended on " + to_iso(*s.left_on) + ", before " + length.to_string() +
                 " were complete";
      else if (!ok)
        r.met_on = complete;
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "employment lasted at least " + length.to_string(); }
};

/// The current employment began on or after `from` ("招用": a hire made while a policy is in force).
/// Never becomes true with time, so it has no met_on.
struct hired_on_or_after : condition_tag {
  date from;

  explicit hired_on_or_after(date d) : from(d) { require_valid(from, "hired_on_or_after.from"); }

  template <HasEmployment Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = from <= ctx.subject.hired_on;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"hired_on", to_iso(ctx.subject.hired_on)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "hired on or after " + to_iso(from); }
};

/// Year-on-year wage growth of at least `permille` (50 = 5.0%, "同比增幅保持5%以上": 以上 includes
/// the number, art. 1259) in each of the most recent `years` completed years of the employment, or
/// in every completed year when `years` is 0. The completed years are counted on the date (see
/// detail::completed_employment_years); annual_wage_growth_permille[k] is the growth of employment
/// year k + 1, and entries for years not yet completed on the date are ignored. Fails when fewer
/// years are complete than it asks for, or a needed year has no figure. Depends on future wages, so
/// it has no met_on.
struct wage_growth_at_least : condition_tag {
  int permille;
  int years;

  wage_growth_at_least(int pm, int y) : permille(pm), years(y) {
    if (y < 0)
      throw invalid_value(error_id::invalid_parameter, "wage_growth_at_least.years", y,
                          "must be 0 (every completed year) or a positive number of years");
  }

  template <class Subject, class Sink>
    requires HasEmployment<Subject> && HasWageGrowth<Subject>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& growth = ctx.subject.annual_wage_growth_permille;
    const int done = detail::completed_employment_years(ctx.subject, ctx.on);
    const int needed = years == 0 ? done : years;
    bool ok = done >= 1 && needed <= done;
    std::string missing;
    for (int k = done - needed; ok && k < done; ++k) {
      if (static_cast<std::size_t>(k) >= growth.size()) {
        ok = false;
        missing = "no wage-growth figure for employment year " + std::to_string(k + 1);
      } else {
        ok = growth[static_cast<std::size_t>(k)] >= permille;
      }
    }
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      std::string list;
      for (int k = 0; k < done && static_cast<std::size_t>(k) < growth.size(); ++k)
        list += (list.empty() ? "" : ", ") + std::string("year ") + std::to_string(k + 1) + " " +
                detail::permille_text(growth[static_cast<std::size_t>(k)]);
      r.facts = {{"completed_years", std::to_string(done)},
                 {"wage_growth", list.empty() ? std::string("none") : list}};
      if (done == 0) r.note = "no year of the employment is complete on " + to_iso(ctx.on);
      else if (needed > done)
        r.note = "only " + std::to_string(done) + " completed years";
      else
        r.note = missing;
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    const std::string span = years == 0 ? std::string("every completed year")
                             : years == 1
                                 ? std::string("the latest completed year")
                                 : "each of the latest " + std::to_string(years) + " completed years";
    return "year-on-year wage growth ≥ " + detail::permille_text(permille) + " in " + span;
  }
};

} // namespace eldercare
