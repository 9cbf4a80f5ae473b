// geo::label_point: where the plan puts a zone's label (audit/plan.cpp), against values worked
// out by hand.
#include <doctest/doctest.h>

#include "geo/plan_geometry.hpp"

using namespace camaudit;

namespace {

Polygon poly(std::vector<Point> shell) {
    return Polygon{std::move(shell), {}};
}

}  // namespace

TEST_CASE("label_point: a rectangle's label sits at its centre with its sides as room") {
    // 10 x 4: the inscribed circles of radius 2 have their centres on y = 2, x in [2, 8]; the
    // horizontal chord there runs 0..10 (middle x = 5), the vertical chord at x = 5 runs
    // 0..4 (middle y = 2), whatever centre GEOS picks.
    auto lp = geo::label_point({poly({{0, 0}, {10, 0}, {10, 4}, {0, 4}})});
    REQUIRE(lp);
    CHECK(lp->at.x == doctest::Approx(5));
    CHECK(lp->at.y == doctest::Approx(2));
    CHECK(lp->width == doctest::Approx(10));
    CHECK(lp->height == doctest::Approx(4));
}

TEST_CASE("label_point: a right triangle, from its incircle to the chords' middles") {
    // Legs 6 (x) and 8 (y), hypotenuse x/6 + y/8 = 1: incircle radius (6 + 8 - 10) / 2 = 2,
    // centre (2, 2) (GEOS: within 1/100 of the smaller side, 0.06). Horizontal chord at y = 2:
    // x from 0 to 6 (1 - 2/8) = 4.5, middle 2.25. Vertical chord at x = 2.25: y from 0 to
    // 8 (1 - 2.25/6) = 5, middle 2.5. Room: the horizontal chord at y = 2.5, 6 (1 - 2.5/8) =
    // 4.125, and the vertical one, 5. The circle's error moves these by < 0.05.
    auto lp = geo::label_point({poly({{0, 0}, {6, 0}, {0, 8}})});
    REQUIRE(lp);
    CHECK(lp->at.x == doctest::Approx(2.25).epsilon(0.02));
    CHECK(lp->at.y == doctest::Approx(2.5).epsilon(0.02));
    CHECK(lp->width == doctest::Approx(4.125).epsilon(0.02));
    CHECK(lp->height == doctest::Approx(5).epsilon(0.02));
}

TEST_CASE("label_point: the largest polygon wins; fewer than three vertices, none") {
    auto lp = geo::label_point(
        {poly({{20, 20}, {21, 20}, {21, 21}, {20, 21}}), poly({{0, 0}, {10, 0}, {10, 4}, {0, 4}})});
    REQUIRE(lp);
    CHECK(lp->at.x == doctest::Approx(5));
    CHECK_FALSE(geo::label_point({}));
    CHECK_FALSE(geo::label_point({poly({{0, 0}, {1, 1}})}));
}

TEST_CASE("label_point: an invalid (self-crossing) polygon still gets a point") {
    // A bow tie: GEOS may refuse the inscribed circle; the point on the surface is taken.
    std::optional<geo::LabelPoint> lp;
    CHECK_NOTHROW(lp = geo::label_point({poly({{0, 0}, {4, 4}, {4, 0}, {0, 4}})}));
    REQUIRE(lp);
    CHECK(lp->at.x >= 0);
    CHECK(lp->at.x <= 4);
}
