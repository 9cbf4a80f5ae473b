// Internal to the YAML site reader: `system.measures`, the management and technical measures
// that the operator attests for the inspection items of 公安部 规定 第十条.
#pragma once

#include "io/site_loader.hpp"

namespace camaudit::io {

// Reads `node` (the value of `system.measures`) into `out`; every problem is an error at its
// line:column (unknown measure or key with a suggestion, wrong type, bad date).
void read_measures(SiteLoader& s, const YNode& node, Measures& out);

}  // namespace camaudit::io
