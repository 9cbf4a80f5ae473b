#include "audit/filing_sheet.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "audit/credit_code.hpp"
#include "model/angle.hpp"

namespace camaudit::audit {

namespace {

using State = FilingItem::State;

struct Name {
    std::string_view key, zh, en;
};

constexpr Name kTypes[] = {{"enterprise", "企业", "enterprise"},
                           {"government", "机关", "government organ"},
                           {"institution", "事业单位", "public institution"},
                           {"social_org", "社会组织", "social organization"},
                           {"individual", "个人", "individual"}};

constexpr Name kPurposes[] = {
    {"entrance", "出入口", "entrance"}, {"passage", "通道", "passage"},
    {"lobby", "大厅", "lobby"},         {"perimeter", "周界", "perimeter"},
    {"parking", "停车场", "parking"},   {"traffic", "交通", "traffic"},
    {"general", "通用", "general"}};

constexpr Name kKinds[] = {
    {"fixed", "固定", "fixed"}, {"ptz", "云台", "PTZ"}, {"panoramic", "全景", "panoramic"}};

template <std::size_t N>
const Name* find(const Name (&names)[N], std::string_view key) {
    for (const auto& n : names)
        if (n.key == key) return &n;
    return nullptr;
}

FilingItem item(std::string key, std::string zh, std::string en, SourceLocation loc) {
    FilingItem it;
    it.key = std::move(key);
    it.label_zh = std::move(zh);
    it.label_en = std::move(en);
    it.loc = std::move(loc);
    return it;
}

void missing(FilingItem& it, std::string zh, std::string en) {
    it.state = State::Missing;
    it.problem_zh = std::move(zh);
    it.problem_en = std::move(en);
}

void operator_items(const Site& site, FilingSheet& sheet) {
    const Party& op = site.operator_;
    auto name = item("operator.name", "单位名称", "Unit name", op.loc);
    name.value = op.name;
    if (op.name.empty())
        missing(name, "缺少管理单位名称（operator.name）", "operator.name is not given");
    sheet.items.push_back(std::move(name));

    auto type = item("operator.type", "单位类型", "Unit type", op.loc);
    type.value = op.type;
    type.display_zh = party_type_name(op.type, true);
    type.display_en = party_type_name(op.type, false);
    if (op.type.empty())
        missing(type, "缺少管理单位类型（operator.type）", "operator.type is not given");
    sheet.items.push_back(std::move(type));

    auto code = item("operator.credit_code", "统一社会信用代码", "Unified social credit code",
                     op.credit_code_loc.known() ? op.credit_code_loc : op.loc);
    code.value = op.credit_code;
    if (op.type == "individual" && op.credit_code.empty()) {
        code.note_zh = "个人无需填写";
        code.note_en = "not required of an individual";
    } else if (op.credit_code.empty()) {
        missing(code, "缺少统一社会信用代码（operator.credit_code）",
                "operator.credit_code is not given");
    } else if (!valid_credit_code(op.credit_code)) {
        code.state = State::Invalid;
        code.problem_zh = fmt::format(
            "{} 不是有效的统一社会信用代码：校验码错误或含非法字符"
            "（GB 32100-2015）",
            op.credit_code);
        code.problem_en = fmt::format(
            "{} is not a valid unified social credit code: wrong check "
            "character or characters outside its alphabet "
            "(GB 32100-2015)",
            op.credit_code);
    }
    sheet.items.push_back(std::move(code));
}

// "出入口 1，大厅 4" / "entrance 1, lobby 4".
std::string summary(const std::vector<CameraCount>& counts, bool zh) {
    std::string out;
    for (const auto& c : counts)
        out += fmt::format("{}{} {}", out.empty() ? "" : (zh ? "，" : ", "),
                           zh ? c.label_zh : c.label_en, c.count);
    return out;
}

std::vector<CameraCount> count_purposes(const Site& site) {
    std::map<std::string, std::size_t> n;
    std::vector<std::string> free_text;  // in order of first use
    for (const auto& c : site.cameras) {
        if (n[c.purpose]++ == 0 && !c.purpose.empty() && !find(kPurposes, c.purpose))
            free_text.push_back(c.purpose);
    }
    std::vector<CameraCount> out;
    auto add = [&](const std::string& key) {
        if (n[key] > 0)
            out.push_back({key, purpose_name(key, true), purpose_name(key, false), n[key]});
    };
    for (const auto& p : kPurposes) add(std::string(p.key));
    for (const auto& p : free_text) add(p);
    add("");
    return out;
}

void camera_items(const Site& site, FilingSheet& sheet) {
    const SourceLocation first =
        site.cameras.empty() ? SourceLocation{site.file, 0, 0} : site.cameras.front().loc;
    auto count = item("cameras.count", "图像采集设备数量", "Number of cameras", first);
    count.value = std::to_string(site.cameras.size());
    if (site.cameras.empty())
        missing(count, "站点文件中没有摄像机（cameras）", "the site has no cameras");
    sheet.items.push_back(std::move(count));

    sheet.by_purpose = count_purposes(site);
    auto purpose = item("cameras.purpose", "功能类型", "Function types", first);
    std::vector<std::string> unnamed;
    for (const auto& c : site.cameras) {
        if (!c.purpose.empty()) continue;
        if (unnamed.empty()) purpose.loc = c.loc;
        unnamed.push_back(c.id);
    }
    std::string codes;
    for (const auto& c : sheet.by_purpose)
        codes +=
            fmt::format("{}{} {}", codes.empty() ? "" : ", ", c.key.empty() ? "-" : c.key, c.count);
    purpose.value = codes;
    purpose.display_zh = summary(sheet.by_purpose, true);
    purpose.display_en = summary(sheet.by_purpose, false);
    if (!unnamed.empty()) {
        std::string ids;
        for (const auto& id : unnamed) ids += (ids.empty() ? "" : ", ") + id;
        missing(purpose,
                fmt::format("{} 台摄像机未注明功能类型（purpose）：{}", unnamed.size(), ids),
                fmt::format("{} camera{} without a function type (purpose): {}", unnamed.size(),
                            unnamed.size() == 1 ? "" : "s", ids));
    } else if (site.cameras.empty()) {
        missing(purpose, "没有摄像机", "no cameras");
    }
    sheet.items.push_back(std::move(purpose));

    std::map<std::string, std::size_t> kinds;
    for (const auto& c : site.cameras) ++kinds[camera_kind(c)];
    for (const auto& k : kKinds)
        if (kinds[std::string(k.key)] > 0)
            sheet.by_kind.push_back({std::string(k.key), std::string(k.zh), std::string(k.en),
                                     kinds[std::string(k.key)]});
    auto kind = item("cameras.kind", "设备类型", "Camera types", first);
    std::string kind_codes;
    for (const auto& c : sheet.by_kind)
        kind_codes += fmt::format("{}{} {}", kind_codes.empty() ? "" : ", ", c.key, c.count);
    kind.value = kind_codes;
    kind.display_zh = summary(sheet.by_kind, true);
    kind.display_en = summary(sheet.by_kind, false);
    if (site.cameras.empty()) missing(kind, "没有摄像机", "no cameras");
    sheet.items.push_back(std::move(kind));

    for (const auto& c : site.cameras)
        sheet.cameras.push_back(
            {c.id, c.floor, c.purpose, camera_kind(c), c.position.x, c.position.y});
}

void system_items(const Site& site, FilingSheet& sheet) {
    const SourceLocation top{site.file, 0, 0};
    auto retention = item("system.retention_days", "视频图像信息存储期限", "Retention period",
                          site.system ? site.system->loc : top);
    if (!site.system) {
        missing(retention, "站点文件没有 system（系统尚未建成），无存储期限",
                "the site has no `system` block (not built yet), so no retention period");
    } else if (!site.system->retention_days) {
        missing(retention, "缺少存储期限（system.retention_days）",
                "system.retention_days is not given");
    } else {
        retention.loc = site.system->retention_loc;
        retention.value = std::to_string(*site.system->retention_days);
        retention.display_zh = fmt::format("{} 日", retention.value);
        retention.display_en = fmt::format("{} days", retention.value);
    }
    sheet.items.push_back(std::move(retention));

    // The filing record, where there is one: facts, never missing (a sheet is made to file).
    if (!site.system || !site.system->filing) return;
    const Filing& f = *site.system->filing;
    if (f.filed) {
        auto filed = item("filing.filed", "备案状态", "Filing status", f.loc);
        filed.value = *f.filed ? "true" : "false";
        filed.display_zh = *f.filed ? "已备案" : "未备案";
        filed.display_en = *f.filed ? "filed" : "not filed";
        sheet.items.push_back(std::move(filed));
    }
    if (f.date) {
        auto date = item("filing.date", "备案日期", "Filing date", f.date_loc);
        date.value = f.date->str();
        sheet.items.push_back(std::move(date));
    }
    if (!f.record_no.empty()) {
        auto no = item("filing.record_no", "备案编号", "Filing record number", f.loc);
        no.value = f.record_no;
        sheet.items.push_back(std::move(no));
    }
}

}  // namespace

FilingSheet build_filing_sheet(const Site& site) {
    FilingSheet sheet;
    sheet.site_id = site.info.id;
    sheet.site_name = site.info.name;
    sheet.file = site.file;
    sheet.crs = site.info.crs;
    operator_items(site, sheet);
    auto address = item("site.address", "系统建设位置", "Location of the system", site.info.loc);
    address.value = site.info.address;
    if (site.info.address.empty())
        missing(address, "缺少系统建设位置（site.address）", "site.address is not given");
    sheet.items.push_back(std::move(address));
    camera_items(site, sheet);
    system_items(site, sheet);
    return sheet;
}

std::string party_type_name(std::string_view type, bool zh) {
    const Name* n = find(kTypes, type);
    return n ? std::string(zh ? n->zh : n->en) : "";
}

std::string purpose_name(std::string_view purpose, bool zh) {
    if (purpose.empty()) return zh ? "未注明" : "unspecified";
    const Name* n = find(kPurposes, purpose);
    return n ? std::string(zh ? n->zh : n->en) : std::string(purpose);
}

std::string camera_kind(const Camera& camera) {
    if (camera.hfov >= 360.0) return "panoramic";
    if (camera.ptz) {
        if (camera.ptz->unlimited) return "ptz";
        const double span = normalize_bearing(camera.ptz->pan_to - camera.ptz->pan_from);
        if (span > 1e-9 && span < 360.0 - 1e-9) return "ptz";
    }
    return "fixed";
}

std::string camera_kind_name(std::string_view kind, bool zh) {
    const Name* n = find(kKinds, kind);
    return n ? std::string(zh ? n->zh : n->en) : std::string(kind);
}

}  // namespace camaudit::audit
