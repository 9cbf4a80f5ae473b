// camaudit check SITE...: audit site files against the active rule packs, with the defaults of
// the nearest camaudit.yaml and a baseline of accepted findings.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "audit/baseline.hpp"
#include "audit/config.hpp"
#include "audit/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "cli/progress.hpp"
#include "report/render.hpp"
#include "util/paths.hpp"

namespace camaudit::cli {

namespace {

class CheckCommand : public Command {
  public:
    std::string name() const override { return "check"; }
    std::string summary() const override {
        return "Audit site files and report findings with their legal citations";
    }
    void setup(CLI::App& app) override {
        app_ = &app;
        app.add_option("sites", sites_, "site files (default: the sites of camaudit.yaml)");
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
        app.add_option("--baseline", baseline_,
                       "hide the findings accepted in FILE (each with a reason and an optional "
                       "expiry); warn about its unused and expired entries");
        app.add_option("--write-baseline", write_baseline_,
                       "write the current errors and warnings to FILE as a baseline (keeping "
                       "the reasons of an existing FILE) instead of a report");
        auto* config = app.add_option("--config", config_,
                                      "read the defaults from FILE instead of the nearest "
                                      "camaudit.yaml");
        app.add_flag("--no-config", no_config_, "read no camaudit.yaml")->excludes(config);
    }

    int run() override {
        Diagnostics diag;
        auto config = load_config(diag);
        if (print_diagnostics(diag)) return kInputError;
        if (config) apply_config(*config);
        if (sites_.empty()) {
            fmt::print(stderr,
                       "camaudit check: no site files: give them as arguments or as 'sites' in "
                       "{}\nRun with --help for more information.\n",
                       config ? config->file : "a camaudit.yaml (see camaudit.yaml(5))");
            return kInputError;
        }
        // A baseline to apply, or the one whose reasons --write-baseline keeps: the file it
        // rewrites, else the baseline in effect (if it exists yet).
        std::optional<audit::Baseline> baseline;
        std::string previous = baseline_;
        if (!write_baseline_.empty()) {
            std::error_code ec;
            auto there = [&](const std::string& f) {
                return !f.empty() && f != "-" && std::filesystem::exists(f, ec);
            };
            previous = there(write_baseline_) ? write_baseline_ : there(baseline_) ? baseline_ : "";
        }
        if (!previous.empty())
            baseline = audit::read_baseline(previous, diag, !write_baseline_.empty());
        auto loaded = audit::load_sites_for_audit(sites_, packs_, threads_, diag);
        if (config && !loaded.empty()) {
            std::vector<const audit::RuleSet*> sets;
            for (const auto& l : loaded) sets.push_back(l.rules.get());
            audit::validate_config_names(*config, sets, diag);
        }
        if (print_diagnostics(diag)) return kInputError;

        const std::string region = loaded.empty() ? "" : loaded.front().site.info.region;
        const Lang lang = choose_lang(lang_, region);
        Diagnostics audited;
        audit::AuditReport report;
        plan_zh_ = lang == Lang::Zh;
        report.sites = audit_all(loaded, config ? &*config : nullptr, audited);
        if (print_diagnostics(audited)) return kInputError;
        if (!write_baseline_.empty()) return write_baseline(report, baseline, lang, config);
        if (baseline && !apply_baseline(*baseline, report)) return kInputError;

        report::RenderOptions render;
        render.lang = lang;
        render.color = output_.empty() && stdout_wants_color();
        auto text = report::render_report(format_, report, render);
        if (!text || !write_output(output_, *text, inputs(config, true))) return kInputError;
        return exit_status(report);
    }

  private:
    std::optional<audit::Config> load_config(Diagnostics& diag) const {
        if (no_config_) return std::nullopt;
        if (!config_.empty()) {
            // A --config from outside the current folder (the checkout being audited) is the
            // operator's own file: its paths may leave its folder. One inside it, like one
            // found there, is the repository's, confined to its folder (issue #19, 5).
            std::error_code ec;
            const bool own =
                !ec && !util::within_folder(std::filesystem::current_path(ec), config_);
            return audit::read_config(config_, report::report_formats(), diag, !own);
        }
        std::error_code ec;
        const auto cwd = std::filesystem::current_path(ec);
        auto found = ec ? std::nullopt : audit::find_config(cwd);
        if (!found) return std::nullopt;
        return audit::read_config(*found, report::report_formats(), diag);
    }

    // Command-line options beat the config.
    void apply_config(const audit::Config& c) {
        auto given = [&](const char* option) { return app_->count(option) > 0; };
        if (sites_.empty() && c.sites) sites_ = *c.sites;
        if (!given("--rules") && c.rules) packs_ = *c.rules;
        if (!given("--fail-on") && c.fail_on) fail_on_ = *c.fail_on;
        if (!given("--format") && c.format) format_ = *c.format;
        if (!given("--output") && c.output) output_ = *c.output;
        if (!given("--baseline") && c.baseline) baseline_ = *c.baseline;
        if (!given("--lang") && c.lang) lang_ = *c.lang;
    }

