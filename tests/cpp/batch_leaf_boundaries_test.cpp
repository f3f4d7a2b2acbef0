// The batch engine's leaf kernels at their boundaries (issue 16), each against the per-person path:
// the age leaves' birth-day tables found by a binary search for the day the verdict turns
// (batch_leaf::birth_order), and the ability and certificate leaves decided once per horizon where
// they say their verdict does not change (batch_leaf::same_until), with the rows settled for the
// whole horizon paid in bulk (simulate_months); the continuous-stay leaf decided once per horizon
// where no segment begins or ends and no period completes inside it. Birthdays on the test day and either
// side of it, 29 February under both leap-day readings, an age reached the day after the birthday,
// assessments starting or ending on the test day or inside the horizon, certificates at the grade's edge.
// Each case is checked on the whole population and on each row alone (the table's first and last birth day
// are then the same), for several thread and chunk counts.
#include <catch2/catch.hpp>

#include <cstddef> // sizes
#include <cstdint> // fen
#include <string>  // ids
#include <vector>  // people, rules

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }

person elder(const std::string& id, const char* birth) {
  return person{.id = id,
                .birth_date = d(birth),
                .hukou = {region_code::parse("110102"), std::nullopt},
                .residence = {region_code::parse("110102"), false}};
}

rule pays(const char* id, any_condition c, std::int64_t fen) {
  return rule{
      id, "", citation{}, std::move(c), benefit::make(benefit_unit::money, benefit_period::per_month, fen),
      {}};
}

policy policy_of(std::vector<rule> rules) {
  return policy("test.boundary", "boundary",
                {policy_version{"v",
                                d("2000-01-01"),
                                std::nullopt,
                                citation{},
                                combination::sum,
                                payee::person,
                                std::move(rules),
                                {}}});
}

struct run_config {
  unsigned threads;
  std::size_t chunk;
};
constexpr run_config configs[] = {{1, 8192}, {2, 3}, {1, 1}, {2, 2}};

// evaluate_batch on each date and simulate_months over the months from `first` equal grant_on and
// schedule() person by person.
void check_population(const policy& p, const std::vector<person>& people, const std::vector<date>& dates,
                      const date& first, int months, const facility_registry* facilities = nullptr) {
  const population_columns pop = population_columns::from_persons(people);
  for (const run_config& c : configs) {
    INFO("threads " << c.threads << ", chunk " << c.chunk << ", rows " << people.size());
    for (const date& on : dates) {
      const batch_result r =
          evaluate_batch(p, pop, on, facilities, {.threads = c.threads, .chunk_rows = c.chunk});
      for (std::size_t i = 0; i < people.size(); ++i) {
        INFO(people[i].id << " on " << to_iso(on));
        const std::optional<benefit> g = grant_on(p, people[i], on, facilities);
        CHECK(r.eligible[i] == (g ? 1 : 0));
        CHECK(r.amount_fen[i] == (g ? g->quantity() : 0));
      }
    }
    const date last = end_of_month(add_months_civil(first, months - 1));
    money expected_total;
    std::vector<std::int64_t> eligible(static_cast<std::size_t>(months), 0);
    std::vector<std::vector<schedule_line>> lines;
    for (const person& someone : people) {
      lines.push_back(schedule(p, someone, first, last, facilities));
      expected_total += total(lines.back());
      for (std::size_t k = 0; k < lines.back().size(); ++k) eligible[k] += lines.back()[k].eligible ? 1 : 0;
    }
    const batch_options bo{.threads = c.threads, .chunk_rows = c.chunk};
    // Bulk rows give the per-row outputs from their pattern: compared line by line.
    const simulation_result rows = simulate_months(
        p, pop, first, months, facilities, {.batch = bo, .per_row_amounts = true, .per_row_rules = true});
    const simulation_result totals = simulate_months(p, pop, first, months, facilities, {.batch = bo});
    CHECK(rows.total == expected_total);
    CHECK(totals.total == expected_total);
    for (std::size_t k = 0; k < eligible.size(); ++k) {
      CHECK(rows.months[k].eligible == eligible[k]);
      CHECK(totals.months[k].eligible == eligible[k]);
      CHECK(totals.months[k].weighted_eligible.micros() == eligible[k] * survey_weight::scale);
    }
    for (std::size_t i = 0; i < people.size(); ++i)
      for (std::size_t k = 0; k < lines[i].size(); ++k) {
        INFO(people[i].id << " in month " << k);
        CHECK(rows.row_amounts_fen[i * lines[i].size() + k] == lines[i][k].amount.fen());
      }
  }
}

