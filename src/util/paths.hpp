// Whether a path stays inside a folder once `..` and symlinks are resolved: what a site file
// or camaudit.yaml, which anyone may send, can make camaudit read or write (issue #19, 5).
#pragma once

#include <filesystem>

namespace camaudit::util {

// Whether `path` (relative to `folder` unless absolute) is `folder` itself or inside it, after
// resolving `..` and every symlink of the part that exists (std::filesystem::weakly_canonical).
// An absolute path elsewhere, a `../` that climbs out, a symlink whose target lies outside:
// false. An empty `folder` is the current one.
bool within_folder(const std::filesystem::path& folder, const std::filesystem::path& path);

}  // namespace camaudit::util
