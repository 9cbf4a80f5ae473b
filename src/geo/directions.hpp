// Directions around an eye, shared by the angular sweeps (sweep.cpp, shadow_sweep.cpp):
// pseudo-angles that order directions without trigonometry, and a direction strictly inside
// an interval of them.
#pragma once

#include <cmath>
#include <numbers>

#include "geo/plane.hpp"

namespace camaudit::geo::directions {

// Directions closer than this (pseudo-angle) are one.
inline constexpr double kKeyEps = 1e-11;

// Pseudo-angles in [0, 4), counter-clockwise from the unit direction `ref`: 1 is a quarter
// turn; within kKeyEps of a full turn counts as 0.
struct Frame {
    Point ref;
    double key(Point v) const {
        const double x = plane::dot(ref, v), y = plane::cross(ref, v);
        const double p = y / (std::abs(x) + std::abs(y));
        const double k = x >= 0 ? (y >= 0 ? p : 4 + p) : 2 - p;
        return k >= 4 - kKeyEps ? 0 : k;
    }
};

// The counter-clockwise angle from direction f to t, `dk` the pseudo-angle between them (4: a
// full turn). Exact directions, so that a 90° field gets exactly 90 chords.
inline double ccw_angle(Point f, Point t, double dk) {
    constexpr double kTwoPi = 2 * std::numbers::pi;
    if (dk >= 4) return kTwoPi;
    double a = std::atan2(plane::cross(f, t), plane::dot(f, t));
    if (a < 0) a = dk >= 2 ? a + kTwoPi : 0;  // past half a turn, or rounding of a tiny one
    return a;
}

inline Point unit(Point v) {
    return plane::scale(v, 1 / std::sqrt(plane::dot(v, v)));
}

// A unit direction strictly inside the counter-clockwise interval from d0 to d1 (`dk` apart
// in pseudo-angle): their bisector when the interval is under π, else by angles.
inline Point inside_direction(Point d0, Point d1, double dk) {
    const Point u0 = unit(d0), u1 = unit(d1);
    const double c = plane::cross(u0, u1);
    if (c > 1e-3 || (c >= 0 && plane::dot(u0, u1) > 0 && dk < 2)) return unit(plane::add(u0, u1));
    const double a = std::atan2(u0.y, u0.x) + ccw_angle(u0, u1, dk) / 2;
    return {std::cos(a), std::sin(a)};
}

}  // namespace camaudit::geo::directions
