// Property tests of the viewshed with wall heights against a brute-force 3D sampler, over random
// scenes (fixed seeds) of walls and pillars with and without heights, cameras at 1-6 m and
// view heights of 0.3-2.5 m.
//
// The sampler judges grid points by the spec's rule itself (the segment from the eye at the
// camera's height to the point at the view height, against every wall's plan segment and top),
// without heights.hpp's case analysis. Two checks:
//  - point by point: at every sampled point that lies clear of every boundary (walls, shadow
//    edges through wall ends, the heights where a sight line just clears a wall top, the
//    field and range), the polygon agrees with the sampler;
//  - areas: the grid estimate agrees with the polygon's area within the sampling error. The
//    grid (spacing s, a random offset) counts each point for s²: an unbiased estimate of the
//    area bounded by the true range circle, whose error is a sum over the cells that the
//    boundary crosses of terms of mean zero and size at most s². A boundary of length L with
//    n vertices crosses at most N = 4 (L / s + n) cells (a piece of length <= s meets at most
//    4 cells); taking the terms as independent, the standard deviation is at most
//    s² sqrt(N) / 2, and we allow 8 of them: 4 s² sqrt(N). The polygon's 1° chords leave out
//    at most 0.5 R² (Δ - sin Δ) per chord of Δ = 1° from the true circle (added to the bound).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>

#include "geo/heights.hpp"
#include "geo/plane.hpp"
#include "geo/shadow_sweep.hpp"
#include "geo/star_ring.hpp"
#include "geo/sweep.hpp"
#include "geo/viewshed.hpp"
#include "test_viewshed_helpers.hpp"

using namespace camaudit;
using namespace camaudit::test;
namespace plane = camaudit::geo::plane;

