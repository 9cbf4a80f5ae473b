// Angles in degrees as site files and drawings give them (azimuth, ptz.pan, OpenStreetMap
// camera:direction, DXF block rotation): the one range check and the one normalisation that
// every angle path uses.
//
// An input angle must be finite and within ±kMaxInputAngle degrees (two full turns either
// way: enough for any written bearing, "pan: [-90, 450]" included). Outside that range it is
// an input error, never reduced mod 360: a value such as 1e308 has lost every digit that
// would say which way the camera looks, and letting it through silently aimed a camera away
// from the zone it sees (issue #19). Inside it, normalize_bearing maps it to [0, 360) exactly
// (fmod is exact; only the +360 of a negative remainder rounds, and 360 itself becomes 0).
#pragma once

#include <cmath>

namespace camaudit {

inline constexpr double kMaxInputAngle = 720.0;

// The interval as messages say it, "in [-720, 720]" (a catalogued phrase).
inline constexpr const char* kInputAngleInterval = "in [-720, 720]";

// Whether `deg` is an acceptable input angle: finite and within ±kMaxInputAngle.
inline bool input_angle_ok(double deg) {
    return std::isfinite(deg) && std::fabs(deg) <= kMaxInputAngle;
}

// `deg` in [0, 360). For any finite value (input angles are checked before they get here);
// NaN stays NaN.
inline double normalize_bearing(double deg) {
    double r = std::fmod(deg, 360.0);
    if (r < 0) r += 360.0;
    return r >= 360.0 ? 0.0 : r;
}

}  // namespace camaudit
