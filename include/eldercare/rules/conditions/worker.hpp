#pragma once
// Worker conditions, for workforce subsidies (subjects/worker.hpp): the job, where it is, how long
// the current employment has lasted, and the vocational skill certificate held. Like every leaf they
// are templates over any subject that has the facts they read.

#include <optional>
#include <string>

#include "eldercare/calendar/period.hpp"
#include "eldercare/region/region_set.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/conditions/residency.hpp" // detail::region_text

namespace eldercare {

template <class S>
concept HasCareWork = requires(const S& s) {
  { s.care_worker } -> std::convertible_to<bool>;
};
template <class S>
concept HasWorkplace = requires(const S& s) {
  { s.workplace } -> std::convertible_to<region_code>;
};
template <class S>
concept HasEmployment = requires(const S& s) {
  { s.hired_on } -> std::convertible_to<date>;
  { s.left_on } -> std::convertible_to<std::optional<date>>;
};
template <class S>
concept HasSkillLevel = requires(const S& s) {
  { s.skill_level } -> std::convertible_to<std::optional<int>>;
};

namespace detail {
/// 国家职业技能等级: 1 高级技师 (highest) … 5 初级工 (lowest).
inline std::string skill_level_text(int level) {
  switch (level) {
  case 1: return "1 高级技师";
  case 2: return "2 技师";
  case 3: return "3 高级工";
  case 4: return "4 中级工";
  case 5: return "5 初级工";
  }
  return std::to_string(level) + " (not a national skill level)";
}
} // namespace detail

/// Works as a 养老护理员 (eldercare care worker).
struct is_care_worker : condition_tag {
  template <HasCareWork Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = ctx.subject.care_worker;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"care_worker", ok ? "true" : "false"}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "works as a 养老护理员 (care worker)"; }
};

/// The workplace (where the job is) is in one of `regions`.
struct works_in : condition_tag {
  region_set regions;

  explicit works_in(region_set r) : regions(std::move(r)) {}

  template <HasWorkplace Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = regions.contains(ctx.subject.workplace);
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"workplace", detail::region_text(ctx.subject.workplace)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "works in " + regions.to_string(); }
};

/// Employed on the date, in an employment that began at least `length` before (counted per
/// `counting` from the hiring day, which art. 201 does not count: hired 2019-03-01, three years are
/// complete on 2022-03-01). An employment that ended (left_on before the date) fails for good; one
/// still running that is too short would hold on the day the length completes (met_on).
struct employed_for_at_least : condition_tag {
  period length;
  period_counting counting{};

  explicit employed_for_at_least(period len, period_counting c = {}) : length(len), counting(c) {}

  template <HasEmployment Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& s = ctx.subject;
    const bool left = s.left_on && *s.left_on < ctx.on;
    // None when complete only after 2400: on no supported date.
    const std::optional<date> complete = period_complete_within(s.hired_on, length, counting);
    const bool ok = !left && s.hired_on <= ctx.on && complete && *complete <= ctx.on;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"hired_on", to_iso(s.hired_on)},
                 {"left_on", s.left_on ? to_iso(*s.left_on) : std::string("still employed")},
                 {"complete_on", complete ? to_iso(*complete) : std::string("after 2400")}};
      if (left) r.note = "the employment ended on " + to_iso(*s.left_on);
      else if (!ok)
        r.met_on = complete;
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "employed for at least " + length.to_string() + " (current employment)";
  }
};

/// Holds a vocational skill certificate (职业技能等级证书) at `lowest` or a higher level. Levels run
/// 1 高级技师 (highest) to 5 初级工 (lowest): "初级及以上" is skill_level_at_least(5), "高级及以上"
/// skill_level_at_least(3).
struct skill_level_at_least : condition_tag {
  int lowest;

  explicit skill_level_at_least(int level) : lowest(level) {
    if (level < 1 || level > 5)
      throw invalid_value(error_id::invalid_parameter, "skill_level_at_least.level", level,
                          "a national skill level is 1 (高级技师) to 5 (初级工)");
  }

  template <HasSkillLevel Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const auto& lv = ctx.subject.skill_level;
    const bool ok = lv && *lv >= 1 && *lv <= lowest;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"skill_level", lv ? detail::skill_level_text(*lv) : std::string("no certificate")}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const {
    return "skill certificate at level " + detail::skill_level_text(lowest) + " or higher";
  }
};

} // namespace eldercare
