// The input CRS → metric working CRS (spec "Coordinates"), through PROJ.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include "geo/projection.hpp"

using namespace camaudit;
using geo::Projection;

namespace {

Camera make_camera(std::string id, Point position) {
    Camera c;
    c.id = std::move(id);
    c.position = position;
    c.azimuth = 0;
    c.hfov = 90;
    c.range = 10;
    return c;
}

Site site_at(const std::string& crs, const std::string& region, Point camera) {
    Site s;
    s.file = "p.yaml";
    s.info.crs = crs;
    s.info.region = region;
    s.info.crs_loc = {"p.yaml", 3, 8};
    s.cameras.push_back(make_camera("C", camera));
    return s;
}

Projection make(const Site& s) {
    Diagnostics diag;
    auto p = Projection::for_site(s, diag);
    REQUIRE_FALSE(diag.has_errors());
    REQUIRE(p.has_value());
    return std::move(*p);
}

}  // namespace

TEST_CASE("projection: local is the identity") {
    Projection id;
    CHECK(id.is_identity());
    CHECK_FALSE(id.input_is_geographic());
    CHECK(id.working_crs() == "local");
    CHECK(id.forward({3, 4}) == Point{3, 4});
    CHECK(id.inverse({3, 4}) == Point{3, 4});
    CHECK(id.grid_azimuth({3, 4}, 370) == doctest::Approx(10));

    Projection p = make(site_at("local", "CN", {1, 2}));
    CHECK(p.is_identity());
    CHECK(p.working_crs() == "local");
}

TEST_CASE("projection: a CN site in longitude/latitude goes to its CGCS2000 GK zone") {
    // Hefei: central meridian 117° → EPSG:4534 + (117 - 75) / 3 = EPSG:4548.
    for (const char* crs : {"EPSG:4326", "EPSG:4490", "OGC:CRS84"}) {
        INFO(crs);
        Projection p = make(site_at(crs, "CN-AH", {117.2, 31.8}));
        CHECK_FALSE(p.is_identity());
        CHECK(p.input_is_geographic());
        CHECK(p.input_crs() == crs);
        CHECK(p.working_crs() == "EPSG:4548");
        auto xy = p.forward({117.2, 31.8});
        REQUIRE(xy.has_value());
        // Longitude first on input, easting first on output (normalised axis order): 0.2° east
        // of the central meridian is about 18.9 km east of the false easting 500000.
        CHECK(xy->x > 518000);
        CHECK(xy->x < 520000);
        CHECK(xy->y == doctest::Approx(3.52e6).epsilon(0.01));
        auto back = p.inverse(*xy);
        REQUIRE(back.has_value());
        CHECK(std::fabs(back->x - 117.2) < 1e-6);
        CHECK(std::fabs(back->y - 31.8) < 1e-6);
        // Meridian convergence east of the central meridian: true north is about
        // 0.2° · sin 31.8° ≈ 0.105° west of grid north.
        const double g = p.grid_azimuth({117.2, 31.8}, 0);
        CHECK(g == doctest::Approx(360 - 0.1054).epsilon(1e-5));
        CHECK(p.grid_azimuth({117.2, 31.8}, 90) == doctest::Approx(90 - 0.1054).epsilon(1e-4));
    }
}

TEST_CASE("projection: zone choice") {
    // Exactly on a central meridian: no convergence.
    Projection on_cm = make(site_at("EPSG:4490", "CN", {114, 30}));
    CHECK(on_cm.working_crs() == "EPSG:4547");
    CHECK(on_cm.forward({114, 30})->x == doctest::Approx(500000).epsilon(1e-9));
    CHECK(on_cm.grid_azimuth({114, 30}, 45) == doctest::Approx(45));
    // The ends of the CGCS2000 3° series.
    CHECK(make(site_at("EPSG:4490", "CN", {75.4, 39})).working_crs() == "EPSG:4534");
    CHECK(make(site_at("EPSG:4490", "CN", {134.6, 48})).working_crs() == "EPSG:4554");
    // Outside 75..135 even in a CN region: UTM.
    CHECK(make(site_at("EPSG:4326", "CN", {7.42, 43.73})).working_crs() == "EPSG:32632");
    // Southern hemisphere.
    CHECK(make(site_at("EPSG:4326", "AU-NSW", {151.2, -33.86})).working_crs() == "EPSG:32756");
}

