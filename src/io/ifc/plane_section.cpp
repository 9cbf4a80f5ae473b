#include "io/ifc/plane_section.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace camaudit::io::ifc {

namespace {

using EdgeKey = std::pair<std::uint32_t, std::uint32_t>;  // lower vertex index first

struct Crossing {
    EdgeKey key;
    Point2 at;
};

struct Segment {
    EdgeKey from;
    EdgeKey to;
};

// Where the edge (a, b) crosses the plane, computed from the lower-numbered vertex.
Point2 crossing_point(const Mesh& mesh, std::uint32_t a, std::uint32_t b, double z) {
    if (b < a) std::swap(a, b);
    const auto& p = mesh.vertices[a];
    const auto& q = mesh.vertices[b];
    const double t = (z - p.z) / (q.z - p.z);  // p and q are on opposite sides: q.z != p.z
    return {p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)};
}

// The plan direction along which a face meets the plane (z × its normal), Newell's normal.
Point2 section_direction(const Mesh& mesh, const std::vector<std::uint32_t>& face) {
    double nx = 0, ny = 0;
    for (std::size_t i = 0; i < face.size(); ++i) {
        const auto& p = mesh.vertices[face[i]];
        const auto& q = mesh.vertices[face[(i + 1) % face.size()]];
        nx += (p.y - q.y) * (p.z + q.z);
        ny += (p.z - q.z) * (p.x + q.x);
    }
    return {-ny, nx};
}

// The segments one face contributes: its boundary crosses the plane an even number of times;
// a convex face twice, a concave one possibly more, paired in order along the section line.
void face_segments(const Mesh& mesh, const std::vector<std::uint32_t>& face,
                   const std::vector<bool>& above, double z, std::vector<Crossing>& scratch,
                   std::vector<Segment>& segments, std::map<EdgeKey, Point2>& points) {
    scratch.clear();
    for (std::size_t i = 0; i < face.size(); ++i) {
        const auto a = face[i];
        const auto b = face[(i + 1) % face.size()];
        if (above[a] == above[b]) continue;
        const EdgeKey key{std::min(a, b), std::max(a, b)};
        auto [it, added] = points.try_emplace(key);
        if (added) it->second = crossing_point(mesh, a, b, z);
        scratch.push_back({key, it->second});
    }
    if (scratch.size() < 2) return;
    if (scratch.size() > 2) {
        const auto d = section_direction(mesh, face);
        std::stable_sort(scratch.begin(), scratch.end(), [&](const Crossing& p, const Crossing& q) {
            return p.at.x * d.x + p.at.y * d.y < q.at.x * d.x + q.at.y * d.y;
        });
    }
    for (std::size_t i = 0; i + 1 < scratch.size(); i += 2)
        segments.push_back({scratch[i].key, scratch[i + 1].key});
}

double distance(const Point2& a, const Point2& b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// The chain's points with vertices closer than kMinEdge to the previous one merged (and, for
// a ring, the last one to the first).
std::vector<Point2> clean(const std::vector<Point2>& chain, bool closed) {
    std::vector<Point2> out;
    for (const auto& p : chain)
        if (out.empty() || distance(out.back(), p) >= kMinEdge) out.push_back(p);
    if (closed)
        while (out.size() > 1 && distance(out.back(), out.front()) < kMinEdge) out.pop_back();
    return out;
}

// Even-odd point in ring.
bool inside(const Point2& p, const Ring& ring) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            in = !in;
    }
    return in;
}

// A point of `inner` that is inside `outer` where `inner` lies within it: the midpoint of
// its first edge, which is not on `outer` for the disjoint rings of a valid section.
bool ring_inside(const Ring& inner, const Ring& outer) {
    const Point2 mid{(inner[0].x + inner[1].x) / 2, (inner[0].y + inner[1].y) / 2};
    return inside(mid, outer);
}

}  // namespace

double signed_area(const Ring& ring) {
    if (ring.size() < 3) return 0;
    // Relative to the first vertex: plan coordinates may be large (a model placed at its
    // surveyed position), and a room's area must not drown in their products' rounding.
    const auto& o = ring[0];
    double twice = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i)
        twice +=
            (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
    return twice / 2;
}

double area(const Polygon& polygon) {
    double out = std::abs(signed_area(polygon.outer));
    for (const auto& hole : polygon.holes) out -= std::abs(signed_area(hole));
    return out;
}

