// cn.beijing.xicheng.cross_region_care and cn.beijing.xicheng.travel_stay. Expected values are worked
// out by hand from seed 000 and the Civil Code (comments), never copied from the code's output.
#include <catch2/catch.hpp>

#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }
const char* const id = "cn.beijing.xicheng.cross_region_care";

facility_registry facilities() {
  facility_registry r;
  r.add(facility("HB", facility_kind::institution, rc("131082"), 300, filing(rc("131082"), d("2019-03-01"))));
  r.add(facility("TJ", facility_kind::institution, rc("120116"), 80, filing(rc("120116"), d("2021-01-04"))));
  r.add(facility("NM-unfiled", facility_kind::institution, rc("150102"), 50));
  r.add(facility("HR", facility_kind::institution, rc("110116"), 200, filing(rc("110116"), d("2018-05-01"))));
  r.add(facility("CP-town", facility_kind::institution, rc("110114110"), 60, filing(rc("110114"), d("2018-05-01"))));
  r.add(facility("CY", facility_kind::institution, rc("110105"), 200, filing(rc("110105"), d("2018-05-01"))));
  r.add(facility("HB-community", facility_kind::community, rc("131082"), 8, filing(rc("131082"), d("2019-03-01"))));
  return r;
}

person elder(std::vector<stay> stays, const char* hukou = "110102", const char* birth = "1945-06-15") {
  return person{.id = "x1", .birth_date = d(birth), .hukou = {rc(hukou), std::nullopt}, .residence = {rc("131082"), false},
                .stays = std::move(stays)};
}

decision at(const person& p, const char* on, const reading_set& r = {}) {
  static const facility_registry reg = facilities();
  return standard_catalog().evaluate(id, p, d(on), &reg, r);
}
} // namespace

TEST_CASE("xicheng: 600 yuan after a full three months in a filed 津冀蒙 institution") {
  const person p = elder({stay("HB", d("2023-02-28"))});
  // Art. 201-202: admitted 02-28 → last day 05-28. The day before: not yet; on it: 600.
  CHECK_FALSE(at(p, "2023-05-27").eligible);
  CHECK(at(p, "2023-05-27").would_be_eligible_on() == d("2023-05-28"));
  CHECK(at(p, "2023-05-28").amount() == 600_yuan);
  CHECK(at(p, "2023-05-29").amount() == 600_yuan);
  // Tianjin counts (filed 2021-01-04): admitted 2021-01-04 → 2021-04-04.
  CHECK(at(elder({stay("TJ", d("2021-01-04"))}), "2021-04-04").amount() == 600_yuan);
  CHECK_FALSE(at(elder({stay("TJ", d("2021-01-04"))}), "2021-04-03").eligible);
}

TEST_CASE("xicheng: each condition fails on its own") {
  // Not Xicheng hukou (朝阳 110105).
  CHECK_FALSE(at(elder({stay("HB", d("2022-01-01"))}, "110105"), "2023-01-01").eligible);
  // Unfiled institution in Inner Mongolia.
  CHECK_FALSE(at(elder({stay("NM-unfiled", d("2022-01-01"))}), "2023-01-01").eligible);
  // A filed institution outside both 津冀蒙 and the ecological area (朝阳).
  CHECK_FALSE(at(elder({stay("CY", d("2022-01-01"))}), "2023-06-01").eligible);
  // A community facility (<10 beds) is not an institution.
  CHECK_FALSE(at(elder({stay("HB-community", d("2022-01-01"))}), "2023-01-01").eligible);
  // Under 60 (born 1965-06-15 → 60 on 2025-06-15) under the default minimum-age reading...
  const person young = elder({stay("HB", d("2024-01-01"))}, "110102", "1965-06-15");
  CHECK_FALSE(at(young, "2025-06-14").eligible);
  CHECK(at(young, "2025-06-15").amount() == 600_yuan);
  // ...and eligible with no age test.
  CHECK(at(young, "2025-06-14", reading_set{{"xicheng.min_age", "none"}}).amount() == 600_yuan);
  // Discharged: not in the institution any more.
  CHECK_FALSE(at(elder({stay("HB", d("2022-01-01"), d("2022-12-31"))}), "2023-01-01").eligible);
}

TEST_CASE("xicheng: effective dates of the 2020 version and the 2023 revision") {
  const person hb = elder({stay("HB", d("2019-06-01"))});
  CHECK(at(hb, "2020-05-31").status == decision_status::not_in_force); // assumed start 2020-06-01
  CHECK(at(hb, "2020-06-01").amount() == 600_yuan);
  CHECK(at(hb, "2020-06-01").version_label == "2020");
  CHECK(at(hb, "2023-01-01").version_label == "2023");
  // Ecological area (怀柔 110116): only from the 2023 revision.
  const person hr = elder({stay("HR", d("2022-03-15"))});
  CHECK_FALSE(at(hr, "2022-12-31").eligible);
  CHECK(at(hr, "2023-01-01").amount() == 200_yuan);
  // Admitted 2023-03-15 → 200 from 2023-06-15.
  const person hr2 = elder({stay("HR", d("2023-03-15"))});
  CHECK_FALSE(at(hr2, "2023-06-14").eligible);
  CHECK(at(hr2, "2023-06-15").amount() == 200_yuan);
}

