// What a camera really sees on its floor (the spec's "Viewshed"): range, field of view or
// PTZ pan range, opaque walls and pillars, privacy masks, the eye moved off its wall.
//
// All coordinates here are metric (the working CRS); azimuths are grid bearings in degrees,
// clockwise from +y.
#pragma once

#include <optional>
#include <vector>

#include "geo/geos.hpp"
#include "model/site.hpp"

namespace camaudit::geo {

struct Segment {
    Point a, b;
};

// The opaque obstacles of one floor, indexed for "what is within r of this eye".
class Obstacles {
  public:
    // Only opaque walls count (transparent ones are skipped here). Polygon walls contribute
    // their rings as segments and are also kept as solids (an eye inside one sees nothing).
    // Walls that are null are skipped. The indexes are built here: afterwards every const
    // method only reads, so one Obstacles may serve several threads.
    explicit Obstacles(const std::vector<const Wall*>& walls);
    Obstacles(Obstacles&&) noexcept;
    Obstacles& operator=(Obstacles&&) noexcept;
    ~Obstacles();

    // Segments of opaque walls whose envelope meets the square around `c` of half-side `r`.
    std::vector<Segment> segments_near(Point c, double r) const;
    // Whether `p` lies strictly inside a solid wall polygon.
    bool inside_solid(Point p) const;
    // The nearest opaque segment within `tol` of `p` (for moving the eye off its wall).
    std::optional<Segment> wall_at(Point p, double tol) const;
    // The solid wall polygons whose boundary lies within `tol` of `p` (pointers into this
    // object). An eye on a pillar's boundary must not see into the pillar.
    std::vector<const Polygon*> solids_touching(Point p, double tol) const;
    std::size_t segment_count() const;
    std::size_t solid_count() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct Viewshed {
    Geom area;                  // a valid (Multi)Polygon; empty when it sees nothing
    Point eye;                  // the position after the move off its wall
    bool eye_in_solid = false;  // the eye is inside a pillar or building outline
    double area_m2 = 0;
};

// The eye: `camera.position` moved 0.05 m off an opaque wall within 0.05 m, towards the side
// the camera faces; panoramic and unlimited PTZ cameras are not moved. The wall is the nearest
// segment (the first of equals); the eye goes along its normal to 0.05 m from the wall's line,
// on the side of the azimuth (a PTZ camera: the middle of its pan range); a camera facing
// along the wall stays on the side it is on. Should the moved eye lie on another opaque wall
// (within 1e-9 m: a camera in a corner), it is moved off that wall the same way (twice at
// most), since a wall through the eye would hide nothing.
Point eye_position(const Camera& camera, const Obstacles& obstacles);

// Computes the viewshed of `camera` (metric coordinates, grid azimuth) by an exact angular
// sweep over the end points of the walls near it (see sweep.hpp). Arcs are drawn with
// ceil(angle / 1°) equal chords. A wall whose line passes through the eye (seen edge-on, or
// an unmoved panoramic eye on it) hides nothing: the open sight lines do not cross it. An eye
// on a pillar's boundary does not see into the pillar. Privacy masks are subtracted.
Viewshed compute_viewshed(const Camera& camera, const Obstacles& obstacles);

// The sector (range and field of view, or the union over a PTZ pan range) with no walls.
Geom field_of_view(const Camera& camera, Point eye);

}  // namespace camaudit::geo