namespace {

constexpr double kFull = std::numeric_limits<double>::infinity();

struct HSeg {
    Point a, b;
    double h;  // kFull: to the ceiling
};

struct HSolid {
    Ring shell;
    double h;
};

struct World {
    std::vector<HSeg> segs;
    std::vector<HSolid> solids;
};

World world_of(const Scene& s) {
    World w;
    for (const Wall& wall : s.walls) {
        if (wall.transparent) continue;
        const double h = wall.height.value_or(kFull);
        if (wall.is_polygon) {
            const Ring& r = wall.polygon.shell;
            for (std::size_t i = 0; i < r.size(); ++i)
                w.segs.push_back({r[i], r[(i + 1) % r.size()], h});
            w.solids.push_back({r, h});
        } else {
            for (std::size_t i = 0; i + 1 < wall.line.size(); ++i)
                w.segs.push_back({wall.line[i], wall.line[i + 1], h});
        }
    }
    return w;
}

double ring_distance(const Ring& r, Point p) {
    double d = kFull;
    for (std::size_t i = 0; i < r.size(); ++i)
        d = std::min(d, plane::segment_distance(p, r[i], r[(i + 1) % r.size()]));
    return d;
}

enum class Truth { Seen, Hidden, Unsure };

// The spec's rule in three dimensions at one point; `sure` asks for a margin from every
// boundary (Unsure within it).
Truth sample(const Camera& cam, Point eye, double z, const World& w, Point p, bool sure) {
    const double eps = sure ? 1e-6 : 0;
    const Point d = plane::sub(p, eye);
    const double dist = plane::norm(d);
    const double H = cam.height;
    if (dist > cam.range) return Truth::Hidden;
    if (sure && dist > cam.range * std::cos(0.5 * kDeg) * (1 - 1e-9)) return Truth::Unsure;
    if (sure && dist < 1e-4) return Truth::Unsure;
    double from = 0, width = 0;
    field_bearings(cam, from, width);
    if (width < 360) {
        const double rel = mod360(std::atan2(d.x, d.y) / kDeg - from);
        if (sure && (rel < 1e-6 || std::abs(rel - width) < 1e-6 || rel > 360 - 1e-6))
            return Truth::Unsure;
        if (rel > width) return Truth::Hidden;
    }
    for (const HSolid& s : w.solids) {
        if (s.h > H && strictly_inside(s.shell, eye)) return Truth::Hidden;  // eye in the solid
        if (sure && ring_distance(s.shell, p) < 1e-5) return Truth::Unsure;
        if (strictly_inside(s.shell, p) && (s.h == kFull || z < s.h)) return Truth::Hidden;
    }
    bool hidden = false;
    for (const HSeg& s : w.segs) {
        if (sure && plane::segment_distance(p, s.a, s.b) < 1e-5) return Truth::Unsure;
        const Point ea = plane::sub(s.a, eye), eb = plane::sub(s.b, eye);
        if (std::abs(plane::cross(ea, eb)) <= 1e-12 * plane::norm(ea) * plane::norm(eb))
            continue;  // its line through the eye: it hides nothing
        if (sure) {
            for (Point e : {ea, eb}) {  // a shadow edge along a ray through a wall end
                const double n = plane::norm(e);
                if (n < dist && std::abs(plane::cross(e, d)) < 1e-6 * n * dist &&
                    plane::dot(e, d) > 0)
                    return Truth::Unsure;
            }
        }
        // The crossing of eye→p with the wall's line, as a fraction t of eye→p.
        const Point sd = plane::sub(s.b, s.a);
        const double den = plane::cross(d, sd);
        if (den == 0) continue;
        const double t = plane::cross(ea, sd) / den;        // along eye → p
        const double u = plane::cross(ea, d) / den;         // along the wall
        if (!(t > 0 && t < 1 && u > 0 && u < 1)) continue;  // no proper crossing
        if (s.h == kFull) {
            hidden = true;
            continue;
        }
        const double y = H + t * (z - H);  // the sight line's height over the wall
        if (sure && std::abs(y - s.h) < eps * std::max(1.0, H)) return Truth::Unsure;
        if (y < s.h) hidden = true;
    }
    return hidden ? Truth::Hidden : Truth::Seen;
}

// The length and vertex count of the polygon's rings.
void boundary_of(const geo::Viewshed& v, double& length, double& vertices) {
    length = 0;
    vertices = 0;
    for (const Polygon& poly : geo::polygons_of(v.area.get())) {
        std::vector<const Ring*> rings{&poly.shell};
        for (const Ring& h : poly.holes) rings.push_back(&h);
        for (const Ring* r : rings) {
            for (std::size_t i = 0; i < r->size(); ++i)
                length += plane::norm(plane::sub((*r)[(i + 1) % r->size()], (*r)[i]));
            vertices += static_cast<double>(r->size());
        }
    }
}

struct Case {
    Scene scene;
    Camera camera;
    double z = geo::kDefaultViewHeight;
};

// Walls and pillars in [0, 30]², 40% of the walls and half the pillars with a height.
Case random_case(std::mt19937& rng, bool grid) {
    std::uniform_real_distribution<double> u(0, 1);
    auto uni = [&](double a, double b) { return a + (b - a) * u(rng); };
    auto coord = [&](double lo, double hi) {
        return grid ? std::round(uni(lo, hi)) : uni(lo, hi);  // grid: shared ends abound
    };
    auto height = [&]() -> std::optional<double> {
        if (u(rng) < 0.6) return std::nullopt;
        return grid ? std::round(uni(1, 6)) / 2 : uni(0.8, 3.0);
    };
    Case c;
    const int walls = static_cast<int>(uni(0, 30));
    for (int i = 0; i < walls; ++i) {
        std::vector<Point> line{{coord(0, 30), coord(0, 30)}};
        const int legs = u(rng) < 0.25 ? 3 : 1;
        for (int k = 0; k < legs; ++k) {
            const double t = uni(0, 2 * std::numbers::pi), len = uni(0.5, 10);
            const Point q{grid ? std::round(line.back().x + len * std::cos(t))
                               : line.back().x + len * std::cos(t),
                          grid ? std::round(line.back().y + len * std::sin(t))
                               : line.back().y + len * std::sin(t)};
            if (!(q == line.back())) line.push_back(q);
        }
        if (line.size() < 2) continue;
        c.scene.line(line, u(rng) < 0.05);
        c.scene.walls.back().height = height();
    }
    const int pillars = static_cast<int>(uni(0, 5));
    for (int i = 0; i < pillars; ++i) {
        const Point m{coord(3, 27), coord(3, 27)};
        if (grid) {
            c.scene.pillar(rect(m.x, m.y, m.x + 1 + std::round(uni(0, 2)), m.y + 1));
        } else {
            const double t = uni(0, std::numbers::pi), hw = uni(0.3, 2.5), hh = uni(0.3, 2.5);
            const Point ex{std::cos(t), std::sin(t)}, ey{-std::sin(t), std::cos(t)};
            Ring r;
            for (auto [sx, sy] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}})
                r.push_back(plane::add(
                    m, plane::add(plane::scale(ex, sx * hw), plane::scale(ey, sy * hh))));
            c.scene.pillar(r);
        }
        if (u(rng) < 0.5)
            c.scene.walls.back().height = grid ? std::round(uni(1, 6)) / 2 : uni(0.8, 3.0);
    }
    Point pos{coord(5, 25), coord(5, 25)};
    if (grid) pos = {pos.x + 0.5 * std::round(u(rng)), pos.y + 0.5 * std::round(u(rng))};
    if (walls > 0 && u(rng) < 0.2) {  // on or by a wall
        const Wall& w = c.scene.walls[static_cast<std::size_t>(uni(0, walls - 1))];
        if (!w.is_polygon) {
            pos = plane::add(w.line[0], plane::scale(plane::sub(w.line[1], w.line[0]), u(rng)));
            pos = plane::add(pos, Point{uni(-0.04, 0.04), uni(-0.04, 0.04)});
        }
    }
    const double kind = u(rng);
    c.camera = camera_at(pos, uni(-360, 360), kind < 0.2 ? 360 : uni(20, 300), uni(4, 20));
    if (kind > 0.85) {
        c.camera.azimuth.reset();
        c.camera.ptz = Ptz{u(rng) < 0.2, uni(0, 360), uni(0, 360)};
    }
    if (c.camera.hfov == 360) c.camera.azimuth.reset();
    c.camera.height = u(rng) < 0.2 ? uni(1.0, 2.0) : uni(2.0, 6.0);
    if (grid) c.camera.height = std::round(c.camera.height * 2) / 2;  // level with wall tops
    if (u(rng) < 0.3) c.z = grid ? std::round(uni(1, 5)) / 2 : uni(0.3, 2.5);
    return c;
}

