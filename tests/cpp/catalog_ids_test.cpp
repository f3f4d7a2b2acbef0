// Every catalog id of POLICIES.md exists, cites its source, and gives every parameter a provenance
// and a note or the seed's words; every cited seed is kept in docs/sources/ and every quote is in it.
#include <catch2/catch.hpp>

#include <cstdlib>    // std::getenv: ELDERCARE_SHARED_DIR
#include <filesystem> // docs/sources/ listing
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "eldercare/catalog/sources.hpp" // seed file names (the umbrella only declares the catalog)
#include "eldercare/eldercare.hpp"

using namespace eldercare;

namespace {
// The ids as written in POLICIES.md (a public interface: keep in step with it).
const std::vector<std::string> policies_md_ids = {
    "cn.beijing.xicheng.cross_region_care",
    "cn.beijing.xicheng.travel_stay",
    "cn.beijing.xicheng.high_skill_talent",
    "cn.beijing.xicheng.planning_norms",
    "cn.shandong.weihai.home_care_purchase",
    "cn.shandong.weihai.platform_phone_subsidy",
    "cn.shandong.weihai.caregiver_post_subsidy",
    "cn.shandong.rongcheng.rural_free_lunch",
    "cn.shaanxi.xixian.rural_center_admission",
    "cn.shaanxi.xixian.difficult_elder_subsidy",
    "cn.shaanxi.xixian.pension_premium_waiver",
    "cn.shaanxi.xixian.planning_norms",
    "cn.guangdong.special_hardship_visits",
    "cn.shaanxi.xian.disabled_care_subsidy",
    "cn.shaanxi.xian.rural_living_allowance",
    "cn.shaanxi.xian.accident_insurance",
    "cn.shaanxi.xian.advanced_age_allowance",
    "cn.shaanxi.xian.public_home_waitlist",
    "cn.beijing.elderly_allowances",
};

// Ids the catalog adds beside POLICIES.md's (bundle components, and rules of the seeds that POLICIES.md
// does not list: issue 13), in its style: cn.<province>[.<place>].<name>.
const std::vector<std::string> more_ids = {
    "cn.beijing.xicheng.high_skill_talent.hiring",
    "cn.beijing.xicheng.high_skill_talent.wage_growth",
    "cn.beijing.xicheng.high_skill_talent.competition",
    "cn.beijing.elderly_allowances.hardship",
    "cn.beijing.elderly_allowances.disability_care",
    "cn.beijing.elderly_allowances.advanced_age",
    "cn.national.disabled_two_subsidies",
    "cn.shandong.weihai.platform_free_phone",
    "cn.shandong.weihai.planning_norms",
    "cn.shaanxi.xixian.rural_call_devices",
    "cn.guangdong.planning_norms",
    "cn.shaanxi.xian.planning_norms",
};

template <class Subject>
void check_policy(const basic_policy<Subject>& p) {
  INFO(p.id());
  if (p.status() == computability::announced) {
    CHECK_FALSE(p.missing().empty());
    return;
  }
  for (const auto& v : p.versions()) {
    CHECK_FALSE(v.cite.document.empty());
    CHECK(v.cite.effective_from.has_value());
    for (const auto& r : v.rules) {
      INFO(r.id);
      CHECK_FALSE(r.cite.document.empty());
      CHECK_FALSE(r.cite.source.empty());
      CHECK_FALSE(r.parameters.empty());
      // Why the value is what it is: a note, or the seed's own words.
      for (const auto& prm : r.parameters) CHECK_FALSE((prm.note.empty() && prm.quote.empty()));
    }
  }
}
} // namespace

