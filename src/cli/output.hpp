// Writing reports: whole or not at all, never over an input file.
#pragma once

#include <string>
#include <vector>

#include "report/report.hpp"

namespace camaudit::cli {

// Writes `content` to stdout (path empty or "-") or to `path` through a temporary file in the
// same folder renamed into place. Refuses a path that is one of `inputs`. On failure prints
// the reason to stderr and returns false.
bool write_output(const std::string& path, const std::string& content,
                  const std::vector<std::string>& inputs);

// --lang, else the locale (LC_ALL, LC_MESSAGES, LANG: zh* → zh, another language → en), else
// zh for CN-* regions and en otherwise.
Lang choose_lang(const std::string& flag, const std::string& region);

// Whether stdout is a terminal that wants colour (NO_COLOR unset).
bool stdout_wants_color();

}  // namespace camaudit::cli
