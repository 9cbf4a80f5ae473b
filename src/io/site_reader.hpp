// Reading site files into the Site model. Every problem is reported to `diag` with its
// file:line:column; a file with any error gives nullopt (never a half-read site).
#pragma once

#include <optional>
#include <string>

#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::io {

// Reads `path`, choosing the reader by content/extension (YAML; GeoJSON for .geojson/.json).
std::optional<Site> load_site(const std::string& path, Diagnostics& diag);

// The YAML reader on text already in memory; `path` is used for messages.
std::optional<Site> load_site_yaml(const std::string& path, const std::string& text,
                                   Diagnostics& diag);

// Limits that keep a small hostile file from making the tool hang or eat memory.
inline constexpr std::size_t kMaxFileBytes = 256u << 20;  // 256 MiB
inline constexpr int kMaxNestingDepth = 64;
inline constexpr double kMaxAbsCoordinate = 1e7;  // metres or degrees: beyond is absurd

}  // namespace camaudit::io
