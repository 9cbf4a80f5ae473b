// A building model read from an IFC file (IFC2X3 or IFC4, STEP text), as plain data: what
// camaudit needs of it to make a site (storeys, spaces, wall-like elements cut in plan,
// cameras with their properties, the map conversion) and the problems met on the way. No
// IFC++ type appears here: the reader is a module loaded at the first import (ifc_api.hpp),
// and this header is the whole contract between it and camaudit.
//
// Units: every length is in metres, every area in square metres and every angle in degrees,
// whatever the file's units (its IfcUnitAssignment: IfcSIUnit with prefixes, or an
// IfcConversionBasedUnit such as FOOT or DEGREE). Coordinates are the model's own global
// frame (the placement chains applied), x east and y north of the model, z up; the
// IfcMapConversion, when the model has one, is given apart and not applied.
//
// Plan geometry is a horizontal section of the element's 3D body (its 'Body' representation,
// openings subtracted), at `ReadOptions::cut_height` above the base of the element's storey
// (a wall-like element wholly below it: halfway up its body).
// Sections are exact for planar faces up to floating-point rounding; rings whose area is
// below 1e-6 m² and vertices closer than 1e-6 m to the previous one are dropped.
//
// Entities are named as in the file: `#137`, its class in capitals (IFCSPACE) and the line
// where its instance starts, so that a message can say `office.ifc:812:1: #137 IFCSPACE`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace camaudit::io::ifc {

struct Point2 {
    double x = 0;
    double y = 0;
};

// A closed ring, the closing vertex not repeated: outer rings counter-clockwise, holes
// clockwise (seen from above, +z).
using Ring = std::vector<Point2>;
// An open line (an open surface cut by the plane): at least two vertices.
using Line = std::vector<Point2>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;  // each inside `outer`, none inside another
};

// An entity instance of the STEP file.
struct EntityRef {
    int id = 0;        // the instance number (#137); 0: none
    int line = 0;      // 1-based line where `#137=` is written; 0: unknown
    std::string type;  // the class as written, in capitals: IFCSPACE, IFCWALLSTANDARDCASE
};

enum class Schema { ifc2x3, ifc4 };

struct Units {
    double length = 1;             // metres per file length unit (0.001 for millimetres)
    double area = 1;               // square metres per file area unit
    double angle = 1;              // degrees per file plane angle unit (57.29… for radians)
    bool length_declared = false;  // false: the file names no length unit, metres assumed
};

struct Storey {
    EntityRef entity;
    std::string global_id;
    std::string name;      // Name, "" when absent
    double elevation = 0;  // the Elevation attribute (0 when absent)
    // z of the storey's placement origin, in the model's global frame: the base that cut
    // heights and element tops are measured from. Usually `elevation` plus the building's z.
    double base = 0;
    bool has_elevation = false;
};

// Where a space's footprint came from.
enum class FootprintSource {
    none,            // neither: see the problem `space_without_geometry`
    body_section,    // the section of its Body at cut_height above its storey
    footprint_curve  // its 2D FootPrint representation (the body gave no closed ring there)
};

struct Space {
    EntityRef entity;
    std::string global_id;
    std::string name;       // Name: usually the room number (`A101`, `135`)
    std::string long_name;  // LongName: usually the room's name (`Foyer`, `Bad`)
    int storey = -1;        // index in Model::storeys; -1: in no storey
    std::vector<Polygon> footprint;
    FootprintSource source = FootprintSource::none;
    // The z range of its body relative to its storey's base (0, 0 without a body).
    double bottom = 0;
    double top = 0;
};

// The IFC classes that are cut in plan as walls. Subtypes count as their class
// (IfcWallStandardCase and IfcWallElementedCase as wall_standard_case and wall, IFC4's
// *StandardCase of doors, windows, columns and plates as their class).
enum class WallClass { wall, wall_standard_case, column, curtain_wall, window, door, plate };

struct WallElement {
    EntityRef entity;
    std::string global_id;
    std::string name;
    WallClass wall_class = WallClass::wall;
    // Curtain walls and windows always; a plate when its name, object type or material says
    // glass (glass, glazing, glazed, 玻璃), or it is part of a curtain wall and has no material.
    bool glazed = false;
    int storey = -1;  // index in Model::storeys; -1: in no storey (cut above z = 0 then)
    // The section at cut_height, or halfway up its body where the body ends below cut_height
    // (a counter, a parapet: it comes in with its `top`).
    std::vector<Polygon> polygons;  // the section's closed rings, grouped outer + holes
    std::vector<Line> lines;        // the section of open surfaces (no volume)
    bool has_body = false;          // a 3D body was found; false: no section, no height
    // The z range of its body relative to its storey's base: a 1.1 m counter has top 1.1,
    // a full-height wall the storey height (or more).
    double bottom = 0;
    double top = 0;
};

// One value of a property set (IfcPropertySingleValue; an IfcPropertyEnumeratedValue gives
// its values joined by ", "), of the element itself or of its type object.
struct Property {
    std::string set;   // the property set's Name
    std::string name;  // the property's Name
    std::string type;  // the value's class in capitals: IFCLENGTHMEASURE, IFCLABEL, IFCBOOLEAN
    std::string text;  // text values decoded to UTF-8; numbers as written; booleans and
                       // logicals as TRUE, FALSE or UNKNOWN
    // Numeric values: lengths in metres, areas in m², plane angles in degrees (by the
    // property's own Unit where it has one, else the file's units); other numbers as written.
    std::optional<double> number;
    std::optional<bool> boolean;  // IFCBOOLEAN and IFCLOGICAL (not UNKNOWN)
    EntityRef entity;             // the property
    bool from_type = false;       // from the element's type object, not the element
};

