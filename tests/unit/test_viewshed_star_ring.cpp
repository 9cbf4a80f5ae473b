// The linear-time simplicity check that lets the viewshed skip GEOSisValid.
#include <doctest/doctest.h>

#include "geo/star_ring.hpp"
#include "geo/sweep.hpp"
#include "test_viewshed_helpers.hpp"

using namespace camaudit;
using geo::is_star_ring_simple;

TEST_CASE("star rings: proven simple") {
    const Point e{1, 1};
    // A triangle from the eye (a field blocked by one wall).
    CHECK(is_star_ring_simple({e, {5, 0}, {5, 4}}, e, true));
    // A square around the eye; a square with a shadow edge (a radial step outwards).
    CHECK(is_star_ring_simple({{0, 0}, {2, 0}, {2, 2}, {0, 2}}, e, false));
    CHECK(is_star_ring_simple({{0, 0}, {3, 0}, {3, 1}, {5, 1}, {5, 3}, {0, 3}}, {1, 1}, false));
    // A sector wider than 180°.
    CHECK(is_star_ring_simple({e, {3, 1}, {1, 3}, {-1, 1}, {1, -1}}, e, true));
}

TEST_CASE("star rings: not proven") {
    const Point e{0, 0};
    CHECK_FALSE(is_star_ring_simple({{-1, -1}, {1, 1}, {1, -1}, {-1, 1}}, e, false));  // bow tie
    CHECK_FALSE(is_star_ring_simple({{1, 0}, {0, 1}, {-1, 0}}, e, false));   // eye on an edge
    CHECK_FALSE(is_star_ring_simple({{1, -1}, {1, 1}, {-1, 1}}, e, false));  // eye outside
    // Twice round the eye.
    CHECK_FALSE(is_star_ring_simple(
        {{2, 0}, {0, 2}, {-2, 0}, {0, -2}, {3, 0}, {0, 3}, {-3, 0}, {0, -3}}, e, false));
    // A spike: out along a ray and back.
    CHECK_FALSE(is_star_ring_simple({e, {4, 0}, {4, 2}, {8, 4}, {6, 3}, {0, 4}}, e, true));
    // A clockwise ring.
    CHECK_FALSE(is_star_ring_simple({{0, 2}, {2, 0}, {0, -2}, {-2, 0}}, e, false));
    // The eye vertex not first, or the eye repeated.
    CHECK_FALSE(is_star_ring_simple({{5, 0}, e, {5, 4}}, e, true));
    CHECK_FALSE(is_star_ring_simple({e, {5, 0}, e, {5, 4}}, e, true));
}

TEST_CASE("the sweep's rings of simple scenes are proven simple") {
    using namespace camaudit::test;
    const double pi = std::numbers::pi;
    const std::vector<geo::Segment> walls{
        {{-20, 10}, {-0.5, 10}}, {{0.5, 10}, {20, 10}}, {{-2, 8}, {2, 12}}, {{3, -4}, {6, 1}}};
    for (const geo::AngularField f :
         {geo::AngularField{}, geo::AngularField{false, pi / 4, pi / 2},
          geo::AngularField{false, -pi / 2, 1.5 * pi}, geo::AngularField{false, 0.3, 0.01}}) {
        const std::vector<Point> ring = geo::visibility_ring({0, 0}, 15, f, walls);
        CHECK(is_star_ring_simple(ring, {0, 0}, !f.full));
    }
}
