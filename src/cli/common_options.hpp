// Options shared by several commands, declared once so that they read and behave the same.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace camaudit::cli {

// The --lang of the command being run, for its error messages (print_diagnostics, output.cpp).
void set_diagnostics_lang(const std::string& flag);

// --rules PACK_OR_FILE, repeatable; each occurrence takes one value, so site files may follow.
inline CLI::Option* add_rules_option(CLI::App& app, std::vector<std::string>& packs,
                                     const std::string& help =
                                         "rule pack (name or file) to use instead of the "
                                         "defaults; repeatable") {
    return app.add_option("--rules", packs, help)->allow_extra_args(false);
}

// --lang zh|en.
// --lang zh|en; it also sets the language of the error messages (print_diagnostics).
inline CLI::Option* add_lang_option(CLI::App& app, std::string& lang) {
    return app.add_option("--lang", lang, "language: zh or en (default: from the locale)")
        ->check(CLI::IsMember({"zh", "en"}))
        ->each([](const std::string& value) { set_diagnostics_lang(value); });
}

// -j/--threads N.
inline CLI::Option* add_threads_option(CLI::App& app, unsigned& threads) {
    return app
        .add_option("-j,--threads", threads,
                    "worker threads: across sites, or for the viewsheds of one site (0: all "
                    "cores); the output does not depend on it")
        ->default_val(0);
}

// -o/--output FILE.
inline CLI::Option* add_output_option(CLI::App& app, std::string& output) {
    return app.add_option("-o,--output", output,
                          "write the report to FILE, whole or not at all (default: stdout)");
}

}  // namespace camaudit::cli
