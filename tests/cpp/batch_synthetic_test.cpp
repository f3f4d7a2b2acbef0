// The synthetic population: reproducible for a seed whatever the chunking, and calibrated (the
// shares below are the ones docs/calibration.md sets out, within sampling error).
#include <catch2/catch.hpp>

#include <algorithm> // std::min
#include <array>     // census bands
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
      for (const auto& name : pop.programmes_of(i)) enrolled += name == "weihai.virtual_platform";
    }
  }
  CHECK(over60 == n); // the calibrated population is 60+
  // 2020 census [K]: 80+ are 35.8 of 264.1 million people aged 60+.
  CHECK(near(static_cast<double>(over80) / n, 35.84 / 264.06, n));
  CHECK(near(static_cast<double>(certificates) / n, 0.06, n));
  CHECK(near(static_cast<double>(beijing) / n, 0.40, n));
  CHECK(near(static_cast<double>(enrolled) / static_cast<double>(weihai), 0.265,
             weihai)); // 21万 enrolled of 793,416 [S]/[C]
  // 低保: 6% of rural and 1.5% of urban elders; rural shares by area as in pick_area.
  // Weihai by district (census residents and rural shares, docs/calibration.md): 863,767 of 2,906,548.
  const double weihai_rural =
      (1'209'676 * 0.072 + 518'583 * 0.52 + 714'211 * 0.372 + 464'078 * 0.52) / 2'906'548.0;
  const double rural = 0.40 * 0.13 + 0.20 * weihai_rural + 0.25 * 0.208 + 0.15 * 0.25;
  CHECK(near(static_cast<double>(dibao) / n, rural * 0.06 + (1 - rural) * 0.015, n));
  CHECK(static_cast<double>(with_assessment) / n > 0.10);
  CHECK(static_cast<double>(with_assessment) / n < 0.14);

  // Xicheng: 1183 of 437,000 户籍 elders chose a 津冀蒙 institution (seed 000 [S]; 2020 老龄事业发展报告
  // [C]).
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
  CHECK(near(static_cast<double>(jjm) / n, 0.0027, n)); // 1183 of 437,000 [S]/[C], rounded
  CHECK(near(static_cast<double>(legacy) / n, 0.05, n));
  // Xicheng elders are registered in Xicheng, or under the legacy Xuanwu code.
  for (std::size_t i = 0; i < 1000; ++i) {
    const std::uint32_t code = x.hukou_region()[i].value();
    CHECK((code == 110102 || code == 110104));
  }
}

TEST_CASE("synthetic: the city profiles reproduce their census figures (docs/calibration.md)") {
  const std::size_t n = 100000;
  const date as_of = d("2024-01-01");
  // Xicheng: the 2020 census bands of its 287,321 residents aged 60+ [C], and the women in each.
  {
    synthetic_population gen({.seed = 7, .profile = synthetic_profile::xicheng});
    const population_columns pop = gen.next(n);
    const std::array<double, 6> census{86'289, 78'956, 42'636, 25'699, 25'773, 27'968};
    const std::array<double, 6> women{45'135, 41'923, 22'432, 14'168, 15'502, 16'061};
    std::array<std::size_t, 6> in_band{}, women_in_band{};
    for (std::size_t i = 0; i < n; ++i) {
      const date born = from_day_number(pop.birth_day()[i]);
      const std::size_t band =
          std::min<std::size_t>(5, static_cast<std::size_t>(age_on(born, as_of) - 60) / 5);
      ++in_band[band];
      // Sex is the ID number's: valid, issued by the hukou county, with the row's date of birth.
      const id_number id = id_number::parse(pop.id_number(i));
      CHECK(id.birth_date() == born);
      CHECK(id.as_issued().substr(0, 6) == std::to_string(pop.hukou_region()[i].value()));
      women_in_band[band] += id.sex() == sex::female;
    }
    for (std::size_t b = 0; b < 6; ++b) {
      INFO("band " << b);
      CHECK(near(static_cast<double>(in_band[b]) / n, census[b] / 287'321.0, n));
      CHECK(near(static_cast<double>(women_in_band[b]) / static_cast<double>(in_band[b]),
                 women[b] / census[b], in_band[b]));
    }
  }
  // Weihai: districts weighted by census residents [C]; rural shares by district; 65% of
  // Rongcheng's village elders registered with a 暖心食堂 [S].
  {
    synthetic_population gen({.seed = 8, .profile = synthetic_profile::weihai});
    const population_columns pop = gen.next(n);
    std::size_t rongcheng = 0, rongcheng_rural = 0, canteen = 0, wendeng = 0, wendeng_rural = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t hukou = pop.hukou_region()[i].value();
      const bool rural = pop.residence_rural()[i] != 0;
      if (hukou == 371082) {
        ++rongcheng;
        rongcheng_rural += rural;
      }
      if (hukou == 371003) {
        ++wendeng;
        wendeng_rural += rural;
      }
      if (rural && pop.residence_region()[i].value() == 371082) {
        bool registered = false;
        for (const auto& name : pop.programmes_of(i))
          registered = registered || name == "rongcheng.warm_canteen";
        canteen += registered;
      }
    }
    CHECK(near(static_cast<double>(rongcheng) / n, 714'211.0 / 2'906'548.0, n));
    CHECK(near(static_cast<double>(wendeng) / n, 518'583.0 / 2'906'548.0, n));
    CHECK(near(static_cast<double>(rongcheng_rural) / static_cast<double>(rongcheng), 0.372, rongcheng));
    CHECK(near(static_cast<double>(wendeng_rural) / static_cast<double>(wendeng), 0.52, wendeng));
    // Village elders living in Rongcheng (most of them its hukou elders, 92% living where registered).
    std::size_t village = 0;
    for (std::size_t i = 0; i < n; ++i)
      village += pop.residence_rural()[i] != 0 && pop.residence_region()[i].value() == 371082;
    CHECK(near(static_cast<double>(canteen) / static_cast<double>(village), 0.65, village));
  }
  // Xi'an: 20.8% rural (79.20% urban, 2020 census [C]); 51.2% women (Shaanxi's 60+ [C]).
  {
    synthetic_population gen({.seed = 9, .profile = synthetic_profile::xian});
    const population_columns pop = gen.next(n);
    std::size_t rural = 0, women = 0;
    for (std::size_t i = 0; i < n; ++i) {
      rural += pop.residence_rural()[i] != 0;
      women += id_number::parse(pop.id_number(i)).sex() == sex::female;
    }
    CHECK(near(static_cast<double>(rural) / n, 0.208, n));
    CHECK(near(static_cast<double>(women) / n, 0.512, n));
  }
}
