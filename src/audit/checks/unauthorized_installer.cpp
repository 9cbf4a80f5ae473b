// unauthorized-installer: a camera in a public zone owned by a party that neither bears the
// management or security duty (responsible) nor owns the zone (条例 7 ¶3, 9 ¶1; 安徽 9 ¶3).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    for (std::size_t c = 0; c < site.cameras.size(); ++c) {
        const Camera& cam = site.cameras[c];
        const std::string& owner = site.owner_of(cam.owner);
        const Party* party = site.party(owner);
        if (party && party->responsible) continue;
        for (std::size_t z : ctx.zones_of_camera(c)) {
            const Zone& zone = site.zones[z];
            if (!ctx.zone_is_public(z) || !detail::rule_matches(run, zone)) continue;
            if (site.owner_of(zone.owner) == owner) continue;
            RawFinding f;
            f.camera = c;
            f.zone = z;
            f.message_en = fmt::format(
                "camera {} in the {} (a public zone) is installed by {}, which has no duty for the "
                "place "
                "and does not own the zone",
                quote_id(cam.id), zone_label_en(ctx, z), quote_id(owner));
            f.message_zh = fmt::format(
                "摄像机{}位于{}（公共区域）内，由{}安装；该单位既不负有管理或"
                "安全防范责任，也不是该区域的所有者",
                quote_id(cam.id), zone_label_zh(ctx, z), quote_id(owner));
            sink.add(run, std::move(f));
        }
    }
}

}  // namespace

extern constexpr CheckDef kUnauthorizedInstaller{
    .name = "unauthorized-installer",
    .default_severity = Severity::Error,
    .needs_kinds = false,
    .params = {},
    .summary_en =
        "a camera in a public zone is owned by a party with no duty or right to install it",
    .summary_zh = "公共区域的摄像机由无权安装的单位或个人安装",
    .run = check,
};

}  // namespace camaudit::audit
