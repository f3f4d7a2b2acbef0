#pragma once
// What a rule grants. Each kind of benefit is its own type (money per month is not money per year,
// and neither is an hour of home care), so adding the wrong things fails to compile; `benefit` holds
// any of them at run time.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "eldercare/core/error.hpp"
#include "eldercare/core/words.hpp"
#include "eldercare/money/money.hpp"

namespace eldercare {

enum class benefit_unit : std::uint8_t {
  money,           ///< quantity in fen
  service_hours,   ///< hours of purchased home-care service (购买服务时长)
  visits,          ///< visits (探访)
  meals,           ///< meals (助餐)
  priority_points, ///< points towards a waiting-list rank (轮候)
  service_place,   ///< a place (admission) in a service facility (入住名额), e.g. a rural regional centre
  device,          ///< a device given in kind (实物): a phone (话机), a call device (呼叫器)
};

template <>
struct enum_words<benefit_unit> {
  static constexpr std::string_view type = "benefit_unit";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<benefit_unit>, 7> entries{{
      {benefit_unit::money, "money"},
      {benefit_unit::service_hours, "service_hours"},
      {benefit_unit::visits, "visits"},
      {benefit_unit::meals, "meals"},
      {benefit_unit::priority_points, "priority_points"},
      {benefit_unit::service_place, "service_place"},
      {benefit_unit::device, "device"},
  }};
};

enum class benefit_period : std::uint8_t { per_month, per_year, per_day, one_off };

template <>
struct enum_words<benefit_period> {
  static constexpr std::string_view type = "benefit_period";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<benefit_period>, 4> entries{{
      {benefit_period::per_month, "per_month"},
      {benefit_period::per_year, "per_year"},
      {benefit_period::per_day, "per_day"},
      {benefit_period::one_off, "one_off"},
  }};
};

namespace detail {
inline std::string quantity_text(benefit_unit u, std::int64_t q) {
  switch (u) {
  case benefit_unit::money: return money::from_fen(q).to_string() + " yuan";
  case benefit_unit::service_hours: return std::to_string(q) + (q == 1 ? " service hour" : " service hours");
  case benefit_unit::visits: return std::to_string(q) + (q == 1 ? " visit" : " visits");
  case benefit_unit::meals: return std::to_string(q) + (q == 1 ? " meal" : " meals");
  case benefit_unit::priority_points: return std::to_string(q) + " priority points";
  case benefit_unit::service_place:
    return std::to_string(q) + (q == 1 ? " service place" : " service places");
  case benefit_unit::device: return std::to_string(q) + (q == 1 ? " device" : " devices");
  }
  return "?";
}
inline std::string period_text(benefit_period p) {
  switch (p) {
  case benefit_period::per_month: return " per month";
  case benefit_period::per_year: return " per year";
  case benefit_period::per_day: return " per day";
  case benefit_period::one_off: return " once";
  }
  return "";
}
} // namespace detail

/// A benefit of a fixed unit and period, e.g. money per month. Same-type benefits add; others don't.
template <benefit_unit Unit, benefit_period Period>
class benefit_amount {
public:
  static constexpr benefit_unit unit = Unit;
  static constexpr benefit_period period = Period;

  /// Money benefits are built from money...
  constexpr explicit benefit_amount(money m) requires(Unit == benefit_unit::money) : q_(m.fen()) {
    if (m.fen() < 0)
      throw invalid_value(error_id::invalid_parameter, "benefit", m.to_string(), "cannot be negative");
  }
  /// ...and the others from a whole count.
  constexpr explicit benefit_amount(std::int64_t count) requires(Unit != benefit_unit::money) : q_(count) {
    if (count < 0) throw invalid_value(error_id::invalid_parameter, "benefit", count, "cannot be negative");
  }

  /// The quantity in the unit's base (fen for money).
  [[nodiscard]] constexpr std::int64_t quantity() const noexcept { return q_; }
  [[nodiscard]] constexpr money amount() const noexcept requires(Unit == benefit_unit::money) {
    return money::from_fen(q_);
  }
  [[nodiscard]] std::string to_string() const {
    return detail::quantity_text(Unit, q_) + detail::period_text(Period);
  }

