// Seed 000's non-person entries: cn.beijing.xicheng.high_skill_talent (workers and events) and
// cn.beijing.xicheng.planning_norms (an area). Expected values are worked out by hand from the seed
// and the Civil Code (comments), never copied from the code's output.
#include <catch2/catch.hpp>

#include <algorithm> // std::shuffle
#include <random>

#include "eldercare/catalog/beijing/xicheng_workforce.hpp" // the talent entries by name (the umbrella only declares the catalog)
#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;
using eldercare::catalog_entries::evaluate_high_skill_talent;
using eldercare::catalog_entries::xicheng_skill_competition_policy;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }
const char* const hiring = "cn.beijing.xicheng.high_skill_talent.hiring";
const char* const wage = "cn.beijing.xicheng.high_skill_talent.wage_growth";

worker w(const char* hired, std::optional<int> level = 2, const char* place = "110102",
         std::vector<int> growth = {60, 40, 50, 70}, std::optional<date> left = std::nullopt) {
  return worker{.id = "w1",
                .employer_id = "E1",
                .workplace = rc(place),
                .hired_on = d(hired),
                .left_on = left,
                .skill_level = level,
                .annual_wage_growth_permille = std::move(growth)};
}
decision at(const char* id, const worker& x, const char* on, const reading_set& r = {}) {
  return evaluate(standard_catalog().worker_policy_for(id, r), x, d(on));
}
} // namespace

