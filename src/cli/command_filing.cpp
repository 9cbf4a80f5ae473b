// camaudit filing SITE: the 备案 information sheet (公安部 规定 第六条): the unit, the system's
// location, its cameras by function type and kind with their positions, the retention period
// and the filing record; exit 1 when an item is missing or invalid.
#include <fmt/format.h>

#include "audit/filing_sheet.hpp"
#include "audit/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "report/inspection_report.hpp"

namespace camaudit::cli {

namespace {

class FilingCommand : public Command {
  public:
    std::string name() const override { return "filing"; }
    std::string summary() const override {
        return "The filing (备案) information sheet of a site (MPS Provisions art. 6)";
    }
    void setup(CLI::App& app) override {
        app.add_option("site", site_, "site file")->required();
        app.add_option("--format", format_, "output format")
            ->check(CLI::IsMember(report::filing_formats()))
            ->default_val("text");
        add_output_option(app, output_);
        add_lang_option(app, lang_);
        add_rules_option(app, packs_,
                         "rule pack (name or file) to read the site's zone kinds with, instead "
                         "of the defaults; repeatable");
    }
    int run() override {
        Diagnostics diag;
        auto loaded = audit::load_site_for_audit(site_, packs_, diag);
        if (print_diagnostics(diag) || !loaded) return kInputError;
        const auto sheet = audit::build_filing_sheet(loaded->site);
        const auto lang = choose_lang(lang_, loaded->site.info.region);
        auto text = report::render_filing(format_, sheet, lang);
        if (!text || !write_output(output_, *text, {site_})) return kInputError;
        if (format_ == "csv") {
            // A CSV has no place for them: the missing and invalid items go to stderr.
            for (const auto& i : sheet.items)
                if (i.state != audit::FilingItem::State::Ok)
                    fmt::print(stderr, "{}: {}: {}\n",
                               i.loc.known()
                                   ? fmt::format("{}:{}:{}", i.loc.file, i.loc.line, i.loc.column)
                                   : i.loc.file.str(),
                               lang == Lang::Zh ? i.label_zh : i.label_en,
                               lang == Lang::Zh ? i.problem_zh : i.problem_en);
        }
        return sheet.complete() ? kOk : kFindings;
    }

  private:
    std::string site_;
    std::vector<std::string> packs_;
    std::string format_ = "text", output_, lang_;
};

}  // namespace

std::unique_ptr<Command> make_filing_command() {
    return std::make_unique<FilingCommand>();
}

}  // namespace camaudit::cli
