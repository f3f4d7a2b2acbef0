// Rationale: a rule written in C++ (a type checked by the compiler), the same rule erased for a
// container of policies, and the same rule assembled at run time (as Python and reforms do) run the
// same leaf code, so they give the same verdicts, dates and explanation text. The program checks it
// on several dates and persons.
#include <iostream> // the count of evaluations compared
#include <string>   // explanation texts, person ids
#include <vector>   // the persons compared

#include <eldercare/region/named_regions.hpp>       // regions::rongcheng
#include <eldercare/rules/aliases.hpp>              // rule, any_condition (for persons)
#include <eldercare/rules/conditions/age.hpp>       // age_at_least
#include <eldercare/rules/conditions/residency.hpp> // lives_in, lives_rural
#include <eldercare/rules/explain.hpp>              // explain(rule_outcome)

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  using namespace eldercare;
  const citation cite{"荣成市暖心食堂",
                      "",
                      "为1.5万名80周岁以上农村老人提供免费午餐",
                      "seeds/001_861ae1dac3f93ce2.txt",
                      std::nullopt,
                      std::nullopt};
  const region_set rongcheng("荣成市", {regions::rongcheng});

  // [start:three_ways]
  // 1. Compile time: the condition's type is all_of<lives_rural, lives_in, age_at_least>.
  const auto typed =
      make_rule<person>("free_lunch", "free lunch", cite,
                        lives_rural() && lives_in(rongcheng) && age_at_least(80), meals_per_day(1));
  // 2. The same rule with its type erased (what a policy version stores).
  const rule erased = erase(typed);
  // 3. Built at run time from the same leaves, as eldercare's Python `&` and reforms build it.
  const rule assembled{"free_lunch",
                       "free lunch",
                       cite,
                       any_condition::all({any_condition(lives_rural()), any_condition(lives_in(rongcheng)),
                                           any_condition(age_at_least(80))}),
                       benefit(meals_per_day(1)),
                       {}};
  // [end:three_ways]

  // [start:agree]
  std::vector<person> elders;
  for (const bool rural : {true, false})
    for (const char* region : {"371082", "371002"})
      elders.push_back(person{.id = std::string("e-") + region + (rural ? "-village" : "-town"),
                              .birth_date = parse_date("1942-03-10"),
                              .hukou = {region_code::parse(region), std::nullopt},
                              .residence = {region_code::parse(region), rural}});
  int compared = 0;
  for (const auto& elder : elders)
    for (const char* on : {"2022-03-09", "2022-03-10", "2030-01-01"}) {
      const context<person> ctx{elder, parse_date(on), nullptr};
      const std::string a = explain(evaluate_rule(typed, ctx));
      check(a == explain(evaluate_rule(erased, ctx)), elder.id + " on " + on + ": typed and erased differ");
      check(a == explain(evaluate_rule(assembled, ctx)),
            elder.id + " on " + on + ": typed and assembled differ");
      check(rule_holds(typed, ctx) == evaluate_rule(assembled, ctx).eligible, "the no-trace path agrees");
      ++compared;
    }
  // [end:agree]
  std::cout << compared << " evaluations compared; the three rules agree\n";
  check(compared == 12, "12 evaluations compared");
  return snippet::exit_code();
}
