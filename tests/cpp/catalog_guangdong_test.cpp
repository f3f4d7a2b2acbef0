// cn.guangdong.special_hardship_visits (seed 003, the 广东省民政厅 report of 2020-09-16): at least one
// visit a month for elders who live alone, are empty-nest, left-behind, disabled or in a family-planning
// special family, and the notice's budget norm (≥ 70% of the welfare-lottery funds to eldercare).
// Expected values are worked out by hand from the seed and the readings' documented defaults
// (comments next to each check), never copied from the code's output.
#include <catch2/catch.hpp>

#include <algorithm> // std::shuffle
#include <random>    // std::mt19937: a fixed seed for the shuffled batch

#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }

const char* const visits = "cn.guangdong.special_hardship_visits";

// 440104 越秀区 (广州); 442000001 a town of 中山市; 110102 西城区 (Beijing), outside Guangdong.
struct facts {
  const char* birth = "1948-05-20"; // 75 on 2023-06-01
  const char* hukou = "440104";
  const char* residence = "440104";
  category_set categories = {};
  std::optional<int> level = std::nullopt; // GB/T 42195 level, assessed 2020-01-01
  std::optional<disability_certificate> certificate = std::nullopt;
};

person make(const facts& f) {
  std::optional<assessment> a;
  if (f.level) a = assessment(ability_scale::gbt_42195_2022, ability_level(*f.level), d("2020-01-01"));
  return person{.id = "gd",
                .birth_date = d(f.birth),
                .hukou = {rc(f.hukou), std::nullopt},
                .residence = {rc(f.residence), false},
                .ability = a,
                .disability = f.certificate,
                .categories = f.categories};
}

// The notice does not name its city: since issue 13 the caller gives it (reading
// guangdong.visits.region). These cases are in 广州市 440100 unless a case names another.
decision at(const person& p, const char* on, reading_set r = {}) {
  if (!r.has("guangdong.visits.region")) r.set("guangdong.visits.region", "440100");
  return standard_catalog().evaluate(visits, p, d(on), nullptr, r);
}

const benefit one_visit = visits_per_month(1);
disability_certificate cert(disability_category c, disability_grade g) {
  return disability_certificate(c, g);
}
} // namespace

TEST_CASE("guangdong visits: an elder living alone is visited at least once a month") {
  const decision dec = at(make({.categories = {category::living_alone}}), "2023-06-01");
  REQUIRE(dec.eligible);
  CHECK(*dec.granted == one_visit); // 月探访率达100%: one visit per month, a service, not money
  CHECK(dec.granted->to_string() == "1 visit per month");
  CHECK(dec.amount() == money()); // no money
  CHECK(dec.granting_rules == std::vector<std::string>{"living_alone"});
}

TEST_CASE("guangdong visits: each of the five groups") {
  // 空巢, 留守.
  CHECK(*at(make({.categories = {category::kongchao}}), "2023-06-01").granted == one_visit);
  CHECK(*at(make({.categories = {category::left_behind}}), "2023-06-01").granted == one_visit);
  // 失能: GB/T level 3 (重度) by default...
  CHECK(*at(make({.level = 3}), "2023-06-01").granted == one_visit);
  CHECK(*at(make({.level = 4}), "2023-06-01").granted == one_visit);
  // ...or, under guangdong.visits.certificate = grade_1_2, a grade 1-2 disability certificate of any
  // category without an assessment. Not by default since issue 13: the notice lists 失能, not 重残.
  const reading_set certificate{{"guangdong.visits.certificate", "grade_1_2"}};
  CHECK(*at(make({.certificate = cert(disability_category::physical, disability_grade::two)}), "2023-06-01",
            certificate)
             .granted == one_visit);
  CHECK(*at(make({.certificate = cert(disability_category::intellectual, disability_grade::one)}),
            "2023-06-01", certificate)
             .granted == one_visit);
  CHECK_FALSE(
      at(make({.certificate = cert(disability_category::physical, disability_grade::two)}), "2023-06-01")
          .eligible);
  // 计划生育特殊家庭: the umbrella, 计生特扶, and 失独.
  CHECK(*at(make({.categories = {category::special_family}}), "2023-06-01").granted == one_visit);
  CHECK(*at(make({.categories = {category::jisheng_tefu}}), "2023-06-01").granted == one_visit);
  CHECK(*at(make({.categories = {category::shidu}}), "2023-06-01").granted == one_visit);
}