TEST_CASE("every id of POLICIES.md is in the catalog with citations and provenance") {
  const catalog& c = standard_catalog();
  for (const auto& id : policies_md_ids) {
    INFO(id);
    const catalog_entry* e = c.find(id);
    REQUIRE(e != nullptr);
    CHECK_FALSE(e->title.empty());
    CHECK_FALSE(e->source.empty());
    CHECK_FALSE(e->summary.empty());
    CHECK((e->build || e->build_worker || e->build_norms || !e->components.empty()));
    if (e->build) check_policy(c.policy_for(id));
    if (e->build_worker) check_policy(c.worker_policy_for(id));
    if (e->build_norms)
      for (const auto& n : c.norms_for(id)) {
        CHECK_FALSE(n.cite.document.empty());
        CHECK(n.denominator > 0);
      }
    for (const auto& name : e->readings) CHECK(c.find_reading(name) != nullptr);
  }
}

TEST_CASE("every other id is in POLICIES.md's style, cited, with its policy page") {
  const catalog& c = standard_catalog();
  const std::regex style(R"(^cn\.[a-z]+(\.[a-z_]+)+$)");
  std::set<std::string> listed(policies_md_ids.begin(), policies_md_ids.end());
  listed.insert(more_ids.begin(), more_ids.end());
  for (const auto& e : c.entries()) {
    INFO(e.id);
    CHECK(listed.count(e.id) == 1); // every entry is one of the two lists
    CHECK(std::regex_match(e.id, style));
    CHECK(std::filesystem::is_regular_file(std::filesystem::path(ELDERCARE_SOURCE_DIR) / "docs" / "policies" /
                                           (e.id + ".md")));
  }
  for (const auto& id : more_ids) {
    INFO(id);
    const catalog_entry* e = c.find(id);
    REQUIRE(e != nullptr);
    CHECK_FALSE(e->summary.empty());
    if (e->build) check_policy(c.policy_for(id));
    if (e->build_worker) check_policy(c.worker_policy_for(id));
    if (e->build_event) check_policy(c.event_policy_for(id));
    if (e->build_norms)
      for (const auto& n : c.norms_for(id)) {
        CHECK_FALSE(n.cite.key_phrase.empty());
        CHECK(n.denominator > 0);
      }
  }
}

TEST_CASE("the ids list matches POLICIES.md when it is beside the repository") {
  std::ifstream in(std::string(ELDERCARE_SOURCE_DIR) + "/../shared/POLICIES.md");
  if (!in) {
    WARN("../shared/POLICIES.md not found; the hard-coded list above is checked instead");
    return;
  }
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  std::set<std::string> in_doc;
  const std::regex id(R"(\| `(cn\.[a-z0-9_.]+)` \|)");
  for (auto it = std::sregex_iterator(s.begin(), s.end(), id); it != std::sregex_iterator(); ++it)
    in_doc.insert((*it)[1]);
  CHECK(in_doc == std::set<std::string>(policies_md_ids.begin(), policies_md_ids.end()));
}

namespace {
const std::filesystem::path sources_dir = std::filesystem::path(ELDERCARE_SOURCE_DIR) / "docs" / "sources";

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every citation, parameter and the citation it rests on, of everything the catalog builds under the
// default readings (policies, worker policies, the competition event policy, norms, stacking).
struct catalog_citations {
  std::vector<std::pair<std::string, citation>> cites;
  std::vector<std::pair<std::string, parameter_info>> params; // with the source of their citation
  std::vector<std::string> param_sources;

  template <class Subject>
  void add(const basic_policy<Subject>& p) {
    for (const auto& v : p.versions()) {
      const std::string where = p.id() + " " + v.label;
      cites.emplace_back(where, v.cite);
      for (const auto& prm : v.parameters) {
        params.emplace_back(where, prm);
        param_sources.push_back(v.cite.source);
      }
      for (const auto& r : v.rules) {
        cites.emplace_back(where + " " + r.id, r.cite);
        for (const auto& prm : r.parameters) {
          params.emplace_back(where + " " + r.id, prm);
          param_sources.push_back(r.cite.source);
        }
      }
    }
  }
};

catalog_citations all_citations(const catalog& c) {
  catalog_citations out;
  for (const auto& e : c.entries()) {
    if (e.build) out.add(c.policy_for(e.id));
    if (e.build_worker) out.add(c.worker_policy_for(e.id));
    if (e.build_event) out.add(c.event_policy_for(e.id));
    if (e.build_norms)
      for (const auto& n : c.norms_for(e.id)) out.cites.emplace_back(e.id + " norm " + n.id, n.cite);
  }
  return out;
}

// A source is a seed file kept in docs/sources/, or a section of DOMAIN.md ("DOMAIN.md E.1 (...)").
bool source_resolves(const std::string& source) {
  const std::string_view file = catalog_sources::seed_file(source);
  if (!file.empty()) return std::filesystem::is_regular_file(sources_dir / std::string(file));
  static const std::regex domain_section(R"(^DOMAIN\.md [A-F](\.[0-9]+)?( .*)?$)");
  return std::regex_match(source, domain_section);
}
} // namespace

