// Property tests of the viewshed over a few hundred random scenes (fixed seeds): the polygon is
// valid, never crosses an opaque wall, contains a small sector around the eye, is no larger than
// its field, and agrees with a brute-force visibility test at random points.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "geo/plane.hpp"
#include "geo/star_ring.hpp"
#include "geo/sweep.hpp"
#include "geo/viewshed.hpp"
#include "test_viewshed_helpers.hpp"

using namespace camaudit;
using namespace camaudit::test;
namespace plane = camaudit::geo::plane;

namespace {

struct StarStats {
    int rings = 0, proven = 0;
};

bool proper_cross(Point p1, Point p2, Point q1, Point q2) {
    const double o1 = plane::orient(p1, p2, q1), o2 = plane::orient(p1, p2, q2);
    const double o3 = plane::orient(q1, q2, p1), o4 = plane::orient(q1, q2, p2);
    return ((o1 < 0 && o2 > 0) || (o1 > 0 && o2 < 0)) && ((o3 < 0 && o4 > 0) || (o3 > 0 && o4 < 0));
}

enum class Truth { Seen, Hidden, Unsure };

// The spec's definition, point by point; Unsure within a tolerance of any boundary.
Truth brute_force(const Camera& cam, Point eye, const std::vector<geo::Segment>& segs,
                  const std::vector<Ring>& solids, Point p) {
    const Point d = plane::sub(p, eye);
    const double dist = plane::norm(d);
    if (dist > cam.range * (1 + 1e-9)) return Truth::Hidden;
    if (dist > cam.range * std::cos(0.5 * kDeg) * (1 - 1e-9)) return Truth::Unsure;  // chords
    if (dist < 1e-6) return Truth::Unsure;
    double from = 0, width = 0;
    field_bearings(cam, from, width);
    if (width < 360) {
        const double rel = mod360(std::atan2(d.x, d.y) / kDeg - from);
        if (rel < 1e-6 || std::abs(rel - width) < 1e-6 || rel > 360 - 1e-6) return Truth::Unsure;
        if (rel > width) return Truth::Hidden;
    }
    for (const Polygon& m : cam.privacy_masks) {
        const Ring& r = m.shell;
        if (p.x > r[0].x - 1e-6 && p.x < r[2].x + 1e-6 && p.y > r[0].y - 1e-6 &&
            p.y < r[2].y + 1e-6) {
            if (p.x > r[0].x + 1e-6 && p.x < r[2].x - 1e-6 && p.y > r[0].y + 1e-6 &&
                p.y < r[2].y - 1e-6)
                return Truth::Hidden;
            return Truth::Unsure;
        }
    }
    bool blocked = false;
    for (const geo::Segment& s : segs) {
        if (plane::segment_distance(p, s.a, s.b) < 1e-6) return Truth::Unsure;
        for (Point q : {s.a, s.b}) {  // sight lines through a wall end point: a shadow edge
            const Point e = plane::sub(q, eye);
            const double n = plane::norm(e);
            if (n < dist && n > 0 && std::abs(plane::cross(e, d)) < 1e-7 * n * dist &&
                plane::dot(e, d) > 0)
                return Truth::Unsure;
        }
        // A wall whose line passes through the eye hides nothing (the sweep's rule, within its
        // tolerance; the exact orientation of such a wall is rounding noise).
        const Point ea = plane::sub(s.a, eye), eb = plane::sub(s.b, eye);
        if (std::abs(plane::cross(ea, eb)) <= 1e-12 * plane::norm(ea) * plane::norm(eb)) continue;
        if (proper_cross(eye, p, s.a, s.b)) blocked = true;
    }
    for (const Ring& r : solids)
        if (strictly_inside(r, p)) blocked = true;
    return blocked ? Truth::Hidden : Truth::Seen;
}

struct Generated {
    Scene scene;
    Camera camera;
};

// A scene of random walls, pillars and masks in [0, 50]², and a camera, sometimes on a wall.
Generated random_scene(std::mt19937& rng) {
    std::uniform_real_distribution<double> u(0, 1);
    auto uni = [&](double a, double b) { return a + (b - a) * u(rng); };
    Generated g;
    const int walls = static_cast<int>(uni(0, 60));
    for (int i = 0; i < walls; ++i) {
        Point a{uni(0, 50), uni(0, 50)};
        std::vector<Point> line{a};
        const int legs = u(rng) < 0.2 ? 3 : 1;
        for (int k = 0; k < legs; ++k) {
            const double t = uni(0, 2 * std::numbers::pi), len = uni(0.5, 15);
            line.push_back({line.back().x + len * std::cos(t), line.back().y + len * std::sin(t)});
        }
        g.scene.line(line, u(rng) < 0.1);
    }
    const int pillars = static_cast<int>(uni(0, 4));
    for (int i = 0; i < pillars; ++i) {
        const Point c{uni(5, 45), uni(5, 45)};
        const double t = uni(0, std::numbers::pi), w = uni(0.3, 3), h = uni(0.3, 3);
        const Point ex{std::cos(t), std::sin(t)}, ey{-std::sin(t), std::cos(t)};
        Ring r;
        for (auto [sx, sy] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}})
            r.push_back(
                plane::add(c, plane::add(plane::scale(ex, sx * w), plane::scale(ey, sy * h))));
        g.scene.pillar(r);
    }
    Point pos{uni(10, 40), uni(10, 40)};
    if (walls > 0 && u(rng) < 0.3) {  // on or next to a wall
        const Wall& w = g.scene.walls[static_cast<std::size_t>(uni(0, walls))];
        const double t = u(rng);
        pos = plane::add(w.line[0], plane::scale(plane::sub(w.line[1], w.line[0]), t));
        pos = plane::add(pos, Point{uni(-0.04, 0.04), uni(-0.04, 0.04)});
    }
    const double kind = u(rng);
    const double hfov = kind < 0.15 ? 360 : uni(10, 359);
    g.camera = camera_at(pos, uni(-720, 720), hfov, uni(3, 40));
    if (kind > 0.85) {
        g.camera.azimuth.reset();
        g.camera.ptz = Ptz{u(rng) < 0.2, uni(0, 360), uni(0, 360)};
    }
    const int masks = u(rng) < 0.3 ? static_cast<int>(uni(1, 3)) : 0;
    for (int i = 0; i < masks; ++i) {
        const double x = uni(0, 45), y = uni(0, 45);
        g.camera.privacy_masks.push_back({rect(x, y, x + uni(1, 8), y + uni(1, 8)), {}});
    }
    return g;
}

