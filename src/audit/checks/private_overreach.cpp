// private-overreach: a camera in a non-public zone sees more than min_overlap_m2 of a
// non-public zone owned by another party than the camera's owner (条例 33).
#include <fmt/format.h>

#include <algorithm>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

void check_private_overreach(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const double min_overlap = run.param("min_overlap_m2");
    // The cameras in parallel, the findings in camera order.
    auto found = ctx.map_parallel<RawFinding>(
        site.cameras.size(), [&](std::size_t c, std::vector<RawFinding>& out) {
            const auto& own_zones = ctx.zones_of_camera(c);
            bool in_private = std::any_of(own_zones.begin(), own_zones.end(),
                                          [&](std::size_t z) { return !ctx.zone_is_public(z); });
            if (!in_private) return;
            const Camera& cam = ctx.working().cameras[c];
            const std::string& owner = site.owner_of(cam.owner);
            for (std::size_t z : ctx.zones_near(ctx.viewshed(c).eye, cam.range)) {
                const Zone& zone = site.zones[z];
                if (zone.floor != cam.floor || ctx.zone_is_public(z)) continue;
                if (!detail::rule_matches(run, zone) || site.owner_of(zone.owner) == owner)
                    continue;
                if (std::find(own_zones.begin(), own_zones.end(), z) != own_zones.end()) continue;
                if (!ctx.overlap_area_above(c, z, min_overlap)) continue;
                const GEOSGeometry* part = ctx.overlap(c, z);
                double overlap = geo::area(part);
                double fraction = overlap / ctx.zone_area(z);
                RawFinding f;
                f.camera = c;
                f.zone = z;
                f.message_en =
                    fmt::format("camera {} of {} sees {} m² ({}) of {}, owned by {}", cam.id, owner,
                                detail::num(overlap), detail::percent(fraction),
                                zone_label_en(ctx, z), site.owner_of(zone.owner));
                f.message_zh =
                    fmt::format("{} 的摄像机 {} 可拍摄到 {} 所有的{} {} 平方米（{}）", owner,
                                cam.id, site.owner_of(zone.owner), zone_label_zh(ctx, z),
                                detail::num(overlap), detail::percent(fraction));
                f.metrics = {{"overlap_m2", overlap}, {"overlap_fraction", fraction}};
                f.area_working = detail::polygons(part);
                out.push_back(std::move(f));
            }
        });
    for (auto& fs : found)
        for (auto& f : fs) sink.add(run, std::move(f));
}

}  // namespace camaudit::audit
