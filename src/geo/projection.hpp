// From the site's input CRS to its metric working CRS (spec: "Coordinates"), through the
// PROJ C API. `crs: local` is the identity. Every transformed coordinate is checked.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::geo {

class Projection {
  public:
    // The identity (crs: local).
    Projection();
    ~Projection();
    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;

    // Chooses the working CRS for `site` (a projected metric CRS is used as it is; a
    // geographic one goes to the CGCS2000 3-degree Gauss-Krüger zone of the site's centroid
    // for CN regions, else to the UTM zone). Reports an unknown CRS at `site.info.crs_loc`
    // and returns nullopt.
    static std::optional<Projection> for_site(const Site& site, Diagnostics& diag);

    bool is_identity() const;
    bool input_is_geographic() const;
    const std::string& input_crs() const;
    const std::string& working_crs() const;  // "local" or e.g. "EPSG:4547"

    // Input → working; nullopt if PROJ fails or returns a non-finite value.
    std::optional<Point> forward(Point input) const;
    // For geographic input: whether `input` (lon, lat) lies within kAreaMargin degrees of the
    // working CRS's area of use; true otherwise. At that margin a transverse Mercator
    // projection already stretches distances by up to 0.3 %, and past 90° of longitude from its
    // meridian PROJ returns finite nonsense (a mirror image), not an error: such a point is a
    // typo in a coordinate, not part of the site.
    bool in_working_area(Point input) const;
    // That area, "115.5°E to 118.5°E, 22.6°N to 49.88°N", for messages ("" if unknown).
    std::string working_area() const;
    static constexpr double kAreaMargin = 3.0;
    // Working → input.
    std::optional<Point> inverse(Point working) const;
    // Grid bearing of a true azimuth at `input` (meridian convergence); identity for local.
    double grid_azimuth(Point input, double true_azimuth_deg) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The metric copy of `site` (all coordinates forward-projected, azimuths and PTZ pan ranges
// turned into grid bearings). A point PROJ cannot transform is an error at its element.
std::optional<Site> to_working(const Site& site, const Projection& projection, Diagnostics& diag);

// Working-CRS polygons (a finding's geometry) brought back to the input CRS vertex by vertex.
// A polygon with a vertex PROJ cannot bring back (far outside the CRS's domain) is left out:
// a finding without a geometry is better than one in the wrong coordinates.
std::vector<Polygon> to_input(const std::vector<Polygon>& working, const Projection& projection);

}  // namespace camaudit::geo