TEST_CASE("guangdong visits: each condition fails on its own") {
  // In no group: a 低保 elder who lives with family, no assessment, no certificate.
  CHECK_FALSE(at(make({.categories = {category::dibao}}), "2023-06-01").eligible);
  // 失能 below the default level: level 2 (中度).
  CHECK_FALSE(at(make({.level = 2}), "2023-06-01").eligible);
  // A grade-3 certificate is not 重度 (not even under the grade_1_2 reading).
  CHECK_FALSE(at(make({.certificate = cert(disability_category::physical, disability_grade::three)}),
                 "2023-06-01", {{"guangdong.visits.certificate", "grade_1_2"}})
                  .eligible);
  // Lives outside Guangdong (西城 110102), hukou in 越秀: default basis is residence.
  CHECK_FALSE(
      at(make({.residence = "110102", .categories = {category::living_alone}}), "2023-06-01").eligible);
  // Under 60: born 1964-07-01 → 60 on 2024-07-01.
  const person young = make({.birth = "1964-07-01", .categories = {category::living_alone}});
  CHECK_FALSE(at(young, "2024-06-30").eligible);
  CHECK(at(young, "2024-06-30").would_be_eligible_on() == d("2024-07-01"));
  CHECK(*at(young, "2024-07-01").granted == one_visit);
}

TEST_CASE("guangdong visits: known from the notice of 2020-09-16, undetermined before") {
  const person p = make({.categories = {category::kongchao}});
  // The report describes a visiting system being set up and improved: the day before its date is not
  // "not in force" but undetermined (issue 13), with the reason.
  CHECK(at(p, "2020-09-15").status == decision_status::undetermined);
  CHECK(at(p, "2020-09-15").status_note.find("scheme known from 2020-09-16; earlier dates undetermined") !=
        std::string::npos);
  CHECK_FALSE(at(p, "2020-09-15").eligible);
  CHECK(*at(p, "2020-09-16").granted == one_visit);
  CHECK(at(p, "2020-09-16").version_label == "2020");
}

TEST_CASE("guangdong visits: the explanation cites the seed's phrase") {
  const decision dec = at(make({.categories = {category::left_behind}}), "2023-06-01");
  const std::string text = explain(dec);
  CHECK(text.find("ELIGIBLE for 1 visit per month") != std::string::npos);
  CHECK(text.find("定期探訪制度") != std::string::npos); // quoted as the seed writes it (traditional)
  CHECK(text.find("月探訪率") != std::string::npos);
  CHECK(text.find("in force 2020-09-16") != std::string::npos);
  CHECK(dec.rules.at(0).cite.source == "seeds/003_3399271195f83ca0.txt");
  const decision no = at(make({.residence = "110102", .categories = {category::left_behind}}), "2023-06-01");
  CHECK(explain(no).find("residence.region = 110102") != std::string::npos);
}

TEST_CASE("guangdong visits: readings change the answer where the text is open") {
  const category_set alone{category::living_alone};
  // Basis: hukou in 越秀, living in Beijing...
  const person away = make({.residence = "110102", .categories = alone});
  CHECK_FALSE(at(away, "2023-06-01").eligible);                                   // residence (default)
  CHECK(at(away, "2023-06-01", {{"guangdong.visits.basis", "hukou"}}).eligible);  // hukou
  CHECK(at(away, "2023-06-01", {{"guangdong.visits.basis", "either"}}).eligible); // either
  // ...and a Beijing-hukou elder living in 越秀 (常住, not 户籍).
  const person migrant = make({.hukou = "110102", .categories = alone});
  CHECK(at(migrant, "2023-06-01").eligible);
  CHECK_FALSE(at(migrant, "2023-06-01", {{"guangdong.visits.basis", "hukou"}}).eligible);
  CHECK(at(migrant, "2023-06-01", {{"guangdong.visits.basis", "either"}}).eligible);
  // Region: narrowing to 中山市 442000 leaves 越秀 out and keeps a 中山 town in.
  const reading_set zhongshan{{"guangdong.visits.region", "442000"}};
  CHECK_FALSE(at(make({.categories = alone}), "2023-06-01", zhongshan).eligible);
  CHECK(
      at(make({.hukou = "442000001", .residence = "442000001", .categories = alone}), "2023-06-01", zhongshan)
          .eligible);
  CHECK_THROWS_WITH(at(migrant, "2023-06-01", {{"guangdong.visits.region", "110102"}}),
                    Catch::Contains("readings.guangdong.visits.region"));
  // Minimum age none: a 58-year-old living alone (born 1965-01-01).
  CHECK_FALSE(at(make({.birth = "1965-01-01", .categories = alone}), "2023-06-01").eligible);
  CHECK(at(make({.birth = "1965-01-01", .categories = alone}), "2023-06-01",
           {{"guangdong.visits.min_age", "none"}})
            .eligible);
  // 失能 from level 2.
  CHECK(at(make({.level = 2}), "2023-06-01", {{"guangdong.visits.disabled_level", "2"}}).eligible);
  // Certificates: none (the default) → a grade-1 certificate alone does not count; any_grade → grade 4
  // counts.
  const person grade1 = make({.certificate = cert(disability_category::visual, disability_grade::one)});
  CHECK_FALSE(at(grade1, "2023-06-01", {{"guangdong.visits.certificate", "none"}}).eligible);
  const person grade4 = make({.certificate = cert(disability_category::hearing, disability_grade::four)});
  CHECK_FALSE(at(grade4, "2023-06-01").eligible);
  CHECK(at(grade4, "2023-06-01", {{"guangdong.visits.certificate", "any_grade"}}).eligible);
  // Several groups: one visit per elder by default; one per group under per_category.
  const person several = make({.categories = {category::living_alone, category::kongchao}, .level = 3});
  CHECK(at(several, "2023-06-01").granted->quantity() == 1);
  const decision per_group = at(several, "2023-06-01", {{"guangdong.visits.per_category", "per_category"}});
  CHECK(per_group.granted->quantity() == 3); // 独居 + 空巢 + 失能
  CHECK(per_group.granted->to_string() == "3 visits per month");
  // Birthday readings: born 1964-07-01, day-after-birthday → 2024-07-02.
  const person young = make({.birth = "1964-07-01", .categories = alone});
  CHECK_FALSE(at(young, "2024-07-01", {{"age.reached", "day_after_birthday"}}).eligible);
  CHECK(at(young, "2024-07-02", {{"age.reached", "day_after_birthday"}}).eligible);
}

