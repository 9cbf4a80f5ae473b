// Everything the checks share about one site: the metric copy of the site, each camera's
// viewshed and the zones it is in, the zones' geometry (prepared, indexed), the legal regime.
// Built once per site; the checks only read it. Threads (geo/geos.hpp's contract): the const
// methods may run on several threads at once. The geometries they hand out are settled and
// read-only, made by any thread and freed by the one that destroys the context; the caches
// are locked; the prepared zones serve only the constructor (one thread); the indexes are
// built before any thread shares them.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "audit/regime.hpp"
#include "audit/rule_pack.hpp"
#include "geo/geos.hpp"
#include "geo/projection.hpp"
#include "geo/viewshed.hpp"
#include "model/site.hpp"
#include "util/parallel.hpp"

namespace camaudit::audit {

// Radius or width given to point and line zones without their own size wherever no rule
// parameter says otherwise (the tool default of forbidden-view's buffer_m).
inline constexpr double kDefaultZoneBuffer = 2.0;

class AuditContext {
  public:
    // `site` is the input; `projection` maps it to the working CRS. Viewsheds are computed
    // with `threads` workers (0: all cores); the result does not depend on that number.
    AuditContext(const Site& site, const Site& working, const geo::Projection& projection,
                 const RuleSet& rules, unsigned threads = 0);
    ~AuditContext();

    const Site& site() const { return site_; }
    const Site& working() const { return working_; }
    const RuleSet& rules() const { return rules_; }
    const geo::Projection& projection() const { return projection_; }

    const geo::Viewshed& viewshed(std::size_t camera) const { return viewsheds_[camera]; }
    // Indices of the zones (same floor) that contain the camera's eye, boundary included.
    const std::vector<std::size_t>& zones_of_camera(std::size_t camera) const {
        return camera_zones_[camera];
    }
    // The zone's area in the working CRS; point and line zones without their own size take
    // `buffer` (radius, or full width of the band).
    const geo::Geometry* zone_geometry(std::size_t zone, double buffer = kDefaultZoneBuffer) const;
    double zone_area(std::size_t zone, double buffer = kDefaultZoneBuffer) const;
    // The part of the camera's viewshed inside the zone (cached); empty if on another floor.
    const geo::Geometry* overlap(std::size_t camera, std::size_t zone,
                                 double buffer = kDefaultZoneBuffer) const;
    // Whether geo::area(overlap(camera, zone, buffer)) is above `threshold` (or equal to it,
    // with `or_equal`): the same answer, mostly without GEOS's overlay. For a convex zone the
    // area inside it is clipped (geo/convex_clip.hpp); only when that lies within rounding of
    // the threshold does the overlay decide.
    bool overlap_area_above(std::size_t camera, std::size_t zone, double threshold,
                            bool or_equal = false, double buffer = kDefaultZoneBuffer) const;
    // Zones whose envelope meets the disc of radius `r` around `p` (any floor), ascending.
    std::vector<std::size_t> zones_near(Point p, double r) const;
    // An index of the zones with `selected[z]` (detail::zones_matching), for a check that
    // looks around every camera for the zones of its rule's kinds: a city's cameras are near
    // many more zones of other kinds. zones_near in it, with the same boxes.
    std::unique_ptr<geo::StrTree> zone_index(const std::vector<char>& selected) const;
    static std::vector<std::size_t> zones_near(const geo::StrTree& index, Point p, double r);
    // Cameras whose viewshed envelope meets `g`'s envelope (any floor), ascending.
    std::vector<std::size_t> cameras_seeing(const geo::Geometry* g) const;
    // Cameras whose eye is in no zone (they get no installer or signage finding).
    std::vector<std::size_t> cameras_in_no_zone() const;

    bool zone_is_public(std::size_t zone) const;
    KindCategory zone_category(std::size_t zone) const;
    const KindDef* zone_kind(std::size_t zone) const;
    // The legal regime applied: site.regime unless the kinds contradict it, else derived from
    // the zones (spec "Legal regime"; audit/regime.hpp).
    const std::string& regime() const { return regime_.applied; }
    const RegimeInference& regime_inference() const { return regime_; }

    // Working-CRS polygons brought back to the input CRS (geo::to_input: a polygon PROJ cannot
    // bring back is left out).
    std::vector<Polygon> to_input(const std::vector<Polygon>& working) const;

    // Runs fn(i, out) for every i in [0, n) on the context's workers and returns the outputs
    // in index order, so that a check looping this way reports exactly what its serial loop
    // would, whatever the number of threads. The const methods above may be called from fn.
    template <class T, class Fn>
    std::vector<std::vector<T>> map_parallel(std::size_t n, Fn&& fn) const {
        std::vector<std::vector<T>> out(n);
        util::parallel_for(n, threads_, [&](std::size_t i) { fn(i, out[i]); });
        return out;
    }

  private:
    void compute_viewsheds(unsigned threads);
    void index_zones();
    void locate_cameras();
    bool provably_no_overlap(std::size_t camera, std::size_t zone, double buffer) const;

    const Site& site_;
    const Site& working_;
    const geo::Projection& projection_;
    const RuleSet& rules_;
    unsigned threads_;
    std::map<std::string, std::unique_ptr<geo::Obstacles>> obstacles_;  // by floor
    std::vector<geo::Viewshed> viewsheds_;
    std::vector<std::vector<std::size_t>> camera_zones_;
    std::vector<geo::Geom> zone_geoms_;  // with kDefaultZoneBuffer
    std::vector<geo::Prepared> zone_prepared_;
    // Polygon zones that are axis-aligned rectangles (most rooms): overlap() proves most
    // empty overlaps with them without GEOS.
    std::vector<std::optional<geo::Envelope>> zone_rects_;
    // The vertices of the zones that are convex polygons (with kDefaultZoneBuffer), for
    // overlap_area_above.
    std::vector<std::optional<std::vector<Point>>> zone_convex_;
    geo::StrTree zone_tree_;
    geo::StrTree viewshed_tree_;
    mutable std::mutex buffered_mutex_;  // checks run in parallel: the caches are locked
    mutable std::map<std::pair<std::size_t, double>, geo::Geom> buffered_zones_;
    // overlap()'s cache, sharded by camera so that parallel checks seldom wait for each other.
    struct OverlapShard {
        std::mutex mutex;
        std::map<std::tuple<std::size_t, std::size_t, double>, geo::Geom> cache;
    };
    static constexpr std::size_t kOverlapShards = 64;
    std::unique_ptr<OverlapShard[]> overlap_shards_;
    RegimeInference regime_;
};

}  // namespace camaudit::audit
