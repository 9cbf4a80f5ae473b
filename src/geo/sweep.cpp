// The angular sweep behind visibility_ring (see sweep.hpp).
//
// 1. Walls are taken relative to the eye, clipped to the range disc, oriented counter-clockwise
//    as seen from the eye; walls whose line passes through the eye are dropped (edge-on).
// 2. Critical directions: wall end points, points where two walls cross, field boundaries.
//    Directions within kAngleEps of each other form one cluster.
// 3. Between two consecutive clusters no wall starts, ends or crosses another, so one wall (or
//    none: the range circle) is nearest over the whole interval; it is found at the interval's
//    middle direction among the walls active there (kept by insert/remove events).
// 4. The ring follows the nearest wall or the circle over each run of intervals; consecutive
//    runs are joined along the critical direction between them (a shadow edge).
#include "geo/sweep.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "geo/plane.hpp"

namespace camaudit::geo {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr double kDegree = kPi / 180;
constexpr double kAngleEps = 1e-11;      // directions closer than this (radians) are one
constexpr double kCollinearEps = 1e-12;  // |sin| under which a wall is seen edge-on

using plane::add;
using plane::cross;
using plane::dot;
using plane::orient;
using plane::scale;
using plane::sub;

// A wall piece inside the disc, relative to the eye; a → b runs counter-clockwise.
struct Piece {
    Point a, b;
    double alpha_a = 0, alpha_b = 0;  // angles from the field start, in [0, 2π)
    int ca = -1, cb = -1;             // clusters of a and b
};

struct Crit {
    double alpha;
    Point dir;
    int piece;      // -1: a crossing or a field boundary
    int end;        // 0: a, 1: b
    bool boundary;  // a field boundary: its direction is exact
};

struct Cluster {
    double alpha;
    Point dir;  // a direction vector (not unit)
};

// An angle difference (within ±3π) as an angle in [0, 2π); within kAngleEps of 2π it is 0.
double wrap(double a) {
    while (a < 0) a += kTwoPi;
    while (a >= kTwoPi) a -= kTwoPi;
    if (a >= kTwoPi - kAngleEps) a = 0;
    return a;
}

// Clips the relative segment a→b to the disc |p| <= r; false when nothing (of length) remains.
bool clip_to_disc(Point& a, Point& b, double r) {
    const Point d = sub(b, a);
    const double qa = dot(d, d);
    if (qa <= 0) return false;
    const double qb = dot(a, d);
    const double qc = dot(a, a) - r * r;
    const double disc = qb * qb - qa * qc;
    if (disc <= 0) return false;
    const double sq = std::sqrt(disc);
    const double lo = std::max(0.0, (-qb - sq) / qa);
    const double hi = std::min(1.0, (-qb + sq) / qa);
    if (!(hi > lo)) return false;
    const Point a0 = a;
    if (lo > 0) a = add(a0, scale(d, lo));
    if (hi < 1) b = add(a0, scale(d, hi));
    return true;
}

// Adds the directions where two pieces properly cross.
void add_crossings(const std::vector<Piece>& pieces, double start, std::vector<Crit>& crits) {
    const std::size_t n = pieces.size();
    std::vector<std::size_t> order(n);
    std::vector<double> minx(n), maxx(n);
    for (std::size_t i = 0; i < n; ++i) {
        order[i] = i;
        minx[i] = std::min(pieces[i].a.x, pieces[i].b.x);
        maxx[i] = std::max(pieces[i].a.x, pieces[i].b.x);
    }
    std::sort(order.begin(), order.end(), [&](auto l, auto r) { return minx[l] < minx[r]; });
    for (std::size_t oi = 0; oi < n; ++oi) {
        const Piece& p = pieces[order[oi]];
        const double pminy = std::min(p.a.y, p.b.y), pmaxy = std::max(p.a.y, p.b.y);
        for (std::size_t oj = oi + 1; oj < n && minx[order[oj]] <= maxx[order[oi]]; ++oj) {
            const Piece& q = pieces[order[oj]];
            if (std::max(q.a.y, q.b.y) < pminy || std::min(q.a.y, q.b.y) > pmaxy) continue;
            const double o1 = orient(p.a, p.b, q.a), o2 = orient(p.a, p.b, q.b);
            if (!((o1 < 0 && o2 > 0) || (o1 > 0 && o2 < 0))) continue;
            const double o3 = orient(q.a, q.b, p.a), o4 = orient(q.a, q.b, p.b);
            if (!((o3 < 0 && o4 > 0) || (o3 > 0 && o4 < 0))) continue;
            const Point x = add(p.a, scale(sub(p.b, p.a), o3 / (o3 - o4)));
            crits.push_back({wrap(std::atan2(x.y, x.x) - start), x, -1, 0, false});
        }
    }
}

// A conservative test that the segment a–b (relative to the eye) misses the field between the
// unit directions s and e (counter-clockwise, `width` apart): true only when it surely does.
bool outside_field(Point a, Point b, Point s, Point e, double width) {
    const bool out_s = cross(s, a) < 0 && cross(s, b) < 0;  // both right of the start line
    const bool out_e = cross(a, e) < 0 && cross(b, e) < 0;  // both left of the end line
    // A field up to π is the intersection of the two half-planes, a wider one their union.
    return width <= kPi ? (out_s || out_e) : (out_s && out_e);
}

// The point of piece `p` in the direction of cluster `c`.
Point point_on(const Piece& p, int c, const Cluster& cl) {
    if (p.ca == c) return p.a;
    if (p.cb == c) return p.b;
    const Point d = sub(p.b, p.a);
    const double den = cross(cl.dir, d);
    if (den <= 0) return dot(cl.dir, p.a) > dot(cl.dir, p.b) ? p.a : p.b;  // not reached
    return scale(cl.dir, cross(p.a, d) / den);
}

Point on_circle(Point dir, double r) { return scale(dir, r / std::hypot(dir.x, dir.y)); }

class RingBuilder {
public:
    explicit RingBuilder(double tol) : tol2_(tol * tol) {}
    void add(Point p) {
        if (!pts_.empty() && near(p, pts_.back())) return;
        pts_.push_back(p);
    }
    std::vector<Point> finish() {
        while (pts_.size() > 1 && near(pts_.front(), pts_.back())) pts_.pop_back();
        return std::move(pts_);
    }

private:
    bool near(Point a, Point b) const {
        const Point d = sub(a, b);
        return dot(d, d) <= tol2_;
    }
    double tol2_;
    std::vector<Point> pts_;
};

// A direction strictly inside the interval from cluster c0 to c1 (c1's angle `a1`, unwrapped):
// the unit bisector of |d1| d0 + |d0| d1 when the interval is under π, else by its middle angle.
Point inside_direction(const Cluster& c0, const Cluster& c1, double a1, double start) {
    if (a1 - c0.alpha < kPi - 1e-3) {
        const double n0 = std::sqrt(dot(c0.dir, c0.dir)), n1 = std::sqrt(dot(c1.dir, c1.dir));
        const Point u = add(scale(c0.dir, n1), scale(c1.dir, n0));
        return scale(u, 1 / std::sqrt(dot(u, u)));  // a unit vector: hits are distances
    }
    const double mid = start + (c0.alpha + a1) / 2;
    return {std::cos(mid), std::sin(mid)};
}

// Arc points from angle a0 (point p0) to a1 (point p1), p0 and p1 on the circle.
void add_arc(RingBuilder& ring, double start, double a0, double a1, Point p0, Point p1, double r) {
    const int n = arc_chords(a1 - a0);
    ring.add(p0);
    const double step = (a1 - a0) / n;
    const double c = std::cos(step), s = std::sin(step);
    Point p{r * std::cos(start + a0), r * std::sin(start + a0)};
    for (int k = 1; k < n; ++k) {  // rotations by `step`: drift ~1e-16 r per chord
        p = {c * p.x - s * p.y, s * p.x + c * p.y};
        ring.add(p);
    }
    ring.add(p1);
}

double signed_area(const std::vector<Point>& ring) {
    double s = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) s += cross(ring[i], ring[(i + 1) % n]);
    return s / 2;
}

}  // namespace

