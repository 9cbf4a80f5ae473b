// The GeoJSON form of site files (camaudit-site(5), "GeoJSON form"): a FeatureCollection whose
// foreign members carry the YAML top level and whose features are the zones, walls and
// cameras. The JSON is turned into the same tree as a YAML file (every node with its line and
// column) and read by the YAML reader's own section and element readers, so that both forms
// accept and reject exactly the same values.
#pragma once

#include <optional>
#include <string>

#include "model/diagnostics.hpp"
#include "model/site.hpp"

namespace camaudit::io {

// Site::ignored keeps the first this many properties and members outside the schema.
inline constexpr std::size_t kMaxListedIgnored = 10'000;

// Reads a GeoJSON site from `bytes` (the whole file); `path` is used for messages. Properties
// and members outside the schema are skipped and listed in Site::ignored; cameras read from
// OpenStreetMap tags list what was assumed for them in Camera::assumed.
std::optional<Site> load_site_geojson(const std::string& path, const std::string& bytes,
                                      Diagnostics& diag);

}  // namespace camaudit::io
