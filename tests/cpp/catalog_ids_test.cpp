// Every catalog id of POLICIES.md exists, cites its source, and gives every parameter a provenance
// and a note.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "eldercare/eldercare.hpp"

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
      for (const auto& prm : r.parameters) CHECK_FALSE(prm.note.empty());
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
