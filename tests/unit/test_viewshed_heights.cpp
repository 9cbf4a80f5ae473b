// Viewsheds with wall heights (geo/heights.hpp), areas derived by hand in each case's comment.
//
// Most cases use one booth: a curtain along y = 6, x in [-0.6, 0.6], with full-height side
// walls x = ±0.6 and a back wall y = 7.5 (inside: 1.2 m x 1.5 m = 1.8 m²). The camera is at the
// origin, far from every wall (its eye is not moved), facing north with hfov 60 and range 10.
// Every sight line from the origin to a booth point (x, y) passes through the curtain's
// opening (it crosses y = 6 at |x| * 6 / y <= 0.6) and no side wall, so without the curtain
// the whole booth is seen. With a curtain of height h, the hidden part of the booth is the
// strip from the curtain (y = 6) to its image y = 6 k, k = (H - z) / (H - h), or to the back
// wall: 1.2 * (min(6 k, 7.5) - 6). The curtain's trapezoid also pokes out of the booth
// (|x| <= y / 10 > 0.6 there), but the side walls hide those points anyway, so the whole
// viewshed loses exactly the booth's hidden strip.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "geo/heights.hpp"
#include "geo/viewshed.hpp"
#include "test_viewshed_helpers.hpp"

using namespace camaudit;
using namespace camaudit::test;
using geo::compute_viewshed;

namespace {

constexpr double kTol = 1e-9;  // m²: rounding of coordinates of order 10

double area_in(const geo::Viewshed& v, const Ring& r) {
    const geo::Geom box = geo::make_polygon(r);
    const geo::Geom in = geo::intersection(v.area.get(), box.get());
    return geo::area(in.get());
}

const Ring kBooth = rect(-0.6, 6, 0.6, 7.5);

Scene booth(std::optional<double> curtain) {
    Scene s;
    s.line({{-0.6, 6}, {-0.6, 7.5}, {0.6, 7.5}, {0.6, 6}});
    if (curtain) s.partition({{-0.6, 6}, {0.6, 6}}, *curtain);
    return s;
}

Camera ceiling_camera(double height) {
    Camera c = camera_at({0, 0}, 0, 60, 10);
    c.height = height;
    return c;
}

geo::Viewshed view(const Camera& c, const Scene& s, double z = geo::kDefaultViewHeight) {
    geo::ViewshedOptions o;
    o.view_height = z;
    geo::Viewshed v = compute_viewshed(c, s.obstacles(), o);
    REQUIRE(v.area);
    CHECK_FALSE(v.shadows_by_overlay);  // shadow_sweep vouches for these simple scenes
    CHECK(geo::is_valid(v.area.get()));
    CHECK(geo::area(v.area.get()) == doctest::Approx(v.area_m2).epsilon(1e-12));
    return v;
}

// The booth area the camera sees, and a check that the whole viewshed lost just the rest.
double booth_seen(const Camera& c, double curtain, double z = geo::kDefaultViewHeight) {
    const geo::Viewshed open = view(c, booth(std::nullopt), z);
    CHECK(area_in(open, kBooth) == doctest::Approx(1.8).epsilon(kTol));
    const geo::Viewshed v = view(c, booth(curtain), z);
    const double seen = area_in(v, kBooth);
    CHECK(open.area_m2 - v.area_m2 == doctest::Approx(1.8 - seen).epsilon(kTol));
    return seen;
}

}  // namespace

TEST_CASE("shadow classes: the four cases of heights.hpp and their ratio") {
    using geo::ShadowKind;
    // z < h < H: Near, k = (H - z) / (H - h) = 1.3 / 1.0.
    CHECK(geo::classify_shadow(3.0, 1.7, 2.0).kind == ShadowKind::Near);
    CHECK(geo::classify_shadow(3.0, 1.7, 2.0).k == doctest::Approx(1.3));
    // h <= z and h <= H: None (a counter below the view height).
    CHECK(geo::classify_shadow(3.0, 1.7, 1.1).kind == ShadowKind::None);
    CHECK(geo::classify_shadow(3.0, 1.7, 1.7).kind == ShadowKind::None);  // at the top: seen
    CHECK(geo::classify_shadow(1.7, 1.7, 1.7).kind == ShadowKind::None);
    // z < h and H <= h: Full (a camera at or below the partition's top).
    CHECK(geo::classify_shadow(1.8, 1.7, 2.0).kind == ShadowKind::Full);
    CHECK(geo::classify_shadow(2.0, 1.7, 2.0).kind == ShadowKind::Full);
    // H < h <= z: Far, k = (z - H) / (h - H) = 1.2 / 1.0; h = z: everything behind (Full).
    CHECK(geo::classify_shadow(1.0, 2.2, 2.0).kind == ShadowKind::Far);
    CHECK(geo::classify_shadow(1.0, 2.2, 2.0).k == doctest::Approx(1.2));
    CHECK(geo::classify_shadow(1.0, 2.0, 2.0).kind == ShadowKind::Full);
}

