// proximity-consent: a camera near a classified zone (plan distance, walls ignored, all floors)
// or whose viewshed reaches it, without that unit's written consent (条例 10) in the camera's
// `consent` or the site's (site.consent, an extension: one letter for the whole site).
#include <fmt/format.h>

#include <algorithm>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kDistance{"distance_m", 100.0,
                          "plan distance from a classified zone within which consent is needed (m)",
                          "距涉密区域在此平面距离内须取得同意（米）"};
constexpr const ParamSpec* kParams[] = {&kDistance};

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const double limit = run.get(kDistance);
    // The zones of the rule's kinds, once: the square searched around each camera is large
    // (distance_m), and most sites have no classified zone at all.
    const std::vector<char> of_kind = detail::zones_matching(site, run);
    if (of_kind.empty()) return;
    const auto index = ctx.zone_index(of_kind);
    // The cameras in parallel, the findings in camera order.
    auto found = ctx.map_parallel<RawFinding>(
        site.cameras.size(), [&](std::size_t c, std::vector<RawFinding>& out) {
            const Camera& cam = ctx.working().cameras[c];
            const auto& vs = ctx.viewshed(c);
            auto eye = geo::make_point(vs.eye);
            for (std::size_t z : ctx.zones_near(*index, vs.eye, std::max(limit, cam.range))) {
                const Zone& zone = site.zones[z];
                if (!of_kind[z]) continue;
                // The camera's own consent, or the site's (site.consent: once for the site).
                const auto& consent = site.cameras[c].consent;
                if (std::find(consent.begin(), consent.end(), zone.id) != consent.end()) continue;
                const auto& all = site.info.consent;
                if (std::find(all.begin(), all.end(), zone.id) != all.end()) continue;
                double d = geo::distance(eye.get(), ctx.zone_geometry(z));
                const geo::Geometry* part = ctx.overlap(c, z);
                bool sees = !geo::is_empty(part) && geo::area(part) > 0;
                if (d > limit && !sees) continue;
                RawFinding f;
                f.camera = c;
                f.zone = z;
                if (sees) {
                    f.message_en =
                        fmt::format("camera {} sees the {} and has no consent from its unit",
                                    quote_id(cam.id), zone_label_en(ctx, z));
                    f.message_zh = fmt::format("摄像机{}可拍摄到{}，未取得该涉密单位的同意",
                                               quote_id(cam.id), zone_label_zh(ctx, z));
                    f.area_working = detail::polygons(part);
                } else {
                    f.message_en = fmt::format(
                        "camera {} is {} m from the {} and has no consent from its unit",
                        quote_id(cam.id), detail::num(d), zone_label_en(ctx, z));
                    f.message_zh =
                        fmt::format("摄像机{}与{}相距 {} 米，未取得该涉密单位的同意",
                                    quote_id(cam.id), zone_label_zh(ctx, z), detail::num(d));
                }
                f.metrics = {{"distance_m", d}};
                out.push_back(std::move(f));
            }
        });
    for (auto& fs : found)
        for (auto& f : fs) sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kProximityConsent{
    .name = "proximity-consent",
    .default_severity = Severity::Error,
    .needs_kinds = true,
    .params = kParams,
    .summary_en = "a camera near or seeing a classified zone lacks that unit's consent",
    .summary_zh = "摄像机位于涉密单位周边或能拍摄到涉密区域，但未取得其同意",
    .run = check,
};

}  // namespace camaudit::audit
