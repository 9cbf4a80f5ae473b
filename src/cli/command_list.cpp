// The one place that lists the subcommands, in the order `camaudit help` shows them.
#include "cli/command.hpp"
#include "cli/commands.hpp"

namespace camaudit::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> v;
    v.push_back(make_check_command());
    v.push_back(make_validate_command());
    v.push_back(make_render_command());
    v.push_back(make_coverage_command());
    v.push_back(make_rules_command());
    v.push_back(make_kinds_command());
    v.push_back(make_explain_command());
    v.push_back(make_filing_command());
    v.push_back(make_inspect_command());
    v.push_back(make_diff_command());
    v.push_back(make_import_command());
    return v;
}

}  // namespace camaudit::cli
