// Conditions (docs/concepts/conditions.md): leaves composed with && || ! into types checked at compile
// time, the same leaves erased into any_condition for rules built at run time, and traces that explain
// a verdict. Every expression in the page's table appears verbatim below; the checks make it a test.
#include <eldercare/person/person.hpp>
#include <eldercare/region/named_regions.hpp>
#include <eldercare/rules/aliases.hpp>
#include <eldercare/rules/any_condition.hpp>
#include <eldercare/rules/conditions/age.hpp>
#include <eldercare/rules/conditions/category.hpp>
#include <eldercare/rules/conditions/residency.hpp>

#include "snippet_check.hpp" // check, throws, exit_code

using snippet::check;
using snippet::throws;

int main() {
  using namespace eldercare;
  const region_code xicheng_code = region_code::parse("110102");
  const person elder{.id = "p1",
                     .birth_date = parse_date("1944-07-01"),
                     .hukou = {xicheng_code, std::nullopt},
                     .residence = {xicheng_code, false},
                     .categories = {category::low_income}};
  const context<person> ctx{elder, parse_date("2024-06-30")};

  // [start:leaves]
  const auto registered = hukou_in(region_set("西城区", {regions::xicheng})); // 户籍 in Xicheng
  const auto eighty = age_at_least(80);                                       // "80周岁以上": includes 80
  const auto poor = in_category(category_set{category::dibao, category::low_income}); // 低保 or 低收入
  const auto tekun = in_category(category::tekun);                                    // 特困人员
  // [end:leaves]

  // [start:compose]
  const auto rule_condition = registered && (eighty || poor) && !tekun; // a type: all_of<...>
  const bool ok = holds(rule_condition, ctx);                           // no trace: the fast path
  const std::string text = rule_condition.describe();                   // for explanations
  // [end:compose]
  check(ok, "Xicheng, low income, not 特困: holds (age 79 fails, poor holds)");
  check(!holds(eighty, ctx), "79 on 2024-06-30");
  check(holds(eighty, context<person>{elder, parse_date("2024-07-01")}), "80 on the birthday");
  check(text.find("hukou in 西城区 {110102}") != std::string::npos, "describe() names the leaves");

  // [start:trace]
  trace t;
  const bool traced = rule_condition.evaluate(ctx, t); // the same code path, recording reasons
  const std::vector<reason>& why = t.reasons();        // every group and leaf, in order
  // [end:trace]
  check(traced == ok, "the trace and the fast path agree");
  bool saw_age = false;
  for (const reason& r : why)
    if (r.condition == "age ≥ 80 周岁") saw_age = !r.passed && r.met_on && to_iso(*r.met_on) == "2024-07-01";
  check(saw_age, "the failing age leaf says when it will be met");

  // [start:runtime]
  const any_condition erased = rule_condition;                     // type-erased, same leaves
  const any_condition either = any_condition::any({eighty, poor}); // built at run time
  const any_condition built = any_condition::all({registered, either, any_condition::negate(tekun)});
  const any_condition wrapped = eighty;                      // a leaf, erased
  const age_at_least* leaf = wrapped.target<age_at_least>(); // read it back (while wrapped lives)
  // [end:runtime]
  check(holds(erased, ctx) == ok && holds(built, ctx) == ok, "typed, erased and run-time agree");
  check(leaf && leaf->years == 80, "target<age_at_least>() reads the parameter");
  check(built.shape() == condition_shape::all_of && built.children().size() == 3,
        "a run-time group of three");
  trace typed_trace, built_trace;
  (void)rule_condition.evaluate(ctx, typed_trace);
  (void)built.evaluate(ctx, built_trace);
  check(typed_trace.reasons().size() == built_trace.reasons().size(), "the same explanation, node for node");

  // [start:errors]
  // Leaves check their parameters when built and throw eldercare::invalid_value:
  //   age_at_least(200)                        invalid_parameter (109): "age_at_least.years" must be 0-150
  //   in_category(category_set{})              invalid_parameter (109): needs at least one category
  //   any_condition::all({})                   invalid_parameter (109): a group needs at least one condition
  //   parse_category("poor")                   invalid_category (110): an unknown category word
  // A leaf that cannot read the subject does not compile: ConditionFor<Leaf, Subject> is checked
  // where the rule is declared.
  // [end:errors]
  static_assert(static_cast<int>(error_id::invalid_parameter) == 109, "the number the table gives");
  static_assert(static_cast<int>(error_id::invalid_category) == 110, "the number the table gives");
  check(throws(error_id::invalid_parameter, [] { (void)age_at_least(200); }), "age 200 rejected");
  check(throws(error_id::invalid_parameter, [] { (void)in_category(category_set{}); }),
        "empty category set rejected");
  check(throws(error_id::invalid_parameter, [] { (void)any_condition::all({}); }), "empty group rejected");
  check(throws(error_id::invalid_category, [] { (void)parse_category("poor"); }),
        "unknown category word rejected");
  static_assert(ConditionFor<decltype(rule_condition), person>, "the composed condition reads a person");
  return snippet::exit_code();
}
