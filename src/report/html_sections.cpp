#include "report/html_sections.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <tuple>

#include "report/svg_plan.hpp"

namespace camaudit::report::html {

namespace {

std::string row(std::string_view head, std::string_view value_html) {
    return fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n", escape(head), value_html);
}

std::string location(const audit::SiteResult& site, const audit::Finding& f) {
    const std::string& file = f.loc.file.empty() ? site.file : f.loc.file.str();
    return el("span", fmt::format("{}:{}:{}", file, f.loc.line, f.loc.column), "class=\"loc\"");
}

// A metric's name and value as the reader wants them: fractions in per cent.
std::string metric(const std::string& key, double value, Lang lang) {
    struct Name {
        std::string_view key;
        Text text;
        bool fraction;
    };
    static constexpr Name names[] = {
        {"overlap_m2", {"重叠面积（m²）", "overlap (m²)"}, false},
        {"overlap_fraction", {"占区域比例", "share of the zone"}, true},
        {"distance_m", {"距离（m）", "distance (m)"}, false},
        {"covered_fraction", {"覆盖率", "covered"}, true},
        {"required_fraction", {"要求覆盖率", "required"}, true},
        {"retention_days", {"保存天数", "retention (days)"}, false},
        {"min_days", {"最少天数", "minimum (days)"}, false},
    };
    for (const auto& n : names)
        if (n.key == key)
            return fmt::format(
                "{}: {}", tr(lang, n.text),
                n.fraction ? percent(value) : fixed(value, std::floor(value) == value ? 0 : 2));
    return fmt::format("{}: {}", key, fixed(value, 2));
}

std::string citation_item(const audit::Citation& c, const audit::RuleSet* rules, Lang lang) {
    const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
    const std::string zh = c.label_zh(inst ? inst->short_zh : c.doc);
    std::string out = "<li>";
    if (lang == Lang::Zh) {
        out += el("span", zh, "class=\"cite-label\"");
    } else {
        out += el("span", c.label_en(inst ? inst->short_en : c.doc), "class=\"cite-label\"");
        out += " " + el("span", "（" + zh + "）", "class=\"cite-label-alt\" lang=\"zh-CN\"");
    }
    out += el("blockquote", c.text_zh, "class=\"article\" lang=\"zh-CN\"");
    return out + "</li>";
}

const audit::Rule* rule_of(const audit::SiteResult& site, const std::string& id) {
    return site.rules ? site.rules->rule(id) : nullptr;
}

}  // namespace

std::string severity_badge(audit::Severity s, Lang lang) {
    static constexpr Text words[] = {{"提示", "info"}, {"警告", "warning"}, {"错误", "error"}};
    return el("span", tr(lang, words[static_cast<int>(s)]),
              fmt::format("class=\"sev sev-{}\"", audit::to_string(s)));
}

std::string regime_text(const std::string& regime, Lang lang) {
    if (regime == "article7")
        return std::string(tr(lang, {"条例第七条规定的公共场所（article7）",
                                     "a public place named by Regulation art. 7 (article7)"}));
    if (regime == "article9")
        return std::string(tr(lang, {"其他公共场所，适用条例第九条（article9）",
                                     "another public place, Regulation art. 9 (article9)"}));
    if (regime == "non_public")
        return std::string(tr(lang, {"非公共场所，适用条例第三十三条（non_public）",
                                     "not a public place, Regulation art. 33 (non_public)"}));
    return regime;
}

std::string site_summary(const audit::SiteResult& site, Lang lang, bool findings) {
    std::string rows;
    rows += row(tr(lang, {"站点编号", "Site id"}), el("code", site.id));
    if (!site.name.empty()) rows += row(tr(lang, {"名称", "Name"}), escape(site.name));
    if (!site.address.empty()) rows += row(tr(lang, {"地址", "Address"}), escape(site.address));
    if (!site.region.empty())
        rows += row(tr(lang, {"行政区划", "Region"}), el("code", site.region));
    rows += row(tr(lang, {"站点文件", "Site file"}), el("span", site.file, "class=\"loc\""));
    std::string crs = site.crs == "local"
                          ? std::string(tr(lang, {"本地平面坐标（米）", "local plane metres"}))
                          : site.crs;
    if (!site.working_crs.empty() && site.working_crs != site.crs && site.working_crs != "local")
        crs += html::format(lang, {"；计算坐标系 {}", "; computed in {}"}, site.working_crs);
    rows += row(tr(lang, {"坐标系", "CRS"}), escape(crs));
    if (!site.regime.empty())
        rows += row(tr(lang, {"法律适用", "Legal regime"}), escape(regime_text(site.regime, lang)));
    if (site.rules && !site.rules->packs.empty()) {
        std::string packs;
        for (const auto& p : site.rules->packs)
            packs += (packs.empty() ? "" : "<br>") + el("code", p.id) + " " +
                     escape(lang == Lang::Zh ? p.name_zh : p.name_en);
        rows += row(tr(lang, {"规则包", "Rule packs"}), packs);
    }
    rows += row(tr(lang, {"摄像机数量", "Cameras"}), fmt::format("{}", site.cameras));
    rows += row(tr(lang, {"区域数量", "Zones"}), fmt::format("{}", site.zones));
    if (findings) {
        std::size_t n[3] = {0, 0, 0};
        for (const auto& f : site.findings) ++n[static_cast<int>(f.severity)];
        auto count = [&](audit::Severity s) {
            return fmt::format("<span>{} {}</span>", severity_badge(s, lang),
                               n[static_cast<int>(s)]);
        };
        rows +=
            row(tr(lang, {"问题", "Findings"}),
                fmt::format("<span class=\"counts\">{}{}{}</span>", count(audit::Severity::Error),
                            count(audit::Severity::Warning), count(audit::Severity::Info)));
        if (!site.cameras_in_no_zone.empty()) {
            std::string ids;
            for (const auto& id : site.cameras_in_no_zone)
                ids += (ids.empty() ? "" : ", ") + el("code", id);
            rows += row(tr(lang, {"不在任何区域内的摄像机（未检查安装主体和提示标识）",
                                  "Cameras in no zone (no installer or signage check)"}),
                        ids);
        }
    }
    return "<table class=\"facts\">\n<tbody>\n" + rows + "</tbody>\n</table>\n";
}

std::vector<int> finding_numbers(const audit::SiteResult& site) {
    std::vector<int> out;
    int n = 0;
    for (const auto& f : site.findings)
        out.push_back(f.severity == audit::Severity::Info ? 0 : ++n);
    return out;
}

std::string plan_figure(const audit::SiteResult& site, Lang lang, std::string_view id_prefix) {
    if (!site.plan) return {};
    // The plan's findings are the audit's errors and warnings in report order; keep those still
    // reported (a baseline may have hidden some), in the order of `site.findings`.
    audit::Plan plan = *site.plan;
    std::vector<audit::PlanFinding> kept;
    std::set<std::size_t> used;
    for (const auto& f : site.findings) {
        if (f.severity == audit::Severity::Info) continue;
        for (std::size_t i = 0; i < site.plan->findings.size(); ++i) {
            const auto& pf = site.plan->findings[i];
            if (used.contains(i) || pf.rule != f.rule || pf.camera != f.camera.value_or("") ||
                pf.zone != f.zone.value_or(""))
                continue;
            used.insert(i);
            kept.push_back(pf);
            break;
        }
    }
    plan.findings = std::move(kept);
    const std::string label = fmt::format("{} {}", tr(lang, {"平面图", "Plan of"}), site.id);
    std::string out = "<figure class=\"plan\">\n";
    out += inline_svg(render_svg(plan), id_prefix, label);
    out += "\n<figcaption>";
    out += escape(
        plan.audited
            ? tr(lang,
                 {"平面图：区域按类别着色，摄像机及其视域，问题以编号标出（编号与问题清单一致）。",
                  "The plan: zones by category, cameras and their viewsheds, "
                  "findings numbered as in the list of findings."})
            : tr(lang, {"平面图：区域按类别着色，摄像机及其视域和像素密度等级。",
                        "The plan: zones by category, cameras, their viewsheds and "
                        "pixel-density levels."}));
    return out + "</figcaption>\n</figure>\n";
}

std::string findings_table(const audit::SiteResult& site, Lang lang, std::string_view id_prefix,
                           std::map<std::string, std::string>* anchors) {
    if (site.findings.empty())
        return el("p", tr(lang, {"未发现问题。", "No findings."}), "class=\"none\"");
    const auto numbers = finding_numbers(site);
    std::string out =
        "<table class=\"findings\">\n<colgroup><col class=\"c-no\"><col class=\"c-sev\">"
        "<col class=\"c-rule\"><col class=\"c-cam\"><col class=\"c-zone\"><col class=\"c-msg\">"
        "<col class=\"c-loc\"></colgroup>\n<thead><tr>";
    const Text head[] = {{"编号", "No."},      {"严重程度", "Severity"}, {"规则", "Rule"},
                         {"摄像机", "Camera"}, {"区域", "Zone"},         {"说明", "Message"},
                         {"位置", "Location"}};
    for (const auto& h : head) out += el("th", tr(lang, h), "scope=\"col\"");
    out += "</tr></thead>\n";
    for (std::size_t i = 0; i < site.findings.size(); ++i) {
        const auto& f = site.findings[i];
        const std::string id = fmt::format("{}f{}", id_prefix, i + 1);
        if (anchors) (*anchors)[f.fingerprint] = id;
        std::string rule = el("code", f.rule);
        if (const auto* r = rule_of(site, f.rule))
            rule += "<br>" + escape(lang == Lang::Zh ? r->title_zh : r->title_en);
        for (const auto& other : f.rules)
            if (other != f.rule) rule += "<br>+ " + el("code", other);
        std::string message = escape(f.message(lang == Lang::Zh));
        if (!f.metrics.empty()) {
            std::string m;
            for (const auto& [k, v] : f.metrics) m += (m.empty() ? "" : "；") + metric(k, v, lang);
            message += "<br>" + el("span", m, "class=\"muted\"");
        }
        out += fmt::format(
            "<tbody class=\"finding\">\n<tr class=\"finding sev-row-{}\" id=\"{}\" "
            "data-fingerprint=\"{}\"><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td>"
            "<td>{}</td><td>{}</td><td>{}</td></tr>\n",
            audit::to_string(f.severity), escape(id), escape(f.fingerprint),
            numbers[i] > 0 ? std::to_string(numbers[i]) : "–", severity_badge(f.severity, lang),
            rule, f.camera ? el("code", *f.camera) : "–", f.zone ? el("code", *f.zone) : "–",
            message, location(site, f));
        if (!f.citations.empty()) {
            out += "<tr class=\"law\"><td></td><td colspan=\"6\"><ul class=\"citations\">";
            for (const auto& c : f.citations) out += citation_item(c, site.rules.get(), lang);
            out += "</ul>";
            if (!f.penalties.empty()) {  // under the citations (spec, precise rule 8)
                out += el("p", tr(lang, {"罚则：", "Penalties:"}), "class=\"penalties\"");
                out += "<ul class=\"citations penalties\">";
                for (const auto& c : f.penalties) out += citation_item(c, site.rules.get(), lang);
                out += "</ul>";
            }
            out += "</td></tr>\n";
        }
        out += "</tbody>\n";
    }
    return out + "</table>\n";
}

std::string instruments_cited(const audit::SiteResult& site, Lang lang) {
    std::vector<std::string> docs;
    std::set<std::string> seen;
    for (const auto& f : site.findings)
        for (const auto& c : f.citations)
            if (seen.insert(c.doc).second) docs.push_back(c.doc);
    if (docs.empty()) return {};
    const bool zh = lang == Lang::Zh;
    std::string out = el("h4", tr(lang, {"所引法规", "Instruments cited"})) + "\n<ul>\n";
    for (const auto& id : docs) {
        const audit::Instrument* inst = site.rules ? site.rules->instrument(id) : nullptr;
        if (!inst) {
            out += "<li>" + el("code", id) + "</li>\n";
            continue;
        }
        std::string text = zh ? "《" + inst->title_zh + "》" : inst->title_en;
        std::vector<std::string> facts;
        if (!inst->issuer_zh.empty() || !inst->issuer_en.empty())
            facts.push_back(zh ? inst->issuer_zh : inst->issuer_en);
        if (!inst->number.empty()) facts.push_back(inst->number);
        if (inst->effective)
            facts.push_back(
                fmt::format("{}{}", zh ? "施行日期 " : "in force from ", inst->effective->str()));
        std::string tail;
        for (const auto& s : facts) tail += (tail.empty() ? "" : zh ? "，" : ", ") + s;
        out += "<li>" + escape(text) + (tail.empty() ? "" : " — " + escape(tail));
        if (!zh)
            out += " " + el("span", "《" + inst->title_zh + "》", "lang=\"zh-CN\" class=\"muted\"");
        out += "</li>\n";
    }
    return out + "</ul>\n";
}

std::string mandatory_coverage(const audit::SiteResult& site, Lang lang,
                               std::string_view id_prefix) {
    Table t;
    t.css_class = "coverage";
    t.head = {std::string(tr(lang, {"编号", "No."})),
              std::string(tr(lang, {"区域", "Zone"})),
              std::string(tr(lang, {"覆盖率", "Covered"})),
              std::string(tr(lang, {"要求覆盖率", "Required"})),
              std::string(tr(lang, {"严重程度", "Severity"})),
              std::string(tr(lang, {"说明", "Message"}))};
    t.classes = {"num", "", "num", "num", "", ""};
    const auto numbers = finding_numbers(site);
    for (std::size_t i = 0; i < site.findings.size(); ++i) {
        const auto& f = site.findings[i];
        if (f.check != "mandatory-coverage") continue;
        auto get = [&](std::string_view key) {
            for (const auto& [k, v] : f.metrics)
                if (k == key) return percent(v);
            return std::string("–");
        };
        t.rows.push_back(fmt::format(
            "<tr><td class=\"num\"><a href=\"#{}f{}\">{}</a></td><td>{}</td><td class=\"num "
            "bad\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
            escape(id_prefix), i + 1, numbers[i] > 0 ? std::to_string(numbers[i]) : "–",
            f.zone ? el("code", *f.zone) : "–", get("covered_fraction"), get("required_fraction"),
            severity_badge(f.severity, lang), escape(f.message(lang == Lang::Zh))));
    }
    if (t.rows.empty())
        return el(
            "p",
            tr(lang, {"未发现应安装区域覆盖不足的问题。各区域的覆盖详情见 camaudit coverage。",
                      "No mandatory-coverage findings. The coverage of every zone: "
                      "camaudit coverage."}),
            "class=\"none\"");
    return el("p", tr(lang, {"下列应安装区域的覆盖率低于要求（编号链接到问题清单）：",
                             "These zones that must be watched are covered less than required "
                             "(the numbers link to the findings):"})) +
           t.str();
}

}  // namespace camaudit::report::html
