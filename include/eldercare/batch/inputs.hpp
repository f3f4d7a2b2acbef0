#pragma once
// No silent zeros: before a policy is evaluated over a population, what its leaves read is set
// against what the population can give. Each leaf declares the members of its subject it reads
// (`reads`, rules/row_fields.hpp) and each fact of the schema declares the members it fills
// (schema::field_info::fills), so nothing here lists conditions or columns again:
//
//  * a member read with no column given for it (a population built from a table without a
//    categories column, and a policy with in_category): every row would silently hold none;
//  * stays read, rows with stays, and no facility registry: every stay's facility would be unknown,
//    and every stay condition would fail;
//  * a stay naming a facility the registry lacks: that stay would silently count for nothing.
//
// check_inputs() throws invalid_value (error_id::missing_input) naming the column, the registry or
// the stay, and the rule and condition that read it. Taking such inputs as absent is an explicit
// choice (missing_inputs::absent: the behaviour before this check existed).

#include <array>       // the option's words
#include <cstdint>     // the option's size
#include <optional>    // groups_read: unknown when a leaf declares nothing
#include <string>      // messages
#include <string_view> // column names
#include <vector>      // readers

#include "eldercare/batch/batch_leaf.hpp"
#include "eldercare/batch/population_columns.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/rules/aliases.hpp"
#include "eldercare/schema/person.hpp"