std::vector<Polygon> nest_rings(std::vector<Ring> rings) {
    struct Placed {
        Ring ring;
        double area;
        int parent = -1;
        int depth = 0;
    };
    std::vector<Placed> placed;
    for (auto& ring : rings) {
        if (ring.size() < 3) continue;
        const double a = std::abs(signed_area(ring));
        if (a < kMinArea) continue;
        placed.push_back({std::move(ring), a});
    }
    // Largest first: a ring's container comes before it; the smallest container is its parent.
    std::stable_sort(placed.begin(), placed.end(),
                     [](const Placed& a, const Placed& b) { return a.area > b.area; });
    for (std::size_t i = 0; i < placed.size(); ++i) {
        for (std::size_t j = i; j-- > 0;) {
            if (placed[j].area <= placed[i].area || !ring_inside(placed[i].ring, placed[j].ring))
                continue;
            placed[i].parent = static_cast<int>(j);
            placed[i].depth = placed[j].depth + 1;
            break;
        }
    }
    std::vector<Polygon> out;
    std::vector<int> polygon_of(placed.size(), -1);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        auto& ring = placed[i].ring;
        const bool hole = placed[i].depth % 2 == 1;
        if ((signed_area(ring) > 0) == hole) std::reverse(ring.begin(), ring.end());
        if (!hole) {
            polygon_of[i] = static_cast<int>(out.size());
            out.push_back({std::move(ring), {}});
        } else {
            out[static_cast<std::size_t>(polygon_of[static_cast<std::size_t>(placed[i].parent)])]
                .holes.push_back(std::move(ring));
        }
    }
    return out;
}

Section section_at(const Mesh& mesh, double z) {
    std::vector<bool> above(mesh.vertices.size());
    for (std::size_t i = 0; i < mesh.vertices.size(); ++i) above[i] = mesh.vertices[i].z >= z;

    std::vector<Segment> segments;
    std::map<EdgeKey, Point2> points;
    std::vector<Crossing> scratch;
    for (const auto& face : mesh.faces) {
        bool valid = face.size() >= 3;
        for (const auto v : face) valid = valid && v < mesh.vertices.size();
        if (valid) face_segments(mesh, face, above, z, scratch, segments, points);
    }

    // Chain the segments through their shared edge keys.
    std::map<EdgeKey, std::vector<std::size_t>> at;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        at[segments[i].from].push_back(i);
        at[segments[i].to].push_back(i);
    }
    std::vector<bool> used(segments.size(), false);
    auto next_from = [&](const EdgeKey& key) -> std::size_t {
        for (const auto s : at[key])
            if (!used[s]) return s;
        return segments.size();
    };
    auto other_end = [&](std::size_t s, const EdgeKey& key) {
        return segments[s].from == key ? segments[s].to : segments[s].from;
    };

    std::vector<Ring> rings;
    Section out;
    for (std::size_t first = 0; first < segments.size(); ++first) {
        if (used[first]) continue;
        used[first] = true;
        std::vector<EdgeKey> chain{segments[first].from, segments[first].to};
        for (auto s = next_from(chain.back()); s < segments.size(); s = next_from(chain.back())) {
            used[s] = true;
            chain.push_back(other_end(s, chain.back()));
        }
        const bool closed = chain.size() > 3 && chain.back() == chain.front();
        if (closed) {
            chain.pop_back();
        } else {  // open: extend backwards from the first segment too
            std::vector<EdgeKey> back;
            for (auto s = next_from(chain.front()); s < segments.size();
                 s = next_from(back.back())) {
                used[s] = true;
                back.push_back(other_end(s, back.empty() ? chain.front() : back.back()));
            }
            chain.insert(chain.begin(), back.rbegin(), back.rend());
        }
        std::vector<Point2> coords;
        coords.reserve(chain.size());
        for (const auto& key : chain) coords.push_back(points[key]);
        auto cleaned = clean(coords, closed);
        if (closed && cleaned.size() >= 3)
            rings.push_back(std::move(cleaned));
        else if (!closed && cleaned.size() >= 2)
            out.lines.push_back(std::move(cleaned));
    }
    out.polygons = nest_rings(std::move(rings));
    return out;
}

}  // namespace camaudit::io::ifc
