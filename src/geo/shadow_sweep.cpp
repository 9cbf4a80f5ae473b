// The second angular sweep: the swept star polygon less the shadows (see shadow_sweep.hpp).
//
// 1. Lines, relative to the eye, each a piece a → b counter-clockwise on the line p + s d: the
//    polygon's edges that are not along a ray (its tops, F), and the boundary segments (a
//    trapezoid's wall side and image side, pillar edges within the range) that come before F
//    along some ray (the others change nothing).
// 2. Windows: the directions the boundary segments span. Critical directions: the segments'
//    ends, their crossings with each other and with the tops, the polygon's vertices within
//    the windows, and its first (and last) vertex; in clusters.
// 3. Over each interval between clusters, the cells along its middle ray. An interval outside
//    the windows holds one cell, the eye to the chain of tops over it (the polygon as it is).
// 4. On each cluster's ray: the cells' end points merged within the tolerance and checked for
//    order, and the ray's boundary edges where one side's cells cover it and the other's not.
// 5. The cells' top and bottom edges (a chain: the polygon's own edges); rings by following
//    edges; holes into shells.
#include "geo/shadow_sweep.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "geo/directions.hpp"
#include "geo/plane.hpp"

namespace camaudit::geo {

namespace {

using directions::Frame;
using directions::inside_direction;
using directions::kKeyEps;
using directions::unit;
using plane::add;
using plane::cross;
using plane::dot;
using plane::scale;
using plane::sub;

constexpr double kRadial = 1e-12;  // |sin| under which an edge runs along a ray (star_ring.cpp)
constexpr int kEye = -1;           // a cell's bottom at the eye

enum class Effect : std::uint8_t { Up, Down, Toggle };

// A boundary segment, or one of the polygon's edges that is not along a ray (a top).
struct Line {
    Point a, b;  // the piece, counter-clockwise as seen from the eye
    Point p, d;  // its line p + s d, shared by every piece cut from one wall segment
    Effect effect = Effect::Up;
    int pillar = -1;  // Toggle: which pillar
    int pair = -1;    // Up: its image's index among the candidates
    double key_a = 0, key_b = 0;
    int ca = -1, cb = -1;  // the clusters of a and b; -1: outside the field
    int pa = -1, pb = -1;  // the point indexes of a and b, once used
};

struct Crit {
    double key;
    Point dir;
    int line;  // >= 0: an end of lines[line]; -1: a crossing; -2: a vertex of the polygon
    int end;   // the end (0: a, 1: b), or the vertex's index
};

struct Cluster {
    double key;
    Point dir;  // not unit
};

// Cell sides are boundary lines (lines_[i]: i) or the polygon's edges (from vertex e:
// lines_.size() + e).
struct Cell {
    int bottom, top;     // sides; bottom kEye: the eye
    int top_last;        // a chain of the polygon's edges: the last (== top for one side)
    int b0, b1, t0, t1;  // point indexes at the interval's first and second ray
};

struct Edge {
    int from, to;
    int side_in, side_out;  // the sides along which it leaves `from` and reaches `to`; < -1:
                            // along cluster -2 - side's ray
    int chain = -1;         // >= 0: the polygon's vertices from `chain` to `to` in between
};

// A cell's end point on a cluster's ray, for joining the cells on both sides of it.
struct Entry {
    double dist;  // along the ray
    int* ref;     // the cell's point index
    int side;     // 0: a cell before the ray, 1: after it
};

bool along_ray(Point a, Point b) {
    const double c = cross(a, b);
    return c * c <= kRadial * kRadial * dot(a, a) * dot(b, b);
}

double signed_area(const std::vector<Point>& ring) {
    const std::size_t n = ring.size();
    if (n == 0) return 0;
    double s = 0;  // summed in the ring's order, the closing edge last (no modulo per vertex)
    for (std::size_t i = 0; i + 1 < n; ++i) s += cross(ring[i], ring[i + 1]);
    s += cross(ring[n - 1], ring[0]);
    return s / 2;
}

class ShadowSweep {
  public:
    std::optional<std::vector<Polygon>> run(Point eye, double range, const std::vector<Point>& ring,
                                            bool eye_vertex,
                                            const std::vector<const Trapezoid*>& trapezoids,
                                            const std::vector<const Polygon*>& pillars) {
        reset(eye, range);
        if (!read_ring(ring, eye_vertex)) return std::nullopt;
        for (const Trapezoid* t : trapezoids) add_trapezoid(*t);
        for (const Polygon* p : pillars)
            if (!add_pillar(*p)) return std::nullopt;
        find_windows(candidates_);
        if (!read_tops()) return std::nullopt;
        cull();
        if (lines_.empty()) return unchanged(ring);
        find_windows(lines_);
        if (!find_clusters()) return std::nullopt;
        if (!assign_tops()) return std::nullopt;
        if (!make_cells()) return std::nullopt;
        for (int c = 0; c < ncl_; ++c)
            if (!join_at(c)) return std::nullopt;
        for (const Cell& cell : cells_) {
            add_top_edges(cell);
            if (cell.bottom != kEye) add_edge(cell.b1, cell.b0, cell.bottom);
        }
        return assemble(ring);
    }

