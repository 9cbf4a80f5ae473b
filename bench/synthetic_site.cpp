#include "synthetic_site.hpp"

#include <cmath>
#include <numbers>
#include <random>

namespace camaudit::bench {

SyntheticSite make_synthetic_site(const SyntheticSpec& spec) {
    std::mt19937_64 rng(spec.seed);
    std::uniform_real_distribution<double> u(0, 1);
    auto uni = [&](double a, double b) { return a + (b - a) * u(rng); };
    constexpr double kPi = std::numbers::pi;

    SyntheticSite site;
    site.side = spec.camera_spacing * std::sqrt(static_cast<double>(spec.cameras));
    const double r = spec.range;
    const double mean_length = 3.5;
    const double density = spec.walls_in_range / (kPi * r * r + 2 * r * mean_length);
    const double lo = -r, hi = site.side + r;
    const auto walls = static_cast<std::size_t>(density * (hi - lo) * (hi - lo));
    site.walls.reserve(walls);
    for (std::size_t i = 0; i < walls; ++i) {
        Wall w;
        const Point a{uni(lo, hi), uni(lo, hi)};
        if (u(rng) < 0.05) {
            const double s = uni(1, 3);
            w.is_polygon = true;
            w.polygon.shell = {a, {a.x + s, a.y}, {a.x + s, a.y + s}, {a.x, a.y + s}};
        } else {
            const double t = uni(0, 2 * kPi), len = uni(1, 6);
            w.line = {a, {a.x + len * std::cos(t), a.y + len * std::sin(t)}};
        }
        site.walls.push_back(std::move(w));
    }
    site.cameras.reserve(spec.cameras);
    for (int i = 0; i < spec.cameras; ++i) {
        Camera c;
        c.position = {uni(0, site.side), uni(0, site.side)};
        c.range = r;
        const double kind = u(rng);
        if (kind < 0.70) {
            c.azimuth = uni(0, 360);
            c.hfov = uni(60, 120);
        } else if (kind < 0.85) {
            c.hfov = 360;
        } else {
            c.hfov = uni(40, 90);
            c.ptz = Ptz{false, uni(0, 360), uni(0, 360)};
        }
        if (u(rng) < 0.10 && !site.walls.empty()) {  // mounted on a wall
            const Wall& w = site.walls[static_cast<std::size_t>(uni(0, 1) * (walls - 1))];
            if (!w.is_polygon) {
                const double t = u(rng);
                c.position = {w.line[0].x + t * (w.line[1].x - w.line[0].x),
                              w.line[0].y + t * (w.line[1].y - w.line[0].y)};
            }
        }
        site.cameras.push_back(std::move(c));
    }
    std::mt19937_64 heights(spec.seed ^ 0x68656967687473ULL);  // "heights"
    std::uniform_real_distribution<double> hu(0, 1);
    for (Camera& c : site.cameras) c.height = 2.6 + 3.4 * hu(heights);
    for (Wall& w : site.walls) {
        const double pick = hu(heights), h = 1.8 + 0.7 * hu(heights);
        if (pick < spec.partial_fraction) w.height = h;
    }
    return site;
}

}  // namespace camaudit::bench