TEST_CASE("a booth behind a 2.0 m curtain seen from 3.0, 4.5 and 6 m") {
    // H = 3.0: k = (3 - 1.7) / (3 - 2) = 1.3, image at y = 7.8 beyond the back wall (7.5):
    // the whole booth is hidden (hidden 1.2 x 1.5 = 1.8, seen 0).
    CHECK(booth_seen(ceiling_camera(3.0), 2.0) == doctest::Approx(0).epsilon(kTol));
    // H = 4.5: k = 2.8 / 2.5 = 1.12, image at 6.72: hidden 1.2 x 0.72 = 0.864, seen the strip
    // from 6.72 to the back wall, 1.2 x 0.78 = 0.936.
    CHECK(booth_seen(ceiling_camera(4.5), 2.0) == doctest::Approx(0.936).epsilon(kTol));
    // H = 6: k = 4.3 / 4 = 1.075, image at 6.45: seen 1.2 x 1.05 = 1.26.
    CHECK(booth_seen(ceiling_camera(6.0), 2.0) == doctest::Approx(1.26).epsilon(kTol));

    const geo::Viewshed v = view(ceiling_camera(4.5), booth(2.0));
    CHECK(sees(v, {0, 7.0}));  // beyond 6.72
    CHECK(sees(v, {0.5, 7.4}));
    CHECK_FALSE(sees(v, {0, 6.5}));  // between the curtain and its image
    CHECK(sees(v, {0, 5.9}));        // in front of the curtain
}

TEST_CASE("a camera lower than the partition sees over it only near it, if at all") {
    // H = 1.8 < h = 2.0, z = 1.7 < h: Full. The sight lines start at 1.8 and go down to 1.7:
    // nothing behind the curtain is seen, as behind a wall to the ceiling.
    CHECK(booth_seen(ceiling_camera(1.8), 2.0) == doctest::Approx(0).epsilon(kTol));
    Scene full = booth(std::nullopt);
    full.line({{-0.6, 6}, {0.6, 6}});
    CHECK(view(ceiling_camera(1.8), booth(2.0)).area_m2 ==
          doctest::Approx(view(ceiling_camera(1.8), full).area_m2).epsilon(1e-12));
    // H = 1.0 < h = 2.0 <= z = 2.2 (a view height above the curtain): Far, k = (2.2 - 1.0) /
    // (2.0 - 1.0) = 1.2. The sight line rises from 1.0 to 2.2 and is above 2.0 at the curtain
    // only for points up to its image y = 7.2: seen 1.2 x 1.2 = 1.44, hidden 1.2 x 0.3.
    CHECK(booth_seen(ceiling_camera(1.0), 2.0, 2.2) == doctest::Approx(1.44).epsilon(kTol));
    const geo::Viewshed v = view(ceiling_camera(1.0), booth(2.0), 2.2);
    CHECK(sees(v, {0, 6.5}));
    CHECK_FALSE(sees(v, {0, 7.4}));
    // H = 1.8, h = 2.0, z = 2.1: k = 0.3 / 0.2 = 1.5, image at 9: the whole booth.
    CHECK(booth_seen(ceiling_camera(1.8), 2.0, 2.1) == doctest::Approx(1.8).epsilon(kTol));
}

TEST_CASE("a wall lower than the view height hides nothing") {
    // A 1.1 m counter along the booth's front, z = 1.7, H = 3: case None. The viewshed is the
    // very polygon of the site without it (the sweep sees the same walls).
    const geo::Viewshed open = view(ceiling_camera(3.0), booth(std::nullopt));
    const geo::Viewshed v = view(ceiling_camera(3.0), booth(1.1));
    CHECK(geo::to_wkt(v.area.get(), 17) == geo::to_wkt(open.area.get(), 17));
    // At the view height exactly, the sight line passes at the top: seen.
    CHECK(booth_seen(ceiling_camera(3.0), 1.7) == doctest::Approx(1.8).epsilon(kTol));
}

TEST_CASE("the view height changes the shadow") {
    // H = 3, h = 2. z = 1.0: k = 2 / 1 = 2, image at 12: all hidden. z = 1.9: k = 1.1, image
    // at 6.6: seen 1.2 x 0.9 = 1.08. z = 2.0 = h: nothing hidden.
    CHECK(booth_seen(ceiling_camera(3.0), 2.0, 1.0) == doctest::Approx(0).epsilon(kTol));
    CHECK(booth_seen(ceiling_camera(3.0), 2.0, 1.9) == doctest::Approx(1.08).epsilon(kTol));
    CHECK(booth_seen(ceiling_camera(3.0), 2.0, 2.0) == doctest::Approx(1.8).epsilon(kTol));
}

