// The area of a polygonal geometry inside a convex polygon, without GEOS's overlay. Checks
// that only compare an overlap's area with a threshold (does one camera cover this corridor,
// does this view reach 0.01 m² of that room) spent most of a city's audit in the overlay;
// most zones are convex rooms, corridors and streets.
//
// Each ring is clipped by the convex polygon's edges in turn (Sutherland-Hodgman). A ring
// that is not convex may come out with edges running back along the clip boundary: they
// enclose no area, so the shoelace area of the clipped ring is exactly the area of the ring
// inside the convex polygon. A polygon's area inside is its shell's minus its holes'.
#pragma once

#include <optional>
#include <vector>

#include "geo/geos.hpp"
#include "model/site.hpp"

namespace camaudit::geo {

// The vertices of `g`, counter-clockwise and not closed, when `g` is a polygon without holes
// that is convex (collinear vertices allowed) and has an area; nullopt otherwise.
std::optional<std::vector<Point>> convex_ring(const GEOSGeometry* g);

// The area of `g` (a valid Polygon or MultiPolygon; anything else counts 0) inside the convex
// polygon `convex` (from convex_ring). It equals the area of GEOS's intersection to rounding:
// about 1e-15 of the coordinates' magnitude times the perimeter.
double area_inside_convex(const GEOSGeometry* g, const std::vector<Point>& convex);

// The same for one ring (open or closed, either orientation), for the tests.
double ring_area_inside_convex(const std::vector<Point>& ring, const std::vector<Point>& convex);

}  // namespace camaudit::geo