struct Stats {
    int scenes = 0, with_shadows = 0, by_overlay = 0;
    double worst_ratio = 0;  // area error over its bound
};

void check_case(const Case& c, std::mt19937& rng, Stats& stats) {
    geo::ViewshedOptions o;
    o.view_height = c.z;
    const geo::Obstacles obstacles = c.scene.obstacles();
    const geo::Viewshed v = geo::compute_viewshed(c.camera, obstacles, o);
    REQUIRE(v.area);
    REQUIRE(geo::is_valid(v.area.get()));
    CHECK(geo::area(v.area.get()) == doctest::Approx(v.area_m2).epsilon(1e-9));
    ++stats.scenes;
    if (obstacles.partial_segment_count() > 0) ++stats.with_shadows;
    if (v.shadows_by_overlay) ++stats.by_overlay;
    const World w = world_of(c.scene);
    const double r = c.camera.range;

    // Point by point, at random points.
    geo::Prepared prepared = geo::prepare(v.area.get());
    std::uniform_real_distribution<double> u(-1.02, 1.02);
    int decided = 0, mismatches = 0;
    for (int i = 0; i < 400; ++i) {
        const Point p{v.eye.x + u(rng) * r, v.eye.y + u(rng) * r};
        const Truth t = sample(c.camera, v.eye, c.z, w, p, true);
        if (t == Truth::Unsure) continue;
        ++decided;
        const geo::Geom pt = geo::make_point(p);
        if (geo::prepared_covers(prepared, pt.get()) != (t == Truth::Seen)) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(decided > 200);

    // Areas on a grid of spacing s = R / 150 with a random offset.
    const double s = r / 150;
    std::uniform_real_distribution<double> off(0, s);
    const double ox = v.eye.x - r + off(rng), oy = v.eye.y - r + off(rng);
    std::size_t count = 0;
    for (int i = 0; i < 300; ++i)
        for (int j = 0; j < 300; ++j)
            if (sample(c.camera, v.eye, c.z, w, {ox + i * s, oy + j * s}, false) == Truth::Seen)
                ++count;
    double length = 0, vertices = 0;
    boundary_of(v, length, vertices);
    const double cells = 4 * (length / s + vertices);
    const double chords = 0.5 * r * r * (kDeg - std::sin(kDeg)) * 360;
    const double bound = 4 * s * s * std::sqrt(cells) + chords;
    const double error = static_cast<double>(count) * s * s - v.area_m2;
    CAPTURE(error);
    CAPTURE(bound);
    CHECK(std::abs(error) <= bound);
    stats.worst_ratio = std::max(stats.worst_ratio, std::abs(error) / bound);
}

}  // namespace

