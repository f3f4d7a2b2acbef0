#pragma once
// cn.beijing.xicheng.high_skill_talent — 《西城区关于落实加强新时代高技能人才队伍建设的实施方案》 as reported
// in seed 000 (北京青年报 2024-01-12): workforce subsidies, whose subjects are workers and events, not
// elders.
//
//   "企业招用高技能人才稳定就业1年以上,可按照每人1万元标准申领一次性补贴;建立高技能人才工资增长机制,同比
//    增幅保持5%以上,还可按照每人每年5000元的标准,申领最长三年工资性补贴。"
//   "对企业、行业协会、商会组织开展技能竞赛及高技能人才成果展示活动,根据活动规模,给予2万至5万元一次性补贴。"
//   "在北京或全国技能大赛中获奖且符合条件的职业院校毕业生,可视为高技能人才"
//
// The id is a bundle of two worker policies (their grants — once, and per year — cannot be combined
// in one policy version):
//   cn.beijing.xicheng.high_skill_talent.hiring      — 10,000 yuan once per high-skill hire after a year;
//   cn.beijing.xicheng.high_skill_talent.wage_growth — 5,000 yuan per person per year, employment years
//                                                      1-3, when wages grew ≥5% year on year.
// The competition subsidy has a third kind of subject (an event, subjects/competition_event.hpp): it is
// the event entry cn.beijing.xicheng.high_skill_talent.competition, outside the bundle (its grants go to
// organisers, not to a worker's employer).
//
// "High-skill" (高技能人才) = a national vocational skill certificate at 高级工 (level 3) or above
// [assumed: the usual national meaning, 高级工、技师、高级技师, not re-checked against a source], and —
// the seed says so — a vocational-college graduate who won a prize in a Beijing or national skill
// competition and meets the conditions (reading xicheng.talent.award_graduates; recorded on the worker
// as programme "xicheng.talent.award_graduate").
// Workplace in Xicheng (110102) [assumed: the subsidy is a Xicheng district measure].

#include "eldercare/catalog/catalog.hpp"
#include "eldercare/catalog/common_readings.hpp"
#include "eldercare/catalog/entry_builder.hpp"
#include "eldercare/money/money.hpp"
#include "eldercare/region/named_regions.hpp"
#include "eldercare/rules/conditions/competition.hpp"
#include "eldercare/rules/conditions/employment.hpp"
#include "eldercare/rules/conditions/programme.hpp"
#include "eldercare/rules/conditions/worker.hpp"
#include "eldercare/subjects/competition_event.hpp"
#include "eldercare/subjects/worker.hpp"

