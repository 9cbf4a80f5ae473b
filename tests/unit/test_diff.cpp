// camaudit diff: the comparison of two revisions (audit/site_diff), on hand-made pairs.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "audit/site_diff.hpp"

using namespace camaudit;
using audit::ChangeStatus;

namespace {

Camera camera(const std::string& id, double x, double y, double azimuth = 90) {
    Camera c;
    c.id = id;
    c.position = {x, y};
    c.azimuth = azimuth;
    c.hfov = 90;
    c.range = 10;
    return c;
}

Site site(const std::string& id, const std::string& region, std::vector<Camera> cameras) {
    Site s;
    s.info.id = id;
    s.info.region = region;
    s.cameras = std::move(cameras);
    return s;
}

// A revision whose working CRS is the input CRS (crs: local).
audit::Revision revision(const Site& s, const std::string& regime = "article9") {
    audit::Revision r;
    r.site = &s;
    r.working_crs = "local";
    r.regime = regime;
    for (const auto& c : s.cameras) r.camera_working.push_back(c.position);
    return r;
}

audit::Finding finding(const std::string& site_id, const std::string& check,
                       std::optional<std::string> camera, std::optional<std::string> zone,
                       audit::Severity severity = audit::Severity::Error) {
    audit::Finding f;
    f.rule = "r-" + check;
    f.rules = {f.rule};
    f.check = check;
    f.severity = severity;
    f.site = site_id;
    f.camera = std::move(camera);
    f.zone = std::move(zone);
    f.message_en = f.message_zh = check;
    f.fingerprint = audit::fingerprint_of(site_id, check, f.camera, f.zone);
    return f;
}

audit::ZoneMeasure measure(const std::string& id, double fraction) {
    return {id, "hotel.lobby", "", 100, 100 * fraction, fraction, {}};
}

const audit::CameraChange* change_of(const audit::SiteDiff& d, const std::string& id) {
    for (const auto& c : d.cameras)
        if (c.id == id) return &c;
    return nullptr;
}

std::vector<std::string> fields(const audit::CameraChange& c) {
    std::vector<std::string> v;
    for (const auto& f : c.changes) v.push_back(f.field);
    return v;
}

std::vector<std::string> topics(const std::vector<audit::LegalNote>& notes) {
    std::vector<std::string> v;
    for (const auto& n : notes)
        v.push_back(n.topic + ":" + n.citation.doc + ":" + std::to_string(n.citation.article) +
                    ":" + std::to_string(n.citation.item));
    return v;
}

}  // namespace

TEST_CASE("diff: identical revisions differ in nothing") {
    Site s = site("s", "CN", {camera("C1", 0, 0), camera("C2", 5, 5)});
    auto r = revision(s);
    r.watched = {measure("lobby", 0.785)};
    r.findings = {finding("s", "mandatory-coverage", std::nullopt, "lobby")};
    auto d = audit::diff_sites(r, r);
    CHECK(d.empty());
    CHECK(d.cameras.empty());
    REQUIRE(d.zones.size() == 1);
    CHECK(d.zones[0].status == ChangeStatus::Unchanged);
    CHECK(d.new_findings.empty());
    CHECK(d.fixed_findings.empty());
    CHECK(d.unchanged_findings == 1);
    CHECK(d.notes.empty());
}

TEST_CASE("diff: a move beyond the tolerance reports its distance; within it, nothing") {
    Site a = site("s", "CN", {camera("C1", 0, 0), camera("C2", 5, 5)});
    Site b = site("s", "CN", {camera("C1", 0.3, 0.4), camera("C2", 5.005, 5)});
    auto d = audit::diff_sites(revision(a), revision(b));
    REQUIRE(d.cameras.size() == 1);
    const auto& c = d.cameras[0];
    CHECK(c.id == "C1");
    CHECK(c.status == ChangeStatus::Changed);
    CHECK(c.moved);
    CHECK_FALSE(c.reaimed);
    REQUIRE(c.distance_m);
    CHECK(*c.distance_m == doctest::Approx(0.5));
    CHECK(fields(c) == std::vector<std::string>{"position"});
    CHECK(std::get<std::vector<double>>(c.changes[0].old_value) == std::vector<double>{0, 0});
    CHECK(std::get<std::vector<double>>(c.changes[0].new_value) == std::vector<double>{0.3, 0.4});
    CHECK(d.moved() == 1);
    CHECK(d.reaimed() == 0);
}

