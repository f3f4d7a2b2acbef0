// The rules engine end to end on a Xicheng-style rule: typed and run-time paths, explanations,
// versions, schedules, stacking and households. Expected values are worked out by hand in comments.
#include <catch2/catch.hpp>

#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

facility_registry sample_facilities() {
  facility_registry r;
  r.add(
      facility("HB1", facility_kind::institution, rc("131082"), 120, filing(rc("131082"), d("2019-03-01"))));
  r.add(facility("HB2", facility_kind::institution, rc("130606"), 80, filing(rc("130606"), d("2020-01-01"))));
  r.add(facility("TJ-unfiled", facility_kind::institution, rc("120116"), 60));
  r.add(facility("HB-late", facility_kind::institution, rc("130102"), 40,
                 filing(rc("130102"), d("2023-04-01"))));
  r.add(facility("HB-revoked", facility_kind::institution, rc("130105"), 40,
                 filing(rc("130105"), d("2019-01-01"), d("2023-06-01"))));
  r.add(facility("BJ-huairou", facility_kind::institution, rc("110116"), 200,
                 filing(rc("110116"), d("2018-05-01"))));
  return r;
}

person xicheng_elder(std::vector<stay> stays, const char* hukou_code = "110102") {
  return person{.id = "p1",
                .birth_date = d("1940-07-01"),
                .hukou = {rc(hukou_code), d("1970-01-01")},
                .residence = {rc("131082"), false},
                .ability = std::nullopt,
                .disability = std::nullopt,
                .categories = {},
                .health = {},
                .stays = std::move(stays),
                .household_id = ""};
}

const citation xicheng_2020{"《西城区户籍老年人赴津冀蒙异地康养扶持办法》",
                            "seed 000 para. 7",
                            "入住津冀蒙…备案的养老机构满三个月的，每人每月补贴600元",
                            "seeds/000_c316a80b4f0fd0a0.txt",
                            d("2020-06-01"),
                            std::nullopt};

auto jjm_condition(continuity_rules c = {}, legacy_code_reading legacy = legacy_code_reading::as_successor) {
  return hukou_in(region_set("西城区", {regions::xicheng}), legacy) && age_at_least(60) &&
         continuous_stay_at_least(
             period::months(3), facility_criteria{regions::jin_ji_meng(), {facility_kind::institution}, true},
             c);
}

auto jjm_rule(continuity_rules c = {}, legacy_code_reading legacy = legacy_code_reading::as_successor) {
  return make_rule<person>("jin_ji_meng", "filed institution in 津冀蒙 for 3 months", xicheng_2020,
                           jjm_condition(c, legacy), money_per_month(600_yuan));
}
} // namespace

TEST_CASE("a full three months is met on the Civil Code day, not Boost's") {
  const auto reg = sample_facilities();
  const person p = xicheng_elder({stay("HB1", d("2023-02-28"))});
  const auto rule = jjm_rule();
  // Admitted 2023-02-28: art. 201 does not count that day; art. 202 ends the period on the
  // corresponding day 2023-05-28 (Boost's months would say 05-31).
  const auto before = evaluate_rule(rule, context<person>{p, d("2023-05-27"), &reg});
  CHECK_FALSE(before.eligible);
  REQUIRE(before.would_be_met_on.has_value());
  CHECK(*before.would_be_met_on == d("2023-05-28"));
  CHECK(evaluate_rule(rule, context<person>{p, d("2023-05-28"), &reg}).eligible);
  CHECK(rule_holds(rule, context<person>{p, d("2023-05-28"), &reg}));
  CHECK_FALSE(rule_holds(rule, context<person>{p, d("2023-05-27"), &reg}));
}

TEST_CASE("the explanation names the failing condition, its facts, the citation and the date") {
  const auto reg = sample_facilities();
  const person p = xicheng_elder({stay("HB1", d("2024-01-31"))});
  const auto out = evaluate_rule(jjm_rule(), context<person>{p, d("2024-03-15"), &reg});
  CHECK_FALSE(out.eligible);
  // reasons: all_of group, hukou, age, stay
  REQUIRE(out.reasons.size() == 4);
  CHECK(out.reasons[0].kind == reason_kind::all_of);
  CHECK(out.reasons[1].passed);
  CHECK(out.reasons[2].passed);
  const reason& stay_reason = out.reasons[3];
  CHECK_FALSE(stay_reason.passed);
  REQUIRE(stay_reason.met_on.has_value());
  CHECK(*stay_reason.met_on == d("2024-04-30")); // 01-31 + 3 months: April has no 31st
  const std::string text = explain(out);
  CHECK(text.find("✗ continuous stay of 3 months") != std::string::npos);
  CHECK(text.find("continuous_stay.since = 2024-01-31") != std::string::npos);
  CHECK(text.find("《西城区户籍老年人赴津冀蒙异地康养扶持办法》") != std::string::npos);
  CHECK(text.find("would be met on 2024-04-30") != std::string::npos);
}

