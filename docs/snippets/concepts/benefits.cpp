// Benefits (docs/concepts/benefits.md): what a rule grants (money, service hours, visits, meals, places)
// per period, and how grants of different policies stack (叠加 / 择高). Every expression in the page's
// table appears verbatim below; the checks make it a test.
#include <eldercare/rules/stacking.hpp>

#include "snippet_check.hpp" // check, throws, exit_code

using snippet::check;
using snippet::throws;

namespace {
template <class A, class B>
concept addable_types = requires(A a, B b) {
  a + b;
};
// A decision as the engine returns it, reduced to what stacking reads.
eldercare::decision granted(std::string policy_id, eldercare::benefit b) {
  eldercare::decision d;
  d.policy_id = std::move(policy_id);
  d.eligible = true;
  d.granted = b;
  return d;
}
} // namespace

int main() {
  using namespace eldercare;
  using namespace eldercare::literals;

  // [start:amounts]
  const money_per_month care_subsidy{600_yuan}; // 失能护理补贴: 600 yuan a month
  const service_hours_per_month home_care{60};  // Weihai: 60 hours of purchased service
  const money_once caregiver_post{10000_yuan};  // a one-off grant
  const meals_per_day free_lunch{1};            // Rongcheng 暖心食堂
  const benefit any = care_subsidy;             // any typed benefit is a benefit
  const benefit from_parts = benefit::make(benefit_unit::money, benefit_period::per_month, 20000); // fen
  // [end:amounts]
  check(care_subsidy.amount() == 600_yuan, "care_subsidy.amount()");
  check(home_care.quantity() == 60, "home_care.quantity()");
  check(caregiver_post.to_string() == "10000.00 yuan once", "one-off text");
  check(free_lunch.to_string() == "1 meal per day", "meals text");
  check(any.to_string() == "600.00 yuan per month", "any.to_string()");
  check(from_parts.amount() == 200_yuan, "benefit::make in fen");

  // [start:adding]
  const money_per_month both = care_subsidy + money_per_month{200_yuan}; // same unit and period: adds
  const bool addable = any.commensurable(from_parts);                    // true: money per month both
  const bool not_addable = any.commensurable(benefit(home_care));        // false: hours are not money
  // [end:adding]
  check(both.amount() == 800_yuan, "600 + 200 a month");
  check(addable && !not_addable, "commensurable()");
  // Adding hours to money does not compile: the types differ.
  static_assert(!addable_types<money_per_month, service_hours_per_month>, "no money + hours");
  static_assert(addable_types<money_per_month, money_per_month>, "the concept itself can hold");

  // [start:stacking]
  stacking_table table; // undeclared pairs stack (fallback)
  stacking_rule higher_only;
  higher_only.first = "cn.beijing.elderly_allowances.disability_care";
  higher_only.second = "cn.national.disabled_two_subsidies";
  higher_only.mode = stacking_mode::choose_higher; // 择高申领: only the higher is paid
  table.declare(higher_only);
  const decision care = granted("cn.beijing.elderly_allowances.disability_care", money_per_month{600_yuan});
  const decision national = granted("cn.national.disabled_two_subsidies", money_per_month{243_yuan});
  const std::vector<stacked_grant> paid = resolve_stacking({care, national}, table);
  // [end:stacking]
  check(table.mode_for("cn.national.disabled_two_subsidies",
                       "cn.beijing.elderly_allowances.disability_care") == stacking_mode::choose_higher,
        "the declaration is symmetric");
  check(paid.size() == 2 && paid[0].paid && !paid[1].paid, "the higher (600) is paid, the 243 is not");
  check(paid.size() == 2 && paid[1].reason.rfind("choose_higher with cn.beijing", 0) == 0,
        "the reason names the winner");
  check(table.mode_for("a", "b") == stacking_mode::stack, "undeclared pairs stack");

  // [start:errors]
  // A negative quantity throws eldercare::invalid_value with invalid_parameter (109):
  //   money_per_month{-(1_yuan)}                                       field "benefit"
  //   benefit::make(benefit_unit::visits, benefit_period::per_month, -1)  field "benefit.quantity"
  // [end:errors]
  check(throws(error_id::invalid_parameter, [] { (void)money_per_month{-(1_yuan)}; }),
        "negative money benefit");
  check(throws(error_id::invalid_parameter,
               [] { (void)benefit::make(benefit_unit::visits, benefit_period::per_month, -1); }),
        "negative visits");
  return snippet::exit_code();
}
