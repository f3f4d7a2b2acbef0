#pragma once
// A synthetic population of elders, for simulations and benchmarks: seeded, reproducible and
// streamed in chunks. The distributions are calibrated to the figures in ../shared/DOMAIN.md and the
// seed documents where they give one, and to background figures (census, national statistics) where
// they do not; docs/calibration.md lists every number with its source and tag ([V]/[C]/[K] as in
// DOMAIN.md, [S] stated in a seed, [D] derived, [A] assumed).
//
// Reproducibility: the generator draws from std::mt19937_64 (fully specified by the standard) and
// turns draws into numbers with its own arithmetic, never with std::*_distribution (whose output the
// standard leaves to each library). Rows are drawn one after the other, so a seed gives the same
// rows whatever the chunk sizes: next(1000) twice equals next(2000).
//
// The facilities the stays refer to are a fixed synthetic set (synthetic_facilities()), the same for
// every seed: filed and unfiled institutions in 津冀蒙, institutions of Beijing's ecological
// conservation area and of its other districts, community facilities, and institutions in Weihai
// and Xi'an, with filing dates that make some stays start before a filing.

#include <algorithm> // std::min, std::max
#include <array>     // weight tables
#include <charconv>  // std::to_chars for ids
#include <cstdint>
#include <random> // std::mt19937_64
#include <string>
#include <string_view>
#include <vector>

#include "eldercare/batch/population_columns.hpp"
#include "eldercare/calendar/month_arithmetic.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/facility/facility_registry.hpp"
#include "eldercare/person/id_number.hpp"

