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
  r.add(facility("CP-town", facility_kind::institution, rc("110114110"), 60,
                 filing(rc("110114"), d("2018-05-01"))));
  r.add(facility("CY", facility_kind::institution, rc("110105"), 200, filing(rc("110105"), d("2018-05-01"))));
  r.add(facility("HB-community", facility_kind::community, rc("131082"), 8,
                 filing(rc("131082"), d("2019-03-01"))));
  // 当地: filed with a Beijing department (not local to Hebei), with Hebei's provincial department,
  // with the city of 廊坊 131000 (not the county 三河 131082); an unfiled 怀柔 institution.
  r.add(facility("HB-beijing-filed", facility_kind::institution, rc("131082"), 90,
                 filing(rc("110102"), d("2019-03-01"))));
  r.add(facility("HB-province-filed", facility_kind::institution, rc("131082"), 90,
                 filing(rc("130000"), d("2019-03-01"))));
  r.add(facility("HB-city-filed", facility_kind::institution, rc("131082"), 90,
                 filing(rc("131000"), d("2019-03-01"))));
  r.add(facility("HR-unfiled", facility_kind::institution, rc("110116"), 40));
  return r;
}

person elder(std::vector<stay> stays, const char* hukou = "110102", const char* birth = "1945-06-15") {
  return person{.id = "x1",
                .birth_date = d(birth),
                .hukou = {rc(hukou), std::nullopt},
                .residence = {rc("131082"), false},
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
  CHECK(lines[2].amount == money());  // March
  CHECK(lines[3].amount == 600_yuan); // April
  CHECK(total(lines) == 1800_yuan);   // April, May, June
  // Back-pay reading: April also pays three months of arrears (Jan–Mar) → 2400, total 3600.
  const policy back =
      standard_catalog().policy_for(id, reading_set{{"xicheng.back_pay", "first_three_months"}});
  const auto bl = schedule(back, p, d("2023-01-01"), d("2023-06-30"), &reg);
  CHECK(bl[3].amount == 2400_yuan);
  CHECK(bl[3].arrears_months == 3);
  CHECK(total(bl) == 3600_yuan);
  // Next-month reading: tested on each month's first day → May is the first paid month.
  const policy next =
      standard_catalog().policy_for(id, reading_set{{"xicheng.first_paid_month", "next_month"}});
  const auto nl = schedule(next, p, d("2023-01-01"), d("2023-06-30"), &reg);
  CHECK(nl[3].amount == money());
  CHECK(total(nl) == 1200_yuan);
}

// Issue 13: arrears under xicheng.back_pay = first_three_months reach back neither before the day the
// granting rule came into force nor before the admission. By hand, the default month basis (a month
// is paid when eligible on its last day) and three months of arrears wanted with the first payment.
TEST_CASE("xicheng: back-paid arrears stop at the scheme's start and at the tier's start") {
  const facility_registry reg = facilities();
  const policy back =
      standard_catalog().policy_for(id, reading_set{{"xicheng.back_pay", "first_three_months"}});
  auto first_paid = [&](const char* admitted, const char* from, const char* to) {
    const auto lines = schedule(back, elder({stay("HB", d(admitted))}), d(from), d(to), &reg);
    for (const auto& l : lines)
      if (l.eligible) return l;
    return schedule_line{};
  };
  // The case the review found: admitted 2019-06-01, so three months were complete long before the
  // scheme began (2020-06-01). June 2020 is the first month in force and the first paid: March–May
  // 2020 are before the scheme, so no arrears — 600, not 600 × 4 = 2,400.
  auto june = first_paid("2019-06-01", "2020-01-01", "2020-08-31");
  CHECK(june.month == 6);
  CHECK(june.arrears_months == 0);
  CHECK(june.amount == 600_yuan);
  // Admitted 2020-03-01: complete 2020-06-01 (art. 202), first paid June; March–May before the start.
  june = first_paid("2020-03-01", "2020-01-01", "2020-12-31");
  CHECK((june.month == 6 && june.arrears_months == 0 && june.amount == 600_yuan));
  // Admitted 2020-05-31, the day before the start: complete 2020-08-31, first paid August; of May, June
  // and July only June and July are in force → 2 months of arrears, 600 × 3 = 1,800.
  auto aug = first_paid("2020-05-31", "2020-01-01", "2020-12-31");
  CHECK((aug.month == 8 && aug.arrears_months == 2 && aug.amount == 1800_yuan));
  // Admitted on the start day 2020-06-01: complete 2020-09-01, first paid September; June, July and
  // August are all in force and in the stay → 3 months, 600 × 4 = 2,400.
  auto sep = first_paid("2020-06-01", "2020-01-01", "2020-12-31");
  CHECK((sep.month == 9 && sep.arrears_months == 3 && sep.amount == 2400_yuan));
  // A 津冀蒙 stay across the 2023 revision: the rule is in both versions without a break, so its
  // arrears reach into 2022. Admitted 2022-10-15 → complete 2023-01-15, first paid January 2023:
  // October–December 2022 → 600 × 4 = 2,400.
  auto jan = first_paid("2022-10-15", "2022-07-01", "2023-03-31");
  CHECK((jan.year == 2023 && jan.month == 1 && jan.arrears_months == 3 && jan.amount == 2400_yuan));
  // The 200-yuan tier is a rule of the 2023 revision: its arrears stop at 2023-01-01. Admitted to 怀柔
  // 2022-10-15 → complete 2023-01-15, first paid January 2023, no month of 2022 owed → 200.
  const auto eco =
      schedule(back, elder({stay("HR", d("2022-10-15"))}), d("2022-07-01"), d("2023-03-31"), &reg);
  REQUIRE(eco.size() == 9);
  CHECK((eco[6].eligible && eco[6].arrears_months == 0 && eco[6].amount == 200_yuan)); // 2023-01
  CHECK(total(eco) == 600_yuan);                                                       // Jan–Mar
  // Without back-pay nothing changes: the first paid month pays one month.
  CHECK(total(schedule(standard_catalog().policy_for(id), elder({stay("HB", d("2019-06-01"))}),
                       d("2020-01-01"), d("2020-08-31"), &reg)) == 600_yuan * 3);
}

TEST_CASE(
    "xicheng: 经当地民政部门备案 — the filing authority must be local (reading xicheng.filing_authority)") {
  // Each stay began 2022-01-01: on 2023-06-01 three months are long complete.
  auto at_in = [](const char* f, const reading_set& r = {}) {
    return at(elder({stay(f, d("2022-01-01"))}), "2023-06-01", r);
  };
  // Default same_province: filed with Hebei's departments (the county's, the city's, the province's)
  // counts; filed with a Beijing department does not, and the explanation says why.
  CHECK(at_in("HB").amount() == 600_yuan);
  CHECK(at_in("HB-city-filed").amount() == 600_yuan);
  CHECK(at_in("HB-province-filed").amount() == 600_yuan);
  const decision beijing = at_in("HB-beijing-filed");
  CHECK_FALSE(beijing.eligible);
  CHECK(explain(beijing).find("HB-beijing-filed is filed with 110102") != std::string::npos);
  // same_county: only 三河 131082's own department.
  const reading_set county{{"xicheng.filing_authority", "same_county"}};
  CHECK(at_in("HB", county).amount() == 600_yuan);
  CHECK_FALSE(at_in("HB-city-filed", county).eligible);
  CHECK_FALSE(at_in("HB-province-filed", county).eligible);
  // not_checked: any department, as before issue 13.
  CHECK(at_in("HB-beijing-filed", reading_set{{"xicheng.filing_authority", "not_checked"}}).amount() ==
        600_yuan);
}

TEST_CASE("xicheng: the 200-yuan tier needs no filing unless the reading asks for one") {
  // 「对于入住北京生态涵养区养老机构满3个月的」: no 备案. An unfiled 怀柔 institution, admitted 2023-03-15
  // → complete 2023-06-15.
  const person p = elder({stay("HR-unfiled", d("2023-03-15"))});
  CHECK_FALSE(at(p, "2023-06-14").eligible);
  CHECK(at(p, "2023-06-15").amount() == 200_yuan);
  CHECK_FALSE(at(p, "2023-06-15", reading_set{{"xicheng.eco_filing", "required"}}).eligible);
  // A filed one counts under both readings.
  CHECK(
      at(elder({stay("HR", d("2023-03-15"))}), "2023-06-15", reading_set{{"xicheng.eco_filing", "required"}})
          .amount() == 200_yuan);
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
  const decision dec =
      standard_catalog().evaluate("cn.beijing.xicheng.travel_stay", elder({}), d("2024-06-01"));
  CHECK(dec.status == decision_status::not_computable);
  CHECK(dec.status_note.rfind("not computable: ", 0) == 0);
  CHECK_FALSE(dec.eligible);
}

TEST_CASE("unknown catalog ids are a lookup error naming the id") {
  CHECK_THROWS_AS(standard_catalog().at("cn.nowhere"), lookup_error);
  CHECK_THROWS_WITH(standard_catalog().at("cn.nowhere"), Catch::Contains("cn.nowhere"));
}
