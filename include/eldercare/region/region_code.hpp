#pragma once
// Administrative division codes (行政区划代码, GB/T 2260 and the MCA's yearly list): the 6-digit code of
// a province, prefecture or county, or a 9-digit township code (6-digit county + 3-digit 乡镇/街道, as
// in the NBS statistical codes). A region_code is always valid: it can only be made by parse() or
// from_number(), which check it against the bundled table (region_table.hpp): any code that any MCA
// list since 1980-12 had, current or abolished.
//
// Codes are temporal (DOMAIN.md B.2): abolished codes such as 110104 宣武区 still appear in ID numbers
// and old records. They are accepted and kept as recorded (value() does not change). Their history
// is in the table: in_force_on(), name_on(), successors(), current_codes_on(), history(). Nothing
// maps them implicitly: whether 宣武 counts as 西城 for a rule is that rule's decision (hukou_in's
// legacy_code_reading).

#include <algorithm>   // std::find for de-duplicating successors
#include <compare>     // operator<=>
#include <cstddef>     // std::size_t for std::hash
#include <cstdint>     // std::uint32_t
#include <functional>  // std::hash specialisation, for unordered containers
#include <optional>    // a period's open end
#include <string>      // to_string, error messages
#include <string_view> // parse input, names
#include <utility>     // std::move
#include <vector>      // successors, history

#include "eldercare/calendar/date.hpp"
#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/region/region_table.hpp"

namespace eldercare {

/// Where a code sits in the hierarchy (省级 / 地级 / 县级 / 乡级).
enum class region_level { province, prefecture, county, township };

template <>
struct enum_words<region_level> {
  static constexpr std::string_view type = "region_level";
  static constexpr error_id error = error_id::invalid_region;
  static constexpr std::array<word_entry<region_level>, 4> entries{{
      {region_level::province, "province"},
      {region_level::prefecture, "prefecture"},
      {region_level::county, "county"},
      {region_level::township, "township"},
  }};
};

/// "province", "prefecture", "county" or "township".
[[nodiscard]] constexpr std::string_view to_string(region_level level) noexcept { return to_word(level); }

struct region_period;

/// A checked GB/T 2260 / MCA division code, or a 9-digit township code under a known county.
///
/// Levels are read from the digits (DOMAIN.md B.2): XX0000 province; XXYY00 prefecture, including
/// the municipal roll-ups 110100 / 120100 (市辖区) and the prefecture-level cities without counties
/// (东莞 441900); any other 6-digit code county; 9 digits township.
///
/// Equality is on the code as recorded (110104 != 110102). Ordering is hierarchical: a parent sorts
/// before its children (110101 < 110101001 < 110102). There is deliberately no conversion from or
/// comparison with integers: write region_code::from_number(110102).
class region_code {
public:
  /// Parses exactly 6 digits ("110102") or 9 digits ("610112008"); no spaces or signs.
  /// Throws invalid_value (error_id::invalid_region) naming `field` and the text when the text is
  /// malformed, the 6-digit code is not in the bundled table, or the township's county is unknown.
  [[nodiscard]] static constexpr region_code parse(std::string_view text, std::string_view field = "region") {
    bool digits_only = !text.empty();
    for (const char ch : text) digits_only = digits_only && ch >= '0' && ch <= '9';
    if (!digits_only)
      throw invalid_value(error_id::invalid_region, field, text,
                          "expected a division code of 6 digits (e.g. 110102) or a 9-digit "
                          "township code (e.g. 610112008)");
    if (text.size() != 6 && text.size() != 9) throw bad_length(text, field);
    std::uint32_t v = 0;
    for (const char ch : text) v = v * 10 + static_cast<std::uint32_t>(ch - '0');
    return text.size() == 6 ? checked_six(v, field, text) : checked_nine(v, field, text);
  }

  /// The same checks for a code held as a number: 6 digits (100000-999999) or 9 digits.
  [[nodiscard]] static constexpr region_code from_number(std::uint32_t code,
                                                         std::string_view field = "region") {
    // An empty text tells the checks to format the number, only when they throw.
    if (code >= 100000 && code <= 999999) return checked_six(code, field, {});
    if (code >= 100000000 && code <= 999999999) return checked_nine(code, field, {});
    throw bad_length(std::to_string(code), field);
  }

  /// The code as recorded: 110104 stays 110104 (see current()).
  [[nodiscard]] constexpr std::uint32_t value() const noexcept { return value_; }

  [[nodiscard]] constexpr region_level level() const noexcept {
    if (value_ > 999999) return region_level::township;
    if (value_ % 10000 == 0) return region_level::province;
    if (value_ % 100 == 0) return region_level::prefecture;
    return region_level::county;
  }

