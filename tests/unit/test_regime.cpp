// The legal regime (audit/regime.hpp): inferred from the kinds, a declaration applies unless
// the kinds contradict it (spec, "Revision 2: the precise rules" 2); and the Anhui filing
// rule's scope (precise rule 3), which the pack states as data.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "audit/engine.hpp"
#include "audit/regime.hpp"
#include "audit/validate_site.hpp"
#include "io/site_reader.hpp"

using namespace camaudit;

namespace {

audit::RegimeInference infer(const std::string& site_line, const std::string& zones) {
    Diagnostics diag;
    auto site = io::load_site_yaml("t.yaml",
                                   "camaudit: 1\noperator: {id: op, name: n, type: individual}\n" +
                                       site_line + "\nzones:\n" + zones + "cameras: []\n",
                                   diag);
    REQUIRE(site);
    auto rules = audit::load_rule_set("CN", {}, diag);
    REQUIRE(rules);
    return audit::infer_regime(*site, *rules);
}

const std::string kMall = "  - {id: m, kind: mall.passage, polygon: [[0,0],[1,0],[1,1]]}\n";
const std::string kYard = "  - {id: y, kind: generic.outdoor, polygon: [[0,0],[1,0],[1,1]]}\n";
const std::string kHome = "  - {id: h, kind: residential.home, polygon: [[0,0],[1,0],[1,1]]}\n";
const std::string kPrivateYard =
    "  - {id: p, kind: generic.outdoor, public: false, polygon: [[0,0],[1,0],[1,1]]}\n";

}  // namespace

TEST_CASE("regime: inferred from the kinds; the zone's own `public` counts") {
    CHECK(infer("site: {id: t}", kMall + kYard).inferred == "article7");
    CHECK(infer("site: {id: t}", kYard + kHome).inferred == "article9");
    CHECK(infer("site: {id: t}", kHome + kPrivateYard).inferred == "non_public");
    auto r = infer("site: {id: t}", kYard);
    CHECK(r.declared.empty());
    CHECK(r.applied == "article9");
    CHECK_FALSE(r.contradicted);
}

TEST_CASE("regime: a declaration applies unless the kinds contradict it") {
    // More duties than the kinds imply: allowed, applied.
    auto up = infer("site: {id: t, regime: article7}", kYard);
    CHECK(up.applied == "article7");
    CHECK_FALSE(up.contradicted);
    auto same = infer("site: {id: t, regime: non_public}", kHome);
    CHECK(same.applied == "non_public");
    CHECK_FALSE(same.contradicted);
    // Fewer: contradicted, the inferred regime applies; the contradicting zones in file order.
    auto a9 = infer("site: {id: t, regime: article9}", kYard + kMall);
    CHECK(a9.contradicted);
    CHECK(a9.applied == "article7");
    CHECK(a9.contradicting == std::vector<std::size_t>{1});
    auto np7 = infer("site: {id: t, regime: non_public}", kMall + kYard);
    CHECK(np7.applied == "article7");
    CHECK(np7.contradicting == std::vector<std::size_t>{0});  // the 第七条 places first
    auto np9 = infer("site: {id: t, regime: non_public}", kHome + kYard);
    CHECK(np9.applied == "article9");
    CHECK(np9.contradicting == std::vector<std::size_t>{1});
}

// Precise rule 3: ah-filing's kinds are the kinds that Anhui's coverage rules watch (the
// key_part_only rule watches marked zones, not kinds), so that the two cannot drift apart.
TEST_CASE("ah-filing covers exactly the kinds that the Anhui coverage rules watch") {
    Diagnostics diag;
    auto rules = audit::load_rule_set("CN-AH", {}, diag);
    REQUIRE(rules);
    std::set<std::string> watched, filed;
    for (const audit::Rule* r : rules->rules()) {
        if (r->pack != "cn-ah") continue;
        if (r->check == "mandatory-coverage" && !r->key_part_only)
            watched.insert(r->kinds.begin(), r->kinds.end());
        if (r->check == "filing") filed.insert(r->kinds.begin(), r->kinds.end());
    }
    CHECK(watched.size() == 42);  // 44 mandatory kinds less the square and underpass (7 (十二))
    CHECK(filed == watched);
    const audit::Rule* cn = rules->rule("cn-filing");
    REQUIRE(cn);
    CHECK(cn->kinds.empty());  // the national rule: every article7 site
    const audit::Rule* ah = rules->rule("ah-filing");
    REQUIRE(ah);
    CHECK(ah->params.at("regulation_transition") == 0);
}

