// OpenStreetMap surveillance cameras in GeoJSON site files: a Point feature tagged
// man_made=surveillance + surveillance:type=camera is a camera even without
// properties.camaudit. Its tags are turned into the site format's camera keys, and every value
// that no tag gives is assumed and recorded (the check assumed-default reports it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/yaml_tree.hpp"
#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::io {

// man_made=surveillance and surveillance:type=camera among `properties` (a mapping).
bool is_osm_camera(const YNode& properties);

// The tags that the OpenStreetMap reading uses (others are ignored, and listed by --strict).
bool is_osm_camera_tag(std::string_view key);

// A bearing in degrees clockwise from north: a number ("240", "22.5") or one of the 16
// compass points (N, NNE, NE, ... NNW; any case). nullopt if `text` is neither.
std::optional<double> parse_bearing(std::string_view text);

// An OpenStreetMap direction: one bearing, or a range "FROM-TO" that the camera can turn
// through clockwise ("90-270", "E-W"; "0-360" is any direction).
struct Direction {
    double from = 0;
    std::optional<double> to;  // set for a range
};
std::optional<Direction> parse_direction(std::string_view text);

// A height in metres as OSM writes it: "5", "5.5", "5 m", "5m". nullopt otherwise.
std::optional<double> parse_height(std::string_view text);

// Completes `camera`, the site-format mapping of an OpenStreetMap camera that holds the schema
// keys given as properties (they win over tags) and its position: adds what the tags give
// (azimuth or ptz from camera:direction/direction and camera:type, tilt from camera:angle,
// height, purpose from surveillance:zone) and the values it must assume. The height tag is
// read here, not as the schema key: OSM writes "5 m". `tags` is the
// feature's properties. Errors in tag values are reported at the tag; the assumptions are
// returned (an owner assumption's value is left empty: the operator, known later).
std::vector<Assumption> complete_osm_camera(const YNode& tags, YNode& camera, Diagnostics& diag);

}  // namespace camaudit::io
