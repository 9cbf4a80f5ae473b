// The HTML page of `inspect`: the checklist of 公安部 规定 第十条 (the items in scope), the 备案
// filing sheet (第六条), the audit behind them, and a block for the signatures of the printed
// record. Status words and item numerals are those of the other inspection formats.
#include <fmt/format.h>

#include <cmath>
#include <map>

#include "report/html_page.hpp"
#include "report/html_report.hpp"
#include "report/html_sections.hpp"
#include "report/inspection_report.hpp"

namespace camaudit::report {

using html::el;
using html::escape;
using html::Text;
using html::tr;
using Start = html::Page::Start;

namespace {

constexpr audit::ItemStatus kStatuses[] = {
    audit::ItemStatus::Pass, audit::ItemStatus::Fail, audit::ItemStatus::NotApplicable,
    audit::ItemStatus::Attested, audit::ItemStatus::NotAttested};

// The CSS class of a status: pass, fail, na, attested, not-attested.
std::string_view status_class(audit::ItemStatus s) {
    switch (s) {
        case audit::ItemStatus::Pass:
            return "pass";
        case audit::ItemStatus::Fail:
            return "fail";
        case audit::ItemStatus::NotApplicable:
            return "na";
        case audit::ItemStatus::Attested:
            return "attested";
        case audit::ItemStatus::NotAttested:
            return "not-attested";
    }
    return "na";
}

std::string status_badge(audit::ItemStatus s, Lang lang) {
    return el("span", status_name(s, lang), fmt::format("class=\"st st-{}\"", status_class(s)));
}

std::string scope_text(const std::string& scope, Lang lang) {
    if (scope == "general")
        return std::string(
            tr(lang, {"一般检查：第一项至第七项", "general inspection: items 1 to 7"}));
    if (scope == "professional")
        return std::string(
            tr(lang, {"专业检查：第八项至第十三项", "professional inspection: items 8 to 13"}));
    return std::string(tr(lang, {"全部：第一项至第十三项", "all items: 1 to 13"}));
}

std::string list(const std::vector<std::string>& items, std::string_view css) {
    if (items.empty()) return {};
    std::string out = fmt::format("<ul class=\"{}\">", css);
    for (const auto& i : items) out += el("li", i);
    return out + "</ul>";
}

// Where the checklist's fingerprints point: the finding's row and its number on the plan.
struct FindingRef {
    std::string anchor;
    int number = 0;
};

std::string checklist(const audit::Inspection& insp, const std::map<std::string, FindingRef>& refs,
                      Lang lang) {
    const bool zh = lang == Lang::Zh;
    html::Table t;
    t.css_class = "checklist";
    t.head = {std::string(tr(lang, {"项", "Item"})),
              std::string(tr(lang, {"检查内容（规定第十条）", "What is checked (art. 10)"})),
              std::string(tr(lang, {"结果", "Result"})),
              std::string(tr(lang, {"情况与问题", "Evidence and findings"})),
              std::string(tr(lang, {"现场核查", "On site"}))};
    t.classes = {"num", "", "", "", ""};
    for (const auto& item : insp.items) {
        std::string what = zh ? escape(item.text_zh)
                              : escape(item.title_en) + "<br>" +
                                    el("span", item.text_zh, "lang=\"zh-CN\" class=\"muted\"");
        std::vector<std::string> basis;
        const std::string& b = zh ? item.basis_zh : item.basis_en;
        if (!b.empty()) basis.push_back(html::format(lang, {"依据：{}", "Basis: {}"}, b));
        if (item.general) basis.emplace_back(tr(lang, {"一般检查", "general inspection"}));
        if (item.professional)
            basis.emplace_back(tr(lang, {"专业检查", "professional inspection"}));
        if (item.focus)
            basis.emplace_back(
                tr(lang, {"重点检查项（规定第十二条）", "a focus (Provisions art. 12)"}));
        if (item.exempt) basis.emplace_back(tr(lang, {"依法不适用", "exempt by law"}));
        std::string basis_text;
        for (const auto& s : basis) basis_text += (basis_text.empty() ? "" : zh ? "；" : "; ") + s;
        what += "<br>" + el("span", basis_text, "class=\"muted\"");

        std::string notes = list(zh ? item.evidence_zh : item.evidence_en, "evidence");
        if (!item.findings.empty()) {
            notes += "<ul class=\"evidence\">";
            for (const auto& fp : item.findings) {
                auto r = refs.find(fp);
                if (r == refs.end()) {
                    notes += "<li>" + el("code", fp) + "</li>";
                    continue;
                }
                const auto label =
                    r->second.number > 0
                        ? html::format(lang, {"问题 {}", "finding {}"}, r->second.number)
                        : std::string(tr(lang, {"问题（提示）", "finding (info)"}));
                notes += fmt::format("<li><a class=\"finding-ref\" href=\"#{}\">{}</a></li>",
                                     escape(r->second.anchor), escape(label));
            }
            notes += "</ul>";
        }
        t.rows.push_back(fmt::format(
            "<tr class=\"item status-{}\" id=\"item-{}\"><td class=\"num\">{}</td><td>{}</td>"
            "<td>{}</td><td>{}</td><td class=\"tick\">□ {}<br>□ {}</td></tr>",
            status_class(item.status), item.number,
            escape(zh ? item_numeral(item.number) : std::to_string(item.number)), what,
            status_badge(item.status, lang), notes, escape(tr(lang, {"符合", "pass"})),
            escape(tr(lang, {"不符合", "fail"}))));
    }
    return t.str() + list(zh ? insp.notes_zh : insp.notes_en, "notes");
}

// 第六条 (一), (二), or the filing record, by the item's key.
int filing_group(const audit::FilingItem& i) {
    if (i.key.starts_with("operator.")) return 1;
    if (i.key.starts_with("filing.")) return 3;
    return 2;
}

std::string filing_sheet(const audit::FilingSheet& sheet, Lang lang) {
    const bool zh = lang == Lang::Zh;
    std::size_t missing = 0, invalid = 0;
    for (const auto& i : sheet.items) {
        missing += i.state == audit::FilingItem::State::Missing;
        invalid += i.state == audit::FilingItem::State::Invalid;
    }
    std::string out = missing + invalid == 0
                          ? el("p", tr(lang, {"备案事项齐全。", "The filing items are complete."}),
                               "class=\"ok\"")
                          : el("p",
                               html::format(lang,
                                            {"备案事项缺项 {} 项、无效 {} 项。",
                                             "{} filing item(s) missing, {} invalid."},
                                            missing, invalid),
                               "class=\"bad\"");
    html::Table t;
    t.css_class = "filing";
    t.head = {
        std::string(tr(lang, {"事项", "Item"})), std::string(tr(lang, {"填报内容", "As filed"})),
        std::string(tr(lang, {"状态", "State"})), std::string(tr(lang, {"位置", "Location"}))};
    static constexpr Text groups[] = {
        {"（一）管理单位基本信息", "(1) The unit that runs the system"},
        {"（二）系统基本信息", "(2) The system"},
        {"备案记录", "Filing record"}};
    int group = 0;
    for (const auto& i : sheet.items) {
        if (filing_group(i) != group) {
            group = filing_group(i);
            t.rows.push_back("<tr class=\"group\">" +
                             el("th", tr(lang, groups[group - 1]), "colspan=\"4\" scope=\"row\"") +
                             "</tr>");
        }
        const std::string& shown = zh ? i.display_zh : i.display_en;
        const std::string value = escape(!shown.empty() ? shown : i.value.empty() ? "–" : i.value);
        std::string state;
        switch (i.state) {
            case audit::FilingItem::State::Ok:
                state = el("span", tr(lang, {"齐全", "complete"}), "class=\"st st-pass\"");
                break;
            case audit::FilingItem::State::Missing:
                state = el("span", tr(lang, {"缺项", "missing"}), "class=\"st st-fail\"");
                break;
            case audit::FilingItem::State::Invalid:
                state = el("span", tr(lang, {"无效", "invalid"}), "class=\"st st-fail\"");
                break;
        }
        const std::string& remark = i.state == audit::FilingItem::State::Ok
                                        ? (zh ? i.note_zh : i.note_en)
                                        : (zh ? i.problem_zh : i.problem_en);
        if (!remark.empty()) state += "<br>" + escape(remark);
        const std::string loc =
            i.loc.known()
                ? el("span",
                     fmt::format("{}:{}:{}", i.loc.file.empty() ? sheet.file : i.loc.file.str(),
                                 i.loc.line, i.loc.column),
                     "class=\"loc\"")
                : "";
        t.rows.push_back(fmt::format(
            "<tr class=\"filing-item\" data-key=\"{}\"><td>{}</td><td>{}</td><td>{}</td>"
            "<td>{}</td></tr>",
            escape(i.key), escape(zh ? i.label_zh : i.label_en), value, state, loc));
    }
    out += t.str();
    auto counts = [&](const std::vector<audit::CameraCount>& cs, Text caption, Text key_head) {
        if (cs.empty()) return std::string();
        html::Table c;
        c.caption = std::string(tr(lang, caption));
        c.head = {std::string(tr(lang, key_head)), std::string(tr(lang, {"数量", "Count"}))};
        c.classes = {"", "num"};
        for (const auto& k : cs) {
            const std::string& l = zh ? k.label_zh : k.label_en;
            c.rows.push_back(fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>",
                                         escape(l.empty() ? k.key : l), k.count));
        }
        return c.str();
    };
    out +=
        counts(sheet.by_purpose, {"按功能类型统计", "Cameras by purpose"}, {"功能类型", "Purpose"});
    out += counts(sheet.by_kind, {"按设备类型统计", "Cameras by type"}, {"设备类型", "Type"});
    if (sheet.cameras.empty()) return out;
    // Plan metres with 2 decimals; longitude and latitude with 7.
    int decimals = sheet.crs == "local" ? 2 : 7;
    for (const auto& c : sheet.cameras)
        if (std::fabs(c.x) > 180 || std::fabs(c.y) > 90) decimals = 2;
    html::Table c;
    c.caption = html::format(lang, {"摄像机安装位置（坐标系 {}）", "Camera positions (CRS {})"},
                             sheet.crs.empty() ? "local" : sheet.crs);
    c.head = {std::string(tr(lang, {"摄像机", "Camera"})),
              std::string(tr(lang, {"楼层", "Floor"})),
              std::string(tr(lang, {"功能类型", "Purpose"})),
              std::string(tr(lang, {"设备类型", "Type"})),
              "x",
              "y"};
    c.classes = {"", "", "", "", "num", "num"};
    for (const auto& p : sheet.cameras)
        c.rows.push_back(
            fmt::format("<tr class=\"camera\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                        el("code", p.id), escape(p.floor.empty() ? "–" : p.floor),
                        escape(p.purpose.empty() ? "–" : p.purpose), escape(p.kind),
                        html::fixed(p.x, decimals), html::fixed(p.y, decimals)));
    return out + c.str();
}

std::string signatures(Lang lang) {
    std::string out = "<div class=\"signatures\">";
    static constexpr Text fields[] = {
        {"检查人员（签名）", "Inspector (signature)"},
        {"检查日期", "Date of inspection"},
        {"被检查单位负责人（签名）", "For the inspected unit (signature)"},
        {"被检查单位（盖章）", "Seal of the inspected unit"}};
    for (const auto& f : fields) out += el("div", tr(lang, f));
    return out + "</div>\n";
}

}  // namespace

