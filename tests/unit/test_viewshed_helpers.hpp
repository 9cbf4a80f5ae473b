// Helpers shared by the viewshed tests: scene building and hand-derived areas.
#pragma once

#include <cmath>
#include <numbers>
#include <vector>

#include "geo/sweep.hpp"
#include "geo/viewshed.hpp"
#include "model/site.hpp"

namespace camaudit::test {

inline constexpr double kDeg = std::numbers::pi / 180;

// The area of an arc's polygon: n = ceil(degrees) equal chords of a circle of radius r, each
// chord with the centre a triangle of area r² sin(Δ) / 2.
inline double chord_sector_area(double r, double degrees) {
    const int n = static_cast<int>(std::ceil(degrees - 1e-9));
    return 0.5 * r * r * n * std::sin(degrees / n * kDeg);
}

inline Camera camera_at(Point p, double azimuth, double hfov, double range) {
    Camera c;
    c.position = p;
    c.azimuth = azimuth;
    c.hfov = hfov;
    c.range = range;
    return c;
}

inline Camera panoramic_at(Point p, double range) {
    Camera c = camera_at(p, 0, 360, range);
    c.azimuth.reset();
    return c;
}

// Ids are left empty: the geometry does not use them (and assigning short literals to strings
// trips GCC 12's -Wrestrict false positive at -O3).
struct Scene {
    std::vector<Wall> walls;

    Scene& line(std::vector<Point> pts, bool transparent = false) {
        Wall w;
        w.line = std::move(pts);
        w.transparent = transparent;
        walls.push_back(std::move(w));
        return *this;
    }
    // A closed polyline (a room's walls) through the given corners.
    Scene& room(std::vector<Point> corners) {
        corners.push_back(corners.front());
        return line(std::move(corners));
    }
    Scene& pillar(Ring shell) {
        Wall w;
        w.is_polygon = true;
        w.polygon.shell = std::move(shell);
        walls.push_back(std::move(w));
        return *this;
    }
    // A wall `height` metres high (a partition, a curtain, a counter).
    Scene& partition(std::vector<Point> pts, double height) {
        line(std::move(pts));
        walls.back().height = height;
        return *this;
    }
    // A pillar `height` metres high (a cabinet, a counter block).
    Scene& block(Ring shell, double height) {
        pillar(std::move(shell));
        walls.back().height = height;
        return *this;
    }
    geo::Obstacles obstacles() const {
        std::vector<const Wall*> ptrs;
        for (const Wall& w : walls) ptrs.push_back(&w);
        return geo::Obstacles(ptrs);
    }
};

inline Ring rect(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

inline double mod360(double d) {
    d = std::fmod(d, 360.0);
    return d < 0 ? d + 360 : d;
}

// The field as a clockwise bearing interval [from, from + width]; width >= 360: all round.
inline void field_bearings(const Camera& c, double& from, double& width) {
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

// The same field as counter-clockwise math angles, for calling the sweep directly.
inline geo::AngularField angular_field(const Camera& c) {
    double from = 0, width = 0;
    field_bearings(c, from, width);
    if (width >= 360) return {};
    return {false, (90 - (from + width)) * kDeg, width * kDeg};
}

// The brute-force tests' own point-in-polygon test (even-odd; the boundary either way).
inline bool strictly_inside(const Ring& ring, Point p) {
    bool in = false;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const Point a = ring[i], b = ring[(i + 1) % n];
        if ((a.y > p.y) != (b.y > p.y) && a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) > p.x)
            in = !in;
    }
    return in;
}

// Whether GEOS puts point p inside or on the geometry.
inline bool sees(const geo::Viewshed& v, Point p) {
    geo::Geom pt = geo::make_point(p);
    return geo::covers(v.area.get(), pt.get());
}

}  // namespace camaudit::test
