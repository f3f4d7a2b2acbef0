// libFuzzer harness: arbitrary bytes into eldercare's value constructors and parsers. Every one of them
// either builds a value whose round trips and invariants hold, or throws eldercare::invalid_value;
// any other exception, a sanitizer report or a broken invariant stops the fuzzer.
//
// One value from the input picks a target; the rest feeds it through FuzzedDataProvider.

#include <algorithm> // std::any_of, std::count, std::is_sorted, std::min
#include <cmath>     // std::fabs for from_yuan_double
#include <cstddef>   // std::size_t
#include <cstdint>   // std::uint8_t, std::uint32_t, std::int64_t
#include <iterator>  // std::size of the known region codes
#include <optional>  // optional discharge / revocation / raw score / probe
#include <string>    // text inputs
#include <utility>   // std::pair of certificate components
#include <vector>    // region_set members, certificate components

#include "eldercare/ability/ability_level.hpp"
#include "eldercare/ability/assessment.hpp"
#include "eldercare/ability/barthel.hpp"
#include "eldercare/ability/disability_certificate.hpp"
#include "eldercare/ability/gbt42195.hpp"
#include "eldercare/ability/mzt039.hpp"
#include "eldercare/ability/self_care_rating.hpp"
#include "eldercare/calendar/date.hpp"
#include "eldercare/calendar/period.hpp"
#include "eldercare/facility/filing.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/person/category.hpp"
#include "eldercare/region/region_code.hpp"
#include "eldercare/region/region_set.hpp"
#include "eldercare/stay/stay.hpp"

#include "fuzz_common.hpp"

namespace ec = eldercare;
using eldercare_fuzz::expect;
using eldercare_fuzz::guarded;
using eldercare_fuzz::must_not_throw;

namespace {

// Short strings keep the parsers' interesting lengths (0-12) likely.
std::string text(FuzzedDataProvider& in) { return in.ConsumeRandomLengthString(24); }

// An int that is usually near a scale's range and sometimes anything at all.
int scale_int(FuzzedDataProvider& in, int lo, int hi) {
  return in.ConsumeBool() ? in.ConsumeIntegralInRange<int>(lo - 3, hi + 3) : in.ConsumeIntegral<int>();
}

// A region code number: a few real codes (so valid ones are common), or any number.
std::uint32_t region_number(FuzzedDataProvider& in) {
  static constexpr std::uint32_t known[] = {110000, 110100,    110102, 110104,    110105, 130000, 131082,
                                            441900, 441900003, 610112, 610112008, 371071, 120000};
  if (in.ConsumeBool()) return known[in.ConsumeIntegralInRange<std::size_t>(0, std::size(known) - 1)];
  const std::uint32_t n = in.ConsumeIntegral<std::uint32_t>();
  // Bias some picks onto the 6- and 9-digit ranges, around a known code.
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
  case 0: return 100000 + n % 900000;
  case 1: return 100000000 + n % 900000000;
  case 2: return known[n % std::size(known)] / 1000 * 1000 + n % 1000;
  default: return n;
  }
}

void fuzz_parse_date(FuzzedDataProvider& in) {
  const std::string s = in.ConsumeBool() ? text(in) : in.ConsumeBytesAsString(10);
  guarded([&] {
    const ec::date d = ec::parse_date(s);
    expect(eldercare_fuzz::in_range(d), "parse_date returned a date outside 1800-2400");
    expect(ec::to_iso(d) == s, "parse_date/to_iso round trip");
  });
}

void fuzz_make_date(FuzzedDataProvider& in) {
  const int y = in.ConsumeBool() ? in.ConsumeIntegralInRange<int>(1790, 2410) : in.ConsumeIntegral<int>();
  const int m = scale_int(in, 1, 12);
  const int d = scale_int(in, 1, 31);
  guarded([&] {
    const ec::date v = ec::make_date(y, m, d);
    expect(v.year() == y && v.month() == m && v.day() == d, "make_date kept the fields");
    expect(ec::parse_date(ec::to_iso(v)) == v, "make_date/parse_date round trip");
    expect(ec::end_of_month(v).day() == ec::days_in_month(y, m), "end_of_month");
    expect(ec::start_of_month(v).day() == 1, "start_of_month");
  });
}

