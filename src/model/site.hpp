// The site model: plain data read from a site file, independent of its format.
//
// Coordinates are kept as written in the input CRS (`Site::info.crs`). The geometry layer
// (src/geo/) projects a copy into the metric working CRS before any computation, so that
// findings can still be reported in the input CRS.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/source_location.hpp"

namespace camaudit {

struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

using Ring = std::vector<Point>;  // open ring: the closing point is not repeated

struct Polygon {
    Ring shell;
    std::vector<Ring> holes;
};

struct Party {
    std::string id;
    std::string name;
    std::string type;         // enterprise | government | institution | social_org | individual
    std::string credit_code;  // 统一社会信用代码; may be empty
    bool responsible = false;
    SourceLocation loc;
    SourceLocation credit_code_loc;
};

struct Filing {
    std::optional<bool> filed;
    std::optional<Date> date;
    std::string record_no;
    SourceLocation loc;
    SourceLocation date_loc;
};

// A management or technical measure that the operator attests (公安部 规定 第十条 (五), (六),
// (八), (十)-(十三)): `system.measures.NAME` in the site file.
struct Measure {
    bool attested = false;
    std::optional<Date> date;  // the last check, training, maintenance, acceptance...
    std::string by, note;
    SourceLocation loc;
    SourceLocation date_loc;
};

struct Measures {
    std::optional<Measure> operation;       // (五) normal operation (条例 15)
    std::optional<Measure> staff;           // (六) vetting, education, training (16 (一))
    std::optional<Measure> access_log;      // (六) register of access (16 (三))
    std::optional<Measure> standards;       // (八) built to the standards (11)
    std::optional<Measure> archives;        // (八) design ... acceptance archives (11)
    std::optional<Measure> products;        // (十) products and services (12)
    std::optional<Measure> security;        // (十一) anti-attack ... anti-leakage (15)
    std::optional<Measure> maintenance;     // (十二) regular maintenance (15)
    std::optional<Measure> access_control;  // (十三) authorization, access control (16 (二))
    // (十一) operation entrusted to a contractor: the security and confidentiality agreement
    // and its supervision (15 ¶2); absent: the operator runs the system itself (extension).
    std::optional<Measure> contractor;
    SourceLocation loc;
};

struct System {
    std::optional<int> retention_days;
    std::optional<Date> delivered;
    std::optional<Filing> filing;
    std::optional<Measures> measures;
    SourceLocation loc;
    SourceLocation retention_loc;
    SourceLocation delivered_loc;
};

struct Floor {
    std::string id;
    double elevation = 0;
    SourceLocation loc;
};

// Where an element imported from a CAD drawing or an IFC model (a site file's `import:`) was
// drawn. The element's `loc` stays in the site file (its import entry), so that every report's
// file:line:column is a site-file position; this names the entity in the drawing.
struct DrawingOrigin {
    std::string dxf;      // as the site file names it (relative to the site file)
    std::string path;     // as opened: the site file's folder joined with `dxf`
    std::string handle;   // the entity handle (hex); empty where the drawing has none
    std::string entity;   // the DXF entity type: LWPOLYLINE, INSERT, ...
    std::string layer;    // the layer it is drawn on (a block's layer 0 resolved)
    std::string inserts;  // for an entity inside blocks: the INSERT handles, outermost first
    int line = 0;         // the line of the entity in the DXF text; 0: unknown
    // An IFC model (`dxf` names the .ifc file): `handle` is the instance (#137), `entity` its
    // class (IFCSPACE), `layer` its Name, `line` the STEP line of the instance.
    bool ifc = false;

