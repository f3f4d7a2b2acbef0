// region_code: parsing, levels, ancestors, containment, legacy codes, and the bundled table.
// Expected values come from DOMAIN.md B.2 and the MCA lists the table was generated from (history:
// region_region_table_test.cpp).
#include <algorithm> // std::sort, std::count_if
#include <catch2/catch.hpp>
#include <cstdint>       // std::uint32_t
#include <set>           // comparing code lists as sets
#include <string>        // messages
#include <unordered_set> // std::hash<region_code>
#include <vector>

#include "eldercare/region/named_regions.hpp"
#include "eldercare/region/region_code.hpp"
#include "eldercare/region/region_table.hpp"

namespace Catch {
template <>
struct StringMaker<eldercare::region_code> {
  static std::string convert(const eldercare::region_code& c) { return c.to_string(); }
};
} // namespace Catch

using eldercare::error_id;
using eldercare::invalid_value;
using eldercare::region_code;
using eldercare::region_level;

namespace {
region_code code(std::uint32_t v) { return region_code::from_number(v); }

// Current (non-legacy) codes of one level whose digits start with `prefix` (e.g. 1101 for 北京).
std::set<std::uint32_t> current_codes(std::uint32_t prefix, std::uint32_t divisor, region_level level) {
  std::set<std::uint32_t> out;
  for (const std::uint32_t v : eldercare::region_table::codes()) {
    const region_code c = code(v);
    if (v / divisor == prefix && c.level() == level && !c.is_legacy()) out.insert(v);
  }
  return out;
}

// Parses `text` expecting invalid_value; returns it so that the message can be checked.
invalid_value rejection(const std::string& text, const std::string& field = "region") {
  try {
    (void)region_code::parse(text, field);
  } catch (const invalid_value& e) {
    return e;
  }
  FAIL("expected invalid_value for '" << text << "'");
  throw; // unreachable: FAIL aborts the test case
}
} // namespace

TEST_CASE("parse and from_number accept table codes and keep them as recorded", "[region]") {
  const region_code xicheng = region_code::parse("110102");
  CHECK(xicheng.value() == 110102);
  CHECK(xicheng.to_string() == "110102");
  CHECK(xicheng.name() == "西城区");
  CHECK(xicheng == region_code::from_number(110102));
  CHECK(xicheng == eldercare::regions::xicheng);

  const region_code xuanwu = region_code::parse("110104");
  CHECK(xuanwu.value() == 110104); // not silently rewritten to 110102
  CHECK(xuanwu.name() == "宣武区");
  CHECK(xuanwu != xicheng);

  CHECK(code(131082).name() == "三河市");
  CHECK(code(371082).name() == "荣成市");
  CHECK(code(610114).name() == "阎良区");
  CHECK(code(152900).name() == "阿拉善盟");
}

TEST_CASE("levels are read from the digits", "[region]") {
  CHECK(code(110000).level() == region_level::province);
  CHECK(code(150000).level() == region_level::province);
  CHECK(code(110100).level() == region_level::prefecture); // municipal roll-up 市辖区
  CHECK(code(120100).level() == region_level::prefecture);
  CHECK(code(130100).level() == region_level::prefecture); // 石家庄市
  CHECK(code(152500).level() == region_level::prefecture); // 锡林郭勒盟
  CHECK(code(441900).level() == region_level::prefecture); // 东莞市, no counties
  CHECK(code(110102).level() == region_level::county);
  CHECK(code(131082).level() == region_level::county); // county-level city
  CHECK(code(110228).level() == region_level::county); // legacy county
  CHECK(region_code::parse("610112008").level() == region_level::township);
  CHECK(eldercare::to_string(region_level::prefecture) == "prefecture");
}

