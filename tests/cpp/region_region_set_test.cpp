// region_set and the named sets: 津冀蒙, 生态涵养区 (with its partial districts), 西咸新区.
// Expected memberships come from POLICIES.md (rule cn.beijing.xicheng.cross_region_care) and
// DOMAIN.md B.2-B.3.
#include <algorithm> // std::any_of
#include <catch2/catch.hpp>
#include <cstdint> // std::uint32_t
#include <string>
#include <vector>

#include "eldercare/region/named_regions.hpp"
#include "eldercare/region/region_set.hpp"
#include "eldercare/region/region_table.hpp"

namespace Catch {
template <>
struct StringMaker<eldercare::region_code> {
  static std::string convert(const eldercare::region_code& c) { return c.to_string(); }
};
} // namespace Catch

using eldercare::invalid_value;
using eldercare::region_code;
using eldercare::region_set;
namespace regions = eldercare::regions;

namespace {
region_code code(std::uint32_t v) { return region_code::from_number(v); }
} // namespace

TEST_CASE("津冀蒙: Tianjin, Hebei, Inner Mongolia at every level", "[region_set]") {
  const region_set s = regions::jin_ji_meng();
  CHECK(s.name() == "津冀蒙");
  CHECK(s.to_string() == "津冀蒙 {120000, 130000, 150000}");
  CHECK(s.members() == std::vector<region_code>{code(120000), code(130000), code(150000)});

  CHECK(s.contains(code(120000)));
  CHECK(s.contains(code(120101)));                    // 天津 和平区
  CHECK(s.contains(code(131082)));                    // 河北 三河市
  CHECK(s.contains(code(131000)));                    // 廊坊市
  CHECK(s.contains(code(152921)));                    // 内蒙古 阿拉善左旗
  CHECK(s.contains(region_code::parse("131082100"))); // any town of 三河市

  CHECK_FALSE(s.contains(code(110102))); // 西城: the elder's own district
  CHECK_FALSE(s.contains(code(110000))); // a province is not inside another
  CHECK_FALSE(s.contains(code(371002)));
  CHECK_FALSE(s.contains(region_code::parse("610112008")));
  CHECK_FALSE(s.contains(code(110109))); // 生态涵养区 is a different set

  CHECK(s.find_member(code(131082)) == code(130000));
  CHECK_FALSE(s.find_member(code(110102)).has_value());
}

TEST_CASE("生态涵养区: five whole districts, and only the listed mountain towns", "[region_set]") {
  const region_set none = regions::beijing_ecological_conservation_area();
  CHECK(none.name() == "生态涵养区");
  CHECK(none.to_string() == "生态涵养区 {110109, 110116, 110117, 110118, 110119}");
  for (const std::uint32_t whole : {110109U, 110116U, 110117U, 110118U, 110119U}) {
    CAPTURE(whole);
    CHECK(none.contains(code(whole)));
  }
  CHECK(none.contains(region_code::parse("110109101"))); // 门头沟 潭柘寺镇
  CHECK(none.contains(region_code::parse("110118111"))); // 密云 古北口镇

  // Partial districts: the district code itself is not in the set (documented reading).
  CHECK_FALSE(none.contains(regions::changping));
  CHECK_FALSE(none.contains(regions::fangshan));
  CHECK_FALSE(none.contains(region_code::parse("110111111"))); // 十渡镇, not listed
  CHECK_FALSE(none.contains(code(110102)));
  CHECK_FALSE(none.contains(code(110000)));
  CHECK_FALSE(none.contains(code(110100)));
  // Legacy county codes are taken as recorded; their successors are in.
  CHECK_FALSE(none.contains(code(110228)));
  CHECK(none.contains(code(110228).current()));

  const region_set with_towns = regions::beijing_ecological_conservation_area(
      {region_code::parse("110111111"), region_code::parse("110114119")}); // 十渡镇, 十三陵镇
  CHECK(with_towns.contains(region_code::parse("110111111")));
  CHECK(with_towns.contains(region_code::parse("110114119")));
  CHECK_FALSE(with_towns.contains(regions::fangshan));
  CHECK_FALSE(with_towns.contains(regions::changping));
  CHECK_FALSE(with_towns.contains(region_code::parse("110111001"))); // 房山 城关街道, not listed
  CHECK(with_towns.members().size() == 7);
  CHECK(with_towns.find_member(region_code::parse("110114119")) == region_code::parse("110114119"));
}

