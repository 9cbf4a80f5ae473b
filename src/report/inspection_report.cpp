// The inspector's documents: the format tables and the helpers that the renderers
// (filing_render.cpp, inspection_render.cpp) share.
#include "report/inspection_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "audit/rule_pack.hpp"
#include "report/inspection_common.hpp"
#include "util/escape.hpp"

namespace camaudit::report {

// Defined in filing_render.cpp and inspection_render.cpp.
std::string render_filing_text(const audit::FilingSheet& sheet, Lang lang);
std::string render_filing_json(const audit::FilingSheet& sheet);
std::string render_filing_csv(const audit::FilingSheet& sheet, Lang lang);
std::string render_filing_markdown(const audit::FilingSheet& sheet, Lang lang);
std::string render_inspection_text(const audit::Inspection& inspection, Lang lang);
std::string render_inspection_json(const audit::Inspection& inspection);
std::string render_inspection_markdown(const audit::Inspection& inspection, Lang lang);

std::string_view status_name(audit::ItemStatus s, Lang lang) {
    if (lang == Lang::En) return to_string(s);
    switch (s) {
        case audit::ItemStatus::Pass:
            return "通过";
        case audit::ItemStatus::Fail:
            return "不通过";
        case audit::ItemStatus::NotApplicable:
            return "不适用";
        case audit::ItemStatus::Attested:
            return "已确认";
        case audit::ItemStatus::NotAttested:
            return "未确认";
    }
    return "";
}

std::string item_numeral(int n) {
    return fmt::format("({})", audit::zh_numeral(n));
}

std::vector<std::string> filing_formats() {
    return {"text", "json", "csv", "markdown"};
}
std::vector<std::string> inspection_formats() {
    // html is rendered by render_inspection_html (report/html_report.hpp): it needs the audit
    // and the filing sheet as well as the checklist.
    return {"text", "json", "markdown", "html"};
}

std::optional<std::string> render_filing(std::string_view format, const audit::FilingSheet& sheet,
                                         Lang lang) {
    if (format == "text") return render_filing_text(sheet, lang);
    if (format == "json") return render_filing_json(sheet);
    if (format == "csv") return render_filing_csv(sheet, lang);
    if (format == "markdown") return render_filing_markdown(sheet, lang);
    return std::nullopt;
}

std::optional<std::string> render_inspection(std::string_view format,
                                             const audit::Inspection& inspection, Lang lang) {
    if (format == "text") return render_inspection_text(inspection, lang);
    if (format == "json") return render_inspection_json(inspection);
    if (format == "markdown") return render_inspection_markdown(inspection, lang);
    return std::nullopt;
}

namespace detail {

namespace {

// The next code point of `s` from `i` (advanced); U+FFFD for a malformed byte.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i++]);
    int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    char32_t cp = extra == 3 ? b & 0x07 : extra == 2 ? b & 0x0F : extra == 1 ? b & 0x1F : b;
    if (b >= 0x80 && extra == 0) return 0xFFFD;
    for (; extra > 0 && i < s.size(); --extra) cp = (cp << 6) | (s[i++] & 0x3F);
    return cp;
}

bool wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) width += wide(next_code_point(s, i)) ? 2 : 1;
    return width;
}

std::string pad(std::string_view s, std::size_t width) {
    const std::size_t w = display_width(s);
    return std::string(s) + std::string(w < width ? width - w : 0, ' ');
}

std::string md_escape(std::string_view s) {
    return util::md_backslash(s);
}

std::string where(const SourceLocation& loc) {
    if (!loc.known()) return loc.file;
    return fmt::format("{}:{}:{}", loc.file, loc.line, loc.column);
}

void write_tool(JsonWriter& w) {
    w.key("tool").begin_object();
    w.key("name").value("camaudit").key("version").value(CAMAUDIT_VERSION);
    w.end_object();
}

void value_or_null(JsonWriter& w, const std::string& s) {
    if (s.empty())
        w.null();
    else
        w.value(s);
}

}  // namespace detail

}  // namespace camaudit::report
