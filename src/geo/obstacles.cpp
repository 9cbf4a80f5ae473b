// Obstacles: the opaque wall segments and solid polygons of one floor, with STRtree indexes;
// walls with a height apart from the full-height ones.
#include <algorithm>
#include <limits>

#include "geo/plane.hpp"
#include "geo/viewshed.hpp"

namespace camaudit::geo {

namespace {

Envelope box_of(Point a, Point b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

Envelope box_around(Point c, double r) {
    return {c.x - r, c.y - r, c.x + r, c.y + r};
}

template <typename F>
void for_each_edge(const Ring& ring, F&& f) {
    const std::size_t n = ring.size();
    if (n < 2) return;
    for (std::size_t i = 0; i < n; ++i) f(ring[i], ring[(i + 1) % n]);
}

template <typename F>
void for_each_edge(const Polygon& poly, F&& f) {
    for_each_edge(poly.shell, f);
    for (const Ring& h : poly.holes) for_each_edge(h, f);
}

double boundary_distance(const Polygon& poly, Point p) {
    double best = std::numeric_limits<double>::infinity();
    for_each_edge(
        poly, [&](Point a, Point b) { best = std::min(best, plane::segment_distance(p, a, b)); });
    return best;
}

// Even-odd rule over the shell and the holes; the caller excludes the boundary.
bool crossing_inside(const Polygon& poly, Point p) {
    bool inside = false;
    for_each_edge(poly, [&](Point a, Point b) {
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (x > p.x) inside = !inside;
        }
    });
    return inside;
}

constexpr double kOnBoundary = 1e-12;

Envelope box_of(const Ring& ring) {
    Envelope e{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
               -std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (const Point& p : ring)
        e = {std::min(e.minx, p.x), std::min(e.miny, p.y), std::max(e.maxx, p.x),
             std::max(e.maxy, p.y)};
    return e;
}

}  // namespace

struct Obstacles::Impl {
    // Every opaque segment, in one index; heights[i] is kAtCeiling for a full-height wall.
    std::vector<Segment> segments;
    std::vector<double> heights;
    std::size_t partial = 0;  // segments with a height
    StrTree segment_tree;
    std::vector<Polygon> solids;
    StrTree solid_tree;
    std::vector<PartialSolid> partial_solids;  // pillars with a height
    StrTree partial_solid_tree;

    void add_segment(Point a, Point b, const std::optional<double>& height) {
        if (a == b) return;
        segment_tree.insert(box_of(a, b), segments.size());
        segments.push_back({a, b});
        heights.push_back(height.value_or(kAtCeiling));
        if (height) ++partial;
    }
    void add_solid(const Polygon& polygon, const std::optional<double>& height) {
        if (height) {
            partial_solid_tree.insert(box_of(polygon.shell), partial_solids.size());
            partial_solids.push_back({polygon, *height});
            return;
        }
        solid_tree.insert(box_of(polygon.shell), solids.size());
        solids.push_back(polygon);
    }
};

Obstacles::Obstacles(const std::vector<const Wall*>& walls) : impl_(std::make_unique<Impl>()) {
    for (const Wall* w : walls) {
        if (!w || w->transparent) continue;
        if (!w->is_polygon) {
            for (std::size_t i = 0; i + 1 < w->line.size(); ++i)
                impl_->add_segment(w->line[i], w->line[i + 1], w->height);
            continue;
        }
        if (w->polygon.shell.size() < 3) continue;
        for_each_edge(w->polygon, [&](Point a, Point b) { impl_->add_segment(a, b, w->height); });
        impl_->add_solid(w->polygon, w->height);
    }
    impl_->segment_tree.build();
    impl_->solid_tree.build();
    impl_->partial_solid_tree.build();
}

Obstacles::Obstacles(Obstacles&&) noexcept = default;
Obstacles& Obstacles::operator=(Obstacles&&) noexcept = default;
Obstacles::~Obstacles() = default;

std::vector<Segment> Obstacles::segments_near(Point c, double r) const {
    std::vector<Segment> out;
    const std::vector<std::size_t> ids = impl_->segment_tree.query(box_around(c, r));
    out.reserve(ids.size());
    for (std::size_t id : ids)
        if (impl_->partial == 0 || impl_->heights[id] == kAtCeiling)
            out.push_back(impl_->segments[id]);
    return out;
}

void Obstacles::walls_near(Point c, double r, std::vector<Segment>& full,
                           std::vector<PartialSegment>& partial) const {
    const std::vector<std::size_t> ids = impl_->segment_tree.query(box_around(c, r));
    full.reserve(full.size() + ids.size());
    if (impl_->partial > 0) partial.reserve(partial.size() + ids.size());  // no reallocation
    for (std::size_t id : ids) {
        const double h = impl_->heights[id];
        if (h == kAtCeiling) {
            full.push_back(impl_->segments[id]);
        } else {
            partial.push_back({impl_->segments[id], h});
        }
    }
}

std::vector<const PartialSolid*> Obstacles::partial_solids_near(Point c, double r) const {
    std::vector<const PartialSolid*> out;
    if (impl_->partial_solids.empty()) return out;
    for (std::size_t id : impl_->partial_solid_tree.query(box_around(c, r)))
        out.push_back(&impl_->partial_solids[id]);
    return out;
}

bool Obstacles::inside_solid(Point p, double eye_height) const {
    auto strictly_inside = [&](const Polygon& s) {
        return boundary_distance(s, p) > kOnBoundary && crossing_inside(s, p);
    };
    if (!impl_->solids.empty()) {
        for (std::size_t id : impl_->solid_tree.query(box_around(p, 0)))
            if (strictly_inside(impl_->solids[id])) return true;
    }
    if (!impl_->partial_solids.empty()) {
        for (std::size_t id : impl_->partial_solid_tree.query(box_around(p, 0))) {
            const PartialSolid& s = impl_->partial_solids[id];
            if (s.height > eye_height && strictly_inside(s.polygon)) return true;
        }
    }
    return false;
}

std::vector<const Polygon*> Obstacles::solids_touching(Point p, double tol) const {
    std::vector<const Polygon*> out;
    if (impl_->solids.empty()) return out;
    for (std::size_t id : impl_->solid_tree.query(box_around(p, tol))) {
        const Polygon& s = impl_->solids[id];
        if (boundary_distance(s, p) <= tol) out.push_back(&s);
    }
    return out;
}

std::optional<Segment> Obstacles::wall_at(Point p, double tol, double eye_height) const {
    std::optional<Segment> best;
    double best_d = tol;
    for (std::size_t id : impl_->segment_tree.query(box_around(p, tol))) {
        if (impl_->heights[id] < eye_height) continue;  // a wall lower than the camera
        const Segment& s = impl_->segments[id];
        const double d = plane::segment_distance(p, s.a, s.b);
        if (d < best_d || (!best && d <= tol)) {
            best = s;
            best_d = d;
        }
    }
    return best;
}

std::size_t Obstacles::segment_count() const {
    return impl_->segments.size() - impl_->partial;
}
std::size_t Obstacles::solid_count() const {
    return impl_->solids.size();
}
std::size_t Obstacles::partial_segment_count() const {
    return impl_->partial;
}
std::size_t Obstacles::partial_solid_count() const {
    return impl_->partial_solids.size();
}

}  // namespace camaudit::geo
