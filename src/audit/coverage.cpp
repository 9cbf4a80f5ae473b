#include "audit/coverage.hpp"

#include "geo/pixel_density.hpp"

namespace camaudit::audit {

ZoneCoverage zone_coverage(const AuditContext& ctx, std::size_t zone,
                           std::optional<double> min_px_per_m) {
    const Zone& z = ctx.working().zones[zone];
    const geo::Geometry* area = ctx.zone_geometry(zone);
    ZoneCoverage out;
    out.area_m2 = geo::area(area);

    std::vector<geo::Geom> seen;
    for (std::size_t c : ctx.cameras_seeing(area)) {
        const Camera& cam = ctx.working().cameras[c];
        if (cam.floor != z.floor) continue;
        const geo::Geometry* part = ctx.overlap(c, zone);
        if (geo::is_empty(part) || geo::area(part) <= 0) continue;  // touching is not seeing
        out.cameras.push_back(c);
        const auto& vs = ctx.viewshed(c);
        if (cam.resolution) {
            // The nearest seen point of the zone has the camera's best density on it.
            auto eye = geo::make_point(vs.eye);
            double d = std::max(geo::distance(eye.get(), part), 1e-3);
            double px = geo::px_per_m((*cam.resolution)[0], cam.hfov, d);
            if (!out.best_px_per_m || px > *out.best_px_per_m) out.best_px_per_m = px;
        }
        if (!min_px_per_m) {
            seen.push_back(geo::clone(part));
        } else if (cam.resolution) {
            auto sharp = geo::cut_at_density(cam, vs, *min_px_per_m);
            seen.push_back(geo::intersection(sharp.get(), area));
        }
    }
    auto covered = geo::union_all(std::move(seen));
    out.covered_m2 = geo::area(covered.get());
    out.covered_fraction = out.area_m2 > 0 ? std::min(1.0, out.covered_m2 / out.area_m2) : 1.0;
    out.uncovered = geo::difference(area, covered.get());
    return out;
}

}  // namespace camaudit::audit
