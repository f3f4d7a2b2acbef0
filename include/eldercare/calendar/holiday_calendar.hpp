#pragma once
// Statutory holidays (法定休假日) for art. 203 of the Civil Code. The calendar is an input: the State
// Council publishes it every year (with 调休 swaps), so eldercare ships no holiday data of its own.

#include <set>

#include "eldercare/calendar/date.hpp"

namespace eldercare {

/// A set of statutory rest days. Consecutive days form one holiday.
class holiday_calendar {
public:
  holiday_calendar() = default;

  /// Marks every day from `first` to `last` inclusive as a statutory holiday.
  void add_holiday(const date& first, const date& last) {
    require_valid(first, "holiday.first");
    require_valid(last, "holiday.last");
    if (last < first)
      throw invalid_value(error_id::invalid_date, "holiday.last", to_iso(last),
                          "ends before its first day " + to_iso(first));
    for (date d = first; d <= last; d += boost::gregorian::date_duration(1)) days_.insert(d);
  }

  [[nodiscard]] bool is_holiday(const date& d) const { return days_.count(d) != 0; }

  /// Art. 203: a last day that is a holiday moves to the day after the holiday ends.
  [[nodiscard]] date next_working_day_if_holiday(date d) const {
    while (is_holiday(d)) d += boost::gregorian::date_duration(1);
    return d;
  }

private:
  std::set<date> days_;
};

} // namespace eldercare