TEST_CASE("guangdong visits: the notice's city is a required input") {
  // 「全市24个镇(街道)」: one city's plan, the city unnamed. Without it the entry is not computable and
  // says what to give; the province is no longer assumed (issue 13).
  const catalog& c = standard_catalog();
  const person p = make({.categories = {category::living_alone}});
  const decision without = c.evaluate(visits, p, d("2023-06-01"));
  CHECK(without.status == decision_status::not_computable);
  CHECK(without.status_note.find("guangdong.visits.region") != std::string::npos);
  CHECK_FALSE(without.eligible);
  CHECK(c.policy_for(visits).status() == computability::announced);
  // Given a city, its elders only: 越秀 440104 is in 广州 440100, not in 中山 442000.
  CHECK(at(p, "2023-06-01", {{"guangdong.visits.region", "440100"}}).eligible);
  CHECK_FALSE(at(p, "2023-06-01", {{"guangdong.visits.region", "442000"}}).eligible);
}

TEST_CASE("guangdong planning norms: town centres, 230 facilities, 100% / 90% coverage") {
  const catalog& c = standard_catalog();
  const char* norms = "cn.guangdong.planning_norms";
  service_area a{.id = "city", .region = rc("442000")};
  a.towns = 24;
  a.towns_with_centre = 20;
  a.community_facilities = 200;
  a.urban_communities = 150;
  a.urban_communities_covered = 150;
  a.rural_communities = 300;
  a.rural_communities_covered = 260;
  const auto r = c.assess(norms, a);
  REQUIRE(r.size() == 4);
  // 「在全市24个镇(街道)设立居家养老综合服务中心」: a centre in each of the 24 → gap 4.
  CHECK((r[0].norm_id == "town_centres" && r[0].required == 24 && r[0].gap == 4));
  // 「不少于230个村(社区)居家养老设施」: 230 → gap 30.
  CHECK((r[1].norm_id == "community_facilities" && r[1].required == 230 && r[1].gap == 30));
  // 100% of 150 urban communities: met. 90% of 300 rural ones = 270 → gap 10.
  CHECK((r[2].norm_id == "urban_coverage" && r[2].met));
  CHECK((r[3].norm_id == "rural_coverage" && r[3].required == 270 && r[3].gap == 10));
  // Rounded up: 90% of 11 = 9.9 → 10 needed.
  a.rural_communities = 11;
  a.rural_communities_covered = 9;
  CHECK(c.assess(norms, a)[3].gap == 1);
  for (const auto& n : c.norms_for(norms)) CHECK(n.origin == provenance::stated);
}

