// Internal to the site reader: an `import:` item that names an IFC building model (spec:
// site-format.md, "Importing a building model (IFC)"). Its spaces become zones, its walls,
// columns, curtain walls, windows, doors and plates walls cut at `cut_height`, its storeys
// floors, its cameras cameras; every element keeps the entity it came from (DrawingOrigin with
// `ifc`), so that findings name `office.ifc:812: #137 IFCSPACE 'MENS RR'`.
//
// The model's problems (ifc_model.hpp, ProblemKind) become diagnostics at the model's file and
// STEP line, `#137 IFCSPACE 'Name': what`: errors where an element the audit needs is missing
// or the model cannot be trusted (exit 2), warnings where the import is still sound (metres
// assumed, a wall without a body: it only lets a camera see more).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/import_dxf.hpp"
#include "io/site_loader.hpp"

namespace camaudit::io {

struct IfcImportEntry {
    std::string ifc;     // as written, relative to the site file
    SourceLocation loc;  // the item: imported elements are located here
    SourceLocation ifc_loc;
    // `storeys`: IfcBuildingStorey Name → floor id, in file order; absent: each storey is the
    // floor of its Name.
    std::optional<std::vector<std::pair<std::string, std::string>>> storeys;
    std::map<std::string, SourceLocation> storey_locs;  // each key of `storeys`
    SourceLocation storeys_loc;
    double cut_height = 1.2;                                 // metres above each storey
    std::vector<std::pair<std::string, std::string>> kinds;  // space name key → zone kind
    bool doors_open = false;                                 // `doors: open`
};

// Reads an `import:` item that has an `ifc` key; nullopt (reported) where it has errors.
std::optional<IfcImportEntry> read_ifc_entry(SiteLoader& s, const YNode& node);

// Reads the model of `entry` and adds its floors, zones, walls and cameras to `s.site`.
// `labels` counts the zone ids of all imports (the second `A101` is `A101#2`); `floors_written`
// says whether the site file's own `floors` were given (then the storeys must name them;
// otherwise each storey becomes a floor).
void import_model(SiteLoader& s, const IfcImportEntry& entry, LabelCounts& labels,
                  bool floors_written);

}  // namespace camaudit::io
