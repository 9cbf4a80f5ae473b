#include "io/geojson_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <utility>
#include <vector>

#include "io/geojson_tree.hpp"
#include "io/osm_camera.hpp"
#include "io/site_reader.hpp"
#include "io/text_check.hpp"
#include "io/yaml_read.hpp"
#include "io/yaml_tree.hpp"

namespace camaudit::io {

namespace {

using Keys = std::vector<std::string_view>;

// The YAML top-level keys that the GeoJSON form carries as foreign members (RFC 7946 §6.1).
const Keys kSections = {"camaudit", "site", "operator", "parties", "system", "floors", "settings"};

// What each element takes from `properties`; its geometry gives the rest.
struct Role {
    std::string_view name;  // zone, wall, camera
    Keys keys;
    // GeoJSON geometry type → the site-format key it becomes.
    std::vector<std::pair<std::string_view, std::string_view>> geometries;
};

const Role kZone = {
    "zone",
    {"id", "kind", "name", "floor", "radius", "width", "public", "owner", "key_part"},
    {{"Polygon", "polygon"}, {"Point", "point"}, {"LineString", "line"}}};
const Role kWall = {"wall",
                    {"id", "floor", "transparent", "height"},
                    {{"LineString", "line"}, {"Polygon", "polygon"}}};
const Role kCamera = {
    "camera",
    {"id", "floor", "height", "azimuth", "hfov", "range", "tilt", "vfov", "resolution", "ptz",
     "privacy_masks", "owner", "signage", "consent", "purpose"},
    {{"Point", "position"}}};

const Keys kFeatureMembers = {"type", "geometry", "properties", "id"};
const Keys kGeometryMembers = {"type", "coordinates"};

bool contains(const Keys& keys, std::string_view k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
}

YNode node(YNode::Kind kind, const SourceLocation& loc) {
    YNode n;
    n.kind = kind;
    n.loc = loc;
    return n;
}

YNode key_node(std::string_view name, const SourceLocation& loc) {
    YNode n = node(YNode::Kind::Scalar, loc);
    n.value = std::string(name);
    return n;
}

void add(YNode& mapping, std::string_view key, YNode value) {
    mapping.items.push_back(key_node(key, value.loc));
    mapping.items.push_back(std::move(value));
}

YNode* member(YNode& mapping, std::string_view key) {
    for (std::size_t i = 0; i < mapping.pair_count(); ++i)
        if (mapping.items[2 * i].value == key) return &mapping.items[2 * i + 1];
    return nullptr;
}

bool is_text(const YNode* n, std::string_view value) {
    return n && n->is_scalar() && !n->plain && n->value == value;
}

std::optional<double> number_of(const YNode& n) {
    if (!n.is_scalar() || !n.plain) return std::nullopt;
    double v = 0;
    auto [end, ec] = std::from_chars(n.value.data(), n.value.data() + n.value.size(), v);
    if (ec != std::errc() || end != n.value.data() + n.value.size()) return std::nullopt;
    return v;
}

// The parts of one GeoJSON file, turned into the YAML form's top level.
class Converter {
  public:
    explicit Converter(Diagnostics& diag) : diag_(diag) {}

    std::vector<std::vector<Assumption>> assumed;  // per camera, in file order
    std::vector<IgnoredInput> ignored;             // the first kMaxListedIgnored
    std::size_t ignored_total = 0;

    std::optional<YNode> top_level(YNode root);

  private:
    void error(const SourceLocation& loc, std::string message) {
        diag_.error(loc, std::move(message));
    }
    // Records input skipped on purpose (a city's OSM export has millions of tags: only the
    // first kMaxListedIgnored are kept for --strict, all are counted); warns where it looks
    // like a misspelt known key (an OSM tag such as `camera:mount` is never taken for one).
    template <typename Describe>
    void ignore(const YNode& key, Describe what, const Keys& known) {
        const std::string& hint = suggestion(key.value, known);
        if (!hint.empty())
            diag_.warning(key.loc, fmt::format("{} is not in the site format and is ignored; "
                                               "did you mean '{}'?",
                                               what(), hint));
        if (++ignored_total <= kMaxListedIgnored) ignored.push_back({key.loc, what()});
    }
    // suggest() for a key, remembered: the same tags come back on every feature.
    const std::string& suggestion(const std::string& key, const Keys& known) {
        auto [it, fresh] = suggestions_.try_emplace({&known, key});
        if (fresh && key.find(':') == std::string::npos) it->second = suggest(key, known);
        return it->second;
    }
    void section(YNode& key, YNode& value, YNode& top);
    void feature(YNode& f, std::size_t index);
    void properties(YNode& props, const Role& role, bool osm, YNode& element,
                    const std::string& name);
    bool geometry(YNode* g, const SourceLocation& at, const Role& role, YNode& element,
                  const std::string& name);
    YNode coordinates(std::string_view type, YNode coords, const std::string& name);
    void drop_altitude(YNode& position, const std::string& name);