TEST_CASE(
    "every source an entry or a citation names is a seed kept in docs/sources/ or a DOMAIN.md section") {
  const catalog& c = standard_catalog();
  for (const auto& e : c.entries()) {
    INFO(e.id << ": " << e.source);
    CHECK(source_resolves(e.source));
  }
  const catalog_citations all = all_citations(c);
  REQUIRE(all.cites.size() > 50);
  for (const auto& [where, cite] : all.cites) {
    INFO(where << ": " << cite.source);
    CHECK(source_resolves(cite.source));
  }
  // Stacking declarations cite the rule they apply; only an assumed one may cite nothing.
  for (const auto& r : c.stacking().rules()) {
    INFO(r.first << " / " << r.second << ": " << r.cite.source);
    if (r.cite.source.empty()) CHECK(r.origin == provenance::assumed);
    else
      CHECK(source_resolves(r.cite.source));
  }
  // Something that is not a seed or a section is refused.
  CHECK_FALSE(source_resolves("seeds/999_missing.txt"));
  CHECK_FALSE(source_resolves("DOMAIN.md"));
  CHECK_FALSE(source_resolves("https://example.org/policy.html"));
}

TEST_CASE("docs/sources/ holds exactly the cited seeds") {
  std::set<std::string> cited;
  for (const auto& [where, cite] : all_citations(standard_catalog()).cites)
    if (const auto file = catalog_sources::seed_file(cite.source); !file.empty()) cited.emplace(file);
  for (const char* seed : {catalog_sources::seed_000, catalog_sources::seed_001, catalog_sources::seed_002,
                           catalog_sources::seed_003, catalog_sources::seed_004})
    CHECK(cited.count(std::string(catalog_sources::seed_file(seed))) == 1);
  // The seeds are the .txt files; README.md and third_party.md describe them and other sources.
  std::set<std::string> kept;
  for (const auto& f : std::filesystem::directory_iterator(sources_dir))
    if (f.path().extension() == ".txt") kept.insert(f.path().filename().string());
  CHECK(kept == cited);
}

namespace {
// Seed text as the quote test compares it: full-width punctuation read as half-width (，：；（）！？ as
// , : ; ( ) ! ?) and spaces dropped (ASCII, ideographic U+3000, tabs). Nothing else is forgiven.
std::string normalised(std::string_view s) {
  static const std::pair<std::string_view, std::string_view> map[] = {
      {"，", ","}, {"：", ":"}, {"；", ";"},    {"（", "("}, {"）", ")"},
      {"！", "!"}, {"？", "?"}, {"\u3000", ""}, {" ", ""},   {"\t", ""}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& [from, to] : map)
      if (s.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    if (!replaced) out += s[i++];
  }
  return out;
}

// The fragments of a quote: the seed's words, several joined by … where the text is split.
std::vector<std::string> fragments(std::string_view quote) {
  std::vector<std::string> out;
  const std::string_view ellipsis = "…";
  for (std::size_t at = 0;;) {
    const std::size_t next = quote.find(ellipsis, at);
    const std::string_view part =
        quote.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at);
    if (!normalised(part).empty()) out.emplace_back(part);
    if (next == std::string_view::npos) break;
    at = next + ellipsis.size();
  }
  return out;
}

