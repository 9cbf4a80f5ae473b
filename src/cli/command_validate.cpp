// camaudit validate SITE...: read and validate only (schema, ids, references, geometry, CRS).
#include <fmt/format.h>

#include "audit/engine.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/loaded_site.hpp"

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
    }
    int run() override {
        Diagnostics diag;
        std::vector<std::string> summaries;
        for (const auto& path : sites_) {
            auto loaded = load_site_for_audit(path, packs_, diag);
            if (!loaded) continue;
            const Site& s = loaded->site;
            // Settings name rules and checks: check them now rather than at audit time.
            audit::resolve_rules(s, s.info.regime.empty() ? "article7" : s.info.regime,
                                 loaded->rules, {}, diag);
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
    std::vector<std::string> sites_;
    std::vector<std::string> packs_;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace camaudit::cli
