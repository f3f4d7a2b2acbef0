// Seed 001 (威海, 2022-10-15): cn.shandong.weihai.home_care_purchase, .platform_phone_subsidy,
// .caregiver_post_subsidy and cn.shandong.rongcheng.rural_free_lunch. Expected values are worked out
// by hand from seed 001, DOMAIN.md E.3 (威民发〔2018〕161号) and the Civil Code (comments next to each
// check), never copied from the code's output.
#include <catch2/catch.hpp>

#include <algorithm> // std::shuffle
#include <functional>
#include <random> // std::mt19937: the batch order is shuffled with a fixed seed
#include <string>
#include <vector>

#include "eldercare/catalog/shandong/weihai_home_care_purchase.hpp" // weihai_home_care_value: not in the umbrella when the catalog is compiled once
#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

const char* const home_care = "cn.shandong.weihai.home_care_purchase";
const char* const phone = "cn.shandong.weihai.platform_phone_subsidy";
const char* const caregiver = "cn.shandong.weihai.caregiver_post_subsidy";
const char* const lunch = "cn.shandong.rongcheng.rural_free_lunch";

assessment gbt(int level, const char* on = "2022-01-10", std::optional<date> until = std::nullopt) {
  return assessment(ability_scale::gbt_42195_2022, ability_level(level), d(on), until);
}
assessment tekun_rating(int items_not_possible) {
  // The 特困 six-item rating carries no GB/T level of its own: 0 is recorded, the raw count decides.
  return assessment(ability_scale::tekun_self_care, ability_level::intact, d("2022-01-10"), std::nullopt,
                    items_not_possible);
}

/// A Weihai (环翠 371002) elder born 1947-05-20, living at home.
person weihai_elder(category_set cats, std::optional<assessment> a, const char* birth = "1947-05-20",
                    const char* hukou = "371002") {
  return person{.id = "w1",
                .birth_date = d(birth),
                .hukou = {rc(hukou), std::nullopt},
                .residence = {rc("371002"), false},
                .ability = std::move(a),
                .categories = cats};
}

decision care(const person& p, const char* on, const reading_set& r = {}) {
  return standard_catalog().evaluate(home_care, p, d(on), nullptr, r);
}
/// Granted service hours per month; -1 when nothing is granted.
long long hours(const decision& dec) {
  if (!dec.granted) return -1;
  REQUIRE(dec.granted->unit() == benefit_unit::service_hours);
  REQUIRE(dec.granted->period() == benefit_period::per_month);
  return dec.granted->quantity();
}

person platform_elder(const char* id, bool enrolled, const char* residence = "371082",
                      const char* hukou = "371082", const char* birth = "1950-01-01") {
  person p{.id = id,
           .birth_date = d(birth),
           .hukou = {rc(hukou), std::nullopt},
           .residence = {rc(residence), false}};
  if (enrolled) p.programmes = {"weihai.virtual_platform"};
  return p;
}
decision household_phone(const household& h, const char* on, const reading_set& r = {}) {
  return evaluate(standard_catalog().policy_for(phone, r), h, d(on));
}

worker care_worker(const char* hired, std::optional<int> skill, const char* workplace = "371082") {
  return worker{.id = "cw1",
                .employer_id = "E1",
                .workplace = rc(workplace),
                .hired_on = d(hired),
                .skill_level = skill,
                .care_worker = true};
}
// Most caregiver cases below use the third-party page's conditions and levels, a reading since issue
// 13 (the default follows the seed: conditions and amount as inputs, see "...follows the seed").
decision post_subsidy(const worker& w, const char* on, reading_set r = {}) {
  if (!r.has("weihai.caregiver.conditions")) r.set("weihai.caregiver.conditions", "third_party_page");
  return evaluate(standard_catalog().worker_policy_for(caregiver, r), w, d(on));
}

/// An elder born 1942-03-10 who lives in a Rongcheng (371082) village, hukou there too, registered
/// with the village's 暖心食堂 (since issue 13 the default asks for it: 65% of villages have one).
person rural_elder(const char* birth = "1942-03-10", const char* residence = "371082", bool rural = true,
                   const char* hukou = "371082", bool canteen = true) {
  person p{.id = "r1",
           .birth_date = d(birth),
           .hukou = {rc(hukou), std::nullopt},
           .residence = {rc(residence), rural}};
  if (canteen) p.programmes = {"rongcheng.warm_canteen"};
  return p;
}
decision meal(const person& p, const char* on, const reading_set& r = {}) {
  return standard_catalog().evaluate(lunch, p, d(on), nullptr, r);
}
long long meals(const decision& dec) {
  if (!dec.granted) return -1;
  REQUIRE(dec.granted->unit() == benefit_unit::meals);
  REQUIRE(dec.granted->period() == benefit_period::per_day);
  return dec.granted->quantity();
}
} // namespace

// ---------------------------------------------------------------------------------------------
// cn.shandong.weihai.home_care_purchase
// ---------------------------------------------------------------------------------------------

