// A Model as bytes and back, for the reader's child process (ifc_api.cpp reads a model in a
// child so that a crash or a hang inside IFC++ costs a problem, not camaudit). The format is
// private to one build: both ends are this file. decode_model checks every size and enum
// against what is left of the bytes, so that a child that died half way through writing
// gives nullopt, never a read past the end.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "io/ifc/ifc_model.hpp"

namespace camaudit::io::ifc {

std::string encode_model(const Model& model);
std::optional<Model> decode_model(std::string_view bytes);

}  // namespace camaudit::io::ifc
