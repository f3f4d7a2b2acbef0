// The 西咸新区 entries of seed 002 (《西咸新区关于推进养老服务发展的实施方案》): rural centre admission,
// the difficult-elder subsidy and its 衔接 with the 两项补贴, the pension premium waiver, and the planning
// norms. Expected values are worked out by hand from the seed, DOMAIN.md and the readings' documented
// defaults (comments next to each check), never copied from the code's output.
#include <catch2/catch.hpp>

#include <algorithm> // std::shuffle
#include <random>    // std::mt19937: a fixed seed for the shuffled batch

#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

const char* const centre = "cn.shaanxi.xixian.rural_center_admission";
const char* const subsidy = "cn.shaanxi.xixian.difficult_elder_subsidy";
const char* const pension = "cn.shaanxi.xixian.pension_premium_waiver";
const char* const norms = "cn.shaanxi.xixian.planning_norms";
const char* const two = "cn.national.disabled_two_subsidies";

// Towns: 610404008 周陵街道 (渭城), 610112008 六村堡街道 (未央), 610423112 崇文镇 (泾阳) are in the bundled
// 西咸新区 list (DOMAIN.md B.2); 610102001 is in 西安 新城区, outside the new area; 610481106 南位镇 (兴平)
// is only partly in it and is not bundled.
struct facts {
  const char* birth = "1950-03-10";
  const char* hukou = "610404008";
  const char* residence = "610404008";
  bool rural = true;
  category_set categories = {};
  std::optional<int> level = std::nullopt; // GB/T 42195 level, assessed 2020-01-01
  health_status health = {};
  std::optional<disability_certificate> certificate = std::nullopt;
};

person make(const facts& f) {
  std::optional<assessment> a;
  if (f.level) a = assessment(ability_scale::gbt_42195_2022, ability_level(*f.level), d("2020-01-01"));
  return person{.id = "xx",
                .birth_date = d(f.birth),
                .hukou = {rc(f.hukou), std::nullopt},
                .residence = {rc(f.residence), f.rural},
                .ability = a,
                .disability = f.certificate,
                .categories = f.categories,
                .health = f.health};
}

decision at(const char* id, const person& p, const char* on, const reading_set& r = {}) {
  return standard_catalog().evaluate(id, p, d(on), nullptr, r);
}

const benefit one_place = service_places(1);
const reading_set amount100{{"xixian.difficult_elder.amount_yuan", "100"}};
const reading_set amount200{{"xixian.pension_premium.amount_yuan", "200"}};

reading_set with(reading_set base, const char* name, const char* value) {
  base.set(name, value);
  return base;
}
} // namespace

// ---------------------------------------------------------------------------------------------
// cn.shaanxi.xixian.rural_center_admission
// ---------------------------------------------------------------------------------------------

TEST_CASE("xixian centre: a rural 低保 elder of the new area gets a place") {
  // Born 1950-03-10 → 73 on 2023-06-01; hukou and home in 周陵街道, a village; 低保; healthy.
  const decision dec = at(centre, make({.categories = {category::dibao}}), "2023-06-01");
  REQUIRE(dec.eligible);
  CHECK(*dec.granted == one_place); // a place in a centre, not money
  CHECK(dec.granted->unit() == benefit_unit::service_place);
  CHECK(dec.granted->to_string() == "1 service place once");
}

TEST_CASE("xixian centre: each condition fails on its own") {
  const category_set dibao{category::dibao};
  // Hukou in 新城区 610102001 (outside the new area); default membership is by hukou.
  CHECK_FALSE(at(centre, make({.hukou = "610102001", .categories = dibao}), "2023-06-01").eligible);
  // Hukou recorded only at county level (渭城 610404): cannot be placed in the new area.
  CHECK_FALSE(at(centre, make({.hukou = "610404", .categories = dibao}), "2023-06-01").eligible);
  // Lives in a residents' committee area, not a village: not 农村.
  CHECK_FALSE(at(centre, make({.rural = false, .categories = dibao}), "2023-06-01").eligible);
  // In no target group: no category, no assessment, 73 (< 80).
  CHECK_FALSE(at(centre, make({}), "2023-06-01").eligible);
  // Under 60: born 1965-06-15 → 60 on 2025-06-15.
  const person young = make({.birth = "1965-06-15", .categories = dibao});
  CHECK_FALSE(at(centre, young, "2025-06-14").eligible);
  CHECK(at(centre, young, "2025-06-14").would_be_eligible_on() == d("2025-06-15"));
  CHECK(*at(centre, young, "2025-06-15").granted == one_place);
  // 无精神病: a severe mental illness excludes.
  CHECK_FALSE(
      at(centre, make({.categories = dibao, .health = {.mental_illness = true}}), "2023-06-01").eligible);
  // 无法定传染疾病: a notifiable infectious disease excludes.
  CHECK_FALSE(
      at(centre, make({.categories = dibao, .health = {.infectious_disease = true}}), "2023-06-01").eligible);
}

