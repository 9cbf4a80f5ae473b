#include "audit/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "geo/pixel_density.hpp"
#include "geo/plan_geometry.hpp"
#include "model/angle.hpp"

namespace camaudit::audit {

namespace {

ZoneCategory category_of(KindCategory k) {
    switch (k) {
        case KindCategory::Forbidden:
            return ZoneCategory::Forbidden;
        case KindCategory::Mandatory:
            return ZoneCategory::Mandatory;
        case KindCategory::Classified:
            return ZoneCategory::Classified;
        case KindCategory::Neutral:
            return ZoneCategory::Other;
    }
    return ZoneCategory::Other;
}

// Where a partial wall's height is written: the middle of a line's longest segment, inside a
// pillar.
std::optional<Point> height_label_at(const Wall& w) {
    if (w.is_polygon) {
        auto at = geo::label_point({w.polygon});
        if (!at) return std::nullopt;
        return at->at;
    }
    std::optional<Point> best;
    double longest = -1;
    for (std::size_t i = 0; i + 1 < w.line.size(); ++i) {
        const Point& a = w.line[i];
        const Point& b = w.line[i + 1];
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        if (len > longest) longest = len, best = Point{(a.x + b.x) / 2, (a.y + b.y) / 2};
    }
    return best;
}

std::string zone_label(const AuditContext& ctx, std::size_t i, Lang lang) {
    const Zone& z = ctx.working().zones[i];
    if (!z.name.empty()) return z.name;
    if (const KindDef* k = ctx.zone_kind(i)) {
        const std::string& first = lang == Lang::Zh ? k->name_zh : k->name_en;
        const std::string& second = lang == Lang::Zh ? k->name_en : k->name_zh;
        if (!first.empty()) return first;
        if (!second.empty()) return second;
    }
    return z.kind.empty() ? z.id : z.kind;
}

// The bearing of the middle of the view: the azimuth, or the middle of the PTZ pan range
// (clockwise from the first bearing to the second).
double view_middle(const Camera& c) {
    if (c.ptz && !c.ptz->unlimited) {
        const double sweep = normalize_bearing(c.ptz->pan_to - c.ptz->pan_from);
        return normalize_bearing(c.ptz->pan_from + sweep / 2);
    }
    return c.azimuth.value_or(0);
}

std::string level_name(const std::string& name, Lang lang) {
    static const std::map<std::string, std::string> zh{{"monitor", "监视"},   {"detect", "探测"},
                                                       {"observe", "观察"},   {"recognise", "识别"},
                                                       {"recognize", "识别"}, {"identify", "辨认"}};
    if (lang == Lang::Zh) {
        auto it = zh.find(name);
        return fmt::format("{}（IEC 62676-4:2014）", it == zh.end() ? name : it->second);
    }
    return fmt::format("{} (IEC 62676-4:2014)", name);
}

std::vector<DensityBand> density_bands(const Camera& cam, const geo::Viewshed& vs, Lang lang) {
    std::vector<DensityBand> out;
    if (!cam.resolution || geo::is_empty(vs.area.get())) return out;
    for (const auto& level : geo::iec62676_2014_levels()) {
        auto g = geo::cut_at_density(cam, vs, level.px_per_m);
        if (!g || geo::is_empty(g.get())) continue;
        out.push_back({level_name(level.name, lang), level.px_per_m, geo::polygons_of(g.get())});
    }
    return out;
}

std::string crs_note(const AuditContext& ctx, Lang lang) {
    const auto& proj = ctx.projection();
    const bool zh = lang == Lang::Zh;
    if (proj.is_identity())
        return zh ? "坐标：本地平面坐标（米），上方为 +y（北）"
                  : "Coordinates: local plan metres; +y (north) is up";
    return zh ? fmt::format("绘制于工作坐标系 {}（站点坐标系 {}），上方为坐标北",
                            proj.working_crs(), proj.input_crs())
              : fmt::format("Drawn in the working CRS {} (site CRS {}); grid north is up",
                            proj.working_crs(), proj.input_crs());
}

}  // namespace

Plan build_plan(const AuditContext& ctx, const std::vector<Finding>& findings, Lang lang,
                bool bands) {
    const Site& site = ctx.working();
    Plan plan;
    plan.lang = lang;
    plan.title = site.info.name.empty() ? site.info.id
                                        : fmt::format("{} ({})", site.info.name, site.info.id);
    plan.crs_note = crs_note(ctx, lang);

    std::map<std::string, std::size_t> floor_index;
    if (site.has_floors()) {
        for (const auto& f : site.floors) {
            floor_index.emplace(f.id, plan.floors.size());
            plan.floors.push_back(PlanFloor{f.id, {}, {}, {}});
        }
    } else {
        floor_index.emplace("", 0);
        plan.floors.push_back(PlanFloor{"", {}, {}, {}});
    }
    auto floor_of = [&](const std::string& id) -> PlanFloor* {
        auto it = floor_index.find(id);
        return it == floor_index.end() ? nullptr : &plan.floors[it->second];
    };

    std::map<std::string, std::optional<Point>> zone_label_at;
    std::vector<std::vector<double>> areas(plan.floors.size());  // per floor, per zone
    for (std::size_t i = 0; i < site.zones.size(); ++i) {
        const Zone& z = site.zones[i];
        PlanFloor* floor = floor_of(z.floor);
        if (!floor) continue;
        PlanZone pz;
        pz.id = z.id;
        pz.kind = z.kind;
        pz.label = zone_label(ctx, i, lang);
        pz.category = category_of(ctx.zone_category(i));
        pz.area = geo::polygons_of(ctx.zone_geometry(i));
        if (auto lp = geo::label_point(pz.area)) {
            pz.label_at = lp->at;
            pz.label_width = lp->width;
            pz.label_height = lp->height;
        }
        zone_label_at.emplace(z.id, pz.label_at);
        areas[static_cast<std::size_t>(floor - plan.floors.data())].push_back(
            geo::area(ctx.zone_geometry(i)));
        floor->zones.push_back(std::move(pz));
    }
    // Drawing order: the largest zones first, so that a small zone inside a large one shows.
    for (std::size_t f = 0; f < plan.floors.size(); ++f) {
        auto& zones = plan.floors[f].zones;
        std::vector<std::size_t> order(zones.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return areas[f][a] > areas[f][b]; });
        std::vector<PlanZone> sorted;
        for (std::size_t k : order) sorted.push_back(std::move(zones[k]));
        zones = std::move(sorted);
    }
    for (const auto& w : site.walls) {
        PlanFloor* floor = floor_of(w.floor);
        if (!floor) continue;
        PlanWall pw;
        if (w.is_polygon)
            pw.solid = w.polygon;
        else
            pw.line = w.line;
        pw.transparent = w.transparent;
        if (w.height && !w.transparent) {  // transparent walls ignore heights
            pw.height = w.height;
            pw.label_at = height_label_at(w);
        }
        floor->walls.push_back(std::move(pw));
    }
    std::map<std::string, std::pair<std::string, Point>> camera_at;  // id → floor, eye
    for (std::size_t i = 0; i < site.cameras.size(); ++i) {
        const Camera& c = site.cameras[i];
        PlanFloor* floor = floor_of(c.floor);
        if (!floor) continue;
        const geo::Viewshed& vs = ctx.viewshed(i);
        PlanCamera pc;
        pc.id = c.id;
        pc.position = c.position;
        pc.eye = vs.eye;
        pc.azimuth = view_middle(c);
        pc.panoramic = c.panoramic();
        if (vs.area && !geo::is_empty(vs.area.get())) pc.viewshed = geo::polygons_of(vs.area.get());
        if (bands) pc.bands = density_bands(c, vs, lang);
        camera_at.emplace(c.id, std::pair(c.floor, vs.eye));
        floor->cameras.push_back(std::move(pc));
    }

    for (const auto& f : findings) {
        if (f.severity == Severity::Info) continue;
        PlanFinding pf;
        pf.rule = f.rule;
        pf.camera = f.camera.value_or("");
        pf.zone = f.zone.value_or("");
        pf.message = f.message(lang == Lang::Zh);
        pf.severity = f.severity;
        pf.uncovered = f.check == "mandatory-coverage";
        pf.area = f.area_working;
        auto cam = f.camera ? camera_at.find(*f.camera) : camera_at.end();
        const Zone* zone = nullptr;
        if (f.zone)
            for (const auto& z : site.zones)
                if (z.id == *f.zone) zone = &z;
        if (cam != camera_at.end())
            pf.floor = cam->second.first;
        else if (zone)
            pf.floor = zone->floor;
        if (auto lp = geo::label_point(pf.area))
            pf.marker = lp->at;
        else if (cam != camera_at.end())
            pf.marker = cam->second.second;
        else if (zone)
            pf.marker = zone_label_at[zone->id];
        plan.findings.push_back(std::move(pf));
    }
    return plan;
}

}  // namespace camaudit::audit
