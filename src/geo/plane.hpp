// Small plane-geometry helpers on model points (no GEOS), shared by the viewshed code.
#pragma once

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "model/site.hpp"

namespace camaudit::geo::plane {

inline Point sub(Point a, Point b) {
    return {a.x - b.x, a.y - b.y};
}
inline Point add(Point a, Point b) {
    return {a.x + b.x, a.y + b.y};
}
inline Point scale(Point a, double k) {
    return {a.x * k, a.y * k};
}
inline double dot(Point a, Point b) {
    return a.x * b.x + a.y * b.y;
}
inline double cross(Point a, Point b) {
    return a.x * b.y - a.y * b.x;
}
inline double norm(Point a) {
    return std::hypot(a.x, a.y);
}
// > 0 when a → b → c turns counter-clockwise.
inline double orient(Point a, Point b, Point c) {
    return cross(sub(b, a), sub(c, a));
}

// The distance from p to the closed segment a–b.
inline double segment_distance(Point p, Point a, Point b) {
    const Point d = sub(b, a);
    const double len2 = dot(d, d);
    const double t = len2 > 0 ? std::clamp(dot(sub(p, a), d) / len2, 0.0, 1.0) : 0.0;
    return norm(sub(p, add(a, scale(d, t))));
}

// The parameters [lo, hi] of the part of p + t d, t in [0, 1], inside the disc |q| <= r around
// the origin; false when that part has no length.
inline bool disc_part(Point p, Point d, double r, double& lo, double& hi) {
    const double qa = dot(d, d);
    if (!(qa > 0)) return false;
    const double qb = dot(p, d), qc = dot(p, p) - r * r;
    const double disc = qb * qb - qa * qc;
    if (!(disc > 0)) return false;
    const double sq = std::sqrt(disc);
    lo = std::max(0.0, (-qb - sq) / qa);
    hi = std::min(1.0, (-qb + sq) / qa);
    return hi > lo;
}

// Whether p is inside the open ring by the even-odd rule (a point on the boundary may count
// either way).
inline bool inside_ring(const std::vector<Point>& ring, Point p) {
    bool in = false;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
        const Point a = ring[i], b = ring[(i + 1) % n];
        if ((a.y > p.y) != (b.y > p.y) && a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) > p.x)
            in = !in;
    }
    return in;
}

// A unit vector at a bearing (degrees clockwise from +y).
inline Point bearing_vector(double bearing_deg) {
    const double r = bearing_deg * std::numbers::pi / 180;
    return {std::sin(r), std::cos(r)};
}

}  // namespace camaudit::geo::plane
