// forbidden-view: the viewshed of a camera outside a forbidden zone overlaps it (条例 8,
// 安徽 8). The camera's own zone is forbidden-mount's business.
#include <fmt/format.h>

#include <algorithm>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kMinOverlap{
    "min_overlap_m2", 0.01,
    "overlap of the viewshed with the zone above which it is a finding (m²)",
    "视域与区域重叠面积超过此值即报告（平方米）"};
constexpr Param kBuffer{
    "buffer_m", 2.0,
    "radius or half-width given to point and line zones without their own size (m)",
    "未给出尺寸的点、线区域的缓冲距离（米）"};
constexpr const ParamSpec* kParams[] = {&kMinOverlap, &kBuffer};

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const double min_overlap = run.get(kMinOverlap);
    const double buffer = run.get(kBuffer);
    // With a threshold of zero or more, a zone whose box misses the viewshed's box (an overlap
    // of no area) is never reported: the zones are then looked up around the viewshed, a much
    // smaller square than the range's. A zone's box in the index is that of its geometry with
    // the default buffer, which holds the rule's own for buffer_m up to the default.
    const bool around_view = min_overlap >= 0 && buffer <= kDefaultZoneBuffer;
    // The zones of the rule's kinds, once rather than for every camera near them.
    const std::vector<char> of_kind = detail::zones_matching(site, run);
    if (of_kind.empty()) return;
    const auto index = ctx.zone_index(of_kind);
    // The cameras in parallel (the overlaps are most of an audit's time), the findings in
    // camera order.
    auto found = ctx.map_parallel<RawFinding>(
        site.cameras.size(), [&](std::size_t c, std::vector<RawFinding>& out) {
            const Camera& cam = ctx.working().cameras[c];
            const auto& vs = ctx.viewshed(c);
            if (geo::is_empty(vs.area.get())) return;
            auto eye = geo::make_point(vs.eye);
            std::vector<std::size_t> near;
            if (around_view) {
                const geo::Envelope e = geo::envelope(vs.area.get());
                near = ctx.zones_near(*index, {(e.minx + e.maxx) / 2, (e.miny + e.maxy) / 2},
                                      std::max(e.maxx - e.minx, e.maxy - e.miny) / 2);
            } else {
                near = ctx.zones_near(*index, vs.eye, cam.range + buffer);
            }
            for (std::size_t z : near) {
                const Zone& zone = site.zones[z];
                if (zone.floor != cam.floor || !of_kind[z]) continue;
                const geo::Geometry* area = ctx.zone_geometry(z, buffer);
                if (geo::covers(area, eye.get())) continue;  // in the zone: forbidden-mount
                if (!ctx.overlap_area_above(c, z, min_overlap, false, buffer)) continue;
                const geo::Geometry* part = ctx.overlap(c, z, buffer);
                double overlap = geo::area(part);
                double fraction = overlap / geo::area(area);
                RawFinding f;
                f.camera = c;
                f.zone = z;
                f.message_en = fmt::format("camera {} sees {} m² ({}) of the {}", quote_id(cam.id),
                                           detail::num(overlap), detail::percent(fraction),
                                           zone_label_en(ctx, z));
                f.message_zh = fmt::format("摄像机{}可拍摄到{}内 {} 平方米（{}）", quote_id(cam.id),
                                           zone_label_zh(ctx, z), detail::num(overlap),
                                           detail::percent(fraction));
                f.metrics = {{"overlap_m2", overlap}, {"overlap_fraction", fraction}};
                f.area_working = detail::polygons(part);
                out.push_back(std::move(f));
            }
        });
    for (auto& fs : found)
        for (auto& f : fs) sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kForbiddenView{
    .name = "forbidden-view",
    .default_severity = Severity::Error,
    .needs_kinds = true,
    .params = kParams,
    .summary_en = "a camera outside a forbidden zone sees into it",
    .summary_zh = "摄像机视域进入禁止拍摄的区域",
    .run = check,
};

}  // namespace camaudit::audit
