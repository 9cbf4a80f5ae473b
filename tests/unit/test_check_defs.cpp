// The checks' definitions (audit/check_def.hpp, one per check file, listed in
// checks/registry.cpp): the spec's names, severities and parameter defaults, documentation in
// both languages, and parameters read only through the constants a check declares.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

#include "audit/check_def.hpp"
#include "audit/engine.hpp"
#include "audit/rule_pack.hpp"

using namespace camaudit;
using audit::CheckDef;
using audit::ParamSpec;

namespace {

std::string str(std::string_view s) {
    return std::string(s);
}

const audit::RuleRun* run_of(const std::vector<audit::RuleRun>& runs, std::string_view check) {
    for (const auto& r : runs)
        if (r.check && r.check->name == check) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("check definitions: the spec's checks in its order, then the extension") {
    // spec "Checks" (cli-and-report.md): names, default severities and parameter defaults.
    struct Expected {
        const char* name;
        audit::Severity severity;
        bool needs_kinds;
        std::vector<std::pair<const char*, std::optional<double>>> params;
    };
    using S = audit::Severity;
    const std::vector<Expected> expected = {
        {"forbidden-mount", S::Error, true, {}},
        {"forbidden-view", S::Error, true, {{"min_overlap_m2", 0.01}, {"buffer_m", 2}}},
        {"proximity-consent", S::Error, true, {{"distance_m", 100}}},
        {"mandatory-coverage",
         S::Error,
         true,
         {{"min_fraction", 0.8}, {"min_px_per_m", std::nullopt}}},
        {"unauthorized-installer", S::Error, false, {}},
        {"missing-signage", S::Error, false, {}},
        {"retention-too-short", S::Error, false, {{"min_days", 30}}},
        {"filing", S::Error, false, {{"max_days", 30}, {"regulation_transition", 1}}},
        {"private-overreach", S::Warning, false, {{"min_overlap_m2", 1}}},
        {"unbounded-ptz", S::Warning, false, {{"every_camera", 0}}},
        {"assumed-default", S::Info, false, {}},
        // Revision 2 (issue #14): the regime check, and 条例 17's deletion duty (extension).
        {"regime", S::Error, false, {}},
        {"retention-too-long", S::Info, false, {{"far_days", 180}}},
    };
    const auto defs = audit::check_defs();
    REQUIRE(defs.size() == expected.size());
    for (std::size_t i = 0; i < defs.size(); ++i) {
        const CheckDef& c = *defs[i];
        CAPTURE(str(c.name));
        CHECK(c.name == expected[i].name);
        CHECK(c.default_severity == expected[i].severity);
        CHECK(c.needs_kinds == expected[i].needs_kinds);
        CHECK(static_cast<bool>(c.run));
        CHECK(audit::find_check(c.name) == &c);
        REQUIRE(c.params.size() == expected[i].params.size());
        for (std::size_t k = 0; k < c.params.size(); ++k) {
            CHECK(c.params[k]->name == expected[i].params[k].first);
            CHECK(c.params[k]->default_value == expected[i].params[k].second);
        }
    }
    CHECK(audit::find_check("forbidden_view") == nullptr);
    CHECK(audit::find_check("") == nullptr);
}

TEST_CASE("check definitions: documented in both languages, parameters in range") {
    std::set<std::string_view> names;
    for (const CheckDef* c : audit::check_defs()) {
        CAPTURE(str(c->name));
        CHECK(names.insert(c->name).second);
        CHECK_FALSE(c->summary_en.empty());
        CHECK_FALSE(c->summary_zh.empty());
        std::set<std::string_view> params;
        for (const ParamSpec* p : c->params) {
            CAPTURE(str(p->name));
            CHECK(params.insert(p->name).second);
            CHECK(c->param(p->name) == p);
            CHECK(c->declares(*p));
            CHECK_FALSE(p->doc_en.empty());
            CHECK_FALSE(p->doc_zh.empty());
            if (p->default_value) {
                CHECK(std::isfinite(*p->default_value));
                CHECK(*p->default_value >= 0);
                if (p->max_value) CHECK(*p->default_value <= *p->max_value);
            }
        }
        CHECK(c->param("no-such-parameter") == nullptr);
    }
    // A fraction cannot exceed 1: the one bound that rule packs are held to (beyond >= 0).
    const ParamSpec* fraction = audit::find_check("mandatory-coverage")->param("min_fraction");
    REQUIRE(fraction);
    CHECK(fraction->max_value == 1.0);
}

TEST_CASE("every rule of the installed packs names a check and only that check's parameters") {
    // The packs are validated against the same definitions when they load; this states it for
    // the packs as shipped, every region's.
    Diagnostics diag;
    auto set = audit::load_rule_set("CN-AH", {}, diag);
    REQUIRE_FALSE(diag.has_errors());
    REQUIRE(set);
    std::set<std::string_view> used;
    for (const audit::Rule* r : set->rules()) {
        CAPTURE(r->id);
        const CheckDef* c = audit::find_check(r->check);
        REQUIRE(c);
        used.insert(c->name);
        for (const auto& [name, value] : r->params) {
            CAPTURE(name);
            const ParamSpec* p = c->param(name);
            REQUIRE(p);
            CHECK(value >= 0);
            if (p->max_value) CHECK(value <= *p->max_value);
        }
    }
    CHECK(used.size() == audit::check_defs().size());  // no check without a rule
}

TEST_CASE("RuleRun::get: a check's own constants only; defaults and unset optionals") {
    Diagnostics diag;
    auto set = audit::load_rule_set("CN", {}, diag);
    REQUIRE(set);
    Site site;
    site.file = "mem.yaml";
    const auto runs = audit::resolve_rules(site, "article7", *set, {}, diag);
    REQUIRE_FALSE(diag.has_errors());
    const audit::RuleRun* view = run_of(runs, "forbidden-view");
    REQUIRE(view);
    // The check's own constant, found through its definition (which lists the Param and
    // OptionalParam objects themselves, so the casts are exact): its value, the pack's or the
    // default.
    const ParamSpec* declared = view->check->param("min_overlap_m2");
    REQUIRE(declared);
    CHECK(view->get(static_cast<const audit::Param&>(*declared)) == view->param("min_overlap_m2"));
    // A constant of the same name that the check does not declare is a programming error, not
    // a silent read of another check's parameter.
    static constexpr audit::Param stray{"min_overlap_m2", 0.01, "en", "zh"};
    CHECK_THROWS_AS(view->get(stray), std::logic_error);
    static constexpr audit::OptionalParam stray_optional{"min_px_per_m", "en", "zh"};
    CHECK_THROWS_AS(view->get(stray_optional), std::logic_error);

    const audit::RuleRun* coverage = run_of(runs, "mandatory-coverage");
    REQUIRE(coverage);
    const ParamSpec* px = coverage->check->param("min_px_per_m");
    REQUIRE(px);
    CHECK_FALSE(coverage->get(static_cast<const audit::OptionalParam&>(*px)).has_value());
}
