// The inspection checklist (公安部 规定 第十条) as text, JSON and Markdown. Every item quotes the
// law's own text in Chinese; English output adds a rendering under it.
#include <fmt/format.h>

#include <map>

#include "report/inspection_common.hpp"
#include "report/inspection_report.hpp"
#include "util/escape.hpp"

namespace camaudit::report {

namespace {

using detail::md_escape;

bool zh(Lang lang) {
    return lang == Lang::Zh;
}

std::string scope_name(std::string_view scope, Lang lang) {
    if (scope == "general")
        return zh(lang) ? "一般检查：第一项至第七项" : "general inspection: items 1 to 7";
    if (scope == "professional")
        return zh(lang) ? "专业检查：第八项至第十三项" : "professional inspection: items 8 to 13";
    return zh(lang) ? "全部：第一项至第十三项" : "all items: 1 to 13";
}

std::string title(const audit::Inspection& in, Lang lang) {
    return fmt::format(
        "{}{}{}{}",
        zh(lang) ? "监督检查表（规定第十条）：" : "Inspection checklist (MPS Provisions art. 10): ",
        in.site_id, in.site_name.empty() ? "" : " ", in.site_name);
}

// "依据：条例第十三条；一般检查；重点检查项" / "Basis: Regulation art. 13; general inspection".
std::string basis(const audit::InspectionItem& it, Lang lang) {
    std::string out =
        zh(lang) ? fmt::format("依据：{}", it.basis_zh) : fmt::format("Basis: {}", it.basis_en);
    if (it.general) out += zh(lang) ? "；一般检查" : "; general inspection";
    if (it.professional) out += zh(lang) ? "；专业检查" : "; professional inspection";
    if (it.focus)
        out += zh(lang) ? "；重点检查项（规定第十二条）" : "; a focus (Provisions art. 12)";
    if (it.exempt) out += zh(lang) ? "；依法不适用" : "; exempt by law";
    return out;
}

const std::vector<std::string>& evidence(const audit::InspectionItem& it, Lang lang) {
    return zh(lang) ? it.evidence_zh : it.evidence_en;
}

const std::vector<std::string>& notes(const audit::Inspection& in, Lang lang) {
    return zh(lang) ? in.notes_zh : in.notes_en;
}

std::map<audit::ItemStatus, std::size_t> counts(const audit::Inspection& in) {
    std::map<audit::ItemStatus, std::size_t> n;
    for (const auto& it : in.items) ++n[it.status];
    return n;
}

constexpr audit::ItemStatus kStatuses[] = {
    audit::ItemStatus::Pass, audit::ItemStatus::Fail, audit::ItemStatus::NotApplicable,
    audit::ItemStatus::Attested, audit::ItemStatus::NotAttested};

std::string summary(const audit::Inspection& in, Lang lang) {
    auto n = counts(in);
    std::string parts;
    for (auto s : kStatuses)
        parts += fmt::format("{}{}", parts.empty() ? "" : (zh(lang) ? "，" : ", "),
                             zh(lang) ? fmt::format("{} {}", status_name(s, lang), n[s])
                                      : fmt::format("{} {}", n[s], status_name(s, lang)));
    const bool ok = in.all_pass_or_attested();
    if (zh(lang))
        return fmt::format("合计：{}。结论：{}", parts,
                           ok ? "各项均通过或已确认" : "并非各项均通过或已确认");
    return fmt::format(
        "Summary: {}. {}", parts,
        ok ? "Every item passes or is attested." : "Not every item passes or is attested.");
}

// File, scope, regime, date and notes, a line each; for Markdown as a list, escaped.
std::string header_lines(const audit::Inspection& in, Lang lang, bool markdown) {
    std::string out;
    auto line = [&](std::string_view zh_label, std::string_view en_label, std::string_view v) {
        const std::string text = std::string(zh(lang) ? zh_label : en_label) + std::string(v);
        out += markdown ? fmt::format("- {}\n", md_escape(text))
                        : fmt::format("{}\n", util::visible_controls(text));
    };
    line("文件：", "File: ", in.file);
    line("检查范围：", "Scope: ", scope_name(in.scope, lang));
    line("法律制度：", "Regime: ", in.regime);
    line("检查日期：", "Date: ", in.today);
    for (const auto& n : notes(in, lang)) line("说明：", "Note: ", n);
    return out;
}

std::string severity_of(const audit::Finding& f) {
    return std::string(audit::to_string(f.severity));
}

}  // namespace

std::string render_inspection_text(const audit::Inspection& in, Lang lang) {
    std::string out = fmt::format("{}\n{}\n", title(in, lang), header_lines(in, lang, false));
    for (const auto& it : in.items) {
        const std::string status(status_name(it.status, lang));
        if (zh(lang))
            out += fmt::format("【{}】{}{}\n", status, item_numeral(it.number), it.text_zh);
        else
            out += fmt::format("{}. [{}] {}{}\n    {}\n", it.number, status,
                               item_numeral(it.number), it.text_zh, it.title_en);
        // Input text (ids, names) reaches the lines below: shown, never obeyed (issue #19, 8).
        out += fmt::format("    {}\n", util::visible_controls(basis(it, lang)));
        for (const auto& e : evidence(it, lang))
            out += fmt::format("    - {}\n", util::visible_controls(e));
        out += "\n";
    }
    return out + fmt::format("{}\n", summary(in, lang));
}

std::string render_inspection_json(const audit::Inspection& in) {
    std::map<std::string, const audit::Finding*> by_fingerprint;
    for (const auto& f : in.findings) by_fingerprint.emplace(f.fingerprint, &f);
    JsonWriter w;
    w.begin_object();
    detail::write_tool(w);
    w.key("site").begin_object();
    w.key("file").value(in.file).key("id").value(in.site_id).key("name").value(in.site_name);
    w.key("regime").value(in.regime).end_object();
    w.key("scope").value(in.scope).key("today").value(in.today);
    for (auto [k, v] : {std::pair{"notes_zh", &in.notes_zh}, {"notes_en", &in.notes_en}}) {
        w.key(k).begin_array();
        for (const auto& s : *v) w.value(s);
        w.end_array();
    }
    w.key("items").begin_array();
    for (const auto& it : in.items) {
        w.begin_object();
        w.key("number").value(it.number).key("text_zh").value(it.text_zh);
        w.key("title_en").value(it.title_en);
        w.key("basis_zh").value(it.basis_zh).key("basis_en").value(it.basis_en);
        w.key("general").value(it.general).key("professional").value(it.professional);
        w.key("focus").value(it.focus);
        w.key("status").value(to_string(it.status)).key("exempt").value(it.exempt);
        for (auto [k, v] :
             {std::pair{"evidence_zh", &it.evidence_zh}, {"evidence_en", &it.evidence_en}}) {
            w.key(k).begin_array();
            for (const auto& s : *v) w.value(s);
            w.end_array();
        }
        w.key("findings").begin_array();
        for (const auto& fp : it.findings) {
            auto found = by_fingerprint.find(fp);
            if (found == by_fingerprint.end()) continue;
            const audit::Finding& f = *found->second;
            w.begin_object().key("fingerprint").value(f.fingerprint);
            w.key("rule").value(f.rule).key("check").value(f.check);
            w.key("severity").value(severity_of(f));
            w.key("camera");
            f.camera ? (void)w.value(*f.camera) : (void)w.null();
            w.key("zone");
            f.zone ? (void)w.value(*f.zone) : (void)w.null();
            w.key("file").value(f.loc.file).key("line").value(f.loc.line);
            w.key("column").value(f.loc.column);
            w.key("message_zh").value(f.message_zh).key("message_en").value(f.message_en);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.key("summary").begin_object();
    auto n = counts(in);
    for (auto s : kStatuses) w.key(to_string(s)).value(n[s]);
    w.end_object();
    w.key("passed").value(in.all_pass_or_attested());
    w.end_object();
    return w.str();
}

std::string render_inspection_markdown(const audit::Inspection& in, Lang lang) {
    std::string out = fmt::format("# {}\n\n", md_escape(title(in, lang)));
    out += header_lines(in, lang, true);
    out += zh(lang) ? "\n| 项 | 结论 | 检查内容 |\n|---|---|---|\n"
                    : "\n| item | status | what is inspected |\n|---|---|---|\n";
    for (const auto& it : in.items)
        out +=
            fmt::format("| {} | {} | {} |\n", item_numeral(it.number), status_name(it.status, lang),
                        md_escape(zh(lang) ? it.text_zh : it.title_en));
    for (const auto& it : in.items) {
        out += fmt::format("\n## {}{}\n\n", item_numeral(it.number), md_escape(it.text_zh));
        if (!zh(lang)) out += fmt::format("*{}*\n\n", md_escape(it.title_en));
        out += fmt::format("**{}** — {}\n\n", status_name(it.status, lang),
                           md_escape(basis(it, lang)));
        for (const auto& e : evidence(it, lang)) out += fmt::format("- {}\n", md_escape(e));
    }
    return out + fmt::format("\n**{}**\n", md_escape(summary(in, lang)));
}

}  // namespace camaudit::report
