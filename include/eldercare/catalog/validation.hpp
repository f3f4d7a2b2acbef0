#pragma once
// The model against the published figures (issue 15). A figure model says how the catalog models a
// published count: which entry, over which synthetic profile, scaled to how many elders, on which
// date, varying which readings. Validating it draws a synthetic sample, runs the entry's
// interpretation sensitivity over it, scales each combination's eligible count and money to the
// city, and compares them with what the government reported:
//
//   implied take-up = published ÷ modelled eligible;      gap = (modelled − published) ÷ published.
//
// A reading under which the modelled eligible are fewer than the people actually paid, beyond the
// model's uncertainty, is *contradicted by the published figures*. The uncertainty has two parts:
//  * sampling: the modelled count is N·p̂ from k eligible of n drawn; its upper bound is
//    N·(p̂ + 2·√(p̂(1−p̂)/n)), or N·3/n when k = 0 (the "rule of three", a 95% bound);
//  * calibration: a relative margin u stated per model with its reason (the tags of the base
//    population and of the shares the rule reads: ±5% for a [V] count, up to ×2 for [A] shares).
// A combination is contradicted when published > upper × (1 + u). Where the profile was itself
// calibrated from the figure (Weihai's platform, Xicheng's 津冀蒙 stays), the comparison checks the
// calibration and is no evidence about a reading: its verdict is `calibrated`. The consistent
// combinations are ranked by how close their implied take-up is to 100%, on a log scale (|ln take-up|:
// the calibration margin is a factor, so 50% and 200% are as far), the closest first.

#include <algorithm> // std::sort
#include <cmath>     // std::sqrt, std::llround, std::log, std::abs
#include <cstdint>   // std::int64_t counts
#include <limits>    // infinity for an implied take-up over nobody
#include <span>      // a sample of persons
#include <string>
#include <string_view>
#include <vector>

#include "eldercare/batch/synthetic.hpp"
#include "eldercare/catalog/catalog.hpp"
#include "eldercare/catalog/published_figures.hpp"
#include "eldercare/catalog/sensitivity.hpp"

namespace eldercare {

/// What validating a combination of readings against a figure concludes.
enum class evidence_verdict {
  consistent,   ///< enough eligible people for the published count (take-up ≤ 100% within uncertainty)
  contradicted, ///< fewer eligible than the people paid, beyond the uncertainty
  calibrated,   ///< the profile was calibrated from this figure: a check, not evidence
};

template <>
struct enum_words<evidence_verdict> {
  static constexpr std::string_view type = "evidence_verdict";
  static constexpr error_id error = error_id::invalid_parameter;
  static constexpr std::array<word_entry<evidence_verdict>, 3> entries{{
      {evidence_verdict::consistent, "consistent"},
      {evidence_verdict::contradicted, "contradicted"},
      {evidence_verdict::calibrated, "calibrated"},
  }};
};

/// How many elders a synthetic sample stands for: a profile and its size.
struct population_base {
  synthetic_profile profile;
  std::int64_t elders;     ///< the elders the sample is scaled to
  std::string_view what;   ///< "户籍 60+, end of 2020"
  std::string_view source; ///< the publication
  std::string_view tag;    ///< [V], [C], [D], [K] (docs/calibration.md)

