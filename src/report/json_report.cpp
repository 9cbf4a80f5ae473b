// The pinned JSON report (spec "JSON report").
#include <fmt/format.h>

#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace camaudit::report {

namespace {

void write_ring(JsonWriter& w, const Ring& ring) {
    w.begin_array();
    for (std::size_t i = 0; i <= ring.size(); ++i) {
        const Point& p = ring[i % ring.size()];  // GeoJSON rings are closed
        w.begin_array().value(p.x, 9).value(p.y, 9).end_array();
    }
    w.end_array();
}

void write_polygon_rings(JsonWriter& w, const Polygon& poly) {
    w.begin_array();
    write_ring(w, poly.shell);
    for (const auto& h : poly.holes) write_ring(w, h);
    w.end_array();
}

void write_geometry(JsonWriter& w, const std::vector<Polygon>& polys) {
    if (polys.empty()) {
        w.null();
        return;
    }
    w.begin_object();
    if (polys.size() == 1) {
        w.key("type").value("Polygon").key("coordinates");
        write_polygon_rings(w, polys[0]);
    } else {
        w.key("type").value("MultiPolygon").key("coordinates").begin_array();
        for (const auto& p : polys) write_polygon_rings(w, p);
        w.end_array();
    }
    w.end_object();
}

void write_int_or_null(JsonWriter& w, int v) {
    if (v > 0)
        w.value(v);
    else
        w.null();
}

void write_citation(JsonWriter& w, const audit::Citation& c, const audit::RuleSet* rules) {
    const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
    w.begin_object();
    w.key("doc").value(c.doc);
    w.key("article").value(c.article);
    w.key("paragraph");
    write_int_or_null(w, c.paragraph);
    w.key("item");
    write_int_or_null(w, c.item);
    w.key("text_zh").value(c.text_zh);
    w.key("title_zh").value(inst ? inst->title_zh : "");
    w.key("title_en").value(inst ? inst->title_en : "");
    w.end_object();
}

void write_finding(JsonWriter& w, const audit::Finding& f, const audit::SiteResult& site,
                   Lang lang) {
    w.begin_object();
    w.key("rule").value(f.rule);
    w.key("rules").begin_array();
    for (const auto& r : f.rules) w.value(r);
    w.end_array();
    w.key("check").value(f.check);
    w.key("severity").value(audit::to_string(f.severity));
    w.key("site").value(f.site);
    w.key("file").value(site.file);
    w.key("line").value(f.loc.line);
    w.key("column").value(f.loc.column);
    w.key("camera");
    f.camera ? (void)w.value(*f.camera) : (void)w.null();
    w.key("zone");
    f.zone ? (void)w.value(*f.zone) : (void)w.null();
    w.key("message").value(f.message(lang == Lang::Zh));
    w.key("citations").begin_array();
    for (const auto& c : f.citations) write_citation(w, c, site.rules.get());
    w.end_array();
    // The articles that punish the breach, omitted when none (spec, precise rule 8).
    if (!f.penalties.empty()) {
        w.key("penalties").begin_array();
        for (const auto& c : f.penalties) write_citation(w, c, site.rules.get());
        w.end_array();
    }
    w.key("metrics").begin_object();
    for (const auto& [k, v] : f.metrics) w.key(k).value(v);
    w.end_object();
    w.key("geometry");
    write_geometry(w, f.area);
    w.key("fingerprint").value(f.fingerprint);
    w.end_object();
}

}  // namespace

std::string geojson_geometry(const std::vector<Polygon>& polygons) {
    JsonWriter w(false);
    write_geometry(w, polygons);
    auto s = w.str();
    s.pop_back();
    return s;
}

std::string render_json(const audit::AuditReport& report, Lang lang) {
    JsonWriter w;
    w.begin_object();
    w.key("tool")
        .begin_object()
        .key("name")
        .value("camaudit")
        .key("version")
        .value(CAMAUDIT_VERSION);
    w.end_object();
    w.key("sites").begin_array();
    for (const auto& s : report.sites) {
        w.begin_object();
        w.key("file").value(s.file).key("id").value(s.id);
        w.key("cameras").value(s.cameras).key("zones").value(s.zones);
        // The regime applied and the one declared (spec, "Revision 2: the precise rules" 2).
        w.key("regime").value(s.regime).key("regime_declared");
        if (s.regime_declared.empty())
            w.null();
        else
            w.value(s.regime_declared);
        w.end_object();
    }
    w.end_array();
    w.key("findings").begin_array();
    for (const auto& s : report.sites)
        for (const auto& f : s.findings) write_finding(w, f, s, lang);
    w.end_array();
    auto n = audit::count_severities(report);
    w.key("summary").begin_object();
    w.key("error").value(n.error).key("warning").value(n.warning).key("info").value(n.info);
    w.end_object();
    w.end_object();
    return w.str();
}

}  // namespace camaudit::report