void fuzz_money_parse(FuzzedDataProvider& in) {
  const std::string s = text(in);
  guarded([&] {
    const ec::money m = ec::money::parse(s);
    const std::string back = m.to_string();
    // to_string -> parse round trip; parse's overflow guard stops 9 yuan short of INT64_MAX fen,
    // which the parse above has already passed, so the round trip must succeed.
    expect(must_not_throw([&] { return ec::money::parse(back); }, "money::parse(to_string())") == m,
           "money parse/to_string round trip");
  });
}

void fuzz_money_double(FuzzedDataProvider& in) {
  double yuan = 0;
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
  case 0: yuan = in.ConsumeFloatingPoint<double>(); break;
  case 1: yuan = static_cast<double>(in.ConsumeIntegral<std::int64_t>()) / 100.0; break;
  case 2: yuan = static_cast<double>(in.ConsumeIntegralInRange<int>(-100000000, 100000000)) / 100.0; break;
  default: {
    const std::uint64_t bits = in.ConsumeIntegral<std::uint64_t>();
    static_assert(sizeof bits == sizeof yuan);
    __builtin_memcpy(&yuan, &bits, sizeof yuan); // any bit pattern: NaN payloads, denormals, inf
  }
  }
  guarded([&] {
    const ec::money m = ec::money::from_yuan_double(yuan);
    expect(std::fabs(static_cast<double>(m.fen()) - yuan * 100.0) <= 1e-6 * (1.0 + std::fabs(yuan * 100.0)),
           "from_yuan_double stays within a rounding error of the input");
    expect(ec::money::parse(m.to_string()) == m, "from_yuan_double/to_string/parse round trip");
  });
}

void fuzz_money_arithmetic(FuzzedDataProvider& in) {
  const std::int64_t a = in.ConsumeIntegral<std::int64_t>();
  const std::int64_t b = in.ConsumeIntegral<std::int64_t>();
  guarded([&] {
    const ec::money y = ec::money::from_yuan(a);
    expect(y.fen() == a * 100, "from_yuan is yuan * 100");
  });
  const ec::money x = ec::money::from_fen(a);
  const ec::money z = ec::money::from_fen(b);
  // Checked arithmetic: the exact result, or invalid_value exactly when int64 overflows.
  auto check_op = [](bool overflows, std::int64_t exact, auto op, const char* what) {
    guarded([&] {
      try {
        const ec::money r = op();
        expect(!overflows && r.fen() == exact, what);
      } catch (const ec::invalid_value&) {
        expect(overflows, what);
      }
    });
  };
  std::int64_t r = 0;
  bool o = __builtin_add_overflow(a, b, &r);
  check_op(
      o, r, [&] { return x + z; }, "money + is exact or throws on overflow");
  o = __builtin_sub_overflow(a, b, &r);
  check_op(
      o, r, [&] { return x - z; }, "money - is exact or throws on overflow");
  o = __builtin_mul_overflow(a, b, &r);
  check_op(
      o, r, [&] { return x * b; }, "money * is exact or throws on overflow");
  o = __builtin_sub_overflow(std::int64_t{0}, a, &r);
  check_op(
      o, r, [&] { return -x; }, "unary money - is exact or throws on overflow");
  // to_string works for every representable amount, INT64_MIN included.
  const std::string s = x.to_string();
  expect(s.size() >= 4 && s[s.size() - 3] == '.', "to_string has two decimals");
}

