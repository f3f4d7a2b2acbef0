// Residency (docs/concepts/residency.md): 户籍 (hukou) and 居住地 (residence) as separate facts, and
// the conditions that read them. Every expression in the page's table appears verbatim below.
#include <eldercare/person/person.hpp>
#include <eldercare/region/named_regions.hpp>
#include <eldercare/rules/conditions/residency.hpp>

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  using namespace eldercare;

  // [start:person]
  // An elder registered in Xicheng under the old Xuanwu code, living in a village in 三河市, Hebei.
  person elder{.id = "p1",
               .birth_date = parse_date("1941-05-01"),
               .hukou = {region_code::parse("110104"), parse_date("1980-03-01")}, // 户籍, since
               .residence = {region_code::parse("131082"), /*rural=*/true}};      // 居住地
  // [end:person]
  const context<person> ctx{elder, parse_date("2024-06-30")};

  // [start:conditions]
  const region_set xicheng("西城区", {regions::xicheng});
  const auto registered = hukou_in(xicheng); // reads hukou.region
  const auto as_recorded = hukou_in(xicheng, legacy_code_reading::as_recorded);
  const auto lives_there = lives_in(regions::jin_ji_meng()); // reads residence.region
  const auto rural = lives_rural();                          // reads residence.rural
  // [end:conditions]

  // [start:verdicts]
  const bool by_successor = holds(registered, ctx); // true: 110104 is read as 110102 西城区
  const bool by_record = holds(as_recorded, ctx);   // false: 110104 is not 110102 as recorded
  const bool away = holds(lives_there, ctx);        // true: 131082 is in Hebei
  const bool village = holds(rural, ctx);           // true: decided by residence, never by hukou
  // [end:verdicts]
  check(by_successor, "holds(registered, ctx)");
  check(!by_record, "holds(as_recorded, ctx) is false");
  check(away, "holds(lives_there, ctx)");
  check(village, "holds(rural, ctx)");

  // Hukou and residence are independent: moving home does not move the hukou.
  elder.residence = {regions::xicheng, false};
  check(holds(registered, ctx) && !holds(lives_there, ctx) && !holds(rural, ctx),
        "residence changes leave the hukou test alone");

  // The explanation names the legacy reading it applied.
  trace t;
  (void)registered.evaluate(ctx, t);
  const auto& reasons = t.reasons();
  check(reasons.size() == 1 && reasons[0].note == "legacy code read as 110102 西城区",
        "the trace notes the legacy reading");
  check(reasons.size() == 1 && reasons[0].facts.at(0).value == "110104 宣武区",
        "the fact is the code as recorded");

  // [start:errors]
  // A person's facts are checked together by validate(elder), which throws invalid_value naming the
  // field path: invalid_person (106) for "persons[p1].hukou.since" before the birth date; the codes
  // themselves were checked when parsed (invalid_region, 103).
  // [end:errors]
  elder.hukou.since = parse_date("1930-01-01");
  try {
    validate(elder);
    check(false, "a hukou registered before birth is rejected");
  } catch (const invalid_value& e) {
    check(e.id() == error_id::invalid_person && e.field() == "persons[p1].hukou.since",
          "the error names persons[p1].hukou.since");
  }
  return snippet::exit_code();
}