namespace eldercare {

/// What a population's missing inputs are taken as.
enum class missing_inputs : std::uint8_t {
  error,  ///< default: a missing column, registry or facility that a policy reads is an error
  absent, ///< take them as absent: no value in the column, no facility known (the stay fails)
};

template <>
struct enum_words<missing_inputs> {
  static constexpr std::string_view type = "missing_inputs";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<missing_inputs>, 2> entries{{
      {missing_inputs::error, "error"},
      {missing_inputs::absent, "absent"},
  }};
};

/// A member of the subject a policy reads, and the first rule and condition that read it.
struct input_reader {
  row_fields group = row_fields::none; ///< one group
  std::string rule_id;
  std::string condition; ///< the leaf's describe()
};

namespace detail {
class reads_visitor final : public condition_visitor<person> {
public:
  explicit reads_visitor(std::vector<input_reader>& out) : out_(out), kernels_(batch_leaves()) {}
  void open(condition_shape) override {}
  void close() override {}
  void leaf(const leaf_ref<person>& l) override {
    bool known = false;
    for (const batch_leaf& k : kernels_)
      if (*k.type == *l.type) {
        known = true;
        for (const auto& w : enum_words<row_fields>::entries)
          if (w.value != row_fields::none && has(k.reads, w.value) && !seen(w.value))
            out_.push_back({w.value, rule_id, l.describe(l.object)});
      }
    // An unregistered leaf type (a user's own, run on a materialised person): its reads are unknown.
    all_known = all_known && known;
  }
  std::string rule_id;
  bool all_known = true; ///< whether every leaf visited declares what it reads

private:
  [[nodiscard]] bool seen(row_fields g) const {
    for (const auto& r : out_)
      if (r.group == g) return true;
    return false;
  }
  std::vector<input_reader>& out_;
  std::vector<batch_leaf> kernels_;
};

/// The column that gives a group (the first fact filling it, in the schema's order).
[[nodiscard]] constexpr std::string_view column_of(row_fields group) noexcept {
  for (const auto& f : schema::person_fields)
    if (f.fills == group) return f.column;
  return {};
}

[[nodiscard]] inline std::string read_by(const policy& p, const input_reader& r) {
  return "policy " + p.id() + " reads " + std::string(to_word(r.group)) + " (rule " + r.rule_id + ": " +
         r.condition + ")";
}
inline constexpr std::string_view absent_hint =
    "or evaluate with missing inputs taken as absent (missing='absent' in Python, --missing absent on the "
    "command line)";

/// Adds to `out` what the rules of `p`'s versions in force on some day from `first` to `last` read
/// (nothing for a policy that is not computable); false when a leaf does not declare its reads.
inline bool collect_readers(const policy& p, const date& first, const date& last,
                            std::vector<input_reader>& out) {
  if (p.status() != computability::computable) return true;
  reads_visitor visitor(out);
  for (const policy_version& v : p.versions()) {
    if (v.effective_from > last || (v.effective_to && *v.effective_to < first)) continue;
    for (const rule& r : v.rules) {
      visitor.rule_id = r.id;
      r.condition.visit(visitor);
    }
  }
  return visitor.all_known;
}
} // namespace detail

/// The members of a person that `p`'s rules read, over the versions in force on some day from
/// `first` to `last`, each with the first rule and condition reading it (none for a policy that is
/// not computable: it evaluates nothing).
[[nodiscard]] inline std::vector<input_reader> readers_of(const policy& p, const date& first,
                                                          const date& last) {
  std::vector<input_reader> out;
  (void)detail::collect_readers(p, first, last, out);
  return out;
}

/// Every member of a person that `p`'s rules read from `first` to `last`, or nullopt when a leaf
/// does not declare what it reads (a leaf type of your own): what a reader of a wide file must read
/// at least (eldercare.parquet reads only these columns).
[[nodiscard]] inline std::optional<row_fields> groups_read(const policy& p, const date& first,
                                                           const date& last) {
  std::vector<input_reader> readers;
  if (!detail::collect_readers(p, first, last, readers)) return std::nullopt;
  row_fields out = row_fields::none;
  for (const input_reader& r : readers) out = out | r.group;
  return out;
}

/// Checks that `pop` and `facilities` give what `p` reads from `first` to `last` (see the header
/// comment); throws invalid_value (error_id::missing_input) for the first input missing.
inline void check_inputs(const policy& p, const population_columns& pop, const facility_registry* facilities,
                         const date& first, const date& last) {
  for (const input_reader& r : readers_of(p, first, last)) {
    const std::string_view column = detail::column_of(r.group);
    if (!has(pop.given(), r.group))
      throw invalid_value(
          error_id::missing_input, "population." + std::string(column), "",
          "the population has no " + std::string(column) + " column, yet " + detail::read_by(p, r) +
              ": give the column (a missing value in it means none), " + std::string(detail::absent_hint));
    if (r.group != row_fields::stays || pop.stay_count() == 0) continue;
    if (!facilities)
      throw invalid_value(
          error_id::missing_input, "facilities", literal{"None"},
          "no facility registry was given, yet " + detail::read_by(p, r) + " and the population has " +
              std::to_string(pop.stay_count()) + (pop.stay_count() == 1 ? " stay" : " stays") +
              ": without the registry no stay's facility is known and every stay condition fails; give "
              "the facilities, " +
              std::string(detail::absent_hint));
    std::vector<char> known(pop.facilities().size());
    bool all_known = true;
    for (std::size_t k = 0; k < known.size(); ++k) {
      known[k] = facilities->find(pop.facilities().id(static_cast<std::int32_t>(k))) != nullptr;
      all_known = all_known && known[k];
    }
    // Stays name facilities by their index among the population's facility ids: when the registry
    // knows every one of those, no stay can name an unknown facility, and the stays are not read
    // (O(facilities), not O(rows): the scan below is a second pass over the stays beside the engine).
    if (all_known) continue;
    const auto offsets = pop.stay_offsets();
    const auto stay_facility = pop.stay_facility();
    for (std::size_t i = 0; i < pop.size(); ++i)
      for (std::uint32_t s = offsets[i]; s < offsets[i + 1]; ++s)
        if (!known[static_cast<std::size_t>(stay_facility[s])])
          throw invalid_value(
              error_id::missing_input,
              "population.stays[row " + std::to_string(i) + ", id '" + std::string(pop.id(i)) + "', stay " +
                  std::to_string(s - offsets[i]) + "].facility",
              pop.facilities().id(stay_facility[s]),
              "no facility with this id in the facility registry, yet " + detail::read_by(p, r) +
                  ": add it to the registry, " + std::string(detail::absent_hint));
  }
}

} // namespace eldercare
