// The text report: `file:line:col: severity [rule] message`, the quoted articles under it,
// grouped by site, then a summary line. Colour only when asked (a terminal, no NO_COLOR).
// Every text from the input (file names, ids, messages that quote them, the law's text from
// a rule pack) goes through util::visible_controls: one line stays one line (issue #19, 8).
#include <fmt/format.h>

#include "report/report.hpp"
#include "util/escape.hpp"

namespace camaudit::report {

namespace {

struct Style {
    bool on;
    std::string operator()(std::string_view code, std::string_view text) const {
        return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : std::string(text);
    }
};

std::string severity_word(audit::Severity s, Lang lang) {
    if (lang == Lang::En) return std::string(audit::to_string(s));
    switch (s) {
        case audit::Severity::Error:
            return "错误";
        case audit::Severity::Warning:
            return "警告";
        case audit::Severity::Info:
            return "提示";
    }
    return "";
}

std::string_view severity_colour(audit::Severity s) {
    switch (s) {
        case audit::Severity::Error:
            return "1;31";
        case audit::Severity::Warning:
            return "1;33";
        case audit::Severity::Info:
            return "1;36";
    }
    return "0";
}

std::string citation_line(const audit::Citation& c, const audit::RuleSet* rules, Lang lang) {
    const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
    std::string label = lang == Lang::Zh ? c.label_zh(inst ? inst->short_zh : c.doc)
                                         : c.label_en(inst ? inst->short_en : c.doc);
    return util::visible_controls(fmt::format("    {}: {}", label, c.text_zh));
}

// Where an imported camera or zone was drawn: `path:line: entity 2F (INSERT on A-CCTV)`, a
// position an editor can open, since the finding's own position is the site file's import.
std::string origin_line(const DrawingOrigin& o, Lang lang) {
    const std::string where = o.line > 0 ? fmt::format("{}:{}", o.path, o.line) : o.path;
    if (o.ifc) {  // `office.ifc:812: #137 IFCSPACE 'MENS RR'`
        const std::string name = o.layer.empty() ? "" : fmt::format(" '{}'", o.layer);
        return fmt::format("    {}: {}: {} {}{}", lang == Lang::Zh ? "模型位置" : "modelled at",
                           where, o.handle, o.entity, name);
    }
    const std::string handle = o.inserts.empty() ? o.handle : o.inserts + "/" + o.handle;
    if (lang == Lang::Zh)
        return util::visible_controls(fmt::format("    图纸位置: {}: 图元 {}（{}，图层 {}）", where,
                                                  handle.empty() ? "（无句柄）" : handle, o.entity,
                                                  o.layer));
    return util::visible_controls(fmt::format("    drawn at: {}: entity {} ({} on {})", where,
                                              handle.empty() ? "without handle" : handle, o.entity,
                                              o.layer));
}

}  // namespace

std::string render_text(const audit::AuditReport& report, Lang lang, bool color) {
    Style style{color};
    const auto shown = util::visible_controls;
    std::string out;
    for (const auto& site : report.sites) {
        const std::string file = shown(site.file);
        out += style("1", shown(fmt::format("{} ({}{}{})", site.file, site.id,
                                            site.name.empty() ? "" : " ", site.name))) +
               "\n";
        for (const auto& f : site.findings) {
            out += fmt::format("{}:{}:{}: {} {} {}\n", file, f.loc.line, f.loc.column,
                               style(severity_colour(f.severity), severity_word(f.severity, lang)),
                               style("2", fmt::format("[{}]", shown(f.rule))),
                               shown(f.message(lang == Lang::Zh)));
            if (f.origin) out += origin_line(*f.origin, lang) + "\n";
            for (const auto& c : f.citations)
                out += citation_line(c, site.rules.get(), lang) + "\n";
        }
        if (!site.cameras_in_no_zone.empty()) {
            std::string ids;
            for (const auto& id : site.cameras_in_no_zone) ids += (ids.empty() ? "" : ", ") + id;
            out += fmt::format(
                "{}: {}: {}\n", file,
                style(severity_colour(audit::Severity::Info),
                      severity_word(audit::Severity::Info, lang)),
                lang == Lang::Zh
                    ? fmt::format("以下摄像机不在任何区域内，未检查安装主体和提示标识：{}",
                                  shown(ids))
                    : fmt::format("cameras in no zone (no installer or signage check): {}",
                                  shown(ids)));
        }
    }
    auto n = audit::count_severities(report);
    std::size_t sites = report.sites.size();
    if (lang == Lang::Zh)
        out += fmt::format("{} 个错误，{} 个警告，{} 个提示，共 {} 个站点\n", n.error, n.warning,
                           n.info, sites);
    else
        out += fmt::format("{} error{}, {} warning{}, {} info in {} site{}\n", n.error,
                           n.error == 1 ? "" : "s", n.warning, n.warning == 1 ? "" : "s", n.info,
                           sites, sites == 1 ? "" : "s");
    return out;
}

}  // namespace camaudit::report
