#pragma once
// cn.shandong.weihai.caregiver_post_subsidy — Weihai's one-off subsidy for care workers (养老护理员
// 岗位补贴), seed 001. A worker entry: its subject is eldercare::worker, not a person.
//
// Seed 001: "建立养老护理员岗位补贴制度,对符合条件的人员,市级最高给予1万元一次性补助" — care workers
// "meeting the conditions" get a city-level one-off subsidy of up to 10,000 yuan. The conditions are in
// no source of DOMAIN.md (E.3: [U]). A third-party summary of Weihai's talent subsidies
// (http://jingyanla.com/a/13/1013101092R022.html, unverified, not in DOMAIN.md) gives: a care-worker
// certificate, a labour contract of 5+ years with an eldercare provider, 3+ years actually working in
// a care post; 5,000 / 7,000 / 10,000 yuan for 初级 / 中级 / 高级及以上 — consistent with the seed's
// "最高1万元". The defaults follow that summary as assumptions; readings give the simpler reading
// (1 year, 10,000 for everyone). The 5-year contract cannot be checked: eldercare::worker has no
// contract term (screen it before evaluating).

#include <string>
#include <vector>

#include "eldercare/calendar/period.hpp"
#include "eldercare/catalog/catalog.hpp"
#include "eldercare/catalog/shandong/weihai_seed.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/worker.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* weihai_caregiver_id = "cn.shandong.weihai.caregiver_post_subsidy";
inline constexpr const char* weihai_caregiver_lead =
    "http://jingyanla.com/a/13/1013101092R022.html (third-party summary, unverified)";

[[nodiscard]] inline std::vector<reading> weihai_caregiver_readings() {
  return {
      {"weihai.caregiver.years_in_post",
       "How long must a care worker have worked in the post (current employment) to qualify?",
       {{"3", "3 years (在护理岗位实际工作满3年, per a third-party summary)"},
        {"1", "1 year (our minimal assumption of a settled post)"}},
       "3",
       provenance::assumed,
       "The seed says only 符合条件的人员. A third-party summary of the Weihai scheme (" +
           std::string(weihai_caregiver_lead) +
           ") asks for 3 years in a care post; it is the only lead found.",
       "DOMAIN.md E.3 ([U]); seed 001"},
      {"weihai.caregiver.amount",
       "How much is paid: by skill level up to the 10,000-yuan cap, or the cap to everyone?",
       {{"by_skill_level",
         "5,000 / 7,000 / 10,000 yuan for 初级 / 中级 / 高级工 and above (third-party summary)"},
        {"cap", "10,000 yuan (the stated cap, 最高1万元) to every qualifying worker"}},
       "by_skill_level",
       provenance::assumed,
       "最高 (at most) implies tiers below 10,000; the third-party summary's tiers end at exactly the "
       "stated cap.",
       "DOMAIN.md E.3 ([U]); seed 001"},
  };
}