  /// The code padded to 9 digits (110102 -> 110102000, 610112008 unchanged). Distinct codes have
  /// distinct keys (township part 000 is rejected), and a parent's key is its child's key with the
  /// trailing digits zeroed, which is what ordering and region_set look-ups use.
  [[nodiscard]] constexpr std::uint32_t hierarchy_key() const noexcept {
    return value_ > 999999 ? value_ : value_ * 1000;
  }

  /// The province (省级): 110102 -> 110000. A province is its own province.
  [[nodiscard]] constexpr region_code province() const noexcept {
    return region_code(hierarchy_key() / 10000000 * 10000);
  }

  /// Whether the code sits under a prefecture-level unit. False for a province, and for a county
  /// coded directly under its province with prefecture digits 00: Hainan's 4600xx codes of 1988-2002
  /// (460001 通什市, 460021 琼山县 ...), from before the 4690xx 省直辖 grouping existed.
  [[nodiscard]] constexpr bool has_prefecture() const noexcept {
    return level() != region_level::province && hierarchy_key() / 100000 % 100 != 0;
  }

  /// The prefecture (地级): 131082 -> 131000, 110102 -> 110100 (municipal roll-up 市辖区), 110228 ->
  /// 110200 (the former 县 roll-up), 419001 -> 419000 (省直辖县级行政单位), 610112008 -> 610100. A
  /// prefecture is its own prefecture. Throws invalid_value where has_prefecture() is false: a
  /// province, or a county coded directly under its province (460001: its first four digits, 4600,
  /// would be the province itself).
  [[nodiscard]] constexpr region_code prefecture() const {
    if (level() == region_level::province)
      throw invalid_value(error_id::invalid_region, "region", to_string(),
                          "a province-level code has no prefecture");
    if (!has_prefecture())
      throw invalid_value(error_id::invalid_region, "region", to_string(),
                          "a county coded directly under its province (prefecture digits 00) has "
                          "no prefecture");
    return region_code(hierarchy_key() / 100000 * 100);
  }

  /// The county (县级): a county is its own county; a township gives its first 6 digits (for towns
  /// directly under a prefecture-level city such as 东莞 441900003 that is the prefecture, 441900).
  /// Throws invalid_value for a province or prefecture, which are above county level.
  [[nodiscard]] constexpr region_code county() const {
    const region_level l = level();
    if (l == region_level::province || l == region_level::prefecture)
      throw invalid_value(error_id::invalid_region, "region", to_string(),
                          std::string("a ") + std::string(eldercare::to_string(l)) +
                              "-level code has no county");
    return region_code(hierarchy_key() / 1000);
  }

  /// Ancestor-or-self, by digits: a province contains its prefectures, counties and townships, a
  /// prefecture its counties and townships, a county its townships; every code contains itself.
  /// Abolished codes are compared as recorded: 110000 contains 110104 and 320000 contains 320103
  /// (an abolished county is still inside its province); 110102 does not contain 110104 (use
  /// current() or current_codes_on()).
  [[nodiscard]] constexpr bool contains(const region_code& other) const noexcept {
    std::uint32_t unit = 1;
    switch (level()) {
    case region_level::province: unit = 10000000; break;
    case region_level::prefecture: unit = 100000; break;
    case region_level::county: unit = 1000; break;
    case region_level::township: unit = 1; break;
    }
    return hierarchy_key() / unit == other.hierarchy_key() / unit;
  }

  /// An abolished code: not in the newest list (110103 崇文区, 110104 宣武区, 320103 白下区 ...). A
  /// township is never legacy (one under an abolished county is refused).
  [[nodiscard]] constexpr bool is_legacy() const noexcept {
    if (value_ > 999999) return false;
    const auto e = region_table::find(value_);
    return e && !e->in_force_now();
  }

  /// The one current code this code's area went to, following successors through the lists
  /// (110104 宣武区 -> 110102 西城区; 110228 密云县 -> 110118 密云区); a current code or a township
  /// is itself. When the area went to several codes (330104 江干区 -> 上城区 and 钱塘区) or its
  /// successor is unknown there is no one code: the code itself is returned (see current_codes()).
  [[nodiscard]] constexpr region_code current() const noexcept {
    if (value_ > 999999) return *this;
    std::uint32_t v = value_;
    for (int step = 0; step < 64; ++step) { // successors move forward in time: a chain is short
      const auto e = region_table::find(v);
      if (!e) return *this; // unreachable: successors are table codes (checked by the generator)
      if (e->in_force_now()) return region_code(v);
      const auto next = e->latest().successors();
      if (next.size() != 1) return *this;
      v = next[0];
    }
    return *this;
  }