// Precise rule 7: the citation filter.
TEST_CASE("citations follow the regime: 条例 7 off article9/non_public sites, 9 off article7") {
    auto cite = [](const char* doc, int article, int paragraph) {
        audit::Citation c;
        c.doc = doc;
        c.article = article;
        c.paragraph = paragraph;
        return c;
    };
    const std::vector<audit::Citation> all = {
        cite("cn-regulation-2025", 7, 3), cite("cn-regulation-2025", 9, 1),
        cite("cn-regulation-2025", 7, 1), cite("cn-ah-measures", 9, 1),
        cite("cn-mps-supervision-2025", 10, 0)};
    auto articles = [](const std::vector<audit::Citation>& cs) {
        std::vector<std::string> out;
        for (const auto& c : cs) out.push_back(c.doc.substr(3, 3) + std::to_string(c.article));
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(articles(audit::filter_citations(all, "article9", "unauthorized-installer")) ==
          V{"reg9", "ah-9", "mps10"});
    CHECK(articles(audit::filter_citations(all, "non_public", "unauthorized-installer")) ==
          V{"reg9", "ah-9", "mps10"});
    CHECK(articles(audit::filter_citations(all, "article7", "unauthorized-installer")) ==
          V{"reg7", "reg7", "ah-9", "mps10"});  // 安徽 9 is not the 条例's: it stays
    CHECK(articles(audit::filter_citations(all, "article9", "regime")).size() == 5);  // exempt
    // Never empty: a rule that cites only 条例 7 keeps its first citation.
    const std::vector<audit::Citation> only7 = {cite("cn-regulation-2025", 7, 2),
                                                cite("cn-regulation-2025", 7, 1)};
    CHECK(articles(audit::filter_citations(only7, "article9", "mandatory-coverage")) == V{"reg7"});
}

// Issue #14 point 12: consent names classified zones only (a camera's and site.consent), the
// nearest classified zone's id suggested.
TEST_CASE("consent naming a zone that is not classified is an error with a suggestion") {
    Diagnostics diag;
    auto site = io::load_site_yaml(
        "t.yaml",
        "camaudit: 1\noperator: {id: op, type: individual}\n"
        "site: {id: s, consent: [mil-1, mill-1]}\nzones:\n"
        "  - {id: mil-1, kind: military.management_zone, polygon: [[100,0],[200,0],[200,100]]}\n"
        "  - {id: mill-1, kind: generic.room, polygon: [[0,0],[10,0],[10,10]]}\n"
        "  - {id: yard, kind: generic.outdoor, polygon: [[0,20],[10,20],[10,30]]}\n"
        "cameras:\n  - {id: C1, position: [1, 1], azimuth: 0, hfov: 90, range: 5, consent: "
        "[yard]}\n",
        diag);
    REQUIRE(site);
    auto rules = audit::load_rule_set("CN", {}, diag);
    REQUIRE(rules);
    REQUIRE_FALSE(diag.has_errors());
    audit::validate_consent(*site, *rules, diag);
    std::vector<std::string> got;
    for (const auto& d : diag.all()) got.push_back(d.str());
    REQUIRE(got.size() == 2);
    CHECK(got[0] ==
          "t.yaml:3:32: consent: zone 'mill-1' is not classified (a military zone or "
          "classified unit, 条例 10); did you mean 'mil-1'?");
    CHECK(got[1].find("consent: zone 'yard' is not classified") != std::string::npos);
    CHECK(got[1].find("did you mean 'mil-1'") != std::string::npos);  // the only classified
}
