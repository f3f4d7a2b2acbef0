// The list of person leaves (rules/leaves.hpp) and what each leaf declares (rules/leaf.hpp): kinds,
// what it reads (the batch engine's registration), parameters that round-trip into a blank leaf,
// and checks that validate() re-runs after a change.
#include <catch2/catch.hpp>

#include <set>         // kinds seen
#include <string>      // kinds, parameter names
#include <type_traits> // std::type_identity over the list
#include <vector>      // parameter names

#include "eldercare/batch.hpp"
#include "eldercare/eldercare.hpp"

using namespace eldercare;

namespace {

region_code rc(const char* c) { return region_code::parse(c); }

// A leaf of each listed type, with a value other than the default for every parameter that has one.
// A new leaf in the list does not compile here until it has its sample.
always sample(std::type_identity<always>) { return always{{}, "in scope"}; }
age_at_least sample(std::type_identity<age_at_least>) {
  return age_at_least(65, {age_reached::day_after_birthday, leap_day_birthday::march_1});
}
age_under sample(std::type_identity<age_under>) {
  return age_under(80, {age_reached::day_after_birthday, {}});
}
age_at_least_by_year sample(std::type_identity<age_at_least_by_year>) {
  return age_at_least_by_year(80, year_mark::december_31, {{}, leap_day_birthday::march_1});
}
hukou_in sample(std::type_identity<hukou_in>) {
  return hukou_in(region_set("西城区", {regions::xicheng}), legacy_code_reading::as_recorded);
}
lives_in sample(std::type_identity<lives_in>) { return lives_in(region_set("西安市", {rc("610100")})); }
lives_rural sample(std::type_identity<lives_rural>) { return {}; }
in_category sample(std::type_identity<in_category>) {
  return in_category(category_set{category::dibao, category::tekun});
}
has_mental_illness sample(std::type_identity<has_mental_illness>) { return {}; }
has_infectious_disease sample(std::type_identity<has_infectious_disease>) { return {}; }
ability_at_least sample(std::type_identity<ability_at_least>) {
  return ability_at_least(ability_level::severe);
}
self_care_rating_at_least sample(std::type_identity<self_care_rating_at_least>) {
  return self_care_rating_at_least(self_care_rating::partially_lost);
}
disability_at_least sample(std::type_identity<disability_at_least>) {
  return disability_at_least({disability_category::intellectual, disability_category::mental},
                             disability_grade::two);
}
multiple_disability_with sample(std::type_identity<multiple_disability_with>) {
  return multiple_disability_with({disability_category::intellectual}, disability_grade::two);
}
continuous_stay_at_least sample(std::type_identity<continuous_stay_at_least>) {
  return continuous_stay_at_least(
      period::days(90),
      facility_criteria{
          regions::jin_ji_meng(), {facility_kind::institution, facility_kind::community}, false},
      continuity_rules{3, transfer_rule::restarts, pre_filing_days::counted},
      period_counting{month_counting::natural_month, nullptr}, check_time::start_of_day);
}
in_facility sample(std::type_identity<in_facility>) {
  return in_facility(
      facility_criteria{region_set("河北省", {rc("130000")}), {facility_kind::community}, false});
}
lives_at_home sample(std::type_identity<lives_at_home>) { return {}; }
// [start:alive]
alive sample(std::type_identity<alive>) { return {}; }
// [end:alive]
enrolled_in sample(std::type_identity<enrolled_in>) {
  return enrolled_in("weihai.virtual_platform", "Weihai virtual eldercare platform");
}

/// Names of a leaf's parameters, in declaration order.
template <Leaf L>
std::vector<std::string> parameter_names(const L& l) {
  std::vector<std::string> out;
  L::fields(l, [&](const leaf_parameter& p, const auto&, const auto&...) { out.emplace_back(p.name); });
  return out;
}

struct people {
  facility_registry facilities = synthetic_facilities();
  std::vector<person> persons;
  people() {
    synthetic_population gen({.seed = 7, .profile = synthetic_profile::mixed, .under_60_share = 0.05});
    const population_columns pop = gen.next(300);
    for (std::size_t i = 0; i < pop.size(); ++i) persons.push_back(pop.to_person(i));
  }
};

template <Leaf L>
std::vector<bool> verdicts(const L& leaf, const people& ps) {
  std::vector<bool> out;
  for (const auto& p : ps.persons)
    for (const char* on : {"2021-06-30", "2023-06-15", "2024-12-31"})
      out.push_back(holds(leaf, context<person>{p, parse_date(on), &ps.facilities}));
  return out;
}

} // namespace

