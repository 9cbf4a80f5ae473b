#include "geo/projection.hpp"

#include <fmt/format.h>
#include <proj.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>
#include <string_view>

#include "model/angle.hpp"

namespace camaudit::geo {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Owns a PJ* of one context.
struct PjHandle {
    PJ* pj = nullptr;
    PjHandle() = default;
    explicit PjHandle(PJ* p) : pj(p) {}
    PjHandle(const PjHandle&) = delete;
    PjHandle& operator=(const PjHandle&) = delete;
    ~PjHandle() {
        if (pj) proj_destroy(pj);
    }
};

// The bounding-box centre of every coordinate of the site (input CRS); nullopt if none.
std::optional<Point> site_centre(const Site& site) {
    const double inf = std::numeric_limits<double>::infinity();
    double x0 = inf;
    double y0 = inf;
    double x1 = -inf;
    double y1 = -inf;
    auto add = [&](Point p) {
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    };
    auto add_all = [&](const std::vector<Point>& pts) {
        std::for_each(pts.begin(), pts.end(), add);
    };
    for (const auto& z : site.zones) {
        add_all(z.polygon.shell);
        add_all(z.line);
        if (z.shape == ZoneShape::Point) add(z.point);
    }
    for (const auto& w : site.walls) add_all(w.is_polygon ? w.polygon.shell : w.line);
    for (const auto& c : site.cameras) add(c.position);
    if (x0 > x1) return std::nullopt;
    return Point{(x0 + x1) / 2, (y0 + y1) / 2};
}

// The metric working CRS of a geographic site centred at `centre` (lon, lat).
std::string working_crs_for(Point centre, const std::string& region) {
    if (region.starts_with("CN")) {
        const int cm = 3 * static_cast<int>(std::lround(centre.x / 3));
        if (cm >= 75 && cm <= 135) return fmt::format("EPSG:{}", 4534 + (cm - 75) / 3);
    }
    int zone = static_cast<int>(std::floor((centre.x + 180) / 6)) + 1;
    zone = std::clamp(zone, 1, 60);
    return fmt::format("EPSG:{}", (centre.y >= 0 ? 32600 : 32700) + zone);
}

void log_to_string(void* data, int level, const char* message) {
    if (level == PJ_LOG_ERROR && message) *static_cast<std::string*>(data) = message;
}

}  // namespace

struct Projection::Impl {
    PJ_CONTEXT* ctx = nullptr;
    bool identity_coords = true;  // local, or a projected input CRS (used as it is)
    bool geographic = false;
    std::string input = "local";
    std::string working = "local";
    std::string last_error;
    // The transformation is looked up on first use: PROJ's search of the operations between
    // two datums takes a tenth of a second or more, and a reader that only checks the CRS
    // does not need it.
    PJ* from_crs = nullptr;  // geographic: the input CRS; projected: its geodetic base
    PJ* to_crs = nullptr;    // the working CRS
    PJ* from_geo = nullptr;  // from_crs → to_crs, longitude/latitude and easting/northing order
    // The working CRS's area of use (degrees), for geographic input.
    bool has_area = false;
    double west = 0, south = 0, east = 0, north = 0;
    std::once_flag once;
    // A PJ and its context serve one thread at a time: calls from several threads (the audit
    // runs cameras in parallel) take turns.
    std::mutex mutex;

    ~Impl() {
        for (PJ* p : {from_geo, from_crs, to_crs})
            if (p) proj_destroy(p);
        if (ctx) proj_context_destroy(ctx);
    }

    std::string error_text() const {
        if (!last_error.empty()) return last_error;
        const int err = ctx ? proj_context_errno(ctx) : 0;
        return err ? proj_context_errno_string(ctx, err) : "unknown error";
    }

    // from_geo, created on first use; nullptr for local or if PROJ has no transformation.
    PJ* transformation() {
        if (!from_crs || !to_crs) return nullptr;
        std::call_once(once, [this] {
            PJ* op = proj_create_crs_to_crs_from_pj(ctx, from_crs, to_crs, nullptr, nullptr);
            if (!op) return;
            from_geo = proj_normalize_for_visualization(ctx, op);
            proj_destroy(op);
        });
        return from_geo;
    }

