#include "io/ifc/module/ifc_reader.hpp"

#include <ifcpp/IFC4/include/IfcAudioVisualAppliance.h>
#include <ifcpp/IFC4/include/IfcAudioVisualApplianceTypeEnum.h>
#include <ifcpp/IFC4/include/IfcBuildingStorey.h>
#include <ifcpp/IFC4/include/IfcColumn.h>
#include <ifcpp/IFC4/include/IfcCurtainWall.h>
#include <ifcpp/IFC4/include/IfcDoor.h>
#include <ifcpp/IFC4/include/IfcFeatureElement.h>
#include <ifcpp/IFC4/include/IfcGloballyUniqueId.h>
#include <ifcpp/IFC4/include/IfcIdentifier.h>
#include <ifcpp/IFC4/include/IfcLabel.h>
#include <ifcpp/IFC4/include/IfcLengthMeasure.h>
#include <ifcpp/IFC4/include/IfcMapConversion.h>
#include <ifcpp/IFC4/include/IfcMaterial.h>
#include <ifcpp/IFC4/include/IfcMaterialConstituent.h>
#include <ifcpp/IFC4/include/IfcMaterialConstituentSet.h>
#include <ifcpp/IFC4/include/IfcMaterialLayer.h>
#include <ifcpp/IFC4/include/IfcMaterialLayerSet.h>
#include <ifcpp/IFC4/include/IfcMaterialLayerSetUsage.h>
#include <ifcpp/IFC4/include/IfcMaterialList.h>
#include <ifcpp/IFC4/include/IfcNamedUnit.h>
#include <ifcpp/IFC4/include/IfcOpeningElement.h>
#include <ifcpp/IFC4/include/IfcPlate.h>
#include <ifcpp/IFC4/include/IfcProjectedCRS.h>
#include <ifcpp/IFC4/include/IfcReal.h>
#include <ifcpp/IFC4/include/IfcRelAggregates.h>
#include <ifcpp/IFC4/include/IfcRelAssociatesMaterial.h>
#include <ifcpp/IFC4/include/IfcRelContainedInSpatialStructure.h>
#include <ifcpp/IFC4/include/IfcRelFillsElement.h>
#include <ifcpp/IFC4/include/IfcRelVoidsElement.h>
#include <ifcpp/IFC4/include/IfcRoot.h>
#include <ifcpp/IFC4/include/IfcSpace.h>
#include <ifcpp/IFC4/include/IfcSpatialElement.h>
#include <ifcpp/IFC4/include/IfcWall.h>
#include <ifcpp/IFC4/include/IfcWallStandardCase.h>
#include <ifcpp/IFC4/include/IfcWindow.h>
#include <ifcpp/model/AttributeObject.h>
#include <ifcpp/model/BuildingModel.h>
#include <ifcpp/model/UnitConverter.h>
#include <ifcpp/reader/ReaderSTEP.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "io/ifc/module/ifc_geometry.hpp"
#include "io/ifc/module/ifc_properties.hpp"
#include "io/ifc/plane_section.hpp"
#include "io/ifc/step_scan.hpp"
#include "io/ifc/step_values.hpp"

