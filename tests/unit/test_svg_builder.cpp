#include <doctest/doctest.h>

#include "audit/context.hpp"
#include "audit/plan.hpp"
#include "geo/projection.hpp"
#include "report/svg_plan.hpp"

using namespace camaudit;
using namespace camaudit::report;

namespace {

Polygon rect(double x0, double y0, double x1, double y1) {
    return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

Site sample_site() {
    Site s;
    s.file = "mem.yaml";
    s.info.id = "t1";
    s.info.name = "Test";
    Zone hall;
    hall.id = "hall";
    hall.kind = "generic.room";
    hall.polygon = rect(0, 0, 20, 10);
    Zone small;
    small.id = "box";
    small.kind = "generic.room";
    small.name = "Box";
    small.polygon = rect(12, 2, 16, 4);
    s.zones = {small, hall};  // the smaller first in the file
    Wall w;
    w.id = "w1";
    w.line = {{0, 10}, {20, 10}};
    Wall pillar;
    pillar.id = "p1";
    pillar.is_polygon = true;
    pillar.polygon = rect(8, 8, 9, 9);
    s.walls = {w, pillar};
    Camera fixed;
    fixed.id = "C01";
    fixed.position = {1, 1};
    fixed.azimuth = 45;
    fixed.hfov = 90;
    fixed.range = 10;
    fixed.resolution = std::array<int, 2>{1920, 1080};
    Camera ptz = fixed;
    ptz.id = "P01";
    ptz.azimuth.reset();
    ptz.resolution.reset();
    ptz.position = {19, 1};
    ptz.ptz = Ptz{false, 300, 60};  // pans clockwise through north
    s.cameras = {fixed, ptz};
    return s;
}

}  // namespace

TEST_CASE("plan builder: floors, zones in drawing order, label room, cameras, findings") {
    const Site site = sample_site();
    geo::Projection identity;
    audit::RuleSet rules;
    audit::AuditContext ctx(site, site, identity, rules, 1);

    audit::Finding f;
    f.rule = "r1";
    f.check = "forbidden-view";
    f.camera = "C01";
    f.zone = "box";
    f.message_en = "camera C01 sees box";
    f.message_zh = "摄像机 C01";
    f.area_working = {rect(12, 2, 13, 3)};
    audit::Finding cover = f;
    cover.check = "mandatory-coverage";
    cover.camera.reset();
    cover.area_working.clear();
    audit::Finding info = f;
    info.severity = audit::Severity::Info;

    audit::Plan plan = audit::build_plan(ctx, {f, cover, info}, Lang::En, true);
    CHECK(plan.title == "Test (t1)");
    CHECK(plan.audited);
    REQUIRE(plan.floors.size() == 1);
    const audit::PlanFloor& floor = plan.floors[0];
    CHECK(floor.id == "");
    REQUIRE(floor.zones.size() == 2);
    CHECK(floor.zones[0].id == "hall");  // the largest drawn first
    CHECK(floor.zones[1].label == "Box");
    CHECK(floor.zones[0].category == audit::ZoneCategory::Other);
    REQUIRE(floor.zones[1].label_at);
    CHECK(floor.zones[1].label_at->x == doctest::Approx(14));
    CHECK(floor.zones[1].label_at->y == doctest::Approx(3));
    CHECK(floor.zones[1].label_width == doctest::Approx(4));
    CHECK(floor.zones[1].label_height == doctest::Approx(2));
    REQUIRE(floor.walls.size() == 2);
    CHECK(floor.walls[1].solid);
    REQUIRE(floor.cameras.size() == 2);
    CHECK_FALSE(floor.cameras[0].viewshed.empty());
    CHECK(floor.cameras[0].azimuth == doctest::Approx(45));
    CHECK_FALSE(floor.cameras[0].bands.empty());
    CHECK(floor.cameras[0].bands[0].level.find("IEC 62676-4:2014") != std::string::npos);
    CHECK(floor.cameras[1].bands.empty());                  // no resolution
    CHECK(floor.cameras[1].azimuth == doctest::Approx(0));  // the middle of 300 → 60

    REQUIRE(plan.findings.size() == 2);  // the info finding is left out
    CHECK(plan.findings[0].message == "camera C01 sees box");
    CHECK_FALSE(plan.findings[0].uncovered);
    REQUIRE(plan.findings[0].marker);
    CHECK(plan.findings[0].marker->x == doctest::Approx(12.5));
    CHECK(plan.findings[1].uncovered);
    REQUIRE(plan.findings[1].marker);  // no area, no camera: at the zone's label
    CHECK(plan.findings[1].marker->x == doctest::Approx(14));

    audit::Plan zh = audit::build_plan(ctx, {f}, Lang::Zh, false);
    CHECK(zh.findings[0].message == "摄像机 C01");
    CHECK(zh.floors[0].cameras[0].bands.empty());
    CHECK(render_svg(zh).find(">C01</text>") != std::string::npos);
}
