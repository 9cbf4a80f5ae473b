// Reading site files into the Site model. Every problem is reported to `diag` with its
// file:line:column; a file with any error gives nullopt (never a half-read site).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::io {

// Reads `path`, choosing the reader by content/extension (YAML; GeoJSON for .geojson/.json).
std::optional<Site> load_site(const std::string& path, Diagnostics& diag);

// Adds the diagnostics of one file, read into a Diagnostics of its own (so that another file's
// errors do not decide whether this one is good), to `diag`, with the region of the file.
void pass_on_file_diagnostics(const std::string& path, const Diagnostics& local, Diagnostics& diag);

// The bytes of an input file (a site file, a baseline …: `what`, for "is a directory, not a
// …"), within kMaxFileBytes; every failure reported at `path`.
std::optional<std::string> read_input_file(const std::string& path, std::string_view what,
                                           Diagnostics& diag);

// The YAML reader on text already in memory; `path` is used for messages.
std::optional<Site> load_site_yaml(const std::string& path, const std::string& text,
                                   Diagnostics& diag);

struct YNode;

// The YAML form's reader of a top-level mapping (site, operator, ..., zones, walls, cameras,
// settings), then resolve(): the GeoJSON reader turns its file into such a tree and uses it.
// nullopt if `diag` has any error afterwards.
std::optional<Site> read_site_tree(const std::string& path, const YNode& root, Diagnostics& diag);

// Limits that keep a small hostile file from making the tool hang or eat memory.
inline constexpr std::size_t kMaxFileBytes = 256u << 20;  // 256 MiB
inline constexpr int kMaxNestingDepth = 64;
inline constexpr double kMaxAbsCoordinate = 1e7;  // metres or degrees: beyond is absurd
// Ranges, radii, widths and heights, in metres: no camera sees 100 km, and beyond it r² and
// the arcs' chords lose the precision a viewshed needs (at 1e308 r² is infinite).
inline constexpr double kMaxDistance = 1e5;
// Vertices of one polygon (all its rings) or line: a detailed city outline has some 10⁵.
inline constexpr std::size_t kMaxVertices = 1'000'000;
// Bytes of a zone, wall or camera id: ids are repeated in every finding and report line that
// names them, so their length multiplies the output (85 Chinese characters fit).
inline constexpr std::size_t kMaxIdBytes = 256;
// Entries of `zones`, `walls` or `cameras`: a city has about 10⁶ cameras.
inline constexpr std::size_t kMaxElements = 10'000'000;
// Values (scalars, lists, mappings) of one YAML site file. The YAML reader keeps each with its
// position, some 240 bytes in all, so this bounds it to about 2.4 GB whatever the file holds
// (measured by tests/cli/limits.sh): about 750,000 cameras written one a line.
inline constexpr std::size_t kMaxYamlValues = 10'000'000;

}  // namespace camaudit::io
