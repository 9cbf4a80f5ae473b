// filing: the 备案 facts (条例 14, 公安部 规定 第六条, 安徽 13): the operator's name, type and
// credit code (with its GB 32100-2015 check character), the filing itself and its date, and
// the deadline: max_days after delivery, or, with `regulation_transition` (the national rule),
// by 2025-06-30 for systems in use before the regulation took effect on 2025-04-01 (条例 14:
// 施行之日起90日内). A rule with `kinds` (安徽 13 ¶2: the systems that 安徽 9 ¶2 has the places'
// units build) runs only for a site with a zone of one of them that is not government-built,
// run by an operator whose type is not `government` (spec, "Revision 2: the precise rules" 3).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"
#include "audit/credit_code.hpp"
#include "audit/filing_sheet.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kMaxDays{"max_days", 30.0, "days after delivery by which the system must be filed",
                         "系统投入使用后须在此日数内备案"};
constexpr Param kTransition{"regulation_transition", 1.0,
                            "1: systems delivered before 2025-04-01 have until 2025-06-30 "
                            "(条例 14); 0: no transition, the deadline is delivery + max_days",
                            "1：2025-04-01 前投入使用的系统可在 2025-06-30 前备案（条例第十四条）；"
                            "0：无过渡期，期限为投入使用日加 max_days",
                            1.0};
constexpr const ParamSpec* kParams[] = {&kMaxDays, &kTransition};

const Date kRegulationStart{2025, 4, 1};
const Date kTransitionDeadline{2025, 6, 30};

struct Problem {
    SourceLocation loc;
    std::string en, zh;
};

void operator_problems(const Site& site, std::vector<Problem>& out) {
    const Party& op = site.operator_;
    if (op.name.empty())
        out.push_back({op.loc, "the operator's name is missing", "缺少管理单位的名称"});
    if (op.type.empty())
        out.push_back({op.loc, "the operator's type is missing", "缺少管理单位的类型"});
    if (op.type == "individual") return;
    if (op.credit_code.empty())
        out.push_back({op.loc, "the operator's unified social credit code is missing",
                       "缺少管理单位的统一社会信用代码"});
    else if (!valid_credit_code(op.credit_code))
        out.push_back({op.credit_code_loc,
                       fmt::format("the unified social credit code {} fails its GB 32100-2015 "
                                   "check character",
                                   quote_id(op.credit_code)),
                       fmt::format("统一社会信用代码{}的校验码错误（GB 32100-2015）",
                                   quote_id(op.credit_code))});
}

void filing_problems(const System& sys, double max_days, bool transition, std::vector<Problem>& out,
                     std::vector<std::pair<std::string, double>>& metrics) {
    if (!sys.filing || !sys.filing->filed.value_or(false)) {
        SourceLocation loc = sys.filing ? sys.filing->loc : sys.loc;
        out.push_back({loc, "the system has not been filed (备案) with the public security organ",
                       "系统未向公安机关备案"});
        return;
    }
    const Filing& filing = *sys.filing;
    if (!filing.date) {
        out.push_back({filing.loc, "the filing date is missing", "缺少备案日期"});
        return;
    }
    if (!sys.delivered) return;  // no deadline to measure against
    Date deadline_from = *sys.delivered;
    long allowed = static_cast<long>(max_days);
    if (transition && *sys.delivered < kRegulationStart) {
        deadline_from = kRegulationStart;
        allowed = days_between(kRegulationStart, kTransitionDeadline);
    }
    long days = days_between(deadline_from, *filing.date);
    metrics.emplace_back("days_to_filing", static_cast<double>(days));
    metrics.emplace_back("max_days", static_cast<double>(allowed));
    if (days <= allowed) return;
    out.push_back({filing.date_loc,
                   fmt::format("filed on {}, {} days after {}; the limit is {} days",
                               filing.date->str(), days, deadline_from.str(), allowed),
                   fmt::format("于 {} 备案，距 {} 已 {} 日，超过 {} 日的期限", filing.date->str(),
                               deadline_from.str(), days, allowed)});
}

// A rule with kinds covers only the systems of those places that the operator builds.
bool in_scope(const AuditContext& ctx, const RuleRun& run) {
    if (run.rule->kinds.empty()) return true;
    const Site& site = ctx.site();
    if (site.operator_.type == "government") return false;
    for (std::size_t z = 0; z < site.zones.size(); ++z) {
        const KindDef* k = ctx.zone_kind(z);
        if (detail::rule_matches(run, site.zones[z]) && !(k && k->government_built)) return true;
    }
    return false;
}

// A filed article7 system: the facts of the filing sheet (公安部 规定 第六条 (二): location,
// cameras, function types, retention) that the site file lacks, as one info (topic "sheet"),
// from the sheet that `filing` prints and `inspect` (四) judges. The operator's facts are the
// error's own.
void sheet_info(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const auto& filing = site.system->filing;
    if (ctx.regime() != "article7" || !filing || !filing->filed.value_or(false)) return;
    RawFinding f;
    const FilingSheet sheet = build_filing_sheet(site);
    for (const auto& item : sheet.items) {
        if (item.state == FilingItem::State::Ok || item.key.starts_with("operator.")) continue;
        if (f.message_en.empty()) f.loc = item.loc;
        f.message_en += fmt::format("; {}: {}", item.label_en, item.problem_en);
        f.message_zh += fmt::format("；{}：{}", item.label_zh, item.problem_zh);
    }
    if (f.message_en.empty()) return;
    f.message_en = "the system is filed, but the filing sheet (MPS Provisions art. 6) lacks facts" +
                   f.message_en;
    f.message_zh = "系统已备案，但备案信息表（公安部规定第六条）的信息不全" + f.message_zh;
    f.severity = Severity::Info;
    f.topic = "sheet";
    sink.add(run, std::move(f));
}

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    if (!in_scope(ctx, run)) return;
    RawFinding f;
    if (!site.system) {
        f.severity = Severity::Info;
        f.message_en = "filing not applicable: the site has no `system` block (not built yet)";
        f.message_zh = "备案检查不适用：站点文件没有 `system`（系统尚未建成）";
        sink.add(run, std::move(f));
        return;
    }
    std::vector<Problem> problems;
    operator_problems(site, problems);
    filing_problems(*site.system, run.get(kMaxDays), run.get(kTransition) != 0, problems,
                    f.metrics);
    sheet_info(ctx, run, sink);
    if (problems.empty()) return;
    f.loc = problems.front().loc;
    for (const auto& p : problems) {
        f.message_en += (f.message_en.empty() ? "" : "; ") + p.en;
        f.message_zh += (f.message_zh.empty() ? "" : "；") + p.zh;
    }
    sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kFiling{
    .name = "filing",
    .default_severity = Severity::Error,
    .needs_kinds = false,
    .params = kParams,
    .summary_en = "the system's filing (备案) is missing, incomplete, invalid or late",
    .summary_zh = "系统未备案、备案信息不全、统一社会信用代码无效或备案逾期",
    .run = check,
};

}  // namespace camaudit::audit
