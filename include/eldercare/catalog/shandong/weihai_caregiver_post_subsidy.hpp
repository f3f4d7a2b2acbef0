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
#include "eldercare/catalog/entry_builder.hpp"
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
  catalog_entry e{
      .id = weihai_caregiver_id,
      .title = "威海市养老护理员岗位补贴 (一次性补助)",
      .jurisdiction = weihai_jurisdiction,
      .source = catalog_sources::seed_001,
      .summary =
          "Care workers (养老护理员) working in Weihai who meet the conditions get a one-off city subsidy of "
          "up to 10,000 yuan. Assumed conditions: a skill certificate and 3 years in the post; 5,000 / 7,000 "
          "/ 10,000 yuan by 初级 / 中级 / 高级 certificate. Paid once: the caller records that it was paid.",
      .subject = subject_kind::worker,
      .readings = {"weihai.caregiver.years_in_post", "weihai.caregiver.amount"},
      .examples = {"A care worker in 荣成 hired 2019-03-01 with a 中级工 (level 4) certificate: 7,000.00 yuan once "
                   "from 2022-10-15 (the assumed start), nothing while under 3 years in the post.",
                   "The same worker with a 高级工 (level 3) certificate: 10,000.00 yuan once."},
  };
  e.build_worker = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    using worker_condition = basic_any_condition<worker>;
    using worker_rule = basic_rule<worker>;
    // In force on the date of the report (its start is in no source).
    const citation c = weihai_reported("威海市养老护理员岗位补贴制度", "坚持专业化培养培训", make_date(2022, 10, 15))
                           .cite("建立养老护理员岗位补贴制度,对符合条件的人员,市级最高给予1万元一次性补助");
    const region_set weihai("威海市", {regions::weihai});
    const int years = r.is("weihai.caregiver.years_in_post", "1") ? 1 : 3;
    const bool tiers = r.is("weihai.caregiver.amount", "by_skill_level");

    auto qualifies = [&](int lowest_level) -> worker_condition {
      return is_care_worker() && works_in(weihai) && employed_for_at_least(period::years(years)) &&
             skill_level_at_least(lowest_level);
    };
    const parameter_list common = {
        assumed("care_worker", true, "养老护理员: the seed's 岗位补贴 is for care workers"),
        assumed("workplace", weihai, "a city-level (市级) subsidy: the job is in Weihai"),
        assumed("years_in_post", years,
                "reading weihai.caregiver.years_in_post (current employment, Civil Code years from the hiring day)"),
        assumed("certificate", "any national skill level (初级工 5 or higher)",
                "取得《养老护理员职业资格证书》 (third-party summary); the seed reports 持证上岗率达到100%"),
        assumed("labour_contract", "5+ years — not checked",
                std::string("签订5年以上劳动合同 per ") + weihai_caregiver_lead +
                    "; eldercare::worker has no contract term, so callers must screen it"),
    };
    auto with = [&](parameter_info amount) {
      parameter_list p = common;
      p.push_back(std::move(amount));
      return p;
    };
    std::vector<worker_rule> rules;
    if (tiers) {
      const auto senior = money_once(10000_yuan);
      const auto intermediate = money_once(7000_yuan);
      const auto junior = money_once(5000_yuan);
      rules.push_back({"senior", "高级工 or higher certificate: 10,000 yuan once", c, qualifies(3), senior,
                       with(stated("amount", senior, "the cap; 高级及以上 per the third-party summary")
                                .quote("市级最高给予1万元"))});
      rules.push_back({"intermediate", "中级工 certificate: 7,000 yuan once", c, qualifies(4), intermediate,
                       with(assumed("amount", intermediate, std::string("中级 tier per ") + weihai_caregiver_lead))});
      rules.push_back({"junior", "初级工 certificate: 5,000 yuan once", c, qualifies(5), junior,
                       with(assumed("amount", junior, std::string("初级 tier per ") + weihai_caregiver_lead))});
    } else {
      const auto cap = money_once(10000_yuan);
      rules.push_back({"cap", "qualifying care worker: 10,000 yuan once (the cap)", c, qualifies(5), cap,
                       with(stated("amount", cap, "paid in full (reading weihai.caregiver.amount=cap)")
                                .quote("市级最高给予1万元一次性补助"))});
    }
    return self.policy(
        version<worker>("2022", c)
            .start(provenance::assumed,
                   "the date of seed 001, which reports the scheme as established; its start is in no source")
            .rules(std::move(rules))
            .parameters({assumed("amount_rule", r.get("weihai.caregiver.amount"), "reading weihai.caregiver.amount")}));
  });
  return e;
}

} // namespace eldercare::catalog_entries
