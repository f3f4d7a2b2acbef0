#pragma once
// cn.shaanxi.xixian.planning_norms — capacity and budget norms of 西咸新区 (seed 002):
//  * "到2022年,新区养老机构护理型床位占比不低于50%": nursing-type beds ≥ 50% of institution beds;
//  * "新区本级每年从福彩公益金中拿出不低于55%的资金用于支持发展养老服务业": ≥ 55% of the new area's own
//    welfare-lottery funds (福彩公益金) to eldercare, every year.
// Both are shares, rounded up: 101 beds need 51 nursing beds; 1,000.01 yuan of funds need 550.01 yuan
// (in fen: ceil(100001 × 55 / 100) = 55001). The other targets of the same sentences (80% of hospitals
// 老年友善, 30% nursing beds in primary health institutions) concern health facilities that a
// service_area does not describe, and are left out.

#include "eldercare/catalog/shaanxi/xixian_readings.hpp"
#include "eldercare/subjects/service_area.hpp"

namespace eldercare::catalog_entries {

[[nodiscard]] inline catalog_entry xixian_planning_norms() {
  catalog_entry e{
      .id = "cn.shaanxi.xixian.planning_norms",
      .title = "西咸新区养老服务规划指标 (nursing-bed share, welfare-lottery share)",
      .jurisdiction = xixian_jurisdiction,
      .source = catalog_sources::seed_002,
      .summary = "By 2022 nursing-type beds are at least 50% of the beds in the new area's eldercare "
                 "institutions; every "
                 "year the new area itself spends at least 55% of its welfare-lottery funds on eldercare.",
      .subject = subject_kind::area,
      .examples = {"1,000 institution beds with 480 nursing beds: 500 required, gap 20.",
                   "10,000,000.00 yuan of welfare-lottery funds with 5,000,000.00 to eldercare: 5,500,000.00 "
                   "required, "
                   "gap 500,000.00 yuan."},
  };
  e.build_norms = [](const reading_context&) {
    std::vector<planning_norm> out;
    planning_norm beds;
    beds.id = "nursing_bed_share";
    beds.title = "护理型床位占比不低于50% (by 2022)";
    beds.cite = detail::xixian_plan().cite("一、深入推进医养结合机构发展",
                                           "到2022年,新区养老机构护理型床位占比不低于50%");
    beds.origin = provenance::stated;
    beds.actual_name = "nursing_beds";
    beds.base_name = "institution_beds";
    beds.numerator = 50;
    beds.denominator = 100;
    beds.actual = [](const service_area& a) { return a.nursing_beds; };
    beds.base = [](const service_area& a) { return a.institution_beds; };
    out.push_back(std::move(beds));

    planning_norm lottery;
    lottery.id = "welfare_lottery_share";
    lottery.title = "福彩公益金不低于55%用于养老服务业 (fen, every year)";
    lottery.cite = detail::xixian_plan().cite(
        "五、强化资金扶持", "新区本级每年从福彩公益金中拿出不低于55%的资金用于支持发展养老服务业");
    lottery.origin = provenance::stated;
    lottery.actual_name = "welfare_lottery_eldercare (fen)";
    lottery.base_name = "welfare_lottery_funds (fen)";
    lottery.numerator = 55;
    lottery.denominator = 100;
    lottery.actual = [](const service_area& a) { return a.welfare_lottery_eldercare.fen(); };
    lottery.base = [](const service_area& a) { return a.welfare_lottery_funds.fen(); };
    out.push_back(std::move(lottery));
    return out;
  };
  return e;
}

} // namespace eldercare::catalog_entries
