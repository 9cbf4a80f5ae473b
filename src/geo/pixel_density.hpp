// Pixel density on the ground (IEC 62676-4) and the near blind zone under a camera.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "geo/viewshed.hpp"
#include "model/site.hpp"

namespace camaudit::geo {

// px/m at plan distance d: width / (2 d tan(hfov / 2)). For hfov >= 180 the formula has no
// meaning; such lenses are treated as hfov 179. +infinity at d <= 0.
double px_per_m(int width_px, double hfov_deg, double distance_m);
// The largest distance at which the density is still >= `density` (0 if never: no pixels;
// +infinity for a density <= 0). Like px_per_m, hfov >= 180 counts as 179.
double distance_for_density(int width_px, double hfov_deg, double density);

struct DensityLevel {
    std::string name;  // e.g. "identify"
    double px_per_m;
};
// IEC 62676-4:2014 levels: monitor 12.5, detect 25, observe 62.5, recognise 125, identify 250.
const std::vector<DensityLevel>& iec62676_2014_levels();
// IEC 62676-4:2025 levels: 20, 40, 80, 125, 250, 500, 1500 px/m (named "level-20" ... here:
// the edition's own level names were not available to check).
const std::vector<DensityLevel>& iec62676_2025_levels();

// The radius of the ground disc under the camera that it cannot see, from height, tilt and
// vfov; nullopt when tilt or vfov is missing. The lower edge of the vertical field dips
// δ = -tilt + vfov / 2 below the horizon: δ >= 90° gives 0 (it sees straight down), otherwise
// height / tan δ, capped at the camera's range; δ <= 0 (the field never reaches the ground)
// gives the range: the camera sees no ground within its range.
std::optional<double> blind_radius(const Camera& camera);

// The part of `viewshed` seen at a density of at least `density` (the viewshed cut at the
// distance where the density falls below it). Empty without `resolution`.
Geom cut_at_density(const Camera& camera, const Viewshed& viewshed, double density);

}  // namespace camaudit::geo
