#include "audit/context.hpp"

#include "util/parallel.hpp"

namespace camaudit::audit {

namespace {

bool has_own_size(const Zone& z) {
    return (z.shape == ZoneShape::Point && z.radius) || (z.shape == ZoneShape::Line && z.width);
}

geo::Geom build_zone(const Zone& z, double buffer) {
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

}  // namespace

AuditContext::AuditContext(const Site& site, const Site& working, const geo::Projection& projection,
                           const RuleSet& rules, unsigned threads)
    : site_(site), working_(working), projection_(projection), rules_(rules) {
    compute_viewsheds(threads);
    index_zones();
    locate_cameras();
    regime_ = site_.info.regime.empty() ? derive_regime() : site_.info.regime;
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
    util::parallel_for(working_.cameras.size(), threads, [this](std::size_t i) {
        const Camera& cam = working_.cameras[i];
        viewsheds_[i] = geo::compute_viewshed(cam, *obstacles_.at(cam.floor));
    });
}

void AuditContext::index_zones() {
    const auto& zones = working_.zones;
    zone_geoms_.reserve(zones.size());
    for (const auto& z : zones) zone_geoms_.push_back(build_zone(z, kDefaultZoneBuffer));
    for (std::size_t i = 0; i < zones.size(); ++i) {
        zone_prepared_.push_back(geo::prepare(zone_geoms_[i].get()));
        zone_tree_.insert(zone_geoms_[i].get(), i);
    }
    for (std::size_t c = 0; c < viewsheds_.size(); ++c)
        if (!geo::is_empty(viewsheds_[c].area.get()))
            viewshed_tree_.insert(viewsheds_[c].area.get(), c);
}

std::vector<std::size_t> AuditContext::cameras_seeing(const GEOSGeometry* g) const {
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
            if (geo::prepared_covers(zone_prepared_[z].get(), eye.get()))
                camera_zones_[c].push_back(z);
        }
    }
}

const GEOSGeometry* AuditContext::zone_geometry(std::size_t zone, double buffer) const {
    const Zone& z = working_.zones[zone];
    if (has_own_size(z) || z.shape == ZoneShape::Polygon || buffer == kDefaultZoneBuffer)
        return zone_geoms_[zone].get();
    auto key = std::pair(zone, buffer);
    auto it = buffered_zones_.find(key);
    if (it == buffered_zones_.end()) it = buffered_zones_.emplace(key, build_zone(z, buffer)).first;
    return it->second.get();
}

double AuditContext::zone_area(std::size_t zone, double buffer) const {
    return geo::area(zone_geometry(zone, buffer));
}

const GEOSGeometry* AuditContext::overlap(std::size_t camera, std::size_t zone,
                                          double buffer) const {
    const Zone& z = working_.zones[zone];
    // The buffer only matters for sizeless point and line zones: one cache entry for others.
    if (has_own_size(z) || z.shape == ZoneShape::Polygon) buffer = kDefaultZoneBuffer;
    auto key = std::tuple(camera, zone, buffer);
    auto it = overlaps_.find(key);
    if (it != overlaps_.end()) return it->second.get();
    geo::Geom result;
    const auto& vs = viewsheds_[camera];
    if (working_.cameras[camera].floor != z.floor || geo::is_empty(vs.area.get()))
        result = geo::make_empty_polygon();
    else
        result = geo::intersection(vs.area.get(), zone_geometry(zone, buffer));
    return overlaps_.emplace(key, std::move(result)).first->second.get();
}

std::vector<std::size_t> AuditContext::zones_near(Point p, double r) const {
    return zone_tree_.query(geo::Envelope{p.x - r, p.y - r, p.x + r, p.y + r});
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

std::string AuditContext::derive_regime() const {
    bool any_public = false;
    for (std::size_t i = 0; i < working_.zones.size(); ++i) {
        const KindDef* k = zone_kind(i);
        if (k && k->article7) return "article7";
        any_public = any_public || zone_is_public(i);
    }
    return any_public ? "article9" : "non_public";
}

std::vector<Polygon> AuditContext::to_input(const std::vector<Polygon>& working) const {
    if (projection_.is_identity()) return working;
    auto back = [this](const Ring& r) {
        Ring out;
        out.reserve(r.size());
        for (const auto& p : r) out.push_back(projection_.inverse(p).value_or(p));
        return out;
    };
    std::vector<Polygon> out;
    for (const auto& poly : working) {
        Polygon q{back(poly.shell), {}};
        for (const auto& h : poly.holes) q.holes.push_back(back(h));
        out.push_back(std::move(q));
    }
    return out;
}

}  // namespace camaudit::audit
