#include "geo/plan_geometry.hpp"

#include <algorithm>
#include <cmath>

#include "geo/geos.hpp"

namespace camaudit::geo {

namespace {

Point point_xy(const GEOSGeometry* p) {
    double x = 0, y = 0;
    if (!GEOSGeomGetX_r(ctx(), p, &x) || !GEOSGeomGetY_r(ctx(), p, &y))
        throw GeosError("GEOS point coordinates failed");
    return {x, y};
}

// The part of `poly` that a horizontal (or vertical) line through `at` crosses around `at`:
// its two ends; both `at` when there is none.
std::pair<Point, Point> chord(const GEOSGeometry* poly, Point at, bool horizontal) {
    auto env = envelope(poly);
    auto line = horizontal ? make_linestring({{env.minx - 1, at.y}, {env.maxx + 1, at.y}})
                           : make_linestring({{at.x, env.miny - 1}, {at.x, env.maxy + 1}});
    auto cut = intersection(poly, line.get());
    auto pt = make_point(at);
    const int n = GEOSGetNumGeometries_r(ctx(), cut.get());
    std::pair<Point, Point> best{at, at};
    double best_distance = 1e-6;
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* part = GEOSGetGeometryN_r(ctx(), cut.get(), i);
        if (GEOSGeomTypeId_r(ctx(), part) != GEOS_LINESTRING) continue;
        const double d = distance(part, pt.get());
        if (d > best_distance) continue;
        auto a = own(GEOSGeomGetStartPoint_r(ctx(), part), "start point");
        auto b = own(GEOSGeomGetEndPoint_r(ctx(), part), "end point");
        best = {point_xy(a.get()), point_xy(b.get())}, best_distance = d;
    }
    return best;
}

double length(const std::pair<Point, Point>& s) {
    return std::hypot(s.second.x - s.first.x, s.second.y - s.first.y);
}
Point middle(const std::pair<Point, Point>& s) {
    return {(s.first.x + s.second.x) / 2, (s.first.y + s.second.y) / 2};
}

}  // namespace

std::optional<LabelPoint> label_point(const std::vector<Polygon>& polygons) {
    const Polygon* largest = nullptr;
    double best = -1;
    for (const auto& p : polygons) {
        if (p.shell.size() < 3) continue;
        auto g = make_polygon(p);
        double a = area(g.get());
        if (a > best) best = a, largest = &p;
    }
    if (!largest) return std::nullopt;
    auto g = make_polygon(*largest);
    auto env = envelope(g.get());
    const double tolerance =
        std::max(std::min(env.maxx - env.minx, env.maxy - env.miny) / 100, 1e-3);
    Point at;
    try {
        auto mic = own(GEOSMaximumInscribedCircle_r(ctx(), g.get(), tolerance),
                       "maximum inscribed circle");
        auto start = own(GEOSGeomGetStartPoint_r(ctx(), mic.get()), "start point");
        at = point_xy(start.get());
    } catch (const GeosError&) {
        // An invalid polygon can defeat the circle; a point on the surface still works.
        auto p = own(GEOSPointOnSurface_r(ctx(), g.get()), "point on surface");
        at = point_xy(p.get());
    }
    LabelPoint lp{at};
    try {
        at = middle(chord(g.get(), at, true));
        auto vertical = chord(g.get(), at, false);
        at = middle(vertical);
        lp = {at, length(chord(g.get(), at, true)), length(vertical)};
    } catch (const GeosError&) {
        // The label is then drawn at its smallest, at the first point.
    }
    return lp;
}

}  // namespace camaudit::geo