  /// "110102" or "610112008".
  [[nodiscard]] std::string to_string() const { return std::to_string(value_); }

  /// The Chinese name from the bundled table: a current code's name, an abolished code's last name
  /// ("宣武区" for 110104); "" for a township the table has no name for.
  [[nodiscard]] constexpr std::string_view name() const noexcept {
    if (value_ > 999999) return region_table::township_name(value_).value_or(std::string_view{});
    const auto e = region_table::find(value_);
    return e ? e->name() : std::string_view{};
  }

  /// True when the MCA list of `d`'s month shows this code (a township: its county). The lists are
  /// dated by month and yearly before 2015: a change counts from the month of the first list that
  /// shows it. Nothing is in force before the first list (1980-12); after the newest (2021-12) the
  /// codes of the newest list are.
  [[nodiscard]] bool in_force_on(const date& d) const noexcept {
    const auto e = region_table::find(six_digits());
    return e && e->period_on(month_of(d)).has_value();
  }

  /// The name this code had on `d` ("" when it was not in force then; a township: its own name
  /// while its county was in force). 420600 is 襄樊市 in 2009 and 襄阳市 in 2011.
  [[nodiscard]] std::string_view name_on(const date& d) const noexcept {
    if (!in_force_on(d)) return {};
    if (value_ > 999999) return name();
    return region_table::find(value_)->period_on(month_of(d))->name();
  }

  /// The codes that took over this code's area when it was last abolished: one for a merger or a
  /// renumbering (320103 白下区 -> 320104 秦淮区), several for a split (330104 江干区 -> 330102, 330114).
  /// Empty for a code in force today, a township, and an abolished code whose successor is unknown.
  [[nodiscard]] std::vector<region_code> successors() const {
    std::vector<region_code> out;
    if (value_ > 999999) return out;
    const auto latest = region_table::find(value_)->latest();
    for (const std::uint32_t s : latest.successors()) out.push_back(region_code(s));
    return out;
  }

  /// The codes in force on `d` that stand for this code, following successors through the lists:
  /// the code itself when it is in force on `d` (or not yet created then); for an abolished code
  /// the codes its area went to, as they were on `d` (several after a split); empty when somewhere
  /// on the way the successor is unknown. Townships are themselves.
  [[nodiscard]] std::vector<region_code> current_codes_on(const date& d) const {
    std::vector<region_code> out;
    if (value_ > 999999) return {*this};
    if (!follow(value_, month_of(d), out, 0)) out.clear();
    return out;
  }

  /// current_codes_on() for the newest list (2021-12): the codes in force today.
  [[nodiscard]] std::vector<region_code> current_codes() const {
    std::vector<region_code> out;
    if (value_ > 999999) return {*this};
    if (!follow(value_, region_table::newest_list(), out, 0)) out.clear();
    return out;
  }

  /// The code's periods in the lists, oldest first (a township: its county's). 110228: 密云县 from
  /// 1983-12 until 2015-11, abolished, successor 110118 密云区.
  [[nodiscard]] std::vector<region_period> history() const;

  friend constexpr bool operator==(const region_code&, const region_code&) = default;
  friend constexpr std::strong_ordering operator<=>(const region_code& a, const region_code& b) noexcept {
    return a.hierarchy_key() <=> b.hierarchy_key();
  }

private:
  constexpr explicit region_code(std::uint32_t v) noexcept : value_(v) {}

  static invalid_value bad_length(std::string_view text, std::string_view field) {
    std::string why = "has " + std::to_string(text.size()) +
                      " digits; expected 6 (province, prefecture or county, e.g. 110102) or 9 "
                      "(township, e.g. 610112008)";
    if (text.size() == 12)
      why += "; for a 12-digit NBS statistical code give its first 9 digits (township) or first 6 "
             "(county)";
    return invalid_value(error_id::invalid_region, field, text, why);
  }

  // Why a 6-digit number is not in the table, worded for the person who typed it.
  static std::string unknown_six_why(std::uint32_t v) {
    const std::uint32_t county_digits = v % 100;
    // 威海's three zones are named in DOMAIN.md B.2 [V]; other 7x county digits are the same pattern.
    const bool known_zone = v == 371071 || v == 371072 || v == 371073;
    if (known_zone || (v % 10000 != 0 && county_digits >= 71 && county_digits <= 79))
      return std::string(known_zone ? "is" : "looks like") +
             " an NBS statistical code for a development zone (county digits 7x, e.g. 371071 "
             "威海火炬高技术产业开发区), not a GB/T 2260 / MCA division code: use the district or "
             "county that legally contains the zone";
    return "not a division code in the bundled table (" + std::string(region_table::coverage) + ")";
  }