TEST_CASE("生态涵养区 rejects anything but towns of 昌平 or 房山", "[region_set]") {
  using regions::beijing_ecological_conservation_area;
  CHECK_THROWS_AS(beijing_ecological_conservation_area({regions::changping}), invalid_value);
  CHECK_THROWS_AS(beijing_ecological_conservation_area({regions::fangshan}), invalid_value);
  CHECK_THROWS_AS(beijing_ecological_conservation_area({region_code::parse("110102001")}), invalid_value);
  // A town of a whole district is not a "mountain town" input either.
  CHECK_THROWS_AS(beijing_ecological_conservation_area({region_code::parse("110109101")}), invalid_value);
  try {
    (void)beijing_ecological_conservation_area(
        {region_code::parse("110114119"), region_code::parse("110105001")});
    FAIL("expected invalid_value");
  } catch (const invalid_value& e) {
    CHECK(e.field() == "mountain_towns[1]");
    CHECK(e.value() == "110105001");
    CHECK_THAT(e.what(), Catch::Contains("110114") && Catch::Contains("110111"));
  }
}

TEST_CASE("西咸新区: a set of township codes, partial, extendable", "[region_set]") {
  const region_set x = regions::xixian_new_area();
  CHECK(x.name() == "西咸新区");
  CHECK(x.members().size() == 21);
  // The four codes DOMAIN.md B.2 gives.
  for (const char* town : {"610112008", "610116010", "610404008", "610423112"}) {
    CAPTURE(town);
    CHECK(x.contains(region_code::parse(town)));
  }
  CHECK(x.contains(region_code::parse("610116006"))); // 马王街道
  CHECK(x.contains(region_code::parse("610118005"))); // 大王街道

  // It has no code of its own, and its counties also hold non-member territory.
  CHECK_FALSE(x.contains(regions::weiyang));
  CHECK_FALSE(x.contains(regions::xian));
  CHECK_FALSE(x.contains(code(610000)));
  CHECK_FALSE(x.contains(region_code::parse("610112001"))); // 张家堡街道
  CHECK_FALSE(x.contains(region_code::parse("610481106"))); // 南位镇: only partly inside, not default

  const region_set more = regions::xixian_new_area({region_code::parse("610481106")});
  CHECK(more.contains(region_code::parse("610481106")));
  CHECK(more.members().size() == 22);

  CHECK_THROWS_AS(regions::xixian_new_area({region_code::parse("610113001")}), invalid_value); // 雁塔
  CHECK_THROWS_AS(regions::xixian_new_area({regions::weiyang}), invalid_value);
  CHECK_THROWS_WITH(regions::xixian_new_area({code(610400)}), Catch::Contains("extra_towns[0]"));
}

TEST_CASE("region_set construction, union, equality", "[region_set]") {
  const region_set s("x", {code(130000), code(120000), code(130000)});
  CHECK(s.members() == std::vector<region_code>{code(120000), code(130000)});
  CHECK(s.to_string() == "x {120000, 130000}");

  const region_set empty("nothing", {});
  CHECK_FALSE(empty.contains(code(110102)));
  CHECK(empty.to_string() == "nothing {}");

  CHECK_THROWS_AS(region_set("", {code(110102)}), invalid_value);

  const region_set both = regions::jin_ji_meng() | regions::beijing_ecological_conservation_area();
  CHECK(both.name() == "津冀蒙|生态涵养区");
  CHECK(both.contains(code(131082)));
  CHECK(both.contains(code(110109)));
  CHECK_FALSE(both.contains(code(110102)));
  CHECK(both.members().size() == 8);

  CHECK(regions::jin_ji_meng() == region_set("津冀蒙", {code(150000), code(130000), code(120000)}));
  CHECK_FALSE(regions::jin_ji_meng() == region_set("津冀", {code(120000), code(130000)}));

  // find_member prefers the most specific member.
  const region_set nested("nested", {code(130000), code(131000), region_code::parse("131082001")});
  CHECK(nested.find_member(region_code::parse("131082001")) == region_code::parse("131082001"));
  CHECK(nested.find_member(region_code::parse("131082002")) == code(131000));
  CHECK(nested.find_member(code(130100)) == code(130000));
}

TEST_CASE("region_set::contains agrees with region_code::contains over the whole table", "[region_set]") {
  std::vector<region_code> probes;
  for (const std::uint32_t v : eldercare::region_table::codes()) probes.push_back(code(v));
  for (const std::uint32_t t : eldercare::region_table::township_codes()) probes.push_back(code(t));
  for (const std::uint32_t t : {110101001U, 131082001U, 441900003U, 610112999U}) probes.push_back(code(t));

  const std::vector<region_set> sets = {
      regions::jin_ji_meng(),
      regions::beijing_ecological_conservation_area({region_code::parse("110111111")}),
      regions::xixian_new_area(),
      region_set("mixed", {code(110100), code(110104), code(371000), code(441900),
                           region_code::parse("610112008"), code(152200), code(440000)}),
  };
  for (const region_set& s : sets) {
    for (const region_code& p : probes) {
      const bool expected = std::any_of(s.members().begin(), s.members().end(),
                                        [&](const region_code& m) { return m.contains(p); });
      if (s.contains(p) != expected) {
        CAPTURE(s.to_string(), p.to_string());
        CHECK(s.contains(p) == expected);
      }
    }
  }
  CHECK(probes.size() > 500);
}
