#include "io/geometry_check.hpp"

#define GEOS_USE_ONLY_R_API
#include <fmt/format.h>
#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "io/site_reader.hpp"

namespace camaudit::io {

namespace {

GEOSContextHandle_t handle(void* p) {
    return static_cast<GEOSContextHandle_t>(p);
}

void drop_repeats(std::vector<Point>& pts) {
    pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
}

std::size_t distinct_count(std::vector<Point> pts) {
    std::sort(pts.begin(), pts.end(),
              [](Point a, Point b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    return static_cast<std::size_t>(std::unique(pts.begin(), pts.end()) - pts.begin());
}

// All points on one straight line (to a relative tolerance).
bool collinear(const std::vector<Point>& pts) {
    const Point a = pts.front();
    Point far = a;
    double far_d = 0;
    for (Point p : pts) {
        const double d = std::hypot(p.x - a.x, p.y - a.y);
        if (d > far_d) {
            far_d = d;
            far = p;
        }
    }
    if (far_d == 0) return true;
    const double ux = (far.x - a.x) / far_d;
    const double uy = (far.y - a.y) / far_d;
    return std::all_of(pts.begin(), pts.end(), [&](Point p) {
        return std::fabs((p.x - a.x) * uy - (p.y - a.y) * ux) <= 1e-9 * far_d;
    });
}

std::string nice_reason(std::string reason) {
    if (reason == "Self-intersection") return "the polygon intersects itself";
    if (reason == "Ring Self-intersection") return "a ring of the polygon touches itself";
    if (reason == "Hole lies outside shell") return "a hole lies outside the shell";
    if (reason == "Nested holes") return "a hole lies inside another hole";
    if (reason == "Nested shells") return "nested shells";
    if (reason == "Interior is disconnected") return "the holes cut the polygon in parts";
    if (reason == "Invalid Coordinate") return "invalid coordinate";
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(reason[0]));
    return reason;
}

void ignore_message(const char* /*message*/, void* /*userdata*/) {}

}  // namespace

GeometryChecker::GeometryChecker() : ctx_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle(ctx_), ignore_message, nullptr);
    GEOSContext_setNoticeMessageHandler_r(handle(ctx_), ignore_message, nullptr);
}

GeometryChecker::~GeometryChecker() {
    GEOS_finish_r(handle(ctx_));
}

std::optional<Ring> GeometryChecker::ring(std::vector<Point> pts, const SourceLocation& loc,
                                          std::string_view what, Diagnostics& diag) {
    drop_repeats(pts);
    if (pts.size() > 1 && pts.front() == pts.back()) pts.pop_back();
    const std::size_t distinct = distinct_count(pts);
    if (distinct < 3) {
        diag.error(loc, fmt::format("{}: a polygon needs at least 3 distinct points, got {}", what,
                                    distinct));
        return std::nullopt;
    }
    if (collinear(pts)) {
        diag.error(loc,
                   fmt::format("{}: the polygon has zero area (its points are collinear)", what));
        return std::nullopt;
    }
    return pts;
}

std::optional<std::vector<Point>> GeometryChecker::polyline(std::vector<Point> pts,
                                                            const SourceLocation& loc,
                                                            std::string_view what,
                                                            Diagnostics& diag) {
    drop_repeats(pts);
    if (pts.size() < 2) {
        diag.error(loc, fmt::format("{}: zero-length line (needs 2 distinct points)", what));
        return std::nullopt;
    }
    return pts;
}

bool GeometryChecker::valid(const Polygon& polygon, const SourceLocation& loc,
                            std::string_view what, Diagnostics& diag) const {
    // Each ring was checked on its own; many holes could still add up (GEOS's validity test
    // is O(n log n), so this bounds the time as well as the memory).
    std::size_t vertices = polygon.shell.size();
    for (const Ring& r : polygon.holes) vertices += r.size();
    if (vertices > kMaxVertices) {
        diag.error(loc, fmt::format("{}: {} points in all its rings, more than the limit of {}",
                                    what, vertices, kMaxVertices));
        return false;
    }
    GEOSContextHandle_t h = handle(ctx_);
    auto make_ring = [&](const Ring& r) -> GEOSGeometry* {
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(r.size() + 1), 2);
        if (!seq) return nullptr;
        for (std::size_t i = 0; i <= r.size(); ++i) {
            const Point p = r[i % r.size()];
            GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(i), p.x, p.y);
        }
        return GEOSGeom_createLinearRing_r(h, seq);  // takes the sequence, even on failure
    };
    GEOSGeometry* shell = make_ring(polygon.shell);
    std::vector<GEOSGeometry*> holes;
    bool built = shell != nullptr;
    for (const Ring& r : polygon.holes) {
        GEOSGeometry* g = make_ring(r);
        if (g)
            holes.push_back(g);
        else
            built = false;
    }
    if (!built) {
        if (shell) GEOSGeom_destroy_r(h, shell);
        for (auto* g : holes) GEOSGeom_destroy_r(h, g);
        diag.error(loc, fmt::format("{}: invalid polygon", what));
        return false;
    }
    GEOSGeometry* poly =
        GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size()));
    if (!poly) {
        diag.error(loc, fmt::format("{}: invalid polygon", what));
        return false;
    }
    char* reason = nullptr;
    GEOSGeometry* where = nullptr;
    const char valid = GEOSisValidDetail_r(h, poly, 0, &reason, &where);
    bool ok = valid == 1;
    if (!ok) {
        std::string text = nice_reason(reason ? reason : "invalid polygon");
        double x = 0;
        double y = 0;
        if (where && GEOSGeomGetX_r(h, where, &x) == 1 && GEOSGeomGetY_r(h, where, &y) == 1)
            text += fmt::format(" at ({}, {})", x, y);
        diag.error(loc, fmt::format("{}: {}", what, text));
    }
    if (reason) GEOSFree_r(h, reason);
    if (where) GEOSGeom_destroy_r(h, where);
    GEOSGeom_destroy_r(h, poly);
    return ok;
}

}  // namespace camaudit::io