namespace eldercare::catalog_entries {

namespace xicheng_talent_detail {
/// The plan as the seed reports it. No source dates it; it was reported as already issued (出台了)
/// on 2024-01-11, so 2024-01-01 is assumed.
inline cited_document plan() {
  return {.document = "《西城区关于落实加强新时代高技能人才队伍建设的实施方案》",
          .source = catalog_sources::seed_000,
          .clause = "as reported by 北京青年报 2024-01-12 (seed 000), 区人社局 副局长 区磊",
          .effective_from = make_date(2024, 1, 1)};
}
inline date start() { return *plan().effective_from; }
inline region_set xicheng() { return region_set("西城区", {regions::xicheng}); }
inline constexpr const char* jurisdiction = "北京市西城区 (110102)";

using worker_condition = basic_any_condition<worker>;
using worker_rule = basic_rule<worker>;

/// The programme id of a vocational-college graduate who won a prize in a Beijing or national skill
/// competition and meets the conditions (worker::programmes).
inline constexpr const char* award_graduate_programme = "xicheng.talent.award_graduate";

/// 高技能人才: a 高级工-or-above certificate, or (reading xicheng.talent.award_graduates) a
/// competition-winning vocational graduate, whom the plan 可视为高技能人才.
inline worker_condition high_skill(const reading_context& r) {
  if (r.is("xicheng.talent.award_graduates", "not_counted")) return skill_level_at_least(3);
  return skill_level_at_least(3) ||
         enrolled_in(award_graduate_programme, "在北京或全国技能大赛中获奖且符合条件的职业院校毕业生");
}

/// Works in Xicheng, is high-skill, and (reading xicheng.talent.hire_window) was hired while the plan
/// is in force.
inline worker_condition high_skill_hire(const reading_context& r) {
  if (r.is("xicheng.talent.hire_window", "any_hire")) return works_in(xicheng()) && high_skill(r);
  return works_in(xicheng()) && high_skill(r) && hired_on_or_after(start());
}

inline parameter_list common_parameters(const reading_context& r, std::vector<std::string> readings) {
  parameter_list p = {
      assumed("workplace", xicheng(), "a Xicheng district measure: the job is in Xicheng"),
      assumed("skill_level", "1-3 (高级工, 技师, 高级技师)",
              "高技能人才 = 高级工 and above, the usual national meaning [K]"),
      assumed("effective_from", start(),
              "reported as issued (出台了) at the 2024-01-11 briefing; no date in any source"),
  };
  readings.insert(readings.begin(), {"xicheng.talent.hire_window", "xicheng.talent.award_graduates"});
  for (auto& q : catalog_readings::reading_parameters(r, readings)) p.push_back(std::move(q));
  return p;
}
} // namespace xicheng_talent_detail

[[nodiscard]] inline std::vector<reading> xicheng_talent_readings() {
  return {
      {"xicheng.talent.award_graduates",
       "Does a vocational-college graduate who won a prize in a Beijing or national skill competition count "
       "as "
       "高技能人才 for the employer subsidies (the plan: 可视为高技能人才)?",
       {{"counted",
         "yes: such a graduate (programme xicheng.talent.award_graduate) is high-skill like a 高级工"},
        {"not_counted",
         "no: only a 高级工-or-above certificate; the sentence serves recruitment to 事业单位 alone"}},
       "counted",
       provenance::stated,
       "The plan says such graduates 可视为高技能人才 without limiting it to the recruitment it goes on to "
       "describe; "
       "whether they 符合条件 is the worker's record (programme xicheng.talent.award_graduate).",
       "seed 000 (西城区高技能人才实施方案)",
       true,
       "在北京或全国技能大赛中获奖且符合条件的职业院校毕业生,可视为高技能人才"},
      {"xicheng.talent.hire_window",
       "Do only hires made while the plan is in force count (招用), or any high-skill employee?",
       {{"hired_in_force", "only workers hired on or after the plan's (assumed) start, 2024-01-01"},
        {"any_hire",
         "any high-skill worker, whenever hired (years 1-3 of the employment still bound the wage subsidy)"}},
       "hired_in_force",
       provenance::assumed,
       "招用 is an act of hiring; a subsidy for hiring normally covers hires made under it. 还可 ties the "
       "wage subsidy to "
       "the same hires.",
       "seed 000 (西城区高技能人才实施方案)"},
      {"xicheng.talent.one_off_employment",
       "稳定就业1年以上: must the worker still be employed when the one-off is claimed, or is a completed "
       "year enough?",
       {{"current", "employed on the date, with at least one year of employment"},
        {"completed", "the employment lasted a year, even if it ended later"}},
       "current",
       provenance::assumed,
       "稳定就业 describes a present state: the employer claims for a worker it employs.",
       "seed 000 (西城区高技能人才实施方案)"},
      {"xicheng.talent.wage_growth_test",
       "同比增幅保持5%以上: must the year claimed have ≥5% growth, or every year of the employment so far?",
       {{"latest_year", "the latest completed employment year grew ≥5% year on year"},
        {"every_year", "every completed employment year grew ≥5% (保持 read as 'without a break')"}},
       "latest_year",
       provenance::assumed,
       "The subsidy is paid per year (每人每年); each year's claim rests on that year's growth.",
       "seed 000 (西城区高技能人才实施方案)"},
      {"xicheng.talent.competition_scale",
       "根据活动规模,给予2万至5万元: how does the scale of a competition set the amount?",
       {{"participant_bands",
         "by participants: under 100 → 20,000; 100-299 → 30,000; 300-499 → 40,000; 500+ → 50,000"},
        {"floor", "20,000 for every qualifying event (the amount the text guarantees)"},
        {"ceiling", "50,000 for every qualifying event (the upper bound)"}},
       "participant_bands",
       provenance::assumed,
       "No source gives the bands; participants are the measurable scale, and even 10,000-yuan steps span "
       "2万-5万. "
       "floor and ceiling bracket the answer.",
       "seed 000 (西城区高技能人才实施方案)"},
  };
}

[[nodiscard]] inline catalog_entry xicheng_high_skill_talent_hiring() {
  catalog_entry e{
      .id = "cn.beijing.xicheng.high_skill_talent.hiring",
      .title = "西城区企业招用高技能人才一次性补贴",
      .jurisdiction = xicheng_talent_detail::jurisdiction,
      .source = catalog_sources::seed_000,
      .summary = "An employer that hires a high-skill worker (高级工 or above) who stays employed for a year "
                 "or more gets "
                 "10,000 yuan once per person.",
      .subject = subject_kind::worker,
      .readings = {"xicheng.talent.hire_window", "xicheng.talent.award_graduates",
                   "xicheng.talent.one_off_employment"},
      .examples = {"A 技师 hired in Xicheng on 2024-03-01: nothing on 2025-02-28, 10,000.00 yuan once from "
                   "2025-03-01."},
  };
  e.build_worker = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    using namespace xicheng_talent_detail;
    const citation c = plan().cite("企业招用高技能人才稳定就业1年以上,可按照每人1万元标准申领一次性补贴");
    const bool completed = r.is("xicheng.talent.one_off_employment", "completed");
    const period one_year = period::years(1);
    const worker_condition year = completed ? worker_condition(employment_lasted_at_least(one_year))
                                            : worker_condition(employed_for_at_least(one_year));
    const auto amount = money_once(10'000_yuan);
    parameter_list p = common_parameters(r, {"xicheng.talent.one_off_employment"});
    p.push_back(
        stated("amount", parameter_text(amount) + " per person").quote("每人1万元标准申领一次性补贴"));
    p.push_back(stated("employment", parameter_text(one_year) + " (以上 includes it, art. 1259)")
                    .quote("稳定就业1年以上"));
    return self.policy(version<worker>("2024", c).rules(
        {worker_rule{"hiring", "high-skill hire employed for a year: 10,000 yuan once", c,
                     worker_condition::all({high_skill_hire(r), year}), amount, p}}));
  });
  return e;
}

