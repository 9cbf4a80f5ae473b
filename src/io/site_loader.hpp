// Internal to the YAML site reader: the state of one read (the site so far, the ids declared,
// the references to resolve at the end) and the readers of each section.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/geometry_check.hpp"
#include "io/yaml_read.hpp"
#include "io/yaml_tree.hpp"
#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::io {

class SiteLoader {
  public:
    SiteLoader(const std::string& path, Diagnostics& diag);

    Reader r;
    GeometryChecker geom;
    Site site;

    // Records `id` in the namespace `ns` ("camera", "zone", "wall", "floor", "party"); a
    // second use of an id is an error at `loc`.
    void declare(std::string_view ns, const std::string& id, const SourceLocation& loc);
    // Reads the optional `floor` key of a zone, wall or camera (checked in resolve()).
    void floor_of(const Fields& f, std::string& out, std::string element);
    // A reference to the operator or a party (an owner), or to a zone (consent).
    void refer_party(const std::string& id, const SourceLocation& loc);
    void refer_zone(const std::string& id, const SourceLocation& loc);

    // A polygon: a list of points (the outer ring) or {shell: [...], holes: [[...], ...]},
    // each ring normalised and the whole checked for validity.
    std::optional<Polygon> polygon(const YNode& node, std::string_view what);
    // A polyline of at least two distinct points.
    std::optional<std::vector<Point>> line(const YNode& node, std::string_view what);

    // Reports references to unknown floors, parties and zones, and floors given or missing
    // against the site's `floors`. Call after every section is read.
    void resolve();
    // The `floors` key was given but could not be read: floor references are not checked.
    bool floors_unreadable = false;

  private:
    struct Ref {
        std::string ns;
        std::string id;
        SourceLocation loc;
    };
    struct FloorUse {
        std::optional<std::string> id;
        SourceLocation loc;  // the floor value, or the element where it is missing
        std::string element;
    };
    std::map<std::string, std::map<std::string, SourceLocation>, std::less<>> ids_;
    std::vector<Ref> refs_;
    std::vector<FloorUse> floor_uses_;
};

// Sections (site_sections.cpp).
void read_site_info(SiteLoader& s, const YNode& node);
void read_operator(SiteLoader& s, const YNode& node);
void read_parties(SiteLoader& s, const YNode& node);
void read_system(SiteLoader& s, const YNode& node);
void read_floors(SiteLoader& s, const YNode& node);
void read_settings(SiteLoader& s, const YNode& node);

// Elements (site_elements.cpp).
void read_zones(SiteLoader& s, const YNode& node);
void read_walls(SiteLoader& s, const YNode& node);
void read_cameras(SiteLoader& s, const YNode& node);

// Zones, walls and cameras from CAD drawings (import_section.cpp).
void read_import(SiteLoader& s, const YNode& node);

}  // namespace camaudit::io
