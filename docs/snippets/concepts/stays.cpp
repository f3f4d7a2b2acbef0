// Stays (docs/concepts/stays.md): admissions and discharges, the continuous run a duration ("入住满三个
// 月") measures, and the options for gaps and transfers. Every expression in the page's table appears
// verbatim below; the checks make it a test.
#include <eldercare/person/person.hpp>
#include <eldercare/region/named_regions.hpp>
#include <eldercare/rules/conditions/stay.hpp>
#include <eldercare/stay/continuous_stay.hpp>

#include "snippet_check.hpp" // check, throws, exit_code

using snippet::check;
using snippet::throws;

int main() {
  using namespace eldercare;
  const region_code sanhe = region_code::parse("131082");
  const facility_registry facilities{
      facility("F1", facility_kind::institution, sanhe, 120, filing(sanhe, parse_date("2019-03-01"))),
      facility("F2", facility_kind::institution, region_code::parse("120116"), 80,
               filing(region_code::parse("120116"), parse_date("2018-05-01")))};
  const facility_criteria jjm{regions::jin_ji_meng(), {facility_kind::institution}, true};

  // [start:stays]
  const stay first("F1", parse_date("2023-02-28"), parse_date("2023-04-10")); // discharged
  const stay second("F2", parse_date("2023-04-10"));                          // transfer, same day; ongoing
  const bool inside = first.covers(parse_date("2023-04-10")); // admission and discharge days count
  // [end:stays]
  check(inside && !first.covers(parse_date("2023-04-11")), "first.covers");
  check(second.ongoing() && !first.ongoing(), "ongoing()");

  // [start:runs]
  const std::vector<stay> moved{first, second};
  const auto run = continuous_stay_on(moved, facilities, jjm, parse_date("2023-06-30")); // default rules
  const continuity_rules restart{.transfers = transfer_rule::restarts};
  const auto fresh = continuous_stay_on(moved, facilities, jjm, parse_date("2023-06-30"), restart);
  // [end:runs]
  check(run && to_iso(run->start) == "2023-02-28" && run->current_facility == "F2",
        "a transfer continues the run by default");
  check(run && run->segments.size() == 2, "two segments");
  check(fresh && to_iso(fresh->start) == "2023-04-10", "transfer_rule::restarts starts at F2");

  // [start:gaps]
  // A week in hospital recorded as a discharge and a readmission.
  const std::vector<stay> hospital{stay("F1", parse_date("2023-02-28"), parse_date("2023-04-01")),
                                   stay("F1", parse_date("2023-04-09"))};
  const auto broken = continuous_stay_on(hospital, facilities, jjm, parse_date("2023-06-30"));
  const auto tolerated = continuous_stay_on(hospital, facilities, jjm, parse_date("2023-06-30"),
                                            continuity_rules{.max_gap_days = 7});
  // [end:gaps]
  check(broken && to_iso(broken->start) == "2023-04-09",
        "by default any whole day outside care breaks the run");
  check(tolerated && to_iso(tolerated->start) == "2023-02-28", "a tolerated gap keeps the run");
  check(!continuous_stay_on(hospital, facilities, jjm, parse_date("2023-04-05")),
        "not in care during the gap");

  // [start:condition]
  const auto three_months = continuous_stay_at_least(period::months(3), jjm); // "入住满三个月"
  const auto natural = continuous_stay_at_least(period::months(3), jjm, {}, {month_counting::natural_month});
  const auto in_care = in_facility(jjm); // on the date only
  const auto at_home = lives_at_home();  // 居家
  // [end:condition]
  const region_code xicheng = region_code::parse("110102");
  const person elder{.id = "p1",
                     .birth_date = parse_date("1941-05-01"),
                     .hukou = {xicheng, std::nullopt},
                     .residence = {sanhe, false},
                     .stays = {stay("F1", parse_date("2023-02-28"))}};
  // [start:verdict]
  const context<person> day_before{elder, parse_date("2023-05-27"), &facilities};
  const context<person> on_the_day{elder, parse_date("2023-05-28"), &facilities};
  const bool early = holds(three_months, day_before); // false: complete on 2023-05-28 (Civil Code)
  const bool met = holds(three_months, on_the_day);   // true, at 24:00 on the last day
  // [end:verdict]
  check(!early && met, "the Civil Code date, not Boost's 05-31");
  check(!holds(natural, on_the_day) &&
            holds(natural, context<person>{elder, parse_date("2023-05-31"), &facilities}),
        "natural months: complete on 2023-05-31");
  check(holds(in_care, day_before) && !holds(at_home, day_before), "in care, so not at home");
  // A trace gives the date the failing duration would be met.
  trace t;
  (void)three_months.evaluate(day_before, t);
  check(t.reasons().size() == 1 && t.reasons()[0].met_on && to_iso(*t.reasons()[0].met_on) == "2023-05-28",
        "met_on is 2023-05-28");

  // [start:errors]
  // Building a stay or validating a person throws eldercare::invalid_value naming the field:
  //   stay("F1", parse_date("2023-05-01"), parse_date("2023-04-01"))  invalid_stay (105): discharged before
  //   admitted validate(elder, &facilities)  invalid_stay (105): "persons[p1].stays[1].admitted" overlaps
  //   stays[0],
  //                                 or "persons[p1].stays[0].facility" is not in the registry
  // Evaluating a rule never throws: a stay in an unknown facility makes the condition fail with a note.
  // [end:errors]
  check(throws(error_id::invalid_stay,
               [] { (void)stay("F1", parse_date("2023-05-01"), parse_date("2023-04-01")); }),
        "discharge before admission");
  person overlapping = elder;
  overlapping.stays.push_back(stay("F2", parse_date("2023-03-15")));
  try {
    validate(overlapping, &facilities);
    check(false, "overlapping stays are rejected");
  } catch (const invalid_value& e) {
    check(e.id() == error_id::invalid_stay && e.field() == "persons[p1].stays[1].admitted",
          "overlap names the field");
  }
  person unknown = elder;
  unknown.stays = {stay("F9", parse_date("2023-02-28"))};
  check(!holds(three_months, context<person>{unknown, parse_date("2023-06-30"), &facilities}),
        "an unknown facility fails, without throwing");
  return snippet::exit_code();
}
