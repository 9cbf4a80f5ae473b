// Factories of the subcommands, one per file cli/command_<name>.cpp.
#pragma once

#include <memory>

#include "cli/command.hpp"

namespace camaudit::cli {

std::unique_ptr<Command> make_check_command();
std::unique_ptr<Command> make_validate_command();
std::unique_ptr<Command> make_render_command();
std::unique_ptr<Command> make_coverage_command();
std::unique_ptr<Command> make_rules_command();
std::unique_ptr<Command> make_kinds_command();
std::unique_ptr<Command> make_explain_command();
std::unique_ptr<Command> make_filing_command();
std::unique_ptr<Command> make_inspect_command();
std::unique_ptr<Command> make_diff_command();
std::unique_ptr<Command> make_import_command();

}  // namespace camaudit::cli