TEST_CASE(
    "xixian centre: 农村 qualifies the 低保 elders only, as the words run (reading xixian.rural_scope)") {
  // 「农村最低生活保障老人、失能半失能老人、空巢老人…」: 农村 belongs to 最低生活保障老人 (issue 13; before,
  // every group had to live in a village).
  const reading_set every{{"xixian.rural_scope", "every_group"}};
  // An urban 低保 elder of the new area: not a rural 低保 elder, under either reading.
  CHECK_FALSE(at(centre, make({.rural = false, .categories = {category::dibao}}), "2023-06-01").eligible);
  CHECK_FALSE(
      at(centre, make({.rural = false, .categories = {category::dibao}}), "2023-06-01", every).eligible);
  // An urban 空巢 elder: served by default, not when every group must be rural.
  const person urban_kongchao = make({.rural = false, .categories = {category::kongchao}});
  CHECK(*at(centre, urban_kongchao, "2023-06-01").granted == one_place);
  CHECK_FALSE(at(centre, urban_kongchao, "2023-06-01", every).eligible);
  // An urban 失能 elder (level 3) and an urban 80-year-old alike.
  CHECK(at(centre, make({.rural = false, .level = 3}), "2023-06-01").eligible);
  CHECK(at(centre, make({.birth = "1943-03-10", .rural = false}), "2023-06-01").eligible);
  CHECK_FALSE(at(centre, make({.birth = "1943-03-10", .rural = false}), "2023-06-01", every).eligible);
}

TEST_CASE("xixian call devices: one per rural household with a 独居, 空巢, 高龄 or 失能 elder") {
  // 「为农村独居、空巢、高龄、失能老人家庭安装呼叫器」: a device in kind, once per household.
  const char* devices = "cn.shaanxi.xixian.rural_call_devices";
  const policy p = standard_catalog().policy_for(devices);
  auto household_of = [](std::vector<person> members) { return household{"h", std::move(members)}; };
  const decision alone =
      evaluate(p, household_of({make({.categories = {category::living_alone}})}), d("2023-06-01"));
  REQUIRE(alone.granted.has_value());
  CHECK(alone.granted->unit() == benefit_unit::device);
  CHECK(alone.granted->to_string() == "1 device once");
  // Two qualifying members, one device: paid per household.
  const decision two = evaluate(
      p, household_of({make({.categories = {category::kongchao}}), make({.level = 3})}), d("2023-06-01"));
  CHECK(two.granted->quantity() == 1);
  // 高龄: 80 on 2023-03-10 (born 1943-03-10), nothing the day before.
  const household old = household_of({make({.birth = "1943-03-10"})});
  CHECK_FALSE(evaluate(p, old, d("2023-03-09")).eligible);
  CHECK(evaluate(p, old, d("2023-03-10")).eligible);
  // In a town (not rural), or outside the new area, or in no group: nothing.
  CHECK_FALSE(evaluate(p, household_of({make({.rural = false, .categories = {category::living_alone}})}),
                       d("2023-06-01"))
                  .eligible);
  CHECK_FALSE(evaluate(p,
                       household_of({make({.hukou = "610102001", .categories = {category::living_alone}})}),
                       d("2023-06-01"))
                  .eligible);
  CHECK_FALSE(evaluate(p, household_of({make({.categories = {category::dibao}})}), d("2023-06-01")).eligible);
  // 失能 is level 3 and up by default (xixian.disabled_level): level 2 only under "2".
  CHECK_FALSE(evaluate(p, household_of({make({.level = 2})}), d("2023-06-01")).eligible);
  CHECK(evaluate(standard_catalog().policy_for(devices, reading_set{{"xixian.disabled_level", "2"}}),
                 household_of({make({.level = 2})}), d("2023-06-01"))
            .eligible);
  CHECK(p.versions().front().paid_to == payee::household);
}

