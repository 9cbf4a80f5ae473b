// Horizontal sections of meshes (io/ifc/plane_section.hpp), against sections derived by hand:
// boxes, a frame with a hole, a prism with a concave face, vertices exactly in the plane, a
// sloped roof, an open surface, nesting and orientation.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "io/ifc/plane_section.hpp"

using namespace camaudit::io::ifc;

namespace {

// A prism: the plan polygon `base` (counter-clockwise) extruded from z0 to z1, as faces with
// shared vertices: bottom, top, and one quad a side.
Mesh prism(const std::vector<Point2>& base, double z0, double z1) {
    Mesh m;
    const auto n = static_cast<std::uint32_t>(base.size());
    for (const auto& p : base) m.vertices.push_back({p.x, p.y, z0});
    for (const auto& p : base) m.vertices.push_back({p.x, p.y, z1});
    std::vector<std::uint32_t> bottom, top;
    for (std::uint32_t i = 0; i < n; ++i) {
        bottom.push_back(n - 1 - i);
        top.push_back(n + i);
        const auto j = (i + 1) % n;
        m.faces.push_back({i, j, n + j, n + i});
    }
    m.faces.push_back(bottom);
    m.faces.push_back(top);
    return m;
}

std::vector<Point2> rect(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

// Appends `b` to `a` (its vertices renumbered).
void merge(Mesh& a, const Mesh& b) {
    const auto offset = static_cast<std::uint32_t>(a.vertices.size());
    a.vertices.insert(a.vertices.end(), b.vertices.begin(), b.vertices.end());
    for (auto face : b.faces) {
        for (auto& v : face) v += offset;
        a.faces.push_back(face);
    }
}

double total_area(const Section& s) {
    double out = 0;
    for (const auto& p : s.polygons) out += area(p);
    return out;
}

}  // namespace

TEST_CASE("ifc section: a box cut through its middle is its plan rectangle") {
    // 4 x 3 m room, 2.5 m high, cut at 1.2 m: 12 m², one counter-clockwise ring of 4 vertices.
    const auto s = section_at(prism(rect(0, 0, 4, 3), 0, 2.5), 1.2);
    REQUIRE(s.polygons.size() == 1);
    CHECK(s.lines.empty());
    CHECK(s.polygons[0].outer.size() == 4);
    CHECK(s.polygons[0].holes.empty());
    CHECK(signed_area(s.polygons[0].outer) == doctest::Approx(12));
    // Below, above, or exactly at the bottom face (a vertex at z counts as above: the
    // plane then meets no face that crosses it).
    CHECK(section_at(prism(rect(0, 0, 4, 3), 0, 2.5), 3.0).polygons.empty());
    CHECK(section_at(prism(rect(0, 0, 4, 3), 0, 2.5), -1).polygons.empty());
    CHECK(section_at(prism(rect(0, 0, 4, 3), 0, 2.5), 0).polygons.empty());
    // At the top face: the vertices of the top are above, those of the bottom below.
    CHECK(total_area(section_at(prism(rect(0, 0, 4, 3), 0, 2.5), 2.5)) == doctest::Approx(12));
}

TEST_CASE("ifc section: a frame (a box with a hole through it) gives a polygon with a hole") {
    // Outer 10 x 8, inner 4 x 2 at (3..7, 3..5): 80 − 8 = 72 m². The solid's faces: the outer
    // prism's sides, the inner prism's sides reversed, and the two ring faces as polygons
    // that go round the hole (outer ring, then the inner ring backwards, joined by a bridge).
    Mesh m;
    const auto outer = rect(0, 0, 10, 8);
    const std::vector<Point2> inner = {{3, 3}, {3, 5}, {7, 5}, {7, 3}};  // clockwise
    for (double z : {0.0, 3.0}) {
        for (const auto& p : outer) m.vertices.push_back({p.x, p.y, z});
        for (const auto& p : inner) m.vertices.push_back({p.x, p.y, z});
    }
    // Vertex numbers: outer 0-3 and inner 4-7 at z 0; outer 8-11 and inner 12-15 at z 3.
    for (std::uint32_t i = 0; i < 4; ++i) {
        const auto j = (i + 1) % 4;
        m.faces.push_back({i, j, 8 + j, 8 + i});
        m.faces.push_back({4 + i, 4 + j, 12 + j, 12 + i});
    }
    m.faces.push_back({8, 9, 10, 11, 8, 12, 15, 14, 13, 12});  // top, with its bridge 8-12
    m.faces.push_back({0, 4, 5, 6, 7, 4, 0, 3, 2, 1});         // bottom
    const auto s = section_at(m, 1.5);
    REQUIRE(s.polygons.size() == 1);
    REQUIRE(s.polygons[0].holes.size() == 1);
    CHECK(signed_area(s.polygons[0].outer) == doctest::Approx(80));     // counter-clockwise
    CHECK(signed_area(s.polygons[0].holes[0]) == doctest::Approx(-8));  // clockwise
    CHECK(area(s.polygons[0]) == doctest::Approx(72));
}

TEST_CASE("ifc section: an L-shaped prism (concave faces) and two separate boxes") {
    // L: 4 x 4 less the 2 x 2 corner at (2..4, 2..4): 12 m².
    const std::vector<Point2> l = {{0, 0}, {4, 0}, {4, 2}, {2, 2}, {2, 4}, {0, 4}};
    const auto s = section_at(prism(l, 0, 3), 1);
    REQUIRE(s.polygons.size() == 1);
    CHECK(s.polygons[0].outer.size() == 6);
    CHECK(area(s.polygons[0]) == doctest::Approx(12));

    auto two = prism(rect(0, 0, 1, 1), 0, 3);
    merge(two, prism(rect(5, 0, 7, 1), 0, 3));
    const auto t = section_at(two, 1);
    REQUIRE(t.polygons.size() == 2);
    CHECK(total_area(t) == doctest::Approx(3));
}

TEST_CASE("ifc section: a face whose boundary crosses the plane four times") {
    // A wall seen from the side is a U (an opening cut down from its top): the front and back
    // faces are U-shaped polygons, concave; cut at 2 m, below the opening's sill at 1.5 m,
    // they give one segment each; cut at 2.5 m, two each.
    //   front face (y = 0): (0,0) (6,0) (6,3) (4,3) (4,1.5) (2,1.5) (2,3) (0,3) in x, z.
    const std::vector<std::pair<double, double>> u = {{0, 0},   {6, 0},   {6, 3}, {4, 3},
                                                      {4, 1.5}, {2, 1.5}, {2, 3}, {0, 3}};
    Mesh m;
    for (double y : {0.0, 0.2})
        for (const auto& [x, z] : u) m.vertices.push_back({x, y, z});
    std::vector<std::uint32_t> front, back;
    for (std::uint32_t i = 0; i < 8; ++i) {
        front.push_back(i);
        back.push_back(15 - i);
        const auto j = (i + 1) % 8;
        m.faces.push_back({i, 8 + i, 8 + j, j});
    }
    m.faces.push_back(front);
    m.faces.push_back(back);
    CHECK(total_area(section_at(m, 1)) == doctest::Approx(6 * 0.2));
    const auto s = section_at(m, 2.5);
    REQUIRE(s.polygons.size() == 2);  // the two posts either side of the opening
    CHECK(total_area(s) == doctest::Approx(2 * 2 * 0.2));
}

TEST_CASE("ifc section: a roof space under a slope is cut where the slope is") {
    // A wedge: floor 0..6 in x, 0..4 in y; its ceiling falls from 3 m at x = 0 to 0 at x = 6.
    // Cut at 1.2 m: the ceiling is at 1.2 where x = 3.6, so 3.6 x 4 = 14.4 m².
    Mesh m;
    m.vertices = {{0, 0, 0}, {6, 0, 0}, {6, 4, 0}, {0, 4, 0}, {0, 0, 3}, {0, 4, 3}};
    m.faces = {{0, 3, 2, 1}, {0, 1, 4}, {3, 5, 2}, {0, 4, 5, 3}, {1, 2, 5, 4}};
    CHECK(total_area(section_at(m, 1.2)) == doctest::Approx(14.4));
}

TEST_CASE("ifc section: vertices exactly in the plane still give whole rings") {
    // An octahedron with its equator at z = 1: cut at 1, the vertices of the equator count as
    // above, so the ring is made from the lower faces' edges that meet them: the square of
    // the equator, 2 m² (half diagonals of 1).
    Mesh m;
    m.vertices = {{1, 0, 1}, {0, 1, 1}, {-1, 0, 1}, {0, -1, 1}, {0, 0, 2}, {0, 0, 0}};
    m.faces = {{0, 1, 4}, {1, 2, 4}, {2, 3, 4}, {3, 0, 4},
               {1, 0, 5}, {2, 1, 5}, {3, 2, 5}, {0, 3, 5}};
    const auto s = section_at(m, 1);
    REQUIRE(s.polygons.size() == 1);
    CHECK(area(s.polygons[0]) == doctest::Approx(2));
    CHECK(s.lines.empty());
    // Cut at 0.5: the square of half-diagonal 0.5, 0.5 m².
    CHECK(total_area(section_at(m, 0.5)) == doctest::Approx(0.5));
}

TEST_CASE("ifc section: an open surface gives a line; a sliver ring is dropped") {
    // A vertical glass pane, one quad from (0,0) to (2,0), 0 to 3 m high.
    Mesh pane;
    pane.vertices = {{0, 0, 0}, {2, 0, 0}, {2, 0, 3}, {0, 0, 3}};
    pane.faces = {{0, 1, 2, 3}};
    const auto s = section_at(pane, 1.2);
    CHECK(s.polygons.empty());
    REQUIRE(s.lines.size() == 1);
    REQUIRE(s.lines[0].size() == 2);
    CHECK(std::abs(s.lines[0][0].x - s.lines[0][1].x) == doctest::Approx(2));
    // A box 1 mm x 0.5 mm: 5e-7 m², under kMinArea.
    CHECK(section_at(prism(rect(0, 0, 0.001, 0.0005), 0, 3), 1).polygons.empty());
}

TEST_CASE("ifc section: nesting of rings, whatever their orientation") {
    // An island in a hole in a polygon: outer 10 x 10, hole 6 x 6, island 2 x 2.
    std::vector<Ring> rings = {rect(4, 4, 6, 6), rect(0, 0, 10, 10), rect(2, 2, 8, 8)};
    for (auto& r : rings) std::reverse(r.begin(), r.end());  // all clockwise on entry
    const auto polygons = nest_rings(rings);
    REQUIRE(polygons.size() == 2);
    CHECK(area(polygons[0]) == doctest::Approx(100 - 36));
    REQUIRE(polygons[0].holes.size() == 1);
    CHECK(signed_area(polygons[0].holes[0]) == doctest::Approx(-36));
    CHECK(signed_area(polygons[1].outer) == doctest::Approx(4));
    CHECK(polygons[1].holes.empty());
}

TEST_CASE("ifc section: areas far from the origin keep their precision") {
    // A 1 x 1 m room at a surveyed position (3.5e6, 4.0e7): products of coordinates are
    // about 1e14, where a double's rounding is 0.01; relative to the first vertex, exact.
    const auto s = section_at(prism(rect(3.5e6, 4.0e7, 3.5e6 + 1, 4.0e7 + 1), 0, 3), 1);
    REQUIRE(s.polygons.size() == 1);
    CHECK(area(s.polygons[0]) == doctest::Approx(1).epsilon(1e-9));
}
