// Policies (docs/concepts/policies.md): rules with their citations, grouped into versions in force over
// dates, combined first_match / highest / sum. Every expression in the page's table appears verbatim
// below; the checks make it a test.
#include <eldercare/person/person.hpp>
#include <eldercare/region/named_regions.hpp>
#include <eldercare/rules/aliases.hpp>
#include <eldercare/rules/conditions/age.hpp>
#include <eldercare/rules/conditions/residency.hpp>
#include <eldercare/rules/decision.hpp>

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

int main() {
  using namespace eldercare;
  using namespace eldercare::literals;

  // [start:rules]
  // Beijing's 高龄津贴 as three tiers (DOMAIN.md E.1 [V]): checked in order, the first that holds pays.
  const citation source{"《北京市老年人养老服务补贴津贴管理实施办法》",
                        "高龄老年人津贴",
                        "80-89周岁100元，90-99周岁500元，100周岁及以上800元",
                        "beijing.gov.cn 2019-10-28",
                        parse_date("2019-10-01"),
                        std::nullopt};
  const auto beijing_hukou = hukou_in(region_set("北京市", {regions::beijing}));
  const auto age_100 = make_rule<person>("age_100", "100 周岁 and over", source,
                                         beijing_hukou && age_at_least(100), money_per_month(800_yuan));
  const auto age_90 = make_rule<person>("age_90", "90-99 周岁", source, beijing_hukou && age_at_least(90),
                                        money_per_month(500_yuan));
  const auto age_80 = make_rule<person>("age_80", "80-89 周岁", source, beijing_hukou && age_at_least(80),
                                        money_per_month(100_yuan));
  // [end:rules]

  // [start:policy]
  policy_version v2019;
  v2019.label = "2019";
  v2019.effective_from = parse_date("2019-10-01"); // effective_to empty: still in force
  v2019.cite = source;
  v2019.combine = combination::first_match;                     // tiers: the first rule that holds grants
  v2019.rules = {erase(age_100), erase(age_90), erase(age_80)}; // erased: versions hold rules of any type
  const policy allowance("example.beijing.advanced_age", "高龄老年人津贴 (example)", {v2019});
  // [end:policy]

  const region_code dongcheng = region_code::parse("110101");
  const person elder{.id = "p1",
                     .birth_date = parse_date("1933-08-15"),
                     .hukou = {dongcheng, std::nullopt},
                     .residence = {dongcheng, false}};
  // [start:use]
  const policy_version* in_force =
      allowance.version_on(parse_date("2024-06-30")); // nullptr before 2019-10-01
  const std::optional<benefit> pays = grant_on(allowance, elder, parse_date("2024-06-30")); // fast path
  const decision d = evaluate(allowance, elder, parse_date("2024-06-30")); // with every reason
  // [end:use]
  check(in_force == &allowance.versions()[0], "the 2019 version is in force in 2024");
  check(allowance.version_on(parse_date("2019-09-30")) == nullptr, "nothing in force before 2019-10-01");
  // Born 1933-08-15: 90 周岁 on 2023-08-15, so on 2024-06-30 the 90-99 tier pays, not the 80-89 one.
  check(pays && pays->amount() == 500_yuan, "grant_on gives the 90-99 tier");
  check(d.eligible && d.granting_rules == std::vector<std::string>{"age_90"}, "first_match: age_90 grants");
  check(d.rules.size() == 3 && !d.rules[0].eligible && d.rules[2].eligible, "every rule is reported");
  check(d.amount() == pays->amount(), "evaluate and grant_on agree");
  const decision before = evaluate(allowance, elder, parse_date("2019-09-30"));
  check(before.status == decision_status::not_in_force && !before.eligible, "no version: not_in_force");

  // [start:combinations]
  policy_version summed = v2019;
  summed.combine = combination::sum; // every rule that holds pays: 800 + 500 + 100 for a centenarian
  policy_version best = v2019;
  best.combine = combination::highest; // the highest grant among the rules that hold
  // [end:combinations]
  const person centenarian{.id = "p2",
                           .birth_date = parse_date("1920-01-01"),
                           .hukou = {dongcheng, std::nullopt},
                           .residence = {dongcheng, false}};
  const date on = parse_date("2024-06-30");
  check(grant_on(policy("s", "sum", {summed}), centenarian, on)->amount() == 1400_yuan, "sum: 1400");
  check(grant_on(policy("h", "highest", {best}), centenarian, on)->amount() == 800_yuan, "highest: 800");
  check(grant_on(allowance, centenarian, on)->amount() == 800_yuan, "first_match: 800");

  // [start:errors]
  // Building a policy checks its versions and throws eldercare::invalid_value, invalid_parameter (109):
  //   two versions that overlap            "<id>.versions[2023].effective_from": close the earlier one first
  //   effective_to before effective_from   "<id>.versions[2019].effective_to"
  //   a version with no rules              "<id>.versions[2019].rules"
  //   sum or highest over grants of different units ("cannot be combined by 'sum'")
  // [end:errors]
  policy_version v2023 = v2019;
  v2023.label = "2023";
  v2023.effective_from = parse_date("2023-01-01");
  try {
    (void)policy("example.overlap", "overlapping", {v2019, v2023});
    check(false, "overlapping versions are rejected");
  } catch (const invalid_value& e) {
    check(e.id() == error_id::invalid_parameter &&
              e.field() == "example.overlap.versions[2023].effective_from",
          "the error names the version");
  }
  v2019.effective_to = parse_date("2022-12-31");
  const policy revised("example.revised", "two versions", {v2019, v2023});
  check(revised.version_on(parse_date("2022-12-31"))->label == "2019" &&
            revised.version_on(parse_date("2023-01-01"))->label == "2023",
        "closed versions hand over on the day");
  return snippet::exit_code();
}
