// retention-too-long: footage kept far beyond what its purpose needs: 条例 17's second sentence
// (30日后，对已经实现处理目的的视频图像信息，应当予以删除) is a deletion duty. The law gives no
// figure for "far": `far_days` is this tool's (default 180, six times the 30-day minimum), and
// the finding is an info, for the operator to show that it deletes what has served its
// purpose. Without a system or a stated retention there is nothing to measure (the
// retention-too-short check reports those).
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

constexpr Param kFarDays{"far_days", 180.0,
                         "retention beyond this many days is reported (a tool default: the law "
                         "gives no figure)",
                         "保存期限超过此日数即报告（本工具的默认值：法律未规定数值）"};
constexpr const ParamSpec* kParams[] = {&kFarDays};

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    if (!site.system || !site.system->retention_days) return;
    const System& sys = *site.system;
    const double far = run.get(kFarDays);
    if (*sys.retention_days <= far) return;
    RawFinding f;
    f.loc = sys.retention_loc;
    f.metrics = {{"retention_days", *sys.retention_days}, {"far_days", far}};
    f.message_en = fmt::format(
        "footage is kept {} days, far beyond {}: footage whose purpose has been served must be "
        "deleted after 30 days; show that it is",
        *sys.retention_days, detail::num(far));
    f.message_zh = fmt::format(
        "视频图像信息保存 {} 日，远超 {} 日：30日后，已经实现处理目的的视频图像信息应当予以删除，"
        "请说明删除的做法",
        *sys.retention_days, detail::num(far));
    sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kRetentionTooLong{
    .name = "retention-too-long",
    .default_severity = Severity::Info,
    .needs_kinds = false,
    .params = kParams,
    .summary_en =
        "footage is kept far beyond the 30 days after which what has served its "
        "purpose must be deleted",
    .summary_zh = "视频图像信息保存期限远超30日，已实现处理目的的应当删除",
    .run = check,
};

}  // namespace camaudit::audit