[[nodiscard]] inline catalog_entry xicheng_high_skill_talent_wage_growth() {
  catalog_entry e{
      .id = "cn.beijing.xicheng.high_skill_talent.wage_growth",
      .title = "西城区高技能人才工资性补贴",
      .jurisdiction = xicheng_talent_detail::jurisdiction,
      .source = catalog_sources::seed_000,
      .summary = "For the same high-skill hires: 5,000 yuan per person per year when the worker's wage grew "
                 "by 5% or more "
                 "year on year, for at most three years (employment years 1-3).",
      .subject = subject_kind::worker,
      .readings = {"xicheng.talent.hire_window", "xicheng.talent.award_graduates",
                   "xicheng.talent.wage_growth_test"},
      .examples =
          {"Hired 2024-03-01 with growth 6%, 4%, 5%: 5,000.00 yuan per year on 2025-03-01 (year 1), nothing "
           "on 2026-03-01 (year 2: 4%), 5,000.00 on 2027-03-01 (year 3), nothing from 2028-03-01 (cap)."},
  };
  e.build_worker = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    using namespace xicheng_talent_detail;
    const citation c = plan().cite(
        "建立高技能人才工资增长机制,同比增幅保持5%以上,还可按照每人每年5000元的标准,申领最长三年工资性补贴");
    const int span = r.is("xicheng.talent.wage_growth_test", "every_year") ? 0 : 1;
    const money yearly = 5'000_yuan;
    parameter_list p = common_parameters(r, {"xicheng.talent.wage_growth_test"});
    p.push_back(stated("amount", parameter_text(yearly) + " per person per year").quote("每人每年5000元"));
    p.push_back(stated("wage_growth", "≥ 5.0% year on year (以上 includes it)").quote("同比增幅保持5%以上"));
    p.push_back(
        stated("max_years", 3, "at most three years of the wage subsidy").quote("申领最长三年工资性补贴"));
    p.push_back(assumed(
        "counted_years", "employment years 1-3 (claimable while fewer than 4 years are complete)",
        "the seed says 最长三年 without saying which years: the first three employment years are assumed"));
    return self.policy(version<worker>("2024", c).rules({worker_rule{
        "wage_growth", "wage growth ≥5% in an employment year 1-3: 5,000 yuan for that year", c,
        worker_condition::all({high_skill_hire(r), employed_for_at_least(period::years(1)),
                               !employed_for_at_least(period::years(4)), wage_growth_at_least(50, span)}),
        money_per_year(yearly), p}}));
  });
  return e;
}

