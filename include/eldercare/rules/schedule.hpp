#pragma once
// Month-by-month payments over a date range.

#include <optional>
#include <string>
#include <vector>

#include "eldercare/calendar/month_arithmetic.hpp"
#include "eldercare/rules/decision.hpp"

namespace eldercare {

struct schedule_options {
  /// Overrides the policy version's own paid_month when set.
  std::optional<month_basis> basis;
};

/// One month of a schedule.
struct schedule_line {
  int year = 0;
  int month = 0;
  date tested_on;                ///< the day eligibility was tested
  bool eligible = false;
  money amount;                  ///< money paid for the month (per-month money grants, with arrears
                                 ///< where the version pays them; a one-off grant is paid in the first
                                 ///< eligible month, a per-year grant then and every 12 months after)
  int arrears_months = 0;        ///< months of arrears included in `amount`
  std::optional<benefit> granted;
};

/// What a schedule carries from one month to the next (per subject).
struct schedule_state {
  int last_annual_payment = -1; ///< month index (year * 12 + month - 1) of the last per-year payment
  bool paid_one_off = false;
  bool eligible_before = false; ///< eligible in the previous month of the schedule
};

/// How one month of a schedule is tested: the version in force at the month's end (it decides how
/// the month is tested and whether arrears are paid) and the day eligibility is tested.
template <class Subject>
struct schedule_month {
  date month_start;
  const basic_policy_version<Subject>* version; ///< nullptr when none is in force at the month's end
  date tested_on;
};

/// The version and test day of the month that starts on `month_start`.
template <class Subject>
[[nodiscard]] schedule_month<Subject> schedule_month_of(const basic_policy<Subject>& policy, const date& month_start,
                                                        const schedule_options& options = {}) {
  const auto* v = policy.version_on(end_of_month(month_start));
  const month_basis basis = options.basis ? *options.basis : v ? v->paid_month : month_basis::end_of_month;
  return {month_start, v, basis == month_basis::end_of_month ? end_of_month(month_start) : month_start};
}

/// Pays one month: given `line.granted` (what was granted on the month's test day), sets
/// line.eligible, line.amount and line.arrears_months, and advances `state`. `first_month` says
/// whether this is the schedule's first month (no arrears are paid for it: nothing came before).
/// The one definition of month-by-month payment, used by schedule() and by population simulations.
template <class Subject>
void pay_month(schedule_line& line, const basic_policy_version<Subject>* v, bool first_month, schedule_state& state) {
  line.eligible = line.granted.has_value();
  line.amount = money();
  line.arrears_months = 0;
  const bool newly_eligible = line.eligible && !state.eligible_before && !first_month;
  state.eligible_before = line.eligible;
  if (!line.granted || !line.granted->is_money()) return;
  switch (line.granted->period()) {
  case benefit_period::per_month:
    line.amount = line.granted->amount();
    if (newly_eligible && v && v->arrears_months > 0) {
      line.arrears_months = v->arrears_months;
      line.amount += line.granted->amount() * v->arrears_months;
    }
    break;
  case benefit_period::per_day: line.amount = line.granted->amount() * days_in_month(line.year, line.month); break;
  case benefit_period::per_year: {
    // Once per twelve months, from the first eligible month (not once per calendar year: an
    // entitlement of three years that straddles four calendar years is paid three times).
    const int index = line.year * 12 + line.month - 1;
    if (state.last_annual_payment < 0 || index - state.last_annual_payment >= 12) {
      line.amount = line.granted->amount();
      state.last_annual_payment = index;
    }
    break;
  }
  case benefit_period::one_off:
    if (!state.paid_one_off) {
      line.amount = line.granted->amount();
      state.paid_one_off = true;
    }
    break;
  }
}

/// The months from `first`'s month to `last`'s month inclusive, each tested on the day `options`
/// says. Uses the fast path (no explanations); call evaluate() on a line's tested_on to see why.
template <class Subject>
[[nodiscard]] std::vector<schedule_line> schedule(const basic_policy<Subject>& policy, const Subject& subject,
                                                  const date& first, const date& last,
                                                  const facility_registry* facilities = nullptr,
                                                  const schedule_options& options = {}) {
  require_valid(first, "schedule.first");
  require_valid(last, "schedule.last");
  if (last < first)
    throw invalid_value(error_id::invalid_period, "schedule.last", to_iso(last), "is before schedule.first " + to_iso(first));
  std::vector<schedule_line> out;
  schedule_state state;
  for (date m = start_of_month(first); m <= last; m = add_months_civil(m, 1)) {
    const schedule_month<Subject> month = schedule_month_of(policy, m, options);
    schedule_line line;
    line.year = m.year();
    line.month = m.month();
    line.tested_on = month.tested_on;
    line.granted = grant_on(policy, subject, line.tested_on, facilities);
    pay_month(line, month.version, m == start_of_month(first), state);
    out.push_back(line);
  }
  return out;
}

/// The total money over a schedule.
[[nodiscard]] inline money total(const std::vector<schedule_line>& lines) {
  money sum;
  for (const auto& l : lines) sum += l.amount;
  return sum;
}

} // namespace eldercare
