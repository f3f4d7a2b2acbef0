#pragma once
// Errors raised by eldercare. Constructing a domain value from invalid input throws
// eldercare::invalid_value; evaluating a rule on valid facts never throws (it returns a decision).

#include <stdexcept> // std::invalid_argument, std::logic_error
#include <string>    // messages
#include <string_view>

namespace eldercare {

/// Stable error ids, quoted in messages as "[eldercare.<kind>.<id>]" so that users and docs can refer
/// to them. Never renumber; add new ids at the end of each block.
enum class error_id : int {
  // 1xx: malformed or out-of-range values
  invalid_date = 101,          // not a calendar date (2023-02-30), or unparsable text
  invalid_money = 102,         // overflow, NaN, fractional fen, unparsable amount
  invalid_region = 103,        // not a 6/9-digit code, or a code not in the bundled table
  invalid_ability = 104,       // a score or level outside its scale
  invalid_stay = 105,          // discharge before admission, unknown facility
  invalid_person = 106,        // birth after a date of interest, empty id, ...
  invalid_facility = 107,      // negative beds, revocation before filing, ...
  invalid_period = 108,        // negative period length, unsupported unit
  invalid_parameter = 109,     // a rule or policy parameter out of range
  invalid_category = 110,      // an unknown category word
  invalid_id_number = 111,     // a resident ID number: its length, check character, date or region
  invalid_weight = 112,        // a survey weight that is negative, NaN, infinite or too large
  missing_input = 113,         // a fact a policy reads is missing: a column, the facility registry
  // 2xx: catalog and policy look-ups
  unknown_policy = 201,
  no_version_in_force = 202,
  not_computable = 203,        // the policy is announced but the sources give no amounts
};

/// Thrown when a value cannot be constructed from what the caller passed. Derives from
/// std::invalid_argument so that pybind11 maps it to Python's ValueError.
class invalid_value : public std::invalid_argument {
public:
  invalid_value(error_id id, std::string_view field, std::string_view value, std::string_view why)
      : std::invalid_argument(format(id, field, value, why)), id_(id), field_(field), value_(value) {}

  [[nodiscard]] error_id id() const noexcept { return id_; }
  /// The field the caller filled in, e.g. "stays[1].discharged".
  [[nodiscard]] const std::string& field() const noexcept { return field_; }
  /// The offending value as the caller gave it.
  [[nodiscard]] const std::string& value() const noexcept { return value_; }

private:
  static std::string format(error_id id, std::string_view field, std::string_view value,
                            std::string_view why) {
    std::string s = "[eldercare.invalid_value.";
    s += std::to_string(static_cast<int>(id));
    s += "] ";
    s += field;
    s += " = '";
    s += value;
    s += "': ";
    s += why;
    return s;
  }
  error_id id_;
  std::string field_;
  std::string value_;
};

/// Thrown for look-ups that cannot succeed (an unknown policy id, a date before a policy's first
/// version, an entry that is catalogued but not computable).
class lookup_error : public std::out_of_range {
public:
  lookup_error(error_id id, std::string_view what_text)
      : std::out_of_range("[eldercare.lookup." + std::to_string(static_cast<int>(id)) + "] " +
                          std::string(what_text)),
        id_(id) {}
  [[nodiscard]] error_id id() const noexcept { return id_; }

private:
  error_id id_;
};

} // namespace eldercare