    std::optional<Point> run(PJ* pj, PJ_DIRECTION dir, Point p) {
        if (!pj) return std::nullopt;
        std::lock_guard lock(mutex);
        proj_errno_reset(pj);
        const PJ_COORD out = proj_trans(pj, dir, proj_coord(p.x, p.y, 0, 0));
        const double x = out.xy.x;
        const double y = out.xy.y;
        if (!std::isfinite(x) || !std::isfinite(y) || x == HUGE_VAL || y == HUGE_VAL ||
            proj_errno(pj) != 0)
            return std::nullopt;
        return Point{x, y};
    }
};

Projection::Projection() : impl_(std::make_unique<Impl>()) {}
Projection::~Projection() = default;
Projection::Projection(Projection&&) noexcept = default;
Projection& Projection::operator=(Projection&&) noexcept = default;

bool Projection::is_identity() const {
    return impl_->identity_coords;
}
bool Projection::input_is_geographic() const {
    return impl_->geographic;
}
const std::string& Projection::input_crs() const {
    return impl_->input;
}
const std::string& Projection::working_crs() const {
    return impl_->working;
}

std::optional<Projection> Projection::for_site(const Site& site, Diagnostics& diag) {
    Projection out;
    const std::string& crs = site.info.crs;
    if (crs.empty() || crs == "local") return out;
    SourceLocation at = site.info.crs_loc;
    if (at.file.empty()) at.file = site.file;
    Impl& m = *out.impl_;
    m.input = crs;
    m.ctx = proj_context_create();
    proj_log_func(m.ctx, &m.last_error, log_to_string);
    proj_log_level(m.ctx, PJ_LOG_ERROR);
    auto fail = [&](std::string message) -> std::optional<Projection> {
        diag.error(at, std::move(message));
        return std::nullopt;
    };

    PjHandle src(proj_create(m.ctx, crs.c_str()));
    if (!src.pj) return fail(fmt::format("unknown CRS '{}' ({})", crs, m.error_text()));
    if (!proj_is_crs(src.pj)) return fail(fmt::format("'{}' is not a CRS", crs));
    // The horizontal part of the CRS decides: a bound CRS's source, a compound's first part.
    PjHandle horizontal;
    PJ* h = src.pj;
    if (proj_get_type(h) == PJ_TYPE_BOUND_CRS) {
        horizontal.pj = proj_get_source_crs(m.ctx, h);
        h = horizontal.pj;
    }
    PjHandle sub;
    if (h && proj_get_type(h) == PJ_TYPE_COMPOUND_CRS) {
        sub.pj = proj_crs_get_sub_crs(m.ctx, h, 0);
        h = sub.pj;
    }
    if (!h) return fail(fmt::format("CRS '{}' has no horizontal part", crs));
    // A CRS of another body (IAU codes) has no transformation to the Earth's grids.
    PjHandle ellipsoid(proj_get_ellipsoid(m.ctx, h));
    double semi_major = 0;
    if (!ellipsoid.pj ||
        !proj_ellipsoid_get_parameters(m.ctx, ellipsoid.pj, &semi_major, nullptr, nullptr,
                                       nullptr) ||
        semi_major < 6.3e6 || semi_major > 6.4e6)
        return fail(fmt::format("CRS '{}' is not a CRS of the Earth", crs));
    const PJ_TYPE type = proj_get_type(h);
    if (type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS) {
        m.geographic = true;
        m.identity_coords = false;
        const Point centre = site_centre(site).value_or(Point{0, 0});
        m.working = working_crs_for(centre, site.info.region);
        m.to_crs = proj_create(m.ctx, m.working.c_str());
        if (!m.to_crs) return fail(fmt::format("cannot create the working CRS {}", m.working));
        // PROJ gives -1000 for an unknown bound; an area across the antimeridian (east < west)
        // is not checked (no working CRS of ours has one).
        m.has_area =
            proj_get_area_of_use(m.ctx, m.to_crs, &m.west, &m.south, &m.east, &m.north, nullptr) &&
            m.west > -1000 && m.south > -1000 && m.east >= m.west && m.north >= m.south;
        m.from_crs = proj_clone(m.ctx, h);
        if (!m.from_crs) return fail(fmt::format("cannot use CRS '{}'", crs));
        return out;
    }
    if (type != PJ_TYPE_PROJECTED_CRS)
        return fail(fmt::format("CRS '{}' is neither geographic nor projected", crs));
    // A projected CRS is the working CRS itself: it must be in metres.
    PjHandle cs(proj_crs_get_coordinate_system(m.ctx, h));
    const int axes = cs.pj ? proj_cs_get_axis_count(m.ctx, cs.pj) : 0;
    for (int i = 0; i < axes; ++i) {
        double factor = 0;
        const char* unit = nullptr;
        if (!proj_cs_get_axis_info(m.ctx, cs.pj, i, nullptr, nullptr, nullptr, &factor, &unit,
                                   nullptr, nullptr) ||
            factor != 1.0)
            return fail(
                fmt::format("CRS '{}' is in {}, not metres", crs, unit ? unit : "unknown units"));
    }
    if (axes < 2) return fail(fmt::format("CRS '{}' has no usable coordinate system", crs));
    m.working = crs;
    // For the meridian convergence: the CRS's own geodetic CRS → the CRS.
    m.from_crs = proj_crs_get_geodetic_crs(m.ctx, h);
    m.to_crs = proj_clone(m.ctx, h);
    if (!m.from_crs || !m.to_crs)
        return fail(fmt::format("CRS '{}' has no usable geographic base", crs));
    return out;
}