TEST_CASE("ancestors: province, prefecture, county", "[region]") {
  const region_code liucunbao = region_code::parse("610112008");
  CHECK(liucunbao.county() == code(610112));
  CHECK(liucunbao.prefecture() == code(610100));
  CHECK(liucunbao.province() == code(610000));
  CHECK(liucunbao.name() == "六村堡街道");
  CHECK(liucunbao.county().name() == "未央区");

  CHECK(code(131082).prefecture() == code(131000)); // 三河市 in 廊坊市
  CHECK(code(131082).province() == code(130000));
  CHECK(code(131082).county() == code(131082));
  CHECK(code(110102).prefecture() == code(110100));
  CHECK(code(110102).prefecture().name() == "市辖区");
  CHECK(code(110228).prefecture() == code(110200)); // 密云县 sat under the 县 roll-up
  CHECK(code(152921).prefecture() == code(152900)); // 阿拉善左旗 in 阿拉善盟
  CHECK(code(130100).prefecture() == code(130100));
  CHECK(code(110000).province() == code(110000));

  // Dongguan's towns sit directly under the prefecture-level city.
  const region_code dongguan_town = region_code::parse("441900003");
  CHECK(dongguan_town.county() == code(441900));
  CHECK(dongguan_town.prefecture() == code(441900));

  // Higher levels have no prefecture / county: a contract violation reported as invalid_value.
  CHECK_THROWS_AS(code(110000).prefecture(), invalid_value);
  CHECK_THROWS_AS(code(110000).county(), invalid_value);
  CHECK_THROWS_AS(code(130100).county(), invalid_value);
  CHECK_THROWS_WITH(code(130100).county(), Catch::Contains("130100") && Catch::Contains("prefecture"));

  // Hainan's counties of 1988-2002 were coded directly under the province (4600xx): no prefecture,
  // and not the province either (found by the fuzz harness: 460001 gave 460000 as its prefecture).
  CHECK(code(460001).level() == region_level::county);
  CHECK_FALSE(code(460001).has_prefecture());
  CHECK_FALSE(code(460000).has_prefecture());
  CHECK(code(469001).has_prefecture()); // today's 五指山市 sits under the 4690 省直辖 grouping
  CHECK(code(469001).prefecture() == code(469000));
  CHECK_THROWS_WITH(code(460001).prefecture(),
                    Catch::Contains("460001") && Catch::Contains("directly under its province"));
  CHECK(code(460001).province() == code(460000));
  CHECK(code(460001).county() == code(460001));
}

TEST_CASE("contains is ancestor-or-self across levels", "[region]") {
  const region_code town = region_code::parse("610112008");
  CHECK(code(610000).contains(code(610100)));
  CHECK(code(610000).contains(code(610112)));
  CHECK(code(610000).contains(town));
  CHECK(code(610100).contains(code(610112)));
  CHECK(code(610100).contains(town));
  CHECK(code(610112).contains(town));
  CHECK(town.contains(town));
  CHECK(code(110102).contains(code(110102)));

  // Not upwards, not sideways.
  CHECK_FALSE(town.contains(code(610112)));
  CHECK_FALSE(code(610112).contains(code(610100)));
  CHECK_FALSE(code(610100).contains(code(610000)));
  CHECK_FALSE(code(110101).contains(code(110102)));
  CHECK_FALSE(code(610100).contains(code(610402))); // 秦都 is in 咸阳, not 西安
  CHECK_FALSE(code(610112).contains(region_code::parse("610116010")));
  CHECK_FALSE(code(110000).contains(code(120101)));
  CHECK_FALSE(code(130100).contains(code(130202))); // 唐山's 路南区
  CHECK(code(130000).contains(code(131082)));
  CHECK(code(150000).contains(code(152921)));

  // Municipal roll-ups, and legacy codes taken as recorded.
  CHECK(code(110100).contains(code(110102)));
  CHECK(code(110000).contains(code(110104)));
  CHECK(code(110100).contains(code(110104)));
  CHECK_FALSE(code(110102).contains(code(110104))); // use current() for that
  CHECK(code(110102).contains(code(110104).current()));
  CHECK_FALSE(code(110100).contains(code(110228))); // was under 110200 县
  CHECK(code(110200).contains(code(110228)));
}

TEST_CASE("legacy aliases and current()", "[region]") {
  struct alias {
    std::uint32_t legacy, successor;
  };
  for (const alias a :
       {alias{110103, 110101}, alias{110104, 110102}, alias{110228, 110118}, alias{110229, 110119},
        alias{371081, 371003}, alias{610125, 610118}, alias{610126, 610117}}) {
    CAPTURE(a.legacy);
    const region_code old = code(a.legacy);
    CHECK(old.is_legacy());
    CHECK(old.current() == code(a.successor));
    CHECK_FALSE(old.current().is_legacy());
    CHECK(old.value() == a.legacy);
  }
  CHECK(code(110228).name() == "密云县");
  CHECK(code(110228).current().name() == "密云区");
  CHECK(code(110200).is_legacy()); // the 县 roll-up; its counties became districts of 110100
  CHECK(code(110200).current() == code(110100));

  CHECK_FALSE(code(110102).is_legacy());
  CHECK(code(110102).current() == code(110102));
  CHECK_FALSE(region_code::parse("610112008").is_legacy());
  CHECK(region_code::parse("610112008").current() == region_code::parse("610112008"));
}

