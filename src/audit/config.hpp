// camaudit.yaml: a project's defaults for `camaudit check` (the sites to audit, packs, fail-on,
// format, output, baseline, language, rule parameters, disabled rules), found in the current
// folder or the nearest of its parents. Command-line options beat it; a site's own `settings`
// beat its rule parameters. See camaudit.yaml(5).
//
// The config is the audit's model of a project (which sites, which options per site), so it
// lives here rather than in src/cli/, which only applies it to its options (command_check.cpp).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/engine.hpp"
#include "audit/rule_pack.hpp"
#include "model/diagnostics.hpp"

namespace camaudit::audit {

inline constexpr const char* kConfigName = "camaudit.yaml";

struct Config {
    std::string file;           // as found or given, for messages
    std::filesystem::path dir;  // its folder: the paths in it are relative to this
    // Whether the paths it names must stay inside `dir` (util/paths.hpp): a camaudit.yaml of
    // the repository being audited, which anyone may have written (issue #19, 5).
    bool confined = true;
    // Paths below are resolved against `dir` (lexically: "../sites/a.yaml" from a subfolder).
    std::optional<std::vector<std::string>> sites;  // the expanded globs, sorted, de-duplicated
    std::optional<std::vector<std::string>> rules;  // pack names, or pack files resolved
    std::optional<std::string> fail_on, format, output, baseline, lang;
    std::map<std::string, std::map<std::string, double>> rule_params;  // rule id or check name
    std::vector<std::string> disable;
    // Where each name was written, for errors found once the packs are loaded.
    std::map<std::string, SourceLocation> name_loc;  // rule_params keys
    std::map<std::string, std::map<std::string, SourceLocation>> param_loc;
    std::vector<SourceLocation> disable_loc;  // parallel to `disable`
};

// The nearest camaudit.yaml in `start` or its parents, as a path relative to `start`
// ("camaudit.yaml", "../../camaudit.yaml"), or nullopt if there is none.
std::optional<std::string> find_config(const std::filesystem::path& start);

// Reads and validates a config file and expands its `sites` globs. `formats` are the names
// that `format` may take (report::report_formats(): the reports are the command line's
// business, not the audit's). Every problem goes to `diag` as file:line:column; nullopt after
// any. `confined`: see Config::confined (false only for the operator's own file).
std::optional<Config> read_config(const std::string& path, const std::vector<std::string>& formats,
                                  Diagnostics& diag, bool confined = true);
// The same on text in memory; `path` gives the folder the globs are relative to.
std::optional<Config> parse_config(const std::string& path, const std::string& text,
                                   const std::vector<std::string>& formats, Diagnostics& diag);

// Reports the names of `rule_params` and `disable` that are neither checks nor rules of the
// loaded rule sets or of any pack in the rule search path, and parameters that their check
// does not have, at their place in the config.
void validate_config_names(const Config& config, const std::vector<const RuleSet*>& sets,
                           Diagnostics& diag);
// The config's rule parameters and disabled names as audit options for a site with `rules`:
// the rule ids that `rules` does not have are left out (rules of another region's pack).
AuditOptions config_options_for(const Config& config, const RuleSet& rules);

// Globs: `*` is any run of characters within one path segment, `?` one character, a segment
// `**` any number of folders (none included). `*` and `?` do not match a leading '.' (hidden
// files and folders) unless the pattern's segment starts with '.'.
bool glob_match(std::string_view pattern, std::string_view path);
// The regular files under `base` that `pattern` matches, as paths relative to `base` (absolute
// for an absolute pattern), sorted. `**` does not follow symbolic links to folders.
std::vector<std::string> expand_glob(const std::filesystem::path& base, std::string_view pattern);

}  // namespace camaudit::audit
