// The model against the published figures (eldercare/catalog/published_figures.hpp, validation.hpp):
// the figures with their seed quotes, the figure models, the validation rows and the planning norms
// on published supply. The library decides; this file converts.
#include "catalog_common.hpp"

#include "eldercare/catalog/published_figures.hpp"
#include "eldercare/catalog/validation.hpp"

namespace eldercare_py {
namespace {

using namespace eldercare;

py::dict figure_dict(const published_figure& f) {
  py::dict d;
  d["id"] = std::string(f.id);
  d["place"] = std::string(f.place);
  d["policy_id"] = std::string(f.policy_id);
  d["measure"] = std::string(to_word(f.measure));
  d["value"] = f.value;
  d["unit"] = std::string(f.unit);
  d["qualifier"] = std::string(f.qualifier);
  d["when"] = std::string(f.when);
  d["quote"] = std::string(f.quote);
  d["source"] = std::string(f.source);
  return d;
}

py::dict model_dict(const figure_model& m) {
  py::dict d;
  d["figure"] = std::string(m.figure);
  d["spending"] = std::string(m.spending);
  d["profile"] = std::string(to_word(m.base.profile));
  d["base_elders"] = m.base.elders;
  d["base_what"] = std::string(m.base.what);
  d["base_source"] = std::string(m.base.source);
  d["base_tag"] = std::string(m.base.tag);
  d["on"] = m.on;
  py::list readings;
  for (const auto r : m.readings) readings.append(std::string(r));
  d["readings"] = readings;
  d["uncertainty"] = m.uncertainty;
  d["uncertainty_reason"] = std::string(m.uncertainty_reason);
  d["calibrated_from"] = std::string(m.calibrated_from);
  d["gap_note"] = std::string(m.gap_note);
  return d;
}

py::dict row_dict(const validation_row& r) {
  py::dict d;
  d["figure"] = r.figure_id;
  d["policy_id"] = r.policy_id;
  d["readings"] = r.readings.chosen();
  d["is_default"] = r.is_default;
  d["published"] = r.published;
  d["sample_size"] = r.sample_size;
  d["sample_eligible"] = r.sample_eligible;
  d["sample_undetermined"] = r.sample_undetermined;
  d["modelled"] = r.modelled;
  d["modelled_upper"] = r.modelled_upper;
  d["published_spending_fen"] = r.published_spending_fen;
  d["modelled_spending_fen"] = r.modelled_spending_fen;
  d["take_up"] = r.take_up;
  d["gap_percent"] = r.gap_percent;
  d["spending_take_up"] = r.spending_take_up;
  d["spending_gap_percent"] = r.spending_gap_percent;
  d["verdict"] = std::string(to_word(r.verdict));
  d["rank"] = r.rank;
  return d;
}

const figure_model& model_at(const std::vector<figure_model>& models, const std::string& figure) {
  for (const auto& m : models)
    if (m.figure == figure) return m;
  throw invalid_value(error_id::invalid_parameter, "figure", figure, "no figure model for this figure");
}

} // namespace

void register_validation(py::module_& m) {
  m.def("published_figures", [] {
    py::list out;
    for (const auto& f : published_figures) out.append(figure_dict(f));
    return out;
  });
  m.def("figure_models", [] {
    py::list out;
    for (const auto& f : figure_models()) out.append(model_dict(f));
    return out;
  });
  m.def(
      "validate_figure",
      [](const std::string& figure, std::size_t sample, std::uint64_t seed) {
        if (sample == 0)
          throw invalid_value(error_id::invalid_parameter, "sample", "0", "draw at least one person");
        const auto models = figure_models();
        const figure_model& model = model_at(models, figure);
        std::vector<validation_row> rows;
        {
          const py::gil_scoped_release unlocked;
          rows =
              validate_model(standard_catalog(), model, validation_options{.sample = sample, .seed = seed});
        }
        py::list out;
        for (const auto& r : rows) out.append(row_dict(r));
        return out;
      },
      py::arg("figure"), py::arg("sample") = 20'000, py::arg("seed") = 2020);
  m.def(
      "validate_figure_on",
      [](const std::string& figure, const std::vector<person>& persons, const facility_registry* facilities,
         std::int64_t base_elders, double uncertainty) {
        const auto models = figure_models();
        figure_model model = model_at(models, figure);
        if (base_elders <= 0)
          throw invalid_value(error_id::invalid_parameter, "base_elders", std::to_string(base_elders),
                              "must be positive");
        model.base.elders = base_elders;
        model.uncertainty = uncertainty;
        const auto rows = validate_model(standard_catalog(), model, persons, facilities);
        py::list out;
        for (const auto& r : rows) out.append(row_dict(r));
        return out;
      },
      py::arg("figure"), py::arg("persons"), py::arg("facilities") = py::none(), py::arg("base_elders"),
      py::arg("uncertainty"));
  m.def("norm_checks", [] {
    py::list out;
    for (const auto& c : norm_checks(standard_catalog())) {
      py::dict d;
      d["place"] = c.place;
      d["norm_entry"] = c.norm_entry;
      d["norm_id"] = c.norm_id;
      d["supply_figure"] = c.supply_figure;
      d["base_note"] = c.base_note;
      d["required"] = c.result.required;
      d["actual"] = c.result.actual;
      d["gap"] = c.result.gap;
      d["met"] = c.result.met;
      d["explanation"] = c.result.explanation;
      d["resident_elders"] = c.area.resident_elders;
      d["institution_beds"] = c.area.institution_beds;
      out.append(d);
    }
    return out;
  });
}

} // namespace eldercare_py