// The population as a whole, and each row alone.
void check(const policy& p, const std::vector<person>& people, const std::vector<date>& dates,
           const date& first, int months, const facility_registry* facilities = nullptr) {
  check_population(p, people, dates, first, months, facilities);
  for (const person& someone : people) check_population(p, {someone}, dates, first, months, facilities);
}

std::vector<person> birthdays() {
  std::vector<person> out;
  for (const char* birth : {"1944-06-29", "1944-06-30", "1944-07-01", "1944-02-28", "1944-02-29",
                            "1944-03-01", "1945-02-28", "1945-03-01", "1943-12-31", "1944-01-01",
                            "1944-12-31", "1945-01-01", "1954-06-30", "1934-06-30", "1924-06-30"})
    out.push_back(elder(std::string("b") + birth, birth));
  return out;
}

const std::vector<date> age_dates{d("2024-02-28"), d("2024-02-29"), d("2024-03-01"), d("2024-06-29"),
                                  d("2024-06-30"), d("2024-07-01"), d("2024-12-31"), d("2025-01-01"),
                                  d("2025-02-28"), d("2025-03-01")};
} // namespace

TEST_CASE("age leaves: the birth-day table's turning day equals the per-person verdict") {
  const std::vector<person> people = birthdays();
  for (const age_reached reached : {age_reached::on_birthday, age_reached::day_after_birthday})
    for (const leap_day_birthday leap : {leap_day_birthday::february_28, leap_day_birthday::march_1}) {
      const age_rule r{reached, leap};
      INFO("reached " << to_word(reached) << ", leap day " << to_word(leap));
      check(policy_of({pays("eighty", any_condition(age_at_least(80, r)), 10000),
                       pays("ninety", any_condition(age_at_least(90, r)), 30000)}),
            people, age_dates, d("2024-01-01"), 15);
      check(policy_of({pays("under", any_condition(age_under(80, r)), 500)}), people, age_dates,
            d("2024-01-01"), 15);
      for (const year_mark mark : {year_mark::january_1, year_mark::december_31})
        check(policy_of({pays("by_year", any_condition(age_at_least_by_year(80, mark, r)), 700)}), people,
              age_dates, d("2024-01-01"), 15);
    }
}

TEST_CASE("age leaves: every row holding, none holding, and one birth day") {
  // The binary search's edges: the turning day before the first birth day or after the last.
  const std::vector<person> old{elder("a", "1920-01-01"), elder("b", "1921-05-05")};
  const std::vector<person> young{elder("c", "1970-01-01"), elder("d", "1971-05-05")};
  const std::vector<person> same{elder("e", "1944-06-30"), elder("f", "1944-06-30")};
  for (const auto* people : {&old, &young, &same})
    check_population(policy_of({pays("eighty", any_condition(age_at_least(80)), 10000),
                                pays("under", any_condition(age_under(80)), 100)}),
                     *people, age_dates, d("2024-01-01"), 15);
}

TEST_CASE("age leaves: ten rules, the most a pattern table holds (patterns past a byte)") {
  // Rules 8 and 9 set the pattern's high byte; birthdays inside the horizon leave rows unsettled.
  std::vector<rule> rules;
  for (int k = 0; k < static_cast<int>(detail::version_plan::max_tabulated_rules); ++k)
    rules.push_back(
        pays(("from_" + std::to_string(71 + k)).c_str(), any_condition(age_at_least(71 + k)), 100 * (k + 1)));
  check_population(policy_of(rules), birthdays(), age_dates, d("2024-01-01"), 15);
  std::vector<person> ages;
  for (const char* birth : {"1953-03-01", "1949-07-15", "1944-06-30", "1943-12-31", "1941-01-01"})
    ages.push_back(elder(std::string("a") + birth, birth));
  check_population(policy_of(rules), ages, age_dates, d("2024-01-01"), 15);
}

