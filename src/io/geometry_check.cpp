#include "io/geometry_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "geo/geos.hpp"
#include "io/site_reader.hpp"

namespace camaudit::io {

namespace {

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

}  // namespace

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
    std::optional<geo::Invalidity> why;
    try {
        why = geo::invalidity(geo::make_polygon(polygon).get());
    } catch (const geo::GeosError&) {
        why = geo::Invalidity{};  // a polygon GEOS cannot build or judge
    }
    if (why) {
        std::string text = nice_reason(why->reason.empty() ? "invalid polygon" : why->reason);
        if (why->location) text += fmt::format(" at ({}, {})", why->location->x, why->location->y);
        diag.error(loc, fmt::format("{}: {}", what, text));
    }
    return !why;
}

}  // namespace camaudit::io
