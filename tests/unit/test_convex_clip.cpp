// geo::area_inside_convex: areas derived by hand (concave rings whose clipped ring runs back
// along the clip edge, holes, several polygons), and agreement with GEOS's intersection on
// random star-shaped polygons (the shape of a viewshed) and convex zones.
#include <doctest/doctest.h>

#include <cmath>
#include <random>

#include "geo/convex_clip.hpp"

using namespace camaudit;
using namespace camaudit::geo;

namespace {

std::vector<Point> box(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

}  // namespace

TEST_CASE("convex clip: areas derived by hand") {
    // A unit square and a square shifted by half: a quarter.
    CHECK(ring_area_inside_convex(box(0, 0, 1, 1), box(0.5, 0.5, 1.5, 1.5)) ==
          doctest::Approx(0.25));
    // An L (area 3) in the box [0.5, 2]²: 1.5 × 0.5 of its foot and 0.5 × 1 of its leg.
    const std::vector<Point> l{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}};
    CHECK(ring_area_inside_convex(l, box(0.5, 0.5, 2, 2)) == doctest::Approx(1.25));
    // A U (area 9 - 2 = 7) cut above y = 2: the tops of its two arms, 1 each. The clipped
    // ring is one ring joined along y = 2 (a bridge of no area).
    const std::vector<Point> u{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}};
    CHECK(ring_area_inside_convex(u, box(-1, 2, 4, 4)) == doctest::Approx(2));
    // Clockwise input gives the same; so does a closed ring.
    std::vector<Point> u_cw(u.rbegin(), u.rend());
    u_cw.push_back(u_cw.front());
    CHECK(ring_area_inside_convex(u_cw, box(-1, 2, 4, 4)) == doctest::Approx(2));
    // The triangle x + y <= 2 in the square [0.5, 1.5]²: the diagonal halves the square.
    const std::vector<Point> tri{{0, 0}, {2, 0}, {0, 2}};
    CHECK(ring_area_inside_convex(tri, box(0.5, 0.5, 1.5, 1.5)) == doctest::Approx(0.5));
    // Inside entirely, outside entirely, touching along a side only.
    CHECK(ring_area_inside_convex(box(1, 1, 2, 2), box(0, 0, 3, 3)) == doctest::Approx(1));
    CHECK(ring_area_inside_convex(box(5, 5, 6, 6), box(0, 0, 3, 3)) == 0);
    CHECK(ring_area_inside_convex(box(3, 0, 4, 3), box(0, 0, 3, 3)) == doctest::Approx(0));
}

TEST_CASE("convex clip: polygons with holes and multipolygons") {
    // A 4 × 4 square with a 2 × 2 hole, in the left half [0, 2] × [0, 4]: 8 - 2.
    Polygon holed{box(0, 0, 4, 4), {box(1, 1, 3, 3)}};
    Geom g = make_polygon(holed);
    auto left = box(0, 0, 2, 4);
    CHECK(area_inside_convex(g.get(), left) == doctest::Approx(6));
    Geom zone = make_polygon(left);
    CHECK(area_inside_convex(g.get(), left) ==
          doctest::Approx(area(intersection(g.get(), zone.get()).get())));
    // Two unit squares apart, both inside: 2; an empty polygon: 0.
    Geom two = from_wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((2 0,3 0,3 1,2 1,2 0)))");
    CHECK(area_inside_convex(two.get(), box(-1, -1, 4, 2)) == doctest::Approx(2));
    CHECK(area_inside_convex(two.get(), box(0.5, -1, 2.5, 2)) == doctest::Approx(1));
    Geom empty = make_empty_polygon();
    CHECK(area_inside_convex(empty.get(), left) == 0);
}

TEST_CASE("convex clip: which zones are convex") {
    // A clockwise rectangle comes back counter-clockwise, open.
    Geom cw = make_polygon(Ring{{0, 0}, {0, 1}, {2, 1}, {2, 0}});
    auto r = convex_ring(cw.get());
    REQUIRE(r);
    CHECK(r->size() == 4);
    double twice = 0;
    for (std::size_t i = 0; i < r->size(); ++i) {
        const Point a = (*r)[i], b = (*r)[(i + 1) % r->size()];
        twice += a.x * b.y - b.x * a.y;
    }
    CHECK(twice == doctest::Approx(4));
    // A collinear vertex is allowed; an L, a hole or a multipolygon is not convex.
    Geom collinear = make_polygon(Ring{{0, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}});
    CHECK(convex_ring(collinear.get()));
    Geom l = make_polygon(Ring{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}});
    CHECK_FALSE(convex_ring(l.get()));
    Geom holed = make_polygon(Polygon{box(0, 0, 4, 4), {box(1, 1, 3, 3)}});
    CHECK_FALSE(convex_ring(holed.get()));
    Geom two = from_wkt("MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((2 0,3 0,3 1,2 1,2 0)))");
    CHECK_FALSE(convex_ring(two.get()));
}

TEST_CASE("convex clip: the area of GEOS's intersection on random views and zones") {
    std::mt19937 rng(8);
    std::uniform_real_distribution<double> u(0, 1);
    const double pi = std::acos(-1.0);
    for (int k = 0; k < 500; ++k) {
        // Half the cases where a Gauss-Krüger zone puts a site (x 5·10⁵, y 3.5·10⁶ m): the
        // areas must not lose their precision to the size of the coordinates.
        const Point at = k % 2 ? Point{518900, 3520000} : Point{0, 0};
        // A star-shaped ring around an eye (what a viewshed is): radii at sorted angles.
        const Point eye{at.x + u(rng) * 10, at.y + u(rng) * 10};
        const double sweep = k % 3 == 0 ? 2 * pi : 0.5 + u(rng) * 4;
        const int n = 3 + static_cast<int>(u(rng) * 60);
        Ring view;
        if (sweep < 2 * pi) view.push_back(eye);
        for (int i = 0; i < n; ++i) {
            const double a = sweep * i / n, rad = 1 + u(rng) * 8;
            view.push_back({eye.x + rad * std::cos(a), eye.y + rad * std::sin(a)});
        }
        Geom v = make_polygon(view);
        if (!is_valid(v.get())) continue;
        // A rotated rectangle, or a convex polygon around a point.
        const Point c{at.x + u(rng) * 12, at.y + u(rng) * 12};
        const double w = 0.5 + u(rng) * 8, h = 0.5 + u(rng) * 8, t = u(rng) * pi;
        Ring zone;
        for (auto [dx, dy] : {std::pair{-w, -h}, {w, -h}, {w, h}, {-w, h}})
            zone.push_back({c.x + dx * std::cos(t) - dy * std::sin(t),
                            c.y + dx * std::sin(t) + dy * std::cos(t)});
        Geom z = make_polygon(zone);
        auto convex = convex_ring(z.get());
        REQUIRE(convex);
        const double expected = area(intersection(v.get(), z.get()).get());
        INFO("case " << k);
        // Within the margin overlap_area_above leaves to GEOS: 1e-6 m² + 1e-9 relative.
        CHECK(std::abs(area_inside_convex(v.get(), *convex) - expected) <= 1e-7 + 1e-9 * expected);
    }
}
