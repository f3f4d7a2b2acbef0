#pragma once
// Month-by-month payments over a date range: what each month pays (money, and the quantity of
// other grants), counted once here for schedules of one subject, of many (batch/schedules.hpp) and
// for population simulations (batch/simulate.hpp).

#include <concepts> // std::same_as: what a schedule's subject must offer
#include <cstdint>  // std::int64_t: quantities delivered
#include <optional>
#include <string>
#include <string_view> // granting rule ids
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
  date tested_on; ///< the day eligibility was tested
  bool eligible = false;
  money amount;           ///< money paid for the month (per-month money grants, with arrears
                          ///< where the version pays them; a one-off grant is paid in the first
                          ///< eligible month, a per-year grant then and every 12 months after)
  int arrears_months = 0; ///< months of arrears included in `amount`
  /// The quantity of a non-money grant delivered in the month (hours, meals...), counted as money is
  /// paid (deliveries_in_month); 0 for money grants.
  std::int64_t quantity = 0;
  std::optional<benefit> granted;
  /// The status of the month's test day (status_on): decided; not_in_force or not_computable (nothing
  /// owed); or undetermined — before the scheme's first known date (known_start), where whether and
  /// what the month paid is unknown: `amount` and `quantity` are then not "0 owed" but unknown, and
  /// total() leaves the month out (undetermined_months() counts it).
  decision_status status = decision_status::decided;

  /// False for an undetermined month, whose amount is unknown.
  [[nodiscard]] bool determined() const noexcept { return status != decision_status::undetermined; }
};

/// When the per-year and one-off grants of one subject were delivered (see deliveries_in_month).
struct delivery_state {
  int last_annual = -1;      ///< month index (year * 12 + month - 1) of the last per-year delivery
  bool one_off_done = false; ///< a one-off grant was delivered
};

/// What a schedule carries from one month to the next (per subject). Money and other quantities are
/// counted apart: a one-off sum of money does not use up a one-off grant of hours.
struct schedule_state {
  delivery_state paid;          ///< money grants
  delivery_state delivered;     ///< non-money grants
  bool eligible_before = false; ///< eligible in the previous month of the schedule
};

/// How many times a grant of `period` is delivered in the month `year`-`month`, given what `state`
/// says was delivered before (and advanced): per month once; per day once a day of the month; per
/// year in the first month granted and every 12 months after (not once per calendar year: an
/// entitlement of three years that straddles four calendar years is paid three times); one-off the
/// first time only. The one counter of schedules, for money and for other quantities.
[[nodiscard]] inline std::int64_t deliveries_in_month(benefit_period period, int year, int month,
                                                      delivery_state& state) {
  switch (period) {
  case benefit_period::per_month: return 1;
  case benefit_period::per_day: return days_in_month(year, month);
  case benefit_period::per_year: {
    const int index = year * 12 + month - 1;
    if (state.last_annual >= 0 && index - state.last_annual < 12) return 0;
    state.last_annual = index;
    return 1;
  }
  case benefit_period::one_off:
    if (state.one_off_done) return 0;
    state.one_off_done = true;
    return 1;
  }
  return 0;
}

/// How one month of a schedule is tested: the version in force at the month's end (it decides how
/// the month is tested and whether arrears are paid) and the day eligibility is tested.
template <class Subject>
struct schedule_month {
  date month_start;
  const basic_policy_version<Subject>* version; ///< nullptr when none is in force at the month's end
  date tested_on;
  decision_status status; ///< status_on(policy, tested_on): the month's status whoever the subject
};

/// The version, test day and status of the month that starts on `month_start`.
template <class Subject>
[[nodiscard]] schedule_month<Subject> schedule_month_of(const basic_policy<Subject>& policy,
                                                        const date& month_start,
                                                        const schedule_options& options = {}) {
  const auto* v = policy.version_on(end_of_month(month_start));
  const month_basis basis = options.basis ? *options.basis : v ? v->paid_month : month_basis::end_of_month;
  const date tested_on = basis == month_basis::end_of_month ? end_of_month(month_start) : month_start;
  return {month_start, v, tested_on, status_on(policy, tested_on)};
}

/// The first day arrears may reach back to when `d`'s grant is first paid (a back-pay reading such as
/// "the first three months are paid too"): the later of
///  * the day the granting rules came into force without a break — the start of the earliest of the
///    contiguous versions up to the one applied that all have every granting rule (a scheme's start,
///    or a revision's for a rule the revision added): nothing is owed for months before a rule existed;
///  * the day the duration that earned the grant is counted from (decision::counted_from: the
///    admission that began the stay): nothing is owed for months before the stay.
/// A granting rule id prefixed with a member ("p1: jin_ji_meng", household decisions) is matched by
/// the id after the prefix.
template <class Subject>
[[nodiscard]] date arrears_floor(const basic_policy<Subject>& policy, const decision& d) {
  const auto& versions = policy.versions();
  const auto* v = policy.version_on(d.on);
  if (!v) return d.on;
  auto has_rule = [](const basic_policy_version<Subject>& version, std::string_view granting) {
    if (const auto at = granting.rfind(": "); at != std::string_view::npos) granting.remove_prefix(at + 2);
    for (const auto& r : version.rules)
      if (r.id == granting) return true;
    return false;
  };
  auto has_all = [&](const basic_policy_version<Subject>& version) {
    for (const auto& g : d.granting_rules)
      if (!has_rule(version, g)) return false;
    return true;
  };
  auto k = static_cast<std::size_t>(v - versions.data());
  date floor = v->effective_from;
  while (k > 0) {
    const auto& before = versions[k - 1];
    const bool contiguous =
        before.effective_to &&
        *before.effective_to + boost::gregorian::date_duration(1) == versions[k].effective_from;
    if (!contiguous || !has_all(before)) break;
    floor = before.effective_from;
    --k;
  }
  if (const auto since = d.counted_from(); since && floor < *since) floor = *since;
  return floor;
}

