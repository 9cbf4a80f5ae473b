#include "model/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace camaudit {

std::string Diagnostic::str() const {
    const char* prefix = level == Level::Warning ? "warning: " : "";
    if (loc.line > 0) return fmt::format("{}:{}:{}: {}{}", loc.file, loc.line, loc.column, prefix, message);
    return fmt::format("{}: {}{}", loc.file, prefix, message);
}

void Diagnostics::error(const SourceLocation& loc, std::string message) {
    if (full()) {
        ++suppressed_;
        return;
    }
    items_.push_back({Diagnostic::Level::Error, loc, std::move(message)});
    ++errors_;
    if (full())
        items_.push_back({Diagnostic::Level::Error, SourceLocation{loc.file, 0, 0},
                          fmt::format("too many errors ({}); stopping here", kMaxErrors)});
}

void Diagnostics::warning(const SourceLocation& loc, std::string message) {
    items_.push_back({Diagnostic::Level::Warning, loc, std::move(message)});
}

void Diagnostics::merge(const Diagnostics& other) {
    // The cap is per file: each collection keeps its own.
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
    errors_ += other.errors_;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    auto out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        auto key = [](const Diagnostic& d) {
            // The "too many errors" note (line 0) stays last.
            return std::tuple(d.loc.file, d.loc.line == 0 ? 1 << 30 : d.loc.line, d.loc.column);
        };
        return key(a) < key(b);
    });
    return out;
}

}  // namespace camaudit
