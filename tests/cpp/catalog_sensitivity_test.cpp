// Interpretation sensitivity over the open readings of the Xicheng rule.
#include <catch2/catch.hpp>

#include "eldercare/eldercare.hpp"

using namespace eldercare;
using namespace eldercare::literals;

namespace {
date d(const char* iso) { return parse_date(iso); }
region_code rc(const char* c) { return region_code::parse(c); }
} // namespace

TEST_CASE("sensitivity names the readings that change outcomes, and by how much") {
  facility_registry reg;
  reg.add(facility("HB", facility_kind::institution, rc("131082"), 300, filing(rc("131082"), d("2019-03-01"))));
  auto p = [&](const char* id, const char* hukou, const char* birth, std::vector<stay> s) {
    return person{.id = id, .birth_date = d(birth), .hukou = {rc(hukou), std::nullopt}, .residence = {rc("131082"), false},
                  .stays = std::move(s)};
  };
  const std::vector<person> people = {
      // Settled: in since 2022, Xicheng, 78 → 600 under every reading.
      p("settled", "110102", "1946-01-01", {stay("HB", d("2022-01-01"))}),
      // Admitted 2024-02-15: on 2024-05-20 complete under civil_code (05-15), not under natural months (05-31).
      p("counting", "110102", "1946-01-01", {stay("HB", d("2024-02-15"))}),
      // Xuanwu code: depends on hukou.legacy_codes only.
      p("xuanwu", "110104", "1946-01-01", {stay("HB", d("2022-01-01"))}),
      // 58 years old: depends on xicheng.min_age only.
      p("young", "110102", "1966-01-01", {stay("HB", d("2022-01-01"))}),
      // Not Xicheng: never eligible.
      p("chaoyang", "110105", "1946-01-01", {stay("HB", d("2022-01-01"))}),
  };
  const auto rep = sensitivity(standard_catalog(), "cn.beijing.xicheng.cross_region_care", people, d("2024-05-20"), &reg);
  // Defaults: settled, counting, xuanwu eligible (3 × 600); young (min age 60) and chaoyang not.
  CHECK(rep.combinations[rep.default_combination].total == 1800_yuan);
  CHECK(rep.combinations[rep.default_combination].eligible == 3);
  // Best case: young eligible too (4 × 600); worst: counting, xuanwu, young out (1 × 600).
  CHECK(rep.max_total == 2400_yuan);
  CHECK(rep.min_total == 600_yuan);
  CHECK(rep.persons_undecided == 3);
  auto effect = [&](const char* name) -> const reading_effect& {
    for (const auto& e : rep.effects)
      if (e.reading == name) return e;
    FAIL("no effect for " << name);
    return rep.effects.front();
  };
  CHECK(effect("stay.counting").persons_affected == 1);
  CHECK(effect("stay.counting").max_total_change == 600_yuan);
  CHECK(effect("hukou.legacy_codes").persons_affected == 1);
  CHECK(effect("xicheng.min_age").persons_affected == 1);
  CHECK(effect("xicheng.min_age").total_with_defaults == std::vector<money>{1800_yuan, 2400_yuan});
  CHECK(effect("stay.transfers").persons_affected == 0);
  CHECK(effect("xicheng.back_pay").persons_affected == 0); // acts on schedules only
  CHECK(rep.to_string().find("stay.counting: affects 1 persons") != std::string::npos);

  // Over a period, back-pay matters: "counting" completes in May 2024 (civil code) → arrears of 3 months.
  sensitivity_options over;
  over.period = std::pair{d("2024-01-01"), d("2024-06-30")};
  over.fixed.set("stay.counting", "civil_code").set("hukou.legacy_codes", "as_successor").set("xicheng.min_age", "60");
  const auto per = sensitivity(standard_catalog(), "cn.beijing.xicheng.cross_region_care", people, d("2024-06-30"), &reg, over);
  CHECK(effect("xicheng.back_pay").reading == "xicheng.back_pay");
  bool found = false;
  for (const auto& e : per.effects)
    if (e.reading == "xicheng.back_pay") {
      found = true;
      CHECK(e.persons_affected == 1);
      CHECK(e.max_total_change == 1800_yuan); // 3 months × 600
    }
  CHECK(found);
}

TEST_CASE("sensitivity sees non-money grants (service hours) too") {
  // Weihai home care: a dispersed 低保 elder at GB/T level 1 gets 45 h (半失能) only when the
  // reading counts level 1 as semi-dependent; under the default (level 2 only) nothing.
  person p{.id = "w", .birth_date = d("1945-01-01"), .hukou = {rc("371002"), std::nullopt}, .residence = {rc("371002"), false},
           .ability = assessment(ability_scale::gbt_42195_2022, ability_level(1), d("2023-01-01")), .categories = {category::dibao}};
  const std::vector<person> people{p};
  const auto rep = sensitivity(standard_catalog(), "cn.shandong.weihai.home_care_purchase", people, d("2024-01-01"));
  CHECK(rep.persons_undecided == 1);
  bool found = false;
  for (const auto& e : rep.effects)
    if (e.reading == "weihai.dependency_scale") {
      found = true;
      CHECK(e.persons_affected == 1);
    }
  CHECK(found);
  CHECK(rep.combinations[rep.default_combination].other_quantity == 0);
  std::int64_t most = 0;
  for (const auto& c : rep.combinations) most = std::max(most, c.other_quantity);
  CHECK(most == 45);
}
