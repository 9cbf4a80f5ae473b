// The HTML pages of `check` and `coverage` (see html_report.hpp).
#include "report/html_report.hpp"

#include <fmt/format.h>

#include "report/html_page.hpp"
#include "report/html_sections.hpp"

namespace camaudit::report {

using html::el;
using html::escape;
using html::fixed;
using html::Text;
using html::tr;
using Start = html::Page::Start;

namespace {

std::string site_heading(const std::string& id, const std::string& name, Lang lang) {
    if (name.empty()) return fmt::format("{}{}", tr(lang, {"站点：", "Site "}), id);
    return html::format(lang, {"站点：{}（{}）", "Site {} ({})"}, name, id);
}

std::string report_title(std::string_view base, const std::vector<std::string>& names, Lang lang) {
    if (names.size() != 1 || names[0].empty()) return std::string(base);
    return html::format(lang, {"{}：{}", "{}: {}"}, base, names[0]);
}

// A level of IEC 62676-4:2014 (ZoneCoverageRow::best_level) in the language of the report.
std::string density_level(const std::string& level, Lang lang) {
    static constexpr std::pair<std::string_view, Text> names[] = {
        {"monitor", {"监视", "monitor"}},
        {"detect", {"探测", "detect"}},
        {"observe", {"观察", "observe"}},
        {"recognise", {"识别", "recognise"}},
        {"identify", {"辨认", "identify"}}};
    for (const auto& [name, text] : names)
        if (name == level) return std::string(tr(lang, text));
    return level;
}

std::string camera_table(const SiteCoverage& s, Lang lang) {
    html::Table t;
    t.css_class = "cameras";
    t.head = {std::string(tr(lang, {"摄像机", "Camera"})), std::string(tr(lang, {"楼层", "Floor"})),
              std::string(tr(lang, {"视域面积（m²）", "Viewshed (m²)"})),
              std::string(tr(lang, {"近处盲区半径（m）", "Blind radius (m)"})),
              std::string(tr(lang, {"备注", "Note"}))};
    t.classes = {"", "", "num", "num", ""};
    for (const auto& c : s.cameras)
        t.rows.push_back(fmt::format(
            "<tr class=\"camera\"><td>{}</td><td>{}</td><td class=\"num\">{}</td><td "
            "class=\"num\">{}</td><td>{}</td></tr>",
            el("code", c.id), escape(c.floor.empty() ? "–" : c.floor), fixed(c.viewshed_m2, 1),
            c.blind_radius_m ? fixed(*c.blind_radius_m, 1) : "–",
            c.eye_in_solid ? escape(tr(lang, {"位于实体墙内，看不到任何区域",
                                              "eye inside a solid wall: sees nothing"}))
                           : ""));
    return t.str();
}

std::string zone_table(const SiteCoverage& s, const audit::SiteResult* site, Lang lang) {
    html::Table t;
    t.css_class = "zones";
    t.head = {std::string(tr(lang, {"区域", "Zone"})),
              std::string(tr(lang, {"类型", "Kind"})),
              std::string(tr(lang, {"楼层", "Floor"})),
              std::string(tr(lang, {"面积（m²）", "Area (m²)"})),
              std::string(tr(lang, {"覆盖面积（m²）", "Covered (m²)"})),
              std::string(tr(lang, {"覆盖率", "Covered"})),
              std::string(tr(lang, {"最佳像素密度（px/m，IEC 62676-4:2014）",
                                    "Best density (px/m, IEC 62676-4:2014)"})),
              std::string(tr(lang, {"摄像机", "Cameras"}))};
    t.classes = {"", "", "", "num", "num", "num", "num", ""};
    for (const auto& z : s.zones) {
        const audit::KindDef* kind = site && site->rules ? site->rules->kind(z.kind) : nullptr;
        std::string kind_cell = el("code", z.kind);
        if (kind) kind_cell += "<br>" + escape(lang == Lang::Zh ? kind->name_zh : kind->name_en);
        const bool must = kind && kind->category == audit::KindCategory::Mandatory;
        if (must) kind_cell += "<br>" + el("strong", tr(lang, {"应安装区域", "must be watched"}));
        std::string cams;
        for (const auto& id : z.cameras) cams += (cams.empty() ? "" : ", ") + el("code", id);
        std::string density = "–";
        if (z.best_px_per_m) {
            density = fixed(*z.best_px_per_m, 0);
            auto level = density_level(z.best_level, lang);
            if (!level.empty()) density += "<br>" + escape(level);
        }
        t.rows.push_back(fmt::format(
            "<tr class=\"zone{}\"><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td "
            "class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td>"
            "</tr>",
            must ? " mandatory" : "", el("code", z.id), kind_cell,
            escape(z.floor.empty() ? "–" : z.floor), fixed(z.area_m2, 1), fixed(z.covered_m2, 1),
            html::percent(z.covered_fraction), density, cams.empty() ? "–" : cams));
    }
    return t.str();
}

}  // namespace

std::string render_html(const audit::AuditReport& report, Lang lang, std::string_view date) {
    std::vector<std::string> names;
    for (const auto& s : report.sites) names.push_back(s.name.empty() ? s.id : s.name);
    html::Page page(lang,
                    report_title(tr(lang, {"公共安全视频图像信息系统审核报告",
                                           "Audit of a public security video system"}),
                                 names, lang),
                    std::string(date));
    const auto n = audit::count_severities(report);
    page.preface(el("p",
                    html::format(lang,
                                 {"{} 个站点：{} 个错误，{} 个警告，{} 个提示。",
                                  "{} site(s): {} error(s), {} warning(s), "
                                  "{} info."},
                                 report.sites.size(), n.error, n.warning, n.info),
                    "class=\"overall\""));
    for (std::size_t i = 0; i < report.sites.size(); ++i) {
        const audit::SiteResult& site = report.sites[i];
        const std::string p = fmt::format("s{}-", i + 1);
        page.section(p + "site", 2, site_heading(site.id, site.name, lang), "",
                     i > 0 ? Start::NewPage : Start::Here);
        page.section(p + "summary", 3, std::string(tr(lang, {"站点概况", "Site summary"})),
                     html::site_summary(site, lang, true));
        if (site.plan)
            page.section(p + "plan", 3, std::string(tr(lang, {"平面图", "Plan"})),
                         html::plan_figure(site, lang, p), Start::Landscape);
        page.section(
            p + "findings", 3,
            html::format(lang, {"问题清单（{} 项）", "Findings ({})"}, site.findings.size()),
            html::findings_table(site, lang, p) + html::instruments_cited(site, lang),
            Start::NewPage);
        page.section(p + "coverage", 3,
                     std::string(tr(lang, {"应安装区域的覆盖情况",
                                           "Coverage of the zones that "
                                           "must be watched"})),
                     html::mandatory_coverage(site, lang, p));
    }
    return page.str();
}

std::string render_coverage_html(const CoverageReport& report,
                                 const std::vector<audit::SiteResult>& sites, Lang lang,
                                 std::string_view date) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < report.sites.size(); ++i)
        names.push_back(i < sites.size() && !sites[i].name.empty() ? sites[i].name
                                                                   : report.sites[i].id);
    html::Page page(
        lang, report_title(tr(lang, {"摄像机覆盖情况报告", "Camera coverage report"}), names, lang),
        std::string(date));
    page.preface(el(
        "p",
        tr(lang, {"面积以计算坐标系的平方米计；覆盖面积为区域位于同层各摄像机视域并集之内的部分。",
                  "Areas in square metres of the working CRS; a zone's covered "
                  "area is the part of it inside the union of the viewsheds of "
                  "the cameras on its floor."}),
        "class=\"muted\""));
    for (std::size_t i = 0; i < report.sites.size(); ++i) {
        const SiteCoverage& cov = report.sites[i];
        const audit::SiteResult* site = i < sites.size() ? &sites[i] : nullptr;
        const std::string p = fmt::format("s{}-", i + 1);
        page.section(p + "site", 2, site_heading(cov.id, site ? site->name : "", lang), "",
                     i > 0 ? Start::NewPage : Start::Here);
        if (site)
            page.section(p + "summary", 3, std::string(tr(lang, {"站点概况", "Site summary"})),
                         html::site_summary(*site, lang, false));
        if (site && site->plan)
            page.section(p + "plan", 3, std::string(tr(lang, {"平面图", "Plan"})),
                         html::plan_figure(*site, lang, p), Start::Landscape);
        page.section(p + "cameras", 3,
                     html::format(lang, {"摄像机（{} 台）", "Cameras ({})"}, cov.cameras.size()),
                     camera_table(cov, lang), Start::NewPage);
        page.section(
            p + "zones", 3,
            html::format(lang, {"区域覆盖（{} 个）", "Zone coverage ({})"}, cov.zones.size()),
            zone_table(cov, site, lang));
    }
    return page.str();
}

}  // namespace camaudit::report
