// The swept viewshed less the shadows of walls with a height (heights.hpp), by a second
// angular sweep instead of GEOS's overlay (which would cost several plan sweeps per camera).
//
// The swept polygon is a star around the eye: along each direction it is seen from the eye
// out to its boundary F. The shadows are bounded by straight boundary segments, each with an
// effect on a point moving outwards along a ray: a trapezoid's wall side starts a hidden
// stretch and its image side ends it (a depth count), a pillar's edge enters or leaves the
// pillar (a parity per pillar; the eye may start inside one). A point is seen when it is
// before F, at depth 0 and inside no pillar whose inside is hidden.
//
// Critical directions are the swept polygon's vertices, the boundary segments' end points and
// their crossings with each other and with the polygon's edges; directions within 1e-11 (a
// pseudo-angle, as sweep.cpp) are one. Between two consecutive critical directions no two of
// those segments cross, so their order along the ray is fixed: the seen stretches along the
// middle ray give the cells there (a bottom, the eye or an image side, and a top, a wall side
// or F). Cells are joined across each critical ray: where only one side's cells cover the ray,
// the ray is boundary. Points on a ray within 1e-9 max(1, range) metres of each other are one.
//
// The result is vouched for without GEOS's validity test (tens of microseconds) because it is
// checked while built: along every critical ray the cells' end points keep the order they have
// in the middle of their interval (so no two edges cross), no vertex is left by two edges (so
// no ring touches itself or another), and every hole lies in one smallest shell. When a check
// fails (touching rings, boundaries on one line, an eye on a pillar's edge), the caller falls
// back to GEOS's overlay.
#pragma once

#include <optional>
#include <vector>

#include "geo/heights.hpp"

namespace camaudit::geo {

// `ring` is the swept polygon (visibility_ring's output, proven simple by
// is_star_ring_simple), `eye_vertex` whether it starts at the eye (a field under 360°). The
// trapezoids and pillars (whose inside is hidden) are those that meet it. Returns the
// polygons of the ring less the trapezoids and the pillars' insides, in absolute
// coordinates, shells counter-clockwise and holes clockwise; an empty list when nothing is
// left; nullopt when the result could not be vouched for.
std::optional<std::vector<Polygon>> subtract_shadows(
    Point eye, const std::vector<Point>& ring, bool eye_vertex, double range,
    const std::vector<const Trapezoid*>& trapezoids, const std::vector<const Polygon*>& pillars);

// The polygons as one GEOS geometry: a Polygon, a MultiPolygon, or an empty polygon.
Geom make_polygons(const std::vector<Polygon>& polygons);

}  // namespace camaudit::geo
