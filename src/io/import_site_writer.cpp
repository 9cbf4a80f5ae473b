#include "io/import_site_writer.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace camaudit::io {

namespace {

// Every string double-quoted, so that no id or name is ever read back as a number, a boolean
// or null; non-ASCII text (Chinese names) is kept as it is.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\')
            out += fmt::format("\\{}", static_cast<char>(c));
        else if (c < 0x20 || c == 0x7F)
            out += fmt::format("\\x{:02X}", c);
        else
            out += static_cast<char>(c);
    }
    return out + "\"";
}

// The shortest text that reads back as the same double.
std::string number(double v) {
    return fmt::format("{}", v);
}

std::string point(Point p) {
    return fmt::format("[{}, {}]", number(p.x), number(p.y));
}

std::string points(const std::vector<Point>& pts) {
    std::string out = "[";
    for (std::size_t i = 0; i < pts.size(); ++i) out += (i ? ", " : "") + point(pts[i]);
    return out + "]";
}

std::string polygon(const Polygon& p) {
    if (p.holes.empty()) return points(p.shell);
    std::string holes;
    for (const Ring& h : p.holes) holes += (holes.empty() ? "" : ", ") + points(h);
    return fmt::format("{{shell: {}, holes: [{}]}}", points(p.shell), holes);
}

std::string yes_no(bool b) {
    return b ? "true" : "false";
}

class Out {
  public:
    void line(int indent, std::string_view text) {
        text_ += std::string(static_cast<std::size_t>(indent), ' ');
        text_ += text;
        text_ += '\n';
    }
    // `key: value` where the value is present.
    void opt(int indent, std::string_view key, const std::string& value, bool quote = true) {
        if (!value.empty()) line(indent, fmt::format("{}: {}", key, quote ? quoted(value) : value));
    }
    void origin(int indent, const std::optional<DrawingOrigin>& o) {
        if (o && o->ifc)
            line(indent, fmt::format("# {}: {}{}{}", o->qualified_name(), o->entity,
                                     o->layer.empty() ? "" : fmt::format(" '{}'", o->layer),
                                     o->line > 0 ? fmt::format(", line {}", o->line) : ""));
        else if (o)
            line(indent,
                 fmt::format("# {}: {} on layer {}{}", o->qualified_name(), o->entity, o->layer,
                             o->line > 0 ? fmt::format(", line {}", o->line) : ""));
    }
    // Replaces the last line (an empty `key: {}` that turned out to have content).
    void replace_last(std::string_view text) {
        const auto end = text_.size() - 1;
        const auto start = text_.rfind('\n', end - 1);
        text_.replace(start == std::string::npos ? 0 : start + 1, end - (start + 1), text);
    }
    std::string take() { return std::move(text_); }

  private:
    std::string text_;
};

void write_party(Out& o, int indent, const Party& p, bool first_key_dash) {
    o.line(indent - (first_key_dash ? 2 : 0),
           fmt::format("{}id: {}", first_key_dash ? "- " : "", quoted(p.id)));
    o.opt(indent, "name", p.name);
    o.opt(indent, "type", p.type);
    if (!p.credit_code.empty() || (!p.type.empty() && p.type != "individual"))
        o.line(indent, fmt::format("credit_code: {}", quoted(p.credit_code)));
    o.line(indent, fmt::format("responsible: {}", yes_no(p.responsible)));
}

void write_measures(Out& o, const Measures& m) {
    static constexpr std::array<std::pair<const char*, std::optional<Measure> Measures::*>, 10>
        kMeasures = {{{"operation", &Measures::operation},
                      {"staff", &Measures::staff},
                      {"access_log", &Measures::access_log},
                      {"standards", &Measures::standards},
                      {"archives", &Measures::archives},
                      {"products", &Measures::products},
                      {"security", &Measures::security},
                      {"maintenance", &Measures::maintenance},
                      {"access_control", &Measures::access_control},
                      {"contractor", &Measures::contractor}}};
    o.line(2, "measures: {}");  // replaced below where a measure is given
    bool any = false;
    for (const auto& [name, slot] : kMeasures) {
        const auto& measure = m.*slot;
        if (!measure) continue;
        if (!any) o.replace_last("  measures:");
        any = true;
        o.line(4, fmt::format("{}:", name));
        o.line(6, fmt::format("attested: {}", yes_no(measure->attested)));
        if (measure->date) o.line(6, fmt::format("date: {}", measure->date->str()));
        o.opt(6, "by", measure->by);
        o.opt(6, "note", measure->note);
    }
}

void write_system(Out& o, const System& s) {
    const bool filing =
        s.filing && (s.filing->filed || s.filing->date || !s.filing->record_no.empty());
    if (!s.retention_days && !s.delivered && !s.filing && !s.measures)
        return o.line(0, "system: {}");
    o.line(0, "system:");
    if (s.retention_days) o.line(2, fmt::format("retention_days: {}", *s.retention_days));
    if (s.delivered) o.line(2, fmt::format("delivered: {}", s.delivered->str()));
    if (s.filing && !filing) o.line(2, "filing: {}");
    if (filing) {
        o.line(2, "filing:");
        if (s.filing->filed) o.line(4, fmt::format("filed: {}", yes_no(*s.filing->filed)));
        if (s.filing->date) o.line(4, fmt::format("date: {}", s.filing->date->str()));
        o.opt(4, "record_no", s.filing->record_no);
    }
    if (s.measures) write_measures(o, *s.measures);
}

