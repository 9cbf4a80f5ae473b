// One IFC model of a site's `import:` into floors, zones, walls and cameras (site_import.hpp).
#include "io/ifc/site_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "io/ifc/ifc_api.hpp"
#include "io/site_reader.hpp"

namespace camaudit::io {

namespace {

namespace ifc = camaudit::io::ifc;

// A wall whose top is within this of its storey's ceiling reaches the ceiling (no height).
constexpr double kCeilingTolerance = 0.05;
// A camera within this of a wall section, or inside it, is moved this far out of its nearest
// face (spec: "Precisely"), as the viewshed moves an eye on a wall.
constexpr double kCameraClearance = 0.05;
// Defaults for what no property gives, as for OpenStreetMap cameras (osm_camera.cpp): the
// cautious ones, since the privacy checks are why a model is audited.
constexpr double kAssumedHfov = 90;
constexpr double kAssumedRange = 30;
constexpr double kDefaultHeight = 3;

char fold(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool same_folded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (fold(a[i]) != fold(b[i])) return false;
    return true;
}

bool contains_folded(std::string_view hay, std::string_view needle) {
    for (std::size_t i = 0; needle.size() <= hay.size() && i + needle.size() <= hay.size(); ++i)
        if (same_folded(hay.substr(i, needle.size()), needle)) return true;
    return false;
}

// Coordinates rounded to 1e-9 m, as for DXF drawings (import_drawing.cpp): millimetres
// converted in floating point give 13.700000000000001 where the model says 13700.
double tidy(double v) {
    constexpr double kGrid = 1e9;
    return std::fabs(v) < 1e6 ? std::round(v * kGrid) / kGrid : v;
}

bool in_ring(const Ring& r, Point p) {
    bool inside = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > p.y) != (r[j].y > p.y) &&
            p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
            inside = !inside;
    return inside;
}

bool in_polygon(const Polygon& poly, Point p) {
    if (!in_ring(poly.shell, p)) return false;
    for (const Ring& h : poly.holes)
        if (in_ring(h, p)) return false;
    return true;
}

// The nearest point to `p` on the segment a-b.
Point nearest_on(Point a, Point b, Point p) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return {a.x + t * dx, a.y + t * dy};
}

// The English of a problem the model reader found; the detail (English, for the log) follows
// in parentheses where it says more than the kind.
std::string problem_text(const ifc::Problem& p, double cut_height) {
    using K = ifc::ProblemKind;
    switch (p.kind) {
        case K::too_large:
            return fmt::format("the model is too large to read ({})", p.detail);
        case K::cannot_read:
            return fmt::format("cannot read the model ({})", p.detail);
        case K::not_step:
            return fmt::format("not an IFC model in STEP text ({})", p.detail);
        case K::unsupported_schema:
            return fmt::format("a schema camaudit does not read; it reads IFC2X3 and IFC4 ({})",
                               p.detail);
        case K::truncated:
            return fmt::format("the model is cut short ({})", p.detail);
        case K::syntax:
            return fmt::format("the STEP text is broken here ({})", p.detail);
        case K::too_complex:
            return fmt::format("the model is beyond the reader's limits ({})", p.detail);
        case K::reader_failed:
            return fmt::format("IFC++ could not read the model ({})", p.detail);
        case K::dangling_reference:
            return fmt::format("a reference to an instance the file does not define ({})",
                               p.detail);
        case K::no_length_unit:
            return "the model names no length unit; metres assumed";
        case K::unsupported_unit:
            return fmt::format("a unit camaudit cannot convert ({})", p.detail);
        case K::no_spaces:
            return "the model has no IfcSpace: no zones come from it";
        case K::no_storey:
            return "in no IfcBuildingStorey";
        case K::space_without_geometry:
            return fmt::format(
                "a space without geometry: neither its body cut at {} m above its storey nor "
                "a FootPrint gives a polygon; it is not imported",
                cut_height);
        case K::element_without_geometry:
            return "an element without a body: it is not imported as a wall";
        case K::open_section:
            return fmt::format("its section at the cut height is not closed ({})", p.detail);
        case K::geometry_failed:
            return fmt::format("IFC++ could not build its geometry; it is not imported ({})",
                               p.detail);
        case K::bad_value:
            return fmt::format("an unusable value ({})", p.detail);
    }
    return p.detail;
}