TEST_CASE("diff: distances are measured in the working CRS, not as written") {
    Site a = site("s", "CN", {camera("C1", 117.0, 31.0)});
    Site b = site("s", "CN", {camera("C1", 117.00001, 31.0)});
    auto ra = revision(a);
    auto rb = revision(b);
    ra.camera_working = {{500000, 3430000}};
    rb.camera_working = {{500000.95, 3430000}};
    auto d = audit::diff_sites(ra, rb);
    REQUIRE(d.cameras.size() == 1);
    CHECK(*d.cameras[0].distance_m == doctest::Approx(0.95));

    // Across working CRSs there is no common metric: moved as written, no distance.
    rb.working_crs = "EPSG:4548";
    d = audit::diff_sites(ra, rb);
    CHECK_FALSE(d.same_working_crs);
    REQUIRE(d.cameras.size() == 1);
    CHECK(d.cameras[0].moved);
    CHECK_FALSE(d.cameras[0].distance_m);
}

TEST_CASE("diff: re-aims list old and new values; floor and height are moves") {
    Camera c1 = camera("C1", 0, 0, 350);
    Camera c2 = camera("C1", 0, 0, 10);
    c2.hfov = 60;
    c2.ptz = Ptz{true, 0, 0};
    Camera d1 = camera("D1", 0, 0, 0);
    Camera d2 = camera("D1", 0, 0, 360);  // the same direction
    d2.floor = "F2";
    d2.height = 4;
    auto d =
        audit::diff_sites(revision(site("s", "CN", {c1, d1})), revision(site("s", "CN", {c2, d2})));
    REQUIRE(d.cameras.size() == 2);
    const auto* c = change_of(d, "C1");
    REQUIRE(c);
    CHECK(c->reaimed);
    CHECK_FALSE(c->moved);
    CHECK(fields(*c) == std::vector<std::string>{"azimuth", "hfov", "ptz"});
    CHECK(std::get<double>(c->changes[0].old_value) == 350);
    CHECK(std::get<double>(c->changes[0].new_value) == 10);
    CHECK(std::holds_alternative<std::monostate>(c->changes[2].old_value));
    CHECK(std::get<std::string>(c->changes[2].new_value) == "unlimited");
    const auto* m = change_of(d, "D1");
    REQUIRE(m);
    CHECK(m->moved);
    CHECK_FALSE(m->reaimed);
    CHECK_FALSE(m->distance_m);  // not moved in plan
    CHECK(fields(*m) == std::vector<std::string>{"floor", "height"});
}

TEST_CASE("diff: added and removed cameras, listed by id with where they are") {
    Site a = site("s", "CN", {camera("C2", 0, 0), camera("C1", 1, 1)});
    Site b = site("s", "CN", {camera("C3", 2, 2), camera("C1", 1, 1)});
    auto d = audit::diff_sites(revision(a), revision(b));
    REQUIRE(d.cameras.size() == 2);
    CHECK(d.cameras[0].id == "C2");
    CHECK(d.cameras[0].status == ChangeStatus::Removed);
    CHECK(d.cameras[1].id == "C3");
    CHECK(d.cameras[1].status == ChangeStatus::Added);
    CHECK(fields(d.cameras[1]) ==
          std::vector<std::string>{"position", "height", "azimuth", "hfov", "range"});
    CHECK(std::holds_alternative<std::monostate>(d.cameras[1].changes[0].old_value));
    CHECK(std::holds_alternative<std::monostate>(d.cameras[0].changes[0].new_value));
    CHECK(d.count(ChangeStatus::Added) == 1);
    CHECK(d.count(ChangeStatus::Removed) == 1);
    CHECK(d.notes.empty());  // article9: no filing note, and the count is the same
}

TEST_CASE("diff: legal notes for Anhui sites and systems of 条例 第七条") {
    Site a = site("s", "CN-AH", {camera("M", 0, 0), camera("R", 5, 5), camera("X", 9, 9)});
    Site b = site("s", "CN-AH", {camera("M", 1, 0), camera("R", 5, 5, 180)});
    auto d = audit::diff_sites(revision(a), revision(b));
    CHECK(topics(change_of(d, "M")->notes) ==
          std::vector<std::string>{"moved:cn-ah-measures:16:3"});
    CHECK(topics(change_of(d, "R")->notes) ==
          std::vector<std::string>{"reaimed:cn-ah-measures:14:0"});
    CHECK(change_of(d, "X")->notes.empty());
    CHECK(d.notes.empty());
    CHECK(change_of(d, "M")->notes[0].citation.label_zh("安徽办法") ==
          "安徽办法第十六条第（三）项");

    auto d7 = audit::diff_sites(revision(a, "article7"), revision(b, "article7"));
    CHECK(topics(change_of(d7, "M")->notes) ==
          std::vector<std::string>{"moved:cn-ah-measures:16:3", "moved:cn-regulation-2025:23:2"});
    CHECK(
        topics(change_of(d7, "R")->notes) ==
        std::vector<std::string>{"reaimed:cn-ah-measures:14:0", "reaimed:cn-regulation-2025:23:2"});
    CHECK(topics(change_of(d7, "X")->notes) ==
          std::vector<std::string>{"removed:cn-regulation-2025:23:2"});
    CHECK(topics(d7.notes) == std::vector<std::string>{"filing:cn-regulation-2025:14:0"});

    Site c = site("s", "CN", {camera("M", 0, 0)});
    Site e = site("s", "CN", {camera("M", 2, 0)});
    auto cn = audit::diff_sites(revision(c), revision(e));
    CHECK(change_of(cn, "M")->notes.empty());  // neither Anhui nor a system of 第七条
}

