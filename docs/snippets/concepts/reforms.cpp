// Reforms and readings, C++ side (docs/concepts/reforms.md): a policy's versions over time, the open
// questions of the sources as named readings, and what changes when a reading does. Every expression in
// the page's C++ table appears verbatim below; the checks make it a test.
#include <eldercare/catalog/sensitivity.hpp>
#include <eldercare/catalog/standard.hpp>

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  using namespace eldercare;
  using namespace eldercare::literals;
  const catalog& cat = standard_catalog();
  const std::string id = "cn.beijing.xicheng.cross_region_care";

  // [start:versions]
  const policy baseline = cat.policy_for(id);           // default readings
  const std::size_t count = baseline.versions().size(); // 2020 and the 2023 revision
  const std::string label = baseline.version_on(parse_date("2024-06-30"))->label; // "2023"
  // [end:versions]
  check(count == 2, "two versions");
  check(label == "2023", "the 2023 revision is in force in 2024");
  check(baseline.version_on(parse_date("2022-12-31"))->label == "2020", "2020 until 2022-12-31");

  // [start:readings]
  const reading* open = cat.find_reading("stay.before_filing"); // an open question of the sources
  const std::string by_default = open->default_choice;          // "not_counted" [assumed]
  const reading_set counted{{"stay.before_filing", "counted"}}; // choose another answer
  // [end:readings]
  check(open != nullptr && by_default == "not_counted", "the default of stay.before_filing");
  check(open->origin == provenance::assumed && open->accepts("counted") && !open->accepts("maybe"),
        "its provenance and choices");

  // An elder admitted on 2023-01-10 to a Hebei institution that filed on 2023-03-01.
  const region_code sanhe = region_code::parse("131082");
  const facility_registry facilities{
      facility("F2", facility_kind::institution, sanhe, 60, filing(sanhe, parse_date("2023-03-01")))};
  const person elder{.id = "p1",
                     .birth_date = parse_date("1941-05-01"),
                     .hukou = {region_code::parse("110102"), std::nullopt},
                     .residence = {sanhe, false},
                     .stays = {stay("F2", parse_date("2023-01-10"))}};
  const date on = parse_date("2023-04-30");
  // [start:evaluate]
  const decision strict = cat.evaluate(id, elder, on, &facilities);           // clock from 2023-03-01
  const decision lenient = cat.evaluate(id, elder, on, &facilities, counted); // clock from 2023-01-10
  // [end:evaluate]
  check(!strict.eligible && strict.would_be_eligible_on() &&
            to_iso(*strict.would_be_eligible_on()) == "2023-06-01",
        "by default: eligible from 2023-06-01");
  check(lenient.eligible && lenient.amount() == 600_yuan, "days before the filing counted: 600 yuan");

  // [start:sensitivity]
  const std::vector<person> people{elder};
  const sensitivity_report report = sensitivity(cat, id, people, on, &facilities);
  const std::int64_t depends = report.persons_undecided; // persons whose outcome depends on a reading
  // [end:sensitivity]
  check(depends == 1, "this elder's outcome depends on a reading");
  check(report.min_total == money() && report.max_total == 600_yuan,
        "0 to 600 yuan, depending on the readings");

  // [start:errors]
  // cat.policy_for(id, reading_set{{"stay.before_filing", "maybe"}})
  //     throws eldercare::invalid_value, invalid_parameter (109): "readings.stay.before_filing" = 'maybe'
  // cat.policy_for("cn.beijing.nowhere")
  //     throws eldercare::lookup_error, unknown_policy (201), listing the known ids
  // [end:errors]
  try {
    (void)cat.policy_for(id, reading_set{{"stay.before_filing", "maybe"}});
    check(false, "an unknown choice is rejected");
  } catch (const invalid_value& e) {
    check(e.id() == error_id::invalid_parameter && e.field() == "readings.stay.before_filing",
          "names the reading");
  }
  try {
    (void)cat.policy_for("cn.beijing.nowhere");
    check(false, "an unknown policy id is rejected");
  } catch (const lookup_error& e) {
    check(e.id() == error_id::unknown_policy, "unknown_policy");
  }
  return snippet::exit_code();
}