TEST_CASE("xixian centre: the exclusions are explained when they fire, and the source is cited") {
  const decision ill =
      at(centre, make({.categories = {category::dibao}, .health = {.mental_illness = true}}), "2023-06-01");
  const std::string text = explain(ill);
  CHECK(text.find("NOT ELIGIBLE") != std::string::npos);
  CHECK(text.find("✗ not:") != std::string::npos);
  CHECK(text.find("has a severe mental illness (精神病)  [health.mental_illness = true]") !=
        std::string::npos);
  CHECK(text.find("无精神病和法定传染疾病") != std::string::npos); // the quoted clause
  CHECK(text.find("西咸新区关于推进养老服务发展的实施方案") != std::string::npos);
  CHECK(ill.rules.at(0).cite.source == "seeds/002_3366aee3d7778266.txt");
  // Exactly one exclusion fired: a never-met negation means time alone will not help.
  CHECK_FALSE(ill.would_be_eligible_on().has_value());
  const decision infectious = at(
      centre, make({.categories = {category::dibao}, .health = {.infectious_disease = true}}), "2023-06-01");
  CHECK(explain(infectious).find("[health.infectious_disease = true]") != std::string::npos);
  // A healthy elder's explanation shows both exclusions checked and passed (✓ not).
  const std::string ok = explain(at(centre, make({.categories = {category::dibao}}), "2023-06-01"));
  CHECK(ok.find("✓ not:") != std::string::npos);
  CHECK(ok.find("[health.mental_illness = false]") != std::string::npos);
  CHECK(ok.find("[health.infectious_disease = false]") != std::string::npos);
}

TEST_CASE("xixian centre: every target group on its own") {
  // 失能半失能 by GB/T level: level 1 (轻度) counts under the default mapping (半失能 = 轻度 + 中度).
  CHECK(at(centre, make({.level = 1}), "2023-06-01").eligible);
  CHECK(at(centre, make({.level = 2}), "2023-06-01").eligible);
  CHECK_FALSE(at(centre, make({.level = 0}), "2023-06-01").eligible);
  // 空巢, and 独居 as its subset.
  CHECK(at(centre, make({.categories = {category::kongchao}}), "2023-06-01").eligible);
  CHECK(at(centre, make({.categories = {category::living_alone}}), "2023-06-01").eligible);
  // 失独.
  CHECK(at(centre, make({.categories = {category::shidu}}), "2023-06-01").eligible);
  // 其他生活困难: 特困 and 低收入 under the default reading.
  CHECK(at(centre, make({.categories = {category::tekun}}), "2023-06-01").eligible);
  CHECK(at(centre, make({.categories = {category::low_income}}), "2023-06-01").eligible);
  // Not a target group: 留守 alone is not listed.
  CHECK_FALSE(at(centre, make({.categories = {category::left_behind}}), "2023-06-01").eligible);
}

TEST_CASE("xixian centre: 高龄 from the 80th birthday") {
  // Born 1943-08-20, no other group: 80 周岁 on 2023-08-20 (以上 includes 80).
  const person p = make({.birth = "1943-08-20"});
  CHECK_FALSE(at(centre, p, "2023-08-19").eligible);
  CHECK(at(centre, p, "2023-08-19").would_be_eligible_on() == d("2023-08-20"));
  CHECK(*at(centre, p, "2023-08-20").granted == one_place);
  // Day-after-birthday reading: reached on 2023-08-21.
  const reading_set after{{"age.reached", "day_after_birthday"}};
  CHECK_FALSE(at(centre, p, "2023-08-20", after).eligible);
  CHECK(at(centre, p, "2023-08-21", after).eligible);
}

TEST_CASE("xixian centre: effective date of the plan (assumed 2020-01-01)") {
  const person p = make({.categories = {category::dibao}});
  CHECK(at(centre, p, "2019-12-31").status == decision_status::not_in_force);
  CHECK(*at(centre, p, "2020-01-01").granted == one_place);
}

