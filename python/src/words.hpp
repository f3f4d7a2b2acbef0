#pragma once
// The words that C++ enum options cross the binding as ("civil_code", "as_successor", ...), one table
// per enum, shared by every translation unit so that a word means the same everywhere.

#include "common.hpp"

namespace eldercare_py::words {

using namespace eldercare;

inline constexpr word_table<legacy_code_reading, 2> legacy_readings{{
    {"as_successor", legacy_code_reading::as_successor},
    {"as_recorded", legacy_code_reading::as_recorded},
}};
inline constexpr word_table<transfer_rule, 2> transfer_rules{{
    {"continues", transfer_rule::continues},
    {"restarts", transfer_rule::restarts},
}};
inline constexpr word_table<pre_filing_days, 2> pre_filing_rules{{
    {"not_counted", pre_filing_days::not_counted},
    {"counted", pre_filing_days::counted},
}};
inline constexpr word_table<month_counting, 2> month_countings{{
    {"civil_code", month_counting::civil_code},
    {"natural_month", month_counting::natural_month},
}};
inline constexpr word_table<check_time, 2> check_times{{
    {"end_of_day", check_time::end_of_day},
    {"start_of_day", check_time::start_of_day},
}};
inline constexpr word_table<age_reached, 2> age_reacheds{{
    {"on_birthday", age_reached::on_birthday},
    {"day_after_birthday", age_reached::day_after_birthday},
}};
inline constexpr word_table<leap_day_birthday, 2> leap_day_birthdays{{
    {"february_28", leap_day_birthday::february_28},
    {"march_1", leap_day_birthday::march_1},
}};
inline constexpr word_table<condition_shape, 4> condition_shapes{{
    {"leaf", condition_shape::leaf},
    {"all_of", condition_shape::all_of},
    {"any_of", condition_shape::any_of},
    {"negation", condition_shape::negation},
}};
inline constexpr word_table<reason_kind, 4> reason_kinds{{
    {"leaf", reason_kind::leaf},
    {"all_of", reason_kind::all_of},
    {"any_of", reason_kind::any_of},
    {"negation", reason_kind::negation},
}};
inline constexpr word_table<benefit_unit, 6> benefit_units{{
    {"money", benefit_unit::money},
    {"service_hours", benefit_unit::service_hours},
    {"visits", benefit_unit::visits},
    {"meals", benefit_unit::meals},
    {"priority_points", benefit_unit::priority_points},
    {"service_place", benefit_unit::service_place},
}};
inline constexpr word_table<benefit_period, 4> benefit_periods{{
    {"per_month", benefit_period::per_month},
    {"per_year", benefit_period::per_year},
    {"per_day", benefit_period::per_day},
    {"one_off", benefit_period::one_off},
}};
inline constexpr word_table<provenance, 4> provenances{{
    {"stated", provenance::stated},
    {"sourced", provenance::sourced},
    {"derived", provenance::derived},
    {"assumed", provenance::assumed},
}};
inline constexpr word_table<combination, 3> combinations{{
    {"first_match", combination::first_match},
    {"highest", combination::highest},
    {"sum", combination::sum},
}};
inline constexpr word_table<payee, 2> payees{{
    {"person", payee::person},
    {"household", payee::household},
}};
inline constexpr word_table<month_basis, 2> month_bases{{
    {"end_of_month", month_basis::end_of_month},
    {"start_of_month", month_basis::start_of_month},
}};
inline constexpr word_table<computability, 2> computabilities{{
    {"computable", computability::computable},
    {"announced", computability::announced},
}};
inline constexpr word_table<decision_status, 3> decision_statuses{{
    {"decided", decision_status::decided},
    {"not_in_force", decision_status::not_in_force},
    {"not_computable", decision_status::not_computable},
}};
inline constexpr word_table<stacking_mode, 3> stacking_modes{{
    {"stack", stacking_mode::stack},
    {"choose_higher", stacking_mode::choose_higher},
    {"exclusive_choice", stacking_mode::exclusive_choice},
}};

inline constexpr word_table<period_unit, 3> period_units{{
    {"days", period_unit::days},
    {"months", period_unit::months},
    {"years", period_unit::years},
}};

inline constexpr word_table<disability_category, 7> disability_categories{{
    {"visual", disability_category::visual},
    {"hearing", disability_category::hearing},
    {"speech", disability_category::speech},
    {"physical", disability_category::physical},
    {"intellectual", disability_category::intellectual},
    {"mental", disability_category::mental},
    {"multiple", disability_category::multiple},
}};

inline constexpr word_table<year_mark, 2> year_marks{{
    {"january_1", year_mark::january_1},
    {"december_31", year_mark::december_31},
}};
inline constexpr word_table<self_care_rating, 3> self_care_ratings{{
    {"capable", self_care_rating::capable},
    {"partially_lost", self_care_rating::partially_lost},
    {"fully_lost", self_care_rating::fully_lost},
}};

/// An age rule from its two option words.
inline age_rule make_age_rule(const std::string& reached, const std::string& leap_day) {
  return age_rule{parse_word(reached, "age_rule.reached", age_reacheds),
                  parse_word(leap_day, "age_rule.leap_day", leap_day_birthdays)};
}

} // namespace eldercare_py::words