// Whether a problem leaves the model usable for an audit: a missing wall or an assumed unit
// only lets cameras see more, and the message says so; a missing space, a broken file or a
// wrong scale would hide what the audit is for.
bool only_warning(const ifc::Problem& p) {
    using K = ifc::ProblemKind;
    switch (p.kind) {
        case K::no_length_unit:
        case K::no_spaces:
        case K::element_without_geometry:
        case K::open_section:
            return true;
        case K::geometry_failed:
            return p.entity.type != "IFCSPACE";
        default:
            return false;
    }
}

// What one model adds, and how it reports.
class ModelImport {
  public:
    ModelImport(SiteLoader& s, const IfcImportEntry& entry, LabelCounts& labels,
                bool floors_written)
        : s_(s), entry_(entry), labels_(labels), floors_written_(floors_written) {
        namespace fs = std::filesystem;
        path_ =
            (fs::path(s.site.file).parent_path() / entry.ifc).lexically_normal().generic_string();
        name_ = fs::path(entry.ifc).filename().string();
    }

    void run() {
        s_.r.diag().note_region(path_, s_.site.info.region);
        ifc::ReadOptions options;
        options.cut_height = entry_.cut_height;
        model_ = ifc::read_ifc_file(path_, options);
        name_entities();
        const std::size_t errors = s_.r.diag().error_count();
        for (const auto& p : model_.problems) report(p);
        if (!model_.read() || s_.r.diag().error_count() != errors) return;
        if (!place()) return;
        if (!floors()) return;
        ceilings();
        for (const auto& space : model_.spaces) zone(space);
        for (const auto& w : model_.walls) wall(w);
        for (const auto& c : model_.cameras) camera(c);
        report_unclassified();
    }

  private:
    // --- Names and messages ---------------------------------------------------------------

    void name_entities() {
        for (const auto& x : model_.storeys) names_[x.entity.id] = x.name;
        for (const auto& x : model_.spaces) names_[x.entity.id] = x.name;
        for (const auto& x : model_.walls) names_[x.entity.id] = x.name;
        for (const auto& x : model_.cameras) names_[x.entity.id] = x.name;
    }

    // `#137 IFCSPACE 'MENS RR'`, `#137 IFCSPACE` without a Name.
    std::string entity_text(const ifc::EntityRef& e) const {
        if (e.type.empty()) return fmt::format("#{}", e.id);  // a crash's step: only its id
        auto n = names_.find(e.id);
        if (n == names_.end() || n->second.empty()) return fmt::format("#{} {}", e.id, e.type);
        return fmt::format("#{} {} '{}'", e.id, e.type, n->second);
    }

    SourceLocation at(int line) const { return {path_, line, line > 0 ? 1 : 0}; }

    void error(const ifc::EntityRef& e, const std::string& message) {
        s_.r.error(at(e.line), fmt::format("{}: {}", entity_text(e), message));
    }

    void report(const ifc::Problem& p) {
        if (p.kind == ifc::ProblemKind::no_storey) return;  // floor_of() decides
        const std::string what = problem_text(p, entry_.cut_height);
        const std::string message =
            p.entity.id > 0 ? fmt::format("{}: {}", entity_text(p.entity), what) : what;
        const SourceLocation loc = at(p.line > 0 ? p.line : p.entity.line);
        if (only_warning(p))
            s_.r.diag().warning(loc, message);
        else
            s_.r.error(loc, message);
    }