TEST_CASE("xixian centre: readings change the answer where the text is open") {
  const category_set dibao{category::dibao};
  // Membership: hukou outside (新城区), living in a village of 周陵街道.
  const person lives_here = make({.hukou = "610102001", .categories = dibao});
  CHECK_FALSE(at(centre, lives_here, "2023-06-01").eligible); // hukou (default)
  CHECK(at(centre, lives_here, "2023-06-01", {{"xixian.membership", "residence"}}).eligible); // residence
  CHECK(at(centre, lives_here, "2023-06-01", {{"xixian.membership", "either"}}).eligible);    // either
  // Hukou here, living (rurally) in 新城区.
  const person registered_here = make({.residence = "610102001", .categories = dibao});
  CHECK(at(centre, registered_here, "2023-06-01").eligible);
  CHECK_FALSE(at(centre, registered_here, "2023-06-01", {{"xixian.membership", "residence"}}).eligible);
  CHECK(at(centre, registered_here, "2023-06-01", {{"xixian.membership", "either"}}).eligible);
  // Semi-disabled mapping: level 1 no longer counts when 半失能 starts at 中度.
  CHECK_FALSE(at(centre, make({.level = 1}), "2023-06-01", {{"xixian.semi_disabled_level", "2"}}).eligible);
  CHECK(at(centre, make({.level = 2}), "2023-06-01", {{"xixian.semi_disabled_level", "2"}}).eligible);
  // 高龄 from 70: a 73-year-old with no other group.
  CHECK(at(centre, make({}), "2023-06-01", {{"xixian.advanced_age", "70"}}).eligible);
  // Other hardship: 特困 is not listed under listed_only.
  CHECK_FALSE(at(centre, make({.categories = {category::tekun}}), "2023-06-01",
                 {{"xixian.other_hardship", "listed_only"}})
                  .eligible);
  // Minimum age: a 58-year-old 低保 villager (born 1965-06-15, on 2023-06-01).
  const person young = make({.birth = "1965-06-15", .categories = dibao});
  CHECK_FALSE(at(centre, young, "2023-06-01").eligible);
  CHECK(at(centre, young, "2023-06-01", {{"xixian.min_age", "none"}}).eligible);
  // Extra towns: 南位镇 610481106 is not bundled; listing it admits its residents.
  const person nanwei = make({.hukou = "610481106", .residence = "610481106", .categories = dibao});
  CHECK_FALSE(at(centre, nanwei, "2023-06-01").eligible);
  CHECK(at(centre, nanwei, "2023-06-01", {{"xixian.extra_towns", " 610481106 "}}).eligible);
  // A town outside the seven county-level units, or a malformed code, is refused, naming the input.
  CHECK_THROWS_AS(at(centre, nanwei, "2023-06-01", {{"xixian.extra_towns", "610102001"}}), invalid_value);
  CHECK_THROWS_WITH(at(centre, nanwei, "2023-06-01", {{"xixian.extra_towns", "61048"}}),
                    Catch::Contains("readings.xixian.extra_towns"));
  // A choice that is not one of the reading's is refused.
  CHECK_THROWS_WITH(at(centre, nanwei, "2023-06-01", {{"xixian.membership", "birthplace"}}),
                    Catch::Contains("readings.xixian.membership") && Catch::Contains("birthplace"));
}

// ---------------------------------------------------------------------------------------------
// cn.shaanxi.xixian.difficult_elder_subsidy
// ---------------------------------------------------------------------------------------------

TEST_CASE("xixian subsidy: not computable without an amount, naming the reading") {
  const decision dec =
      at(subsidy, make({.birth = "1940-01-01", .categories = {category::dibao}}), "2023-06-01");
  CHECK(dec.status == decision_status::not_computable);
  CHECK(dec.status_note.rfind("not computable: ", 0) == 0);
  CHECK(dec.status_note.find("xixian.difficult_elder.amount_yuan") != std::string::npos);
  CHECK_FALSE(dec.eligible);
  CHECK(standard_catalog().policy_for(subsidy).status() == computability::announced);
}

TEST_CASE("xixian subsidy: 经济困难高龄 from the 80th birthday, with an amount") {
  // Born 1942-05-01, 低保, hukou 六村堡街道; 80 周岁 on 2022-05-01. Rural or not does not matter.
  const person p = make({.birth = "1942-05-01",
                         .hukou = "610112008",
                         .residence = "610112008",
                         .rural = false,
                         .categories = {category::dibao}});
  CHECK_FALSE(at(subsidy, p, "2022-04-30", amount100).eligible);
  CHECK(at(subsidy, p, "2022-04-30", amount100).would_be_eligible_on() == d("2022-05-01"));
  const decision dec = at(subsidy, p, "2022-05-01", amount100);
  CHECK(dec.amount() == 100_yuan); // the reading's 100 yuan a month
  CHECK(dec.granted->period() == benefit_period::per_month);
  CHECK(dec.granting_rules == std::vector<std::string>{"advanced_age"});
  CHECK(at(subsidy, p, "2019-12-31", amount100).status == decision_status::not_in_force);
  CHECK(at(subsidy, p, "2022-05-01", {{"xixian.difficult_elder.amount_yuan", "85.50"}}).amount() ==
        money::parse("85.50"));
  CHECK_THROWS_WITH(at(subsidy, p, "2022-05-01", {{"xixian.difficult_elder.amount_yuan", "about 100"}}),
                    Catch::Contains("readings.xixian.difficult_elder.amount_yuan"));
}

