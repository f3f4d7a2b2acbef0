// Facilities and filing (docs/concepts/filing.md): 养老机构 and their 备案 with civil affairs, and what
// a filing made after the elder's admission does to a duration. Every expression in the page's table
// appears verbatim below; the checks make it a test.
#include <eldercare/facility/facility_criteria.hpp>
#include <eldercare/facility/facility_registry.hpp>
#include <eldercare/region/named_regions.hpp>
#include <eldercare/stay/continuous_stay.hpp>

#include "snippet_check.hpp" // check, throws, exit_code

using snippet::check;
using snippet::throws;

int main() {
  using namespace eldercare;

  // [start:facilities]
  const region_code sanhe = region_code::parse("131082"); // 三河市, Hebei
  const filing receipt(sanhe, parse_date("2019-03-01"));  // 备案: authority's region, date
  const facility filed("F1", facility_kind::institution, sanhe, /*beds=*/120, receipt);
  const facility late("F2", facility_kind::institution, sanhe, 60,
                      filing(sanhe, parse_date("2023-03-01")));        // filed after admitting elders
  const facility unfiled("F3", facility_kind::institution, sanhe, 30); // no filing on record
  facility_registry facilities{filed, late, unfiled};
  // [end:facilities]
  check(facilities.size() == 3, "three facilities");
  check(facilities.find("F2") != nullptr && facilities.find("F2")->beds() == 60 &&
            facilities.find("F9") == nullptr,
        "find by id");

  // [start:status]
  const bool in_force = receipt.in_force_on(parse_date("2024-06-30")); // filed on or before, not revoked
  const bool f2_early = late.filed_on(parse_date("2023-02-01"));       // false: not yet filed
  const bool f3_ever = unfiled.filed_on(parse_date("2024-06-30"));     // false: never filed
  const filing revoked(sanhe, parse_date("2019-03-01"), parse_date("2024-01-01")); // 备案 cancelled
  // [end:status]
  check(in_force, "receipt.in_force_on(2024-06-30)");
  check(!f2_early && late.filed_on(parse_date("2023-03-01")), "F2 filed from 2023-03-01");
  check(!f3_ever, "F3 never filed");
  check(revoked.in_force_on(parse_date("2023-12-31")) && !revoked.in_force_on(parse_date("2024-01-01")),
        "a revocation ends the filing on its day");

  // The docs quote this block verbatim, one declaration per line.
  // clang-format off
  // [start:criteria]
  const facility_criteria jjm_filed{regions::jin_ji_meng(), {facility_kind::institution}, /*require_filing=*/true};
  const bool place_and_kind = jjm_filed.matches_place_and_kind(unfiled); // true: filing is tested per day
  // [end:criteria]
  // clang-format on
  check(place_and_kind, "place and kind match without a filing");
  check(jjm_filed.to_string() == "a filed institution in 津冀蒙 {120000, 130000, 150000}", "criteria text");

  // [start:late_filing]
  // Admitted to F2 on 2023-01-10; F2 filed on 2023-03-01. By default the days before the filing do
  // not count ("a *filed* institution"): the clock starts on the filing day.
  const std::vector<stay> stays{stay("F2", parse_date("2023-01-10"))};
  const auto run = continuous_stay_on(stays, facilities, jjm_filed, parse_date("2023-06-30"));
  const continuity_rules counted{.before_filing = pre_filing_days::counted};
  const auto whole = continuous_stay_on(stays, facilities, jjm_filed, parse_date("2023-06-30"), counted);
  // [end:late_filing]
  check(run && to_iso(run->start) == "2023-03-01", "by default the run starts at the filing");
  check(whole && to_iso(whole->start) == "2023-01-10", "pre_filing_days::counted: from admission");
  check(!continuous_stay_on(stays, facilities, jjm_filed, parse_date("2023-02-15")),
        "not in a filed facility before the filing");
  const std::vector<stay> in_unfiled{stay("F3", parse_date("2020-01-01"))};
  check(!continuous_stay_on(in_unfiled, facilities, jjm_filed, parse_date("2024-06-30")),
        "an unfiled facility never qualifies when filing is required");
  const facility_criteria any_jjm{regions::jin_ji_meng(), {facility_kind::institution}, false};
  check(continuous_stay_on(in_unfiled, facilities, any_jjm, parse_date("2024-06-30")).has_value(),
        "but does when the rule does not ask for a filing");

  // [start:errors]
  // Each throws eldercare::invalid_value naming the field and the value:
  //   filing(sanhe, parse_date("2024-01-01"), parse_date("2023-01-01"))  invalid_facility (107): revoked
  //   before filed facility("F4", facility_kind::institution, sanhe, -1)              invalid_facility (107):
  //   negative beds facilities.add(filed)                                              invalid_facility
  //   (107): duplicate id parse_facility_kind("nursing_home")                                invalid_facility
  //   (107): unknown kind facilities.at("F9", "stays[0].facility")                           invalid_stay
  //   (105): no such facility
  // [end:errors]
  check(throws(error_id::invalid_facility,
               [&] { (void)filing(sanhe, parse_date("2024-01-01"), parse_date("2023-01-01")); }),
        "revoked before filed");
  check(throws(error_id::invalid_facility,
               [&] { (void)facility("F4", facility_kind::institution, sanhe, -1); }),
        "negative beds");
  check(throws(error_id::invalid_facility, [&] { facilities.add(filed); }), "duplicate id");
  check(throws(error_id::invalid_facility, [] { (void)parse_facility_kind("nursing_home"); }),
        "unknown kind");
  check(throws(error_id::invalid_stay, [&] { (void)facilities.at("F9", "stays[0].facility"); }),
        "unknown facility");
  return snippet::exit_code();
}