void check_region(const ec::region_code& c) {
  expect(c.value() >= 100000 && c.value() <= 999999999, "a region code has 6 or 9 digits");
  expect(ec::region_code::from_number(c.value()) == c, "from_number(value()) round trip");
  expect(ec::region_code::parse(c.to_string()) == c, "parse(to_string()) round trip");
  expect(c.contains(c), "a code contains itself");
  expect(c.province().contains(c), "the province contains the code");
  expect(c.province().level() == ec::region_level::province, "province() is a province");
  if (c.has_prefecture()) {
    const ec::region_code p = c.prefecture();
    expect(p.contains(c) && p.level() == ec::region_level::prefecture, "prefecture()");
  } else {
    // A province, or a county coded directly under its province (Hainan's 4600xx): no prefecture.
    expect(c.level() == ec::region_level::province || c.value() / 100 % 100 == 0, "has_prefecture()");
    bool threw = false;
    try {
      (void)c.prefecture();
    } catch (const ec::invalid_value&) {
      threw = true;
    }
    expect(threw, "prefecture() refuses a code without one");
  }
  if (c.level() == ec::region_level::county || c.level() == ec::region_level::township) {
    const ec::region_code k = c.county();
    expect(k.contains(c) && k <= c, "county() contains the code and sorts first");
  }
  // current() is the one current code of the area, or the code itself when there is none (a split,
  // an unknown successor); a current code is its own current().
  expect(!c.current().is_legacy() || c.current() == c, "current() is current or the code itself");
  expect(c.current() == c || c.is_legacy(), "only a legacy code has another current()");
  for (const ec::region_code& s : c.current_codes())
    expect(!s.is_legacy(), "current_codes() are in force in the newest list");
  expect(c.is_legacy() || c.current_codes() == std::vector<ec::region_code>{c},
         "a current code stands for itself");
  (void)c.name();
}

void fuzz_region_parse(FuzzedDataProvider& in) {
  std::string s = text(in);
  if (in.ConsumeBool()) s = std::to_string(region_number(in)); // mostly digits
  guarded([&] {
    const ec::region_code c = ec::region_code::parse(s);
    expect(c.to_string() == s, "parse keeps the text");
    check_region(c);
  });
}

void fuzz_region_number(FuzzedDataProvider& in) {
  const std::uint32_t n = region_number(in);
  guarded([&] {
    const ec::region_code c = ec::region_code::from_number(n);
    expect(c.value() == n, "from_number keeps the number");
    check_region(c);
  });
}

void fuzz_region_set(FuzzedDataProvider& in) {
  std::vector<ec::region_code> members;
  const int count = in.ConsumeIntegralInRange<int>(0, 8);
  for (int i = 0; i < count; ++i)
    guarded([&] { members.push_back(ec::region_code::from_number(region_number(in))); });
  std::optional<ec::region_code> probe;
  guarded([&] { probe = ec::region_code::from_number(region_number(in)); });
  const std::string name = text(in);
  guarded([&] {
    const ec::region_set set(name, members);
    expect(!set.name().empty(), "a region set has a name");
    expect(std::is_sorted(set.members().begin(), set.members().end()), "members are sorted");
    if (!probe) return;
    const bool any = std::any_of(members.begin(), members.end(),
                                 [&](const ec::region_code& m) { return m.contains(*probe); });
    expect(set.contains(*probe) == any, "region_set::contains agrees with the members' contains()");
    const auto m = set.find_member(*probe);
    expect(m.has_value() == any && (!m || m->contains(*probe)), "find_member");
    const ec::region_set both = set | set;
    expect(both.members() == set.members(), "a | a has a's members");
  });
}

void fuzz_ability_level(FuzzedDataProvider& in) {
  const int a = scale_int(in, 0, 4);
  const int b = scale_int(in, 0, 4);
  guarded([&] {
    const ec::ability_level l(a);
    expect(l.value() == a && !l.label().empty() && !l.short_label().empty(), "ability_level");
    const ec::ability_level m(b);
    guarded([&] {
      const ec::ability_band band(l, m);
      expect(l <= m && band.contains(l) && band.contains(m), "ability_band holds its ends");
    });
    expect(ec::ability_band::at_least(l).contains(ec::ability_level::total_loss), "at_least");
    expect(ec::is_at_least(m, l) == (l <= m), "is_at_least");
  });
  const std::string s = text(in);
  guarded([&] {
    const ec::ability_scale sc = ec::parse_ability_scale(s);
    expect(ec::to_string(sc) == s, "parse_ability_scale round trip");
  });
}

