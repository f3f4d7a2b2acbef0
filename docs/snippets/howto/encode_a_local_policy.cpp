// How-to: encode a local policy. The clause of seed 001 (Weihai, 2022-10-15) on Rongcheng's 暖心食堂,
// "为1.5万名80周岁以上农村老人提供免费午餐", becomes a catalog entry with its citation, a reading for the
// question the text leaves open, and tests worked out by hand. The library's own entry
// cn.shandong.rongcheng.rural_free_lunch was written the same way; the last step checks that this
// entry decides exactly as it does.
#include <iostream> // the count of decisions compared
#include <string>   // check messages built from the case
#include <vector>   // a rule's parts, chosen by the readings

// [start:includes]
#include <eldercare/catalog/catalog.hpp>         // catalog, catalog_entry, reading_context
#include <eldercare/catalog/common_readings.hpp> // age.reached, age.leap_day, ...
#include <eldercare/catalog/shandong/rongcheng_rural_free_lunch.hpp> // the library's entry (for step 5)
#include <eldercare/region/named_regions.hpp>                        // regions::rongcheng
#include <eldercare/rules/conditions/age.hpp>                        // age_at_least
#include <eldercare/rules/conditions/age_by_year.hpp>                // age_at_least_by_year
#include <eldercare/rules/conditions/residency.hpp>                  // lives_in, lives_rural
// [end:includes]

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

namespace my_catalog {
using namespace eldercare;

// [start:reading]
// Step 2: a question the text leaves open becomes a reading: named choices, a default, where the
// default comes from and why. "80周岁以上" says nothing of when in the year the age is tested.
inline reading age_reference() {
  return {"example.rongcheng.age_reference",
          "Is 80周岁以上 tested on the day, or once a year?",
          {{"on_the_day", "on the day: from the 80th birthday"},
           {"by_january_1", "once a year: 80 by 1 January of the year"}},
          "on_the_day",
          provenance::assumed,
          "The seed has no yearly roll; 周岁 is reached on the birthday (art. 1259).",
          "DOMAIN.md open question 12"};
}
// [end:reading]

// [start:entry]
// Steps 1 and 3: the clause, its citation, and a rule built from the readings an evaluation chooses.
inline catalog_entry rural_free_lunch() {
  catalog_entry e;
  e.id = "example.rongcheng.rural_free_lunch";
  e.title = "荣成市暖心食堂 农村80周岁以上老人免费午餐";
  e.jurisdiction = "山东省荣成市 (371082)";
  e.source = "seeds/001_861ae1dac3f93ce2.txt";
  e.summary = "Elders aged 80 and over who live in a Rongcheng village get a free lunch every day.";
  e.readings = {"example.rongcheng.age_reference", "age.reached", "age.leap_day"};
  e.build = [](const reading_context& r) {
    const citation clause{"荣成市暖心食堂",
                          "威海 report of 2022-10-15, 坚持多样化农村养老模式",
                          "为1.5万名80周岁以上农村老人提供免费午餐",
                          "seeds/001_861ae1dac3f93ce2.txt",
                          make_date(2021, 5, 11),
                          std::nullopt};
    const age_rule ages = catalog_readings::ages(r); // age.reached and age.leap_day
    std::vector<any_condition> parts{lives_rural(), lives_in(region_set("荣成市", {regions::rongcheng}))};
    if (r.is("example.rongcheng.age_reference", "by_january_1"))
      parts.emplace_back(age_at_least_by_year(80, year_mark::january_1, ages));
    else
      parts.emplace_back(age_at_least(80, ages));
    // A stated value carries the seed's words (its quote); a value the text does not give is assumed.
    const parameter_list parameters{
        {"min_age", "80", provenance::stated, "includes 80, art. 1259", "80周岁以上"},
        {"meal", "lunch, free", provenance::stated, "", "提供免费午餐"},
        {"frequency", "1 meal per day", provenance::assumed, "the seed gives no frequency"},
        {"age_reference", r.get("example.rongcheng.age_reference"), provenance::assumed,
         "reading example.rongcheng.age_reference"}};
    const rule lunch{.id = "free_lunch",
                     .title = "a free lunch every day for rural elders aged 80+",
                     .cite = clause,
                     .condition = any_condition::all(std::move(parts)),
                     .grant = benefit(meals_per_day(1)),
                     .parameters = parameters};
    const policy_version since_2021{
        .label = "2021",
        .effective_from = make_date(2021, 5, 11),
        .effective_to = std::nullopt,
        .cite = clause,
        .combine = combination::first_match,
        .paid_to = payee::person,
        .rules = {lunch},
        .parameters = {{"effective_from", "2021-05-11", provenance::sourced,
                        "the earliest report of the canteens running (DOMAIN.md E.3)"}}};
    // The canteens ran before that report: earlier dates are undetermined, not "not in force".
    return policy("example.rongcheng.rural_free_lunch", "荣成市暖心食堂 农村80周岁以上老人免费午餐",
                  {since_2021})
        .known_from(make_date(2021, 5, 11), "363 canteens were already running by May 2021");
  };
  return e;
}
// [end:entry]
} // namespace my_catalog

