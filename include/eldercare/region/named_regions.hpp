#pragma once
// Regions named by the source documents (POLICIES.md, DOMAIN.md B.2-B.3): a few codes as constants
// and the region sets the rules test membership against.

#include <cstddef>          // std::size_t for argument positions
#include <cstdint>          // std::uint32_t town codes
#include <initializer_list> // the literal list of town codes
#include <string>           // field names in errors
#include <utility>          // std::move
#include <vector>           // member lists

#include "eldercare/core/error.hpp"
#include "eldercare/region/region_code.hpp"
#include "eldercare/region/region_set.hpp"

namespace eldercare::regions {

// Provinces (省级) in scope.
inline constexpr region_code beijing = region_code::from_number(110000);        // 北京市
inline constexpr region_code tianjin = region_code::from_number(120000);        // 天津市
inline constexpr region_code hebei = region_code::from_number(130000);          // 河北省
inline constexpr region_code inner_mongolia = region_code::from_number(150000); // 内蒙古自治区
inline constexpr region_code shandong = region_code::from_number(370000);       // 山东省
inline constexpr region_code guangdong = region_code::from_number(440000);      // 广东省
inline constexpr region_code shaanxi = region_code::from_number(610000);        // 陕西省

// Beijing districts named by the rules.
inline constexpr region_code dongcheng = region_code::from_number(110101); // 东城区
inline constexpr region_code xicheng = region_code::from_number(110102);   // 西城区
inline constexpr region_code chongwen = region_code::from_number(110103);  // 崇文区, legacy -> 东城
inline constexpr region_code xuanwu = region_code::from_number(110104);    // 宣武区, legacy -> 西城
inline constexpr region_code mentougou = region_code::from_number(110109); // 门头沟区
inline constexpr region_code fangshan = region_code::from_number(110111);  // 房山区
inline constexpr region_code changping = region_code::from_number(110114); // 昌平区
inline constexpr region_code huairou = region_code::from_number(110116);   // 怀柔区
inline constexpr region_code pinggu = region_code::from_number(110117);    // 平谷区
inline constexpr region_code miyun = region_code::from_number(110118);     // 密云区
inline constexpr region_code yanqing = region_code::from_number(110119);   // 延庆区

// Weihai (威海市) and its county-level units.
inline constexpr region_code weihai = region_code::from_number(371000);    // 威海市
inline constexpr region_code huancui = region_code::from_number(371002);   // 环翠区
inline constexpr region_code wendeng = region_code::from_number(371003);   // 文登区
inline constexpr region_code rongcheng = region_code::from_number(371082); // 荣成市
inline constexpr region_code rushan = region_code::from_number(371083);    // 乳山市

// Xi'an, Xianyang, and the seven county-level units that 西咸新区 spans (DOMAIN.md B.2 [V]).
inline constexpr region_code xian = region_code::from_number(610100);     // 西安市
inline constexpr region_code xianyang = region_code::from_number(610400); // 咸阳市
inline constexpr region_code weiyang = region_code::from_number(610112);  // 未央区
inline constexpr region_code changan = region_code::from_number(610116);  // 长安区 (of 西安, not 130102)
inline constexpr region_code huyi = region_code::from_number(610118);     // 鄠邑区
inline constexpr region_code qindu = region_code::from_number(610402);    // 秦都区
inline constexpr region_code weicheng = region_code::from_number(610404); // 渭城区
inline constexpr region_code jingyang = region_code::from_number(610423); // 泾阳县
inline constexpr region_code xingping = region_code::from_number(610481); // 兴平市

/// 津冀蒙: Tianjin, Hebei and Inner Mongolia, where Xicheng's cross-region care subsidy applies
/// (cn.beijing.xicheng.cross_region_care).
[[nodiscard]] inline region_set jin_ji_meng() {
  return region_set("津冀蒙", {tianjin, hebei, inner_mongolia});
}

/// 生态涵养区, Beijing's ecological conservation area (DOMAIN.md B.3): the whole districts 门头沟 110109,
/// 怀柔 110116, 平谷 110117, 密云 110118 and 延庆 110119, plus the mountain towns of 昌平 110114 and 房山
/// 110111. No list of those towns was found [U], so they are an input: 9-digit township codes under
/// 110114 or 110111, anything else throws invalid_value naming "mountain_towns[i]".
/// Documented reading: a plain 110114 or 110111 code is NOT in the set, only the listed towns are
/// (a facility recorded at district level cannot be placed in or out of the mountain part).
[[nodiscard]] inline region_set
beijing_ecological_conservation_area(std::vector<region_code> mountain_towns = {}) {
  std::vector<region_code> members = {mentougou, huairou, pinggu, miyun, yanqing};
  for (std::size_t i = 0; i < mountain_towns.size(); ++i) {
    const region_code& town = mountain_towns[i];
    if (town.level() != region_level::township || !(changping.contains(town) || fangshan.contains(town)))
      throw invalid_value(error_id::invalid_region, "mountain_towns[" + std::to_string(i) + "]",
                          town.to_string(),
                          "a mountain town must be a 9-digit township code under 昌平区 110114 or "
                          "房山区 110111 (the other five districts of the 生态涵养区 count whole)");
    members.push_back(town);
  }
  return region_set("生态涵养区", std::move(members));
}

/// The 西咸新区 towns this library can name: DOMAIN.md B.2's list of member towns, which is older than
/// later boundary changes [C], matched by name to NBS township codes (modood streets.csv, NBS
/// 2023).
/// PARTIAL: the new area has 23 towns/streets (19 directly administered, 4 co-managed with 咸阳) [V]
/// and this list has 21. Left out: 秦都 沣东 (no such town in the NBS list) and 兴平 南位镇 610481106
/// (only part of it is in the new area). Which towns are 直管 or 共管 is not known [U].
/// Caution: township codes are not stable across systems; the 西安 government service portal numbers
/// 长安 towns differently (its 610116010 is 魏寨街, NBS's is 斗门街道).
[[nodiscard]] inline std::vector<region_code> xixian_new_area_towns() {
  std::vector<region_code> towns;
  for (const std::uint32_t code : {
           610112002U, 610112008U,                         // 未央: 三桥, 六村堡
           610116005U, 610116006U, 610116010U, 610116020U, // 长安: 王寺, 马王, 斗门, 高桥
           610118005U,                                     // 鄠邑: 大王
           610402005U, 610402008U, 610402011U,             // 秦都: 陈杨寨, 钓台, 双照
           610404005U, 610404006U, 610404007U,             // 渭城: 渭城, 窑店, 正阳,
           610404008U, 610404009U, 610404010U,             //       周陵, 底张, 北杜
           610423001U, 610423101U, 610423108U,             // 泾阳: 泾干, 永乐, 高庄,
           610423111U, 610423112U,                         //       太平, 崇文
       })
    towns.push_back(region_code::from_number(code, "xixian_new_area_towns"));
  return towns;
}

/// 西咸新区 as a set of township codes (it has no division code of its own): xixian_new_area_towns()
/// plus `extra_towns`, which must be 9-digit township codes in one of its seven county-level units
/// (未央 610112, 长安 610116, 鄠邑 610118, 秦都 610402, 渭城 610404, 泾阳 610423, 兴平 610481); anything
/// else throws invalid_value naming "extra_towns[i]". The default list is partial: see above.
[[nodiscard]] inline region_set xixian_new_area(std::vector<region_code> extra_towns = {}) {
  std::vector<region_code> members = xixian_new_area_towns();
  const region_code counties[] = {weiyang, changan, huyi, qindu, weicheng, jingyang, xingping};
  for (std::size_t i = 0; i < extra_towns.size(); ++i) {
    const region_code& town = extra_towns[i];
    bool in_county = false;
    for (const region_code& c : counties) in_county = in_county || c.contains(town);
    if (town.level() != region_level::township || !in_county)
      throw invalid_value(error_id::invalid_region, "extra_towns[" + std::to_string(i) + "]",
                          town.to_string(),
                          "a 西咸新区 town must be a 9-digit township code under 610112, 610116, "
                          "610118, 610402, 610404, 610423 or 610481");
    members.push_back(town);
  }
  return region_set("西咸新区", std::move(members));
}

} // namespace eldercare::regions
