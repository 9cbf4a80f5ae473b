// What the shipped packs (rules/cn.yaml, rules/cn-ah.yaml) must hold: the spec's kinds, rules
// that the checks (their CheckDefs) can run, bilingual texts, examples, and categories that agree
// with the checks that use them.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <string>
#include <vector>

#include "audit/check_def.hpp"
#include "audit/rule_pack.hpp"

using namespace camaudit;
using namespace camaudit::audit;

namespace {

const std::string kRules = std::string(CAMAUDIT_SOURCE_DIR) + "/rules";

RuleSet load(const std::vector<std::string>& packs) {
    Diagnostics diag;
    auto s = load_rule_set("MC", packs, diag);
    REQUIRE_MESSAGE(s.has_value(), (diag.all().empty() ? "" : diag.all().front().str()));
    CHECK(diag.all().empty());  // no warnings either
    return std::move(*s);
}

// The "Zone kinds" table of docs/spec site-format.md.
std::vector<std::string> spec_kinds() {
    std::vector<std::string> k = {"hotel.guest_room",
                                  "homestay.room",
                                  "restaurant.private_room",
                                  "dormitory.room",
                                  "staff.rest_room",
                                  "public.bath",
                                  "public.toilet",
                                  "public.changing_room",
                                  "public.nursing_room",
                                  "public.fitting_room",
                                  "finance.customer_operation",
                                  "polling.ballot_box",
                                  "polling.booth",
                                  "report.box",
                                  "private.other",
                                  "military.restricted_zone",
                                  "military.management_zone",
                                  "classified.unit",
                                  "road.key_segment",
                                  "road.intersection",
                                  "road.tunnel",
                                  "road.bridge",
                                  "road.boundary",
                                  "public.square",
                                  "public.underpass",
                                  "key_unit.surroundings",
                                  "telecom.key_part",
                                  "vehicle.key_part",
                                  "transport.key_part",
                                  "utility.key_part",
                                  "hazmat.key_part",
                                  "heritage.key_part",
                                  "research.key_part",
                                  "finance.key_part",
                                  "school.key_part",
                                  "kindergarten.key_part",
                                  "hospital.key_part",
                                  "care.key_part",
                                  "park.key_part",
                                  "scenic.key_part",
                                  "residential.key_part",
                                  "residential.home",
                                  "office.room",
                                  "generic.room",
                                  "generic.outdoor"};
    for (const char* place : {"hotel", "cinema", "stadium", "entertainment", "internet_cafe"})
        for (const char* part : {"lobby", "passage", "entrance"})
            k.push_back(std::string(place) + "." + part);
    for (const char* place : {"mall", "market", "expo", "commercial_street"})
        for (const char* part : {"passage", "entrance"})
            k.push_back(std::string(place) + "." + part);
    return k;
}

}  // namespace

TEST_CASE("both packs load without any diagnostic") {
    for (const char* name : {"cn.yaml", "cn-ah.yaml"}) {
        Diagnostics diag;
        auto pack = load_rule_pack(kRules + "/" + name, diag);
        CHECK_MESSAGE(pack.has_value(), name);
        CHECK_MESSAGE(diag.all().empty(), (diag.all().empty() ? "" : diag.all().front().str()));
    }
}

