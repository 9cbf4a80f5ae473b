// camaudit check SITE...: audit site files against the active rule packs.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/loaded_site.hpp"
#include "cli/output.hpp"

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
            ->check(CLI::IsMember({"text", "json"}))
            ->default_val("text");
        app.add_option("-o,--output", output_, "write the report to this file (whole or not at all)");
        app.add_option("--rules", packs_, "rule packs (names or files) instead of the defaults");
        app.add_option("--fail-on", fail_on_, "exit 1 on findings at or above this severity")
            ->check(CLI::IsMember({"error", "warning", "never"}))
            ->default_val("error");
        app.add_option("--lang", lang_, "language of messages (default: from the locale)")
            ->check(CLI::IsMember({"zh", "en"}));
        app.add_option("-j,--threads", threads_, "worker threads: across sites, or for the viewsheds of one site (0: all cores)")
            ->default_val(0);
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
        auto lang = choose_lang(lang_, region);
        std::string text = format_ == "json"
                               ? report::render_json(report, lang)
                               : report::render_text(report, lang,
                                                     output_.empty() && stdout_wants_color());
        if (!write_output(output_, text, sites_)) return kInputError;
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
