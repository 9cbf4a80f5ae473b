// Internal to the site reader: the `import:` section, which takes zones, walls and cameras
// from DXF drawings (spec: site-format.md, "Importing a CAD drawing (DXF)").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/site_loader.hpp"

namespace camaudit::io {

// A layer or block name, with `*` and `?` wildcards, as written in the site file.
struct NamePattern {
    std::string text;
    SourceLocation loc;
    bool wildcard() const { return text.find_first_of("*?") != std::string::npos; }
};

// `*` any run of characters, `?` one character (not byte); ASCII letters in any case, as CAD
// programs treat layer and block names.
bool matches(std::string_view pattern, std::string_view name);
bool matches_any(const std::vector<NamePattern>& patterns, std::string_view name);

// One item of `import:`.
struct ImportEntry {
    std::string dxf;     // as written
    SourceLocation loc;  // the item: imported elements are located here
    SourceLocation dxf_loc;
    std::optional<double> metres_per_unit;  // `units`; else $INSUNITS, else 1
    std::string floor;
    std::vector<NamePattern> walls, glass, zones, labels, camera_blocks;
    bool labels_given = false;                               // else `labels` are the zone layers
    std::vector<std::pair<std::string, std::string>> kinds;  // label key → zone kind
    std::vector<std::pair<std::string, std::string>> attributes;  // attribute tag → camera key
    // `heights` (an extension): wall layer pattern → the walls' height in metres, in file order;
    // a wall takes the first that matches its layer, a layer that none matches reaches the
    // ceiling.
    std::vector<std::pair<NamePattern, double>> heights;
};

// Zone labels seen so far in this site (all drawings): the second `客房` becomes `客房#2`.
using LabelCounts = std::map<std::string, int, std::less<>>;

// Reads the drawing of `entry` and adds its zones, walls and cameras to `s.site`; every
// problem is reported to `s.r.diag()`.
void import_drawing(SiteLoader& s, const ImportEntry& entry, LabelCounts& labels);

// The metres per unit of a `units` name (mm, cm, m, in, ft, ...) or of a $INSUNITS code.
std::optional<double> metres_per_unit(std::string_view name);
std::optional<double> metres_per_insunits(int code);

// `key: value` pairs of strings, in file order (duplicates reported); `what` names the mapping.
std::vector<std::pair<std::string, std::string>> read_pairs(SiteLoader& s, const YNode& node,
                                                            std::string_view what);
// `kinds`: label or name text → zone kind (`place.part`), in file order.
std::vector<std::pair<std::string, std::string>> read_kind_map(SiteLoader& s, const YNode& node);

// The camera keys that block attributes may give.
inline constexpr std::string_view kCameraAttributeKeys[] = {
    "id", "hfov", "range", "height", "tilt", "vfov", "owner", "signage", "purpose"};

}  // namespace camaudit::io