TEST_CASE("high-skill hiring: 10,000 yuan once after a full year (稳定就业1年以上)") {
  // Hired 2024-03-01; art. 201: counting starts 03-02; the year ends on 2025-03-01 (art. 202).
  const worker x = w("2024-03-01");
  CHECK_FALSE(at(hiring, x, "2025-02-28").eligible);
  CHECK(at(hiring, x, "2025-02-28").would_be_eligible_on() == d("2025-03-01"));
  const decision dec = at(hiring, x, "2025-03-01");
  CHECK(dec.amount() == 10'000_yuan);
  CHECK(dec.granted->period() == benefit_period::one_off);
  // Levels 1-3 are high-skill: 高级工 (3) yes, 中级工 (4) no, no certificate no.
  CHECK(at(hiring, w("2024-03-01", 3), "2025-03-01").eligible);
  CHECK(at(hiring, w("2024-03-01", 1), "2025-03-01").eligible);
  CHECK_FALSE(at(hiring, w("2024-03-01", 4), "2025-03-01").eligible);
  CHECK_FALSE(at(hiring, w("2024-03-01", std::nullopt), "2025-03-01").eligible);
  // Workplace outside Xicheng (朝阳 110105).
  CHECK_FALSE(at(hiring, w("2024-03-01", 2, "110105"), "2025-03-01").eligible);
  // A leap-day hire: 2024-02-29 + 1 year → 2025-02-28 (no 02-29, art. 202: the month's last day).
  CHECK_FALSE(at(hiring, w("2024-02-29"), "2025-02-27").eligible);
  CHECK(at(hiring, w("2024-02-29"), "2025-02-28").eligible);
}

TEST_CASE("high-skill hiring: the assumed start 2024-01-01 and the hire window") {
  // Before the plan: not in force.
  CHECK(at(hiring, w("2022-01-01"), "2023-12-31").status == decision_status::not_in_force);
  // Hired on the start day: counts; the year completes on 2025-01-01.
  CHECK(at(hiring, w("2024-01-01"), "2025-01-01").eligible);
  // Hired the day before the start: not a hire under the plan by default...
  const worker before = w("2023-12-31");
  CHECK_FALSE(at(hiring, before, "2024-12-31").eligible);
  CHECK_FALSE(at(hiring, before, "2025-06-01").eligible);
  // ...but counts under xicheng.talent.hire_window=any_hire (the year completes 2024-12-31).
  const reading_set any{{"xicheng.talent.hire_window", "any_hire"}};
  CHECK_FALSE(at(hiring, before, "2024-12-30", any).eligible);
  CHECK(at(hiring, before, "2024-12-31", any).amount() == 10'000_yuan);
}

TEST_CASE("high-skill hiring: a worker who left, under both readings of 稳定就业") {
  const reading_set completed{{"xicheng.talent.one_off_employment", "completed"}};
  // Left on 2025-06-30 after the year completed (2025-03-01).
  const worker left_after = w("2024-03-01", 2, "110102", {}, d("2025-06-30"));
  CHECK(at(hiring, left_after, "2025-03-01").eligible);            // still employed then
  CHECK_FALSE(at(hiring, left_after, "2025-07-01").eligible);      // current (default): gone
  CHECK(at(hiring, left_after, "2025-07-01", completed).eligible); // completed: the year was served
  // Last day employed = the day the year completes: the year is served.
  const worker left_on_day = w("2024-03-01", 2, "110102", {}, d("2025-03-01"));
  CHECK(at(hiring, left_on_day, "2025-07-01", completed).eligible);
  // Left the day before the year completed: never, under either reading.
  const worker left_before = w("2024-03-01", 2, "110102", {}, d("2025-02-28"));
  CHECK_FALSE(at(hiring, left_before, "2025-03-01").eligible);
  CHECK_FALSE(at(hiring, left_before, "2025-03-01", completed).eligible);
  CHECK_FALSE(at(hiring, left_before, "2025-03-01", completed).would_be_eligible_on().has_value());
}

TEST_CASE("high-skill wage subsidy: 5,000 a year for years with ≥5% growth, employment years 1-3") {
  // Hired 2024-03-01 with growth 6.0%, 4.0%, 5.0%, 7.0% in employment years 1-4.
  const worker x = w("2024-03-01");
  CHECK_FALSE(at(wage, x, "2025-02-28").eligible);         // no year complete
  CHECK(at(wage, x, "2025-03-01").amount() == 5'000_yuan); // year 1: 6.0% ≥ 5%
  CHECK(at(wage, x, "2025-03-01").granted->period() == benefit_period::per_year);
  CHECK(at(wage, x, "2026-02-28").amount() == 5'000_yuan); // still year 1 the latest complete
  CHECK_FALSE(at(wage, x, "2026-03-01").eligible);         // year 2: 4.0%
  CHECK(at(wage, x, "2027-03-01").amount() == 5'000_yuan); // year 3: exactly 5.0% (以上 includes it)
  CHECK(at(wage, x, "2028-02-29").amount() == 5'000_yuan); // four years complete only on 2028-03-01
  CHECK_FALSE(at(wage, x, "2028-03-01").eligible);         // year 4 (7.0%): beyond 最长三年
  // Over the anniversaries 2025..2028: 5,000 + 0 + 5,000 + 0 = 10,000.
  money sum;
  for (const char* day : {"2025-03-01", "2026-03-01", "2027-03-01", "2028-03-01"})
    sum += at(wage, x, day).amount();
  CHECK(sum == 10'000_yuan);
  // every_year: 保持 without a break — year 3 fails because year 2 was 4.0%.
  const reading_set every{{"xicheng.talent.wage_growth_test", "every_year"}};
  CHECK(at(wage, x, "2025-03-01", every).amount() == 5'000_yuan);
  CHECK_FALSE(at(wage, x, "2027-03-01", every).eligible);
  // No wage figure for the year: fails, saying so.
  const decision none = at(wage, w("2024-03-01", 2, "110102", {}), "2025-03-01");
  CHECK_FALSE(none.eligible);
  CHECK(explain(none).find("no wage-growth figure for employment year 1") != std::string::npos);
  // Not high-skill, or elsewhere.
  CHECK_FALSE(at(wage, w("2024-03-01", 5), "2025-03-01").eligible);
  CHECK_FALSE(at(wage, w("2024-03-01", 2, "120101"), "2025-03-01").eligible);
  // Left before the date: not employed any more.
  CHECK_FALSE(at(wage, w("2024-03-01", 2, "110102", {60}, d("2025-04-30")), "2025-05-01").eligible);
}

TEST_CASE("high-skill talent: the bundle, its lookups and its explanation") {
  const catalog& c = standard_catalog();
  const catalog_entry& e = c.at("cn.beijing.xicheng.high_skill_talent");
  CHECK(e.subject == subject_kind::worker);
  CHECK(e.components == std::vector<std::string>{hiring, wage});
  CHECK_THROWS_AS(c.worker_policy_for("cn.beijing.xicheng.high_skill_talent"), lookup_error);
  CHECK_THROWS_AS(c.policy_for(hiring), lookup_error); // a worker entry has no person policy
  // Year 1 complete with 6% growth: both pay, each in its own unit.
  const auto both = evaluate_high_skill_talent(c, w("2024-03-01"), d("2025-03-01"));
  REQUIRE(both.size() == 2);
  CHECK(both[0].amount() == 10'000_yuan);
  CHECK(both[1].amount() == 5'000_yuan);
  const std::string text = explain(at(hiring, w("2024-03-01"), "2025-02-28"));
  CHECK(text.find("稳定就业1年以上") != std::string::npos);
  CHECK(text.find("hired_on = 2024-03-01") != std::string::npos);
  CHECK(text.find("would be met on 2025-03-01") != std::string::npos);
  CHECK(at(wage, w("2024-03-01"), "2025-03-01").rules[0].cite.source == "seeds/000_c316a80b4f0fd0a0.txt");
}

namespace {
competition_event ev(std::int64_t participants, event_organiser o = event_organiser::enterprise,
                     event_kind k = event_kind::skill_competition, const char* region = "110102") {
  return competition_event{.id = "ev1",
                           .organiser_id = "E1",
                           .organiser = o,
                           .organiser_region = rc(region),
                           .kind = k,
                           .held_on = d("2024-05-01"),
                           .participants = participants};
}
money event_amount(const competition_event& e, const char* on = "2024-05-01", const reading_set& r = {}) {
  return evaluate(xicheng_skill_competition_policy(standard_catalog(), r), e, d(on)).amount();
}
} // namespace

TEST_CASE("skill competitions: 2万-5万 once by scale (assumed participant bands)") {
  // Bands: <100 → 20,000; 100-299 → 30,000; 300-499 → 40,000; 500+ → 50,000; both ends of each.
  CHECK(event_amount(ev(0)) == 20'000_yuan);
  CHECK(event_amount(ev(99)) == 20'000_yuan);
  CHECK(event_amount(ev(100)) == 30'000_yuan);
  CHECK(event_amount(ev(299)) == 30'000_yuan);
  CHECK(event_amount(ev(300)) == 40'000_yuan);
  CHECK(event_amount(ev(499)) == 40'000_yuan);
  CHECK(event_amount(ev(500)) == 50'000_yuan);
  // An industry association's exhibition, a chamber of commerce: both organisers count.
  CHECK(event_amount(ev(50, event_organiser::industry_association, event_kind::achievement_show)) ==
        20'000_yuan);
  CHECK(event_amount(ev(350, event_organiser::chamber_of_commerce)) == 40'000_yuan);
  // The readings bracket the answer: floor 20,000 and ceiling 50,000 whatever the scale.
  CHECK(event_amount(ev(350), "2024-05-01", {{"xicheng.talent.competition_scale", "floor"}}) == 20'000_yuan);
  CHECK(event_amount(ev(350), "2024-05-01", {{"xicheng.talent.competition_scale", "ceiling"}}) ==
        50'000_yuan);
  // Each condition fails alone: another organiser, another kind of event, an organiser outside Xicheng.
  CHECK(event_amount(ev(350, event_organiser::other)) == money());
  CHECK(event_amount(ev(350, event_organiser::enterprise, event_kind::other)) == money());
  CHECK(event_amount(ev(350, event_organiser::enterprise, event_kind::skill_competition, "110105")) ==
        money());
  // Before the assumed start (2024-01-01).
  const auto p = xicheng_skill_competition_policy(standard_catalog());
  CHECK(evaluate(p, ev(350), d("2023-12-31")).status == decision_status::not_in_force);
  CHECK(evaluate(p, ev(350), d("2024-01-01")).amount() == 40'000_yuan);
  // The explanation cites the seed.
  CHECK(explain(evaluate(p, ev(350), d("2024-05-01"))).find("根据活动规模,给予2万至5万元一次性补贴") !=
        std::string::npos);
  CHECK_THROWS_AS(
      xicheng_skill_competition_policy(standard_catalog(), {{"xicheng.talent.competition_scale", "huge"}}),
      invalid_value);
}

TEST_CASE("skill competitions: an event entry of the catalog (issue 13)") {
  const catalog& c = standard_catalog();
  const catalog_entry& e = c.at("cn.beijing.xicheng.high_skill_talent.competition");
  CHECK(e.subject == subject_kind::event);
  CHECK(static_cast<bool>(e.build_event));
  CHECK_FALSE(static_cast<bool>(e.build));
  CHECK_THROWS_AS(c.policy_for(e.id), lookup_error);
  CHECK_THROWS_AS(c.event_policy_for(hiring), lookup_error);
  // The same policy by the entry and by the helper.
  CHECK(evaluate(c.event_policy_for(e.id), ev(120), d("2024-05-01")).amount() == 30'000_yuan);
  // It is not part of the worker bundle any more: its grants go to organisers.
  const auto& bundle = c.at("cn.beijing.xicheng.high_skill_talent").components;
  CHECK(std::find(bundle.begin(), bundle.end(), e.id) == bundle.end());
}

TEST_CASE("high-skill hiring: a competition-winning graduate 可视为高技能人才 (reading "
          "xicheng.talent.award_graduates)") {
  // 「在北京或全国技能大赛中获奖且符合条件的职业院校毕业生,可视为高技能人才」. No certificate, recorded as
  // such a graduate, hired 2024-03-01: a year complete on 2025-03-01 → 10,000 once; nothing the day before;
  // nothing under not_counted; nothing without the record.
  worker graduate = w("2024-03-01", std::nullopt);
  CHECK_FALSE(at(hiring, graduate, "2025-03-01").eligible);
  graduate.programmes = {"xicheng.talent.award_graduate"};
  CHECK_FALSE(at(hiring, graduate, "2025-02-28").eligible);
  CHECK(at(hiring, graduate, "2025-03-01").amount() == 10'000_yuan);
  CHECK_FALSE(
      at(hiring, graduate, "2025-03-01", {{"xicheng.talent.award_graduates", "not_counted"}}).eligible);
  // The wage subsidy follows the same test: year 1 grew 6% → 5,000 on 2025-03-01.
  CHECK(at(wage, graduate, "2025-03-01").amount() == 5'000_yuan);
}

TEST_CASE("worker and event cases give the same answers as one shuffled batch") {
  struct wcase {
    const char* id;
    worker x;
    const char* on;
    reading_set r;
    money expected;
  };
  std::vector<wcase> cases = {
      {hiring, w("2024-03-01"), "2025-02-28", {}, money()},
      {hiring, w("2024-03-01"), "2025-03-01", {}, 10'000_yuan},
      {hiring, w("2023-12-31"), "2024-12-31", {}, money()},
      {hiring, w("2023-12-31"), "2024-12-31", {{"xicheng.talent.hire_window", "any_hire"}}, 10'000_yuan},
      {hiring, w("2024-03-01", 4), "2025-03-01", {}, money()},
      {wage, w("2024-03-01"), "2025-03-01", {}, 5'000_yuan},
      {wage, w("2024-03-01"), "2026-03-01", {}, money()},
      {wage, w("2024-03-01"), "2027-03-01", {}, 5'000_yuan},
      {wage, w("2024-03-01"), "2028-03-01", {}, money()},
      {wage, w("2024-03-01"), "2027-03-01", {{"xicheng.talent.wage_growth_test", "every_year"}}, money()},
  };
  std::vector<std::size_t> idx(cases.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::shuffle(idx.begin(), idx.end(), std::mt19937(11));
  for (std::size_t i : idx) {
    const auto& c = cases[i];
    INFO(c.id << " " << c.on);
    CHECK(at(c.id, c.x, c.on, c.r).amount() == c.expected);
    const auto p = standard_catalog().worker_policy_for(c.id, c.r);
    CHECK(grant_on(p, c.x, d(c.on)).value_or(benefit(money_once(money()))).amount() == c.expected);
  }
  std::vector<std::pair<std::int64_t, money>> events = {
      {99, 20'000_yuan}, {100, 30'000_yuan}, {300, 40'000_yuan}, {500, 50'000_yuan}};
  std::shuffle(events.begin(), events.end(), std::mt19937(12));
  for (const auto& [n, amount] : events) CHECK(event_amount(ev(n)) == amount);
}

// ---- planning norms ----

namespace {
service_area xicheng(std::int64_t elders, std::int64_t meal_points, std::int64_t care_workers) {
  return service_area{.id = "xicheng",
                      .region = rc("110102"),
                      .resident_elders = elders,
                      .meal_points = meal_points,
                      .care_workers = care_workers};
}
const norm_result& find(const std::vector<norm_result>& rs, const char* id) {
  const auto it = std::find_if(rs.begin(), rs.end(), [&](const norm_result& r) { return r.norm_id == id; });
  REQUIRE(it != rs.end());
  return *it;
}
} // namespace

TEST_CASE("xicheng planning norms: requirements and gaps") {
  const catalog& c = standard_catalog();
  CHECK(c.at("cn.beijing.xicheng.planning_norms").subject == subject_kind::area);
  // 296 meal points built (seed: 上线养老助餐点296家); 320,000 resident elders (an illustrative figure:
  // not in the seed); 3,000 care workers.
  const auto rs = c.assess("cn.beijing.xicheng.planning_norms", xicheng(320'000, 296, 3'000));
  REQUIRE(rs.size() == 3);
  // 1 per 1,000: 320,000 / 1,000 = 320 required; gap 320 − 296 = 24.
  const auto& per = find(rs, "meal_points_per_1000_elders");
  CHECK(per.required == 320);
  CHECK(per.actual == 296);
  CHECK(per.gap == 24);
  CHECK_FALSE(per.met);
  // The stated 2024 target 不少于320家: gap 24 whatever the population.
  const auto& target = find(rs, "meal_points_target_2024");
  CHECK(target.required == 320);
  CHECK(target.gap == 24);
  // 100 per 10,000: 320,000 × 100 / 10,000 = 3,200 required; gap 200.
  const auto& care = find(rs, "care_workers_per_10000_elders");
  CHECK(care.required == 3'200);
  CHECK(care.gap == 200);
  CHECK(care.explanation.find("每万名老人拥有护理人员不少于100人") != std::string::npos);
  CHECK(per.explanation.find("按每千名常住老人建1家助餐点") != std::string::npos);
}

TEST_CASE("xicheng planning norms: requirements round up; met at the boundary") {
  const catalog& c = standard_catalog();
  // 320,001 elders → ⌈320.001⌉ = 321 meal points and ⌈3,200.01⌉ = 3,201 care workers.
  auto rs = c.assess("cn.beijing.xicheng.planning_norms", xicheng(320'001, 320, 3'200));
  CHECK(find(rs, "meal_points_per_1000_elders").required == 321);
  CHECK(find(rs, "meal_points_per_1000_elders").gap == 1);
  CHECK(find(rs, "care_workers_per_10000_elders").required == 3'201);
  CHECK(find(rs, "care_workers_per_10000_elders").gap == 1);
  CHECK(find(rs, "meal_points_target_2024").met); // 320 built: the target is met exactly
  // 319,999 elders → 320 and 3,200: met exactly.
  rs = c.assess("cn.beijing.xicheng.planning_norms", xicheng(319'999, 320, 3'200));
  CHECK(find(rs, "meal_points_per_1000_elders").met);
  CHECK(find(rs, "care_workers_per_10000_elders").met);
  CHECK(find(rs, "care_workers_per_10000_elders").gap == 0);
  // An oversupplied area has no negative gap.
  rs = c.assess("cn.beijing.xicheng.planning_norms", xicheng(1'000, 5, 500));
  CHECK(find(rs, "meal_points_per_1000_elders").gap == 0);
  CHECK_THROWS_AS(c.norms_for("cn.beijing.xicheng.high_skill_talent.hiring"), lookup_error);
}