// Whether every fragment of `quote` is in `seed` (both normalised); an empty quote is not.
bool quoted_in(std::string_view quote, const std::string& seed) {
  const std::vector<std::string> parts = fragments(quote);
  if (parts.empty()) return false;
  const std::string text = normalised(seed);
  for (const auto& part : parts)
    if (text.find(normalised(part)) == std::string::npos) return false;
  return true;
}

std::string seed_text(const std::string& source) {
  const std::string_view file = catalog_sources::seed_file(source);
  return file.empty() ? std::string() : read_text(sources_dir / std::string(file));
}

// Free inputs without which some entries are not computable (the notice's city, amounts no source
// gives): values to build those entries with, so that what they state is checked too.
const reading_set free_inputs{{"guangdong.visits.region", "442000"},
                              {"weihai.caregiver.amount_yuan", "10000"},
                              {"xixian.difficult_elder.amount_yuan", "100"},
                              {"xixian.pension_premium.amount_yuan", "200"}};

// The citations and parameters of the catalog under its default readings and under every reading
// that differs from them in one choice (so that what a non-default reading states is checked too),
// without and with the free inputs given.
catalog_citations every_reading(const catalog& c) {
  catalog_citations out = all_citations(c);
  for (const reading_set& base : {reading_set{}, free_inputs}) {
    for (const auto& e : c.entries()) {
      auto add = [&](const reading_set& chosen) {
        if (e.build) out.add(c.policy_for(e.id, chosen));
        if (e.build_worker) out.add(c.worker_policy_for(e.id, chosen));
        if (e.build_event) out.add(c.event_policy_for(e.id, chosen));
      };
      add(base);
      for (const auto& name : e.readings) {
        const reading& r = *c.find_reading(name);
        if (!r.enumerable) continue;
        for (const auto& choice : r.choices) {
          if (choice.value == r.default_choice) continue;
          reading_set one = base;
          one.set(name, choice.value);
          add(one);
        }
      }
    }
  }
  return out;
}
} // namespace

