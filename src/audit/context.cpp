#include "audit/context.hpp"

#include <algorithm>
#include <cmath>

#include "geo/convex_clip.hpp"
#include "util/parallel.hpp"

namespace camaudit::audit {

namespace {

bool has_own_size(const Zone& z) {
    return (z.shape == ZoneShape::Point && z.radius) || (z.shape == ZoneShape::Line && z.width);
}

geo::Geom build_zone(const Zone& z, double buffer) {
    const geo::GeosSubject subject("zone", z.id, z.loc);  // names it in a GEOS failure
    switch (z.shape) {
        case ZoneShape::Polygon:
            return geo::make_polygon(z.polygon);
        case ZoneShape::Point: {
            auto p = geo::make_point(z.point);
            return geo::buffer(p.get(), z.radius.value_or(buffer));
        }
        case ZoneShape::Line: {
            auto l = geo::make_linestring(z.line);
            return geo::buffer_flat(l.get(), z.width.value_or(buffer));
        }
    }
    return geo::make_empty_polygon();
}

// Whether the closed envelopes of a and b meet in a set of positive area. Where they do not
// (apart, or touching along a side: the rooms beside a corridor camera's view), the
// intersection has no area and holds no polygon, which is all that the checks read of an
// overlap: an empty polygon stands for it, without GEOS's overlay (most of an audit's time).
bool envelopes_overlap(const geo::Geometry* a, const geo::Geometry* b) {
    const geo::Envelope ea = geo::envelope(a), eb = geo::envelope(b);
    return std::max(ea.minx, eb.minx) < std::min(ea.maxx, eb.maxx) &&
           std::max(ea.miny, eb.miny) < std::min(ea.maxy, eb.maxy);
}

// The zone's box if it is an axis-aligned rectangle (four corners, sides parallel to the axes).
std::optional<geo::Envelope> rectangle_of(const Zone& z) {
    if (z.shape != ZoneShape::Polygon || !z.polygon.holes.empty()) return std::nullopt;
    Ring r = z.polygon.shell;
    if (r.size() == 5 && r.front() == r.back()) r.pop_back();
    if (r.size() != 4) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i) {
        const Point a = r[i], b = r[(i + 1) % 4], c = r[(i + 2) % 4];
        const bool vertical = a.x == b.x && a.y != b.y, horizontal = a.y == b.y && a.x != b.x;
        if (!(vertical && b.y == c.y) && !(horizontal && b.x == c.x)) return std::nullopt;
    }
    geo::Envelope e{r[0].x, r[0].y, r[0].x, r[0].y};
    for (const Point& p : r) {
        e.minx = std::min(e.minx, p.x);
        e.miny = std::min(e.miny, p.y);
        e.maxx = std::max(e.maxx, p.x);
        e.maxy = std::max(e.maxy, p.y);
    }
    return e;
}

// Whether the polygon `g` may have interior points inside the open rectangle `r`; false only
// when provably not: no edge's box meets the open rectangle (so no edge enters it), and the
// rectangle's centre is outside the polygon (so neither is the rest of it). The centre is
// then at least half the rectangle's width from every edge, so the signs below are exact.
// Such an intersection has no area and holds no polygon: see envelopes_overlap. It spares
// GEOS's overlay the rooms whose walls bound a camera's view.
bool may_overlap_rectangle(const geo::Geometry* g, const geo::Envelope& r) {
    thread_local std::vector<Point> ring;  // closed
    if (!geo::hole_free_shell(g, ring) || ring.size() < 4) return true;
    const std::size_t n = ring.size();
    const double cx = (r.minx + r.maxx) / 2, cy = (r.miny + r.maxy) / 2;
    bool inside = false;
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double ax = ring[i].x, ay = ring[i].y, bx = ring[i + 1].x, by = ring[i + 1].y;
        if (std::max(ax, bx) > r.minx && std::min(ax, bx) < r.maxx && std::max(ay, by) > r.miny &&
            std::min(ay, by) < r.maxy)
            return true;
        if ((ay > cy) != (by > cy)) {  // the edge crosses the horizontal through the centre
            const double side = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
            if (side == 0) return true;
            if ((side > 0) == (by > ay)) inside = !inside;  // the crossing is right of it
        }
    }
    return inside;
}