TEST_CASE("projection: a non-CN site goes to its UTM zone") {
    // Monaco, 7.42°E 43.73°N → UTM 32N (central meridian 9°E).
    Projection p = make(site_at("EPSG:4326", "MC", {7.42, 43.73}));
    CHECK(p.working_crs() == "EPSG:32632");
    auto xy = p.forward({7.42, 43.73});
    REQUIRE(xy.has_value());
    CHECK(xy->x == doctest::Approx(372800).epsilon(0.002));
    CHECK(xy->y == doctest::Approx(4843000).epsilon(0.002));
    auto back = p.inverse(*xy);
    REQUIRE(back.has_value());
    CHECK(std::fabs(back->x - 7.42) < 1e-6);
    CHECK(std::fabs(back->y - 43.73) < 1e-6);
    // West of the central meridian, true north lies east of grid north.
    const double convergence = (7.42 - 9) * std::sin(43.73 * M_PI / 180);
    CHECK(p.grid_azimuth({7.42, 43.73}, 0) == doctest::Approx(-convergence).epsilon(0.01));
}

TEST_CASE("projection: findings' polygons back to longitude/latitude, or left out") {
    Projection p = make(site_at("EPSG:4326", "CN-AH", {117.2, 31.8}));
    const Point corner = *p.forward({117.2, 31.8});
    auto square = [&](double far) {
        Ring r{corner,
               {corner.x + 10, corner.y},
               {corner.x + 10, corner.y + 10},
               {corner.x, corner.y + 10}};
        r[2].x += far;  // one vertex moved far outside the CRS's domain
        return Polygon{r, {}};
    };
    REQUIRE_FALSE(p.inverse({corner.x + 1e30, corner.y + 10}));
    auto back = geo::to_input({square(0), square(1e30)}, p);
    REQUIRE(back.size() == 1);  // the second one left out, not in metres among degrees
    CHECK(std::fabs(back[0].shell[0].x - 117.2) < 1e-6);
    CHECK(std::fabs(back[0].shell[0].y - 31.8) < 1e-6);
    // A hole that cannot come back leaves its polygon out too.
    Polygon holed = square(0);
    holed.holes.push_back(square(1e30).shell);
    CHECK(geo::to_input({holed}, p).empty());
    // Identity: as they are.
    Projection local = make(site_at("local", "CN", {0, 0}));
    CHECK(geo::to_input({square(1e30)}, local).size() == 1);
}

TEST_CASE("projection: a projected metric CRS is used as it is") {
    Projection p = make(site_at("EPSG:4548", "CN", {518900, 3520000}));
    CHECK_FALSE(p.input_is_geographic());
    CHECK(p.is_identity());
    CHECK(p.working_crs() == "EPSG:4548");
    CHECK(p.forward({518900, 3520000}) == Point{518900, 3520000});
    // Azimuths are true north: the convergence still applies.
    CHECK(p.grid_azimuth({518900, 3520000}, 0) == doctest::Approx(360 - 0.105).epsilon(1e-3));
    CHECK(p.grid_azimuth({500000, 3520000}, 30) == doctest::Approx(30).epsilon(1e-6));
}

TEST_CASE("projection: compound, bound and 3D CRSs use their horizontal part") {
    Projection compound = make(site_at("EPSG:4548+5737", "CN", {518900, 3520000}));
    CHECK(compound.is_identity());
    CHECK_FALSE(compound.input_is_geographic());
    Projection bound = make(site_at(
        "+proj=longlat +ellps=krass +towgs84=15.8,-154.4,-82.3 +type=crs", "CN", {117.2, 31.8}));
    CHECK(bound.input_is_geographic());
    CHECK(bound.working_crs() == "EPSG:4548");
    REQUIRE(bound.forward({117.2, 31.8}).has_value());
    Projection geo3d = make(site_at("EPSG:4979", "FR", {2.35, 48.85}));
    CHECK(geo3d.working_crs() == "EPSG:32631");
    CHECK(geo3d.forward({2.35, 48.85})->x == doctest::Approx(452000).epsilon(0.002));
}

TEST_CASE("projection: bad CRSs are reported at site.crs") {
    for (const char* crs : {"EPSG:999999", "not a crs", "EPSG:2249", "EPSG:4978", "EPSG:5773",
                            "IAU_2015:49900", "+proj=merc"}) {
        INFO(crs);
        Diagnostics diag;
        auto p = Projection::for_site(site_at(crs, "CN", {0, 0}), diag);
        CHECK_FALSE(p.has_value());
        REQUIRE(diag.error_count() == 1);
        CHECK(diag.all()[0].loc.line == 3);
        CHECK(diag.all()[0].loc.column == 8);
    }
}

