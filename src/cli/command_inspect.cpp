// camaudit inspect SITE: the 13-item checklist of 公安部 规定 第十条, each item passed, failed,
// not applicable, or attested or not; exit 0 when every item in scope passes or is attested.
#include <fmt/format.h>

#include "audit/baseline.hpp"
#include "audit/filing_sheet.hpp"
#include "audit/inspection.hpp"
#include "audit/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "report/html_report.hpp"
#include "report/inspection_report.hpp"

namespace camaudit::cli {

namespace {

// The inspector's record: the checklist, the filing sheet it was checked against (item (四)),
// and the audit behind both, with its plan.
std::string render_html(const audit::Inspection& inspection, const audit::LoadedSite& loaded,
                        const audit::SiteResult& audit, Lang lang) {
    const auto sheet = audit::build_filing_sheet(loaded.site);
    return report::render_inspection_html(inspection, &sheet, &audit, lang);
}

class InspectCommand : public Command {
  public:
    std::string name() const override { return "inspect"; }
    std::string summary() const override {
        return "The 13-item inspection checklist of a site (MPS Provisions art. 10)";
    }
    void setup(CLI::App& app) override {
        app.add_option("site", site_, "site file")->required();
        app.add_option("--scope", scope_,
                       "items to inspect: general (1-7), professional (8-13) or all")
            ->check(CLI::IsMember({"general", "professional", "all"}))
            ->default_val("all");
        app.add_option("--format", format_, "output format")
            ->check(CLI::IsMember(report::inspection_formats()))
            ->default_val("text");
        add_output_option(app, output_);
        add_lang_option(app, lang_);
        add_rules_option(app, packs_);
    }
    int run() override {
        Diagnostics diag;
        // "Today" dates the attested measures: $CAMAUDIT_TODAY (tests), else the local date.
        const auto today = audit::baseline_today(diag);
        auto loaded = audit::load_site_for_audit(site_, packs_, diag);
        if (print_diagnostics(diag) || !loaded || !today) return kInputError;
        const auto lang = choose_lang(lang_, loaded->site.info.region);
        const bool html = format_ == "html";
        audit::AuditOptions options;
        options.draw_plan = html;  // the printed record shows the plan with the findings
        options.plan_zh = lang == Lang::Zh;
        Diagnostics audited;
        const auto result = audit::audit_site(*loaded, options, audited);
        if (print_diagnostics(audited)) return kInputError;
        const auto inspection =
            audit::build_inspection(loaded->site, *loaded->rules, result, *today, scope_);
        auto text = html ? std::optional(render_html(inspection, *loaded, result, lang))
                         : report::render_inspection(format_, inspection, lang);
        if (!text || !write_output(output_, *text, {site_})) return kInputError;
        return inspection.all_pass_or_attested() ? kOk : kFindings;
    }

  private:
    std::string site_;
    std::vector<std::string> packs_;
    std::string scope_ = "all", format_ = "text", output_, lang_;
};

}  // namespace

std::unique_ptr<Command> make_inspect_command() {
    return std::make_unique<InspectCommand>();
}

}  // namespace camaudit::cli
