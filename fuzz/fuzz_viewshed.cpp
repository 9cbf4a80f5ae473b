// libFuzzer harness: the viewshed engine on scenes decoded from the input bytes.
//
// The bytes are read with FuzzedDataProvider into what the site reader could hand over: up to
// 24 walls (polylines with consecutive repeats dropped, some of them glass), up to 3 pillars
// (rotated rectangles, always valid) and one camera (fixed, panoramic or PTZ, sometimes on a
// wall, sometimes with privacy masks). Two coordinate modes: a coarse integer grid, where
// collinear walls, shared end points and eyes on walls abound, and a fine one. Walls and
// pillars may have a height (geo/heights.hpp), the camera a height and the site a view height;
// on the grid they come from a few values (0.5 m steps), so that a wall as high as the camera
// or as the view height is common.
//
// The invariants are those of tests/unit/test_viewshed_props.cpp, with the same tolerances:
// the viewshed is a valid polygon, an eye inside a pillar sees nothing, the area is not above
// the field's sector, and the interior crosses no opaque wall without a height (except a wall
// whose line passes through the eye, which by definition hides nothing). With heights, two
// more: the viewshed lies within the one of the same scene without its walls with a height, and
// contains the one where they all reach the ceiling (when the three eyes are one: a wall as
// high as the camera moves it), both up to the slivers between different 1° chords of one arc.
// A broken invariant is a crash (__builtin_trap) so that libFuzzer keeps the input.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <optional>
#include <vector>

#include "geo/geos.hpp"
#include "geo/plane.hpp"
#include "geo/viewshed.hpp"

using namespace camaudit;
namespace plane = camaudit::geo::plane;

namespace {

constexpr double kDeg = std::numbers::pi / 180;

double mod360(double d) {
    d = std::fmod(d, 360.0);
    return d < 0 ? d + 360 : d;
}

struct Decoder {
    FuzzedDataProvider& in;
    bool grid;

    double coord() {
        if (grid) return in.ConsumeIntegralInRange<int>(0, 10);
        return in.ConsumeIntegralInRange<int>(0, 64 * 1024) / 1024.0;  // [0, 64], 1 mm steps
    }
    Point point() {
        const double x = coord();
        return {x, coord()};
    }
    double in_range(double lo, double hi) {
        return lo + (hi - lo) * in.ConsumeIntegralInRange<int>(0, 1 << 16) / double(1 << 16);
    }
    // A height in [lo, hi]: 0.5 m steps on the grid.
    double height(double lo, double hi) {
        if (grid)
            return lo + 0.5 * in.ConsumeIntegralInRange<int>(0, static_cast<int>((hi - lo) * 2));
        return in_range(lo, hi);
    }
    std::optional<double> wall_height() {
        if (in.ConsumeIntegralInRange<int>(0, 2) != 0) return std::nullopt;
        return height(0.5, 3.5);
    }
};

// The area of `a` outside `b`.
double area_outside(const GEOSGeometry* a, const GEOSGeometry* b) {
    const geo::Geom d = geo::difference(a, b);
    return geo::area(d.get());
}

// The field as a clockwise bearing interval [from, from + width]; width >= 360: all round.
void field_bearings(const Camera& c, double& from, double& width) {
    from = 0;
    width = 360;
    if (c.panoramic()) return;
    if (c.ptz) {
        from = c.ptz->pan_from - c.hfov / 2;
        width = mod360(c.ptz->pan_to - c.ptz->pan_from) + c.hfov;
    } else {
        from = *c.azimuth - c.hfov / 2;
        width = c.hfov;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    Decoder d{in, in.ConsumeBool()};

    std::vector<Wall> walls;
    const int nwalls = in.ConsumeIntegralInRange<int>(0, 24);
    for (int i = 0; i < nwalls; ++i) {
        Wall w;
        w.transparent = in.ConsumeIntegralInRange<int>(0, 7) == 0;  // glass
        const int npts = in.ConsumeIntegralInRange<int>(2, 4);
        for (int k = 0; k < npts; ++k) {
            const Point p = d.point();
            if (w.line.empty() || !(w.line.back() == p)) w.line.push_back(p);
        }
        w.height = d.wall_height();
        if (w.line.size() >= 2) walls.push_back(std::move(w));
    }
    const int npillars = in.ConsumeIntegralInRange<int>(0, 3);
    for (int i = 0; i < npillars; ++i) {
        const Point c = d.point();
        const double t = d.in_range(0, std::numbers::pi);
        const double hw = d.in_range(0.1, 4), hh = d.in_range(0.1, 4);
        const Point ex{std::cos(t), std::sin(t)}, ey{-std::sin(t), std::cos(t)};
        Wall w;
        w.is_polygon = true;
        for (auto [sx, sy] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}})
            w.polygon.shell.push_back(
                plane::add(c, plane::add(plane::scale(ex, sx * hw), plane::scale(ey, sy * hh))));
        w.height = d.wall_height();
        walls.push_back(std::move(w));
    }

