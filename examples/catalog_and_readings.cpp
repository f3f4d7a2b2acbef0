// The catalog: evaluate a policy by id, choose a reading where the source is open, and ask which
// outcomes depend on the open readings.
#include <iostream>

#include <eldercare/eldercare.hpp>

int main() {
  using namespace eldercare;
  const catalog& cat = standard_catalog();

  facility_registry facilities;
  facilities.add(facility("HB-01", facility_kind::institution, region_code::parse("131082"), 300,
                          filing(region_code::parse("131082"), parse_date("2019-03-01"))));
  auto elder = [](const char* id, const char* hukou, const char* birth, const char* admitted) {
    return person{.id = id,
                  .birth_date = parse_date(birth),
                  .hukou = {region_code::parse(hukou), std::nullopt},
                  .residence = {region_code::parse("131082"), false},
                  .stays = {stay("HB-01", parse_date(admitted))}};
  };
  const std::vector<person> people = {elder("wang", "110102", "1942-03-08", "2024-02-15"),
                                      elder("li", "110104", "1939-11-30", "2022-06-01"),
                                      elder("zhao", "110102", "1966-01-01", "2023-01-01")};
  for (const auto& p : people) validate(p, &facilities);

  const char* id = "cn.beijing.xicheng.cross_region_care";
  const date on = parse_date("2024-05-20");
  std::cout << "== " << id << " on " << to_iso(on) << " (default readings)\n";
  for (const auto& p : people) std::cout << explain(cat.evaluate(id, p, on, &facilities)) << "\n";

  // Natural months instead of the Civil Code: wang's stay (from 02-15) completes on 05-31, not 05-15.
  const decision natural =
      cat.evaluate(id, people[0], on, &facilities, reading_set{{"stay.counting", "natural_month"}});
  std::cout << "wang under stay.counting=natural_month: " << (natural.eligible ? "eligible" : "not eligible")
            << "\n\n";

  const auto report = sensitivity(cat, id, people, on, &facilities);
  std::cout << report.to_string();

  // The example is a test: wang eligible by default, not under natural months; zhao (58) only
  // without the minimum-age reading; li (宣武 110104) only when legacy codes count as 西城.
  const bool ok = cat.evaluate(id, people[0], on, &facilities).eligible && !natural.eligible &&
                  report.persons_undecided == 3;
  return ok ? 0 : 1;
}