// One empty polygon for every provably empty overlap: made once, never freed, only read.
const geo::Geometry* empty_polygon() {
    static const geo::Geometry* const empty = geo::make_empty_polygon().release();
    return empty;
}

}  // namespace

AuditContext::AuditContext(const Site& site, const Site& working, const geo::Projection& projection,
                           const RuleSet& rules, unsigned threads)
    : site_(site),
      working_(working),
      projection_(projection),
      rules_(rules),
      threads_(threads),
      overlap_shards_(std::make_unique<OverlapShard[]>(kOverlapShards)) {
    compute_viewsheds(threads);
    index_zones();
    locate_cameras();
    regime_ = infer_regime(site_, rules_);
}

AuditContext::~AuditContext() = default;

void AuditContext::compute_viewsheds(unsigned threads) {
    std::map<std::string, std::vector<const Wall*>> walls_by_floor;
    for (const auto& c : working_.cameras) walls_by_floor[c.floor];
    for (const auto& w : working_.walls)
        if (walls_by_floor.count(w.floor)) walls_by_floor[w.floor].push_back(&w);
    for (auto& [floor, walls] : walls_by_floor) {
        auto obstacles = std::make_unique<geo::Obstacles>(walls);
        // The STRtree builds itself on its first query; do it here, before threads share it.
        obstacles->segments_near(Point{0, 0}, 1.0);
        obstacles_[floor] = std::move(obstacles);
    }

    viewsheds_.resize(working_.cameras.size());
    geo::ViewshedOptions options;
    options.view_height = working_.settings.view_height.value_or(geo::kDefaultViewHeight);
    util::parallel_for(working_.cameras.size(), threads, [this, &options](std::size_t i) {
        const Camera& cam = working_.cameras[i];
        viewsheds_[i] = geo::compute_viewshed(cam, *obstacles_.at(cam.floor), options);
    });
}

void AuditContext::index_zones() {
    const auto& zones = working_.zones;
    zone_geoms_.reserve(zones.size());
    for (const auto& z : zones) zone_geoms_.push_back(build_zone(z, kDefaultZoneBuffer));
    for (std::size_t i = 0; i < zones.size(); ++i) {
        zone_rects_.push_back(rectangle_of(zones[i]));
        zone_convex_.push_back(geo::convex_ring(zone_geoms_[i].get()));
        zone_prepared_.push_back(geo::prepare(zone_geoms_[i].get()));
        zone_tree_.insert(zone_geoms_[i].get(), i);
    }
    for (std::size_t c = 0; c < viewsheds_.size(); ++c)
        if (!geo::is_empty(viewsheds_[c].area.get()))
            viewshed_tree_.insert(viewsheds_[c].area.get(), c);
    // Built now, so that the checks' parallel queries only read the trees.
    zone_tree_.build();
    viewshed_tree_.build();
}

std::vector<std::size_t> AuditContext::cameras_seeing(const geo::Geometry* g) const {
    return viewshed_tree_.query(g);
}

std::vector<std::size_t> AuditContext::cameras_in_no_zone() const {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < camera_zones_.size(); ++c)
        if (camera_zones_[c].empty()) out.push_back(c);
    return out;
}

void AuditContext::locate_cameras() {
    camera_zones_.resize(working_.cameras.size());
    for (std::size_t c = 0; c < working_.cameras.size(); ++c) {
        const auto& cam = working_.cameras[c];
        auto eye = geo::make_point(viewsheds_[c].eye);
        for (std::size_t z : zone_tree_.query(eye.get())) {
            if (working_.zones[z].floor != cam.floor) continue;
            if (geo::prepared_covers(zone_prepared_[z], eye.get())) camera_zones_[c].push_back(z);
        }
    }
}

const geo::Geometry* AuditContext::zone_geometry(std::size_t zone, double buffer) const {
    const Zone& z = working_.zones[zone];
    if (has_own_size(z) || z.shape == ZoneShape::Polygon || buffer == kDefaultZoneBuffer)
        return zone_geoms_[zone].get();
    auto key = std::pair(zone, buffer);
    std::lock_guard lock(buffered_mutex_);
    auto it = buffered_zones_.find(key);
    if (it == buffered_zones_.end()) it = buffered_zones_.emplace(key, build_zone(z, buffer)).first;
    return it->second.get();
}

double AuditContext::zone_area(std::size_t zone, double buffer) const {
    return geo::area(zone_geometry(zone, buffer));
}