TEST_CASE("cn defines every kind of the spec's table") {
    RuleSet cn = load({});
    const RulePack& pack = cn.packs.front();
    for (const auto& id : spec_kinds()) {
        CAPTURE(id);
        bool found = false;
        for (const auto& k : pack.kinds) found = found || k.id == id;
        CHECK(found);
    }
    const std::set<std::string> not_public = {
        "hotel.guest_room", "homestay.room", "restaurant.private_room", "dormitory.room",
        "staff.rest_room", "private.other", "military.restricted_zone", "military.management_zone",
        "classified.unit", "residential.home", "office.room", "generic.room",
        // the rooms of 第七条's places (issue #14)
        "kindergarten.nap_room", "kindergarten.nurse_room", "kindergarten.staff_changing_room",
        "kindergarten.kitchen", "kindergarten.records_room", "hospital.ward",
        "hospital.examination_room", "hospital.consulting_room", "care.bedroom"};
    for (const KindDef* k : cn.kinds()) {
        CAPTURE(k->id);
        CHECK_FALSE(k->name_zh.empty());
        CHECK_FALSE(k->name_en.empty());
        CHECK(k->is_public == (not_public.count(k->id) == 0));
        // Nationally nothing is mandatory: key parts are marked per site (key_part: true).
        CHECK(k->category != KindCategory::Mandatory);
    }
    CHECK(cn.kind("hotel.guest_room")->category == KindCategory::Forbidden);
    CHECK(cn.kind("public.toilet")->category == KindCategory::Forbidden);
    CHECK(cn.kind("classified.unit")->category == KindCategory::Classified);
    CHECK(cn.kind("hotel.lobby")->category == KindCategory::Neutral);
    // 条例 第七条 names roads, squares, cultural venues, schools, hubs …, not hotels.
    for (const char* a7 :
         {"road.key_segment", "road.bridge", "public.underpass", "key_unit.surroundings",
          "mall.passage", "expo.entrance", "cinema.lobby", "school.key_part", "hospital.key_part",
          "park.key_part", "transport.key_part", "vehicle.key_part", "service_area.key_part"})
        CHECK_MESSAGE(cn.kind(a7)->article7, a7);
    for (const char* not7 : {"hotel.lobby", "hotel.guest_room", "generic.outdoor",
                             "residential.home", "care.key_part", "utility.key_part"})
        CHECK_FALSE_MESSAGE(cn.kind(not7)->article7, not7);
}

// Spec, "Revision 2: the precise rules" 1: exactly the places of 条例 第七条第一款.
TEST_CASE("the government-built kinds are exactly those of 条例 第七条第一款, in every pack") {
    const std::set<std::string> expected = {
        "road.key_segment", "road.intersection", "road.tunnel",      "road.bridge",
        "road.boundary",    "public.square",     "public.underpass", "key_unit.surroundings"};
    for (const auto& packs : {std::vector<std::string>{}, std::vector<std::string>{"cn-ah"}}) {
        RuleSet set = load(packs);
        std::set<std::string> got;
        for (const KindDef* k : set.kinds()) {
            if (!k->government_built) continue;
            got.insert(k->id);
            CHECK_MESSAGE(k->article7, k->id);  // government-built places are 第七条 places
        }
        CHECK(got == expected);
    }
}

TEST_CASE("cn-ah makes the places of 安徽 第七条 mandatory and keeps the rest of each kind") {
    RuleSet cn = load({});
    RuleSet ah = load({"cn-ah"});
    int mandatory = 0;
    for (const auto& k : ah.packs.back().kinds) {
        CAPTURE(k.id);
        const KindDef* base = cn.kind(k.id);
        REQUIRE(base != nullptr);  // cn-ah redefines, it adds no kind ids
        CHECK(k.name_zh == base->name_zh);
        CHECK(k.name_en == base->name_en);
        CHECK(k.is_public == base->is_public);
        CHECK(k.article7 == base->article7);
        CHECK(k.government_built == base->government_built);
        CHECK(k.category != KindCategory::Neutral);
        mandatory += k.category == KindCategory::Mandatory ? 1 : 0;
    }
    CHECK(mandatory == 44);
    for (const char* f :
         {"finance.customer_operation", "polling.ballot_box", "polling.booth", "report.box"})
        CHECK(ah.kind(f)->category == KindCategory::Forbidden);
    CHECK(ah.kind("road.bridge")->category == KindCategory::Neutral);  // not in 安徽 第七条
}

