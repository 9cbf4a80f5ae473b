// The files this process has read as input (site files, drawings, IFC models, rule packs,
// baselines, camaudit.yaml), by identity: the device and inode numbers of stat(2), so that
// `-o` cannot name one of them by another path (a `../`, a symlink, a hard link) and replace
// it with a report (issue #19, 7). The readers note each file as they open it; the report
// writer asks before it writes. Thread-safe (sites load in parallel).
#pragma once

#include <string>

namespace camaudit::util {

// Records the file at `path` (symlinks followed) as read; a path stat(2) cannot see is not
// recorded (the read fails anyway).
void note_input_file(const std::string& path);

// Whether `path` (symlinks followed) is a file noted by note_input_file. False when it does
// not exist.
bool is_input_file(const std::string& path);

}  // namespace camaudit::util
