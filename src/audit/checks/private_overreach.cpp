// private-overreach: a camera in a non-public zone sees more than min_overlap_m2 of a
// non-public zone owned by another party than the camera's owner (条例 33).
#include <fmt/format.h>

#include <algorithm>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kMinOverlap{
    "min_overlap_m2", 1.0,
    "overlap with another party's private zone above which it is a finding (m²)",
    "与他人非公共区域重叠面积超过此值即报告（平方米）"};
constexpr const ParamSpec* kParams[] = {&kMinOverlap};

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const double min_overlap = run.get(kMinOverlap);
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
                const geo::Geometry* part = ctx.overlap(c, z);
                double overlap = geo::area(part);
                double fraction = overlap / ctx.zone_area(z);
                RawFinding f;
                f.camera = c;
                f.zone = z;
                const std::string other = quote_id(site.owner_of(zone.owner));
                f.message_en = fmt::format("camera {} of {} sees {} m² ({}) of the {}, owned by {}",
                                           quote_id(cam.id), quote_id(owner), detail::num(overlap),
                                           detail::percent(fraction), zone_label_en(ctx, z), other);
                f.message_zh =
                    fmt::format("{}的摄像机{}可拍摄到{}所有的{}内 {} 平方米（{}）", quote_id(owner),
                                quote_id(cam.id), other, zone_label_zh(ctx, z),
                                detail::num(overlap), detail::percent(fraction));
                f.metrics = {{"overlap_m2", overlap}, {"overlap_fraction", fraction}};
                f.area_working = detail::polygons(part);
                out.push_back(std::move(f));
            }
        });
    for (auto& fs : found)
        for (auto& f : fs) sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kPrivateOverreach{
    .name = "private-overreach",
    .default_severity = Severity::Warning,
    .needs_kinds = false,
    .params = kParams,
    .summary_en = "a camera in a private zone sees another party's private zone",
    .summary_zh = "非公共场所的摄像机拍摄他人非公共区域",
    .run = check,
};

}  // namespace camaudit::audit