TEST_CASE("malformed and unknown codes are rejected naming field and value", "[region]") {
  // Codes that no MCA list ever had: 119999 and 110199 are not Beijing codes, 990000 and 999999 no
  // province. (110110 燕山区 1980-1986, 370102 济南 历下区 and 130521 邢台县, abolished in 2020, were
  // refused while the table covered seven provinces and no history; they are accepted now.)
  for (const char* text : {"119999", "110199", "990000", "999999", "000000", "110103x"}) {
    CAPTURE(text);
    const invalid_value e = rejection(text, "hukou.region");
    CHECK(e.id() == error_id::invalid_region);
    CHECK(e.field() == "hukou.region");
    CHECK(e.value() == text);
    CHECK_THAT(e.what(),
               Catch::StartsWith("[eldercare.invalid_value.103] hukou.region = '" + std::string(text) + "'"));
  }
  // A code that never existed says what the table covers.
  CHECK_THAT(rejection("119999").what(),
             Catch::Contains("not a division code in the bundled table") && Catch::Contains("1980-12"));
  CHECK_THAT(rejection("990000").what(), Catch::Contains("not a division code"));
  // Real codes of every era are accepted: 济南 历下区, 邢台县 (abolished 2020), 燕山区 (1980-1986).
  CHECK(code(370102).name() == "历下区");
  CHECK(code(130521).is_legacy());
  CHECK(code(110110).name() == "燕山区");
  CHECK_THROWS_WITH(region_code::from_number(119999), Catch::Contains("= 119999:"));

  // Wrong length or not digits.
  for (const char* text :
       {"11010", "1101020", "abc", "", " 110102", "110102 ", "-110102", "11010a", "110102000000"}) {
    CAPTURE(text);
    const invalid_value e = rejection(text);
    CHECK(e.value() == text);
    CHECK(e.field() == "region");
  }
  CHECK_THAT(rejection("1101020").what(), Catch::Contains("has 7 digits"));
  CHECK_THAT(rejection("abc").what(), Catch::Contains("6 digits"));
  CHECK_THAT(rejection("110102000000").what(), Catch::Contains("12-digit NBS"));

  // from_number applies the same checks, quoting the number.
  CHECK_THROWS_WITH(region_code::from_number(11010, "facility.region"),
                    Catch::StartsWith("[eldercare.invalid_value.103] facility.region = '11010'"));
  CHECK_THROWS_WITH(region_code::from_number(110199), Catch::Contains("= 110199:"));
  CHECK_THROWS_AS(region_code::from_number(1101020), invalid_value);
  CHECK_THROWS_AS(region_code::from_number(0), invalid_value);
  CHECK_THROWS_AS(region_code::from_number(4294967295U), invalid_value);
}

TEST_CASE("NBS-only development-zone codes are not GB/T 2260 codes", "[region]") {
  for (const char* text : {"371071", "371072", "371073"}) {
    CAPTURE(text);
    CHECK_THAT(rejection(text).what(),
               Catch::Contains("is an NBS statistical code") && Catch::Contains("not a GB/T 2260"));
  }
  CHECK_THAT(rejection("130171").what(), Catch::Contains("looks like an NBS statistical code"));
  CHECK_THAT(rejection("371071001").what(), Catch::Contains("NBS statistical code"));
}

TEST_CASE("township codes: known county + 001-999", "[region]") {
  CHECK(region_code::parse("610116010").name() == "斗门街道");
  CHECK(region_code::parse("610404008").name() == "周陵街道");
  CHECK(region_code::parse("610423112").name() == "崇文镇");
  CHECK(region_code::from_number(110111111).name() == "十渡镇");

  // The township part is not checked against a list: unknown towns are accepted, without a name.
  const region_code unnamed = region_code::parse("610112999");
  CHECK(unnamed.value() == 610112999);
  CHECK(unnamed.name().empty());
  CHECK(region_code::parse("131082001").county() == code(131082));

  CHECK_THAT(rejection("610112000").what(), Catch::Contains("000"));
  CHECK_THAT(rejection("999999001").what(), Catch::Contains("not a known county"));
  CHECK_THAT(rejection("110199001").what(), Catch::Contains("110199"));
  CHECK_THAT(rejection("110110001").what(), Catch::Contains("110110") && Catch::Contains("abolished"));
  CHECK_THAT(rejection("110104001").what(), Catch::Contains("abolished"));
  CHECK_THAT(rejection("110100001").what(), Catch::Contains("prefecture, not a county"));
  CHECK_THAT(rejection("110000001").what(), Catch::Contains("province, not a county"));
  CHECK_THAT(rejection("130100001").what(), Catch::Contains("prefecture, not a county"));
}

TEST_CASE("ordering is hierarchical, hashing works", "[region]") {
  std::vector<region_code> v = {
      code(110102), region_code::parse("110101001"), code(110101), code(110000), code(110100), code(120000)};
  std::sort(v.begin(), v.end());
  const std::vector<region_code> expected = {
      code(110000), code(110100), code(110101), region_code::parse("110101001"), code(110102), code(120000)};
  CHECK(v == expected);
  CHECK(code(110101) < region_code::parse("110101001"));
  CHECK(region_code::parse("110101001") < code(110102));

  const std::unordered_set<region_code> s = {code(110102), code(110104), code(110102)};
  CHECK(s.size() == 2);
  CHECK(s.count(code(110104)) == 1);
}

