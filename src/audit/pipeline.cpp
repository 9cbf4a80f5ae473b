#include "audit/pipeline.hpp"

#include "audit/context.hpp"
#include "audit/plan.hpp"
#include "audit/validate_site.hpp"
#include "io/site_reader.hpp"
#include "util/parallel.hpp"

namespace camaudit::audit {

std::optional<LoadedSite> prepare_site_for_audit(Site site, const std::vector<std::string>& packs,
                                                 Diagnostics& diag) {
    auto rules = load_rule_set(site.info.region, packs, diag);
    if (!rules) return std::nullopt;
    validate_kinds(site, *rules, diag);
    validate_consent(site, *rules, diag);
    auto projection = geo::Projection::for_site(site, diag);
    if (!projection || diag.has_errors()) return std::nullopt;
    auto working = geo::to_working(site, *projection, diag);
    if (!working || diag.has_errors()) return std::nullopt;
    return LoadedSite{std::move(site), std::move(*working), std::move(*projection),
                      std::make_shared<const RuleSet>(std::move(*rules))};
}

std::optional<LoadedSite> load_site_for_audit(const std::string& path,
                                              const std::vector<std::string>& packs,
                                              Diagnostics& diag) {
    auto site = io::load_site(path, diag);
    if (!site) return std::nullopt;
    return prepare_site_for_audit(std::move(*site), packs, diag);
}

void describe_site(const LoadedSite& loaded, const AuditContext& ctx, SiteResult& out) {
    const auto& info = loaded.site.info;
    out.file = loaded.site.file;
    out.id = info.id;
    out.name = info.name;
    out.cameras = loaded.site.cameras.size();
    out.zones = loaded.site.zones.size();
    out.rules = loaded.rules;
    out.crs = info.crs;
    out.region = info.region;
    out.address = info.address;
    out.working_crs = loaded.projection.working_crs();
    out.regime = ctx.regime();
    out.regime_declared = info.regime;
}

SiteResult audit_site(const LoadedSite& loaded, const AuditOptions& options, Diagnostics& diag) {
    AuditContext ctx(loaded.site, loaded.working, loaded.projection, *loaded.rules,
                     options.threads);
    auto runs = resolve_rules(loaded.site, ctx.regime(), *loaded.rules, options, diag);
    SiteResult result;
    describe_site(loaded, ctx, result);
    if (diag.has_errors()) return result;
    result.findings = run_audit(ctx, runs);
    if (options.draw_plan) {
        const auto lang = options.plan_zh ? Lang::Zh : Lang::En;
        result.plan = std::make_shared<const Plan>(build_plan(ctx, result.findings, lang, false));
    }
    for (std::size_t c : ctx.cameras_in_no_zone())
        result.cameras_in_no_zone.push_back(loaded.site.cameras[c].id);
    return result;
}

std::vector<LoadedSite> load_sites_for_audit(const std::vector<std::string>& paths,
                                             const std::vector<std::string>& packs,
                                             unsigned threads, Diagnostics& diag) {
    std::vector<std::optional<LoadedSite>> loaded(paths.size());
    std::vector<Diagnostics> diags(paths.size());
    util::parallel_for(paths.size(), threads, [&](std::size_t i) {
        loaded[i] = load_site_for_audit(paths[i], packs, diags[i]);
    });
    std::vector<LoadedSite> out;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        diag.merge(diags[i]);
        if (loaded[i]) out.push_back(std::move(*loaded[i]));
    }
    if (diag.has_errors()) out.clear();
    return out;
}

std::vector<SiteResult> audit_sites(const std::vector<LoadedSite>& sites,
                                    const AuditOptions& options, Diagnostics& diag,
                                    const SiteDone& done) {
    std::vector<SiteResult> results(sites.size());
    std::vector<Diagnostics> diags(sites.size());
    AuditOptions per_site = options;
    unsigned across = 1;
    if (sites.size() > 1) {
        per_site.threads = 1;
        across = options.threads;
    }
    util::parallel_for(sites.size(), across, [&](std::size_t i) {
        results[i] = audit_site(sites[i], per_site, diags[i]);
        if (done) done(sites[i].site.file);
    });
    for (const auto& d : diags) diag.merge(d);
    return results;
}

}  // namespace camaudit::audit
