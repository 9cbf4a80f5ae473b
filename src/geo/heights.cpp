// Walls and pillars with a height: their shadows (see heights.hpp for the derivation).
#include "geo/heights.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "geo/plane.hpp"

namespace camaudit::geo {

namespace {

using plane::add;
using plane::cross;
using plane::dot;
using plane::scale;
using plane::sub;

constexpr double kEdgeOn = 1e-12;     // |sin| under which a segment is seen edge-on (as sweep.cpp)
constexpr double kOnSolid = 1e-9;     // an eye this close to a pillar's boundary is on it
constexpr double kThinShadow = 1e-9;  // metres: a hidden depth under this is rounding

// The parameters of the part of a + t d, t in [0, 1], inside the disc |p| <= r; nullopt when
// that part has no length.
std::optional<std::pair<double, double>> disc_interval(Point a, Point d, double r) {
    double lo = 0, hi = 0;
    if (!plane::disc_part(a, d, r, lo, hi)) return std::nullopt;
    return std::pair{lo, hi};
}

bool edge_on(Point a, Point b) {
    const double c = cross(a, b);
    return c * c <= kEdgeOn * kEdgeOn * dot(a, a) * dot(b, b);
}

double boundary_distance(const Polygon& poly, Point p) {
    double best = std::numeric_limits<double>::infinity();
    auto ring_distance = [&](const Ring& r) {
        for (std::size_t i = 0, n = r.size(); i < n; ++i)
            best = std::min(best, plane::segment_distance(p, r[i], r[(i + 1) % n]));
    };
    ring_distance(poly.shell);
    for (const Ring& h : poly.holes) ring_distance(h);
    return best;
}

// Whether the closed segments p1–p2 and q1–q2 meet (touching counts).
bool segments_meet(Point p1, Point p2, Point q1, Point q2) {
    if (std::max(p1.x, p2.x) < std::min(q1.x, q2.x) ||
        std::max(q1.x, q2.x) < std::min(p1.x, p2.x) ||
        std::max(p1.y, p2.y) < std::min(q1.y, q2.y) || std::max(q1.y, q2.y) < std::min(p1.y, p2.y))
        return false;
    const double o1 = plane::orient(p1, p2, q1), o2 = plane::orient(p1, p2, q2);
    const double o3 = plane::orient(q1, q2, p1), o4 = plane::orient(q1, q2, p2);
    return ((o1 <= 0 && o2 >= 0) || (o1 >= 0 && o2 <= 0)) &&
           ((o3 <= 0 && o4 >= 0) || (o3 >= 0 && o4 <= 0));
}

// Adds the shadow of one segment (`cls` not None) to `out`.
void add_segment_shadow(Point eye, const Segment& segment, const ShadowClass& cls, double range,
                        HeightShadows& out) {
    if (cls.kind == ShadowKind::Full) {
        out.walls.push_back(segment);
        return;
    }
    const Point a = sub(segment.a, eye), b = sub(segment.b, eye);
    if (edge_on(a, b)) return;  // its line through the eye: it hides nothing (as the sweep)
    const Point d = sub(b, a);
    if (cls.kind == ShadowKind::Far) {
        // The image of the part within R / k stands as a wall to the ceiling.
        const auto in = disc_interval(a, d, range / cls.k);
        if (!in) return;
        const Point ia = add(a, scale(d, in->first)), ib = add(a, scale(d, in->second));
        out.walls.push_back({add(eye, scale(ia, cls.k)), add(eye, scale(ib, cls.k))});
        return;
    }
    // Near: the part beyond R / k (within R) acts as a wall to the ceiling; the part within
    // R / k casts a trapezoid inside the range disc.
    const auto within_range = disc_interval(a, d, range);
    if (!within_range) return;
    const auto [lo, hi] = *within_range;
    const auto inner = disc_interval(a, d, range / cls.k);
    auto wall = [&](double t0, double t1) {
        if (t1 > t0)
            out.walls.push_back({add(eye, add(a, scale(d, t0))), add(eye, add(a, scale(d, t1)))});
    };
    if (!inner) {
        wall(lo, hi);
        return;
    }
    wall(lo, inner->first);
    wall(inner->second, hi);
    const Point ia = add(a, scale(d, inner->first)), ib = add(a, scale(d, inner->second));
    // The hidden depth is at least (k - 1) times the part's distance from the eye.
    const Point id = sub(ib, ia);
    const double s = std::clamp(-dot(ia, id) / dot(id, id), 0.0, 1.0);
    const Point q = add(ia, scale(id, s));  // the nearest point
    if ((cls.k - 1) * (cls.k - 1) * dot(q, q) <= kThinShadow * kThinShadow || edge_on(ia, ib))
        return;
    Trapezoid t;
    t.wall = segment;  // as given: a pillar's edge and its trapezoid share one line
    t.t0 = inner->first;
    t.t1 = inner->second;
    t.k = cls.k;
    t.corners = {add(eye, ia), add(eye, ib), add(eye, scale(ib, cls.k)),
                 add(eye, scale(ia, cls.k))};
    out.trapezoids.push_back(t);
}

}  // namespace

ShadowClass classify_shadow(double eye_height, double view_height, double wall_height) {
    const double H = eye_height, z = view_height, h = wall_height;
    if (h <= z && h <= H) return {ShadowKind::None, 1};
    if (h > z && h >= H) return {ShadowKind::Full, 1};
    const double k = (H - z) / (H - h);       // H != h here; k > 1 (Near) or k >= 1 (Far)
    if (h > z) return {ShadowKind::Near, k};  // z < h < H
    // H < h <= z
    if (!(k > 1)) return {ShadowKind::Full, 1};  // h = z: everything behind it
    return {ShadowKind::Far, k};
}

HeightShadows height_shadows(Point eye, double eye_height, double view_height, double range,
                             const std::vector<PartialSegment>& segments,
                             const std::vector<const PartialSolid*>& solids) {
    HeightShadows out;
    out.walls.reserve(2 * segments.size());  // at most two per segment: no reallocation
    out.trapezoids.reserve(segments.size());
    for (const PartialSegment& s : segments) {
        const ShadowClass cls = classify_shadow(eye_height, view_height, s.height);
        if (cls.kind == ShadowKind::None) continue;
        add_segment_shadow(eye, s.segment, cls, range, out);
    }
    for (const PartialSolid* solid : solids) {
        if (!(solid->height > view_height)) continue;  // its inside is seen over its edges
        const ShadowKind kind = classify_shadow(eye_height, view_height, solid->height).kind;
        // A pillar as high as the eye or higher: its edges hide its inside, except from an
        // eye on its boundary or inside it in plan (level with its top).
        if (kind == ShadowKind::Full && boundary_distance(solid->polygon, eye) > kOnSolid &&
            !plane::inside_ring(solid->polygon.shell, eye))
            continue;
        out.insides.push_back(&solid->polygon);
    }
    return out;
}

bool segment_meets_ring(const std::vector<Point>& ring, Point a, Point b) {
    if (ring.size() < 3) return false;
    if (plane::inside_ring(ring, a) || plane::inside_ring(ring, b)) return true;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i)
        if (segments_meet(a, b, ring[i], ring[(i + 1) % n])) return true;
    return false;
}

bool polygon_meets_ring(const std::vector<Point>& ring, const Polygon& poly) {
    const Ring& shell = poly.shell;
    if (ring.size() < 3 || shell.size() < 3) return false;
    if (plane::inside_ring(shell, ring[0]))
        return true;  // the ring (or part of it) inside the shell
    for (std::size_t i = 0, n = shell.size(); i < n; ++i)
        if (segment_meets_ring(ring, shell[i], shell[(i + 1) % n])) return true;
    return false;
}

}  // namespace camaudit::geo
