// unbounded-ptz: a PTZ camera without pan limits has a forbidden zone within its range (plan
// distance, walls ignored): nothing but the operator's discipline keeps it from turning there
// (条例 13: 合理确定图像采集设备的安装位置、角度和采集范围).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    // The cameras in parallel, the findings in camera order.
    auto found = ctx.map_parallel<RawFinding>(
        site.cameras.size(), [&](std::size_t c, std::vector<RawFinding>& out) {
            const Camera& cam = ctx.working().cameras[c];
            if (!cam.ptz || !cam.ptz->unlimited) return;
            const Point eye_at = ctx.viewshed(c).eye;
            auto eye = geo::make_point(eye_at);
            for (std::size_t z : ctx.zones_near(eye_at, cam.range)) {
                const Zone& zone = site.zones[z];
                if (zone.floor != cam.floor) continue;
                bool forbidden = run.rule->kinds.empty()
                                     ? ctx.zone_category(z) == KindCategory::Forbidden
                                     : run.rule->applies_to_kind(zone.kind);
                if (!forbidden) continue;
                double d = geo::distance(eye.get(), ctx.zone_geometry(z));
                if (d > cam.range) continue;
                RawFinding f;
                f.camera = c;
                f.zone = z;
                f.message_en = fmt::format(
                    "PTZ camera {} has no pan limits and the {} is {} m away, within its {} m "
                    "range",
                    quote_id(cam.id), zone_label_en(ctx, z), detail::num(d),
                    detail::num(cam.range));
                f.message_zh = fmt::format(
                    "云台摄像机{}未设置水平转动限位，{}与其相距 {} 米，在其 {} 米的"
                    "拍摄范围内",
                    quote_id(cam.id), zone_label_zh(ctx, z), detail::num(d),
                    detail::num(cam.range));
                f.metrics = {{"distance_m", d}};
                out.push_back(std::move(f));
            }
        });
    for (auto& fs : found)
        for (auto& f : fs) sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kUnboundedPtz{
    .name = "unbounded-ptz",
    .default_severity = Severity::Warning,
    .needs_kinds = false,
    .params = {},
    .summary_en = "a PTZ camera without pan limits has a forbidden zone within its range",
    .summary_zh = "无限位云台摄像机的拍摄范围内有禁止拍摄的区域",
    .run = check,
};

}  // namespace camaudit::audit
