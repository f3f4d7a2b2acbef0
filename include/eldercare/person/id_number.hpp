#pragma once
// Resident ID numbers (公民身份号码, GB 11643-1999): 18 characters, which are the code of the region
// where the number was first issued (6 digits, GB/T 2260), the date of birth (8 digits, YYYYMMDD), a
// sequence number whose last digit is odd for a man and even for a woman (3 digits), and a check
// character (ISO 7064 MOD 11-2: 0-9 or X). Numbers issued before 1999 had 15 digits: a 6-digit
// date YYMMDD in the 1900s and no check character; they are still on many records and are accepted,
// with their 18-character form computed (century "19" inserted, check character appended).
//
// The region is the place of FIRST registration: it never changes when the holder moves, so it is
// not today's hukou, and it may be a code since abolished (110104 宣武区), which region_code accepts
// with its history. Whether it may stand in for a missing hukou region is the caller's explicit
// choice (eldercare.io and Population take hukou_from_id; the default is no).

#include <array>       // the weights, the reasons
#include <cstddef>     // std::size_t
#include <cstdint>     // the region's number
#include <optional>    // a record's optional number
#include <string>      // the number's text
#include <string_view> // parse input, reasons

#include "eldercare/calendar/date.hpp"
#include "eldercare/core/error.hpp"
#include "eldercare/person/sex.hpp"
#include "eldercare/region/region_code.hpp"

namespace eldercare {

/// The weight of each of the first 17 digits in the check: 2^(18-i) mod 11 for digit i = 1..17.
inline constexpr std::array<int, 17> id_number_weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

/// The check character of 17 digits (ISO 7064 MOD 11-2): with S the sum of each digit times its
/// weight, the character is (12 - S mod 11) mod 11, written X for 10. '?' when `first17` is not 17
/// digits.
[[nodiscard]] constexpr char id_check_character(std::string_view first17) noexcept {
  if (first17.size() != 17) return '?';
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const char c = first17[i];
    if (c < '0' || c > '9') return '?';
    sum += (c - '0') * id_number_weights[i];
  }
  const int check = (12 - sum % 11) % 11;
  return check == 10 ? 'X' : static_cast<char>('0' + check);
}

/// A checked resident ID number (see the header comment). Made only by parse(), which refuses a
/// wrong length, a wrong check character, an impossible date of birth and a region code that no
/// division list since 1980 had.
class id_number {
public:
  /// What is wrong with `text` as an ID number, or an empty view when nothing is (the reasons are
  /// static text: the caller quotes the number itself beside them). A lower-case x is accepted.
  [[nodiscard]] static constexpr std::string_view problem(std::string_view text) noexcept {
    if (text.size() != 18 && text.size() != 15)
      return "expected 18 characters (17 digits and a check digit or X), or the 15 digits of a number "
             "issued before 1999";
    const std::size_t digits = text.size() == 18 ? 17 : 15;
    for (std::size_t i = 0; i < digits; ++i)
      if (text[i] < '0' || text[i] > '9')
        return text.size() == 18 ? "the first 17 characters of an ID number are digits"
                                 : "a 15-character ID number is digits only";
    if (text.size() == 18) {
      const char given = text[17] == 'x' ? 'X' : text[17];
      const char expected = id_check_character(text.substr(0, 17));
      if (given != expected)
        return check_reasons[expected == 'X' ? 10 : static_cast<std::size_t>(expected - '0')];
    }
    if (!birth_of(text))
      return text.size() == 18
                 ? "digits 7-14 (the date of birth, YYYYMMDD) are not a calendar date"
                 : "digits 7-12 (the date of birth, YYMMDD in the 1900s) are not a calendar date";
    if (!region_table::find(number(text.substr(0, 6))))
      return "digits 1-6 (the region of first registration) are not a division code that any list since "
             "1980 had";
    return {};
  }

  /// The number in `text` (18 characters, or the legacy 15 digits). Throws invalid_value
  /// (error_id::invalid_id_number) naming `field` and the text, with the reason problem() gives.
  [[nodiscard]] static id_number parse(std::string_view text, std::string_view field = "id_number") {
    if (const std::string_view why = problem(text); !why.empty())
      throw invalid_value(error_id::invalid_id_number, field, text, why);
    id_number out;
    out.issued_ = std::string(text);
    if (text.size() == 15) {
      out.text_ = std::string(text.substr(0, 6)) + "19" + std::string(text.substr(6));
      out.text_ += id_check_character(out.text_);
    } else {
      if (out.issued_[17] == 'x') out.issued_[17] = 'X';
      out.text_ = out.issued_;
    }
    return out;
  }

