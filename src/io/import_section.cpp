// The `import:` section of a site file: its YAML (every error at its line:column), then one
// import_drawing() per item.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "io/ifc/site_import.hpp"
#include "io/import_dxf.hpp"
#include "io/site_reader.hpp"
#include "util/paths.hpp"

namespace camaudit::io {

namespace {

// A layer or block name list: one name or a list of names.
std::vector<NamePattern> read_names(SiteLoader& s, const YNode& node, std::string_view what) {
    std::vector<NamePattern> out;
    if (node.is_scalar()) {
        if (auto name = s.r.id(node, what)) out.push_back({*name, node.loc});
        return out;
    }
    if (!s.r.sequence(node, what)) return out;
    for (const YNode& item : node.items)
        if (auto name = s.r.id(item, what)) out.push_back({*name, item.loc});
    return out;
}

}  // namespace

// `key: value` pairs of strings, in file order.
std::vector<std::pair<std::string, std::string>> read_pairs(SiteLoader& s, const YNode& node,
                                                            std::string_view what) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!node.is_mapping()) {
        s.r.error(node.loc, fmt::format("{}: expected a mapping, got {}", what, describe(node)));
        return out;
    }
    for (std::size_t i = 0; i < node.pair_count(); ++i) {
        auto key = s.r.id(node.key(i), what);
        auto value = s.r.id(node.val(i), what);
        bool repeated = false;
        for (const auto& [k, v] : out) repeated = repeated || (key && k == *key);
        if (repeated) {
            s.r.error(node.key(i).loc, fmt::format("{}: duplicate key '{}'", what, *key));
            continue;
        }
        if (key && value) out.emplace_back(*key, *value);
    }
    return out;
}

