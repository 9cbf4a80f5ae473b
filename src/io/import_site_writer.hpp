// The Site model as a plain site file (YAML, `camaudit: 1`): what `camaudit import` writes, so
// that users can read and diff what their drawings were read as. Reading the output again
// gives the same model (the elements' origins become comments) and so the same audit.
#pragma once

#include <string>

#include "model/site.hpp"

namespace camaudit::io {

// `source` names the site file in the header comment.
std::string write_site_yaml(const Site& site, const std::string& source);

}  // namespace camaudit::io
