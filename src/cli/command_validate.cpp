// camaudit validate SITE...: read and validate only (schema, ids, references, geometry, CRS).
#include <fmt/format.h>

#include "audit/engine.hpp"
#include "audit/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"

namespace camaudit::cli {

namespace {

class ValidateCommand : public Command {
  public:
    std::string name() const override { return "validate"; }
    std::string summary() const override {
        return "Read and validate site files: schema, ids, references, geometry, CRS";
    }
    void setup(CLI::App& app) override {
        app.add_option("sites", sites_, "site files")->required();
        add_rules_option(app, packs_);
        add_lang_option(app, lang_);  // of the error messages
        app.add_flag("--strict", strict_,
                     "list the GeoJSON properties and members outside the site format (read "
                     "files ignore them) as warnings, and fail if there is any");
    }
    int run() override {
        Diagnostics diag;
        std::vector<std::string> summaries;
        for (const auto& path : sites_) {
            auto loaded = audit::load_site_for_audit(path, packs_, diag);
            if (!loaded) continue;
            const Site& s = loaded->site;
            if (strict_) report_ignored(s, diag);
            // Settings name rules and checks: check them now rather than at audit time.
            audit::resolve_rules(s, s.info.regime.empty() ? "article7" : s.info.regime,
                                 *loaded->rules, {}, diag);
            summaries.push_back(fmt::format(
                "{}: valid: {} cameras, {} zones, {} walls, {} floors, CRS {}{}", path,
                s.cameras.size(), s.zones.size(), s.walls.size(), s.floors.size(), s.info.crs,
                loaded->projection.is_identity()
                    ? ""
                    : fmt::format(" (working CRS {})", loaded->projection.working_crs())));
        }
        if (print_diagnostics(diag)) return kInputError;
        for (const auto& line : summaries) fmt::print("{}\n", line);
        return kOk;
    }

  private:
    // --strict: what a GeoJSON file carries outside the schema (OSM tags, foreign members),
    // one warning each, and one error per file so that it does not validate.
    static void report_ignored(const Site& s, Diagnostics& diag) {
        for (const auto& i : s.ignored)
            diag.warning(i.loc, fmt::format("{} is not in the site format (ignored)", i.what));
        if (s.ignored_total == 0) return;
        const bool one = s.ignored_total == 1;
        diag.error({s.file, 0, 0},
                   fmt::format("{} {} outside the site format (--strict){}", s.ignored_total,
                               one ? "property or member is" : "properties or members are",
                               s.ignored.size() < s.ignored_total
                                   ? fmt::format("; the first {} are listed", s.ignored.size())
                                   : ""));
    }

    bool strict_ = false;
    std::string lang_;
    std::vector<std::string> sites_;
    std::vector<std::string> packs_;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() {
    return std::make_unique<ValidateCommand>();
}

}  // namespace camaudit::cli