// `place.part`, as zone kinds are written.
bool kind_shaped(std::string_view kind) {
    const auto dot = kind.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == kind.size()) return false;
    for (std::size_t i = 0; i < kind.size(); ++i) {
        const char c = kind[i];
        if (i != dot && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

std::vector<std::pair<std::string, std::string>> read_kind_map(SiteLoader& s, const YNode& node) {
    auto kinds = read_pairs(s, node, "kinds");
    for (std::size_t i = 0; i < node.pair_count() && node.is_mapping(); ++i) {
        const YNode& v = node.val(i);
        if (v.is_scalar() && !kind_shaped(v.value))
            s.r.error(v.loc, fmt::format("kinds: '{}' is not a zone kind of the form place.part "
                                         "(lowercase letters, digits, '_', one dot)",
                                         v.value));
    }
    return kinds;
}

namespace {

void read_kinds(SiteLoader& s, const YNode& node, ImportEntry& e) {
    e.kinds = read_kind_map(s, node);
}

// `heights: {A-PART: 2.0}`: metres (whatever the drawing's units: heights are not drawn),
// keyed by layers of `walls`; a plain name that no `walls` pattern matches is an error (a
// glass layer ignores heights, any other layer gives no walls).
void read_heights(SiteLoader& s, const YNode& node, ImportEntry& e) {
    if (!node.is_mapping()) {
        s.r.error(node.loc,
                  fmt::format("{}: expected a mapping, got {}", "heights", describe(node)));
        return;
    }
    for (std::size_t i = 0; i < node.pair_count(); ++i) {
        const YNode& key = node.key(i);
        auto layer = s.r.id(key, "heights");
        if (!layer) continue;
        bool repeated = false;
        for (const auto& [p, h] : e.heights) repeated = repeated || p.text == *layer;
        if (repeated) {
            s.r.error(key.loc, fmt::format("{}: duplicate key '{}'", "heights", *layer));
            continue;
        }
        const NamePattern pattern{*layer, key.loc};
        if (!pattern.wildcard() && !matches_any(e.walls, *layer)) {
            s.r.error(key.loc, fmt::format("heights: layer '{}' is not a layer of walls", *layer));
            continue;
        }
        const std::string what = fmt::format("heights.{}", *layer);
        auto h = s.r.number(node.val(i), what);
        if (!h) continue;
        if (*h <= 0 || *h > kMaxDistance) {
            s.r.error(node.val(i).loc,
                      fmt::format("{} must be {}, got {}", what, "in (0, 100000] m", *h));
            continue;
        }
        e.heights.emplace_back(pattern, *h);
    }
}

void read_cameras_mapping(SiteLoader& s, const YNode& node, ImportEntry& e) {
    auto f = s.r.mapping(node, "import cameras", {"blocks", "attributes"});
    if (!f) return;
    if (const YNode* v = s.r.require(*f, "blocks", "import cameras"))
        e.camera_blocks = read_names(s, *v, "blocks");
    const YNode* attributes = (*f)["attributes"];
    if (!attributes) {
        // Without a mapping each key is read from the attribute of its name: ID, HFOV, ...
        for (std::string_view key : kCameraAttributeKeys) {
            std::string tag(key);
            for (char& c : tag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            e.attributes.emplace_back(tag, key);
        }
        return;
    }
    e.attributes = read_pairs(s, *attributes, "attributes");
    const std::vector<std::string_view> keys(std::begin(kCameraAttributeKeys),
                                             std::end(kCameraAttributeKeys));
    for (std::size_t i = 0; attributes->is_mapping() && i < attributes->pair_count(); ++i) {
        const YNode& v = attributes->val(i);
        if (!v.is_scalar() || std::find(keys.begin(), keys.end(), v.value) != keys.end()) continue;
        const std::string hint = suggest(v.value, keys);
        s.r.error(v.loc,
                  fmt::format("attributes: '{}' is not a camera key a block attribute can "
                              "give (one of: {}){}",
                              v.value, fmt::join(keys, ", "),
                              hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
    }
}

void read_dxf_path(SiteLoader& s, const YNode& v, ImportEntry& e) {
    auto dxf = s.r.id(v, "dxf");
    if (!dxf) return;
    e.dxf_loc = v.loc;
    namespace fs = std::filesystem;
    const fs::path folder = fs::path(s.site.file).parent_path();
    const fs::path path = folder / *dxf;
    std::error_code ec;
    // Inside the site file's folder only: an absolute path, a `../` or a symlink out of it
    // would make a stranger's site file probe the machine through GDAL (issue #19, 5).
    if (!util::within_folder(folder, *dxf)) {
        s.r.error(v.loc, fmt::format("dxf: '{}' is outside the folder of the site file; "
                                     "drawings must be inside it",
                                     *dxf));
        return;
    }
    if (!fs::is_regular_file(path, ec)) {
        s.r.error(v.loc, fmt::format("dxf: cannot open the drawing '{}': {}", *dxf,
                                     fs::exists(path, ec) ? "not a regular file" : "no such file"));
        return;
    }
    e.dxf = *dxf;
}

// An item with an `ifc` key imports a building model (ifc/site_import.hpp).
bool names_model(const YNode& item) {
    for (std::size_t i = 0; item.is_mapping() && i < item.pair_count(); ++i)
        if (item.key(i).value == "ifc") return true;
    return false;
}

std::optional<ImportEntry> read_entry(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(node, "import",
                         {"dxf", "units", "floor", "walls", "glass", "zones", "labels", "kinds",
                          "cameras", "heights"});
    if (!f) return std::nullopt;
    const std::size_t errors = s.r.diag().error_count();
    ImportEntry e;
    e.loc = f->loc();
    if (const YNode* v = s.r.require(*f, "dxf", "import")) read_dxf_path(s, *v, e);
    if (const YNode* v = (*f)["units"])
        if (auto u = s.r.choice(*v, "units",
                                {"mm", "cm", "dm", "m", "km", "in", "ft", "yd", "mi", "us_ft"}))
            e.metres_per_unit = metres_per_unit(*u);
    s.floor_of(*f, e.floor, fmt::format("import '{}'", e.dxf));
    if (const YNode* v = (*f)["walls"]) e.walls = read_names(s, *v, "walls");
    if (const YNode* v = (*f)["glass"]) e.glass = read_names(s, *v, "glass");
    if (const YNode* v = (*f)["zones"]) e.zones = read_names(s, *v, "zones");
    e.labels_given = f->has("labels");
    if (const YNode* v = (*f)["labels"])
        e.labels = read_names(s, *v, "labels");
    else
        e.labels = e.zones;  // room names written on the zone layers themselves
    if (const YNode* v = (*f)["kinds"])
        read_kinds(s, *v, e);
    else if (f->has("zones") && !f->misspelt("kinds"))
        s.r.error(f->loc(),
                  "import: zones need 'kinds' (label text → zone kind, e.g. "
                  "{客房: hotel.guest_room})");
    if (const YNode* v = (*f)["cameras"]) read_cameras_mapping(s, *v, e);
    if (const YNode* v = (*f)["heights"]) read_heights(s, *v, e);
    if (s.r.diag().error_count() != errors || e.dxf.empty()) return std::nullopt;
    return e;
}

}  // namespace

std::optional<double> metres_per_unit(std::string_view name) {
    static const std::pair<std::string_view, double> kUnits[] = {
        {"mm", 0.001},    {"cm", 0.01},
        {"dm", 0.1},      {"m", 1.0},
        {"km", 1000},     {"in", 0.0254},
        {"ft", 0.3048},   {"yd", 0.9144},
        {"mi", 1609.344}, {"us_ft", 1200.0 / 3937.0}};
    for (const auto& [n, metres] : kUnits)
        if (n == name) return metres;
    return std::nullopt;
}

std::optional<double> metres_per_insunits(int code) {
    switch (code) {
        case 1:
            return 0.0254;
        case 2:
            return 0.3048;
        case 3:
            return 1609.344;
        case 4:
            return 0.001;
        case 5:
            return 0.01;
        case 6:
            return 1.0;
        case 7:
            return 1000.0;
        case 10:
            return 0.9144;
        case 13:
            return 1e-6;
        case 14:
            return 0.1;
        case 21:
            return 1200.0 / 3937.0;
        default:
            return std::nullopt;  // 0 (unitless) and the astronomical ones
    }
}

void read_import(SiteLoader& s, const YNode& node) {
    if (!s.r.sequence(node, "import")) return;
    if (s.r.geographic) {
        s.r.error(node.loc,
                  "import: drawings are in plan coordinates; the site's crs must be "
                  "'local' or a projected CRS, not longitude/latitude");
        return;
    }
    LabelCounts labels;
    const bool floors_written = !s.site.floors.empty();  // `floors` is read before `import`
    for (const YNode& item : node.items) {
        if (s.r.diag().full()) return;
        if (names_model(item)) {
            if (auto entry = read_ifc_entry(s, item))
                import_model(s, *entry, labels, floors_written);
        } else if (auto entry = read_entry(s, item)) {
            import_drawing(s, *entry, labels);
        }
    }
}

}  // namespace camaudit::io
