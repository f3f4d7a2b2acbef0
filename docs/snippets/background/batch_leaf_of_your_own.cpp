// Background (batch.md, "Leaves of your own"): a leaf type the library does not know, registered for
// the columnar engine with the members it reads, gives in batches exactly the grants that grant_on()
// gives each person materialised from the same rows. This comparison is how a wrong declaration
// shows (the registered leaf would then be decided on a row view missing what it reads).
#include <cstddef>  // row counts
#include <cstdint>  // eligible_count
#include <optional> // the grant of each person
#include <string>   // describe(), the first disagreement

#include <eldercare/batch/batch_leaf.hpp>           // register_batch_leaf, row_fields
#include <eldercare/batch/evaluate_batch.hpp>       // evaluate_batch, batch_path
#include <eldercare/batch/synthetic.hpp>            // synthetic_population
#include <eldercare/rules/aliases.hpp>              // rule, policy, any_condition (for persons)
#include <eldercare/rules/conditions/age.hpp>       // age_at_least
#include <eldercare/rules/conditions/category.hpp>  // HasCategories, category
#include <eldercare/rules/conditions/residency.hpp> // HasResidence
#include <eldercare/rules/decision.hpp>             // grant_on

#include "snippet_check.hpp" // check, exit_code

using snippet::check;

namespace {
// [start:leaf]
// A local rule's test that no library leaf states: a rural resident on 低保 (minimum living
// allowance). It reads two members of its subject, so it states both as concepts.
struct rural_on_dibao : eldercare::condition_tag {
  template <class Subject, class Sink>
    requires eldercare::HasResidence<Subject> && eldercare::HasCategories<Subject>
  bool evaluate(const eldercare::context<Subject>& ctx, Sink& sink) const {
    const bool ok =
        ctx.subject.residence.rural && ctx.subject.categories.contains(eldercare::category::dibao);
    sink.leaf([&] {
      eldercare::reason r;
      r.condition = describe();
      r.passed = ok;
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "rural resident on 低保"; }
};
// [end:leaf]
} // namespace

int main() {
  using namespace eldercare;
  using namespace eldercare::literals;

  // [start:register]
  // Before any batch uses the leaf: every member it reads, so that the engine can run it on columns.
  register_batch_leaf<rural_on_dibao>(row_fields::residence | row_fields::categories);
  // [end:register]

  const citation cite{
      "a county's rural 低保 elder allowance (illustrative)", "", "", "", std::nullopt, std::nullopt};
  const rule allowance{"rural_dibao_70",
                       "rural 低保 elders of 70 and over",
                       cite,
                       any_condition::all({any_condition(rural_on_dibao{}), any_condition(age_at_least(70))}),
                       money_per_month(120_yuan),
                       {}};
  const policy local("example.rural_dibao_allowance", "rural 低保 elder allowance",
                     {policy_version{"2024",
                                     parse_date("2024-01-01"),
                                     std::nullopt,
                                     cite,
                                     combination::first_match,
                                     payee::person,
                                     {allowance},
                                     {}}});

  synthetic_population gen({.seed = 5, .profile = synthetic_profile::mixed});
  const population_columns rows = gen.next(4000);
  const date on = parse_date("2024-06-30");

  // The same rows through the columnar engine (the registered leaf on the row view) and through
  // the reference path; each must equal grant_on() on the person materialised from the row.
  for (const batch_path path : {batch_path::columns, batch_path::materialise}) {
    const batch_result batch = evaluate_batch(local, rows, on, &gen.facilities(), {.path = path});
    std::size_t granted = 0;
    std::size_t disagreements = 0;
    std::string first_disagreement;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::optional<benefit> expected = grant_on(local, rows.to_person(i), on, &gen.facilities());
      if (batch.granted(i) != expected && disagreements++ == 0) first_disagreement = std::string(rows.id(i));
      if (expected) ++granted;
    }
    check(disagreements == 0, std::to_string(disagreements) +
                                  " rows where the batch and grant_on() disagree, first " +
                                  first_disagreement);
    check(batch.eligible_count == static_cast<std::int64_t>(granted),
          "eligible count equals the persons granted");
    // Both verdicts occur, so the comparison above exercises the leaf either way.
    check(granted > 0 && granted < rows.size(), "some but not all rows are rural 低保 elders of 70+");
  }
  return snippet::exit_code();
}