TEST_CASE("weihai home care: the three hour tiers of 威民发〔2018〕161号") {
  // 低保 + 重度 (GB/T level 3) at home, 75: 60 h. 特困 + level 4 (完全失能, more than 重度): 60 h.
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(3)), "2022-10-15")) == 60);
  CHECK(hours(care(weihai_elder({category::tekun}, gbt(4)), "2022-10-15")) == 60);
  // 低保 / 特困 + 中度 (level 2): 45 h.
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(2)), "2022-10-15")) == 45);
  CHECK(hours(care(weihai_elder({category::tekun}, gbt(2)), "2022-10-15")) == 45);
  // 重度 优抚 / 计生特扶 / model worker / pre-1949 Party member: 30 h.
  CHECK(hours(care(weihai_elder({category::youfu}, gbt(3)), "2022-10-15")) == 30);
  CHECK(hours(care(weihai_elder({category::jisheng_tefu}, gbt(4)), "2022-10-15")) == 30);
  CHECK(hours(care(weihai_elder({category::model_worker}, gbt(3)), "2022-10-15")) == 30);
  CHECK(hours(care(weihai_elder({category::pre_1949_party_member}, gbt(3)), "2022-10-15")) == 30);
  // One tier per elder, the first that holds: a 重度 低保 elder who is also 优抚 gets 60, not 90.
  const decision both = care(weihai_elder({category::dibao, category::youfu}, gbt(3)), "2022-10-15");
  CHECK(hours(both) == 60);
  REQUIRE(both.granting_rules.size() == 1);
  CHECK(both.granting_rules.front() == "hardship_severe");
  // A 中度 低保 elder who is also 计生特扶: 45 (the 30-hour tier needs 重度 anyway).
  CHECK(hours(care(weihai_elder({category::dibao, category::jisheng_tefu}, gbt(2)), "2022-10-15")) == 45);
}

TEST_CASE("weihai home care: each condition fails on its own") {
  // Not Weihai hukou (朝阳 110105), otherwise a 60-hour case.
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(3), "1947-05-20", "110105"), "2022-10-15")) == -1);
  // Legacy 文登市 371081 (now 文登区 371003) is in Weihai either way.
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(3), "1947-05-20", "371081"), "2022-10-15")) == 60);
  // Not in any category of the notice (低收入 is not 低保).
  CHECK(hours(care(weihai_elder({}, gbt(3)), "2022-10-15")) == -1);
  CHECK(hours(care(weihai_elder({category::low_income}, gbt(4)), "2022-10-15")) == -1);
  // 低保 but level 1 (轻度) or 0: no tier under the default scale; no assessment at all: nothing.
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(1)), "2022-10-15")) == -1);
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(0)), "2022-10-15")) == -1);
  CHECK(hours(care(weihai_elder({category::dibao}, std::nullopt), "2022-10-15")) == -1);
  // A 中度 优抚 / 计生特扶 elder gets nothing: their 30 hours are for 重度 only.
  CHECK(hours(care(weihai_elder({category::youfu}, gbt(2)), "2022-10-15")) == -1);
  CHECK(hours(care(weihai_elder({category::jisheng_tefu}, gbt(2)), "2022-10-15")) == -1);
  // Living in an institution (集中供养) is not living at home; the discharge day is still inside.
  person in = weihai_elder({category::tekun}, gbt(3));
  in.stays = {stay("WH-home", d("2022-09-01"), d("2022-10-14"))};
  CHECK(hours(care(in, "2022-10-14")) == -1); // in the institution (discharge day included)
  CHECK(hours(care(in, "2022-10-15")) == 60); // home the next day
}

TEST_CASE("weihai home care: boundary days — 60th birthday, assessment dates, effective date") {
  // Born 1962-10-16: 60 周岁 on 2022-10-16 (on the birthday, the default age.reached).
  const person young = weihai_elder({category::dibao}, gbt(3), "1962-10-16");
  CHECK(hours(care(young, "2022-10-15")) == -1);
  CHECK(care(young, "2022-10-15").would_be_eligible_on() == d("2022-10-16"));
  CHECK(hours(care(young, "2022-10-16")) == 60);
  // day_after_birthday: 60 only on 2022-10-17.
  const reading_set day_after{{"age.reached", "day_after_birthday"}};
  CHECK(hours(care(young, "2022-10-16", day_after)) == -1);
  CHECK(hours(care(young, "2022-10-17", day_after)) == 60);
  // The assessment holds from its day: assessed 2022-10-15 → nothing on 10-14, 60 on 10-15.
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(3, "2022-10-15")), "2022-10-14")) == -1);
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(3, "2022-10-15")), "2022-10-15")) == 60);
  // ...and until its valid_until: valid to 2022-10-14 → 60 that day, nothing on 10-15.
  const person expired = weihai_elder({category::dibao}, gbt(3, "2021-10-15", d("2022-10-14")));
  CHECK(hours(care(expired, "2022-10-14")) == 60);
  CHECK(hours(care(expired, "2022-10-15")) == -1);
  // Effective from 2018-01-01 (assumed: the notice's year).
  const person p = weihai_elder({category::dibao}, gbt(3, "2017-06-01"));
  CHECK(care(p, "2017-12-31").status == decision_status::not_in_force);
  CHECK(hours(care(p, "2018-01-01")) == 60);
}