void fuzz_gbt42195(FuzzedDataProvider& in) {
  const int total = scale_int(in, 0, 90);
  guarded([&] {
    const ec::ability_level l = ec::gbt42195::preliminary_level(total);
    expect(total >= 0 && total <= 90, "preliminary_level accepted only 0-90");
    if (total < 90)
      expect(ec::gbt42195::preliminary_level(total + 1) <= l, "a higher score is never a worse level");
  });
  ec::gbt42195::first_level_scores scores;
  scores.self_care = scale_int(in, 0, 32);
  scores.basic_mobility = scale_int(in, 0, 15);
  scores.mental_state = scale_int(in, 0, 28);
  scores.perception_social = scale_int(in, 0, 15);
  guarded([&] {
    const int t = scores.total();
    expect(t >= 0 && t <= 90 && ec::gbt42195::preliminary_level(scores) == ec::gbt42195::preliminary_level(t),
           "first_level_scores total");
  });
  ec::gbt42195::level_change_facts facts;
  facts.coma = in.ConsumeBool();
  facts.dementia_or_mental_disorder = in.ConsumeBool();
  facts.care_risk_events_30d = scale_int(in, 0, 3);
  const auto rule =
      in.ConsumeBool() ? ec::gbt42195::raise_rule::cumulative : ec::gbt42195::raise_rule::at_most_one_step;
  const int pre = scale_int(in, 0, 4);
  guarded([&] {
    const ec::ability_level p(pre);
    const auto out = ec::gbt42195::final_level_explained(p, facts, rule);
    expect(out.preliminary == p && p <= out.final_level, "the level-change rules only raise");
    expect(!facts.coma || out.final_level == ec::ability_level::total_loss, "coma gives level 4");
    expect(out.steps_raised >= 0 && out.steps_raised <= 2, "at most two steps");
    expect(facts.coma || out.final_level.value() == std::min(4, pre + out.steps_raised), "steps add up");
    expect(ec::gbt42195::final_level(p, facts, rule) == out.final_level, "final_level");
  });
}

void fuzz_barthel(FuzzedDataProvider& in) {
  const int s1 = scale_int(in, 0, 100);
  const int s2 = scale_int(in, 0, 100);
  const bool custom_cutoffs = in.ConsumeBool();
  const int ind = scale_int(in, 0, 100), mild = scale_int(in, 0, 100), mod = scale_int(in, 0, 100);
  const bool custom_mapping = in.ConsumeBool();
  const int l0 = scale_int(in, 0, 4), l1 = scale_int(in, 0, 4), l2 = scale_int(in, 0, 4),
            l3 = scale_int(in, 0, 4);
  guarded([&] {
    const ec::barthel_score a(s1);
    expect(a.value() == s1 && s1 % 5 == 0 && s1 >= 0 && s1 <= 100, "barthel_score");
    const ec::barthel_score b(s2);
    const ec::barthel_cutoffs cut =
        custom_cutoffs ? ec::barthel_cutoffs(ind, mild, mod) : ec::barthel_cutoffs();
    const ec::barthel_gbt_mapping map =
        custom_mapping ? ec::barthel_gbt_mapping(ec::ability_level(l0), ec::ability_level(l1),
                                                 ec::ability_level(l2), ec::ability_level(l3))
                       : ec::barthel_gbt_mapping();
    // A higher (better) Barthel score never maps to a worse (higher) level or band.
    if (a <= b) {
      expect(ec::band(b, cut) <= ec::band(a, cut), "Barthel bands are monotone");
      expect(ec::to_gbt42195(b, cut, map) <= ec::to_gbt42195(a, cut, map), "Barthel mapping is monotone");
    }
    expect(ec::to_gbt42195(a, cut, map) == map(ec::band(a, cut)), "to_gbt42195 = mapping(band)");
    expect(!ec::label(ec::band(a, cut)).empty(), "band label");
    expect(ec::mzt039::adl_grade(a).value() == static_cast<int>(ec::band(a)),
           "MZ/T 039 ADL grade equals the default Barthel band");
  });
}