TEST_CASE("PTZ and panoramic cameras see over the curtain alike") {
    // The shadow does not depend on the field: the booth at H = 4.5 shows its 0.936 m² strip
    // to a PTZ camera panning through north and to a panoramic one.
    Camera ptz = ceiling_camera(4.5);
    ptz.azimuth.reset();
    ptz.hfov = 40;
    ptz.ptz = Ptz{false, 300, 60};
    CHECK(booth_seen(ptz, 2.0) == doctest::Approx(0.936).epsilon(kTol));
    Camera all = panoramic_at({0, 0}, 10);
    all.height = 4.5;
    CHECK(booth_seen(all, 2.0) == doctest::Approx(0.936).epsilon(kTol));
    // A PTZ whose pan range misses the booth: nothing of it, and no shadow to subtract.
    ptz.ptz = Ptz{false, 90, 270};
    CHECK(area_in(view(ptz, booth(2.0)), kBooth) == doctest::Approx(0).epsilon(kTol));
}

TEST_CASE("a pillar with a height: its inside and its shadow") {
    // A block [-0.5, 0.5] x [5, 6], the camera as above at H = 3, z = 1.7.
    // h = 1.2 < z: it hides nothing, its inside (the point 1.7 m above it) included.
    Scene none;
    Scene low;
    low.block(rect(-0.5, 5, 0.5, 6), 1.2);
    CHECK(geo::to_wkt(view(ceiling_camera(3), low).area.get(), 17) ==
          geo::to_wkt(view(ceiling_camera(3), none).area.get(), 17));
    // h = 2.0: k = 1.3. The cone of the block, |x / y| <= 0.1, holds the triangle before its
    // near edge (0.5 * 1 * 5 = 2.5) and the block (1): A = 3.5 up to the exit boundary C
    // (y = 6 for |x/y| <= 1/12, the sides x = ±0.5 beyond). Hidden: the block's inside
    // (z < h) and, outside it, the points between C and its image k C: (k² - 1) A = 0.69 x
    // 3.5 = 2.415; in all 3.415 = k² A - 2.5.
    Scene high;
    high.block(rect(-0.5, 5, 0.5, 6), 2.0);
    const geo::Viewshed open = view(ceiling_camera(3), none);
    const geo::Viewshed v = view(ceiling_camera(3), high);
    CHECK(open.area_m2 - v.area_m2 == doctest::Approx(3.415).epsilon(kTol));
    CHECK_FALSE(sees(v, {0, 5.5}));    // inside the block
    CHECK_FALSE(sees(v, {0, 7.7}));    // behind it, before 7.8
    CHECK_FALSE(sees(v, {0.6, 7.0}));  // leaves it at x = 0.5 (y = 5.83), hidden to x = 0.65
    CHECK_FALSE(sees(v, {0.6, 7.7}));  // leaves it at y = 6 (x = 0.47): hidden to y = 7.8
    CHECK(sees(v, {0, 7.9}));
    CHECK(sees(v, {0.7, 7.7}));  // leaves it at x = 0.5 (y = 5.5): seen beyond x = 0.65

    // A camera above a 2 m cabinet [-1, 1]²: its eye is in the cabinet's plan but above it.
    // The field (|x/y| <= tan 30°) leaves the cabinet through y = 1: the triangle up to it has
    // A = tan 30°; hidden: the inside (A) and (k² - 1) A beyond, k² A = 1.69 tan 30° in all.
    Scene cabinet;
    cabinet.block(rect(-1, -1, 1, 1), 2.0);
    const geo::Viewshed above = view(ceiling_camera(3), cabinet);
    CHECK_FALSE(above.eye_in_solid);
    CHECK(open.area_m2 - above.area_m2 ==
          doctest::Approx(1.69 * std::tan(30 * kDeg)).epsilon(kTol));
    // The same cabinet around a camera at 1.5 m: the eye is inside the solid.
    const geo::Viewshed inside = view(ceiling_camera(1.5), cabinet);
    CHECK(inside.eye_in_solid);
    CHECK(inside.area_m2 == 0);
}

