// The rule engine: which rules run, with which parameters, and how findings of several rules
// merge. Sites are read from text so that the tests stay close to what users write.
#include <doctest/doctest.h>

#include <memory>
#include <optional>

#include "audit/context.hpp"
#include "audit/engine.hpp"
#include "io/site_reader.hpp"

using namespace camaudit;

namespace {

const char* kBase = R"(camaudit: 1
operator: {id: op, name: 单位, type: enterprise, credit_code: 91310110666007217T, responsible: true}
system: {retention_days: 30, delivered: 2025-06-01, filing: {filed: true, date: 2025-06-20, record_no: "1"}}
)";

struct Audited {
    Site site;
    audit::RuleSet rules;
    std::vector<audit::RuleRun> runs;
    Diagnostics diag;
};

// A site (kBase, then `body`) with the national packs, and its audit context (one thread).
struct Context {
    Diagnostics diag;
    std::optional<Site> site;
    std::optional<audit::RuleSet> rules;
    geo::Projection identity;
    std::unique_ptr<audit::AuditContext> ctx;

    explicit Context(const std::string& body) {
        site = io::load_site_yaml("t.yaml", std::string(kBase) + body, diag);
        REQUIRE(site);
        rules = audit::load_rule_set("CN", {}, diag);
        REQUIRE(rules);
        ctx = std::make_unique<audit::AuditContext>(*site, *site, identity, *rules, 1);
    }
};

Audited resolve(const std::string& region, const std::string& body,
                const audit::AuditOptions& options = {}) {
    Audited a;
    auto site = io::load_site_yaml(
        "t.yaml", std::string(kBase) + "site: {id: t, region: " + region + "}\n" + body, a.diag);
    REQUIRE(site.has_value());
    a.site = std::move(*site);
    auto rules = audit::load_rule_set(region, {}, a.diag);
    REQUIRE(rules.has_value());
    a.rules = std::move(*rules);
    a.runs = audit::resolve_rules(a.site, "article7", a.rules, options, a.diag);
    return a;
}

