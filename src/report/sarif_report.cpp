// SARIF 2.1.0 for GitHub code scanning and SARIF viewers. The rule descriptors come from the
// rule packs (titles, explain, fix, citations with their verbatim text), the same source as
// `camaudit explain`. Columns are declared in UTF-16 code units, as GitHub counts them:
// yaml-cpp counts bytes, so each column is converted by reading its line of the site file.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "report/json_writer.hpp"
#include "report/report.hpp"

namespace camaudit::report {

namespace {

struct Descriptor {
    std::string id;
    const audit::Rule* rule = nullptr;  // null: a finding's rule missing from its rule set
    const audit::RuleSet* rules = nullptr;
};

// The rules of every site's active packs, in pack order, each once; then any rule a finding
// names that no rule set has (hand-made reports).
std::vector<Descriptor> collect_rules(const audit::AuditReport& report) {
    std::vector<Descriptor> out;
    std::set<std::string> seen;
    for (const auto& site : report.sites) {
        if (!site.rules) continue;
        for (const audit::Rule* r : site.rules->rules())
            if (seen.insert(r->id).second) out.push_back({r->id, r, site.rules.get()});
    }
    for (const auto& site : report.sites)
        for (const auto& f : site.findings)
            if (seen.insert(f.rule).second) out.push_back({f.rule, nullptr, site.rules.get()});
    return out;
}

std::string_view level(audit::Severity s) {
    switch (s) {
        case audit::Severity::Error:
            return "error";
        case audit::Severity::Warning:
            return "warning";
        case audit::Severity::Info:
            return "note";
    }
    return "none";
}

std::string citation_label(const audit::Citation& c, const audit::RuleSet* rules, Lang lang) {
    const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
    return lang == Lang::Zh ? c.label_zh(inst ? inst->short_zh : c.doc)
                            : c.label_en(inst ? inst->short_en : c.doc);
}

void write_citation(JsonWriter& w, const audit::Citation& c, const audit::RuleSet* rules,
                    Lang lang) {
    const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
    w.begin_object();
    w.key("doc").value(c.doc).key("article").value(c.article);
    w.key("paragraph");
    c.paragraph > 0 ? (void)w.value(c.paragraph) : (void)w.null();
    w.key("item");
    c.item > 0 ? (void)w.value(c.item) : (void)w.null();
    w.key("label").value(citation_label(c, rules, lang));
    w.key("text_zh").value(c.text_zh);
    w.key("title_zh").value(inst ? inst->title_zh : "");
    w.key("title_en").value(inst ? inst->title_en : "");
    w.end_object();
}

struct HelpText {
    std::string text, markdown;
};

HelpText rule_help(const audit::Rule& r, const audit::RuleSet* rules, Lang lang) {
    const bool zh = lang == Lang::Zh;
    const std::string& title = zh ? r.title_zh : r.title_en;
    const std::string& explain = zh ? r.explain_zh : r.explain_en;
    const std::string& fix = zh ? r.fix_zh : r.fix_en;
    HelpText h;
    h.text = fmt::format("{}\n\n{}\n", title, explain);
    h.markdown = fmt::format("**{}** (`{}`)\n\n{}\n", title, r.id, explain);
    const char* basis = zh ? "法律依据" : "Legal basis";
    h.text += fmt::format("\n{}:\n", basis);
    h.markdown += fmt::format("\n**{}**\n", basis);
    for (const auto& c : r.citations) {
        const audit::Instrument* inst = rules ? rules->instrument(c.doc) : nullptr;
        const std::string label = citation_label(c, rules, lang);
        const std::string title_of = inst ? (zh ? inst->title_zh : inst->title_en) : c.doc;
        h.text += fmt::format("- {} ({}): 「{}」\n", label, title_of, c.text_zh);
        h.markdown += fmt::format("\n- {} ({}):\n\n  > {}\n", label, title_of, c.text_zh);
    }
    const char* how = zh ? "如何改正" : "How to fix";
    h.text += fmt::format("\n{}:\n{}\n", how, fix);
    h.markdown += fmt::format("\n**{}**\n\n{}\n", how, fix);
    return h;
}

void write_descriptor(JsonWriter& w, const Descriptor& d, Lang lang) {
    w.begin_object();
    w.key("id").value(d.id);
    if (d.rule) {
        const audit::Rule& r = *d.rule;
        const bool zh = lang == Lang::Zh;
        const std::string& title = zh ? r.title_zh : r.title_en;
        const std::string& explain = zh ? r.explain_zh : r.explain_en;
        w.key("shortDescription").begin_object().key("text").value(title).end_object();
        w.key("fullDescription")
            .begin_object()
            .key("text")
            .value(explain.empty() ? title : explain);
        w.end_object();
        auto help = rule_help(r, d.rules, lang);
        w.key("help").begin_object().key("text").value(help.text);
        w.key("markdown").value(help.markdown).end_object();
        w.key("defaultConfiguration").begin_object().key("level").value(level(r.severity));
        w.end_object();
        w.key("properties").begin_object();
        w.key("check").value(r.check).key("pack").value(r.pack);
        w.key("title_zh").value(r.title_zh).key("title_en").value(r.title_en);
        w.key("tags").begin_array().value("camaudit").value(r.check).value(r.pack).end_array();
        w.key("citations").begin_array();
        for (const auto& c : r.citations) write_citation(w, c, d.rules, lang);
        w.end_array();
        w.end_object();
    }
    w.end_object();
}

// The lines of the site files, read once, for column conversion.
class SourceLines {
  public:
    // The UTF-16 column of a byte column; the byte column itself where the file or the line
    // cannot be read (identical for ASCII).
    int column(const std::string& file, int line, int byte_column) {
        auto it = files_.find(file);
        if (it == files_.end()) it = files_.emplace(file, read(file)).first;
        const auto& lines = it->second;
        if (line < 1 || static_cast<std::size_t>(line) > lines.size()) return byte_column;
        return utf16_column(lines[static_cast<std::size_t>(line) - 1], byte_column);
    }