TEST_CASE("bundled table: the lists in DOMAIN.md B.2", "[region][table]") {
  // Beijing's 16 districts (legacy codes excluded).
  CHECK(current_codes(1101, 100, region_level::county) ==
        std::set<std::uint32_t>{110101, 110102, 110105, 110106, 110107, 110108, 110109, 110111, 110112,
                                110113, 110114, 110115, 110116, 110117, 110118, 110119});
  // Tianjin's 16 districts.
  CHECK(current_codes(1201, 100, region_level::county) ==
        std::set<std::uint32_t>{120101, 120102, 120103, 120104, 120105, 120106, 120110, 120111, 120112,
                                120113, 120114, 120115, 120116, 120117, 120118, 120119});
  // Hebei: 11 prefecture-level cities; Inner Mongolia: 12 prefecture-level units.
  CHECK(current_codes(13, 10000, region_level::prefecture) ==
        std::set<std::uint32_t>{130100, 130200, 130300, 130400, 130500, 130600, 130700, 130800, 130900,
                                131000, 131100});
  CHECK(current_codes(15, 10000, region_level::prefecture) ==
        std::set<std::uint32_t>{150100, 150200, 150300, 150400, 150500, 150600, 150700, 150800, 150900,
                                152200, 152500, 152900});
  // County-level totals in the MCA list of 2021-12 (河北 167, 内蒙古 103, 广东 122).
  CHECK(current_codes(13, 10000, region_level::county).size() == 167);
  CHECK(current_codes(15, 10000, region_level::county).size() == 103);
  CHECK(current_codes(44, 10000, region_level::county).size() == 122);
  // Hebei renames seen between the MCA 2019 and NBS 2023 lists.
  CHECK(code(130502).name() == "襄都区");
  CHECK(code(130503).name() == "信都区");
  CHECK(code(130505).name() == "任泽区");
  CHECK(code(130506).name() == "南和区");
  // Weihai.
  CHECK(current_codes(3710, 100, region_level::county) ==
        std::set<std::uint32_t>{371002, 371003, 371082, 371083});
  CHECK(code(371000).name() == "威海市");
  CHECK(code(370000).name() == "山东省");
  // Xi'an (13) and Xianyang (14).
  CHECK(current_codes(6101, 100, region_level::county) ==
        std::set<std::uint32_t>{610102, 610103, 610104, 610111, 610112, 610113, 610114, 610115, 610116,
                                610117, 610118, 610122, 610124});
  CHECK(current_codes(6104, 100, region_level::county) ==
        std::set<std::uint32_t>{610402, 610403, 610404, 610422, 610423, 610424, 610425, 610426, 610428,
                                610429, 610430, 610431, 610481, 610482});
  CHECK(code(440000).name() == "广东省");
  CHECK(code(610000).name() == "陕西省");
}

TEST_CASE("bundled table: every code round-trips and has its ancestors", "[region][table]") {
  for (const std::uint32_t v : eldercare::region_table::codes()) {
    CAPTURE(v);
    const region_code c = region_code::parse(std::to_string(v));
    CHECK(c.value() == v);
    CHECK(c.name() == eldercare::region_table::find(v)->name());
    CHECK(c.province().contains(c));
    CHECK_FALSE(c.province().name().empty());
    if (c.has_prefecture()) {
      CHECK(c.prefecture().level() == region_level::prefecture);
      CHECK(c.prefecture().contains(c));
      CHECK_FALSE(c.prefecture().name().empty());
    } else if (c.level() != region_level::province) {
      CHECK(v / 100 % 100 == 0); // only a county coded directly under its province has none
      CHECK_THROWS_AS(c.prefecture(), invalid_value);
    }
    // current() is a current code, or the code itself when its area has no one current code.
    CHECK((!c.current().is_legacy() || c.current() == c));
    CHECK(c.is_legacy() == !eldercare::region_table::find(v)->in_force_now());
    const std::uint32_t county_digits = v % 100;
    CHECK_FALSE((county_digits >= 71 && county_digits <= 79)); // no NBS-only zones
  }
  for (const std::uint32_t t : eldercare::region_table::township_codes()) {
    CAPTURE(t);
    const region_code c = region_code::from_number(t);
    CHECK(c.level() == region_level::township);
    CHECK(c.name() == *eldercare::region_table::township_name(t));
    CHECK(c.county().contains(c));
  }
}
