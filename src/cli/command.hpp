// One class per subcommand (as osmium-tool does); the list of commands is kept in
// command_list.cpp. main() alone maps outcomes to exit codes.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace camaudit::cli {

// Exit status of the tool, as pinned in the spec.
enum ExitStatus : int { kOk = 0, kFindings = 1, kInputError = 2 };

class Command {
  public:
    virtual ~Command() = default;
    virtual std::string name() const = 0;
    virtual std::string summary() const = 0;
    // Declares the options on the subcommand's CLI::App.
    virtual void setup(CLI::App& app) = 0;
    // Runs after a successful parse; returns the exit status.
    virtual int run() = 0;
};

std::vector<std::unique_ptr<Command>> make_commands();

}  // namespace camaudit::cli