TEST_CASE("weihai home care: the dependency scale reading (open question 11)") {
  const reading_set broad{{"weihai.dependency_scale", "gbt_broad"}};
  const reading_set tekun{{"weihai.dependency_scale", "tekun_self_care"}};
  // Level 1 (轻度): nothing by default, 45 h when 半失能 = levels 1-2.
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(1)), "2022-10-15")) == -1);
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(1)), "2022-10-15", broad)) == 45);
  // Level 2 and 3 are the same under both GB/T readings.
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(2)), "2022-10-15", broad)) == 45);
  CHECK(hours(care(weihai_elder({category::dibao}, gbt(3)), "2022-10-15", broad)) == 60);
  // 特困 six items: 4+ not possible = 完全丧失 → 60; 1-3 = 部分丧失 → 45; 0 → nothing.
  CHECK(hours(care(weihai_elder({category::tekun}, tekun_rating(4)), "2022-10-15", tekun)) == 60);
  CHECK(hours(care(weihai_elder({category::tekun}, tekun_rating(6)), "2022-10-15", tekun)) == 60);
  CHECK(hours(care(weihai_elder({category::tekun}, tekun_rating(3)), "2022-10-15", tekun)) == 45);
  CHECK(hours(care(weihai_elder({category::tekun}, tekun_rating(1)), "2022-10-15", tekun)) == 45);
  CHECK(hours(care(weihai_elder({category::tekun}, tekun_rating(0)), "2022-10-15", tekun)) == -1);
  CHECK(hours(care(weihai_elder({category::youfu}, tekun_rating(5)), "2022-10-15", tekun)) == 30);
  // Under the six-item reading a GB/T assessment is not the scale asked for; and vice versa the
  // six-item record's GB/T field (0) gives nothing under the default.
  CHECK(hours(care(weihai_elder({category::tekun}, gbt(4)), "2022-10-15", tekun)) == -1);
  CHECK(hours(care(weihai_elder({category::tekun}, tekun_rating(6)), "2022-10-15")) == -1);
  const std::string text = explain(care(weihai_elder({category::tekun}, gbt(4)), "2022-10-15", tekun));
  CHECK(text.find("not on the 特困 six-item scale") != std::string::npos);
}

TEST_CASE("weihai home care: the purchase price makes the hours costable") {
  const catalog& c = standard_catalog();
  const decision d60 = care(weihai_elder({category::dibao}, gbt(3)), "2022-10-15");
  const decision d45 = care(weihai_elder({category::dibao}, gbt(2)), "2022-10-15");
  const decision d30 = care(weihai_elder({category::youfu}, gbt(3)), "2022-10-15");
  const decision none = care(weihai_elder({}, gbt(3)), "2022-10-15");
  // At the notice's floor of 20 yuan/hour: 60 × 20 = 1,200; 45 × 20 = 900; 30 × 20 = 600; nothing = 0.
  CHECK(catalog_entries::weihai_home_care_value(c, d60) == 1200_yuan);
  CHECK(catalog_entries::weihai_home_care_value(c, d45) == 900_yuan);
  CHECK(catalog_entries::weihai_home_care_value(c, d30) == 600_yuan);
  CHECK(catalog_entries::weihai_home_care_value(c, none) == money());
  // At 22.50 yuan/hour: 60 × 2,250 fen = 135,000 fen = 1,350.00 yuan (exact, no rounding).
  const reading_set price{{"weihai.hour_price_yuan", "22.50"}};
  CHECK(catalog_entries::weihai_home_care_value(c, d60, price) == 1350_yuan);
  // Below the floor is refused, naming the reading; a non-money benefit is refused too.
  CHECK_THROWS_WITH(
      catalog_entries::weihai_home_care_value(c, d60, reading_set{{"weihai.hour_price_yuan", "19.99"}}),
      Catch::Contains("weihai.hour_price_yuan") && Catch::Contains("20"));
  CHECK_THROWS_AS(c.policy_for(home_care, reading_set{{"weihai.hour_price_yuan", "15"}}), invalid_value);
  CHECK_THROWS_AS(catalog_entries::home_care_value(money_per_month(10_yuan), 20_yuan), invalid_value);
  // The policy's parameters carry the price (sourced) and the derived monthly value.
  const policy p = c.policy_for(home_care);
  const auto& rules = p.versions().front().rules;
  REQUIRE(rules.size() == 3);
  auto param = [](const rule& r, const char* name) -> const parameter_info* {
    for (const auto& x : r.parameters)
      if (x.name == name) return &x;
    return nullptr;
  };
  REQUIRE(param(rules[0], "hour_price"));
  CHECK(param(rules[0], "hour_price")->value == "20.00 yuan per hour");
  CHECK(param(rules[0], "hour_price")->origin == provenance::sourced);
  CHECK(param(rules[0], "value")->value == "1200.00 yuan per month");
  CHECK(param(rules[0], "value")->origin == provenance::derived);
  CHECK(param(rules[1], "value")->value == "900.00 yuan per month");
  CHECK(param(rules[2], "value")->value == "600.00 yuan per month");
  // A chosen price changes the built policy: 30 h × 25 = 750, and the price is no longer "sourced".
  const policy p25 = c.policy_for(home_care, reading_set{{"weihai.hour_price_yuan", "25"}});
  CHECK(param(p25.versions().front().rules[2], "value")->value == "750.00 yuan per month");
  CHECK(param(p25.versions().front().rules[2], "hour_price")->origin == provenance::assumed);
}

TEST_CASE("weihai home care: the explanation cites the seed and the notice") {
  const std::string text = explain(care(weihai_elder({category::dibao}, gbt(2)), "2022-10-15"));
  CHECK(text.find("ELIGIBLE for 45 service hours per month") != std::string::npos);
  CHECK(text.find("每月提供30-60小时的居家养老服务") != std::string::npos);
  CHECK(text.find("威民发〔2018〕161号") != std::string::npos);
  CHECK(text.find("hukou.region = 371002") != std::string::npos);
  const decision no = care(weihai_elder({category::youfu}, gbt(2)), "2022-10-15");
  CHECK(no.first_failing_condition().find("in category") != std::string::npos); // 60-hour tier: not 特困/低保
}

// ---------------------------------------------------------------------------------------------
// cn.shandong.weihai.platform_phone_subsidy
// ---------------------------------------------------------------------------------------------

