// camaudit import SITE -o site-full.yaml: the site with the zones, walls and cameras of its
// DXF drawings (`import:`) written as a plain site file, so that users can read and diff
// what the drawings were read as. The site is checked as `check` would read it first: an
// output that camaudit cannot read back is never written.
#include <set>

#include "audit/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/common_options.hpp"
#include "cli/output.hpp"
#include "io/import_site_writer.hpp"

namespace camaudit::cli {

namespace {

// The site file and every drawing it imports: none may be overwritten by -o.
std::vector<std::string> inputs_of(const std::string& path, const Site& site) {
    std::set<std::string> drawings;
    auto add = [&](const std::optional<DrawingOrigin>& o) {
        if (o) drawings.insert(o->path);
    };
    for (const auto& z : site.zones) add(z.origin);
    for (const auto& w : site.walls) add(w.origin);
    for (const auto& c : site.cameras) add(c.origin);
    std::vector<std::string> out{path};
    out.insert(out.end(), drawings.begin(), drawings.end());
    return out;
}

class ImportCommand : public Command {
  public:
    std::string name() const override { return "import"; }
    std::string summary() const override {
        return "Write a site with its DXF drawings imported, as a plain site file";
    }
    void setup(CLI::App& app) override {
        app.add_option("site", site_, "site file (its import: section names the drawings)")
            ->required();
        app.add_option("-o,--output", output_,
                       "write the site file to FILE, whole or not at all (default: stdout)");
        add_rules_option(app, packs_,
                         "rule pack (name or file) to check the zone kinds with, instead of the "
                         "defaults; repeatable");
    }
    int run() override {
        Diagnostics diag;
        auto loaded = audit::load_site_for_audit(site_, packs_, diag);
        if (print_diagnostics(diag) || !loaded) return kInputError;
        const std::string text = io::write_site_yaml(loaded->site, site_);
        if (!write_output(output_, text, inputs_of(site_, loaded->site))) return kInputError;
        return kOk;
    }

  private:
    std::string site_, output_;
    std::vector<std::string> packs_;
};

}  // namespace

std::unique_ptr<Command> make_import_command() {
    return std::make_unique<ImportCommand>();
}

}  // namespace camaudit::cli
