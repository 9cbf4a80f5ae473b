// Writing reports (whole or not at all, never over an input file) and input errors (stderr, in
// the language of choice).
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/lang.hpp"

namespace camaudit::cli {

// Writes `content` to stdout (path empty or "-") or to `path` through a temporary file in the
// same folder renamed into place. Refuses a path that is one of `inputs`, or any file the run
// has read (util/input_files.hpp) except `replaces`: the one input this output updates on
// purpose (the baseline that --write-baseline refreshes). On failure prints the reason to
// stderr and returns false.
bool write_output(const std::string& path, const std::string& content,
                  const std::vector<std::string>& inputs, const std::string& replaces = "");

// --lang, else the locale (LC_ALL, LC_MESSAGES, LANG: zh* → zh, another language → en), else
// zh for CN-* regions and en otherwise.
Lang choose_lang(const std::string& flag, const std::string& region);

// Whether stdout is a terminal that wants colour (NO_COLOR unset).
bool stdout_wants_color();

// Prints the diagnostics to stderr (sorted); returns true if there were errors. Each in the
// language of choose_lang(--lang, the region of its file): Chinese where the catalogue of
// messages has the message (util/message_catalog.hpp), else English.
bool print_diagnostics(const Diagnostics& diag);

}  // namespace camaudit::cli
