#include "io/ifc/module/ifc_geometry.hpp"

#include <ifcpp/IFC4/include/IfcElement.h>
#include <ifcpp/IFC4/include/IfcFeatureElementSubtraction.h>
#include <ifcpp/IFC4/include/IfcLabel.h>
#include <ifcpp/IFC4/include/IfcObjectPlacement.h>
#include <ifcpp/IFC4/include/IfcProduct.h>
#include <ifcpp/IFC4/include/IfcProductRepresentation.h>
#include <ifcpp/IFC4/include/IfcRelVoidsElement.h>
#include <ifcpp/IFC4/include/IfcRepresentation.h>
#include <ifcpp/geometry/Carve/GeometryConverter.h>
#include <ifcpp/model/BuildingException.h>
#include <ifcpp/model/BuildingModel.h>
#include <ifcpp/model/UnitConverter.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace camaudit::io::ifc {

namespace {

std::string narrow(const std::wstring& text) {
    std::string out;
    for (const wchar_t c : text) out += (c > 0 && c < 128) ? static_cast<char>(c) : '?';
    return out;
}

bool sane(double v) {
    return std::isfinite(v) && std::abs(v) <= kMaxCoordinate;
}

// Representation types that are 3D bodies, for representations without an identifier.
bool is_body_type(const std::wstring& type) {
    static const std::wstring kTypes[] = {L"SweptSolid",   L"AdvancedSweptSolid",
                                          L"Brep",         L"AdvancedBrep",
                                          L"CSG",          L"Clipping",
                                          L"SolidModel",   L"SurfaceModel",
                                          L"Tessellation", L"MappedRepresentation"};
    return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

std::wstring identifier(const shared_ptr<IfcRepresentation>& representation) {
    return representation->m_RepresentationIdentifier
               ? representation->m_RepresentationIdentifier->m_value
               : std::wstring();
}

std::wstring type_of(const shared_ptr<IfcRepresentation>& representation) {
    return representation->m_RepresentationType ? representation->m_RepresentationType->m_value
                                                : std::wstring();
}

// The representations of `kind`: 'Body'; without one, 'Body-FallBack' or the unnamed solids.
std::vector<shared_ptr<IfcRepresentation>> select(const shared_ptr<IfcProduct>& product,
                                                  ShapeKind kind) {
    std::vector<shared_ptr<IfcRepresentation>> out;
    if (!product->m_Representation) return out;
    const auto& all = product->m_Representation->m_Representations;
    auto pick = [&](auto&& wanted) {
        for (const auto& representation : all)
            if (representation && wanted(representation)) out.push_back(representation);
    };
    if (kind == ShapeKind::footprint) {
        pick([](const auto& r) { return identifier(r) == L"FootPrint"; });
        return out;
    }
    pick([](const auto& r) { return identifier(r) == L"Body"; });
    if (out.empty()) pick([](const auto& r) { return identifier(r) == L"Body-FallBack"; });
    if (out.empty())
        pick([](const auto& r) { return identifier(r).empty() && is_body_type(type_of(r)); });
    return out;
}

// IFC++ (RepresentationConverter::subtractOpenings) reads each opening's placement before
// checking that it has one.
bool openings_placed(const shared_ptr<IfcElement>& element) {
    for (const auto& weak : element->m_HasOpenings_inverse) {
        const auto rel = weak.lock();
        if (!rel || !rel->m_RelatedOpeningElement) continue;
        const auto& opening = rel->m_RelatedOpeningElement;
        if (opening->m_Representation && !opening->m_ObjectPlacement) return false;
    }
    return true;
}

// A Carve mesh set as a plain mesh; false when a coordinate is not finite or out of range.
bool to_mesh(const carve::mesh::MeshSet<3>& set, Mesh& out) {
    out.vertices.reserve(set.vertex_storage.size());
    for (const auto& v : set.vertex_storage) {
        if (!sane(v.v.x) || !sane(v.v.y) || !sane(v.v.z)) return false;
        out.vertices.push_back({v.v.x, v.v.y, v.v.z});
    }
    const auto* base = set.vertex_storage.data();
    const auto count = set.vertex_storage.size();
    for (const auto* mesh : set.meshes) {
        if (!mesh) continue;
        for (const auto* face : mesh->faces) {
            if (!face || !face->edge) continue;
            std::vector<std::uint32_t> loop;
            const auto* edge = face->edge;
            bool valid = true;
            do {
                const auto index = edge->vert - base;
                if (!edge->vert || index < 0 || static_cast<std::size_t>(index) >= count) {
                    valid = false;
                    break;
                }
                loop.push_back(static_cast<std::uint32_t>(index));
                edge = edge->next;
            } while (edge && edge != face->edge && loop.size() <= face->n_edges);
            if (valid && loop.size() >= 3) out.faces.push_back(std::move(loop));
        }
    }
    return true;
}

}  // namespace

struct GeometryKernel::Impl {
    explicit Impl(const std::shared_ptr<BuildingModel>& model)
        : building(model), converter(building) {
        converter.getGeomSettings()->setNumVerticesPerCircle(32);
        converter.getGeomSettings()->setHandleStyledItems(false);
        converter.getGeomSettings()->setHandleLayerAssignments(false);
        converter.setMessageCallBack(this, &Impl::on_message);
        // As GeometryConverter::convertGeometry does, which is not used: it converts every
        // product of the model, furniture included.
        const double length =
            model->getUnitConverter() ? model->getUnitConverter()->getLengthInMeterFactor() : 1.0;
        carve::setEpsilon(1.5e-05 * length);
    }

