// Factories of the subcommands, one per file cli/command_<name>.cpp.
#pragma once

#include <memory>

#include "cli/command.hpp"

namespace camaudit::cli {

std::unique_ptr<Command> make_validate_command();

}  // namespace camaudit::cli