namespace {

// `buffer` as the zone takes it: it only matters for sizeless point and line zones.
double effective_buffer(const Zone& z, double buffer) {
    return has_own_size(z) || z.shape == ZoneShape::Polygon ? kDefaultZoneBuffer : buffer;
}

}  // namespace

bool AuditContext::provably_no_overlap(std::size_t camera, std::size_t zone, double buffer) const {
    const Zone& z = working_.zones[zone];
    const auto& vs = viewsheds_[camera];
    return working_.cameras[camera].floor != z.floor || geo::is_empty(vs.area.get()) ||
           !envelopes_overlap(vs.area.get(), zone_geometry(zone, buffer)) ||
           (zone_rects_[zone] && !may_overlap_rectangle(vs.area.get(), *zone_rects_[zone]));
}

const geo::Geometry* AuditContext::overlap(std::size_t camera, std::size_t zone,
                                           double buffer) const {
    buffer = effective_buffer(working_.zones[zone], buffer);  // one cache entry for most zones
    const auto& vs = viewsheds_[camera];
    // Provably empty overlaps, most pairs, share one empty polygon and stay out of the cache,
    // which would hold millions of them for a city.
    if (provably_no_overlap(camera, zone, buffer)) return empty_polygon();
    auto key = std::tuple(camera, zone, buffer);
    OverlapShard& shard = overlap_shards_[camera % kOverlapShards];
    {
        std::lock_guard lock(shard.mutex);
        auto it = shard.cache.find(key);
        if (it != shard.cache.end()) return it->second.get();
    }
    // Computed unlocked; should another thread have stored the same overlap meanwhile, its
    // (equal) geometry is kept and this one dropped.
    geo::Geom result = geo::intersection(vs.area.get(), zone_geometry(zone, buffer));
    std::lock_guard lock(shard.mutex);
    return shard.cache.emplace(key, std::move(result)).first->second.get();
}

bool AuditContext::overlap_area_above(std::size_t camera, std::size_t zone, double threshold,
                                      bool or_equal, double buffer) const {
    buffer = effective_buffer(working_.zones[zone], buffer);
    auto above = [&](double a) { return or_equal ? a >= threshold : a > threshold; };
    if (provably_no_overlap(camera, zone, buffer)) return above(0);
    if (buffer == kDefaultZoneBuffer && zone_convex_[zone]) {
        const double a =
            geo::area_inside_convex(viewsheds_[camera].area.get(), *zone_convex_[zone]);
        // Both areas are exact to about 1e-15 of the coordinates times the perimeter; this
        // margin is far wider, and far narrower than any threshold a rule sets.
        const double margin = 1e-6 + 1e-9 * (std::abs(threshold) + a);
        if (a > threshold + margin) return true;
        if (a < threshold - margin) return false;
    }
    return above(geo::area(overlap(camera, zone, buffer)));
}

std::vector<std::size_t> AuditContext::zones_near(Point p, double r) const {
    return zones_near(zone_tree_, p, r);
}

std::vector<std::size_t> AuditContext::zones_near(const geo::StrTree& index, Point p, double r) {
    return index.query(geo::Envelope{p.x - r, p.y - r, p.x + r, p.y + r});
}

std::unique_ptr<geo::StrTree> AuditContext::zone_index(const std::vector<char>& selected) const {
    auto index = std::make_unique<geo::StrTree>();
    for (std::size_t z = 0; z < selected.size(); ++z)
        if (selected[z]) index->insert(zone_geoms_[z].get(), z);
    index->build();  // before threads share it
    return index;
}

const KindDef* AuditContext::zone_kind(std::size_t zone) const {
    return rules_.kind(working_.zones[zone].kind);
}

bool AuditContext::zone_is_public(std::size_t zone) const {
    const Zone& z = working_.zones[zone];
    if (z.is_public) return *z.is_public;
    const KindDef* k = zone_kind(zone);
    return k ? k->is_public : true;
}

KindCategory AuditContext::zone_category(std::size_t zone) const {
    const KindDef* k = zone_kind(zone);
    return k ? k->category : KindCategory::Neutral;
}

std::vector<Polygon> AuditContext::to_input(const std::vector<Polygon>& working) const {
    return geo::to_input(working, projection_);
}

}  // namespace camaudit::audit
