// The bundled table with history (region_table.hpp, region_code's history members, hukou_in's reading
// of abolished codes). Expected values are read off the MCA lists in cn/GB2260 (commit 8bd12ee,
// mca/*.tsv) and the State Council approvals quoted in tools/gen_region_data.py; the structural
// checks are the ones the generator makes, made again on the committed header.
#include <algorithm> // std::is_sorted, std::adjacent_find, std::all_of
#include <catch2/catch.hpp>
#include <cstddef>     // std::size_t
#include <cstdint>     // std::uint32_t
#include <set>         // provinces seen
#include <string>      // messages
#include <string_view> // names
#include <vector>

#include "eldercare/calendar/date.hpp"
#include "eldercare/person/residency.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/region/region_code.hpp"
#include "eldercare/region/region_set.hpp"
#include "eldercare/region/region_table.hpp"
#include "eldercare/rules/conditions/residency.hpp"
#include "eldercare/rules/context.hpp"
#include "eldercare/rules/trace.hpp"

namespace Catch {
template <>
struct StringMaker<eldercare::region_code> {
  static std::string convert(const eldercare::region_code& c) { return c.to_string(); }
};
} // namespace Catch

using eldercare::region_code;
using eldercare::region_set;
namespace table = eldercare::region_table;
using table::period_end;

namespace {
region_code code(std::uint32_t v) { return region_code::from_number(v); }
eldercare::date d(const char* iso) { return eldercare::parse_date(iso); }
std::vector<region_code> codes(std::initializer_list<std::uint32_t> vs) {
  std::vector<region_code> out;
  for (const std::uint32_t v : vs) out.push_back(code(v));
  return out;
}

// A subject with only a hukou, for hukou_in.
struct registered {
  eldercare::hukou hukou;
};

// hukou_in's verdict and note for `recorded` on `on`.
struct hukou_verdict {
  bool holds;
  std::string note;
};
hukou_verdict
hukou_check(const region_set& set, std::uint32_t recorded, const char* on,
            eldercare::legacy_code_reading reading = eldercare::legacy_code_reading::as_successor) {
  const registered r{{code(recorded), std::nullopt}};
  eldercare::trace t;
  const bool holds =
      eldercare::hukou_in(set, reading).evaluate(eldercare::context<registered>{r, d(on), nullptr}, t);
  REQUIRE(t.reasons().size() == 1);
  return {holds, t.reasons().front().note};
}
} // namespace

TEST_CASE("table: structure (the generator's checks, on the committed header)", "[region][table]") {
  const auto all = table::codes();
  REQUIRE(all.size() == table::size());
  CHECK(all.size() > 6000);
  CHECK(std::is_sorted(all.begin(), all.end()));
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
  CHECK(std::is_sorted(table::lists().begin(), table::lists().end()));
  CHECK(table::lists().front() == table::month_of(1980, 12));
  CHECK(table::newest_list() == table::month_of(2021, 12));
  std::size_t abolitions = 0, unknown = 0;
  for (std::size_t i = 0; i < table::size(); ++i) {
    const table::entry e = table::at(i);
    const std::uint32_t c = e.code();
    if (c < 110000 || c > 999999 || e.period_count() == 0 || e.name().empty()) FAIL("bad code " << c);
    if (c % 10000 != 0 && c % 100 >= 71 && c % 100 <= 79) FAIL("NBS development-zone code " << c);
    if (!table::find(c / 10000 * 10000)) FAIL("no province for " << c);
    if (c % 100 != 0 && !table::find(c / 100 * 100)) FAIL("no prefecture for " << c);
    for (std::size_t k = 0; k < e.period_count(); ++k) {
      const table::period p = e.period_at(k);
      const bool last = k + 1 == e.period_count();
      if (p.name().empty()) FAIL(c << ": empty name");
      if ((p.end() == period_end::in_force) != (last && !p.until()))
        FAIL(c << ": only the last period may be open");
      if (p.until() && *p.until() <= p.from()) FAIL(c << ": empty period");
      if (!last) {
        const table::period next = e.period_at(k + 1);
        if (!p.until() || *p.until() > next.from()) FAIL(c << ": periods overlap");
        if ((p.end() == period_end::renamed) != (*p.until() == next.from() && p.name() != next.name()))
          FAIL(c << ": a rename joins two periods with different names");
      }
      if (table::abolished(p.end())) ++abolitions;
      if (p.end() == period_end::unknown) ++unknown;
      const bool has = !p.successors().empty();
      if (has != (p.end() == period_end::inferred || p.end() == period_end::by_hand))
        FAIL(c << ": successors only, and always, for an abolition with known successors");
      for (const std::uint32_t s : p.successors()) {
        const auto se = table::find(s);
        if (!se || s == c || !se->period_on(*p.until()))
          FAIL(c << ": successor " << s << " not in force then");
      }
    }
  }
  // The counts the generated header states (3664 abolitions, 586 of them unknown).
  CHECK(abolitions == 3664);
  CHECK(unknown == 586);
  for (const std::uint32_t t : table::township_codes()) {
    const auto county = table::find(t / 1000);
    CHECK((t % 1000 != 0 && county && county->in_force_now()));
  }
}

