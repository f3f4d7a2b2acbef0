#pragma once
// A person: the facts eldercare's rules read. Plain data, so that it is easy to build from JSON, a
// DataFrame row or designated initialisers; validate() checks what the value types cannot.

#include <optional>
#include <span> // a person's stays, for the overlap check shared with population columns
#include <string>
#include <vector>

#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/disability_certificate.hpp"
#include "eldercare/calendar/date.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/person/category.hpp"
#include "eldercare/person/health.hpp"
#include "eldercare/person/id_number.hpp"
#include "eldercare/person/residency.hpp"
#include "eldercare/person/survey_weight.hpp"
#include "eldercare/stay/stay.hpp"

namespace eldercare {

struct person {
  std::string id;
  date birth_date;
  eldercare::hukou hukou;         ///< 户籍
  eldercare::residence residence; ///< 居住地
  // Members below have defaults, so designated initialisers may leave them out (and new facts can be
  // added without breaking -Wmissing-field-initializers builds of callers).
  std::optional<assessment> ability = {};                ///< latest ability assessment (GB/T 42195 level)
  std::optional<disability_certificate> disability = {}; ///< 残疾人证
  category_set categories = {};
  health_status health = {};
  std::vector<stay> stays = {};  ///< in any order
  std::string household_id = {}; ///< for benefits paid per household; may be empty
  /// Programmes the person is enrolled in, by id (e.g. "weihai.virtual_platform" for Weihai's
  /// virtual eldercare platform); rules test enrolment with enrolled_in.
  std::vector<std::string> programmes = {};
  // [start:died_on]
  /// The date of death (死亡日期), when the records hold one. Payments stop with it: a rule for the
  /// living says so with the `alive` condition (rules/conditions/alive.hpp).
  std::optional<date> died_on = {};
  // [end:died_on]
  /// The resident ID number (公民身份号码) when the record has one; its date of birth must be
  /// birth_date (validate() checks it). No rule reads it.
  std::optional<eldercare::id_number> id_number = {};
  /// Survey microdata: how many persons the record represents (none given: 1). No rule reads it;
  /// population totals are weighted by it (person/survey_weight.hpp).
  std::optional<survey_weight> weight = {};
};

namespace detail {
/// The first stay before `stays[i]` that overlaps it, if any. Two stays may share one transfer day
/// (discharge and admission on the same day); otherwise [a1, d1] and [a2, d2] must not meet.
inline std::optional<std::size_t> overlapping_earlier_stay(std::span<const stay> stays, std::size_t i) {
  const stay& s = stays[i];
  for (std::size_t j = 0; j < i; ++j) {
    const stay& o = stays[j];
    const bool overlap =
        s.admitted() < (o.discharged() ? *o.discharged() : date(boost::gregorian::pos_infin)) &&
        o.admitted() < (s.discharged() ? *s.discharged() : date(boost::gregorian::pos_infin));
    if (overlap) return j;
  }
  return std::nullopt;
}
} // namespace detail

/// Checks the facts that single values cannot check alone, throwing invalid_value with the field
/// path (e.g. "persons[p1].stays[1].admitted"):
///  - a non-empty id and a real birth date, the ID number's when one is given;
///  - hukou.since, the date of death, the assessment and stays not before the birth date;
///  - stays that do not overlap (a transfer on one day — discharge and admission the same day — is fine);
///  - when `facilities` is given, every stay names a facility in it.
inline void validate(const person& p, const facility_registry* facilities = nullptr) {
  const std::string at = "persons[" + p.id + "]";
  if (p.id.empty()) throw invalid_value(error_id::invalid_person, "persons[].id", "", "must not be empty");
  require_valid(p.birth_date, at + ".birth_date");
  auto not_before_birth = [&](const date& d, const std::string& field) {
    if (d < p.birth_date)
      throw invalid_value(error_id::invalid_person, field, to_iso(d),
                          "is before the birth date " + to_iso(p.birth_date));
  };
  if (p.id_number) (void)birth_date_of(p.birth_date, p.id_number, at + ".birth_date", at + ".id_number");
  if (p.hukou.since) not_before_birth(*p.hukou.since, at + ".hukou.since");
  if (p.died_on) {
    require_valid(*p.died_on, at + ".died_on");
    not_before_birth(*p.died_on, at + ".died_on");
  }
  if (p.ability) not_before_birth(p.ability->assessed_on(), at + ".ability.assessed_on");
  for (std::size_t i = 0; i < p.stays.size(); ++i) {
    const stay& s = p.stays[i];
    const std::string field = at + ".stays[" + std::to_string(i) + "]";
    not_before_birth(s.admitted(), field + ".admitted");
    if (facilities && !facilities->find(s.facility_id()))
      throw invalid_value(error_id::invalid_stay, field + ".facility", s.facility_id(),
                          "no facility with this id");
    if (const auto j = detail::overlapping_earlier_stay(p.stays, i)) {
      const stay& o = p.stays[*j];
      throw invalid_value(error_id::invalid_stay, field + ".admitted", to_iso(s.admitted()),
                          "overlaps stays[" + std::to_string(*j) + "] (" + o.facility_id() + " from " +
                              to_iso(o.admitted()) + ")");
    }
  }
}

} // namespace eldercare
