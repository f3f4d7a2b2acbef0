#pragma once
// Interpretation sensitivity: evaluate a catalog entry under every combination of the open readings
// it depends on, and report which outcomes and how much money depend on which reading. This tells an
// analyst what the text leaves undecided, person by person and in total.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "eldercare/catalog/catalog.hpp"
#include "eldercare/rules/schedule.hpp"

namespace eldercare {

struct sensitivity_options {
  /// Measure money over [first, last] with the entry's schedule (so readings that only act on
  /// schedules, such as back-pay, show up); when empty, the monthly amount on the evaluation date.
  std::optional<std::pair<date, date>> period;
  /// Readings held fixed at these values (not varied).
  reading_set fixed;
  /// Refuse to enumerate more combinations than this.
  std::size_t max_combinations = 1u << 14;
};

/// One combination of readings and what it gives over the population.
struct combination_outcome {
  reading_set readings;
  std::int64_t eligible = 0; ///< persons with a grant (on the date, or in some month of the period)
  money total;               ///< money over the population (per month on the date, or over the period)
  /// Non-money grants summed in their own units (service hours, meals, visits, places, points):
  /// per period on the date, or summed over the months of the period.
  std::int64_t other_quantity = 0;
  /// Persons whose outcome is undetermined (before a scheme's first known date, known_start): on the
  /// date, or in some month of the period. Their unknown amounts are not in `total` (counted apart,
  /// never as 0 owed).
  std::int64_t undetermined = 0;
};

/// What varying one reading alone (others held at each of their combinations) changes.
struct reading_effect {
  std::string reading;
  std::vector<std::string> values;        ///< its choices, default first
  std::vector<money> total_with_defaults; ///< total when only this reading takes each value
  money max_total_change;                 ///< largest |Δ total| between two combinations differing only here
  std::int64_t persons_affected = 0; ///< persons whose outcome changes with this reading in some combination
};

struct sensitivity_report {
  std::string policy_id;
  date on;
  std::vector<std::string> readings; ///< the readings varied
  std::vector<combination_outcome> combinations;
  std::size_t default_combination = 0; ///< index of the all-defaults combination
  std::vector<reading_effect> effects;
  money min_total, max_total;
  std::int64_t persons = 0;
  std::int64_t persons_undecided = 0; ///< persons whose outcome differs between combinations
  std::vector<std::string> undecided_person_ids;