    Diagnostics& diag_;
    YNode zones_, walls_, cameras_;
    std::map<std::pair<const Keys*, std::string>, std::string> suggestions_;
};

std::optional<YNode> Converter::top_level(YNode root) {
    if (!root.is_mapping()) {
        error(root.loc, fmt::format("the top level of a GeoJSON site file must be a "
                                    "FeatureCollection object, got {}",
                                    describe(root)));
        return std::nullopt;
    }
    YNode top = node(YNode::Kind::Mapping, root.loc);
    zones_ = walls_ = cameras_ = node(YNode::Kind::Sequence, root.loc);
    YNode* type = nullptr;
    YNode* features = nullptr;
    for (std::size_t i = 0; i < root.pair_count(); ++i) {
        YNode& key = root.items[2 * i];
        YNode& value = root.items[2 * i + 1];
        if (key.value == "type")
            type = &value;
        else if (key.value == "features")
            features = &value;
        else if (key.value != "bbox")
            section(key, value, top);
    }
    if (!type) {
        error(root.loc, "missing member 'type' (a GeoJSON site file is a FeatureCollection)");
        return std::nullopt;
    }
    if (!is_text(type, "FeatureCollection")) {
        error(type->loc, fmt::format("type: a GeoJSON site file is a FeatureCollection, got {}",
                                     describe(*type)));
        return std::nullopt;
    }
    if (!features)
        error(root.loc, "missing member 'features' (the zones, walls and cameras)");
    else if (!features->is_sequence())
        error(features->loc, fmt::format("features: expected an array of Feature objects, got {}",
                                         describe(*features)));
    else
        for (std::size_t i = 0; i < features->items.size() && !diag_.full(); ++i)
            feature(features->items[i], i);
    // RFC 7946: coordinates are WGS 84 longitude/latitude unless site.crs names another CRS.
    if (YNode* site = member(top, "site"); site && site->is_mapping() && !member(*site, "crs")) {
        YNode crs = node(YNode::Kind::Scalar, site->loc);
        crs.value = "EPSG:4326";
        add(*site, "crs", std::move(crs));
    }
    add(top, "zones", std::move(zones_));
    add(top, "walls", std::move(walls_));
    add(top, "cameras", std::move(cameras_));
    return top;
}

// A member of the FeatureCollection besides type, features and bbox.
void Converter::section(YNode& key, YNode& value, YNode& top) {
    const std::string& name = key.value;
    if (contains(kSections, name)) {
        top.items.push_back(std::move(key));
        top.items.push_back(std::move(value));
    } else if (name == "zones" || name == "walls" || name == "cameras") {
        error(key.loc,
              fmt::format("'{}' is a key of the YAML form; in GeoJSON each {} is a "
                          "feature with properties.camaudit \"{}\"",
                          name, name.substr(0, name.size() - 1), name.substr(0, name.size() - 1)));
    } else if (name == "import") {
        error(key.loc, "import: DXF drawings are imported by the YAML form only");
    } else if (name == "crs") {
        error(key.loc,
              "the 'crs' member of GeoJSON 2008 is not supported: coordinates are WGS "
              "84 longitude/latitude (RFC 7946), unless site.crs names another CRS");
    } else {
        static const Keys known = [] {
            Keys k = kSections;
            k.insert(k.end(), {"type", "features"});
            return k;
        }();
        ignore(
            key, [&] { return fmt::format("member '{}' of the FeatureCollection", name); }, known);
    }
}

void Converter::feature(YNode& f, std::size_t index) {
    const std::string where = fmt::format("features[{}]", index);
    if (!f.is_mapping()) {
        error(f.loc, fmt::format("{}: expected a Feature object, got {}", where, describe(f)));
        return;
    }
    YNode *type = nullptr, *geom = nullptr, *props = nullptr, *id = nullptr;
    for (std::size_t i = 0; i < f.pair_count(); ++i) {
        YNode& key = f.items[2 * i];
        YNode* value = &f.items[2 * i + 1];
        if (key.value == "type")
            type = value;
        else if (key.value == "geometry")
            geom = value;
        else if (key.value == "properties")
            props = value;
        else if (key.value == "id")
            id = value;
        else if (key.value != "bbox")
            ignore(
                key, [&] { return fmt::format("member '{}' of {}", key.value, where); },
                kFeatureMembers);
    }
    if (!is_text(type, "Feature")) {
        error(type ? type->loc : f.loc,
              type ? fmt::format("{}: type must be \"Feature\", got {}", where, describe(*type))
                   : fmt::format("{}: missing member 'type' (\"Feature\")", where));
        return;
    }
    YNode no_properties = node(YNode::Kind::Mapping, f.loc);
    if (props && !props->is_mapping() && !props->is_null()) {
        error(props->loc,
              fmt::format("{}: properties: expected an object, got {}", where, describe(*props)));
        return;
    }
    YNode& tags = props && props->is_mapping() ? *props : no_properties;
    const Role* role = &kCamera;
    const bool osm = !member(tags, "camaudit") && is_osm_camera(tags);
    if (const YNode* c = member(tags, "camaudit")) {
        Reader r(diag_);
        auto name = r.choice(*c, "properties.camaudit", {"zone", "wall", "camera"});
        if (!name) return;
        role = *name == "zone" ? &kZone : *name == "wall" ? &kWall : &kCamera;
    } else if (!osm) {
        error(f.loc, fmt::format("{}: properties.camaudit is missing (zone, wall or camera), "
                                 "and the feature is not an OpenStreetMap camera "
                                 "(man_made=surveillance, surveillance:type=camera)",
                                 where));
        return;
    }
    YNode element = node(YNode::Kind::Mapping, f.loc);
    // The feature's `id` member names it where properties.id does not.
    const YNode* pid = member(tags, "id");
    const YNode* shown = pid ? pid : id;
    const std::string name = shown && shown->is_scalar()
                                 ? fmt::format("{} '{}'", role->name, shown->value)
                                 : fmt::format("{} ({})", role->name, where);
    properties(tags, *role, osm, element, name);
    if (!pid && id) add(element, "id", std::move(*id));
    if (!geometry(geom, f.loc, *role, element, name)) return;
    if (role == &kCamera) {
        assumed.push_back(osm ? complete_osm_camera(tags, element, diag_)
                              : std::vector<Assumption>{});
        cameras_.items.push_back(std::move(element));
    } else {
        (role == &kZone ? zones_ : walls_).items.push_back(std::move(element));
    }
}

// Moves the schema keys of `props` into `element`; OSM tags stay for complete_osm_camera.
void Converter::properties(YNode& props, const Role& role, bool osm, YNode& element,
                           const std::string& name) {
    for (std::size_t i = 0; i < props.pair_count(); ++i) {
        YNode& key = props.items[2 * i];
        const std::string& k = key.value;
        if (k == "camaudit" || (osm && is_osm_camera_tag(k))) continue;
        if (contains(role.keys, k)) {
            element.items.push_back(std::move(key));
            element.items.push_back(std::move(props.items[2 * i + 1]));
            key.value.clear();  // moved out: no longer a tag that lookups may find
            continue;
        }
        bool from_geometry = false;
        for (const auto& [type, site_key] : role.geometries)
            from_geometry = from_geometry || k == site_key;
        if (from_geometry)
            error(key.loc, fmt::format("{}: '{}' comes from the feature's geometry; remove it "
                                       "from properties",
                                       name, k));
        else
            ignore(
                key, [&] { return fmt::format("property '{}' of {}", k, name); }, role.keys);
    }
}

bool Converter::geometry(YNode* g, const SourceLocation& at, const Role& role, YNode& element,
                         const std::string& name) {
    std::string allowed;
    for (const auto& [type, key] : role.geometries)
        allowed += (allowed.empty() ? "" : " or ") + std::string(type);
    if (!g || g->is_null()) {
        error(g ? g->loc : at, fmt::format("{}: {}; a {} is a {}", name,
                                           g ? "the geometry is null" : "missing member 'geometry'",
                                           role.name, allowed));
        return false;
    }
    if (!g->is_mapping()) {
        error(g->loc, fmt::format("{}: geometry: expected an object, got {}", name, describe(*g)));
        return false;
    }
    YNode *type = nullptr, *coords = nullptr;
    for (std::size_t i = 0; i < g->pair_count(); ++i) {
        YNode& key = g->items[2 * i];
        if (key.value == "type")
            type = &g->items[2 * i + 1];
        else if (key.value == "coordinates")
            coords = &g->items[2 * i + 1];
        else if (key.value != "bbox")
            ignore(
                key,
                [&] { return fmt::format("member '{}' of the geometry of {}", key.value, name); },
                kGeometryMembers);
    }
    if (!type || !type->is_scalar() || type->plain) {
        error(type ? type->loc : g->loc,
              fmt::format("{}: the geometry needs a 'type' ({})", name, allowed));
        return false;
    }
    auto match = std::find_if(role.geometries.begin(), role.geometries.end(),
                              [&](const auto& p) { return p.first == type->value; });
    if (match == role.geometries.end()) {
        error(type->loc, fmt::format("{}: a {} is a {} geometry, not {}", name, role.name, allowed,
                                     type->value));
        return false;
    }
    if (!coords) {
        error(g->loc, fmt::format("{}: the {} has no 'coordinates'", name, type->value));
        return false;
    }
    add(element, match->second, coordinates(match->first, std::move(*coords), name));
    return true;
}

// GeoJSON coordinates in the site format's shape: a Polygon's [shell, holes...] rings become a
// ring or {shell, holes}; altitudes are dropped (heights come from `height`). Shapes the
// site format rejects are passed on as they are, for its readers to report.
YNode Converter::coordinates(std::string_view type, YNode coords, const std::string& name) {
    if (!coords.is_sequence()) return coords;
    if (type == "Point") {
        drop_altitude(coords, name);
        return coords;
    }
    for (YNode& p : coords.items)
        if (type == "LineString")
            drop_altitude(p, name);
        else if (p.is_sequence())
            for (YNode& q : p.items) drop_altitude(q, name);
    if (type == "LineString") return coords;
    if (coords.items.empty()) {
        error(coords.loc, fmt::format("{}: a Polygon needs its outer ring", name));
        return coords;
    }
    for (const YNode& ring : coords.items) {
        if (!ring.is_sequence() || ring.items.size() < 2) continue;
        const YNode& a = ring.items.front();
        const YNode& b = ring.items.back();
        if (a.items.size() != 2 || b.items.size() != 2) continue;
        auto ax = number_of(a.items[0]), ay = number_of(a.items[1]);
        auto bx = number_of(b.items[0]), by = number_of(b.items[1]);
        if (ax && ay && bx && by && (*ax != *bx || *ay != *by))
            error(ring.loc, fmt::format("{}: a polygon ring must be closed: its last position "
                                        "repeats the first (RFC 7946 §3.1.6)",
                                        name));
    }
    if (coords.items.size() == 1) return std::move(coords.items.front());
    YNode polygon = node(YNode::Kind::Mapping, coords.loc);
    YNode holes = node(YNode::Kind::Sequence, coords.items[1].loc);
    std::move(coords.items.begin() + 1, coords.items.end(), std::back_inserter(holes.items));
    add(polygon, "shell", std::move(coords.items.front()));
    add(polygon, "holes", std::move(holes));
    return polygon;
}

void Converter::drop_altitude(YNode& position, const std::string& name) {
    if (!position.is_sequence() || position.items.size() != 3) return;
    const YNode& z = position.items[2];
    if (!number_of(z))
        error(z.loc, fmt::format("{}: altitude: expected a number, got {}", name, describe(z)));
    position.items.pop_back();
}

std::optional<Site> read_geojson(const std::string& path, const std::string& bytes,
                                 Diagnostics& diag) {
    auto text = check_text(path, bytes, diag);
    if (!text) return std::nullopt;
    auto root = parse_json(path, *text, diag);
    if (!root) return std::nullopt;
    Converter converter(diag);
    auto top = converter.top_level(std::move(*root));
    if (!top) return std::nullopt;
    auto site = read_site_tree(path, *top, diag);
    if (!site || diag.has_errors()) return std::nullopt;
    // Each camera feature became one camera, in order (a file with any error stops above).
    for (std::size_t i = 0; i < site->cameras.size() && i < converter.assumed.size(); ++i) {
        Camera& c = site->cameras[i];
        c.assumed = std::move(converter.assumed[i]);
        for (Assumption& a : c.assumed)
            if (a.field == "owner") a.value = site->owner_of(c.owner);
    }
    site->ignored = std::move(converter.ignored);
    site->ignored_total = converter.ignored_total;
    return site;
}

}  // namespace

std::optional<Site> load_site_geojson(const std::string& path, const std::string& bytes,
                                      Diagnostics& diag) {
    // As for YAML: a Diagnostics of this file alone decides whether it is good.
    Diagnostics local;
    auto site = read_geojson(path, bytes, local);
    pass_on_file_diagnostics(path, local, diag);
    return site;
}

}  // namespace camaudit::io
