// camaudit render SITE -o plan.svg: the plan as a printable SVG: zones by category, walls,
// cameras and their viewsheds, optional pixel-density bands, and the findings of the audit.
#include <fmt/format.h>

#include "audit/context.hpp"
#include "audit/engine.hpp"
#include "audit/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "report/svg_plan.hpp"

namespace camaudit::cli {

namespace {

class RenderCommand : public Command {
  public:
    std::string name() const override { return "render"; }
    std::string summary() const override {
        return "Draw the plan as SVG: zones by category, walls, cameras, viewsheds, findings";
    }
    void setup(CLI::App& app) override {
        app.add_option("site", site_, "site file")->required();
        add_output_option(app, output_);
        app.add_flag("--bands", bands_,
                     "draw the pixel-density levels of IEC 62676-4:2014 for cameras with a "
                     "resolution");
        add_lang_option(app, lang_);
        add_rules_option(app, packs_);
        app.add_flag("--no-findings", no_findings_,
                     "draw the plan only, without running the audit");
        add_threads_option(app, threads_);
    }

    int run() override {
        Diagnostics load_diag;
        auto loaded = audit::load_site_for_audit(site_, packs_, load_diag);
        if (print_diagnostics(load_diag) || !loaded) return kInputError;

        audit::AuditContext ctx(loaded->site, loaded->working, loaded->projection, *loaded->rules,
                                threads_);
        std::vector<audit::Finding> findings;
        if (!no_findings_) {
            Diagnostics rule_diag;
            audit::AuditOptions options;
            options.threads = threads_;
            auto runs = audit::resolve_rules(loaded->site, ctx.regime(), *loaded->rules, options,
                                             rule_diag);
            if (print_diagnostics(rule_diag)) return kInputError;
            findings = audit::run_audit(ctx, runs);
        }

        auto lang = choose_lang(lang_, loaded->site.info.region);
        auto plan = audit::build_plan(ctx, findings, lang, bands_);
        plan.audited = !no_findings_;
        if (!write_output(output_, report::render_svg(plan), {site_})) return kInputError;
        return kOk;
    }

  private:
    std::string site_;
    std::string output_;
    bool bands_ = false;
    bool no_findings_ = false;
    std::string lang_;
    std::vector<std::string> packs_;
    unsigned threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_render_command() {
    return std::make_unique<RenderCommand>();
}

}  // namespace camaudit::cli
