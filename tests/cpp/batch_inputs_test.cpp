// No silent zeros and survey records in populations: what a policy reads (readers_of, from the
// leaves' own declarations) against what a population gives (check_inputs); ID numbers and weights
// in the columns; weighted totals of evaluate_batch and simulate_months exact and equal whatever
// the threads and chunk sizes, and equal to each person's grant or schedule times their weight.
#include <catch2/catch.hpp>

#include <cstdint> // millionths
#include <string>  // messages
#include <tuple>   // threads and chunk sizes
#include <vector>  // persons

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"
#include "generated_population.hpp"

using namespace eldercare;
using eldercare_test::generated;

namespace {
date d(const char* iso) { return parse_date(iso); }

bool reads(const std::vector<input_reader>& readers, row_fields group) {
  for (const auto& r : readers)
    if (r.group == group) return true;
  return false;
}

std::string error_of(const policy& p, const population_columns& pop, const facility_registry* f,
                     const char* on) {
  try {
    check_inputs(p, pop, f, d(on), d(on));
  } catch (const invalid_value& e) {
    CHECK(e.id() == error_id::missing_input);
    return e.what();
  }
  return "no error";
}

// A deterministic weight per row: 0 to 3 persons in millionths, some whole.
std::int64_t weight_of_row(std::size_t i) {
  return i % 7 == 0 ? static_cast<std::int64_t>(i % 3) * survey_weight::scale
                    : static_cast<std::int64_t>((i * 104729) % 3'000'001);
}
} // namespace

TEST_CASE("readers_of: what a policy's rules read, from the leaves' own declarations") {
  const catalog& c = standard_catalog();
  const policy stays = c.policy_for("cn.beijing.xicheng.cross_region_care");
  const auto r = readers_of(stays, d("2024-06-30"), d("2024-06-30"));
  CHECK(reads(r, row_fields::stays));
  CHECK(reads(r, row_fields::hukou));
  CHECK_FALSE(reads(r, row_fields::categories));
  for (const auto& x : r)
    if (x.group == row_fields::stays) CHECK(x.rule_id == "jin_ji_meng");
  // lives_rural reads whether one lives in a village, apart from where.
  const auto rural =
      readers_of(c.policy_for("cn.shandong.rongcheng.rural_free_lunch"), d("2022-06-30"), d("2022-06-30"));
  CHECK(reads(rural, row_fields::rural));
  CHECK(reads(rural, row_fields::residence));
  CHECK(lives_rural::reads == row_fields::rural);
  // A policy before its first version reads nothing then.
  CHECK(readers_of(stays, d("1990-01-01"), d("1990-12-31")).empty());
}

TEST_CASE("groups_read: every member a policy reads, or unknown when a leaf does not declare it") {
  const catalog& c = standard_catalog();
  const policy stays = c.policy_for("cn.beijing.xicheng.cross_region_care");
  const auto read = groups_read(stays, d("2024-01-01"), d("2024-12-31"));
  REQUIRE(read.has_value());
  for (const auto& r : readers_of(stays, d("2024-01-01"), d("2024-12-31"))) CHECK(has(*read, r.group));
  CHECK(has(*read, row_fields::stays));
  CHECK_FALSE(has(*read, row_fields::categories));
  CHECK(groups_read(stays, d("1990-01-01"), d("1990-12-31")) == row_fields::none);
}

