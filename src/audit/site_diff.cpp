#include "audit/site_diff.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "model/angle.hpp"

namespace camaudit::audit {

namespace {

// ---- The articles a change may breach, quoted verbatim from rules/law/ -------------------

constexpr const char* kAnhuiDoc = "cn-ah-measures";
constexpr const char* kRegulationDoc = "cn-regulation-2025";

LegalNote anhui_note(std::string topic, int article, int item, const char* text) {
    LegalNote n;
    n.topic = std::move(topic);
    n.citation.doc = kAnhuiDoc;
    n.citation.article = article;
    n.citation.item = item;
    n.citation.text_zh = text;
    n.short_zh = "安徽办法";
    n.short_en = "Anhui Measures";
    return n;
}

LegalNote regulation_note(std::string topic, int article, int item, const char* text) {
    LegalNote n;
    n.topic = std::move(topic);
    n.citation.doc = kRegulationDoc;
    n.citation.article = article;
    n.citation.item = item;
    n.citation.text_zh = text;
    n.short_zh = "条例";
    n.short_en = "Regulation";
    return n;
}

// 安徽办法 第十六条 (三): the position of a capture device.
LegalNote anhui_moved() {
    auto n = anhui_note("moved", 16, 3, "(三)不擅自改变信息系统的用途和视频图像采集设备的位置;");
    n.message_en =
        "the camera's position changed: the operator must not change the position of a "
        "capture device without authorisation; make sure the move is approved and recorded";
    n.message_zh =
        "摄像机位置发生变化：管理、使用单位不得擅自改变视频图像采集设备的位置，"
        "请确认该变更已经批准并记录";
    return n;
}

// 安徽办法 第十四条: the capture range is to be fixed (a re-aim changes the range, not the
// position that 第十六条 (三) speaks of).
LegalNote anhui_reaimed() {
    auto n = anhui_note("reaimed", 14, 0,
                        "安装公共安全视频图像信息系统,应当设置明显的标识,合理布设视频图像采集"
                        "设备的位置,固定视频图像采集的范围。");
    n.message_en =
        "the camera's aim or field of view changed: the capture range is to be fixed; make "
        "sure the new range is approved and recorded";
    n.message_zh =
        "摄像机朝向或视场发生变化：视频图像采集的范围应当固定，请确认新的采集范围"
        "已经批准并记录";
    return n;
}

constexpr const char* kRegulation23_2 =
    "（二）擅自改动、迁移、拆除依据本条例第七条规定安装的图像采集设备及相关设施，或者以喷涂、"
    "遮挡等方式妨碍其正常运行；";

// 条例 第二十三条 (二): the capture devices of a system of 第七条.
LegalNote regulation_23(const std::string& topic) {
    auto n = regulation_note(topic, 23, 2, kRegulation23_2);
    const char* what_en = topic == "removed"   ? "removed"
                          : topic == "reaimed" ? "altered (re-aimed)"
                                               : "relocated";
    const char* what_zh = topic == "removed" ? "拆除" : topic == "reaimed" ? "改动" : "迁移";
    n.message_en = std::string(
                       "a capture device of a system installed under Regulation art. 7 "
                       "was ") +
                   what_en + ": doing so without authorisation is prohibited (penalty: art. 30)";
    n.message_zh = std::string("依据条例第七条安装的图像采集设备被") + what_zh +
                   "：不得擅自改动、迁移、拆除（罚则见第三十条）";
    return n;
}

// 条例 第十四条: the number of capture devices is a filing item.
LegalNote regulation_14(std::size_t before, std::size_t after) {
    auto n = regulation_note("filing", 14, 0,
                             "公共安全视频系统备案事项发生变化的，应当及时办理备案变更。");
    n.message_en = "the number of cameras changed from " + std::to_string(before) + " to " +
                   std::to_string(after) +
                   ": the number of capture devices is a filing item; file the change";
    n.message_zh = "图像采集设备数量由 " + std::to_string(before) + " 台变为 " +
                   std::to_string(after) + " 台：设备数量属于备案事项，应当及时办理备案变更";
    return n;
}

// ---- Camera properties --------------------------------------------------------------------

DiffValue opt(const std::optional<double>& v) {
    return v ? DiffValue(*v) : DiffValue(std::monostate{});
}

DiffValue ptz_value(const std::optional<Ptz>& p) {
    if (!p) return std::monostate{};
    if (p->unlimited) return std::string("unlimited");
    return std::vector<double>{p->pan_from, p->pan_to};
}

DiffValue position_value(const Camera& c) {
    return std::vector<double>{c.position.x, c.position.y};
}

bool same_number(double a, double b, double tol) {
    return std::abs(a - b) <= tol;
}

bool same_azimuth(const std::optional<double>& a, const std::optional<double>& b, double tol) {
    if (!a || !b) return a.has_value() == b.has_value();
    const double d = normalize_bearing(*a - *b);
    return std::min(d, 360.0 - d) <= tol;
}

bool same_optional(const std::optional<double>& a, const std::optional<double>& b, double tol) {
    if (!a || !b) return a.has_value() == b.has_value();
    return same_number(*a, *b, tol);
}

bool same_ptz(const std::optional<Ptz>& a, const std::optional<Ptz>& b, double tol) {
    if (!a || !b) return a.has_value() == b.has_value();
    if (a->unlimited || b->unlimited) return a->unlimited == b->unlimited;
    return same_number(a->pan_from, b->pan_from, tol) && same_number(a->pan_to, b->pan_to, tol);
}

// Where a camera is and what it looks at: the fields listed for an added or removed camera.
std::vector<std::pair<std::string, DiffValue>> describe(const Camera& c) {
    std::vector<std::pair<std::string, DiffValue>> v;
    v.emplace_back("position", position_value(c));
    if (!c.floor.empty()) v.emplace_back("floor", c.floor);
    v.emplace_back("height", c.height);
    if (c.azimuth) v.emplace_back("azimuth", *c.azimuth);
    v.emplace_back("hfov", c.hfov);
    v.emplace_back("range", c.range);
    if (c.ptz) v.emplace_back("ptz", ptz_value(c.ptz));
    return v;
}

CameraChange added_or_removed(const Camera& c, bool added) {
    CameraChange ch;
    ch.id = c.id;
    ch.status = added ? ChangeStatus::Added : ChangeStatus::Removed;
    ch.floor = c.floor;
    ch.loc = c.loc;
    for (auto& [field, value] : describe(c)) {
        FieldChange f{field, {}, {}};
        (added ? f.new_value : f.old_value) = std::move(value);
        ch.changes.push_back(std::move(f));
    }
    return ch;
}

struct CameraPair {
    const Camera& old_cam;
    const Camera& new_cam;
    Point old_working, new_working;
};

CameraChange compare_camera(const CameraPair& p, bool same_crs, const DiffOptions& opt_) {
    const Camera& a = p.old_cam;
    const Camera& b = p.new_cam;
    CameraChange ch;
    ch.id = b.id;
    ch.floor = b.floor;
    ch.loc = b.loc;
    const double eps = opt_.angle_tolerance;
    auto add = [&](const char* field, DiffValue o, DiffValue n) {
        ch.changes.push_back({field, std::move(o), std::move(n)});
    };

    bool position_moved;
    if (same_crs) {
        double d = std::hypot(p.new_working.x - p.old_working.x, p.new_working.y - p.old_working.y);
        position_moved = d > opt_.move_tolerance_m;
        if (position_moved) ch.distance_m = d;
    } else {
        position_moved = !same_number(a.position.x, b.position.x, eps) ||
                         !same_number(a.position.y, b.position.y, eps);
    }
    if (position_moved) add("position", position_value(a), position_value(b));
    if (a.floor != b.floor) add("floor", a.floor, b.floor);
    if (!same_number(a.height, b.height, opt_.move_tolerance_m)) add("height", a.height, b.height);
    ch.moved = !ch.changes.empty();

    const std::size_t before_aim = ch.changes.size();
    if (!same_azimuth(a.azimuth, b.azimuth, eps)) add("azimuth", opt(a.azimuth), opt(b.azimuth));
    if (!same_number(a.hfov, b.hfov, eps)) add("hfov", a.hfov, b.hfov);
    if (!same_number(a.range, b.range, eps)) add("range", a.range, b.range);
    if (!same_optional(a.tilt, b.tilt, eps)) add("tilt", opt(a.tilt), opt(b.tilt));
    if (!same_optional(a.vfov, b.vfov, eps)) add("vfov", opt(a.vfov), opt(b.vfov));
    if (!same_ptz(a.ptz, b.ptz, eps)) add("ptz", ptz_value(a.ptz), ptz_value(b.ptz));
    ch.reaimed = ch.changes.size() > before_aim;
    ch.status = ch.changes.empty() ? ChangeStatus::Unchanged : ChangeStatus::Changed;
    return ch;
}

void add_notes(CameraChange& ch, bool anhui, bool article7) {
    if (ch.status == ChangeStatus::Removed) {
        if (article7) ch.notes.push_back(regulation_23("removed"));
        return;
    }
    if (ch.moved && anhui) ch.notes.push_back(anhui_moved());
    if (ch.reaimed && anhui) ch.notes.push_back(anhui_reaimed());
    if (article7 && ch.moved) ch.notes.push_back(regulation_23("moved"));
    if (article7 && ch.reaimed && !ch.moved) ch.notes.push_back(regulation_23("reaimed"));
}

std::map<std::string, std::size_t> index_by_id(const std::vector<Camera>& cams) {
    std::map<std::string, std::size_t> m;
    for (std::size_t i = 0; i < cams.size(); ++i) m.emplace(cams[i].id, i);
    return m;
}

Point working_or_input(const Revision& r, std::size_t i) {
    return i < r.camera_working.size() ? r.camera_working[i] : r.site->cameras[i].position;
}

std::vector<CameraChange> compare_cameras(const Revision& o, const Revision& n, const SiteDiff& d,
                                          const DiffOptions& options) {
    const auto old_ids = index_by_id(o.site->cameras);
    const auto new_ids = index_by_id(n.site->cameras);
    const bool anhui = is_anhui(n.site->info.region);
    const bool article7 = o.regime == "article7";
    std::vector<CameraChange> out;
    for (const auto& [id, i] : old_ids) {
        auto it = new_ids.find(id);
        CameraChange ch =
            it == new_ids.end()
                ? added_or_removed(o.site->cameras[i], false)
                : compare_camera({o.site->cameras[i], n.site->cameras[it->second],
                                  working_or_input(o, i), working_or_input(n, it->second)},
                                 d.same_working_crs, options);
        if (ch.status == ChangeStatus::Unchanged) continue;
        add_notes(ch, anhui, article7);
        out.push_back(std::move(ch));
    }
    for (const auto& [id, i] : new_ids)
        if (!old_ids.count(id)) out.push_back(added_or_removed(n.site->cameras[i], true));
    std::sort(out.begin(), out.end(),
              [](const CameraChange& a, const CameraChange& b) { return a.id < b.id; });
    return out;
}

// ---- Coverage and findings ----------------------------------------------------------------

std::vector<ZoneChange> compare_zones(const Revision& o, const Revision& n,
                                      const DiffOptions& options) {
    std::map<std::string, ZoneChange> by_id;
    for (const auto& m : o.watched) {
        auto& z = by_id[m.id];
        z.id = m.id;
        z.kind = m.kind;
        z.old_measure = m;
    }
    for (const auto& m : n.watched) {
        auto& z = by_id[m.id];
        z.id = m.id;
        z.kind = m.kind;
        z.new_measure = m;
    }
    std::vector<ZoneChange> out;
    for (auto& [id, z] : by_id) {
        if (!z.old_measure)
            z.status = ChangeStatus::Added;
        else if (!z.new_measure)
            z.status = ChangeStatus::Removed;
        else
            z.status = std::abs(z.new_measure->covered_fraction -
                                z.old_measure->covered_fraction) >= options.coverage_tolerance
                           ? ChangeStatus::Changed
                           : ChangeStatus::Unchanged;
        out.push_back(std::move(z));
    }
    return out;
}

void compare_findings(const Revision& o, const Revision& n, SiteDiff& d) {
    const std::string& site_id = n.site->info.id;
    std::set<std::string> old_keys, new_keys;
    for (const auto& f : o.findings)
        old_keys.insert(fingerprint_of(site_id, f.check, f.camera, f.zone));
    for (const auto& f : n.findings)
        new_keys.insert(fingerprint_of(site_id, f.check, f.camera, f.zone));
    for (const auto& f : n.findings) {
        if (old_keys.count(fingerprint_of(site_id, f.check, f.camera, f.zone)))
            ++d.unchanged_findings;
        else
            d.new_findings.push_back(f);
    }
    for (const auto& f : o.findings)
        if (!new_keys.count(fingerprint_of(site_id, f.check, f.camera, f.zone)))
            d.fixed_findings.push_back(f);
}

}  // namespace

std::string_view to_string(ChangeStatus s) {
    switch (s) {
        case ChangeStatus::Added:
            return "added";
        case ChangeStatus::Removed:
            return "removed";
        case ChangeStatus::Changed:
            return "changed";
        case ChangeStatus::Unchanged:
            return "unchanged";
    }
    return "";
}

bool is_anhui(const std::string& region) {
    std::string r;
    for (char c : region) r += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return r == "CN-AH" || r.starts_with("CN-AH-");
}

std::size_t SiteDiff::count(ChangeStatus s) const {
    return std::count_if(cameras.begin(), cameras.end(),
                         [s](const CameraChange& c) { return c.status == s; });
}

std::size_t SiteDiff::moved() const {
    return std::count_if(cameras.begin(), cameras.end(),
                         [](const CameraChange& c) { return c.moved; });
}

std::size_t SiteDiff::reaimed() const {
    return std::count_if(cameras.begin(), cameras.end(),
                         [](const CameraChange& c) { return c.reaimed; });
}

std::size_t SiteDiff::zones_with(ChangeStatus s) const {
    return std::count_if(zones.begin(), zones.end(),
                         [s](const ZoneChange& z) { return z.status == s; });
}

bool SiteDiff::empty() const {
    return cameras.empty() && zones_with(ChangeStatus::Unchanged) == zones.size() &&
           new_findings.empty() && fixed_findings.empty() && notes.empty();
}

SiteDiff diff_sites(const Revision& old_rev, const Revision& new_rev, const DiffOptions& options) {
    SiteDiff d;
    d.old_site = old_rev.site;
    d.new_site = new_rev.site;
    d.old_regime = old_rev.regime;
    d.new_regime = new_rev.regime;
    d.same_working_crs = old_rev.working_crs == new_rev.working_crs;
    d.cameras = compare_cameras(old_rev, new_rev, d, options);
    d.zones = compare_zones(old_rev, new_rev, options);
    compare_findings(old_rev, new_rev, d);
    const std::size_t before = old_rev.site->cameras.size();
    const std::size_t after = new_rev.site->cameras.size();
    if (before != after && (old_rev.regime == "article7" || new_rev.regime == "article7"))
        d.notes.push_back(regulation_14(before, after));
    return d;
}

}  // namespace camaudit::audit