  private:
    void reset(Point eye, double range) {
        eye_ = eye;
        range_ = range;
        tol_ = 1e-9 * std::max(1.0, range);
        end_key_ = 4;
        rel_.clear();
        vkey_.clear();
        tops_.clear();
        candidates_.clear();
        lines_.clear();
        inside_.clear();
        windows_.clear();
        crits_.clear();
        clusters_.clear();
        cells_.clear();
        points_.clear();
        edges_.clear();
        points_.push_back({0, 0});  // the eye
    }

    // Nothing before F: the polygon as it is.
    static std::vector<Polygon> unchanged(const std::vector<Point>& ring) {
        Polygon p;
        p.shell = ring;
        return {p};
    }

    // --- 1. Lines ---------------------------------------------------------------------------

    std::size_t n() const { return rel_.size(); }
    std::size_t next_vertex(std::size_t i) const { return i + 1 < n() ? i + 1 : 0; }

    bool read_ring(const std::vector<Point>& ring, bool eye_vertex) {
        const std::size_t count = ring.size();
        eye_vertex_ = eye_vertex;
        first_ = eye_vertex ? 1 : 0;
        if (count < first_ + 2) return false;
        for (const Point& p : ring) rel_.push_back(sub(p, eye_));
        if (eye_vertex && !(rel_[0].x == 0 && rel_[0].y == 0)) return false;
        for (std::size_t i = first_; i < count; ++i)
            if (rel_[i].x == 0 && rel_[i].y == 0) return false;
        frame_ = Frame{unit(rel_[first_])};
        // Pseudo-angles, made non-decreasing (a star ring's vertices along a ray may step
        // back by rounding). A full ring may end with vertices on its first ray: its tail.
        vkey_.assign(count, 0);
        tail_ = count;
        for (std::size_t i = first_ + 1; i < count; ++i) {
            double k = frame_.key(rel_[i]);
            if (tail_ < count || (!eye_vertex && k <= kKeyEps && vkey_[i - 1] > 2)) {
                if (k > kKeyEps) return false;
                if (tail_ == count) tail_ = i;
                k = 0;
            } else if (k < vkey_[i - 1]) {
                if (k < vkey_[i - 1] - 1e-9) return false;
                k = vkey_[i - 1];
            }
            vkey_[i] = k;
        }
        if (eye_vertex) {
            end_key_ = vkey_[count - 1];
            if (!(end_key_ > kKeyEps)) return false;
        }
        for (const Point& p : rel_) points_.push_back(p);  // vertex i is point 1 + i
        return true;
    }

    // The pseudo-angle at which the polygon's edge from vertex i ends (4: back at the start).
    double edge_end_key(std::size_t i) const {
        const std::size_t j = next_vertex(i);
        return j == 0 || j >= tail_ ? 4 : vkey_[j];
    }

    // The polygon's edges over the candidates' windows that are not along a ray: the tops
    // that the candidates are tested and crossed with.
    bool read_tops() {
        const std::size_t edges = eye_vertex_ ? n() - 2 : n();
        std::size_t w = 0;
        for (std::size_t e = 0; e < edges && w < windows_.size(); ++e) {
            const std::size_t i = first_ + e, j = next_vertex(i);
            const double ka = i >= tail_ ? 4 : vkey_[i], kb = edge_end_key(i);
            while (w < windows_.size() && windows_[w].second + kKeyEps < ka) ++w;
            if (w == windows_.size() || windows_[w].first - kKeyEps > kb) continue;
            const Point a = rel_[i], b = rel_[j];
            if (along_ray(a, b)) {
                if (!(dot(a, b) > 0)) return false;
                continue;
            }
            if (!(cross(a, b) > 0)) return false;  // not a star
            Line l;
            l.a = a;
            l.b = b;
            l.p = a;
            l.d = sub(b, a);
            l.key_a = ka;
            l.key_b = kb;
            tops_.push_back(l);
        }
        return true;
    }

    // Adds the candidate piece p + s d, s in [s0, s1], unless it is seen edge-on or outside
    // the field; its index, or -1.
    int add_candidate(Point p, Point d, double s0, double s1, Effect effect, int pillar) {
        Line l;
        l.p = p;
        l.d = d;
        l.a = add(p, scale(d, s0));
        l.b = add(p, scale(d, s1));
        if (along_ray(l.a, l.b)) return -1;  // its line through the eye: no ray crosses it
        if (cross(l.a, l.b) < 0) std::swap(l.a, l.b);
        l.effect = effect;
        l.pillar = pillar;
        l.key_a = frame_.key(l.a);
        l.key_b = frame_.key(l.b);
        if (eye_vertex_ && l.key_a <= l.key_b && l.key_a > end_key_ + kKeyEps) return -1;
        candidates_.push_back(l);
        return static_cast<int>(candidates_.size()) - 1;
    }

    void add_trapezoid(const Trapezoid& t) {
        const Point p = sub(t.wall.a, eye_), d = sub(t.wall.b, t.wall.a);
        const int up = add_candidate(p, d, t.t0, t.t1, Effect::Up, -1);
        if (up < 0) return;  // its image lies along the same rays
        const Point ka = scale(add(p, scale(d, t.t0)), t.k),
                    kb = scale(add(p, scale(d, t.t1)), t.k);
        candidates_[up].pair = add_candidate(ka, sub(kb, ka), 0, 1, Effect::Down, -1);
    }

