// Pixel density (IEC 62676-4), the distance for a density, the levels and the blind radius.
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

#include "geo/pixel_density.hpp"

using namespace camaudit;
using namespace camaudit::geo;

namespace {

Camera lens(double hfov, double range, int width) {
    Camera c;
    c.position = {0, 0};
    c.azimuth = 0;
    c.hfov = hfov;
    c.range = range;
    c.resolution = std::array<int, 2>{width, width * 9 / 16};
    return c;
}

constexpr double kDeg = std::numbers::pi / 180;

}  // namespace

TEST_CASE("px/m = width / (2 d tan(hfov / 2))") {
    // hfov 90: the scene is 2d wide at distance d.
    CHECK(px_per_m(1920, 90, 10) == doctest::Approx(96).epsilon(1e-12));
    CHECK(px_per_m(2560, 60, 5) == doctest::Approx(2560 / (10 * std::tan(30 * kDeg))));
    CHECK(px_per_m(3840, 90, 20) == doctest::Approx(96));
    // 180° and beyond: as 179°.
    CHECK(px_per_m(1920, 180, 1) == doctest::Approx(1920 / (2 * std::tan(89.5 * kDeg))));
    CHECK(px_per_m(1920, 360, 1) == doctest::Approx(px_per_m(1920, 179, 1)));
    CHECK(std::isinf(px_per_m(1920, 90, 0)));
}

TEST_CASE("distance_for_density inverts px_per_m") {
    CHECK(distance_for_density(1920, 90, 96) == doctest::Approx(10));
    CHECK(distance_for_density(1920, 90, 250) == doctest::Approx(3.84));
    for (double d : {0.5, 3.0, 17.0})
        CHECK(distance_for_density(2560, 75, px_per_m(2560, 75, d)) == doctest::Approx(d));
    CHECK(distance_for_density(0, 90, 25) == 0);
    CHECK(std::isinf(distance_for_density(1920, 90, 0)));
}

TEST_CASE("IEC 62676-4 levels, both editions") {
    const auto& l14 = iec62676_2014_levels();
    REQUIRE(l14.size() == 5);
    CHECK(l14[0].name == "monitor");
    CHECK(l14[0].px_per_m == 12.5);
    CHECK(l14[1].name == "detect");
    CHECK(l14[1].px_per_m == 25);
    CHECK(l14[2].name == "observe");
    CHECK(l14[2].px_per_m == 62.5);
    CHECK(l14[3].name == "recognise");
    CHECK(l14[3].px_per_m == 125);
    CHECK(l14[4].name == "identify");
    CHECK(l14[4].px_per_m == 250);
    const auto& l25 = iec62676_2025_levels();
    REQUIRE(l25.size() == 7);
    const double expected[] = {20, 40, 80, 125, 250, 500, 1500};
    for (std::size_t i = 0; i < 7; ++i) CHECK(l25[i].px_per_m == expected[i]);
}

TEST_CASE("blind radius from height, tilt and vfov") {
    Camera c = lens(90, 25, 1920);
    c.height = 3;
    CHECK_FALSE(blind_radius(c).has_value());  // no tilt, no vfov
    c.tilt = -30;
    CHECK_FALSE(blind_radius(c).has_value());  // no vfov
    c.vfov = 40;                               // lower edge 30 + 20 = 50° below the horizon
    CHECK(*blind_radius(c) == doctest::Approx(3 / std::tan(50 * kDeg)));
    c.tilt = -25;  // 45°: the radius is the height
    c.vfov = 40;
    CHECK(*blind_radius(c) == doctest::Approx(3));
    c.tilt = -70;  // 70 + 30 = 100° >= 90: it sees straight down
    c.vfov = 60;
    CHECK(*blind_radius(c) == 0);
    c.tilt = 10;  // the lower edge -10 + 5 < 0: above the horizon, no ground within range
    c.vfov = 10;
    CHECK(*blind_radius(c) == 25);
    c.tilt = 0;  // barely below the horizon: the blind disc is capped at the range
    c.vfov = 0.0001;
    CHECK(*blind_radius(c) == 25);
    c.tilt = -5;  // 3 / tan 10° = 17.01 m: within range
    c.vfov = 10;
    CHECK(*blind_radius(c) == doctest::Approx(3 / std::tan(10 * kDeg)));
}

TEST_CASE("cut_at_density keeps the viewshed within the distance of a density") {
    const Camera cam = lens(90, 20, 1920);
    const Obstacles none({});
    const Viewshed v = compute_viewshed(cam, none);
    // 192 px/m at 1920 / (2 * 192 * tan 45°) = 5 m: the 90° sector of radius 5, 90 chords.
    Geom near = cut_at_density(cam, v, 192);
    CHECK(is_valid(near.get()));
    CHECK(area(near.get()) == doctest::Approx(0.5 * 25 * 90 * std::sin(1 * kDeg)).epsilon(1e-9));
    // A density reached beyond the range: the whole viewshed.
    CHECK(area(cut_at_density(cam, v, 10).get()) == doctest::Approx(v.area_m2));
    Camera no_res = cam;
    no_res.resolution.reset();
    CHECK(is_empty(cut_at_density(no_res, v, 25).get()));
}
