// The items of 第十条 decided from the audit: (一) installer, (二) signage, (三) classified units,
// (四) filing, (七) retention, (九) positions, angles and ranges. The measures' items are in
// inspection_measures.cpp.
#include "audit/inspection.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "audit/engine.hpp"
#include "audit/filing_sheet.hpp"
#include "audit/regime.hpp"

namespace camaudit::audit {

namespace {

void add(InspectionItem& it, std::string zh, std::string en) {
    it.evidence_zh.push_back(std::move(zh));
    it.evidence_en.push_back(std::move(en));
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
    return out;
}

// The article that exempts a place of `regime` from the system's duties, as " (...)".
std::string regime_law(const std::string& regime, bool zh) {
    if (regime == "article9") return zh ? "（条例第九条第二款）" : " (Regulation art. 9(2))";
    if (regime == "non_public") return zh ? "（条例第三十三条）" : " (Regulation art. 33)";
    return "";
}

enum class CheckState { Runs, Exempt, Off, NoRule };

struct Ctx {
    const Site& site;
    const RuleSet& rules;
    const SiteResult& audited;
    std::string regime;
    std::vector<RuleRun> runs;

    CheckState state(std::string_view check) const {
        for (const auto& r : runs)
            if (r.rule->check == check) return CheckState::Runs;
        bool exists = false;
        for (const Rule* r : rules.rules()) {
            if (r->check != check) continue;
            exists = true;
            if (!r->regimes.empty() &&
                std::find(r->regimes.begin(), r->regimes.end(), regime) == r->regimes.end())
                return CheckState::Exempt;
        }
        return exists ? CheckState::Off : CheckState::NoRule;
    }
    std::optional<double> param(std::string_view check, const std::string& name) const {
        for (const auto& r : runs)
            if (r.rule->check == check) return r.param(name);
        return std::nullopt;
    }
};

std::string where(const Finding& f) {
    if (!f.loc.known()) return f.loc.file;
    return fmt::format("{}:{}:{}", f.loc.file, f.loc.line, f.loc.column);
}

// Decides `it` from the findings of `checks`: Fail on an error or warning, else Pass; not
// applicable where none of them runs. Returns true for a Pass, for the caller to add facts.
bool from_findings(InspectionItem& it, const Ctx& c,
                   std::initializer_list<std::string_view> checks) {
    bool any = false, all_exempt = true;
    for (auto check : checks) {
        switch (c.state(check)) {
            case CheckState::Runs:
                any = true;
                continue;
            case CheckState::Exempt:
                add(it,
                    fmt::format("不适用：本场所的法律制度为 {}{}，所用规则包不对其运行检查 {}",
                                c.regime, regime_law(c.regime, true), check),
                    fmt::format("not applicable: the place's regime is {}{}, for which the "
                                "active packs do not run the check {}",
                                c.regime, regime_law(c.regime, false), check));
                continue;
            case CheckState::Off:
                add(it, fmt::format("检查 {} 已在站点设置中停用，未检查", check),
                    fmt::format("the check {} is disabled in the site's settings: not checked",
                                check));
                break;
            case CheckState::NoRule:
                add(it, fmt::format("所用规则包中没有运行检查 {} 的规则，未检查", check),
                    fmt::format("no rule of the active packs runs the check {}: not checked",
                                check));
                break;
        }
        all_exempt = false;
    }
    if (!any) {
        it.status = ItemStatus::NotApplicable;
        it.exempt = all_exempt;
        return false;
    }
    bool fail = false;
    for (const auto& f : c.audited.findings) {
        if (std::find(checks.begin(), checks.end(), f.check) == checks.end()) continue;
        const bool counts = f.severity != Severity::Info;
        fail = fail || counts;
        if (counts) it.findings.push_back(f.fingerprint);
        const std::string_view sev_zh = f.severity == Severity::Error     ? "错误"
                                        : f.severity == Severity::Warning ? "警告"
                                                                          : "提示";
        add(it, fmt::format("{}: {} [{}] {}", where(f), sev_zh, f.rule, f.message_zh),
            fmt::format("{}: {} [{}] {}", where(f), to_string(f.severity), f.rule, f.message_en));
    }
    it.status = fail ? ItemStatus::Fail : ItemStatus::Pass;
    return !fail;
}

void not_built(InspectionItem& it) {
    it.status = ItemStatus::NotApplicable;
    add(it, "不适用：站点文件没有 system（系统尚未建成），不视为通过",
        "not applicable: the site file has no `system` block (not built yet); not a pass");
}

std::string party_label(const Site& site, const std::string& id) {
    const Party* p = site.party(id);
    return p && !p->name.empty() ? fmt::format("{} {}", id, p->name) : id;
}

void installer(InspectionItem& it, const Ctx& c) {
    if (!from_findings(it, c, {"unauthorized-installer"})) return;
    add(it, "公共区域内的摄像机均由负有管理或安全防范责任的单位或该区域的所有者安装",
        "every camera in a public zone is installed by a unit that bears the duty for the place "
        "or owns the zone");
    std::map<std::string, std::size_t> by_owner;
    for (const auto& cam : c.site.cameras) ++by_owner[c.site.owner_of(cam.owner)];
    for (const auto& [owner, n] : by_owner) {
        const Party* p = c.site.party(owner);
        const bool duty = p && p->responsible;
        add(it,
            fmt::format("{}：{} 台{}", party_label(c.site, owner), n,
                        duty ? "（负有管理或安全防范责任）" : ""),
            fmt::format("{}: {} camera{}{}", party_label(c.site, owner), n, n == 1 ? "" : "s",
                        duty ? " (bears the management or security duty)" : ""));
    }
}

void in_no_zone(InspectionItem& it, const Ctx& c) {
    if (c.audited.cameras_in_no_zone.empty()) return;
    const std::string ids = join(c.audited.cameras_in_no_zone, ", ");
    add(it, fmt::format("不在任何区域内、未检查的摄像机：{}", ids),
        fmt::format("cameras in no zone, not checked: {}", ids));
}

void signage(InspectionItem& it, const Ctx& c) {
    if (!from_findings(it, c, {"missing-signage"})) return;
    std::vector<std::string> without;
    for (const auto& cam : c.site.cameras)
        if (!cam.signage) without.push_back(cam.id);
    const std::size_t n = c.site.cameras.size();
    add(it,
        fmt::format("{} 台摄像机中 {} 台设有提示标识；公共区域内的摄像机均设有提示标识", n,
                    n - without.size()),
        fmt::format("{} of {} cameras have a notice posted; every camera in a public zone has one",
                    n - without.size(), n));
    if (!without.empty())
        add(it, fmt::format("未设提示标识的摄像机均不在公共区域：{}", join(without, ", ")),
            fmt::format("the cameras without a notice are in no public zone: {}",
                        join(without, ", ")));
    in_no_zone(it, c);
}

void classified(InspectionItem& it, const Ctx& c) {
    if (!from_findings(it, c, {"proximity-consent"})) return;
    const double distance = c.param("proximity-consent", "distance_m").value_or(100);
    bool any = false;
    for (const auto& z : c.site.zones) {
        const KindDef* k = c.rules.kind(z.kind);
        if (!k || k->category != KindCategory::Classified) continue;
        any = true;
        std::vector<std::string> agreed;
        for (const auto& cam : c.site.cameras)
            if (std::find(cam.consent.begin(), cam.consent.end(), z.id) != cam.consent.end())
                agreed.push_back(cam.id);
        const std::string ids = agreed.empty() ? "-" : join(agreed, ", ");
        add(it,
            fmt::format("{} {}：已取得该单位同意的摄像机 {}；其余摄像机距其 {} 米以上且看不到它",
                        k->name_zh, z.id, ids, distance),
            fmt::format("{} {}: cameras with the unit's consent {}; every other camera is more "
                        "than {} m away and does not see it",
                        k->name_en, z.id, ids, distance));
    }
    if (!any)
        add(it, "站点文件中没有军事禁区、军事管理区或涉密单位区域（只检查站点文件中绘出的区域）",
            "the site file has no military or classified zone (only the zones drawn in the file "
            "are checked)");
}

void filing(InspectionItem& it, const Ctx& c) {
    if (!c.site.system) return not_built(it);
    const bool pass = from_findings(it, c, {"filing"});
    if (it.status == ItemStatus::NotApplicable) return;
    const auto sheet = build_filing_sheet(c.site);
    // The filing check reports the sheet's gaps of a filed article7 system itself (its info,
    // topic "sheet", listed above): not twice.
    const bool reported =
        std::any_of(c.audited.findings.begin(), c.audited.findings.end(),
                    [](const Finding& f) { return f.check == "filing" && f.topic == "sheet"; });
    for (const auto& item : sheet.items) {
        // The operator's name, type and code are the filing check's own: not twice.
        if (item.state == FilingItem::State::Ok || item.key.starts_with("operator.")) continue;
        it.status = ItemStatus::Fail;
        if (reported) continue;
        add(it, fmt::format("备案信息表（第六条）：{}：{}", item.label_zh, item.problem_zh),
            fmt::format("filing sheet (art. 6): {}: {}", item.label_en, item.problem_en));
    }
    if (!pass || it.status == ItemStatus::Fail || !c.site.system->filing) return;
    const Filing& f = *c.site.system->filing;
    add(it,
        fmt::format("已于 {} 备案{}", f.date ? f.date->str() : "-",
                    f.record_no.empty() ? "" : "，备案编号 " + f.record_no),
        fmt::format("filed on {}{}", f.date ? f.date->str() : "-",
                    f.record_no.empty() ? "" : ", record number " + f.record_no));
    if (c.site.system->delivered && f.date) {
        const long days = days_between(*c.site.system->delivered, *f.date);
        add(it,
            fmt::format("系统于 {} 投入使用，{} 日后备案", c.site.system->delivered->str(), days),
            fmt::format("put into use on {}, filed {} days later", c.site.system->delivered->str(),
                        days));
    }
    add(it, "备案信息表（第六条）各项齐全，统一社会信用代码校验通过",
        "the filing sheet (art. 6) is complete and the credit code's check character is right");
    add(it, "备案信息是否真实，须与备案平台的记录核对（camaudit filing 列出备案信息）",
        "whether the filed facts are true is for the inspector to compare with the record on "
        "the filing platform (camaudit filing lists them)");
}

void retention(InspectionItem& it, const Ctx& c) {
    if (!c.site.system) return not_built(it);
    if (!from_findings(it, c, {"retention-too-short"}) || !c.site.system->retention_days) return;
    const double min_days = c.param("retention-too-short", "min_days").value_or(30);
    add(it,
        fmt::format("视频图像信息保存 {} 日，不少于 {} 日", *c.site.system->retention_days,
                    min_days),
        fmt::format("video images are kept {} days, at least the {} days required",
                    *c.site.system->retention_days, min_days));
}

void positions(InspectionItem& it, const Ctx& c) {
    const bool pass = from_findings(
        it, c, {"forbidden-mount", "forbidden-view", "private-overreach", "unbounded-ptz"});
    if (pass) {
        std::map<std::string, std::pair<std::string, std::size_t>> kinds;  // en → zh, count
        for (const auto& z : c.site.zones) {
            const KindDef* k = c.rules.kind(z.kind);
            if (!k || k->category != KindCategory::Forbidden) continue;
            auto& e = kinds[k->name_en];
            e.first = k->name_zh;
            ++e.second;
        }
        std::vector<std::string> zh, en;
        for (const auto& [name_en, e] : kinds) {
            zh.push_back(fmt::format("{} {}", e.first, e.second));
            en.push_back(fmt::format("{} {}", name_en, e.second));
        }
        if (zh.empty())
            add(it, "站点文件中没有禁止安装或拍摄的区域", "the site file has no forbidden zone");
        else
            add(it,
                fmt::format("禁止安装或拍摄的区域（{}）：没有摄像机安装在其中或拍摄其内部",
                            join(zh, "，")),
                fmt::format("forbidden zones ({}): no camera is mounted in one or sees into one",
                            join(en, ", ")));
        std::vector<std::string> masked, ptz;
        for (const auto& cam : c.site.cameras) {
            if (!cam.privacy_masks.empty()) masked.push_back(cam.id);
            if (camera_kind(cam) == "ptz") ptz.push_back(cam.id);
        }
        if (!masked.empty())
            add(it, fmt::format("设有隐私遮挡的摄像机：{}", join(masked, ", ")),
                fmt::format("cameras with privacy masks: {}", join(masked, ", ")));
        if (!ptz.empty())
            add(it, fmt::format("云台摄像机按其全部转动范围检查：{}", join(ptz, ", ")),
                fmt::format("PTZ cameras checked over their whole pan range: {}", join(ptz, ", ")));
    }
    if (it.status != ItemStatus::NotApplicable)
        add(it, "是否符合强制性标准须由检查人员核对，本工具不检查",
            "compliance with the mandatory standards is for the inspector to check; the tool does "
            "not check it");
}

bool measure_item(int n) {
    return n == 5 || n == 6 || n == 8 || (n >= 10 && n <= 13);
}

}  // namespace

std::string site_regime(const Site& site, const RuleSet& rules) {
    return infer_regime(site, rules).applied;
}

Inspection build_inspection(const Site& site, const RuleSet& rules, const SiteResult& audited,
                            const Date& today, std::string_view scope) {
    Diagnostics ignored;  // the audit has reported them
    Ctx c{site, rules, audited, site_regime(site, rules), {}};
    c.runs = resolve_rules(site, c.regime, rules, {}, ignored);

    Inspection out;
    out.site_id = site.info.id;
    out.site_name = site.info.name;
    out.file = site.file;
    out.scope = std::string(scope);
    out.regime = c.regime;
    out.today = today.str();
    out.findings = audited.findings;
    for (const auto& t : inspection_item_texts()) {
        if (!in_scope(t.number, scope)) continue;
        InspectionItem it;
        it.number = t.number;
        it.text_zh = t.text_zh;
        it.title_en = t.title_en;
        it.basis_zh = t.basis_zh;
        it.basis_en = t.basis_en;
        it.general = t.number <= 7;
        it.professional = t.number >= 8;
        it.focus = c.regime == "article9" && t.number <= 3;
        switch (t.number) {
            case 1:
                installer(it, c);
                break;
            case 2:
                signage(it, c);
                break;
            case 3:
                classified(it, c);
                break;
            case 4:
                filing(it, c);
                break;
            case 7:
                retention(it, c);
                break;
            case 9:
                positions(it, c);
                break;
            default:
                if (!measure_item(t.number)) break;
                if (!site.system)
                    not_built(it);
                else
                    decide_measure_item(site, c.regime, today, it);
        }
        out.items.push_back(std::move(it));
    }
    if (c.regime == "article9") {
        out.notes_zh.push_back(
            "《条例》第七条规定以外的公共场所（第九条）：依照规定第十二条，重点检查第十条第一项至第"
            "三项");
        out.notes_en.push_back(
            "a public place outside art. 7 of the Regulation (art. 9): under art. 12 of the "
            "Provisions, the inspection focuses on items 1 to 3 of art. 10");
    }
    if (scope == "general") {
        out.notes_zh.push_back("一般检查（规定第十一条）：第一项至第七项");
        out.notes_en.push_back("general inspection (Provisions art. 11): items 1 to 7");
    } else if (scope == "professional") {
        out.notes_zh.push_back("专业检查（规定第十一条）：第八项至第十三项");
        out.notes_en.push_back("professional inspection (Provisions art. 11): items 8 to 13");
    }
    if (!site.system) {
        out.notes_zh.push_back(
            "站点文件没有 system：系统尚未建成，依赖系统的检查项不适用，不视为通过");
        out.notes_en.push_back(
            "the site file has no `system` block: the system is not built yet, so the items "
            "that depend on it are not applicable, and not passed");
    }
    return out;
}

}  // namespace camaudit::audit
