// The synthetic population: reproducible for a seed whatever the chunking, and calibrated (the
// shares below are the ones docs/calibration.md sets out, within sampling error).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"

using namespace eldercare;

namespace {
date d(const char* iso) { return parse_date(iso); }

// Every fact of every row, as persons (covers all columns).
std::vector<person> persons_of(const std::vector<const population_columns*>& parts) {
  std::vector<person> out;
  for (const auto* p : parts)
    for (std::size_t i = 0; i < p->size(); ++i) out.push_back(p->to_person(i));
  return out;
}

bool same(const person& a, const person& b) {
  return a.id == b.id && a.birth_date == b.birth_date && a.hukou.region == b.hukou.region &&
         a.hukou.since == b.hukou.since && a.residence.region == b.residence.region &&
         a.residence.rural == b.residence.rural && a.ability == b.ability && a.disability == b.disability &&
         a.categories == b.categories && a.health == b.health && a.stays == b.stays &&
         a.household_id == b.household_id && a.programmes == b.programmes;
}

std::size_t count_same(const std::vector<person>& a, const std::vector<person>& b) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) n += same(a[i], b[i]) ? 1 : 0;
  return n;
}

// True when `share` is within 4 standard errors of `expected` for n draws.
bool near(double share, double expected, std::size_t n) {
  const double se = std::sqrt(expected * (1 - expected) / static_cast<double>(n));
  return std::abs(share - expected) <= 4 * se + 1e-9;
}
} // namespace

TEST_CASE("synthetic: a seed gives the same rows, whatever the chunks") {
  synthetic_population a({.seed = 2024});
  synthetic_population b({.seed = 2024});
  const population_columns whole = a.next(20000);
  const population_columns first = b.next(7000);
  const population_columns second = b.next(13000);
  CHECK(a.rows_drawn() == 20000);
  CHECK(b.rows_drawn() == 20000);
  const auto x = persons_of({&whole});
  const auto y = persons_of({&first, &second});
  REQUIRE(x.size() == y.size());
  CHECK(count_same(x, y) == x.size());
  // append_to a population made by next() continues the stream too.
  synthetic_population c({.seed = 2024});
  population_columns grown = c.next(5000);
  c.append_to(grown, 15000);
  CHECK(count_same(x, persons_of({&grown})) == x.size());
  // Another seed gives other rows.
  synthetic_population other({.seed = 2025});
  const population_columns z = other.next(20000);
  CHECK(count_same(x, persons_of({&z})) < 100);
  // Every row is valid as a person, against the synthetic facilities.
  const facility_registry& reg = a.facilities();
  for (const auto& p : x) validate(p, &reg);
}

TEST_CASE("synthetic: the facilities are fixed, some filed late, revoked or never") {
  const facility_registry reg = synthetic_facilities();
  CHECK(reg.size() == 40);
  REQUIRE(reg.find("HB-LATE-01"));
  CHECK(reg.find("HB-LATE-01")->filing()->filed_on() == d("2023-06-01"));
  CHECK(reg.find("HB-REV-01")->filing()->revoked_on() == d("2023-07-01"));
  CHECK_FALSE(reg.find("NM-UNF-01")->filing().has_value());
  CHECK(reg.find("HB-COM-01")->kind() == facility_kind::community);
  CHECK(reg.find("BJ-CPM-01")->region() == region_code::parse("110114110"));
  synthetic_population gen;
  population_columns foreign;
  CHECK_THROWS_WITH(gen.append_to(foreign, 1), Catch::Contains("synthetic_population.append_to"));
  CHECK_THROWS_WITH(synthetic_population({.under_60_share = 1.5}),
                    Catch::Contains("synthetic_options.under_60_share"));
}

TEST_CASE("synthetic: calibrated shares (docs/calibration.md)") {
  const std::size_t n = 100000;
  synthetic_population mixed({.seed = 1});
  const population_columns pop = mixed.next(n);
  const date as_of = d("2024-01-01");
  std::size_t over80 = 0, over60 = 0, with_assessment = 0, certificates = 0, dibao = 0, beijing = 0,
              weihai = 0, enrolled = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int age = age_on(from_day_number(pop.birth_day()[i]), as_of);
    over60 += age >= 60;
    over80 += age >= 80;
    with_assessment += pop.ability_level()[i] >= 0;
    certificates += pop.disability_category()[i] >= 0;
    dibao += category_set::from_bits(pop.categories()[i]).contains(category::dibao);
    const std::uint32_t code = pop.hukou_region()[i].value();
    beijing += code / 10000 == 11;
    if (code / 100 == 3710) {
      ++weihai;
      enrolled += pop.programmes_of(i).size();
    }
  }
  CHECK(over60 == n); // the calibrated population is 60+
  // 2020 census [K]: 80+ are 35.8 of 264.1 million people aged 60+.
  CHECK(near(static_cast<double>(over80) / n, 35.84 / 264.06, n));
  CHECK(near(static_cast<double>(certificates) / n, 0.06, n));
  CHECK(near(static_cast<double>(beijing) / n, 0.40, n));
  CHECK(near(static_cast<double>(enrolled) / static_cast<double>(weihai), 0.28,
             weihai)); // 21万 enrolled of ~75万 [S]/[K]
  // 低保: 6% of rural and 1.5% of urban elders; rural shares by area as in pick_area.
  const double rural = 0.40 * 0.13 + 0.20 * 0.30 + 0.25 * 0.20 + 0.15 * 0.25;
  CHECK(near(static_cast<double>(dibao) / n, rural * 0.06 + (1 - rural) * 0.015, n));
  CHECK(static_cast<double>(with_assessment) / n > 0.10);
  CHECK(static_cast<double>(with_assessment) / n < 0.14);

  // Xicheng: 1183 of about 330,000 elders chose a 津冀蒙 institution (seed 000 [S], DOMAIN.md [K]).
  synthetic_population xc({.seed = 2, .profile = synthetic_profile::xicheng});
  const population_columns x = xc.next(n);
  std::size_t jjm = 0, legacy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    legacy += x.hukou_region()[i].value() == 110104;
    const auto stays = x.stays_of(i);
    if (stays.empty()) continue;
    const facility* f = xc.facilities().find(stays.front().facility_id());
    const std::uint32_t province = f->region().province().value();
    jjm += province == 120000 || province == 130000 || province == 150000;
  }
  CHECK(near(static_cast<double>(jjm) / n, 1183.0 / 330000.0, n));
  CHECK(near(static_cast<double>(legacy) / n, 0.05, n));
  // Xicheng elders are registered in Xicheng, or under the legacy Xuanwu code.
  for (std::size_t i = 0; i < 1000; ++i) {
    const std::uint32_t code = x.hukou_region()[i].value();
    CHECK((code == 110102 || code == 110104));
  }
}