  /// The profile's own size (batch/synthetic.hpp, profile_size).
  static population_base of(synthetic_profile p) {
    const synthetic_profile_size s = profile_size(p);
    return {p, s.elders, s.what, s.source, s.tag};
  }
};

/// How the catalog models one published count.
struct figure_model {
  std::string_view figure;   ///< a recipients figure (published_figures)
  std::string_view spending; ///< the same scheme's spending figure, or ""
  population_base base;
  date on; ///< the evaluation date (and the sample's as_of)
  /// The readings varied (the figure speaks to them); the entry's other readings stay at their
  /// defaults.
  std::vector<std::string_view> readings;
  double uncertainty;                  ///< the relative calibration margin u
  std::string_view uncertainty_reason; ///< why u is what it is
  std::string_view calibrated_from;    ///< non-empty: the profile share taken from this figure
  std::string_view gap_note;           ///< what explains the gap (calibration, take-up, a reading)
};

/// One combination of readings against one figure.
struct validation_row {
  std::string figure_id;
  std::string policy_id;
  reading_set readings; ///< the varied readings' values
  bool is_default = false;
  std::int64_t published = 0;
  std::int64_t sample_size = 0;
  std::int64_t sample_eligible = 0;
  std::int64_t sample_undetermined = 0;
  std::int64_t modelled = 0;               ///< eligible, scaled to the base
  std::int64_t modelled_upper = 0;         ///< its upper bound with sampling and calibration uncertainty
  std::int64_t published_spending_fen = 0; ///< 0 when the seed gives no money for the scheme
  std::int64_t modelled_spending_fen = 0;  ///< money a year, scaled (per-year grants)
  double take_up = 0;                      ///< published ÷ modelled (infinity when modelled is 0)
  double gap_percent = 0;                  ///< (modelled − published) ÷ published × 100
  double spending_take_up = 0;             ///< published ÷ modelled money (0 when no money figure)
  double spending_gap_percent = 0;
  evidence_verdict verdict = evidence_verdict::consistent;
  int rank =
      0; ///< among the figure's consistent combinations, by |ln take-up|, the closest to 100% first; 0 else
};

/// Every figure the catalog can model, with its model (declared once; docs/validation.md shows them).
[[nodiscard]] inline std::vector<figure_model> figure_models() {
  const population_base xian = population_base::of(synthetic_profile::xian);
  const population_base weihai = population_base::of(synthetic_profile::weihai);
  const population_base xicheng = population_base::of(synthetic_profile::xicheng);
  constexpr std::string_view categories_margin =
      "the 低保, 特困 and 低收入 shares, the assessment rate and the ability levels are "
      "[K]/[A] national anchors, not Xi'an's (docs/calibration.md); the base count is [V]";
  const date xian_on = make_date(2022, 7, 1);
  return {
      {published::xian_care_recipients.id,
       published::xian_care_spending.id,
       xian,
       xian_on,
       {"xian.hardship", "xian.disability_level"},
       1.0,
       categories_margin,
       "",
       "The care subsidy reaches a small group (0.21% of 户籍 elders): the modelled count rests on [A] "
       "shares of 低保/特困 elders with an ability assessment at level 3-4."},
      {published::xian_rural_recipients.id,
       published::xian_rural_spending.id,
       xian,
       xian_on,
       {"xian.rural_scope", "xian.hardship", "xian.disability_level"},
       1.0,
       categories_margin,
       "",
       "Rural elders are 20% of the profile [K] (the census's 20.8% for all ages); the disabled or poor "
       "among them rest on [A] shares."},
      {published::xian_insurance_recipients.id,
       published::xian_insurance_spending.id,
       xian,
       xian_on,
       {"xian.special_hardship", "xian.disability_level"},
       1.0,
       categories_margin,
       "",
       "The insured group (28万, 15% of 户籍 elders) is read four ways; the 空巢 share (about half of "
       "elders [K]) dominates the wide readings."},
      {published::xian_advanced_age_recipients.id,
       published::xian_advanced_age_spending.id,
       xian,
       xian_on,
       {"xian.advanced_age_bands", "xian.annual_certification"},
       0.20,
       "The base is [V] (±5%); the age bands are the nation's [K] (Xi'an's were not found, and "
       "Xi'an is younger: 65+ were 11.3% of its people in 2018 against 13.5% nationally in 2020)",
       "",
       "Only age and hukou decide: 72万 of 181.35万 户籍 elders (39.7%) are paid, more than the 80+ (13.6% "
       "of elders nationally) and fewer than the 70+ (44%)."},
      {published::weihai_platform_members.id,
       "",
       weihai,
       make_date(2023, 7, 1),
       {"weihai.platform_conditions"},
       0.10,
       "The census base is [C]; the enrolment share is the figure itself",
       "the profile enrols 26.5% of Weihai elders in weihai.virtual_platform: 21万 of 793,416",
       "Enrolment on the platform is drawn from this figure (26.5%), so the comparison checks the "
       "calibration only."},
      {published::rongcheng_lunch_elders.id,
       "",
       weihai,
       make_date(2022, 2, 16),
       {"rongcheng.canteen_coverage", "rongcheng.hukou", "rongcheng.age_reference"},
       0.50,
       "Rongcheng's share of Weihai elders is its share of residents, 24.6% [C] (elders spread like "
       "residents [A]); its rural share, 37.2%, is for all ages [D from C], and villages are older than "
       "towns; "
       "the age bands are the nation's [K] (Weihai's were not found, and Weihai is older: 27.3% of its "
       "residents are 60+, against 18.7% nationally)",
       "",
       "Rongcheng's rural 80+ elders were not found in any publication. The profile gives Rongcheng about "
       "9,400 of them (its residents' share and rural share, the nation's age bands), fewer than the 1.5万 "
       "served: the readings that need a canteen in the village (65% of villages) are contradicted, and even "
       "a canteen for every village elder implies a take-up above 100%. The likely cause is the calibration "
       "(villages are older than the city, and 村居 also counts urban 居委会 communities), so the default, "
       "which rests on the seed's words, is kept."},
      {published::xicheng_cross_region_users.id,
       "",
       xicheng,
       make_date(2024, 1, 12),
       {"xicheng.min_age"},
       0.50,
       "The 津冀蒙 stay share is the figure itself over a [C] base; the seed counts everyone who ever "
       "chose (累计), the model those eligible on one day",
       "the profile gives 0.27% of Xicheng elders a 津冀蒙 stay: 1183 of 437,000",
       "A cumulative count (累计, since 2020) against those eligible on one day: the model's stays are "
       "drawn from this figure, so it checks the calibration only."},
  };
}

namespace detail::validation {
inline double ratio(std::int64_t a, std::int64_t b) {
  return b == 0 ? std::numeric_limits<double>::infinity() : static_cast<double>(a) / static_cast<double>(b);
}
inline double gap_percent(std::int64_t modelled, std::int64_t published) {
  return published == 0 ? 0.0
                        : 100.0 * static_cast<double>(modelled - published) / static_cast<double>(published);
}
/// k of n scaled to N, rounded to the nearest unit (the sample's share of the base).
inline std::int64_t scale(std::int64_t k, std::int64_t n, std::int64_t base) {
  return std::llround(static_cast<double>(k) * static_cast<double>(base) / static_cast<double>(n));
}
} // namespace detail::validation

/// The upper bound of a modelled count: k eligible of n drawn, scaled to `base`, with two standard
/// errors of sampling (the rule of three when k = 0) and the relative calibration margin u.
[[nodiscard]] inline std::int64_t modelled_upper_bound(std::int64_t k, std::int64_t n, std::int64_t base,
                                                       double u) {
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double share = k == 0 ? 3.0 / nn : p + 2.0 * std::sqrt(p * (1.0 - p) / nn);
  return std::llround(static_cast<double>(base) * share * (1.0 + u));
}

/// Validates `model` on a given sample (each person stands for base.elders ÷ sample.size() elders):
/// one row per combination of the model's readings, the defaults first.
[[nodiscard]] inline std::vector<validation_row> validate_model(const catalog& cat, const figure_model& model,
                                                                std::span<const person> sample,
                                                                const facility_registry* facilities) {
  namespace dv = detail::validation;
  const published_figure& fig = published_figure_at(model.figure, "figure_model.figure");
  if (sample.empty())
    throw invalid_value(error_id::invalid_parameter, "sample", "0 persons", "a validation needs a sample");
  const catalog_entry& entry = cat.at(fig.policy_id);
  // Hold every reading the model does not vary at its default.
  sensitivity_options options;
  for (const auto& name : detail::entry_readings(cat, entry)) {
    const bool varied = std::find(model.readings.begin(), model.readings.end(), name) != model.readings.end();
    if (!varied)
      if (const reading* r = cat.find_reading(name); r && r->enumerable)
        options.fixed.set(name, r->default_choice);
  }
  const sensitivity_report rep = sensitivity(cat, fig.policy_id, sample, model.on, facilities, options);
  const std::int64_t n = rep.persons;
  const std::int64_t spending =
      model.spending.empty() ? 0 : published_figure_at(model.spending, "figure_model.spending").value;
  std::vector<validation_row> rows;
  for (std::size_t c = 0; c < rep.combinations.size(); ++c) {
    const combination_outcome& out = rep.combinations[c];
    validation_row row;
    row.figure_id = std::string(fig.id);
    row.policy_id = std::string(fig.policy_id);
    for (const auto& name : rep.readings) row.readings.set(name, out.readings.chosen().at(name));
    row.is_default = c == rep.default_combination;
    row.published = fig.value;
    row.sample_size = n;
    row.sample_eligible = out.eligible;
    row.sample_undetermined = out.undetermined;
    row.modelled = dv::scale(out.eligible, n, model.base.elders);
    row.modelled_upper = modelled_upper_bound(out.eligible, n, model.base.elders, model.uncertainty);
    row.take_up = dv::ratio(row.published, row.modelled);
    row.gap_percent = dv::gap_percent(row.modelled, row.published);
    if (spending != 0) {
      row.published_spending_fen = spending;
      row.modelled_spending_fen = dv::scale(out.total.fen(), n, model.base.elders);
      row.spending_take_up = dv::ratio(spending, row.modelled_spending_fen);
      row.spending_gap_percent = dv::gap_percent(row.modelled_spending_fen, spending);
    }
    row.verdict = !model.calibrated_from.empty()       ? evidence_verdict::calibrated
                  : row.published > row.modelled_upper ? evidence_verdict::contradicted
                                                       : evidence_verdict::consistent;
    rows.push_back(std::move(row));
  }
  // Rank the consistent combinations by how close their implied take-up is to 100%, on a log scale
  // (the calibration margin is a factor too): 90% and 111% are as close; nobody modelled comes last.
  std::vector<validation_row*> consistent;
  for (auto& r : rows)
    if (r.verdict == evidence_verdict::consistent) consistent.push_back(&r);
  auto distance = [](const validation_row* r) {
    return r->modelled == 0 ? std::numeric_limits<double>::infinity() : std::abs(std::log(r->take_up));
  };
  std::stable_sort(
      consistent.begin(), consistent.end(),
      [&](const validation_row* a, const validation_row* b) { return distance(a) < distance(b); });
  for (std::size_t i = 0; i < consistent.size(); ++i) consistent[i]->rank = static_cast<int>(i + 1);
  return rows;
}

struct validation_options {
  std::size_t sample = 20'000; ///< persons drawn per model
  std::uint64_t seed = 2020;
};

/// Validates `model` on a synthetic sample of its profile drawn as of its date.
[[nodiscard]] inline std::vector<validation_row> validate_model(const catalog& cat, const figure_model& model,
                                                                const validation_options& options = {}) {
  synthetic_population gen(synthetic_options{.seed = options.seed,
                                             .profile = model.base.profile,
                                             .as_of = model.on,
                                             .under_60_share = 0.0,
                                             .id_prefix = "v"});
  const population_columns pop = gen.next(options.sample);
  std::vector<person> sample;
  sample.reserve(pop.size());
  for (std::size_t i = 0; i < pop.size(); ++i) sample.push_back(pop.to_person(i));
  return validate_model(cat, model, sample, &gen.facilities());
}

/// A planning norm assessed on published supply and census elders.
struct norm_check {
  std::string place;
  std::string norm_entry; ///< the catalog entry holding the norm
  std::string norm_id;
  std::string supply_figure; ///< the published figure of the supply
  service_area area;         ///< the published figures, as a service area
  std::string base_note;     ///< where the area's base (elders, beds) comes from
  norm_result result;
};

/// The planning norms the published figures can be checked against (declared once).
[[nodiscard]] inline std::vector<norm_check> norm_checks(const catalog& cat) {
  std::vector<norm_check> out;
  auto add = [&](std::string place, std::string entry, std::string norm, std::string figure, service_area a,
                 std::string note) {
    for (const auto& n : cat.norms_for(entry, {}))
      if (n.id == norm)
        out.push_back({std::move(place), entry, norm, std::move(figure), a, std::move(note), n.assess(a)});
  };
  // Xicheng: 296 meal points (seed 000) for 287,321 resident elders (2020 census, [D] from the
  // district's age table, chinacensus.org [C]).
  service_area xicheng{.id = "西城区", .region = region_code::from_number(110102)};
  xicheng.resident_elders = 287'321;
  xicheng.meal_points = published::xicheng_meal_points.value;
  const std::string census = "resident 60+ 287,321 (2020 census; the district's age table [C], summed [D])";
  add("西城区", "cn.beijing.xicheng.planning_norms", "meal_points_per_1000_elders",
      std::string(published::xicheng_meal_points.id), xicheng, census);
  add("西城区", "cn.beijing.xicheng.planning_norms", "meal_points_target_2024",
      std::string(published::xicheng_meal_points.id), xicheng, "the district's own target (seed 000)");
  // Weihai: 21,360 nursing beds of 38,366 (seed 001) against the 50% norm Xixian sets (seed 002).
  service_area weihai{.id = "威海市", .region = region_code::from_number(371000)};
  weihai.institution_beds = published::weihai_beds.value;
  weihai.nursing_beds = published::weihai_nursing_beds.value;
  add("威海市", "cn.shaanxi.xixian.planning_norms", "nursing_bed_share",
      std::string(published::weihai_nursing_beds.id), weihai,
      "Xixian's norm (seed 002) applied to Weihai's beds: Weihai states no bed norm");
  return out;
}

} // namespace eldercare
