// The geometric sections of a site file: zones, walls, cameras.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "io/site_loader.hpp"
#include "io/site_reader.hpp"
#include "model/angle.hpp"

namespace camaudit::io {

namespace {

// `place.part`: lowercase letters, digits and underscores on each side of exactly one dot.
bool valid_kind(std::string_view kind) {
    const auto dot = kind.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == kind.size()) return false;
    for (std::size_t i = 0; i < kind.size(); ++i) {
        const char c = kind[i];
        if (i == dot) continue;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

std::string element_name(std::string_view what, const std::string& id) {
    return id.empty() ? std::string(what) : fmt::format("{} '{}'", what, id);
}

// Reads the `id` of an element and declares it in the namespace `ns`.
std::string read_id(SiteLoader& s, const Fields& f, std::string_view ns) {
    const YNode* v = s.r.require(f, "id", ns);
    if (!v) return {};
    auto id = s.r.id(*v, "id");
    if (!id) return {};
    // Ids are repeated in every finding, legend and report line that names the element: a
    // 100 KB id seen by 2,000 cameras made 406 MB of JSON (issue #19, 6).
    if (id->size() > kMaxIdBytes) {
        s.r.error(v->loc,
                  fmt::format("id: {} bytes, more than the limit of {}", id->size(), kMaxIdBytes));
        return {};
    }
    s.declare(ns, *id, v->loc);
    return *id;
}

// Exactly one of `keys` must be present: reports none (at the element) or a second one (at
// the later of the two in the file).
const char* one_of(SiteLoader& s, const Fields& f, const std::string& element,
                   std::initializer_list<const char*> keys) {
    std::vector<const char*> present;
    for (const char* k : keys)
        if (f.has(k)) present.push_back(k);
    auto before = [&](const char* a, const char* b) {
        const SourceLocation& la = f.key(a)->loc;
        const SourceLocation& lb = f.key(b)->loc;
        return std::pair(la.line, la.column) < std::pair(lb.line, lb.column);
    };
    std::sort(present.begin(), present.end(), before);
    if (present.size() > 1) {
        s.r.error(f.key(present[1])->loc,
                  fmt::format("{}: give only one of {}; both '{}' and '{}' are given", element,
                              fmt::join(keys, ", "), present[0], present[1]));
        return nullptr;
    }
    if (present.empty()) {
        bool misspelt = false;
        for (const char* k : keys) misspelt = misspelt || f.misspelt(k);
        if (!misspelt)
            s.r.error(f.loc(), fmt::format("{}: needs one of {}", element, fmt::join(keys, ", ")));
        return nullptr;
    }
    return present[0];
}

// A number in a range, reported at its value; `interval` describes the range in messages.
template <typename Pred>
std::optional<double> bounded(SiteLoader& s, const YNode& v, std::string_view key, Pred ok,
                              std::string_view interval) {
    auto d = s.r.number(v, key);
    if (d && !ok(*d)) {
        s.r.error(v.loc, fmt::format("{} must be {}, got {}", key, interval, *d));
        return std::nullopt;
    }
    return d;
}

bool positive(double v) {
    return v > 0;
}

// A length in metres: > 0 (>= 0 with `zero_ok`), and at most kMaxDistance.
std::optional<double> length(SiteLoader& s, const YNode& v, std::string_view key, bool zero_ok) {
    auto d = zero_ok ? bounded(
                           s, v, key, [](double x) { return x >= 0; }, ">= 0")
                     : bounded(s, v, key, positive, "> 0");
    if (d && *d > kMaxDistance) {
        s.r.error(v.loc, fmt::format("{} must be at most {:g} m, got {}", key, kMaxDistance, *d));
        return std::nullopt;
    }
    return d;
}

void read_owner(SiteLoader& s, const Fields& f, std::string& out) {
    if (const YNode* v = f["owner"])
        if (auto owner = s.r.id(*v, "owner")) {
            out = *owner;
            s.refer_party(*owner, v->loc);
        }
}

void read_zone(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(node, "zone",
                         {"id", "kind", "name", "floor", "polygon", "point", "radius", "line",
                          "width", "public", "owner", "key_part"});
    if (!f) return;
    Zone z;
    z.loc = f->loc();
    z.id = read_id(s, *f, "zone");
    const std::string element = element_name("zone", z.id);
    if (const YNode* v = s.r.require(*f, "kind", element)) {
        if (auto kind = s.r.text(*v, "kind")) {
            if (valid_kind(*kind))
                z.kind = *kind;
            else
                s.r.error(v->loc, fmt::format("kind '{}' is not of the form place.part (lowercase "
                                              "letters, digits, '_', one dot)",
                                              *kind));
        }
    }
    s.r.get(*f, "name", z.name);
    s.floor_of(*f, z.floor, element);
    if (const char* shape = one_of(s, *f, element, {"polygon", "point", "line"})) {
        const YNode& v = *(*f)[shape];
        if (std::string_view(shape) == "polygon") {
            z.shape = ZoneShape::Polygon;
            if (auto p = s.polygon(v, "polygon")) z.polygon = std::move(*p);
        } else if (std::string_view(shape) == "point") {
            z.shape = ZoneShape::Point;
            if (auto p = s.r.point(v, "point")) z.point = *p;
        } else {
            z.shape = ZoneShape::Line;
            if (auto l = s.line(v, "line")) z.line = std::move(*l);
        }
    }
    if (const YNode* v = (*f)["radius"]) {
        if (z.shape != ZoneShape::Point || !f->has("point"))
            s.r.error(f->key("radius")->loc, "radius applies to point zones only");
        else
            z.radius = length(s, *v, "radius", false);
    }
    if (const YNode* v = (*f)["width"]) {
        if (z.shape != ZoneShape::Line || !f->has("line"))
            s.r.error(f->key("width")->loc, "width applies to line zones only");
        else
            z.width = length(s, *v, "width", false);
    }
    s.r.get(*f, "public", z.is_public);
    read_owner(s, *f, z.owner);
    s.r.get(*f, "key_part", z.key_part);
    s.site.zones.push_back(std::move(z));
}

void read_wall(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(node, "wall", {"id", "floor", "line", "polygon", "transparent", "height"});
    if (!f) return;
    Wall w;
    w.loc = f->loc();
    w.id = read_id(s, *f, "wall");
    const std::string element = element_name("wall", w.id);
    s.floor_of(*f, w.floor, element);
    if (const char* shape = one_of(s, *f, element, {"line", "polygon"})) {
        const YNode& v = *(*f)[shape];
        w.is_polygon = std::string_view(shape) == "polygon";
        if (w.is_polygon) {
            if (auto p = s.polygon(v, "wall polygon")) w.polygon = std::move(*p);
        } else if (auto l = s.line(v, "wall line")) {
            w.line = std::move(*l);
        }
    }
    s.r.get(*f, "transparent", w.transparent);
    // A partition's top above its floor (the spec's Viewshed, "Heights"); a wall of no height
    // is no wall. Transparent walls take it and ignore it, as the spec says.
    if (const YNode* v = (*f)["height"]) w.height = length(s, *v, "height", false);
    s.site.walls.push_back(std::move(w));
}

std::optional<Ptz> read_ptz(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(node, "ptz", {"pan"});
    if (!f) return std::nullopt;
    Ptz ptz;
    const YNode* pan = (*f)["pan"];
    if (!pan) {
        ptz.unlimited = true;
        return ptz;
    }
    if (!pan->is_sequence() || pan->items.size() != 2) {
        const std::string got = pan->is_sequence()
                                    ? fmt::format("a list of {} values", pan->items.size())
                                    : describe(*pan);
        s.r.error(pan->loc, fmt::format("ptz.pan: expected [from, to] in degrees, got {}", got));
        return std::nullopt;
    }
    // Kept as written (the report says the range as the file does); checked like every angle.
    auto from = bounded(s, pan->items[0], "ptz.pan", input_angle_ok, kInputAngleInterval);
    auto to = bounded(s, pan->items[1], "ptz.pan", input_angle_ok, kInputAngleInterval);
    if (!from || !to) return std::nullopt;
    ptz.pan_from = *from;
    ptz.pan_to = *to;
    return ptz;
}

std::optional<std::array<int, 2>> read_resolution(SiteLoader& s, const YNode& node) {
    if (!node.is_sequence() || node.items.size() != 2) {
        const std::string got = node.is_sequence()
                                    ? fmt::format("a list of {} values", node.items.size())
                                    : describe(node);
        s.r.error(node.loc,
                  fmt::format("resolution: expected [width, height] in pixels, got {}", got));
        return std::nullopt;
    }
    std::array<int, 2> out{};
    bool ok = true;
    for (int i = 0; i < 2; ++i) {
        auto v = s.r.integer(node.items[i], "resolution");
        if (v && (*v <= 0 || *v > 1'000'000)) {
            s.r.error(node.items[i].loc,
                      fmt::format("resolution: pixel counts must be positive, got {}", *v));
            v.reset();
        }
        if (v)
            out[i] = static_cast<int>(*v);
        else
            ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

void read_camera(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(
        node, "camera",
        {"id", "floor", "position", "height", "azimuth", "hfov", "range", "tilt", "vfov",
         "resolution", "ptz", "privacy_masks", "owner", "signage", "consent", "purpose"});
    if (!f) return;
    Camera c;
    c.loc = f->loc();
    c.id = read_id(s, *f, "camera");
    const std::string element = element_name("camera", c.id);
    s.floor_of(*f, c.floor, element);
    if (const YNode* v = s.r.require(*f, "position", element))
        if (auto p = s.r.point(*v, "position")) c.position = *p;
    if (const YNode* v = (*f)["height"])
        if (auto h = length(s, *v, "height", true)) c.height = *h;
    if (const YNode* v = s.r.require(*f, "hfov", element))
        if (auto d = bounded(
                s, *v, "hfov", [](double d) { return d > 0 && d <= 360; }, "in (0, 360]"))
            c.hfov = *d;
    if (const YNode* v = s.r.require(*f, "range", element))
        if (auto d = length(s, *v, "range", false)) c.range = *d;
    if (const YNode* v = (*f)["tilt"])
        c.tilt = bounded(
            s, *v, "tilt", [](double d) { return d >= -90 && d <= 90; }, "in [-90, 90]");
    if (const YNode* v = (*f)["vfov"])
        c.vfov = bounded(
            s, *v, "vfov", [](double d) { return d > 0 && d < 180; }, "in (0, 180)");
    if (const YNode* v = (*f)["resolution"]) c.resolution = read_resolution(s, *v);
    if (const YNode* v = (*f)["ptz"]) c.ptz = read_ptz(s, *v);
    if (const YNode* v = (*f)["azimuth"]) {
        if (f->has("ptz")) {
            s.r.error(f->key("azimuth")->loc,
                      fmt::format("{}: azimuth is not allowed with ptz (ptz.pan gives the "
                                  "directions)",
                                  element));
        } else if (auto a = bounded(s, *v, "azimuth", input_angle_ok, kInputAngleInterval)) {
            c.azimuth = normalize_bearing(*a);
        }
    } else if (!f->has("ptz") && !f->misspelt("azimuth") && f->has("hfov") && c.hfov != 360.0) {
        const YNode* hfov = (*f)["hfov"];
        // An unreadable hfov was reported already; do not pile up a dependent error.
        if (hfov && c.hfov > 0)
            s.r.error(f->loc(), fmt::format("{}: missing required key 'azimuth' (required "
                                            "unless hfov is 360 or the camera has ptz)",
                                            element));
    }
    if (const YNode* v = (*f)["privacy_masks"]) {
        if (s.r.sequence(*v, "privacy_masks"))
            for (const YNode& m : v->items)
                if (auto p = s.polygon(m, "privacy mask")) c.privacy_masks.push_back(std::move(*p));
    }
    read_owner(s, *f, c.owner);
    s.r.get(*f, "signage", c.signage);
    if (const YNode* v = (*f)["consent"]) {
        if (auto ids = s.r.text_list(*v, "consent")) {
            c.consent = *ids;
            for (std::size_t i = 0; i < ids->size(); ++i) s.refer_zone((*ids)[i], v->items[i].loc);
        }
    }
    s.r.get(*f, "purpose", c.purpose);
    s.site.cameras.push_back(std::move(c));
}

template <typename Fn>
void read_list(SiteLoader& s, const YNode& node, std::string_view what, Fn read_one) {
    if (!s.r.sequence(node, what)) return;
    if (node.items.size() > kMaxElements) {
        s.r.error(node.loc, fmt::format("{}: {} entries, more than the limit of {}", what,
                                        node.items.size(), kMaxElements));
        return;
    }
    for (const YNode& item : node.items) {
        if (s.r.diag().full()) return;
        read_one(s, item);
    }
}

}  // namespace

void read_zones(SiteLoader& s, const YNode& node) {
    read_list(s, node, "zones", read_zone);
}
void read_walls(SiteLoader& s, const YNode& node) {
    read_list(s, node, "walls", read_wall);
}
void read_cameras(SiteLoader& s, const YNode& node) {
    read_list(s, node, "cameras", read_camera);
}

}  // namespace camaudit::io
