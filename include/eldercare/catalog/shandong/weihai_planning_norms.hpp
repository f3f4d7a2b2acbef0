#pragma once
// cn.shandong.weihai.planning_norms — Weihai's budget norm (seed 001, 三力齐发 / 资金投入持续增长):
//   "市、区市设立养老服务发展专项资金,每年安排50%以上福彩公益金用于养老服务发展"
// at least half of the welfare-lottery funds (福彩公益金) go to eldercare every year — the same kind of
// norm as Xixian's 55% and Guangdong's 70%. 50%以上 includes 50% (民法典 art. 1259). A share, rounded
// up: 1,000.01 yuan of funds need 500.01 yuan (in fen: ceil(100001 × 50 / 100) = 50001).

#include <vector>

#include "eldercare/catalog/shandong/weihai_seed.hpp"
#include "eldercare/subjects/service_area.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry weihai_planning_norms() {
  catalog_entry e{
      .id = "cn.shandong.weihai.planning_norms",
      .title = "威海市福彩公益金用于养老服务比例 (50%以上)",
      .jurisdiction = weihai_jurisdiction,
      .source = catalog_sources::seed_001,
      .summary = "Every year the city and its districts spend at least 50% of their welfare-lottery funds "
                 "(福彩公益金) "
                 "on eldercare (养老服务发展).",
      .subject = subject_kind::area,
      .examples = {"10,000,000.00 yuan of welfare-lottery funds with 4,800,000.00 to eldercare: 5,000,000.00 "
                   "required, "
                   "gap 200,000.00 yuan."},
  };
  e.build_norms = [](const reading_context&) {
    planning_norm lottery;
    lottery.id = "welfare_lottery_share";
    lottery.title = "每年安排50%以上福彩公益金用于养老服务发展 (fen, every year)";
    lottery.cite = weihai_reported("威海市养老服务发展专项资金", "资金投入持续增长", make_date(2022, 10, 15))
                       .cite("每年安排50%以上福彩公益金用于养老服务发展");
    lottery.origin = provenance::stated;
    lottery.actual_name = "welfare_lottery_eldercare (fen)";
    lottery.base_name = "welfare_lottery_funds (fen)";
    lottery.numerator = 50;
    lottery.denominator = 100;
    lottery.actual = [](const service_area& a) { return a.welfare_lottery_eldercare.fen(); };
    lottery.base = [](const service_area& a) { return a.welfare_lottery_funds.fen(); };
    return std::vector<planning_norm>{std::move(lottery)};
  };
  return e;
}

} // namespace eldercare::catalog_entries
