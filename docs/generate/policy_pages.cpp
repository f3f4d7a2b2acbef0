// Writes docs/policies/: one Markdown page per catalog entry, generated from the catalog's own
// metadata (titles, versions, rules, citations, parameters with their provenance and quote, readings,
// examples), never hand-written, and assumptions.md: every `assumed` default of the catalog in one
// table, so that a reviewer sees at a glance what is ours and not the law's.
//
//   policy_pages --write DIR   regenerate the pages into DIR
//   policy_pages --check DIR   exit 1 (listing the files) when DIR differs from what would be written
#include <cstdint>    // counts on the evidence tables
#include <filesystem> // directory listing for --check
#include <fstream>
#include <iostream>
#include <map>
#include <set> // the assumptions page's rows, each once
#include <sstream>
#include <string>
#include <string_view> // seed file names

#include <eldercare/catalog/sources.hpp>
#include <eldercare/catalog/validation.hpp>
#include <eldercare/eldercare.hpp>

namespace {
using namespace eldercare;

std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
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
    o << "| " << v.label << " | " << in_force(v.effective_from, v.effective_to) << " | " << to_word(v.combine)
      << " | " << (v.paid_to == payee::household ? "household" : "person") << " | "
      << cell(v.cite.to_string()) << " |\n";
  o << "\n";
  if (p.known_from())
    o << "**Known from " << to_iso(p.known_from()->from)
      << ".** A source shows the scheme existed earlier, but not how: "
      << "evaluations before " << to_iso(p.known_from()->from)
      << " are *undetermined* (neither eligible nor not "
      << "eligible; schedules leave those months' amounts unknown). Why: " << cell(p.known_from()->reason)
      << ".\n\n";
  for (const auto& v : p.versions()) {
    o << "## Version " << v.label << "\n\n";
    if (!v.parameters.empty()) parameter_table(o, "version parameter", v.parameters);
    for (const auto& r : v.rules) {
      o << "### Rule `" << r.id << "`: " << r.title << "\n\n";
      o << "- **Grants:** " << r.grant.to_string() << "\n";
      o << "- **Condition:** " << cell(r.condition.describe()) << "\n";
      o << "- **Source:** " << cell(r.cite.document)
        << (r.cite.clause.empty() ? "" : ", " + cell(r.cite.clause)) << "\n";
      if (!r.cite.key_phrase.empty()) o << "- **Key phrase:** 「" << cell(r.cite.key_phrase) << "」\n";
      if (!r.cite.source.empty()) o << "- **Read in:** " << source_link(r.cite.source) << "\n";
      o << "\n";
      if (!r.parameters.empty()) parameter_table(o, "parameter", r.parameters);
    }
  }
}

// The published figures' evidence about an entry's readings (catalog/validation.hpp), computed once
// for all pages: each figure model with its rows.
using evidence_map = std::map<std::string, std::vector<std::pair<figure_model, std::vector<validation_row>>>>;

evidence_map all_evidence(const catalog& c) {
  evidence_map out;
  for (const auto& m : figure_models())
    out[std::string(published_figure_at(m.figure).policy_id)].emplace_back(m, validate_model(c, m));
  return out;
}

