// The schema of the subjects' facts (eldercare/schema.hpp) as plain Python data: _core.schema() is
// {subject: {"name", "cpp", "doc", "link", "fields": (field, ...)}}, each field a dict of what the
// schema row states. The Python package (eldercare/_schema.py) reads every name, column, alias and
// word from it.
#include "common.hpp"

#include <eldercare/schema.hpp>

namespace eldercare_py {

namespace {

using namespace eldercare;
using namespace eldercare::schema;

py::str text(std::string_view s) { return py::str(s.data(), s.size()); }

py::tuple words(std::span<const std::string_view> list) {
  py::tuple out(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) out[i] = text(list[i]);
  return out;
}

py::dict field_dict(const field_info& f) {
  py::dict d;
  d["name"] = text(f.name);
  d["column"] = text(f.column);
  d["json"] = text(f.name); // the JSON path is the name
  d["kind"] = text(to_word(f.kind));
  d["doc"] = text(f.doc);
  d["cpp"] = text(f.cpp);
  d["cpp_type"] = text(f.cpp_type);
  d["arrow"] = text(f.arrow);
  d["required"] = f.required;
  if (f.given_by.empty()) {
    d["given_by"] = py::none();
  } else {
    py::dict g;
    g["fact"] = text(f.given_by.fact);
    g["option"] = f.given_by.option.empty() ? py::object(py::none()) : py::object(text(f.given_by.option));
    g["note"] = text(f.given_by.note);
    d["given_by"] = g;
  }
  d["fills"] = text(to_word(f.fills));
  d["missing"] = text(f.missing);
  d["default"] = text(f.default_value);
  d["error_id"] = static_cast<int>(f.error);
  d["word_type"] = f.words.empty() ? py::object(py::none()) : py::object(text(f.words.type));
  d["words"] = words(f.words.words);
  d["labels"] = words(f.words.labels);
  d["min"] = f.kind == field_kind::integer ? py::object(py::int_(f.min)) : py::object(py::none());
  d["max"] = f.kind == field_kind::integer ? py::object(py::int_(f.max)) : py::object(py::none());
  py::list aliases;
  for (std::size_t k = 0; k < f.alias_count(); ++k) {
    const field_alias& a = f.aliases[k];
    py::dict ad;
    ad["name"] = text(a.name);
    ad["in"] = text(to_word(a.in));
    ad["word"] = a.word.empty() ? py::object(py::none()) : py::object(text(a.word));
    ad["note"] = text(a.note);
    aliases.append(ad);
  }
  d["aliases"] = py::tuple(aliases);
  d["part_of"] = f.part_of.empty() ? py::object(py::none()) : py::object(text(f.part_of));
  d["stored_as"] = text(f.stored_as);
  d["element"] = f.element.empty() ? py::object(py::none()) : py::object(text(f.element));
  return d;
}

} // namespace

void register_schema(py::module_& m) {
  m.def(
      "schema",
      [] {
        py::dict out;
        for (const subject_info& s : subjects) {
          py::dict d;
          d["name"] = text(s.name);
          d["cpp"] = text(s.cpp);
          d["doc"] = text(s.doc);
          d["link"] = s.link.empty() ? py::object(py::none()) : py::object(text(s.link));
          py::list fields;
          for (const field_info& f : s.fields) fields.append(field_dict(f));
          d["fields"] = py::tuple(fields);
          out[text(s.name)] = d;
        }
        return out;
      },
      "The schema of the subjects' facts: {subject: {name, cpp, doc, link, fields}} (eldercare/schema.hpp).");
}

} // namespace eldercare_py
