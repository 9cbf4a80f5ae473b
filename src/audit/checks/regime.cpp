// regime: a declared site.regime that the zones' kinds contradict (article9 or non_public with
// a place that 条例 第七条 names, non_public with a public zone): error at site.regime, naming
// the zones. The audit applies the inferred regime whatever this check reports (AuditContext,
// audit/regime.hpp), so disabling the rule hides the finding, never the override. Where no
// regime is declared and article9 is inferred for a site with a public hotel zone, an info:
// 条例 第七条第二款第（一）项's "等人员聚集场所" might cover a hotel; `regime: article7` says so.
// Spec, "Revision 2: the precise rules" 2.
#include <fmt/format.h>

#include "audit/checks/checks.hpp"

namespace camaudit::audit {

namespace {

std::string zone_list(const AuditContext& ctx, const std::vector<std::size_t>& zones, bool zh) {
    std::string out;
    for (std::size_t z : zones) {
        if (!out.empty()) out += zh ? "、" : ", ";
        out += zh ? zone_label_zh(ctx, z) : "the " + zone_label_en(ctx, z);
    }
    return out;
}

std::string regime_zh(const std::string& regime) {
    if (regime == "article7") return "第七条场所（article7）";
    if (regime == "article9") return "第七条以外的其他公共场所（article9）";
    return "非公共场所（non_public）";
}

void contradiction(const AuditContext& ctx, const RegimeInference& r, RawFinding& f) {
    const bool a7 = r.inferred == "article7";
    f.message_en = fmt::format("site.regime is declared {} but {} {} {}; the audit applies {}",
                               r.declared, zone_list(ctx, r.contradicting, false),
                               r.contradicting.size() == 1 ? "is" : "are",
                               a7 ? "a place that Regulation art. 7 names" : "public", r.inferred);
    f.message_zh = fmt::format("site.regime 声明为 {}，但{}{}；本次审核按{}适用", r.declared,
                               zone_list(ctx, r.contradicting, true),
                               a7 ? "属于条例第七条所列场所" : "是公共区域", regime_zh(r.inferred));
}

void check(const AuditContext& ctx, const RuleRun& run, FindingSink& sink) {
    const Site& site = ctx.site();
    const RegimeInference& r = ctx.regime_inference();
    RawFinding f;
    if (r.contradicted) {
        f.loc = site.info.regime_loc;
        contradiction(ctx, r, f);
        sink.add(run, std::move(f));
        return;
    }
    if (!r.declared.empty() || r.inferred != "article9") return;
    std::vector<std::size_t> hotels;
    for (std::size_t z = 0; z < site.zones.size(); ++z)
        if (site.zones[z].kind.starts_with("hotel.") && ctx.zone_is_public(z)) hotels.push_back(z);
    if (hotels.empty()) return;
    f.loc = site.info.loc;
    f.severity = Severity::Info;
    f.message_en = fmt::format(
        "the site is audited as article9 (Regulation art. 9: a public place outside art. 7) "
        "because art. 7 does not name hotels ({}); if the local departments treat the hotel as a "
        "crowded place under art. 7(2)(i) (\"等人员聚集场所\"), declare `site.regime: article7`",
        zone_list(ctx, hotels, false));
    f.message_zh = fmt::format(
        "本站点按第七条以外的其他公共场所（article9，条例第九条）审核，因为条例第七条未列明旅馆"
        "（{}）；如当地有关部门将该旅馆作为第七条第二款第（一）项所称“等人员聚集场所”，请声明 "
        "`site.regime: article7`",
        zone_list(ctx, hotels, true));
    sink.add(run, std::move(f));
}

}  // namespace

extern constexpr CheckDef kRegime{
    .name = "regime",
    .default_severity = Severity::Error,
    .needs_kinds = false,
    .params = {},
    .summary_en =
        "site.regime is declared article9 or non_public although the zones' kinds "
        "make the site a place of Regulation art. 7 (or public)",
    .summary_zh =
        "site.regime 声明为 article9 或 non_public，但区域类型表明该场所属于条例第七条所列"
        "场所（或属于公共场所）",
    .run = check,
};

}  // namespace camaudit::audit
