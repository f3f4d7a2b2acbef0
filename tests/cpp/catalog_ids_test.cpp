// Every catalog id of POLICIES.md exists, cites its source, and gives every parameter a provenance
// and a note or the seed's words; every cited seed is kept in docs/sources/ and every quote is in it.
#include <catch2/catch.hpp>

#include <filesystem> // docs/sources/ listing
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "eldercare/eldercare.hpp"
#include "eldercare/catalog/beijing/xicheng_workforce.hpp" // the competition policy (not an entry)
#include "eldercare/catalog/sources.hpp"                  // seed file names (the umbrella only declares the catalog)

using namespace eldercare;

namespace {
// The ids as written in POLICIES.md (a public interface: keep in step with it).
const std::vector<std::string> policies_md_ids = {
    "cn.beijing.xicheng.cross_region_care",   "cn.beijing.xicheng.travel_stay",
    "cn.beijing.xicheng.high_skill_talent",   "cn.beijing.xicheng.planning_norms",
    "cn.shandong.weihai.home_care_purchase",  "cn.shandong.weihai.platform_phone_subsidy",
    "cn.shandong.weihai.caregiver_post_subsidy", "cn.shandong.rongcheng.rural_free_lunch",
    "cn.shaanxi.xixian.rural_center_admission", "cn.shaanxi.xixian.difficult_elder_subsidy",
    "cn.shaanxi.xixian.pension_premium_waiver", "cn.shaanxi.xixian.planning_norms",
    "cn.guangdong.special_hardship_visits",   "cn.shaanxi.xian.disabled_care_subsidy",
    "cn.shaanxi.xian.rural_living_allowance", "cn.shaanxi.xian.accident_insurance",
    "cn.shaanxi.xian.advanced_age_allowance", "cn.shaanxi.xian.public_home_waitlist",
    "cn.beijing.elderly_allowances",
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
  for (auto it = std::sregex_iterator(s.begin(), s.end(), id); it != std::sregex_iterator(); ++it) in_doc.insert((*it)[1]);
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
    if (e.build_norms)
      for (const auto& n : c.norms_for(e.id)) out.cites.emplace_back(e.id + " norm " + n.id, n.cite);
  }
  out.add(catalog_entries::xicheng_skill_competition_policy(c));
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

TEST_CASE("every source an entry or a citation names is a seed kept in docs/sources/ or a DOMAIN.md section") {
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
    else CHECK(source_resolves(r.cite.source));
  }
  // Something that is not a seed or a section is refused.
  CHECK_FALSE(source_resolves("seeds/999_missing.txt"));
  CHECK_FALSE(source_resolves("DOMAIN.md"));
  CHECK_FALSE(source_resolves("https://example.org/policy.html"));
}

TEST_CASE("docs/sources/ holds exactly the cited seeds, as they are in the shared seeds folder") {
  std::set<std::string> cited;
  for (const auto& [where, cite] : all_citations(standard_catalog()).cites)
    if (const auto file = catalog_sources::seed_file(cite.source); !file.empty()) cited.emplace(file);
  for (const char* seed : {catalog_sources::seed_000, catalog_sources::seed_001, catalog_sources::seed_002,
                           catalog_sources::seed_003, catalog_sources::seed_004})
    CHECK(cited.count(std::string(catalog_sources::seed_file(seed))) == 1);
  std::set<std::string> kept;
  for (const auto& f : std::filesystem::directory_iterator(sources_dir))
    if (f.path().filename() != "README.md") kept.insert(f.path().filename().string());
  CHECK(kept == cited);

  const std::filesystem::path shared = std::filesystem::path(ELDERCARE_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!std::filesystem::is_directory(shared)) {
    WARN("../shared/seeds not found; the copies in docs/sources/ are not compared with it");
    return;
  }
  for (const auto& file : kept) {
    INFO(file);
    CHECK(read_text(sources_dir / file) == read_text(shared / file));
  }
}

TEST_CASE("every parameter quote is the exact words of the seed its citation names") {
  const catalog_citations all = all_citations(standard_catalog());
  std::size_t quoted = 0;
  for (std::size_t i = 0; i < all.params.size(); ++i) {
    const auto& [where, prm] = all.params[i];
    if (prm.quote.empty()) continue;
    INFO(where << " " << prm.name << ": 「" << prm.quote << "」 in " << all.param_sources[i]);
    const std::string_view file = catalog_sources::seed_file(all.param_sources[i]);
    REQUIRE_FALSE(file.empty());
    CHECK(read_text(sources_dir / std::string(file)).find(prm.quote) != std::string::npos);
    ++quoted;
  }
  CHECK(quoted >= 30);
}
