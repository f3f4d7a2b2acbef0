#pragma once
// cn.shandong.weihai.caregiver_post_subsidy — Weihai's one-off subsidy for care workers (养老护理员
// 岗位补贴), seed 001. A worker entry: its subject is eldercare::worker, not a person.
//
// Seed 001: "建立养老护理员岗位补贴制度,对符合条件的人员,市级最高给予1万元一次性补助" — care workers
// "meeting the conditions" get a city-level one-off subsidy of at most 10,000 yuan. Neither the
// conditions nor the amounts below the cap are in any source of DOMAIN.md (E.3: [U]). So the default
// reading (weihai.caregiver.conditions = seed_only) says what the seed says and no more: a care worker
// recorded as meeting the conditions (programme weihai.caregiver.qualified) gets a one-off amount of
// at most 10,000 yuan, which the caller gives (reading weihai.caregiver.amount_yuan); without it the
// entry is not computable.
//
// A third-party summary of Weihai's talent subsidies (docs/sources/third_party.md; not in DOMAIN.md,
// unverified) gives conditions and levels: a care-worker certificate, a labour contract of 5+ years
// with an eldercare provider, 3+ years actually working in a care post; 5,000 / 7,000 / 10,000 yuan
// for 初级 / 中级 / 高级及以上. They are the reading third_party_page, labelled with that source and
// its certainty, never the default. The 5-year contract cannot be checked: eldercare::worker has no
// contract term (screen it before evaluating).
//
// Dates: the report (2022-10-15) describes the system as established; when it began is in no source,
// so earlier dates are undetermined (known_start).

#include <string>
#include <vector>

#include "eldercare/calendar/period.hpp"
#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/catalog/shandong/weihai_seed.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/programme.hpp"
#include "eldercare/rules/conditions/worker.hpp"

