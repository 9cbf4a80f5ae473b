// Robustness: what GEOS and PROJ cannot do becomes an error naming the camera or zone at its
// place in the site file (never an abort or an anonymous internal error), coordinates at the
// reader's limits still give sound viewsheds, and the YAML reader's own checks (unclosed
// quotes, tags) do not reject what YAML allows.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <string>
#include <thread>

#include "geo/geos.hpp"
#include "geo/projection.hpp"
#include "geo/viewshed.hpp"
#include "io/site_reader.hpp"

using namespace camaudit;

namespace {

const SourceLocation kAt{"site.yaml", 12, 5};

Camera camera(const std::string& id, Point p) {
    Camera c;
    c.id = id;
    c.position = p;
    c.azimuth = 45;
    c.hfov = 90;
    c.range = 20;
    c.loc = kAt;
    return c;
}

bool has_error(const Diagnostics& diag, const std::string& a, const std::string& b) {
    for (const auto& d : diag.all()) {
        const std::string s = d.str();
        if (s.find(a) != std::string::npos && s.find(b) != std::string::npos) return true;
    }
    return false;
}

// The site reader on `text`: the messages, one a line ("" when the site was read).
std::string read_errors(const std::string& text) {
    Diagnostics diag;
    auto site = io::load_site_yaml("t.yaml", text, diag);
    std::string out;
    for (const auto& d : diag.all()) out += d.str() + "\n";
    if (!site) CHECK_FALSE(out.empty());
    return out;
}

const std::string kHead =
    "camaudit: 1\nsite: {id: s1}\noperator: {id: op1, type: individual}\nzones: []\n";

}  // namespace

// A geometry GEOS refuses (IllegalArgumentException: a ring of one point), which the C API
// turns into NULL and an error message. (An overlay's TopologyException would do too, but
// GEOS 3.11 leaks on that path, which LeakSanitizer would report.)
static void provoke_geos() {
    (void)geo::make_polygon(Ring{{0, 0}});
}

TEST_CASE("robustness: a GEOS failure names the object being computed and its place") {
    try {
        provoke_geos();
        FAIL("GEOS accepted a ring of one point");
    } catch (const geo::GeosError& e) {
        CHECK(e.loc.line == 0);  // no subject: nothing to blame but the operation
        CHECK(std::string(e.what()).starts_with("GEOS linear ring failed: "));
        CHECK(std::string(e.what()).find("IllegalArgumentException") != std::string::npos);
    }
    {
        const geo::GeosSubject zone("zone", "z1", {"site.yaml", 3, 7});
        {
            const geo::GeosSubject cam("camera", "C7", kAt);
            try {
                provoke_geos();
                FAIL("GEOS accepted a ring of one point");
            } catch (const geo::GeosError& e) {
                CHECK(std::string(e.what()).starts_with("camera 'C7': GEOS linear ring failed: "));
                CHECK(e.loc.file == "site.yaml");
                CHECK(e.loc.line == 12);
                CHECK(e.loc.column == 5);
            }
        }
        try {
            provoke_geos();
            FAIL("GEOS accepted a ring of one point");
        } catch (const geo::GeosError& e) {
            CHECK(std::string(e.what()).starts_with("zone 'z1': "));  // the outer one again
            CHECK(e.loc.line == 3);
        }
        // Subjects are per thread: another thread's failure is not blamed on this zone.
        std::string other;
        std::thread([&] {
            try {
                provoke_geos();
            } catch (const geo::GeosError& e) {
                other = e.what();
            }
        }).join();
        CHECK(other.starts_with("GEOS "));
    }
}

TEST_CASE("robustness: a viewshed GEOS cannot compute is an error at its camera") {
    // The reader never lets a NaN through; were one to reach GEOS (here the repair of the
    // privacy mask refuses it), the failure must come back as an error at the camera.
    Camera c = camera("C9", {5, 5});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    c.privacy_masks.push_back({{{6, 6}, {nan, 6}, {8, 8}, {6, 8}}, {}});
    const std::vector<const Wall*> no_walls;
    const geo::Obstacles none(no_walls);
    try {
        (void)geo::compute_viewshed(c, none);
        FAIL("a NaN privacy mask was accepted");
    } catch (const geo::GeosError& e) {
        CHECK(std::string(e.what()).starts_with("camera 'C9': GEOS "));
        CHECK(e.loc.line == kAt.line);
    }
}

