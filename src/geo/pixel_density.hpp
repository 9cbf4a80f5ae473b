// Pixel density on the ground (IEC 62676-4) and the near blind zone under a camera.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/viewshed.hpp"
#include "model/site.hpp"

namespace camaudit::geo {

// px/m at plan distance d: width / (2 d tan(hfov / 2)). For hfov >= 180 the formula has no
// meaning; such lenses are treated as hfov 179.
double px_per_m(int width_px, double hfov_deg, double distance_m);
// The largest distance at which the density is still >= `px_per_m` (0 if never).
double distance_for_density(int width_px, double hfov_deg, double density);

struct DensityLevel {
    std::string name;  // e.g. "identify"
    double px_per_m;
};
// IEC 62676-4:2014 levels: monitor 12.5, detect 25, observe 62.5, recognise 125, identify 250.
const std::vector<DensityLevel>& iec62676_2014_levels();
// IEC 62676-4:2025 levels: 20, 40, 80, 125, 250, 500, 1500 px/m.
const std::vector<DensityLevel>& iec62676_2025_levels();

// The radius of the ground disc under the camera that it cannot see, from height, tilt and
// vfov; nullopt when tilt or vfov is missing.
std::optional<double> blind_radius(const Camera& camera);

// The part of `viewshed` seen at a density of at least `density` (the viewshed cut at the
// distance where the density falls below it). Empty without `resolution`.
Geom cut_at_density(const Camera& camera, const Viewshed& viewshed, double density);

}  // namespace camaudit::geo