TEST_CASE("diff: the notes quote the law verbatim") {
    Site a = site("s", "CN-AH", {camera("M", 0, 0), camera("R", 5, 5), camera("X", 9, 9)});
    Site b = site("s", "CN-AH", {camera("M", 1, 0), camera("R", 5, 5, 180)});
    auto d = audit::diff_sites(revision(a, "article7"), revision(b, "article7"));
    std::vector<audit::LegalNote> all = d.notes;
    for (const auto& c : d.cameras) all.insert(all.end(), c.notes.begin(), c.notes.end());
    REQUIRE(all.size() == 6);
    namespace fs = std::filesystem;
    for (const auto& n : all) {
        CAPTURE(n.citation.text_zh);
        std::ifstream in(fs::path(CAMAUDIT_SOURCE_DIR) / "rules" / "law" /
                         (n.citation.doc + ".md"));
        REQUIRE(in);
        std::stringstream text;
        text << in.rdbuf();
        CHECK(text.str().find(n.citation.text_zh) != std::string::npos);
        CHECK_FALSE(n.message_en.empty());
        CHECK_FALSE(n.message_zh.empty());
    }
}

TEST_CASE("diff: findings are matched by fingerprint, also when the site is renamed") {
    Site a = site("old-id", "CN", {});
    Site b = site("new-id", "CN", {});
    auto ra = revision(a);
    auto rb = revision(b);
    ra.findings = {finding("old-id", "missing-signage", "C1", "lobby"),
                   finding("old-id", "mandatory-coverage", std::nullopt, "lobby")};
    rb.findings = {finding("new-id", "mandatory-coverage", std::nullopt, "lobby"),
                   finding("new-id", "unbounded-ptz", "P1", "wc", audit::Severity::Warning)};
    auto d = audit::diff_sites(ra, rb);
    CHECK(d.unchanged_findings == 1);
    REQUIRE(d.new_findings.size() == 1);
    CHECK(d.new_findings[0].check == "unbounded-ptz");
    REQUIRE(d.fixed_findings.size() == 1);
    CHECK(d.fixed_findings[0].check == "missing-signage");
    CHECK(d.fixed_findings[0].fingerprint == ra.findings[0].fingerprint);  // as it was reported
}

TEST_CASE("diff: coverage of the watched zones, with a tolerance") {
    Site s = site("s", "CN", {});
    auto ra = revision(s);
    auto rb = revision(s);
    ra.watched = {measure("a", 0.5), measure("b", 0.9), measure("gone", 1), measure("same", 0.8)};
    rb.watched = {measure("a", 0.9), measure("b", 0.9002), measure("new", 0), measure("same", 0.8)};
    auto d = audit::diff_sites(ra, rb);
    REQUIRE(d.zones.size() == 5);  // by id
    CHECK(d.zones[0].id == "a");
    CHECK(d.zones[0].status == ChangeStatus::Changed);
    CHECK(d.zones[1].status == ChangeStatus::Unchanged);  // 0.02 % is below the tolerance
    CHECK(d.zones[2].id == "gone");
    CHECK(d.zones[2].status == ChangeStatus::Removed);
    CHECK_FALSE(d.zones[2].new_measure);
    CHECK(d.zones[3].id == "new");
    CHECK(d.zones[3].status == ChangeStatus::Added);
    CHECK(d.zones[4].status == ChangeStatus::Unchanged);
    CHECK(d.zones_with(ChangeStatus::Changed) == 1);
    CHECK_FALSE(d.empty());
}

TEST_CASE("diff: is_anhui") {
    CHECK(audit::is_anhui("CN-AH"));
    CHECK(audit::is_anhui("cn-ah"));
    CHECK(audit::is_anhui("CN-AH-01"));
    CHECK_FALSE(audit::is_anhui("CN-AHX"));
    CHECK_FALSE(audit::is_anhui("CN"));
}