  private:
    static std::vector<std::string> read(const std::string& file) {
        std::vector<std::string> lines;
        std::ifstream in(file, std::ios::binary);
        for (std::string l; std::getline(in, l);) {
            if (!l.empty() && l.back() == '\r') l.pop_back();
            lines.push_back(std::move(l));
        }
        return lines;
    }
    std::map<std::string, std::vector<std::string>> files_;
};

void write_location(JsonWriter& w, const audit::Finding& f, const audit::SiteResult& site,
                    const std::string& cwd, SourceLines& source) {
    auto uri = artifact_uri(site.file, cwd);
    w.begin_object().key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object().key("uri").value(uri.uri);
    if (uri.relative) w.key("uriBaseId").value("%SRCROOT%");
    w.end_object();
    w.key("region").begin_object().key("startLine").value(std::max(f.loc.line, 1));
    if (f.loc.column >= 1)
        w.key("startColumn").value(source.column(site.file, f.loc.line, f.loc.column));
    w.end_object();
    w.end_object();
    if (f.origin) {
        // The entity of the drawing that the camera or zone was imported from.
        const DrawingOrigin& o = *f.origin;
        w.key("logicalLocations").begin_array().begin_object();
        w.key("name").value(o.handle.empty() ? o.dxf : o.handle).key("kind").value("object");
        w.key("fullyQualifiedName").value(o.qualified_name()).end_object().end_array();
    }
    w.end_object();
}

// The drawing's text at the imported entity's line, for viewers that can open it.
void write_drawing_location(JsonWriter& w, const DrawingOrigin& o, const std::string& cwd) {
    auto uri = artifact_uri(o.path, cwd);
    w.key("relatedLocations").begin_array().begin_object().key("id").value(1);
    w.key("physicalLocation").begin_object();
    w.key("artifactLocation").begin_object().key("uri").value(uri.uri);
    if (uri.relative) w.key("uriBaseId").value("%SRCROOT%");
    w.end_object();
    if (o.line > 0) w.key("region").begin_object().key("startLine").value(o.line).end_object();
    w.end_object();
    w.key("message").begin_object().key("text");
    if (o.ifc)
        w.value(o.layer.empty() ? fmt::format("{} {}", o.handle, o.entity)
                                : fmt::format("{} {} '{}'", o.handle, o.entity, o.layer));
    else
        w.value(fmt::format("{} entity {} on layer {}", o.entity,
                            o.handle.empty() ? "without handle" : o.handle, o.layer));
    w.end_object().end_object().end_array();
}

void write_result(JsonWriter& w, const audit::Finding& f, const audit::SiteResult& site,
                  std::size_t rule_index, Lang lang, const std::string& cwd, SourceLines& source) {
    w.begin_object();
    w.key("ruleId").value(f.rule).key("ruleIndex").value(rule_index);
    w.key("level").value(level(f.severity));
    w.key("message").begin_object().key("text").value(f.message(lang == Lang::Zh)).end_object();
    w.key("locations").begin_array();
    write_location(w, f, site, cwd, source);
    w.end_array();
    if (f.origin) write_drawing_location(w, *f.origin, cwd);
    w.key("partialFingerprints").begin_object();
    w.key("camauditFingerprint/v1").value(f.fingerprint).end_object();
    w.key("properties").begin_object();
    w.key("rules").begin_array();
    for (const auto& r : f.rules) w.value(r);
    w.end_array();
    w.key("check").value(f.check).key("severity").value(audit::to_string(f.severity));
    w.key("site").value(f.site);
    w.key("camera");
    f.camera ? (void)w.value(*f.camera) : (void)w.null();
    w.key("zone");
    f.zone ? (void)w.value(*f.zone) : (void)w.null();
    w.key("metrics").begin_object();
    for (const auto& [k, v] : f.metrics) w.key(k).value(v);
    w.end_object();
    w.key("citations").begin_array();
    for (const auto& c : f.citations) write_citation(w, c, site.rules.get(), lang);
    w.end_array();
    // The penalty articles, in the result's properties like the citations (README, "SARIF").
    if (!f.penalties.empty()) {
        w.key("penalties").begin_array();
        for (const auto& c : f.penalties) write_citation(w, c, site.rules.get(), lang);
        w.end_array();
    }
    w.end_object();
    w.end_object();
}

std::string current_dir() {
    std::error_code ec;
    auto p = std::filesystem::current_path(ec);
    return ec ? std::string("/") : p.generic_string();
}

}  // namespace

std::string render_sarif(const audit::AuditReport& report, Lang lang) {
    const std::string cwd = current_dir();
    const auto descriptors = collect_rules(report);
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < descriptors.size(); ++i) index.emplace(descriptors[i].id, i);