    // The files that a report must never overwrite.
    std::vector<std::string> inputs(const std::optional<audit::Config>& config,
                                    bool with_baseline) const {
        auto out = sites_;
        if (config) out.push_back(config->file);
        if (with_baseline && !baseline_.empty()) out.push_back(baseline_);
        return out;
    }

    // The config's rule_params and disable apply to each site as far as its packs know the
    // names, so sites whose packs differ (regions) are audited in groups of equal options.
    std::vector<audit::SiteResult> audit_all(std::vector<audit::LoadedSite>& loaded,
                                             const audit::Config* config, Diagnostics& diag) const {
        std::vector<audit::AuditOptions> kinds;
        std::vector<std::size_t> kind_of;
        for (const auto& l : loaded) {
            auto o = config ? audit::config_options_for(*config, *l.rules) : audit::AuditOptions{};
            o.threads = threads_;
            o.draw_plan = format_ == "html" && write_baseline_.empty();  // the HTML report's plan
            o.plan_zh = plan_zh_;
            auto same = [&](const audit::AuditOptions& k) {
                return k.rule_params == o.rule_params && k.disable == o.disable;
            };
            auto it = std::find_if(kinds.begin(), kinds.end(), same);
            kind_of.push_back(static_cast<std::size_t>(it - kinds.begin()));
            if (it == kinds.end()) kinds.push_back(std::move(o));
        }
        if (kinds.size() <= 1)
            return audit_with_progress(loaded, kinds.empty() ? audit::AuditOptions{} : kinds[0],
                                       diag);
        // The results share their sites' rule sets: the groups need not outlive them.
        std::vector<std::vector<audit::LoadedSite>> groups(kinds.size());
        std::vector<std::pair<std::size_t, std::size_t>> where;
        for (std::size_t i = 0; i < loaded.size(); ++i) {
            where.emplace_back(kind_of[i], groups[kind_of[i]].size());
            groups[kind_of[i]].push_back(std::move(loaded[i]));
        }
        std::vector<std::vector<audit::SiteResult>> parts;
        for (std::size_t k = 0; k < kinds.size(); ++k)
            parts.push_back(audit_with_progress(groups[k], kinds[k], diag));
        std::vector<audit::SiteResult> results;
        for (const auto& [k, j] : where) results.push_back(std::move(parts[k][j]));
        return results;
    }

    // audit::audit_sites with a progress line on a terminal.
    static std::vector<audit::SiteResult> audit_with_progress(
        const std::vector<audit::LoadedSite>& sites, const audit::AuditOptions& options,
        Diagnostics& diag) {
        Progress progress("audit", sites.size());
        return audit::audit_sites(sites, options, diag,
                                  [&](const std::string& file) { progress.done(file); });
    }

    // Hides the findings of the live entries; warns about expired and unused ones.
    bool apply_baseline(const audit::Baseline& baseline, audit::AuditReport& report) const {
        Diagnostics diag;
        auto today = audit::baseline_today(diag);
        if (!today) return !print_diagnostics(diag);
        audit::BaselineFilter filter(baseline, *today);
        std::set<std::string> ids;
        for (auto& site : report.sites) {
            filter.filter(site.findings);
            ids.insert(site.id);
        }
        filter.report(ids, diag);
        return !print_diagnostics(diag);
    }

    int write_baseline(const audit::AuditReport& report,
                       const std::optional<audit::Baseline>& previous, Lang lang,
                       const std::optional<audit::Config>& config) const {
        std::vector<const audit::Finding*> findings;
        std::set<std::string> fingerprints, kept;
        if (previous)
            for (const auto& e : previous->entries) kept.insert(e.fingerprint);
        std::size_t with_reason = 0;
        for (const auto& site : report.sites)
            for (const auto& f : site.findings) {
                if (f.severity == audit::Severity::Info ||
                    !fingerprints.insert(f.fingerprint).second)
                    continue;
                findings.push_back(&f);
                with_reason += kept.contains(f.fingerprint) ? 1 : 0;
            }
        auto text =
            audit::write_baseline(findings, previous ? &*previous : nullptr, lang == Lang::Zh);
        // The baseline it refreshes was read (for its reasons) and is rewritten on purpose.
        if (!write_output(write_baseline_, text, inputs(config, false), write_baseline_))
            return kInputError;
        const std::size_t todo = findings.size() - with_reason;
        fmt::print(stderr, "camaudit: wrote {} baseline entries to {}{}\n", findings.size(),
                   write_baseline_ == "-" ? "standard output" : write_baseline_,
                   todo == 0 ? ""
                             : fmt::format("; write the reason of the {} marked TODO before "
                                           "using it with --baseline",
                                           todo));
        return kOk;
    }

    int exit_status(const audit::AuditReport& report) const {
        if (fail_on_ == "never") return kOk;
        auto n = audit::count_severities(report);
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
    std::string baseline_;
    std::string write_baseline_;
    std::string config_;
    bool no_config_ = false;
    CLI::App* app_ = nullptr;
    bool plan_zh_ = false;
};

}  // namespace

std::unique_ptr<Command> make_check_command() {
    return std::make_unique<CheckCommand>();
}

}  // namespace camaudit::cli
