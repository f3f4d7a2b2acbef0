// Decisions (docs/concepts/decisions.md): what evaluating a policy for one person on one date returns,
// and how it explains itself. Every expression in the page's table appears verbatim below; the checks
// make it a test.
#include <eldercare/person/person.hpp>
#include <eldercare/region/named_regions.hpp>
#include <eldercare/rules/aliases.hpp>
#include <eldercare/rules/conditions/age.hpp>
#include <eldercare/rules/conditions/residency.hpp>
#include <eldercare/rules/conditions/stay.hpp>
#include <eldercare/rules/explain.hpp>

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  using namespace eldercare;
  using namespace eldercare::literals;

  // The rule of examples/define_a_rule.cpp, as a one-version policy.
  const citation source{"《西城区户籍老年人赴津冀蒙异地康养扶持办法》",
                        "2024-01-12 briefing",
                        "入住津冀蒙…备案的养老机构满三个月的，每人每月补贴600元",
                        "seeds/000_c316a80b4f0fd0a0.txt",
                        parse_date("2020-06-01"),
                        std::nullopt};
  policy_version v2020;
  v2020.label = "2020";
  v2020.effective_from = parse_date("2020-06-01");
  v2020.cite = source;
  v2020.rules = {erase(make_rule<person>(
      "jin_ji_meng", "600 yuan a month after 3 months in a filed 津冀蒙 institution", source,
      hukou_in(region_set("西城区", {regions::xicheng})) && age_at_least(60) &&
          continuous_stay_at_least(
              period::months(3),
              facility_criteria{regions::jin_ji_meng(), {facility_kind::institution}, true}),
      money_per_month(600_yuan)))};
  const policy cross_region("example.xicheng.cross_region_care", "赴津冀蒙异地康养 (example)", {v2020});

  const region_code sanhe = region_code::parse("131082");
  const facility_registry facilities{
      facility("F1", facility_kind::institution, sanhe, 120, filing(sanhe, parse_date("2019-03-01")))};
  const person elder{.id = "p1",
                     .birth_date = parse_date("1941-05-01"),
                     .hukou = {region_code::parse("110104"), std::nullopt}, // the old Xuanwu code
                     .residence = {sanhe, false},
                     .stays = {stay("F1", parse_date("2023-02-28"))}};

  // [start:evaluate]
  const decision d = evaluate(cross_region, elder, parse_date("2023-05-27"), &facilities);
  const bool eligible = d.eligible;                          // false: one day short
  const std::optional<date> when = d.would_be_eligible_on(); // 2023-05-28, if nothing changes
  const std::string failing = d.first_failing_condition();   // the first failing leaf, in words
  const std::string text = explain(d);                       // every rule, leaf, fact and citation
  // [end:evaluate]
  check(d.status == decision_status::decided && d.version_label == "2020", "decided under version 2020");
  check(!eligible, "not eligible on 2023-05-27");
  check(when && to_iso(*when) == "2023-05-28", "would be eligible on 2023-05-28");
  check(failing.rfind("continuous stay of 3 months", 0) == 0, "the stay is what fails");
  check(text.find("→ would be met on 2023-05-28") != std::string::npos, "the explanation gives the date");
  check(text.find("legacy code read as 110102 西城区") != std::string::npos, "and the legacy reading");
  check(text.find("入住津冀蒙") != std::string::npos, "and the citation's key phrase");

  // [start:granted]
  const decision next_day = evaluate(cross_region, elder, parse_date("2023-05-28"), &facilities);
  const money monthly = next_day.amount();                           // 600.00: zero when nothing is granted
  const std::vector<std::string>& paid_by = next_day.granting_rules; // {"jin_ji_meng"}
  const std::vector<rule_outcome>& per_rule = next_day.rules;        // every rule of the version, in order
  // [end:granted]
  check(next_day.eligible && monthly == 600_yuan, "600 yuan from 2023-05-28");
  check(paid_by == std::vector<std::string>{"jin_ji_meng"}, "granted by jin_ji_meng");
  check(per_rule.size() == 1 && per_rule[0].eligible && !per_rule[0].reasons.empty(),
        "the rule with its reasons");
  check(next_day.granted && next_day.granted->to_string() == "600.00 yuan per month", "granted benefit");

  // [start:states]
  const decision too_early = evaluate(cross_region, elder, parse_date("2020-05-31"), &facilities);
  const bool undecided = too_early.status == decision_status::not_in_force; // no version in force
  const decision no_registry = evaluate(cross_region, elder, parse_date("2023-06-30"));
  // [end:states]
  check(undecided && !too_early.eligible && !too_early.status_note.empty(), "not in force, with a note");

  // [start:undetermined]
  // A scheme a source shows running before its first encoded version (here: a platform that "has
  // run for ten years" by the report that gives its subsidy) is known only from that version's start.
  const policy reported =
      policy(cross_region).known_from(parse_date("2020-06-01"), "reported as already running");
  const decision unknown = evaluate(reported, elder, parse_date("2020-05-31"), &facilities);
  const bool neither = unknown.status == decision_status::undetermined; // neither eligible nor not
  // [end:undetermined]
  check(neither && !unknown.eligible && !unknown.granted, "undetermined, granting nothing known");
  check(unknown.status_note ==
            "scheme known from 2020-06-01; earlier dates undetermined (reported as already running)",
        "the note says from when and why");
  check(explain(unknown).find("UNDETERMINED") != std::string::npos, "and the explanation says so");
  check(!no_registry.eligible, "without a registry the stay condition fails");
  check(explain(no_registry).find("no facility registry was given") != std::string::npos,
        "and the explanation says why instead of throwing");
  check(grant_on(cross_region, elder, parse_date("2023-05-28")).has_value() == false &&
            grant_on(cross_region, elder, parse_date("2023-05-28"), &facilities)->amount() == monthly,
        "grant_on agrees with evaluate");

  // [start:errors]
  // Evaluating valid facts never throws: a missing registry, an unknown facility, an expired
  // assessment or a date before the policy all give a decision whose reasons say so. Errors are
  // raised earlier, when the facts are built or validated (validate(elder, &facilities)), each an
  // eldercare::invalid_value naming the field path and the value.
  // [end:errors]
  return snippet::exit_code();
}