namespace camaudit::io::ifc {

namespace {

// The file's units as IFC++'s geometry must use them: IFC++'s own reading of the units
// assumes degrees where the file names no angle unit; camaudit reads them (step_values.hpp).
class FileUnits : public UnitConverter {
  public:
    FileUnits(double metres, double radians) {
        m_length_unit_factor = metres;
        m_length_unit_found = true;
        m_plane_angle_factor = radians;
        m_angular_unit = CONVERSION_BASED;
    }
};

template <typename Label>
std::string text(const std::shared_ptr<Label>& label) {
    return label ? utf8_of(label->m_value) : std::string();
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool contains_icase(const std::string& haystack, std::string_view needle) {
    if (needle.size() > haystack.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower(haystack[i + k]) == needle[k]) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

bool says_glass(const std::string& s) {
    return contains_icase(s, "glass") || contains_icase(s, "glaz") ||
           s.find("玻璃") != std::string::npos;
}

// The object one level up the spatial structure: its container, the whole it is part of, or
// (for a door or window) the element its opening voids.
std::shared_ptr<IfcObjectDefinition> parent_of(const std::shared_ptr<IfcObjectDefinition>& object) {
    if (const auto element = dynamic_pointer_cast<IfcElement>(object)) {
        for (const auto& weak : element->m_ContainedInStructure_inverse)
            if (const auto rel = weak.lock(); rel && rel->m_RelatingStructure)
                return rel->m_RelatingStructure;
    }
    for (const auto& weak : object->m_Decomposes_inverse)
        if (const auto rel = weak.lock(); rel && rel->m_RelatingObject)
            return rel->m_RelatingObject;
    if (const auto element = dynamic_pointer_cast<IfcElement>(object)) {
        for (const auto& weak : element->m_FillsVoids_inverse) {
            const auto rel = weak.lock();
            if (!rel || !rel->m_RelatingOpeningElement) continue;
            if (const auto voids = rel->m_RelatingOpeningElement->m_VoidsElements_inverse.lock();
                voids && voids->m_RelatingBuildingElement)
                return voids->m_RelatingBuildingElement;
        }
    }
    return nullptr;
}

std::vector<std::string> material_names(const std::shared_ptr<IfcObjectDefinition>& object) {
    std::vector<std::string> out;
    auto add = [&](const std::shared_ptr<IfcMaterial>& m) {
        if (m) out.push_back(text(m->m_Name));
    };
    for (const auto& weak : object->m_HasAssociations_inverse) {
        const auto rel = dynamic_pointer_cast<IfcRelAssociatesMaterial>(weak.lock());
        if (!rel) continue;
        const auto& select = rel->m_RelatingMaterial;
        std::shared_ptr<IfcMaterialLayerSet> layers;
        if (const auto m = dynamic_pointer_cast<IfcMaterial>(select)) add(m);
        if (const auto list = dynamic_pointer_cast<IfcMaterialList>(select))
            for (const auto& m : list->m_Materials) add(m);
        if (const auto usage = dynamic_pointer_cast<IfcMaterialLayerSetUsage>(select))
            layers = usage->m_ForLayerSet;
        if (const auto set = dynamic_pointer_cast<IfcMaterialLayerSet>(select)) layers = set;
        if (layers)
            for (const auto& layer : layers->m_MaterialLayers)
                if (layer) add(layer->m_Material);
        if (const auto set = dynamic_pointer_cast<IfcMaterialConstituentSet>(select))
            for (const auto& c : set->m_MaterialConstituents)
                if (c) add(c->m_Material);
    }
    return out;
}

std::optional<WallClass> wall_class_of(const std::shared_ptr<BuildingEntity>& entity) {
    if (dynamic_pointer_cast<IfcWallStandardCase>(entity)) return WallClass::wall_standard_case;
    if (dynamic_pointer_cast<IfcWall>(entity)) return WallClass::wall;
    if (dynamic_pointer_cast<IfcColumn>(entity)) return WallClass::column;
    if (dynamic_pointer_cast<IfcCurtainWall>(entity)) return WallClass::curtain_wall;
    if (dynamic_pointer_cast<IfcWindow>(entity)) return WallClass::window;
    if (dynamic_pointer_cast<IfcDoor>(entity)) return WallClass::door;
    if (dynamic_pointer_cast<IfcPlate>(entity)) return WallClass::plate;
    return std::nullopt;
}

// The z range of a shape's meshes, relative to `base`; false (and 0, 0) without a mesh.
bool heights(const ProductShape& shape, double base, double& bottom, double& top) {
    bool any = false;
    for (const auto* meshes : {&shape.solids, &shape.surfaces})
        for (const auto& mesh : *meshes)
            for (const auto& v : mesh.vertices) {
                bottom = any ? std::min(bottom, v.z - base) : v.z - base;
                top = any ? std::max(top, v.z - base) : v.z - base;
                any = true;
            }
    return any;
}

// How IFC++ read the references of an instance (`args`, its STEP arguments): a reference to
// an instance of another class comes out of IFC++ as null, a list it cannot read whole
// shorter, and its geometry code dereferences what it expected there unchecked. IFC++'s
// getAttributes leaves out lists that are empty or $, so its attributes cannot be matched to
// the arguments one by one: the references are counted on both sides. Arguments beyond the
// class's attributes (an IFC2X3 instance read as IFC4) are not read and not counted. A
// reference to an instance the file lacks (`known` says) is dangling: scan_step reported it,
// and IFC++ stops reading the instance there.
enum class ReadWhole { yes, dangling, misread };

std::size_t entities_in(const shared_ptr<BuildingObject>& value) {
    if (!value) return 0;
    if (const auto vector = dynamic_pointer_cast<AttributeObjectVector>(value)) {
        std::size_t n = 0;
        for (const auto& item : vector->m_vec) n += entities_in(item);
        return n;
    }
    return dynamic_pointer_cast<BuildingEntity>(value) ? 1 : 0;
}

template <typename Known>
ReadWhole references_read(BuildingEntity& entity, const std::vector<std::string_view>& args,
                          Known&& known) {
    std::size_t references = 0;
    bool dangling = false;
    const auto count = [&](std::string_view arg, auto&& self, int depth) -> void {
        if (const auto id = step_reference(arg)) {
            ++references;
            dangling = dangling || !known(*id);
        } else if (depth < kMaxNesting) {
            for (const auto item : list_items(arg)) self(item, self, depth + 1);
        }
    };
    const auto used = std::min(args.size(), entity.getNumAttributes());
    for (std::size_t i = 0; i < used; ++i) count(args[i], count, 0);
    if (dangling) return ReadWhole::dangling;
    if (references == 0) return ReadWhole::yes;
    std::vector<std::pair<std::string, shared_ptr<BuildingObject>>> attributes;
    entity.getAttributes(attributes);
    std::size_t read = 0;
    for (const auto& attribute : attributes) read += entities_in(attribute.second);
    return read < references ? ReadWhole::misread : ReadWhole::yes;
}

class Reader {
  public:
    Reader(std::string_view text, const ReadOptions& options, Model& model)
        : text_(text), options_(options), model_(model) {}

    void run() {
        index_ = scan_step(text_, model_.problems);
        model_.schema = index_.schema;
        model_.schema_name = index_.schema_name;
        if (!model_.read()) return;
        model_.units = read_units(text_, index_, model_.problems);
        if (!parse()) return;
        check_references_read();
        geometry_ = std::make_unique<GeometryKernel>(building_);
        read_storeys();
        read_spaces();
        read_elements();
        read_map_conversion();
    }

  private:
    std::string_view text_;
    const ReadOptions& options_;
    Model& model_;
    StepIndex index_;
    std::shared_ptr<BuildingModel> building_;
    std::unique_ptr<GeometryKernel> geometry_;
    std::map<int, int> storey_of_id_;  // IfcBuildingStorey #id → index in model_.storeys
    // For each instance (index in index_), one malformed instance it uses (index), or -1.
    std::vector<int> malformed_;

    // Tells the caller what comes next (ReadOptions::on_step): IFC++ with #id, 0 for its parse.
    void step(int id) const {
        if (options_.on_step) options_.on_step(options_.context, index_.ref(id));
    }

    void problem(ProblemKind kind, int id, std::string detail) {
        auto entity = index_.ref(id);
        const int line = entity.line;
        add_problem(model_.problems, Problem{kind, std::move(entity), line, std::move(detail)});
    }

    void geometry_problems(int id) {
        for (auto& error : geometry_->take_errors())
            problem(ProblemKind::geometry_failed, id, fmt::format("IFC++: {}", error));
    }

    static void on_reader_message(void* self, std::shared_ptr<StatusCallback::Message> m) {
        if (!m || m->m_message_type != StatusCallback::MESSAGE_TYPE_ERROR) return;
        auto detail = utf8_of(m->m_message_text);
        // Already reported, with their line: references to instances the file lacks (by
        // scan_step), classes IFC++ does not know (by unknown_classes).
        if (detail.find("object with id") != std::string::npos ||
            detail.find("unknown entity") != std::string::npos)
            return;
        auto* reader = static_cast<Reader*>(self);
        int id = m->m_entity ? m->m_entity->m_entity_id : 0;
        if (id == 0 && detail.size() > 1 && detail[0] == '#') id = std::atoi(detail.c_str() + 1);
        reader->problem(ProblemKind::bad_value, id, fmt::format("IFC++: {}", detail));
    }

    bool parse() {
        auto copy = text_for_reader(text_, index_);
        building_ = std::make_shared<BuildingModel>();
        ReaderSTEP reader;
        step(0);
        reader.setMessageCallBack(this, &Reader::on_reader_message);
        building_->setMessageCallBack(this, &Reader::on_reader_message);
        reader.loadModelFromString(copy, building_);
        building_->unsetMessageCallBack();
        if (building_->getMapIfcEntities().empty()) {
            problem(ProblemKind::reader_failed, 0, "IFC++ read no instance from the file");
            return false;
        }
        unknown_classes();
        std::shared_ptr<UnitConverter> units = std::make_shared<FileUnits>(
            model_.units.length, model_.units.angle * std::numbers::pi / 180);
        building_->setUnitConverter(units);
        return true;
    }

    // The instance, GlobalId and Name of a rooted entity.
    template <typename Out>
    void identify(Out& out, const std::shared_ptr<IfcRoot>& root) const {
        out.entity = index_.ref(root->m_entity_id);
        out.global_id = text(root->m_GlobalId);
        out.name = text(root->m_Name);
    }

    // Marks the instances IFC++ did not read whole (references_read) and those that use them.
    void check_references_read() {
        std::vector<bool> broken(index_.instances.size(), false);
        const auto known = [&](int id) { return index_.find(id) != nullptr; };
        for (const auto& [id, entity] : building_->getMapIfcEntities()) {
            const auto* instance = index_.find(id);
            if (!instance || !entity) continue;
            const auto read = references_read(*entity, arguments(text_, *instance), known);
            if (read == ReadWhole::yes) continue;
            broken[index_.index_of(*instance)] = true;
            if (read == ReadWhole::misread)
                problem(ProblemKind::bad_value, id,
                        "IFC++ could not read all its references: one refers to an instance of "
                        "another class, or a list has an item it cannot read");
        }
        check_trimmed_arcs(broken);
        malformed_ = index_.reaching(broken);
    }

    // The runs of a STEP argument between parentheses, commas and blanks.
    static std::vector<std::string_view> number_tokens(std::string_view text) {
        std::vector<std::string_view> out;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            if (i < text.size() && text[i] != '(' && text[i] != ')' && text[i] != ',' &&
                text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
                continue;
            if (i > start) out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
        return out;
    }

    // IFC++ brings the angle of a trimmed circle or ellipse into ±2π by steps of 2π, which
    // never ends for a trimming parameter of 1e300 (and takes long from 1e9): a parameter
    // beyond ±1e6, in whatever unit, marks the curve as malformed.
    void check_trimmed_arcs(std::vector<bool>& broken) {
        constexpr double kMaxTrim = 1e6;
        for (const auto& instance : index_.instances) {
            if (index_.type_of(instance) != "IFCTRIMMEDCURVE") continue;
            const auto args = arguments(text_, instance);
            const auto basis = args.empty() ? std::nullopt : step_reference(args[0]);
            const auto* curve = basis ? index_.find(*basis) : nullptr;
            if (!curve ||
                (index_.type_of(*curve) != "IFCCIRCLE" && index_.type_of(*curve) != "IFCELLIPSE"))
                continue;
            // Every number written in the trimming arguments, however wrapped: IFC++ also reads
            // D(IFCPARAMETERVALUE(1.E300)), which is no list of typed values (found by fuzz_ifc).
            for (std::size_t at = 1; at < std::min<std::size_t>(args.size(), 3); ++at)
                for (const auto token : number_tokens(args[at])) {
                    const auto number = step_number(token);
                    if (!number || std::abs(*number) <= kMaxTrim) continue;
                    broken[index_.index_of(instance)] = true;
                    problem(ProblemKind::bad_value, instance.id,
                            fmt::format("a trimming parameter of {:g}, beyond ±{:g}: IFC++ would "
                                        "not finish the arc",
                                        *number, kMaxTrim));
                }
        }
    }

    // The malformed instance (an id) that the placement or representation of `product`, or
    // of its openings where `openings`, uses; 0 for none.
    int malformed_geometry(const std::shared_ptr<IfcProduct>& product, bool openings) const {
        auto of = [&](int id) -> int {
            const auto* instance = index_.find(id);
            if (!instance) return 0;
            const auto args = arguments(text_, *instance);
            for (std::size_t at : {std::size_t{5}, std::size_t{6}}) {  // placement, representation
                const auto ref = args.size() > at ? step_reference(args[at]) : std::nullopt;
                const auto* used = ref ? index_.find(*ref) : nullptr;
                if (!used) continue;
                const int bad = malformed_.empty() ? -1 : malformed_[index_.index_of(*used)];
                if (bad >= 0) return index_.instances[static_cast<std::size_t>(bad)].id;
            }
            return 0;
        };
        if (const int bad = of(product->m_entity_id)) return bad;
        if (const auto element = dynamic_pointer_cast<IfcElement>(product); element && openings)
            for (const auto& weak : element->m_HasOpenings_inverse)
                if (const auto rel = weak.lock(); rel && rel->m_RelatedOpeningElement)
                    if (const int bad = of(rel->m_RelatedOpeningElement->m_entity_id)) return bad;
        return 0;
    }

    // False, with a problem, when `product`'s geometry uses an instance IFC++ misread: its
    // geometry code would dereference what it left null.
    bool geometry_readable(const std::shared_ptr<IfcProduct>& product, bool openings) {
        const int bad = malformed_geometry(product, openings);
        if (bad == 0) return true;
        const auto culprit = index_.ref(bad);
        problem(ProblemKind::geometry_failed, product->m_entity_id,
                fmt::format("its geometry uses #{} {} (line {}), which IFC++ could not read: "
                            "left without geometry",
                            bad, culprit.type, culprit.line));
        return false;
    }

    // The instances IFC++ left out because it does not know their class (IFC4's classes only,
    // an IFC2X3 file's read onto them): one problem a class, at its first instance.
    void unknown_classes() {
        std::map<std::uint32_t, std::pair<const StepInstance*, std::size_t>> unknown;
        const auto& known = building_->getMapIfcEntities();
        for (const auto& instance : index_.instances) {
            if (known.count(instance.id)) continue;
            auto& [first, count] = unknown[instance.type];
            if (!first || instance.line < first->line) first = &instance;
            ++count;
        }
        for (const auto& [type, found] : unknown) {
            const auto& [first, count] = found;
            problem(ProblemKind::bad_value, first->id,
                    fmt::format("IFC++ does not read the class '{}' ({} instance{}, the first "
                                "here): left out",
                                index_.type_of(*first), count, count == 1 ? "" : "s"));
        }
    }

    template <typename Type>
    std::vector<std::shared_ptr<Type>> all_of() const {
        std::vector<std::shared_ptr<Type>> out;
        for (const auto& [id, entity] : building_->getMapIfcEntities())
            if (auto typed = dynamic_pointer_cast<Type>(entity)) out.push_back(std::move(typed));
        return out;
    }

    void read_storeys() {
        for (const auto& storey : all_of<IfcBuildingStorey>()) {
            Storey s;
            identify(s, storey);
            if (storey->m_Elevation) {
                const double e = storey->m_Elevation->m_value * model_.units.length;
                if (std::isfinite(e) && std::abs(e) <= kMaxCoordinate) {
                    s.elevation = e;
                    s.has_elevation = true;
                } else {
                    problem(ProblemKind::bad_value, storey->m_entity_id,
                            fmt::format("an Elevation that is not finite or beyond {:g} m: 0 "
                                        "assumed",
                                        kMaxCoordinate));
                }
            }
            step(storey->m_entity_id);
            const auto frame =
                geometry_readable(storey, false) ? geometry_->frame(storey) : std::nullopt;
            s.base = frame ? frame->origin.z : s.elevation;
            geometry_problems(storey->m_entity_id);
            storey_of_id_[storey->m_entity_id] = static_cast<int>(model_.storeys.size());
            model_.storeys.push_back(std::move(s));
        }
    }

    // The storey an object is in, up the spatial structure (at most 32 levels: a cycle of
    // aggregations must not hang the reader).
    int storey_of(std::shared_ptr<IfcObjectDefinition> object) const {
        for (int depth = 0; object && depth < 32; ++depth) {
            if (dynamic_pointer_cast<IfcBuildingStorey>(object)) {
                const auto it = storey_of_id_.find(object->m_entity_id);
                return it == storey_of_id_.end() ? -1 : it->second;
            }
            object = parent_of(object);
        }
        return -1;
    }

    double base_of(int storey) const {
        return storey >= 0 ? model_.storeys[static_cast<std::size_t>(storey)].base : 0;
    }

    int locate(const std::shared_ptr<IfcObjectDefinition>& object, const char* what) {
        const int storey = storey_of(object);
        if (storey < 0)
            problem(ProblemKind::no_storey, object->m_entity_id,
                    fmt::format("{} in no IfcBuildingStorey: heights from z = 0", what));
        return storey;
    }

    void read_spaces() {
        for (const auto& space : all_of<IfcSpace>()) {
            Space s;
            identify(s, space);
            s.long_name = text(space->m_LongName);
            s.storey = locate(space, "a space");
            const double base = base_of(s.storey);
            step(space->m_entity_id);
            if (!geometry_readable(space, false)) {
                model_.spaces.push_back(std::move(s));
                continue;
            }
            const auto body = geometry_->shape(space, ShapeKind::body, false);
            const bool shaped = heights(body, base, s.bottom, s.top);
            const double cut = base + options_.cut_height;
            bool open = false;
            // Surface models too: Revit writes some spaces as a closed IfcFaceBasedSurfaceModel,
            // which IFC++ keeps among the open meshes.
            for (const auto* meshes : {&body.solids, &body.surfaces})
                for (const auto& mesh : *meshes) {
                    auto section = section_at(mesh, cut);
                    for (auto& polygon : section.polygons)
                        s.footprint.push_back(std::move(polygon));
                    open = open || !section.lines.empty();
                }
            if (!s.footprint.empty()) {
                s.source = FootprintSource::body_section;
                if (open)
                    problem(ProblemKind::open_section, space->m_entity_id,
                            "part of the body's section does not close; the closed part kept");
            } else {
                if (open)
                    problem(ProblemKind::open_section, space->m_entity_id,
                            "the body's section does not close (an open mesh)");
                footprint_curves(space, s);
            }
            geometry_problems(space->m_entity_id);
            if (s.source == FootprintSource::none)
                problem(ProblemKind::space_without_geometry, space->m_entity_id,
                        !body.found ? std::string("it has neither a Body nor a FootPrint")
                        : !shaped   ? std::string("IFC++ made no shape of its Body, and it has no "
                                                    "FootPrint")
                                    : fmt::format("its Body ({:g} to {:g} m above its storey) has "
                                                    "no closed section at {:g} m, and it has no "
                                                    "FootPrint",
                                                  s.bottom, s.top, options_.cut_height));
            model_.spaces.push_back(std::move(s));
        }
        if (model_.spaces.empty()) {
            int project = 0;
            for (const auto& instance : index_.instances)
                if (index_.type_of(instance) == "IFCPROJECT") {
                    project = instance.id;
                    break;
                }
            problem(ProblemKind::no_spaces, project, "the model has no IfcSpace");
        }
    }

    // The closed curves of the space's FootPrint, in plan.
    void footprint_curves(const std::shared_ptr<IfcSpace>& space, Space& s) {
        const auto footprint = geometry_->shape(space, ShapeKind::footprint, false);
        std::vector<Ring> rings;
        for (const auto& curve : footprint.curves) {
            if (curve.size() < 4) continue;
            const auto& a = curve.front();
            const auto& b = curve.back();
            if (std::hypot(a.x - b.x, a.y - b.y) > kMinEdge) continue;  // open
            Ring ring;
            for (std::size_t i = 0; i + 1 < curve.size(); ++i) {
                if (!ring.empty() &&
                    std::hypot(ring.back().x - curve[i].x, ring.back().y - curve[i].y) < kMinEdge)
                    continue;
                ring.push_back({curve[i].x, curve[i].y});
            }
            rings.push_back(std::move(ring));
        }
        s.footprint = nest_rings(std::move(rings));
        if (!s.footprint.empty()) s.source = FootprintSource::footprint_curve;
    }

    void read_elements() {
        for (const auto& element : all_of<IfcElement>()) {
            if (dynamic_pointer_cast<IfcFeatureElement>(element)) continue;  // openings …
            if (const auto kind = wall_class_of(element))
                read_wall(element, *kind);
            else
                read_camera(element);
        }
    }

    bool glazed(const std::shared_ptr<IfcElement>& element, WallClass kind) const {
        if (kind == WallClass::curtain_wall || kind == WallClass::window) return true;
        if (kind != WallClass::plate) return false;
        if (says_glass(text(element->m_Name)) || says_glass(text(element->m_ObjectType)))
            return true;
        const auto materials = material_names(element);
        for (const auto& m : materials)
            if (says_glass(m)) return true;
        return materials.empty() && dynamic_pointer_cast<IfcCurtainWall>(parent_of(element));
    }

    void read_wall(const std::shared_ptr<IfcElement>& element, WallClass kind) {
        WallElement w;
        identify(w, element);
        w.wall_class = kind;
        w.glazed = glazed(element, kind);
        w.storey = locate(element, "an element");
        const double base = base_of(w.storey);
        step(element->m_entity_id);
        if (!geometry_readable(element, true)) {
            model_.walls.push_back(std::move(w));
            return;
        }
        const auto body = geometry_->shape(element, ShapeKind::body, true);
        w.has_body = heights(body, base, w.bottom, w.top);
        // An element wholly below the cut (a 1.1 m counter, a parapet) is cut halfway up its
        // body instead, so that it comes in with its height rather than not at all.
        double cut = base + options_.cut_height;
        if (w.has_body && w.top < options_.cut_height && w.top > w.bottom)
            cut = base + (w.bottom + w.top) / 2;
        for (const auto* meshes : {&body.solids, &body.surfaces})
            for (const auto& mesh : *meshes) {
                auto section = section_at(mesh, cut);
                for (auto& p : section.polygons) w.polygons.push_back(std::move(p));
                for (auto& l : section.lines) w.lines.push_back(std::move(l));
            }
        geometry_problems(element->m_entity_id);
        // A curtain wall made of parts (plates, members) has its geometry in them.
        if (!w.has_body && element->m_IsDecomposedBy_inverse.empty())
            problem(ProblemKind::element_without_geometry, element->m_entity_id,
                    body.found ? "its Body gives no shape" : "it has no Body representation");
        model_.walls.push_back(std::move(w));
    }

    void read_camera(const std::shared_ptr<IfcElement>& element) {
        const auto appliance = dynamic_pointer_cast<IfcAudioVisualAppliance>(element);
        const bool is_camera =
            appliance && appliance->m_PredefinedType &&
            appliance->m_PredefinedType->m_enum == IfcAudioVisualApplianceTypeEnum::ENUM_CAMERA;
        Camera c;
        identify(c, element);
        c.object_type = text(element->m_ObjectType);
        if (!is_camera && !contains_icase(c.name, "camera") &&
            !contains_icase(c.object_type, "camera"))
            return;
        c.tag = text(element->m_Tag);
        c.appliance = is_camera;
        c.storey = locate(element, "a camera");
        step(element->m_entity_id);
        if (!geometry_readable(element, false)) return;
        const auto frame = geometry_->frame(element);
        geometry_problems(element->m_entity_id);
        if (!frame) {
            problem(ProblemKind::geometry_failed, element->m_entity_id,
                    "a camera without a usable placement: left out");
            return;
        }
        c.x = frame->origin.x;
        c.y = frame->origin.y;
        c.z = frame->origin.z;
        c.height = c.z - base_of(c.storey);
        if (std::hypot(frame->x_axis.x, frame->x_axis.y) > 1e-9) {
            double azimuth =
                90 - std::atan2(frame->x_axis.y, frame->x_axis.x) * 180 / std::numbers::pi;
            azimuth = std::fmod(azimuth, 360.0);
            if (azimuth < 0) azimuth += 360;
            c.azimuth = azimuth >= 360 ? 0 : azimuth;
        }
        c.properties = read_properties(element, text_, index_, model_.units);
        model_.cameras.push_back(std::move(c));
    }

    void read_map_conversion() {
        for (const auto& conversion : all_of<IfcMapConversion>()) {
            MapConversion m;
            m.entity = index_.ref(conversion->m_entity_id);
            m.map_unit = model_.units.length;
            const auto crs = dynamic_pointer_cast<IfcProjectedCRS>(conversion->m_TargetCRS);
            if (conversion->m_TargetCRS) m.target_crs = text(conversion->m_TargetCRS->m_Name);
            if (crs && crs->m_MapUnit) {
                std::string why;
                const auto unit = unit_factor(text_, index_, crs->m_MapUnit->m_entity_id, why);
                if (unit && unit->dimension == Dimension::length)
                    m.map_unit = unit->factor;
                else
                    problem(ProblemKind::unsupported_unit, crs->m_entity_id,
                            fmt::format("its MapUnit is not a length unit camaudit converts: {}",
                                        why.empty() ? "not a length" : why));
            }
            auto value = [](const auto& measure, double fallback) {
                return measure ? measure->m_value : fallback;
            };
            m.eastings = value(conversion->m_Eastings, 0) * m.map_unit;
            m.northings = value(conversion->m_Northings, 0) * m.map_unit;
            m.orthogonal_height = value(conversion->m_OrthogonalHeight, 0) * m.map_unit;
            m.x_axis_abscissa = value(conversion->m_XAxisAbscissa, 1);
            m.x_axis_ordinate = value(conversion->m_XAxisOrdinate, 0);
            m.scale = value(conversion->m_Scale, 1);
            const bool finite = std::isfinite(m.eastings) && std::isfinite(m.northings) &&
                                std::isfinite(m.orthogonal_height) &&
                                std::isfinite(m.x_axis_abscissa) &&
                                std::isfinite(m.x_axis_ordinate) && std::isfinite(m.scale) &&
                                m.scale > 0 && std::hypot(m.x_axis_abscissa, m.x_axis_ordinate) > 0;
            if (!finite) {
                problem(ProblemKind::bad_value, conversion->m_entity_id,
                        "a map conversion with a value that is not finite, a scale that is "
                        "not positive or a null x axis: left out");
                continue;
            }
            model_.map_conversion = std::move(m);
            return;
        }
    }
};

}  // namespace

void read_model(std::string_view text, const ReadOptions& options, Model& model) {
    Reader(text, options, model).run();
}

}  // namespace camaudit::io::ifc
