// Locations for SARIF: file URIs relative to the current directory, and columns converted from
// the bytes that yaml-cpp counts to the UTF-16 code units that the report declares.
#include <fmt/format.h>

#include <filesystem>

#include "report/report.hpp"

namespace camaudit::report {

namespace fs = std::filesystem;

int utf16_column(std::string_view line, int byte_column) {
    if (byte_column <= 1) return byte_column;
    const std::size_t bytes = static_cast<std::size_t>(byte_column - 1);
    int units = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        const auto c = i < line.size() ? static_cast<unsigned char>(line[i]) : 0u;
        if ((c & 0xC0) == 0x80) continue;         // a continuation byte: counted with its lead
        units += c >= 0xF0 && c <= 0xF7 ? 2 : 1;  // beyond the BMP: a surrogate pair
    }
    return units + 1;
}

std::string file_uri_encode(std::string_view path) {
    std::string out;
    for (unsigned char c : path) {
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
                          c == '/';
        if (keep)
            out += static_cast<char>(c);
        else
            out += fmt::format("%{:02X}", c);
    }
    return out;
}

namespace {

bool leaves_dir(const fs::path& relative) {
    return relative.empty() || relative.is_absolute() || *relative.begin() == "..";
}

}  // namespace

ArtifactUri artifact_uri(const std::string& file, const std::string& cwd) {
    fs::path p(file);
    fs::path base(cwd);
    fs::path rel = p.is_absolute()
                       ? p.lexically_normal().lexically_relative(base.lexically_normal())
                       : p.lexically_normal();
    if (!leaves_dir(rel) && rel != ".") return {file_uri_encode(rel.generic_string()), true};
    fs::path abs = p.is_absolute() ? p : base / p;
    // file:///abs/path: the path starts with a slash, after an empty authority.
    return {"file://" + file_uri_encode(abs.lexically_normal().generic_string()), false};
}

}  // namespace camaudit::report
