// Viewsheds of hand-made scenes, with areas derived by hand (see each case's comment).
#include <doctest/doctest.h>

#include <cmath>

#include "geo/viewshed.hpp"
#include "test_viewshed_helpers.hpp"

using namespace camaudit;
using namespace camaudit::test;
using geo::compute_viewshed;

namespace {

constexpr double kRel = 1e-9;

void check_area(const geo::Viewshed& v, double expected) {
    REQUIRE(v.area);
    CHECK(geo::is_valid(v.area.get()));
    CHECK(v.area_m2 == doctest::Approx(expected).epsilon(kRel));
    CHECK(geo::area(v.area.get()) == doctest::Approx(v.area_m2).epsilon(1e-12));
}

}  // namespace

TEST_CASE("a sector alone: 90 chords of 1 degree, within 0.01% of the true sector") {
    const Camera cam = camera_at({3, 4}, 0, 90, 10);
    const geo::Viewshed v = compute_viewshed(cam, Scene{}.obstacles());
    // 90 chords of exactly 1°: 90 triangles of area r² sin(1°) / 2.
    check_area(v, 0.5 * 100 * 90 * std::sin(1 * kDeg));
    CHECK(std::abs(v.area_m2 / (std::numbers::pi * 100 / 4) - 1) < 1e-4);
    CHECK(v.eye == Point{3, 4});
    CHECK(sees(v, {3, 4}));           // the eye is a vertex
    CHECK(sees(v, {3, 12}));          // north
    CHECK_FALSE(sees(v, {9, 4.5}));   // east: outside a field facing north
    CHECK_FALSE(sees(v, {3, 14.5}));  // beyond the range
}

TEST_CASE("azimuth is clockwise from north") {
    const geo::Viewshed v = compute_viewshed(camera_at({0, 0}, 90, 60, 10), Scene{}.obstacles());
    CHECK(sees(v, {5, 0}));
    CHECK(sees(v, {5, 2.5}));  // bearing 63.4°, inside 60..120
    CHECK_FALSE(sees(v, {0, 5}));
    CHECK_FALSE(sees(v, {-5, 0}));
    // An odd field (7.5°) takes ceil(7.5) = 8 chords of 0.9375°.
    const geo::Viewshed w = compute_viewshed(camera_at({0, 0}, 10, 7.5, 10), Scene{}.obstacles());
    check_area(w, 0.5 * 100 * 8 * std::sin(7.5 / 8 * kDeg));
}

TEST_CASE("a field wider than 180 degrees") {
    const geo::Viewshed v = compute_viewshed(camera_at({0, 0}, 0, 270, 10), Scene{}.obstacles());
    check_area(v, 0.5 * 100 * 270 * std::sin(1 * kDeg));
    CHECK(sees(v, {-5, -1}));  // bearing 259°: inside -135..135
    CHECK_FALSE(sees(v, {0, -5}));
}