int main() {
  using namespace eldercare;

  // [start:catalog]
  // Step 4: a catalog holds the readings and the entries; evaluation is by id, under chosen readings.
  catalog mine;
  for (auto& r : catalog_readings::common()) mine.add_reading(std::move(r));
  mine.add_reading(my_catalog::age_reference());
  mine.add(my_catalog::rural_free_lunch());
  // [end:catalog]

  // [start:tests]
  // Step 5: tests worked out by hand from the text, one per sentence of the rule and per reading.
  const auto elder = [](const char* born, bool village) {
    return person{.id = "rc",
                  .birth_date = parse_date(born),
                  .hukou = {region_code::parse("371082"), std::nullopt},
                  .residence = {region_code::parse("371082"), village},
                  .programmes = {"rongcheng.warm_canteen"}}; // registered with the village's canteen
  };
  const auto lunch = [&](const person& p, const char* on, const reading_set& readings = {}) {
    return mine.evaluate("example.rongcheng.rural_free_lunch", p, parse_date(on), nullptr, readings);
  };
  const reading_set yearly{{"example.rongcheng.age_reference", "by_january_1"}};
  const person born_1942 = elder("1942-03-10", true); // 80 周岁 on 2022-03-10
  check(!lunch(born_1942, "2022-03-09").eligible, "79 the day before the birthday");
  check(lunch(born_1942, "2022-03-10").granted == benefit(meals_per_day(1)),
        "a lunch a day from the birthday");
  check(!lunch(born_1942, "2022-12-31", yearly).eligible, "yearly reading: not 80 on 1 January 2022");
  check(lunch(born_1942, "2022-12-31", yearly).would_be_eligible_on() == parse_date("2023-01-01"),
        "yearly reading: from 1 January 2023");
  check(!lunch(elder("1942-03-10", false), "2023-06-01").eligible, "a town resident is not rural");
  check(lunch(born_1942, "2021-05-10").status == decision_status::undetermined, "before the first report");
  // [end:tests]

  // [start:cross_check]
  // The library's entry for the same clause, in a catalog of its own: both must decide alike for
  // every person, date and corresponding reading.
  catalog library;
  for (auto& r : catalog_readings::common()) library.add_reading(std::move(r));
  for (auto& r : catalog_entries::rongcheng_lunch_readings()) library.add_reading(std::move(r));
  library.add(catalog_entries::rongcheng_rural_free_lunch());
  int compared = 0;
  for (const char* reference : {"on_the_day", "by_january_1"})
    for (const char* born : {"1942-01-01", "1942-03-10", "1942-12-31", "1944-02-29", "1930-06-15"})
      for (const bool village : {true, false})
        for (const char* on :
             {"2021-05-10", "2022-01-01", "2022-03-10", "2022-12-31", "2024-02-28", "2024-02-29"}) {
          const person p = elder(born, village);
          const decision a = lunch(p, on, {{"example.rongcheng.age_reference", reference}});
          const decision b = library.evaluate(catalog_entries::rongcheng_lunch_id, p, parse_date(on), nullptr,
                                              {{"rongcheng.age_reference", reference}});
          check(a.status == b.status && a.eligible == b.eligible && a.granted == b.granted &&
                    a.would_be_eligible_on() == b.would_be_eligible_on(),
                std::string(born) + " on " + on + " under " + reference + ": the two entries differ");
          ++compared;
        }
  // [end:cross_check]
  std::cout << compared << " decisions compared with cn.shandong.rongcheng.rural_free_lunch\n";
  check(compared == 120, "120 decisions compared");
  return snippet::exit_code();
}
