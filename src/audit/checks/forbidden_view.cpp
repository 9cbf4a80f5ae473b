// forbidden-view: the viewshed of a camera outside a forbidden zone overlaps it (条例 8,
// 安徽 8). The camera's own zone is forbidden-mount's business.
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

void check_forbidden_view(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const double min_overlap = run.param("min_overlap_m2");
    const double buffer = run.param("buffer_m");
    for (std::size_t c = 0; c < site.cameras.size(); ++c) {
        const Camera& cam = ctx.working().cameras[c];
        const auto& vs = ctx.viewshed(c);
        if (geo::is_empty(vs.area.get())) continue;
        auto eye = geo::make_point(vs.eye);
        for (std::size_t z : ctx.zones_near(vs.eye, cam.range + buffer)) {
            const Zone& zone = site.zones[z];
            if (zone.floor != cam.floor || !run.rule->applies_to_kind(zone.kind)) continue;
            const GEOSGeometry* area = ctx.zone_geometry(z, buffer);
            if (geo::covers(area, eye.get())) continue;  // in the zone: forbidden-mount
            const GEOSGeometry* part = ctx.overlap(c, z, buffer);
            double overlap = geo::area(part);
            if (overlap <= min_overlap) continue;
            double fraction = overlap / geo::area(area);
            RawFinding f;
            f.camera = c;
            f.zone = z;
            f.message_en = fmt::format("camera {} sees {} m² ({}) of {}", cam.id,
                                       detail::num(overlap), detail::percent(fraction),
                                       zone_label_en(ctx, z));
            f.message_zh = fmt::format("摄像机 {} 可拍摄到{} {} 平方米（{}）", cam.id,
                                       zone_label_zh(ctx, z), detail::num(overlap),
                                       detail::percent(fraction));
            f.metrics = {{"overlap_m2", overlap}, {"overlap_fraction", fraction}};
            f.area_working = detail::polygons(part);
            sink.add(run, std::move(f));
        }
    }
}

}  // namespace camaudit::audit
