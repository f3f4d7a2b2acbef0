#pragma once
// Errors raised by eldercare. Constructing a domain value from invalid input throws
// eldercare::invalid_value; evaluating a rule on valid facts never throws (it returns a decision).

#include <charconv>    // std::to_chars: numbers as messages show them
#include <concepts>    // std::integral, std::floating_point
#include <cstddef>     // std::size_t
#include <stdexcept>   // std::invalid_argument, std::logic_error
#include <string>      // messages
#include <string_view> // fields and values
#include <utility>     // std::move

namespace eldercare {

/// Stable error ids, quoted in messages as "[eldercare.<kind>.<id>]" so that users and docs can refer
/// to them. Never renumber; add new ids at the end of each block.
enum class error_id : int {
  // 1xx: malformed or out-of-range values
  invalid_date = 101,      // not a calendar date (2023-02-30), or unparsable text
  invalid_money = 102,     // overflow, NaN, fractional fen, unparsable amount
  invalid_region = 103,    // not a 6/9-digit code, or a code not in the bundled table
  invalid_ability = 104,   // a score or level outside its scale
  invalid_stay = 105,      // discharge before admission, unknown facility
  invalid_person = 106,    // birth after a date of interest, empty id, ...
  invalid_facility = 107,  // negative beds, revocation before filing, ...
  invalid_period = 108,    // negative period length, unsupported unit
  invalid_parameter = 109, // a rule or policy parameter out of range
  invalid_category = 110,  // an unknown category word
  invalid_id_number = 111, // a resident ID number: its length, check character, date or region
  invalid_weight = 112,    // a survey weight that is negative, NaN, infinite or too large
  missing_input = 113,     // a fact a policy reads is missing: a column, the facility registry
  invalid_type = 114,      // a value of the wrong type (Python: a datetime for a date, text for a number)
  // 2xx: catalog and policy look-ups
  unknown_policy = 201,
  no_version_in_force = 202,
  not_computable = 203, // the policy is announced but the sources give no amounts
};

/// The most characters of a value an error quotes (a 10 MB cell must not make a 10 MB message).
inline constexpr std::size_t max_shown_characters = 200;

/// A value as an error quotes it: the value as given, its control characters escaped (a NUL or a
/// line break must not cut or split the one-line message: "\\x00", "\\n"), and when it has more than
/// max_shown_characters characters (UTF-8 code points), its first ones, "…" and its full length:
/// "xxxx… (10000000 characters)". The Python package shows its own errors' values by the same rule.
[[nodiscard]] inline std::string shown_value(std::string_view value) {
  std::string escaped; // control characters escaped (the length stated below is this text's)
  escaped.reserve(value.size());
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c != 0x7F) {
      escaped += ch;
      continue;
    }
    static constexpr char hex[] = "0123456789abcdef";
    if (c == '\n') escaped += "\\n";
    else if (c == '\t')
      escaped += "\\t";
    else if (c == '\r')
      escaped += "\\r";
    else {
      escaped += "\\x";
      escaped += hex[c >> 4];
      escaped += hex[c & 15];
    }
  }
  std::size_t characters = 0, cut = escaped.size();
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if ((static_cast<unsigned char>(escaped[i]) & 0xC0) == 0x80) continue; // a UTF-8 continuation byte
    if (characters == max_shown_characters) cut = i;
    ++characters;
  }
  if (characters <= max_shown_characters) return escaped;
  // Already shown (an error re-raised under another field name): kept as it is.
  constexpr std::string_view mark = "… (", unit = " characters)";
  const std::string_view tail = std::string_view(escaped).substr(cut);
  if (tail.size() > mark.size() + unit.size() && tail.substr(0, mark.size()) == mark &&
      tail.substr(tail.size() - unit.size()) == unit &&
      tail.substr(mark.size(), tail.size() - mark.size() - unit.size()).find_first_not_of("0123456789") ==
          std::string_view::npos)
    return escaped;
  escaped.resize(cut);
  return escaped + std::string(mark) + std::to_string(characters) + std::string(unit);
}

/// A value an error shows as it is written, without quotes: a number (60, 1e+20, nan) or a Python
/// repr ('2 months', datetime.datetime(2023, 1, 1, 0, 0)), which brings its own quotes. Text given
/// as text is quoted, once ('2023-02-30').
struct literal {
  std::string text;
};

/// A number as an error shows it: an integer in full, a floating-point value in the shortest form
/// that reads back (1e+20, 0.1, nan). Not bool or char, which are not numbers to a reader.
template <class T>
  requires(std::integral<T> || std::floating_point<T>)
&&(!std::same_as<T, bool>)&&(!std::same_as<T, char>) [[nodiscard]] literal number_literal(T value) {
  char buffer[64]; // enough for any integer and the shortest round-trip form of a double
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc{}) return literal{"?"};
  return literal{std::string(buffer, end)};
}

/// Thrown when a value cannot be constructed from what the caller passed. Derives from
/// std::invalid_argument so that pybind11 maps it to Python's ValueError. The field and the value
/// are shown as shown_value() shows them: text quoted once, numbers and literals as written
/// ("months = 0", "unit = 'weeks'", "start = datetime.datetime(2023, 2, 28, 12, 0)").
class invalid_value : public std::invalid_argument {
public:
  /// A value given as text: quoted.
  invalid_value(error_id id, std::string_view field, std::string_view value, std::string_view why)
      : invalid_value(id, shown_value(field), shown_value(value), why, true) {}
  /// A value shown as written (a Python repr): not quoted again.
  invalid_value(error_id id, std::string_view field, const literal& value, std::string_view why)
      : invalid_value(id, shown_value(field), shown_value(value.text), why, false) {}
  /// A number: unquoted.
  template <class T>
    requires(std::integral<T> || std::floating_point<T>)
  &&(!std::same_as<T, bool>)&&(!std::same_as<T, char>)invalid_value(error_id id, std::string_view field,
                                                                    T value, std::string_view why)
      : invalid_value(id, field, number_literal(value), why) {}

  /// The same error under another field name (a column's row, a person's path), its value shown alike.
  [[nodiscard]] invalid_value renamed(std::string_view field) const {
    return invalid_value(id_, shown_value(field), std::string(value_), why_, quoted_);
  }

  [[nodiscard]] error_id id() const noexcept { return id_; }
  /// The field the caller filled in, e.g. "stays[1].discharged".
  [[nodiscard]] const std::string& field() const noexcept { return field_; }
  /// The offending value as the caller gave it (shortened by shown_value()).
  [[nodiscard]] const std::string& value() const noexcept { return value_; }
  /// Why it was refused: the message's last part.
  [[nodiscard]] const std::string& why() const noexcept { return why_; }
  /// Whether the message quotes the value (it was given as text, not as a number or a literal).
  [[nodiscard]] bool quoted() const noexcept { return quoted_; }

private:
  invalid_value(error_id id, std::string&& field, std::string&& value, std::string_view why, bool quoted)
      : std::invalid_argument(format(id, field, value, why, quoted)), id_(id), field_(std::move(field)),
        value_(std::move(value)), why_(why), quoted_(quoted) {}
  static std::string format(error_id id, std::string_view field, std::string_view value, std::string_view why,
                            bool quoted) {
    std::string s = "[eldercare.invalid_value.";
    s += std::to_string(static_cast<int>(id));
    s += "] ";
    s += field;
    s += quoted ? " = '" : " = ";
    s += value;
    s += quoted ? "': " : ": ";
    s += why;
    return s;
  }
  error_id id_;
  std::string field_;
  std::string value_;
  std::string why_;
  bool quoted_;
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
