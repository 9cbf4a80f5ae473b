// camaudit: audits surveillance-camera placement against the law.
// main() parses the command line, dispatches to one command and owns the exit status.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/command.hpp"
#include "cli/output.hpp"
#include "geo/geos.hpp"
#include "model/diagnostics.hpp"

int main(int argc, char** argv) {
    using namespace camaudit::cli;
    CLI::App app{
        "camaudit: audits surveillance-camera placement against the law of the jurisdiction",
        "camaudit"};
    app.set_version_flag("--version", std::string("camaudit ") + CAMAUDIT_VERSION);
    app.require_subcommand(0, 1);

    auto commands = make_commands();
    std::string help_topic;
    auto* help = app.add_subcommand("help", "Show help for camaudit or one command");
    help->add_option("command", help_topic, "the command to describe");
    for (auto& c : commands) c->setup(*app.add_subcommand(c->name(), c->summary()));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);  // 0
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11 uses exit codes >= 100 for its own errors; the spec says 2.
        app.exit(e);
        return kInputError;
    }

    if (app.got_subcommand(help) || app.get_subcommands().empty()) {
        if (help_topic.empty()) {
            // app.help() would describe the parsed subcommand (`help` itself): format the top.
            fmt::print(
                "{}", app.get_formatter()->make_help(&app, "camaudit", CLI::AppFormatMode::Normal));
            return app.get_subcommands().empty() && argc > 1 ? kInputError : kOk;
        }
        for (auto* sub : app.get_subcommands({})) {
            if (sub->get_name() == help_topic && sub != help) {
                fmt::print("{}", sub->help());
                return kOk;
            }
        }
        fmt::print(stderr, "camaudit: no command named '{}'; see 'camaudit help'\n", help_topic);
        return kInputError;
    }

    for (auto& c : commands) {
        if (!app.got_subcommand(c->name())) continue;
        try {
            return c->run();
        } catch (const camaudit::geo::GeosError& e) {
            // Geometry that GEOS could not process: an input error at the camera or zone it
            // came from (GeosSubject), printed as one, before any report is written.
            if (e.loc.file.empty())
                fmt::print(stderr, "camaudit {}: internal error: {}\n", c->name(), e.what());
            else {
                camaudit::Diagnostics diag;  // in the language of the other input errors
                diag.error(e.loc, e.what());
                camaudit::cli::print_diagnostics(diag);
            }
            return kInputError;
        } catch (const std::exception& e) {
            // A bug or a library failure the command did not expect: still never a crash.
            fmt::print(stderr, "camaudit {}: internal error: {}\n", c->name(), e.what());
            return kInputError;
        }
    }
    return kOk;
}
