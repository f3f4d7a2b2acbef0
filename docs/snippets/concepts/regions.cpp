// Regions (docs/concepts/regions.md): GB/T 2260 division codes, containment, legacy aliases, sets.
// Every expression in the page's table appears verbatim below; the checks make it a test.
#include <eldercare/region/named_regions.hpp>

#include "snippet_check.hpp" // check, error_text, exit_code

using snippet::check;
using snippet::error_text;

int main() {
  using namespace eldercare;

  // [start:codes]
  const region_code xicheng = region_code::parse("110102");   // 西城区, from text
  const region_code sanhe = region_code::from_number(131082); // 三河市 (Hebei), from a number
  const region_code town = region_code::parse("610112008");   // 六村堡街道, a 9-digit township
  // [end:codes]
  check(xicheng.level() == region_level::county, "xicheng.level() == region_level::county");
  check(xicheng.name() == "西城区", "xicheng.name() is 西城区");
  check(town.level() == region_level::township, "a 9-digit code is a township");

  // [start:hierarchy]
  const bool in_hebei = regions::hebei.contains(sanhe); // ancestor-or-self, by digits
  const region_code province = sanhe.province();        // 130000 河北省
  const region_code prefecture = sanhe.prefecture();    // 131000 廊坊市
  const region_code county = town.county();             // 610112 未央区
  // [end:hierarchy]
  check(in_hebei, "regions::hebei.contains(sanhe)");
  check(province == regions::hebei, "sanhe.province() == 130000");
  check(prefecture == region_code::parse("131000"), "sanhe.prefecture() == 131000");
  check(county == regions::weiyang, "town.county() == 610112");
  check(!xicheng.contains(sanhe), "a county does not contain another county");
  check(xicheng.prefecture() == region_code::parse("110100"), "a municipal district's prefecture is 市辖区");
  check(sanhe.has_prefecture(), "sanhe.has_prefecture()");
  // Hainan's counties of 1988-2002 were coded directly under the province (4600xx): no prefecture.
  check(!region_code::parse("460001").has_prefecture(), "460001 has no prefecture");

  // [start:legacy]
  const region_code xuanwu = region_code::parse("110104"); // 宣武区, merged into 西城 in 2010
  const bool legacy = xuanwu.is_legacy();                  // true
  const region_code today = xuanwu.current();              // 110102 西城区
  const bool same_code = xuanwu == xicheng;                // false: equality is on the code as recorded
  // [end:legacy]
  check(legacy, "xuanwu.is_legacy()");
  check(today == xicheng, "xuanwu.current() == xicheng");
  check(!same_code, "110104 != 110102 as recorded");
  check(!xicheng.contains(xuanwu), "110102 does not contain 110104 by digits");
  check(regions::beijing.contains(xuanwu), "110000 contains 110104 by digits");
  check(xuanwu.name() == "宣武区", "the legacy code keeps its own name");

  // [start:history]
  const region_code baixia = region_code::parse("320103");       // 白下区, merged into 秦淮区 in 2013
  const region_code xiangyang = region_code::parse("420600");    // 襄樊市, renamed 襄阳市 in 2010
  const region_code miyun_county = region_code::parse("110228"); // 密云县, 密云区 110118 from 2015
  const date d = parse_date("2012-12-31");
  const bool then = baixia.in_force_on(d);                // true: the 2012 list has it
  const std::string_view old_name = xiangyang.name_on(d); // 襄阳市 (襄樊市 before the 2010 list)
  const auto after = baixia.successors();                 // {320104 秦淮区}
  const auto stands_for = xuanwu.current_codes_on(d);     // {110102 西城区}
  const auto periods = miyun_county.history();            // one period, ended 2015-11
  // [end:history]
  check(then && !baixia.in_force_on(parse_date("2014-01-01")), "baixia.in_force_on on both sides");
  check(after.size() == 1 && after[0] == region_code::parse("320104"), "白下 -> 秦淮");
  check(baixia.current_codes_on(parse_date("2014-01-01")) == after, "baixia after the merger");
  check(old_name == "襄阳市" && xiangyang.name_on(parse_date("2009-12-31")) == "襄樊市",
        "xiangyang.name_on(d)");
  check(stands_for.size() == 1 && stands_for[0] == xicheng, "xuanwu.current_codes_on(d)");
  check(periods.size() == 1 && periods[0].successors.size() == 1 &&
            periods[0].successors[0] == regions::miyun,
        "miyun_county.history()");

  // [start:sets]
  const region_set jjm = regions::jin_ji_meng();               // 津冀蒙 {120000, 130000, 150000}
  const bool counted = jjm.contains(sanhe);                    // true, through 130000
  const auto through = jjm.find_member(sanhe);                 // 130000: for explanations
  const region_set beijing_side("西城区", {regions::xicheng}); // a set of one, named for explanations
  const region_set either = jjm | beijing_side;                // union, named "津冀蒙|西城区"
  const region_set eco = regions::beijing_ecological_conservation_area(); // 生态涵养区
  // [end:sets]
  check(counted, "jjm.contains(sanhe)");
  check(through && *through == regions::hebei, "jjm.find_member(sanhe) is 130000");
  check(either.contains(xicheng) && either.contains(sanhe), "the union contains both");
  check(either.name() == "津冀蒙|西城区", "the union's name");
  check(jjm.to_string() == "津冀蒙 {120000, 130000, 150000}", "jjm.to_string()");
  check(eco.contains(regions::miyun) && !eco.contains(regions::changping),
        "a whole conservation district is in; 昌平 at district level is not");

  // [start:errors]
  // Each throws eldercare::invalid_value with error_id::invalid_region (103), naming field and value:
  //   region_code::parse("371071")        an NBS development-zone code, not a GB/T 2260 code
  //   region_code::parse("110102001001")  12 digits: give the first 9 (township) or 6 (county)
  //   region_code::parse("999999")        never in an MCA list (1980-12 to 2021-12)
  //   region_code::parse("110104001")     a township under an abolished county
  // [end:errors]
  check(error_text(error_id::invalid_region, [] { (void)region_code::parse("371071"); })
                .find("development zone") != std::string::npos,
        "371071 is named a development zone");
  check(error_text(error_id::invalid_region, [] { (void)region_code::parse("110102001001"); })
                .find("12 digits") != std::string::npos,
        "a 12-digit code is explained");
  check(!error_text(error_id::invalid_region, [] { (void)region_code::parse("999999"); }).empty(),
        "999999 rejected");
  check(!error_text(error_id::invalid_region, [] { (void)region_code::parse("110104001"); }).empty(),
        "township under 宣武 rejected");
  check(error_text(error_id::invalid_region, [] { (void)region_code::parse("11010", "hukou.region"); })
                .find("hukou.region = '11010'") != std::string::npos,
        "the message names the field and the value");
  return snippet::exit_code();
}