    DrawingOrigin origin(const ifc::EntityRef& e, const std::string& name) const {
        DrawingOrigin o;
        o.dxf = entry_.ifc;
        o.path = path_;
        o.handle = fmt::format("#{}", e.id);
        o.entity = e.type;
        o.layer = name;
        o.line = e.line;
        o.ifc = true;
        return o;
    }

    // --- Coordinates ----------------------------------------------------------------------

    // The model's frame, or the map's where the site's crs is not local (IfcMapConversion).
    bool place() {
        if (s_.site.info.crs == "local") return true;
        if (!model_.map_conversion) {
            s_.r.error(entry_.ifc_loc,
                       fmt::format("import '{}': the site's crs is '{}', but the model has no "
                                   "IfcMapConversion to place it there (use crs: local)",
                                   entry_.ifc, s_.site.info.crs));
            return false;
        }
        const ifc::MapConversion& m = *model_.map_conversion;
        const double norm = std::hypot(m.x_axis_abscissa, m.x_axis_ordinate);
        if (!(norm > 0) || !(m.scale > 0)) {
            error(m.entity, "an IfcMapConversion without a usable x axis or scale");
            return false;
        }
        if (!m.target_crs.empty() && m.target_crs != s_.site.info.crs)
            s_.r.diag().warning(entry_.ifc_loc,
                                fmt::format("import '{}': the model's IfcMapConversion is to "
                                            "'{}', the site's crs is '{}'",
                                            entry_.ifc, m.target_crs, s_.site.info.crs));
        map_ = Map{m.eastings, m.northings, m.scale * m.x_axis_abscissa / norm,
                   m.scale * m.x_axis_ordinate / norm,
                   std::atan2(m.x_axis_ordinate, m.x_axis_abscissa) * 180 / M_PI};
        return true;
    }

    std::optional<Point> site_point(const ifc::EntityRef& e, ifc::Point2 p) {
        Point q{p.x, p.y};
        if (map_)
            q = {map_->e + map_->a * p.x - map_->b * p.y, map_->n + map_->b * p.x + map_->a * p.y};
        q = {tidy(q.x), tidy(q.y)};
        if (!std::isfinite(q.x) || !std::isfinite(q.y) || std::fabs(q.x) > kMaxAbsCoordinate ||
            std::fabs(q.y) > kMaxAbsCoordinate) {
            error(e,
                  fmt::format("coordinate ({}, {}) m is out of range (absolute value at most {})",
                              q.x, q.y, kMaxAbsCoordinate));
            return std::nullopt;
        }
        return q;
    }

    std::optional<std::vector<Point>> site_points(const ifc::EntityRef& e,
                                                  const std::vector<ifc::Point2>& pts) {
        std::vector<Point> out;
        out.reserve(pts.size());
        for (const auto& p : pts) {
            auto q = site_point(e, p);
            if (!q) return std::nullopt;
            out.push_back(*q);
        }
        return out;
    }

    // The section as a polygon, its problems reported to `diag`.
    std::optional<Polygon> polygon(const ifc::EntityRef& e, const ifc::Polygon& cut,
                                   const std::string& what, Diagnostics& diag) {
        auto shell_pts = site_points(e, cut.outer);
        if (!shell_pts) return std::nullopt;
        auto shell = GeometryChecker::ring(std::move(*shell_pts), at(e.line), what, diag);
        if (!shell) return std::nullopt;
        Polygon p;
        p.shell = std::move(*shell);
        for (const auto& h : cut.holes) {
            auto hole_pts = site_points(e, h);
            auto hole = hole_pts
                            ? GeometryChecker::ring(std::move(*hole_pts), at(e.line), what, diag)
                            : std::nullopt;
            if (!hole) return std::nullopt;
            p.holes.push_back(std::move(*hole));
        }
        if (!s_.geom.valid(p, at(e.line), what, diag)) return std::nullopt;
        return p;
    }

    // --- Floors ---------------------------------------------------------------------------

