// catalog/published_figures.hpp and catalog/validation.hpp: the published figures quote their seeds;
// the validation table's arithmetic on a small fixed population, worked by hand; a reading the
// figures contradict is marked so; the planning norms on the published supply.
#include <catch2/catch.hpp>

#include <filesystem> // the seed copies in docs/sources/
#include <fstream>    // reading a seed
#include <iterator>   // std::istreambuf_iterator
#include <limits>     // infinity
#include <set>        // unique ids
#include <string>

#include "eldercare/catalog/validation.hpp" // not in the umbrella: it draws synthetic populations
#include "eldercare/eldercare.hpp"

using namespace eldercare;

namespace {
std::string seed_text(std::string_view source) {
  const auto path = std::filesystem::path(ELDERCARE_SOURCE_DIR) / "docs" / "sources" /
                    std::string(catalog_sources::seed_file(source));
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

person xian_elder(std::string id, const char* birth) {
  const region_code yanta = region_code::parse("610113");
  return person{.id = std::move(id),
                .birth_date = parse_date(birth),
                .hukou = {yanta, std::nullopt},
                .residence = {yanta, false}};
}

// The advanced-age allowance model with a base of 1,000,000 elders and no calibration margin, so
// that every number below can be worked by hand.
figure_model hand_model() {
  figure_model m = figure_models()[3];
  REQUIRE(m.figure == "xian.advanced_age.recipients");
  m.base.elders = 1'000'000;
  m.uncertainty = 0.0;
  return m;
}

// Ten Xi'an elders on 2022-07-01: two aged 65-66, seven aged 70-76, one aged 85.
std::vector<person> ten_elders() {
  return {xian_elder("a", "1957-01-01"), xian_elder("b", "1956-01-01"), xian_elder("c", "1952-01-01"),
          xian_elder("d", "1951-01-01"), xian_elder("e", "1950-01-01"), xian_elder("f", "1949-01-01"),
          xian_elder("g", "1948-01-01"), xian_elder("h", "1947-01-01"), xian_elder("i", "1946-01-01"),
          xian_elder("j", "1937-01-01")};
}

const validation_row& row_of(const std::vector<validation_row>& rows, const char* bands, const char* cert) {
  for (const auto& r : rows)
    if (r.readings.chosen().at("xian.advanced_age_bands") == bands &&
        r.readings.chosen().at("xian.annual_certification") == cert)
      return r;
  FAIL("no row for " << bands << "/" << cert);
  return rows.front();
}
} // namespace

TEST_CASE("every published figure quotes its seed verbatim, once per id") {
  std::set<std::string_view> ids;
  for (const auto& f : published_figures) {
    INFO(f.id);
    CHECK(ids.insert(f.id).second);
    CHECK(f.value > 0);
    const std::string text = seed_text(f.source);
    REQUIRE_FALSE(text.empty());
    CHECK(text.find(f.quote) != std::string::npos);
    if (!f.policy_id.empty()) CHECK_NOTHROW(standard_catalog().at(f.policy_id));
  }
  CHECK_THROWS_WITH(published_figure_at("xian.nothing"), Catch::Contains("xian.nothing"));
}

TEST_CASE("the Xi'an amounts are derived from the published figures (declared once)") {
  // 约5.6亿元 ÷ 72万 = 56,000,000,000 fen ÷ 720,000 = 77,777.78 fen → 77,778 fen a year.
  const decision got = standard_catalog().evaluate("cn.shaanxi.xian.advanced_age_allowance",
                                                   xian_elder("x", "1950-01-01"), parse_date("2022-07-01"));
  REQUIRE(got.eligible);
  CHECK(got.amount().fen() == 77'778);
  CHECK(published::xian_advanced_age_spending.value == 56'000'000'000);
}

TEST_CASE("every figure model names a modelled figure and the readings of its entry") {
  for (const auto& m : figure_models()) {
    INFO(m.figure);
    const published_figure& f = published_figure_at(m.figure);
    CHECK(f.measure == figure_measure::recipients);
    const catalog_entry& e = standard_catalog().at(f.policy_id);
    for (const auto r : m.readings)
      CHECK(std::find(e.readings.begin(), e.readings.end(), r) != e.readings.end());
    if (!m.spending.empty()) CHECK(published_figure_at(m.spending).measure == figure_measure::spending);
    CHECK(m.base.elders > 0);
    CHECK(m.uncertainty >= 0.0);
  }
}

TEST_CASE("the validation table's arithmetic on ten elders, by hand") {
  const auto rows = validate_model(standard_catalog(), hand_model(), ten_elders(), nullptr);
  // Two readings varied: 3 bands × 2 certification values = 6 combinations, defaults first.
  REQUIRE(rows.size() == 6);
  CHECK(rows.front().is_default);
  CHECK(rows.front().readings.chosen().at("xian.advanced_age_bands") == "flat_from_70");

  // flat_from_70, no certification: 8 of 10 are 70+ → 8/10 × 1,000,000 = 800,000 modelled.
  const auto& from70 = row_of(rows, "flat_from_70", "not_tested");
  CHECK(from70.sample_size == 10);
  CHECK(from70.sample_eligible == 8);
  CHECK(from70.modelled == 800'000);
  // take-up 720,000 ÷ 800,000 = 0.9; gap (800,000 − 720,000) ÷ 720,000 = +11.11%.
  CHECK(from70.take_up == Approx(0.9));
  CHECK(from70.gap_percent == Approx(11.1111).epsilon(1e-4));
  // Upper bound: p = 0.8, SE = √(0.8·0.2/10) = 0.126491; (0.8 + 0.252982) × 1,000,000 = 1,052,982.
  CHECK(from70.modelled_upper == 1'052'982);
  CHECK(from70.verdict == evidence_verdict::consistent);
  // Money: 8 × 777.78 yuan = 622,224 fen for ten → × 100,000 = 62,222,400,000 fen a year; the
  // published 约5.6亿元 = 56,000,000,000 fen: take-up 0.9000, gap +11.1114%.
  CHECK(from70.published_spending_fen == 56'000'000'000);
  CHECK(from70.modelled_spending_fen == 62'222'400'000);
  CHECK(from70.spending_take_up == Approx(56.0 / 62.2224));
  CHECK(from70.spending_gap_percent == Approx(11.1114).epsilon(1e-4));

  // flat_from_80: 1 of 10 → 100,000; upper (0.1 + 2·√(0.1·0.9/10)) × 1,000,000 = (0.1 + 0.189737)
  // × 1,000,000 = 289,737 < 720,000 paid: contradicted by the published figure.
  const auto& from80 = row_of(rows, "flat_from_80", "not_tested");
  CHECK(from80.modelled == 100'000);
  CHECK(from80.take_up == Approx(7.2));
  CHECK(from80.gap_percent == Approx(-86.1111).epsilon(1e-4));
  CHECK(from80.modelled_upper == 289'737);
  CHECK(from80.verdict == evidence_verdict::contradicted);
  CHECK(from80.rank == 0);

  // demo_tiers: the same 8 eligible; money 7 × 600 + 1 × 1,200 = 5,400 yuan for ten → 54,000,000,000
  // fen; gap (54 − 56) ÷ 56 = −3.5714%.
  const auto& demo = row_of(rows, "demo_tiers", "not_tested");
  CHECK(demo.modelled == 800'000);
  CHECK(demo.modelled_spending_fen == 54'000'000'000);
  CHECK(demo.spending_gap_percent == Approx(-3.5714).epsilon(1e-4));
  CHECK(demo.verdict == evidence_verdict::consistent);

  // Certification required: nobody is enrolled → 0 eligible; take-up infinite; the rule of three
  // gives an upper bound of 3/10 × 1,000,000 = 300,000 < 720,000: contradicted.
  const auto& certified = row_of(rows, "flat_from_70", "required");
  CHECK(certified.modelled == 0);
  CHECK(certified.take_up == std::numeric_limits<double>::infinity());
  CHECK(certified.modelled_upper == 300'000);
  CHECK(certified.verdict == evidence_verdict::contradicted);

  // Ranks: the consistent combinations by |ln take-up| (0.9 and 0.9: the order of enumeration).
  CHECK(from70.rank == 1);
  CHECK(demo.rank == 2);
}

TEST_CASE("the calibration margin widens the bound before a reading is contradicted") {
  figure_model m = hand_model();
  // (0.1 + 0.1897367) × 1,000,000 × 2.5 = 724,341.6 → 724,342 ≥ 720,000: no longer contradicted.
  m.uncertainty = 1.5;
  const auto rows = validate_model(standard_catalog(), m, ten_elders(), nullptr);
  const auto& from80 = row_of(rows, "flat_from_80", "not_tested");
  CHECK(from80.modelled_upper == 724'342);
  CHECK(from80.verdict == evidence_verdict::consistent);
  // Ranked by |ln take-up|: 0.9 and 0.9 (0.105) before 7.2 (1.974); the certified combinations
  // (nobody eligible, an infinite take-up, bound 300,000 × 2.5 = 750,000 ≥ 720,000) come last.
  CHECK(row_of(rows, "flat_from_70", "not_tested").rank == 1);
  CHECK(row_of(rows, "demo_tiers", "not_tested").rank == 2);
  CHECK(from80.rank == 3);
  CHECK(row_of(rows, "flat_from_70", "required").rank == 4);
  // A model calibrated from its figure is a check, never evidence.
  m.calibrated_from = "this figure";
  for (const auto& r : validate_model(standard_catalog(), m, ten_elders(), nullptr))
    CHECK(r.verdict == evidence_verdict::calibrated);
}

TEST_CASE("the planning norms on the published supply and the census elders") {
  const auto checks = norm_checks(standard_catalog());
  REQUIRE(checks.size() == 3);
  // Xicheng: 287,321 resident elders ÷ 1,000, rounded up = 288 meal points required; 296 built: met.
  CHECK(checks[0].norm_id == "meal_points_per_1000_elders");
  CHECK(checks[0].result.required == 288);
  CHECK(checks[0].result.actual == 296);
  CHECK(checks[0].result.met);
  // The district's own target: 320; 296 built → a gap of 24.
  CHECK(checks[1].result.required == 320);
  CHECK(checks[1].result.gap == 24);
  CHECK_FALSE(checks[1].result.met);
  // Weihai: 50% of 38,366 beds = 19,183 nursing beds required; 21,360 (55.7%): met.
  CHECK(checks[2].result.required == 19'183);
  CHECK(checks[2].result.actual == 21'360);
  CHECK(checks[2].result.met);
}