namespace eldercare {

/// Where the synthetic elders are registered.
enum class synthetic_profile {
  xicheng, ///< Xicheng hukou (some with the legacy Xuanwu code 110104)
  beijing, ///< Beijing hukou, by district
  weihai,  ///< Weihai hukou
  xian,    ///< Xi'an hukou
  mixed,   ///< Beijing 40%, Weihai 20%, Xi'an 25%, Tianjin/Hebei/Guangdong 15% [A]
};

template <>
struct enum_words<synthetic_profile> {
  static constexpr std::string_view type = "synthetic_profile";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<synthetic_profile>, 5> entries{{
      {synthetic_profile::xicheng, "xicheng"},
      {synthetic_profile::beijing, "beijing"},
      {synthetic_profile::weihai, "weihai"},
      {synthetic_profile::xian, "xian"},
      {synthetic_profile::mixed, "mixed"},
  }};
};

/// How many elders a profile stands for (a sample of n rows is scaled by elders ÷ n), and where the
/// number comes from (docs/calibration.md).
struct synthetic_profile_size {
  std::int64_t elders;     ///< 0 when the profile stands for no place (mixed)
  std::string_view what;   ///< "户籍 60+, end of 2020"
  std::string_view source; ///< the publication
  std::string_view tag;    ///< [V], [C], [D], [K]
};

/// The elders of a profile's place (declared once: the validation table and the benchmark use it).
[[nodiscard]] constexpr synthetic_profile_size profile_size(synthetic_profile p) noexcept {
  switch (p) {
  case synthetic_profile::xian:
    // "截至2020年底,西安市60岁以上户籍人口181.35万人" (the schemes pay 户籍 elders).
    return {1'813'500, "户籍 60+, end of 2020",
            "西安市卫健委、发改委《西安市“十四五”老龄事业发展规划》 (2021-10-18)", "[V]"};
  case synthetic_profile::weihai:
    // "60岁以上人口793416人,占27.30%" (七普); the 户籍 count was not found.
    return {793'416, "resident (常住) 60+, 2020 census", "威海市第七次全国人口普查公报 (copies)", "[C]"};
  case synthetic_profile::xicheng:
    // "…西城区,分别为…43.7万人" (户籍 60+); the census counts 287,321 residents aged 60+.
    return {437'000, "户籍 60+, end of 2020", "《北京市老龄事业发展报告(2020)》 via 北京青年报 2021-09-07",
            "[C]"};
  case synthetic_profile::beijing:
    // Beijing's census 60+: 4,298,590 (北京市第七次全国人口普查公报).
    return {4'298'590, "resident (常住) 60+, 2020 census", "北京市第七次全国人口普查公报 (copies)", "[C]"};
  case synthetic_profile::mixed: break;
  }
  return {0, "no place: a mix of areas", "", "[A]"};
}

struct synthetic_options {
  std::uint64_t seed = 0;
  synthetic_profile profile = synthetic_profile::mixed;
  date as_of = date(2024, 1, 1); ///< ages, assessments and stays are drawn relative to this day
  /// Share of rows aged 55-59 (about to turn 60), to exercise age thresholds; the calibrated
  /// population is 60+ (0).
  double under_60_share = 0.0;
  std::string id_prefix = "p";
};

namespace detail::synthetic {
struct weighted_code {
  std::uint32_t code;
  double weight;
  double rural = 0; ///< share of its elders living in villages, where the profile draws it by district
};
struct facility_spec {
  const char* id;
  facility_kind kind;
  std::uint32_t region;
  int beds;
  int filed_year; ///< 0: not filed
  int filed_month;
  int revoked_year; ///< 0: not revoked
};
// The synthetic facilities (see the header comment). Indices are used below: keep the groups.
inline constexpr std::array<facility_spec, 40> facilities{{
    // 0-11: 津冀蒙 institutions, filed
    {"HB-SH-01", facility_kind::institution, 131082, 300, 2016, 3, 0},
    {"HB-SH-02", facility_kind::institution, 131082, 120, 2019, 9, 0},
    {"HB-ZZ-01", facility_kind::institution, 130602, 200, 2017, 5, 0},
    {"HB-GA-01", facility_kind::institution, 131022, 150, 2020, 1, 0},
    {"HB-SJZ-01", facility_kind::institution, 130102, 260, 2015, 6, 0},
    {"HB-TS-01", facility_kind::institution, 130203, 90, 2018, 11, 0},
    {"HB-CD-01", facility_kind::institution, 130802, 80, 2021, 4, 0},
    {"HB-LF-01", facility_kind::institution, 131002, 180, 2019, 2, 0},
    {"TJ-BH-01", facility_kind::institution, 120116, 220, 2019, 7, 0},
    {"TJ-WQ-01", facility_kind::institution, 120114, 100, 2021, 1, 0},
    {"NM-HH-01", facility_kind::institution, 150102, 120, 2020, 10, 0},
    {"NM-BT-01", facility_kind::institution, 150203, 60, 2022, 3, 0},
    // 12-15: 津冀蒙 with a late or revoked filing, or none
    {"HB-LATE-01", facility_kind::institution, 130104, 70, 2023, 6, 0},
    {"HB-REV-01", facility_kind::institution, 130705, 50, 2018, 1, 2023},
    {"NM-UNF-01", facility_kind::institution, 150105, 40, 0, 0, 0},
    {"HB-UNF-01", facility_kind::institution, 130304, 30, 0, 0, 0},
    // 16-17: community facilities (not institutions) in Hebei
    {"HB-COM-01", facility_kind::community, 131082, 8, 2019, 3, 0},
    {"HB-COM-02", facility_kind::community, 130602, 6, 2020, 3, 0},
    // 18-25: Beijing ecological conservation area (whole districts), filed
    {"BJ-HR-01", facility_kind::institution, 110116, 200, 2018, 5, 0},
    {"BJ-PG-01", facility_kind::institution, 110117, 150, 2019, 5, 0},
    {"BJ-MY-01", facility_kind::institution, 110118, 180, 2017, 8, 0},
    {"BJ-YQ-01", facility_kind::institution, 110119, 90, 2020, 6, 0},
    {"BJ-MTG-01", facility_kind::institution, 110109, 110, 2019, 12, 0},
    {"BJ-HR-02", facility_kind::institution, 110116, 60, 2023, 9, 0},
    {"BJ-CPM-01", facility_kind::institution, 110114110, 60, 2018, 5,
     0}, // a 昌平 town: eco area only when listed
    {"BJ-FS-01", facility_kind::institution, 110111, 120, 2018, 5, 0},
    // 26-31: other Beijing districts
    {"BJ-CY-01", facility_kind::institution, 110105, 300, 2018, 5, 0},
    {"BJ-HD-01", facility_kind::institution, 110108, 250, 2018, 5, 0},
    {"BJ-FT-01", facility_kind::institution, 110106, 200, 2019, 5, 0},
    {"BJ-XC-01", facility_kind::institution, 110102, 150, 2018, 5, 0},
    {"BJ-DC-01", facility_kind::institution, 110101, 100, 2018, 5, 0},
    {"BJ-CP-01", facility_kind::institution, 110114, 160, 2019, 5, 0},
    // 32-35: Weihai
    {"WH-HC-01", facility_kind::institution, 371002, 300, 2019, 1, 0},
    {"WH-WD-01", facility_kind::institution, 371003, 200, 2019, 1, 0},
    {"WH-RC-01", facility_kind::institution, 371082, 150, 2019, 1, 0},
    {"WH-RS-01", facility_kind::institution, 371083, 120, 2019, 1, 0},
    // 36-39: Xi'an
    {"XA-YT-01", facility_kind::institution, 610113, 300, 2019, 1, 0},
    {"XA-WY-01", facility_kind::institution, 610112, 200, 2019, 1, 0},
    {"XA-CA-01", facility_kind::institution, 610116, 150, 2019, 1, 0},
    {"XA-YL-01", facility_kind::regional_centre, 610114, 80, 2020, 1, 0},
}};

// Hukou districts, weighted [A] (roughly by elderly population; see docs/calibration.md).
inline constexpr std::array<weighted_code, 18> beijing_districts{{
    {110101, 6},
    {110102, 8},
    {110104, 0.4},
    {110103, 0.3},
    {110105, 16},
    {110106, 10},
    {110107, 3},
    {110108, 13},
    {110109, 1.5},
    {110111, 5},
    {110112, 5},
    {110113, 4},
    {110114, 7},
    {110115, 6},
    {110116, 1.8},
    {110117, 2},
    {110118, 2},
    {110119, 1.5},
}};
// Weihai (docs/calibration.md): weights are the 2020 census residents of each county-level unit [C]:
// 荣成 714,211, 文登 518,583, 乳山 464,078 [D, weak], 环翠 with the three functional zones the rest of the
// city's 2,906,548, 1,209,676 [D]; elders are taken to be spread like residents [A]. Rural shares (of
// all ages: elders' were not found): 荣成 1 − 448,370/714,211 = 37.2% [D from C]; 环翠 1 − 414,245/
// 446,193 = 7.2% [D from C], taken for the zones too [A]; 文登 and 乳山 the remainder of the city's
// 29.78% rural, 52% [D, weak].
inline constexpr std::array<weighted_code, 4> weihai_districts{{
    {371002, 1'209'676, 0.072},
    {371003, 518'583, 0.52},
    {371082, 714'211, 0.372},
    {371083, 464'078, 0.52},
}};
inline constexpr std::array<weighted_code, 13> xian_districts{{
    {610102, 8},
    {610103, 8},
    {610104, 9},
    {610111, 7},
    {610112, 10},
    {610113, 12},
    {610114, 3},
    {610115, 6},
    {610116, 11},
    {610117, 3},
    {610118, 5},
    {610122, 4},
    {610124, 5},
}};
inline constexpr std::array<weighted_code, 8> elsewhere{{
    {120101, 2},
    {120104, 2},
    {120116, 3},
    {130102, 3},
    {130602, 2},
    {131082, 1},
    {440103, 3},
    {440106, 3},
}};

// Age bands of the 60+ population, 2020 census [K] (millions): 60-64 .. 100+.
inline constexpr std::array<double, 9> age_band_millions{73.38, 74.01, 47.96, 32.87, 20.39,
                                                         10.73, 3.80,  0.80,  0.12};
// Xicheng's residents aged 60+ by band, 2020 census [C] (the district's age table, chinacensus.org):
// 60-64 86,289, 65-69 78,956, 70-74 42,636, 75-79 25,699, 80-84 25,773, 85+ 27,968. The 85+ are split
// as the nation's (10.73 : 3.80 : 0.80 : 0.12) [K]: 19,424, 6,879, 1,448, 217 [D].
inline constexpr std::array<double, 9> xicheng_age_bands{86'289, 78'956, 42'636, 25'699, 25'773,
                                                         19'424, 6'879,  1'448,  217};
// Share of women in each band of the 60+ (60-64 .. 100+). Xicheng, 2020 census [C]: women/(men+women)
// per band, 45,135/86,289 … 16,061/27,968 (the 85+ share for the four top bands). Elsewhere one share
// for all bands: Xi'an 51.2% (Shaanxi's 60+, census long form [C]); Beijing 52.6% (户籍 60+, 2018
// [C]); Weihai and other places 51.5% [A] (not found; between the two).
inline constexpr std::array<double, 9> xicheng_female{0.5231, 0.5310, 0.5261, 0.5513, 0.6015,
                                                      0.5743, 0.5743, 0.5743, 0.5743};

/// The rural share of a district of `codes` (0 when not listed).
template <std::size_t N>
constexpr double rural_share_of(const std::array<weighted_code, N>& codes, std::uint32_t code) {
  for (const auto& c : codes)
    if (c.code == code) return c.rural;
  return 0;
}

/// splitmix64: a number from a seed and a row, for facts decided without a draw (so that adding one
/// leaves the stream of draws, and every other fact of the rows, unchanged).
constexpr double hashed_unit(std::uint64_t seed, std::uint64_t row, std::uint64_t salt) {
  std::uint64_t z = seed ^ (row * 0x9E3779B97F4A7C15ull) ^ (salt * 0xD1B54A32D192ED03ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

// Disability certificate categories [K] (2006 national sample survey of disability shares):
// visual, hearing, speech, physical, intellectual, mental, multiple.
inline constexpr std::array<double, 7> disability_categories{14.9, 24.2, 1.5, 29.1, 6.7, 7.4, 16.3};
inline constexpr std::array<double, 4> disability_grades{12, 20, 28, 40};  // 一级..四级 [A]
inline constexpr std::array<double, 5> ability_levels{25, 30, 20, 15, 10}; // 0..4 among the assessed [A]

class draw {
public:
  explicit draw(std::uint64_t seed) : rng_(seed) {}
  /// Uniform in [0, 1), from the top 53 bits of one 64-bit draw.
  double unit() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  /// Uniform integer in [0, n).
  std::uint32_t below(std::uint32_t n) {
    const auto v = static_cast<std::uint32_t>(unit() * n);
    return v < n ? v : n - 1;
  }
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
  }
  template <std::size_t N>
  std::size_t pick(const std::array<double, N>& weights) {
    double total = 0;
    for (const double w : weights) total += w;
    double x = unit() * total;
    for (std::size_t i = 0; i < N; ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return N - 1;
  }
  template <std::size_t N>
  std::uint32_t pick_code(const std::array<weighted_code, N>& codes) {
    double total = 0;
    for (const auto& c : codes) total += c.weight;
    double x = unit() * total;
    for (const auto& c : codes) {
      if (x < c.weight) return c.code;
      x -= c.weight;
    }
    return codes.back().code;
  }

private:
  std::mt19937_64 rng_;
};

inline day_number day_of(int y, int m, int d) { return to_day_number(make_date(y, m, d)); }
} // namespace detail::synthetic

/// The facilities synthetic stays refer to (the same for every seed).
[[nodiscard]] inline facility_registry synthetic_facilities() {
  facility_registry r;
  for (const auto& f : detail::synthetic::facilities) {
    const region_code where = region_code::from_number(f.region);
    const region_code authority = where.level() == region_level::township ? where.county() : where;
    std::optional<filing> fl;
    if (f.filed_year > 0)
      fl = filing(authority, make_date(f.filed_year, f.filed_month, 1),
                  f.revoked_year > 0 ? std::optional<date>(make_date(f.revoked_year, 7, 1)) : std::nullopt);
    r.add(facility(f.id, f.kind, where, f.beds, fl));
  }
  return r;
}

/// Draws synthetic elders (see the header comment).
class synthetic_population {
public:
  explicit synthetic_population(synthetic_options options = {})
      : options_(std::move(options)), draw_(options_.seed), registry_(synthetic_facilities()),
        table_(registry_), as_of_(to_day_number(options_.as_of, "synthetic_options.as_of")) {
    if (!(options_.under_60_share >= 0.0 && options_.under_60_share <= 1.0))
      throw invalid_value(error_id::invalid_parameter, "synthetic_options.under_60_share",
                          options_.under_60_share, "must be between 0 and 1");
    for (const auto& f : detail::synthetic::facilities) facility_index_.push_back(table_.find(f.id));
  }

  /// The facility registry the rows' stays refer to (synthetic_facilities()).
  [[nodiscard]] const facility_registry& facilities() const noexcept { return registry_; }
  /// Rows drawn so far.
  [[nodiscard]] std::uint64_t rows_drawn() const noexcept { return next_row_; }

  /// The next `rows` rows, as a population of their own (streaming: call again for the next chunk).
  [[nodiscard]] population_columns next(std::size_t rows) {
    population_columns pop(table_);
    append_to(pop, rows);
    return pop;
  }

  /// Appends the next `rows` rows to `pop`, whose facility table must be this generator's (a
  /// population made by next() or built from facilities()).
  void append_to(population_columns& pop, std::size_t rows) {
    if (pop.facilities().ids() != table_.ids())
      throw invalid_value(error_id::invalid_parameter, "synthetic_population.append_to", "population",
                          "its facility table is not the synthetic facilities' (build it with next())");
    pop.reserve(pop.size() + rows, pop.stay_count() + rows / 50);
    for (std::size_t k = 0; k < rows; ++k) append_row(pop);
  }

private:
  using dr = detail::synthetic::draw;

  void append_row(population_columns& pop) {
    namespace syn = detail::synthetic;
    // Identity and registration.
    char id[64];
    const std::size_t prefix = std::min<std::size_t>(options_.id_prefix.size(), 40);
    options_.id_prefix.copy(id, prefix);
    char* end = std::to_chars(id + prefix, id + sizeof id, next_row_).ptr;
    const std::string_view row_id(id, static_cast<std::size_t>(end - id));
    ++next_row_;

    const area where = pick_area();
    row_input r;
    r.id = row_id;
    r.hukou_region = where.hukou;
    // Age: 2020 census bands of the 60+ [K], uniform within a band (100+: 100-105), birthday uniform.
    // Xicheng's own bands (2020 census [C]); the nation's elsewhere [K] (the cities' were not found).
    int age = 0;
    std::size_t band = 0;
    if (draw_.chance(options_.under_60_share)) age = draw_.between(55, 59);
    else {
      band = draw_.pick(where.xicheng ? syn::xicheng_age_bands : syn::age_band_millions);
      age = band == 8 ? draw_.between(100, 105) : 60 + 5 * static_cast<int>(band) + draw_.between(0, 4);
    }
    const day_number as_of = as_of_;
    // Born `age` years before as_of, on a day drawn uniformly from the 365 before the birthday.
    const date asof = from_day_number(as_of);
    const day_number last_birth = to_day_number(add_months_civil(asof, -12 * age));
    r.birth_day = last_birth - static_cast<day_number>(draw_.below(365));
    // Sex, carried as the person facts carry it: in the resident ID number (its 17th digit, odd for
    // men), issued by the hukou county with the date of birth and a hashed sequence number.
    std::array<char, 18> id_digits{};
    write_id_number(id_digits, where.hukou, from_day_number(r.birth_day), is_woman(where, band));
    r.id_number = std::string_view(id_digits.data(), id_digits.size());
    if (draw_.chance(0.3))
      r.hukou_since = std::min(as_of - static_cast<day_number>(draw_.below(20000)), as_of);
    if (r.hukou_since != no_day && r.hukou_since < r.birth_day) r.hukou_since = no_day;
    r.residence_region = draw_.chance(0.92) ? where.hukou : where.other_residence;
    r.residence_rural = draw_.chance(where.rural_share);
    const bool rural = r.residence_rural;

    // Categories [K]/[A], see docs/calibration.md.
    category_set cats;
    if (draw_.chance(rural ? 0.06 : 0.015)) cats.insert(category::dibao);
    else if (draw_.chance(0.03))
      cats.insert(category::low_income);
    if (draw_.chance(rural ? 0.03 : 0.003)) cats.insert(category::tekun);
    if (draw_.chance(0.008)) cats.insert(category::youfu);
    if (draw_.chance(0.004)) {
      cats.insert(category::jisheng_tefu);
      if (draw_.chance(0.5)) cats.insert(category::shidu);
      if (where.beijing) cats.insert(category::special_family);
    }
    const bool alone = draw_.chance(0.12);
    if (alone) cats.insert(category::living_alone);
    if (alone || draw_.chance(0.43)) cats.insert(category::kongchao);
    if (rural && draw_.chance(0.13)) cats.insert(category::left_behind);
    if (draw_.chance(0.001)) cats.insert(category::model_worker);
    if (age >= 92 && draw_.chance(0.02)) cats.insert(category::pre_1949_party_member);
    if (rural && draw_.chance(0.01)) cats.insert(category::poor_household);
    if (draw_.chance(0.001)) cats.insert(category::work_injury_care);
    r.categories = cats.bits();

    // Ability assessment on file [A]: more often with age; levels 0-4 among the assessed.
    if (draw_.chance(age >= 80 ? 0.25 : 0.10)) {
      const bool tekun_rating = cats.contains(category::tekun) && draw_.chance(0.6);
      r.ability_assessed_on = as_of - static_cast<day_number>(draw_.below(3 * 365));
      if (r.ability_assessed_on < r.birth_day) r.ability_assessed_on = r.birth_day;
      if (draw_.chance(0.6)) r.ability_valid_until = r.ability_assessed_on + 2 * 365;
      if (tekun_rating) {
        r.ability_scale = static_cast<std::uint8_t>(ability_scale::tekun_self_care);
        r.ability_raw = draw_.between(0, 6);
        r.ability_level = static_cast<std::int8_t>(r.ability_raw >= 4 ? 3 : r.ability_raw >= 1 ? 2 : 0);
      } else {
        r.ability_level = static_cast<std::int8_t>(draw_.pick(syn::ability_levels));
        const bool mzt = r.ability_level <= 3 && draw_.chance(0.1);
        r.ability_scale =
            static_cast<std::uint8_t>(mzt ? ability_scale::mzt_039_2013 : ability_scale::gbt_42195_2022);
      }
    }

    // Disability certificate [K]/[A].
    std::array<disability_component_input, 2> parts{};
    if (draw_.chance(0.06)) {
      r.disability_category = static_cast<std::int8_t>(draw_.pick(syn::disability_categories));
      r.disability_grade = static_cast<std::int8_t>(1 + draw_.pick(syn::disability_grades));
      if (r.disability_category == static_cast<std::int8_t>(disability_category::multiple)) {
        for (auto& p : parts) {
          p.category = static_cast<std::int8_t>(draw_.below(6));
          p.grade = static_cast<std::int8_t>(1 + draw_.pick(syn::disability_grades));
        }
        r.disability_components = parts;
      }
    }
    r.health = static_cast<std::uint8_t>((draw_.chance(0.005) ? 1 : 0) | (draw_.chance(0.002) ? 2 : 0));

    // Programmes: Weihai's virtual eldercare platform (21万 enrolled [S] of 793,416 elders [C]: 26.5%);
    // Xi'an's annual certification of the advanced-age allowance for 70+ [A]; a Rongcheng village elder
    // registered with the village's 暖心食堂, whose canteens cover 65% of the villages [S].
    std::array<std::string_view, 2> programme{};
    std::size_t programmes = 0;
    if (where.weihai && draw_.chance(0.265)) programme[programmes++] = "weihai.virtual_platform";
    else if (where.xian && age >= 70 && draw_.chance(0.95))
      programme[programmes++] = "xian.advanced_age.certified";
    if (rural && r.residence_region == 371082 && village_has_canteen())
      programme[programmes++] = "rongcheng.warm_canteen";
    r.programmes = std::span<const std::string_view>(programme.data(), programmes);

    // Households [A]: an elder living alone has one of their own; others share with the previous
    // row half of the time (couples).
    char hh[40];
    std::string_view household;
    if (!alone && previous_shared_ && draw_.chance(0.5)) {
      household = previous_household_;
      previous_shared_ = false;
    } else {
      hh[0] = 'h';
      char* e = std::to_chars(hh + 1, hh + sizeof hh, next_row_ - 1).ptr;
      household = std::string_view(hh, static_cast<std::size_t>(e - hh));
      previous_household_.assign(household);
      previous_shared_ = !alone;
    }
    r.household_id = household;

    // Stays.
    std::array<stay_input, 3> stays{};
    const std::size_t n_stays = draw_stays(where, r.birth_day, stays);
    r.stays = std::span<const stay_input>(stays.data(), n_stays);
    if (n_stays > 0 && stays[n_stays - 1].discharged == no_day && draw_.chance(0.5)) {
      const auto& f = detail::synthetic::facilities[facility_spec_of(stays[n_stays - 1].facility)];
      const region_code c = region_code::from_number(f.region);
      r.residence_region = c.level() == region_level::township ? c.county().value() : c.value();
    }
    pop.append(r);
  }

  struct area {
    std::uint32_t hukou;
    std::uint32_t other_residence;
    double rural_share;
    bool beijing, xicheng, weihai, xian;
  };

  /// An 18-character ID number: region (6), date of birth (8), sequence (3, its last digit odd for a
  /// man, even for a woman) and the ISO 7064 check character.
  void write_id_number(std::array<char, 18>& out, std::uint32_t region, const date& birth, bool woman) const {
    auto put = [&](std::size_t at, std::size_t width, std::uint32_t v) {
      for (std::size_t k = 0; k < width; ++k, v /= 10)
        out[at + width - 1 - k] = static_cast<char>('0' + v % 10);
    };
    put(0, 6, region);
    put(6, 4, static_cast<std::uint32_t>(birth.year()));
    put(10, 2, static_cast<std::uint32_t>(birth.month()));
    put(12, 2, static_cast<std::uint32_t>(birth.day()));
    const auto seq =
        static_cast<std::uint32_t>(detail::synthetic::hashed_unit(options_.seed, next_row_, 3) * 500);
    put(14, 3, 2 * seq + (woman ? 0 : 1));
    out[17] = id_check_character(std::string_view(out.data(), 17));
  }

  /// Whether this row's village has a 暖心食堂 (65% of Rongcheng's villages [S]). Decided by a hash of
  /// the seed and the row, not by a draw, so that the stream of draws is unchanged.
  bool village_has_canteen() const {
    return detail::synthetic::hashed_unit(options_.seed, next_row_, 1) < 0.65;
  }

  /// Whether this row is a woman: by band and profile (docs/calibration.md), hashed like the canteens.
  bool is_woman(const area& where, std::size_t band) const {
    const double share = where.xicheng   ? detail::synthetic::xicheng_female[band]
                         : where.xian    ? 0.512
                         : where.beijing ? 0.526
                                         : 0.515;
    return detail::synthetic::hashed_unit(options_.seed, next_row_, 2) < share;
  }

  area pick_area() {
    namespace syn = detail::synthetic;
    synthetic_profile p = options_.profile;
    if (p == synthetic_profile::mixed) {
      const double x = draw_.unit();
      p = x < 0.40   ? synthetic_profile::beijing
          : x < 0.60 ? synthetic_profile::weihai
          : x < 0.85 ? synthetic_profile::xian
                     : synthetic_profile::mixed;
    }
    area a{};
    switch (p) {
    case synthetic_profile::xicheng:
      a.hukou = draw_.chance(0.05) ? 110104 : 110102;
      a.other_residence = draw_.pick_code(syn::beijing_districts);
      a.rural_share = 0.0;
      break;
    case synthetic_profile::beijing:
      a.hukou = draw_.pick_code(syn::beijing_districts);
      a.other_residence = draw_.pick_code(syn::beijing_districts);
      a.rural_share = 0.13;
      break;
    case synthetic_profile::weihai:
      a.hukou = draw_.pick_code(syn::weihai_districts);
      a.other_residence = draw_.pick_code(syn::weihai_districts);
      a.rural_share = syn::rural_share_of(syn::weihai_districts, a.hukou);
      break;
    case synthetic_profile::xian:
      a.hukou = draw_.pick_code(syn::xian_districts);
      a.other_residence = draw_.pick_code(syn::xian_districts);
      a.rural_share = 0.208; // 1 − 79.20% urban (2020 census, all ages) [C]
      break;
    case synthetic_profile::mixed:
      a.hukou = draw_.pick_code(syn::elsewhere);
      a.other_residence = draw_.pick_code(syn::elsewhere);
      a.rural_share = 0.25;
      break;
    }
    a.beijing = a.hukou / 10000 == 11;
    a.xicheng = a.hukou == 110102 || a.hukou == 110104;
    a.weihai = a.hukou / 100 == 3710;
    a.xian = a.hukou / 100 == 6101;
    return a;
  }

  // Stays [S]/[D]/[A] (docs/calibration.md): whether the row has any, which kind of facility, and a
  // history of one to three stays (transfers, gaps, discharges) ending around as_of.
  std::size_t draw_stays(const area& a, day_number birth, std::array<stay_input, 3>& out) {
    // Shares with a stay: Xicheng elders in 津冀蒙 1183 of 437,000 户籍 elders [S]/[C] ≈ 0.27%, in the
    // ecological area 0.2% [A], in other Beijing institutions 2% [K]; other Beijing elders in Hebei
    // >10,000 of ~4.5 million [V]/[K] ≈ 0.22%, Tianjin 200 ≈ 0.005% [V]; Weihai 38,366 beds half
    // occupied of 793,416 elders ≈ 2.4% [D]; Xi'an 2% [A].
    enum class kind { none, jjm, eco, beijing_local, weihai, xian };
    kind k = kind::none;
    const double x = draw_.unit();
    if (a.xicheng)
      k = x < 0.0027 ? kind::jjm : x < 0.0047 ? kind::eco : x < 0.0247 ? kind::beijing_local : kind::none;
    else if (a.beijing)
      k = x < 0.0023 ? kind::jjm : x < 0.0033 ? kind::eco : x < 0.0233 ? kind::beijing_local : kind::none;
    else if (a.weihai)
      k = x < 0.024 ? kind::weihai : kind::none;
    else if (a.xian)
      k = x < 0.02 ? kind::xian : kind::none;
    if (k == kind::none) return 0;
    auto facility_in = [&](kind which) -> std::size_t {
      switch (which) {
      case kind::jjm: { // mostly filed; some late, revoked, unfiled or community facilities
        const double y = draw_.unit();
        if (y < 0.80) return draw_.below(12);
        if (y < 0.92) return 12 + draw_.below(4);
        return 16 + draw_.below(2);
      }
      case kind::eco: return 18 + draw_.below(8);
      case kind::beijing_local: return 26 + draw_.below(6);
      case kind::weihai: return 32 + draw_.below(4);
      case kind::xian: return 36 + draw_.below(4);
      case kind::none: break;
      }
      return 0;
    };
    // First admission: within the five years before as_of or the six months after [A].
    day_number admitted = as_of_ - 5 * 365 + static_cast<day_number>(draw_.below(5 * 365 + 183));
    if (admitted < birth) admitted = birth;
    const std::size_t n = draw_.chance(0.8) ? 1 : draw_.chance(0.5) ? 2 : 3;
    for (std::size_t s = 0; s < n; ++s) {
      // A later stay: a transfer between kinds of facility sometimes (Xicheng's tier question).
      const kind which = s > 0 && (k == kind::jjm || k == kind::eco) && draw_.chance(0.3)
                             ? (k == kind::jjm ? kind::eco : kind::jjm)
                             : k;
      out[s].facility = facility_index_[facility_in(which)];
      out[s].admitted = admitted;
      const bool last = s + 1 == n;
      if (last && draw_.chance(0.7)) {
        out[s].discharged = no_day; // ongoing
        return n;
      }
      const day_number length = static_cast<day_number>(30 + draw_.below(720));
      out[s].discharged = admitted + length;
      // The next admission: the same day (a transfer), within a tolerated gap, or after a break [A].
      const double g = draw_.unit();
      admitted = out[s].discharged + (g < 0.4   ? 0
                                      : g < 0.7 ? static_cast<day_number>(1 + draw_.below(30))
                                                : static_cast<day_number>(31 + draw_.below(300)));
    }
    return n;
  }

  std::size_t facility_spec_of(std::int32_t table_index) const {
    for (std::size_t i = 0; i < facility_index_.size(); ++i)
      if (facility_index_[i] == table_index) return i;
    return 0;
  }

  synthetic_options options_;
  dr draw_;
  facility_registry registry_;
  facility_table table_;
  day_number as_of_;
  std::vector<std::int32_t> facility_index_; // spec index -> table index
  std::uint64_t next_row_ = 0;
  std::string previous_household_;
  bool previous_shared_ = false;
};

} // namespace eldercare