namespace eldercare::catalog_entries {

inline constexpr const char* weihai_caregiver_id = "cn.shandong.weihai.caregiver_post_subsidy";
/// The third-party page of docs/sources/third_party.md (unverified; not in DOMAIN.md).
inline constexpr const char* weihai_caregiver_lead =
    "http://jingyanla.com/a/13/1013101092R022.html (third-party summary, unverified: "
    "docs/sources/third_party.md)";
/// The programme id of a care worker whom the city found to meet the subsidy's conditions
/// (worker::programmes).
inline constexpr const char* weihai_caregiver_programme = "weihai.caregiver.qualified";

[[nodiscard]] inline std::vector<reading> weihai_caregiver_readings() {
  return {
      {"weihai.caregiver.conditions",
       "Which conditions and amounts does the care-worker post subsidy have?",
       {{"seed_only",
         "what seed 001 says: care workers who meet conditions it does not state (recorded as programme "
         "weihai.caregiver.qualified) get one sum of at most 10,000 yuan, given as reading "
         "weihai.caregiver.amount_yuan"},
        {"third_party_page", "a third-party web page's conditions and levels (unverified): a certificate and "
                             "years in a care post; "
                             "5,000 / 7,000 / 10,000 yuan for 初级 / 中级 / 高级工 and above"}},
       "seed_only",
       provenance::stated,
       "The seed states a cap and unnamed conditions, nothing else; the only lead on the conditions and "
       "levels is a "
       "third-party page that DOMAIN.md does not list (" +
           std::string(weihai_caregiver_lead) + ").",
       "seed 001; DOMAIN.md E.3 ([U]); docs/sources/third_party.md",
       true,
       "对符合条件的人员,市级最高给予1万元一次性补助"},
      {"weihai.caregiver.amount_yuan",
       "The one-off amount paid to a qualifying care worker, in yuan, at most 10,000 (seed 001: 最高1万元); "
       "used with weihai.caregiver.conditions = seed_only",
       {},
       "",
       provenance::assumed,
       "No source gives the amount below the cap: leave empty (the entry is then not computable) or give it, "
       "e.g. "
       "10000.",
       "seed 001",
       false},
      {"weihai.caregiver.years_in_post",
       "With the third-party page's conditions: how long must a care worker have worked in the post (current "
       "employment)?",
       {{"3", "3 years (在护理岗位实际工作满3年, per the third-party page)"},
        {"1", "1 year (our minimal assumption of a settled post)"}},
       "3",
       provenance::assumed,
       "The third-party page (" + std::string(weihai_caregiver_lead) +
           ") asks for 3 years in a care post; it is the only lead found. Used with "
           "weihai.caregiver.conditions = third_party_page.",
       "DOMAIN.md E.3 ([U]); docs/sources/third_party.md"},
  };
}

namespace detail {
/// The amount of reading weihai.caregiver.amount_yuan: money above 0 and at most the stated cap.
[[nodiscard]] inline money weihai_caregiver_amount(const std::string& text) {
  using namespace eldercare::literals;
  const money amount = money::parse(text, "readings.weihai.caregiver.amount_yuan");
  if (amount <= money() || amount > 10000_yuan)
    throw invalid_value(
        error_id::invalid_parameter, "readings.weihai.caregiver.amount_yuan", text,
        "seed 001 caps the subsidy at 10,000 yuan (市级最高给予1万元): give an amount above 0 and "
        "at most 10000");
  return amount;
}
} // namespace detail

[[nodiscard]] inline catalog_entry weihai_caregiver_post_subsidy() {
  catalog_entry e{
      .id = weihai_caregiver_id,
      .title = "威海市养老护理员岗位补贴 (一次性补助)",
      .jurisdiction = weihai_jurisdiction,
      .source = catalog_sources::seed_001,
      .summary =
          "Care workers (养老护理员) who meet the conditions get a one-off city subsidy of at most 10,000 "
          "yuan. The "
          "seed states neither the conditions nor the amount: by default a worker recorded as meeting them "
          "(programme weihai.caregiver.qualified) gets the amount given as reading "
          "weihai.caregiver.amount_yuan, "
          "and the entry is not computable without it. A third-party page's conditions and levels (3 years "
          "in the "
          "post; 5,000 / 7,000 / 10,000 yuan by 初级 / 中级 / 高级 certificate; unverified) are the reading "
          "weihai.caregiver.conditions = third_party_page. Paid once: the caller records that it was paid.",
      .subject = subject_kind::worker,
      .readings = {"weihai.caregiver.conditions", "weihai.caregiver.amount_yuan",
                   "weihai.caregiver.years_in_post"},
      .examples =
          {"By default: not computable (the seed gives no amount); with weihai.caregiver.amount_yuan = "
           "10000, "
           "a care worker in 荣成 recorded as qualified (programme weihai.caregiver.qualified): 10,000.00 "
           "yuan "
           "once from 2022-10-15; the same worker on 2022-10-14: undetermined.",
           "Under weihai.caregiver.conditions = third_party_page, a care worker hired 2019-03-01 with a "
           "中级工 "
           "(level 4) certificate: 7,000.00 yuan once; with a 高级工 (level 3) certificate: 10,000.00."},
  };
  e.build_worker =
      entry_policy(e, [](const reading_context& r, const policy_head& self) -> basic_policy<worker> {
        using namespace eldercare::literals;
        using worker_condition = basic_any_condition<worker>;
        using worker_rule = basic_rule<worker>;
        const citation c =
            weihai_reported("威海市养老护理员岗位补贴制度", "坚持专业化培养培训", make_date(2022, 10, 15))
                .cite("建立养老护理员岗位补贴制度,对符合条件的人员,市级最高给予1万元一次性补助");
        const region_set weihai("威海市", {regions::weihai});
        const auto cap = money_once(10000_yuan);
        const bool page = r.is("weihai.caregiver.conditions", "third_party_page");
        const std::string given = r.get("weihai.caregiver.amount_yuan");
        if (!page && given.empty())
          return self.announced<worker>("seed 001 states neither the conditions nor the amount "
                                        "(对符合条件的人员,市级最高给予1万元一次性补助: at most "
                                        "10,000 yuan): give the amount as reading "
                                        "weihai.caregiver.amount_yuan and record qualifying care workers "
                                        "with programme weihai.caregiver.qualified, or choose "
                                        "weihai.caregiver.conditions = third_party_page "
                                        "(an unverified third-party page's conditions and levels)");

        const parameter_list common = {
            stated("care_worker", true, "养老护理员: the subsidy is a care-worker post subsidy")
                .quote("养老护理员岗位补贴制度"),
            assumed("workplace", weihai, "a city-level (市级) subsidy: the job is in Weihai"),
            stated("cap", cap, "at most 10,000 yuan, once").quote("市级最高给予1万元一次性补助"),
            catalog_readings::reading_parameter(r, "weihai.caregiver.conditions", "conditions"),
        };
        std::vector<worker_rule> rules;
        if (!page) {
          const auto amount = money_once(detail::weihai_caregiver_amount(given));
          parameter_list p = common;
          p.push_back(stated("qualified",
                             "recorded as meeting the conditions (programme weihai.caregiver.qualified)",
                             "the seed does not state the conditions: the city's finding is the input")
                          .quote("对符合条件的人员"));
          p.push_back(assumed("amount", amount,
                              "reading weihai.caregiver.amount_yuan (the seed gives only the cap)"));
          rules.push_back(
              {"qualified", "qualifying care worker: the given amount once, at most 10,000 yuan", c,
               worker_condition(is_care_worker() && works_in(weihai) &&
                                enrolled_in(weihai_caregiver_programme,
                                            "meets the conditions of Weihai's care-worker post subsidy")),
               amount, std::move(p)});
        } else {
          const int years = r.is("weihai.caregiver.years_in_post", "1") ? 1 : 3;
          auto qualifies = [&](int lowest_level) -> worker_condition {
            return is_care_worker() && works_in(weihai) && employed_for_at_least(period::years(years)) &&
                   skill_level_at_least(lowest_level);
          };
          parameter_list page_common = common;
          page_common.push_back(
              assumed("years_in_post", years,
                      "reading weihai.caregiver.years_in_post (current employment, Civil Code years from the "
                      "hiring day), per " +
                          std::string(weihai_caregiver_lead)));
          page_common.push_back(assumed("certificate", "any national skill level (初级工 5 or higher)",
                                        "取得《养老护理员职业资格证书》 per the third-party page; the seed "
                                        "reports 持证上岗率达到100%"));
          page_common.push_back(
              assumed("labour_contract", "5+ years — not checked",
                      std::string("签订5年以上劳动合同 per ") + weihai_caregiver_lead +
                          "; eldercare::worker has no contract term, so callers must screen it"));
          auto tier = [&](const char* id, const char* title, int lowest, money yuan, const char* level) {
            parameter_list p = page_common;
            p.push_back(assumed("amount", money_once(yuan),
                                std::string(level) + " level per " + weihai_caregiver_lead +
                                    " (the seed states only the cap, 最高1万元)"));
            return worker_rule{id, title, c, qualifies(lowest), money_once(yuan), std::move(p)};
          };
          rules.push_back(tier("senior", "高级工 or higher certificate: 10,000 yuan once (third-party page)",
                               3, 10000_yuan, "高级及以上"));
          rules.push_back(tier("intermediate", "中级工 certificate: 7,000 yuan once (third-party page)", 4,
                               7000_yuan, "中级"));
          rules.push_back(
              tier("junior", "初级工 certificate: 5,000 yuan once (third-party page)", 5, 5000_yuan, "初级"));
        }
        return self
            .policy(version<worker>("2022", c)
                        .start(provenance::assumed, "the date of seed 001, which reports the system as "
                                                    "established: the first day it is known "
                                                    "in force (earlier dates are undetermined)")
                        .rules(std::move(rules)))
            .known_from(make_date(2022, 10, 15), "seed 001 reports the post subsidy as an established system "
                                                 "(建立养老护理员岗位补贴制度); when it "
                                                 "began is in no source");
      });
  return e;
}

} // namespace eldercare::catalog_entries
