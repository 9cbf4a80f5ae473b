// What a camera really sees on its floor (the spec's "Viewshed"): range, field of view or
// PTZ pan range, opaque walls and pillars (full-height, or with a height: see heights.hpp),
// privacy masks, the eye moved off its wall.
//
// All coordinates here are metric (the working CRS); azimuths are grid bearings in degrees,
// clockwise from +y.
#pragma once

#include <limits>
#include <optional>
#include <vector>

#include "geo/geos.hpp"
#include "model/site.hpp"

namespace camaudit::geo {

struct Segment {
    Point a, b;
};

// A segment of an opaque wall with a `height`, or of a pillar's ring with one (metres above
// the floor).
struct PartialSegment {
    Segment segment;
    double height = 0;
};

// A pillar (solid wall polygon) with a `height`.
struct PartialSolid {
    Polygon polygon;
    double height = 0;
};

// Where a camera's eye is: as high as the ceiling for the queries that take an eye height and
// should see the full-height walls only.
inline constexpr double kAtCeiling = std::numeric_limits<double>::infinity();

// The opaque obstacles of one floor, indexed for "what is within r of this eye".
class Obstacles {
  public:
    // Only opaque walls count (transparent ones are skipped here). Polygon walls contribute
    // their rings as segments and are also kept as solids (an eye inside one sees nothing).
    // Walls with a `height` are kept apart (the partial segments and solids), walls without
    // one are the full-height segments and solids. Walls that are null are skipped. The
    // indexes are built here: afterwards every const method only reads, so one Obstacles may
    // serve several threads.
    explicit Obstacles(const std::vector<const Wall*>& walls);
    Obstacles(Obstacles&&) noexcept;
    Obstacles& operator=(Obstacles&&) noexcept;
    ~Obstacles();

    // Segments of full-height opaque walls whose envelope meets the square around `c` of
    // half-side `r`.
    std::vector<Segment> segments_near(Point c, double r) const;
    // The same, in one query, appended to `full`, and those of walls with a height (pillars'
    // edges included) to `partial`.
    void walls_near(Point c, double r, std::vector<Segment>& full,
                    std::vector<PartialSegment>& partial) const;
    // The pillars with a height whose envelope meets that square.
    std::vector<const PartialSolid*> partial_solids_near(Point c, double r) const;
    // Whether `p` lies strictly inside a full-height solid wall polygon, or inside one with a
    // height above `eye_height` (an eye there is inside the solid).
    bool inside_solid(Point p, double eye_height = kAtCeiling) const;
    // The nearest opaque segment within `tol` of `p` (for moving the eye off its wall): of a
    // full-height wall, or of one whose height reaches `eye_height` (a camera mounted on it; a
    // camera higher than a partition hangs above it and is not moved).
    std::optional<Segment> wall_at(Point p, double tol, double eye_height = kAtCeiling) const;
    // The full-height solid wall polygons whose boundary lies within `tol` of `p` (pointers
    // into this object). An eye on a pillar's boundary must not see into the pillar.
    std::vector<const Polygon*> solids_touching(Point p, double tol) const;
    std::size_t segment_count() const;
    std::size_t solid_count() const;
    std::size_t partial_segment_count() const;
    std::size_t partial_solid_count() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct Viewshed {
    Geom area;                  // a valid (Multi)Polygon; empty when it sees nothing
    Point eye;                  // the position after the move off its wall
    bool eye_in_solid = false;  // the eye is inside a pillar or building outline
    double area_m2 = 0;
    // Shadows of walls with a height were subtracted by GEOS's overlay, shadow_sweep.hpp not
    // vouching for its own result (for tests and benchmarks: the same polygon either way).
    bool shadows_by_overlay = false;
};

// The eye: `camera.position` moved 0.05 m off an opaque wall within 0.05 m, towards the side
// the camera faces; panoramic and unlimited PTZ cameras are not moved. Walls lower than the
// camera's `height` do not move it (it hangs above them). The wall is the nearest
// segment (the first of equals); the eye goes along its normal to 0.05 m from the wall's line,
// on the side of the azimuth (a PTZ camera: the middle of its pan range); a camera facing
// along the wall stays on the side it is on. Should the moved eye lie on another opaque wall
// (within 1e-9 m: a camera in a corner), it is moved off that wall the same way (twice at
// most), since a wall through the eye would hide nothing.
Point eye_position(const Camera& camera, const Obstacles& obstacles);

// The spec's default view height: a standing person's head, metres above the floor.
inline constexpr double kDefaultViewHeight = 1.7;

// How a viewshed is judged. The audit sets `view_height` from `settings.view_height`.
struct ViewshedOptions {
    double view_height = kDefaultViewHeight;  // metres above the floor (the spec's z)
};

// Computes the viewshed of `camera` (metric coordinates, grid azimuth) by an exact angular
// sweep over the end points of the walls near it (see sweep.hpp). Arcs are drawn with
// ceil(angle / 1°) equal chords. A wall whose line passes through the eye (seen edge-on, or
// an unmoved panoramic eye on it) hides nothing: the open sight lines do not cross it. An eye
// on a pillar's boundary does not see into the pillar. Privacy masks are subtracted.
// Walls and pillars with a height hide what heights.hpp derives at `options.view_height`
// from an eye at `camera.height`: what hides everything behind it within the range joins the
// sweep as walls; the bounded shadows (trapezoids) and hidden pillar insides are subtracted
// by a second sweep (shadow_sweep.hpp), or by GEOS's overlay where that cannot vouch for its
// polygon. Without walls with a height near the camera this is the plan sweep alone,
// unchanged.
Viewshed compute_viewshed(const Camera& camera, const Obstacles& obstacles,
                          const ViewshedOptions& options = {});

// The sector (range and field of view, or the union over a PTZ pan range) with no walls.
Geom field_of_view(const Camera& camera, Point eye);

}  // namespace camaudit::geo