const audit::RuleRun* run_of(const Audited& a, const std::string& id) {
    for (const auto& r : a.runs)
        if (r.rule->id == id) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("parameters: check default < pack < options < site; a rule id beats a check name") {
    auto plain = resolve("CN", "zones: []\ncameras: []\n");
    REQUIRE(run_of(plain, "cn-guest-room-view"));
    CHECK(run_of(plain, "cn-guest-room-view")->param("min_overlap_m2") == 0.01);
    CHECK(run_of(plain, "cn-guest-room-view")->param("buffer_m") == 2);
    CHECK_FALSE(run_of(plain, "cn-key-part-coverage")->param("min_px_per_m"));

    audit::AuditOptions options;
    options.rule_params["forbidden-view"]["min_overlap_m2"] = 0.5;
    options.rule_params["forbidden-view"]["buffer_m"] = 3;
    auto a = resolve("CN",
                     "zones: []\ncameras: []\nsettings:\n  rule_params:\n"
                     "    cn-guest-room-view: {min_overlap_m2: 0.2}\n"
                     "    forbidden-view: {min_overlap_m2: 0.3}\n",
                     options);
    CHECK_FALSE(a.diag.has_errors());
    CHECK(run_of(a, "cn-guest-room-view")->param("min_overlap_m2") == 0.2);  // site, rule id
    CHECK(run_of(a, "cn-dormitory-view")->param("min_overlap_m2") == 0.3);   // site, check
    CHECK(run_of(a, "cn-dormitory-view")->param("buffer_m") == 3);           // options
}

TEST_CASE("settings.disable takes rule ids and check names") {
    auto a = resolve("CN-AH",
                     "zones: []\ncameras: []\nsettings:\n  disable: [missing-signage, "
                     "ah-guest-room-view]\n");
    CHECK_FALSE(a.diag.has_errors());
    CHECK_FALSE(run_of(a, "cn-signage"));
    CHECK_FALSE(run_of(a, "ah-signage"));
    CHECK_FALSE(run_of(a, "ah-guest-room-view"));
    CHECK(run_of(a, "cn-guest-room-view"));
}

TEST_CASE("unknown names in settings are errors at their place") {
    auto a = resolve("CN",
                     "zones: []\ncameras: []\nsettings:\n  rule_params:\n"
                     "    forbiden-view: {min_overlap_m2: 1}\n"
                     "    forbidden-view: {min_overlap: 1}\n"
                     "  disable: [no-such-rule]\n");
    REQUIRE(a.diag.error_count() == 3);
    auto d = a.diag.sorted();
    CHECK(d[0].loc.line == 9);
    CHECK(d[0].message.find("forbiden-view") != std::string::npos);
    CHECK(d[1].loc.line == 10);
    CHECK(d[1].message.find("min_overlap") != std::string::npos);
    CHECK(d[2].loc.line == 11);
    CHECK(d[2].message.find("no-such-rule") != std::string::npos);
}

TEST_CASE("rules scoped to a regime run only under it") {
    Diagnostics diag;
    auto site = io::load_site_yaml(
        "t.yaml", std::string(kBase) + "site: {id: t}\nzones: []\ncameras: []\n", diag);
    REQUIRE(site);
    auto rules = audit::load_rule_set("CN", {}, diag);
    REQUIRE(rules);
    auto a7 = audit::resolve_rules(*site, "article7", *rules, {}, diag);
    auto a9 = audit::resolve_rules(*site, "article9", *rules, {}, diag);
    auto has = [](const std::vector<audit::RuleRun>& runs, const std::string& id) {
        for (const auto& r : runs)
            if (r.rule->id == id) return true;
        return false;
    };
    CHECK(has(a7, "cn-retention"));
    CHECK(has(a7, "cn-filing"));
    CHECK_FALSE(has(a9, "cn-retention"));
    CHECK_FALSE(has(a9, "cn-filing"));
    CHECK(has(a9, "cn-guest-room-view"));
}

TEST_CASE("the regime is derived from the zones' kinds unless the site names it") {
    auto regime_of = [](const std::string& zones, const std::string& regime_key = "") {
        Context c("site: {id: t" + regime_key + "}\nzones:\n" + zones + "cameras: []\n");
        return c.ctx->regime();
    };
    const std::string mall = "  - {id: z, kind: mall.passage, polygon: [[0,0],[1,0],[1,1]]}\n";
    const std::string yard = "  - {id: z, kind: generic.outdoor, polygon: [[0,0],[1,0],[1,1]]}\n";
    const std::string home = "  - {id: z, kind: residential.home, polygon: [[0,0],[1,0],[1,1]]}\n";
    CHECK(regime_of(mall) == "article7");
    CHECK(regime_of(yard) == "article9");
    CHECK(regime_of(home) == "non_public");
    CHECK(regime_of(yard, ", regime: article7") == "article7");
}

TEST_CASE("findings of the same rules share one list of citations, the union in rule order") {
    Context c(
        "site: {id: t}\nzones:\n"
        "  - {id: r1, kind: hotel.guest_room, polygon: [[0,0],[4,0],[4,4],[0,4]]}\n"
        "  - {id: r2, kind: hotel.guest_room, polygon: [[10,0],[14,0],[14,4],[10,4]]}\n"
        "  - {id: t1, kind: public.toilet, polygon: [[20,0],[24,0],[24,4],[20,4]]}\n"
        "cameras:\n"
        "  - {id: C1, position: [2, 2], azimuth: 0, hfov: 10, range: 1, signage: true}\n"
        "  - {id: C2, position: [12, 2], azimuth: 0, hfov: 10, range: 1, signage: true}\n"
        "  - {id: C3, position: [22, 2], azimuth: 0, hfov: 10, range: 1, signage: true}\n");
    auto runs = audit::resolve_rules(*c.site, c.ctx->regime(), *c.rules, {}, c.diag);
    auto findings = audit::run_audit(*c.ctx, runs);
    std::vector<const audit::Finding*> mounts;
    for (const auto& f : findings)
        if (f.check == "forbidden-mount") mounts.push_back(&f);
    REQUIRE(mounts.size() == 3);  // C1 in r1, C2 in r2 (guest rooms), C3 in t1 (toilet)
    CHECK(mounts[0]->citations.shares(mounts[1]->citations));
    CHECK_FALSE(mounts[0]->citations.shares(mounts[2]->citations));
    const audit::Rule* rule = c.rules->rule("cn-guest-room-mount");
    REQUIRE(mounts[0]->citations.size() == rule->citations.size());
    for (std::size_t i = 0; i < rule->citations.size(); ++i)
        CHECK(mounts[0]->citations[i].text_zh == rule->citations[i].text_zh);
}

TEST_CASE("overlap_area_above decides as the area of the GEOS overlap does") {
    // A 4 m × 4 m room (convex: clipped) and an L-shaped room (not convex: GEOS), a camera in
    // the corridor below looking north through both. Thresholds just around each exact area.
    Context c(
        "site: {id: t}\nzones:\n"
        "  - {id: room, kind: hotel.guest_room, polygon: [[0,2],[4,2],[4,6],[0,6]]}\n"
        "  - {id: ell, kind: hotel.guest_room, polygon: "
        "[[4,2],[8,2],[8,4],[6,4],[6,6],[4,6]]}\n"
        "cameras:\n"
        "  - {id: C1, position: [4,0], azimuth: 0, hfov: 120, range: 10}\n");
    const audit::AuditContext& ctx = *c.ctx;
    for (std::size_t z = 0; z < 2; ++z) {
        const double exact = geo::area(ctx.overlap(0, z));
        INFO("zone " << z << ", overlap " << exact);
        REQUIRE(exact > 1);
        for (double t : {0.0, exact - 1e-3, exact - 1e-12, exact, exact + 1e-12, exact + 1e-3}) {
            CHECK(ctx.overlap_area_above(0, z, t) == (exact > t));
            CHECK(ctx.overlap_area_above(0, z, t, true) == (exact >= t));
        }
    }
}
