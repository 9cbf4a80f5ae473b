// The inspection checklist (公安部 规定 第十条): the decision of each item decided from the audit,
// the scopes of 第十一条, the focus of 第十二条 and the legal exemptions.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "report/inspection_report.hpp"
#include "test_inspect_helpers.hpp"

using namespace camaudit;
using audit::ItemStatus;
using inspect_test::inspect;
using inspect_test::item;
using inspect_test::says;
using inspect_test::SiteText;

namespace {

bool has_finding(const audit::Inspection& in, const audit::InspectionItem& it,
                 const std::string& check, const std::string& camera) {
    for (const auto& fp : it.findings)
        for (const auto& f : in.findings)
            if (f.fingerprint == fp && f.check == check && f.camera == camera) return true;
    return false;
}

}  // namespace

TEST_CASE("the item texts are 第十条's, verbatim, in order") {
    std::ifstream in(std::string(CAMAUDIT_SOURCE_DIR) + "/rules/law/cn-mps-supervision-2025.md");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string law = ss.str();
    REQUIRE_FALSE(law.empty());
    std::size_t at = law.find("第十条");
    REQUIRE(at != std::string::npos);
    int n = 0;
    for (const auto& t : audit::inspection_item_texts()) {
        CHECK(t.number == ++n);
        const std::string quoted = report::item_numeral(t.number) + std::string(t.text_zh);
        CAPTURE(quoted);
        const std::size_t found = law.find(quoted, at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
        CHECK_FALSE(t.title_en.empty());
        CHECK_FALSE(t.basis_zh.empty());
    }
    CHECK(n == 13);
}

TEST_CASE("scopes: general 1-7, professional 8-13, all 13 (第十一条)") {
    const std::string site = SiteText{}.str();
    for (auto [scope, first, last] :
         {std::tuple{"general", 1, 7}, {"professional", 8, 13}, {"all", 1, 13}}) {
        CAPTURE(scope);
        auto in = inspect(site, scope);
        REQUIRE(in.items.size() == static_cast<std::size_t>(last - first + 1));
        CHECK(in.items.front().number == first);
        CHECK(in.items.back().number == last);
        for (const auto& it : in.items) {
            CHECK(it.general == (it.number <= 7));
            CHECK(it.professional == (it.number >= 8));
        }
    }
    CHECK(audit::in_scope(7, "general"));
    CHECK_FALSE(audit::in_scope(8, "general"));
    CHECK(audit::in_scope(8, "professional"));
    CHECK_FALSE(audit::in_scope(14, "all"));
}

TEST_CASE("a good built article7 site: every item passes or is attested, with its facts") {
    auto in = inspect(SiteText{}.str());
    CHECK(in.regime == "article7");
    CHECK(in.today == "2025-11-01");
    REQUIRE(in.items.size() == 13);
    for (const auto& it : in.items) {
        CAPTURE(it.number);
        const bool measure = it.number == 5 || it.number == 6 || it.number == 8 || it.number >= 10;
        CHECK(it.status == (measure ? audit::ItemStatus::Attested : audit::ItemStatus::Pass));
        CHECK_FALSE(it.evidence_zh.empty());
        CHECK(it.evidence_zh.size() == it.evidence_en.size());
        CHECK(it.findings.empty());
        CHECK_FALSE(it.focus);
    }
    CHECK(in.all_pass_or_attested());
    CHECK(says(item(in, 1), "op 测试单位：1 台"));
    CHECK(says(item(in, 2), "1 of 1 cameras have a notice posted"));
    CHECK(says(item(in, 3), "no military or classified zone"));
    CHECK(says(item(in, 4), "filed on 2025-06-20, record number fx-1"));
    CHECK(says(item(in, 4), "filed 19 days later"));
    CHECK(says(item(in, 7), "kept 30 days, at least the 30 days"));
    CHECK(says(item(in, 9), "the site file has no forbidden zone"));
    CHECK(says(item(in, 5),
               "attested: the check that the system operates normally (2025-10-01, by 值班员)"));
}

TEST_CASE("(一) installer: a camera of a unit without the duty in a public zone fails") {
    SiteText s;
    s.parties = "parties: [{id: shop, name: 商户, type: enterprise, responsible: false}]\n";
    s.cameras +=
        "  - {id: S1, position: [10, 10], azimuth: 0, hfov: 60, range: 5, signage: true, "
        "purpose: general, owner: shop}\n";
    auto in = inspect(s.str());
    const auto& it = item(in, 1);
    CHECK(it.status == audit::ItemStatus::Fail);
    CHECK(has_finding(in, it, "unauthorized-installer", "S1"));
    CHECK(says(it, "error [cn-installer-authority]"));
    CHECK_FALSE(in.all_pass_or_attested());
}

TEST_CASE("(二) signage: a camera without a notice in a public zone fails; outside, passes") {
    SiteText s;
    s.cameras +=
        "  - {id: C2, position: [10, 10], azimuth: 0, hfov: 60, range: 5, purpose: general}\n";
    auto in = inspect(s.str());
    CHECK(item(in, 2).status == audit::ItemStatus::Fail);
    CHECK(has_finding(in, item(in, 2), "missing-signage", "C2"));

    SiteText outside;
    outside.cameras +=
        "  - {id: C3, position: [80, 80], azimuth: 0, hfov: 60, range: 5, "
        "purpose: general}\n";
    auto ok = inspect(outside.str());
    CHECK(item(ok, 2).status == audit::ItemStatus::Pass);
    CHECK(says(item(ok, 2), "the cameras without a notice are in no public zone: C3"));
    CHECK(says(item(ok, 2), "cameras in no zone, not checked: C3"));
}

TEST_CASE("(三) classified units: near without consent fails; with consent passes") {
    SiteText s;
    s.zones +=
        "  - {id: mil, kind: military.management_zone, polygon: [[60,0],[90,0],[90,30],[60,30]]}\n";
    auto in = inspect(s.str());
    CHECK(item(in, 3).status == audit::ItemStatus::Fail);
    CHECK(has_finding(in, item(in, 3), "proximity-consent", "C1"));

    s.cameras =
        "cameras:\n  - {id: C1, position: [1, 1], azimuth: 45, hfov: 90, range: 20, "
        "signage: true, purpose: perimeter, consent: [mil]}\n";
    auto ok = inspect(s.str());
    CHECK(item(ok, 3).status == audit::ItemStatus::Pass);
    CHECK(says(item(ok, 3), "military management zone mil: cameras with the unit's consent C1"));
}

TEST_CASE("(四) filing: unfiled fails; an incomplete sheet fails; a late filing fails") {
    SiteText s;
    s.system = "system:\n  retention_days: 30\n  delivered: 2025-06-01\n  filing: {filed: false}\n";
    CHECK(item(inspect(s.str()), 4).status == audit::ItemStatus::Fail);

    SiteText no_address;
    no_address.site = "site: {id: t, region: CN, regime: article7}\n";
    auto in = inspect(no_address.str());
    CHECK(item(in, 4).status == audit::ItemStatus::Fail);
    CHECK(item(in, 4).findings.empty());  // the sheet's gaps are an info, which does not count
    // reported once, by the filing check's info (issue #14 point 4), not again from the sheet
    CHECK(says(item(in, 4),
               "[cn-filing] the system is filed, but the filing sheet (MPS "
               "Provisions art. 6) lacks facts; Location of the system: "
               "site.address is not given"));
    CHECK_FALSE(says(item(in, 4), "filing sheet (art. 6): Location of the system"));

    SiteText late;
    late.system =
        "system:\n  retention_days: 30\n  delivered: 2025-06-01\n"
        "  filing: {filed: true, date: 2025-08-01}\n";
    auto l = inspect(late.str());
    CHECK(item(l, 4).status == audit::ItemStatus::Fail);
    CHECK(item(l, 4).findings.size() == 1);
}

TEST_CASE("(七) retention: below 30 days fails") {
    SiteText s;
    s.system =
        "system:\n  retention_days: 7\n  delivered: 2025-06-01\n"
        "  filing: {filed: true, date: 2025-06-20}\n";
    auto in = inspect(s.str());
    CHECK(item(in, 7).status == audit::ItemStatus::Fail);
    CHECK(item(in, 7).findings.size() == 1);
    CHECK(item(in, 4).status == audit::ItemStatus::Pass);
}

TEST_CASE("(九) positions: a view into a guest room fails; an unlimited PTZ near one fails") {
    SiteText s;
    s.zones += "  - {id: r1, kind: hotel.guest_room, polygon: [[20,60],[30,60],[30,70],[20,70]]}\n";
    auto clean = inspect(s.str());
    CHECK(item(clean, 9).status == audit::ItemStatus::Pass);
    CHECK(
        says(item(clean, 9), "forbidden zones (hotel guest room 1): no camera is mounted in one"));

    SiteText view = s;
    view.cameras +=
        "  - {id: V1, position: [25, 55], azimuth: 0, hfov: 60, range: 20, "
        "signage: true, purpose: general}\n";
    auto in = inspect(view.str());
    CHECK(item(in, 9).status == audit::ItemStatus::Fail);
    CHECK(has_finding(in, item(in, 9), "forbidden-view", "V1"));

    SiteText ptz = s;
    ptz.cameras +=
        "  - {id: P1, position: [25, 50], hfov: 40, range: 15, ptz: {}, signage: true, "
        "purpose: general}\n";
    auto p = inspect(ptz.str());
    CHECK(item(p, 9).status == audit::ItemStatus::Fail);  // a warning counts
    CHECK(has_finding(p, item(p, 9), "unbounded-ptz", "P1"));
}

TEST_CASE("no system: the items that need it are not applicable, never passed") {
    SiteText s;
    s.system.clear();
    auto in = inspect(s.str());
    for (const auto& it : in.items) {
        CAPTURE(it.number);
        const bool geometry = it.number == 1 || it.number == 2 || it.number == 3 || it.number == 9;
        CHECK(it.status == (geometry ? audit::ItemStatus::Pass : audit::ItemStatus::NotApplicable));
        CHECK_FALSE(it.exempt);
        if (!geometry) CHECK(says(it, "not built yet"));
    }
    CHECK_FALSE(in.all_pass_or_attested());
    CHECK_FALSE(in.notes_en.empty());
    CHECK_FALSE(inspect(s.str(), "general").all_pass_or_attested());
}

TEST_CASE("article9 (第十二条): items 1-3 are the focus; 9 ¶2 exempts the system duties") {
    SiteText s;
    s.site = "site: {id: t, region: CN, regime: article9, address: 某市某路}\n";
    // a public place that 第七条 does not name (a declared article9 for a 第七条 place would be
    // overridden: the check `regime`)
    s.zones =
        "zones:\n  - {id: sq, kind: generic.outdoor, polygon: [[0,0],[50,0],[50,50],[0,50]]}\n";
    s.measures = "  measures:\n    products: {attested: true}\n";
    auto in = inspect(s.str());
    CHECK(in.regime == "article9");
    REQUIRE(in.items.size() == 13);
    for (const auto& it : in.items) CHECK(it.focus == (it.number <= 3));
    CHECK(in.notes_zh.front().find("第十二条") != std::string::npos);
    for (int n : {4, 5, 6, 7, 8, 11, 12, 13}) {
        CAPTURE(n);
        CHECK(item(in, n).status == audit::ItemStatus::NotApplicable);
        CHECK(item(in, n).exempt);
    }
    CHECK(item(in, 10).status == audit::ItemStatus::Attested);  // 条例 12 still applies
    CHECK(in.all_pass_or_attested());

    s.measures.clear();
    CHECK_FALSE(inspect(s.str()).all_pass_or_attested());  // (十) not attested
}

TEST_CASE("article9 in Anhui: its 第十六条、第十七条 keep (五)(六)(十二) for every system") {
    SiteText s;
    s.site = "site: {id: t, region: CN-AH, regime: article9, address: 合肥市}\n";
    s.zones =
        "zones:\n  - {id: sq, kind: generic.outdoor, polygon: [[0,0],[50,0],[50,50],[0,50]]}\n";
    s.measures = "  measures:\n    products: {attested: true}\n";
    auto in = inspect(s.str());
    for (int n : {5, 6, 12}) {
        CAPTURE(n);
        CHECK(item(in, n).status == audit::ItemStatus::NotAttested);
        CHECK_FALSE(item(in, n).exempt);
        CHECK(says(item(in, n), "Anhui Measures art."));
    }
    CHECK(item(in, 11).exempt);
    // Anhui's own filing and retention rules run for every regime.
    CHECK(item(in, 4).status == audit::ItemStatus::Pass);
    CHECK(item(in, 7).status == audit::ItemStatus::Pass);
}

TEST_CASE("a check disabled in the settings: not applicable, not exempt, not passed") {
    SiteText s;
    s.extra = "settings: {disable: [missing-signage]}\n";
    auto in = inspect(s.str());
    CHECK(item(in, 2).status == audit::ItemStatus::NotApplicable);
    CHECK_FALSE(item(in, 2).exempt);
    CHECK(says(item(in, 2), "disabled"));
    CHECK_FALSE(in.all_pass_or_attested());
}

// 条例 15 ¶2 (issue #14, "Also"): where operation is entrusted to a contractor
// (system.measures.contractor given), item (十一) also needs the security agreement attested;
// absent, the operator runs the system itself and nothing more is asked.
TEST_CASE("(十一) a contractor's security agreement, where operation is entrusted") {
    SiteText s;
    CHECK(item(inspect(s.str()), 11).status == audit::ItemStatus::Attested);
    SiteText entrusted = s;
    entrusted.measures += "    contractor: {attested: false, note: 某运维公司}\n";
    auto in = inspect(entrusted.str());
    CHECK(item(in, 11).status == audit::ItemStatus::NotAttested);
    CHECK(says(item(in, 11), "stated as not in place: where operation is entrusted"));
    SiteText signed_ = s;
    signed_.measures += "    contractor: {attested: true, date: 2025-05-01, note: 安全保密协议}\n";
    auto ok = inspect(signed_.str());
    CHECK(item(ok, 11).status == audit::ItemStatus::Attested);
    CHECK(says(item(ok, 11), "attested: where operation is entrusted to a contractor"));
}
