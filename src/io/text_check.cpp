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
                                      Diagnostics& diag, std::string_view what) {
    const SourceLocation top{path, 1, 1};
    if (bytes.size() > kMaxFileBytes) {
        diag.error(top, fmt::format("file is larger than {} MiB", kMaxFileBytes >> 20));
        return std::nullopt;
    }
    if (starts_with(bytes, "\xFF\xFE\x00\x00"sv) || starts_with(bytes, "\x00\x00\xFE\xFF"sv)) {
        diag.error(top, fmt::format("file is UTF-32 encoded; {} must be UTF-8", what));
        return std::nullopt;
    }
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        diag.error(top, fmt::format("file is UTF-16 encoded; {} must be UTF-8", what));
        return std::nullopt;
    }
    if (starts_with(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = utf8_sequence(bytes, i);
        if (n == 0) {
            diag.error(location_of(path, bytes, i),
                       fmt::format("invalid UTF-8 (byte 0x{:02X}); {} must be UTF-8",
                                   static_cast<unsigned char>(bytes[i]), what));
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

bool UnclosedQuoteFinder::unclosed_at(int line, int column) {
    if (line < 0 || column < 0) return false;
    if (line < cursor_line_) {  // not in file order after all: start again
        cursor_line_ = 0;
        cursor_at_ = 0;
    }
    while (cursor_line_ < line && cursor_at_ != std::string_view::npos) {
        cursor_at_ = text_.find('\n', cursor_at_);
        if (cursor_at_ == std::string_view::npos) break;
        ++cursor_at_;
        ++cursor_line_;
    }
    if (cursor_at_ == std::string_view::npos) return false;
    std::size_t at = cursor_at_ + static_cast<std::size_t>(column);
    if (line == 0 && text_.starts_with("\xEF\xBB\xBF")) at += 3;  // not counted
    if (at >= text_.size() || (text_[at] != '"' && text_[at] != '\'')) return false;
    const char quote = text_[at];
    for (std::size_t i = at + 1; i < text_.size(); ++i) {
        if (quote == '"' && text_[i] == '\\') {
            ++i;  // an escape: the next character is not the closing quote
        } else if (text_[i] == quote) {
            if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
                ++i;  // '' inside single quotes is a quote
                continue;
            }
            return false;
        }
    }
    return true;
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
