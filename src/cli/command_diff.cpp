// camaudit diff OLD NEW: what changed between two revisions of a site file: cameras added,
// removed, moved and re-aimed, the coverage of the zones that must be watched, and the
// findings that are new or fixed. Exit 1 when the new revision adds findings at or above
// --fail-on.
#include <fmt/format.h>

#include <iostream>
#include <iterator>

#include "audit/context.hpp"
#include "audit/coverage.hpp"
#include "audit/engine.hpp"
#include "audit/pipeline.hpp"
#include "audit/site_diff.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "io/site_reader.hpp"
#include "report/diff_report.hpp"

namespace camaudit::cli {

namespace {

constexpr const char* kStdinName = "<stdin>";

// load_site_for_audit for a site on standard input (`-`), read as YAML.
std::optional<audit::LoadedSite> load_stdin_for_audit(const std::vector<std::string>& packs,
                                                      Diagnostics& diag) {
    std::string text;
    std::istreambuf_iterator<char> it(std::cin), end;
    for (; it != end && text.size() <= io::kMaxFileBytes; ++it) text += *it;
    if (text.size() > io::kMaxFileBytes) {
        diag.error({kStdinName, 0, 0},
                   fmt::format("input is larger than {} MiB", io::kMaxFileBytes >> 20));
        return std::nullopt;
    }
    auto site = io::load_site_yaml(kStdinName, text, diag);
    if (!site) return std::nullopt;
    return audit::prepare_site_for_audit(std::move(*site), packs, diag);
}

// Audits one revision and measures what the comparison needs, on one AuditContext (the
// viewsheds are computed once for the findings and the coverage).
std::optional<audit::Revision> measure(const audit::LoadedSite& loaded, unsigned threads,
                                       Diagnostics& diag) {
    audit::AuditContext ctx(loaded.site, loaded.working, loaded.projection, *loaded.rules, threads);
    auto runs = audit::resolve_rules(loaded.site, ctx.regime(), *loaded.rules, {}, diag);
    if (diag.has_errors()) return std::nullopt;
    audit::Revision rev;
    rev.site = &loaded.site;
    rev.working_crs = loaded.projection.working_crs();
    rev.regime = ctx.regime();
    for (std::size_t z = 0; z < loaded.site.zones.size(); ++z)
        rev.listed_place =
            rev.listed_place || ctx.zone_category(z) == audit::KindCategory::Mandatory;
    for (const auto& c : loaded.working.cameras) rev.camera_working.push_back(c.position);
    const auto& zones = loaded.site.zones;
    for (std::size_t z = 0; z < zones.size(); ++z) {
        // The zones that mandatory-coverage watches: a mandatory kind, or key_part.
        if (!zones[z].key_part && ctx.zone_category(z) != audit::KindCategory::Mandatory) continue;
        auto cov = audit::zone_coverage(ctx, z);
        rev.watched.push_back({zones[z].id, zones[z].kind, zones[z].floor, cov.area_m2,
                               cov.covered_m2, cov.covered_fraction, zones[z].loc});
    }
    rev.findings = audit::run_audit(ctx, runs);
    return rev;
}

class DiffCommand : public Command {
  public:
    std::string name() const override { return "diff"; }
    std::string summary() const override {
        return "Compare two revisions of a site: cameras, coverage, findings new and fixed";
    }
    void setup(CLI::App& app) override {
        app.add_option("old", old_, "the earlier revision of the site file (- for stdin)")
            ->required();
        app.add_option("new", new_, "the later revision of the site file (- for stdin)")
            ->required();
        app.add_option("--format", format_, "output format")
            ->check(CLI::IsMember(report::diff_formats()))
            ->default_val("text");
        add_output_option(app, output_);
        add_rules_option(app, packs_,
                         "rule pack (name or file) to use for both revisions instead of the "
                         "defaults; repeatable");
        app.add_option("--fail-on", fail_on_, "exit 1 on new findings at or above this severity")
            ->check(CLI::IsMember({"error", "warning", "never"}))
            ->default_val("error");
        add_lang_option(app, lang_);
        add_threads_option(app, threads_);
    }

    int run() override {
        if (old_ == "-" && new_ == "-") {
            fmt::print(stderr, "camaudit diff: only one of OLD and NEW can be - (stdin)\n");
            return kInputError;
        }
        Diagnostics old_diag, new_diag;
        auto old_site = load(old_, old_diag);
        auto new_site = load(new_, new_diag);
        Diagnostics diag;
        diag.merge(old_diag);
        diag.merge(new_diag);
        if (print_diagnostics(diag) || !old_site || !new_site) return kInputError;

        auto old_rev = measure(*old_site, threads_, diag);
        auto new_rev = measure(*new_site, threads_, diag);
        if (print_diagnostics(diag) || !old_rev || !new_rev) return kInputError;

        report::DiffReport report{audit::diff_sites(*old_rev, *new_rev), shown(old_), shown(new_),
                                  old_site->rules.get(), new_site->rules.get()};
        report::DiffRenderOptions render;
        render.lang = choose_lang(lang_, new_site->site.info.region);
        render.color = format_ == "text" && output_.empty() && stdout_wants_color();
        auto text = report::render_diff(format_, report, render);
        if (!text || !write_output(output_, *text, {old_, new_})) return kInputError;
        return exit_status(report.diff);
    }

  private:
    std::optional<audit::LoadedSite> load(const std::string& path, Diagnostics& diag) const {
        return path == "-" ? load_stdin_for_audit(packs_, diag)
                           : audit::load_site_for_audit(path, packs_, diag);
    }
    static std::string shown(const std::string& path) { return path == "-" ? kStdinName : path; }

    int exit_status(const audit::SiteDiff& diff) const {
        if (fail_on_ == "never") return kOk;
        const auto threshold =
            fail_on_ == "warning" ? audit::Severity::Warning : audit::Severity::Error;
        for (const auto& f : diff.new_findings)
            if (f.severity >= threshold) return kFindings;
        return kOk;
    }

    std::string old_, new_;
    std::vector<std::string> packs_;
    std::string format_ = "text";
    std::string output_;
    std::string fail_on_ = "error";
    std::string lang_;
    unsigned threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_diff_command() {
    return std::make_unique<DiffCommand>();
}

}  // namespace camaudit::cli