TEST_CASE("two partial walls one behind the other") {
    // W1: y = 4, |x| <= 1, h = 2.0 (k1 = 1.3); W2: y = 5, |x| <= 1, h = 2.2 (k2 = 1.3 / 0.8 =
    // 1.625). Each hides its trapezoid; the sight line must clear both.
    //   T1 = {4 < y < 5.2, |x| <= y/4}: ∫ y/2 dy from 4 to 5.2 = (5.2² - 16) / 4 = 2.76
    //   T2 = {5 < y < 8.125, |x| <= y/5}: (8.125² - 25) / 5 = 8.203125
    //   T1 ∩ T2 = {5 < y < 5.2, |x| <= y/5}: (5.2² - 25) / 5 = 0.408
    // Hidden: 2.76 + 8.203125 - 0.408 = 10.555125 (range 12 holds T2's far corners at 8.29).
    Camera c = camera_at({0, 0}, 0, 60, 12);
    Scene none, both;
    both.partition({{-1, 4}, {1, 4}}, 2.0).partition({{-1, 5}, {1, 5}}, 2.2);
    const double open = view(c, none).area_m2;
    CHECK(open - view(c, both).area_m2 == doctest::Approx(10.555125).epsilon(kTol));

    // A partial wall half hidden by a wall to the ceiling: the full wall y = 3, x in [0, 2]
    // hides the wedge x/y in [0, 2/3], W's right half among it. W (y = 5, |x| <= 1, h = 2,
    // k = 1.3) adds the left half of its trapezoid: ∫ y/5 dy from 5 to 6.5 = 1.725.
    Scene wall, wall_and_w;
    wall.line({{0, 3}, {2, 3}});
    wall_and_w.line({{0, 3}, {2, 3}}).partition({{-1, 5}, {1, 5}}, 2.0);
    CHECK(view(c, wall).area_m2 - view(c, wall_and_w).area_m2 ==
          doctest::Approx(1.725).epsilon(kTol));
}

TEST_CASE("a partial wall crossing the range circle") {
    // A panoramic camera at H = 3, range 10; a 2 m wall along y = 6 from x = -10 to 10,
    // crossing the circle at x = ±8. k = 1.3: along every ray through the wall the hidden
    // stretch is y in (6, 7.8) (y scales with the distance along a ray), within the range.
    // The wall's part within R / k = 7.69 casts a trapezoid, its parts beyond act as walls to
    // the ceiling. So the viewshed is what a full-height wall there leaves (below y = 6), and
    // the cap of the disc beyond the image, y >= 7.8, whose arc runs between the image's end
    // points A = (±sqrt(100 - 7.8²), 7.8) on the circle: an angle of 2 atan(A.x / 7.8) drawn
    // with ceil(angle / 1°) equal chords, less the triangle (eye, A, A') of area A.x * 7.8.
    Camera c = panoramic_at({0, 0}, 10);
    c.height = 3;
    Scene s, full_wall;
    s.partition({{-10, 6}, {10, 6}}, 2.0);
    full_wall.line({{-10, 6}, {10, 6}});
    const geo::Viewshed v = view(c, s);
    const double ax = std::sqrt(100 - 7.8 * 7.8);
    const double cap = chord_sector_area(10, 2 * std::atan2(ax, 7.8) / kDeg) - ax * 7.8;
    CHECK(v.area_m2 == doctest::Approx(view(c, full_wall).area_m2 + cap).epsilon(kTol));
    CHECK(area_in(v, rect(-11, 6, 11, 7.8)) < 1e-9);
    CHECK(sees(v, {0, 9}));
    CHECK(sees(v, {5, 8.2}));  // 9.6 from the eye, beyond the image
    CHECK_FALSE(sees(v, {0, 7}));
    CHECK_FALSE(sees(v, {6.4, 7.6}));  // 9.94 from the eye, before the image

    // A 2 m wall at y = 8 (R / k = 7.69 < 8): its image is beyond the range everywhere, so
    // within the range it hides what a wall to the ceiling hides.
    Scene partial, full;
    partial.partition({{-3, 8}, {3, 8}}, 2.0);
    full.line({{-3, 8}, {3, 8}});
    CHECK(view(c, partial).area_m2 == doctest::Approx(view(c, full).area_m2).epsilon(1e-12));
}

TEST_CASE("a camera above a partition is not moved off it; one mounted on it is") {
    Scene s;
    s.partition({{-2, 0}, {2, 0}}, 2.0);
    Camera high = camera_at({0, 0.02}, 0, 90, 10);
    high.height = 3;
    CHECK(geo::eye_position(high, s.obstacles()) == Point{0, 0.02});
    Camera mounted = high;
    mounted.height = 1.8;
    const Point eye = geo::eye_position(mounted, s.obstacles());
    CHECK(eye.x == doctest::Approx(0));
    CHECK(eye.y == doctest::Approx(0.05));
    // Hanging 2 cm north of the partition and facing south, the high camera sees over it:
    // k = 1.3, and at 0.02 m the partition hides only the ground out to 0.026 m from the eye
    // (y in (-0.006, 0) straight below it).
    high.azimuth = 180;
    const geo::Viewshed v = view(high, s);
    CHECK(sees(v, {0, -3}));
    CHECK_FALSE(sees(v, {0, -0.003}));
    CHECK(sees(v, {0, -0.01}));
}