    // Each storey's floor: `storeys` maps it, else its Name; the site's own floors must
    // define it, or (without them) it becomes one.
    bool floors() {
        const std::size_t errors = s_.r.diag().error_count();
        if (entry_.storeys)
            for (const auto& [name, floor] : *entry_.storeys) {
                bool found = false;
                for (const auto& st : model_.storeys) found = found || st.name == name;
                if (found) continue;
                std::vector<std::string_view> names;
                for (const auto& st : model_.storeys) names.push_back(st.name);
                const std::string hint = suggest(name, names);
                s_.r.error(
                    entry_.storey_locs.at(name),
                    fmt::format("storeys: the model has no storey '{}'{}", name,
                                hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
            }
        for (const auto& st : model_.storeys) {
            std::optional<std::string> id = st.name;
            if (entry_.storeys) {
                id.reset();
                for (const auto& [name, floor] : *entry_.storeys)
                    if (name == st.name) id = floor;
                if (!id) {
                    s_.r.error(entry_.storeys_loc,
                               fmt::format("storeys: {} is mapped to no floor (every storey must "
                                           "be, once storeys is given)",
                                           entity_text(st.entity)));
                    floor_ids_.emplace_back();
                    continue;
                }
            }
            if (id->empty()) id = st.global_id;  // a storey without a Name
            floor_ids_.push_back(*id);
            if (std::any_of(s_.site.floors.begin(), s_.site.floors.end(),
                            [&](const Floor& f) { return f.id == *id; }))
                continue;
            if (floors_written_) {
                std::string ids;
                for (const auto& f : s_.site.floors) ids += (ids.empty() ? "" : ", ") + f.id;
                s_.r.error(entry_.loc,
                           fmt::format("import '{}': {} is floor '{}', which the site's floors do "
                                       "not define (floors: {})",
                                       entry_.ifc, entity_text(st.entity), *id, ids));
                continue;
            }
            Floor f;
            f.id = *id;
            f.elevation = tidy(st.elevation);
            f.loc = entry_.loc;
            s_.declare("floor", f.id, f.loc);
            s_.site.floors.push_back(std::move(f));
        }
        return s_.r.diag().error_count() == errors;
    }

    // The floor of an element in storey `storey`; nullopt (reported) where it has none but
    // the site has floors.
    std::optional<std::string> floor_of(int storey, const ifc::EntityRef& e) {
        if (storey >= 0 && static_cast<std::size_t>(storey) < floor_ids_.size())
            return floor_ids_[static_cast<std::size_t>(storey)];
        if (s_.site.floors.empty()) return std::string();
        error(e, "in no IfcBuildingStorey, so on no floor, and the site has floors");
        return std::nullopt;
    }

    // Each storey's ceiling above its base: the lowest top of its spaces (rooms end at their
    // ceiling; the next storey's base is above the slab, which walls stop under: the Duplex's
    // walls end at 2.795 m, its rooms at 2.6 m, the next storey at 3.1 m), else the next
    // storey's base, else the highest top of its walls. A wall that reaches it has no height.
    // A room with a lowered ceiling makes its storey's ceiling lower: walls as high as it
    // then count as full height.
    void ceilings() {
        const std::size_t n = model_.storeys.size();
        ceiling_.assign(n, std::nullopt);
        auto lower = [&](int storey, double top) {
            if (storey < 0 || !(top > 0)) return;
            auto& c = ceiling_[static_cast<std::size_t>(storey)];
            if (!c || top < *c) c = top;
        };
        for (const auto& sp : model_.spaces) lower(sp.storey, sp.top);
        for (std::size_t i = 0; i < n; ++i) {
            if (ceiling_[i]) continue;
            const double base = model_.storeys[i].base;
            for (const auto& st : model_.storeys)
                if (st.base > base + kCeilingTolerance) lower(static_cast<int>(i), st.base - base);
        }
        std::vector<std::optional<double>> highest(n);
        for (const auto& w : model_.walls)
            if (w.has_body && w.storey >= 0) {
                auto& h = highest[static_cast<std::size_t>(w.storey)];
                h = std::max(h.value_or(w.top), w.top);
            }
        for (std::size_t i = 0; i < n; ++i)
            if (!ceiling_[i]) ceiling_[i] = highest[i];
    }

    // --- Zones ----------------------------------------------------------------------------

    // The kind of the longest key in LongName, else in Name (ASCII letters in any case).
    std::optional<std::string> kind_of(const ifc::Space& sp) const {
        for (const std::string* text : {&sp.long_name, &sp.name}) {
            const std::pair<std::string, std::string>* best = nullptr;
            for (const auto& kv : entry_.kinds)
                if ((!best || kv.first.size() > best->first.size()) &&
                    contains_folded(*text, kv.first))
                    best = &kv;
            if (best) return best->second;
        }
        return std::nullopt;
    }

    void zone(const ifc::Space& sp) {
        if (s_.r.diag().full() || sp.footprint.empty()) return;
        auto floor = floor_of(sp.storey, sp.entity);
        if (!floor) return;
        std::string base = !sp.name.empty()        ? sp.name
                           : !sp.long_name.empty() ? sp.long_name
                                                   : sp.global_id;
        const int n = ++labels_[base];
        const std::string id = n == 1 ? base : fmt::format("{}#{}", base, n);
        auto kind = kind_of(sp);
        if (!kind) unclassified_.push_back(id);
        for (std::size_t part = 0; part < sp.footprint.size(); ++part) {
            auto poly = polygon(sp.entity, sp.footprint[part], entity_text(sp.entity) + ": zone",
                                s_.r.diag());
            if (!poly) continue;
            Zone z;
            // A space cut in several parts (a body with two lobes) gives a zone per part.
            z.id = part == 0 ? id : fmt::format("{}.{}", id, part + 1);
            z.kind = kind.value_or("generic.room");
            z.name = !sp.long_name.empty() ? sp.long_name : sp.name;
            z.floor = *floor;
            z.polygon = std::move(*poly);
            z.loc = entry_.loc;
            z.origin = origin(sp.entity, sp.name);
            s_.declare("zone", z.id, z.loc);
            s_.site.zones.push_back(std::move(z));
        }
    }

    void report_unclassified() {
        if (unclassified_.empty()) return;
        s_.r.diag().warning(
            entry_.loc,
            fmt::format("import '{}': {} spaces match no key of kinds and are generic.room, not "
                        "public: {}",
                        entry_.ifc, unclassified_.size(), fmt::join(unclassified_, ", ")));
    }

    // --- Walls ----------------------------------------------------------------------------

    // Metres above its floor where the element is lower than its storey's ceiling: a counter,
    // a partition. Doors and windows fill an opening of their wall, whose lintel above them
    // the section does not show: they count as reaching the ceiling.
    std::optional<double> height_of(const ifc::WallElement& w) const {
        if (!w.has_body || w.wall_class == ifc::WallClass::door ||
            w.wall_class == ifc::WallClass::window || w.storey < 0)
            return std::nullopt;
        const auto& ceiling = ceiling_[static_cast<std::size_t>(w.storey)];
        if (!ceiling || w.top >= *ceiling - kCeilingTolerance || !(w.top > 0)) return std::nullopt;
        return std::round(w.top * 1000) / 1000;  // millimetres, as a model is drawn
    }

    std::string wall_id(const ifc::WallElement& w, int part) const {
        const std::string id = fmt::format("{}#{}", name_, w.entity.id);
        return part == 1 ? id : fmt::format("{}.{}", id, part);
    }

    void wall(const ifc::WallElement& w) {
        if (s_.r.diag().full()) return;
        if (w.wall_class == ifc::WallClass::door && entry_.doors_open) return;  // a doorway
        if (w.polygons.empty() && w.lines.empty()) return;
        auto floor = floor_of(w.storey, w.entity);
        if (!floor) return;
        const std::string what = entity_text(w.entity) + ": wall";
        int part = 0;
        auto add = [&](Wall x) {
            x.id = wall_id(w, ++part);
            x.floor = *floor;
            x.transparent = w.glazed;
            if (!w.glazed) x.height = height_of(w);
            x.loc = entry_.loc;
            x.origin = origin(w.entity, w.name);
            s_.declare("wall", x.id, x.loc);
            walls_.push_back(s_.site.walls.size());
            s_.site.walls.push_back(std::move(x));
        };
        auto add_line = [&](const ifc::Line& cut) {
            auto pts = site_points(w.entity, cut);
            if (!pts) return;
            Diagnostics scratch;  // a line of no length hides nothing: left out silently
            auto line =
                GeometryChecker::polyline(std::move(*pts), at(w.entity.line), what, scratch);
            if (!line) return;
            Wall x;
            x.line = std::move(*line);
            add(std::move(x));
        };
        for (const auto& cut : w.polygons) {
            // A mesh's section may be a ring that touches itself (two faces meeting at an
            // edge) or a sliver: its rings as closed lines then hide what the solid would, from
            // any camera outside it.
            Diagnostics scratch;
            if (auto poly = polygon(w.entity, cut, what, scratch)) {
                Wall x;
                x.is_polygon = true;
                x.polygon = std::move(*poly);
                add(std::move(x));
                continue;
            }
            if (scratch.error_count() == 0) continue;  // a coordinate out of range, reported
            std::vector<const ifc::Ring*> rings{&cut.outer};
            for (const auto& h : cut.holes) rings.push_back(&h);
            for (const ifc::Ring* r : rings) {
                ifc::Line closed(r->begin(), r->end());
                if (!closed.empty()) closed.push_back(closed.front());
                add_line(closed);
            }
        }
        for (const auto& cut : w.lines) add_line(cut);
    }

    // --- Cameras --------------------------------------------------------------------------

    void camera(const ifc::Camera& m);
    void apply_properties(const ifc::Camera& m, Camera& c, bool& ok);
    void clear_of_walls(Camera& c) const;

    SiteLoader& s_;
    const IfcImportEntry& entry_;
    LabelCounts& labels_;
    bool floors_written_;
    std::string path_, name_;
    ifc::Model model_;
    std::map<int, std::string> names_;  // entity id → Name
    struct Map {
        double e, n, a, b;  // eastings, northings, the x axis scaled (a, b)
        double rotation;    // degrees counter-clockwise from the map's x axis to the model's
    };
    std::optional<Map> map_;
    std::vector<std::string> floor_ids_;  // by storey
    std::vector<std::optional<double>> ceiling_;
    std::vector<std::string> unclassified_;
    std::vector<std::size_t> walls_;  // this model's, in s_.site.walls
};

// A property of the camera by name (in any case): the element's before its type's, the first
// in file order.
const ifc::Property* property(const ifc::Camera& m, std::string_view name) {
    for (const auto& p : m.properties)
        if (same_folded(p.name, name)) return &p;
    return nullptr;
}

std::optional<double> number_in(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

std::optional<bool> yes_no(const ifc::Property& p) {
    if (p.boolean) return p.boolean;
    std::string v;
    for (char c : p.text) v += fold(c);
    for (const char* yes : {"1", "yes", "y", "true", "是", "有"})
        if (v == yes) return true;
    for (const char* no : {"0", "no", "n", "false", "否", "无", "没有"})
        if (v == no) return false;
    return std::nullopt;
}

struct Bounds {
    std::string_view key;
    double low, high;
    bool low_open, high_open;
    std::string_view text;
    bool holds(double v) const {
        return (low_open ? v > low : v >= low) && (high_open ? v < high : v <= high);
    }
};

// The ranges of the YAML reader (site_elements.cpp) for the keys a property may give.
constexpr Bounds kBounds[] = {
    {"hfov", 0, 360, true, false, "in (0, 360]"},
    {"range", 0, kMaxDistance, true, false, "in (0, 100000] m"},
    {"height", 0, kMaxDistance, false, false, "in [0, 100000] m"},
    {"tilt", -90, 90, false, false, "in [-90, 90]"},
    {"vfov", 0, 180, true, true, "in (0, 180)"},
};

void ModelImport::apply_properties(const ifc::Camera& m, Camera& c, bool& ok) {
    for (const Bounds& b : kBounds) {
        const ifc::Property* p = property(m, b.key);
        if (!p) continue;
        // A measure in the model's units; else a number written as text (IFCLABEL('90')).
        std::optional<double> v = p->number ? p->number : number_in(p->text);
        if (v) v = tidy(*v);  // 1.5707963267948966 rad is 90°, not 90.00000000000001
        if (!v || !std::isfinite(*v)) {
            error(p->entity, fmt::format("camera property {}: {} must be a number, got '{}'",
                                         p->name, b.key, p->text));
            ok = false;
            continue;
        }
        if (!b.holds(*v)) {
            error(p->entity, fmt::format("camera property {}: {} must be {}, got {}", p->name,
                                         b.key, b.text, *v));
            ok = false;
            continue;
        }
        if (b.key == "hfov") c.hfov = *v;
        if (b.key == "range") c.range = *v;
        if (b.key == "height") c.height = *v;
        if (b.key == "tilt") c.tilt = *v;
        if (b.key == "vfov") c.vfov = *v;
    }
    if (const ifc::Property* p = property(m, "signage")) {
        auto flag = yes_no(*p);
        if (!flag) {
            error(p->entity, fmt::format("camera property {}: '{}' is not a yes or no (1, yes, "
                                         "true, 是, 有; 0, no, false, 否, 无)",
                                         p->name, p->text));
            ok = false;
        }
        c.signage = flag.value_or(false);
    }
    for (std::string_view key : {"owner", "purpose"}) {
        const ifc::Property* p = property(m, key);
        if (!p || p->text.empty()) continue;
        if (key == "purpose") {
            c.purpose = p->text;
            continue;
        }
        c.owner = p->text;
        if (!s_.site.party(c.owner)) {
            error(p->entity, fmt::format("camera property {}: unknown party '{}' (neither the "
                                         "operator nor in parties)",
                                         p->name, c.owner));
            ok = false;
        }
    }
}

void ModelImport::camera(const ifc::Camera& m) {
    if (s_.r.diag().full()) return;
    auto floor = floor_of(m.storey, m.entity);
    if (!floor) return;
    if (!m.azimuth) {
        error(m.entity,
              "a camera whose placement's x axis is vertical: it faces no direction in "
              "plan");
        return;
    }
    Camera c;
    c.floor = *floor;
    c.loc = entry_.loc;
    c.origin = origin(m.entity, m.name);
    auto position = site_point(m.entity, {m.x, m.y});
    if (!position) return;
    c.position = *position;
    double azimuth = std::fmod(*m.azimuth - (map_ ? map_->rotation : 0.0), 360.0);
    if (azimuth < 0) azimuth += 360;
    c.azimuth = tidy(azimuth >= 360 ? 0 : azimuth);
    c.height = m.height > 0 ? tidy(m.height) : kDefaultHeight;
    c.hfov = kAssumedHfov;
    c.range = kAssumedRange;
    bool ok = true;
    apply_properties(m, c, ok);
    if (!ok) return;
    const std::string where = entity_text(m.entity);
    auto assume = [&](const char* key, std::string value, const char* en_what,
                      const char* zh_what) {
        if (property(m, key)) return;
        c.assumed.push_back({key, std::move(value),
                             fmt::format("no property '{}' of {} gives {}", key, where, en_what),
                             fmt::format("{} 没有给出{}的属性 '{}'", where, zh_what, key)});
    };
    assume("hfov", fmt::format("{}", kAssumedHfov), "its horizontal field of view", "水平视场角");
    assume("range", fmt::format("{}", kAssumedRange), "its range", "拍摄距离");
    if (!(m.height > 0))
        assume("height", fmt::format("{}", kDefaultHeight),
               "its height (its placement is at "
               "its storey's floor or below)",
               "安装高度");
    assume("signage", "false", "whether a notice is posted", "是否设置提示标识");
    clear_of_walls(c);
    // Tag, else Name, else GlobalId; a repeat, in this model or another import, gets #2.
    const std::string base = !m.tag.empty() ? m.tag : !m.name.empty() ? m.name : m.global_id;
    std::set<std::string> taken;
    for (const auto& other : s_.site.cameras) taken.insert(other.id);
    c.id = base;
    for (int n = 2; taken.contains(c.id); ++n) c.id = fmt::format("{}#{}", base, n);
    s_.declare("camera", c.id, c.loc);
    s_.site.cameras.push_back(std::move(c));
}

// Moves a camera inside a wall section of its floor, or within kCameraClearance of one, that
// far out of the nearest face: a camera modelled on a wall's face (or its centre line) looks
// from the room, not from inside the wall. One pass, the nearest face of all this model's walls.
void ModelImport::clear_of_walls(Camera& c) const {
    struct Face {
        double distance;
        Point a, b;
        const Wall* wall;
    };
    const Point p = c.position;
    std::optional<Face> inside, near;  // the nearest face of a section it is in; of any
    for (std::size_t i : walls_) {
        const Wall& w = s_.site.walls[i];
        if (w.floor != c.floor) continue;
        const bool in = w.is_polygon && in_polygon(w.polygon, p);
        auto consider = [&](Point a, Point b) {
            const Point q = nearest_on(a, b, p);
            const double d = std::hypot(p.x - q.x, p.y - q.y);
            auto& slot = in ? inside : near;
            if ((in || d < kCameraClearance) && (!slot || d < slot->distance))
                slot = Face{d, a, b, &w};
        };
        if (!w.is_polygon)
            for (std::size_t k = 0; k + 1 < w.line.size(); ++k) consider(w.line[k], w.line[k + 1]);
        std::vector<const Ring*> rings;
        if (w.is_polygon) rings.push_back(&w.polygon.shell);
        for (const Ring& h : w.polygon.holes) rings.push_back(&h);
        for (const Ring* r : rings)
            for (std::size_t k = 0, j = r->size() - 1; k < r->size(); j = k++)
                consider((*r)[j], (*r)[k]);
    }
    const std::optional<Face>& face = inside ? inside : near;
    if (!face) return;
    const Point q = nearest_on(face->a, face->b, p);
    const double len = std::hypot(face->b.x - face->a.x, face->b.y - face->a.y);
    if (!(len > 0)) return;
    // Out of the face: away from it where the camera is outside and off the face; out of the
    // solid where it is inside or on a section's face; to the side it faces on a line.
    Point n{(face->b.y - face->a.y) / len, -(face->b.x - face->a.x) / len};
    if (!inside && face->distance > 1e-9) {
        n = {(p.x - q.x) / face->distance, (p.y - q.y) / face->distance};
    } else if (face->wall->is_polygon) {
        if (in_polygon(face->wall->polygon, {q.x + 1e-6 * n.x, q.y + 1e-6 * n.y})) n = {-n.x, -n.y};
    } else if (c.azimuth) {
        const double rad = *c.azimuth * M_PI / 180;
        if (std::sin(rad) * n.x + std::cos(rad) * n.y < 0) n = {-n.x, -n.y};
    }
    c.position = {tidy(q.x + kCameraClearance * n.x), tidy(q.y + kCameraClearance * n.y)};
}

}  // namespace

void import_model(SiteLoader& s, const IfcImportEntry& entry, LabelCounts& labels,
                  bool floors_written) {
    ModelImport(s, entry, labels, floors_written).run();
}

}  // namespace camaudit::io