void write_zone(Out& o, const Zone& z) {
    o.origin(2, z.origin);
    o.line(2, fmt::format("- id: {}", quoted(z.id)));
    o.line(4, fmt::format("kind: {}", quoted(z.kind)));
    o.opt(4, "name", z.name);
    o.opt(4, "floor", z.floor);
    switch (z.shape) {
        case ZoneShape::Polygon:
            o.line(4, "polygon: " + polygon(z.polygon));
            break;
        case ZoneShape::Point:
            o.line(4, "point: " + point(z.point));
            break;
        case ZoneShape::Line:
            o.line(4, "line: " + points(z.line));
            break;
    }
    if (z.radius) o.line(4, "radius: " + number(*z.radius));
    if (z.width) o.line(4, "width: " + number(*z.width));
    if (z.is_public) o.line(4, "public: " + yes_no(*z.is_public));
    o.opt(4, "owner", z.owner);
    if (z.key_part) o.line(4, "key_part: true");
}

void write_wall(Out& o, const Wall& w) {
    o.origin(2, w.origin);
    o.line(2, fmt::format("- id: {}", quoted(w.id)));
    o.opt(4, "floor", w.floor);
    o.line(4, w.is_polygon ? "polygon: " + polygon(w.polygon) : "line: " + points(w.line));
    if (w.transparent) o.line(4, "transparent: true");
    if (w.height) o.line(4, "height: " + number(*w.height));
}

void write_camera(Out& o, const Camera& c) {
    o.origin(2, c.origin);
    o.line(2, fmt::format("- id: {}", quoted(c.id)));
    o.opt(4, "floor", c.floor);
    o.line(4, "position: " + point(c.position));
    o.line(4, "height: " + number(c.height));
    if (c.azimuth && !c.ptz) o.line(4, "azimuth: " + number(*c.azimuth));
    o.line(4, "hfov: " + number(c.hfov));
    o.line(4, "range: " + number(c.range));
    if (c.tilt) o.line(4, "tilt: " + number(*c.tilt));
    if (c.vfov) o.line(4, "vfov: " + number(*c.vfov));
    if (c.resolution)
        o.line(4, fmt::format("resolution: [{}, {}]", (*c.resolution)[0], (*c.resolution)[1]));
    if (c.ptz)
        o.line(4, c.ptz->unlimited ? std::string("ptz: {}")
                                   : fmt::format("ptz: {{pan: [{}, {}]}}", number(c.ptz->pan_from),
                                                 number(c.ptz->pan_to)));
    if (!c.privacy_masks.empty()) {
        o.line(4, "privacy_masks:");
        for (const Polygon& m : c.privacy_masks) o.line(6, "- " + polygon(m));
    }
    o.opt(4, "owner", c.owner);
    o.line(4, "signage: " + yes_no(c.signage));
    if (!c.consent.empty()) {
        std::string ids;
        for (const auto& id : c.consent) ids += (ids.empty() ? "" : ", ") + quoted(id);
        o.line(4, fmt::format("consent: [{}]", ids));
    }
    o.opt(4, "purpose", c.purpose);
}

void write_settings(Out& o, const Settings& s) {
    if (s.rule_params.empty() && s.disable.empty() && !s.view_height) return;
    o.line(0, "settings:");
    if (!s.rule_params.empty()) {
        o.line(2, "rule_params:");
        for (const auto& [rule, params] : s.rule_params) {
            o.line(4, fmt::format("{}:", quoted(rule)));
            for (const auto& [name, p] : params)
                o.line(6, fmt::format("{}: {}", quoted(name), number(p.value)));
        }
    }
    if (!s.disable.empty()) {
        std::string names;
        for (const auto& [name, loc] : s.disable)
            names += (names.empty() ? "" : ", ") + quoted(name);
        o.line(2, fmt::format("disable: [{}]", names));
    }
    if (s.view_height) o.line(2, "view_height: " + number(*s.view_height));
}

}  // namespace

std::string write_site_yaml(const Site& site, const std::string& source) {
    Out o;
    o.line(0, fmt::format("# The site {} with its drawings imported (camaudit import).", source));
    o.line(0, "camaudit: 1");
    o.line(0, "site:");
    o.line(2, "id: " + quoted(site.info.id));
    o.opt(2, "name", site.info.name);
    o.line(2, "region: " + quoted(site.info.region));
    o.line(2, "crs: " + quoted(site.info.crs));
    o.opt(2, "regime", site.info.regime);
    o.opt(2, "address", site.info.address);
    if (!site.info.consent.empty()) {  // site.consent (extension): kept, so it audits the same
        std::string ids;
        for (const auto& id : site.info.consent) ids += (ids.empty() ? "" : ", ") + quoted(id);
        o.line(2, fmt::format("consent: [{}]", ids));
    }
    o.line(0, "operator:");
    write_party(o, 2, site.operator_, false);
    if (!site.parties.empty()) {
        o.line(0, "parties:");
        for (const Party& p : site.parties) write_party(o, 4, p, true);
    }
    if (site.system) write_system(o, *site.system);
    if (site.has_floors()) {
        o.line(0, "floors:");
        for (const Floor& f : site.floors)
            o.line(2,
                   fmt::format("- {{id: {}, elevation: {}}}", quoted(f.id), number(f.elevation)));
    }
    o.line(0, site.zones.empty() ? "zones: []" : "zones:");
    for (const Zone& z : site.zones) write_zone(o, z);
    o.line(0, site.walls.empty() ? "walls: []" : "walls:");
    for (const Wall& w : site.walls) write_wall(o, w);
    o.line(0, site.cameras.empty() ? "cameras: []" : "cameras:");
    for (const Camera& c : site.cameras) write_camera(o, c);
    write_settings(o, site.settings);
    return o.take();
}

}  // namespace camaudit::io
