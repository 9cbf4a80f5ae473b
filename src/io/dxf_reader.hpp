// Reading a DXF drawing through GDAL/OGR's DXF driver into plain entities in drawing units:
// block references expanded here (so that nested blocks, a block's layer 0 and the INSERT
// handles that lead to an entity are known), except the references that the caller keeps as
// they are (camera blocks). GDAL's messages are captured, never printed.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "io/dxf_index.hpp"
#include "model/site.hpp"

namespace camaudit::io {

struct DxfEntity {
    enum class Kind { Curve, Area, Text, Insert };
    Kind kind = Kind::Curve;
    std::string handle, type, layer;
    std::string inserts;  // the INSERT handles that lead to it, outermost first, '/'-separated
    int line = 0;         // in the DXF text; 0: unknown

    std::vector<Point> points;  // Curve: the polyline (arcs and bulges as chords)
    bool closed = false;        // Curve: its end is its start
    Polygon polygon;            // Area: a filled shape (HATCH, SOLID)
    Point at;                   // Text, Insert: the insertion point
    std::string text;           // Text
    std::string block;          // Insert: the block name
    double direction = 0;       // Insert: the block's +x axis, degrees counter-clockwise from +x
    std::vector<std::pair<std::string, std::string>> attributes;  // Insert: tag, value
};

struct DxfDrawing {
    DxfIndex index;
    std::set<std::string> layers;     // the LAYER table and every layer drawn on (UTF-8)
    std::set<std::string> blocks;     // the block names (UTF-8)
    std::vector<DxfEntity> entities;  // model space, in drawing order
};

struct DxfMessages {
    std::vector<std::string> errors;         // the drawing cannot be read (whole)
    std::map<std::size_t, int> error_lines;  // errors[i]'s DXF line, where the reader knows it
    std::vector<std::string> warnings;       // e.g. characters the code page cannot convert
};

// Reads `path`. `keep_insert(block name)` says which references stay as Insert entities
// instead of being expanded. Nullopt when any error was reported to `messages` (GDAL's own,
// a binary DXF, blocks that insert themselves or nest too deep, too many entities).
std::optional<DxfDrawing> read_dxf(const std::string& path,
                                   const std::function<bool(const std::string&)>& keep_insert,
                                   DxfMessages& messages);

}  // namespace camaudit::io