TEST_CASE("robustness: a viewshed ring that is not simple is repaired before masks (fuzz)") {
    // Found by fuzz/fuzz_viewshed: the eye on the corner where walls meet, walls doubling
    // back on themselves, a field of almost 360°. The sweep's ring touches itself at (0, 0);
    // it was handed to GEOS's overlay with the privacy masks as it was, and GEOS refused it
    // ("TopologyException: Input geom 0 is invalid: Ring Self-intersection at 0 0").
    std::vector<Wall> walls(8);
    const std::vector<std::vector<Point>> lines = {
        {{7, 1}, {6, 0}, {3, 10}},   {{2, 10}, {10, 2}}, {{10, 4}, {4, 10}, {2, 6}, {2, 7}},
        {{5, 9}, {0, 10}, {10, 10}}, {{10, 10}, {0, 0}}, {{1, 3}, {0, 0}, {2, 2}, {5, 5}},
        {{10, 0}, {2, 10}},          {{2, 2}, {2, 10}}};
    std::vector<const Wall*> ptrs;
    for (std::size_t i = 0; i < walls.size(); ++i) {
        walls[i].line = lines[i];
        ptrs.push_back(&walls[i]);
    }
    const geo::Obstacles obstacles(ptrs);
    Camera c = camera("C1", {0, 2});
    c.hfov = 358.31170654296875;
    c.azimuth = 718.06640625;
    c.range = 30.947265625;
    c.privacy_masks.push_back({{{0, 0},
                                {7.9621200561523438, 0},
                                {7.9621200561523438, 1.9429855346679688},
                                {0, 1.9429855346679688}},
                               {}});
    c.privacy_masks.push_back({{{4, 0}, {4.5, 0}, {4.5, 0.5}, {4, 0.5}}, {}});
    const geo::Viewshed v = geo::compute_viewshed(c, obstacles);
    REQUIRE(v.area);
    CHECK(geo::is_valid(v.area.get()));
    CHECK(v.area_m2 <= 0.5 * c.range * c.range * c.hfov * std::numbers::pi / 180);
    // The same scene without masks must still be valid (the ring is repaired at the end).
    c.privacy_masks.clear();
    const geo::Viewshed open = geo::compute_viewshed(c, obstacles);
    CHECK(geo::is_valid(open.area.get()));
    CHECK(v.area_m2 <= open.area_m2);
}

TEST_CASE("robustness: viewsheds at the reader's limits of coordinates and range") {
    // A camera 10 000 km from the origin (kMaxAbsCoordinate) with a range of 100 km
    // (kMaxDistance), among walls of a few millimetres to a few metres: the double precision
    // left (about 2e-9 m at 1e7) is ample, and the result must be as sound as near the origin.
    const double far = io::kMaxAbsCoordinate * 0.99;
    std::vector<Wall> walls(3);
    walls[0].line = {{far + 3, far - 5}, {far + 3, far + 5}};
    walls[1].line = {{far + 1, far + 1}, {far + 1.002, far + 1.001}};
    walls[2].is_polygon = true;
    walls[2].polygon.shell = {{far - 4, far + 2}, {far - 2, far + 2}, {far - 2, far + 4}};
    std::vector<const Wall*> ptrs{&walls[0], &walls[1], &walls[2]};
    const geo::Obstacles obstacles(ptrs);
    for (double range : {1.0, 20.0, io::kMaxDistance}) {
        CAPTURE(range);
        Camera c = camera("C1", {far, far});
        c.hfov = 360;
        c.azimuth.reset();
        c.range = range;
        const geo::Viewshed v = geo::compute_viewshed(c, obstacles);
        REQUIRE(v.area);
        CHECK(geo::is_valid(v.area.get()));
        CHECK(std::isfinite(v.area_m2));
        CHECK(v.area_m2 > 0);
        CHECK(v.area_m2 <= std::numbers::pi * range * range);
        // The wall 3 m east hides what is behind it; the point just before it is seen.
        if (range > 4) {
            CHECK_FALSE(geo::covers(v.area.get(), geo::make_point({far + 3.5, far}).get()));
            CHECK(geo::covers(v.area.get(), geo::make_point({far + 2.5, far}).get()));
        }
    }
}