// Walls between integer points of [0, 10]² and an eye on integer or half-integer points:
// collinear walls, shared end points, T-junctions, crossings and eyes on walls abound.
Generated grid_scene(std::mt19937& rng) {
    std::uniform_int_distribution<int> coord(0, 10), count(0, 25), coin(0, 3);
    Generated g;
    const int walls = count(rng);
    for (int i = 0; i < walls; ++i) {
        const Point a{double(coord(rng)), double(coord(rng))};
        Point b{double(coord(rng)), double(coord(rng))};
        if (coin(rng) == 0) b = {a.x, b.y};  // many axis-parallel walls
        if (a == b) continue;
        g.scene.line({a, b});
    }
    if (coin(rng) == 0) {
        const double x = coord(rng) % 8, y = coord(rng) % 8;
        g.scene.pillar(rect(x, y, x + 1 + coin(rng), y + 1));
    }
    const Point pos{coord(rng) / 2.0 + 2.5, coord(rng) / 2.0 + 2.5};
    const double fovs[] = {360, 90, 180, 270, 45};
    g.camera = camera_at(pos, 45.0 * coord(rng), fovs[coord(rng) % 5], 3 + coord(rng));
    if (g.camera.hfov == 360) g.camera.azimuth.reset();
    return g;
}

void check_scene(const Generated& g, std::mt19937& rng, StarStats& stars) {
    const geo::Obstacles obstacles = g.scene.obstacles();
    const geo::Viewshed v = geo::compute_viewshed(g.camera, obstacles);
    REQUIRE(v.area);
    REQUIRE(geo::is_valid(v.area.get()));
    std::vector<geo::Segment> segs = obstacles.segments_near(v.eye, 1e6);
    std::vector<Ring> solids;
    for (const Wall& w : g.scene.walls)
        if (w.is_polygon) solids.push_back(w.polygon.shell);
    if (v.eye_in_solid) {
        CHECK(v.area_m2 == 0);
        return;
    }
    // The raw ring: when the linear check vouches for it, GEOS must agree.
    const geo::AngularField f = angular_field(g.camera);
    const std::vector<Point> ring = geo::visibility_ring(
        v.eye, g.camera.range, f, obstacles.segments_near(v.eye, g.camera.range));
    if (!ring.empty()) {
        ++stars.rings;
        if (geo::is_star_ring_simple(ring, v.eye, !f.full)) {
            ++stars.proven;
            CHECK(geo::is_valid(geo::make_polygon(ring).get()));
        }
    }
    // No larger than the field's true sector (not its chord polygon: a wall just inside the
    // range circle may bulge past a chord, by at most the chord's sagitta).
    double from = 0, width = 0;
    field_bearings(g.camera, from, width);
    const double r = g.camera.range;
    CHECK(v.area_m2 <= 0.5 * r * r * std::min(width, 360.0) * kDeg * (1 + 1e-12));
    const geo::Geom field = geo::field_of_view(g.camera, v.eye);
    const double sagittas = 0.5 * r * r * (kDeg - std::sin(kDeg)) * 360;  // all 1° chords
    CHECK(v.area_m2 <= geo::area(field.get()) + sagittas);

    // Its interior meets no opaque wall (walls whose line passes through the eye excepted).
    const geo::Geom inner = geo::buffer(v.area.get(), -1e-6, 2);
    for (const geo::Segment& s : segs) {
        const Point a = plane::sub(s.a, v.eye), b = plane::sub(s.b, v.eye);
        if (std::abs(plane::cross(a, b)) <= 1e-9 * plane::norm(a) * plane::norm(b)) continue;
        const geo::Geom line = geo::make_linestring({s.a, s.b});
        CHECK_FALSE(geo::intersects(inner.get(), line.get()));
    }

    // A small sector around the eye is seen when no wall is near it.
    double near = 1e9;
    for (const geo::Segment& s : segs)
        near = std::min(near, plane::segment_distance(v.eye, s.a, s.b));
    if (near > 1e-3 && g.camera.privacy_masks.empty()) {
        Camera small = g.camera;
        small.range = std::min(g.camera.range, near / 2);
        const geo::Geom sector = geo::field_of_view(small, v.eye);
        const geo::Geom missing = geo::difference(sector.get(), v.area.get());
        CHECK(geo::area(missing.get()) <= 1e-9 * geo::area(sector.get()));
    }

    // Brute force at random points around the eye.
    geo::Prepared prepared = geo::prepare(v.area.get());
    std::uniform_real_distribution<double> u(-1.05, 1.05);
    int mismatches = 0, decided = 0;
    for (int i = 0; i < 300; ++i) {
        const Point p{v.eye.x + u(rng) * g.camera.range, v.eye.y + u(rng) * g.camera.range};
        const Truth t = brute_force(g.camera, v.eye, segs, solids, p);
        if (t == Truth::Unsure) continue;
        ++decided;
        const geo::Geom pt = geo::make_point(p);
        const bool in = geo::prepared_covers(prepared, pt.get());
        if (in != (t == Truth::Seen)) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(decided > 100);
}

}  // namespace

TEST_CASE("viewshed properties over random scenes") {
    std::mt19937 rng(20250601);
    StarStats stars;
    for (int i = 0; i < 300; ++i) {
        CAPTURE(i);
        check_scene(random_scene(rng), rng, stars);
    }
    CHECK(stars.proven >= stars.rings * 95 / 100);  // the fast path is the usual one
}

TEST_CASE("viewshed properties over degenerate grid scenes") {
    std::mt19937 rng(7);
    StarStats stars;
    for (int i = 0; i < 300; ++i) {
        CAPTURE(i);
        check_scene(grid_scene(rng), rng, stars);
    }
    CHECK(stars.proven >= stars.rings * 90 / 100);
}
