// unauthorized-installer: a camera in a public zone owned by a party that neither bears the
// management or security duty (responsible) nor owns the zone (条例 7 ¶3, 9 ¶1; 安徽 9 ¶3);
// and a camera in a government-built place (`builder: government`: 条例 7 ¶1, 安徽 9 ¶1) owned
// by a party whose type is not `government`, whatever its `responsible` or the zone's owner
// says: only the government builds there (条例 7 ¶3).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

void government_place(const AuditContext& ctx, std::size_t c, std::size_t z,
                      const std::string& owner, RawFinding& f) {
    const Camera& cam = ctx.site().cameras[c];
    f.message_en = fmt::format(
        "camera {} in the {} is owned by {}, which is not a government body: the government "
        "builds the system of this place",
        quote_id(cam.id), zone_label_en(ctx, z), quote_id(owner));
    f.message_zh =
        fmt::format("摄像机{}位于{}内，其所有者{}不是政府部门；该场所的系统由政府组织建设",
                    quote_id(cam.id), zone_label_zh(ctx, z), quote_id(owner));
}

void no_duty(const AuditContext& ctx, std::size_t c, std::size_t z, const std::string& owner,
             RawFinding& f) {
    const Camera& cam = ctx.site().cameras[c];
    f.message_en = fmt::format(
        "camera {} in the {} (a public zone) is installed by {}, which has no duty for the "
        "place and does not own the zone",
        quote_id(cam.id), zone_label_en(ctx, z), quote_id(owner));
    f.message_zh = fmt::format(
        "摄像机{}位于{}（公共区域）内，由{}安装；该单位既不负有管理或"
        "安全防范责任，也不是该区域的所有者",
        quote_id(cam.id), zone_label_zh(ctx, z), quote_id(owner));
}

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    for (std::size_t c = 0; c < site.cameras.size(); ++c) {
        const std::string& owner = site.owner_of(site.cameras[c].owner);
        const Party* party = site.party(owner);
        const bool government = party && party->type == "government";
        const bool responsible = party && party->responsible;
        for (std::size_t z : ctx.zones_of_camera(c)) {
            const Zone& zone = site.zones[z];
            if (!ctx.zone_is_public(z) || !detail::rule_matches(run, zone)) continue;
            const KindDef* kind = ctx.zone_kind(z);
            RawFinding f;
            if (kind && kind->government_built) {
                if (government) continue;
                government_place(ctx, c, z, owner, f);
            } else {
                if (responsible || site.owner_of(zone.owner) == owner) continue;
                no_duty(ctx, c, z, owner, f);
            }
            f.camera = c;
            f.zone = z;
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
        "a camera in a public zone is owned by a party with no duty or right to install "
        "it, or a non-government camera in a government-built place",
    .summary_zh = "公共区域的摄像机由无权安装的单位或个人安装，或政府建设的场所内有非政府的摄像机",
    .run = check,
};

}  // namespace camaudit::audit