TEST_CASE("projection: to_working projects every coordinate and turns azimuths") {
    Site s = site_at("EPSG:4326", "CN-AH", {117.2, 31.8});
    s.cameras[0].azimuth = 90;
    s.cameras[0].privacy_masks.push_back({{{117.2, 31.8}, {117.201, 31.8}, {117.201, 31.801}}, {}});
    Camera ptz = make_camera("P", {117.2, 31.8});
    ptz.azimuth.reset();
    ptz.ptz = Ptz{false, 0, 360};
    s.cameras.push_back(ptz);
    Zone poly;
    poly.id = "z";
    poly.polygon.shell = {{117.2, 31.8}, {117.201, 31.8}, {117.201, 31.801}};
    poly.polygon.holes = {{{117.2004, 31.8002}, {117.2006, 31.8002}, {117.2006, 31.8004}}};
    s.zones.push_back(poly);
    Zone pt;
    pt.id = "p";
    pt.shape = ZoneShape::Point;
    pt.point = {117.2, 31.8};
    pt.radius = 3;
    s.zones.push_back(pt);
    Zone line;
    line.id = "l";
    line.shape = ZoneShape::Line;
    line.line = {{117.2, 31.8}, {117.21, 31.8}};
    line.width = 12;
    s.zones.push_back(line);
    Wall w;
    w.line = {{117.2, 31.8}, {117.2, 31.801}};
    s.walls.push_back(w);

    Projection p = make(s);
    Diagnostics diag;
    auto work = geo::to_working(s, p, diag);
    REQUIRE(work.has_value());
    CHECK_FALSE(diag.has_errors());
    const Point origin = *p.forward({117.2, 31.8});
    CHECK(work->cameras[0].position == origin);
    CHECK(work->cameras[0].azimuth == doctest::Approx(90 - 0.1054).epsilon(1e-4));
    CHECK(work->cameras[0].range == 10);
    CHECK(work->cameras[0].privacy_masks[0].shell[0] == origin);
    CHECK(work->cameras[1].ptz->pan_from == doctest::Approx(-0.1054).epsilon(1e-3));
    CHECK(work->cameras[1].ptz->pan_to - work->cameras[1].ptz->pan_from == doctest::Approx(360));
    CHECK(work->zones[0].polygon.shell[0] == origin);
    CHECK(work->zones[0].polygon.holes[0][0].x > origin.x + 30);
    CHECK(work->zones[1].point == origin);
    CHECK(work->zones[1].radius == 3.0);
    // 0.01° of longitude at 31.8°N is about 946 m.
    CHECK(work->zones[2].line[1].x - work->zones[2].line[0].x ==
          doctest::Approx(946).epsilon(0.01));
    CHECK(work->zones[2].width == 12.0);
    CHECK(work->walls[0].line[1].y - work->walls[0].line[0].y ==
          doctest::Approx(110.9).epsilon(0.01));
    // The input is untouched.
    CHECK(s.cameras[0].position == Point{117.2, 31.8});
}

TEST_CASE("projection: to_working of a local site is a copy") {
    Site s = site_at("local", "CN", {1, 2});
    s.cameras[0].azimuth = 45;
    Projection p;
    Diagnostics diag;
    auto work = geo::to_working(s, p, diag);
    REQUIRE(work.has_value());
    CHECK(work->cameras[0].position == Point{1, 2});
    CHECK(work->cameras[0].azimuth == 45.0);
}

TEST_CASE("projection: one Projection may serve several threads") {
    Projection p = make(site_at("EPSG:4326", "CN", {117.2, 31.8}));
    const Point expected = *p.forward({117.2, 31.8});
    std::vector<int> bad(4, 0);
    std::vector<std::thread> pool;
    pool.reserve(4);
    for (int t = 0; t < 4; ++t)
        pool.emplace_back([&, t] {
            for (int i = 0; i < 500; ++i) {
                auto q = p.forward({117.2, 31.8});
                if (!q || !(*q == expected)) ++bad[t];
                auto back = p.inverse(expected);
                if (!back || std::fabs(back->x - 117.2) > 1e-6) ++bad[t];
            }
        });
    for (auto& th : pool) th.join();
    CHECK(bad == std::vector<int>(4, 0));
}