    bool add_pillar(const Polygon& poly) {
        const int id = static_cast<int>(inside_.size());
        bool in = false;
        auto add_ring = [&](const Ring& r) {
            for (std::size_t i = 0, m = r.size(); i < m; ++i) {
                const Point q0 = sub(r[i], eye_), q1 = sub(r[(i + 1) % m], eye_);
                // An eye on the pillar's boundary: rays would enter it without crossing an edge.
                if (plane::segment_distance({0, 0}, q0, q1) <= tol_) return false;
                if ((q0.y > 0) != (q1.y > 0) && q0.x - q0.y * (q1.x - q0.x) / (q1.y - q0.y) > 0)
                    in = !in;  // even-odd rule for the eye (the origin)
                // The line as add_trapezoid makes it from the same edge, to the last bit.
                double lo = 0, hi = 0;
                const Point d = sub(r[(i + 1) % m], r[i]);
                if (plane::disc_part(q0, d, range_, lo, hi))
                    add_candidate(q0, d, lo, hi, Effect::Toggle, id);
            }
            return true;
        };
        if (!add_ring(poly.shell)) return false;
        for (const Ring& h : poly.holes)
            if (!add_ring(h)) return false;
        inside_.push_back(in ? 1 : 0);
        return true;
    }

    // The candidates that come before F along some ray: the others change nothing (an image
    // lies beyond its wall side along every ray, so it goes with it).
    void cull() {
        std::vector<char>& keep = keep_;
        keep.assign(candidates_.size(), 0);
        for (std::size_t i = 0; i < candidates_.size(); ++i) {
            const Line& l = candidates_[i];
            if (l.effect == Effect::Down) continue;  // decided with its wall side
            keep[i] = before_top(l);
            if (keep[i] && l.pair >= 0) keep[l.pair] = before_top(candidates_[l.pair]);
        }
        for (std::size_t i = 0; i < candidates_.size(); ++i)
            if (keep[i]) lines_.push_back(candidates_[i]);
    }

    // Whether l comes at or before F along some ray (a conservative test). The first such ray
    // is l's first ray, one where F jumps outwards (a top's first vertex), or one where l
    // crosses or touches a top: each is tested.
    bool before_top(const Line& l) const {
        bool hit = false;
        auto test = [&](const Line& t, double lo, double hi) {
            if (hit) return;
            if (t.key_a >= lo && t.key_a <= hi) {
                const double den = cross(t.a, l.d);
                const double lambda = den == 0 ? -1 : cross(l.p, l.d) / den;  // l at λ t.a
                if (lambda > 0 && lambda <= 1 + 1e-9) hit = true;
            }
            if (!hit && boxes_meet(l, t) && segments_touch(l, t)) hit = true;
        };
        auto first_ray = [&](double key) {  // F at l.a's ray, from the top over it
            auto it = std::lower_bound(tops_.begin(), tops_.end(), key,
                                       [](const Line& t, double k) { return t.key_b < k; });
            if (it == tops_.end() || it->key_a > key) return;
            const double den = cross(l.a, it->d);
            const double lambda = den == 0 ? -1 : cross(it->p, it->d) / den;  // F at λ l.a
            if (lambda >= 1 - 1e-9) hit = true;
        };
        first_ray(l.key_a);
        if (l.key_a <= l.key_b) {
            for_tops_over(l.key_a, l.key_b, [&](const Line& t) { test(t, l.key_a, l.key_b); });
        } else {  // across the frame's start
            for_tops_over(l.key_a, 4, [&](const Line& t) { test(t, l.key_a, 4); });
            for_tops_over(0, l.key_b, [&](const Line& t) { test(t, 0, l.key_b); });
        }
        return hit;
    }

    static bool segments_touch(const Line& p, const Line& q) {
        const double o1 = plane::orient(p.a, p.b, q.a), o2 = plane::orient(p.a, p.b, q.b);
        const double o3 = plane::orient(q.a, q.b, p.a), o4 = plane::orient(q.a, q.b, p.b);
        return ((o1 <= 0 && o2 >= 0) || (o1 >= 0 && o2 <= 0)) &&
               ((o3 <= 0 && o4 >= 0) || (o3 >= 0 && o4 <= 0));
    }

    static bool boxes_meet(const Line& p, const Line& q) {
        return std::max(p.a.x, p.b.x) >= std::min(q.a.x, q.b.x) &&
               std::max(q.a.x, q.b.x) >= std::min(p.a.x, p.b.x) &&
               std::max(p.a.y, p.b.y) >= std::min(q.a.y, q.b.y) &&
               std::max(q.a.y, q.b.y) >= std::min(p.a.y, p.b.y);
    }

    // The tops over the pseudo-angles [lo, hi] (tops are in the order of their keys).
    template <typename F>
    void for_tops_over(double lo, double hi, F&& f) const {
        auto it = std::lower_bound(tops_.begin(), tops_.end(), lo,
                                   [](const Line& t, double k) { return t.key_b < k; });
        for (; it != tops_.end() && it->key_a <= hi; ++it) f(*it);
    }

    // --- 2. Critical directions -------------------------------------------------------------

    bool in_field(double key) const { return !eye_vertex_ || key <= end_key_ + kKeyEps; }