    static void on_message(void* self, shared_ptr<StatusCallback::Message> message) {
        if (!message || message->m_message_type != StatusCallback::MESSAGE_TYPE_ERROR) return;
        auto& errors = static_cast<Impl*>(self)->errors;
        auto text = narrow(message->m_message_text);
        if (std::find(errors.begin(), errors.end(), text) == errors.end())
            errors.push_back(std::move(text));
    }

    // Runs `step`, turning what IFC++ or Carve throws into an error.
    template <typename Step>
    void guarded(Step&& step) {
        try {
            step();
        } catch (const carve::exception& e) {
            errors.push_back(fmt::format("Carve: {}", e.str()));
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const std::exception& e) {
            errors.push_back(e.what());
        }
    }

    shared_ptr<BuildingModel> building;  // GeometryConverter takes a non-const reference
    GeometryConverter converter;
    std::vector<std::string> errors;
};

GeometryKernel::GeometryKernel(const std::shared_ptr<BuildingModel>& model)
    : impl_(std::make_unique<Impl>(model)) {}

GeometryKernel::~GeometryKernel() = default;

ProductShape GeometryKernel::shape(const std::shared_ptr<IfcProduct>& product, ShapeKind kind,
                                   bool openings) {
    ProductShape out;
    const auto representations = select(product, kind);
    if (representations.empty()) return out;
    out.found = true;
    auto data = std::make_shared<ProductShapeData>(product->m_entity_id);
    data->m_ifc_object_definition = product;
    auto& converter = impl_->converter.getRepresentationConverter();
    for (const auto& representation : representations) {
        auto rd = std::make_shared<RepresentationData>();
        impl_->guarded([&] { converter->convertIfcRepresentation(representation, rd); });
        data->m_vec_representations.push_back(rd);
    }
    if (product->m_ObjectPlacement) {
        std::unordered_set<IfcObjectPlacement*> applied;
        impl_->guarded([&] {
            converter->getPlacementConverter()->convertIfcObjectPlacement(
                product->m_ObjectPlacement, data, applied, false);
        });
    }
    if (const auto element = dynamic_pointer_cast<IfcElement>(product); element && openings) {
        if (openings_placed(element))
            impl_->guarded([&] { converter->subtractOpenings(element, data); });
        else
            impl_->errors.push_back("an opening of the element has no placement");
    }
    impl_->guarded([&] { data->applyTransformToProduct(data->getTransform()); });

    bool dropped = false;
    for (const auto& representation : data->m_vec_representations) {
        for (const auto& item : representation->m_vec_item_data) {
            if (!item) continue;
            for (const auto& [sets, into] : {std::pair{&item->m_meshsets, &out.solids},
                                             std::pair{&item->m_meshsets_open, &out.surfaces}})
                for (const auto& set : *sets) {
                    Mesh mesh;
                    if (set && to_mesh(*set, mesh))
                        into->push_back(std::move(mesh));
                    else if (set)
                        dropped = true;
                }
            for (const auto& polylines : item->m_polylines) {
                if (!polylines) continue;
                const auto& points = polylines->points;
                for (const auto& [closed, indices] : polylines->polylines) {
                    std::vector<Vec3> curve;
                    for (const int i : indices) {
                        if (i < 0 || static_cast<std::size_t>(i) >= points.size()) continue;
                        const auto& p = points[static_cast<std::size_t>(i)];
                        if (!sane(p.x) || !sane(p.y) || !sane(p.z)) {
                            dropped = true;
                            curve.clear();
                            break;
                        }
                        curve.push_back({p.x, p.y, p.z});
                    }
                    if (closed && !curve.empty()) curve.push_back(curve.front());
                    if (curve.size() >= 2) out.curves.push_back(std::move(curve));
                }
            }
        }
    }
    if (dropped)
        impl_->errors.push_back(fmt::format(
            "a shape with coordinates that are not finite or beyond {:g} m was left out",
            kMaxCoordinate));
    return out;
}

std::optional<Frame> GeometryKernel::frame(const std::shared_ptr<IfcProduct>& product) {
    if (!product->m_ObjectPlacement) return std::nullopt;
    auto data = std::make_shared<ProductShapeData>(product->m_entity_id);
    std::unordered_set<IfcObjectPlacement*> applied;
    bool done = false;
    impl_->guarded([&] {
        impl_->converter.getRepresentationConverter()
            ->getPlacementConverter()
            ->convertIfcObjectPlacement(product->m_ObjectPlacement, data, applied, false);
        done = true;
    });
    if (!done) return std::nullopt;
    const auto matrix = data->getTransform();
    const auto o = matrix * carve::geom::VECTOR(0.0, 0.0, 0.0);
    const auto x = matrix * carve::geom::VECTOR(1.0, 0.0, 0.0) - o;
    const auto z = matrix * carve::geom::VECTOR(0.0, 0.0, 1.0) - o;
    auto unit = [](const vec3& v) -> std::optional<Vec3> {
        const double n = std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z);
        if (!std::isfinite(n) || n < 1e-12) return std::nullopt;
        return Vec3{v.x / n, v.y / n, v.z / n};
    };
    const auto xu = unit(x);
    const auto zu = unit(z);
    if (!sane(o.x) || !sane(o.y) || !sane(o.z) || !xu || !zu) {
        impl_->errors.push_back(fmt::format(
            "a placement that is not finite, degenerate or beyond {:g} m", kMaxCoordinate));
        return std::nullopt;
    }
    return Frame{{o.x, o.y, o.z}, *xu, *zu};
}

std::vector<std::string> GeometryKernel::take_errors() {
    std::vector<std::string> out;
    out.swap(impl_->errors);
    return out;
}

}  // namespace camaudit::io::ifc