[[nodiscard]] inline catalog_entry weihai_caregiver_post_subsidy() {
  catalog_entry e;
  e.id = weihai_caregiver_id;
  e.title = "威海市养老护理员岗位补贴 (一次性补助)";
  e.jurisdiction = "山东省威海市 (371000)";
  e.source = weihai_seed;
  e.subject = subject_kind::worker;
  e.summary =
      "Care workers (养老护理员) working in Weihai who meet the conditions get a one-off city subsidy of "
      "up to 10,000 yuan. Assumed conditions: a skill certificate and 3 years in the post; 5,000 / 7,000 "
      "/ 10,000 yuan by 初级 / 中级 / 高级 certificate. Paid once: the caller records that it was paid.";
  e.readings = {"weihai.caregiver.years_in_post", "weihai.caregiver.amount"};
  e.examples = {
      "A care worker in 荣成 hired 2019-03-01 with a 中级工 (level 4) certificate: 7,000.00 yuan once "
      "from 2022-10-15 (the assumed start), nothing while under 3 years in the post.",
      "The same worker with a 高级工 (level 3) certificate: 10,000.00 yuan once."};
  e.build_worker = [](const reading_context& r) {
    using namespace eldercare::literals;
    using worker_condition = basic_any_condition<worker>;
    using worker_rule = basic_rule<worker>;
    const citation c{"威海市养老护理员岗位补贴制度",
                     std::string(weihai_seed_report) + ", 坚持专业化培养培训",
                     "建立养老护理员岗位补贴制度,对符合条件的人员,市级最高给予1万元一次性补助",
                     weihai_seed,
                     make_date(2022, 10, 15),
                     std::nullopt};
    const region_set weihai("威海市", {regions::weihai});
    const int years = r.is("weihai.caregiver.years_in_post", "1") ? 1 : 3;
    const bool tiers = r.is("weihai.caregiver.amount", "by_skill_level");

    auto qualifies = [&](int lowest_level) -> worker_condition {
      return is_care_worker() && works_in(weihai) && employed_for_at_least(period::years(years)) &&
             skill_level_at_least(lowest_level);
    };
    const parameter_list common = {
        {"care_worker", "true", provenance::assumed, "养老护理员: the seed's 岗位补贴 is for care workers"},
        {"workplace", weihai.to_string(), provenance::assumed,
         "a city-level (市级) subsidy: the job is in Weihai"},
        {"years_in_post", std::to_string(years), provenance::assumed,
         "reading weihai.caregiver.years_in_post (current employment, Civil Code years from the hiring day)"},
        {"certificate", "any national skill level (初级工 5 or higher)", provenance::assumed,
         "取得《养老护理员职业资格证书》 (third-party summary); the seed reports 持证上岗率达到100%"},
        {"labour_contract", "5+ years — not checked", provenance::assumed,
         std::string("签订5年以上劳动合同 per ") + weihai_caregiver_lead +
             "; eldercare::worker has no contract term, so callers must screen it"},
    };
    auto with = [&](const std::string& amount, provenance origin, const std::string& note) {
      parameter_list p = common;
      p.push_back({"amount", amount + " yuan once", origin, note});
      return p;
    };
    std::vector<worker_rule> rules;
    if (tiers) {
      rules.push_back({"senior", "高级工 or higher certificate: 10,000 yuan once", c, qualifies(3),
                       money_once(10000_yuan),
                       with("10000.00", provenance::stated,
                            "市级最高给予1万元 (the cap); 高级及以上 per the third-party summary")});
      rules.push_back(
          {"intermediate", "中级工 certificate: 7,000 yuan once", c, qualifies(4), money_once(7000_yuan),
           with("7000.00", provenance::assumed, std::string("中级 tier per ") + weihai_caregiver_lead)});
      rules.push_back(
          {"junior", "初级工 certificate: 5,000 yuan once", c, qualifies(5), money_once(5000_yuan),
           with("5000.00", provenance::assumed, std::string("初级 tier per ") + weihai_caregiver_lead)});
    } else {
      rules.push_back(
          {"cap", "qualifying care worker: 10,000 yuan once (the cap)", c, qualifies(5),
           money_once(10000_yuan),
           with("10000.00", provenance::stated,
                "市级最高给予1万元一次性补助, paid in full (reading weihai.caregiver.amount=cap)")});
    }
    const parameter_list version_params = {
        {"effective_from", "2022-10-15", provenance::assumed,
         "the date of seed 001, which reports the scheme as established; its start is in no source"},
        {"amount_rule", r.get("weihai.caregiver.amount"), provenance::assumed,
         "reading weihai.caregiver.amount"}};
    basic_policy_version<worker> v{
        "2022",        make_date(2022, 10, 15), std::nullopt,  c, combination::first_match,
        payee::person, std::move(rules),        version_params};
    return basic_policy<worker>(weihai_caregiver_id, "威海市养老护理员岗位补贴 (一次性补助)", {std::move(v)});
  };
  return e;
}

} // namespace eldercare::catalog_entries
