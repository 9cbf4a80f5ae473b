// The one place that lists the subcommands, in the order `camaudit help` shows them.
#include "cli/command.hpp"
#include "cli/commands.hpp"

namespace camaudit::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
    std::vector<std::unique_ptr<Command>> v;
    v.push_back(make_validate_command());
    return v;
}

}  // namespace camaudit::cli
