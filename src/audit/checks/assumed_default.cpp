// assumed-default: a camera for which the reader assumed values that its file does not give (an
// OpenStreetMap camera without hfov, range, direction... tags). Each finding names the camera
// and every assumed value, so that a conclusion resting on a default is never silent.
#include <fmt/format.h>

#include <cstdlib>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

// "hfov 90 (no tag gives the field of view)"; an empty value is shown as such.
std::string item(const Assumption& a, bool zh) {
    const std::string& reason = zh ? a.reason_zh : a.reason_en;
    return zh ? fmt::format("{} = {}（{}）", a.field, a.value, reason)
              : fmt::format("{} = {} ({})", a.field, a.value, reason);
}

// The numeric assumptions, for JSON consumers (`metrics`).
std::vector<std::pair<std::string, double>> numbers(const std::vector<Assumption>& assumed) {
    std::vector<std::pair<std::string, double>> out;
    for (const auto& a : assumed)
        if (a.field == "hfov" || a.field == "range" || a.field == "height")
            out.emplace_back(a.field, std::strtod(a.value.c_str(), nullptr));
    return out;
}

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    for (std::size_t c = 0; c < site.cameras.size(); ++c) {
        const Camera& cam = site.cameras[c];
        if (cam.assumed.empty()) continue;
        std::vector<std::string> en, zh;
        for (const auto& a : cam.assumed) {
            en.push_back(item(a, false));
            zh.push_back(item(a, true));
        }
        RawFinding f;
        f.camera = c;
        f.message_en = fmt::format("camera {} is read from OpenStreetMap tags; assumed: {}",
                                   quote_id(cam.id), fmt::join(en, "; "));
        f.message_zh = fmt::format("摄像机{}取自 OpenStreetMap 标签，以下数值为假定：{}",
                                   quote_id(cam.id), fmt::join(zh, "；"));
        f.metrics = numbers(cam.assumed);
        sink.add(run, std::move(f));
    }
}

}  // namespace

extern constexpr CheckDef kAssumedDefault{
    .name = "assumed-default",
    .default_severity = Severity::Info,
    .needs_kinds = false,
    .params = {},
    .summary_en =
        "values were assumed for a camera whose input does not give them (OpenStreetMap tags)",
    .summary_zh = "摄像机的输入未给出部分数值（OpenStreetMap 标签），已按默认值假定",
    .run = check,
};

}  // namespace camaudit::audit