std::string render_inspection_html(const audit::Inspection& insp, const audit::FilingSheet* filing,
                                   const audit::SiteResult* audit, Lang lang,
                                   std::string_view date) {
    const std::string name = insp.site_name.empty() ? insp.site_id : insp.site_name;
    html::Page page(lang,
                    html::format(lang,
                                 {"公共安全视频图像信息系统监督检查记录：{}",
                                  "Inspection record of a public security video system: {}"},
                                 name),
                    std::string(date));
    std::string counts;
    for (auto s : kStatuses) {
        std::size_t n = 0;
        for (const auto& i : insp.items) n += i.status == s;
        counts += fmt::format("<span>{} {}</span>", status_badge(s, lang), n);
    }
    std::string preface =
        el("p",
           html::format(
               lang,
               {"依据《公共安全视频图像信息系统监督管理工作规定》第十条、第十一条。检查范围：{}。",
                "Under the MPS Provisions arts. 10 and 11. Scope: {}."},
               scope_text(insp.scope, lang)));
    if (!insp.today.empty())
        preface +=
            el("p", html::format(lang, {"各项措施的日期按 {} 计算。", "Measures dated as of {}."},
                                 insp.today));
    preface += "<p class=\"counts\">" + counts + "</p>\n";
    page.preface(preface);

    // The findings: the audit's (with its rules and plan), else the inspection's own copy.
    audit::SiteResult own;
    if (!audit) {
        own.file = insp.file;
        own.id = insp.site_id;
        own.name = insp.site_name;
        own.regime = insp.regime;
        own.findings = insp.findings;
    }
    const audit::SiteResult& site = audit ? *audit : own;
    const std::string p = "s1-";
    std::map<std::string, std::string> anchors;
    const std::string findings =
        html::findings_table(site, lang, p, &anchors) + html::instruments_cited(site, lang);
    std::map<std::string, FindingRef> refs;
    const auto numbers = html::finding_numbers(site);
    for (std::size_t i = 0; i < site.findings.size(); ++i)
        refs[site.findings[i].fingerprint] = {anchors[site.findings[i].fingerprint], numbers[i]};

    page.section(p + "site", 2,
                 insp.site_name.empty() ? html::format(lang, {"站点：{}", "Site {}"}, insp.site_id)
                                        : html::format(lang, {"站点：{}（{}）", "Site {} ({})"},
                                                       insp.site_name, insp.site_id),
                 "");
    if (audit)
        page.section(p + "summary", 3, std::string(tr(lang, {"站点概况", "Site summary"})),
                     html::site_summary(*audit, lang, true));
    page.section(
        p + "checklist", 3,
        std::string(tr(lang, {"检查项目（规定第十条）", "Checklist (Provisions art. 10)"})),
        checklist(insp, refs, lang), Start::NewPage);
    if (filing)
        page.section(
            p + "filing", 3,
            std::string(tr(lang, {"备案信息（规定第六条）", "Filing sheet (Provisions art. 6)"})),
            filing_sheet(*filing, lang), Start::NewPage);
    if (audit && audit->plan)
        page.section(p + "plan", 3, std::string(tr(lang, {"平面图", "Plan"})),
                     html::plan_figure(*audit, lang, p), Start::Landscape);
    page.section(p + "findings", 3,
                 html::format(lang, {"问题清单（{} 项）", "Findings ({})"}, site.findings.size()),
                 findings, Start::NewPage);
    page.section(p + "signatures", 3, std::string(tr(lang, {"签字", "Signatures"})),
                 signatures(lang));
    return page.str();
}

}  // namespace camaudit::report
