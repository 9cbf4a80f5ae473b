#include "util/paths.hpp"

#include <algorithm>

namespace camaudit::util {

bool within_folder(const std::filesystem::path& folder, const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return false;
    const fs::path full = path.is_absolute() ? path : base / path;
    const fs::path resolved = fs::weakly_canonical(full, ec);
    if (ec) return false;
    // Component by component: /a/bc is not inside /a/b.
    auto b = base.begin(), r = resolved.begin();
    for (; b != base.end(); ++b, ++r) {
        if (b->empty()) continue;  // a trailing separator
        if (r == resolved.end() || *b != *r) return false;
    }
    return true;
}

}  // namespace camaudit::util
