// mandatory-coverage: a zone that must be watched (its kind is mandatory in the active packs,
// or it is marked key_part) is covered less than min_fraction by the cameras on its floor.
//
// A rule with `key_part_only` watches zones marked key_part only, so that a national rule does
// not claim kinds that only a regional pack makes mandatory.
#include <fmt/format.h>

#include "audit/checks/checks.hpp"
#include "audit/coverage.hpp"

namespace camaudit::audit {

namespace {

bool must_be_watched(const AuditContext& ctx, const RuleRun& run, std::size_t z) {
    const Zone& zone = ctx.site().zones[z];
    if (!run.rule->applies_to_kind(zone.kind)) return false;
    if (zone.key_part) return true;
    return !run.rule->key_part_only && ctx.zone_category(z) == KindCategory::Mandatory;
}

}  // namespace

void check_mandatory_coverage(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const double required = run.param("min_fraction");
    const auto min_px = run.optional_param("min_px_per_m");
    for (std::size_t z = 0; z < site.zones.size(); ++z) {
        if (!must_be_watched(ctx, run, z)) continue;
        ZoneCoverage cov = zone_coverage(ctx, z, min_px);
        if (cov.covered_fraction + 1e-9 >= required) continue;
        RawFinding f;
        f.zone = z;
        std::string density_en, density_zh;
        if (min_px) {
            density_en = fmt::format(" at {} px/m or more", detail::num(*min_px));
            density_zh = fmt::format("（像素密度不低于 {} 像素/米）", detail::num(*min_px));
        }
        f.message_en = fmt::format("{} is covered {}{}, less than the required {}",
                                   zone_label_en(ctx, z), detail::percent(cov.covered_fraction),
                                   density_en, detail::percent(required));
        f.message_zh = fmt::format("{}的覆盖率为 {}{}，低于要求的 {}", zone_label_zh(ctx, z),
                                   detail::percent(cov.covered_fraction), density_zh,
                                   detail::percent(required));
        f.metrics = {{"covered_fraction", cov.covered_fraction}, {"required_fraction", required}};
        f.area_working = detail::polygons(cov.uncovered.get());
        sink.add(run, std::move(f));
    }
}

}  // namespace camaudit::audit
