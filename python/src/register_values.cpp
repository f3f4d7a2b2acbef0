// Domain values: money, regions, ability, facilities and filings, stays, persons and households
// (eldercare/money, region, ability, facility, stay, person, household). Constructors take a `field`
// naming where the value came from ("persons[p1].ability"), so that errors quote the caller's path.
#include "common.hpp"
#include "schema_cells.hpp"
#include "words.hpp"

#include "eldercare/batch/inputs.hpp"       // missing_inputs words
#include "eldercare/batch/synthetic.hpp"    // synthetic_profile words
#include "eldercare/catalog/catalog.hpp"    // subject_kind words
#include "eldercare/catalog/validation.hpp" // figure_measure, evidence_verdict words

#include <boost/version.hpp> // BOOST_LIB_VERSION: whose Boost headers the module was built with

#include <algorithm> // std::none_of over the schema's fields

namespace eldercare_py {
namespace {

using namespace eldercare;
using namespace words;

// --- money -----------------------------------------------------------------------------------

/// Fen from a yuan amount given as an int, a float, a Decimal or text, by the one rule for amounts
/// (docs/concepts/money.md): text is read as money::parse reads it (two decimals at most); a float
/// as its shortest decimal (Python's repr, money::from_yuan_double); a Decimal as its digits; an int
/// as whole yuan. Nothing is ever rounded; errors quote the value as given.
money::rep fen_from_yuan(py::handle value, const std::string& field) {
  PyObject* p = value.ptr();
  if (PyBool_Check(p)) throw invalid_type(field, repr_of(value), "expected a number of yuan, not a bool");
  if (PyIndex_Check(p) && !PyFloat_Check(p)) { // int, numpy integers
    const auto number = py::reinterpret_steal<py::object>(PyNumber_Index(p));
    if (!number) throw py::error_already_set();
    int overflow = 0;
    const long long v = PyLong_AsLongLongAndOverflow(number.ptr(), &overflow);
    if (overflow != 0)
      throw invalid_value(error_id::invalid_money, field, literal{repr_of(number)}, "out of range");
    return requalified("yuan", field, [&] { return money::from_yuan(v).fen(); });
  }
  // A float and a Decimal are quoted as Python shows them (repr), not as C++ prints the double.
  auto as_given = [&](auto&& read) {
    try {
      return read();
    } catch (const invalid_value& e) {
      throw invalid_value(e.id(), field, literal{repr_of(value)}, e.why());
    }
  };
  if (PyFloat_Check(p))
    return as_given([&] { return money::from_yuan_double(PyFloat_AsDouble(p), field).fen(); });
  if (PyUnicode_Check(p)) return money::parse(utf8_of(value, field, error_id::invalid_money), field).fen();
  const py::object decimal = py::module_::import("decimal").attr("Decimal");
  if (py::isinstance(value, decimal)) {
    // Its digits without an exponent (format 'f'), after checks that keep that text short.
    if (!value.attr("is_finite")().cast<bool>())
      throw invalid_value(error_id::invalid_money, field, literal{repr_of(value)},
                          "an amount must be a finite number");
    if (value.attr("adjusted")().cast<long long>() > 17)
      throw invalid_value(error_id::invalid_money, field, literal{repr_of(value)}, "out of range");
    if (value.attr("as_tuple")().attr("exponent").cast<long long>() < -2)
      throw invalid_value(error_id::invalid_money, field, literal{repr_of(value)},
                          "more than two decimals: not a whole number of fen");
    const std::string digits = py::module_::import("builtins").attr("format")(value, "f").cast<std::string>();
    return as_given([&] { return money::parse(digits, field).fen(); });
  }
  throw invalid_type(
      field, repr_of(value),
      "expected a number of yuan: an int, a float with at most two decimals, a Decimal or text "
      "such as '600.00'");
}

void register_money(py::module_& m) {
  m.def("fen_from_yuan", &fen_from_yuan, py::arg("yuan"), py::arg("field") = "amount",
        "Whole fen from a yuan amount; never rounds (more than two decimals, NaN and infinities raise).");
  m.def(
      "money_parse",
      [](const std::string& text, const std::string& field) { return money::parse(text, field).fen(); },
      py::arg("text"), py::arg("field") = "amount");
  m.def(
      "money_to_string", [](money::rep fen) { return money::from_fen(fen).to_string(); }, py::arg("fen"),
      "'600.00': yuan with exactly two decimals.");
}

// --- regions ---------------------------------------------------------------------------------

std::vector<region_code> to_regions(const py::iterable& items, const std::string& field) {
  std::vector<region_code> out;
  std::size_t i = 0;
  for (const py::handle item : items) out.push_back(to_region(item, field + "[" + std::to_string(i++) + "]"));
  return out;
}

void register_regions(py::module_& m) {
  py::class_<region_code>(m, "region_code",
                          "A checked GB/T 2260 / MCA division code or 9-digit township code.")
      .def_property_readonly("value", &region_code::value)
      .def_property_readonly("level", [](const region_code& c) { return std::string(to_string(c.level())); })
      .def_property_readonly("name", [](const region_code& c) { return std::string(c.name()); })
      .def_property_readonly("hierarchy_key", &region_code::hierarchy_key)
      .def_property_readonly("is_legacy", &region_code::is_legacy)
      .def("province", &region_code::province)
      .def_property_readonly("has_prefecture", &region_code::has_prefecture)
      .def("prefecture", &region_code::prefecture)
      .def("county", &region_code::county)
      .def("current", &region_code::current)
      .def(
          "in_force_on", [](const region_code& c, py::handle on) { return c.in_force_on(to_date(on, "on")); },
          py::arg("on"))
      .def(
          "name_on",
          [](const region_code& c, py::handle on) { return std::string(c.name_on(to_date(on, "on"))); },
          py::arg("on"))
      .def("successors", &region_code::successors)
      .def(
          "current_codes_on",
          [](const region_code& c, py::handle on) { return c.current_codes_on(to_date(on, "on")); },
          py::arg("on"))
      .def("current_codes", &region_code::current_codes)
      .def(
          "history",
          [](const region_code& c) {
            py::list out;
            for (const region_period& p : c.history()) {
              py::dict d;
              d["start"] = p.from;
              d["until"] = p.until ? py::cast(*p.until) : py::none();
              d["name"] = std::string(p.name);
              d["end"] = std::string(to_word(p.end));
              d["successors"] = p.successors;
              out.append(d);
            }
            return out;
          },
          "The code's periods in the MCA lists, oldest first: dicts with start, until (None while in "
          "force), name, end (how the period ended: a period_end word) and successors.")
      .def("contains", &region_code::contains, py::arg("other"))
      .def("__str__", &region_code::to_string)
      .def("__repr__", [](const region_code& c) { return "region_code('" + c.to_string() + "')"; })
      .def("__eq__", [](const region_code& a, const region_code& b) { return a == b; })
      .def("__lt__", [](const region_code& a, const region_code& b) { return a < b; })
      .def("__hash__", [](const region_code& c) { return std::hash<region_code>{}(c); });

  m.def(
      "to_region", [](py::handle value, const std::string& field) { return to_region(value, field); },
      py::arg("value"), py::arg("field") = "region",
      "A region code from text of 6 or 9 digits, an int or a region_code; invalid input raises naming "
      "`field`.");

  py::class_<region_set>(m, "region_set",
                         "A named set of regions; a code is in it when some member contains it.")
      .def(py::init([](const std::string& name, const py::iterable& members, const std::string& field) {
             std::vector<region_code> codes = to_regions(members, field + ".members");
             return requalified("region_set", field, [&] { return region_set(name, std::move(codes)); });
           }),
           py::arg("name"), py::arg("members"), py::arg("field") = "region_set")
      .def_property_readonly("name", &region_set::name)
      .def_property_readonly("members", &region_set::members)
      .def("contains", &region_set::contains, py::arg("code"))
      .def("find_member", &region_set::find_member, py::arg("code"))
      .def("to_string", &region_set::to_string)
      .def("__or__", [](const region_set& a, const region_set& b) { return a | b; })
      .def("__eq__", [](const region_set& a, const region_set& b) { return a == b; });

  py::dict named;
  for (const auto& [name, code] : std::initializer_list<std::pair<const char*, region_code>>{
           {"BEIJING", regions::beijing},   {"TIANJIN", regions::tianjin},
           {"HEBEI", regions::hebei},       {"INNER_MONGOLIA", regions::inner_mongolia},
           {"SHANDONG", regions::shandong}, {"GUANGDONG", regions::guangdong},
           {"SHAANXI", regions::shaanxi},   {"DONGCHENG", regions::dongcheng},
           {"XICHENG", regions::xicheng},   {"CHONGWEN", regions::chongwen},
           {"XUANWU", regions::xuanwu},     {"MENTOUGOU", regions::mentougou},
           {"FANGSHAN", regions::fangshan}, {"CHANGPING", regions::changping},
           {"HUAIROU", regions::huairou},   {"PINGGU", regions::pinggu},
           {"MIYUN", regions::miyun},       {"YANQING", regions::yanqing},
           {"WEIHAI", regions::weihai},     {"HUANCUI", regions::huancui},
           {"WENDENG", regions::wendeng},   {"RONGCHENG", regions::rongcheng},
           {"RUSHAN", regions::rushan},     {"XIAN", regions::xian},
           {"XIANYANG", regions::xianyang}, {"WEIYANG", regions::weiyang},
           {"CHANGAN", regions::changan},   {"HUYI", regions::huyi},
           {"QINDU", regions::qindu},       {"WEICHENG", regions::weicheng},
           {"JINGYANG", regions::jingyang}, {"XINGPING", regions::xingping},
       })
    named[name] = code;
  m.attr("named_regions") = named;

  m.def("jin_ji_meng", &regions::jin_ji_meng);
  m.def(
      "beijing_ecological_conservation_area",
      [](const py::iterable& towns) {
        return regions::beijing_ecological_conservation_area(to_regions(towns, "mountain_towns"));
      },
      py::arg("mountain_towns"));
  m.def("xixian_new_area_towns", &regions::xixian_new_area_towns);
  m.def(
      "xixian_new_area",
      [](const py::iterable& towns) { return regions::xixian_new_area(to_regions(towns, "extra_towns")); },
      py::arg("extra_towns"));
  m.def(
      "region_table_names",
      [] {
        std::vector<std::tuple<std::uint32_t, std::string, bool>> rows;
        for (std::size_t i = 0; i < region_table::size(); ++i) {
          const region_table::entry e = region_table::at(i);
          for (std::size_t k = 0; k < e.period_count(); ++k)
            rows.emplace_back(e.code(), std::string(e.period_at(k).name()), e.in_force_now());
        }
        for (const std::uint32_t t : region_table::township_codes())
          rows.emplace_back(t, std::string(*region_table::township_name(t)), true);
        return rows;
      },
      "(code, name, in force today) for every name of every code of the bundled table (a code renamed "
      "over time has a row per name), townships last.");
  m.attr("region_table_coverage") = std::string(region_table::coverage);
  m.attr("region_table_source") = std::string(region_table::source);
}

// --- ability ---------------------------------------------------------------------------------

void register_ability(py::module_& m) {
  m.def(
      "check_ability_level",
      [](int level, const std::string& field) { return ability_level(level, field).value(); },
      py::arg("level"), py::arg("field") = "ability_level");
  m.def(
      "ability_level_labels",
      [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (int l = ability_level::min_value; l <= ability_level::max_value; ++l)
          out.emplace_back(std::string(ability_level(l).label()),
                           std::string(ability_level(l).short_label()));
        return out;
      },
      "(label, short_label) for GB/T 42195-2022 levels 0..4.");
  m.def(
      "ability_scales",
      [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (auto s :
             {ability_scale::gbt_42195_2022, ability_scale::mzt_039_2013, ability_scale::barthel_index,
              ability_scale::ltc_2021, ability_scale::tekun_self_care, ability_scale::local})
          out.emplace_back(std::string(to_string(s)), std::string(title(s)));
        return out;
      },
      "(identifier, title) for every assessment scale.");

  py::class_<assessment>(m, "assessment", "An ability assessment: scale, GB/T 42195 level, dates, raw score.")
      .def(py::init([](const std::string& scale, int level, py::handle assessed_on, py::handle valid_until,
                       std::optional<int> raw_score, std::string local_scale_id, const std::string& field) {
             const ability_scale s = parse_ability_scale(scale, field + ".scale");
             const ability_level l(level, field + ".level");
             const date on = to_date(assessed_on, field + ".assessed_on");
             const std::optional<date> until = to_optional_date(valid_until, field + ".valid_until");
             return requalified("assessment", field, [&] {
               return assessment(s, l, on, until, raw_score, std::move(local_scale_id));
             });
           }),
           py::arg("scale"), py::arg("level"), py::arg("assessed_on"), py::arg("valid_until") = py::none(),
           py::arg("raw_score") = py::none(), py::arg("local_scale_id") = "", py::arg("field") = "assessment")
      .def_property_readonly("scale", [](const assessment& a) { return std::string(to_string(a.scale())); })
      .def_property_readonly("level", [](const assessment& a) { return a.level().value(); })
      .def_property_readonly("assessed_on", &assessment::assessed_on)
      .def_property_readonly("valid_until", &assessment::valid_until)
      .def_property_readonly("raw_score", &assessment::raw_score)
      .def_property_readonly("local_scale_id", &assessment::local_scale_id)
      .def(
          "holds_on", [](const assessment& a, py::handle d) { return a.holds_on(to_date(d, "on")); },
          py::arg("on"))
      .def("__eq__", [](const assessment& a, const assessment& b) { return a == b; });

  m.def(
      "disability_categories",
      [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& e : enum_words<disability_category>::entries)
          out.emplace_back(std::string(e.word), std::string(e.label));
        return out;
      },
      "(identifier, Chinese label) for every disability category.");
  m.def(
      "parse_disability_category",
      [](const std::string& text, const std::string& field) {
        return std::string(to_word(parse_disability_category(text, field)));
      },
      py::arg("text"), py::arg("field") = "disability_category",
      "The identifier for an identifier, a Chinese label or its short form ('肢体' -> 'physical').");