TEST_CASE("xixian subsidy: 经济困难失能 by GB/T level, and each condition fails on its own") {
  const category_set dibao{category::dibao};
  // Born 1955-02-02 (68 on 2023-06-01), 低保, level 3 (重度失能): the 失能 rule.
  const decision dec =
      at(subsidy, make({.birth = "1955-02-02", .categories = dibao, .level = 3}), "2023-06-01", amount100);
  CHECK(dec.amount() == 100_yuan);
  CHECK(dec.granting_rules == std::vector<std::string>{"disabled"});
  // Level 2 is not 失能 under the default (重度 and up).
  CHECK_FALSE(
      at(subsidy, make({.birth = "1955-02-02", .categories = dibao, .level = 2}), "2023-06-01", amount100)
          .eligible);
  // Not 经济困难: no category.
  CHECK_FALSE(at(subsidy, make({.birth = "1940-01-01", .level = 4}), "2023-06-01", amount100).eligible);
  // Not in the new area by hukou.
  CHECK_FALSE(at(subsidy, make({.birth = "1940-01-01", .hukou = "610102001", .categories = dibao}),
                 "2023-06-01", amount100)
                  .eligible);
  // Neither 高龄 nor 失能: 73, no assessment.
  CHECK_FALSE(at(subsidy, make({.categories = dibao}), "2023-06-01", amount100).eligible);
  // Under 60 and 失能: born 1970-01-01 (53).
  CHECK_FALSE(
      at(subsidy, make({.birth = "1970-01-01", .categories = dibao, .level = 4}), "2023-06-01", amount100)
          .eligible);
  // Both 高龄 and 失能: paid once (highest of two equal grants), not 200.
  CHECK(at(subsidy, make({.birth = "1940-01-01", .categories = dibao, .level = 4}), "2023-06-01", amount100)
            .amount() == 100_yuan);
}

TEST_CASE("xixian subsidy: readings change the answer") {
  const category_set dibao{category::dibao};
  const person moderate = make({.birth = "1955-02-02", .categories = dibao, .level = 2});
  CHECK(at(subsidy, moderate, "2023-06-01", with(amount100, "xixian.disabled_level", "2")).eligible);
  const person severe = make({.birth = "1955-02-02", .categories = dibao, .level = 3});
  CHECK_FALSE(at(subsidy, severe, "2023-06-01", with(amount100, "xixian.disabled_level", "4")).eligible);
  // 特困, 85: counted by default, not when 特困 is left to 特困供养.
  const person tekun = make({.birth = "1938-01-01", .categories = {category::tekun}});
  CHECK(at(subsidy, tekun, "2023-06-01", amount100).eligible);
  CHECK_FALSE(
      at(subsidy, tekun, "2023-06-01", with(amount100, "xixian.economic_difficulty", "dibao_low_income"))
          .eligible);
  // 低收入, 85: counted by default and under dibao_low_income, not under dibao_only.
  const person low = make({.birth = "1938-01-01", .categories = {category::low_income}});
  CHECK(at(subsidy, low, "2023-06-01", with(amount100, "xixian.economic_difficulty", "dibao_low_income"))
            .eligible);
  CHECK_FALSE(
      at(subsidy, low, "2023-06-01", with(amount100, "xixian.economic_difficulty", "dibao_only")).eligible);
  // 高龄 from 70: a 73-year-old 低保 elder.
  CHECK_FALSE(at(subsidy, make({.categories = dibao}), "2023-06-01", amount100).eligible);
  CHECK(at(subsidy, make({.categories = dibao}), "2023-06-01", with(amount100, "xixian.advanced_age", "70"))
            .eligible);
  // Minimum age none: a 53-year-old 低保 elder at level 4.
  CHECK(at(subsidy, make({.birth = "1970-01-01", .categories = dibao, .level = 4}), "2023-06-01",
           with(amount100, "xixian.min_age", "none"))
            .eligible);
}

TEST_CASE("xixian subsidy: 衔接 with the 两项补贴 follows xixian.coordination") {
  // Born 1950-01-01, 低保, grade-1 肢体 certificate, level 3, hukou 六村堡街道, on 2023-06-01.
  // 两项补贴 (Guangzhou default amounts): 生活补贴 181 (certificate + 低保) + 护理补贴 243 (grade ≤ 2) = 424.
  const person p =
      make({.birth = "1950-01-01",
            .hukou = "610112008",
            .categories = {category::dibao},
            .level = 3,
            .certificate = disability_certificate(disability_category::physical, disability_grade::one)});
  auto resolve = [&](const reading_set& r) {
    const std::vector<decision> ds = {at(subsidy, p, "2023-06-01", r), at(two, p, "2023-06-01", r)};
    REQUIRE(ds[0].amount() == money::parse(r.chosen().at("xixian.difficult_elder.amount_yuan")));
    REQUIRE(ds[1].amount() == 424_yuan);
    return resolve_stacking(ds, standard_catalog().stacking(r));
  };
  // Default choose_higher: 424 > 100 → only the 两项补贴 is paid.
  auto g = resolve(amount100);
  CHECK_FALSE(g[0].paid);
  CHECK(g[0].reason.find("choose_higher") != std::string::npos);
  CHECK(g[1].paid);
  // With 500 a month the Xixian subsidy is the higher: it is paid, the 两项补贴 is not.
  g = resolve({{"xixian.difficult_elder.amount_yuan", "500"}});
  CHECK(g[0].paid);
  CHECK_FALSE(g[1].paid);
  // stack: both.
  g = resolve(with(amount100, "xixian.coordination", "stack"));
  CHECK(g[0].paid);
  CHECK(g[1].paid);
  // exclusive_choice: one, the higher assumed, and the reason says the person must choose.
  g = resolve(with(amount100, "xixian.coordination", "exclusive_choice"));
  CHECK_FALSE(g[0].paid);
  CHECK(g[0].reason.find("must choose") != std::string::npos);
  CHECK(g[1].paid);
  // The declaration itself: sourced, and the mode follows the reading.
  const stacking_table t = standard_catalog().stacking();
  CHECK(t.mode_for(subsidy, two) == stacking_mode::choose_higher);
  REQUIRE(t.rule_for(two, subsidy) != nullptr);
  CHECK(t.rule_for(two, subsidy)->origin == provenance::sourced);
  CHECK(standard_catalog().stacking({{"xixian.coordination", "stack"}}).mode_for(subsidy, two) ==
        stacking_mode::stack);
}

