// Calendar: dates, Civil Code month arithmetic, periods and ages (eldercare/calendar/).
#include "common.hpp"
#include "words.hpp"

namespace eldercare_py {
namespace {

using namespace eldercare;
using namespace words;

period make_period(int count, const std::string& unit) {
  const period_unit u = parse_word<period_unit>(unit, "period.unit");
  return u == period_unit::days     ? period::days(count)
         : u == period_unit::months ? period::months(count)
                                    : period::years(count);
}

period_counting make_counting(const std::string& counting) {
  return period_counting{parse_word<month_counting>(counting, "counting"), nullptr};
}

} // namespace

void register_calendar(py::module_& m) {
  m.attr("min_year") = min_year;
  m.attr("max_year") = max_year;

  m.def(
      "to_date", [](py::handle value, const std::string& field) { return to_date(value, field); },
      py::arg("value"), py::arg("field") = "date",
      "A date from a datetime.date or 'YYYY-MM-DD' text; invalid input raises naming `field`.");
  m.def(
      "to_optional_date",
      [](py::handle value, const std::string& field) { return to_optional_date(value, field); },
      py::arg("value"), py::arg("field") = "date", "As to_date, with None passed through.");
  m.def(
      "parse_date", [](const std::string& text, const std::string& field) { return parse_date(text, field); },
      py::arg("text"), py::arg("field") = "date");
  m.def(
      "make_date", [](int y, int mo, int d, const std::string& field) { return make_date(y, mo, d, field); },
      py::arg("year"), py::arg("month"), py::arg("day"), py::arg("field") = "date");
  m.def(
      "days_in_month",
      [](int y, int mo) {
        if (mo < 1 || mo > 12) throw invalid_value(error_id::invalid_date, "month", mo, "month must be 1-12");
        return days_in_month(y, mo);
      },
      py::arg("year"), py::arg("month"));
  m.def(
      "end_of_month", [](py::handle d) { return end_of_month(to_date(d, "date")); }, py::arg("date"));

  m.def(
      "add_months_civil",
      [](py::handle start, int n) { return add_months_civil(to_date(start, "start"), n); }, py::arg("start"),
      py::arg("months"));
  m.def(
      "period_last_day",
      [](py::handle start, int months) {
        const date s = to_date(start, "start");
        return requalified("period.count", "months", [&] { return period_last_day(s, months); });
      },
      py::arg("start"), py::arg("months"));
  m.def(
      "period_last_day_of",
      [](py::handle start, int count, const std::string& unit, const std::string& counting) {
        const period p = requalified("period.count", "count", [&] { return make_period(count, unit); });
        return period_last_day(to_date(start, "start"), p, make_counting(counting));
      },
      py::arg("start"), py::arg("count"), py::arg("unit"), py::arg("counting") = "civil_code");
  m.def(
      "period_complete_on",
      [](py::handle start, int count, const std::string& unit, const std::string& counting,
         const std::string& checked) {
        const period p = requalified("period.count", "count", [&] { return make_period(count, unit); });
        return period_complete_on(to_date(start, "start"), p, make_counting(counting),
                                  parse_word<check_time>(checked, "checked"));
      },
      py::arg("start"), py::arg("count"), py::arg("unit"), py::arg("counting") = "civil_code",
      py::arg("checked") = "end_of_day");
  m.def(
      "full_months_between",
      [](py::handle start, py::handle end, const std::string& counting, const std::string& checked) {
        return full_months_between(to_date(start, "start"), to_date(end, "end"), make_counting(counting),
                                   parse_word<check_time>(checked, "checked"));
      },
      py::arg("start"), py::arg("end"), py::arg("counting") = "civil_code",
      py::arg("checked") = "end_of_day");

  m.def(
      "age_on",
      [](py::handle birth, py::handle on, const std::string& reached, const std::string& leap_day) {
        return age_on(to_date(birth, "birth_date"), to_date(on, "on"), make_age_rule(reached, leap_day));
      },
      py::arg("birth_date"), py::arg("on"), py::arg("reached") = "on_birthday",
      py::arg("leap_day") = "february_28");
  m.def(
      "date_reaching_age",
      [](py::handle birth, int years, const std::string& reached, const std::string& leap_day) {
        return date_reaching_age(to_date(birth, "birth_date"), years, make_age_rule(reached, leap_day));
      },
      py::arg("birth_date"), py::arg("years"), py::arg("reached") = "on_birthday",
      py::arg("leap_day") = "february_28");
}

} // namespace eldercare_py