TEST_CASE("every rule can run: a known check, valid parameters, kinds where needed") {
    RuleSet set = load({"cn-ah"});
    std::set<std::string> checks_used;
    for (const Rule* r : set.rules()) {
        CAPTURE(r->id);
        CHECK(r->id.starts_with(r->pack == "cn" ? "cn-" : "ah-"));
        const CheckDef* check = find_check(r->check);
        REQUIRE(check != nullptr);
        checks_used.insert(r->check);
        for (const auto& [name, value] : r->params)
            CHECK_MESSAGE(check->param(name) != nullptr, name);
        if (check->needs_kinds) CHECK_FALSE(r->kinds.empty());
        CHECK(r->kinds.size() == r->kind_locs.size());
        for (const auto& pattern : r->kinds) {
            bool matches = false;
            for (const KindDef* k : set.kinds())
                matches = matches || kind_glob_match(pattern, k->id);
            CHECK_MESSAGE(matches, pattern);
        }
        for (const auto& g : r->regimes)
            CHECK((g == "article7" || g == "article9" || g == "non_public"));
        if (r->key_part_only) CHECK(r->check == "mandatory-coverage");
        for (const std::string* text : {&r->title_zh, &r->title_en, &r->explain_zh, &r->explain_en,
                                        &r->fix_zh, &r->fix_en, &r->example})
            CHECK_FALSE(text->empty());
        CHECK_FALSE(r->citations.empty());
    }
    CHECK(checks_used.size() == check_defs().size());  // every check has a rule
}

TEST_CASE("rules agree with the categories of the kinds they name") {
    for (const auto& packs : {std::vector<std::string>{}, std::vector<std::string>{"cn-ah"}}) {
        RuleSet set = load(packs);
        for (const Rule* r : set.rules()) {
            CAPTURE(r->id);
            std::optional<KindCategory> want;
            if (r->check == "forbidden-mount" || r->check == "forbidden-view")
                want = KindCategory::Forbidden;
            else if (r->check == "proximity-consent")
                want = KindCategory::Classified;
            else if (r->check == "mandatory-coverage" && !r->key_part_only)
                want = KindCategory::Mandatory;
            if (!want) continue;
            for (const KindDef* k : set.kinds())
                if (r->applies_to_kind(k->id)) CHECK_MESSAGE(k->category == *want, k->id);
        }
    }
    // The key-part rules look at every kind, but only at zones marked key_part: true.
    RuleSet ah = load({"cn-ah"});
    for (const char* id : {"cn-key-part-coverage", "ah-key-part-coverage"}) {
        REQUIRE(ah.rule(id) != nullptr);
        CHECK(ah.rule(id)->key_part_only);
        CHECK(ah.rule(id)->kinds == std::vector<std::string>{"*"});
    }
    // Nationally retention and filing bind the places of 第七条 only (条例 第九条第二款).
    CHECK(ah.rule("cn-retention")->regimes == std::vector<std::string>{"article7"});
    CHECK(ah.rule("cn-filing")->regimes == std::vector<std::string>{"article7"});
    CHECK(ah.rule("ah-retention")->regimes.size() == 2);
}

TEST_CASE("every forbidden and mandatory kind has a rule, in each pack set") {
    for (const auto& packs : {std::vector<std::string>{}, std::vector<std::string>{"cn-ah"}}) {
        RuleSet set = load(packs);
        for (const KindDef* k : set.kinds()) {
            CAPTURE(k->id);
            std::set<std::string> checks;
            for (const Rule* r : set.rules())
                // a key_part_only rule that names the kind (安徽 7 (十二): squares and
                // underpasses at their key parts) watches it; the "*" ones watch every kind
                if (!r->kinds.empty() && r->applies_to_kind(k->id) &&
                    (!r->key_part_only || r->kinds != std::vector<std::string>{"*"}))
                    checks.insert(r->check);
            if (k->category == KindCategory::Forbidden) {
                CHECK(checks.count("forbidden-mount") == 1);
                CHECK(checks.count("forbidden-view") == 1);
            }
            if (k->category == KindCategory::Mandatory)
                CHECK(checks.count("mandatory-coverage") == 1);
            if (k->category == KindCategory::Classified)
                CHECK(checks.count("proximity-consent") == 1);
        }
    }
}

TEST_CASE("every rule's example is a site-file snippet with known kinds") {
    RuleSet set = load({"cn-ah"});
    const std::set<std::string> top = {"camaudit", "site",    "operator", "parties",
                                       "system",   "floors",  "import",   "zones",
                                       "walls",    "cameras", "settings"};
    for (const Rule* r : set.rules()) {
        CAPTURE(r->id);
        YAML::Node doc;
        REQUIRE_NOTHROW(doc = YAML::Load(r->example));
        REQUIRE(doc.IsMap());
        bool names_a_kind_of_the_rule = r->kinds.empty() || r->key_part_only;
        for (const auto& kv : doc) {
            CHECK_MESSAGE(top.count(kv.first.as<std::string>()) == 1, kv.first.as<std::string>());
            if (kv.first.as<std::string>() != "zones") continue;
            for (const auto& z : kv.second) {
                const auto kind = z["kind"].as<std::string>();
                CHECK_MESSAGE(set.kind(kind) != nullptr, kind);
                names_a_kind_of_the_rule = names_a_kind_of_the_rule || r->applies_to_kind(kind);
            }
        }
        CHECK(names_a_kind_of_the_rule);
    }
}