TEST_CASE("xicheng: mountain towns of 昌平 count only when listed") {
  const person cp = elder({stay("CP-town", d("2023-01-01"))});
  CHECK_FALSE(at(cp, "2023-06-01").eligible);
  CHECK(at(cp, "2023-06-01", reading_set{{"beijing.mountain_towns", "110114110"}}).amount() == 200_yuan);
  CHECK_THROWS_AS(at(cp, "2023-06-01", reading_set{{"beijing.mountain_towns", "110105001"}}), invalid_value);
}

TEST_CASE("xicheng: readings change the answer where the text is open") {
  // Natural months: admitted 2023-02-28 → complete at the end of May (2023-05-31).
  const person p = elder({stay("HB", d("2023-02-28"))});
  const reading_set natural{{"stay.counting", "natural_month"}};
  CHECK_FALSE(at(p, "2023-05-30", natural).eligible);
  CHECK(at(p, "2023-05-31", natural).eligible);
  // Legacy Xuanwu hukou.
  const person xw = elder({stay("HB", d("2022-01-01"))}, "110104");
  CHECK(at(xw, "2023-01-01").eligible);
  CHECK_FALSE(at(xw, "2023-01-01", reading_set{{"hukou.legacy_codes", "as_recorded"}}).eligible);
  // Move from a 津冀蒙 institution to the ecological area on 2023-04-01.
  const person mover = elder({stay("HB", d("2023-01-10"), d("2023-04-01")), stay("HR", d("2023-04-01"))});
  // separate (default): the 200 tier counts from 04-01 → 07-01.
  CHECK_FALSE(at(mover, "2023-05-01").eligible);
  CHECK(at(mover, "2023-07-01").amount() == 200_yuan);
  // combined: since 01-10 in either kind → complete 04-10, rate of the current institution (200).
  CHECK(at(mover, "2023-04-10", reading_set{{"xicheng.tier_transfer", "combined"}}).amount() == 200_yuan);
  CHECK_FALSE(at(mover, "2023-04-09", reading_set{{"xicheng.tier_transfer", "combined"}}).eligible);
  // An unknown reading or value is refused, naming it.
  CHECK_THROWS_WITH(at(p, "2023-06-01", reading_set{{"stay.counting", "lunar"}}),
                    Catch::Contains("readings.stay.counting") && Catch::Contains("lunar"));
  CHECK_THROWS_AS(at(p, "2023-06-01", reading_set{{"no.such.reading", "x"}}), invalid_value);
}

TEST_CASE("xicheng: schedules with and without back-pay") {
  const facility_registry reg = facilities();
  const person p = elder({stay("HB", d("2023-01-15"))});
  // Complete on 2023-04-15. Default: April is the first paid month (eligible at 04-30).
  const policy base = standard_catalog().policy_for(id);
  const auto lines = schedule(base, p, d("2023-01-01"), d("2023-06-30"), &reg);
  REQUIRE(lines.size() == 6);
  CHECK(lines[2].amount == money());   // March
  CHECK(lines[3].amount == 600_yuan);  // April
  CHECK(total(lines) == 1800_yuan);    // April, May, June
  // Back-pay reading: April also pays three months of arrears (Jan–Mar) → 2400, total 3600.
  const policy back = standard_catalog().policy_for(id, reading_set{{"xicheng.back_pay", "first_three_months"}});
  const auto bl = schedule(back, p, d("2023-01-01"), d("2023-06-30"), &reg);
  CHECK(bl[3].amount == 2400_yuan);
  CHECK(bl[3].arrears_months == 3);
  CHECK(total(bl) == 3600_yuan);
  // Next-month reading: tested on each month's first day → May is the first paid month.
  const policy next = standard_catalog().policy_for(id, reading_set{{"xicheng.first_paid_month", "next_month"}});
  const auto nl = schedule(next, p, d("2023-01-01"), d("2023-06-30"), &reg);
  CHECK(nl[3].amount == money());
  CHECK(total(nl) == 1200_yuan);
}

TEST_CASE("xicheng: the explanation cites the source and names the fact and date") {
  const decision dec = at(elder({stay("HB", d("2024-01-31"))}), "2024-03-01");
  const std::string text = explain(dec);
  CHECK(text.find("NOT ELIGIBLE") != std::string::npos);
  CHECK(text.find("满三个月") != std::string::npos);
  CHECK(text.find("continuous_stay.since = 2024-01-31") != std::string::npos);
  CHECK(text.find("would be met on 2024-04-30") != std::string::npos);
  CHECK(dec.first_failing_condition().find("continuous stay of 3 months") != std::string::npos);
}

TEST_CASE("xicheng travel stay: catalogued, not computable") {
  const decision dec = standard_catalog().evaluate("cn.beijing.xicheng.travel_stay", elder({}), d("2024-06-01"));
  CHECK(dec.status == decision_status::not_computable);
  CHECK(dec.status_note.rfind("not computable: ", 0) == 0);
  CHECK_FALSE(dec.eligible);
}

TEST_CASE("unknown catalog ids are a lookup error naming the id") {
  CHECK_THROWS_AS(standard_catalog().at("cn.nowhere"), lookup_error);
  CHECK_THROWS_WITH(standard_catalog().at("cn.nowhere"), Catch::Contains("cn.nowhere"));
}
