// The JSON report of `camaudit diff`, documented in camaudit-diff(1) under "JSON REPORT": a
// stable shape for tools. Unlike text and Markdown it lists every watched zone, changed or not.
// Numbers: coordinates and camera values to 9 places, areas and distances to 3, fractions and
// metrics to 4, so that the last bits of a geometry library do not show.
#include <fmt/format.h>

#include "report/diff_report.hpp"
#include "report/json_writer.hpp"

namespace camaudit::report {

namespace {

using audit::ChangeStatus;
using audit::Finding;
using audit::SiteDiff;

std::string note_label(const audit::LegalNote& n, Lang l) {
    return l == Lang::Zh ? n.citation.label_zh(n.short_zh) : n.citation.label_en(n.short_en);
}

void json_value(JsonWriter& w, const audit::DiffValue& v) {
    if (const auto* d = std::get_if<double>(&v)) {
        w.value(*d, 9);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        w.value(*s);
    } else if (const auto* p = std::get_if<std::vector<double>>(&v)) {
        w.begin_array();
        for (double x : *p) w.value(x, 9);
        w.end_array();
    } else {
        w.null();
    }
}

void json_int_or_null(JsonWriter& w, int v) {
    v > 0 ? (void)w.value(v) : (void)w.null();
}

void json_note(JsonWriter& w, const audit::LegalNote& n, Lang l) {
    w.begin_object().key("topic").value(n.topic).key("doc").value(n.citation.doc);
    w.key("article").value(n.citation.article).key("paragraph");
    json_int_or_null(w, n.citation.paragraph);
    w.key("item");
    json_int_or_null(w, n.citation.item);
    w.key("label_zh").value(note_label(n, Lang::Zh)).key("label_en").value(note_label(n, Lang::En));
    w.key("text_zh").value(n.citation.text_zh).key("message").value(n.message(l == Lang::Zh));
    w.end_object();
}

void json_site(JsonWriter& w, const std::string& file, const Site& s, const std::string& regime) {
    w.begin_object().key("file").value(file).key("id").value(s.info.id);
    w.key("region").value(s.info.region).key("regime").value(regime);
    w.key("crs").value(s.info.crs);
    w.key("cameras").value(s.cameras.size()).key("zones").value(s.zones.size()).end_object();
}

void json_measure(JsonWriter& w, const std::optional<audit::ZoneMeasure>& m) {
    if (!m) {
        w.null();
        return;
    }
    w.begin_object().key("area_m2").value(m->area_m2, 3).key("covered_m2").value(m->covered_m2, 3);
    w.key("covered_fraction").value(m->covered_fraction, 4).end_object();
}

void json_finding(JsonWriter& w, const Finding& f, const std::string& file,
                  const audit::RuleSet* rules, Lang l) {
    w.begin_object().key("rule").value(f.rule).key("rules").begin_array();
    for (const auto& r : f.rules) w.value(r);
    w.end_array().key("check").value(f.check);
    w.key("severity").value(audit::to_string(f.severity)).key("site").value(f.site);
    w.key("file").value(file).key("line").value(f.loc.line).key("column").value(f.loc.column);
    w.key("camera");
    f.camera ? (void)w.value(*f.camera) : (void)w.null();
    w.key("zone");
    f.zone ? (void)w.value(*f.zone) : (void)w.null();
    w.key("message").value(f.message(l == Lang::Zh)).key("citations").begin_array();
    for (const auto& c : f.citations) {
        const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
        w.begin_object().key("doc").value(c.doc).key("article").value(c.article).key("paragraph");
        json_int_or_null(w, c.paragraph);
        w.key("item");
        json_int_or_null(w, c.item);
        w.key("text_zh").value(c.text_zh).key("title_zh").value(inst ? inst->title_zh : "");
        w.key("title_en").value(inst ? inst->title_en : "").end_object();
    }
    w.end_array().key("metrics").begin_object();
    for (const auto& [k, v] : f.metrics) w.key(k).value(v, 4);
    w.end_object().key("fingerprint").value(f.fingerprint).end_object();
}

void json_counts(JsonWriter& w, const std::vector<Finding>& fs) {
    std::size_t n[3] = {0, 0, 0};
    for (const auto& f : fs) ++n[static_cast<int>(f.severity)];
    w.begin_object().key("error").value(n[2]).key("warning").value(n[1]).key("info").value(n[0]);
    w.end_object();
}

}  // namespace

std::string render_diff_json(const DiffReport& r, Lang l) {
    const SiteDiff& d = r.diff;
    JsonWriter w;
    w.begin_object().key("tool").begin_object().key("name").value("camaudit");
    w.key("version").value(CAMAUDIT_VERSION).end_object();
    w.key("old");
    json_site(w, r.old_file, *d.old_site, d.old_regime);
    w.key("new");
    json_site(w, r.new_file, *d.new_site, d.new_regime);
    w.key("same_working_crs").value(d.same_working_crs);
    w.key("summary").begin_object().key("changed").value(!d.empty());
    w.key("cameras").begin_object().key("added").value(d.count(ChangeStatus::Added));
    w.key("removed").value(d.count(ChangeStatus::Removed)).key("moved").value(d.moved());
    w.key("reaimed").value(d.reaimed()).end_object();
    w.key("zones").begin_object();
    for (auto s : {ChangeStatus::Added, ChangeStatus::Removed, ChangeStatus::Changed,
                   ChangeStatus::Unchanged})
        w.key(audit::to_string(s)).value(d.zones_with(s));
    w.end_object().key("findings").begin_object().key("new");
    json_counts(w, d.new_findings);
    w.key("fixed");
    json_counts(w, d.fixed_findings);
    w.key("unchanged").value(d.unchanged_findings).end_object().end_object();

    w.key("cameras").begin_array();
    for (const auto& c : d.cameras) {
        w.begin_object().key("id").value(c.id).key("status").value(audit::to_string(c.status));
        w.key("moved").value(c.moved).key("reaimed").value(c.reaimed);
        w.key("floor").value(c.floor).key("line").value(c.loc.line);
        w.key("column").value(c.loc.column);
        w.key("distance_m");
        c.distance_m ? (void)w.value(*c.distance_m, 3) : (void)w.null();
        w.key("changes").begin_array();
        for (const auto& f : c.changes) {
            w.begin_object().key("field").value(f.field).key("old");
            json_value(w, f.old_value);
            w.key("new");
            json_value(w, f.new_value);
            w.end_object();
        }
        w.end_array().key("notes").begin_array();
        for (const auto& n : c.notes) json_note(w, n, l);
        w.end_array().end_object();
    }
    w.end_array().key("zones").begin_array();
    for (const auto& z : d.zones) {
        const auto& m = z.new_measure ? z.new_measure : z.old_measure;
        w.begin_object().key("id").value(z.id).key("kind").value(z.kind);
        w.key("floor").value(m->floor);
        w.key("status").value(audit::to_string(z.status)).key("old");
        json_measure(w, z.old_measure);
        w.key("new");
        json_measure(w, z.new_measure);
        w.end_object();
    }
    w.end_array().key("findings").begin_object().key("new").begin_array();
    for (const auto& f : d.new_findings) json_finding(w, f, r.new_file, r.new_rules, l);
    w.end_array().key("fixed").begin_array();
    for (const auto& f : d.fixed_findings) json_finding(w, f, r.old_file, r.old_rules, l);
    w.end_array().end_object().key("notes").begin_array();
    for (const auto& n : d.notes) json_note(w, n, l);
    w.end_array().end_object();
    return w.str();
}

}  // namespace camaudit::report
