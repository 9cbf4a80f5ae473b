// The IFC reader proper, inside the camaudit-ifc module: the STEP check (step_scan.hpp),
// then IFC++ (ReaderSTEP::loadModelFromString: its loadModelFromFile reads nothing in this
// 2019 snapshot), then the model's storeys, spaces, wall-like elements and cameras, cut in
// plan by ifc_geometry.hpp, with the file's units applied (step_values.hpp: IFC++ keeps raw
// attribute values, e.g. a door 900 wide in a millimetre file).
#pragma once

#include <string_view>

#include "io/ifc/ifc_model.hpp"

namespace camaudit::io::ifc {

// Reads `text` into `model` (empty on entry). May throw (std::bad_alloc, what IFC++ throws):
// the module's entry point turns that into a problem.
void read_model(std::string_view text, const ReadOptions& options, Model& model);

}  // namespace camaudit::io::ifc
