// Writes docs/schema.md, the reference of the subjects' facts, from the schema itself
// (eldercare/schema.hpp): every fact's name, column, kind, Arrow type, words, what missing means and
// its aliases, never hand-written.
//
//   schema_page --write FILE   regenerate the page
//   schema_page --check FILE   exit 1 when FILE differs from what would be written
#include <fstream>     // the page
#include <iostream>    // usage and staleness
#include <sstream>     // the page built in memory
#include <string>      // text
#include <string_view> // the schema's names

#include <eldercare/schema.hpp>

namespace {
using namespace eldercare;
using namespace eldercare::schema;

std::string cell(std::string_view s) {
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

std::string code(std::string_view s) { // appended, not "`" + std::string(s): GCC 12's false -Wrestrict at -O3
  std::string out = "`";
  out += s;
  out += '`';
  return out;
}

std::string aliases(const field_info& f) {
  std::string out;
  for (std::size_t k = 0; k < f.alias_count(); ++k) {
    const field_alias& a = f.aliases[k];
    if (!out.empty()) out += "; ";
    out += code(a.name) + " (" +
           std::string(a.in == alias_in::json     ? "JSON"
                       : a.in == alias_in::header ? "column header"
                                                  : "column");
    if (!a.word.empty()) out += ", true/false for " + code(a.word);
    out += "): " + cell(a.note);
  }
  return out;
}

std::string kind(const field_info& f) {
  std::string out(to_word(f.kind));
  if (!f.words.empty()) out += " of " + code(f.words.type);
  if (f.kind == field_kind::integer) out += " " + std::to_string(f.min) + "–" + std::to_string(f.max);
  if (!f.element.empty()) out += " of " + code(f.element);
  return out;
}

std::string when_missing(const field_info& f) {
  if (!f.required) return cell(f.default_value);
  if (f.given_by.empty()) return "required";
  return "required, or given by " + code(f.given_by.fact) +
         (f.given_by.option.empty() ? std::string() : " with the option " + code(f.given_by.option)) + ": " +
         cell(f.given_by.note);
}

void subject_table(std::ostringstream& o, const subject_info& s) {
  o << "## " << s.name << "\n\n" << cell(s.doc) << " (`" << s.cpp << "`).";
  if (!s.link.empty())
    o << " A table of its own names each element's owner in the column `" << s.link << "`.";
  o << "\n\n| fact (JSON path) | column | kind | Arrow | when missing | rules read it as | aliases "
       "| meaning |\n"
    << "|---|---|---|---|---|---|---|---|\n";
  for (const field_info& f : s.fields)
    o << "| " << code(f.name) << " | " << code(f.column) << " | " << kind(f) << " | " << code(f.arrow)
      << " | " << when_missing(f) << " | "
      << (f.fills == row_fields::none ? std::string("—") : code(to_word(f.fills))) << " | " << aliases(f)
      << " | " << cell(f.doc) << " |\n";
  o << "\n";
}

/// The Chinese column headers of spreadsheets, and the facts they name (a subject's aliases in headers).
void header_table(std::ostringstream& o) {
  o << "## Spreadsheet headers\n\n"
    << "A civil-affairs spreadsheet names its columns in Chinese. `eldercare.io.read_population` (and the "
       "command line, for `.xlsx` files) reads these headers as the facts below, so a sheet needs no "
       "renaming; any table (a DataFrame, Parquet) may use them too. In a sheet of persons the stay headers "
       "give each person one stay. Headers that name no fact (`姓名`, `序号`, `联系电话` ...) are ignored; a "
       "sheet without an id column gives each person its row number as id.\n\n"
    << "| header | subject | fact | column |\n|---|---|---|---|\n";
  for (const subject_info& s : subjects)
    for (const field_info& f : s.fields)
      for (std::size_t k = 0; k < f.alias_count(); ++k)
        if (f.aliases[k].in == alias_in::header)
          o << "| " << f.aliases[k].name << " | " << s.name << " | " << code(f.name) << " | "
            << code(f.column) << " |\n";
  o << "\n";
}

std::string page() {
  std::ostringstream o;
  o << "# Facts and their names (the schema)\n\n"
    << "<!-- Generated from include/eldercare/schema/ by docs/generate/schema_page.cpp; do not edit by hand. "
       "-->\n\n"
    << "Every fact eldercare reads about a person, a stay or a facility is declared once, in C++ "
       "(`include/eldercare/schema/`), and every boundary follows that declaration: the JSON interchange "
       "format (`eldercare.io`), the flat columns of populations (pandas, Arrow, numpy, CSV, Parquet, Dask), "
       "the Python value classes and `Population.to_arrow()`. The Python package reads it as "
       "`eldercare._schema`.\n\n"
    << "**One name per fact.** A fact's name is its path in JSON and in the value classes: `hukou.since` is "
       "`{\"hukou\": {\"since\": ...}}` and `person.hukou.since`. Its flat column is the name with `_` for "
       "`.`: `hukou_since`. Output (JSON, Arrow, pandas) always uses these names.\n\n"
    << "**Aliases.** Names a fact had before, or other spellings input may use, are declared with the fact "
       "and still read: in JSON where marked JSON, as a table's column where marked column or column header "
       "(the Chinese headers of spreadsheets, listed again under Spreadsheet headers below). A column alias "
       "\"true/false for a word\" is one true/false column per word of a set (`mental_illness` for "
       "`health`). Giving a fact under two names is an error naming the second.\n\n"
    << "**Given by another fact.** A required fact may come from another: a resident ID number "
       "(`id_number`) gives the date of birth when a record has none (both given must agree), and, only with "
       "the reader's option `hukou_from_id`, the hukou region (the region that first issued the number, not "
       "necessarily today's hukou).\n\n"
    << "**Rules read it as.** The member of a rule subject the fact fills (`rules/row_fields.hpp`), which "
       "leaves declare they read: a policy whose rules read a member that no column of a population gives "
       "(no `categories` column, and a rule testing categories) is refused instead of taking every row as "
       "holding none, unless the caller takes missing inputs as absent (`missing=\"absent\"`, "
       "`--missing absent`).\n\n"
    << "**Kinds.** `text`; `date` (a `date32` column, ISO text, `datetime.date`); `region` (a GB/T 2260 "
       "code, as a whole number or text); `flag` (true/false); `integer` (a whole number in the fact's "
       "range, null when missing: -1 or any number outside the range is refused, never read as missing); "
       "`word` (one word of an enum; a Chinese label is read too where the enum has one); "
       "`word_set` (a set of words: in JSON a list, or an object of word: true/false; in a column "
       "comma-separated words, a list, or bits — bit *i* is the *i*-th word); `text_list`; `record_list` "
       "(elements of another subject); `fixed_point` (a number at least 0 kept to 6 decimals as a whole "
       "number of millionths, rounded half to even when read: a float64 or int64 column, or decimal text; "
       "a survey weight).\n\n"
    << "**Checked once, at the boundary.** Every input form (DataFrame, dict of lists or numpy arrays, "
       "Arrow, CSV, Parquet, JSON, `Person` values) is checked by the same rules: one value per row (a "
       "column whose length disagrees with the ids, or a 2-D array, is refused), each value of its kind "
       "and in its range, a column named once, ids unique. A refusal is `InvalidValue` naming the column, "
       "the row and the id, and the value as given (at most 200 characters, with its full length "
       "stated).\n\n";
  for (const subject_info& s : subjects) subject_table(o, s);
  header_table(o);
  o << "## Words\n\n| enum | words (Chinese labels) |\n|---|---|\n";
  std::string_view seen[16];
  std::size_t n = 0;
  for (const subject_info& s : subjects)
    for (const field_info& f : s.fields) {
      if (f.words.empty()) continue;
      bool done = false;
      for (std::size_t k = 0; k < n; ++k) done = done || seen[k] == f.words.type;
      if (done) continue;
      seen[n++] = f.words.type;
      std::string words;
      for (std::size_t i = 0; i < f.words.words.size(); ++i) {
        if (!words.empty()) words += ", ";
        words += code(f.words.words[i]);
        if (!f.words.labels[i].empty()) words += " (" + std::string(f.words.labels[i]) + ")";
      }
      o << "| " << code(f.words.type) << " | " << words << " |\n";
    }
  o << "\n## Adding a person fact\n\n"
    << "A new fact of its own (text, a date, a region, a flag, a whole number, a word or a set of words) is: "
       "a member of `eldercare::person` (`include/eldercare/person/person.hpp`); its column in "
       "`population_columns` (`include/eldercare/batch/population_columns.hpp`: the `row_input` member, the "
       "column, `column_names`, `reserve`/`store`/`truncate`, the accessor, `to_person` and, when rules read "
       "it, `fill`); its row in `include/eldercare/schema/person.hpp` with its access; its keyword in "
       "`eldercare.Person` (`python/eldercare/_values.py`) when Python should see it; and a test. The "
       "binding's "
       "columns, `_core.person`, JSON, CSV, Parquet, Arrow, pandas and Dask follow the schema row; this page "
       "is "
       "regenerated with `schema_page --write docs/schema.md`.\n";
  return o.str();
}
} // namespace

int main(int argc, char** argv) {
  if (argc != 3 || (std::string(argv[1]) != "--write" && std::string(argv[1]) != "--check")) {
    std::cerr << "usage: schema_page --write|--check FILE\n";
    return 2;
  }
  const std::string text = page();
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream current;
  current << in.rdbuf();
  if (in && current.str() == text) return 0;
  if (std::string(argv[1]) == "--write") {
    std::ofstream(argv[2], std::ios::binary) << text;
    return 0;
  }
  std::cerr << "stale: " << argv[2] << ": regenerate with schema_page --write " << argv[2] << "\n";
  return 1;
}