TEST_CASE("weihai phone subsidy: 10 yuan a month per household, not per person") {
  // 每月每户补贴10元: two enrolled elders in one household → 10 yuan, once.
  const household two{"h1", {platform_elder("a", true), platform_elder("b", true)}};
  const decision both = household_phone(two, "2022-10-15");
  CHECK(both.eligible);
  CHECK(both.amount() == 10_yuan);
  CHECK(both.granted->period() == benefit_period::per_month);
  CHECK(both.granting_rules.size() == 1);
  // One member enrolled is enough for the household.
  const household one{"h2", {platform_elder("a", false), platform_elder("b", true)}};
  CHECK(household_phone(one, "2022-10-15").amount() == 10_yuan);
  // Nobody enrolled: nothing; an empty household: nothing.
  const household none{"h3", {platform_elder("a", false), platform_elder("b", false)}};
  CHECK_FALSE(household_phone(none, "2022-10-15").eligible);
  CHECK_FALSE(household_phone(household{"h4", {}}, "2022-10-15").eligible);
  // Evaluated for one enrolled person: the household's 10 yuan.
  CHECK(standard_catalog().evaluate(phone, platform_elder("a", true), d("2022-10-15")).amount() == 10_yuan);
  CHECK(standard_catalog().at(phone).subject == subject_kind::household);
  CHECK(standard_catalog().policy_for(phone).versions().front().paid_to == payee::household);
}

TEST_CASE("weihai phone subsidy: effective date and the conditions reading") {
  const household h{"h1", {platform_elder("a", true)}};
  // Known from the seed's date 2022-10-15; the platform ran earlier (十年来), so the day before is
  // undetermined (issue 13: before, "not in force").
  CHECK(household_phone(h, "2022-10-14").status == decision_status::undetermined);
  CHECK(household_phone(h, "2022-10-14").status_note.find("scheme known from 2022-10-15") !=
        std::string::npos);
  CHECK(household_phone(h, "2022-10-15").amount() == 10_yuan);
  const reading_set resident{{"weihai.platform_conditions", "resident_60"}};
  const reading_set hukou{{"weihai.platform_conditions", "hukou_60"}};
  // An enrolled elder who lives in 朝阳 110105 with Weihai hukou: yes by default and under hukou_60,
  // no under resident_60.
  const household away{"h5", {platform_elder("a", true, "110105", "371082")}};
  CHECK(household_phone(away, "2022-10-15").amount() == 10_yuan);
  CHECK_FALSE(household_phone(away, "2022-10-15", resident).eligible);
  CHECK(household_phone(away, "2022-10-15", hukou).amount() == 10_yuan);
  // Lives in 荣成 with 朝阳 hukou: yes under resident_60, no under hukou_60.
  const household migrant{"h6", {platform_elder("a", true, "371082", "110105")}};
  CHECK(household_phone(migrant, "2022-10-15", resident).amount() == 10_yuan);
  CHECK_FALSE(household_phone(migrant, "2022-10-15", hukou).eligible);
  // Age 60 under resident_60: born 1962-10-16 → 60 on 2022-10-16. Enrolment alone ignores age.
  const household young{"h7", {platform_elder("a", true, "371082", "371082", "1962-10-16")}};
  CHECK(household_phone(young, "2022-10-15").amount() == 10_yuan);
  CHECK_FALSE(household_phone(young, "2022-10-15", resident).eligible);
  CHECK(household_phone(young, "2022-10-16", resident).amount() == 10_yuan);
  // With a not-enrolled 70-year-old living in Weihai: never, whatever the reading.
  const household not_enrolled{"h8", {platform_elder("a", false)}};
  CHECK_FALSE(household_phone(not_enrolled, "2022-10-15", resident).eligible);
  CHECK_FALSE(household_phone(not_enrolled, "2022-10-15", hukou).eligible);
}

