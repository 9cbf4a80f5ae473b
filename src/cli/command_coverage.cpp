// camaudit coverage SITE...: per camera its viewshed; per zone its covered fraction, the
// cameras that see it and the best pixel density reached.
#include <fmt/format.h>

#include "audit/context.hpp"
#include "audit/coverage.hpp"
#include "audit/pipeline.hpp"
#include "audit/plan.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "geo/pixel_density.hpp"
#include "report/coverage_report.hpp"
#include "report/html_report.hpp"

namespace camaudit::cli {

namespace {

// With `summary` (the HTML report), also the site's summary and its plan (viewsheds and
// pixel-density levels, no findings) in `lang`.
report::SiteCoverage measure(const audit::LoadedSite& loaded, unsigned threads,
                             audit::SiteResult* summary, Lang lang) {
    audit::AuditContext ctx(loaded.site, loaded.working, loaded.projection, *loaded.rules, threads);
    if (summary) {
        audit::describe_site(loaded, ctx, *summary);
        auto plan = audit::build_plan(ctx, {}, lang, true);
        plan.audited = false;
        summary->plan = std::make_shared<const audit::Plan>(std::move(plan));
    }
    const Site& site = loaded.site;
    report::SiteCoverage out{site.file, site.info.id, {}, {}};
    for (std::size_t c = 0; c < site.cameras.size(); ++c) {
        const auto& vs = ctx.viewshed(c);
        out.cameras.push_back({site.cameras[c].id, site.cameras[c].floor, vs.area_m2,
                               vs.eye_in_solid, geo::blind_radius(loaded.working.cameras[c])});
    }
    for (std::size_t z = 0; z < site.zones.size(); ++z) {
        auto cov = audit::zone_coverage(ctx, z);
        report::ZoneCoverageRow row{site.zones[z].id,
                                    site.zones[z].kind,
                                    site.zones[z].floor,
                                    cov.area_m2,
                                    cov.covered_m2,
                                    cov.covered_fraction,
                                    {},
                                    cov.best_px_per_m,
                                    {}};
        for (std::size_t c : cov.cameras) row.cameras.push_back(site.cameras[c].id);
        if (cov.best_px_per_m)
            for (const auto& level : geo::iec62676_2014_levels())
                if (*cov.best_px_per_m >= level.px_per_m) row.best_level = level.name;
        out.zones.push_back(std::move(row));
    }
    return out;
}

class CoverageCommand : public Command {
  public:
    std::string name() const override { return "coverage"; }
    std::string summary() const override {
        return "Per camera its viewshed; per zone its covered fraction, cameras and best px/m";
    }
    void setup(CLI::App& app) override {
        app.add_option("sites", sites_, "site files")->required();
        app.add_option("--format", format_, "output format")
            ->check(CLI::IsMember({"text", "json", "html"}))
            ->default_val("text");
        add_output_option(app, output_);
        add_rules_option(app, packs_);
        add_lang_option(app, lang_);
        add_threads_option(app, threads_);
    }
    int run() override {
        Diagnostics diag;
        auto loaded = audit::load_sites_for_audit(sites_, packs_, threads_, diag);
        if (print_diagnostics(diag)) return kInputError;
        auto lang = choose_lang(lang_, loaded.empty() ? "" : loaded.front().site.info.region);
        const bool html = format_ == "html";
        report::CoverageReport report;
        std::vector<audit::SiteResult> summaries(html ? loaded.size() : 0);
        for (std::size_t i = 0; i < loaded.size(); ++i)
            report.sites.push_back(
                measure(loaded[i], threads_, html ? &summaries[i] : nullptr, lang));
        std::string text = html ? report::render_coverage_html(report, summaries, lang)
                           : format_ == "json" ? report::render_coverage_json(report)
                                               : report::render_coverage_text(report, lang);
        return write_output(output_, text, sites_) ? kOk : kInputError;
    }

  private:
    std::vector<std::string> sites_, packs_;
    std::string format_ = "text", output_, lang_;
    unsigned threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_coverage_command() {
    return std::make_unique<CoverageCommand>();
}

}  // namespace camaudit::cli