std::optional<Point> Projection::forward(Point input) const {
    if (impl_->identity_coords) return input;
    return impl_->run(impl_->transformation(), PJ_FWD, input);
}

bool Projection::in_working_area(Point input) const {
    const Impl& m = *impl_;
    if (!m.geographic || !m.has_area) return true;
    return input.x >= m.west - kAreaMargin && input.x <= m.east + kAreaMargin &&
           input.y >= m.south - kAreaMargin && input.y <= m.north + kAreaMargin;
}

std::string Projection::working_area() const {
    const Impl& m = *impl_;
    if (!m.has_area) return "";
    auto lon = [](double d) { return fmt::format("{:g}°{}", std::abs(d), d < 0 ? 'W' : 'E'); };
    auto lat = [](double d) { return fmt::format("{:g}°{}", std::abs(d), d < 0 ? 'S' : 'N'); };
    return fmt::format("{} to {}, {} to {}", lon(m.west), lon(m.east), lat(m.south), lat(m.north));
}

std::optional<Point> Projection::inverse(Point working) const {
    if (impl_->identity_coords) return working;
    return impl_->run(impl_->transformation(), PJ_INV, working);
}

std::vector<Polygon> to_input(const std::vector<Polygon>& working, const Projection& projection) {
    if (projection.is_identity()) return working;
    auto back = [&](const Ring& r) -> std::optional<Ring> {
        Ring out;
        out.reserve(r.size());
        for (const auto& p : r) {
            auto q = projection.inverse(p);
            if (!q) return std::nullopt;
            out.push_back(*q);
        }
        return out;
    };
    std::vector<Polygon> out;
    for (const auto& poly : working) {
        auto shell = back(poly.shell);
        if (!shell) continue;
        Polygon q{std::move(*shell), {}};
        bool complete = true;
        for (const auto& h : poly.holes) {
            auto hole = back(h);
            complete = complete && hole.has_value();
            if (hole) q.holes.push_back(std::move(*hole));
        }
        if (complete) out.push_back(std::move(q));
    }
    return out;
}

