// Writes docs/policies/: one Markdown page per catalog entry, generated from the catalog's own
// metadata (titles, versions, rules, citations, parameters, readings, examples), never hand-written.
//
//   policy_pages --write DIR   regenerate the pages into DIR
//   policy_pages --check DIR   exit 1 (listing the files) when DIR differs from what would be written
#include <filesystem> // directory listing for --check
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view> // seed file names

#include <eldercare/catalog/sources.hpp>
#include <eldercare/eldercare.hpp>

namespace {
using namespace eldercare;

std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

// A citation's source as Markdown: a seed file links to its copy in docs/sources/, kept beside the
// pages so that an entry can be read against the text it encodes; other sources (DOMAIN.md sections)
// are named as they are.
std::string source_link(const std::string& source) {
  const std::string_view file = catalog_sources::seed_file(source);
  if (file.empty()) return "`" + source + "`";
  return "[`" + source + "`](../sources/" + std::string(file) + ")";
}

void parameter_table(std::ostringstream& o, const char* heading, const parameter_list& ps) {
  o << "| " << heading << " | value | provenance | quote | note |\n|---|---|---|---|---|\n";
  for (const auto& prm : ps)
    o << "| " << cell(prm.name) << " | " << cell(prm.value) << " | " << to_word(prm.origin) << " | "
      << (prm.quote.empty() ? "" : "「" + cell(prm.quote) + "」") << " | " << cell(prm.note) << " |\n";
  o << "\n";
}

std::string in_force(const std::optional<date>& from, const std::optional<date>& to) {
  return (from ? to_iso(*from) : std::string("?")) + " – " + (to ? to_iso(*to) : std::string(""));
}

template <class Subject>
void write_policy(std::ostringstream& o, const basic_policy<Subject>& p) {
  if (p.status() == computability::announced) {
    o << "## Status: announced, not computable\n\n" << p.missing() << "\n\n";
    return;
  }
  o << "## Versions\n\n| version | in force | rules combine by | paid to | source |\n|---|---|---|---|---|\n";
  for (const auto& v : p.versions())
    o << "| " << v.label << " | " << in_force(v.effective_from, v.effective_to) << " | " << to_word(v.combine) << " | "
      << (v.paid_to == payee::household ? "household" : "person") << " | " << cell(v.cite.to_string()) << " |\n";
  o << "\n";
  for (const auto& v : p.versions()) {
    o << "## Version " << v.label << "\n\n";
    if (!v.parameters.empty()) parameter_table(o, "version parameter", v.parameters);
    for (const auto& r : v.rules) {
      o << "### Rule `" << r.id << "`: " << r.title << "\n\n";
      o << "- **Grants:** " << r.grant.to_string() << "\n";
      o << "- **Condition:** " << cell(r.condition.describe()) << "\n";
      o << "- **Source:** " << cell(r.cite.document) << (r.cite.clause.empty() ? "" : ", " + cell(r.cite.clause)) << "\n";
      if (!r.cite.key_phrase.empty()) o << "- **Key phrase:** 「" << cell(r.cite.key_phrase) << "」\n";
      if (!r.cite.source.empty()) o << "- **Read in:** " << source_link(r.cite.source) << "\n";
      o << "\n";
      if (!r.parameters.empty()) parameter_table(o, "parameter", r.parameters);
    }
  }
}

std::string page(const catalog& c, const catalog_entry& e) {
  std::ostringstream o;
  o << "# `" << e.id << "`: " << e.title << "\n\n";
  o << "<!-- Generated from the catalog by docs/generate/policy_pages.cpp; do not edit by hand. -->\n\n";
  o << "| | |\n|---|---|\n";
  o << "| Jurisdiction | " << cell(e.jurisdiction) << " |\n";
  o << "| Subject | " << to_word(e.subject) << " |\n";
  o << "| Source | " << source_link(e.source) << " |\n\n";
  o << e.summary << "\n\n";
  if (!e.components.empty()) {
    o << "This id is a bundle of the entries below; each has its own page (a person's grants under the bundle are "
         "their sum).\n\n";
    for (const auto& cid : e.components) o << "- [`" << cid << "`](" << cid << ".md)\n";
    o << "\n";
  }
  if (e.build) write_policy(o, c.policy_for(e.id));
  if (e.build_worker) write_policy(o, c.worker_policy_for(e.id));
  if (e.build_norms) {
    o << "## Planning norms\n\n| norm | requirement | provenance | source |\n|---|---|---|---|\n";
    for (const auto& n : c.norms_for(e.id))
      o << "| " << cell(n.title) << " | " << n.actual_name << " ≥ " << n.numerator << "/" << n.denominator << " × " << n.base_name
        << " | " << to_word(n.origin) << " | " << cell(n.cite.to_string()) << " |\n";
    o << "\n";
  }
  if (!e.readings.empty()) {
    o << "## Open readings\n\nWhere the source is silent, each reading is a named choice with a documented default; "
         "every choice is selectable at evaluation time.\n\n";
    o << "| reading | question | choices | default | provenance | why the default | reference |\n|---|---|---|---|---|---|---|\n";
    for (const auto& name : e.readings) {
      const reading* r = c.find_reading(name);
      std::string choices;
      for (const auto& ch : r->choices) choices += (choices.empty() ? "" : "; ") + ("`" + ch.value + "`: " + ch.meaning);
      if (!r->enumerable) choices = "free input";
      o << "| `" << r->name << "` | " << cell(r->question) << " | " << cell(choices) << " | `" << r->default_choice << "` | "
        << to_word(r->origin) << " | " << cell(r->rationale) << " | " << cell(r->reference) << " |\n";
    }
    o << "\n";
  }
  if (!e.examples.empty()) {
    o << "## Worked examples\n\n";
    for (const auto& ex : e.examples) o << "- " << ex << "\n";
    o << "\n";
  }
  return o.str();
}

std::map<std::string, std::string> all_pages(const catalog& c) {
  std::map<std::string, std::string> pages;
  std::ostringstream index;
  index << "# Policy catalog\n\n<!-- Generated from the catalog by docs/generate/policy_pages.cpp; do not edit by hand. -->\n\n";
  index << "| id | title | subject | source |\n|---|---|---|---|\n";
  for (const auto& e : c.entries()) {
    pages[e.id + ".md"] = page(c, e);
    index << "| [`" << e.id << "`](" << e.id << ".md) | " << cell(e.title) << " | " << to_word(e.subject) << " | " << source_link(e.source) << " |\n";
  }
  index << "\nThe seed documents the entries cite are kept in [`docs/sources/`](../sources/README.md), so that an entry "
           "can be read beside its source.\n";
  // The documentation site (Sphinx) needs every page in a toctree; hidden, because the table above is
  // the reader's index.
  index << "\n```{toctree}\n:hidden:\n\n";
  for (const auto& e : c.entries()) index << e.id << "\n";
  index << "../sources/README\n```\n";
  pages["index.md"] = index.str();
  return pages;
}
} // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::string(argv[1]) != "--write" && std::string(argv[1]) != "--check")) {
    std::cerr << "usage: policy_pages --write|--check DIR\n";
    return 2;
  }
  const bool write = std::string(argv[1]) == "--write";
  const std::filesystem::path dir = argv[2];
  const auto pages = all_pages(standard_catalog());
  int stale = 0;
  if (write) std::filesystem::create_directories(dir);
  for (const auto& [name, text] : pages) {
    const auto path = dir / name;
    std::ifstream in(path, std::ios::binary);
    std::stringstream current;
    current << in.rdbuf();
    if (in && current.str() == text) continue;
    if (write) {
      std::ofstream(path, std::ios::binary) << text;
    } else {
      std::cerr << "stale: " << path.string() << "\n";
      ++stale;
    }
  }
  // Pages of entries that no longer exist are stale too.
  if (std::filesystem::exists(dir))
    for (const auto& f : std::filesystem::directory_iterator(dir))
      if (f.path().extension() == ".md" && !pages.count(f.path().filename().string())) {
        if (write) std::filesystem::remove(f.path());
        else {
          std::cerr << "stale (no such entry): " << f.path().string() << "\n";
          ++stale;
        }
      }
  if (stale) std::cerr << stale << " policy page(s) out of date: regenerate with policy_pages --write docs/policies\n";
  return stale ? 1 : 0;
}