/// The bundle: cn.beijing.xicheng.high_skill_talent (POLICIES.md).
[[nodiscard]] inline catalog_entry xicheng_high_skill_talent() {
  return {
      .id = "cn.beijing.xicheng.high_skill_talent",
      .title = "西城区关于落实加强新时代高技能人才队伍建设的实施方案 (补贴)",
      .jurisdiction = xicheng_talent_detail::jurisdiction,
      .source = catalog_sources::seed_000,
      .summary = "Workforce subsidies, not elder benefits: 10,000 yuan once per high-skill hire employed a "
                 "year or more "
                 "(…high_skill_talent.hiring); 5,000 yuan per person per year for at most three years when "
                 "wages grow "
                 "≥5% a year (…high_skill_talent.wage_growth). High-skill means a 高级工-or-above "
                 "certificate or, as the "
                 "plan says, a vocational-college graduate who won a prize in a Beijing or national skill "
                 "competition. "
                 "The plan's third subsidy, 20,000-50,000 yuan once by scale for skill competitions and "
                 "exhibitions, is "
                 "paid to their organisers: the event entry …high_skill_talent.competition. The two worker "
                 "grants are "
                 "separate (one is paid once, the other per year) and are not added: "
                 "evaluate_high_skill_talent() gives "
                 "one decision per component.",
      .subject = subject_kind::worker,
      .readings = {"xicheng.talent.hire_window", "xicheng.talent.award_graduates",
                   "xicheng.talent.one_off_employment", "xicheng.talent.wage_growth_test"},
      .components = {"cn.beijing.xicheng.high_skill_talent.hiring",
                     "cn.beijing.xicheng.high_skill_talent.wage_growth"},
      .examples =
          {"A 技师 hired 2024-03-01 whose wage grew 6% in year 1: on 2025-03-01 10,000.00 yuan once and "
           "5,000.00 yuan per year.",
           "A vocational-college graduate with a national competition prize and no certificate, hired "
           "2024-03-01: 10,000.00 yuan once from 2025-03-01; nothing under "
           "xicheng.talent.award_graduates=not_counted."},
  };
}

