// A JSON text as the same position-keeping tree as YAML site files (YNode), parsed with
// simdjson's On-Demand API: it points into the input, so every node gets its line and column
// (the DOM API keeps no positions). The GeoJSON reader then hands the tree to the YAML
// reader's section and element readers, so that both forms are validated by the same code.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "io/yaml_tree.hpp"
#include "model/diagnostics.hpp"

namespace camaudit::io {

// Parses `text` (already checked by check_text: UTF-8 without BOM, no control characters but
// tab, CR and LF). Objects become mappings (a duplicate member name is reported and dropped),
// arrays sequences, strings quoted scalars, numbers and true/false plain scalars (a number
// keeps its JSON spelling), null a null node. Reports syntax errors, numbers that are not
// finite doubles, nesting deeper than kMaxNestingDepth and trailing content; nullopt after
// any error. Lines and columns are 1-based; columns count bytes, as for YAML.
std::optional<YNode> parse_json(const std::string& path, std::string_view text, Diagnostics& diag);

}  // namespace camaudit::io