TEST_CASE("robustness: a point far outside the working CRS's area is an error naming it") {
    // Two cameras of an Anhui site, one with the sign of its latitude lost: the site's centre
    // (117.2°E, 0°) picks EPSG:4548 (115.5°E-118.5°E, 22.6°N-49.88°N), where -31.8° is far
    // outside. Transverse Mercator would still give finite numbers there (and past 90° of
    // longitude a mirror image): without the check the camera would silently move.
    Site s;
    s.file = "site.yaml";
    s.info.crs = "EPSG:4326";
    s.info.region = "CN-AH";
    s.cameras = {camera("A", {117.2, 31.8}), camera("B", {117.2, -31.8})};
    s.cameras[1].loc = {"site.yaml", 20, 5};
    Diagnostics diag;
    auto projection = geo::Projection::for_site(s, diag);
    REQUIRE(projection);
    CHECK(projection->working_crs() == "EPSG:4548");
    CHECK(projection->in_working_area({117.2, 31.8}));
    CHECK(projection->in_working_area({120.0, 20.0}));  // within the margin of 3°
    CHECK_FALSE(projection->in_working_area({117.2, -31.8}));
    CHECK_FALSE(projection->in_working_area({-62.8, 31.8}));
    auto working = geo::to_working(s, *projection, diag);
    CHECK_FALSE(working);
    CHECK(has_error(diag, "site.yaml:20:5: camera 'B': (117.2, -31.8) is more than 3°",
                    "EPSG:4548 (115.5°E to 118.5°E, 22.6°N to 49.88°N)"));
    CHECK(diag.error_count() == 1);  // camera A is fine

    // A local site and a projected one are not checked (their coordinates are not moved).
    Site local = s;
    local.info.crs = "local";
    Diagnostics ldiag;
    auto identity = geo::Projection::for_site(local, ldiag);
    REQUIRE(identity);
    CHECK(identity->in_working_area({1e6, -1e6}));
    CHECK(geo::to_working(local, *identity, ldiag));
}

TEST_CASE("robustness: the check for unclosed quotes accepts every closed form") {
    // yaml-cpp 0.7 reads an unclosed quote to the end of the file; the reader reports it.
    // These are all closed, in the places where a byte count could go wrong.
    const std::string cams =
        "cameras:\n  - {id: \"C\\\"1\", position: [1, 1], azimuth: 45, hfov: 90, range: 10,\n"
        "     purpose: 'it''s \"quoted\"'}\n"
        "  - {id: '通道', position: [2, 2], azimuth: 45, hfov: 90, range: 10, purpose: \"a\\\\\"}\n"
        "  - id: C3\n    position: [3, 3]\n    azimuth: 45\n    hfov: 90\n    range: 10\n"
        "    purpose: |\n      a \"block\" with an ' apostrophe\n";
    CHECK(read_errors(kHead + cams) == "");
    CHECK(read_errors("\xEF\xBB\xBF"
                      "camaudit: 1\nsite: {id: \"s1\", name: '名'}\n"
                      "operator: {id: op1, type: individual}\nzones: []\ncameras: []\n") == "");
    // Multi-line quoted scalars are closed on a later line.
    CHECK(read_errors(kHead + "cameras: []\nsite2: \"a\n  b\"\n").find("never closed") ==
          std::string::npos);

    CHECK(read_errors(kHead + "cameras:\n  - {id: \"C1, position: [1, 1]}\n")
              .starts_with("t.yaml:6:10: YAML syntax error: this quoted string is never closed"));
    CHECK(read_errors(kHead + "cameras: []\nx: 'it''s\n").find("t.yaml:6:4: YAML syntax error") !=
          std::string::npos);
}

TEST_CASE("robustness: YAML tags other than the core schema's are refused") {
    const std::string site = kHead + "cameras: []\n";
    CHECK(read_errors("camaudit: !!int 1\nsite: {id: !!str s1}\n"
                      "operator: {id: op1, type: individual}\nzones: !!seq []\ncameras: []\n") ==
          "");
    CHECK(read_errors(kHead + "cameras: !!binary aGVsbG8=\n")
              .starts_with("t.yaml:5:10: YAML tag '!!binary' is not supported"));
    CHECK(read_errors(kHead + "cameras: !local []\n")
              .starts_with("t.yaml:5:10: YAML tag '!local' is not supported"));
    CHECK(read_errors(site) == "");
}