double Projection::grid_azimuth(Point input, double true_azimuth_deg) const {
    PJ* geo = impl_->transformation();
    if (!geo) return normalize_bearing(true_azimuth_deg);
    // The point in longitude/latitude, then the grid bearing of a short step north of it.
    std::optional<Point> lonlat =
        impl_->geographic ? std::optional<Point>(input) : impl_->run(geo, PJ_INV, input);
    if (!lonlat) return normalize_bearing(true_azimuth_deg);
    constexpr double kStep = 1e-5;  // degrees of latitude, about 1 m
    const double sign = lonlat->y + kStep > 90 ? -1 : 1;
    auto a = impl_->run(geo, PJ_FWD, *lonlat);
    auto b = impl_->run(geo, PJ_FWD, Point{lonlat->x, lonlat->y + sign * kStep});
    if (!a || !b) return normalize_bearing(true_azimuth_deg);
    const double north = std::atan2(sign * (b->x - a->x), sign * (b->y - a->y)) * 180 / kPi;
    return normalize_bearing(true_azimuth_deg + north);
}

std::optional<Site> to_working(const Site& site, const Projection& projection, Diagnostics& diag) {
    Site out = site;
    if (projection.working_crs() == "local") return out;
    bool ok = true;
    // PROJ returns HUGE_VAL (or an error) for a point outside the projection's domain: an
    // error at the element, naming it, never an infinite coordinate passed on to GEOS.
    auto fail = [&](const SourceLocation& loc, const std::string& name, Point p) {
        diag.error(loc, fmt::format("{}: cannot transform ({}, {}) from {} to {}", name, p.x, p.y,
                                    projection.input_crs(), projection.working_crs()));
        ok = false;
    };
    // Each stops at the first point that fails: one error an element is enough.
    auto point = [&](Point& p, const SourceLocation& loc, const std::string& name) {
        if (!projection.in_working_area(p)) {
            diag.error(loc, fmt::format("{}: ({}, {}) is more than {:g}° outside the area of the "
                                        "working CRS {} ({}); is a coordinate wrong?",
                                        name, p.x, p.y, Projection::kAreaMargin,
                                        projection.working_crs(), projection.working_area()));
            ok = false;
            return false;
        }
        auto q = projection.forward(p);
        if (q)
            p = *q;
        else
            fail(loc, name, p);
        return q.has_value();
    };
    auto points = [&](std::vector<Point>& pts, const SourceLocation& loc, const std::string& name) {
        for (auto& p : pts)
            if (!point(p, loc, name)) return false;
        return true;
    };
    auto polygon = [&](Polygon& poly, const SourceLocation& loc, const std::string& name) {
        if (!points(poly.shell, loc, name)) return false;
        for (auto& h : poly.holes)
            if (!points(h, loc, name)) return false;
        return true;
    };
    auto named = [](std::string_view kind, const std::string& id) {
        return id.empty() ? std::string(kind) : fmt::format("{} '{}'", kind, id);
    };
    for (auto& z : out.zones) {
        const std::string name = named("zone", z.id);
        if (polygon(z.polygon, z.loc, name) && points(z.line, z.loc, name) &&
            z.shape == ZoneShape::Point)
            point(z.point, z.loc, name);
    }
    for (auto& w : out.walls) {
        const std::string name = named("wall", w.id);
        if (points(w.line, w.loc, name)) polygon(w.polygon, w.loc, name);
    }
    for (auto& c : out.cameras) {
        const std::string name = named("camera", c.id);
        const Point at = c.position;  // input CRS, for the convergence
        if (point(c.position, c.loc, name))
            for (auto& m : c.privacy_masks)
                if (!polygon(m, c.loc, name + " privacy mask")) break;
        if (c.azimuth) c.azimuth = projection.grid_azimuth(at, *c.azimuth);
        if (c.ptz && !c.ptz->unlimited) {
            // Shift both ends alike, so that the pan span (even a full 360) is kept.
            const double delta = std::remainder(projection.grid_azimuth(at, 0), 360.0);
            c.ptz->pan_from += delta;
            c.ptz->pan_to += delta;
        }
    }
    if (!ok) return std::nullopt;
    return out;
}

}  // namespace camaudit::geo
