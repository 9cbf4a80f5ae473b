// The angular sweep behind visibility_ring (see sweep.hpp).
//
// 1. Walls are taken relative to the eye, clipped to the range disc, oriented counter-clockwise
//    as seen from the eye; walls whose line passes through the eye are dropped (edge-on).
// 2. Critical directions: wall end points, points where two walls cross, field boundaries.
//    They are ordered by a pseudo-angle (monotone in the angle, no trigonometry) from the field's
//    start; directions within kKeyEps of each other form one cluster.
// 3. Between two consecutive clusters no wall starts, ends or crosses another, so one wall (or
//    none: the range circle) is nearest over the whole interval; it is found along a direction
//    inside the interval among the walls active there (kept by insert/remove events).
// 4. The ring follows the nearest wall or the circle over each run of intervals; consecutive
//    runs are joined along the critical direction between them (a shadow edge).
#include "geo/sweep.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "geo/directions.hpp"
#include "geo/plane.hpp"

namespace camaudit::geo {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr double kDegree = kPi / 180;
constexpr double kAngleEps = 1e-11;      // a field narrower than this (radians) sees nothing
constexpr double kCollinearEps = 1e-12;  // |sin| under which a wall is seen edge-on

using directions::ccw_angle;
using directions::Frame;
using directions::inside_direction;
using directions::kKeyEps;
using directions::unit;
using plane::add;
using plane::cross;
using plane::dot;
using plane::orient;
using plane::scale;
using plane::sub;

// A wall piece inside the disc, relative to the eye; a → b runs counter-clockwise.
struct Piece {
    Point a, b;
    double key_a = 0, key_b = 0;  // pseudo-angles from the field start
    int ca = -1, cb = -1;         // clusters of a and b
};

struct Crit {
    double key;
    Point dir;
    int piece;      // -1: a crossing or a field boundary
    int end;        // 0: a, 1: b
    bool boundary;  // a field boundary: its direction is exact
};

struct Cluster {
    double key;
    Point dir;  // a direction vector (not unit)
};

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

// A conservative test that the segment a–b (relative to the eye) misses the field between the
// unit directions s and e (counter-clockwise, `width` apart): true only when it surely does.
bool outside_field(Point a, Point b, Point s, Point e, double width) {
    const bool out_s = cross(s, a) < 0 && cross(s, b) < 0;  // both right of the start line
    const bool out_e = cross(a, e) < 0 && cross(b, e) < 0;  // both left of the end line
    // A field up to π is the intersection of the two half-planes, a wider one their union.
    return width <= kPi ? (out_s || out_e) : (out_s && out_e);
}

// Adds the directions where two pieces properly cross.
void add_crossings(const std::vector<Piece>& pieces, const Frame& frame, std::vector<Crit>& crits) {
    struct Box {
        double minx, maxx, miny, maxy;
        std::size_t i;
    };
    std::vector<Box> boxes;
    boxes.reserve(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& p = pieces[i];
        boxes.push_back({std::min(p.a.x, p.b.x), std::max(p.a.x, p.b.x), std::min(p.a.y, p.b.y),
                         std::max(p.a.y, p.b.y), i});
    }
    std::sort(boxes.begin(), boxes.end(),
              [](const Box& l, const Box& r) { return l.minx < r.minx; });
    for (std::size_t bi = 0; bi < boxes.size(); ++bi) {
        const Box& pb = boxes[bi];
        const Piece& p = pieces[pb.i];
        for (std::size_t bj = bi + 1; bj < boxes.size() && boxes[bj].minx <= pb.maxx; ++bj) {
            const Box& qb = boxes[bj];
            if (qb.maxy < pb.miny || qb.miny > pb.maxy) continue;
            const Piece& q = pieces[qb.i];
            const double o1 = orient(p.a, p.b, q.a), o2 = orient(p.a, p.b, q.b);
            if (!((o1 < 0 && o2 > 0) || (o1 > 0 && o2 < 0))) continue;
            const double o3 = orient(q.a, q.b, p.a), o4 = orient(q.a, q.b, p.b);
            if (!((o3 < 0 && o4 > 0) || (o3 > 0 && o4 < 0))) continue;
            const Point x = add(p.a, scale(sub(p.b, p.a), o3 / (o3 - o4)));
            crits.push_back({frame.key(x), x, -1, 0, false});
        }
    }
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

class RingBuilder {
  public:
    explicit RingBuilder(double tol) : tol2_(tol * tol) {}
    void add(Point p) {
        if (!pts_.empty() && near(p, pts_.back())) return;
        pts_.push_back(p);
    }
    // The arc of radius r from direction d0 counter-clockwise by `angle`, ending at d1.
    void arc(Point d0, Point d1, double angle, double r) {
        const int n = arc_chords(angle);
        const double step = angle / n;
        const double c = std::cos(step), s = std::sin(step);
        Point p = scale(unit(d0), r);
        add(p);
        for (int k = 1; k < n; ++k) {  // rotations by `step`: drift ~1e-16 r per chord
            p = {c * p.x - s * p.y, s * p.x + c * p.y};
            add(p);
        }
        add(scale(unit(d1), r));
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

double signed_area(const std::vector<Point>& ring) {
    double s = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) s += cross(ring[i], ring[(i + 1) % n]);
    return s / 2;
}

// Translates a relative ring back to the eye; empty when it has no area.
std::vector<Point> finish_ring(std::vector<Point> out, Point eye) {
    if (out.size() < 3 || !(signed_area(out) > 0)) return {};
    for (Point& p : out) p = add(p, eye);
    out.erase(std::unique(out.begin(), out.end()), out.end());
    while (out.size() > 1 && out.front() == out.back()) out.pop_back();
    if (out.size() < 3) return {};
    return out;
}

}  // namespace

int arc_chords(double angle) {
    const int n = static_cast<int>(std::ceil(angle / kDegree - 1e-9));
    return std::max(1, n);
}

std::vector<Point> visibility_ring(Point eye, double range, const AngularField& field,
                                   const std::vector<Segment>& walls) {
    if (!(range > 0)) return {};
    const bool full = field.full || field.width >= kTwoPi - 1e-9;
    const double width = full ? kTwoPi : field.width;
    if (!(width > kAngleEps)) return {};
    RingBuilder ring(1e-9 * std::max(1.0, range));

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
    if (full && pieces.empty()) {  // a full disc
        ring.arc({1, 0}, {1, 0}, kTwoPi, range);
        return finish_ring(ring.finish(), eye);
    }
    // A full field starts at a wall's end point: no cut of the circle that is not needed.
    const Frame frame{full ? unit(pieces[0].a) : s_dir};
    const double end_key = full ? 4 : frame.key(e_dir);
    if (!full && !(end_key > kKeyEps)) return {};

    // 2. Critical directions. Pieces wholly outside a partial field are dropped first.
    std::size_t kept = 0;
    for (Piece& p : pieces) {
        p.key_a = frame.key(p.a);
        p.key_b = frame.key(p.b);
        if (full || p.key_a > p.key_b || p.key_a < end_key) pieces[kept++] = p;
    }
    pieces.resize(kept);
    std::vector<Crit> crits;
    crits.reserve(3 * pieces.size() + 2);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        crits.push_back({pieces[i].key_a, pieces[i].a, static_cast<int>(i), 0, false});
        crits.push_back({pieces[i].key_b, pieces[i].b, static_cast<int>(i), 1, false});
    }
    add_crossings(pieces, frame, crits);
    if (!full) {
        crits.push_back({0.0, s_dir, -1, 0, true});
        crits.push_back({end_key, e_dir, -1, 0, true});
    }
    std::sort(crits.begin(), crits.end(),
              [](const Crit& l, const Crit& r) { return l.key < r.key; });

    // Clusters of (nearly) equal directions; the end of a partial field is `last`.
    std::vector<Cluster> clusters;
    int last = -1;
    for (std::size_t i = 0; i < crits.size(); ++i) {
        const Crit& c = crits[i];
        if (i == 0 || c.key - crits[i - 1].key > kKeyEps) clusters.push_back({c.key, c.dir});
        const int k = static_cast<int>(clusters.size()) - 1;
        if (c.boundary) {
            clusters[k] = {c.key, c.dir};
            if (c.key > 0) last = k;
        }
        if (c.piece >= 0) (c.end == 0 ? pieces[c.piece].ca : pieces[c.piece].cb) = k;
    }
    const int nc = static_cast<int>(clusters.size());
    const int intervals = full ? nc : last;
    if (intervals <= 0) return {};
    // The pseudo-angle of interval boundary k, which may pass the last cluster (a full turn).
    auto key_of = [&](int k) { return k < nc ? clusters[k].key : 4 + clusters[k - nc].key; };

    // 3. The nearest piece over each interval (-1: the range circle). Insert and remove events
    //    per cluster, in two flat arrays indexed by cluster.
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
        const Point u = inside_direction(clusters[k].dir, clusters[(k + 1) % nc].dir,
                                         key_of(k + 1) - key_of(k));
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
    for (int done = 0; done < intervals;) {
        const int k0 = (first + done) % intervals;
        const int piece = nearest[k0];
        int len = 1;
        while (done + len < intervals && nearest[(k0 + len) % intervals] == piece) ++len;
        done += len;
        const int k1 = k0 + len;  // unwrapped: it may pass the last cluster
        const Cluster& from = clusters[k0];
        const Cluster& to = clusters[k1 % nc];
        if (piece >= 0) {
            ring.add(point_on(pieces[piece], k0, from));
            ring.add(point_on(pieces[piece], k1 % nc, to));
        } else {
            ring.arc(from.dir, to.dir, ccw_angle(from.dir, to.dir, key_of(k1) - key_of(k0)), range);
        }
    }
    return finish_ring(ring.finish(), eye);
}

}  // namespace camaudit::geo