TEST_CASE("ability leaves: assessments starting, ending and valid inside the horizon") {
  std::vector<person> people;
  auto assessed = [&](const char* id, ability_level level, const char* from, std::optional<date> until) {
    person p = elder(id, "1940-05-05");
    p.ability = assessment(ability_scale::gbt_42195_2022, level, d(from), until);
    people.push_back(p);
  };
  people.push_back(elder("none", "1940-05-05"));
  assessed("open", ability_level::severe, "2020-01-01", std::nullopt);
  assessed("covers", ability_level::severe, "2023-01-01", d("2025-12-31"));
  assessed("from_test_day", ability_level::severe, "2024-06-30", std::nullopt);
  assessed("from_after_test_day", ability_level::severe, "2024-07-01", std::nullopt);
  assessed("until_test_day", ability_level::severe, "2020-01-01", d("2024-06-30"));
  assessed("until_before_test_day", ability_level::severe, "2020-01-01", d("2024-06-29"));
  assessed("inside", ability_level::total_loss, "2024-03-15", d("2024-09-15"));
  assessed("one_day", ability_level::severe, "2024-08-31", d("2024-08-31"));
  assessed("before", ability_level::severe, "2020-01-01", d("2023-12-31"));
  assessed("after", ability_level::severe, "2025-01-01", std::nullopt);
  assessed("below", ability_level::moderate, "2020-01-01", std::nullopt);
  assessed("below_inside", ability_level::moderate, "2024-03-15", d("2024-09-15"));
  const std::vector<date> dates{d("2024-01-31"), d("2024-03-15"), d("2024-06-29"), d("2024-06-30"),
                                d("2024-07-01"), d("2024-08-31"), d("2024-09-15"), d("2024-12-31")};
  check(policy_of({pays("severe", any_condition(ability_at_least(ability_level::severe)), 20000),
                   pays("not_severe",
                        any_condition::negate(any_condition(ability_at_least(ability_level::severe))), 100)}),
        people, dates, d("2024-01-01"), 12);
  // A combination: an age reached in the horizon with an assessment.
  check(policy_of({pays("old_and_severe",
                        any_condition::all({any_condition(age_at_least(84)),
                                            any_condition(ability_at_least(ability_level::severe))}),
                        30000)}),
        people, dates, d("2024-01-01"), 12);
}

TEST_CASE("self-care ratings: the 特困 scale's tiers and validity at the horizon's edges") {
  std::vector<person> people;
  auto rated = [&](const char* id, int not_possible, const char* from, std::optional<date> until) {
    person p = elder(id, "1940-05-05");
    p.ability = assessment(ability_scale::tekun_self_care, ability_level::mild, d(from), until, not_possible);
    people.push_back(p);
  };
  people.push_back(elder("none", "1940-05-05"));
  rated("capable", 0, "2020-01-01", std::nullopt);
  rated("partial", 1, "2020-01-01", std::nullopt);
  rated("partial_edge", 3, "2024-06-30", std::nullopt);
  rated("full", 4, "2020-01-01", d("2024-06-30"));
  rated("full_inside", 6, "2024-03-15", d("2024-09-15"));
  person other = elder("other_scale", "1940-05-05");
  other.ability = assessment(ability_scale::gbt_42195_2022, ability_level::total_loss, d("2020-01-01"));
  people.push_back(other);
  const std::vector<date> dates{d("2024-01-31"), d("2024-06-29"), d("2024-06-30"), d("2024-07-01"),
                                d("2024-12-31")};
  check(policy_of(
            {pays("partial", any_condition(self_care_rating_at_least(self_care_rating::partially_lost)), 300),
             pays("full", any_condition(self_care_rating_at_least(self_care_rating::fully_lost)), 900)}),
        people, dates, d("2024-01-01"), 12);
}

TEST_CASE("certificate leaves: categories and grades at their edges, decided once per horizon") {
  std::vector<person> people;
  auto certified = [&](const char* id, disability_certificate c) {
    person p = elder(id, "1940-05-05");
    p.disability = std::move(c);
    people.push_back(p);
  };
  people.push_back(elder("none", "1940-05-05"));
  certified("physical_2", disability_certificate(disability_category::physical, disability_grade::two));
  certified("physical_1", disability_certificate(disability_category::physical, disability_grade::one));
  certified("physical_3", disability_certificate(disability_category::physical, disability_grade(3)));
  certified("visual_1", disability_certificate(disability_category::visual, disability_grade::one));
  certified("multiple_in", disability_certificate(disability_category::multiple, disability_grade::one,
                                                  {{disability_category::intellectual, disability_grade::two},
                                                   {disability_category::physical, disability_grade(4)}}));
  certified("multiple_out", disability_certificate(disability_category::multiple, disability_grade::two,
                                                   {{disability_category::intellectual, disability_grade(3)},
                                                    {disability_category::visual, disability_grade::one}}));
  const std::vector<date> dates{d("2024-01-31"), d("2024-06-30"), d("2024-12-31")};
  check(policy_of(
            {pays("physical",
                  any_condition(disability_at_least({disability_category::physical}, disability_grade::two)),
                  400),
             pays("multiple",
                  any_condition(
                      multiple_disability_with({disability_category::intellectual}, disability_grade::two)),
                  800),
             pays("eighty_four", any_condition(age_at_least(84)), 50)}),
        people, dates, d("2024-01-01"), 12);
}