// 1813500 → "1,813,500".
std::string grouped(std::int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

std::string take_up_text(double x) {
  if (x > 1e300) return "∞";
  std::ostringstream o;
  o << static_cast<long long>(x * 100 + 0.5) << "%";
  return o.str();
}

// The evidence section of an entry's page: the figure, the model, every combination's verdict, and
// what each reading's alternatives give with the other readings at their defaults.
void write_evidence(std::ostringstream& o,
                    const std::vector<std::pair<figure_model, std::vector<validation_row>>>& ev) {
  o << "## Evidence from the published figures\n\nThe [validation table](../validation.md) compares the "
       "model with what the government reported; a combination under which fewer people are eligible "
       "than were paid, beyond the model's uncertainty, is *contradicted by the published figures*.\n\n";
  for (const auto& [m, rows] : ev) {
    const published_figure& f = published_figure_at(m.figure);
    o << "Published: **" << grouped(f.value) << "** " << f.unit << ", " << f.when << ", 「" << f.quote
      << "」 (" << source_link(std::string(f.source)) << "). Modelled on " << grouped(m.base.elders)
      << " elders (" << m.base.what << " " << m.base.tag << "), calibration margin "
      << static_cast<int>(m.uncertainty * 100 + 0.5) << "%";
    if (!m.calibrated_from.empty())
      o << "; calibrated from this figure (" << m.calibrated_from << "): a check, not evidence";
    o << ".\n\n| readings | modelled eligible | upper bound | implied take-up | verdict "
         "|\n|---|---|---|---|---|\n";
    for (const auto& r : rows)
      o << "| " << cell(r.readings.to_string()) << (r.is_default ? " (defaults)" : "") << " | "
        << grouped(r.modelled) << " | " << grouped(r.modelled_upper) << " | " << take_up_text(r.take_up)
        << " | "
        << (r.verdict == evidence_verdict::contradicted ? "**contradicted**"
                                                        : std::string(to_word(r.verdict)))
        << (r.rank ? " (rank " + std::to_string(r.rank) + ")" : std::string()) << " |\n";
    o << "\n";
    // Each reading alone: its values with the other readings at their defaults.
    const validation_row* defaults = nullptr;
    for (const auto& r : rows)
      if (r.is_default) defaults = &r;
    for (const auto name : m.readings) {
      o << "- `" << name << "`:";
      for (const auto& r : rows) {
        bool others_default = true;
        for (const auto& [k, v] : r.readings.chosen())
          if (k != name && v != defaults->readings.chosen().at(k)) others_default = false;
        if (!others_default) continue;
        o << " `" << r.readings.chosen().at(std::string(name)) << "` → " << r.modelled
          << " eligible, take-up " << take_up_text(r.take_up) << ", " << to_word(r.verdict) << ";";
      }
      o << "\n";
    }
    o << "\n";
  }
}

std::string page(const catalog& c, const catalog_entry& e, const evidence_map& evidence) {
  std::ostringstream o;
  o << "# `" << e.id << "`: " << e.title << "\n\n";
  o << "<!-- Generated from the catalog by docs/generate/policy_pages.cpp; do not edit by hand. -->\n\n";
  o << "| | |\n|---|---|\n";
  o << "| Jurisdiction | " << cell(e.jurisdiction) << " |\n";
  o << "| Subject | " << to_word(e.subject) << " |\n";
  o << "| Source | " << source_link(e.source) << " |\n\n";
  o << e.summary << "\n\n";
  if (!e.components.empty()) {
    o << "This id is a bundle of the entries below; each has its own page (a person's grants under the "
         "bundle are "
         "their sum).\n\n";
    for (const auto& cid : e.components) o << "- [`" << cid << "`](" << cid << ".md)\n";
    o << "\n";
  }
  if (e.build) write_policy(o, c.policy_for(e.id));
  if (e.build_worker) write_policy(o, c.worker_policy_for(e.id));
  if (e.build_event) write_policy(o, c.event_policy_for(e.id));
  if (e.build_norms) {
    o << "## Planning norms\n\n| norm | requirement | provenance | quote | source |\n|---|---|---|---|---|\n";
    for (const auto& n : c.norms_for(e.id))
      o << "| " << cell(n.title) << " | " << n.actual_name << " ≥ " << n.numerator << "/" << n.denominator
        << " × " << n.base_name << " | " << to_word(n.origin) << " | "
        << (n.cite.key_phrase.empty() ? "" : "「" + cell(n.cite.key_phrase) + "」") << " | "
        << cell(n.cite.document + (n.cite.clause.empty() ? "" : " " + n.cite.clause)) << ", "
        << source_link(n.cite.source) << " |\n";
    o << "\n";
  }
  if (!e.readings.empty()) {
    o << "## Open readings\n\nWhere the source is silent, each reading is a named choice with a documented "
         "default; "
         "every choice is selectable at evaluation time.\n\n";
    o << "| reading | question | choices | default | provenance | quote | why the default | reference |\n"
         "|---|---|---|---|---|---|---|---|\n";
    for (const auto& name : e.readings) {
      const reading* r = c.find_reading(name);
      std::string choices;
      for (const auto& ch : r->choices)
        choices += (choices.empty() ? "" : "; ") + ("`" + ch.value + "`: " + ch.meaning);
      if (!r->enumerable) choices = "free input";
      o << "| `" << r->name << "` | " << cell(r->question) << " | " << cell(choices) << " | `"
        << r->default_choice << "` | " << to_word(r->origin) << " | "
        << (r->quote.empty() ? "" : "「" + cell(r->quote) + "」") << " | " << cell(r->rationale) << " | "
        << cell(r->reference) << " |\n";
    }
    o << "\n";
  }
  if (const auto it = evidence.find(e.id); it != evidence.end()) write_evidence(o, it->second);
  if (!e.examples.empty()) {
    o << "## Worked examples\n\n";
    for (const auto& ex : e.examples) o << "- " << ex << "\n";
    o << "\n";
  }
  return o.str();
}

// Every `assumed` default of the catalog: parameters as the entries report them under the default
// readings (each row once per entry, with the versions and rules it appears in), then the readings
// whose default is assumed.
struct assumption_rows {
  struct row {
    std::string entry, name, value, note;
    auto operator<=>(const row&) const = default;
  };
  std::map<row, std::set<std::string>> where; // row → "version 2020 / rule jin_ji_meng", ...

  template <class Subject>
  void add(const std::string& entry, const basic_policy<Subject>& p) {
    for (const auto& v : p.versions()) {
      for (const auto& prm : v.parameters)
        if (prm.origin == provenance::assumed)
          where[{entry, prm.name, prm.value, prm.note}].insert("version " + v.label);
      for (const auto& r : v.rules)
        for (const auto& prm : r.parameters)
          if (prm.origin == provenance::assumed)
            where[{entry, prm.name, prm.value, prm.note}].insert("version " + v.label + " / rule " + r.id);
    }
  }
};

std::string assumptions_page(const catalog& c) {
  assumption_rows rows;
  for (const auto& e : c.entries()) {
    if (e.build) rows.add(e.id, c.policy_for(e.id));
    if (e.build_worker) rows.add(e.id, c.worker_policy_for(e.id));
    if (e.build_event) rows.add(e.id, c.event_policy_for(e.id));
  }
  std::ostringstream o;
  o << "# What is assumed: every `assumed` default of the catalog\n\n";
  o << "<!-- Generated from the catalog by docs/generate/policy_pages.cpp; do not edit by hand. -->\n\n";
  o << "Each value below is ours, not the law's: no seed states it, no policy text of `DOMAIN.md` gives it, "
       "and it "
       "is not computed from stated figures. Every one is documented where it is used and can be changed: a "
       "reading "
       "by choosing another of its values, a parameter by a reform. Values that rest on the seeds (`stated`, "
       "with "
       "their quotes), on `DOMAIN.md` (`sourced`) or on arithmetic (`derived`) are on the policy pages.\n\n";
  o << "## Parameters (under the default readings)\n\n";
  o << "| entry | parameter | value | why | where |\n|---|---|---|---|---|\n";
  std::size_t count = 0;
  for (const auto& [r, places] : rows.where) {
    std::string at;
    for (const auto& w : places) at += (at.empty() ? "" : "; ") + w;
    o << "| [`" << r.entry << "`](" << r.entry << ".md) | " << cell(r.name) << " | " << cell(r.value) << " | "
      << cell(r.note) << " | " << cell(at) << " |\n";
    ++count;
  }
  o << "\n" << count << " assumed parameters.\n\n";
  o << "## Readings whose default is assumed\n\n";
  o << "| reading | question | default | why the default | used by |\n|---|---|---|---|---|\n";
  std::size_t readings = 0;
  for (const auto& r : c.readings()) {
    if (r.origin != provenance::assumed) continue;
    std::string users;
    for (const auto& e : c.entries())
      for (const auto& n : e.readings)
        if (n == r.name && e.components.empty()) users += (users.empty() ? "" : ", ") + ("`" + e.id + "`");
    o << "| `" << r.name << "` | " << cell(r.question) << " | `"
      << (r.default_choice.empty() ? "(none)" : r.default_choice) << "` | " << cell(r.rationale) << " | "
      << users << " |\n";
    ++readings;
  }
  o << "\n" << readings << " readings with an assumed default.\n";
  return o.str();
}

std::map<std::string, std::string> all_pages(const catalog& c) {
  std::map<std::string, std::string> pages;
  const evidence_map evidence = all_evidence(c);
  std::ostringstream index;
  index << "# Policy catalog\n\n<!-- Generated from the catalog by docs/generate/policy_pages.cpp; do not "
           "edit by hand. -->\n\n";
  index << "| id | title | subject | source |\n|---|---|---|---|\n";
  for (const auto& e : c.entries()) {
    pages[e.id + ".md"] = page(c, e, evidence);
    index << "| [`" << e.id << "`](" << e.id << ".md) | " << cell(e.title) << " | " << to_word(e.subject)
          << " | " << source_link(e.source) << " |\n";
  }
  index << "\nThe seed documents the entries cite are kept in [`docs/sources/`](../sources/README.md), so "
           "that an entry "
           "can be read beside its source; [third-party material](../sources/third_party.md) the catalog "
           "mentions but "
           "does not rely on is recorded there too. [What is assumed](assumptions.md) lists every `assumed` "
           "default "
           "of the catalog in one table.\n";
  // The documentation site (Sphinx) needs every page in a toctree; hidden, because the table above is
  // the reader's index.
  index << "\n```{toctree}\n:hidden:\n\n";
  for (const auto& e : c.entries()) index << e.id << "\n";
  index << "assumptions\n../sources/README\n../sources/third_party\n```\n";
  pages["index.md"] = index.str();
  pages["assumptions.md"] = assumptions_page(c);
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
  if (stale)
    std::cerr << stale << " policy page(s) out of date: regenerate with policy_pages --write docs/policies\n";
  return stale ? 1 : 0;
}