// ---------------------------------------------------------------------------------------------
// cn.shaanxi.xixian.pension_premium_waiver
// ---------------------------------------------------------------------------------------------

TEST_CASE("xixian pension: not computable without the contribution grade") {
  const decision dec =
      at(pension, make({.birth = "1978-03-01", .categories = {category::dibao}}), "2023-06-01");
  CHECK(dec.status == decision_status::not_computable);
  CHECK(dec.status_note.rfind("not computable: ", 0) == 0);
  CHECK(dec.status_note.find("xixian.pension_premium.amount_yuan") != std::string::npos);
}

TEST_CASE("xixian pension: premium paid for 困难群体 aged 16 to 59") {
  // Born 1978-03-01 (45), 低保, hukou 崇文镇 610423112: the grade, 200 yuan a year.
  const person p = make({.birth = "1978-03-01",
                         .hukou = "610423112",
                         .residence = "610423112",
                         .categories = {category::dibao}});
  const decision dec = at(pension, p, "2023-06-01", amount200);
  CHECK(dec.amount() == 200_yuan);
  CHECK(dec.granted->period() == benefit_period::per_year);
  // 建档立卡贫困户 and 特困 count too; no category does not.
  CHECK(at(pension, make({.birth = "1978-03-01", .categories = {category::poor_household}}), "2023-06-01",
           amount200)
            .eligible);
  CHECK(at(pension, make({.birth = "1978-03-01", .categories = {category::tekun}}), "2023-06-01", amount200)
            .eligible);
  CHECK_FALSE(at(pension, make({.birth = "1978-03-01", .categories = {category::low_income}}), "2023-06-01",
                 amount200)
                  .eligible);
  CHECK_FALSE(at(pension, make({.birth = "1978-03-01"}), "2023-06-01", amount200).eligible);
  // Hukou outside the new area: not covered even when living there and whatever xixian.membership says
  // (the insurance is joined at the hukou place).
  const person outside = make({.birth = "1978-03-01", .hukou = "610102001", .categories = {category::dibao}});
  CHECK_FALSE(at(pension, outside, "2023-06-01", amount200).eligible);
  CHECK_FALSE(at(pension, outside, "2023-06-01", with(amount200, "xixian.membership", "residence")).eligible);
  // Effective date (assumed 2020-01-01).
  CHECK(at(pension, p, "2019-12-31", amount200).status == decision_status::not_in_force);
  CHECK(at(pension, p, "2020-01-01", amount200).amount() == 200_yuan);
}

TEST_CASE("xixian pension: the 16th and 60th birthdays") {
  // Born 2007-09-10, 建档立卡: 16 on 2023-09-10.
  const person teen = make({.birth = "2007-09-10", .categories = {category::poor_household}});
  CHECK_FALSE(at(pension, teen, "2023-09-09", amount200).eligible);
  CHECK(at(pension, teen, "2023-09-09", amount200).would_be_eligible_on() == d("2023-09-10"));
  CHECK(at(pension, teen, "2023-09-10", amount200).amount() == 200_yuan);
  // Born 1963-04-02, 特困: 60 on 2023-04-02, when the pension is drawn and premiums stop.
  const person sixty = make({.birth = "1963-04-02", .categories = {category::tekun}});
  CHECK(at(pension, sixty, "2023-04-01", amount200).amount() == 200_yuan);
  CHECK_FALSE(at(pension, sixty, "2023-04-02", amount200).eligible);
  CHECK_FALSE(at(pension, sixty, "2023-04-02", amount200).would_be_eligible_on().has_value()); // never again
  // Day-after-birthday reading moves both edges by a day.
  const reading_set after = with(amount200, "age.reached", "day_after_birthday");
  CHECK_FALSE(at(pension, teen, "2023-09-10", after).eligible);
  CHECK(at(pension, sixty, "2023-04-02", after).eligible);
}

