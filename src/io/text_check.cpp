#include "io/text_check.hpp"

#include <fmt/format.h>

#include "io/site_reader.hpp"

namespace camaudit::io {

using namespace std::string_view_literals;

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// Length of the valid UTF-8 sequence at `i`, or 0 if the bytes there are not valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned lo = 0x80;  // the allowed range of the second byte
    unsigned hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

}  // namespace

SourceLocation location_of(const std::string& path, std::string_view text, std::size_t offset) {
    SourceLocation loc{path, 1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++loc.line;
            loc.column = 1;
        } else {
            ++loc.column;
        }
    }
    return loc;
}

std::optional<std::string> check_text(const std::string& path, std::string_view bytes,
                                      Diagnostics& diag) {
    const SourceLocation top{path, 1, 1};
    if (bytes.size() > kMaxFileBytes) {
        diag.error(top, fmt::format("file is larger than {} MiB", kMaxFileBytes >> 20));
        return std::nullopt;
    }
    if (starts_with(bytes, "\xFF\xFE\x00\x00"sv) || starts_with(bytes, "\x00\x00\xFE\xFF"sv)) {
        diag.error(top, "file is UTF-32 encoded; site files must be UTF-8");
        return std::nullopt;
    }
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        diag.error(top, "file is UTF-16 encoded; site files must be UTF-8");
        return std::nullopt;
    }
    if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = utf8_sequence(bytes, i);
        if (n == 0) {
            diag.error(location_of(path, bytes, i),
                       fmt::format("invalid UTF-8 (byte 0x{:02X}); site files must be UTF-8",
                                   static_cast<unsigned char>(bytes[i])));
            return std::nullopt;
        }
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (n == 1 && (c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' && c != '\r') {
            diag.error(location_of(path, bytes, i),
                       fmt::format("control character U+{:04X}: not a UTF-8 text file", c));
            return std::nullopt;
        }
        i += n;
    }
    return std::string(bytes);
}

std::optional<SourceLocation> find_indent_tab(const std::string& path, std::string_view text,
                                              int line) {
    int current = 1;
    bool in_indent = true;
    for (std::size_t i = 0; i < text.size() && current <= line; ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++current;
            in_indent = true;
        } else if (in_indent && c == '\t') {
            return location_of(path, text, i);
        } else if (c != ' ') {
            in_indent = false;
        }
    }
    return std::nullopt;
}

}  // namespace camaudit::io
