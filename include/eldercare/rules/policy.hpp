#pragma once
// Policies: rules grouped into versions by effective date. A version says how its rules combine
// (tiers, the higher, or all together) and whether the benefit goes to a person or a household.

#include <algorithm> // std::sort
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eldercare/core/words.hpp"
#include "eldercare/rules/rule.hpp"

namespace eldercare {

/// How the rules of one policy version combine into one grant.
enum class combination {
  first_match, ///< tiers in order: the first rule that holds grants (高龄 100+ → 800, 90+ → 500, ...)
  highest,     ///< the highest grant among the rules that hold (commensurable benefits only)
  sum,         ///< every rule that holds grants; amounts add (commensurable benefits only)
};

template <>
struct enum_words<combination> {
  static constexpr std::string_view type = "combination";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<combination>, 3> entries{{
      {combination::first_match, "first_match"},
      {combination::highest, "highest"},
      {combination::sum, "sum"},
  }};
};

/// Who the benefit is paid to.
enum class payee {
  person,    ///< 每人: one grant per eligible person
  household, ///< 每户: one grant per household with at least one eligible member
};

template <>
struct enum_words<payee> {
  static constexpr std::string_view type = "payee";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<payee>, 2> entries{{
      {payee::person, "person"},
      {payee::household, "household"},
  }};
};

/// On which day of a month eligibility for that month's payment is tested. No source states it for
/// the catalog's monthly subsidies; the default [assumed] pays a month when the person is eligible
/// on its last day (at 24:00), so the month in which a duration completes is paid.
enum class month_basis {
  end_of_month,   ///< default: eligible on the month's last day
  start_of_month, ///< eligible on the month's first day (the month after completion is the first paid)
};

template <>
struct enum_words<month_basis> {
  static constexpr std::string_view type = "month_basis";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<month_basis>, 2> entries{{
      {month_basis::end_of_month, "end_of_month"},
      {month_basis::start_of_month, "start_of_month"},
  }};
};

/// Whether the sources let us compute a policy.
enum class computability {
  computable,
  announced, ///< catalogued so users see it, but no source gives what is needed (amounts, conditions)
};

template <>
struct enum_words<computability> {
  static constexpr std::string_view type = "computability";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<computability>, 2> entries{{
      {computability::computable, "computable"},
      {computability::announced, "announced"},
  }};
};

template <class Subject>
struct basic_policy_version {
  std::string label; ///< e.g. "2020", "2023 revision"
  date effective_from;
  std::optional<date> effective_to; ///< last day in force; empty while in force
  citation cite;
  combination combine = combination::first_match;
  payee paid_to = payee::person;
  std::vector<basic_rule<Subject>> rules;
  parameter_list parameters; ///< version-level parameters (effective dates and the like)
  /// Schedules: the day a month's eligibility is tested.
  month_basis paid_month = month_basis::end_of_month;
  /// Schedules: months of arrears paid with the first payment after a period of ineligibility (a
  /// "back-pay the first three months" reading); 0 pays no arrears.
  int arrears_months = 0;

  [[nodiscard]] bool in_force_on(const date& d) const noexcept {
    return effective_from <= d && (!effective_to || d <= *effective_to);
  }
};

/// Where a source shows that a scheme existed before the first version a policy encodes, but not
/// how (its amounts or conditions then): the scheme is known, as encoded, from the first version's
/// start, and dates before it are undetermined (未定), not "not in force". Evaluations on those dates
/// say so (decision_status::undetermined) instead of answering "no".
struct known_start {
  date from;          ///< the first version's start: the scheme as encoded is known from this day
  std::string reason; ///< why earlier dates are undetermined, e.g. "the platform has run 十年来 (seed 001)"

  /// "scheme known from 2022-10-15; earlier dates undetermined (the platform has run 十年来)".
  [[nodiscard]] std::string to_string() const {
    std::string s = "scheme known from " + to_iso(from) + "; earlier dates undetermined";
    if (!reason.empty()) s += " (" + reason + ")";
    return s;
  }
  friend bool operator==(const known_start&, const known_start&) = default;
};

template <class Subject>
class basic_policy {
public:
  using version_type = basic_policy_version<Subject>;