struct Camera {
    EntityRef entity;
    std::string global_id;
    std::string name;
    std::string tag;          // IfcElement's Tag
    std::string object_type;  // ObjectType
    bool appliance = false;   // an IfcAudioVisualAppliance with PredefinedType CAMERA
    int storey = -1;          // index in Model::storeys; -1: in no storey
    // The origin of its placement, global; z also relative to its storey's base.
    double x = 0;
    double y = 0;
    double z = 0;
    double height = 0;  // z − its storey's base
    // The azimuth of its placement's x axis projected on the plan: degrees clockwise from
    // +y, [0, 360), as a DXF camera block drawn facing +x: 90 − the axis's angle from +x.
    // Nullopt when the x axis is vertical.
    std::optional<double> azimuth;
    std::vector<Property> properties;  // the element's first, then its type's, in file order
};

// IFC4's IfcMapConversion: from the model's frame to a projected CRS. Given as written,
// converted to metres; camaudit applies it when the site's crs is not local.
struct MapConversion {
    EntityRef entity;
    double eastings = 0;           // metres
    double northings = 0;          // metres
    double orthogonal_height = 0;  // metres
    double x_axis_abscissa = 1;    // the model's x axis in the map's frame (1, 0 if absent)
    double x_axis_ordinate = 0;
    double scale = 1;
    std::string target_crs;  // the IfcProjectedCRS's Name, e.g. EPSG:4547
    // Metres per map unit (its MapUnit; the file's length unit when it has none). Eastings
    // and northings above are already multiplied by it.
    double map_unit = 1;
};

enum class ProblemKind {
    // Fatal (is_fatal): the model is not read, Model has nothing else.
    too_large,           // the file is over ReadOptions::max_bytes (checked before reading)
    cannot_read,         // the file cannot be opened or read; or the module cannot be loaded
    not_step,            // not ISO 10303-21 text (no ISO-10303-21; HEADER; DATA;)
    unsupported_schema,  // FILE_SCHEMA names neither IFC2X3 nor IFC4
    truncated,           // the text ends inside an instance, a string or a section
    syntax,              // an instance that is not `#n = NAME(...);`, a repeated #n
    too_complex,         // over a limit that protects the reader (nesting, instances, chains
                         // of references) or a cycle of references
    reader_failed,       // IFC++ failed: an exception, no instance read, or its process
                         // crashed or ran out of time (then the entity is the one it was
                         // converting)
    // Not fatal: the model is read; the entity named is left out or read in part.
    dangling_reference,        // an instance refers to a #n the file does not define (IFC++
                               // leaves its later attributes unread)
    no_length_unit,            // the file names no length unit: metres assumed
    unsupported_unit,          // a unit that cannot be converted: 1 assumed
    no_spaces,                 // the model has no IfcSpace
    no_storey,                 // a space, element or camera in no IfcBuildingStorey
    space_without_geometry,    // a space with neither a Body cut at cut_height nor a FootPrint
    element_without_geometry,  // a wall-like element without a 3D body (nor parts with one)
    open_section,              // a body cut gave open lines where a closed ring was expected
    geometry_failed,           // IFC++ could not build the entity's geometry (detail says why)
    bad_value,                 // an unusable value: a number out of range, a reference to
                               // an instance of another class, a class IFC++ does not read
    // A product whose geometry uses an instance with a dangling reference or a bad value is
    // left without geometry (geometry_failed): IFC++ would dereference what it left null.
};

struct Problem {
    ProblemKind kind = ProblemKind::reader_failed;
    EntityRef entity;    // the instance concerned; id 0 when the file as a whole
    int line = 0;        // where in the file (the entity's line, or the header's)
    std::string detail;  // English, for the log and tests; not a message for users
};

inline bool is_fatal(ProblemKind kind) {
    return kind <= ProblemKind::reader_failed;
}

struct Model {
    Schema schema = Schema::ifc4;
    std::string schema_name;  // FILE_SCHEMA as written: IFC2X3, IFC4, IFC4ADD2 …
    Units units;
    std::vector<Storey> storeys;     // in STEP order (instance numbers)
    std::vector<Space> spaces;       // in STEP order
    std::vector<WallElement> walls;  // in STEP order
    std::vector<Camera> cameras;     // in STEP order
    std::optional<MapConversion> map_conversion;
    std::vector<Problem> problems;  // in the order found; kMaxProblems at most, but fatal
                                    // ones are always kept

    // False when a fatal problem was met: then only `problems` (and what was known before,
    // e.g. the schema) is filled.
    bool read() const {
        for (const auto& p : problems)
            if (is_fatal(p.kind)) return false;
        return true;
    }
};

struct ReadOptions {
    double cut_height = 1.2;  // metres above each storey's base
    std::uint64_t max_bytes = 256u << 20;
    // Seconds the reader may take (ifc_api.hpp reads in a child process and stops it then);
    // 0: 60 s plus 1 s a megabyte of the file.
    double time_limit = 0;
    // Called by the module before each step that IFC++ might not survive (its parse, with
    // entity id 0; each product's geometry), so that a crash can be told where it happened.
    void (*on_step)(void* context, const EntityRef& entity) = nullptr;
    void* context = nullptr;
};

// Limits that keep a hostile file from making the reader (IFC++, Carve) crash or hang.
inline constexpr int kMaxNesting = 32;                    // parentheses in one instance
inline constexpr int kMaxReferenceDepth = 100;            // a chain of #n references (13
                                                          // in the Duplex and the FZK-Haus)
inline constexpr std::size_t kMaxInstances = 20'000'000;  // instances in a file
inline constexpr std::size_t kMaxProblems = 1000;         // kept in Model::problems
inline constexpr double kMaxCoordinate = 1e7;             // metres, |x|, |y|, |z| of geometry

}  // namespace camaudit::io::ifc