TEST_CASE("every listed leaf has a kind of its own and is registered for batches with what it reads") {
  std::set<std::string> kinds;
  const auto registered = batch_leaves();
  person_leaves::for_each([&]<class L>(std::type_identity<L>) {
    INFO(L::kind);
    CHECK(!L::kind.empty());
    CHECK(!L::doc.empty());
    CHECK(kinds.insert(std::string(L::kind)).second);
    bool found = false;
    for (const auto& b : registered)
      if (*b.type == typeid(L)) {
        found = true;
        CHECK(b.reads == L::reads);
      }
    CHECK(found);
  });
  CHECK(kinds.size() == person_leaves::size);
  CHECK(kinds.count("self_care_rating_at_least") == 1);
  CHECK(kinds.count("multiple_disability_with") == 1);
  // with_kind finds each by its kind, and nothing else.
  for (const auto& k : kinds) {
    std::string seen;
    CHECK(person_leaves::with_kind(k, [&]<class L>(std::type_identity<L>) { seen = L::kind; }));
    CHECK(seen == k);
  }
  CHECK_FALSE(person_leaves::with_kind("age_at_most", [](auto) {}));
}

TEST_CASE("every listed leaf's parameters round-trip into a blank leaf: same parameters, same leaf") {
  const people ps;
  person_leaves::for_each([&]<class L>(std::type_identity<L>) {
    INFO(L::kind);
    const L original = sample(std::type_identity<L>{});
    L copy = blank_leaf<L>();
    copy_parameters(original, copy);
    validate_leaf(copy);
    CHECK(same_parameters(original, copy));
    CHECK(copy.describe() == original.describe());
    CHECK(verdicts(copy, ps) == verdicts(original, ps));
    // A blank leaf differs from the sample wherever the sample has a parameter set.
    if (!parameter_names(original).empty()) CHECK_FALSE(same_parameters(original, blank_leaf<L>()));
  });
}

TEST_CASE("same_parameters sees every parameter, nested members included") {
  const auto base = sample(std::type_identity<continuous_stay_at_least>{});
  // filing_authority: the 当地 test of the filing's department, a criterion since issue 13.
  CHECK(parameter_names(base) == std::vector<std::string>{"length", "regions", "kinds", "require_filing",
                                                          "filing_authority", "max_gap_days", "transfers",
                                                          "before_filing", "counting", "checked"});
  auto changed = base;
  changed.counting.months = month_counting::civil_code; // counting.months, two levels down
  CHECK_FALSE(same_parameters(base, changed));
  changed = base;
  changed.facilities.require_filing = true;
  CHECK_FALSE(same_parameters(base, changed));
  changed = base;
  changed.facilities.authority = base.facilities.authority == filing_authority::same_county
                                     ? filing_authority::not_checked
                                     : filing_authority::same_county;
  CHECK_FALSE(same_parameters(base, changed));
  // The holiday calendar is not a parameter: a copy of the parameters keeps the target's own.
  const holiday_calendar none;
  changed = base;
  changed.counting.holidays = &none;
  CHECK(same_parameters(base, changed));
  auto target = blank_leaf<continuous_stay_at_least>();
  target.counting.holidays = &none;
  copy_parameters(base, target);
  CHECK(target.counting.holidays == &none);
  CHECK(target.counting.months == month_counting::natural_month);

  auto age = sample(std::type_identity<age_at_least>{});
  CHECK(parameter_names(age) == std::vector<std::string>{"years", "reached", "leap_day"});
  auto other = age;
  other.rule.leap_day = leap_day_birthday::february_28;
  CHECK_FALSE(same_parameters(age, other));
}

TEST_CASE("validate() re-runs the constructors' checks after a change, naming kind.parameter") {
  auto field_of = [](auto&& f) {
    try {
      f();
    } catch (const invalid_value& e) {
      return e.field();
    }
    return std::string("no error");
  };
  auto age = sample(std::type_identity<age_at_least>{});
  age.years = 200;
  CHECK(field_of([&] { validate_leaf(age); }) == "age_at_least.years");
  CHECK(field_of([] { (void)age_under(-1); }) == "age_under.years");
  CHECK(field_of([] { validate_leaf(blank_leaf<in_category>()); }) == "in_category.categories");
  CHECK(field_of([] { (void)in_category(category_set{}); }) == "in_category.categories");
  CHECK(field_of([] { validate_leaf(blank_leaf<enrolled_in>()); }) == "enrolled_in.programme");
  CHECK(field_of([] { validate_leaf(blank_leaf<disability_at_least>()); }) ==
        "disability_at_least.categories");
  CHECK(field_of([] { validate_leaf(blank_leaf<multiple_disability_with>()); }) ==
        "multiple_disability_with.categories");
  auto stay_leaf = sample(std::type_identity<continuous_stay_at_least>{});
  stay_leaf.continuity.max_gap_days = -1;
  CHECK(field_of([&] { validate_leaf(stay_leaf); }) == "continuous_stay_at_least.max_gap_days");
  stay_leaf = sample(std::type_identity<continuous_stay_at_least>{});
  stay_leaf.facilities.kinds.clear();
  CHECK(field_of([&] { validate_leaf(stay_leaf); }) == "continuous_stay_at_least.kinds");
  auto in = sample(std::type_identity<in_facility>{});
  in.facilities.kinds.clear();
  CHECK(field_of([&] { validate_leaf(in); }) == "in_facility.kinds");
  always a{{}, ""};
  CHECK(field_of([&] { validate_leaf(a); }) == "always.what");
  CHECK(field_of([] { validate_leaf(sample(std::type_identity<continuous_stay_at_least>{})); }) ==
        "no error");
}
