#pragma once
// Month-by-month payments over a date range.

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
  int last_annual_payment = -1; // month index (year * 12 + month - 1) of the last per-year payment
  bool paid_one_off = false;
  bool eligible_before = false;
  for (date m = start_of_month(first); m <= last; m = add_months_civil(m, 1)) {
    schedule_line line;
    line.year = m.year();
    line.month = m.month();
    // The version in force at the month's end decides how the month is tested.
    const auto* v = policy.version_on(end_of_month(m));
    const month_basis basis = options.basis ? *options.basis : v ? v->paid_month : month_basis::end_of_month;
    line.tested_on = basis == month_basis::end_of_month ? end_of_month(m) : m;
    line.granted = grant_on(policy, subject, line.tested_on, facilities);
    line.eligible = line.granted.has_value();
    const bool newly_eligible = line.eligible && !eligible_before && m != start_of_month(first);
    eligible_before = line.eligible;
    if (line.granted && line.granted->is_money()) {
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
        if (last_annual_payment < 0 || index - last_annual_payment >= 12) {
          line.amount = line.granted->amount();
          last_annual_payment = index;
        }
        break;
      }
      case benefit_period::one_off:
        if (!paid_one_off) {
          line.amount = line.granted->amount();
          paid_one_off = true;
        }
        break;
      }
    }
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
