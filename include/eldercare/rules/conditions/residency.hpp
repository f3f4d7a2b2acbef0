#pragma once
// Where a person is registered (户籍) and where they live.

#include <algorithm> // std::all_of over the codes a legacy code stands for
#include <cstddef>   // std::size_t
#include <string>
#include <string_view> // the leaves' declarations
#include <vector>      // the codes a legacy code stands for

#include "eldercare/core/words.hpp"
#include "eldercare/region/region_set.hpp"
#include "eldercare/rules/condition.hpp"
#include "eldercare/rules/leaf.hpp"

namespace eldercare {

/// How an abolished division code on a record is read (Xuanwu 110104 was merged into Xicheng in 2010;
/// old records and ID numbers still carry it). No source settles it for the catalog's rules.
enum class legacy_code_reading {
  /// default [assumed]: a code not in force on the evaluation date counts as the codes its area went
  /// to, as they stood on that date (region_code::current_codes_on, following the bundled history):
  /// 110104 counts as 西城 110102. After a split (330104 江干区 -> 上城区 330102 and 钱塘区 330114)
  /// the record cannot say which part the person lived in, so the code is in a set only when ALL of
  /// them are. When the successor is unknown the code is read as recorded. A code in force on the
  /// date (宣武 before 2010) is read as recorded.
  as_successor,
  as_recorded, ///< only the code as recorded counts
};

template <>
struct enum_words<legacy_code_reading> {
  static constexpr std::string_view type = "legacy_code_reading";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<legacy_code_reading>, 2> entries{{
      {legacy_code_reading::as_successor, "as_successor"},
      {legacy_code_reading::as_recorded, "as_recorded"},
  }};
};

template <class S>
concept HasHukou = requires(const S& s) {
  { s.hukou.region } -> std::convertible_to<region_code>;
};
template <class S>
concept HasResidence = requires(const S& s) {
  { s.residence.region } -> std::convertible_to<region_code>;
  { s.residence.rural } -> std::convertible_to<bool>;
};

namespace detail {
/// The regions of a blank region leaf (rules/leaf.hpp), replaced before the leaf is used.
inline region_set no_regions() { return region_set("none", {}); }

inline std::string region_text(const region_code& c) {
  std::string s = c.to_string();
  if (!c.name().empty()) {
    s += ' '; // appended, not `" " + std::string(...)`: see categories_text in ability.hpp (GCC 12)
    s += c.name();
  }
  return s;
}
} // namespace detail

/// 户籍 in one of `regions` ("西城户籍老年人").
struct hukou_in : condition_tag {
  static constexpr std::string_view kind = "hukou_in";
  static constexpr row_fields reads = row_fields::hukou;
  static constexpr std::string_view doc = "户籍 in `regions` (\"西城户籍老年人\").";

  region_set regions;
  legacy_code_reading legacy = legacy_code_reading::as_successor;

  explicit hukou_in(region_set r, legacy_code_reading l = legacy_code_reading::as_successor)
      : regions(std::move(r)), legacy(l) {}

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("regions", "The regions of registration."), self.regions);
    v(leaf_param("legacy",
                 "How an abolished code on the record reads: by default 110104 宣武 counts as 110102 西城 "
                 "(the area is Xicheng today); \"as_recorded\" counts only the code as recorded.")
          .by_name(),
      self.legacy, legacy_code_reading::as_successor);
  }

  template <HasHukou Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const region_code& recorded = ctx.subject.hukou.region;
    // The codes the record stands for on the date; empty: read as recorded (see legacy_code_reading).
    std::vector<region_code> read;
    bool unknown = false; // abolished by that date, and where its area went is not known
    if (legacy == legacy_code_reading::as_successor && !recorded.in_force_on(ctx.on)) {
      read = recorded.current_codes_on(ctx.on);
      unknown = read.empty();
      if (read.size() == 1 && read.front() == recorded) read.clear(); // not yet created on that date
    }
    const bool ok = read.empty() ? regions.contains(recorded)
                                 : std::all_of(read.begin(), read.end(),
                                               [&](const region_code& c) { return regions.contains(c); });
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"hukou.region", detail::region_text(recorded)}};
      if (read.size() == 1) r.note = "legacy code read as " + detail::region_text(read.front());
      if (read.size() > 1) {
        r.note = "legacy code read as ";
        for (std::size_t i = 0; i < read.size(); ++i) {
          if (i > 0) r.note += i + 1 == read.size() ? " and " : ", ";
          r.note += detail::region_text(read[i]);
        }
        r.note += " (its area was split: all must be in the set)";
      }
      if (unknown) r.note = "abolished code with no known successor, read as recorded";
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "hukou in " + regions.to_string(); }

protected:
  hukou_in() : regions(detail::no_regions()) {} // blank (rules/leaf.hpp)
};

/// Lives (居住地) in one of `regions`.
struct lives_in : condition_tag {
  static constexpr std::string_view kind = "lives_in";
  static constexpr row_fields reads = row_fields::residence;
  static constexpr std::string_view doc = "Lives (居住地) in `regions`.";

  region_set regions;

  explicit lives_in(region_set r) : regions(std::move(r)) {}

  template <class Self, class V>
  static void fields(Self& self, V&& v) {
    v(leaf_param("regions", "The regions of residence."), self.regions);
  }

  template <HasResidence Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = regions.contains(ctx.subject.residence.region);
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"residence.region", detail::region_text(ctx.subject.residence.region)}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "lives in " + regions.to_string(); }

protected:
  lives_in() : regions(detail::no_regions()) {} // blank (rules/leaf.hpp)
};

/// Lives in a rural area (a village, NBS urban-rural class 2xx), decided by residence, not hukou type.
struct lives_rural : condition_tag {
  static constexpr std::string_view kind = "lives_rural";
  static constexpr row_fields reads = row_fields::rural;
  static constexpr std::string_view doc =
      "Lives in a rural area (a village), decided by residence, not by hukou type.";

  template <class Self, class V>
  static void fields(Self&, V&&) {} // no parameters

  template <HasResidence Subject, class Sink>
  bool evaluate(const context<Subject>& ctx, Sink& sink) const {
    const bool ok = ctx.subject.residence.rural;
    sink.leaf([&] {
      reason r;
      r.condition = describe();
      r.passed = ok;
      r.facts = {{"residence.rural", ok ? "true" : "false"}};
      return r;
    });
    return ok;
  }
  [[nodiscard]] std::string describe() const { return "lives in a rural area (by residence)"; }
};

} // namespace eldercare