TEST_CASE("the quote test's comparison forgives punctuation width and spaces only") {
  CHECK(quoted_in("每人每月补贴600元", "…,每人每月补贴600元“"));
  CHECK(quoted_in("满三个月的，每人每月", "满三个月的,每人每月")); // full-width comma in the quote
  CHECK(
      quoted_in("满三个月的,每人每月", "满三个月的， 每人每月")); // full-width comma and a space in the seed
  CHECK(quoted_in("入住…满三个月", "对西城户籍老年人入住津冀蒙…满三个月的"));
  CHECK_FALSE(quoted_in("每人每月补贴800元", "每人每月补贴600元")); // a different number
  CHECK_FALSE(quoted_in("每人每月补助600元", "每人每月补贴600元")); // a different word
  CHECK_FALSE(quoted_in("入住…满四个月", "入住津冀蒙…满三个月的")); // one fragment missing
  CHECK_FALSE(quoted_in("", "anything"));                           // no quote is not a quote
  CHECK_FALSE(quoted_in("…", "anything"));
  CHECK(fragments("a…b…c") == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("every stated parameter quotes the seed its citation names, and every quote is in it") {
  const catalog_citations all = every_reading(standard_catalog());
  std::size_t quoted = 0, stated = 0;
  for (std::size_t i = 0; i < all.params.size(); ++i) {
    const auto& [where, prm] = all.params[i];
    if (prm.origin == provenance::stated) ++stated;
    if (prm.quote.empty() && prm.origin != provenance::stated) continue;
    INFO(where << " " << prm.name << " [" << to_word(prm.origin) << "]: 「" << prm.quote << "」 in "
               << all.param_sources[i]);
    // A stated value has a quote; a quote is the words of a seed, the one its citation names.
    CHECK_FALSE(prm.quote.empty());
    const std::string seed = seed_text(all.param_sources[i]);
    REQUIRE_FALSE(seed.empty());
    CHECK(quoted_in(prm.quote, seed));
    ++quoted;
  }
  CHECK(stated >= 40);
  CHECK(quoted >= stated);
}

TEST_CASE("what no seed says is sourced with its DOMAIN.md section, derived with the arithmetic, or assumed "
          "with why") {
  const catalog_citations all = every_reading(standard_catalog());
  std::size_t sourced = 0, derived = 0, assumed = 0;
  for (std::size_t i = 0; i < all.params.size(); ++i) {
    const auto& [where, prm] = all.params[i];
    INFO(where << " " << prm.name << " [" << to_word(prm.origin) << "]: " << prm.note << " (cited "
               << all.param_sources[i] << ")");
    switch (prm.origin) {
    case provenance::sourced: // the note names the DOMAIN.md section, or the citation is one
      CHECK((prm.note.find("DOMAIN.md") != std::string::npos ||
             all.param_sources[i].rfind("DOMAIN.md", 0) == 0));
      ++sourced;
      break;
    case provenance::derived: // the note shows the computation
      CHECK((prm.note.find("÷") != std::string::npos || prm.note.find("×") != std::string::npos));
      ++derived;
      break;
    case provenance::assumed: // the note says why
      CHECK_FALSE(prm.note.empty());
      ++assumed;
      break;
    case provenance::stated: break; // checked with its quote above
    }
  }
  CHECK((sourced > 0 && derived > 0 && assumed > 0));
}

TEST_CASE("a start date is stated only with the seed's words; a report's date is never stated") {
  const catalog_citations all = every_reading(standard_catalog());
  for (const auto& [where, prm] : all.params) {
    if (prm.name != "effective_from") continue;
    INFO(where << ": " << prm.value << " [" << to_word(prm.origin) << "] " << prm.note);
    CHECK_FALSE(prm.note.empty());
    if (prm.origin == provenance::stated) CHECK_FALSE(prm.quote.empty());
  }
}

TEST_CASE("every key phrase a seed citation gives is in that seed") {
  const catalog& c = standard_catalog();
  const catalog_citations all = every_reading(c);
  std::size_t checked = 0;
  auto check = [&](const std::string& where, const citation& cite) {
    if (catalog_sources::seed_file(cite.source).empty() || cite.key_phrase.empty()) return;
    INFO(where << ": 「" << cite.key_phrase << "」 in " << cite.source);
    CHECK(quoted_in(cite.key_phrase, seed_text(cite.source)));
    ++checked;
  };
  for (const auto& [where, cite] : all.cites) check(where, cite);
  // Planning norms stated by a seed: their citation's key phrase is their quote.
  for (const auto& e : c.entries())
    if (e.build_norms)
      for (const auto& n : c.norms_for(e.id)) {
        INFO(e.id << " norm " << n.id);
        if (n.origin == provenance::stated) CHECK_FALSE(n.cite.key_phrase.empty());
        check(e.id + " norm " + n.id, n.cite);
      }
  CHECK(checked > 50);
}

TEST_CASE("the seed copies in docs/sources/ equal the shared seeds folder when it is there") {
  // ../shared beside the repository (the project's layout), or ELDERCARE_SHARED_DIR when the tree is
  // elsewhere (a git worktree); without either the comparison is skipped, and said so.
  std::filesystem::path shared = std::filesystem::path(ELDERCARE_SOURCE_DIR) / ".." / "shared";
  if (const char* env = std::getenv("ELDERCARE_SHARED_DIR"); env && *env) shared = env;
  shared /= "seeds";
  if (!std::filesystem::is_directory(shared)) {
    WARN(shared.string() << " not found; the copies in docs/sources/ are not compared with it");
    return;
  }
  std::size_t compared = 0;
  for (const auto& f : std::filesystem::directory_iterator(shared)) {
    if (f.path().extension() != ".txt") continue;
    INFO(f.path().filename());
    REQUIRE(std::filesystem::is_regular_file(sources_dir / f.path().filename()));
    CHECK(read_text(sources_dir / f.path().filename()) == read_text(f.path()));
    ++compared;
  }
  CHECK(compared == 5);
}