  py::class_<disability_certificate>(m, "disability_certificate", "A 残疾人证: category, grade, components.")
      .def(py::init([](const std::string& category, int grade,
                       const std::vector<std::pair<std::string, int>>& components, const std::string& field) {
             const disability_category c = parse_disability_category(category, field + ".category");
             const disability_grade g(grade, field + ".grade");
             std::vector<disability_entry> parts;
             for (std::size_t i = 0; i < components.size(); ++i) {
               const std::string at = field + ".components[" + std::to_string(i) + "]";
               parts.push_back({parse_disability_category(components[i].first, at + ".category"),
                                disability_grade(components[i].second, at + ".grade")});
             }
             return requalified("disability_certificate", field,
                                [&] { return disability_certificate(c, g, std::move(parts)); });
           }),
           py::arg("category"), py::arg("grade"),
           py::arg("components") = std::vector<std::pair<std::string, int>>{},
           py::arg("field") = "disability")
      .def_property_readonly(
          "category", [](const disability_certificate& d) { return std::string(to_word(d.category())); })
      .def_property_readonly("category_label",
                             [](const disability_certificate& d) { return std::string(label(d.category())); })
      .def_property_readonly("grade", [](const disability_certificate& d) { return d.grade().value(); })
      .def_property_readonly("grade_label",
                             [](const disability_certificate& d) { return std::string(d.grade().label()); })
      .def_property_readonly("components",
                             [](const disability_certificate& d) {
                               std::vector<std::pair<std::string, int>> out;
                               for (const auto& e : d.components())
                                 out.emplace_back(std::string(to_word(e.category)), e.grade.value());
                               return out;
                             })
      .def(
          "shows",
          [](const disability_certificate& d, const std::string& category, int grade) {
            return d.shows(parse_disability_category(category, "category"), disability_grade(grade, "grade"));
          },
          py::arg("category"), py::arg("grade"))
      .def("__eq__", [](const disability_certificate& a, const disability_certificate& b) { return a == b; });
}

// --- facilities and stays --------------------------------------------------------------------

void register_facilities(py::module_& m) {
  m.def("facility_kinds", [] {
    std::vector<std::string> out;
    for (auto k : {facility_kind::institution, facility_kind::community, facility_kind::regional_centre,
                   facility_kind::travel_stay_base})
      out.emplace_back(to_word(k));
    return out;
  });

  py::class_<filing>(m, "filing", "A 备案 record: authority region, filed on, revoked on.")
      .def(py::init([](py::handle authority_region, py::handle filed_on, py::handle revoked_on,
                       std::string receipt_no, const std::string& field) {
             const region_code r = to_region(authority_region, field + ".authority_region");
             const date from = to_date(filed_on, field + ".filed_on");
             const std::optional<date> to = to_optional_date(revoked_on, field + ".revoked_on");
             return requalified("filing", field, [&] { return filing(r, from, to, std::move(receipt_no)); });
           }),
           py::arg("authority_region"), py::arg("filed_on"), py::arg("revoked_on") = py::none(),
           py::arg("receipt_no") = "", py::arg("field") = "filing")
      .def_property_readonly("authority_region", &filing::authority_region)
      .def_property_readonly("filed_on", &filing::filed_on)
      .def_property_readonly("revoked_on", &filing::revoked_on)
      .def_property_readonly("receipt_no", &filing::receipt_no)
      .def(
          "in_force_on", [](const filing& f, py::handle d) { return f.in_force_on(to_date(d, "on")); },
          py::arg("on"));

  py::class_<facility>(m, "facility", "An eldercare facility: id, kind, region, beds, filing.")
      .def(py::init([](std::string id, const std::string& kind, py::handle region, int beds,
                       std::optional<filing> f, const std::string& field) {
             const facility_kind k = parse_facility_kind(kind, field + ".kind");
             const region_code r = to_region(region, field + ".region");
             return requalified("facility", field,
                                [&] { return facility(std::move(id), k, r, beds, std::move(f)); });
           }),
           py::arg("id"), py::arg("kind"), py::arg("region"), py::arg("beds") = 0,
           py::arg("filing") = py::none(), py::arg("field") = "facility")
      .def_property_readonly("id", &facility::id)
      .def_property_readonly("kind", [](const facility& f) { return std::string(to_word(f.kind())); })
      .def_property_readonly("region", &facility::region)
      .def_property_readonly("beds", &facility::beds)
      .def_property_readonly("filing", &facility::filing)
      .def(
          "filed_on", [](const facility& f, py::handle d) { return f.filed_on(to_date(d, "on")); },
          py::arg("on"));

  py::class_<facility_registry>(m, "facility_registry", "Facilities by id.")
      .def(py::init<>())
      .def("add", &facility_registry::add, py::arg("facility"))
      .def(
          "find",
          [](const facility_registry& r, const std::string& id) -> std::optional<facility> {
            const facility* f = r.find(id);
            return f ? std::optional<facility>(*f) : std::nullopt;
          },
          py::arg("id"))
      .def("ids",
           [](const facility_registry& r) {
             std::vector<std::string> out;
             for (const auto& [id, f] : r) out.push_back(id);
             return out;
           })
      .def("__len__", &facility_registry::size)
      .def("__contains__",
           [](const facility_registry& r, const std::string& id) { return r.find(id) != nullptr; });

  py::class_<stay>(m, "stay", "A stay (入住) in a facility: admitted, discharged or ongoing.")
      .def(py::init([](std::string facility_id, py::handle admitted, py::handle discharged,
                       const std::string& field) {
             const date in = to_date(admitted, field + ".admitted");
             const std::optional<date> out = to_optional_date(discharged, field + ".discharged");
             return stay(std::move(facility_id), in, out, field);
           }),
           py::arg("facility_id"), py::arg("admitted"), py::arg("discharged") = py::none(),
           py::arg("field") = "stay")
      .def_property_readonly("facility_id", &stay::facility_id)
      .def_property_readonly("admitted", &stay::admitted)
      .def_property_readonly("discharged", &stay::discharged)
      .def_property_readonly("ongoing", &stay::ongoing)
      .def(
          "covers", [](const stay& s, py::handle d) { return s.covers(to_date(d, "on")); }, py::arg("on"))
      .def("__eq__", [](const stay& a, const stay& b) { return a == b; });
}

// --- persons and households ------------------------------------------------------------------

void register_id_numbers(py::module_& m) {
  py::class_<id_number>(m, "id_number", "A checked resident ID number (eldercare/person/id_number.hpp).")
      .def(py::init([](const std::string& text, const std::string& field) {
             return id_number::parse(text, field);
           }),
           py::arg("text"), py::arg("field") = "id_number")
      .def_property_readonly("text", &id_number::text)
      .def_property_readonly("as_issued", &id_number::as_issued)
      .def_property_readonly("legacy", &id_number::legacy)
      .def_property_readonly("birth_date", &id_number::birth_date)
      .def_property_readonly("region", &id_number::region)
      .def_property_readonly("sex", [](const id_number& n) { return std::string(to_word(n.sex())); })
      .def_property_readonly("check_character",
                             [](const id_number& n) { return std::string(1, n.check_character()); })
      .def("__eq__", [](const id_number& a, const id_number& b) { return a == b; })
      .def("__hash__", [](const id_number& n) { return py::hash(py::str(n.as_issued())); });
  m.def(
      "id_check_character",
      [](const std::string& first17) {
        const char c = id_check_character(first17);
        if (c == '?')
          throw invalid_value(error_id::invalid_id_number, "first17", first17,
                              "expected the first 17 digits of an ID number");
        return std::string(1, c);
      },
      py::arg("first17"));
  m.attr("id_number_weights") =
      py::cast(std::vector<int>(id_number_weights.begin(), id_number_weights.end()));
  m.def(
      "id_number_problem", [](const std::string& text) { return std::string(id_number::problem(text)); },
      py::arg("text"), "Why `text` is not an ID number, or ''.");
  m.def(
      "weight_micros",
      [](py::handle value, const std::string& field) {
        return schema_cells::weight_of(value, field).micros();
      },
      py::arg("value"), py::arg("field") = "weight",
      "A survey weight in millionths: a number rounded half to even at 6 decimals, or decimal text.");
}

void register_persons(py::module_& m) {
  m.def(
      "category_words",
      [] {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& w : enum_words<category>::entries)
          out.emplace_back(std::string(w.word), std::string(w.label));
        return out;
      },
      "(word, Chinese term) for every category, in declaration order.");
  m.def(
      "parse_category",
      [](const std::string& word, const std::string& field) {
        return std::string(to_word(parse_category(word, field)));
      },
      py::arg("word"), py::arg("field") = "categories");

