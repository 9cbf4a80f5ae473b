// filing: the 备案 facts (条例 14, 公安部 规定 第六条, 安徽 13): the operator's name, type and
// credit code (with its GB 32100-2015 check character), the filing itself and its date, and
// the deadline: max_days after delivery, or by 2025-06-30 for systems in use before the
// regulation took effect on 2025-04-01 (条例 14: 施行之日起90日内).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"
#include "audit/credit_code.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kMaxDays{"max_days", 30.0, "days after delivery by which the system must be filed",
                         "系统投入使用后须在此日数内备案"};
constexpr const ParamSpec* kParams[] = {&kMaxDays};

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

void filing_problems(const System& sys, double max_days, std::vector<Problem>& out,
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
    if (*sys.delivered < kRegulationStart) {
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

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
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
    filing_problems(*site.system, run.get(kMaxDays), problems, f.metrics);
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