TEST_CASE("table: every province, with real codes from across the country", "[region][table]") {
  // 31 provinces (and the roll-ups of the four municipalities), plus 台湾 71, 香港 81, 澳门 82.
  struct sample {
    std::uint32_t province, county;
    std::string_view province_name, county_name;
  };
  const sample samples[] = {
      {110000, 110101, "北京市", "东城区"},           {120000, 120101, "天津市", "和平区"},
      {130000, 130102, "河北省", "长安区"},           {140000, 140105, "山西省", "小店区"},
      {150000, 150102, "内蒙古自治区", "新城区"},     {210000, 210102, "辽宁省", "和平区"},
      {220000, 220102, "吉林省", "南关区"},           {230000, 230102, "黑龙江省", "道里区"},
      {310000, 310104, "上海市", "徐汇区"},           {320000, 320102, "江苏省", "玄武区"},
      {330000, 330102, "浙江省", "上城区"},           {340000, 340102, "安徽省", "瑶海区"},
      {350000, 350102, "福建省", "鼓楼区"},           {360000, 360102, "江西省", "东湖区"},
      {370000, 370102, "山东省", "历下区"},           {410000, 410102, "河南省", "中原区"},
      {420000, 420102, "湖北省", "江岸区"},           {430000, 430102, "湖南省", "芙蓉区"},
      {440000, 440103, "广东省", "荔湾区"},           {450000, 450102, "广西壮族自治区", "兴宁区"},
      {460000, 460105, "海南省", "秀英区"},           {500000, 500101, "重庆市", "万州区"},
      {510000, 510104, "四川省", "锦江区"},           {520000, 520102, "贵州省", "南明区"},
      {530000, 530102, "云南省", "五华区"},           {540000, 540102, "西藏自治区", "城关区"},
      {610000, 610102, "陕西省", "新城区"},           {620000, 620102, "甘肃省", "城关区"},
      {630000, 630102, "青海省", "城东区"},           {640000, 640104, "宁夏回族自治区", "兴庆区"},
      {650000, 650102, "新疆维吾尔自治区", "天山区"},
  };
  std::set<std::uint32_t> provinces;
  for (const sample& s : samples) {
    CAPTURE(s.county);
    const region_code p = region_code::parse(std::to_string(s.province));
    const region_code c = region_code::parse(std::to_string(s.county));
    CHECK(p.name() == s.province_name);
    CHECK(c.name() == s.county_name);
    CHECK(p.contains(c));
    CHECK(c.province() == p);
    CHECK_FALSE(c.is_legacy());
    CHECK(c.in_force_on(d("2024-06-30")));
    provinces.insert(s.province);
  }
  CHECK(provinces.size() == 31);
  // Jinan, Chengdu, Wuhan, Urumqi: the cities of issue 12.
  CHECK(code(370100).name() == "济南市");
  CHECK(code(510100).name() == "成都市");
  CHECK(code(420100).name() == "武汉市");
  CHECK(code(650100).name() == "乌鲁木齐市");
  CHECK(code(710000).name() == "台湾省");
  CHECK(code(810000).name() == "香港特别行政区");
  CHECK(code(820000).name() == "澳门特别行政区");
  // Roll-ups that no MCA list prints (GB/T 2260-2007): the municipalities' 市辖区 and 县.
  for (const std::uint32_t r : {110100U, 120100U, 310100U, 500100U}) {
    CAPTURE(r);
    CHECK(code(r).name() == "市辖区");
    CHECK_FALSE(code(r).is_legacy());
  }
  CHECK(code(500200).name() == "县"); // 重庆 still has counties
  CHECK_FALSE(code(500200).is_legacy());
  CHECK(code(500229).prefecture() == code(500200)); // 城口县
  for (const std::uint32_t r : {110200U, 120200U, 310200U}) {
    CAPTURE(r);
    CHECK(code(r).is_legacy()); // their last counties became districts
  }
  CHECK(code(310200).current() == code(310100));
  CHECK(code(419001).prefecture().name() == "省直辖县级行政单位"); // 济源市 under 河南 directly
}