  // A person's facts by their columns (schema/person.hpp): each fact that is one value of its own is
  // given and read generically; an assessment, a certificate, stays and programmes as values.
  py::class_<person>(m, "person",
                     "The facts eldercare's rules read about one person (validated on construction).")
      .def(py::init([](std::string id, py::handle birth_date, std::optional<assessment> ability,
                       std::optional<disability_certificate> disability, std::vector<stay> stays,
                       std::vector<std::string> programmes, const py::kwargs& facts) {
             namespace sc = eldercare::schema;
             if (id.empty())
               throw invalid_value(error_id::invalid_person, "persons[].id", "", "must not be empty");
             const std::string at = "persons[" + id + "]";
             const std::optional<date> birth = to_optional_date(birth_date, at + ".birth_date");
             person p{.id = std::move(id),
                      .birth_date = {},
                      .hukou = {region_code::from_number(110000), std::nullopt},
                      .residence = {region_code::from_number(110000), false},
                      .ability = std::move(ability),
                      .disability = std::move(disability),
                      .stays = std::move(stays),
                      .programmes = std::move(programmes)};
             // The facts given by keyword, by column: those that are one value of their own.
             auto given = [](const sc::field_info& f) {
               return f.access.to_person != nullptr && f.name != "id" && f.name != "birth_date";
             };
             std::size_t used = 0;
             std::string text;
             for (const sc::field_info& f : sc::person_fields) {
               if (!given(f)) continue;
               const py::str key(f.column.data(), f.column.size());
               if (!facts.contains(key)) {
                 if (f.required)
                   throw py::type_error("person() missing the keyword argument '" + std::string(f.column) +
                                        "'");
                 continue;
               }
               ++used;
               f.access.to_person(
                   p, schema_cells::from_python(f, facts[key], at + "." + std::string(f.name), text));
             }
             if (used != py::len(facts))
               for (const auto item : facts) {
                 const auto key = item.first.cast<std::string>();
                 if (std::none_of(sc::person_fields.begin(), sc::person_fields.end(),
                                  [&](const sc::field_info& f) { return given(f) && f.column == key; }))
                   throw py::type_error("person() got an unexpected keyword argument '" + key + "'");
               }
             // The date of birth: the one given, or the ID number's (both given must agree).
             p.birth_date = birth_date_of(birth, p.id_number, at + ".birth_date", at + ".id_number");
             validate(p);
             return p;
           }),
           py::arg("id"), py::arg("birth_date") = py::none(), py::kw_only(), py::arg("ability") = py::none(),
           py::arg("disability") = py::none(), py::arg("stays") = std::vector<stay>{},
           py::arg("programmes") = std::vector<std::string>{})
      .def_readonly("id", &person::id)
      .def_readonly("birth_date", &person::birth_date)
      .def_readonly("ability", &person::ability)
      .def_readonly("disability", &person::disability)
      .def_readonly("stays", &person::stays)
      .def_readonly("programmes", &person::programmes)
      .def(
          "record",
          [](const person& p) {
            // Every fact that is one value of its own, by column, in schema order.
            py::dict out;
            for (const auto& f : eldercare::schema::person_fields)
              if (f.access.of_person)
                out[py::str(f.column.data(), f.column.size())] =
                    schema_cells::to_python(f, f.access.of_person(p));
            return out;
          },
          "The person's facts that are one value each, by column (schema order).");

