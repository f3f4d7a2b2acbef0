#pragma once
// Readings shared by several catalog entries (stays, ages, codes), and the helpers that turn a
// reading_context into the engine's options.

#include <sstream> // splitting a reading's list of codes
#include <string>
#include <vector>

#include "eldercare/calendar/age.hpp"
#include "eldercare/calendar/period.hpp"
#include "eldercare/catalog/catalog.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/stay/continuous_stay.hpp"

namespace eldercare::catalog_readings {

[[nodiscard]] inline std::vector<reading> common() {
  return {
      {"stay.counting",
       "How is a stay of N months counted?",
       {{"civil_code",
         "民法典 arts. 201-202: from the day after admission to the corresponding day N months later"},
        {"natural_month",
         "自然月: the admission month is not counted; complete at the end of the N-th month after it"}},
       "civil_code",
       provenance::sourced,
       "The Civil Code is the default method for periods (art. 204); no source names another for these "
       "rules.",
       "DOMAIN.md F.1, open question 2"},
      {"stay.gaps",
       "Does a short absence (hospital stay, Spring Festival at home) break a continuous stay?",
       {{"none", "any whole day outside a qualifying facility breaks the stay; the clock restarts"},
        {"tolerate_30_days",
         "gaps of up to 30 uncovered days keep the stay continuous (the clock is not paused)"}},
       "none",
       provenance::assumed,
       "The sources say 入住满三个月 without exceptions; the strict reading is the one a payroll can verify.",
       "DOMAIN.md open question 3"},
      {"stay.transfers",
       "Does the clock restart when the elder moves to another qualifying institution?",
       {{"continues", "a move between qualifying institutions keeps the clock running"},
        {"restarts", "the clock restarts at the new institution"}},
       "continues",
       provenance::assumed,
       "The elder never left qualifying care; the purpose (support elders living in 津冀蒙 institutions) is "
       "served.",
       "DOMAIN.md open question 4"},
      {"stay.before_filing",
       "Do days spent in an institution before it was filed (备案) count?",
       {{"not_counted", "the clock starts on the filing date at the earliest"},
        {"counted", "the whole stay counts once the institution is filed"}},
       "not_counted",
       provenance::assumed,
       "The rule names a filed institution (经当地民政部门备案的养老机构).",
       "DOMAIN.md open question 5"},
      {"hukou.legacy_codes",
       "Does a record with an abolished code (宣武 110104) count as its successor (西城 110102)?",
       {{"as_successor", "yes: the area is the successor's today"},
        {"as_recorded", "no: only the recorded code counts"}},
       "as_successor",
       provenance::assumed,
       "宣武 merged into 西城 in 2010; an elder registered there is a 西城 resident.",
       "DOMAIN.md B.1, open question 6"},
      {"age.reached",
       "On which day is an age (周岁) reached?",
       {{"on_birthday", "on the birthday (popular and welfare practice)"},
        {"day_after_birthday", "on the day after the birthday (SPC juvenile-criminal interpretation)"}},
       "on_birthday",
       provenance::sourced,
       "Welfare programmes normally use the birthday (DOMAIN.md B.1).",
       "DOMAIN.md B.1, open question 17"},
      {"age.leap_day",
       "Where does a 29 February birthday fall in a common year?",
       {{"february_28", "28 February (art. 202: the month's last day)"}, {"march_1", "1 March"}},
       "february_28",
       provenance::assumed,
       "Art. 202's fallback applied to ages.",
       "DOMAIN.md F.1, open question 17"},
  };
}

[[nodiscard]] inline continuity_rules continuity(const reading_context& r) {
  continuity_rules c;
  c.max_gap_days = r.is("stay.gaps", "tolerate_30_days") ? 30 : 0;
  c.transfers = r.is("stay.transfers", "restarts") ? transfer_rule::restarts : transfer_rule::continues;
  c.before_filing =
      r.is("stay.before_filing", "counted") ? pre_filing_days::counted : pre_filing_days::not_counted;
  return c;
}

[[nodiscard]] inline period_counting counting(const reading_context& r) {
  period_counting c;
  c.months =
      r.is("stay.counting", "natural_month") ? month_counting::natural_month : month_counting::civil_code;
  return c;
}

[[nodiscard]] inline age_rule ages(const reading_context& r) {
  age_rule a;
  a.reached =
      r.is("age.reached", "day_after_birthday") ? age_reached::day_after_birthday : age_reached::on_birthday;
  a.leap_day = r.is("age.leap_day", "march_1") ? leap_day_birthday::march_1 : leap_day_birthday::february_28;
  return a;
}

[[nodiscard]] inline legacy_code_reading legacy(const reading_context& r) {
  return r.is("hukou.legacy_codes", "as_recorded") ? legacy_code_reading::as_recorded
                                                   : legacy_code_reading::as_successor;
}

/// The names of the common readings a stay-based rule consults.
inline const std::vector<std::string> stay_reading_names{"stay.counting", "stay.gaps", "stay.transfers",
                                                         "stay.before_filing"};
inline const std::vector<std::string> age_reading_names{"age.reached", "age.leap_day"};

/// For a reading whose default is sourced: where the source is named (" [DOMAIN.md F.1, ...]"), so that
/// the parameter reporting it says where, as every sourced parameter does; "" otherwise.
[[nodiscard]] inline std::string sourced_from(const reading& def) {
  return def.origin == provenance::sourced && !def.reference.empty() ? " [" + def.reference + "]"
                                                                     : std::string();
}

/// The parameter entries for the common readings as chosen, for a rule's parameter list.
[[nodiscard]] inline parameter_list reading_parameters(const reading_context& r,
                                                       const std::vector<std::string>& names) {
  parameter_list out;
  for (const auto& n : names) {
    const reading& def = r.definition(n);
    const std::string v = r.get(n);
    const bool is_default = v == def.default_choice;
    out.push_back({n, v, is_default ? def.origin : provenance::assumed,
                   is_default ? "default reading: " + def.rationale + sourced_from(def)
                              : "reading chosen for this evaluation",
                   is_default ? def.quote : std::string()});
  }
  return out;
}

/// The region codes of a free-input reading ("110114101, 110111102": comma-separated, blanks
/// ignored); a code that does not parse is reported under the reading's name (readings.xixian.extra_towns).
[[nodiscard]] inline std::vector<region_code> region_codes(const reading_context& r,
                                                           const std::string& name) {
  std::vector<region_code> codes;
  std::stringstream in(r.get(name));
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto b = item.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    const auto e = item.find_last_not_of(" \t");
    codes.push_back(region_code::parse(item.substr(b, e - b + 1), "readings." + name));
  }
  return codes;
}

/// One reading as a parameter named `shown_as` ("membership" for xixian.membership), its note naming
/// the reading and, for the default, why.
[[nodiscard]] inline parameter_info reading_parameter(const reading_context& r, const std::string& name,
                                                      std::string shown_as) {
  const reading& def = r.definition(name);
  const std::string v = r.get(name);
  const bool is_default = v == def.default_choice;
  return {
      std::move(shown_as), v, is_default ? def.origin : provenance::assumed,
      "reading " + name +
          (is_default ? " (default): " + def.rationale + sourced_from(def) : " (chosen for this evaluation)"),
      is_default ? def.quote : std::string()};
}

} // namespace eldercare::catalog_readings