TEST_CASE("a camera in a room corner sees the room less the strips of its 0.05 m eye move") {
    Scene s;
    s.room({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    // The position is 0.02 m from the west wall and 0.03 m from the south wall: the eye moves
    // off the nearest (west) wall to 0.05 m from it, along its normal towards the azimuth:
    // (0.05, 0.03). The field (bearings 0..90) then covers [0.05, 10] x [0.03, 10].
    const geo::Viewshed v = compute_viewshed(camera_at({0.02, 0.03}, 45, 90, 20), s.obstacles());
    CHECK(v.eye.x == doctest::Approx(0.05).epsilon(1e-12));
    CHECK(v.eye.y == doctest::Approx(0.03).epsilon(1e-12));
    check_area(v, 9.95 * 9.97);
}

TEST_CASE("a room seen through a 1 m doorway") {
    // Eye at the origin facing north (hfov 90); a wall at y = 10 with a gap x in [-0.5, 0.5];
    // the room behind ends at y = 20. In front: the triangle of the field up to y = 10 (base 20,
    // height 10: 100). Behind: the wedge through the gap, 1 m wide at y = 10 and 2 m at
    // y = 20: a trapezoid of (1 + 2) / 2 * 10 = 15.
    Scene s;
    s.line({{-20, 10}, {-0.5, 10}}).line({{0.5, 10}, {20, 10}});
    s.line({{-20, 10}, {-20, 20}, {20, 20}, {20, 10}});
    const geo::Viewshed v = compute_viewshed(camera_at({0, 0}, 0, 90, 100), s.obstacles());
    check_area(v, 100 + 15);
    CHECK(sees(v, {0.99, 19.9}));
    CHECK_FALSE(sees(v, {1.1, 19.9}));

    // The same from 20 m: front 400, a wedge 1 m wide at 20 m and 2 m at 40 m: 30.
    Scene far;
    far.line({{-50, 20}, {-0.5, 20}}).line({{0.5, 20}, {50, 20}});
    far.line({{-50, 20}, {-50, 40}, {50, 40}, {50, 20}});
    check_area(compute_viewshed(camera_at({0, 0}, 0, 90, 100), far.obstacles()), 400 + 30);
}

TEST_CASE("a panoramic camera in an L-shaped room sees the whole L") {
    Scene s;
    s.room({{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}});
    const geo::Viewshed v = compute_viewshed(panoramic_at({2, 2}, 100), s.obstacles());
    check_area(v, 10 * 4 + 4 * 6);
}

TEST_CASE("a pillar casts a shadow") {
    // A 360° eye at the centre of a 40 x 40 room; a pillar [-1, 1] x [5, 7]. Its silhouette is
    // (-1, 5)-(1, 5): the wedge between the rays through them reaches x = ±4 at y = 20 (area
    // 20 * 8 / 2 = 80), of which the triangle before the pillar (2 * 5 / 2 = 5) is seen. The
    // unseen trapezoid (pillar included) is 75.
    Scene s;
    s.room({{-20, -20}, {20, -20}, {20, 20}, {-20, 20}});
    s.pillar(rect(-1, 5, 1, 7));
    const geo::Viewshed v = compute_viewshed(panoramic_at({0, 0}, 100), s.obstacles());
    check_area(v, 1600 - 75);
    CHECK_FALSE(sees(v, {0, 6}));
    CHECK_FALSE(sees(v, {3.5, 19}));
    CHECK(sees(v, {4.5, 19}));
}

TEST_CASE("privacy masks are subtracted") {
    Camera cam = camera_at({0, 0}, 0, 90, 10);
    cam.privacy_masks.push_back({rect(-1, 3, 1, 5), {}});
    cam.privacy_masks.push_back({rect(30, 30, 31, 31), {}});  // out of range: no effect
    const geo::Viewshed v = compute_viewshed(cam, Scene{}.obstacles());
    check_area(v, 0.5 * 100 * 90 * std::sin(1 * kDeg) - 4);
    CHECK_FALSE(sees(v, {0, 4}));
}

TEST_CASE("a PTZ camera sees the union of its fields over the pan range") {
    Camera cam = camera_at({0, 0}, 0, 60, 10);
    cam.azimuth.reset();
    cam.ptz = Ptz{false, 0, 90};  // fields from -30 to 120: a 150° sector
    const geo::Viewshed v = compute_viewshed(cam, Scene{}.obstacles());
    check_area(v, 0.5 * 100 * 150 * std::sin(1 * kDeg));
    CHECK(sees(v, {-5 * std::sin(25 * kDeg), 5 * std::cos(25 * kDeg)}));  // bearing -25
    CHECK(sees(v, {5 * std::sin(115 * kDeg), 5 * std::cos(115 * kDeg)}));
    CHECK_FALSE(sees(v, {5 * std::sin(125 * kDeg), 5 * std::cos(125 * kDeg)}));

    cam.ptz = Ptz{false, 300, 30};  // across north: 90° of pan, the same 150° sector
    check_area(compute_viewshed(cam, Scene{}.obstacles()), 0.5 * 100 * 150 * std::sin(1 * kDeg));
    cam.ptz = Ptz{false, 0, 330};  // 330 + 60 >= 360: every bearing
    check_area(compute_viewshed(cam, Scene{}.obstacles()), 0.5 * 100 * 360 * std::sin(1 * kDeg));
}

TEST_CASE("unlimited PTZ and hfov 360 see the full disc") {
    Camera cam = camera_at({0, 0}, 0, 60, 10);
    cam.azimuth.reset();
    cam.ptz = Ptz{true, 0, 0};
    const double disc = 0.5 * 100 * 360 * std::sin(1 * kDeg);
    check_area(compute_viewshed(cam, Scene{}.obstacles()), disc);
    check_area(compute_viewshed(panoramic_at({0, 0}, 10), Scene{}.obstacles()), disc);
    CHECK(std::abs(disc / (std::numbers::pi * 100) - 1) < 1e-4);
}

TEST_CASE("a transparent wall hides nothing") {
    Scene s;
    s.line({{-20, 5}, {20, 5}}, true);
    check_area(compute_viewshed(camera_at({0, 0}, 0, 90, 10), s.obstacles()),
               0.5 * 100 * 90 * std::sin(1 * kDeg));
}

TEST_CASE("an eye inside a pillar sees nothing") {
    Scene s;
    s.pillar(rect(0, 0, 2, 2));
    const geo::Viewshed v = compute_viewshed(camera_at({1, 1}, 0, 90, 10), s.obstacles());
    CHECK(v.eye_in_solid);
    CHECK(geo::is_empty(v.area.get()));
    CHECK(v.area_m2 == 0);
    // A pillar with a courtyard: an eye in the hole is not inside the solid.
    Scene c;
    c.walls.push_back({});
    c.walls[0].is_polygon = true;
    c.walls[0].polygon = {rect(-10, -10, 10, 10), {rect(-5, -5, 5, 5)}};
    const geo::Viewshed h = compute_viewshed(panoramic_at({0, 0}, 100), c.obstacles());
    CHECK_FALSE(h.eye_in_solid);
    check_area(h, 100);
}

TEST_CASE("an eye on a pillar's face does not see into the pillar") {
    // Panoramic (not moved) at the middle of the west face of [0, 2] x [-1, 1], in a room
    // [-10, 10]²: every ray east enters the pillar, so only the west half is seen.
    Scene s;
    s.room({{-10, -10}, {10, -10}, {10, 10}, {-10, 10}});
    s.pillar(rect(0, -1, 2, 1));
    check_area(compute_viewshed(panoramic_at({0, 0}, 100), s.obstacles()), 200);
}

TEST_CASE("an eye on a wall's end point") {
    Scene s;
    s.room({{-10, -10}, {10, -10}, {10, 10}, {-10, 10}});
    s.line({{0, 0}, {5, 0}}).line({{0, 0}, {0, 5}});
    // Panoramic, not moved: both walls are seen edge-on and hide nothing.
    check_area(compute_viewshed(panoramic_at({0, 0}, 100), s.obstacles()), 400);
    // Facing south: moved off the first wall (y = 0) to (0, -0.05); the field (bearings 135 to
    // 225) is a right triangle from there down to y = -10: half-width 9.95, height 9.95.
    const geo::Viewshed v = compute_viewshed(camera_at({0, 0}, 180, 90, 100), s.obstacles());
    CHECK(v.eye.x == doctest::Approx(0).epsilon(1e-12));
    CHECK(v.eye.y == doctest::Approx(-0.05).epsilon(1e-12));
    check_area(v, 9.95 * 9.95);
}

TEST_CASE("a panoramic eye on a wall's line sees both sides (the wall passes through it)") {
    Scene s;
    s.room({{-10, -10}, {10, -10}, {10, 10}, {-10, 10}});
    s.line({{-5, 0}, {5, 0}});
    s.line({{2, 0}, {4, 0}}).line({{6, 0}, {9, 0}});  // a doorway seen edge-on
    check_area(compute_viewshed(panoramic_at({0, 0}, 100), s.obstacles()), 400);
}

TEST_CASE("collinear walls") {
    // Touching, overlapping and edge-on walls: the triangle of the field up to y = 10.
    Scene s;
    s.line({{-20, 10}, {0, 10}}).line({{0, 10}, {20, 10}});
    s.line({{-20, 10}, {3, 10}}).line({{-3, 10}, {20, 10}});
    s.line({{0, 3}, {0, 5}}).line({{0, 5}, {0, 8}});
    check_area(compute_viewshed(camera_at({0, 0}, 0, 90, 100), s.obstacles()), 100);
}

TEST_CASE("crossing walls") {
    // A wall at y = 10 and one from (-2, 8) to (2, 12) crossing it at (0, 10). The lower half
    // of the second hides the triangle (-2, 8), (-2.5, 10), (0, 10) of area 2.5.
    Scene s;
    s.line({{-20, 10}, {20, 10}}).line({{-2, 8}, {2, 12}});
    check_area(compute_viewshed(camera_at({0, 0}, 0, 90, 100), s.obstacles()), 100 - 2.5);
    // An X of two walls in front of the wall: hidden, the triangle behind the X's front
    // half-walls: (-2, 8), (0, 10), (2, 8) seen; the rays through (±2, 8) meet y = 10 at ±2.5:
    // hidden the quadrilateral (-2, 8), (-2.5, 10), (2.5, 10), (2, 8) less the triangle
    // (-2, 8), (0, 10), (2, 8): 0.5 * (4 + 5) * 2 - 0.5 * 4 * 2 = 9 - 4 = 5.
    Scene x;
    x.line({{-20, 10}, {20, 10}}).line({{-2, 8}, {2, 12}}).line({{2, 8}, {-2, 12}});
    check_area(compute_viewshed(camera_at({0, 0}, 0, 90, 100), x.obstacles()), 100 - 5);
}

TEST_CASE("walls touching the range circle or longer than the range") {
    const double sector = 0.5 * 100 * 90 * std::sin(1 * kDeg);
    Scene tangent;
    tangent.line({{-5, 10}, {5, 10}});
    check_area(compute_viewshed(camera_at({0, 0}, 0, 90, 10), tangent.obstacles()), sector);
    Scene ending;
    ending.line({{0, 10}, {0, 20}}).line({{10, 0}, {20, 0}});
    check_area(compute_viewshed(camera_at({0, 0}, 0, 90, 10), ending.obstacles()), sector);
    // A 360° eye, range 10, a wall y = 5 much longer than the range: it meets the circle at
    // (±√75, 5), 120° apart; seen: the triangle to those points (base 2√75, height 5) and the
    // other 240° of arc in 240 chords.
    Scene across;
    across.line({{-20, 5}, {20, 5}});
    check_area(compute_viewshed(panoramic_at({0, 0}, 10), across.obstacles()),
               5 * std::sqrt(75.0) + 0.5 * 100 * 240 * std::sin(1 * kDeg));
}

TEST_CASE("field_of_view ignores walls") {
    Scene s;
    s.line({{-20, 5}, {20, 5}});
    const Camera cam = camera_at({0, 0}, 0, 90, 10);
    geo::Geom f = geo::field_of_view(cam, {0, 0});
    CHECK(geo::area(f.get()) == doctest::Approx(0.5 * 100 * 90 * std::sin(1 * kDeg)));
}

TEST_CASE("Obstacles: queries, solids and the wall at a point") {
    Scene s;
    s.line({{0, 0}, {10, 0}, {10, 10}})
        .line({{50, 50}, {60, 50}}, true)
        .pillar(rect(20, 20, 22, 22));
    geo::Obstacles o = s.obstacles();
    CHECK(o.segment_count() == 2 + 4);
    CHECK(o.solid_count() == 1);
    CHECK(o.segments_near({5, 5}, 1).empty());
    CHECK(o.segments_near({5, 5}, 5).size() == 2);
    CHECK(o.inside_solid({21, 21}));
    CHECK_FALSE(o.inside_solid({20, 21}));  // on the boundary: not strictly inside
    CHECK(o.solids_touching({20, 21}, 1e-9).size() == 1);
    const auto w = o.wall_at({5, 0.04}, 0.05);
    REQUIRE(w);
    CHECK(w->a == Point{0, 0});
    CHECK_FALSE(o.wall_at({5, 0.06}, 0.05));
    geo::Obstacles moved = std::move(o);
    CHECK(moved.segment_count() == 6);
}

TEST_CASE("projected coordinates far from the origin keep their precision") {
    // The doorway scene moved to a Gauss-Krüger-like position.
    const Point o{500000, 3500000};
    auto at = [&](double x, double y) { return Point{o.x + x, o.y + y}; };
    Scene s;
    s.line({at(-20, 10), at(-0.5, 10)}).line({at(0.5, 10), at(20, 10)});
    s.line({at(-20, 10), at(-20, 20), at(20, 20), at(20, 10)});
    const geo::Viewshed v = compute_viewshed(camera_at(o, 0, 90, 100), s.obstacles());
    CHECK(geo::is_valid(v.area.get()));
    CHECK(v.area_m2 == doctest::Approx(115).epsilon(1e-7));
}

TEST_CASE("a very narrow field") {
    const geo::Viewshed v = compute_viewshed(camera_at({0, 0}, 30, 0.01, 10), Scene{}.obstacles());
    check_area(v, 0.5 * 100 * std::sin(0.01 * kDeg));  // one chord
}

TEST_CASE("a camera exactly in a corner is moved off both walls") {
    // At the corner (0, 0), facing north along the west wall: moved off the south wall (the
    // first of the two at distance 0) to (0, 0.05), which lies on the west wall: moved off it
    // too, to the side where the south wall runs: (0.05, 0.05). Seen (bearings -45 to 45, up
    // to the walls x = 0 and y = 10): y - 0.05 >= |x - 0.05|. For x in [0.05, 10] a triangle
    // 9.95² / 2; for x in [0, 0.05] a strip 0.05 * 9.95 less a triangle 0.05² / 2.
    Scene s;
    s.room({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    s.line({{-10, 0}, {0, 0}});  // a wall of the neighbouring room, west of the corner
    const geo::Viewshed v = compute_viewshed(camera_at({0, 0}, 0, 90, 100), s.obstacles());
    CHECK(v.eye.x == doctest::Approx(0.05).epsilon(1e-12));
    CHECK(v.eye.y == doctest::Approx(0.05).epsilon(1e-12));
    check_area(v, 9.95 * 9.95 / 2 + 0.05 * 9.95 - 0.05 * 0.05 / 2);
    CHECK_FALSE(sees(v, {-1, 5}));  // nothing west of the west wall
}
