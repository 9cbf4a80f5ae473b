#include "geo/convex_clip.hpp"

#include <algorithm>
#include <cmath>

namespace camaudit::geo {

namespace {

double cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// The point at `t` of the way from s to e.
Point along(Point s, Point e, double t) {
    return {s.x + (e.x - s.x) * t, s.y + (e.y - s.y) * t};
}

// Twice the signed area (shoelace) of a ring, open or closed. Relative to its first vertex, as
// GEOS computes areas: with projected coordinates (x 5·10⁵, y 3.5·10⁶ m in a Gauss-Krüger
// zone) the products of raw coordinates would lose 10⁻⁴ m² each to rounding.
double twice_signed_area(const std::vector<Point>& r) {
    if (r.empty()) return 0;
    const Point o = r[0];
    double s = 0;
    for (std::size_t i = 0, n = r.size(); i < n; ++i) {
        const Point a = r[i], b = r[(i + 1) % n];
        s += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y);
    }
    return s;
}

double polygon_area_inside(const GEOSGeometry* poly, const std::vector<Point>& convex) {
    GEOSContextHandle_t h = ctx();
    thread_local std::vector<Point> ring;
    coordinates_of(GEOSGetExteriorRing_r(h, poly), ring);
    double a = ring_area_inside_convex(ring, convex);
    const int holes = GEOSGetNumInteriorRings_r(h, poly);
    for (int i = 0; i < holes; ++i) {
        coordinates_of(GEOSGetInteriorRingN_r(h, poly, i), ring);
        a -= ring_area_inside_convex(ring, convex);
    }
    return std::max(a, 0.0);
}

}  // namespace

std::optional<std::vector<Point>> convex_ring(const GEOSGeometry* g) {
    std::vector<Point> r;
    if (!hole_free_shell(g, r) || r.size() < 4) return std::nullopt;
    r.pop_back();  // closed
    const double area2 = twice_signed_area(r);
    if (!(std::abs(area2) > 0) || !std::isfinite(area2)) return std::nullopt;
    if (area2 < 0) std::reverse(r.begin(), r.end());
    // Convex: every turn is to the left or straight, and the ring goes round once (the turns
    // of a valid polygon's ring with no right turn add up to one full turn).
    for (std::size_t i = 0, n = r.size(); i < n; ++i)
        if (cross(r[i], r[(i + 1) % n], r[(i + 2) % n]) < 0) return std::nullopt;
    return r;
}

double ring_area_inside_convex(const std::vector<Point>& ring, const std::vector<Point>& convex) {
    thread_local std::vector<Point> in, out;
    in.assign(ring.begin(), ring.end());
    if (in.size() > 1 && in.front() == in.back()) in.pop_back();
    for (std::size_t k = 0, m = convex.size(); k < m && !in.empty(); ++k) {
        const Point c0 = convex[k], c1 = convex[(k + 1) % m];
        out.clear();
        for (std::size_t i = 0, n = in.size(); i < n; ++i) {
            const Point s = in[i], e = in[(i + 1) % n];
            const double ds = cross(c0, c1, s), de = cross(c0, c1, e);
            if (de >= 0) {
                if (ds < 0) out.push_back(along(s, e, ds / (ds - de)));
                out.push_back(e);
            } else if (ds >= 0) {
                out.push_back(along(s, e, ds / (ds - de)));
            }
        }
        in.swap(out);
    }
    return in.size() < 3 ? 0.0 : std::abs(twice_signed_area(in)) / 2;
}

double area_inside_convex(const GEOSGeometry* g, const std::vector<Point>& convex) {
    GEOSContextHandle_t h = ctx();
    if (!g) return 0;
    switch (GEOSGeomTypeId_r(h, g)) {
        case GEOS_POLYGON:
            return GEOSisEmpty_r(h, g) ? 0.0 : polygon_area_inside(g, convex);
        case GEOS_MULTIPOLYGON: {
            double a = 0;
            for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i)
                a += polygon_area_inside(GEOSGetGeometryN_r(h, g, i), convex);
            return a;
        }
        default:
            return 0;
    }
}

}  // namespace camaudit::geo