TEST_CASE("check_inputs: a missing column, registry or facility is named with the rule that reads it") {
  const auto pop = generated(synthetic_profile::xicheng, 3, 400);
  REQUIRE(pop.columns.stay_count() > 0);
  const catalog& c = standard_catalog();
  const policy cross = c.policy_for("cn.beijing.xicheng.cross_region_care");
  CHECK(error_of(cross, pop.columns, &pop.facilities, "2024-06-30") == "no error");
  // No registry: every stay's facility would be unknown.
  CHECK_THAT(error_of(cross, pop.columns, nullptr, "2024-06-30"),
             Catch::StartsWith(
                 "[eldercare.invalid_value.113] facilities = None: no facility registry was given, yet "
                 "policy cn.beijing.xicheng.cross_region_care reads stays (rule jin_ji_meng: continuous "
                 "stay of 3 months"));
  // A registry without a facility the stays name.
  facility_registry fewer;
  std::string dropped;
  for (const auto& [id, f] : pop.facilities) {
    if (dropped.empty()) dropped = id;
    else
      fewer.add(f);
  }
  const std::string e = error_of(cross, pop.columns, &fewer, "2024-06-30");
  CHECK_THAT(e, Catch::Contains("].facility = '" + dropped +
                                "': no facility with this id in the facility registry"));
  CHECK_THAT(e, Catch::StartsWith("[eldercare.invalid_value.113] population.stays[row "));
  // A facility the population knows (its table was built from a larger registry) that no stay names:
  // missing from the registry, it is no error. The stays are read only when the registry lacks one of
  // the population's facilities, to find a stay that names it.
  std::vector<person> persons;
  for (std::size_t i = 0; i < pop.columns.size(); ++i) persons.push_back(pop.columns.to_person(i));
  facility_registry more = pop.facilities;
  more.add(facility("NAMED-BY-NO-STAY", facility_kind::institution, region_code::parse("131082")));
  const population_columns wider = population_columns::from_persons(persons, &more);
  REQUIRE(wider.facilities().size() == pop.columns.facilities().size() + 1);
  CHECK(error_of(cross, wider, &pop.facilities, "2024-06-30") == "no error");
  CHECK(error_of(cross, wider, &more, "2024-06-30") == "no error");
  CHECK_THAT(
      error_of(cross, wider, &fewer, "2024-06-30"),
      Catch::Contains("].facility = '" + dropped + "': no facility with this id in the facility registry"));
  // A population whose input had no stays column, no categories column.
  population_columns without = pop.columns;
  without.set_given(
      static_cast<row_fields>(static_cast<std::uint32_t>(row_fields::all) &
                              ~static_cast<std::uint32_t>(row_fields::stays | row_fields::categories)));
  CHECK_THAT(error_of(cross, without, &pop.facilities, "2024-06-30"),
             Catch::StartsWith(
                 "[eldercare.invalid_value.113] population.stays = '': the population has no stays column, "
                 "yet policy cn.beijing.xicheng.cross_region_care reads stays"));
  CHECK_THAT(error_of(c.policy_for("cn.beijing.elderly_allowances.hardship"), without, &pop.facilities,
                      "2024-06-30"),
             Catch::Contains("population.categories = '': the population has no categories column"));
  // A policy that reads neither needs neither (and no registry).
  CHECK(error_of(c.policy_for("cn.beijing.elderly_allowances.advanced_age"), without, nullptr,
                 "2024-06-30") == "no error");
  // No residence_rural column, and a rule that reads it.
  population_columns no_rural = pop.columns;
  no_rural.set_given(static_cast<row_fields>(static_cast<std::uint32_t>(row_fields::all) &
                                             ~static_cast<std::uint32_t>(row_fields::rural)));
  CHECK_THAT(
      error_of(c.policy_for("cn.shandong.rongcheng.rural_free_lunch"), no_rural, nullptr, "2022-06-30"),
      Catch::Contains(
          "population.residence_rural = '': the population has no residence_rural column, yet policy "
          "cn.shandong.rongcheng.rural_free_lunch reads rural"));
}

TEST_CASE("columns: an ID number gives the birth date and must agree with one; a weight is kept") {
  population_columns pop;
  row_input r;
  r.id = "p1";
  r.id_number = "110102194505010012";
  r.hukou_region = 110102;
  r.residence_region = 110102;
  r.weight = 2'500'000;
  pop.append(r); // no birth day: the number's
  CHECK(from_day_number(pop.birth_day()[0]) == make_date(1945, 5, 1));
  CHECK(pop.id_number(0) == "110102194505010012");
  CHECK(pop.weighted());
  CHECK(pop.weight_of(0).micros() == 2'500'000);
  const person p = pop.to_person(0);
  REQUIRE(p.id_number);
  CHECK(p.id_number->birth_date() == p.birth_date);
  CHECK(p.weight->to_string() == "2.5");
  // Back to columns: the same row.
  const population_columns again = population_columns::from_persons(std::vector<person>{p});
  CHECK(again.id_number(0) == "110102194505010012");
  CHECK(again.weight_micros()[0] == 2'500'000);
  row_input legacy = r;
  legacy.id = "p2";
  legacy.id_number = "110102450501001";
  legacy.weight = -1;
  pop.append(legacy);
  CHECK(pop.id_number(1) == "110102450501001");
  CHECK(pop.weight_of(1).micros() == survey_weight::scale); // none given: 1
  // A birth day of 2 May beside a number of 1 May: refused, naming both cells.
  auto born_2_may = [](row_input row, const char* id) {
    row.id = id;
    row.birth_day = to_day_number(make_date(1945, 5, 2));
    return row;
  };
  CHECK_THROWS_WITH(pop.append(born_2_may(r, "p3")),
                    Catch::Contains("population.birth_day[row 2, id 'p3'] = '1945-05-02': disagrees with "
                                    "population.id_number[row 2, id 'p3'] '110102194505010012'"));
  row_input bad = r;
  bad.id = "p4";
  bad.id_number = "110102194505010013";
  CHECK_THROWS_WITH(pop.append(bad),
                    Catch::Contains("population.id_number[row 2, id 'p4'] = '110102194505010013': the "
                                    "check character (the 18th) should be 2"));
  row_input heavy = r;
  heavy.id = "p5";
  heavy.weight = -5;
  CHECK_THROWS_WITH(pop.append(heavy), Catch::Contains("population.weight[row 2, id 'p5']"));
  CHECK(pop.size() == 2);
  row_input agrees = r; // a birth day and a number that agree (checked without building the number)
  agrees.id = "p6";
  agrees.birth_day = to_day_number(make_date(1945, 5, 1));
  pop.append(agrees);
  CHECK(pop.size() == 3);
  CHECK(from_day_number(pop.birth_day()[2]) == make_date(1945, 5, 1));
  CHECK_THROWS_WITH(pop.append(born_2_may(legacy, "p7")),
                    Catch::Contains("population.birth_day[row 3, id 'p7'] = '1945-05-02': disagrees with "
                                    "population.id_number[row 3, id 'p7'] '110102450501001'"));
  CHECK(pop.size() == 3);
}