TEST_CASE("stay leaves: periods completing, stays beginning and ending, filings revoked in the horizon") {
  // A continuous stay of three months (Civil Code counting) in a filed Hebei institution: decided once
  // for the horizon only where none of its turning days (a segment's first day, the day after its
  // last, the period's completion) falls after the first month's test day and by the last's.
  const auto rc = [](const char* code) { return region_code::parse(code); };
  facility_registry reg;
  reg.add(
      facility("F", facility_kind::institution, rc("131082"), 100, filing(rc("131082"), d("2019-03-01"))));
  reg.add(
      facility("G", facility_kind::institution, rc("131082"), 100, filing(rc("131082"), d("2024-05-20"))));
  reg.add(facility("R", facility_kind::institution, rc("131082"), 100,
                   filing(rc("131082"), d("2019-03-01"), d("2024-08-01")))); // revoked inside the horizon
  reg.add(
      facility("O", facility_kind::institution, rc("110102"), 100, filing(rc("110102"), d("2019-03-01"))));
  std::vector<person> people;
  auto staying = [&](const char* id, std::vector<stay> stays) {
    person p = elder(id, "1940-05-05");
    p.stays = std::move(stays);
    people.push_back(p);
  };
  people.push_back(elder("none", "1940-05-05"));
  staying("settled", {stay("F", d("2020-01-01"))});
  staying("completes_inside", {stay("F", d("2024-03-31"))}); // complete on 2024-06-30
  staying("completes_on_first_test_day", {stay("F", d("2023-10-31"))});
  staying("completes_day_after_first", {stay("F", d("2023-11-01"))});
  staying("admitted_inside", {stay("F", d("2024-09-15"))}); // completes after the horizon
  staying("discharged_inside", {stay("F", d("2020-01-01"), d("2024-05-31"))});
  staying("discharged_on_last_day", {stay("F", d("2020-01-01"), d("2024-12-31"))});
  staying("discharged_before", {stay("F", d("2020-01-01"), d("2023-12-31"))});
  staying("filed_inside", {stay("G", d("2020-01-01"))}); // its days count from the filing
  staying("revoked_inside", {stay("R", d("2020-01-01"))});
  staying("elsewhere", {stay("O", d("2020-01-01"))}); // not in the accepted region: fails always
  staying("unknown_facility", {stay("X", d("2020-01-01"))});
  staying("back_again", {stay("F", d("2023-01-01"), d("2024-04-10")), stay("F", d("2024-06-01"))});
  staying("transfer", {stay("O", d("2023-01-01"), d("2024-04-10")), stay("F", d("2024-04-11"))});
  const std::vector<date> dates{d("2024-01-31"), d("2024-03-31"), d("2024-05-31"), d("2024-06-30"),
                                d("2024-07-31"), d("2024-08-31"), d("2024-12-31")};
  const facility_criteria hebei{region_set("河北", {rc("130000")}), {facility_kind::institution}, true};
  for (const month_counting counting : {month_counting::civil_code, month_counting::natural_month}) {
    INFO("counting " << to_word(counting));
    const continuous_stay_at_least three(period::months(3), hebei, {}, period_counting{counting});
    check(policy_of({pays("stay", any_condition(three), 60000),
                     pays("not_stay", any_condition::negate(any_condition(three)), 100)}),
          people, dates, d("2024-01-01"), 12, &reg);
    // With an age reached inside the horizon: the stay leaf beside a birth-ordered one.
    check(
        policy_of({pays("old_and_staying",
                        any_condition::all({any_condition(age_at_least(84)), any_condition(three)}), 30000)}),
        people, dates, d("2024-01-01"), 12, &reg);
  }
}
