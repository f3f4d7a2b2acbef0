// Define a new local rule in about twenty lines, evaluate it, and read its explanation.
//
// The rule (Xicheng, seed 000): Xicheng-registered elders who have lived a full three months in an
// eldercare institution in Tianjin, Hebei or Inner Mongolia that is filed with the local civil-affairs
// department get 600 yuan a month.
#include <iostream>

#include <eldercare/eldercare.hpp>

int main() {
  using namespace eldercare;
  using namespace eldercare::literals;

  // --- the rule: conditions are types, composed with && -------------------------------------
  const auto rule = make_rule<person>(
      "jin_ji_meng", "600 yuan a month after 3 months in a filed 津冀蒙 institution",
      citation{"《西城区户籍老年人赴津冀蒙异地康养扶持办法》", "2024-01-12 briefing",
               "入住津冀蒙…备案的养老机构满三个月的，每人每月补贴600元", "seeds/000_c316a80b4f0fd0a0.txt",
               parse_date("2020-06-01"), std::nullopt},
      hukou_in(region_set("西城区", {regions::xicheng})) && age_at_least(60) &&
          continuous_stay_at_least(
              period::months(3),
              facility_criteria{regions::jin_ji_meng(), {facility_kind::institution}, true}),
      money_per_month(600_yuan));
  // ----------------------------------------------------------------------------------------------

  facility_registry facilities;
  facilities.add(facility("F1", facility_kind::institution, region_code::parse("131082"), 120,
                          filing(region_code::parse("131082"), parse_date("2019-03-01"))));
  const person elder{.id = "p1",
                     .birth_date = parse_date("1941-05-01"),
                     .hukou = {region_code::parse("110102"), std::nullopt},
                     .residence = {region_code::parse("131082"), false},
                     .ability = std::nullopt,
                     .disability = std::nullopt,
                     .categories = {},
                     .health = {},
                     .stays = {stay("F1", parse_date("2023-02-28"))},
                     .household_id = ""};
  validate(elder, &facilities);

  const auto early = evaluate_rule(rule, context<person>{elder, parse_date("2023-05-27"), &facilities});
  const auto later = evaluate_rule(rule, context<person>{elder, parse_date("2023-05-28"), &facilities});
  std::cout << "On 2023-05-27:\n" << explain(early) << "\nOn 2023-05-28:\n" << explain(later);
  // The example is a test: the rule must fail the day before the Civil Code date and pass on it.
  const bool as_expected =
      !early.eligible && early.would_be_met_on == parse_date("2023-05-28") && later.eligible;
  return as_expected ? 0 : 1;
}
