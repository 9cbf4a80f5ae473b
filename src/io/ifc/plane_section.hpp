// The horizontal section of a polygon mesh: what a plan at height z shows of a 3D body. Pure
// C++ (no IFC++, no GEOS: src/io does not call GEOS), so that camaudit's tests check it
// directly against sections derived by hand.
//
// Contract: a vertex at exactly z counts as above the plane (a symbolic perturbation), so
// every face crossed gives whole segments and the segments of a closed mesh (every edge
// shared by two faces) chain into closed rings; faces lying in the plane give nothing. The
// crossing point of an edge is computed once, from the edge's lower-numbered vertex, so
// neighbouring faces agree to the bit. Rings are grouped by nesting (even depth: an outer
// ring, odd: a hole of its parent), oriented counter-clockwise outside, clockwise for holes.
// Vertices within kMinEdge of the previous one are merged; rings of less than kMinArea are
// dropped (the slivers a boolean operation leaves). Chains that do not close (an open mesh:
// a surface, not a solid) come back as lines.
#pragma once

#include <cstdint>
#include <vector>

#include "io/ifc/ifc_model.hpp"

namespace camaudit::io::ifc {

struct Vec3 {
    double x = 0;
    double y = 0;
    double z = 0;
};

// Faces are loops of indices into `vertices` (planar polygons, any orientation).
struct Mesh {
    std::vector<Vec3> vertices;
    std::vector<std::vector<std::uint32_t>> faces;
};

struct Section {
    std::vector<Polygon> polygons;
    std::vector<Line> lines;
};

inline constexpr double kMinEdge = 1e-6;  // metres
inline constexpr double kMinArea = 1e-6;  // square metres

// The section of `mesh` by the plane at height `z`.
Section section_at(const Mesh& mesh, double z);

// Groups closed rings (any orientation) into polygons by nesting, as section_at does; rings
// of less than kMinArea are dropped.
std::vector<Polygon> nest_rings(std::vector<Ring> rings);

// Signed area (counter-clockwise positive) of a ring.
double signed_area(const Ring& ring);
// Area of a polygon: its outer ring less its holes.
double area(const Polygon& polygon);

}  // namespace camaudit::io::ifc
