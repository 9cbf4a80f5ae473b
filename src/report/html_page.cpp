#include "report/html_page.hpp"

#include <fmt/format.h>

#include <cmath>

namespace camaudit::report::html {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at s[i], 0 if there is none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (i + n > s.size()) return 0;
    if (b(1) < lo || b(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(k) < 0x80 || b(k) > 0xBF) return 0;
    return n;
}

}  // namespace

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default: {
                const std::size_t n = utf8_length(s, i);
                const auto u = static_cast<unsigned char>(c);
                if (n == 0 || (u < 0x20 && c != '\t' && c != '\n') || u == 0x7F) {
                    out += kReplacement;
                    ++i;
                    continue;
                }
                out.append(s.substr(i, n));
                i += n;
                continue;
            }
        }
        ++i;
    }
    return out;
}

std::string fixed(double v, int decimals) {
    if (!std::isfinite(v)) return "-";
    std::string s = fmt::format("{:.{}f}", v, decimals);
    if (s.find_first_not_of("-0.") == std::string::npos && s.front() == '-') s.erase(0, 1);
    return s;
}

std::string percent(double fraction) {
    return fixed(fraction * 100, 1) + "%";
}

std::string el(std::string_view tag, std::string_view text, std::string_view attrs) {
    return fmt::format("<{}{}{}>{}</{}>", tag, attrs.empty() ? "" : " ", attrs, escape(text), tag);
}

std::string inline_svg(std::string_view svg, std::string_view id_prefix, std::string_view label) {
    const std::size_t start = svg.find("<svg");
    if (start == std::string_view::npos) return {};
    svg.remove_prefix(start);
    std::string out;
    out.reserve(svg.size() + 256);
    bool root = true;
    // Inside tags only: text content never holds a raw '<' or '>' (it is escaped), so the tag
    // boundaries found here are the real ones.
    for (std::size_t i = 0; i < svg.size();) {
        if (svg[i] != '<') {
            const std::size_t next = svg.find('<', i);
            const std::size_t end = next == std::string_view::npos ? svg.size() : next;
            out.append(svg.substr(i, end - i));
            i = end;
            continue;
        }
        const std::size_t close = svg.find('>', i);
        const std::size_t end = close == std::string_view::npos ? svg.size() : close + 1;
        std::string tag(svg.substr(i, end - i));
        i = end;
        if (root) {
            root = false;
            for (const char* attr : {" width=\"", " height=\""}) {
                const std::size_t a = tag.find(attr);
                if (a == std::string::npos) continue;
                const std::size_t q = tag.find('"', a + std::string_view(attr).size());
                if (q != std::string::npos) tag.erase(a, q + 1 - a);
            }
            tag.insert(4, fmt::format(" class=\"plan-svg\" role=\"img\" aria-label=\"{}\"",
                                      escape(label)));
        }
        for (std::string_view pattern : {"id=\"", "url(#", "href=\"#"}) {
            for (std::size_t p = tag.find(pattern); p != std::string::npos;
                 p = tag.find(pattern, p)) {
                // " id=", not "grid=" or "data-id=".
                if (pattern == "id=\"" && p > 0 && tag[p - 1] != ' ' && tag[p - 1] != '\n') {
                    p += pattern.size();
                    continue;
                }
                p += pattern.size();
                tag.insert(p, id_prefix);
                p += id_prefix.size();
            }
        }
        out += tag;
    }
    return out;
}

std::string Table::str() const {
    std::string out = "<table";
    if (!css_class.empty()) out += fmt::format(" class=\"{}\"", escape(css_class));
    out += ">\n";
    if (!caption.empty()) out += el("caption", caption) + "\n";
    out += "<thead><tr>";
    for (std::size_t i = 0; i < head.size(); ++i) {
        const bool has = i < classes.size() && !classes[i].empty();
        out += el("th", head[i],
                  has ? fmt::format("scope=\"col\" class=\"{}\"", classes[i]) : "scope=\"col\"");
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& r : rows) out += r + "\n";
    out += "</tbody>\n</table>\n";
    return out;
}