    // The pseudo-angles that the lines span, merged.
    void find_windows(const std::vector<Line>& lines) {
        windows_.clear();
        for (const Line& l : lines) {
            if (l.key_a <= l.key_b) {
                windows_.push_back({l.key_a, l.key_b});
            } else {
                windows_.push_back({l.key_a, 4});
                windows_.push_back({0, l.key_b});
            }
        }
        std::sort(windows_.begin(), windows_.end());
        std::size_t kept = 0;
        for (const auto& w : windows_) {
            if (kept > 0 && w.first <= windows_[kept - 1].second + kKeyEps) {
                windows_[kept - 1].second = std::max(windows_[kept - 1].second, w.second);
            } else {
                windows_[kept++] = w;
            }
        }
        windows_.resize(kept);
    }

    // Adds the direction where p and q properly cross, if they do.
    void add_crossing(const Line& p, const Line& q) {
        const double o1 = plane::orient(p.a, p.b, q.a), o2 = plane::orient(p.a, p.b, q.b);
        if (!((o1 < 0 && o2 > 0) || (o1 > 0 && o2 < 0))) return;
        const double o3 = plane::orient(q.a, q.b, p.a), o4 = plane::orient(q.a, q.b, p.b);
        if (!((o3 < 0 && o4 > 0) || (o3 > 0 && o4 < 0))) return;
        const Point x = add(p.a, scale(sub(p.b, p.a), o3 / (o3 - o4)));
        const double key = frame_.key(x);
        if (in_field(key)) crits_.push_back({key, x, -1, 0});
    }

    void add_crossings() {
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            auto cross_tops = [&](const Line& t) {
                if (boxes_meet(l, t)) add_crossing(l, t);
            };
            if (l.key_a <= l.key_b) {
                for_tops_over(l.key_a, l.key_b, cross_tops);
            } else {  // across the frame's start
                for_tops_over(l.key_a, 4, cross_tops);
                for_tops_over(0, l.key_b, cross_tops);
            }
            for (std::size_t j = i + 1; j < lines_.size(); ++j)
                if (boxes_meet(l, lines_[j])) add_crossing(l, lines_[j]);
        }
    }

    bool find_clusters() {
        // The lines' ends and crossings, sorted, then merged with the polygon's vertices in
        // the windows (already in order; the tail's first) and its first and last.
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (in_field(l.key_a)) crits_.push_back({l.key_a, l.a, static_cast<int>(i), 0});
            if (in_field(l.key_b)) crits_.push_back({l.key_b, l.b, static_cast<int>(i), 1});
        }
        add_crossings();
        auto by_key = [](const Crit& l, const Crit& r) { return l.key < r.key; };
        std::sort(crits_.begin(), crits_.end(), by_key);
        const auto others = static_cast<std::ptrdiff_t>(crits_.size());
        for (std::size_t i = tail_; i < n(); ++i)
            crits_.push_back({0, rel_[i], -2, static_cast<int>(i)});
        std::size_t w = 0;
        const std::size_t last = eye_vertex_ ? n() - 1 : n();
        for (std::size_t i = first_; i < std::min(tail_, n()); ++i) {
            const double k = vkey_[i];
            while (w < windows_.size() && windows_[w].second + kKeyEps < k) ++w;
            const bool in_window = w < windows_.size() && windows_[w].first - kKeyEps <= k;
            if (i == first_ || i == last || in_window)
                crits_.push_back({k, rel_[i], -2, static_cast<int>(i)});
        }
        merged_.resize(crits_.size());  // a merge into scratch: inplace_merge would allocate
        std::merge(crits_.begin(), crits_.begin() + others, crits_.begin() + others, crits_.end(),
                   merged_.begin(), by_key);
        crits_.swap(merged_);
        vertex_cluster_.assign(n(), -1);
        bool has_vertex = false;
        for (std::size_t i = 0; i < crits_.size(); ++i) {
            const Crit& c = crits_[i];
            if (i == 0 || c.key - crits_[i - 1].key > kKeyEps) {
                clusters_.push_back({c.key, c.dir});
                has_vertex = false;
            }
            const int k = static_cast<int>(clusters_.size()) - 1;
            if (c.line == -2) {
                if (!has_vertex) clusters_[k].dir = c.dir;  // the polygon's own direction
                has_vertex = true;
                vertex_cluster_[c.end] = k;
            } else if (c.line >= 0) {
                (c.end == 0 ? lines_[c.line].ca : lines_[c.line].cb) = k;
            }
        }
        ncl_ = static_cast<int>(clusters_.size());
        if (vertex_cluster_[first_] != 0) return false;
        last_ = eye_vertex_ ? vertex_cluster_[n() - 1] : ncl_;
        intervals_ = eye_vertex_ ? last_ : ncl_;
        return intervals_ > 0 && (!eye_vertex_ || last_ == ncl_ - 1);
    }

    // --- 3. Cells ---------------------------------------------------------------------------

    int next_cluster(int c) const { return c + 1 < ncl_ ? c + 1 : 0; }
    int nlines() const { return static_cast<int>(lines_.size()); }
    int edge_side(std::size_t e) const { return nlines() + static_cast<int>(e); }