void fuzz_mzt039(FuzzedDataProvider& in) {
  const int g[4] = {scale_int(in, 0, 3), scale_int(in, 0, 3), scale_int(in, 0, 3), scale_int(in, 0, 3)};
  const auto rule =
      in.ConsumeBool() ? ec::mzt039::overlap_rule::less_severe : ec::mzt039::overlap_rule::more_severe;
  guarded([&] {
    const ec::mzt039::grades gs{ec::mzt039::grade(g[0]), ec::mzt039::grade(g[1]), ec::mzt039::grade(g[2]),
                                ec::mzt039::grade(g[3])};
    const auto out = ec::mzt039::combine_explained(gs, rule);
    expect(out.overlap == (std::count(out.matched.begin(), out.matched.end(), true) > 1), "overlap flag");
    expect(out.gap == (std::count(out.matched.begin(), out.matched.end(), true) == 0), "gap flag");
    expect(out.gap || out.matched[static_cast<std::size_t>(out.result.value())],
           "the result is a matched rule");
    expect(ec::mzt039::combine(gs, rule) == out.result, "combine");
    expect(ec::mzt039::from_gbt42195(ec::mzt039::to_gbt42195(out.result)) == out.result, "MZ/T <-> GB/T");
    expect(!out.result.label().empty(), "label");
  });
  const int barthel = scale_int(in, 0, 100);
  guarded([&] { (void)ec::mzt039::adl_grade(barthel); });
  const int lv = scale_int(in, 0, 4);
  guarded([&] {
    const ec::ability_level l(lv);
    expect(ec::mzt039::from_gbt42195(l).value() == std::min(lv, 3), "from_gbt42195");
  });
}

void fuzz_self_care(FuzzedDataProvider& in) {
  const int n = scale_int(in, 0, 6);
  guarded([&] {
    const auto r = ec::rate_self_care(n);
    const auto s = ec::popular_severity(n);
    expect(n >= 0 && n <= 6 && !ec::label(r).empty() && !ec::label(s).empty(), "self-care rating");
  });
  ec::self_care_checklist c;
  c.eating = in.ConsumeBool();
  c.dressing = in.ConsumeBool();
  c.getting_in_out_of_bed = in.ConsumeBool();
  c.toileting = in.ConsumeBool();
  c.indoor_walking = in.ConsumeBool();
  c.bathing = in.ConsumeBool();
  const int k = c.items_not_possible();
  expect(k >= 0 && k <= 6 && ec::rate_self_care(c) == ec::rate_self_care(k), "checklist rating");
}

void fuzz_category(FuzzedDataProvider& in) {
  const std::string s = text(in);
  guarded([&] {
    const ec::category c = ec::parse_category(s);
    // A category is given by its word or by its Chinese term (低保).
    expect((ec::to_word(c) == s || ec::chinese_name(c) == s) && !ec::chinese_name(c).empty(),
           "parse_category round trip");
  });
  const ec::category_set set = ec::category_set::from_bits(in.ConsumeIntegral<std::uint32_t>());
  expect(ec::category_set::from_bits(set.bits()) == set, "category_set bits round trip");
  expect(set.bits() < (1U << ec::category_count), "category_set keeps only known bits");
  expect(set.empty() == (set.to_string() == "none"), "category_set to_string");
}

ec::disability_category any_disability_category(FuzzedDataProvider& in) {
  return static_cast<ec::disability_category>(in.ConsumeIntegralInRange<int>(0, 6));
}

void fuzz_disability(FuzzedDataProvider& in) {
  const std::string s = text(in);
  guarded([&] {
    const ec::disability_category c = ec::parse_disability_category(s);
    expect(ec::parse_disability_category(ec::to_string(c)) == c &&
               ec::parse_disability_category(ec::label(c)) == c,
           "parse_disability_category round trip");
  });
  const int g = scale_int(in, 1, 4);
  const ec::disability_category cat = any_disability_category(in);
  std::vector<std::pair<ec::disability_category, int>> parts;
  const int count = in.ConsumeIntegralInRange<int>(0, 3);
  for (int i = 0; i < count; ++i) parts.emplace_back(any_disability_category(in), scale_int(in, 1, 4));
  guarded([&] {
    const ec::disability_grade grade(g);
    expect(grade.value() == g && !grade.label().empty(), "disability_grade");
    expect(grade.is_at_least_as_severe_as(ec::disability_grade::four), "every grade is at least 四级");
    std::vector<ec::disability_entry> components;
    for (const auto& [pc, pg] : parts) components.push_back({pc, ec::disability_grade(pg)});
    const ec::disability_certificate cert(cat, grade, components);
    expect(cert.shows(cat, grade), "a certificate shows its own category and grade");
    expect(cert.category() == ec::disability_category::multiple || cert.components().empty(),
           "only 多重 lists components");
  });
}

