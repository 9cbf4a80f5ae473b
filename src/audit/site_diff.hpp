// Comparing two revisions of a site (`camaudit diff`): cameras added, removed, moved and
// re-aimed, the coverage of the zones that must be watched, and the findings that are new or
// fixed. Pure data in, data out: the caller measures each revision (its findings, the
// coverage of its watched zones, its cameras' working-CRS positions); this only compares.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "audit/finding.hpp"
#include "audit/rule_pack.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

// The coverage of one zone that must be watched (spec "Coverage report" numbers).
struct ZoneMeasure {
    std::string id, kind, floor;
    double area_m2 = 0;
    double covered_m2 = 0;
    double covered_fraction = 0;
    SourceLocation loc;
};

// What the comparison needs of one revision of a site.
struct Revision {
    const Site* site = nullptr;         // as read, input CRS
    std::vector<Point> camera_working;  // per camera of `site`, in the working CRS
    std::string working_crs;            // "local", "EPSG:4547": distances only within one
    std::string regime;                 // article7 | article9 | non_public
    // A zone whose kind the active packs make mandatory (in Anhui: a place of 安徽 第七条),
    // for the 安徽 第十五条 removal note.
    bool listed_place = false;
    // The zones that must be watched (their kind is mandatory in the active packs, or they
    // are key_part), in file order.
    std::vector<ZoneMeasure> watched;
    std::vector<Finding> findings;  // in report order
};

// A camera property as written in the site file: none, a number, a text, or a pair of
// numbers (position [x, y]; ptz pan [from, to]). `ptz: {}` is the text "unlimited".
using DiffValue = std::variant<std::monostate, double, std::string, std::vector<double>>;

struct FieldChange {
    std::string field;  // the site file's key: position, floor, height, azimuth, ...
    DiffValue old_value, new_value;
};

// A legal remark on a change: the article that a change of this kind may breach, quoted
// verbatim. A note is not a finding: the tool cannot know whether the change was authorised.
struct LegalNote {
    // moved | reaimed | removed | filing; removal-notice (安徽 15); filed-fact (条例 14 ¶1,
    // one per changed fact of a filed article7 system)
    std::string topic;
    Citation citation;               // doc, article, paragraph, item and the verbatim text_zh
    std::string short_zh, short_en;  // the instrument's short title, for the citation's label
    std::string message_en, message_zh;

    const std::string& message(bool zh) const { return zh ? message_zh : message_en; }
};

enum class ChangeStatus { Added, Removed, Changed, Unchanged };
std::string_view to_string(ChangeStatus s);

struct CameraChange {
    std::string id;
    ChangeStatus status = ChangeStatus::Changed;  // never Unchanged: those are not listed
    std::string floor;                 // the new revision's; the old one's for a removed camera
    SourceLocation loc;                // likewise
    bool moved = false;                // position beyond the tolerance, floor or height changed
    bool reaimed = false;              // azimuth, hfov, range, tilt, vfov or ptz changed
    std::optional<double> distance_m;  // plan distance moved (working CRS); none across CRSs
    // Changed: the fields that differ, in site-file order. Added / removed: where the camera
    // is and what it looks at (position, floor, height, azimuth, hfov, range, ptz), the
    // missing side none.
    std::vector<FieldChange> changes;
    std::vector<LegalNote> notes;
};

struct ZoneChange {
    std::string id, kind;
    ChangeStatus status = ChangeStatus::Unchanged;  // added / removed: watched on one side only
    std::optional<ZoneMeasure> old_measure, new_measure;
};

struct SiteDiff {
    const Site* old_site = nullptr;
    const Site* new_site = nullptr;
    std::string old_regime, new_regime;
    bool same_working_crs = true;
    std::vector<CameraChange> cameras;    // by id; unchanged cameras are left out
    std::vector<ZoneChange> zones;        // every watched zone of either revision, by id
    std::vector<Finding> new_findings;    // in the new report's order
    std::vector<Finding> fixed_findings;  // in the old report's order
    std::size_t unchanged_findings = 0;
    std::vector<LegalNote> notes;  // about the site as a whole (filing)

    std::size_t count(ChangeStatus s) const;  // cameras with that status
    std::size_t moved() const;
    std::size_t reaimed() const;
    std::size_t zones_with(ChangeStatus s) const;
    // Nothing at all differs that the report shows.
    bool empty() const;
};

struct DiffOptions {
    double move_tolerance_m = 0.01;      // plan distance and height, working CRS
    double angle_tolerance = 1e-9;       // degrees, lengths: what counts as a change as written
    double coverage_tolerance = 0.0005;  // covered fraction (half of 0.1 %)
};

// Compares two revisions. Cameras and zones are matched by id, findings by fingerprint; the
// old findings are fingerprinted with the new site id, so that renaming the site does not turn
// every finding into a new one. Legal notes: for a CN-AH site (new revision's region) a move
// cites 安徽办法 第十六条 (三) and a re-aim 第十四条 (固定视频图像采集的范围); for a system of
// 条例 第七条 (old revision's regime) a move, re-aim or removal cites 条例 第二十三条 (二);
// when the number of cameras of a system of 第七条 (either revision) changes, 条例 第十四条
// (备案变更).
SiteDiff diff_sites(const Revision& old_rev, const Revision& new_rev,
                    const DiffOptions& options = {});

// Whether `a` is a region in or under CN-AH (case-insensitive).
bool is_anhui(const std::string& region);

}  // namespace camaudit::audit