TEST_CASE("unfiled institutions and places outside 津冀蒙 do not count") {
  const auto reg = sample_facilities();
  const auto rule = jjm_rule();
  CHECK_FALSE(rule_holds(
      rule, context<person>{xicheng_elder({stay("TJ-unfiled", d("2022-01-01"))}), d("2023-01-01"), &reg}));
  CHECK_FALSE(rule_holds(
      rule, context<person>{xicheng_elder({stay("BJ-huairou", d("2022-01-01"))}), d("2023-01-01"), &reg}));
  // Not Xicheng: Dongcheng hukou.
  CHECK_FALSE(rule_holds(
      rule, context<person>{xicheng_elder({stay("HB1", d("2022-01-01"))}, "110101"), d("2023-01-01"), &reg}));
}

TEST_CASE("legacy Xuanwu hukou: a named reading") {
  const auto reg = sample_facilities();
  const person p = xicheng_elder({stay("HB1", d("2022-01-01"))}, "110104");
  CHECK(rule_holds(jjm_rule(), context<person>{p, d("2023-01-01"), &reg}));
  CHECK_FALSE(
      rule_holds(jjm_rule({}, legacy_code_reading::as_recorded), context<person>{p, d("2023-01-01"), &reg}));
}

TEST_CASE("transfers between filed institutions: continue by default, restart as an option") {
  const auto reg = sample_facilities();
  // HB1 from 2023-01-10 to 2023-02-20, then HB2 from 2023-02-20 (same-day transfer).
  const person p =
      xicheng_elder({stay("HB1", d("2023-01-10"), d("2023-02-20")), stay("HB2", d("2023-02-20"))});
  // Continues: 3 months from 2023-01-10 end 2023-04-10.
  CHECK(rule_holds(jjm_rule(), context<person>{p, d("2023-04-10"), &reg}));
  CHECK_FALSE(rule_holds(jjm_rule(), context<person>{p, d("2023-04-09"), &reg}));
  // Restarts: 3 months from 2023-02-20 end 2023-05-20.
  const continuity_rules restart{0, transfer_rule::restarts, pre_filing_days::not_counted};
  CHECK_FALSE(rule_holds(jjm_rule(restart), context<person>{p, d("2023-05-19"), &reg}));
  CHECK(rule_holds(jjm_rule(restart), context<person>{p, d("2023-05-20"), &reg}));
}

TEST_CASE("gaps between stays: none tolerated by default, a named allowance otherwise") {
  const auto reg = sample_facilities();
  // Discharged 2023-03-10 (hospital), back 2023-03-15: 03-11..03-14 are 4 uncovered days.
  const person p =
      xicheng_elder({stay("HB1", d("2023-01-10"), d("2023-03-10")), stay("HB1", d("2023-03-15"))});
  // Default: the clock restarts on 03-15, complete 06-15.
  CHECK_FALSE(rule_holds(jjm_rule(), context<person>{p, d("2023-06-14"), &reg}));
  CHECK(rule_holds(jjm_rule(), context<person>{p, d("2023-06-15"), &reg}));
  // 4 days tolerated: continuous from 01-10, complete 04-10.
  CHECK(rule_holds(jjm_rule({4, transfer_rule::continues, pre_filing_days::not_counted}),
                   context<person>{p, d("2023-04-10"), &reg}));
  // 3 days are not enough.
  CHECK_FALSE(rule_holds(jjm_rule({3, transfer_rule::continues, pre_filing_days::not_counted}),
                         context<person>{p, d("2023-04-10"), &reg}));
  // On a day inside the gap the person is not in a facility at all.
  CHECK_FALSE(rule_holds(jjm_rule({30, transfer_rule::continues, pre_filing_days::not_counted}),
                         context<person>{p, d("2023-03-12"), &reg}));
}