/// cn.beijing.xicheng.high_skill_talent.competition: the competition subsidy, a policy over events.
[[nodiscard]] inline catalog_entry xicheng_high_skill_talent_competition() {
  catalog_entry e{
      .id = "cn.beijing.xicheng.high_skill_talent.competition",
      .title = "西城区技能竞赛及高技能人才成果展示活动补贴",
      .jurisdiction = xicheng_talent_detail::jurisdiction,
      .source = catalog_sources::seed_000,
      .summary =
          "Enterprises, industry associations and chambers of commerce that hold a skill competition or a "
          "high-skill achievement exhibition get a one-off subsidy of 20,000 to 50,000 yuan, by the event's "
          "scale. The scale bands are not stated: reading xicheng.talent.competition_scale (by participants, "
          "by default; or the floor, or the ceiling, of the stated range).",
      .subject = subject_kind::event,
      .readings = {"xicheng.talent.competition_scale"},
      .examples =
          {"A competition organised by a Xicheng enterprise with 120 participants: 30,000.00 yuan once "
           "(participant bands); 20,000.00 under the floor reading, 50,000.00 under the ceiling.",
           "The same event organised by a government body: nothing (not a listed organiser)."},
  };
  e.build_event = entry_policy(e, [](const reading_context& r, const policy_head& self) {
    using namespace eldercare::literals;
    using namespace xicheng_talent_detail;
    using event_condition = basic_any_condition<competition_event>;
    using event_rule = basic_rule<competition_event>;
    const citation c = plan().cite("对企业、行业协会、商会组织开展技能竞赛及高技能人才成果展示活动,"
                                   "根据活动规模,给予2万至5万元一次性补贴");
    const event_condition qualifying =
        organised_by({event_organiser::enterprise, event_organiser::industry_association,
                      event_organiser::chamber_of_commerce}) &&
        event_kind_in({event_kind::skill_competition, event_kind::achievement_show}) &&
        organiser_in(xicheng());
    const std::string scale = r.get("xicheng.talent.competition_scale");
    const parameter_list common = {
        stated("organisers", "企业, 行业协会, 商会组织").quote("对企业、行业协会、商会组织"),
        stated("events", "技能竞赛, 高技能人才成果展示活动").quote("开展技能竞赛及高技能人才成果展示活动"),
        assumed("organiser_region", xicheng(), "a Xicheng district measure: the organiser is in Xicheng"),
        stated("range", (20'000_yuan).to_string() + "-" + parameter_text(money_once(50'000_yuan)))
            .quote("给予2万至5万元一次性补贴"),
        catalog_readings::reading_parameter(r, "xicheng.talent.competition_scale", "scale"),
        assumed("effective_from", start(),
                "reported as issued at the 2024-01-11 briefing; no date in any source"),
    };
    auto band = [&](const char* id, const char* title, std::int64_t minimum, money amount) {
      parameter_list p = common;
      p.push_back(
          assumed("amount", money_once(amount), "scale band of reading xicheng.talent.competition_scale"));
      p.push_back(assumed("min_participants", minimum, "scale band (participants)"));
      return event_rule{id,
                        title,
                        c,
                        event_condition::all({qualifying, participants_at_least(minimum)}),
                        money_once(amount),
                        p};
    };
    std::vector<event_rule> rules;
    if (scale == "floor") rules = {band("floor", "any qualifying event: the floor of 2万", 0, 20'000_yuan)};
    else if (scale == "ceiling")
      rules = {band("ceiling", "any qualifying event: the ceiling of 5万", 0, 50'000_yuan)};
    else
      rules = {band("scale_500", "500 participants or more", 500, 50'000_yuan),
               band("scale_300", "300-499 participants", 300, 40'000_yuan),
               band("scale_100", "100-299 participants", 100, 30'000_yuan),
               band("scale_0", "fewer than 100 participants", 0, 20'000_yuan)};
    return self.policy(version<competition_event>("2024", c).rules(std::move(rules)));
  });
  return e;
}

/// The competition subsidy's event policy under `chosen` (the catalog's entry
/// cn.beijing.xicheng.high_skill_talent.competition; the standard catalog's by default).
[[nodiscard]] inline basic_policy<competition_event>
xicheng_skill_competition_policy(const catalog& cat, const reading_set& chosen = {}) {
  return cat.event_policy_for("cn.beijing.xicheng.high_skill_talent.competition", chosen);
}

/// Every worker policy of the bundle, evaluated for one worker: one decision per component, in order
/// (a once and a per-year grant cannot be added into one).
[[nodiscard]] inline std::vector<decision> evaluate_high_skill_talent(const catalog& cat, const worker& w,
                                                                      const date& on,
                                                                      const reading_set& chosen = {}) {
  std::vector<decision> out;
  for (const auto& cid : cat.at("cn.beijing.xicheng.high_skill_talent").components)
    out.push_back(evaluate(cat.worker_policy_for(cid, chosen), w, on));
  return out;
}

} // namespace eldercare::catalog_entries
