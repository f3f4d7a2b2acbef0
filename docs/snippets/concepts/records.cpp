// Records (docs/concepts/records.md): resident ID numbers, survey weights and their exact sums, and
// the check that a population gives what a policy reads. The checks make it a test.
#include <eldercare/batch.hpp>     // population_columns, check_inputs, evaluate_batch
#include <eldercare/eldercare.hpp> // the catalog

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  using namespace eldercare;

  // [start:id_number]
  const id_number n = id_number::parse("110102194505010012");
  const date born = n.birth_date();      // 1945-05-01: digits 7-14
  const region_code issued = n.region(); // 110102: where it was first issued (not the hukou)
  const bool man = n.sex() == sex::male; // digit 17 is odd
  const char check17 = id_check_character("11010219450501001"); // '2', ISO 7064 MOD 11-2
  const id_number legacy = id_number::parse("110102450501001"); // 15 digits, before 1999
  // [end:id_number]
  check(born == make_date(1945, 5, 1) && issued.value() == 110102 && man && check17 == '2',
        "the number's date, region, sex and check character");
  check(legacy.text() == n.text() && legacy.legacy(), "the legacy form's 18 characters");
  const auto bad =
      snippet::invalid_value_thrown_by([] { (void)id_number::parse("110102194505010013", "id"); });
  check(bad && bad->id() == error_id::invalid_id_number &&
            std::string(bad->what()).find("should be 2") != std::string::npos,
        "a wrong check character names the one expected");

  // [start:weights]
  const survey_weight w = survey_weight::of(2.5);            // 2.5 persons, in millionths
  const survey_weight t = survey_weight::parse("0.0000025"); // a tie: half to even, 2 millionths
  weighted_sum cost;
  cost.add(60000, w); // 600 yuan for 2.5 persons
  cost.add(1, t);
  const std::string exact = cost.to_string(); // "150000.000002" fen
  const std::int64_t shown = cost.rounded();  // 150000 fen, half to even
  // [end:weights]
  check(w.micros() == 2'500'000 && t.micros() == 2, "weights in millionths");
  check(exact == "150000.000002" && shown == 150000, "an exact weighted sum, rounded when shown");

  // [start:inputs]
  row_input r;
  r.id = "p1";
  r.id_number = "110102194505010012"; // no birth day: the number gives it
  r.hukou_region = 110102;
  r.residence_region = 131082;
  r.weight = 2'500'000; // millionths
  population_columns pop;
  pop.append(r);
  pop.set_given(row_fields::all); // a reader of columns says which ones the input had
  const policy p = standard_catalog().policy_for("cn.beijing.xicheng.cross_region_care");
  check_inputs(p, pop, nullptr, parse_date("2024-06-30"), parse_date("2024-06-30")); // no stays: fine
  // [end:inputs]
  check(from_day_number(pop.birth_day()[0]) == born && pop.weighted(), "the row's birth day and weight");
  population_columns no_stays = pop;
  no_stays.set_given(static_cast<row_fields>(static_cast<std::uint32_t>(row_fields::all) &
                                             ~static_cast<std::uint32_t>(row_fields::stays)));
  const auto missing = snippet::invalid_value_thrown_by(
      [&] { check_inputs(p, no_stays, nullptr, parse_date("2024-06-30"), parse_date("2024-06-30")); });
  check(missing && missing->id() == error_id::missing_input && missing->field() == "population.stays",
        "a population without a stays column, for a policy that reads stays");
  const batch_result b = evaluate_batch(p, pop, parse_date("2024-06-30"));
  check(b.weighted_persons.to_string() == "2.500000", "weighted persons");
  return snippet::exit_code();
}