// ---------------------------------------------------------------------------------------------
// cn.shaanxi.xixian.planning_norms
// ---------------------------------------------------------------------------------------------

TEST_CASE("xixian norms: nursing-bed share ≥ 50% and welfare-lottery share ≥ 55%") {
  const catalog& c = standard_catalog();
  REQUIRE(c.at(norms).subject == subject_kind::area);
  REQUIRE(c.norms_for(norms).size() == 2);
  CHECK_THROWS_AS(c.policy_for(norms), lookup_error); // an area entry has no person policy
  service_area a{.id = "xixian", .region = rc("610404008")};
  a.institution_beds = 1000;
  a.nursing_beds = 480;
  a.welfare_lottery_funds = money::parse("10000000.00");
  a.welfare_lottery_eldercare = money::parse("5000000.00");
  auto r = c.assess(norms, a);
  REQUIRE(r.size() == 2);
  // 50% of 1000 = 500 nursing beds; 480 → gap 20.
  CHECK(r[0].norm_id == "nursing_bed_share");
  CHECK(r[0].required == 500);
  CHECK(r[0].gap == 20);
  CHECK_FALSE(r[0].met);
  CHECK(r[0].explanation.find("到2022年,新区养老机构护理型床位占比不低于50%") != std::string::npos);
  // 55% of 10,000,000.00 yuan = 5,500,000.00 yuan = 550,000,000 fen; 500,000,000 spent → gap 50,000,000 fen.
  CHECK(r[1].norm_id == "welfare_lottery_share");
  CHECK(r[1].required == 550000000);
  CHECK(r[1].gap == 50000000);
  CHECK(r[1].explanation.find("不低于55%") != std::string::npos);
  // Exactly on the norm: met.
  a.nursing_beds = 500;
  a.welfare_lottery_eldercare = money::parse("5500000.00");
  r = c.assess(norms, a);
  CHECK(r[0].met);
  CHECK(r[1].met);
}

TEST_CASE("xixian norms: shares are rounded up") {
  service_area a{.id = "xixian", .region = rc("610404008")};
  // 101 beds: 50.5 → 51 nursing beds required; 50 leaves a gap of 1, 51 meets it.
  a.institution_beds = 101;
  a.nursing_beds = 50;
  CHECK(standard_catalog().assess(norms, a)[0].required == 51);
  CHECK(standard_catalog().assess(norms, a)[0].gap == 1);
  a.nursing_beds = 51;
  CHECK(standard_catalog().assess(norms, a)[0].met);
  // 1,000.01 yuan = 100,001 fen: 55% = 55,000.55 fen → 55,001 fen required.
  a.welfare_lottery_funds = money::parse("1000.01");
  a.welfare_lottery_eldercare = money::parse("550.00");
  CHECK(standard_catalog().assess(norms, a)[1].required == 55001);
  CHECK(standard_catalog().assess(norms, a)[1].gap == 1);
  a.welfare_lottery_eldercare = money::parse("550.01");
  CHECK(standard_catalog().assess(norms, a)[1].met);
}

// ---------------------------------------------------------------------------------------------
// Catalog metadata and the shuffled batch
// ---------------------------------------------------------------------------------------------

TEST_CASE("xixian: entries are catalogued with citations, readings and provenance") {
  const catalog& c = standard_catalog();
  for (const char* id : {centre, subsidy, pension, norms}) {
    const catalog_entry& e = c.at(id);
    CHECK(e.source == "seeds/002_3366aee3d7778266.txt");
    CHECK_FALSE(e.summary.empty());
    CHECK_FALSE(e.examples.empty());
    for (const auto& name : e.readings) CHECK(c.find_reading(name) != nullptr);
  }
  // Every computable rule carries the plan's citation and parameters with provenance.
  const reading_set amounts{{"xixian.difficult_elder.amount_yuan", "100"},
                            {"xixian.pension_premium.amount_yuan", "200"}};
  for (const char* id : {centre, subsidy, pension}) {
    const policy p = c.policy_for(id, amounts);
    REQUIRE(p.status() == computability::computable);
    for (const auto& v : p.versions())
      for (const auto& r : v.rules) {
        CHECK(r.cite.document == "《西咸新区关于推进养老服务发展的实施方案》");
        CHECK(r.cite.source == "seeds/002_3366aee3d7778266.txt");
        CHECK_FALSE(r.cite.key_phrase.empty());
        CHECK_FALSE(r.parameters.empty());
      }
  }
  // Amount readings are free inputs (not enumerated by the sensitivity analysis); coordination is.
  CHECK_FALSE(c.find_reading("xixian.difficult_elder.amount_yuan")->enumerable);
  CHECK(c.find_reading("xixian.coordination")->default_choice == "choose_higher");
  CHECK(c.find_reading("xixian.coordination")->origin == provenance::sourced);
  // A chosen amount is reported as assumed (user-supplied).
  const policy chosen = c.policy_for(subsidy, amounts);
  const auto& params = chosen.versions().at(0).rules.at(0).parameters;
  CHECK(params.at(0).name == "amount");
  CHECK(params.at(0).value == "100.00 yuan per month");
  CHECK(params.at(0).origin == provenance::assumed);
}

