// One DXF drawing of a site's `import:` into zones, walls and cameras: layers and blocks
// chosen by the entry's patterns, zones named by the labels inside them, cameras from block
// references and their attributes. Errors name the drawing, the entity handle, its type and
// layer, at the entity's line in the DXF text where it is known.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "io/dxf_reader.hpp"
#include "io/import_dxf.hpp"
#include "io/site_reader.hpp"
#include "model/angle.hpp"

namespace camaudit::io {

namespace {

char fold(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// Coordinates and angles rounded to 1e-9 (a nanometre, a nano-degree): drawing units
// converted and blocks rotated in floating point give 13.700000000000001 where the drawing
// says 13700 mm; the rounded value is the one a person would write in a site file.
double tidy(double v) {
    constexpr double kGrid = 1e9;
    return std::fabs(v) < 1e6 ? std::round(v * kGrid) / kGrid : v;
}

// A label's or attribute's text on one line: blanks collapsed, ends trimmed, MTEXT paragraphs
// joined by a space between Latin words and by nothing between Chinese ones (公共\P卫生间).
std::string one_line(const std::string& text) {
    std::string out;
    bool blank = false, line_break = false;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            blank = !out.empty();
            line_break = line_break || c == '\n' || c == '\r';
            continue;
        }
        const bool ascii = static_cast<unsigned char>(c) < 0x80 &&
                           static_cast<unsigned char>(out.empty() ? 0 : out.back()) < 0x80;
        if (blank && (!line_break || ascii)) out += ' ';
        blank = line_break = false;
        out += c;
    }
    return out;
}

std::string element_of(const DxfEntity& e) {
    std::string where = e.handle.empty()
                            ? fmt::format("entity without handle ({} on {}", e.type, e.layer)
                            : fmt::format("entity {} ({} on {}", e.handle, e.type, e.layer);
    if (!e.inserts.empty()) where += fmt::format(", in a block inserted by {}", e.inserts);
    return where + ")";
}

// What one drawing adds, and how it reports.
class DrawingImport {
  public:
    DrawingImport(SiteLoader& s, const ImportEntry& entry, LabelCounts& labels)
        : s_(s), entry_(entry), label_counts_(labels) {
        namespace fs = std::filesystem;
        path_ =
            (fs::path(s.site.file).parent_path() / entry.dxf).lexically_normal().generic_string();
        name_ = fs::path(entry.dxf).filename().string();
    }

    void run() {
        DxfMessages messages;
        auto keep = [&](const std::string& block) {
            return matches_any(entry_.camera_blocks, block);
        };
        auto drawing = read_dxf(path_, keep, messages);
        for (const auto& w : messages.warnings)
            s_.r.diag().warning({path_, 0, 0}, fmt::format("GDAL: {}", w));
        report_read_errors(messages);
        if (!drawing) return;
        check_names(entry_.walls, drawing->layers, "layer");
        check_names(entry_.glass, drawing->layers, "layer");
        check_names(entry_.zones, drawing->layers, "layer");
        if (entry_.labels_given) check_names(entry_.labels, drawing->layers, "layer");
        check_names(entry_.camera_blocks, drawing->blocks, "block");
        std::vector<NamePattern> height_layers;
        for (const auto& [p, h] : entry_.heights) height_layers.push_back(p);
        check_names(height_layers, drawing->layers, "layer");
        scale_ = units(*drawing);
        for (const DxfEntity& e : drawing->entities) take(e);
        name_zones();
    }

  private:
    // GDAL says where the DXF text breaks ("..., 1028: error at line 81 of f1.dxf"): that
    // line is the position; one such error is enough, the next ones follow from it.
    void report_read_errors(const DxfMessages& messages) {
        bool located = false;
        for (std::size_t i = 0; i < messages.errors.size(); ++i) {
            const std::string& e = messages.errors[i];
            const auto at = e.find("error at line ");
            if (at == std::string::npos) {
                // The expansion's errors name their entity, and its line where known.
                auto line = messages.error_lines.find(i);
                const int l = line != messages.error_lines.end() ? line->second : 0;
                s_.r.error({path_, l, l > 0 ? 1 : 0},
                           fmt::format("cannot read the drawing: {}", e));
                continue;
            }
            if (located) continue;
            located = true;
            const int line = std::atoi(e.c_str() + at + 14);
            s_.r.error({path_, line, line > 0 ? 1 : 0},
                       "cannot read the drawing: the DXF text is broken here (a group code or "
                       "value is missing or wrong)");
        }
    }

