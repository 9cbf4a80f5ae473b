// camaudit check SITE...: audit site files against the active rule packs.
#include <fmt/format.h>

#include "cli/common_options.hpp"
#include "cli/commands.hpp"
#include "cli/loaded_site.hpp"
#include "cli/output.hpp"
#include "report/render.hpp"

namespace camaudit::cli {

namespace {

class CheckCommand : public Command {
public:
    std::string name() const override { return "check"; }
    std::string summary() const override {
        return "Audit site files and report findings with their legal citations";
    }
    void setup(CLI::App& app) override {
        app.add_option("sites", sites_, "site files")->required();
        app.add_option("--format", format_, "output format")
            ->check(CLI::IsMember(report::report_formats()))
            ->default_val("text");
        add_output_option(app, output_);
        add_rules_option(app, packs_);
        app.add_option("--fail-on", fail_on_, "exit 1 on findings at or above this severity")
            ->check(CLI::IsMember({"error", "warning", "never"}))
            ->default_val("error");
        add_lang_option(app, lang_);
        add_threads_option(app, threads_);
    }

    int run() override {
        Diagnostics diag;
        auto loaded = load_sites_for_audit(sites_, packs_, threads_, diag);
        if (print_diagnostics(diag)) return kInputError;

        audit::AuditOptions options;
        options.threads = threads_;
        report::AuditReport report;
        report.sites = audit_sites(loaded, options, diag);
        if (print_diagnostics(diag)) return kInputError;

        const std::string region = loaded.empty() ? "" : loaded.front().site.info.region;
        report::RenderOptions render;
        render.lang = choose_lang(lang_, region);
        render.color = output_.empty() && stdout_wants_color();
        auto text = report::render_report(format_, report, render);
        if (!text || !write_output(output_, *text, sites_)) return kInputError;
        return exit_status(report);
    }

private:
    int exit_status(const report::AuditReport& report) const {
        if (fail_on_ == "never") return kOk;
        auto n = report::count_severities(report);
        std::size_t failing = n.error + (fail_on_ == "warning" ? n.warning : 0);
        return failing > 0 ? kFindings : kOk;
    }

    std::vector<std::string> sites_;
    std::vector<std::string> packs_;
    std::string format_ = "text";
    std::string output_;
    std::string fail_on_ = "error";
    std::string lang_;
    unsigned threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_check_command() { return std::make_unique<CheckCommand>(); }

}  // namespace camaudit::cli