TEST_CASE("filing after admission and revocation") {
  const auto reg = sample_facilities();
  // HB-late filed 2023-04-01; admitted 2023-02-01.
  const person late = xicheng_elder({stay("HB-late", d("2023-02-01"))});
  // Default: days before filing not counted → clock from 2023-04-01, complete 2023-07-01.
  CHECK_FALSE(rule_holds(jjm_rule(), context<person>{late, d("2023-06-30"), &reg}));
  CHECK(rule_holds(jjm_rule(), context<person>{late, d("2023-07-01"), &reg}));
  // Counted: from 2023-02-01, complete 2023-05-01 — but only once the filing is in force, which it is.
  CHECK(rule_holds(jjm_rule({0, transfer_rule::continues, pre_filing_days::counted}),
                   context<person>{late, d("2023-05-01"), &reg}));
  // HB-revoked: filing revoked 2023-06-01 → eligible 05-31, not 06-01.
  const person rev = xicheng_elder({stay("HB-revoked", d("2022-01-01"))});
  CHECK(rule_holds(jjm_rule(), context<person>{rev, d("2023-05-31"), &reg}));
  CHECK_FALSE(rule_holds(jjm_rule(), context<person>{rev, d("2023-06-01"), &reg}));
}

TEST_CASE("typed and run-time rules agree, with identical explanations") {
  const auto reg = sample_facilities();
  const auto typed = jjm_rule();
  const rule erased = erase(typed);
  // Built at run time from the same leaves (as Python does).
  const any_condition dynamic = any_condition::all(
      {hukou_in(region_set("西城区", {regions::xicheng})), age_at_least(60),
       continuous_stay_at_least(
           period::months(3),
           facility_criteria{regions::jin_ji_meng(), {facility_kind::institution}, true})});
  const rule runtime{"jin_ji_meng", typed.title, typed.cite, dynamic, money_per_month(600_yuan), {}};
  const std::vector<person> people = {
      xicheng_elder({stay("HB1", d("2023-02-28"))}), xicheng_elder({stay("HB-late", d("2023-02-01"))}),
      xicheng_elder({stay("HB1", d("2023-01-10"), d("2023-03-10")), stay("HB1", d("2023-03-15"))}),
      xicheng_elder({stay("TJ-unfiled", d("2022-01-01"))}, "110101")};
  for (const auto& p : people)
    for (const char* on : {"2023-03-01", "2023-05-27", "2023-05-28", "2023-06-15", "2023-07-01"}) {
      const context<person> ctx{p, d(on), &reg};
      const auto a = evaluate_rule(typed, ctx);
      const auto b = evaluate_rule(erased, ctx);
      const auto c = evaluate_rule(runtime, ctx);
      CHECK(a.eligible == b.eligible);
      CHECK(a.eligible == c.eligible);
      CHECK(rule_holds(typed, ctx) == a.eligible);
      CHECK(rule_holds(runtime, ctx) == a.eligible);
      CHECK(a.would_be_met_on == c.would_be_met_on);
      CHECK(explain(a) == explain(b));
      CHECK(explain(a) == explain(c));
    }
}

TEST_CASE("operators build and flatten compile-time groups") {
  const auto c = age_at_least(80) && in_category(category::dibao) && !has_mental_illness{};
  STATIC_REQUIRE(std::tuple_size_v<decltype(c.parts)> == 3);
  const auto alt = age_at_least(80) || in_category(category::dibao) || in_category(category::tekun);
  STATIC_REQUIRE(std::tuple_size_v<decltype(alt.parts)> == 3);
  person p = xicheng_elder({});
  p.categories.insert(category::dibao);
  const context<person> ctx{p, d("2024-01-01"), nullptr};
  CHECK(holds(c, ctx)); // born 1940-07-01: 83 ≥ 80; 低保; no mental illness
  CHECK(holds(alt, ctx));
  p.health.mental_illness = true;
  const context<person> ill{p, d("2024-01-01"), nullptr};
  CHECK_FALSE(holds(c, ill));
}

TEST_CASE("would-be-met date through any_of takes the earliest, all_of the latest") {
  person p = xicheng_elder({});
  p.birth_date = d("1950-03-10"); // 70 on 2020-03-10, 80 on 2030-03-10
  const context<person> ctx{p, d("2019-01-01"), nullptr};
  const auto r1 =
      make_rule<person>("r1", "t", citation{}, age_at_least(75) || age_at_least(72), money_per_month(1_yuan));
  CHECK(evaluate_rule(r1, ctx).would_be_met_on == d("2022-03-10"));
  const auto r2 =
      make_rule<person>("r2", "t", citation{}, age_at_least(75) && age_at_least(72), money_per_month(1_yuan));
  CHECK(evaluate_rule(r2, ctx).would_be_met_on == d("2025-03-10"));
  // A failing category never passes with time: no date.
  const auto r3 = make_rule<person>("r3", "t", citation{}, age_at_least(75) && in_category(category::tekun),
                                    money_per_month(1_yuan));
  CHECK_FALSE(evaluate_rule(r3, ctx).would_be_met_on.has_value());
}