    // Each interval's chain of the polygon's edges: the edge over its start and the one over
    // its end. A vertex lies on a cluster's ray (2c) or inside an interval (2k + 1); the edge
    // over the start of interval k leaves the last vertex at or before ray k, the edge over its
    // end leaves the last vertex before ray k + 1.
    bool assign_tops() {
        pos_.assign(n(), 0);
        int k = 0;  // the last cluster at or before the vertex
        for (std::size_t i = first_; i < n(); ++i) {
            if (i >= tail_) {
                pos_[i] = 2 * ncl_;  // on the first ray, a turn later
            } else if (vertex_cluster_[i] >= 0) {
                k = vertex_cluster_[i];
                pos_[i] = 2 * k;
            } else {
                while (k + 1 < ncl_ && clusters_[k + 1].key <= vkey_[i]) ++k;
                pos_[i] = 2 * k + 1;
            }
            if (i > first_ && pos_[i] < pos_[i - 1]) return false;
        }
        at_or_before_.assign(ncl_ + 1, -1);
        before_.assign(ncl_ + 1, -1);
        std::size_t i = first_;
        int last_before = -1;
        for (int c = 0; c <= ncl_; ++c) {
            while (i < n() && pos_[i] < 2 * c) last_before = static_cast<int>(i++);
            before_[c] = last_before;
            std::size_t j = i;
            int last_at = last_before;
            while (j < n() && pos_[j] <= 2 * c) last_at = static_cast<int>(j++);
            at_or_before_[c] = last_at;
        }
        top_first_.assign(intervals_, -1);
        top_last_.assign(intervals_, -1);
        for (int j = 0; j < intervals_; ++j) {
            top_first_[j] = at_or_before_[j];
            top_last_[j] = before_[j + 1];
            if (top_first_[j] < 0 || top_last_[j] < 0) return false;
        }
        return true;
    }

    // The line of a cell side, and its ends' clusters and point indexes.
    struct SideView {
        Point a, b, p, d;
        int ca, cb, pa, pb;
        Line* line;  // a boundary segment's (its points are cached there)
    };

    SideView side(int id) {
        if (id < nlines()) {
            Line& l = lines_[id];
            return {l.a, l.b, l.p, l.d, l.ca, l.cb, l.pa, l.pb, &l};
        }
        const std::size_t i = static_cast<std::size_t>(id - nlines()), j = next_vertex(i);
        return {rel_[i],
                rel_[j],
                rel_[i],
                sub(rel_[j], rel_[i]),
                vertex_cluster_[i],
                vertex_cluster_[j],
                1 + static_cast<int>(i),
                1 + static_cast<int>(j),
                nullptr};
    }

    // The index of the point of side `id` on cluster c's ray: its end if that lies there.
    int point_on(int id, int c) {
        const SideView s = side(id);
        if (s.ca == c) {
            if (s.line == nullptr) return s.pa;
            if (s.line->pa < 0) s.line->pa = add_point(s.a);
            return s.line->pa;
        }
        if (s.cb == c) {
            if (s.line == nullptr) return s.pb;
            if (s.line->pb < 0) s.line->pb = add_point(s.b);
            return s.line->pb;
        }
        const Point u = clusters_[c].dir;
        return add_point(scale(u, cross(s.p, s.d) / cross(u, s.d)));
    }

    int add_point(Point p) {
        points_.push_back(p);
        return static_cast<int>(points_.size()) - 1;
    }

    // The distance along `u` (unit) to a line; infinity when parallel.
    static double along(Point p, Point d, Point u) {
        const double den = cross(u, d);
        if (den == 0) return std::numeric_limits<double>::infinity();
        return cross(p, d) / den;
    }