int arc_chords(double angle) {
    const int n = static_cast<int>(std::ceil(angle / kDegree - 1e-9));
    return std::max(1, n);
}

std::vector<Point> visibility_ring(Point eye, double range, const AngularField& field,
                                   const std::vector<Segment>& walls) {
    if (!(range > 0)) return {};
    const bool full = field.full || field.width >= kTwoPi;
    const double width = full ? kTwoPi : field.width;
    if (!(width > kAngleEps)) return {};
    // 1. Pieces relative to the eye, inside the disc, counter-clockwise, not edge-on, and not
    //    plainly outside a partial field.
    const Point s_dir{std::cos(field.start), std::sin(field.start)};
    const Point e_dir{std::cos(field.start + width), std::sin(field.start + width)};
    std::vector<Piece> pieces;
    pieces.reserve(walls.size());
    for (const Segment& s : walls) {
        Point a = sub(s.a, eye), b = sub(s.b, eye);
        if (!full && outside_field(a, b, s_dir, e_dir, width)) continue;
        if (!clip_to_disc(a, b, range)) continue;
        const double c = cross(a, b);
        if (c * c <= kCollinearEps * kCollinearEps * dot(a, a) * dot(b, b)) continue;
        if (c < 0) std::swap(a, b);
        pieces.push_back({a, b});
    }
    const double start =
        full ? (pieces.empty() ? 0.0 : std::atan2(pieces[0].a.y, pieces[0].a.x)) : field.start;

    RingBuilder ring(1e-9 * std::max(1.0, range));
    // 2. Critical directions. Pieces wholly outside a partial field are dropped first.
    std::vector<Crit> crits;
    {
        std::vector<Piece> kept;
        kept.reserve(pieces.size());
        for (Piece& p : pieces) {
            p.alpha_a = wrap(std::atan2(p.a.y, p.a.x) - start);
            p.alpha_b = wrap(std::atan2(p.b.y, p.b.x) - start);
            if (full || p.alpha_a > p.alpha_b || p.alpha_a < width) kept.push_back(p);
        }
        pieces.swap(kept);
    }
    crits.reserve(2 * pieces.size() + 2);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        crits.push_back({pieces[i].alpha_a, pieces[i].a, static_cast<int>(i), 0, false});
        crits.push_back({pieces[i].alpha_b, pieces[i].b, static_cast<int>(i), 1, false});
    }
    add_crossings(pieces, start, crits);
    if (!full) {
        crits.push_back({0.0, {std::cos(start), std::sin(start)}, -1, 0, true});
        crits.push_back(
            {width, {std::cos(start + width), std::sin(start + width)}, -1, 0, true});
    }
    if (crits.empty()) {  // a full disc
        add_arc(ring, 0, 0, kTwoPi, {range, 0}, {range, 0}, range);
        std::vector<Point> disc = ring.finish();
        for (Point& p : disc) p = add(p, eye);
        return disc;
    }
    std::sort(crits.begin(), crits.end(),
              [](const Crit& l, const Crit& r) { return l.alpha < r.alpha; });

    // Clusters of (nearly) equal directions; the end of a partial field is `last`.
    std::vector<Cluster> clusters;
    int last = -1;
    for (std::size_t i = 0; i < crits.size(); ++i) {
        const Crit& c = crits[i];
        if (i == 0 || c.alpha - crits[i - 1].alpha > kAngleEps) clusters.push_back({c.alpha, c.dir});
        const int k = static_cast<int>(clusters.size()) - 1;
        if (c.boundary) {
            clusters[k] = {c.alpha, c.dir};
            if (c.alpha > 0) last = k;
        }
        if (c.piece >= 0) (c.end == 0 ? pieces[c.piece].ca : pieces[c.piece].cb) = k;
    }
    const int nc = static_cast<int>(clusters.size());
    const int intervals = full ? nc : last;
    if (intervals <= 0) return {};

    // 3. The nearest piece over each interval (-1: the range circle).
    // Insert and remove events per cluster, in two flat arrays indexed by cluster (CSR).
    std::vector<int> start_at(nc + 1, 0), end_at(nc + 1, 0);
    for (const Piece& p : pieces) {
        if (p.ca == p.cb) continue;  // within one direction: seen edge-on
        ++start_at[p.ca + 1];
        ++end_at[p.cb + 1];
    }
    for (int c = 0; c < nc; ++c) {
        start_at[c + 1] += start_at[c];
        end_at[c + 1] += end_at[c];
    }
    std::vector<int> starts(start_at[nc]), ends(end_at[nc]);
    // The active pieces, nearest first by their distance from the eye, so that the search for
    // the nearest piece along a ray stops at the first piece that cannot beat the best hit.
    std::vector<double> near(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i)
        near[i] = plane::segment_distance({0, 0}, pieces[i].a, pieces[i].b);
    std::vector<int> active;
    auto by_near = [&](int l, int r) { return near[l] < near[r]; };
    auto activate = [&](int i) {
        active.insert(std::upper_bound(active.begin(), active.end(), i, by_near), i);
    };
    auto deactivate = [&](int i) {
        auto it = std::lower_bound(active.begin(), active.end(), i, by_near);
        while (it != active.end() && *it != i) ++it;
        if (it != active.end()) active.erase(it);
    };
    {
        std::vector<int> fill_s(start_at.begin(), start_at.end() - 1);
        std::vector<int> fill_e(end_at.begin(), end_at.end() - 1);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const Piece& p = pieces[i];
            if (p.ca == p.cb) continue;
            starts[fill_s[p.ca]++] = static_cast<int>(i);
            ends[fill_e[p.cb]++] = static_cast<int>(i);
            if (p.ca > p.cb) activate(static_cast<int>(i));  // spans the start direction
        }
    }
    std::vector<int> nearest(intervals, -1);
    for (int k = 0; k < intervals; ++k) {
        for (int e = end_at[k]; e < end_at[k + 1]; ++e) deactivate(ends[e]);
        for (int e = start_at[k]; e < start_at[k + 1]; ++e) activate(starts[e]);
        const int k1 = k + 1 < nc ? k + 1 : 0;
        const double next = k + 1 < nc ? clusters[k1].alpha : kTwoPi + clusters[0].alpha;
        const Point u = inside_direction(clusters[k], clusters[k1], next, start);
        double best = std::numeric_limits<double>::infinity();
        for (int i : active) {
            if (near[i] >= best) break;
            const Point d = sub(pieces[i].b, pieces[i].a);
            const double den = cross(u, d);
            if (den <= 0) continue;
            const double t = cross(pieces[i].a, d) / den;
            if (t < best) {
                best = t;
                nearest[k] = i;
            }
        }
    }

    // 4. Runs of intervals with the same nearest piece. A full field starts at a change.
    int first = 0;
    if (full) {
        while (first < intervals && nearest[first] == nearest[(first + intervals - 1) % intervals])
            ++first;
        if (first == intervals) first = 0;  // one piece all round: only the circle can be
    } else {
        ring.add({0, 0});
    }
    auto alpha_of = [&](int k) {  // the angle of interval boundary k (k may reach `intervals`)
        return k < nc ? clusters[k].alpha : kTwoPi + clusters[k - nc].alpha;
    };
    for (int done = 0; done < intervals;) {
        const int k0 = (first + done) % intervals;
        const int piece = nearest[k0];
        int len = 1;
        while (done + len < intervals && nearest[(k0 + len) % intervals] == piece) ++len;
        done += len;
        const int k1 = k0 + len;  // unwrapped: its angle may exceed 2π
        const int c1 = k1 % nc;
        const Cluster& from = clusters[k0];
        const Cluster& to = clusters[c1];
        if (piece >= 0) {
            ring.add(point_on(pieces[piece], k0, from));
            ring.add(point_on(pieces[piece], c1, to));
        } else {
            add_arc(ring, start, alpha_of(k0), alpha_of(k1), on_circle(from.dir, range),
                    on_circle(to.dir, range), range);
        }
    }
    std::vector<Point> out = ring.finish();
    if (out.size() < 3 || !(signed_area(out) > 0)) return {};
    for (Point& p : out) p = add(p, eye);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    while (out.size() > 1 && out.front() == out.back()) out.pop_back();
    if (out.size() < 3) return {};
    return out;
}

}  // namespace camaudit::geo