Page::Page(Lang lang, std::string title, std::string date)
    : lang_(lang), title_(std::move(title)), date_(std::move(date)) {}

void Page::section(std::string id, int level, std::string heading, std::string body, Start start) {
    sections_.push_back({std::move(id), level, std::move(heading), std::move(body), start});
}

std::string Page::str() const {
    const bool zh = lang_ == Lang::Zh;
    std::string out;
    out += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n",
                       zh ? "zh-CN" : "en");
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += fmt::format("<meta name=\"generator\" content=\"camaudit {}\">\n", CAMAUDIT_VERSION);
    out += el("title", title_) + "\n<style>\n";
    out += stylesheet();
    // Page numbers in the printed page's bottom margin.
    out += zh ? "@page { @bottom-right { content: \"第 \" counter(page) \" 页，共 \" "
                "counter(pages) \" 页\"; } }\n"
              : "@page { @bottom-right { content: \"Page \" counter(page) \" of \" "
                "counter(pages); } }\n";
    out +=
        fmt::format("@page {{ @bottom-left {{ content: \"camaudit {}\"; }} }}\n", CAMAUDIT_VERSION);
    out += "</style>\n</head>\n<body>\n<header class=\"doc-head\">\n";
    out += el("h1", title_) + "\n<p class=\"doc-meta\">";
    out += escape(fmt::format("camaudit {}", CAMAUDIT_VERSION));
    if (!date_.empty()) out += " · " + escape(fmt::format("{}{}", zh ? "日期：" : "Date: ", date_));
    out += "</p>\n</header>\n" + preface_;

    // The table of contents: the sections of level 2, their parts under them.
    out += fmt::format("<nav class=\"toc\" aria-label=\"{}\">\n", zh ? "目录" : "Contents");
    out += el("h2", zh ? "目录" : "Contents") + "\n<ol>\n";
    bool item_open = false, sub_open = false;
    for (const auto& s : sections_) {
        const auto link = fmt::format("<a href=\"#{}\">{}</a>", escape(s.id), escape(s.heading));
        if (s.level <= 2 || !item_open) {
            if (sub_open) out += "</ol>";
            if (item_open) out += "</li>\n";
            out += "<li>" + link;
            item_open = true, sub_open = false;
        } else {
            if (!sub_open) out += "\n<ol>\n";
            sub_open = true;
            out += "<li>" + link + "</li>\n";
        }
    }
    if (sub_open) out += "</ol>";
    if (item_open) out += "</li>\n";
    out += "</ol>\n</nav>\n<main>\n";

    // Sections of level 3 nest in the level-2 section before them.
    bool open_parent = false;
    for (const auto& s : sections_) {
        if (s.level <= 2 && open_parent) {
            out += "</section>\n";
            open_parent = false;
        }
        const std::string_view start = s.start == Start::NewPage     ? " new-page"
                                       : s.start == Start::Landscape ? " new-page landscape"
                                                                     : "";
        std::string cls = fmt::format("level-{}{}", s.level, start);
        out += fmt::format("<section id=\"{}\" class=\"{}\">\n", escape(s.id), cls);
        out += el(s.level <= 2 ? "h2" : "h3", s.heading) + "\n" + s.body;
        if (s.level <= 2)
            open_parent = true;
        else
            out += "</section>\n";
    }
    if (open_parent) out += "</section>\n";
    out += "</main>\n<footer class=\"doc-foot\">\n<p>";
    out += escape(zh ? fmt::format("本报告由 camaudit {} 根据现场文件自动生成；结论须经现场核实。",
                                   CAMAUDIT_VERSION)
                     : fmt::format("Generated by camaudit {} from the site file; its findings "
                                   "are to be verified on site.",
                                   CAMAUDIT_VERSION));
    out += "</p>\n</footer>\n</body>\n</html>\n";
    return out;
}

}  // namespace camaudit::report::html