  // An unknown code's error: the caller's text quoted, or the number unquoted when it came as one.
  [[noreturn]] static void refuse(std::uint32_t v, std::string_view field, std::string_view text,
                                  const std::string& why) {
    if (text.empty()) throw invalid_value(error_id::invalid_region, field, v, why);
    throw invalid_value(error_id::invalid_region, field, text, why);
  }

  // The list month of a date.
  static region_table::list_month month_of(const date& d) noexcept {
    return region_table::month_of(static_cast<int>(d.year()), static_cast<int>(d.month()));
  }
  static date first_day(region_table::list_month m) {
    return make_date(region_table::year_of(m), region_table::month_in_year(m), 1);
  }
  [[nodiscard]] constexpr std::uint32_t six_digits() const noexcept {
    return value_ > 999999 ? value_ / 1000 : value_;
  }

  // Appends to `out` the codes in force in month `m` that stand for `code` (see current_codes_on);
  // false when a successor on the way is unknown. Each step goes to a later abolition, so the depth
  // is bounded by the number of lists; the guard only protects against a corrupt table.
  static bool follow(std::uint32_t code, region_table::list_month m, std::vector<region_code>& out,
                     int depth) {
    const auto e = region_table::find(code);
    if (!e || depth > 100) return false;
    const auto gone = e->period_on(m) ? std::nullopt : e->abolished_by(m);
    if (!gone) { // in force on that date, or not yet created: itself
      if (std::find(out.begin(), out.end(), region_code(code)) == out.end()) out.push_back(region_code(code));
      return true;
    }
    if (gone->successors().empty()) return false;
    for (const std::uint32_t s : gone->successors())
      if (!follow(s, m, out, depth + 1)) return false;
    return true;
  }

  static constexpr region_code checked_six(std::uint32_t v, std::string_view field, std::string_view text) {
    if (!region_table::find(v)) refuse(v, field, text, unknown_six_why(v));
    return region_code(v);
  }

  static constexpr region_code checked_nine(std::uint32_t v, std::string_view field, std::string_view text) {
    const std::uint32_t parent = v / 1000;
    if (v % 1000 == 0)
      refuse(v, field, text,
             "township part 000 is not a township; give the 6-digit code " + std::to_string(parent) +
                 " instead");
    const auto r = region_table::find(parent);
    if (!r)
      refuse(v, field, text,
             "its first 6 digits " + std::to_string(parent) +
                 " are not a known county: " + unknown_six_why(parent));
    if (!r->in_force_now())
      refuse(v, field, text,
             "its first 6 digits are the abolished code " + std::to_string(parent) + " (" +
                 std::string(r->name()) +
                 "); township codes under an abolished county cannot be mapped to "
                 "current ones: give the current township code, or the 6-digit code");
    if (parent % 100 == 0 && (parent % 10000 == 0 || region_table::has_children(parent)))
      refuse(v, field, text,
             "its first 6 digits " + std::to_string(parent) + " (" + std::string(r->name()) + ") are a " +
                 (parent % 10000 == 0 ? "province" : "prefecture") +
                 ", not a county: a township code is a county code + 3 digits");
    return region_code(v);
  }

  std::uint32_t value_;
};

/// One span of consecutive MCA lists in which a code appears under one name (region_code::history()).
struct region_period {
  date from;                    ///< first day of the month of the first list that has it
  std::optional<date> until;    ///< first day of the month of the first list without it, or renaming it
  std::string_view name;        ///< its name in those lists
  region_table::period_end end; ///< in_force, renamed, or abolished (successors inferred, by_hand, unknown)
  std::vector<region_code> successors; ///< where its area went, when abolished and known
};

inline std::vector<region_period> region_code::history() const {
  std::vector<region_period> out;
  const auto e = region_table::find(six_digits());
  for (std::size_t k = 0; k < e->period_count(); ++k) {
    const region_table::period p = e->period_at(k);
    region_period q{first_day(p.from()), std::nullopt, p.name(), p.end(), {}};
    if (p.until()) q.until = first_day(*p.until());
    for (const std::uint32_t s : p.successors()) q.successors.push_back(region_code(s));
    out.push_back(std::move(q));
  }
  return out;
}

} // namespace eldercare

/// Hashes the recorded code, so region_code can key unordered containers.
template <>
struct std::hash<eldercare::region_code> {
  std::size_t operator()(const eldercare::region_code& c) const noexcept {
    return std::hash<std::uint32_t>{}(c.value());
  }
};