void fuzz_stay(FuzzedDataProvider& in) {
  const std::string facility = in.ConsumeBool() ? std::string() : text(in);
  const ec::date admitted = eldercare_fuzz::any_date(in);
  std::optional<ec::date> discharged;
  if (in.ConsumeBool()) discharged = eldercare_fuzz::any_date(in);
  guarded([&] {
    const ec::stay s(facility, admitted, discharged);
    expect(eldercare_fuzz::in_range(s.admitted()) && s.covers(s.admitted()), "a stay covers its admission");
    expect(s.ongoing() == !discharged.has_value(), "ongoing");
    if (discharged) expect(s.covers(*discharged) && *discharged >= admitted, "a stay covers its discharge");
  });
}

void fuzz_filing(FuzzedDataProvider& in) {
  const std::uint32_t region = region_number(in);
  const ec::date filed = eldercare_fuzz::any_date(in);
  std::optional<ec::date> revoked;
  if (in.ConsumeBool()) revoked = eldercare_fuzz::any_date(in);
  const std::string receipt = text(in);
  guarded([&] {
    const ec::filing f(ec::region_code::from_number(region), filed, revoked, receipt);
    expect(f.in_force_on(filed) == (!revoked || *revoked > filed),
           "in force on its filing day unless revoked");
    if (revoked) expect(!f.in_force_on(*revoked), "not in force on its revocation day");
  });
}

void fuzz_assessment(FuzzedDataProvider& in) {
  const auto scale = static_cast<ec::ability_scale>(in.ConsumeIntegralInRange<int>(0, 5));
  const int level = scale_int(in, 0, 4);
  const ec::date on = eldercare_fuzz::any_date(in);
  std::optional<ec::date> until;
  if (in.ConsumeBool()) until = eldercare_fuzz::any_date(in);
  std::optional<int> raw;
  if (in.ConsumeBool()) raw = scale_int(in, 0, 100);
  const std::string local_id = in.ConsumeBool() ? std::string() : text(in);
  guarded([&] {
    const ec::assessment a(scale, ec::ability_level(level), on, until, raw, local_id);
    expect(a.holds_on(on), "an assessment holds on its own date");
    expect(!until || a.holds_on(*until), "an assessment holds on its last valid day");
  });
}

void fuzz_period_value(FuzzedDataProvider& in) {
  const int n = scale_int(in, 0, 1200);
  const int unit = in.ConsumeIntegralInRange<int>(0, 2);
  guarded([&] {
    const ec::period p = unit == 0   ? ec::period::days(n)
                         : unit == 1 ? ec::period::months(n)
                                     : ec::period::years(n);
    expect(n >= 0 && p.count() == n && !p.to_string().empty(), "period keeps its count");
  });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  switch (in.ConsumeIntegralInRange<int>(0, 18)) {
  case 0: fuzz_parse_date(in); break;
  case 1: fuzz_make_date(in); break;
  case 2: fuzz_money_parse(in); break;
  case 3: fuzz_money_double(in); break;
  case 4: fuzz_money_arithmetic(in); break;
  case 5: fuzz_region_parse(in); break;
  case 6: fuzz_region_number(in); break;
  case 7: fuzz_region_set(in); break;
  case 8: fuzz_ability_level(in); break;
  case 9: fuzz_gbt42195(in); break;
  case 10: fuzz_barthel(in); break;
  case 11: fuzz_mzt039(in); break;
  case 12: fuzz_self_care(in); break;
  case 13: fuzz_category(in); break;
  case 14: fuzz_disability(in); break;
  case 15: fuzz_stay(in); break;
  case 16: fuzz_filing(in); break;
  case 17: fuzz_assessment(in); break;
  default: fuzz_period_value(in); break;
  }
  return 0;
}