namespace {

void run_sampler(std::uint32_t seed, bool grid) {
    std::mt19937 rng(seed);
    Stats stats;
    for (int i = 0; i < 120; ++i) {
        CAPTURE(i);
        check_case(random_case(rng, grid), rng, stats);
    }
    MESSAGE("scenes ", stats.scenes, ", with partial walls ", stats.with_shadows, ", by overlay ",
            stats.by_overlay, ", worst area error / bound ", stats.worst_ratio);
    CHECK(stats.by_overlay * 20 <= stats.with_shadows);  // shadow_sweep is the usual path
}

}  // namespace

TEST_CASE("viewshed with heights against a 3D sampler: random scenes") {
    run_sampler(20260101, false);
}

TEST_CASE("viewshed with heights against a 3D sampler: grid scenes (shared ends, equal heights)") {
    run_sampler(77, true);
}

namespace {

// shadow_sweep against GEOS's overlay on the same swept polygon and shadows: the same area,
// and no part of either outside the other (both exact up to rounding).
void compare_with_overlay(const Case& c, int& vouched, int& compared) {
    const geo::Obstacles obstacles = c.scene.obstacles();
    const Point eye = geo::eye_position(c.camera, obstacles);
    if (obstacles.inside_solid(eye, c.camera.height)) return;
    std::vector<geo::Segment> walls;
    std::vector<geo::PartialSegment> partial;
    obstacles.walls_near(eye, c.camera.range, walls, partial);
    const geo::HeightShadows shadows =
        geo::height_shadows(eye, c.camera.height, c.z, c.camera.range, partial,
                            obstacles.partial_solids_near(eye, c.camera.range));
    walls.insert(walls.end(), shadows.walls.begin(), shadows.walls.end());
    const geo::AngularField field = angular_field(c.camera);
    const std::vector<Point> ring = geo::visibility_ring(eye, c.camera.range, field, walls);
    if (ring.empty() || !geo::is_star_ring_simple(ring, eye, !field.full)) return;
    if (shadows.subtracts_nothing()) return;
    std::vector<const geo::Trapezoid*> trapezoids;
    std::vector<geo::Geom> parts;
    for (const geo::Trapezoid& t : shadows.trapezoids) {
        trapezoids.push_back(&t);
        parts.push_back(geo::make_polygon(Ring(t.corners.begin(), t.corners.end())));
    }
    for (const Polygon* p : shadows.insides) parts.push_back(geo::make_polygon(*p));
    const auto rest =
        geo::subtract_shadows(eye, ring, !field.full, c.camera.range, trapezoids, shadows.insides);
    ++compared;
    if (!rest) return;
    ++vouched;
    const geo::Geom mine = geo::make_polygons(*rest);
    REQUIRE(geo::is_valid(mine.get()));
    const geo::Geom swept = geo::make_polygon(ring);
    const geo::Geom hidden = geo::union_all(std::move(parts));
    const geo::Geom overlay = geo::difference(swept.get(), hidden.get());
    const double r = c.camera.range;
    const geo::Geom extra = geo::difference(mine.get(), overlay.get());
    const geo::Geom missing = geo::difference(overlay.get(), mine.get());
    CHECK(geo::area(extra.get()) <= 1e-9 * r * r);
    CHECK(geo::area(missing.get()) <= 1e-9 * r * r);
}

}  // namespace

TEST_CASE("shadow_sweep agrees with GEOS's overlay on random and grid scenes") {
    std::mt19937 rng(4242);
    int vouched = 0, compared = 0;
    for (int i = 0; i < 400; ++i) {
        CAPTURE(i);
        compare_with_overlay(random_case(rng, i % 2 == 1), vouched, compared);
    }
    MESSAGE("compared ", compared, ", vouched for ", vouched);
    CHECK(compared > 150);  // the others: nothing to subtract, or the eye in a solid
    CHECK(vouched * 100 >= compared * 95);
}
