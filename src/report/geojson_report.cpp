// The findings as a GeoJSON FeatureCollection, for QGIS and web maps. A finding's geometry is
// its area (Polygon or MultiPolygon) in the site's CRS; without an area, a Point at its camera
// or zone (Finding::where); for a system finding, null. RFC 7946 wants WGS 84 longitude/
// latitude: sites in EPSG:4326 or OGC:CRS84 are written as they are; for any other CRS a
// non-standard "crs" member (GeoJSON 2008, which GDAL and so QGIS read) names it.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace camaudit::report {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_wgs84_lonlat(const std::string& crs) {
    const std::string c = lower(crs);
    return c == "epsg:4326" || c == "ogc:crs84" || c == "urn:ogc:def:crs:ogc:1.3:crs84" ||
           c == "urn:ogc:def:crs:epsg::4326";
}

// The name GDAL understands: an OGC URN for an EPSG code, a WKT engineering CRS for a local
// plan in metres, else the CRS as the site writes it (a PROJ string, WKT, AUTH:CODE).
std::string crs_name(const std::string& crs) {
    if (crs.empty() || crs == "local")
        return R"(LOCAL_CS["camaudit local plan",LOCAL_DATUM["camaudit local",0],)"
               R"(UNIT["metre",1],AXIS["X",EAST],AXIS["Y",NORTH]])";
    const std::string c = lower(crs);
    if (c.rfind("epsg:", 0) == 0) {
        const std::string code = crs.substr(5);
        if (!code.empty() && std::all_of(code.begin(), code.end(),
                                         [](unsigned char ch) { return std::isdigit(ch) != 0; }))
            return "urn:ogc:def:crs:EPSG::" + code;
    }
    return crs;
}

void write_crs(JsonWriter& w, const std::string& crs) {
    w.key("crs").begin_object().key("type").value("name");
    w.key("properties").begin_object().key("name").value(crs_name(crs)).end_object();
    w.end_object();
}

void write_geometry(JsonWriter& w, const audit::Finding& f) {
    if (!f.area.empty()) {
        w.raw(geojson_geometry(f.area));
    } else if (f.where) {
        w.begin_object().key("type").value("Point").key("coordinates").begin_array();
        w.value(f.where->x, 9).value(f.where->y, 9).end_array().end_object();
    } else {
        w.null();
    }
}

void write_feature(JsonWriter& w, const audit::Finding& f, const audit::SiteResult& site, Lang lang,
                   bool own_crs) {
    w.begin_object();
    w.key("type").value("Feature");
    w.key("id").value(f.fingerprint);
    if (own_crs) write_crs(w, site.crs);
    w.key("geometry");
    write_geometry(w, f);
    w.key("properties").begin_object();
    w.key("rule").value(f.rule);
    w.key("rules").begin_array();
    for (const auto& r : f.rules) w.value(r);
    w.end_array();
    w.key("check").value(f.check);
    w.key("severity").value(audit::to_string(f.severity));
    w.key("site").value(f.site);
    w.key("file").value(site.file);
    w.key("line").value(f.loc.line).key("column").value(f.loc.column);
    w.key("camera");
    f.camera ? (void)w.value(*f.camera) : (void)w.null();
    w.key("zone");
    f.zone ? (void)w.value(*f.zone) : (void)w.null();
    w.key("message").value(f.message(lang == Lang::Zh));
    w.key("metrics").begin_object();
    for (const auto& [k, v] : f.metrics) w.key(k).value(v);
    w.end_object();
    w.key("fingerprint").value(f.fingerprint);
    w.end_object();
    w.end_object();
}

}  // namespace

std::string render_geojson(const audit::AuditReport& report, Lang lang) {
    // One CRS for all the sites: on the collection. Sites in different CRSs: on each feature
    // of a site that is not in WGS 84.
    bool one_crs = true;
    for (const auto& s : report.sites)
        if (s.crs != report.sites.front().crs) one_crs = false;
    JsonWriter w;
    w.begin_object();
    w.key("type").value("FeatureCollection");
    if (one_crs && !report.sites.empty() && !is_wgs84_lonlat(report.sites.front().crs))
        write_crs(w, report.sites.front().crs);
    w.key("features").begin_array();
    for (const auto& s : report.sites)
        for (const auto& f : s.findings)
            write_feature(w, f, s, lang, !one_crs && !is_wgs84_lonlat(s.crs));
    w.end_array();
    w.end_object();
    return w.str();
}

}  // namespace camaudit::report
