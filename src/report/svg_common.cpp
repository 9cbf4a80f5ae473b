#include "report/svg_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace camaudit::report::svg {

std::string num(double v) {
    if (!std::isfinite(v)) return "0";
    std::string s = fmt::format("{:.2f}", v);
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        // U+FFFE and U+FFFF are not XML 1.0 characters either (issue #19, 10): the standalone
        // SVG would not be well-formed.
        if (s.compare(i, 3, "\xEF\xBF\xBE") == 0 || s.compare(i, 3, "\xEF\xBF\xBF") == 0) {
            out += ' ';
            i += 2;
            continue;
        }
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
                out += "&apos;";
                break;
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') {
                    out += ' ';
                } else {
                    out += c;
                }
        }
    }
    return out;
}

namespace {

void ring_data(std::string& out, const Ring& ring, const Frame& f) {
    if (ring.empty()) return;
    for (std::size_t i = 0; i < ring.size(); ++i)
        out +=
            fmt::format("{}{} {}", i == 0 ? "M" : "L", num(f.px(ring[i].x)), num(f.py(ring[i].y)));
    out += "Z";
}

// The code points of a UTF-8 string, each with its byte range (invalid bytes count as one).
struct Glyph {
    std::size_t begin, end;
    char32_t cp;
};

std::vector<Glyph> glyphs(std::string_view s) {
    std::vector<Glyph> out;
    std::size_t i = 0;
    while (i < s.size()) {
        auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80         ? 1
                          : (b >> 5) == 6  ? 2
                          : (b >> 4) == 14 ? 3
                          : (b >> 3) == 30 ? 4
                                           : 1;
        if (i + len > s.size()) len = 1;
        char32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back({i, i + len, cp});
        i += len;
    }
    return out;
}

bool is_wide(char32_t cp) {
    return cp >= 0x2E80 && !(cp >= 0xFF61 && cp <= 0xFFDC);
}

double glyph_em(char32_t cp) {
    if (is_wide(cp)) return 1.0;
    if (cp == ' ' || cp == '.' || cp == ',' || cp == ':' || cp == ';' || cp == 'i' || cp == 'l' ||
        cp == 'j' || cp == '(' || cp == ')' || cp == '\'' || cp == '|' || cp == '!')
        return 0.3;
    if ((cp >= 'A' && cp <= 'Z') || cp == 'm' || cp == 'w' || cp == 'M' || cp == 'W') return 0.68;
    return 0.56;
}

}  // namespace

std::string path_data(const std::vector<Polygon>& polygons, const Frame& f) {
    std::string out;
    for (const auto& p : polygons) {
        ring_data(out, p.shell, f);
        for (const auto& h : p.holes) ring_data(out, h, f);
    }
    return out;
}

std::string points_attr(const std::vector<Point>& pts, const Frame& f) {
    std::string out;
    for (const auto& p : pts) {
        if (!out.empty()) out += ' ';
        out += num(f.px(p.x)) + "," + num(f.py(p.y));
    }
    return out;
}

double text_width(std::string_view utf8, double font_size) {
    double em = 0;
    for (const auto& g : glyphs(utf8)) em += glyph_em(g.cp);
    return em * font_size;
}

std::vector<std::string> wrap(std::string_view utf8, double width, double font_size,
                              std::size_t max_lines) {
    // Tokens: a run of non-space narrow characters, one wide character, or one space.
    std::vector<std::string_view> tokens;
    auto gs = glyphs(utf8);
    for (std::size_t i = 0; i < gs.size();) {
        std::size_t j = i + 1;
        if (!is_wide(gs[i].cp) && gs[i].cp != ' ')
            while (j < gs.size() && !is_wide(gs[j].cp) && gs[j].cp != ' ') ++j;
        tokens.push_back(utf8.substr(gs[i].begin, gs[j - 1].end - gs[i].begin));
        i = j;
    }
    // No line starts with closing punctuation nor ends with an opening bracket.
    auto opening = [](std::string_view t) {
        return t == "（" || t == "(" || t == "《" || t == "“" || t == "「" || t == "【";
    };
    auto closing = [](std::string_view t) {
        for (std::string_view c : {"）", ")", "》", "”", "」", "】", "，", "。", "、", "；", "：",
                                   "！", "？", ",", ".", ";", ":"})
            if (t == c) return true;
        return false;
    };
    std::vector<std::string_view> merged;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        std::string_view tok = tokens[t];
        if (!merged.empty() && closing(tok) && merged.back() != " ") {
            auto& back = merged.back();
            back = std::string_view(back.data(), back.size() + tok.size());
        } else if (!merged.empty() && opening(merged.back()) && tok != " ") {
            auto& back = merged.back();
            back = std::string_view(back.data(), back.size() + tok.size());
        } else {
            merged.push_back(tok);
        }
    }
    tokens = std::move(merged);
    // The line's width in em, summed glyph by glyph in order as text_width() sums it (the same
    // number to the last bit), kept as the line grows: measuring the whole line for every
    // token, and again for every glyph the ellipsis removes, was quadratic in a long name
    // (issue #19, 6: a 20 KB zone id took 18 s).
    auto em_of = [](std::string_view s, double em) {
        for (const auto& g : glyphs(s)) em += glyph_em(g.cp);
        return em;
    };
    std::vector<std::string> lines;
    std::string line;
    double line_em = 0;
    bool cut = false;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        std::string_view tok = tokens[t];
        if (line.empty() && tok == " ") continue;
        if (!line.empty() && line_em * font_size + text_width(tok, font_size) > width) {
            while (!line.empty() && line.back() == ' ') line.pop_back();
            lines.push_back(line);
            line.clear();
            line_em = 0;
            if (lines.size() == max_lines) {
                cut = true;
                break;
            }
            if (tok == " ") continue;
        }
        line += tok;
        line_em = em_of(tok, line_em);
    }
    if (!cut && !line.empty()) lines.push_back(line);
    if (cut && !lines.empty()) {
        // The longest prefix of whole glyphs that leaves room for the ellipsis: one pass.
        std::string& last = lines.back();
        const double ell = text_width("…", font_size);
        std::size_t keep = 0;
        double em = 0;
        for (const auto& g : glyphs(last)) {
            em += glyph_em(g.cp);
            if (em * font_size + ell > width) break;
            keep = g.end;
        }
        last.erase(keep);
        last += "…";
    }
    return lines;
}

