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
  reg.add(
      facility("HB", facility_kind::institution, rc("131082"), 300, filing(rc("131082"), d("2019-03-01"))));
  auto p = [&](const char* id, const char* hukou, const char* birth, std::vector<stay> s) {
    return person{.id = id,
                  .birth_date = d(birth),
                  .hukou = {rc(hukou), std::nullopt},
                  .residence = {rc("131082"), false},
                  .stays = std::move(s)};
  };
  const std::vector<person> people = {
      // Settled: in since 2022, Xicheng, 78 → 600 under every reading.
      p("settled", "110102", "1946-01-01", {stay("HB", d("2022-01-01"))}),
      // Admitted 2024-02-15: on 2024-05-20 complete under civil_code (05-15), not under natural months
      // (05-31).
      p("counting", "110102", "1946-01-01", {stay("HB", d("2024-02-15"))}),
      // Xuanwu code: depends on hukou.legacy_codes only.
      p("xuanwu", "110104", "1946-01-01", {stay("HB", d("2022-01-01"))}),
      // 58 years old: depends on xicheng.min_age only.
      p("young", "110102", "1966-01-01", {stay("HB", d("2022-01-01"))}),
      // Not Xicheng: never eligible.
      p("chaoyang", "110105", "1946-01-01", {stay("HB", d("2022-01-01"))}),
  };
  const auto rep =
      sensitivity(standard_catalog(), "cn.beijing.xicheng.cross_region_care", people, d("2024-05-20"), &reg);
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
  over.fixed.set("stay.counting", "civil_code")
      .set("hukou.legacy_codes", "as_successor")
      .set("xicheng.min_age", "60");
  const auto per = sensitivity(standard_catalog(), "cn.beijing.xicheng.cross_region_care", people,
                               d("2024-06-30"), &reg, over);
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
  person p{.id = "w",
           .birth_date = d("1945-01-01"),
           .hukou = {rc("371002"), std::nullopt},
           .residence = {rc("371002"), false},
           .ability = assessment(ability_scale::gbt_42195_2022, ability_level(1), d("2023-01-01")),
           .categories = {category::dibao}};
  const std::vector<person> people{p};
  const auto rep =
      sensitivity(standard_catalog(), "cn.shandong.weihai.home_care_purchase", people, d("2024-01-01"));
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

TEST_CASE("sensitivity sees the readings of issue 13, and counts undetermined persons apart") {
  facility_registry reg;
  reg.add(
      facility("HB", facility_kind::institution, rc("131082"), 300, filing(rc("131082"), d("2019-03-01"))));
  reg.add(
      facility("HB-bj", facility_kind::institution, rc("131082"), 90, filing(rc("110102"), d("2019-03-01"))));
  reg.add(facility("HR-unfiled", facility_kind::institution, rc("110116"), 40));
  auto p = [&](const char* id, std::vector<stay> s) {
    return person{.id = id,
                  .birth_date = d("1946-01-01"),
                  .hukou = {rc("110102"), std::nullopt},
                  .residence = {rc("131082"), false},
                  .stays = std::move(s)};
  };
  const std::vector<person> people = {
      p("filed", {stay("HB", d("2022-01-01"))}),            // 600 under every reading
      p("beijing_filed", {stay("HB-bj", d("2022-01-01"))}), // 600 only when the authority is not checked
      p("eco_unfiled", {stay("HR-unfiled", d("2023-01-01"))}), // 200 unless the 生态涵养区 filing is required
  };
  sensitivity_options only_new;
  only_new.fixed.set("stay.counting", "civil_code")
      .set("xicheng.min_age", "60")
      .set("stay.transfers", "continues");
  const auto rep = sensitivity(standard_catalog(), "cn.beijing.xicheng.cross_region_care", people,
                               d("2024-06-01"), &reg, only_new);
  // Defaults: filed 600 + eco_unfiled 200 = 800.
  CHECK(rep.combinations[rep.default_combination].total == 800_yuan);
  auto effect = [&](const char* name) -> const reading_effect& {
    for (const auto& e : rep.effects)
      if (e.reading == name) return e;
    FAIL("no effect for " << name);
    return rep.effects.front();
  };
  CHECK(effect("xicheng.eco_filing").persons_affected == 1);
  CHECK(effect("xicheng.eco_filing").total_with_defaults == std::vector<money>{800_yuan, 600_yuan});
  CHECK(effect("xicheng.filing_authority").persons_affected == 1);
  CHECK(effect("xicheng.filing_authority").values ==
        std::vector<std::string>{"same_province", "same_county", "not_checked"});
  CHECK(effect("xicheng.filing_authority").total_with_defaults ==
        std::vector<money>{800_yuan, 800_yuan, 1400_yuan});
  CHECK(rep.combinations[rep.default_combination].undetermined == 0);

  // Rongcheng's lunch on 2021-05-10, the day before it is known: every person undetermined under every
  // combination, nothing counted as 0 owed in the totals, and the report says so.
  const std::vector<person> elders = {person{.id = "r1",
                                             .birth_date = d("1936-01-01"),
                                             .hukou = {rc("371082"), std::nullopt},
                                             .residence = {rc("371082"), true},
                                             .programmes = {"rongcheng.warm_canteen"}}};
  const auto early =
      sensitivity(standard_catalog(), "cn.shandong.rongcheng.rural_free_lunch", elders, d("2021-05-10"));
  for (const auto& c : early.combinations)
    CHECK((c.undetermined == 1 && c.eligible == 0 && c.other_quantity == 0));
  CHECK(early.to_string().find("persons undetermined under the default readings") != std::string::npos);
  CHECK(early.persons_undecided == 0);
  // The next day the canteen reading decides: registered, so 1 meal a day under both of its values.
  const auto known =
      sensitivity(standard_catalog(), "cn.shandong.rongcheng.rural_free_lunch", elders, d("2021-05-11"));
  CHECK(known.combinations[known.default_combination].undetermined == 0);
  CHECK(known.combinations[known.default_combination].other_quantity == 1);
  // Over a period that straddles the known start (April: undetermined; May: decided), the person counts
  // as undetermined, and the months known still give their meals.
  sensitivity_options period;
  period.period = std::pair{d("2021-04-01"), d("2021-05-31")};
  const auto straddle = sensitivity(standard_catalog(), "cn.shandong.rongcheng.rural_free_lunch", elders,
                                    d("2021-05-31"), nullptr, period);
  CHECK(straddle.combinations[straddle.default_combination].undetermined == 1);
  CHECK(straddle.combinations[straddle.default_combination].other_quantity == 1); // May: 1 meal a day granted
}