  friend constexpr benefit_amount operator+(benefit_amount a, benefit_amount b) {
    benefit_amount r = a;
    if (__builtin_add_overflow(a.q_, b.q_, &r.q_))
      throw invalid_value(error_id::invalid_parameter, "benefit", "+", "overflow");
    return r;
  }
  friend constexpr bool operator==(const benefit_amount&, const benefit_amount&) = default;
  friend constexpr auto operator<=>(const benefit_amount&, const benefit_amount&) = default;

private:
  std::int64_t q_ = 0;
};

using money_per_month = benefit_amount<benefit_unit::money, benefit_period::per_month>;
using money_per_year = benefit_amount<benefit_unit::money, benefit_period::per_year>;
using money_once = benefit_amount<benefit_unit::money, benefit_period::one_off>;
using service_hours_per_month = benefit_amount<benefit_unit::service_hours, benefit_period::per_month>;
using visits_per_month = benefit_amount<benefit_unit::visits, benefit_period::per_month>;
using meals_per_day = benefit_amount<benefit_unit::meals, benefit_period::per_day>;
using priority_points = benefit_amount<benefit_unit::priority_points, benefit_period::one_off>;
using service_places = benefit_amount<benefit_unit::service_place, benefit_period::one_off>;
using devices_once = benefit_amount<benefit_unit::device, benefit_period::one_off>;

/// Any benefit, chosen at run time.
class benefit {
public:
  template <benefit_unit U, benefit_period P>
  constexpr benefit(benefit_amount<U, P> b) noexcept // NOLINT: any typed benefit is a benefit
      : unit_(U), period_(P), q_(b.quantity()) {}

  /// From run-time parts (Python, reforms); throws for a negative quantity.
  [[nodiscard]] static benefit make(benefit_unit u, benefit_period p, std::int64_t quantity) {
    if (quantity < 0)
      throw invalid_value(error_id::invalid_parameter, "benefit.quantity", quantity, "cannot be negative");
    benefit b{money_once{money{}}};
    b.unit_ = u;
    b.period_ = p;
    b.q_ = quantity;
    return b;
  }

  [[nodiscard]] constexpr benefit_unit unit() const noexcept { return unit_; }
  [[nodiscard]] constexpr benefit_period period() const noexcept { return period_; }
  [[nodiscard]] constexpr std::int64_t quantity() const noexcept { return q_; }
  [[nodiscard]] constexpr bool is_money() const noexcept { return unit_ == benefit_unit::money; }
  /// The money amount per period; zero for non-money benefits.
  [[nodiscard]] constexpr money amount() const noexcept { return is_money() ? money::from_fen(q_) : money(); }
  /// Same unit and period: the two can be added or compared for "choose the higher".
  [[nodiscard]] constexpr bool commensurable(const benefit& o) const noexcept {
    return unit_ == o.unit_ && period_ == o.period_;
  }
  [[nodiscard]] std::string to_string() const {
    return detail::quantity_text(unit_, q_) + detail::period_text(period_);
  }

  /// This benefit and `o` added (their unit and period: `o`'s), checked: a sum past int64 throws
  /// invalid_value (invalid_money) naming `field`, never wraps round. The one addition of grants
  /// (a version's rules combined by sum, a bundle's components).
  [[nodiscard]] benefit plus(const benefit& o, std::string_view field) const {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(q_, o.q_, &sum))
      throw invalid_value(error_id::invalid_money, field, std::to_string(q_) + " + " + std::to_string(o.q_),
                          "the grants' sum overflows a 64-bit quantity (at most 9223372036854775807)");
    return make(o.unit_, o.period_, sum);
  }

  friend constexpr bool operator==(const benefit&, const benefit&) = default;

private:
  benefit_unit unit_;
  benefit_period period_;
  std::int64_t q_;
};

} // namespace eldercare