TEST_CASE("weighted totals: exact, and the same whatever the threads and chunk sizes") {
  const auto base = generated(synthetic_profile::xicheng, 11, 3000);
  std::vector<person> persons;
  for (std::size_t i = 0; i < base.columns.size(); ++i) {
    person p = base.columns.to_person(i);
    p.weight = survey_weight::from_micros(weight_of_row(i));
    persons.push_back(std::move(p));
  }
  const population_columns pop = population_columns::from_persons(persons, &base.facilities);
  REQUIRE(pop.weighted());
  const catalog& c = standard_catalog();
  const policy p = c.policy_for("cn.beijing.xicheng.cross_region_care");
  const date on = d("2024-06-30");

  // The reference: each person's grant times their weight, added one by one.
  weighted_sum expected_amount, expected_eligible, expected_persons;
  for (const person& someone : persons) {
    const auto g = grant_on(p, someone, on, &base.facilities);
    expected_persons.add(1, *someone.weight);
    if (!g) continue;
    expected_eligible.add(1, *someone.weight);
    expected_amount.add(g->amount().fen(), *someone.weight);
  }
  REQUIRE(expected_amount.micros() > 0);
  for (const auto& [threads, chunk] : {std::tuple{1U, std::size_t{8192}}, std::tuple{2U, std::size_t{37}},
                                       std::tuple{2U, std::size_t{1000}}, std::tuple{1U, std::size_t{1}}}) {
    INFO("threads " << threads << ", chunk " << chunk);
    const batch_result r =
        evaluate_batch(p, pop, on, &base.facilities, {.threads = threads, .chunk_rows = chunk});
    CHECK(r.weighted_total == expected_amount);
    CHECK(r.weighted_eligible == expected_eligible);
    CHECK(r.weighted_persons == expected_persons);
  }

  // Months: schedule() per person times their weight.
  const int months = 6;
  std::vector<weighted_sum> by_month(months);
  weighted_sum grand;
  for (const person& someone : persons) {
    const auto lines = schedule(p, someone, d("2024-01-01"), d("2024-06-30"), &base.facilities);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      by_month[k].add(lines[k].amount.fen(), *someone.weight);
      grand.add(lines[k].amount.fen(), *someone.weight);
    }
  }
  for (const auto& [threads, chunk] : {std::tuple{1U, std::size_t{8192}}, std::tuple{2U, std::size_t{53}},
                                       std::tuple{2U, std::size_t{700}}}) {
    INFO("threads " << threads << ", chunk " << chunk);
    const simulation_result s = simulate_months(p, pop, d("2024-01-01"), months, &base.facilities,
                                                {.batch = {.threads = threads, .chunk_rows = chunk}});
    CHECK(s.weighted_total == grand);
    weighted_sum by_prefecture;
    for (std::size_t k = 0; k < s.months.size(); ++k) {
      CHECK(s.months[k].weighted_amount == by_month[k]);
      for (const auto& t : s.months[k].by_prefecture) by_prefecture += t.weighted_amount;
    }
    CHECK(by_prefecture == grand);
  }
  // An unweighted population: every row weighs 1, so the weighted totals are the totals.
  const batch_result plain = evaluate_batch(p, base.columns, on, &base.facilities);
  CHECK_FALSE(base.columns.weighted());
  CHECK(plain.weighted_total.micros() ==
        static_cast<detail::wide_int>(plain.total.fen()) * survey_weight::scale);
}
