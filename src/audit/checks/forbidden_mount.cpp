// forbidden-mount: a camera is in a zone whose kind forbids cameras (条例 8, 安徽 8).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const std::vector<char> of_kind = detail::zones_matching(site, run);
    if (of_kind.empty()) return;
    for (std::size_t c = 0; c < site.cameras.size(); ++c) {
        for (std::size_t z : ctx.zones_of_camera(c)) {
            if (!of_kind[z]) continue;
            RawFinding f;
            f.camera = c;
            f.zone = z;
            f.message_en = fmt::format("camera {} is installed inside the {}",
                                       quote_id(site.cameras[c].id), zone_label_en(ctx, z));
            f.message_zh = fmt::format("摄像机{}安装在{}内", quote_id(site.cameras[c].id),
                                       zone_label_zh(ctx, z));
            f.area_working = detail::polygons(ctx.zone_geometry(z));
            sink.add(run, std::move(f));
        }
    }
}

}  // namespace

extern constexpr CheckDef kForbiddenMount{
    .name = "forbidden-mount",
    .default_severity = Severity::Error,
    .needs_kinds = true,
    .params = {},
    .summary_en = "a camera is installed inside a zone whose kind forbids cameras",
    .summary_zh = "摄像机安装在禁止安装的区域内",
    .run = check,
};

}  // namespace camaudit::audit
