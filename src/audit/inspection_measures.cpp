// Items (五)(六)(八)(十)(十一)(十二)(十三) of 第十条: the measures that the operator attests in
// `system.measures`. Each measure is attested or not; an item is attested when all its
// measures are. A dated measure that the law wants done regularly needs its last date, no
// more than kMaxMeasureAgeDays before today.
#include <fmt/format.h>

#include "audit/inspection.hpp"

namespace camaudit::audit {

namespace {

struct Spec {
    int item;
    std::optional<Measure> Measures::*slot;
    std::string_view name, zh, en;
    bool dated;  // needs the date of the last one, not older than kMaxMeasureAgeDays
};

constexpr Spec kSpecs[] = {
    {5, &Measures::operation, "operation", "系统正常运行检查",
     "the check that the system operates normally", true},
    {6, &Measures::staff, "staff", "重要岗位人员的入职审查、保密教育、岗位培训制度",
     "vetting, confidentiality education and job training of staff in important posts", false},
    {6, &Measures::access_log, "access_log", "信息调用登记制度",
     "the register of each access to the information", false},
    {8, &Measures::standards, "standards", "按照相关标准建设", "building to the relevant standards",
     false},
    {8, &Measures::archives, "archives", "设计、施工、检验、验收档案资料的保管",
     "the archives of design, construction, testing and acceptance", false},
    {10, &Measures::products, "products", "产品、服务符合国家标准的强制性要求",
     "products and services that meet the mandatory national standards", false},
    {11, &Measures::security, "security", "防攻击、防入侵、防病毒、防篡改、防泄露等安全技术措施",
     "technical measures against attack, intrusion, viruses, tampering and leakage", false},
    {12, &Measures::maintenance, "maintenance", "设备设施的定期维护",
     "the regular maintenance of the equipment", true},
    {13, &Measures::access_control, "access_control", "授权管理、访问控制等技术措施",
     "authorization management and access control", false},
    // 条例 15 ¶2: only where operation is entrusted to another (the measure is given).
    {11, &Measures::contractor, "contractor",
     "委托他人运营的，通过签订安全保密协议等方式约定网络安全、数据安全和个人信息保护义务并监督受托"
     "方履行",
     "where operation is entrusted to a contractor, a security and confidentiality agreement "
     "binding it to the network security, data security and personal information duties, and "
     "its supervision",
     false},
};

// Measures that apply only where the site file gives them (the operator says it entrusts
// operation: 条例 15 ¶2); absent, they are not asked for.
bool only_when_given(const Spec& s) {
    return s.slot == &Measures::contractor;
}

void add(InspectionItem& it, std::string zh, std::string en) {
    it.evidence_zh.push_back(std::move(zh));
    it.evidence_en.push_back(std::move(en));
}

// Where a regional law imposes an item's duty on every system it governs, whatever the
// regime: Anhui's 第十六条第（一）项 (安全检查、运行维护制度) and 第十七条 (保密知识教育; 查阅、
// 调取登记). Code, not pack data, since measures are not rules; a new province adds a row.
struct Regional {
    std::string_view region;  // ISO 3166-2 prefix
    int item;
    std::string_view zh, en;
};
constexpr Regional kRegional[] = {
    {"CN-AH", 5, "安徽办法第十六条第（一）项", "Anhui Measures art. 16(i)"},
    {"CN-AH", 6, "安徽办法第十七条", "Anhui Measures art. 17"},
    {"CN-AH", 12, "安徽办法第十六条第（一）项", "Anhui Measures art. 16(i)"},
};

const Regional* regional(int item, std::string region) {
    for (char& c : region)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    for (const auto& r : kRegional)
        if (r.item == item &&
            (region == r.region || region.starts_with(std::string(r.region) + "-")))
            return &r;
    return nullptr;
}

// The items that 条例 第九条第二款 exempts places outside 第七条 from: 第十一条 (八), 第十五条
// (五)(十一)(十二), 第十六条第二款 (六)(十三). 第十二条 (十) still applies to them.
bool exempt(int item, const std::string& regime) {
    if (regime == "non_public") return true;  // 条例 第三十三条: none of the system duties
    return regime == "article9" && item != 10;
}

// "（2025-10-01，张工；巡检记录）" / " (2025-10-01, by 张工; 巡检记录)".
std::string details(const Measure& m, bool zh) {
    std::vector<std::string> parts;
    if (m.date) parts.push_back(m.date->str());
    if (!m.by.empty()) parts.push_back(zh ? m.by : "by " + m.by);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : (zh ? "，" : ", ")) + p;
    if (!m.note.empty()) out += (out.empty() ? "" : (zh ? "；" : "; ")) + m.note;
    if (out.empty()) return "";
    return zh ? "（" + out + "）" : " (" + out + ")";
}

// Adds the evidence of one measure; returns whether it is attested.
bool judge(InspectionItem& it, const Spec& s, const Measures* ms, const Date& today) {
    const std::string key = fmt::format("system.measures.{}", s.name);
    const std::optional<Measure>* slot = ms ? &(ms->*s.slot) : nullptr;
    if (!slot || !*slot) {
        add(it, fmt::format("未声明：{}（站点文件没有 {}）", s.zh, key),
            fmt::format("not attested: {} ({} is not in the site file)", s.en, key));
        return false;
    }
    const Measure& m = **slot;
    const std::string dz = details(m, true), de = details(m, false);
    if (!m.attested) {
        add(it, fmt::format("声明未落实：{}{}", s.zh, dz),
            fmt::format("stated as not in place: {}{}", s.en, de));
        return false;
    }
    if (m.date && *m.date > today) {
        add(it, fmt::format("不予认可：{} 的日期 {} 晚于今天 {}", key, m.date->str(), today.str()),
            fmt::format("not accepted: {} is dated {}, after today {}", key, m.date->str(),
                        today.str()));
        return false;
    }
    if (s.dated && !m.date) {
        add(it, fmt::format("不予认可：{}须注明最近一次的日期（{}.date）", s.zh, key),
            fmt::format("not accepted: {} needs the date of the last one ({}.date)", s.en, key));
        return false;
    }
    if (s.dated) {
        const long age = days_between(*m.date, today);
        if (age > kMaxMeasureAgeDays) {
            add(it,
                fmt::format("已过期：{}最近一次为 {}，距今天 {} 已 {} 日，超过 {} 日", s.zh,
                            m.date->str(), today.str(), age, kMaxMeasureAgeDays),
                fmt::format("stale: {} was last done on {}, {} days before today {}; more than "
                            "{} days",
                            s.en, m.date->str(), age, today.str(), kMaxMeasureAgeDays));
            return false;
        }
    }
    add(it, fmt::format("已声明：{}{}", s.zh, dz), fmt::format("attested: {}{}", s.en, de));
    return true;
}

}  // namespace