    // "plans/f1.dxf#2F"; "plans/f1.dxf#49/33" for an entity in a block inserted by 49; the
    // drawing alone where it has no handles; "office.ifc#137" for an IFC instance.
    std::string qualified_name() const {
        if (ifc) return dxf + handle;
        if (handle.empty()) return dxf;
        return dxf + "#" + (inserts.empty() ? handle : inserts + "/" + handle);
    }
};

enum class ZoneShape { Polygon, Point, Line };

struct Zone {
    std::string id;
    std::string kind;
    std::string name;
    std::string floor;  // empty where the site has no floors
    ZoneShape shape = ZoneShape::Polygon;
    Polygon polygon;                // shape == Polygon
    Point point;                    // shape == Point
    std::vector<Point> line;        // shape == Line
    std::optional<double> radius;   // point zones
    std::optional<double> width;    // line zones: full width
    std::optional<bool> is_public;  // absent: the kind's default
    std::string owner;              // empty: the operator
    bool key_part = false;
    SourceLocation loc;
    std::optional<DrawingOrigin> origin;  // imported from a drawing
};

struct Wall {
    std::string id;
    std::string floor;
    bool is_polygon = false;  // a solid pillar / building outline
    std::vector<Point> line;  // !is_polygon
    Polygon polygon;          // is_polygon
    bool transparent = false;
    // Metres above its floor (a partition, a booth's curtain, a counter); absent: it reaches the
    // ceiling. Transparent walls ignore it. See geo/heights.hpp for what it hides.
    std::optional<double> height;
    SourceLocation loc;
    std::optional<DrawingOrigin> origin;  // imported from a drawing
};

struct Ptz {
    bool unlimited = false;  // `ptz: {}`
    double pan_from = 0;     // degrees, clockwise from north; pans clockwise to pan_to
    double pan_to = 0;
};

// A value that the reader assumed because the input does not give it (an OpenStreetMap camera
// without a tag for it). The check assumed-default reports each camera's assumptions as an
// `info` finding, so that no default stays silent.
struct Assumption {
    std::string field;  // the site-format key: "hfov", "range", "height", "signage", "owner"...
    std::string value;  // as a site file would write it: "90", "false", "op1"
    std::string reason_en, reason_zh;  // why, and what to add to replace it
};

struct Camera {
    std::string id;
    std::string floor;
    Point position;
    double height = 3.0;
    std::optional<double> azimuth;  // degrees clockwise from north (input CRS north)
    double hfov = 0;
    double range = 0;
    std::optional<double> tilt;
    std::optional<double> vfov;
    std::optional<std::array<int, 2>> resolution;  // width, height in pixels
    std::optional<Ptz> ptz;
    std::vector<Polygon> privacy_masks;
    std::string owner;  // empty: the operator
    bool signage = false;
    std::vector<std::string> consent;
    std::vector<SourceLocation> consent_locs;  // of each id in `consent`
    std::string purpose;
    SourceLocation loc;
    std::optional<DrawingOrigin> origin;  // imported from a drawing
    std::vector<Assumption> assumed;      // empty where the file gives every value

    bool panoramic() const { return hfov >= 360.0 || (ptz && ptz->unlimited); }
};

// A parameter override: a rule id or check name, then parameter name → value.
struct ParamOverride {
    double value = 0;
    SourceLocation loc;
};

struct Settings {
    std::map<std::string, std::map<std::string, ParamOverride>> rule_params;
    std::map<std::string, SourceLocation> rule_params_loc;  // key → its location
    std::vector<std::pair<std::string, SourceLocation>> disable;
    // The height above the floor at which the viewshed is judged (the spec's "Heights");
    // absent: geo::kDefaultViewHeight (1.7 m, a standing person's head).
    std::optional<double> view_height;
};

struct SiteInfo {
    std::string id;
    std::string name;
    std::string region = "CN";
    std::string crs = "local";
    std::string regime;  // empty: derived (see the spec's "Legal regime")
    std::string address;
    // site.consent (extension): classified zones whose unit agreed in writing to the whole
    // site, as if every camera listed them (issue #14 point 12).
    std::vector<std::string> consent;
    std::vector<SourceLocation> consent_locs;
    SourceLocation loc;
    SourceLocation crs_loc;
    SourceLocation regime_loc;
};

// Input that the reader skipped on purpose: a GeoJSON property or member outside the schema
// (OpenStreetMap features carry many tags). `validate --strict` lists them.
struct IgnoredInput {
    SourceLocation loc;
    std::string what;  // "property 'surveillance:zone' of camera 'n123'"
};

struct Site {
    std::string file;  // as given on the command line
    SiteInfo info;
    Party operator_;
    std::vector<Party> parties;
    std::optional<System> system;
    std::vector<Floor> floors;
    std::vector<Zone> zones;
    std::vector<Wall> walls;
    std::vector<Camera> cameras;
    Settings settings;
    std::vector<IgnoredInput> ignored;  // the first kMaxListedIgnored of them
    std::size_t ignored_total = 0;      // all of them

    bool has_floors() const { return !floors.empty(); }
    // The operator or a party by id; nullptr when unknown.
    const Party* party(const std::string& id) const;
    // The owner of a zone or camera, resolving "" to the operator.
    const std::string& owner_of(const std::string& owner) const {
        return owner.empty() ? operator_.id : owner;
    }
};

}  // namespace camaudit
