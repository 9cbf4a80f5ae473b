// Values read from the STEP text itself, not through IFC++: numbers as written (IFC++ keeps
// doubles but prints them with six digits, and has no common type for its measures), the
// enumerations of units, and the units of the file (IFC++ assumes degrees where a file names
// no angle unit, and maps IFC2X3 onto IFC4 classes). Pure C++, tested without IFC++.
//
// Units: IfcProject.UnitsInContext → IfcUnitAssignment → IfcSIUnit (a prefix applies once to
// a length, squared to an area: MILLI SQUARE_METRE is 1e-6 m²) or IfcConversionBasedUnit
// (its IfcMeasureWithUnit's value times its unit, e.g. FOOT = 0.3048 × METRE, DEGREE =
// 0.01745… × RADIAN), to metres, square metres and degrees. Defaults: metres (a problem
// no_length_unit), the square of the length unit, radians.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/ifc/ifc_model.hpp"
#include "io/ifc/step_scan.hpp"

namespace camaudit::io::ifc {

// The top-level arguments of an instance's parameter list, trimmed, as written: for
// IFCSIUNIT(*,.LENGTHUNIT.,.MILLI.,.METRE.) "*", ".LENGTHUNIT.", ".MILLI.", ".METRE.".
std::vector<std::string_view> arguments(std::string_view text, const StepInstance& instance);

// The items of a list argument ("(#1,#2)": "#1", "#2"); empty for an empty list or an
// argument that is not a list.
std::vector<std::string_view> list_items(std::string_view list);

// A typed parameter, IFCLENGTHMEASURE(2.5): its type in capitals and its inner text.
struct Typed {
    std::string type;
    std::string_view value;
};
std::optional<Typed> typed(std::string_view argument);

// A STEP real or integer ("2.5", "-3.", "1.E-3", "42"); nullopt for anything else and for
// values that are not finite.
std::optional<double> step_number(std::string_view literal);
// An enumeration (".METRE."): its name in capitals; nullopt when not one.
std::optional<std::string> step_enum(std::string_view literal);
// A reference ("#12"): its instance number; nullopt when not one.
std::optional<int> step_reference(std::string_view literal);

// What a unit measures, as far as camaudit converts it.
enum class Dimension { length, area, angle, other };

struct UnitFactor {
    Dimension dimension = Dimension::other;
    double factor = 1;  // metres, square metres or degrees per unit
};

// The named unit #id (IfcSIUnit, IfcConversionBasedUnit); nullopt when it is something else
// or cannot be converted (then `why` says why).
std::optional<UnitFactor> unit_factor(std::string_view text, const StepIndex& index, int id,
                                      std::string& why);

// The units of the file, from its first IfcProject; problems for what it lacks.
Units read_units(std::string_view text, const StepIndex& index, std::vector<Problem>& problems);

// A property value in camaudit's units: a length in metres, an area in m², a plane angle in
// degrees (by `unit` when the property names one, else by `units`); other types as written.
double convert_measure(const std::string& type, double value, const Units& units,
                       const std::optional<UnitFactor>& unit);

}  // namespace camaudit::io::ifc
