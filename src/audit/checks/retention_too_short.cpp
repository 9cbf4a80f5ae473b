// retention-too-short: footage kept for fewer than min_days (条例 17, 安徽 17 ¶2 (三)).
// Without a `system` block the system is not built yet: not applicable, said as info.
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kMinDays{"min_days", 30.0, "the shortest retention allowed (days)",
                         "最短保存期限（日）"};
constexpr const ParamSpec* kParams[] = {&kMinDays};

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const double min_days = run.get(kMinDays);
    RawFinding f;
    if (!site.system) {
        f.severity = Severity::Info;
        f.message_en = "retention not applicable: the site has no `system` block (not built yet)";
        f.message_zh = "保存期限检查不适用：站点文件没有 `system`（系统尚未建成）";
        sink.add(run, std::move(f));
        return;
    }
    const System& sys = *site.system;
    f.metrics.emplace_back("min_days", min_days);
    if (!sys.retention_days) {
        f.loc = sys.loc;
        f.message_en = fmt::format(
            "`system.retention_days` is not given; footage must be kept at least {} days",
            detail::num(min_days));
        f.message_zh =
            fmt::format("未给出 `system.retention_days`；视频图像信息应当保存不少于 {} 日",
                        detail::num(min_days));
        sink.add(run, std::move(f));
        return;
    }
    if (*sys.retention_days >= min_days) return;
    f.loc = sys.retention_loc;
    f.metrics.insert(f.metrics.begin(), {"retention_days", *sys.retention_days});
    f.message_en = fmt::format("footage is kept {} days, less than the required {}",
                               *sys.retention_days, detail::num(min_days));
    f.message_zh = fmt::format("视频图像信息保存 {} 日，少于规定的 {} 日", *sys.retention_days,
                               detail::num(min_days));
    sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kRetentionTooShort{
    .name = "retention-too-short",
    .default_severity = Severity::Error,
    .needs_kinds = false,
    .params = kParams,
    .summary_en = "footage is kept for less than the minimum",
    .summary_zh = "视频图像信息保存期限不足",
    .run = check,
};

}  // namespace camaudit::audit