  /// The 18-character form (the computed one for a legacy number).
  [[nodiscard]] const std::string& text() const noexcept { return text_; }
  /// The number as it was issued: the 15 digits of a legacy number, else text().
  [[nodiscard]] const std::string& as_issued() const noexcept { return issued_; }
  /// Whether it was given in the 15-digit form of before 1999.
  [[nodiscard]] bool legacy() const noexcept { return issued_.size() == 15; }
  /// The date of birth (digits 7-14).
  [[nodiscard]] date birth_date() const { return date_of(*birth_of(text_)); }
  /// The date of birth of `text` when problem(text) finds nothing wrong with it, else nullopt:
  /// parse's check without building the number (what a column of numbers needs).
  [[nodiscard]] static std::optional<date> valid_birth_date(std::string_view text) {
    if (!problem(text).empty()) return std::nullopt;
    return date_of(*birth_of(text));
  }
  /// The region where the number was first issued (digits 1-6), possibly a code since abolished.
  [[nodiscard]] region_code region() const {
    return region_code::from_number(number(std::string_view(text_).substr(0, 6)));
  }
  /// The sex the sequence number records (digit 17: odd a man, even a woman).
  [[nodiscard]] eldercare::sex sex() const noexcept {
    return (text_[16] - '0') % 2 == 1 ? eldercare::sex::male : eldercare::sex::female;
  }
  /// The check character (the 18th).
  [[nodiscard]] char check_character() const noexcept { return text_[17]; }

  friend bool operator==(const id_number&, const id_number&) = default;

private:
  id_number() = default;

  static date date_of(const std::array<int, 3>& ymd) {
    return make_date(ymd[0], ymd[1], ymd[2], "id_number");
  }
  static constexpr std::uint32_t number(std::string_view digits) noexcept {
    std::uint32_t v = 0;
    for (const char c : digits) v = v * 10 + static_cast<std::uint32_t>(c - '0');
    return v;
  }
  /// Year, month and day of the number's date of birth, if they are a calendar date in the
  /// library's range (min_year to max_year).
  static constexpr std::optional<std::array<int, 3>> birth_of(std::string_view text) noexcept {
    const bool legacy = text.size() == 15;
    const std::string_view ymd = legacy ? text.substr(6, 6) : text.substr(6, 8);
    const int y = legacy ? 1900 + static_cast<int>(number(ymd.substr(0, 2)))
                         : static_cast<int>(number(ymd.substr(0, 4)));
    const int m = static_cast<int>(number(ymd.substr(legacy ? 2 : 4, 2)));
    const int d = static_cast<int>(number(ymd.substr(legacy ? 4 : 6, 2)));
    if (y < min_year || y > max_year || m < 1 || m > 12 || d < 1 || d > detail::days_in_month(y, m))
      return std::nullopt;
    return std::array<int, 3>{y, m, d};
  }
  // One reason per expected check character (0-9, then X): static text, as problem() returns.
  static constexpr std::array<std::string_view, 11> check_reasons{
      "the check character (the 18th) should be 0 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 1 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 2 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 3 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 4 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 5 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 6 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 7 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 8 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be 9 (ISO 7064 MOD 11-2 over the first 17 digits)",
      "the check character (the 18th) should be X (ISO 7064 MOD 11-2 over the first 17 digits)",
  };

  std::string text_;   // the 18 characters
  std::string issued_; // as issued: 15 or 18 characters (x written X)
};

/// The date of birth of a record that gives a birth date, an ID number, or both: the given date, or
/// the number's; both given must agree. Throws invalid_value naming `birth_field` when neither is
/// given or when they disagree (the message names the number's field and date too).
[[nodiscard]] inline date birth_date_of(const std::optional<date>& given, const std::optional<id_number>& id,
                                        std::string_view birth_field, std::string_view id_field) {
  if (!id) {
    if (!given)
      throw invalid_value(error_id::invalid_person, birth_field, "",
                          "is required (or an id_number, which gives the date of birth)");
    return *given;
  }
  const date from_id = id->birth_date();
  if (given && *given != from_id)
    throw invalid_value(error_id::invalid_person, birth_field, to_iso(*given),
                        "disagrees with " + std::string(id_field) + " '" + id->as_issued() +
                            "', whose date of birth is " + to_iso(from_id) +
                            ": give one of them, or correct one");
  return from_id;
}

} // namespace eldercare