TEST_CASE("guangdong budget norm: ≥ 70% of the welfare-lottery funds to eldercare") {
  const catalog& c = standard_catalog();
  const catalog_entry& e = c.at(visits);
  CHECK(e.subject == subject_kind::person);
  CHECK(static_cast<bool>(e.build));
  CHECK(static_cast<bool>(e.build_norms)); // the same entry carries the budget norm
  REQUIRE(c.norms_for(visits).size() == 1);
  service_area a{.id = "city", .region = rc("442000")};
  a.welfare_lottery_funds = money::parse("1000000.00");
  a.welfare_lottery_eldercare = money::parse("600000.00");
  // 70% of 1,000,000.00 yuan = 700,000.00 yuan = 70,000,000 fen; 60,000,000 spent → gap 10,000,000 fen.
  auto r = c.assess(visits, a);
  REQUIRE(r.size() == 1);
  CHECK(r[0].norm_id == "welfare_lottery_share");
  CHECK(r[0].required == 70000000);
  CHECK(r[0].gap == 10000000);
  CHECK_FALSE(r[0].met);
  CHECK(r[0].explanation.find("不低于70%") != std::string::npos);
  // Rounded up: 1,000.01 yuan = 100,001 fen → 70,000.7 → 70,001 fen; 700.00 yuan leaves 1 fen.
  a.welfare_lottery_funds = money::parse("1000.01");
  a.welfare_lottery_eldercare = money::parse("700.00");
  CHECK(c.assess(visits, a)[0].required == 70001);
  CHECK(c.assess(visits, a)[0].gap == 1);
  a.welfare_lottery_eldercare = money::parse("700.01");
  CHECK(c.assess(visits, a)[0].met);
}

TEST_CASE("guangdong visits: metadata, citations and provenance") {
  const catalog& c = standard_catalog();
  const catalog_entry& e = c.at(visits);
  CHECK(e.source == "seeds/003_3399271195f83ca0.txt");
  for (const auto& name : e.readings) CHECK(c.find_reading(name) != nullptr);
  CHECK(c.find_reading("guangdong.visits.basis")->default_choice == "residence");
  CHECK_FALSE(c.find_reading("guangdong.visits.region")->enumerable);
  const policy p = c.policy_for(visits, reading_set{{"guangdong.visits.region", "440100"}});
  REQUIRE(p.versions().size() == 1);
  CHECK(p.versions()[0].effective_from == d("2020-09-16"));
  CHECK(p.versions()[0].rules.size() == 5);
  for (const auto& r : p.versions()[0].rules) {
    CHECK(r.cite.source == "seeds/003_3399271195f83ca0.txt");
    CHECK(r.cite.key_phrase.find("月探訪率") != std::string::npos);
    CHECK(r.grant == one_visit);
    CHECK_FALSE(r.parameters.empty());
  }
}

TEST_CASE("guangdong visits: all cases as one shuffled batch give the same answers") {
  struct batch_case {
    person p;
    const char* on;
    reading_set r;
    std::optional<benefit> expected; // worked out by hand in the cases above
  };
  const category_set alone{category::living_alone};
  std::vector<batch_case> cases = {
      {make({.categories = alone}), "2023-06-01", {}, one_visit},
      {make({.categories = {category::kongchao}}), "2020-09-15", {}, std::nullopt},
      {make({.categories = {category::kongchao}}), "2020-09-16", {}, one_visit},
      {make({.categories = {category::left_behind}}), "2023-06-01", {}, one_visit},
      {make({.level = 3}), "2023-06-01", {}, one_visit},
      {make({.level = 2}), "2023-06-01", {}, std::nullopt},
      {make({.level = 2}), "2023-06-01", {{"guangdong.visits.disabled_level", "2"}}, one_visit},
      {make({.certificate = cert(disability_category::physical, disability_grade::two)}),
       "2023-06-01",
       {{"guangdong.visits.certificate", "grade_1_2"}},
       one_visit},
      {make({.certificate = cert(disability_category::physical, disability_grade::two)}),
       "2023-06-01",
       {},
       std::nullopt},
      {make({.certificate = cert(disability_category::physical, disability_grade::three)}),
       "2023-06-01",
       {},
       std::nullopt},
      {make({.categories = {category::shidu}}), "2023-06-01", {}, one_visit},
      {make({.categories = {category::dibao}}), "2023-06-01", {}, std::nullopt},
      {make({.residence = "110102", .categories = alone}), "2023-06-01", {}, std::nullopt},
      {make({.residence = "110102", .categories = alone}),
       "2023-06-01",
       {{"guangdong.visits.basis", "hukou"}},
       one_visit},
      {make({.hukou = "110102", .categories = alone}), "2023-06-01", {}, one_visit},
      {make({.birth = "1964-07-01", .categories = alone}), "2024-06-30", {}, std::nullopt},
      {make({.birth = "1964-07-01", .categories = alone}), "2024-07-01", {}, one_visit},
      {make({.categories = {category::living_alone, category::kongchao}, .level = 3}),
       "2023-06-01",
       {{"guangdong.visits.per_category", "per_category"}},
       visits_per_month(3)},
  };
  auto run = [&](const batch_case& k) { return at(k.p, k.on, k.r).granted; };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i << " on " << cases[i].on);
    CHECK(run(cases[i]) == cases[i].expected);
  }
  std::vector<std::size_t> order(cases.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(20200916U);
  std::shuffle(order.begin(), order.end(), rng);
  for (const std::size_t i : order) {
    INFO("shuffled case " << i << " on " << cases[i].on);
    CHECK(run(cases[i]) == cases[i].expected);
  }
}
