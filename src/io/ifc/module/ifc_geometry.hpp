// IFC++'s geometry (its Carve converter, header-only) for one product at a time, returned as
// plain meshes in the model's global frame, in metres. Only this file's .cpp includes the
// converter's headers (a heavy translation unit).
//
// What IFC++ does here, and what this adds: it builds the meshes of a representation and the
// product's placement chain, and subtracts the openings of an element (IfcRelVoidsElement);
// this applies the placement (IFC++ leaves meshes local), picks the representations wanted
// ('Body', else 'Body-FallBack' or an unnamed solid; or 'FootPrint'), refuses an element
// whose openings lack a placement (IFC++ dereferences it unchecked), and drops meshes with a
// coordinate that is not finite or beyond kMaxCoordinate.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/ifc/plane_section.hpp"

class BuildingModel;
class IfcProduct;

namespace camaudit::io::ifc {

enum class ShapeKind { body, footprint };

struct ProductShape {
    std::vector<Mesh> solids;               // closed meshes
    std::vector<Mesh> surfaces;             // open meshes
    std::vector<std::vector<Vec3>> curves;  // polylines (FootPrint curves), closed ones repeat
                                            // their first point at the end
    bool found = false;                     // a representation of the kind asked for exists
};

// A placement: its origin and its x and z axes (unit vectors), global.
struct Frame {
    Vec3 origin;
    Vec3 x_axis;
    Vec3 z_axis;
};

class GeometryKernel {
  public:
    explicit GeometryKernel(const std::shared_ptr<BuildingModel>& model);
    ~GeometryKernel();
    GeometryKernel(const GeometryKernel&) = delete;
    GeometryKernel& operator=(const GeometryKernel&) = delete;

    // The product's representation of `kind`, with its element's openings subtracted when
    // `openings` is set. Errors IFC++ reports on the way are kept for take_errors().
    ProductShape shape(const std::shared_ptr<IfcProduct>& product, ShapeKind kind, bool openings);

    // The product's placement, global; nullopt without one.
    std::optional<Frame> frame(const std::shared_ptr<IfcProduct>& product);

    // The errors reported since the last call, each once, in the order reported.
    std::vector<std::string> take_errors();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace camaudit::io::ifc