    JsonWriter w;
    w.begin_object();
    w.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    w.key("version").value("2.1.0");
    w.key("runs").begin_array().begin_object();
    w.key("tool").begin_object().key("driver").begin_object();
    w.key("name").value("camaudit").key("version").value(CAMAUDIT_VERSION);
    w.key("semanticVersion").value(CAMAUDIT_VERSION);
    w.key("rules").begin_array();
    for (const auto& d : descriptors) write_descriptor(w, d, lang);
    w.end_array();
    w.end_object().end_object();
    w.key("invocations").begin_array().begin_object();
    w.key("executionSuccessful").value(true);
    w.end_object().end_array();
    std::string root = "file://" + file_uri_encode(cwd);
    if (root.back() != '/') root += '/';
    w.key("originalUriBaseIds").begin_object().key("%SRCROOT%").begin_object();
    w.key("uri").value(root).end_object().end_object();
    w.key("language").value(lang == Lang::Zh ? "zh-CN" : "en-US");
    w.key("columnKind").value("utf16CodeUnits");
    w.key("results").begin_array();
    SourceLines source;
    for (const auto& site : report.sites)
        for (const auto& f : site.findings)
            write_result(w, f, site, index.at(f.rule), lang, cwd, source);
    w.end_array();
    w.key("properties").begin_object().key("sites").begin_array();
    for (const auto& s : report.sites) {
        w.begin_object().key("file").value(s.file).key("id").value(s.id);
        w.key("cameras").value(s.cameras).key("zones").value(s.zones).end_object();
    }
    w.end_array().end_object();
    w.end_object().end_array();
    w.end_object();
    return w.str();
}

}  // namespace camaudit::report
