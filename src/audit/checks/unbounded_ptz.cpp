// unbounded-ptz: a PTZ camera without pan limits has a forbidden zone within its range (plan
// distance, walls ignored): nothing but the operator's discipline keeps it from turning there
// (条例 13: 合理确定图像采集设备的安装位置、角度和采集范围).
//
// With `every_camera` (安徽 14 "固定视频图像采集的范围": the Anhui rule), every such camera is
// found, a forbidden zone in range or not. While any active rule has it, every rule of this
// check reports one finding per camera, its zone the nearest forbidden zone on the camera's
// floor within range (the zones' geometry buffered as forbidden-view's defaults; ties by id),
// so that the rules' findings merge into exactly one (spec, "Revision 2: the precise rules" 5).
#include <fmt/format.h>

#include <optional>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kEveryCamera{"every_camera", 0.0,
                             "1: every PTZ camera without pan limits is found, one finding per "
                             "camera at its nearest forbidden zone (安徽 14)",
                             "1：每台无限位云台摄像机均报告，每台一条，区域为最近的禁止拍摄区域"
                             "（安徽办法第十四条）",
                             1.0};
constexpr const ParamSpec* kParams[] = {&kEveryCamera};

// Whether an active rule of this check asks for every camera (its pack default: the packs'
// rules, not a site's setting, decide the mode for all of them).
bool one_per_camera(const AuditContext& ctx) {
    for (const Rule* r : ctx.rules().rules()) {
        if (r->check != "unbounded-ptz") continue;
        auto it = r->params.find("every_camera");
        if (it != r->params.end() && it->second != 0) return true;
    }
    return false;
}

struct Near {
    std::size_t zone;
    double distance;
};

// The forbidden zones (for the rule) on the camera's floor within its range, by zone index.
std::vector<Near> forbidden_in_range(const AuditContext& ctx, const RuleRun& run, std::size_t c) {
    const Site& site = ctx.site();
    const Camera& cam = ctx.working().cameras[c];
    const Point eye_at = ctx.viewshed(c).eye;
    auto eye = geo::make_point(eye_at);
    std::vector<Near> out;
    for (std::size_t z : ctx.zones_near(eye_at, cam.range)) {
        const Zone& zone = site.zones[z];
        if (zone.floor != cam.floor) continue;
        bool forbidden = run.rule->kinds.empty() ? ctx.zone_category(z) == KindCategory::Forbidden
                                                 : run.rule->applies_to_kind(zone.kind);
        if (!forbidden) continue;
        double d = geo::distance(eye.get(), ctx.zone_geometry(z));
        if (d <= cam.range) out.push_back({z, d});
    }
    return out;
}

// The nearest, ties by id.
std::optional<Near> nearest(const AuditContext& ctx, const std::vector<Near>& zones) {
    std::optional<Near> best;
    for (const Near& n : zones)
        if (!best || n.distance < best->distance ||
            (n.distance == best->distance &&
             ctx.site().zones[n.zone].id < ctx.site().zones[best->zone].id))
            best = n;
    return best;
}

RawFinding finding(const AuditContext& ctx, std::size_t c, std::optional<Near> near) {
    const Camera& cam = ctx.working().cameras[c];
    RawFinding f;
    f.camera = c;
    if (!near) {
        f.message_en = fmt::format(
            "PTZ camera {} has no pan limits: its capture range is not fixed", quote_id(cam.id));
        f.message_zh = fmt::format("云台摄像机{}未设置水平转动限位，视频图像采集的范围未固定",
                                   quote_id(cam.id));
        return f;
    }
    const std::size_t z = near->zone;
    f.zone = z;
    f.message_en = fmt::format(
        "PTZ camera {} has no pan limits and the {} is {} m away, within its {} m range",
        quote_id(cam.id), zone_label_en(ctx, z), detail::num(near->distance),
        detail::num(cam.range));
    f.message_zh =
        fmt::format("云台摄像机{}未设置水平转动限位，{}与其相距 {} 米，在其 {} 米的拍摄范围内",
                    quote_id(cam.id), zone_label_zh(ctx, z), detail::num(near->distance),
                    detail::num(cam.range));
    f.metrics = {{"distance_m", near->distance}};
    return f;
}

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const bool every = run.get(kEveryCamera) != 0;
    const bool one = every || one_per_camera(ctx);
    // The cameras in parallel, the findings in camera order.
    auto found = ctx.map_parallel<RawFinding>(
        site.cameras.size(), [&](std::size_t c, std::vector<RawFinding>& out) {
            const Camera& cam = ctx.working().cameras[c];
            if (!cam.ptz || !cam.ptz->unlimited) return;
            const auto zones = forbidden_in_range(ctx, run, c);
            if (one) {
                auto near = nearest(ctx, zones);
                if (near || every) out.push_back(finding(ctx, c, near));
                return;
            }
            for (const Near& n : zones) out.push_back(finding(ctx, c, n));
        });
    for (auto& fs : found)
        for (auto& f : fs) sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kUnboundedPtz{
    .name = "unbounded-ptz",
    .default_severity = Severity::Warning,
    .needs_kinds = false,
    .params = kParams,
    .summary_en =
        "a PTZ camera without pan limits has a forbidden zone within its range (in "
        "Anhui: any such camera)",
    .summary_zh = "无限位云台摄像机的拍摄范围内有禁止拍摄的区域（安徽：任何无限位云台摄像机）",
    .run = check,
};

}  // namespace camaudit::audit