// Issue #14, "Missing places" and precise rule 4: the privacy rooms of schools, hospitals and
// care homes are forbidden under 条例 8 ¶1 (四) by the national private rules (error), and the
// places that 安徽 8 (三), (四) name are forbidden nationally with severity warning.
TEST_CASE("the privacy rooms and the 8 ¶1 (四) places are forbidden nationally") {
    RuleSet cn = load({});
    for (const char* id :
         {"kindergarten.nap_room", "kindergarten.nurse_room", "kindergarten.staff_changing_room",
          "hospital.ward", "hospital.examination_room", "care.bedroom"}) {
        CAPTURE(id);
        REQUIRE(cn.kind(id));
        CHECK(cn.kind(id)->category == KindCategory::Forbidden);
        CHECK(cn.rule("cn-private-mount")->applies_to_kind(id));
        CHECK(cn.rule("cn-private-view")->applies_to_kind(id));
        CHECK(cn.kind(id)->citations.front().item == 4);
    }
    for (const char* id :
         {"finance.customer_operation", "polling.ballot_box", "polling.booth", "report.box"}) {
        CAPTURE(id);
        CHECK(cn.kind(id)->category == KindCategory::Forbidden);
        CHECK(cn.rule("cn-capture-privacy-mount")->applies_to_kind(id));
        CHECK(cn.rule("cn-capture-privacy-view")->applies_to_kind(id));
    }
    CHECK(cn.rule("cn-capture-privacy-mount")->severity == Severity::Warning);
    CHECK(cn.rule("cn-capture-privacy-view")->severity == Severity::Warning);
    CHECK(cn.kind("hospital.consulting_room")->category == KindCategory::Neutral);
    CHECK(cn.kind("school.classroom")->article7);
    CHECK_FALSE(cn.kind("care.bedroom")->article7);  // 养老机构: not in 条例 第七条
}

// Precise rule 8: the penalty articles, exactly.
TEST_CASE("the rules' penalties are the articles the spec pins, and no others") {
    RuleSet ah = load({"cn-ah"});
    auto articles = [&](const std::string& rule) {
        std::set<std::string> out;
        for (const auto& c : ah.rule(rule)->penalties)
            out.insert(c.doc + " " + std::to_string(c.article) + "/" + std::to_string(c.paragraph) +
                       "/" + std::to_string(c.item));
        return out;
    };
    using S = std::set<std::string>;
    CHECK(articles("cn-installer-authority") == S{"cn-regulation-2025 26/0/0"});
    CHECK(articles("cn-guest-room-view") == S{"cn-regulation-2025 27/1/0"});
    CHECK(articles("cn-capture-privacy-mount") == S{"cn-regulation-2025 27/1/0"});
    CHECK(articles("cn-classified-consent") == S{"cn-regulation-2025 28/0/0"});
    CHECK(articles("cn-filing") == S{"cn-regulation-2025 29/0/0"});
    CHECK(articles("ah-filing").empty());
    CHECK(articles("ah-installer") == S{"cn-ah-measures 25/0/0"});
    CHECK(articles("ah-ballot-view") == S{"cn-ah-measures 25/0/0"});
    CHECK(articles("ah-retention") == S{"cn-ah-measures 24/0/0", "cn-ah-measures 24/0/5"});
    CHECK(articles("ah-hotel-coverage") == S{"cn-ah-measures 24/0/0", "cn-ah-measures 24/0/1"});
    for (const char* none :
         {"cn-signage", "cn-unbounded-ptz", "cn-retention", "cn-key-part-coverage",
          "cn-private-overreach", "cn-regime", "ah-signage", "ah-unbounded-ptz"})
        CHECK_MESSAGE(ah.rule(none)->penalties.empty(), none);
}
