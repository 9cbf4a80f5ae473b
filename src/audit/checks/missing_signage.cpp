// missing-signage: a camera in a public zone without a visible notice (条例 13, 安徽 14).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    for (std::size_t c = 0; c < site.cameras.size(); ++c) {
        const Camera& cam = site.cameras[c];
        if (cam.signage) continue;
        for (std::size_t z : ctx.zones_of_camera(c)) {
            if (!ctx.zone_is_public(z) || !detail::rule_matches(run, site.zones[z])) continue;
            RawFinding f;
            f.camera = c;
            f.zone = z;
            f.message_en =
                fmt::format("camera {} in the {} (a public zone) has no visible notice (signage)",
                            quote_id(cam.id), zone_label_en(ctx, z));
            f.message_zh = fmt::format("摄像机{}位于{}（公共区域）内，未设置显著的提示标识",
                                       quote_id(cam.id), zone_label_zh(ctx, z));
            sink.add(run, std::move(f));
        }
    }
}

}  // namespace

extern constexpr CheckDef kMissingSignage{
    .name = "missing-signage",
    .default_severity = Severity::Error,
    .needs_kinds = false,
    .params = {},
    .summary_en = "a camera in a public zone has no visible notice",
    .summary_zh = "公共区域的摄像机未设置显著提示标识",
    .run = check,
};

}  // namespace camaudit::audit