  /// A short table in words.
  [[nodiscard]] std::string to_string() const {
    std::string s = "interpretation sensitivity of " + policy_id + " (" +
                    std::to_string(combinations.size()) + " combinations of " +
                    std::to_string(readings.size()) + " readings, " + std::to_string(persons) + " persons)\n";
    s += "  total under the default readings: " + combinations[default_combination].total.to_string() +
         " yuan; range " + min_total.to_string() + " – " + max_total.to_string() + " yuan\n";
    s += "  persons whose outcome depends on the readings: " + std::to_string(persons_undecided) + "\n";
    if (const auto u = combinations[default_combination].undetermined; u > 0)
      s +=
          "  persons undetermined under the default readings (before a scheme's first known date; not in the "
          "totals): " +
          std::to_string(u) + "\n";
    for (const auto& e : effects) {
      s += "  " + e.reading + ": ";
      if (e.persons_affected == 0) {
        s += "no effect\n";
        continue;
      }
      s += "affects " + std::to_string(e.persons_affected) + " persons, up to " +
           e.max_total_change.to_string() + " yuan; with defaults:";
      for (std::size_t i = 0; i < e.values.size(); ++i)
        s += " " + e.values[i] + " → " + e.total_with_defaults[i].to_string();
      s += "\n";
    }
    return s;
  }
};

namespace detail {
inline std::vector<std::string> entry_readings(const catalog& c, const catalog_entry& e) {
  std::vector<std::string> names = e.readings;
  for (const auto& cid : e.components)
    for (const auto& n : c.at(cid).readings)
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  return names;
}
} // namespace detail

/// Evaluates `id` for `persons` under every combination of the enumerable readings the entry
/// depends on (those not in options.fixed), and summarises the differences.
[[nodiscard]] inline sensitivity_report sensitivity(const catalog& cat, std::string_view id,
                                                    std::span<const person> persons, const date& on,
                                                    const facility_registry* facilities = nullptr,
                                                    const sensitivity_options& options = {}) {
  const catalog_entry& entry = cat.at(id);
  cat.check(options.fixed);
  sensitivity_report rep;
  rep.policy_id = entry.id;
  rep.on = on;
  rep.persons = static_cast<std::int64_t>(persons.size());
  std::vector<const reading*> varied;
  for (const auto& name : detail::entry_readings(cat, entry)) {
    const reading* r = cat.find_reading(name);
    if (r && r->enumerable && !options.fixed.has(name) && r->choices.size() > 1) varied.push_back(r);
  }
  // Mixed-radix enumeration; digit 0 of each reading is its default.
  std::vector<std::vector<std::string>> values;
  std::size_t count = 1;
  for (const reading* r : varied) {
    std::vector<std::string> v{r->default_choice};
    for (const auto& c : r->choices)
      if (c.value != r->default_choice) v.push_back(c.value);
    count *= v.size();
    if (count > options.max_combinations)
      throw invalid_value(error_id::invalid_parameter, "sensitivity.max_combinations",
                          options.max_combinations, entry.id + " has more reading combinations than this");
    rep.readings.push_back(r->name);
    values.push_back(std::move(v));
  }
  // fen[c][i]: person i's outcome under combination c (money in fen, else a non-money quantity).
  std::vector<std::vector<std::int64_t>> fen(count, std::vector<std::int64_t>(persons.size(), 0));
  std::vector<std::vector<char>> got(count, std::vector<char>(persons.size(), 0));
  for (std::size_t c = 0; c < count; ++c) {
    reading_set rs = options.fixed;
    std::size_t rest = c;
    for (std::size_t k = 0; k < varied.size(); ++k) {
      rs.set(varied[k]->name, values[k][rest % values[k].size()]);
      rest /= values[k].size();
    }
    combination_outcome out;
    out.readings = rs;
    // Bundles go through catalog::evaluate; single policies are built once per combination.
    const bool bundle = !entry.components.empty();
    std::optional<policy> built;
    std::vector<policy> parts; // a bundle's components, built once per combination, not per person
    if (!bundle) built = cat.policy_for(id, rs);
    else if (options.period)
      for (const auto& cid : entry.components) parts.push_back(cat.policy_for(cid, rs));
    for (std::size_t i = 0; i < persons.size(); ++i) {
      money m;
      std::int64_t other = 0; // non-money grants in their own unit
      bool any = false;
      bool unknown = false; // undetermined on the date, or in a month of the period
      auto add_lines = [&](const std::vector<schedule_line>& lines) {
        for (const auto& l : lines) {
          any = any || l.eligible;
          unknown = unknown || !l.determined();
          if (l.granted && !l.granted->is_money()) other += l.granted->quantity();
        }
        m += total(lines);
      };
      if (options.period) {
        if (bundle) {
          for (const auto& part : parts)
            add_lines(schedule(part, persons[i], options.period->first, options.period->second, facilities));
        } else {
          add_lines(schedule(*built, persons[i], options.period->first, options.period->second, facilities));
        }
      } else {
        const decision d = bundle ? cat.evaluate(id, persons[i], on, facilities, rs)
                                  : evaluate(*built, persons[i], on, facilities);
        any = d.eligible;
        unknown = d.status == decision_status::undetermined;
        m = d.amount();
        if (d.granted && !d.granted->is_money()) other = d.granted->quantity();
      }
      // A person's outcome: money in fen, or the quantity of a non-money grant (hours, meals...), and
      // whether it was granted (1), or is undetermined (2).
      fen[c][i] = m.fen() != 0 ? m.fen() : other;
      got[c][i] = static_cast<char>(unknown ? 2 : any ? 1 : 0);
      out.total += m;
      out.other_quantity += other;
      out.eligible += any ? 1 : 0;
      out.undetermined += unknown ? 1 : 0;
    }
    rep.combinations.push_back(std::move(out));
  }
  rep.min_total = rep.max_total = rep.combinations.front().total;
  for (const auto& c : rep.combinations) {
    rep.min_total = std::min(rep.min_total, c.total);
    rep.max_total = std::max(rep.max_total, c.total);
  }
  for (std::size_t i = 0; i < persons.size(); ++i) {
    bool differs = false;
    for (std::size_t c = 1; c < count && !differs; ++c)
      differs = fen[c][i] != fen[0][i] || got[c][i] != got[0][i];
    if (differs) {
      ++rep.persons_undecided;
      rep.undecided_person_ids.push_back(persons[i].id);
    }
  }
  // Effects: pairs of combinations differing only in reading k.
  std::size_t stride = 1;
  for (std::size_t k = 0; k < varied.size(); ++k) {
    reading_effect e;
    e.reading = varied[k]->name;
    e.values = values[k];
    const std::size_t radix = values[k].size();
    for (std::size_t v = 0; v < radix; ++v)
      e.total_with_defaults.push_back(rep.combinations[v * stride].total);
    std::vector<char> affected(persons.size(), 0);
    for (std::size_t c = 0; c < count; ++c) {
      if ((c / stride) % radix != 0) continue; // base combinations: reading k at its default
      for (std::size_t v = 1; v < radix; ++v) {
        const std::size_t o = c + v * stride;
        const money diff = rep.combinations[o].total - rep.combinations[c].total;
        const money abs = diff < money() ? -diff : diff;
        e.max_total_change = std::max(e.max_total_change, abs);
        for (std::size_t i = 0; i < persons.size(); ++i)
          if (fen[o][i] != fen[c][i] || got[o][i] != got[c][i]) affected[i] = 1;
      }
    }
    for (char a : affected) e.persons_affected += a;
    rep.effects.push_back(std::move(e));
    stride *= radix;
  }
  return rep;
}

} // namespace eldercare
