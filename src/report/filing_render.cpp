// The filing sheet (备案信息表, 公安部 规定 第六条) as text, JSON, CSV and Markdown.
#include <fmt/format.h>

#include <cmath>

#include "audit/filing_sheet.hpp"
#include "report/inspection_common.hpp"
#include "report/inspection_report.hpp"
#include "util/escape.hpp"

namespace camaudit::report {

namespace {

using detail::md_escape;
using detail::pad;
using State = audit::FilingItem::State;

bool zh(Lang lang) {
    return lang == Lang::Zh;
}

const std::string& label(const audit::FilingItem& i, Lang lang) {
    return zh(lang) ? i.label_zh : i.label_en;
}

// The value as it reads: a code's name, else the value; "—" when missing.
std::string shown(const audit::FilingItem& i, Lang lang) {
    const std::string& d = zh(lang) ? i.display_zh : i.display_en;
    if (!d.empty()) return d;
    return i.value.empty() ? "—" : i.value;
}

std::string remark(const audit::FilingItem& i, Lang lang) {
    switch (i.state) {
        case State::Ok:
            return zh(lang) ? i.note_zh : i.note_en;
        case State::Missing:
            return fmt::format(
                "{}{}", zh(lang) ? "缺项：" : "missing: ", zh(lang) ? i.problem_zh : i.problem_en);
        case State::Invalid:
            return fmt::format(
                "{}{}", zh(lang) ? "无效：" : "invalid: ", zh(lang) ? i.problem_zh : i.problem_en);
    }
    return "";
}

// 第六条 (一), (二), or the filing record.
int section(const audit::FilingItem& i) {
    if (i.key.starts_with("operator.")) return 1;
    if (i.key.starts_with("filing.")) return 3;
    return 2;
}

const char* section_title(int s, Lang lang) {
    switch (s) {
        case 1:
            return zh(lang) ? "（一）管理单位基本信息" : "(1) The unit that runs the system";
        case 2:
            return zh(lang) ? "（二）系统基本信息" : "(2) The system";
        default:
            return zh(lang) ? "备案记录" : "Filing record";
    }
}

// Plan metres with 2 decimals; longitude and latitude with 7.
int coordinate_decimals(const audit::FilingSheet& sheet) {
    if (sheet.crs == "local") return 2;
    for (const auto& c : sheet.cameras)
        if (std::fabs(c.x) > 180 || std::fabs(c.y) > 90) return 2;
    return 7;
}

std::string title(const audit::FilingSheet& sheet, Lang lang) {
    return fmt::format(
        "{}{}{}{}",
        zh(lang) ? "备案信息表（规定第六条）：" : "Filing sheet (MPS Provisions art. 6): ",
        sheet.site_id, sheet.site_name.empty() ? "" : " ", sheet.site_name);
}

struct Row {
    std::string id, floor, purpose, kind, x, y;
};

std::vector<Row> camera_rows(const audit::FilingSheet& sheet, Lang lang) {
    const int dec = coordinate_decimals(sheet);
    std::vector<Row> rows;
    for (const auto& c : sheet.cameras)
        rows.push_back({c.id, c.floor.empty() ? "-" : c.floor,
                        audit::purpose_name(c.purpose, zh(lang)),
                        audit::camera_kind_name(c.kind, zh(lang)), fmt::format("{:.{}f}", c.x, dec),
                        fmt::format("{:.{}f}", c.y, dec)});
    return rows;
}

Row camera_header(Lang lang) {
    if (zh(lang)) return {"编号", "楼层", "功能类型", "设备类型", "x", "y"};
    return {"id", "floor", "function", "type", "x", "y"};
}

std::string conclusion(const audit::FilingSheet& sheet, Lang lang) {
    std::size_t bad = 0;
    for (const auto& i : sheet.items) bad += i.state == State::Ok ? 0 : 1;
    if (bad == 0) return zh(lang) ? "结论：备案信息齐全" : "Complete: every item is given";
    return zh(lang)
               ? fmt::format("结论：{} 项缺项或无效", bad)
               : fmt::format("Incomplete: {} item{} missing or invalid", bad, bad == 1 ? "" : "s");
}

}  // namespace

std::string render_filing_text(const audit::FilingSheet& sheet, Lang lang) {
    std::string out = title(sheet, lang) + "\n";
    // Input text (file name, names, ids) is shown, never obeyed (issue #19, 8).
    const auto v = util::visible_controls;
    out += fmt::format("{}{}\n\n", zh(lang) ? "文件：" : "File: ", v(sheet.file));
    std::size_t width = 0;
    for (const auto& i : sheet.items)
        width = std::max(width, detail::display_width(label(i, lang)));
    int current = 0;
    for (const auto& i : sheet.items) {
        if (section(i) != current) {
            current = section(i);
            out += std::string(section_title(current, lang)) + "\n";
        }
        const std::string r = remark(i, lang);
        out += fmt::format("  {}  {}{}\n", pad(label(i, lang), width), v(shown(i, lang)),
                           r.empty() ? "" : fmt::format("  [{}]", v(r)));
    }
    if (!sheet.cameras.empty()) {
        out += fmt::format("\n{}{}{}\n", zh(lang) ? "设备位置（坐标系 " : "Camera positions (CRS ",
                           v(sheet.crs), zh(lang) ? "）" : ")");
        std::vector<Row> rows{camera_header(lang)};
        for (auto& r : camera_rows(sheet, lang)) {
            for (std::string* cell : {&r.id, &r.floor, &r.purpose, &r.kind}) *cell = v(*cell);
            rows.push_back(std::move(r));
        }
        std::size_t w[4] = {0, 0, 0, 0};
        for (const auto& r : rows)
            for (int k = 0; k < 4; ++k) {
                const std::string* cell[] = {&r.id, &r.floor, &r.purpose, &r.kind};
                w[k] = std::max(w[k], detail::display_width(*cell[k]));
            }
        std::size_t wx = 1, wy = 1;
        for (const auto& r : rows) wx = std::max(wx, r.x.size()), wy = std::max(wy, r.y.size());
        for (const auto& r : rows)
            out += fmt::format("  {}  {}  {}  {}  {:>{}}  {:>{}}\n", pad(r.id, w[0]),
                               pad(r.floor, w[1]), pad(r.purpose, w[2]), pad(r.kind, w[3]), r.x, wx,
                               r.y, wy);
    }
    out += fmt::format("\n{}\n", conclusion(sheet, lang));
    for (const auto& i : sheet.items)
        if (i.state != State::Ok)
            out += fmt::format("  {}: {}: {}\n", v(detail::where(i.loc)), label(i, lang),
                               v(remark(i, lang)));
    return out;
}

std::string render_filing_json(const audit::FilingSheet& sheet) {
    JsonWriter w;
    w.begin_object();
    detail::write_tool(w);
    w.key("site").begin_object();
    w.key("file").value(sheet.file).key("id").value(sheet.site_id);
    w.key("name").value(sheet.site_name).key("crs").value(sheet.crs);
    w.end_object();
    w.key("items").begin_array();
    for (const auto& i : sheet.items) {
        w.begin_object();
        w.key("key").value(i.key);
        w.key("label_zh").value(i.label_zh).key("label_en").value(i.label_en);
        w.key("value").value(i.value);
        w.key("display_zh");
        detail::value_or_null(w, i.display_zh);
        w.key("display_en");
        detail::value_or_null(w, i.display_en);
        w.key("state").value(i.state == State::Ok        ? "ok"
                             : i.state == State::Missing ? "missing"
                                                         : "invalid");
        for (auto [k, v] : {std::pair{"problem_zh", &i.problem_zh},
                            {"problem_en", &i.problem_en},
                            {"note_zh", &i.note_zh},
                            {"note_en", &i.note_en}}) {
            w.key(k);
            detail::value_or_null(w, *v);
        }
        w.key("line").value(i.loc.line).key("column").value(i.loc.column);
        w.end_object();
    }
    w.end_array();
    for (auto [k, counts] : {std::pair{"cameras_by_purpose", &sheet.by_purpose},
                             {"cameras_by_kind", &sheet.by_kind}}) {
        w.key(k).begin_array();
        for (const auto& c : *counts) {
            w.begin_object().key("key").value(c.key);
            w.key("label_zh").value(c.label_zh).key("label_en").value(c.label_en);
            w.key("count").value(c.count).end_object();
        }
        w.end_array();
    }
    w.key("cameras").begin_array();
    for (const auto& c : sheet.cameras) {
        w.begin_object().key("id").value(c.id).key("floor").value(c.floor);
        w.key("purpose").value(c.purpose).key("kind").value(c.kind);
        w.key("x").value(c.x, 9).key("y").value(c.y, 9).end_object();
    }
    w.end_array();
    w.key("complete").value(sheet.complete());
    w.end_object();
    return w.str();
}

std::string render_filing_csv(const audit::FilingSheet& sheet, Lang lang) {
    auto cell = [](std::string_view s) { return util::csv_cell(s); };
    auto value = [&](std::string_view key) -> std::string {
        for (const auto& i : sheet.items)
            if (i.key == key) return i.key == "operator.type" ? shown(i, lang) : i.value;
        return "";
    };
    const std::vector<std::string> header =
        zh(lang)
            ? std::vector<std::string>{"单位名称",
                                       "单位类型",
                                       "统一社会信用代码",
                                       "系统建设位置",
                                       "存储期限（日）",
                                       "设备编号",
                                       "楼层",
                                       "purpose",
                                       "功能类型",
                                       "kind",
                                       "设备类型",
                                       "x",
                                       "y",
                                       "坐标系"}
            : std::vector<std::string>{
                  "unit_name", "unit_type", "credit_code",   "address", "retention_days", "camera",
                  "floor",     "purpose",   "function_type", "kind",    "camera_type",    "x",
                  "y",         "crs"};
    std::string out;
    for (std::size_t k = 0; k < header.size(); ++k)
        out += fmt::format("{}{}", k ? "," : "", cell(header[k]));
    out += "\r\n";
    const std::string unit =
        fmt::format("{},{},{},{},{}", cell(value("operator.name")), cell(value("operator.type")),
                    cell(value("operator.credit_code")), cell(value("site.address")),
                    cell(value("system.retention_days")));
    const int dec = coordinate_decimals(sheet);
    for (const auto& c : sheet.cameras)
        out += fmt::format(
            "{},{},{},{},{},{},{},{:.{}f},{:.{}f},{}\r\n", unit, cell(c.id), cell(c.floor),
            cell(c.purpose), cell(audit::purpose_name(c.purpose, zh(lang))), cell(c.kind),
            cell(audit::camera_kind_name(c.kind, zh(lang))), c.x, dec, c.y, dec, cell(sheet.crs));
    if (sheet.cameras.empty()) out += fmt::format("{},,,,,,,,,{}\r\n", unit, cell(sheet.crs));
    return out;
}

std::string render_filing_markdown(const audit::FilingSheet& sheet, Lang lang) {
    std::string out = fmt::format("# {}\n\n", md_escape(title(sheet, lang)));
    out += fmt::format("{}{}\n",
                       zh(lang) ? "文件：" : "File: ", util::md_code_span(sheet.file, false));
    int current = 0;
    for (const auto& i : sheet.items) {
        if (section(i) != current) {
            current = section(i);
            out += fmt::format("\n## {}\n\n", section_title(current, lang));
            out += zh(lang) ? "| 项目 | 内容 | 说明 |\n|---|---|---|\n"
                            : "| item | value | remark |\n|---|---|---|\n";
        }
        out += fmt::format("| {} | {} | {} |\n", md_escape(label(i, lang)),
                           md_escape(shown(i, lang)), md_escape(remark(i, lang)));
    }
    if (!sheet.cameras.empty()) {
        out += fmt::format("\n## {}{}{}\n\n",
                           zh(lang) ? "设备位置（坐标系 " : "Camera positions (CRS ",
                           md_escape(sheet.crs), zh(lang) ? "）" : ")");
        const Row h = camera_header(lang);
        out += fmt::format("| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|--:|--:|\n", h.id,
                           h.floor, h.purpose, h.kind, h.x, h.y);
        for (const auto& r : camera_rows(sheet, lang))
            out +=
                fmt::format("| {} | {} | {} | {} | {} | {} |\n", md_escape(r.id),
                            md_escape(r.floor), md_escape(r.purpose), md_escape(r.kind), r.x, r.y);
    }
    out += fmt::format("\n**{}**\n", conclusion(sheet, lang));
    for (const auto& i : sheet.items)
        if (i.state != State::Ok)
            out += fmt::format("\n- {}: {}: {}", util::md_code_span(detail::where(i.loc), false),
                               md_escape(label(i, lang)), md_escape(remark(i, lang)));
    return out + (sheet.complete() ? "" : "\n");
}

}  // namespace camaudit::report
