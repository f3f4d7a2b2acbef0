// Ability levels (docs/concepts/ability.md): GB/T 42195-2022 levels, conversions from MZ/T 039-2013
// and the Barthel index, assessments, disability certificates, and the conditions that read them.
// Every expression in the page's table appears verbatim below; the checks make it a test.
#include <eldercare/ability/assessment.hpp>
#include <eldercare/ability/barthel.hpp>
#include <eldercare/ability/disability_certificate.hpp>
#include <eldercare/ability/gbt42195.hpp>
#include <eldercare/ability/mzt039.hpp>
#include <eldercare/person/person.hpp>
#include <eldercare/rules/conditions/ability.hpp>

#include "snippet_check.hpp" // check, throws, exit_code

using snippet::check;
using snippet::throws;

int main() {
  using namespace eldercare;

  // [start:levels]
  const ability_level level = gbt42195::preliminary_level(40); // 30-45 points: 3 重度失能
  const bool severe = level >= ability_level::severe;          // levels grow with need
  const std::string_view word = level.short_label();           // "重度失能"
  const ability_level raised = gbt42195::final_level(level, {.dementia_or_mental_disorder = true});
  // [end:levels]
  check(level == ability_level::severe, "40 points is level 3");
  check(severe, "level >= ability_level::severe");
  check(word == "重度失能", "short label");
  check(raised == ability_level::total_loss, "dementia raises 3 to 4");
  check(gbt42195::preliminary_level(90) == ability_level::intact, "90 points is level 0");
  check(gbt42195::final_level(ability_level::mild, {.coma = true}) == ability_level::total_loss, "coma → 4");
  // The open question (DOMAIN.md 16): do the two +1 rules add up? One step by default, two on request.
  const gbt42195::level_change_facts both{.dementia_or_mental_disorder = true, .care_risk_events_30d = 2};
  check(gbt42195::final_level(ability_level::mild, both) == ability_level::moderate, "at most one step");
  check(gbt42195::final_level(ability_level::mild, both, gbt42195::raise_rule::cumulative) ==
            ability_level::severe,
        "cumulative: two steps");

  // [start:conversions]
  const ability_level from_barthel = to_gbt42195(barthel_score(40));    // BI ≤ 40 → 3 (an assumption)
  const ability_level from_mzt = mzt039::to_gbt42195(mzt039::level(3)); // MZ/T 重度失能 → 3, never 4
  const mzt039::grade adl = mzt039::adl_grade(barthel_score(65));       // ADL grade 1 (65-95)
  // [end:conversions]
  check(from_barthel == ability_level::severe, "Barthel 40 → level 3");
  check(to_gbt42195(barthel_score(100)) == ability_level::intact, "Barthel 100 → level 0");
  check(from_mzt == ability_level::severe, "MZ/T 3 → GB/T 3");
  check(adl.value() == 1, "Barthel 65 is ADL grade 1");
  check(mzt039::from_gbt42195(ability_level::total_loss).value() == 3, "GB/T 4 → MZ/T 3");

  // [start:assessment]
  const assessment assessed(ability_scale::gbt_42195_2022, level, parse_date("2024-03-01"),
                            parse_date("2025-02-28"), /*raw_score=*/40);
  const bool current = assessed.holds_on(parse_date("2024-06-30")); // within [assessed_on, valid_until]
  // [end:assessment]
  check(current, "assessed.holds_on(2024-06-30)");
  check(!assessed.holds_on(parse_date("2025-03-01")), "expired the day after valid_until");

  // [start:certificate]
  const disability_certificate card(disability_category::multiple, disability_grade::one,
                                    {{disability_category::intellectual, disability_grade::two}});
  const bool shows =
      card.shows(disability_category::intellectual, disability_grade::two); // 一级 is most severe
  // [end:certificate]
  check(shows, "a 多重 certificate shows its components");
  check(!card.shows(disability_category::physical, disability_grade::four), "not a category it lacks");
  check(disability_grade::one.is_at_least_as_severe_as(disability_grade::two),
        "一级 is more severe than 二级");

  // [start:conditions]
  const auto needs_care = ability_at_least(ability_level::severe); // 重度失能及以上
  const std::vector<disability_category> mind{disability_category::intellectual, disability_category::mental};
  const auto grade_two = disability_at_least(mind, disability_grade::two); // 二级智力/精神及以上
  // [end:conditions]
  const region_code xicheng = region_code::parse("110102");
  person elder{.id = "p1",
               .birth_date = parse_date("1940-01-01"),
               .hukou = {xicheng, std::nullopt},
               .residence = {xicheng, false},
               .ability = assessed,
               .disability = card};
  const context<person> on_time{elder, parse_date("2024-06-30")};
  const context<person> too_late{elder, parse_date("2025-03-01")};
  check(holds(needs_care, on_time), "severe on 2024-06-30");
  check(!holds(needs_care, too_late), "an expired assessment does not count");
  check(holds(grade_two, on_time), "the 多重 certificate's 二级 智力 component counts");
  elder.ability.reset();
  check(!holds(needs_care, on_time), "no assessment on file: fails, never throws");

  // [start:errors]
  // Each throws eldercare::invalid_value naming the field and the value:
  //   ability_level(5)                        invalid_ability (104): outside 0-4
  //   barthel_score(37)                       invalid_ability (104): not a multiple of 5, never rounded
  //   gbt42195::preliminary_level(91)         invalid_ability (104): outside 0-90
  //   disability_grade(0)                     invalid_ability (104): outside 1-4
  // An assessment whose level is below the preliminary level of its raw score is rejected too
  // (the level-change rules only raise).
  // [end:errors]
  check(throws(error_id::invalid_ability, [] { (void)ability_level(5); }), "level 5 rejected");
  check(throws(error_id::invalid_ability, [] { (void)barthel_score(37); }), "Barthel 37 rejected");
  check(throws(error_id::invalid_ability, [] { (void)gbt42195::preliminary_level(91); }),
        "91 points rejected");
  check(throws(error_id::invalid_ability, [] { (void)disability_grade(0); }), "grade 0 rejected");
  check(throws(error_id::invalid_ability,
               [] {
                 (void)assessment(ability_scale::gbt_42195_2022, ability_level::mild,
                                  parse_date("2024-03-01"), std::nullopt, 40);
               }),
        "a level below the preliminary level of 40 points rejected");
  return snippet::exit_code();
}
