#include "util/escape.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace camaudit::util {

namespace {

bool c0_or_del(unsigned char c) {
    return c < 0x20 || c == 0x7f;
}

// The length of the C1 control at s[i] (UTF-8 C2 80..C2 9F), else 0.
std::size_t c1_at(std::string_view s, std::size_t i) {
    return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xc2 &&
                   static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(s[i + 1]) <= 0x9f
               ? 2
               : 0;
}

std::string shown(unsigned char c) {
    switch (c) {
        case '\t':
            return "\\t";
        case '\n':
            return "\\n";
        case '\r':
            return "\\r";
        default:
            return fmt::format("\\x{:02x}", c);
    }
}

// Calls `plain(c)` for each byte that is not a control and appends what `control(text)`
// gives for each control (`text`: the control as shown, or " " for a line break when
// `breaks_to_space`).
template <typename Plain>
std::string map_text(std::string_view s, bool breaks_to_space, Plain plain) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (std::size_t n = c1_at(s, i)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
            i += n - 1;
        } else if (breaks_to_space && (c == '\n' || c == '\r')) {
            out += ' ';
        } else if (c0_or_del(c)) {
            out += shown(c);
        } else {
            plain(out, s[i]);
        }
    }
    return out;
}

}  // namespace

bool has_controls(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (c0_or_del(static_cast<unsigned char>(s[i])) || c1_at(s, i)) return true;
    return false;
}

std::string visible_controls(std::string_view s) {
    if (!has_controls(s)) return std::string(s);
    return map_text(s, false, [](std::string& out, char c) { out += c; });
}

std::string csv_cell(std::string_view s) {
    std::string text(s);
    if (!text.empty() && std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos)
        text.insert(0, 1, '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string q = "\"";
    for (char c : text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string md_backslash(std::string_view s) {
    return map_text(s, true, [](std::string& out, char c) {
        if (std::string_view("|*_`[]<>\\#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    });
}

std::string md_html(std::string_view s, bool pipes) {
    return map_text(s, true, [pipes](std::string& out, char c) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (pipes && c == '|')
            out += "\\|";
        else
            out += c;
    });
}

std::string md_code_span(std::string_view s, bool pipes) {
    const std::string body = map_text(s, true, [pipes](std::string& out, char c) {
        if (pipes && c == '|') out += '\\';
        out += c;
    });
    std::size_t longest = 0, run = 0;
    for (char c : body) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    // A space on each side when the text starts or ends with a backtick (CommonMark strips one
    // space from each side of a code span that has them both).
    const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
    return pad ? fence + " " + body + " " + fence : fence + body + fence;
}

}  // namespace camaudit::util