  /// `known`: set when a source shows the scheme existed before its first version (known_start); its
  /// date must be the first version's start.
  basic_policy(std::string id, std::string title, std::vector<version_type> versions,
               computability status = computability::computable, std::string missing = {},
               std::optional<known_start> known = std::nullopt)
      : id_(std::move(id)), title_(std::move(title)), versions_(std::move(versions)), status_(status),
        missing_(std::move(missing)) {
    if (id_.empty()) throw invalid_value(error_id::invalid_parameter, "policy.id", "", "must not be empty");
    std::sort(versions_.begin(), versions_.end(), [](const version_type& a, const version_type& b) {
      return a.effective_from < b.effective_from;
    });
    for (std::size_t i = 0; i < versions_.size(); ++i) check_version(i);
    if (status_ == computability::computable && versions_.empty())
      throw invalid_value(error_id::invalid_parameter, id_ + ".versions", literal{"[]"},
                          "a computable policy needs at least one version");
    if (known) set_known_start(std::move(*known));
  }

  /// The policy, known from its first version's start `from`, earlier dates undetermined because of
  /// `reason` (see known_start): `self.policy(version(...)).known_from(make_date(2022, 10, 15), "...")`.
  [[nodiscard]] basic_policy known_from(date from, std::string reason) && {
    set_known_start({from, std::move(reason)});
    return std::move(*this);
  }
  /// Set when dates before the first version are undetermined (known_start); empty when a source
  /// dates the scheme's start, so that earlier dates are not in force.
  [[nodiscard]] const std::optional<known_start>& known_from() const noexcept { return known_; }

  [[nodiscard]] const std::string& id() const noexcept { return id_; }
  [[nodiscard]] const std::string& title() const noexcept { return title_; }
  [[nodiscard]] const std::vector<version_type>& versions() const noexcept { return versions_; }
  [[nodiscard]] computability status() const noexcept { return status_; }
  /// For an announced policy: what the sources leave out.
  [[nodiscard]] const std::string& missing() const noexcept { return missing_; }

  /// The version in force on `d`, or nullptr.
  [[nodiscard]] const version_type* version_on(const date& d) const noexcept {
    for (auto it = versions_.rbegin(); it != versions_.rend(); ++it)
      if (it->in_force_on(d)) return &*it;
    return nullptr;
  }

private:
  void set_known_start(known_start k) {
    require_valid(k.from, id_ + ".known_from");
    if (versions_.empty() || versions_.front().effective_from != k.from)
      throw invalid_value(error_id::invalid_parameter, id_ + ".known_from", to_iso(k.from),
                          versions_.empty() ? std::string("needs a version that starts on it")
                                            : "must be the first version's start, " +
                                                  to_iso(versions_.front().effective_from));
    known_ = std::move(k);
  }

  void check_version(std::size_t i) const {
    const version_type& v = versions_[i];
    const std::string field = id_ + ".versions[" + v.label + "]";
    require_valid(v.effective_from, field + ".effective_from");
    if (v.effective_to && *v.effective_to < v.effective_from)
      throw invalid_value(error_id::invalid_parameter, field + ".effective_to", to_iso(*v.effective_to),
                          "is before effective_from " + to_iso(v.effective_from));
    if (i > 0) {
      const version_type& prev = versions_[i - 1];
      if (!prev.effective_to || *prev.effective_to >= v.effective_from)
        throw invalid_value(error_id::invalid_parameter, field + ".effective_from", to_iso(v.effective_from),
                            "overlaps version " + prev.label + "; close it with effective_to first");
    }
    if (v.rules.empty() && status_ == computability::computable)
      throw invalid_value(error_id::invalid_parameter, field + ".rules", literal{"[]"},
                          "a version needs at least one rule");
    if (v.combine != combination::first_match)
      for (const auto& r : v.rules)
        if (!r.grant.commensurable(v.rules.front().grant))
          throw invalid_value(error_id::invalid_parameter, field + ".rules[" + r.id + "].grant",
                              r.grant.to_string(),
                              std::string("cannot be combined by '") + std::string(to_word(v.combine)) +
                                  "' with " + v.rules.front().grant.to_string());
  }

  std::string id_;
  std::string title_;
  std::vector<version_type> versions_;
  computability status_;
  std::string missing_;
  std::optional<known_start> known_;
};

} // namespace eldercare
