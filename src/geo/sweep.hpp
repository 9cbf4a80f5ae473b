// The exact visibility polygon of a point among wall segments, by an angular sweep (no GEOS).
//
// A point p is in the polygon when |p - eye| <= range, its direction from the eye lies in the
// angular field, and the open segment eye→p properly crosses no wall. A sight line that only
// touches a wall's end point passes; a wall seen exactly edge-on (its line through the eye, the
// eye on it included) hides nothing but the measure-zero ray along it.
//
// Polygon vertices are wall end points, exact ray/wall intersections (shadow edges, crossing
// walls, walls cut by the range circle) and points of the range circle; an arc of the circle is
// drawn with ceil(angle / 1°) equal chords (inscribed), so chords are at most 1° apart.
#pragma once

#include <vector>

#include "geo/viewshed.hpp"

namespace camaudit::geo {

// A field of directions around the eye, in radians counter-clockwise from +x.
struct AngularField {
    bool full = true;  // every direction (start and width are ignored)
    double start = 0;  // where the field begins
    double width = 0;  // its counter-clockwise extent, in (0, 2π)
};

// Chords of an arc of `angle` radians: ceil(angle / 1°), at least 1.
int arc_chords(double angle);

// The visibility polygon's ring (open: the first point is not repeated), counter-clockwise, in
// the coordinates of `eye`. A field narrower than 2π has the eye as a vertex. Empty when the
// polygon has no area.
std::vector<Point> visibility_ring(Point eye, double range, const AngularField& field,
                                   const std::vector<Segment>& walls);

}  // namespace camaudit::geo