    bool make_cells() {
        // Activity events, as in sweep.cpp: a line is active from cluster ca to cluster cb,
        // in two flat arrays indexed by cluster.
        start_at_.assign(ncl_ + 1, 0);
        end_at_.assign(ncl_ + 1, 0);
        active_.clear();
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (l.ca >= 0 && l.ca == l.cb) continue;
            if (l.key_a > l.key_b) active_.push_back(static_cast<int>(i));  // spans the start
            if (l.ca >= 0) ++start_at_[l.ca + 1];
            if (l.cb >= 0) ++end_at_[l.cb + 1];
        }
        for (int c = 0; c < ncl_; ++c) {
            start_at_[c + 1] += start_at_[c];
            end_at_[c + 1] += end_at_[c];
        }
        starts_.assign(start_at_[ncl_], 0);
        ends_.assign(end_at_[ncl_], 0);
        fill_s_.assign(start_at_.begin(), start_at_.end() - 1);
        fill_e_.assign(end_at_.begin(), end_at_.end() - 1);
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const Line& l = lines_[i];
            if (l.ca >= 0 && l.ca == l.cb) continue;
            if (l.ca >= 0) starts_[fill_s_[l.ca]++] = static_cast<int>(i);
            if (l.cb >= 0) ends_[fill_e_[l.cb]++] = static_cast<int>(i);
        }
        parity_ = inside_;
        int odd = static_cast<int>(std::count(inside_.begin(), inside_.end(), 1));
        cell_begin_.assign(intervals_ + 1, 0);
        for (int k = 0; k < intervals_; ++k) {
            for (int e = end_at_[k]; e < end_at_[k + 1]; ++e) {
                auto it = std::find(active_.begin(), active_.end(), ends_[e]);
                if (it != active_.end()) active_.erase(it);
            }
            for (int e = start_at_[k]; e < start_at_[k + 1]; ++e) active_.push_back(starts_[e]);
            cell_begin_[k] = static_cast<int>(cells_.size());
            const int first_top = edge_side(static_cast<std::size_t>(top_first_[k]));
            const int last_top = edge_side(static_cast<std::size_t>(top_last_[k]));
            const int k1 = next_cluster(k);
            if (active_.empty()) {  // the polygon alone, or nothing (the eye in a pillar)
                if (odd == 0)
                    cells_.push_back({kEye, first_top, last_top, 0, 0, point_on(first_top, k),
                                      point_on(last_top, k1)});
                continue;
            }
            if (first_top != last_top) return false;  // a vertex within: not in a window
            const double dk =
                (k1 > k ? clusters_[k1].key : 4 + clusters_[k1].key) - clusters_[k].key;
            const Point u = inside_direction(clusters_[k].dir, clusters_[k1].dir, dk);
            const SideView top = side(first_top);
            const double t_top = along(top.p, top.d, u);
            order_.clear();
            for (int i : active_) {
                const double t = along(lines_[i].p, lines_[i].d, u);
                if (t > 0 && t < t_top) order_.push_back({t, i});
            }
            std::sort(order_.begin(), order_.end());
            int depth = 0;
            int bottom = kEye;
            double bottom_t = 0;
            bool seen = odd == 0;
            auto emit = [&](int top_side, double top_t) {
                if (!(top_t > bottom_t)) return;  // no length along the middle ray
                const int b0 = bottom == kEye ? 0 : point_on(bottom, k);
                const int b1 = bottom == kEye ? 0 : point_on(bottom, k1);
                const int t0 = point_on(top_side, k), t1 = point_on(top_side, k1);
                cells_.push_back({bottom, top_side, top_side, b0, b1, t0, t1});
            };
            for (const auto& [t, i] : order_) {
                const Line& l = lines_[i];
                if (l.effect == Effect::Up) ++depth;
                if (l.effect == Effect::Down) --depth;
                if (l.effect == Effect::Toggle) {
                    parity_[l.pillar] ^= 1;
                    odd += parity_[l.pillar] ? 1 : -1;
                }
                const bool now = depth <= 0 && odd == 0;
                if (seen && !now) emit(i, t);
                if (!seen && now) {
                    bottom = i;
                    bottom_t = t;
                }
                seen = now;
            }
            if (seen) emit(first_top, t_top);
            for (const auto& [t, i] : order_) {  // undo the toggles for the next interval
                const Line& l = lines_[i];
                if (l.effect == Effect::Toggle) {
                    parity_[l.pillar] ^= 1;
                    odd += parity_[l.pillar] ? 1 : -1;
                }
            }
        }
        cell_begin_[intervals_] = static_cast<int>(cells_.size());
        return true;
    }

    // --- 4. Rays ----------------------------------------------------------------------------

    void add_edge(int from, int to, int side) {
        if (from != to) edges_.push_back({from, to, side, side});
    }

    // A cell's top: one side, or a chain of the polygon's edges from t0 to t1 (its inner
    // vertices as one edge).
    void add_top_edges(const Cell& cell) {
        if (cell.top == cell.top_last) {
            add_edge(cell.t0, cell.t1, cell.top);
            return;
        }
        const std::size_t e0 = static_cast<std::size_t>(cell.top - nlines());
        const std::size_t e1 = static_cast<std::size_t>(cell.top_last - nlines());
        const std::size_t v0 = next_vertex(e0);  // the chain's first and last vertex
        add_edge(cell.t0, 1 + static_cast<int>(v0), cell.top);
        if (v0 != e1)
            edges_.push_back({1 + static_cast<int>(v0), 1 + static_cast<int>(e1), edge_side(v0),
                              edge_side(e1 == 0 ? n() - 1 : e1 - 1), static_cast<int>(v0)});
        add_edge(1 + static_cast<int>(e1), cell.t1, cell.top_last);
    }

    // Joins the cells before and after cluster c's ray (see the file's comment, step 4).
    bool join_at(int c) {
        const bool has_left = !eye_vertex_ || c > 0;
        const bool has_right = !eye_vertex_ || c < last_;
        const int lk = has_left ? (c > 0 ? c - 1 : ncl_ - 1) : -1;
        const int rk = has_right ? c : -1;
        const int l0 = has_left ? cell_begin_[lk] : 0, l1 = has_left ? cell_begin_[lk + 1] : 0;
        const int r0 = has_right ? cell_begin_[rk] : 0, r1 = has_right ? cell_begin_[rk + 1] : 0;
        const int radial = -2 - c;
        const Point u = unit(clusters_[c].dir);
        // One cell from the eye on each side: the ray between their tops, if they end apart.
        if (l1 - l0 == 1 && r1 - r0 == 1 && cells_[l0].bottom == kEye &&
            cells_[r0].bottom == kEye) {
            int& lt = cells_[l0].t1;
            int& rt = cells_[r0].t0;
            if (lt == rt) return true;
            const double dl = dot(points_[lt], u), dr = dot(points_[rt], u);
            if (std::abs(dl - dr) <= tol_) {
                if (rt <= static_cast<int>(n()) && lt > static_cast<int>(n())) {
                    lt = rt;  // a vertex of the polygon wins
                } else {
                    rt = lt;
                }
                return true;
            }
            add_edge(lt, rt, radial);
            return true;
        }
        if (same_cells(l0, l1, r0, r1, u)) return true;
        entries_.clear();
        auto add_entry = [&](int* ref, int side) {
            entries_.push_back({dot(points_[*ref], u), ref, side});
        };
        for (int i = l0; i < l1; ++i) {
            add_entry(&cells_[i].b1, 0);
            add_entry(&cells_[i].t1, 0);
        }
        for (int i = r0; i < r1; ++i) {
            add_entry(&cells_[i].b0, 1);
            add_entry(&cells_[i].t0, 1);
        }
        // Ranks: the order along the ray, points within the tolerance merged into the first's
        // (the eye's, if there).
        sorted_.resize(entries_.size());
        for (std::size_t i = 0; i < sorted_.size(); ++i) {  // insertion sort: a few, nearly sorted
            const int v = static_cast<int>(i);
            std::size_t j = i;
            for (; j > 0 && entries_[sorted_[j - 1]].dist > entries_[v].dist; --j)
                sorted_[j] = sorted_[j - 1];
            sorted_[j] = v;
        }
        rank_.assign(entries_.size(), 0);
        rep_.clear();
        double group_start = 0;
        for (std::size_t s = 0; s < sorted_.size(); ++s) {
            const Entry& e = entries_[sorted_[s]];
            if (s == 0 || e.dist - group_start > tol_) {
                rep_.push_back(*e.ref);
                group_start = e.dist;
            } else if (*e.ref == 0) {
                rep_.back() = 0;  // the eye stays the eye
            }
            rank_[sorted_[s]] = static_cast<int>(rep_.size()) - 1;
        }
        // Each side's cells must keep their order along the ray (ends may meet).
        for (int side = 0; side < 2; ++side) {
            int prev = 0;
            for (std::size_t i = 0; i < entries_.size(); ++i) {
                if (entries_[i].side != side) continue;
                if (rank_[i] < prev) return false;
                prev = rank_[i];
            }
        }
        // Boundary where one side covers the ray and the other not.
        const int groups = static_cast<int>(rep_.size());
        delta_l_.assign(groups + 1, 0);
        delta_r_.assign(groups + 1, 0);
        for (std::size_t i = 0; i + 1 < entries_.size(); i += 2) {
            std::vector<int>& d = entries_[i].side == 0 ? delta_l_ : delta_r_;
            ++d[rank_[i]];
            --d[rank_[i + 1]];
        }
        int cover_l = 0, cover_r = 0;
        for (int g = 0; g + 1 < groups; ++g) {
            cover_l += delta_l_[g];
            cover_r += delta_r_[g];
            if (cover_l > 1 || cover_r > 1) return false;
            if (cover_l > 0 && cover_r == 0) add_edge(rep_[g + 1], rep_[g], radial);
            if (cover_r > 0 && cover_l == 0) add_edge(rep_[g], rep_[g + 1], radial);
        }
        for (std::size_t i = 0; i < entries_.size(); ++i) *entries_[i].ref = rep_[rank_[i]];
        return true;
    }

    // The cells on both sides between the same sides, apart along the ray by more than the
    // tolerance: the ray crosses them without a boundary (their points there are computed
    // alike, and become one).
    bool same_cells(int l0, int l1, int r0, int r1, Point u) {
        if (l1 - l0 != r1 - r0) return false;
        for (int i = 0; i < l1 - l0; ++i) {
            const Cell& lc = cells_[l0 + i];
            const Cell& rc = cells_[r0 + i];
            if (lc.bottom != rc.bottom || lc.top_last != rc.top) return false;
        }
        double prev = -tol_;
        for (int i = l0; i < l1; ++i) {
            const Cell& lc = cells_[i];
            const double b = lc.bottom == kEye ? 0 : dot(points_[lc.b1], u);
            const double t = dot(points_[lc.t1], u);
            if (!(b > prev + tol_ || (lc.bottom == kEye && i == l0)) || !(t > b + tol_))
                return false;
            prev = t;
        }
        for (int i = 0; i < l1 - l0; ++i) {
            cells_[r0 + i].b0 = cells_[l0 + i].b1;
            cells_[r0 + i].t0 = cells_[l0 + i].t1;
        }
        return true;
    }

    // --- 5. Rings ---------------------------------------------------------------------------

    // Output coordinates: the polygon's own vertices as given, the others from the eye.
    Point output(int point, const std::vector<Point>& ring) const {
        if (point >= 1 && point <= static_cast<int>(n())) return ring[point - 1];
        return add(points_[point], eye_);
    }

    // The polygon's vertices strictly between vertex v0 and vertex v1 (following the ring).
    void append_chain(std::vector<Point>& ring, const std::vector<Point>& ring_in, int v0,
                      int v1) const {
        const auto from = static_cast<std::ptrdiff_t>(v0) + 1;
        const auto to = static_cast<std::ptrdiff_t>(v1);
        if (from <= to) {
            ring.insert(ring.end(), ring_in.begin() + from, ring_in.begin() + to);
        } else {  // around the end of a full ring
            ring.insert(ring.end(), ring_in.begin() + from, ring_in.end());
            ring.insert(ring.end(), ring_in.begin(), ring_in.begin() + to);
        }
    }

    std::optional<std::vector<Polygon>> assemble(const std::vector<Point>& ring_in) {
        out_.assign(points_.size(), -1);
        for (std::size_t e = 0; e < edges_.size(); ++e) {
            int& o = out_[edges_[e].from];
            if (o >= 0) return std::nullopt;  // two rings, or one twice, through a vertex
            o = static_cast<int>(e);
        }
        used_.assign(edges_.size(), 0);
        std::vector<std::vector<Point>> shells, holes;
        std::vector<double> shell_area;
        for (std::size_t e0 = 0; e0 < edges_.size(); ++e0) {
            if (used_[e0]) continue;
            std::vector<Point> ring;
            ring.reserve(points_.size());  // a bound on its vertices: one allocation
            int e = static_cast<int>(e0);
            int prev = -1;  // the edge before e; for the first, decided at the end
            do {
                used_[e] = 1;
                const Edge& ed = edges_[e];
                if (prev < 0 || edges_[prev].side_out != ed.side_in)
                    ring.push_back(output(ed.from, ring_in));
                if (ed.chain >= 0) append_chain(ring, ring_in, ed.chain, ed.to - 1);
                prev = e;
                e = out_[ed.to];
                if (e < 0 || (used_[e] && e != static_cast<int>(e0))) return std::nullopt;
            } while (e != static_cast<int>(e0));
            // The first vertex is no corner when the ring arrives along the line it leaves on.
            if (edges_[prev].side_out == edges_[e0].side_in) ring.erase(ring.begin());
            if (ring.size() < 3) return std::nullopt;
            const double area = signed_area(ring);
            if (area > 0) {
                shells.push_back(std::move(ring));
                shell_area.push_back(area);
            } else if (area < 0) {
                holes.push_back(std::move(ring));
            } else {
                return std::nullopt;
            }
        }
        std::vector<Polygon> polys(shells.size());
        for (std::vector<Point>& h : holes) {
            int best = -1;
            if (shells.size() == 1) {
                best = 0;
            } else {
                for (std::size_t i = 0; i < shells.size(); ++i) {
                    if (!plane::inside_ring(shells[i], h[0])) continue;
                    if (best < 0 || shell_area[i] < shell_area[best]) best = static_cast<int>(i);
                }
            }
            if (best < 0) return std::nullopt;
            polys[best].holes.push_back(std::move(h));
        }
        for (std::size_t i = 0; i < shells.size(); ++i) polys[i].shell = std::move(shells[i]);
        return polys;
    }

    Point eye_;
    double range_ = 0;
    double tol_ = 0;
    bool eye_vertex_ = false;
    std::size_t first_ = 0;
    std::size_t tail_ = 0;  // a full ring's vertices from here on lie on its first ray
    double end_key_ = 4;
    Frame frame_{{1, 0}};
    std::vector<Point> rel_;        // the polygon relative to the eye
    std::vector<double> vkey_;      // its vertices' pseudo-angles
    std::vector<Line> tops_;        // its edges not along a ray over the windows, in order
    std::vector<Line> candidates_;  // the boundary segments
    std::vector<Line> lines_;       // those before F somewhere
    std::vector<char> inside_;      // per pillar: the eye inside it
    std::vector<std::pair<double, double>> windows_;
    std::vector<Crit> crits_, merged_;
    std::vector<Cluster> clusters_;
    std::vector<int> vertex_cluster_;
    int ncl_ = 0, last_ = 0, intervals_ = 0;
    std::vector<int> pos_;  // per vertex: 2c on cluster c's ray, 2k + 1 inside interval k
    std::vector<int> top_first_, top_last_, at_or_before_, before_;
    std::vector<Cell> cells_;
    std::vector<int> cell_begin_;
    std::vector<Point> points_;  // the eye, the polygon's vertices, then the cells' points
    std::vector<Edge> edges_;
    // Scratch, kept between calls for its capacity.
    std::vector<char> keep_;
    std::vector<int> start_at_, end_at_, starts_, ends_, fill_s_, fill_e_, active_;
    std::vector<char> parity_;
    std::vector<std::pair<double, int>> order_;
    std::vector<Entry> entries_;
    std::vector<int> sorted_, rank_, rep_, delta_l_, delta_r_;
    std::vector<int> out_;
    std::vector<char> used_;
};

}  // namespace

std::optional<std::vector<Polygon>> subtract_shadows(
    Point eye, const std::vector<Point>& ring, bool eye_vertex, double range,
    const std::vector<const Trapezoid*>& trapezoids, const std::vector<const Polygon*>& pillars) {
    thread_local ShadowSweep sweep;  // its buffers keep their capacity between cameras
    return sweep.run(eye, range, ring, eye_vertex, trapezoids, pillars);
}

Geom make_polygons(const std::vector<Polygon>& polygons) {
    if (polygons.empty()) return make_empty_polygon();
    if (polygons.size() == 1) return make_polygon(polygons[0]);
    std::vector<Geom> parts;
    parts.reserve(polygons.size());
    for (const Polygon& p : polygons) parts.push_back(make_polygon(p));
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (Geom& g : parts) raw.push_back(g.release());  // the collection takes them
    return own(GEOSGeom_createCollection_r(ctx(), GEOS_MULTIPOLYGON, raw.data(),
                                           static_cast<unsigned int>(raw.size())),
               "multipolygon");
}

}  // namespace camaudit::geo