namespace detail {
/// Months of arrears owed with a first payment in `year`-`month`: `wanted` months before it, not
/// reaching back past the month that contains `floor` (a month the stay or the rule covers for a day
/// counts whole).
[[nodiscard]] inline int arrears_owed(int wanted, int year, int month, const date& floor) {
  const int paid = year * 12 + month - 1;
  const int earliest = floor.year() * 12 + floor.month() - 1;
  const int available = paid - earliest;
  return available <= 0 ? 0 : available < wanted ? available : wanted;
}
} // namespace detail

/// Pays one month: given `line.status` and `line.granted` (the month's status and what was granted on
/// its test day), sets line.eligible, line.amount, line.arrears_months and line.quantity, and advances
/// `state`. `first_month` says whether this is the schedule's first month (no arrears are paid for it:
/// nothing came before). Arrears are asked for only when owed: `arrears_floor()` gives the first day
/// they may reach back to (arrears_floor(policy, decision)). An undetermined month pays nothing known
/// and counts as not eligible for what follows. The one definition of month-by-month payment, used by
/// schedule(), schedule_each() and population simulations.
template <class Subject, class ArrearsFloor>
void pay_month(schedule_line& line, const basic_policy_version<Subject>* v, bool first_month,
               schedule_state& state, ArrearsFloor&& arrears_floor) {
  if (line.status != decision_status::decided) line.granted.reset();
  line.eligible = line.granted.has_value();
  line.amount = money();
  line.arrears_months = 0;
  line.quantity = 0;
  const bool newly_eligible = line.eligible && !state.eligible_before && !first_month;
  state.eligible_before = line.eligible;
  if (!line.granted) return;
  const benefit& g = *line.granted;
  if (!g.is_money()) {
    line.quantity = g.quantity() * deliveries_in_month(g.period(), line.year, line.month, state.delivered);
    return;
  }
  line.amount = g.amount() * deliveries_in_month(g.period(), line.year, line.month, state.paid);
  if (g.period() == benefit_period::per_month && newly_eligible && v && v->arrears_months > 0) {
    line.arrears_months = detail::arrears_owed(v->arrears_months, line.year, line.month, arrears_floor());
    line.amount += g.amount() * line.arrears_months;
  }
}

/// The first day of every month from `first`'s month to `last`'s month inclusive (both checked:
/// invalid_value naming schedule.first or schedule.last).
[[nodiscard]] inline std::vector<date> schedule_months(const date& first, const date& last) {
  require_valid(first, "schedule.first");
  require_valid(last, "schedule.last");
  if (last < first)
    throw invalid_value(error_id::invalid_period, "schedule.last", to_iso(last),
                        "is before schedule.first " + to_iso(first));
  std::vector<date> out;
  // add_months_within: December 2400 is the last month, with no next one to step to.
  for (std::optional<date> m = start_of_month(first); m && *m <= last; m = add_months_within(*m, 1))
    out.push_back(*m);
  return out;
}

/// The months from `first`'s month to `last`'s month inclusive, each tested on the day `options`
/// says. Uses the fast path (no explanations); call evaluate() on a line's tested_on to see why.
/// The subject is what `grant_on(policy, subject, ...)` accepts: the policy's own subject, or a
/// household for a policy over persons (household/household.hpp).
template <class Subject, class Recipient>
  requires requires(const basic_policy<Subject>& p, const Recipient& r, const date& on,
                    const facility_registry* f) {
    { grant_on(p, r, on, f) } -> std::same_as<std::optional<benefit>>;
    { evaluate(p, r, on, f) } -> std::same_as<decision>;
  }
[[nodiscard]] std::vector<schedule_line>
schedule(const basic_policy<Subject>& policy, const Recipient& subject, const date& first, const date& last,
         const facility_registry* facilities = nullptr, const schedule_options& options = {}) {
  const std::vector<date> months = schedule_months(first, last);
  std::vector<schedule_line> out;
  out.reserve(months.size());
  schedule_state state;
  for (const date& m : months) {
    const schedule_month<Subject> month = schedule_month_of(policy, m, options);
    schedule_line line;
    line.year = m.year();
    line.month = m.month();
    line.tested_on = month.tested_on;
    line.status = month.status;
    if (line.status == decision_status::decided)
      line.granted = grant_on(policy, subject, line.tested_on, facilities);
    pay_month(line, month.version, out.empty(), state,
              [&] { return arrears_floor(policy, evaluate(policy, subject, line.tested_on, facilities)); });
    out.push_back(line);
  }
  return out;
}

/// The total money over the determined months of a schedule. An undetermined month (known_start) is
/// left out, not counted as 0 owed: check undetermined_months() before reading the total as the whole
/// period's.
[[nodiscard]] inline money total(const std::vector<schedule_line>& lines) {
  money sum;
  for (const auto& l : lines)
    if (l.determined()) sum += l.amount;
  return sum;
}

/// The months of a schedule that are undetermined (before the scheme's first known date).
[[nodiscard]] inline int undetermined_months(const std::vector<schedule_line>& lines) {
  int n = 0;
  for (const auto& l : lines) n += l.determined() ? 0 : 1;
  return n;
}

} // namespace eldercare
