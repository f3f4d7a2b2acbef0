// The policy catalog (eldercare/catalog/): entries and readings, each entry's policy under chosen
// readings, evaluation by id (bundles included), stacking, worker policies, planning norms over
// service areas, waiting-list ranking, and interpretation sensitivity.
#include "catalog_common.hpp"
#include "words.hpp"

#include <algorithm> // std::nth_element: the median of the timing helper
#include <chrono>    // the timing helper's clock
#include <map>       // the prepared entries, by id and readings
#include <memory>    // prepared entries shared with the calls that use them
#include <mutex>     // the cache of prepared entries
#include <utility>   // the cache's key
#include <vector>    // the timing helper's samples

namespace eldercare_py {
namespace {

using namespace eldercare;
using namespace words;

const catalog& cat() { return standard_catalog(); }

/// The entry `id` prepared under `chosen` (its policies built once: building costs more than
/// evaluating), kept for the next call with the same id and readings. The catalog and its builders
/// are fixed for the life of the process, so a prepared entry never goes stale; the cache is
/// emptied when it grows past a few hundred (id, readings) pairs, which only a sweep of readings
/// reaches. Errors are those of catalog::evaluate (lookup_error for an unknown id or an entry with
/// no person policy), and nothing is kept for a failed id.
std::shared_ptr<const prepared_entry> prepared(const std::string& id, const reading_set& chosen) {
  using key = std::pair<std::string, std::map<std::string, std::string, std::less<>>>;
  static std::mutex guard;
  static std::map<key, std::shared_ptr<const prepared_entry>, std::less<>> cache;
  key k{id, chosen.chosen()};
  {
    const std::lock_guard lock(guard);
    if (const auto it = cache.find(k); it != cache.end()) return it->second;
  }
  auto built = std::make_shared<const prepared_entry>(cat(), id, chosen); // outside the lock: slow, may throw
  const std::lock_guard lock(guard);
  if (cache.size() >= 256) cache.clear();
  cache.emplace(std::move(k), built);
  return built;
}

void register_entries(py::module_& m) {
  py::class_<reading>(m, "reading",
                      "An open question of the sources, its choices and the documented default.")
      .def_readonly("name", &reading::name)
      .def_readonly("question", &reading::question)
      .def_property_readonly("choices",
                             [](const reading& r) {
                               std::vector<std::pair<std::string, std::string>> out;
                               for (const auto& c : r.choices) out.emplace_back(c.value, c.meaning);
                               return out;
                             })
      .def_readonly("default", &reading::default_choice)
      .def_property_readonly("provenance", [](const reading& r) { return std::string(to_word(r.origin)); })
      .def_readonly("rationale", &reading::rationale)
      .def_readonly("reference", &reading::reference)
      .def_readonly("enumerable", &reading::enumerable)
      .def_readonly("quote", &reading::quote);

  py::class_<catalog_entry>(m, "catalog_entry", "One catalog id: metadata and what it builds.")
      .def_readonly("id", &catalog_entry::id)
      .def_readonly("title", &catalog_entry::title)
      .def_readonly("jurisdiction", &catalog_entry::jurisdiction)
      .def_readonly("source", &catalog_entry::source)
      .def_readonly("summary", &catalog_entry::summary)
      .def_property_readonly("subject",
                             [](const catalog_entry& e) { return std::string(to_word(e.subject)); })
      .def_readonly("readings", &catalog_entry::readings)
      .def_readonly("components", &catalog_entry::components)
      .def_readonly("examples", &catalog_entry::examples)
      .def_property_readonly("has_policy", [](const catalog_entry& e) { return static_cast<bool>(e.build); })
      .def_property_readonly("has_worker_policy",
                             [](const catalog_entry& e) { return static_cast<bool>(e.build_worker); })
      .def_property_readonly("has_norms",
                             [](const catalog_entry& e) { return static_cast<bool>(e.build_norms); })
      .def_property_readonly("has_event_policy",
                             [](const catalog_entry& e) { return static_cast<bool>(e.build_event); });

  // The catalog lives as long as the process: its entries and readings cross by reference.
  m.def(
      "catalog_entries",
      [] {
        py::list out;
        for (const auto& e : cat().entries()) out.append(py::cast(&e, py::return_value_policy::reference));
        return out;
      },
      "Every entry of the standard catalog, in catalog order.");
  m.def(
      "catalog_at", [](const std::string& id) { return &cat().at(id); }, py::arg("id"),
      py::return_value_policy::reference,
      "The entry with this id (PolicyLookupError naming the id otherwise).");
  m.def(
      "catalog_readings",
      [] {
        py::list out;
        for (const auto& r : cat().readings()) out.append(py::cast(&r, py::return_value_policy::reference));
        return out;
      },
      "Every reading the catalog defines.");
  m.def(
      "check_readings", [](py::handle readings) { return to_readings(readings).chosen(); },
      py::arg("readings"), "The readings as a dict after checking names and values against the catalog.");
  m.def(
      "catalog_policy",
      [](const std::string& id, py::handle readings) { return cat().policy_for(id, to_readings(readings)); },
      py::arg("id"), py::arg("readings") = py::none());
  m.def(
      "catalog_evaluate",
      [](const std::string& id, const person& p, py::handle on, const facility_registry* facilities,
         py::handle readings) {
        const date d = to_date(on, "on");
        const auto entry = prepared(id, to_readings(readings));
        const py::gil_scoped_release unlocked;
        return evaluate(*entry, p, d, facilities); // catalog::evaluate with the entry built once
      },
      py::arg("id"), py::arg("person"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("readings") = py::none(),
      "catalog::evaluate: an entry for a person (a bundle adds its components).");
  m.def(
      "catalog_decision_us",
      [](const std::string& id, const person& p, py::handle on, const facility_registry* facilities,
         int repetitions) {
        const date d = to_date(on, "on");
        const auto entry = prepared(id, {});
        if (repetitions < 1)
          throw invalid_value(error_id::invalid_parameter, "repetitions", std::to_string(repetitions),
                              "must be at least 1");
        const py::gil_scoped_release unlocked;
        using clock_type = std::chrono::steady_clock;
        std::vector<double> us;
        std::size_t text_bytes = 0; // used, so that the explanation is not optimised away
        for (int k = 0; k < repetitions; ++k) {
          const auto t0 = clock_type::now();
          const decision made = evaluate(*entry, p, d, facilities);
          text_bytes += explain(made).size();
          us.push_back(std::chrono::duration<double, std::micro>(clock_type::now() - t0).count());
        }
        const auto middle = us.begin() + static_cast<std::ptrdiff_t>(us.size() / 2);
        std::nth_element(us.begin(), middle, us.end());
        return std::pair{*middle, text_bytes / us.size()};
      },
      py::arg("id"), py::arg("person"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("repetitions") = 2000,
      "For benchmarks: the median microseconds of one decision with its explanation in C++ (the loop "
      "of batch_bench's single_decision_with_explanation_us, on an entry built once), and the "
      "explanation's size in bytes.");
  m.def(
      "catalog_stacking", [](py::handle readings) { return cat().stacking(to_readings(readings)); },
      py::arg("readings") = py::none(), "The catalog's declared stacking under the readings.");
}

// --- workers ---------------------------------------------------------------------------------

using worker_rule = basic_rule<worker>;
using worker_version = basic_policy_version<worker>;
using worker_policy = basic_policy<worker>;

void register_workers(py::module_& m) {
  py::class_<worker>(m, "worker", "A worker, the subject of workforce subsidies.")
      .def(py::init([](std::string id, std::string employer_id, py::handle workplace, py::handle hired_on,
                       py::handle left_on, std::optional<int> skill_level, bool care_worker,
                       std::vector<int> growth, std::vector<std::string> programmes) {
             if (id.empty())
               throw invalid_value(error_id::invalid_person, "workers[].id", "", "must not be empty");
             const std::string at = "workers[" + id + "]";
             worker w{.id = std::move(id),
                      .employer_id = std::move(employer_id),
                      .workplace = to_region(workplace, at + ".workplace"),
                      .hired_on = to_date(hired_on, at + ".hired_on"),
                      .left_on = to_optional_date(left_on, at + ".left_on"),
                      .skill_level = skill_level,
                      .care_worker = care_worker,
                      .annual_wage_growth_permille = std::move(growth),
                      .programmes = std::move(programmes)};
             if (w.left_on && *w.left_on < w.hired_on)
               throw invalid_value(error_id::invalid_person, at + ".left_on", to_iso(*w.left_on),
                                   "is before hired_on " + to_iso(w.hired_on));
             if (w.skill_level && (*w.skill_level < 1 || *w.skill_level > 5))
               throw invalid_value(error_id::invalid_person, at + ".skill_level", *w.skill_level,
                                   "must be 1 (高级技师) to 5 (初级工)");
             return w;
           }),
           py::arg("id"), py::arg("employer_id"), py::arg("workplace"), py::arg("hired_on"),
           py::arg("left_on") = py::none(), py::arg("skill_level") = py::none(),
           py::arg("care_worker") = false, py::arg("annual_wage_growth_permille") = std::vector<int>{},
           py::arg("programmes") = std::vector<std::string>{})
      .def_readonly("id", &worker::id)
      .def_readonly("employer_id", &worker::employer_id)
      .def_readonly("workplace", &worker::workplace)
      .def_readonly("hired_on", &worker::hired_on)
      .def_readonly("left_on", &worker::left_on)
      .def_readonly("skill_level", &worker::skill_level)
      .def_readonly("care_worker", &worker::care_worker)
      .def_readonly("annual_wage_growth_permille", &worker::annual_wage_growth_permille)
      .def_readonly("programmes", &worker::programmes);

  py::class_<worker_rule>(m, "worker_rule", "A rule over workers (its condition in words).")
      .def_readonly("id", &worker_rule::id)
      .def_readonly("title", &worker_rule::title)
      .def_readonly("citation", &worker_rule::cite)
      .def_property_readonly("condition", [](const worker_rule& r) { return r.condition.describe(); })
      .def_readonly("grant", &worker_rule::grant)
      .def_readonly("parameters", &worker_rule::parameters);

  py::class_<worker_version>(m, "worker_policy_version", "A worker policy's version.")
      .def_readonly("label", &worker_version::label)
      .def_readonly("effective_from", &worker_version::effective_from)
      .def_readonly("effective_to", &worker_version::effective_to)
      .def_readonly("citation", &worker_version::cite)
      .def_property_readonly("combine",
                             [](const worker_version& v) { return std::string(to_word(v.combine)); })
      .def_property_readonly("paid_to",
                             [](const worker_version& v) { return std::string(to_word(v.paid_to)); })
      .def_readonly("rules", &worker_version::rules)
      .def_readonly("parameters", &worker_version::parameters);

  py::class_<worker_policy>(m, "worker_policy", "A policy over workers.")
      .def_property_readonly("id", &worker_policy::id)
      .def_property_readonly("title", &worker_policy::title)
      .def_property_readonly("versions", &worker_policy::versions)
      .def_property_readonly("status",
                             [](const worker_policy& p) { return std::string(to_word(p.status())); })
      .def_property_readonly("missing", &worker_policy::missing)
      .def_property_readonly("known_from",
                             [](const worker_policy& p) -> std::optional<date> {
                               if (!p.known_from()) return std::nullopt;
                               return p.known_from()->from;
                             })
      .def_property_readonly("known_from_reason", [](const worker_policy& p) {
        return p.known_from() ? p.known_from()->reason : std::string();
      });

  m.def(
      "catalog_worker_policy",
      [](const std::string& id, py::handle readings) {
        return cat().worker_policy_for(id, to_readings(readings));
      },
      py::arg("id"), py::arg("readings") = py::none());
  m.def(
      "evaluate_worker",
      [](const worker_policy& p, const worker& w, py::handle on) {
        return evaluate(p, w, to_date(on, "on"));
      },
      py::arg("policy"), py::arg("worker"), py::arg("on"));
  m.def(
      "schedule_worker",
      [](const worker_policy& p, const worker& w, py::handle first, py::handle last) {
        return schedule(p, w, to_date(first, "first"), to_date(last, "last"));
      },
      py::arg("policy"), py::arg("worker"), py::arg("first"), py::arg("last"));
}

// --- events (skill competitions and exhibitions) ---------------------------------------------

using event_rule = basic_rule<competition_event>;
using event_version = basic_policy_version<competition_event>;
using event_policy = basic_policy<competition_event>;

void register_events(py::module_& m) {
  py::class_<competition_event>(
      m, "competition_event",
      "A skill competition or achievement exhibition, the subject of an event subsidy.")
      .def(py::init([](std::string id, std::string organiser_id, const std::string& organiser,
                       py::handle region, const std::string& kind, py::handle held_on,
                       std::int64_t participants) {
             if (id.empty())
               throw invalid_value(error_id::invalid_parameter, "events[].id", "", "must not be empty");
             const std::string at = "events[" + id + "]";
             if (participants < 0)
               throw invalid_value(error_id::invalid_parameter, at + ".participants", participants,
                                   "cannot be negative");
             return competition_event{.id = std::move(id),
                                      .organiser_id = std::move(organiser_id),
                                      .organiser = parse_word<event_organiser>(organiser, at + ".organiser"),
                                      .organiser_region = to_region(region, at + ".organiser_region"),
                                      .kind = parse_word<event_kind>(kind, at + ".kind"),
                                      .held_on = to_date(held_on, at + ".held_on"),
                                      .participants = participants};
           }),
           py::arg("id"), py::arg("organiser_id"), py::arg("organiser"), py::arg("organiser_region"),
           py::arg("kind"), py::arg("held_on"), py::arg("participants"))
      .def_readonly("id", &competition_event::id)
      .def_readonly("organiser_id", &competition_event::organiser_id)
      .def_property_readonly("organiser",
                             [](const competition_event& e) { return std::string(to_word(e.organiser)); })
      .def_readonly("organiser_region", &competition_event::organiser_region)
      .def_property_readonly("kind", [](const competition_event& e) { return std::string(to_word(e.kind)); })
      .def_readonly("held_on", &competition_event::held_on)
      .def_readonly("participants", &competition_event::participants);

  py::class_<event_rule>(m, "event_rule", "A rule over events (its condition in words).")
      .def_readonly("id", &event_rule::id)
      .def_readonly("title", &event_rule::title)
      .def_readonly("citation", &event_rule::cite)
      .def_property_readonly("condition", [](const event_rule& r) { return r.condition.describe(); })
      .def_readonly("grant", &event_rule::grant)
      .def_readonly("parameters", &event_rule::parameters);

  py::class_<event_version>(m, "event_policy_version", "An event policy's version.")
      .def_readonly("label", &event_version::label)
      .def_readonly("effective_from", &event_version::effective_from)
      .def_readonly("effective_to", &event_version::effective_to)
      .def_readonly("citation", &event_version::cite)
      .def_property_readonly("combine",
                             [](const event_version& v) { return std::string(to_word(v.combine)); })
      .def_property_readonly("paid_to",
                             [](const event_version& v) { return std::string(to_word(v.paid_to)); })
      .def_readonly("rules", &event_version::rules)
      .def_readonly("parameters", &event_version::parameters);

  py::class_<event_policy>(m, "event_policy", "A policy over events.")
      .def_property_readonly("id", &event_policy::id)
      .def_property_readonly("title", &event_policy::title)
      .def_property_readonly("versions", &event_policy::versions)
      .def_property_readonly("status", [](const event_policy& p) { return std::string(to_word(p.status())); })
      .def_property_readonly("missing", &event_policy::missing)
      .def_property_readonly("known_from",
                             [](const event_policy& p) -> std::optional<date> {
                               if (!p.known_from()) return std::nullopt;
                               return p.known_from()->from;
                             })
      .def_property_readonly("known_from_reason", [](const event_policy& p) {
        return p.known_from() ? p.known_from()->reason : std::string();
      });

  m.def(
      "catalog_event_policy",
      [](const std::string& id, py::handle readings) {
        return cat().event_policy_for(id, to_readings(readings));
      },
      py::arg("id"), py::arg("readings") = py::none());
  m.def(
      "evaluate_event",
      [](const event_policy& p, const competition_event& e, py::handle on) {
        return evaluate(p, e, to_date(on, "on"));
      },
      py::arg("policy"), py::arg("event"), py::arg("on"));
}

// --- service areas and planning norms --------------------------------------------------------

void register_norms(py::module_& m) {
  py::class_<service_area>(m, "service_area", "A service area described by aggregates (planning norms).")
      .def(py::init([](std::string id, py::handle region, std::int64_t resident_elders,
                       std::int64_t meal_points, std::int64_t care_workers, std::int64_t institution_beds,
                       std::int64_t nursing_beds, std::int64_t lottery_fen,
                       std::int64_t lottery_eldercare_fen, std::int64_t towns, std::int64_t towns_with_centre,
                       std::int64_t counties, std::int64_t counties_with_home, std::int64_t urban_communities,
                       std::int64_t urban_communities_covered, std::int64_t rural_communities,
                       std::int64_t rural_communities_covered, std::int64_t community_facilities) {
             const std::string at = "areas[" + id + "]";
             auto count = [&](std::int64_t v, const char* name) {
               if (v < 0)
                 throw invalid_value(error_id::invalid_parameter, at + "." + name, v, "cannot be negative");
               return v;
             };
             service_area a{.id = {}, .region = to_region(region, at + ".region")};
             a.resident_elders = count(resident_elders, "resident_elders");
             a.meal_points = count(meal_points, "meal_points");
             a.care_workers = count(care_workers, "care_workers");
             a.institution_beds = count(institution_beds, "institution_beds");
             a.nursing_beds = count(nursing_beds, "nursing_beds");
             if (a.nursing_beds > a.institution_beds)
               throw invalid_value(error_id::invalid_parameter, at + ".nursing_beds", a.nursing_beds,
                                   "exceeds institution_beds " + std::to_string(a.institution_beds));
             a.welfare_lottery_funds = money::from_fen(count(lottery_fen, "welfare_lottery_funds_fen"));
             a.welfare_lottery_eldercare =
                 money::from_fen(count(lottery_eldercare_fen, "welfare_lottery_eldercare_fen"));
             // A part of a whole (towns with a centre of the towns) cannot exceed the whole.
             auto part = [&](std::int64_t v, const char* name, std::int64_t whole, const char* whole_name) {
               count(v, name);
               if (v > whole)
                 throw invalid_value(error_id::invalid_parameter, at + "." + name, v,
                                     std::string("exceeds ") + whole_name + " " + std::to_string(whole));
               return v;
             };
             a.towns = count(towns, "towns");
             a.towns_with_centre = part(towns_with_centre, "towns_with_centre", a.towns, "towns");
             a.counties = count(counties, "counties");
             a.counties_with_home = part(counties_with_home, "counties_with_home", a.counties, "counties");
             a.urban_communities = count(urban_communities, "urban_communities");
             a.urban_communities_covered = part(urban_communities_covered, "urban_communities_covered",
                                                a.urban_communities, "urban_communities");
             a.rural_communities = count(rural_communities, "rural_communities");
             a.rural_communities_covered = part(rural_communities_covered, "rural_communities_covered",
                                                a.rural_communities, "rural_communities");
             a.community_facilities = count(community_facilities, "community_facilities");
             a.id = std::move(id);
             return a;
           }),
           py::arg("id"), py::arg("region"), py::arg("resident_elders") = 0, py::arg("meal_points") = 0,
           py::arg("care_workers") = 0, py::arg("institution_beds") = 0, py::arg("nursing_beds") = 0,
           py::arg("welfare_lottery_funds_fen") = 0, py::arg("welfare_lottery_eldercare_fen") = 0,
           py::arg("towns") = 0, py::arg("towns_with_centre") = 0, py::arg("counties") = 0,
           py::arg("counties_with_home") = 0, py::arg("urban_communities") = 0,
           py::arg("urban_communities_covered") = 0, py::arg("rural_communities") = 0,
           py::arg("rural_communities_covered") = 0, py::arg("community_facilities") = 0)
      .def_readonly("id", &service_area::id)
      .def_readonly("region", &service_area::region)
      .def_readonly("resident_elders", &service_area::resident_elders)
      .def_readonly("meal_points", &service_area::meal_points)
      .def_readonly("care_workers", &service_area::care_workers)
      .def_readonly("institution_beds", &service_area::institution_beds)
      .def_readonly("nursing_beds", &service_area::nursing_beds)
      .def_property_readonly("welfare_lottery_funds_fen",
                             [](const service_area& a) { return a.welfare_lottery_funds.fen(); })
      .def_property_readonly("welfare_lottery_eldercare_fen",
                             [](const service_area& a) { return a.welfare_lottery_eldercare.fen(); })
      .def_readonly("towns", &service_area::towns)
      .def_readonly("towns_with_centre", &service_area::towns_with_centre)
      .def_readonly("counties", &service_area::counties)
      .def_readonly("counties_with_home", &service_area::counties_with_home)
      .def_readonly("urban_communities", &service_area::urban_communities)
      .def_readonly("urban_communities_covered", &service_area::urban_communities_covered)
      .def_readonly("rural_communities", &service_area::rural_communities)
      .def_readonly("rural_communities_covered", &service_area::rural_communities_covered)
      .def_readonly("community_facilities", &service_area::community_facilities);

  py::class_<norm_result>(m, "norm_result", "A planning norm assessed for an area.")
      .def_readonly("norm_id", &norm_result::norm_id)
      .def_readonly("required", &norm_result::required)
      .def_readonly("actual", &norm_result::actual)
      .def_readonly("gap", &norm_result::gap)
      .def_readonly("met", &norm_result::met)
      .def_readonly("explanation", &norm_result::explanation);

  py::class_<planning_norm>(m, "planning_norm",
                            "A capacity or budget norm: actual ≥ numerator/denominator × base.")
      .def_readonly("id", &planning_norm::id)
      .def_readonly("title", &planning_norm::title)
      .def_readonly("citation", &planning_norm::cite)
      .def_property_readonly("provenance",
                             [](const planning_norm& n) { return std::string(to_word(n.origin)); })
      .def_readonly("actual_name", &planning_norm::actual_name)
      .def_readonly("base_name", &planning_norm::base_name)
      .def_readonly("numerator", &planning_norm::numerator)
      .def_readonly("denominator", &planning_norm::denominator)
      .def("assess", &planning_norm::assess, py::arg("area"));

  m.def(
      "catalog_norms",
      [](const std::string& id, py::handle readings) { return cat().norms_for(id, to_readings(readings)); },
      py::arg("id"), py::arg("readings") = py::none());
}

// --- ranking ---------------------------------------------------------------------------------

void register_ranking(py::module_& m) {
  py::class_<ranked_entry>(m, "ranked_entry", "One applicant's place on a waiting list.")
      .def_readonly("position", &ranked_entry::position)
      .def_readonly("subject_id", &ranked_entry::subject_id)
      .def_readonly("points", &ranked_entry::points)
      .def_readonly("applied_on", &ranked_entry::applied_on)
      .def_readonly("birth_date", &ranked_entry::birth_date)
      .def_readonly("input_index", &ranked_entry::input_index)
      .def_readonly("why", &ranked_entry::why);

  m.def(
      "rank",
      [](const policy& p, const std::vector<person>& applicants, py::handle on,
         const facility_registry* facilities, const py::dict& applied_on) {
        const date d = to_date(on, "on");
        ranking_options options;
        for (const auto item : applied_on) {
          if (!PyUnicode_Check(item.first.ptr()))
            throw invalid_type("applied_on", repr_of(item.first), "keys are person ids (text)");
          const std::string id(utf8_of(item.first, "applied_on"));
          options.applied_on.emplace(id, to_date(item.second, "applied_on[" + id + "]"));
        }
        const py::gil_scoped_release unlocked;
        return rank(p, std::span<const person>(applicants), d, facilities, options);
      },
      py::arg("policy"), py::arg("applicants"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("applied_on") = py::dict());
  m.def(
      "explain_ranking", [](const std::vector<ranked_entry>& r) { return explain(r); }, py::arg("ranking"));
}

// --- interpretation sensitivity --------------------------------------------------------------

void register_sensitivity(py::module_& m) {
  py::class_<combination_outcome>(m, "combination_outcome", "One combination of readings over a population.")
      .def_property_readonly("readings", [](const combination_outcome& c) { return c.readings.chosen(); })
      .def_readonly("eligible", &combination_outcome::eligible)
      .def_readonly("undetermined", &combination_outcome::undetermined)
      .def_property_readonly("total_fen", [](const combination_outcome& c) { return c.total.fen(); })
      .def_readonly("other_quantity", &combination_outcome::other_quantity);

  py::class_<reading_effect>(m, "reading_effect", "What varying one reading alone changes.")
      .def_readonly("reading", &reading_effect::reading)
      .def_readonly("values", &reading_effect::values)
      .def_property_readonly("total_with_defaults_fen",
                             [](const reading_effect& e) {
                               std::vector<std::int64_t> out;
                               for (const auto& t : e.total_with_defaults) out.push_back(t.fen());
                               return out;
                             })
      .def_property_readonly("max_total_change_fen",
                             [](const reading_effect& e) { return e.max_total_change.fen(); })
      .def_readonly("persons_affected", &reading_effect::persons_affected);

  py::class_<sensitivity_report>(m, "sensitivity_report",
                                 "An entry evaluated under every combination of its readings.")
      .def_readonly("policy_id", &sensitivity_report::policy_id)
      .def_readonly("on", &sensitivity_report::on)
      .def_readonly("readings", &sensitivity_report::readings)
      .def_readonly("combinations", &sensitivity_report::combinations)
      .def_readonly("default_combination", &sensitivity_report::default_combination)
      .def_readonly("effects", &sensitivity_report::effects)
      .def_property_readonly("min_total_fen", [](const sensitivity_report& r) { return r.min_total.fen(); })
      .def_property_readonly("max_total_fen", [](const sensitivity_report& r) { return r.max_total.fen(); })
      .def_readonly("persons", &sensitivity_report::persons)
      .def_readonly("persons_undecided", &sensitivity_report::persons_undecided)
      .def_readonly("undecided_person_ids", &sensitivity_report::undecided_person_ids)
      .def("to_string", &sensitivity_report::to_string);

  m.def(
      "catalog_sensitivity",
      [](const std::string& id, const std::vector<person>& persons, py::handle on,
         const facility_registry* facilities, py::handle first, py::handle last, py::handle fixed,
         std::size_t max_combinations) {
        sensitivity_options options;
        const date d = to_date(on, "on");
        if (!first.is_none() || !last.is_none()) {
          const date from = to_date(first, "period[0]");
          const date to = to_date(last, "period[1]");
          if (to < from)
            throw invalid_value(error_id::invalid_period, "period[1]", to_iso(to),
                                "is before period[0] " + to_iso(from));
          options.period = std::pair{from, to};
        }
        options.fixed = to_readings(fixed, "fixed");
        options.max_combinations = max_combinations;
        const py::gil_scoped_release unlocked;
        return sensitivity(cat(), id, std::span<const person>(persons), d, facilities, options);
      },
      py::arg("id"), py::arg("persons"), py::arg("on"), py::arg("facilities") = py::none(),
      py::arg("first") = py::none(), py::arg("last") = py::none(), py::arg("fixed") = py::none(),
      py::arg("max_combinations") = 1u << 14);
}

} // namespace

void register_catalog(py::module_& m) {
  register_entries(m);
  register_workers(m);
  register_events(m);
  register_norms(m);
  register_ranking(m);
  register_sensitivity(m);
}

} // namespace eldercare_py
