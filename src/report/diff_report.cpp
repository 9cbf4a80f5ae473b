// The text and Markdown renderers of `camaudit diff` (JSON: diff_report_json.cpp). Both show
// only what changed: cameras, the watched zones whose coverage changed, findings new and fixed.
#include "report/diff_report.hpp"

#include <fmt/format.h>

#include "util/escape.hpp"

namespace camaudit::report {

namespace {

using audit::CameraChange;
using audit::ChangeStatus;
using audit::Finding;
using audit::Severity;
using audit::SiteDiff;

std::string tr(Lang l, std::string_view en, std::string_view zh) {
    return std::string(l == Lang::Zh ? zh : en);
}

std::string num(double v) {
    return fmt::format("{}", v == 0 ? 0.0 : v);
}  // never "-0"

std::string field_name(const std::string& f, Lang l) {
    if (l == Lang::En) return f;
    static const std::pair<const char*, const char*> zh[] = {
        {"position", "位置"},  {"floor", "楼层"},      {"height", "安装高度"},
        {"azimuth", "方位角"}, {"hfov", "水平视场角"}, {"range", "视距"},
        {"tilt", "俯仰角"},    {"vfov", "垂直视场角"}, {"ptz", "云台"}};
    for (const auto& [k, v] : zh)
        if (f == k) return v;
    return f;
}

std::string value_text(const std::string& field, const audit::DiffValue& v, Lang l) {
    struct Visitor {
        const std::string& field;
        Lang l;
        std::string operator()(std::monostate) const { return "—"; }
        std::string operator()(double d) const {
            bool angle =
                field == "azimuth" || field == "hfov" || field == "vfov" || field == "tilt";
            return num(d) + (angle ? "°" : field == "range" || field == "height" ? " m" : "");
        }
        std::string operator()(const std::string& s) const {
            if (field == "ptz") return tr(l, "pan unlimited", "水平转动不限");
            return s.empty() ? "—" : s;
        }
        std::string operator()(const std::vector<double>& p) const {
            if (field == "ptz")
                return fmt::format("{} {}°–{}°", tr(l, "pan", "水平转动"), num(p[0]), num(p[1]));
            std::string out;
            for (double d : p) out += (out.empty() ? "" : ", ") + num(d);
            return "(" + out + ")";
        }
    };
    return std::visit(Visitor{field, l}, v);
}

// "moved 1.50 m, re-aimed", "added", "removed".
std::string status_text(const CameraChange& c, Lang l) {
    if (c.status == ChangeStatus::Added) return tr(l, "added", "新增");
    if (c.status == ChangeStatus::Removed) return tr(l, "removed", "移除");
    std::string out;
    if (c.moved)
        out =
            tr(l, "moved", "移位") + (c.distance_m ? fmt::format(" {:.2f} m", *c.distance_m) : "");
    if (c.reaimed) out += (out.empty() ? "" : tr(l, ", ", "，")) + tr(l, "re-aimed", "调整朝向");
    return out;
}

// "position (0, 0) → (1.5, 0); azimuth 45° → 90°", or "position (0, 0), hfov 90°" for an
// added or removed camera.
std::string details_text(const CameraChange& c, Lang l) {
    std::string out;
    for (const auto& f : c.changes) {
        std::string one = field_name(f.field, l) + " ";
        if (c.status == ChangeStatus::Added)
            one += value_text(f.field, f.new_value, l);
        else if (c.status == ChangeStatus::Removed)
            one += value_text(f.field, f.old_value, l);
        else
            one +=
                value_text(f.field, f.old_value, l) + " → " + value_text(f.field, f.new_value, l);
        out += (out.empty() ? "" : c.status == ChangeStatus::Changed ? "; " : ", ") + one;
    }
    return out;
}

std::string note_label(const audit::LegalNote& n, Lang l) {
    return l == Lang::Zh ? n.citation.label_zh(n.short_zh) : n.citation.label_en(n.short_en);
}

std::string cite_label(const audit::Citation& c, const audit::RuleSet* rules, Lang l) {
    const audit::Instrument* i = rules ? rules->instrument(c.doc) : nullptr;
    return l == Lang::Zh ? c.label_zh(i ? i->short_zh : c.doc)
                         : c.label_en(i ? i->short_en : c.doc);
}

std::string severity_word(Severity s, Lang l) {
    static const char* const words[2][3] = {{"info", "warning", "error"}, {"提示", "警告", "错误"}};
    return words[l == Lang::Zh ? 1 : 0][static_cast<int>(s)];
}

std::string counts_text(const std::vector<Finding>& fs, Lang l) {
    std::size_t n[3] = {0, 0, 0};
    for (const auto& f : fs) ++n[static_cast<int>(f.severity)];
    if (l == Lang::Zh) return fmt::format("{} 个错误，{} 个警告，{} 个提示", n[2], n[1], n[0]);
    return fmt::format("{} error{}, {} warning{}, {} info", n[2], n[2] == 1 ? "" : "s", n[1],
                       n[1] == 1 ? "" : "s", n[0]);
}

std::string summary_line(const DiffReport& r, Lang l) {
    const SiteDiff& d = r.diff;
    if (d.empty()) return tr(l, "no changes", "没有变化");
    std::size_t zones = d.zones.size() - d.zones_with(ChangeStatus::Unchanged);
    if (l == Lang::Zh)
        return fmt::format(
            "新问题 {} 个（{}），已解决 {} 个；摄像机新增 {}、移除 {}、移位 {}、"
            "调整朝向 {}；应监控区域覆盖变化 {} 个",
            d.new_findings.size(), counts_text(d.new_findings, l), d.fixed_findings.size(),
            d.count(ChangeStatus::Added), d.count(ChangeStatus::Removed), d.moved(), d.reaimed(),
            zones);
    return fmt::format(
        "{} new finding{} ({}), {} fixed; cameras: {} added, {} removed, {} moved, "
        "{} re-aimed; coverage changed in {} watched zone{}",
        d.new_findings.size(), d.new_findings.size() == 1 ? "" : "s",
        counts_text(d.new_findings, l), d.fixed_findings.size(), d.count(ChangeStatus::Added),
        d.count(ChangeStatus::Removed), d.moved(), d.reaimed(), zones, zones == 1 ? "" : "s");
}

std::string fraction_or_dash(const std::optional<audit::ZoneMeasure>& m) {
    return m ? fmt::format("{:.1f}%", m->covered_fraction * 100) : "—";
}

}  // namespace

// ---- text ---------------------------------------------------------------------------------

std::string render_diff_text(const DiffReport& r, const DiffRenderOptions& o) {
    const Lang l = o.lang;
    const bool zh = l == Lang::Zh;
    auto style = [&](std::string_view code, const std::string& text) {
        return o.color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
    };
    const SiteDiff& d = r.diff;
    const auto shown = util::visible_controls;  // one line stays one line (issue #19, 8)
    std::string out =
        style("1",
              shown(fmt::format("{} → {} ({})", r.old_file, r.new_file, d.new_site->info.id))) +
        "\n";
    auto note_lines = [&](const audit::LegalNote& n, std::string_view indent) {
        out +=
            fmt::format("{}{}: {}\n{}    {}: {}\n", indent, tr(l, "note", "注意"),
                        shown(n.message(zh)), indent, note_label(n, l), shown(n.citation.text_zh));
    };
    if (!d.cameras.empty()) {
        out += fmt::format("{} ({} → {}):\n", tr(l, "cameras", "摄像机"),
                           d.old_site->cameras.size(), d.new_site->cameras.size());
        for (const auto& c : d.cameras) {
            char mark = c.status == ChangeStatus::Added     ? '+'
                        : c.status == ChangeStatus::Removed ? '-'
                                                            : '~';
            out += fmt::format("  {} {} {}: {}\n", mark, shown(c.id), status_text(c, l),
                               shown(details_text(c, l)));
            for (const auto& n : c.notes) note_lines(n, "      ");
        }
    }
    if (!d.zones.empty() && d.zones_with(ChangeStatus::Unchanged) < d.zones.size()) {
        out += tr(l, "coverage of the zones that must be watched:\n", "应监控区域的覆盖率：\n");
        for (const auto& z : d.zones) {
            if (z.status == ChangeStatus::Unchanged) continue;
            out += fmt::format("  {} ({}) {} → {}\n", shown(z.id), shown(z.kind),
                               fraction_or_dash(z.old_measure), fraction_or_dash(z.new_measure));
        }
    }
    auto findings = [&](const std::vector<Finding>& fs, const std::string& file,
                        const audit::RuleSet* rules, std::string_view en, std::string_view zh_) {
        if (fs.empty()) return;
        out += fmt::format("{} ({}):\n", tr(l, en, zh_), counts_text(fs, l));
        for (const auto& f : fs) {
            auto sev = style(f.severity == Severity::Error ? "1;31" : "1;33",
                             severity_word(f.severity, l));
            out += fmt::format("  {}:{}:{}: {} [{}] {}\n", shown(file), f.loc.line, f.loc.column,
                               sev, shown(f.rule), shown(f.message(zh)));
            for (const auto& c : f.citations)
                out += fmt::format("      {}: {}\n", cite_label(c, rules, l), shown(c.text_zh));
        }
    };
    findings(d.new_findings, r.new_file, r.new_rules, "new findings", "新问题");
    findings(d.fixed_findings, r.old_file, r.old_rules, "fixed findings", "已解决的问题");
    for (const auto& n : d.notes) note_lines(n, "");
    out += summary_line(r, l) + "\n";
    return out;
}

// ---- Markdown -----------------------------------------------------------------------------

namespace {

// Text for Markdown next to raw HTML, table cells (| escaped: GFM ends a cell at it even in
// a code span) and code spans, as util/escape.hpp writes them: no line break of any kind.
std::string html(std::string_view s) {
    return util::md_html(s, false);
}
std::string cell(std::string_view s) {
    return util::md_html(s, true);
}
std::string code(std::string_view s) {
    return util::md_code_span(s, false);
}
std::string code_cell(std::string_view s) {
    return util::md_code_span(s, true);
}

std::string md_quote(const std::string& label, const std::string& text) {
    return fmt::format("> **{}**: {}\n", html(label), html(text));
}

}  // namespace

std::string render_diff_markdown(const DiffReport& r, Lang l) {
    const SiteDiff& d = r.diff;
    const bool zh = l == Lang::Zh;
    std::string out = fmt::format("### camaudit diff: {}\n\n", html(d.new_site->info.id));
    out += fmt::format("{} → {}: **{}**\n", code(r.old_file), code(r.new_file),
                       html(summary_line(r, l)));
    if (!d.cameras.empty()) {
        out += tr(l, "\n#### Cameras\n\n| camera | change | details |\n|---|---|---|\n",
                  "\n#### 摄像机\n\n| 摄像机 | 变化 | 详情 |\n|---|---|---|\n");
        for (const auto& c : d.cameras)
            out += fmt::format("| {} | {} | {} |\n", code_cell(c.id), cell(status_text(c, l)),
                               cell(details_text(c, l)));
        for (const auto& c : d.cameras)
            for (const auto& n : c.notes)
                out += fmt::format("\n**{}**: {}\n{}", code(c.id), html(n.message(zh)),
                                   md_quote(note_label(n, l), n.citation.text_zh));
    }
    if (d.zones_with(ChangeStatus::Unchanged) < d.zones.size()) {
        out += tr(l,
                  "\n#### Coverage of the zones that must be watched\n\n"
                  "| zone | kind | before | after |\n|---|---|---:|---:|\n",
                  "\n#### 应监控区域的覆盖率\n\n| 区域 | 类型 | 变更前 | 变更后 "
                  "|\n|---|---|---:|---:|\n");
        for (const auto& z : d.zones)
            if (z.status != ChangeStatus::Unchanged)
                out +=
                    fmt::format("| {} | {} | {} | {} |\n", code_cell(z.id), cell(z.kind),
                                fraction_or_dash(z.old_measure), fraction_or_dash(z.new_measure));
    }
    if (!d.new_findings.empty()) {
        out += fmt::format("\n#### {} ({})\n", tr(l, "New findings", "新问题"),
                           counts_text(d.new_findings, l));
        for (const auto& f : d.new_findings) {
            out +=
                fmt::format("\n<details><summary><b>{}</b> <code>{}</code> {}:{}: {}</summary>\n\n",
                            severity_word(f.severity, l), html(f.rule), html(r.new_file),
                            f.loc.line, html(f.message(zh)));
            for (std::size_t i = 0; i < f.citations.size(); ++i)  // one paragraph each
                out += (i ? ">\n" : "") +
                       md_quote(cite_label(f.citations[i], r.new_rules, l), f.citations[i].text_zh);
            out += "\n</details>\n";
        }
    }
    if (!d.fixed_findings.empty()) {
        out += fmt::format("\n#### {} ({})\n\n", tr(l, "Fixed findings", "已解决的问题"),
                           counts_text(d.fixed_findings, l));
        for (const auto& f : d.fixed_findings)
            out += fmt::format("- ~~{} {} {}~~\n", severity_word(f.severity, l), code(f.rule),
                               html(f.message(zh)));
    }
    for (const auto& n : d.notes)
        out += fmt::format("\n**{}**: {}\n{}", tr(l, "Note", "注意"), html(n.message(zh)),
                           md_quote(note_label(n, l), n.citation.text_zh));
    return out;
}

std::vector<std::string> diff_formats() {
    return {"text", "json", "markdown"};
}

std::optional<std::string> render_diff(std::string_view format, const DiffReport& report,
                                       const DiffRenderOptions& options) {
    if (format == "text") return render_diff_text(report, options);
    if (format == "json") return render_diff_json(report, options.lang);
    if (format == "markdown") return render_diff_markdown(report, options.lang);
    return std::nullopt;
}

}  // namespace camaudit::report