TEST_CASE("history: abolished codes of several eras resolve to their successors", "[region][history]") {
  struct change {
    std::uint32_t old_code, successor;
    const char *last_in, *first_out; // a date the lists show the old code, one they no longer do
    period_end how;
  };
  const change changes[] = {
      {320103, 320104, "2012-12-31", "2013-12-01", period_end::by_hand},  // 白下区 -> 秦淮区, 2013
      {440102, 440104, "2004-12-31", "2005-12-01", period_end::by_hand},  // 东山区 -> 越秀区, 2005
      {110103, 110101, "2009-12-31", "2010-12-01", period_end::by_hand},  // 崇文区 -> 东城区, 2010
      {110104, 110102, "2009-12-31", "2010-12-01", period_end::by_hand},  // 宣武区 -> 西城区, 2010
      {110228, 110118, "2015-10-31", "2015-11-01", period_end::inferred}, // 密云县 -> 密云区 (renamed)
      {371081, 371003, "2013-12-31", "2014-12-01", period_end::inferred}, // 文登市 -> 文登区
      {610125, 610118, "2016-11-30", "2016-12-01", period_end::by_hand},  // 户县 -> 鄠邑区
      {120107, 120116, "2008-12-31", "2009-12-01", period_end::by_hand},  // 塘沽区 -> 滨海新区, 2009
      {130182, 130109, "2013-12-31", "2014-12-01", period_end::inferred}, // 藁城市 -> 藁城区
      {371202, 370116, "2018-01-31", "2018-12-01", period_end::by_hand}, // 莱城区 -> 济南 莱芜区, 2019
  };
  for (const change& c : changes) {
    CAPTURE(c.old_code);
    const region_code old = code(c.old_code);
    CHECK(old.is_legacy());
    CHECK(old.successors() == codes({c.successor}));
    CHECK(old.current() == code(c.successor));
    CHECK(old.current_codes() == codes({c.successor}));
    CHECK(old.history().back().end == c.how);
    // in_force_on on both sides of the change.
    CHECK(old.in_force_on(d(c.last_in)));
    CHECK_FALSE(old.in_force_on(d(c.first_out)));
    CHECK(code(c.successor).in_force_on(d(c.first_out)));
    CHECK(old.current_codes_on(d(c.last_in)) == codes({c.old_code}));
    CHECK(old.current_codes_on(d(c.first_out)) == codes({c.successor}));
    // An abolished county is still inside its province and prefecture, by digits.
    CHECK(old.province().contains(old));
    CHECK(old.province() == code(c.successor).province());
    CHECK(old.value() == c.old_code); // kept as recorded
  }
  // 110228 密云县: renamed county -> district with a new code; history says when.
  const auto miyun = code(110228).history();
  REQUIRE_FALSE(miyun.empty());
  CHECK(miyun.back().name == "密云县");
  CHECK(miyun.back().until == d("2015-11-01"));
  CHECK(miyun.back().successors == codes({110118}));
  CHECK(code(110118).history().front().from == d("2015-11-01"));
  CHECK(code(110118).name() == "密云区");
}

TEST_CASE("history: names over time, splits and unknown successors", "[region][history]") {
  // 420600: the same code, 襄樊市 until the 2009 list, 襄阳市 from the 2010 list.
  const region_code xiangyang = code(420600);
  CHECK(xiangyang.name() == "襄阳市");
  CHECK(xiangyang.name_on(d("2009-12-31")) == "襄樊市");
  CHECK(xiangyang.name_on(d("2011-01-01")) == "襄阳市");
  CHECK(xiangyang.name_on(d("1979-01-01")).empty()); // before the first list: nothing in force
  const auto h = xiangyang.history();
  REQUIRE(h.size() == 2);
  CHECK(h[0].end == period_end::renamed);
  CHECK(h[0].until == h[1].from);
  CHECK_FALSE(h[1].until.has_value());
  CHECK(code(110104).name_on(d("2005-06-01")) == "宣武区");
  CHECK(code(110104).name_on(d("2011-06-01")).empty());

  // 330104 江干区 (2021): split between the new 上城区 and the new 钱塘区.
  const region_code jianggan = code(330104);
  CHECK(jianggan.successors() == codes({330102, 330114}));
  CHECK(jianggan.current_codes() == codes({330102, 330114}));
  CHECK(jianggan.current() == jianggan); // no one current code
  CHECK(jianggan.in_force_on(d("2021-01-01")));
  CHECK_FALSE(jianggan.in_force_on(d("2022-01-01")));

  // 110110 燕山区 (1980-1986, merged with 房山县 into 房山区): where it went is not inferred.
  const region_code yanshan = code(110110);
  CHECK(yanshan.is_legacy());
  CHECK(yanshan.successors().empty());
  CHECK(yanshan.history().back().end == period_end::unknown);
  CHECK(yanshan.current_codes().empty());
  CHECK(yanshan.current() == yanshan);

  // A chain: 110223 通县 -> 110112 通州区 (1997); 110203 通县 (1980 numbering) -> 110223 -> 110112.
  CHECK(code(110203).current() == code(110112));
  CHECK(code(110203).current_codes_on(d("1990-06-01")) == codes({110223}));

  // Townships follow their county.
  const region_code town = region_code::parse("110114001");
  CHECK(town.in_force_on(d("2024-01-01")));
  CHECK(town.name_on(d("2024-01-01")) == "城北街道");
  CHECK(town.current_codes() == std::vector<region_code>{town});
  CHECK(town.successors().empty());
}

