#pragma once
// Ages tested once a year: a scheme that decides who is "80周岁以上" for a whole year, on 1 January
// (reached the age by the year's start) or by year of birth (reaches the age at some point in the
// year). DOMAIN.md open question 12 (Rongcheng's free lunch) asks which, against the day-by-day test
// of age_at_least.

#include <optional> // the day the age is reached, if within the supported years
#include <string>
#include <string_view> // the leaf's declarations

#include "eldercare/calendar/age.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/rules/conditions/age.hpp" // HasBirthDate, the age rule's parameters
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

/// The day of the evaluation year by which the age must be reached.
enum class year_mark {
  january_1,   ///< reached the age on or before 1 January of the year (eligible for the whole year)
  december_31, ///< reaches the age on or before 31 December: eligible from 1 January of that year
};

template <>
struct enum_words<year_mark> {
  static constexpr std::string_view type = "year_mark";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<year_mark>, 2> entries{{
      {year_mark::january_1, "january_1"},
      {year_mark::december_31, "december_31"},
  }};
};

/// Age ≥ `years` 周岁 on the year's `mark` (1 January or 31 December of the evaluation date's year).
/// When not met, time meets it on 1 January of the first year whose mark the age is reached by.
struct age_at_least_by_year : condition_tag {
  static constexpr std::string_view kind = "age_at_least_by_year";
  static constexpr row_fields reads = row_fields::birth_date;
  static constexpr std::string_view doc =
      "Age ≥ `years` 周岁 on a fixed day of the evaluation date's year, decided once a year.";
  static constexpr int birth_order = 1; ///< holding for a birth day, it holds for every earlier one

  int years = 0;
  year_mark mark = year_mark::january_1;
  age_rule rule{};

  age_at_least_by_year(int y, year_mark m, age_rule r = {}) : years(y), mark(m), rule(r) { validate(); }

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("years", "0-150."), self.years);
    v(leaf_param("mark",
                 "Reached by 1 January (eligible for the whole year) or by 31 December (eligible from "
                 "1 January of the year in which the age is reached).")
          .by_name(),
      self.mark, year_mark::january_1);
    detail::age_rule_fields(self.rule, v);
  }
  void validate() const { detail::check_age_years(years, "age_at_least_by_year.years"); }

  template <HasBirthDate Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    // None when the age is reached after 2400: not by any supported year's mark.
    const std::optional<date> reached = date_reaching_age_within(ctx.subject.birth_date, years, rule);
    const int year = static_cast<int>(ctx.on.year());
    const date mark_day = mark == year_mark::january_1 ? make_date(year, 1, 1) : make_date(year, 12, 31);
    const bool ok = reached && *reached <= mark_day;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"birth_date", to_iso(ctx.subject.birth_date)},
                 {"reaches_age_on", reached ? to_iso(*reached) : std::string("after 2400")}};
      if (!ok && reached) {
        // The first year whose mark is on or after the day the age is reached (none after 2400).
        const int ry = static_cast<int>(reached->year());
        const bool by_jan1_same_year = reached->month() == 1 && reached->day() == 1;
        const int first = mark == year_mark::december_31 || by_jan1_same_year ? ry : ry + 1;
        if (first <= max_year) r.met_on = make_date(first, 1, 1);
      }
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "age ≥ " + std::to_string(years) + " 周岁 by " +
           (mark == year_mark::january_1 ? std::string("1 January of the year")
                                         : std::string("31 December of the year"));
  }

protected:
  age_at_least_by_year() = default; // blank (rules/leaf.hpp)
};

} // namespace eldercare
