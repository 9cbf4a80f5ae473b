// The camera's viewshed (the spec's "Viewshed"): its field, its eye, the sweep, the masks.
#include "geo/viewshed.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/heights.hpp"
#include "geo/plane.hpp"
#include "geo/shadow_sweep.hpp"
#include "geo/star_ring.hpp"
#include "geo/sweep.hpp"
#include "model/angle.hpp"

namespace camaudit::geo {

namespace {

constexpr double kEyeOffset = 0.05;  // metres: how far the eye is moved off its wall
constexpr double kOnSolid = 1e-9;    // an eye this close to a pillar's boundary is on it
constexpr double kOnWall = 1e-9;     // an eye this close to a wall is on it

// The clockwise pan of a limited PTZ camera, in [0, 360).
double pan_span(const Ptz& ptz) {
    return normalize_bearing(ptz.pan_to - ptz.pan_from);
}

// The bearing the camera faces: its azimuth, or the middle of its pan range.
double facing_bearing(const Camera& camera) {
    if (camera.ptz && !camera.ptz->unlimited)
        return camera.ptz->pan_from + pan_span(*camera.ptz) / 2;
    return camera.azimuth.value_or(0.0);
}

// The field in math angles: bearings run clockwise from north, angles counter-clockwise
// from +x, so the field's clockwise end (bearing b1) is its counter-clockwise start.
AngularField field_of(const Camera& camera) {
    AngularField f;
    if (camera.panoramic()) return f;
    double width = camera.hfov;
    double b1 = camera.azimuth.value_or(0.0) + camera.hfov / 2;
    if (camera.ptz) {
        const double span = pan_span(*camera.ptz);
        width = span + camera.hfov;
        b1 = camera.ptz->pan_from + span + camera.hfov / 2;
    }
    if (width >= 360.0) return f;
    f.full = false;
    f.start = (90.0 - normalize_bearing(b1)) * std::numbers::pi / 180;
    f.width = width * std::numbers::pi / 180;
    return f;
}

bool boxes_meet(const Envelope& a, const Envelope& b) {
    return a.minx <= b.maxx && b.minx <= a.maxx && a.miny <= b.maxy && b.miny <= a.maxy;
}

Envelope box_of(const Ring& ring) {
    Envelope e{ring[0].x, ring[0].y, ring[0].x, ring[0].y};
    for (const Point& p : ring) {
        e.minx = std::min(e.minx, p.x);
        e.miny = std::min(e.miny, p.y);
        e.maxx = std::max(e.maxx, p.x);
        e.maxy = std::max(e.maxy, p.y);
    }
    return e;
}

// `p` moved along the normal of `wall` to kEyeOffset from the wall's line, on the side of
// `facing`; facing along the wall, on the side of `hint` (where the camera is).
Point move_off(const Segment& wall, Point p, Point facing, Point hint) {
    const Point d = plane::sub(wall.b, wall.a);
    Point n = plane::scale(Point{-d.y, d.x}, 1 / plane::norm(d));
    const double f = plane::dot(n, facing);
    const double side = plane::dot(plane::sub(hint, wall.a), n);
    if (f < -1e-12 || (std::abs(f) <= 1e-12 && side < 0)) n = plane::scale(n, -1);
    const double s = plane::dot(plane::sub(p, wall.a), n);  // signed distance to the line
    return plane::add(p, plane::scale(n, kEyeOffset - s));
}

// The last resort for a polygon that came out invalid: GEOS MakeValid, keeping its areas only.
Geom repair(const GEOSGeometry* g) {
    Geom fixed = make_valid(g);
    return buffer(fixed.get(), 0);
}

// Whether the segment a–b lies, seen from `eye`, surely outside a field under 360°: both its
// ends beyond the same boundary line (a field up to π is the intersection of the two
// half-planes, a wider one their union) by more than kFieldMargin in |sin|. Whatever such a
// wall with a height casts (its parts, their images, its trapezoid) lies on its rays, which
// both sweeps drop (sweep.cpp's outside_field, shadow_sweep's field test): sorting it into
// its case is wasted work. The margin keeps the decision clear of either sweep's rounding.
constexpr double kFieldMargin = 1e-9;

struct FieldLines {
    Point s, e;  // unit directions of the field's start and end
    bool half;   // width <= π
};

FieldLines field_lines(const AngularField& f) {
    return {{std::cos(f.start), std::sin(f.start)},
            {std::cos(f.start + f.width), std::sin(f.start + f.width)},
            f.width <= std::numbers::pi};
}

bool beyond(double c, Point v) {  // c = cross(line, v): v strictly right of it, by the margin
    return c < 0 && c * c > kFieldMargin * kFieldMargin * plane::dot(v, v);
}

bool surely_outside(const FieldLines& f, Point eye, const Segment& s) {
    const Point a = plane::sub(s.a, eye), b = plane::sub(s.b, eye);
    const bool out_s = beyond(plane::cross(f.s, a), a) && beyond(plane::cross(f.s, b), b);
    const bool out_e = beyond(plane::cross(a, f.e), a) && beyond(plane::cross(b, f.e), b);
    return f.half ? (out_s || out_e) : (out_s && out_e);
}

// The walls near the eye, to the ceiling, into `walls`, and what the walls and pillars with a
// height there hide (heights.hpp); those hiding all behind them join `walls`.
HeightShadows walls_and_shadows(const Camera& camera, Point eye, const AngularField& field,
                                const Obstacles& obstacles, const ViewshedOptions& options,
                                std::vector<Segment>& walls) {
    if (obstacles.partial_segment_count() == 0 && obstacles.partial_solid_count() == 0) {
        walls = obstacles.segments_near(eye, camera.range);
        return {};
    }
    std::vector<PartialSegment> partial;
    obstacles.walls_near(eye, camera.range, walls, partial);
    if (!field.full) {
        const FieldLines lines = field_lines(field);
        std::erase_if(partial, [&](const PartialSegment& p) {
            return surely_outside(lines, eye, p.segment);
        });
    }
    HeightShadows shadows =
        height_shadows(eye, camera.height, options.view_height, camera.range, partial,
                       obstacles.partial_solids_near(eye, camera.range));
    walls.insert(walls.end(), shadows.walls.begin(), shadows.walls.end());
    return shadows;
}

// The trapezoids and pillar insides that meet the swept polygon `ring`: the others change
// nothing (heights.hpp).
struct SeenShadows {
    std::vector<const Trapezoid*> trapezoids;
    std::vector<const Polygon*> insides;
    bool empty() const { return trapezoids.empty() && insides.empty(); }
};

SeenShadows seen_shadows(const HeightShadows& shadows, const std::vector<Point>& ring) {
    SeenShadows seen;
    for (const Trapezoid& t : shadows.trapezoids)
        if (segment_meets_ring(ring, t.corners[0], t.corners[1])) seen.trapezoids.push_back(&t);
    for (const Polygon* inside : shadows.insides)
        if (polygon_meets_ring(ring, *inside)) seen.insides.push_back(inside);
    return seen;
}

// Their union, for GEOS's overlay (when shadow_sweep cannot vouch for its result).
Geom union_of(const SeenShadows& seen) {
    std::vector<Geom> parts;
    for (const Trapezoid* t : seen.trapezoids)
        parts.push_back(make_polygon(Ring(t->corners.begin(), t->corners.end())));
    for (const Polygon* inside : seen.insides) parts.push_back(make_polygon(*inside));
    if (parts.size() == 1) return std::move(parts[0]);
    return union_all(std::move(parts));
}

}  // namespace

Point eye_position(const Camera& camera, const Obstacles& obstacles) {
    const Point p = camera.position;
    if (camera.panoramic()) return p;
    const std::optional<Segment> wall = obstacles.wall_at(p, kEyeOffset, camera.height);
    if (!wall) return p;
    const Point facing = plane::bearing_vector(facing_bearing(camera));
    Point eye = move_off(*wall, p, facing, p);
    // In a corner the move can put the eye on the other wall, whose line would then pass
    // through it and hide nothing: move off that one too (a corner, or a rare third wall).
    // Facing along that wall, the eye goes to the side where the first wall runs.
    Segment last = *wall;
    for (int k = 0; k < 2; ++k) {
        const std::optional<Segment> on = obstacles.wall_at(eye, kOnWall, camera.height);
        if (!on) break;
        const double da = plane::norm(plane::sub(last.a, eye)),
                     db = plane::norm(plane::sub(last.b, eye));
        eye = move_off(*on, eye, facing, da > db ? last.a : last.b);
        last = *on;
    }
    return eye;
}

Geom field_of_view(const Camera& camera, Point eye) {
    const std::vector<Point> ring = visibility_ring(eye, camera.range, field_of(camera), {});
    return ring.empty() ? make_empty_polygon() : make_polygon(ring);
}

Viewshed compute_viewshed(const Camera& camera, const Obstacles& obstacles,
                          const ViewshedOptions& options) {
    const GeosSubject subject("camera", camera.id, camera.loc);  // names it in a GEOS failure
    Viewshed v;
    v.eye = eye_position(camera, obstacles);
    if (obstacles.inside_solid(v.eye, camera.height)) {
        v.eye_in_solid = true;
        v.area = make_empty_polygon();
        return v;
    }
    const AngularField field = field_of(camera);
    std::vector<Segment> walls;
    const HeightShadows shadows =
        walls_and_shadows(camera, v.eye, field, obstacles, options, walls);
    const std::vector<Point> ring = visibility_ring(v.eye, camera.range, field, walls);
    if (ring.empty()) {
        v.area = make_empty_polygon();
        return v;
    }
    // GEOSisValid is the expensive part of a small viewshed: skip it for rings proven simple.
    bool trusted = is_star_ring_simple(ring, v.eye, !field.full);
    // GEOS's overlay refuses an invalid operand (a TopologyException): a ring not proven
    // simple is checked, and repaired, before a pillar or mask is taken from it.
    bool overlay_ready = trusted;
    // Walls with a height: their shadows, by the second sweep, else by GEOS's overlay (only
    // those that meet the swept polygon: the others change nothing). The GEOS polygon is
    // made once, from the second sweep's result when it vouches for one.
    std::optional<std::vector<Polygon>> rest;
    if (!shadows.subtracts_nothing() && trusted) {
        std::vector<const Trapezoid*> trapezoids;
        trapezoids.reserve(shadows.trapezoids.size());
        for (const Trapezoid& t : shadows.trapezoids) trapezoids.push_back(&t);
        rest =
            subtract_shadows(v.eye, ring, !field.full, camera.range, trapezoids, shadows.insides);
    }
    Geom g = rest ? make_polygons(*rest) : make_polygon(ring);  // vouched for: still trusted
    auto subtract = [&](const GEOSGeometry* part) {
        if (!overlay_ready && !is_valid(g.get())) g = repair(g.get());
        overlay_ready = true;  // GEOS's overlay returns valid geometry
        g = difference(g.get(), part);
        trusted = false;
    };
    if (!shadows.subtracts_nothing() && !rest) {
        if (const SeenShadows seen = seen_shadows(shadows, ring); !seen.empty()) {
            subtract(union_of(seen).get());
            v.shadows_by_overlay = true;
        }
    }
    // An eye on a pillar's boundary: the sweep sees into the pillar along its faces.
    for (const Polygon* solid : obstacles.solids_touching(v.eye, kOnSolid))
        subtract(make_polygon(*solid).get());
    const Envelope box = box_of(ring);
    for (const Polygon& mask : camera.privacy_masks) {
        if (mask.shell.size() < 3 || !boxes_meet(box, box_of(mask.shell))) continue;
        Geom m = make_polygon(mask);
        if (!is_valid(m.get())) m = repair(m.get());
        subtract(m.get());
    }
    if (!trusted && !is_valid(g.get())) g = repair(g.get());
    v.area_m2 = area(g.get());
    v.area = std::move(g);
    return v;
}

}  // namespace camaudit::geo