TEST_CASE("history: codes that never existed are refused", "[region][history]") {
  for (const char* text : {"119999", "990000", "110199", "320199"}) {
    CAPTURE(text);
    try {
      (void)region_code::parse(text, "hukou.region");
      FAIL("accepted " << text);
    } catch (const eldercare::invalid_value& e) {
      CHECK(e.id() == eldercare::error_id::invalid_region);
      CHECK_THAT(e.what(),
                 Catch::StartsWith("[eldercare.invalid_value.103] hukou.region = '" + std::string(text) +
                                   "': not a division code in the bundled table"));
    }
  }
}

TEST_CASE("history: containment of abolished codes", "[region][history]") {
  const region_set jiangsu("江苏", {code(320000)});
  CHECK(jiangsu.contains(code(320103)));            // 白下区, abolished 2013
  CHECK(code(320100).contains(code(320103)));       // in 南京市 by digits
  CHECK_FALSE(code(320104).contains(code(320103))); // not in 秦淮区 as recorded
  CHECK(code(440000).contains(code(440102)));       // 东山区 in 广东
  const auto now = code(320103).current_codes();
  CHECK(std::all_of(now.begin(), now.end(), [&](const region_code& c) { return jiangsu.contains(c); }));
}

TEST_CASE("hukou_in reads abolished codes through the history", "[region][history][hukou]") {
  const region_set xicheng("西城区", {eldercare::regions::xicheng});
  // 110104 宣武 counts as 西城 after 2010, exactly as before (note unchanged).
  const hukou_verdict after = hukou_check(xicheng, 110104, "2023-01-01");
  CHECK(after.holds);
  CHECK(after.note == "legacy code read as 110102 西城区");
  CHECK_FALSE(hukou_check(xicheng, 110104, "2023-01-01", eldercare::legacy_code_reading::as_recorded).holds);
  // Before the merger 宣武 was not 西城.
  const hukou_verdict before = hukou_check(xicheng, 110104, "2009-06-01");
  CHECK_FALSE(before.holds);
  CHECK(before.note.empty());
  // 白下区 counts as 秦淮区 once it was merged.
  const region_set qinhuai("秦淮区", {code(320104)});
  CHECK(hukou_check(qinhuai, 320103, "2014-01-01").holds);
  CHECK_FALSE(hukou_check(qinhuai, 320103, "2012-06-01").holds);
  // A split: 江干区 is in a set only when both parts are.
  const region_set shangcheng("上城区", {code(330102)});
  const region_set both("上城区|钱塘区", {code(330102), code(330114)});
  const hukou_verdict half = hukou_check(shangcheng, 330104, "2022-01-01");
  CHECK_FALSE(half.holds);
  CHECK(half.note ==
        "legacy code read as 330102 上城区 and 330114 钱塘区 (its area was split: all must be in the set)");
  CHECK(hukou_check(both, 330104, "2022-01-01").holds);
  CHECK(hukou_check(region_set("杭州", {code(330100)}), 330104, "2022-01-01").holds);
  // An unknown successor: read as recorded, and said so.
  const hukou_verdict yanshan = hukou_check(region_set("房山区", {code(110111)}), 110110, "2023-01-01");
  CHECK_FALSE(yanshan.holds);
  CHECK(yanshan.note == "abolished code with no known successor, read as recorded");
  CHECK(hukou_check(region_set("北京", {eldercare::regions::beijing}), 110110, "2023-01-01").holds);
  // A current code is read as recorded, with no note.
  const hukou_verdict plain = hukou_check(xicheng, 110102, "2023-01-01");
  CHECK(plain.holds);
  CHECK(plain.note.empty());
}
