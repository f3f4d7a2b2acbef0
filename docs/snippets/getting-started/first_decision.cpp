// Getting started (C++): a first rule, a policy holding it, and a decision that explains itself.
//
// The rule is the clause of seed 001 on Rongcheng's 暖心食堂: "为1.5万名80周岁以上农村老人提供免费午餐"
// (a free lunch for rural elders aged 80 and over). The checks at the end make this program a test:
// it returns non-zero when a decision is not the one the Civil Code's age rule (art. 1259) gives.
#include <iostream> // std::cout for the explanations
#include <string>   // the granting rules' names
#include <vector>   // the expected granting rules

// [start:includes]
#include <eldercare/region/named_regions.hpp>       // regions::rongcheng
#include <eldercare/rules/aliases.hpp>              // policy, policy_version, rule (for persons)
#include <eldercare/rules/conditions/age.hpp>       // age_at_least
#include <eldercare/rules/conditions/residency.hpp> // lives_in, lives_rural
#include <eldercare/rules/decision.hpp>             // evaluate -> decision
#include <eldercare/rules/explain.hpp>              // explain(decision)
// [end:includes]

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  using namespace eldercare;

  // [start:rule]
  // The condition is a type built by &&; the compiler checks that a person has every fact it reads.
  const auto free_lunch = make_rule<person>(
      "free_lunch", "a free lunch every day for rural elders aged 80+",
      citation{"荣成市暖心食堂", "威海 report of 2022-10-15", "为1.5万名80周岁以上农村老人提供免费午餐",
               "seeds/001_861ae1dac3f93ce2.txt", parse_date("2021-05-11"), std::nullopt},
      lives_rural() && lives_in(region_set("荣成市", {regions::rongcheng})) && age_at_least(80),
      meals_per_day(1));
  // [end:rule]

  // [start:policy]
  // A policy is a list of versions by effective date; a version holds (type-erased) rules.
  const policy lunch_policy("example.rongcheng.free_lunch", "荣成市暖心食堂 免费午餐",
                            {policy_version{.label = "2021",
                                            .effective_from = parse_date("2021-05-11"),
                                            .effective_to = std::nullopt,
                                            .cite = free_lunch.cite,
                                            .combine = combination::first_match,
                                            .paid_to = payee::person,
                                            .rules = {erase(free_lunch)},
                                            .parameters = {}}});
  // [end:policy]

  // [start:person]
  const person elder{.id = "rc-1",
                     .birth_date = parse_date("1942-03-10"),
                     .hukou = {region_code::parse("371082"), std::nullopt},
                     .residence = {region_code::parse("371082"), /*rural=*/true}};
  // [end:person]

  // [start:decide]
  const decision before = evaluate(lunch_policy, elder, parse_date("2022-03-09"));
  const decision on_birthday = evaluate(lunch_policy, elder, parse_date("2022-03-10"));
  std::cout << explain(before) << '\n' << explain(on_birthday);
  // [end:decide]

  // [start:read]
  // A decision is data as well as text: the verdict, the grant, and every condition with its facts.
  check(!before.eligible, "not eligible the day before the 80th birthday");
  check(before.first_failing_condition() == "age ≥ 80 周岁", "the age is what fails");
  check(before.would_be_eligible_on() == parse_date("2022-03-10"), "eligible from the 80th birthday");
  check(on_birthday.eligible && on_birthday.granted == benefit(meals_per_day(1)), "one meal a day from then");
  check(on_birthday.granting_rules == std::vector<std::string>{"free_lunch"}, "granted by rule free_lunch");
  // [end:read]

  // The same elder living in a town (not a village) gets nothing, whatever the age.
  person town_elder = elder;
  town_elder.residence.rural = false;
  const decision town = evaluate(lunch_policy, town_elder, parse_date("2023-01-01"));
  check(!town.eligible && town.first_failing_condition() == "lives in a rural area (by residence)",
        "a town resident fails the rural condition");
  check(!town.would_be_eligible_on().has_value(), "time does not make a town resident rural");
  return snippet::exit_code();
}
