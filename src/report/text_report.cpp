// The text report: `file:line:col: severity [rule] message`, the quoted articles under it,
// grouped by site, then a summary line. Colour only when asked (a terminal, no NO_COLOR).
// Every text from the input (file names, ids, messages that quote them, the law's text from
// a rule pack) goes through util::visible_controls: one line stays one line (issue #19, 8).
#include <fmt/format.h>

#include <map>
#include <optional>
#include <utility>
#include <vector>

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

std::string citation_line(const audit::Citation& c, const audit::RuleSet* rules, Lang lang,
                          std::string_view prefix = "") {
    const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
    std::string label = lang == Lang::Zh ? c.label_zh(inst ? inst->short_zh : c.doc)
                                         : c.label_en(inst ? inst->short_en : c.doc);
    return util::visible_controls(fmt::format("    {}{}: {}", prefix, label, c.text_zh));
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

// One missing consent letter gives a finding per camera near the unit: the text report prints
// the first of a zone's proximity-consent findings of the same rules in full and folds the
// others into one line under it (issue #14 point 12). Per finding: the indices folded into
// it, or nullopt where it is itself folded.
std::vector<std::optional<std::vector<std::size_t>>> consent_groups(
    const std::vector<audit::Finding>& findings) {
    std::vector<std::optional<std::vector<std::size_t>>> groups(findings.size());
    std::map<std::pair<std::string, std::vector<std::string>>, std::size_t> first;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const auto& f = findings[i];
        if (f.check != "proximity-consent" || !f.zone) {
            groups[i].emplace();
            continue;
        }
        auto [it, fresh] = first.try_emplace({*f.zone, f.rules}, i);
        if (fresh)
            groups[i].emplace();
        else
            groups[it->second]->push_back(i);
    }
    return groups;
}

std::string folded_line(const std::vector<audit::Finding>& findings,
                        const std::vector<std::size_t>& folded, Lang lang) {
    std::string ids;
    for (std::size_t i : folded)
        ids += fmt::format("{}{} ({}:{})", ids.empty() ? "" : (lang == Lang::Zh ? "、" : ", "),
                           audit::quote_id(*findings[i].camera), findings[i].loc.line,
                           findings[i].loc.column);
    if (lang == Lang::Zh)
        return fmt::format("    另有 {} 台摄像机同样未取得该单位的同意：{}", folded.size(), ids);
    return fmt::format("    the same unit's consent is also missing for {} more camera{}: {}",
                       folded.size(), folded.size() == 1 ? "" : "s", ids);
}

}  // namespace

std::string render_text(const audit::AuditReport& report, Lang lang, bool color) {
    Style style{color};
    const auto shown = util::visible_controls;
    std::string out;
    for (const auto& site : report.sites) {
        const std::string file = shown(site.file);
        out += style("1", shown(fmt::format("{} ({}{}{})", site.file, audit::quote_id(site.id),
                                            site.name.empty() ? "" : " ", site.name))) +
               "\n";
        const auto groups = consent_groups(site.findings);
        for (std::size_t i = 0; i < site.findings.size(); ++i) {
            if (!groups[i]) continue;  // folded into the first of its group
            const auto& f = site.findings[i];
            out += fmt::format("{}:{}:{}: {} {} {}\n", file, f.loc.line, f.loc.column,
                               style(severity_colour(f.severity), severity_word(f.severity, lang)),
                               style("2", fmt::format("[{}]", shown(f.rule))),
                               shown(f.message(lang == Lang::Zh)));
            if (f.origin) out += origin_line(*f.origin, lang) + "\n";
            if (!groups[i]->empty())
                out += shown(folded_line(site.findings, *groups[i], lang)) + "\n";
            for (const auto& c : f.citations)
                out += citation_line(c, site.rules.get(), lang) + "\n";
            // The penalty articles under the citations (spec, precise rule 8).
            for (const auto& c : f.penalties)
                out += citation_line(c, site.rules.get(), lang,
                                     lang == Lang::Zh ? "罚则 " : "penalty ") +
                       "\n";
        }
        if (!site.cameras_in_no_zone.empty()) {
            std::string ids_en, ids_zh;
            for (const auto& id : site.cameras_in_no_zone) {
                ids_en += (ids_en.empty() ? "" : ", ") + audit::quote_id(id);
                ids_zh += (ids_zh.empty() ? "" : "、") + audit::quote_id(id);
            }
            out += fmt::format(
                "{}: {}: {}\n", file,
                style(severity_colour(audit::Severity::Info),
                      severity_word(audit::Severity::Info, lang)),
                lang == Lang::Zh
                    ? fmt::format("以下摄像机不在任何区域内，未检查安装主体和提示标识：{}",
                                  shown(ids_zh))
                    : fmt::format("cameras in no zone (no installer or signage check): {}",
                                  shown(ids_en)));
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
