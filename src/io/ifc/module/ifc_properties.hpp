// Texts and property sets of IFC++ objects, as plain data.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/ifc/ifc_model.hpp"
#include "io/ifc/step_scan.hpp"

class IfcObject;

namespace camaudit::io::ifc {

// UTF-8 of a text IFC++ decoded. IFC++ decodes \X\, \S\, \X2\ and \X4\ right but widens the
// raw bytes of a string (UTF-8 written as is, as many tools do) with their sign: 0xE5 becomes
// U+FFFFFFE5. Such a run of bytes is read as UTF-8 when it is valid UTF-8, else as
// ISO 8859-1; a code point that is not one (a surrogate, above U+10FFFF) becomes U+FFFD.
std::string utf8_of(const std::wstring& text);

// The values of the property sets of `object` (IfcRelDefinesByProperties) and then of its
// type (IfcRelDefinesByType), in the order of their instances; numbers from the STEP text
// (`text`, `index`) in camaudit's units.
std::vector<Property> read_properties(const std::shared_ptr<IfcObject>& object,
                                      std::string_view text, const StepIndex& index,
                                      const Units& units);

}  // namespace camaudit::io::ifc
