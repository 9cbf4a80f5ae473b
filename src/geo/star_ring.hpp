// A linear-time validity check for the rings that visibility_ring makes, so that GEOSisValid
// (noding, tens of microseconds) is needed only when this check cannot vouch for a ring.
#pragma once

#include <vector>

#include "model/site.hpp"

namespace camaudit::geo {

// True when `ring` (open) is certainly a simple polygon ring because, seen from `eye`, its
// vertices turn counter-clockwise through at most one turn: every edge either turns strictly
// counter-clockwise by less than π, or runs along a ray from the eye, outwards or inwards, never
// through the eye and never twice in a row; the pseudo-angles of the vertices from the first
// one never decrease. With `eye_vertex` the ring starts at the eye (a field under 360°) and
// must not pass it again; otherwise the ring makes exactly one turn around the eye. False
// means "not proven", not "invalid".
bool is_star_ring_simple(const std::vector<Point>& ring, Point eye, bool eye_vertex);

}  // namespace camaudit::geo
