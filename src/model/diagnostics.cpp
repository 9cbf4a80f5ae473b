#include "model/diagnostics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "util/message_catalog.hpp"

namespace camaudit {

std::string Diagnostic::str(bool chinese) const {
    std::string text = message;
    if (chinese)
        if (auto zh = messages::to_chinese(message)) text = std::move(*zh);
    const char* prefix = level == Level::Warning ? (chinese ? "警告：" : "warning: ") : "";
    if (loc.line > 0)
        return fmt::format("{}:{}:{}: {}{}", loc.file, loc.line, loc.column, prefix, text);
    return fmt::format("{}: {}{}", loc.file, prefix, text);
}

void Diagnostics::note_region(const std::string& file, std::string region) {
    regions_[file] = std::move(region);
}

std::string Diagnostics::region_of(const std::string& file) const {
    auto it = regions_.find(file);
    return it == regions_.end() ? std::string() : it->second;
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
    for (const auto& [file, region] : other.regions_) regions_.insert({file, region});
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