TEST_CASE("weihai phone subsidy: the explanation cites the seed") {
  const std::string text =
      explain(household_phone(household{"h1", {platform_elder("a", false)}}, "2022-10-15"));
  CHECK(text.find("NOT ELIGIBLE") != std::string::npos);
  CHECK(text.find("并每月每户补贴10元话费") != std::string::npos);
  CHECK(text.find("weihai.virtual_platform") != std::string::npos);
  CHECK(text.find("programmes = none") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// cn.shandong.weihai.caregiver_post_subsidy (a worker entry)
// ---------------------------------------------------------------------------------------------

TEST_CASE("weihai caregiver subsidy: one-off amounts by skill level up to the 10,000 cap") {
  // Hired 2019-03-01: three years complete on 2022-03-01, before the assumed start 2022-10-15.
  CHECK(post_subsidy(care_worker("2019-03-01", 5), "2022-10-15").amount() == 5000_yuan);  // 初级工
  CHECK(post_subsidy(care_worker("2019-03-01", 4), "2022-10-15").amount() == 7000_yuan);  // 中级工
  CHECK(post_subsidy(care_worker("2019-03-01", 3), "2022-10-15").amount() == 10000_yuan); // 高级工
  CHECK(post_subsidy(care_worker("2019-03-01", 1), "2022-10-15").amount() == 10000_yuan); // 高级技师: capped
  const decision dec = post_subsidy(care_worker("2019-03-01", 3), "2022-10-15");
  CHECK(dec.granted->period() == benefit_period::one_off);
  CHECK(standard_catalog().at(caregiver).subject == subject_kind::worker);
  // Not a person entry.
  CHECK_THROWS_AS(standard_catalog().policy_for(caregiver), lookup_error);
}

TEST_CASE("weihai caregiver subsidy: each condition fails on its own") {
  // No certificate.
  CHECK_FALSE(post_subsidy(care_worker("2019-03-01", std::nullopt), "2022-10-15").eligible);
  // Not a care worker (e.g. an administrator at the same home).
  worker admin = care_worker("2019-03-01", 3);
  admin.care_worker = false;
  CHECK_FALSE(post_subsidy(admin, "2022-10-15").eligible);
  // The job is outside Weihai (朝阳 110105).
  CHECK_FALSE(post_subsidy(care_worker("2019-03-01", 3, "110105"), "2022-10-15").eligible);
  // Left the job on 2022-10-14: not employed on 10-15. Left on 10-15: still employed that day.
  worker left = care_worker("2019-03-01", 3);
  left.left_on = d("2022-10-14");
  CHECK_FALSE(post_subsidy(left, "2022-10-15").eligible);
  CHECK_FALSE(post_subsidy(left, "2022-10-15").would_be_eligible_on().has_value());
  left.left_on = d("2022-10-15");
  CHECK(post_subsidy(left, "2022-10-15").amount() == 10000_yuan);
}

TEST_CASE("weihai caregiver subsidy: boundary days — three years in post, effective date") {
  // Hired 2019-10-15: art. 201-202 → three years complete on 2022-10-15.
  CHECK(post_subsidy(care_worker("2019-10-15", 4), "2022-10-15").amount() == 7000_yuan);
  // Hired 2019-10-16 → complete 2022-10-16: nothing the day before, 7,000 on it.
  const worker late = care_worker("2019-10-16", 4);
  CHECK_FALSE(post_subsidy(late, "2022-10-15").eligible);
  CHECK(post_subsidy(late, "2022-10-15").would_be_eligible_on() == d("2022-10-16"));
  CHECK(post_subsidy(late, "2022-10-16").amount() == 7000_yuan);
  // Hired 2020-02-29: three years end on 2023-02-28 (no 02-29 in 2023; art. 202 → month's last day).
  const worker leap = care_worker("2020-02-29", 4);
  CHECK_FALSE(post_subsidy(leap, "2023-02-27").eligible);
  CHECK(post_subsidy(leap, "2023-02-28").amount() == 7000_yuan);
  // Known from the seed's date 2022-10-15 (an established system then): earlier is undetermined
  // (issue 13: before, "not in force").
  CHECK(post_subsidy(care_worker("2015-01-01", 3), "2022-10-14").status == decision_status::undetermined);
  CHECK(post_subsidy(care_worker("2015-01-01", 3), "2022-10-15").amount() == 10000_yuan);
}

TEST_CASE("weihai caregiver subsidy: readings change the answer") {
  const reading_set one_year{{"weihai.caregiver.years_in_post", "1"}};
  // The cap to every qualifying worker is the seed's reading with the amount given (issue 13: the
  // reading weihai.caregiver.amount = cap became seed_only with weihai.caregiver.amount_yuan = 10000).
  const reading_set cap{{"weihai.caregiver.conditions", "seed_only"},
                        {"weihai.caregiver.amount_yuan", "10000"}};
  // Hired 2021-10-15: one year complete on 2022-10-15 → 7,000 under years_in_post=1, nothing by default.
  const worker newer = care_worker("2021-10-15", 4);
  CHECK_FALSE(post_subsidy(newer, "2022-10-15").eligible);
  CHECK(post_subsidy(newer, "2022-10-15", one_year).amount() == 7000_yuan);
  CHECK_FALSE(post_subsidy(care_worker("2021-10-16", 4), "2022-10-15", one_year).eligible);
  // The cap to everyone qualified: an 初级工 recorded as qualified gets 10,000 instead of 5,000; under the
  // seed's reading the certificate is not a condition (the city's finding is), so one without a
  // certificate but qualified gets it too, and an unqualified one nothing.
  worker junior = care_worker("2019-03-01", 5);
  junior.programmes = {"weihai.caregiver.qualified"};
  CHECK(post_subsidy(junior, "2022-10-15", cap).amount() == 10000_yuan);
  CHECK_FALSE(post_subsidy(care_worker("2019-03-01", 5), "2022-10-15", cap).eligible);
  worker uncertified = care_worker("2019-03-01", std::nullopt);
  uncertified.programmes = {"weihai.caregiver.qualified"};
  CHECK(post_subsidy(uncertified, "2022-10-15", cap).amount() == 10000_yuan);
  const std::string text = explain(post_subsidy(care_worker("2019-10-16", 4), "2022-10-15"));
  CHECK(text.find("市级最高给予1万元一次性补助") != std::string::npos);
  CHECK(text.find("hired_on = 2019-10-16") != std::string::npos);
  CHECK(text.find("would be met on 2022-10-16") != std::string::npos);
}

TEST_CASE("weihai caregiver subsidy: the default follows the seed — conditions and amount are inputs") {
  // 「对符合条件的人员,市级最高给予1万元一次性补助」: who qualifies and how much (at most 10,000) are not
  // stated. Without the amount the entry is not computable, and says what to give.
  const catalog& c = standard_catalog();
  const basic_policy<worker> bare = c.worker_policy_for(caregiver);
  CHECK(bare.status() == computability::announced);
  CHECK(bare.missing().find("weihai.caregiver.amount_yuan") != std::string::npos);
  worker w = care_worker("2021-06-01", std::nullopt);
  const decision none = evaluate(bare, w, d("2023-01-01"));
  CHECK(none.status == decision_status::not_computable);
  // With the amount given: a care worker in Weihai whom the city found qualified gets it once, whatever
  // the certificate or the years in post (the seed names neither); one not found qualified gets nothing.
  const reading_set given{{"weihai.caregiver.amount_yuan", "8000"}};
  const basic_policy<worker> p = c.worker_policy_for(caregiver, given);
  CHECK_FALSE(evaluate(p, w, d("2023-01-01")).eligible);
  w.programmes = {"weihai.caregiver.qualified"};
  const decision yes = evaluate(p, w, d("2023-01-01"));
  CHECK(yes.amount() == 8000_yuan);
  CHECK(yes.granted->period() == benefit_period::one_off);
  // Boundary of the known start: 2022-10-15 decided, the day before undetermined.
  CHECK(evaluate(p, w, d("2022-10-15")).amount() == 8000_yuan);
  CHECK(evaluate(p, w, d("2022-10-14")).status == decision_status::undetermined);
  // The cap bounds the input: 10,000 is accepted, 10,000.01 and 0 are refused, naming the reading.
  CHECK(evaluate(c.worker_policy_for(caregiver, reading_set{{"weihai.caregiver.amount_yuan", "10000"}}), w,
                 d("2023-01-01"))
            .amount() == 10000_yuan);
  CHECK_THROWS_WITH(c.worker_policy_for(caregiver, reading_set{{"weihai.caregiver.amount_yuan", "10000.01"}}),
                    Catch::Contains("readings.weihai.caregiver.amount_yuan") && Catch::Contains("10000.01"));
  CHECK_THROWS_AS(c.worker_policy_for(caregiver, reading_set{{"weihai.caregiver.amount_yuan", "0"}}),
                  invalid_value);
  // The third-party page's 10,000 level is assumed, with its source; the seed's cap is stated.
  const basic_policy<worker> page =
      c.worker_policy_for(caregiver, reading_set{{"weihai.caregiver.conditions", "third_party_page"}});
  for (const auto& r : page.versions().front().rules)
    for (const auto& prm : r.parameters) {
      if (prm.name == "amount") {
        CHECK(prm.origin == provenance::assumed);
        CHECK(prm.note.find("jingyanla.com") != std::string::npos);
      }
      if (prm.name == "cap") CHECK(prm.origin == provenance::stated);
    }
}

// ---------------------------------------------------------------------------------------------
// cn.shandong.weihai.platform_free_phone and cn.shandong.weihai.planning_norms
// ---------------------------------------------------------------------------------------------

TEST_CASE("weihai free phone: one device per household, once; undetermined before the report") {
  // 「按户免费赠送话机」: a phone per household of enrolled elders, in kind.
  const catalog& c = standard_catalog();
  const char* free_phone = "cn.shandong.weihai.platform_free_phone";
  const policy p = c.policy_for(free_phone);
  const household two{"h1", {platform_elder("a", true), platform_elder("b", true)}};
  const decision dec = evaluate(p, two, d("2022-10-15"));
  REQUIRE(dec.granted.has_value());
  CHECK(dec.granted->unit() == benefit_unit::device);
  CHECK(dec.granted->period() == benefit_period::one_off);
  CHECK(dec.granted->quantity() == 1);
  CHECK_FALSE(evaluate(p, household{"h2", {platform_elder("a", false)}}, d("2022-10-15")).eligible);
  CHECK(evaluate(p, two, d("2022-10-14")).status == decision_status::undetermined);
  // Scheduled: September 2022 (tested on 09-30) is undetermined, October delivers the phone, November
  // nothing more.
  const auto lines = schedule(p, two, d("2022-09-01"), d("2022-11-30"));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].status == decision_status::undetermined);
  CHECK((lines[1].quantity == 1 && lines[2].quantity == 0));
  CHECK(lines[2].eligible);
  CHECK(c.at(free_phone).subject == subject_kind::household);
}