void decide_measure_item(const Site& site, const std::string& regime, const Date& today,
                         InspectionItem& item) {
    const Measures* ms = site.system && site.system->measures ? &*site.system->measures : nullptr;
    const Regional* local = regional(item.number, site.info.region);
    if (local && regime == "article9") {
        add(item, fmt::format("条例第九条第二款虽不要求，{}对本省所有系统适用", local->zh),
            fmt::format("Regulation art. 9(2) does not require it, but {} applies to every "
                        "system in the province",
                        local->en));
    } else if (exempt(item.number, regime)) {
        item.status = ItemStatus::NotApplicable;
        item.exempt = true;
        add(item,
            fmt::format("不适用：本场所的法律制度为 {}（{}）", regime,
                        regime == "article9" ? "条例第九条第二款" : "条例第三十三条"),
            fmt::format("not applicable: the place's regime is {} (Regulation art. {})", regime,
                        regime == "article9" ? "9(2)" : "33"));
        return;
    }
    bool all = true;
    for (const auto& s : kSpecs) {
        if (s.item != item.number) continue;
        if (only_when_given(s) && !(ms && ms->*s.slot)) continue;
        all = judge(item, s, ms, today) && all;
    }
    item.status = all ? ItemStatus::Attested : ItemStatus::NotAttested;
}

}  // namespace camaudit::audit
