// mandatory-coverage: a zone that must be watched (its kind is mandatory in the active packs,
// or it is marked key_part) is covered less than min_fraction by the cameras on its floor.
//
// A rule with `key_part_only` watches zones marked key_part only, so that a national rule does
// not claim kinds that only a regional pack makes mandatory.
//
// Coverage duties attach to the unit that runs the place (条例 7 ¶2, 安徽 9 ¶2): a zone is
// watched only when its owner (default: the operator) is the operator or a party with
// `responsible: true`; another party's zone (a street drawn outside a kindergarten, owned by
// the residents' committee) is never required of this operator (spec, precise rule 12).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"
#include "audit/coverage.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kMinFraction{"min_fraction", 0.8,
                             "fraction of the zone that the cameras on its floor must see",
                             "区域须被其楼层摄像机覆盖的最小比例", /*max=*/1.0};
constexpr OptionalParam kMinPxPerM{
    "min_px_per_m", "only ground seen at this pixel density counts (px/m); off unless set",
    "仅计入像素密度不低于此值的覆盖（像素/米）；默认不启用"};
constexpr const ParamSpec* kParams[] = {&kMinFraction, &kMinPxPerM};

// `of_kind`: detail::zones_matching for the rule.
bool must_be_watched(const AuditContext& ctx, const RuleRun& run, const std::vector<char>& of_kind,
                     std::size_t z) {
    const Site& site = ctx.site();
    const Zone& zone = site.zones[z];
    if (!of_kind[z]) return false;
    const std::string& owner = site.owner_of(zone.owner);
    const Party* party = site.party(owner);
    if (owner != site.operator_.id && !(party && party->responsible)) return false;
    if (zone.key_part) return true;
    return !run.rule->key_part_only && ctx.zone_category(z) == KindCategory::Mandatory;
}

// Whether one camera alone sees at least `required` of the zone. Most watched zones are so
// covered, and then the zone passes whatever the union of all the cameras' parts: a union
// covers at least its largest part (GEOS's rounding, some 1e-15 of the area, is far inside
// the check's 1e-9 tolerance). The union and the uncovered rest, most of this check's time,
// are then skipped. Not with a pixel-density cut, whose parts are other geometries.
bool one_camera_covers(const AuditContext& ctx, std::size_t z, double required) {
    const Zone& zone = ctx.working().zones[z];
    const double area = ctx.zone_area(z);
    if (!(area > 0)) return false;
    for (std::size_t c : ctx.cameras_seeing(ctx.zone_geometry(z))) {
        if (ctx.working().cameras[c].floor != zone.floor) continue;
        if (ctx.overlap_area_above(c, z, required * area, /*or_equal=*/true)) return true;
    }
    return false;
}

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const double required = run.get(kMinFraction);
    const auto min_px = run.get(kMinPxPerM);
    const std::vector<char> of_kind = detail::zones_matching(site, run);
    if (of_kind.empty()) return;
    // The zones in parallel (each a union of overlaps), the findings in zone order.
    auto found = ctx.map_parallel<RawFinding>(site.zones.size(), [&](std::size_t z,
                                                                     std::vector<RawFinding>& out) {
        if (!must_be_watched(ctx, run, of_kind, z)) return;
        if (!min_px && one_camera_covers(ctx, z, required)) return;
        ZoneCoverage cov = zone_coverage(ctx, z, min_px);
        if (cov.covered_fraction + 1e-9 >= required) return;
        RawFinding f;
        f.zone = z;
        std::string density_en, density_zh;
        if (min_px) {
            density_en = fmt::format(" at {} px/m or more", detail::num(*min_px));
            density_zh = fmt::format("（像素密度不低于 {} 像素/米）", detail::num(*min_px));
        }
        f.message_en = fmt::format("the {} is covered {}{}, less than the required {}",
                                   zone_label_en(ctx, z), detail::percent(cov.covered_fraction),
                                   density_en, detail::percent(required));
        f.message_zh = fmt::format("{}的覆盖率为 {}{}，低于要求的 {}", zone_label_zh(ctx, z),
                                   detail::percent(cov.covered_fraction), density_zh,
                                   detail::percent(required));
        f.metrics = {{"covered_fraction", cov.covered_fraction}, {"required_fraction", required}};
        f.area_working = detail::polygons(cov.uncovered.get());
        out.push_back(std::move(f));
    });
    for (auto& fs : found)
        for (auto& f : fs) sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kMandatoryCoverage{
    .name = "mandatory-coverage",
    .default_severity = Severity::Error,
    .needs_kinds = true,
    .params = kParams,
    .summary_en = "a zone that must be watched is not covered enough",
    .summary_zh = "应当安装的重点部位覆盖不足",
    .run = check,
};

}  // namespace camaudit::audit