TEST_CASE("weihai planning norm: at least 50% of the welfare-lottery funds to eldercare") {
  // 「每年安排50%以上福彩公益金用于养老服务发展」: 50%以上 includes 50% (art. 1259). 10,000,000.00 yuan of
  // funds need 5,000,000.00; 4,800,000.00 leaves a gap of 200,000.00 (in fen: 20,000,000).
  service_area a{.id = "weihai", .region = rc("371000")};
  a.welfare_lottery_funds = 10'000'000_yuan;
  a.welfare_lottery_eldercare = 4'800'000_yuan;
  const auto r = standard_catalog().assess("cn.shandong.weihai.planning_norms", a);
  REQUIRE(r.size() == 1);
  CHECK(r[0].required == (5'000'000_yuan).fen());
  CHECK(r[0].gap == (200'000_yuan).fen());
  a.welfare_lottery_eldercare = 5'000'000_yuan; // exactly half: met
  CHECK(standard_catalog().assess("cn.shandong.weihai.planning_norms", a)[0].met);
  a.welfare_lottery_funds = money::from_fen(100001); // 1,000.01 yuan → ceil(50,000.5) = 50,001 fen
  a.welfare_lottery_eldercare = money::from_fen(50000);
  CHECK(standard_catalog().assess("cn.shandong.weihai.planning_norms", a)[0].gap == 1);
}

// ---------------------------------------------------------------------------------------------
// cn.shandong.rongcheng.rural_free_lunch
// ---------------------------------------------------------------------------------------------

TEST_CASE("rongcheng free lunch: rural elders aged 80+, from the 80th birthday") {
  // Born 1942-03-10: 80 on 2022-03-10.
  const person p = rural_elder();
  CHECK(meals(meal(p, "2022-03-09")) == -1);
  CHECK(meal(p, "2022-03-09").would_be_eligible_on() == d("2022-03-10"));
  CHECK(meals(meal(p, "2022-03-10")) == 1);
  CHECK(meals(meal(p, "2022-10-15")) == 1);
  // Living in a town (urban residence) in Rongcheng: no. Living in a 乳山 371083 village: no.
  CHECK(meals(meal(rural_elder("1942-03-10", "371082", false), "2022-10-15")) == -1);
  CHECK(meals(meal(rural_elder("1942-03-10", "371083", true), "2022-10-15")) == -1);
  // Hukou elsewhere (环翠 371002), living in a Rongcheng village: yes by default (rural by residence).
  CHECK(meals(meal(rural_elder("1942-03-10", "371082", true, "371002"), "2022-10-15")) == 1);
  // Known from 2021-05-11 (the earliest report, DOMAIN.md E.3), an 85-year-old; the canteens ran
  // earlier, so the day before is undetermined (issue 13: before, "not in force").
  const person old = rural_elder("1936-01-01");
  CHECK(meal(old, "2021-05-10").status == decision_status::undetermined);
  CHECK(meals(meal(old, "2021-05-11")) == 1);
}

TEST_CASE("rongcheng free lunch: the age reference reading (open question 12)") {
  const person p = rural_elder(); // 80 on 2022-03-10
  const reading_set jan1{{"rongcheng.age_reference", "by_january_1"}};
  const reading_set year{{"rongcheng.age_reference", "during_year"}};
  // by 1 January: not 80 on 2022-01-01 → not in 2022; from 2023-01-01.
  CHECK(meals(meal(p, "2022-03-10", jan1)) == -1);
  CHECK(meals(meal(p, "2022-12-31", jan1)) == -1);
  CHECK(meal(p, "2022-12-31", jan1).would_be_eligible_on() == d("2023-01-01"));
  CHECK(meals(meal(p, "2023-01-01", jan1)) == 1);
  // Born 1942-01-01: 80 on 2022-01-01 itself → eligible from that day under by_january_1.
  CHECK(meals(meal(rural_elder("1942-01-01"), "2022-01-01", jan1)) == 1);
  CHECK(meals(meal(rural_elder("1942-01-02"), "2022-12-31", jan1)) == -1);
  // during the year: turns 80 in 2022 → from 2022-01-01; nothing on 2021-12-31.
  CHECK(meals(meal(p, "2021-12-31", year)) == -1);
  CHECK(meal(p, "2021-12-31", year).would_be_eligible_on() == d("2022-01-01"));
  CHECK(meals(meal(p, "2022-01-01", year)) == 1);
  // Born 1942-12-31 turns 80 on 2022-12-31: during_year eligible on 2022-01-01, on the day only 12-31.
  CHECK(meals(meal(rural_elder("1942-12-31"), "2022-01-01", year)) == 1);
  CHECK(meals(meal(rural_elder("1942-12-31"), "2022-12-30")) == -1);
  CHECK(meals(meal(rural_elder("1942-12-31"), "2022-12-31")) == 1);
  // age.reached=day_after_birthday: from 2022-03-11.
  const reading_set day_after{{"age.reached", "day_after_birthday"}};
  CHECK(meals(meal(p, "2022-03-10", day_after)) == -1);
  CHECK(meals(meal(p, "2022-03-11", day_after)) == 1);
}

TEST_CASE("rongcheng free lunch: what the seed states and what is assumed") {
  // 「提供免费午餐」: a free lunch — stated; once a day — assumed (the seed gives no frequency).
  const policy p = standard_catalog().policy_for(lunch);
  for (const auto& prm : p.versions().front().rules.front().parameters) {
    if (prm.name == "meal") CHECK((prm.origin == provenance::stated && prm.quote == "提供免费午餐"));
    if (prm.name == "frequency") CHECK(prm.origin == provenance::assumed);
    if (prm.name == "canteen") CHECK((prm.origin == provenance::stated && !prm.quote.empty()));
  }
}

TEST_CASE("rongcheng free lunch: hukou and canteen readings") {
  const person elsewhere = rural_elder("1942-03-10", "371082", true, "371002");
  const reading_set hukou{{"rongcheng.hukou", "rongcheng_hukou"}};
  CHECK(meals(meal(elsewhere, "2022-10-15", hukou)) == -1);
  CHECK(meals(meal(rural_elder(), "2022-10-15", hukou)) == 1);
  // 覆盖全市65%的村居: by default (issue 13) only an elder registered with a village canteen; every rural
  // 80+ elder under assumed_available (the default before).
  const reading_set registered{{"rongcheng.canteen_coverage", "registered_only"}};
  const reading_set everyone{{"rongcheng.canteen_coverage", "assumed_available"}};
  person p = rural_elder("1942-03-10", "371082", true, "371082", false);
  CHECK(meals(meal(p, "2022-10-15", registered)) == -1);
  CHECK(meals(meal(p, "2022-10-15")) == -1);
  CHECK(meals(meal(p, "2022-10-15", everyone)) == 1);
  p.programmes = {"rongcheng.warm_canteen"};
  CHECK(meals(meal(p, "2022-10-15", registered)) == 1);
  CHECK(meals(meal(p, "2022-10-15")) == 1);
  const std::string text = explain(meal(rural_elder("1942-03-10", "371082", false), "2022-10-15"));
  CHECK(text.find("为1.5万名80周岁以上农村老人提供免费午餐") != std::string::npos);
  CHECK(text.find("residence.rural = false") != std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// All entries: registration, readings, and one shuffled batch
// ---------------------------------------------------------------------------------------------

TEST_CASE("seed 001 entries are registered with their readings") {
  const catalog& c = standard_catalog();
  for (const char* id : {home_care, phone, caregiver, lunch}) {
    const catalog_entry& e = c.at(id);
    CHECK(e.source == "seeds/001_861ae1dac3f93ce2.txt");
    for (const auto& name : e.readings) {
      const reading* r = c.find_reading(name);
      REQUIRE(r);
      if (r->enumerable) CHECK(r->accepts(r->default_choice));
      CHECK_FALSE(r->reference.empty());
    }
  }
  CHECK(c.find_reading("weihai.hour_price_yuan")->default_choice == "20");
  CHECK_FALSE(c.find_reading("weihai.hour_price_yuan")->enumerable);
  // An unknown value of a Weihai reading is refused, naming it.
  CHECK_THROWS_WITH(c.policy_for(home_care, reading_set{{"weihai.dependency_scale", "barthel"}}),
                    Catch::Contains("readings.weihai.dependency_scale") && Catch::Contains("barthel"));
}

TEST_CASE("seed 001 cases give the same answers as one shuffled batch") {
  struct batch_case {
    std::string name;
    std::function<std::string()> run;
    std::string expected; // worked out by hand (comments in the cases above)
  };
  auto granted = [](const decision& dec) {
    if (dec.status != decision_status::decided) return std::string("undecided");
    return dec.granted ? dec.granted->to_string() : std::string("none");
  };
  const reading_set broad{{"weihai.dependency_scale", "gbt_broad"}};
  const reading_set jan1{{"rongcheng.age_reference", "by_january_1"}};
  const reading_set cap{{"weihai.caregiver.conditions", "seed_only"},
                        {"weihai.caregiver.amount_yuan", "10000"}};
  const reading_set resident{{"weihai.platform_conditions", "resident_60"}};
  auto undetermined = [](const decision& dec) { return dec.status == decision_status::undetermined; };
  std::vector<batch_case> cases = {
      {"60h", [&] { return granted(care(weihai_elder({category::dibao}, gbt(3)), "2022-10-15")); },
       "60 service hours per month"},
      {"45h", [&] { return granted(care(weihai_elder({category::tekun}, gbt(2)), "2022-10-15")); },
       "45 service hours per month"},
      {"30h", [&] { return granted(care(weihai_elder({category::youfu}, gbt(4)), "2022-10-15")); },
       "30 service hours per month"},
      {"mild", [&] { return granted(care(weihai_elder({category::dibao}, gbt(1)), "2022-10-15")); }, "none"},
      {"mild broad",
       [&] { return granted(care(weihai_elder({category::dibao}, gbt(1)), "2022-10-15", broad)); },
       "45 service hours per month"},
      {"59",
       [&] { return granted(care(weihai_elder({category::dibao}, gbt(3), "1962-10-16"), "2022-10-15")); },
       "none"},
      {"60th",
       [&] { return granted(care(weihai_elder({category::dibao}, gbt(3), "1962-10-16"), "2022-10-16")); },
       "60 service hours per month"},
      {"2017",
       [&] { return granted(care(weihai_elder({category::dibao}, gbt(3, "2017-06-01")), "2017-12-31")); },
       "undecided"},
      {"phone 2",
       [&] {
         return granted(household_phone(
             household{"h", {platform_elder("a", true), platform_elder("b", true)}}, "2022-10-15"));
       },
       "10.00 yuan per month"},
      {"phone 0",
       [&] {
         return granted(household_phone(household{"h", {platform_elder("a", false)}}, "2022-10-15"));
       },
       "none"},
      {"phone away",
       [&] {
         return granted(
             household_phone(household{"h", {platform_elder("a", true, "110105")}}, "2022-10-15", resident));
       },
       "none"},
      {"phone early",
       [&] {
         return granted(household_phone(household{"h", {platform_elder("a", true)}}, "2022-10-14"));
       },
       "undecided"},
      {"phone early undetermined",
       [&] {
         return std::string(
             undetermined(household_phone(household{"h", {platform_elder("a", true)}}, "2022-10-14")) ? "yes"
                                                                                                      : "no");
       },
       "yes"},
      {"cw 4", [&] { return granted(post_subsidy(care_worker("2019-03-01", 4), "2022-10-15")); },
       "7000.00 yuan once"},
      {"cw 5 cap",
       [&] {
         worker w = care_worker("2019-03-01", 5);
         w.programmes = {"weihai.caregiver.qualified"};
         return granted(post_subsidy(w, "2022-10-15", cap));
       },
       "10000.00 yuan once"},
      {"cw short", [&] { return granted(post_subsidy(care_worker("2019-10-16", 3), "2022-10-15")); }, "none"},
      {"cw 3y", [&] { return granted(post_subsidy(care_worker("2019-10-16", 3), "2022-10-16")); },
       "10000.00 yuan once"},
      {"lunch 79", [&] { return granted(meal(rural_elder(), "2022-03-09")); }, "none"},
      {"lunch 80", [&] { return granted(meal(rural_elder(), "2022-03-10")); }, "1 meal per day"},
      {"lunch jan1", [&] { return granted(meal(rural_elder(), "2022-12-31", jan1)); }, "none"},
      {"lunch jan1 next", [&] { return granted(meal(rural_elder(), "2023-01-01", jan1)); }, "1 meal per day"},
      {"lunch town", [&] { return granted(meal(rural_elder("1942-03-10", "371082", false), "2022-10-15")); },
       "none"},
      {"lunch early", [&] { return granted(meal(rural_elder("1936-01-01"), "2021-05-10")); }, "undecided"},
  };
  std::vector<std::string> in_order;
  for (const auto& c : cases) {
    INFO(c.name);
    in_order.push_back(c.run());
    CHECK(in_order.back() == c.expected);
  }
  std::vector<std::size_t> order(cases.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(20221015);
  std::shuffle(order.begin(), order.end(), rng);
  for (const std::size_t i : order) {
    INFO(cases[i].name);
    CHECK(cases[i].run() == in_order[i]);
  }
}