    struct ZoneCandidate {
        const DxfEntity* entity;
        Polygon polygon;
        double area;
        std::vector<const DxfEntity*> labels;
    };

    // The patterns that name nothing in the drawing: a plain name is an error (a typo), a
    // wildcard a warning (the drawing may simply have none yet).
    void check_names(const std::vector<NamePattern>& patterns, const std::set<std::string>& names,
                     std::string_view what) {
        for (const NamePattern& p : patterns) {
            bool found = false;
            for (const auto& n : names) found = found || matches(p.text, n);
            if (found) continue;
            if (p.wildcard()) {
                s_.r.diag().warning(p.loc, fmt::format("import '{}': no {} matches '{}'",
                                                       entry_.dxf, what, p.text));
                continue;
            }
            std::vector<std::string_view> candidates(names.begin(), names.end());
            const std::string hint = suggest(p.text, candidates);
            s_.r.error(
                p.loc,
                fmt::format("import '{}': the drawing has no {} '{}'{}", entry_.dxf, what, p.text,
                            hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
        }
    }

    double units(const DxfDrawing& d) {
        if (entry_.metres_per_unit) return *entry_.metres_per_unit;
        if (!d.index.insunits || *d.index.insunits == 0) return 1.0;
        if (auto m = metres_per_insunits(*d.index.insunits)) return *m;
        s_.r.diag().warning(entry_.dxf_loc,
                            fmt::format("import '{}': $INSUNITS {} is not a length camaudit "
                                        "knows; the drawing is read in metres (set 'units')",
                                        entry_.dxf, *d.index.insunits));
        return 1.0;
    }

    SourceLocation at(const DxfEntity& e) const { return {path_, e.line, e.line > 0 ? 1 : 0}; }
    void error(const DxfEntity& e, const std::string& message) {
        s_.r.error(at(e), fmt::format("{}: {}", element_of(e), message));
    }

    DrawingOrigin origin(const DxfEntity& e) const {
        return {entry_.dxf, path_, e.handle, e.type, e.layer, e.inserts, e.line};
    }

    // Drawing units to site metres; nullopt (reported) for coordinates beyond reason.
    std::optional<std::vector<Point>> site_points(const DxfEntity& e,
                                                  const std::vector<Point>& pts) {
        std::vector<Point> out;
        out.reserve(pts.size());
        for (const Point& p : pts) {
            const Point q{tidy(p.x * scale_), tidy(p.y * scale_)};
            if (!std::isfinite(q.x) || !std::isfinite(q.y) || std::fabs(q.x) > kMaxAbsCoordinate ||
                std::fabs(q.y) > kMaxAbsCoordinate) {
                error(e, fmt::format("coordinate ({}, {}) m is out of range (absolute value at "
                                     "most {})",
                                     q.x, q.y, kMaxAbsCoordinate));
                return std::nullopt;
            }
            out.push_back(q);
        }
        return out;
    }

    void take(const DxfEntity& e) {
        if (s_.r.diag().full()) return;
        switch (e.kind) {
            case DxfEntity::Kind::Insert:
                return camera(e);
            case DxfEntity::Kind::Text:
                if (matches_any(entry_.labels, e.layer)) labels_.push_back(&e);
                return;
            case DxfEntity::Kind::Curve:
            case DxfEntity::Kind::Area:
                if (matches_any(entry_.glass, e.layer))
                    wall(e, true);
                else if (matches_any(entry_.walls, e.layer))
                    wall(e, false);
                if (matches_any(entry_.zones, e.layer)) zone(e);
                return;
        }
    }

    std::string wall_id(const DxfEntity& e) {
        std::string id =
            e.handle.empty()
                ? fmt::format("{}#w{}", name_, ++unnamed_walls_)
                : fmt::format("{}#{}", name_,
                              e.inserts.empty() ? e.handle : e.inserts + "/" + e.handle);
        // One entity may give several walls (a hatch's islands): number the later ones.
        const int n = ++wall_ids_[id];
        return n == 1 ? id : fmt::format("{}.{}", id, n);
    }

    void wall(const DxfEntity& e, bool glass) {
        Wall w;
        w.floor = entry_.floor;
        w.transparent = glass;
        if (!glass)
            for (const auto& [p, h] : entry_.heights)
                if (matches(p.text, e.layer)) {
                    w.height = h;
                    break;
                }
        w.loc = entry_.loc;
        w.origin = origin(e);
        const std::string what = element_of(e) + ": wall";
        if (e.kind == DxfEntity::Kind::Curve) {
            auto pts = site_points(e, e.points);
            if (!pts) return;
            auto line = GeometryChecker::polyline(std::move(*pts), at(e), what, s_.r.diag());
            if (!line) return;
            w.line = std::move(*line);
        } else {
            auto poly = polygon(e, e.polygon, what);
            if (!poly) return;
            w.is_polygon = true;
            w.polygon = std::move(*poly);
        }
        w.id = wall_id(e);
        s_.declare("wall", w.id, w.loc);
        s_.site.walls.push_back(std::move(w));
    }

    std::optional<Polygon> polygon(const DxfEntity& e, const Polygon& drawn,
                                   const std::string& what) {
        auto shell_pts = site_points(e, drawn.shell);
        if (!shell_pts) return std::nullopt;
        auto shell = GeometryChecker::ring(std::move(*shell_pts), at(e), what, s_.r.diag());
        if (!shell) return std::nullopt;
        Polygon p;
        p.shell = std::move(*shell);
        for (const Ring& h : drawn.holes) {
            auto hole_pts = site_points(e, h);
            auto hole = hole_pts
                            ? GeometryChecker::ring(std::move(*hole_pts), at(e), what, s_.r.diag())
                            : std::nullopt;
            if (!hole) return std::nullopt;
            p.holes.push_back(std::move(*hole));
        }
        if (!s_.geom.valid(p, at(e), what, s_.r.diag())) return std::nullopt;
        return p;
    }

    void zone(const DxfEntity& e) {
        if (e.kind == DxfEntity::Kind::Curve && !e.closed) {
            error(e,
                  "an open polyline on a zone layer: a zone is a closed polyline (close it, "
                  "or move the entity to another layer)");
            return;
        }
        Polygon drawn = e.polygon;
        if (e.kind == DxfEntity::Kind::Curve) drawn.shell = e.points;
        auto poly = polygon(e, drawn, element_of(e) + ": zone");
        if (!poly) return;
        const double area = ring_area(poly->shell);
        zones_.push_back({&e, std::move(*poly), area, {}});
    }

    static double ring_area(const Ring& r) {
        double twice = 0;
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
            twice += r[j].x * r[i].y - r[i].x * r[j].y;
        return std::fabs(twice) / 2;
    }

    static bool in_ring(const Ring& r, Point p) {
        bool inside = false;
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
            if ((r[i].y > p.y) != (r[j].y > p.y) &&
                p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
                inside = !inside;
        return inside;
    }

    static bool contains(const Polygon& poly, Point p) {
        if (!in_ring(poly.shell, p)) return false;
        for (const Ring& h : poly.holes)
            if (in_ring(h, p)) return false;
        return true;
    }

    // The kind of the longest key the label contains (ASCII letters in any case).
    std::optional<std::string> kind_of(const std::string& label) const {
        std::optional<std::string> best;
        std::size_t best_length = 0;
        auto contains = [](std::string_view hay, std::string_view needle) {
            if (needle.size() > hay.size()) return false;
            for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
                bool same = true;
                for (std::size_t j = 0; same && j < needle.size(); ++j)
                    same = fold(hay[i + j]) == fold(needle[j]);
                if (same) return true;
            }
            return false;
        };
        for (const auto& [key, kind] : entry_.kinds)
            if (key.size() > best_length && contains(label, key)) {
                best = kind;
                best_length = key.size();
            }
        return best;
    }

    // Each label names the smallest zone it lies in (a room drawn inside a larger area).
    void name_zones() {
        for (const DxfEntity* label : labels_) {
            const Point p{label->at.x * scale_, label->at.y * scale_};
            ZoneCandidate* best = nullptr;
            for (auto& z : zones_)
                if (contains(z.polygon, p) && (!best || z.area < best->area)) best = &z;
            if (best) best->labels.push_back(label);
        }
        for (auto& z : zones_) name_zone(z);
    }

    void name_zone(ZoneCandidate& z) {
        const DxfEntity& e = *z.entity;
        if (z.labels.empty()) {
            error(e, fmt::format("zone without a label: no text on the label layers ({}) lies "
                                 "inside it",
                                 pattern_list(entry_.labels)));
            return;
        }
        std::vector<std::pair<std::string, std::string>> named;  // label, kind
        for (const DxfEntity* l : z.labels) {
            const std::string text = one_line(l->text);
            if (auto kind = kind_of(text)) named.emplace_back(text, *kind);
        }
        if (named.empty()) {
            error(e, fmt::format("zone label '{}' matches no key of kinds",
                                 one_line(z.labels.front()->text)));
            return;
        }
        if (named.size() > 1) {
            error(e, fmt::format("zone with {} labels that name a kind ('{}', '{}'); keep one",
                                 named.size(), named[0].first, named[1].first));
            return;
        }
        Zone zone;
        zone.name = named[0].first;
        zone.kind = named[0].second;
        const int n = ++label_counts_[zone.name];
        zone.id = n == 1 ? zone.name : fmt::format("{}#{}", zone.name, n);
        zone.floor = entry_.floor;
        zone.polygon = std::move(z.polygon);
        zone.loc = entry_.loc;
        zone.origin = origin(e);
        s_.declare("zone", zone.id, zone.loc);
        s_.site.zones.push_back(std::move(zone));
    }

    static std::string pattern_list(const std::vector<NamePattern>& patterns) {
        std::string out;
        for (const auto& p : patterns) out += (out.empty() ? "" : ", ") + p.text;
        return out.empty() ? "none given" : out;
    }

    void camera(const DxfEntity& e);

    SiteLoader& s_;
    const ImportEntry& entry_;
    LabelCounts& label_counts_;
    std::string path_, name_;
    double scale_ = 1;
    std::vector<const DxfEntity*> labels_;
    std::vector<ZoneCandidate> zones_;
    std::map<std::string, int> wall_ids_;
    int unnamed_walls_ = 0;
    std::map<std::string, std::string> camera_handles_;  // id → the handle that gave it first
};

// An attribute value as a number: a decimal as written, surrounding blanks ignored.
std::optional<double> attribute_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<bool> attribute_flag(std::string value) {
    for (char& c : value) c = fold(c);
    for (const char* yes : {"1", "yes", "y", "true", "是", "有"})
        if (value == yes) return true;
    for (const char* no : {"0", "no", "n", "false", "否", "无", "没有"})
        if (value == no) return false;
    return std::nullopt;
}

struct Range {
    double low, high;
    bool low_open, high_open;
    std::string_view text;
    bool holds(double v) const {
        return (low_open ? v > low : v >= low) && (high_open ? v < high : v <= high);
    }
};

// The ranges the YAML reader enforces for the same keys (lengths capped at kMaxDistance, as
// site_elements.cpp caps them: a camera that sees 1e300 m would make the viewshed absurd).
const Range* range_of(std::string_view key) {
    static const Range hfov{0, 360, true, false, "in (0, 360]"};
    static const Range range{0, kMaxDistance, true, false, "in (0, 100000] m"};
    static const Range height{0, kMaxDistance, false, false, "in [0, 100000] m"};
    static const Range tilt{-90, 90, false, false, "in [-90, 90]"};
    static const Range vfov{0, 180, true, true, "in (0, 180)"};
    if (key == "hfov") return &hfov;
    if (key == "range") return &range;
    if (key == "height") return &height;
    if (key == "tilt") return &tilt;
    if (key == "vfov") return &vfov;
    return nullptr;
}

// A camera block's attributes by camera key, through the entry's tag → key mapping (tags in
// any case; an empty value counts as absent), and the tag of each key for messages.
struct CameraAttributes {
    std::map<std::string, std::string, std::less<>> values;
    std::map<std::string, std::string, std::less<>> tag_of;
};

CameraAttributes camera_attributes(const ImportEntry& entry,
                                   const std::vector<std::pair<std::string, std::string>>& drawn) {
    CameraAttributes out;
    for (const auto& [tag, key] : entry.attributes) {
        out.tag_of.emplace(key, tag);
        for (const auto& [t, v] : drawn) {
            bool same = t.size() == tag.size();
            for (std::size_t i = 0; same && i < t.size(); ++i) same = fold(t[i]) == fold(tag[i]);
            std::string trimmed = one_line(v);
            if (same && !trimmed.empty()) out.values[key] = std::move(trimmed);
        }
    }
    return out;
}

// "range (attribute RANGE)" for each required key without a value.
std::vector<std::string> missing_required(const CameraAttributes& a) {
    std::vector<std::string> missing;
    for (std::string_view key : {"id", "hfov", "range"}) {
        if (a.values.contains(key)) continue;
        auto t = a.tag_of.find(key);
        missing.push_back(t == a.tag_of.end()
                              ? fmt::format("{} (no attribute is mapped to it)", key)
                              : fmt::format("{} (attribute {})", key, t->second));
    }
    return missing;
}

// The azimuth of a block whose +x points `direction` degrees counter-clockwise from +x.
double azimuth_of(double direction) {
    return normalize_bearing(tidy(std::fmod(90.0 - direction, 360.0)));
}

// Sets the camera key `key` from the attribute value; the problem, or "" when it is good.
std::string apply_attribute(Camera& c, std::string_view key, const std::string& value,
                            const std::string& tag) {
    if (key == "id") return {};
    if (key == "owner" || key == "purpose") {
        (key == "owner" ? c.owner : c.purpose) = value;
        return {};
    }
    if (key == "signage") {
        auto flag = attribute_flag(value);
        c.signage = flag.value_or(false);
        return flag ? ""
                    : fmt::format(
                          "attribute {}: '{}' is not a yes or no (1, yes, true, 是, "
                          "有; 0, no, false, 否, 无)",
                          tag, value);
    }
    auto number = attribute_number(value);
    const Range* range = range_of(key);
    if (!number) return fmt::format("attribute {}: {} must be a number, got '{}'", tag, key, value);
    if (range && !range->holds(*number))
        return fmt::format("attribute {}: {} must be {}, got {}", tag, key, range->text, value);
    if (key == "hfov") c.hfov = *number;
    if (key == "range") c.range = *number;
    if (key == "height") c.height = *number;
    if (key == "tilt") c.tilt = number;
    if (key == "vfov") c.vfov = number;
    return {};
}

}  // namespace

void DrawingImport::camera(const DxfEntity& e) {
    if (std::isnan(e.direction)) {
        error(e, "a camera block inserted out of the plan's plane (its extrusion is not ±z)");
        return;
    }
    const CameraAttributes a = camera_attributes(entry_, e.attributes);
    if (auto missing = missing_required(a); !missing.empty()) {
        error(e, fmt::format("camera block '{}' lacks required attributes: {}", e.block,
                             fmt::join(missing, ", ")));
        return;
    }
    Camera c;
    c.id = a.values.at("id");
    c.floor = entry_.floor;
    c.loc = entry_.loc;
    c.origin = origin(e);
    auto position = site_points(e, {e.at});
    if (!position) return;
    c.position = position->front();
    c.azimuth = azimuth_of(e.direction);
    bool ok = true;
    for (const auto& [key, value] : a.values) {
        const std::string problem = apply_attribute(c, key, value, a.tag_of.at(key));
        if (!problem.empty()) error(e, problem);
        ok = ok && problem.empty();
    }
    if (!c.owner.empty() && !s_.site.party(c.owner)) {
        error(e, fmt::format("attribute {}: unknown party '{}' (neither the operator nor in "
                             "parties)",
                             a.tag_of.at("owner"), c.owner));
        ok = false;
    }
    if (!ok) return;
    auto [first, fresh] = camera_handles_.emplace(c.id, e.handle);
    if (!fresh) {
        error(e, fmt::format("duplicate camera id '{}' (also entity {})", c.id, first->second));
        return;
    }
    s_.declare("camera", c.id, c.loc);
    s_.site.cameras.push_back(std::move(c));
}

bool matches(std::string_view pattern, std::string_view name) {
    // Iterative glob with one backtrack point (the last '*'), as fnmatch does.
    std::size_t p = 0, n = 0, star = std::string_view::npos, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (p < pattern.size() && pattern[p] == '?') {
            ++p;
            n += utf8_length(static_cast<unsigned char>(name[n]));
        } else if (p < pattern.size() && fold(pattern[p]) == fold(name[n])) {
            ++p;
            ++n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = resume += utf8_length(static_cast<unsigned char>(name[resume]));
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size() && n == name.size();
}

bool matches_any(const std::vector<NamePattern>& patterns, std::string_view name) {
    for (const auto& p : patterns)
        if (matches(p.text, name)) return true;
    return false;
}

void import_drawing(SiteLoader& s, const ImportEntry& entry, LabelCounts& labels) {
    DrawingImport(s, entry, labels).run();
}

}  // namespace camaudit::io