TEST_CASE("xixian: all cases as one shuffled batch give the same answers") {
  struct batch_case {
    const char* id;
    person p;
    const char* on;
    reading_set r;
    std::optional<benefit> expected; // worked out by hand in the cases above
  };
  const category_set dibao{category::dibao};
  std::vector<batch_case> cases = {
      {centre, make({.categories = dibao}), "2023-06-01", {}, one_place},
      {centre, make({.hukou = "610102001", .categories = dibao}), "2023-06-01", {}, std::nullopt},
      {centre,
       make({.hukou = "610102001", .categories = dibao}),
       "2023-06-01",
       {{"xixian.membership", "residence"}},
       one_place},
      {centre, make({.rural = false, .categories = dibao}), "2023-06-01", {}, std::nullopt},
      {centre,
       make({.categories = dibao, .health = {.mental_illness = true}}),
       "2023-06-01",
       {},
       std::nullopt},
      {centre,
       make({.categories = dibao, .health = {.infectious_disease = true}}),
       "2023-06-01",
       {},
       std::nullopt},
      {centre, make({.birth = "1943-08-20"}), "2023-08-19", {}, std::nullopt},
      {centre, make({.birth = "1943-08-20"}), "2023-08-20", {}, one_place},
      {centre, make({.level = 1}), "2023-06-01", {}, one_place},
      {centre, make({.level = 1}), "2023-06-01", {{"xixian.semi_disabled_level", "2"}}, std::nullopt},
      {centre, make({.categories = dibao}), "2019-12-31", {}, std::nullopt},
      {subsidy, make({.birth = "1942-05-01", .hukou = "610112008", .categories = dibao}), "2022-04-30",
       amount100, std::nullopt},
      {subsidy, make({.birth = "1942-05-01", .hukou = "610112008", .categories = dibao}), "2022-05-01",
       amount100, money_per_month(100_yuan)},
      {subsidy, make({.birth = "1955-02-02", .categories = dibao, .level = 3}), "2023-06-01", amount100,
       money_per_month(100_yuan)},
      {subsidy, make({.birth = "1955-02-02", .categories = dibao, .level = 2}), "2023-06-01", amount100,
       std::nullopt},
      {subsidy, make({.birth = "1938-01-01", .categories = {category::tekun}}), "2023-06-01",
       with(amount100, "xixian.economic_difficulty", "dibao_low_income"), std::nullopt},
      {subsidy,
       make({.birth = "1940-01-01", .categories = dibao}),
       "2023-06-01",
       {},
       std::nullopt}, // not computable
      {pension, make({.birth = "1978-03-01", .categories = dibao}), "2023-06-01", amount200,
       money_per_year(200_yuan)},
      {pension, make({.birth = "2007-09-10", .categories = {category::poor_household}}), "2023-09-09",
       amount200, std::nullopt},
      {pension, make({.birth = "2007-09-10", .categories = {category::poor_household}}), "2023-09-10",
       amount200, money_per_year(200_yuan)},
      {pension, make({.birth = "1963-04-02", .categories = {category::tekun}}), "2023-04-02", amount200,
       std::nullopt},
  };
  auto run = [&](const batch_case& k) { return at(k.id, k.p, k.on, k.r).granted; };
  std::vector<std::optional<benefit>> in_order;
  for (const auto& k : cases) in_order.push_back(run(k));
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i << ": " << cases[i].id << " on " << cases[i].on);
    CHECK(in_order[i] == cases[i].expected);
  }
  std::vector<std::size_t> order(cases.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(20020002U);
  std::shuffle(order.begin(), order.end(), rng);
  for (const std::size_t i : order) {
    INFO("shuffled case " << i << ": " << cases[i].id << " on " << cases[i].on);
    CHECK(run(cases[i]) == cases[i].expected);
  }
}
