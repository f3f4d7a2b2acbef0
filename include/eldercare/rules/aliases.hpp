#pragma once
// The engine's names for persons, the usual subject.

#include "eldercare/person/person.hpp"
#include "eldercare/rules/any_condition.hpp"
#include "eldercare/rules/policy.hpp"

namespace eldercare {

using any_condition = basic_any_condition<person>;
using rule = basic_rule<person>;
using policy_version = basic_policy_version<person>;
using policy = basic_policy<person>;

} // namespace eldercare