    Camera cam;
    cam.position = d.point();
    if (!walls.empty() && in.ConsumeIntegralInRange<int>(0, 3) == 0) {  // on or by a wall
        const Wall& w = walls[in.ConsumeIntegralInRange<std::size_t>(0, walls.size() - 1)];
        if (!w.is_polygon) {
            const std::size_t k = in.ConsumeIntegralInRange<std::size_t>(0, w.line.size() - 2);
            const double t = d.in_range(0, 1);
            cam.position =
                plane::add(w.line[k], plane::scale(plane::sub(w.line[k + 1], w.line[k]), t));
            cam.position =
                plane::add(cam.position, Point{d.in_range(-0.04, 0.04), d.in_range(-0.04, 0.04)});
        }
    }
    const int kind = in.ConsumeIntegralInRange<int>(0, 3);  // fixed, fixed, panoramic, PTZ
    cam.hfov = kind == 2 ? 360 : d.in_range(1, 359);
    cam.range = d.in_range(0.5, 60);
    if (kind == 3) {
        cam.ptz = Ptz{in.ConsumeBool(), d.in_range(0, 360), d.in_range(0, 360)};
    } else {
        cam.azimuth = d.in_range(-720, 720);
    }
    const int nmasks = in.ConsumeIntegralInRange<int>(0, 2);
    for (int i = 0; i < nmasks; ++i) {
        const Point a = d.point();
        const double wx = d.in_range(0.5, 8), wy = d.in_range(0.5, 8);
        cam.privacy_masks.push_back(
            {{a, {a.x + wx, a.y}, {a.x + wx, a.y + wy}, {a.x, a.y + wy}}, {}});
    }

    cam.height = d.height(0.5, 6);
    geo::ViewshedOptions options;
    if (in.ConsumeBool()) options.view_height = d.height(0.5, 2.5);

    std::vector<const Wall*> ptrs;
    for (const Wall& w : walls) ptrs.push_back(&w);
    const geo::Obstacles obstacles(ptrs);
    const geo::Viewshed v = geo::compute_viewshed(cam, obstacles, options);

    if (!v.area || !geo::is_valid(v.area.get())) __builtin_trap();
    if (!std::isfinite(v.area_m2) || v.area_m2 < 0) __builtin_trap();
    if (v.eye_in_solid) {
        if (v.area_m2 != 0) __builtin_trap();
        return 0;
    }

    // Not above the field's true sector (a wall just inside the range circle may bulge past a
    // 1° chord, by at most the chord's sagitta, hence the second bound on the chord polygon).
    double from = 0, width = 0;
    field_bearings(cam, from, width);
    const double r = cam.range;
    if (v.area_m2 > 0.5 * r * r * std::min(width, 360.0) * kDeg * (1 + 1e-12)) __builtin_trap();
    const geo::Geom field = geo::field_of_view(cam, v.eye);
    const double sagittas = 0.5 * r * r * (kDeg - std::sin(kDeg)) * 360;
    if (v.area_m2 > geo::area(field.get()) + sagittas) __builtin_trap();

    // Walls with a height: within the viewshed without them, around the one with them full.
    if (obstacles.partial_segment_count() > 0 || obstacles.partial_solid_count() > 0) {
        std::vector<Wall> none, full;
        for (const Wall& w : walls) {
            if (!w.height) none.push_back(w);
            full.push_back(w);
            full.back().height.reset();
        }
        std::vector<const Wall*> none_ptrs, full_ptrs;
        for (const Wall& w : none) none_ptrs.push_back(&w);
        for (const Wall& w : full) full_ptrs.push_back(&w);
        const geo::Obstacles none_obstacles(none_ptrs), full_obstacles(full_ptrs);
        const geo::Viewshed v_none = geo::compute_viewshed(cam, none_obstacles, options);
        const geo::Viewshed v_full = geo::compute_viewshed(cam, full_obstacles, options);
        if (v_none.eye == v.eye && v_full.eye == v.eye) {
            // Different chords of one arc differ by slivers outside the circle of radius
            // r cos 0.5° (inside every 1° chord); within it the viewsheds nest exactly.
            const double slivers = sagittas + 1e-9 * r * r;
            if (area_outside(v.area.get(), v_none.area.get()) > slivers) __builtin_trap();
            if (area_outside(v_full.area.get(), v.area.get()) > slivers) __builtin_trap();
            const geo::Geom eye = geo::make_point(v.eye);
            const geo::Geom inner_disc =
                geo::buffer(eye.get(), r * std::cos(0.5 * kDeg) * (1 - 1e-9), 32);
            const geo::Geom wider = geo::difference(v.area.get(), v_none.area.get());
            const geo::Geom narrower = geo::difference(v_full.area.get(), v.area.get());
            if (area_outside(wider.get(), inner_disc.get()) + 1e-9 * r * r < geo::area(wider.get()))
                __builtin_trap();
            if (area_outside(narrower.get(), inner_disc.get()) + 1e-9 * r * r <
                geo::area(narrower.get()))
                __builtin_trap();
        }
    }

    // The interior shrunk by 1 µm meets no opaque wall without a height whose line misses the
    // eye.
    if (geo::is_empty(v.area.get())) return 0;
    const geo::Geom inner = geo::buffer(v.area.get(), -1e-6, 2);
    for (const geo::Segment& s : obstacles.segments_near(v.eye, 1e6)) {
        const Point a = plane::sub(s.a, v.eye), b = plane::sub(s.b, v.eye);
        if (std::abs(plane::cross(a, b)) <= 1e-9 * plane::norm(a) * plane::norm(b)) continue;
        const geo::Geom line = geo::make_linestring({s.a, s.b});
        if (geo::intersects(inner.get(), line.get())) __builtin_trap();
    }
    return 0;
}