std::string text(double x, double y, double size, std::string_view content,
                 std::string_view attrs) {
    return fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{}>{}</text>\n", num(x), num(y),
                       num(size), attrs.empty() ? "" : " ", attrs, escape(content));
}

std::string partial_wall_style() {
    return fmt::format("stroke=\"{}\" stroke-width=\"2.5\" stroke-dasharray=\"7 2 1.5 2\"",
                       colour::kPartialWall);
}

std::string height_text(double metres) {
    // One decimal at least (a drawing's "2.0 m"), two where the height has them.
    std::string t = fmt::format("{:.2f}", metres);
    if (t.back() == '0') t.pop_back();
    return t + " m";
}

double round_length(double max_m) {
    if (!(max_m > 0) || !std::isfinite(max_m)) return 1;
    double p = std::pow(10.0, std::floor(std::log10(max_m)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= max_m * (1 + 1e-9)) return m * p;
    return p;
}

const char* zone_fill(audit::ZoneCategory c) {
    switch (c) {
        case audit::ZoneCategory::Forbidden:
            return colour::kForbiddenFill;
        case audit::ZoneCategory::Mandatory:
            return colour::kMandatoryFill;
        case audit::ZoneCategory::Classified:
            return colour::kClassifiedFill;
        case audit::ZoneCategory::Other:
            return colour::kOtherFill;
    }
    return colour::kOtherFill;
}

const char* zone_line(audit::ZoneCategory c) {
    switch (c) {
        case audit::ZoneCategory::Forbidden:
            return colour::kForbiddenLine;
        case audit::ZoneCategory::Mandatory:
            return colour::kMandatoryLine;
        case audit::ZoneCategory::Classified:
            return colour::kClassifiedLine;
        case audit::ZoneCategory::Other:
            return colour::kOtherLine;
    }
    return colour::kOtherLine;
}

const char* band_fill(std::size_t i) {
    static const char* const fills[] = {"#fff59d", "#ffd54f", "#ffa726", "#f4511e",
                                        "#b71c1c", "#880e4f", "#4a148c"};
    return fills[std::min<std::size_t>(i, std::size(fills) - 1)];
}

const char* severity_colour(audit::Severity s) {
    switch (s) {
        case audit::Severity::Error:
            return colour::kProblem;
        case audit::Severity::Warning:
            return colour::kWarning;
        case audit::Severity::Info:
            return colour::kInfo;
    }
    return colour::kProblem;
}

const Words& words(Lang lang) {
    static const Words en{"Forbidden zone",
                          "Must be watched",
                          "Classified zone",
                          "Other zone",
                          "Viewshed",
                          "Wall",
                          "Glass",
                          "Pillar / solid",
                          "Camera",
                          "Panoramic camera",
                          "Problem area",
                          "Not covered",
                          "Legend",
                          "Pixel density",
                          "Findings",
                          "… and {} more (camaudit check)",
                          "No findings",
                          "Floor {}",
                          "Plan",
                          "grid north (+y)",
                          "Scale",
                          "site-wide",
                          "Audit not run (--no-findings)",
                          "Partial wall (its height)"};
    static const Words zh{"禁止区域",
                          "应安装区域",
                          "涉密区域",
                          "其他区域",
                          "视域",
                          "墙",
                          "玻璃",
                          "柱/实体",
                          "摄像机",
                          "全景摄像机",
                          "问题区域",
                          "覆盖不足",
                          "图例",
                          "像素密度",
                          "问题",
                          "……另有 {} 项（见 camaudit check）",
                          "未发现问题",
                          "楼层 {}",
                          "平面图",
                          "坐标北（+y）",
                          "比例尺",
                          "全场",
                          "未运行审核（--no-findings）",
                          "不到顶的墙（标注高度）"};
    return lang == Lang::Zh ? zh : en;
}

}  // namespace camaudit::report::svg
