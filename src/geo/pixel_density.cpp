// Pixel density on the ground (IEC 62676-4) and the blind zone under a camera.
#include "geo/pixel_density.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "geo/sweep.hpp"

namespace camaudit::geo {

namespace {

constexpr double kMaxHfov = 179.0;  // the formula has no meaning at 180° and beyond

double half_width_factor(double hfov_deg) {
    const double h = std::min(hfov_deg, kMaxHfov);
    return 2 * std::tan(h / 2 * std::numbers::pi / 180);
}

}  // namespace

double px_per_m(int width_px, double hfov_deg, double distance_m) {
    if (!(distance_m > 0)) return std::numeric_limits<double>::infinity();
    return width_px / (distance_m * half_width_factor(hfov_deg));
}

double distance_for_density(int width_px, double hfov_deg, double density) {
    if (!(density > 0)) return std::numeric_limits<double>::infinity();
    if (width_px <= 0 || !(hfov_deg > 0)) return 0;
    return width_px / (density * half_width_factor(hfov_deg));
}

const std::vector<DensityLevel>& iec62676_2014_levels() {
    static const std::vector<DensityLevel> levels = {
        {"monitor", 12.5}, {"detect", 25}, {"observe", 62.5}, {"recognise", 125}, {"identify", 250},
    };
    return levels;
}

const std::vector<DensityLevel>& iec62676_2025_levels() {
    static const std::vector<DensityLevel> levels = {
        {"level-20", 20},   {"level-40", 40},   {"level-80", 80},     {"level-125", 125},
        {"level-250", 250}, {"level-500", 500}, {"level-1500", 1500},
    };
    return levels;
}

std::optional<double> blind_radius(const Camera& camera) {
    if (!camera.tilt || !camera.vfov) return std::nullopt;
    // The lower edge of the vertical field, as a depression angle below the horizon.
    const double depression = -*camera.tilt + *camera.vfov / 2;
    if (depression >= 90) return 0.0;          // it sees straight down
    if (depression <= 0) return camera.range;  // it never sees the ground within range
    // Capped at the range: no ground within range is seen either.
    return std::min(camera.range, camera.height / std::tan(depression * std::numbers::pi / 180));
}

Geom cut_at_density(const Camera& camera, const Viewshed& viewshed, double density) {
    if (!camera.resolution || !viewshed.area) return make_empty_polygon();
    const double d = distance_for_density((*camera.resolution)[0], camera.hfov, density);
    if (!(d > 0)) return make_empty_polygon();
    if (d >= camera.range) return clone(viewshed.area.get());
    AngularField all;
    const std::vector<Point> disc = visibility_ring(viewshed.eye, d, all, {});
    return intersection(viewshed.area.get(), make_polygon(disc).get());
}

}  // namespace camaudit::geo
