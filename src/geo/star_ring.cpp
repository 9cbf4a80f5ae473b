#include "geo/star_ring.hpp"

#include <cmath>

#include "geo/plane.hpp"

namespace camaudit::geo {

namespace {

using plane::cross;
using plane::dot;
using plane::sub;

constexpr double kRadial = 1e-12;  // |sin| of the turn under which an edge runs along a ray

// A pseudo-angle in [0, 4) of q counter-clockwise from ref: monotone in the true angle.
double pseudo_angle(Point ref, Point q) {
    const double x = dot(ref, q), y = cross(ref, q);
    const double p = y / (std::abs(x) + std::abs(y));
    if (x >= 0) return y >= 0 ? p : 4 + p;
    return 2 - p;
}

enum class Step { Turn, Radial, Bad };

Step step(Point a, Point b) {
    const double c = cross(a, b);
    if (c * c <= kRadial * kRadial * dot(a, a) * dot(b, b))
        return dot(a, b) > 0 ? Step::Radial : Step::Bad;
    return c > 0 ? Step::Turn : Step::Bad;
}

}  // namespace

bool is_star_ring_simple(const std::vector<Point>& ring, Point eye, bool eye_vertex) {
    const std::size_t n = ring.size();
    const std::size_t first = eye_vertex ? 1 : 0;
    if (n < 3) return false;
    if (eye_vertex && !(ring[0] == eye)) return false;
    const Point ref = sub(ring[first], eye);
    if (ref.x == 0 && ref.y == 0) return false;
    Point prev = ref;
    double prev_angle = 0;
    bool prev_radial = false;
    for (std::size_t i = first + 1; i < n; ++i) {
        const Point q = sub(ring[i], eye);
        if (q.x == 0 && q.y == 0) return false;
        const Step s = step(prev, q);
        if (s == Step::Bad) return false;
        const bool radial = s == Step::Radial;
        // Two rays in a row could fold back on each other; at the eye's own edges, too.
        if (radial && (prev_radial || (eye_vertex && (i == first + 1 || i == n - 1)))) return false;
        double angle = pseudo_angle(ref, q);
        if (!eye_vertex && i == n - 1 && step(q, ref) == Step::Radial) angle = 4;  // closing ray
        if (angle < prev_angle && !(radial && angle > prev_angle - 1e-12)) return false;
        prev = q;
        prev_angle = angle;
        prev_radial = radial;
    }
    if (eye_vertex) return true;
    const Step closing = step(prev, ref);  // the last edge, back to the first vertex
    return closing == Step::Turn || (closing == Step::Radial && !prev_radial);
}

}  // namespace camaudit::geo