  m.def(
      "validate_person",
      [](const person& p, const facility_registry* facilities) { validate(p, facilities); },
      py::arg("person"), py::arg("facilities") = py::none(),
      "Checks a person against a facility registry: every stay must name a facility in it.");

  py::class_<household>(m, "household", "A household (户) and its members.")
      .def(py::init([](std::string id, std::vector<person> members) {
             if (id.empty())
               throw invalid_value(error_id::invalid_person, "household.id", "", "must not be empty");
             return household{std::move(id), std::move(members)};
           }),
           py::arg("id"), py::arg("members"))
      .def_readonly("id", &household::id)
      .def_readonly("members", &household::members);
}

} // namespace

/// Every enum's words, exported by type name ("transfer_rule": ["continues", "restarts"]); the Python
/// package reads its option words from here instead of spelling them again.
template <class... E>
py::dict word_lists() {
  py::dict d;
  auto add = [&](auto tag) {
    using T = typename decltype(tag)::type;
    py::list words;
    for (const auto& e : enum_words<T>::entries) words.append(py::str(std::string(e.word)));
    d[py::str(std::string(enum_words<T>::type))] = py::tuple(words);
  };
  (add(std::type_identity<E>{}), ...);
  return d;
}

void register_words(py::module_& m) {
  m.attr("words") =
      word_lists<age_reached, leap_day_birthday, period_unit, month_counting, check_time, transfer_rule,
                 pre_filing_days, legacy_code_reading, filing_authority, year_mark, region_level,
                 region_table::period_end, ability_scale, disability_category, self_care_rating, category,
                 facility_kind, benefit_unit, benefit_period, provenance, combination, payee, month_basis,
                 computability, decision_status, stacking_mode, reason_kind, condition_shape, subject_kind,
                 event_organiser, event_kind, synthetic_profile, health_condition, schema::field_kind,
                 schema::alias_in, sex, row_fields, missing_inputs, figure_measure, evidence_verdict>();
}

void register_values(py::module_& m) {
  // The Boost the module was compiled against ("1_85" from PyPI's boost-headers, "1_74" from Debian).
  m.attr("boost_version") = BOOST_LIB_VERSION;
  register_words(m);
  register_money(m);
  register_regions(m);
  register_ability(m);
  register_facilities(m);
  register_id_numbers(m);
  register_persons(m);
}

} // namespace eldercare_py
