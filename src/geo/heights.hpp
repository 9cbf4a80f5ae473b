// What a wall or pillar with a height hides (the spec's Viewshed, "Heights"), as plan geometry
// that the viewshed combines with the sweep.
//
// The rule. The eye is at height H above the floor (the camera's `height`), the view height is
// z (`settings.view_height`, default 1.7 m). A point p of the floor is seen when the straight
// segment from the eye to the point z above p passes at or above the top of every wall with a
// height h that it crosses. Over the plan point e + t (p - e), t in [0, 1], that segment is at
//
//     y(t) = (1 - t) H + t z.
//
// A sight line towards p, at plan distance D from the eye, crosses a wall at plan distance
// d < D: t = d / D in (0, 1), and p is seen over the wall iff y(d / D) >= h. Four cases, with
//
//     k = (H - z) / (H - h)      (H != h), the ratio of a homothety centred at the eye:
//
//  1. None: h <= z and h <= H. y(t) >= min(H, z) >= h for every t: the wall hides nothing
//     (a counter below the view height seen from above it).
//  2. Full: h > z and h >= H. For t in (0, 1), y(t) = (1 - t) H + t z < (1 - t) h + t h = h
//     (t z < t h, and (1 - t) H <= (1 - t) h): every point behind the wall is hidden, as by a
//     wall to the ceiling. A camera lower than (or level with) a partition sees nothing beyond
//     it at a view height below its top: its sight lines start at most at h and go down, or up
//     to z < h.
//  3. Near: z < h < H. y(d/D) >= h  <=>  (d/D)(H - z) <= H - h  <=>  D >= k d, k > 1. The
//     hidden points lie between the wall (D > d) and its image under the homothety of ratio k
//     (D < k d): a wall of height h at plan distance d hides the ground behind it out to
//     d (H - z) / (H - h). Over one wall segment this region is the trapezoid between the
//     segment and its image (parallel sides, on the two rays through its end points).
//  4. Far: H < h <= z. y(d/D) >= h  <=>  (d/D)(z - H) >= h - H  <=>  D <= k d, with
//     k = (z - H)/(h - H) >= 1 (the same k). The sight line rises from H < h to z >= h: only
//     points near the wall, up to its image, are seen over it; beyond the image they are
//     hidden, exactly as if a wall to the ceiling stood on the image. So "a camera lower than
//     a partition sees over it only near it" (at a view height above the partition's top).
//     k = 1 (h = z) hides everything behind the wall: case Full.
// H = h falls in None (z >= h) or Full (z < h). Equality is "seen" (at or above the top): the
// hidden sets are open and the viewshed closed; the areas do not depend on it.
//
// Within the range R, a Near segment's points farther than R / k from the eye have their image
// beyond R: along a ray crossing it at d >= R / k the hidden part (d, k d) meets the disc in
// (d, R], what a wall to the ceiling hides. So a Near segment is cut at the circle of radius
// R / k: the outer parts join the sweep as walls, the inner part's trapezoid lies inside the
// range disc. A Far segment's image joins the sweep as a wall (its part within R / k, whose
// image is within range). Full segments join the sweep as they are. Only the Near trapezoids
// are left to subtract from the swept polygon: the hidden set is the union of every wall's
// hidden set, so the viewshed is the sweep over those walls minus the union of the
// trapezoids. A trapezoid whose segment lies where the sweep sees nothing (behind a wall to
// the ceiling, out of the field) changes nothing: a point p of its inside is hidden by the
// segment at a point q between the eye and p, and if the sweep hides q it hides p (the same
// wall crosses eye→p before q). Two partial walls one behind the other: each hides its own
// set, the union is the answer (the nearer one's trapezoid may cover part of the farther's).
//
// Pillars with a height h: the solid P × [0, h]. The height along the sight line is linear,
// so over each stretch of the plan segment inside P it is least at one end of the stretch: a
// crossing of P's boundary, or p itself when p is inside P. Hence (decided here, and what the
// spec's "enters no pillar" means in three dimensions):
//  - a point outside P is hidden by the pillar iff one of P's edges, as a wall of height h,
//    hides it (the edges are partial segments of height h);
//  - a point inside P is, besides, hidden when z < h (the point at the view height is inside
//    the solid); with z >= h its edges alone decide, so a camera above a 1.1 m counter sees
//    the counter's top where its sight lines clear the counter's near edges;
//  - an eye inside P in plan is inside the solid (sees nothing) when H < h; with H >= h it
//    is above the top and sees out over the edges as above.
// A full-height pillar's inside is never seen, except through the eye's own position on its
// boundary (the viewshed subtracts it then); a pillar with a height whose inside is hidden
// (z < h) is subtracted wherever its edges are seen.
//
// An eye within 0.05 m of a wall with a height is moved off it only if the wall reaches the
// camera's height (h >= H: the camera is mounted on it); a camera above a partition hangs over
// it, and its sight lines cross the wall's line at heights near H > h.
//
// Transparent walls ignore heights (Obstacles skips them).
#pragma once

#include <array>
#include <vector>

#include "geo/viewshed.hpp"

namespace camaudit::geo {

enum class ShadowKind { None, Full, Near, Far };

struct ShadowClass {
    ShadowKind kind = ShadowKind::None;
    double k = 1;  // Near and Far: the homothety's ratio (H - z) / (H - h)
};

// The case of a wall of height `wall_height` seen from an eye at `eye_height` at
// `view_height` (all metres above the floor).
ShadowClass classify_shadow(double eye_height, double view_height, double wall_height);

// The shadow of the part of a Near wall segment whose image lies within the range.
struct Trapezoid {
    Segment wall;   // the whole segment (absolute coordinates)
    double t0, t1;  // the part wall.a + t (wall.b - wall.a), t in [t0, t1], that casts it
    double k;       // the homothety's ratio
    // The part (a, b) and its image (kb, ka), in that order (absolute coordinates).
    std::array<Point, 4> corners;
};

// What the walls and pillars with a height near one eye add to its viewshed.
struct HeightShadows {
    // Segments that hide, within the range, what walls to the ceiling there would hide: Full
    // segments, the images of Far segments, the outer parts of Near segments.
    std::vector<Segment> walls;
    // The Near trapezoids, whose images lie within the range.
    std::vector<Trapezoid> trapezoids;
    // Pillars whose inside is hidden at the view height and that the eye may see into.
    std::vector<const Polygon*> insides;

    bool subtracts_nothing() const { return trapezoids.empty() && insides.empty(); }
};

// Sorts the walls with a height around `eye` into the three lists above. `range` > 0.
HeightShadows height_shadows(Point eye, double eye_height, double view_height, double range,
                             const std::vector<PartialSegment>& segments,
                             const std::vector<const PartialSolid*>& solids);

// Whether the closed segment a–b meets the closed polygon bounded by `ring` (open ring), for
// skipping a trapezoid whose segment the sweep does not see. Touching within rounding may be
// missed: the trapezoid then meets the polygon in a set of no area.
bool segment_meets_ring(const std::vector<Point>& ring, Point a, Point b);

// Whether `poly` (its shell) meets the closed polygon bounded by `ring`.
bool polygon_meets_ring(const std::vector<Point>& ring, const Polygon& poly);

}  // namespace camaudit::geo
