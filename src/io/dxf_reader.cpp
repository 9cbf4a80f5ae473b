#include "io/dxf_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "io/gdal_api.hpp"
#include "io/site_reader.hpp"
#include "model/angle.hpp"
#include "util/input_files.hpp"

namespace camaudit::io {

namespace {

constexpr int kMaxBlockDepth = 32;
constexpr std::size_t kMaxEntities = 2'000'000;  // after block expansion
// Block references followed while expanding, empty blocks included: the entity cap alone
// counts only what is emitted, so ten references to an empty block, nested twelve deep, ran
// for hours in an 18 KB drawing (issue #19, 1). This bounds the expansion's work itself.
constexpr std::size_t kMaxReferences = 2'000'000;

// GDAL's functions: read_dxf has loaded them before anything below runs.
const GdalApi& gdal() {
    std::string unused;
    return *load_gdal(unused);
}

// `name` in the drawing's encoding, as UTF-8.
std::string to_utf8(const std::string& name, const std::string& encoding) {
    char* utf8 = gdal().CPLRecode(name.c_str(), encoding.c_str(), CPL_ENC_UTF8);
    std::string out = utf8 ? utf8 : name;
    gdal().VSIFree(utf8);
    return out;
}

// GDAL's messages of this thread go to `messages` while this lives (GDAL would print them).
class ErrorCapture {
  public:
    explicit ErrorCapture(DxfMessages& messages) : messages_(messages) {
        gdal().CPLPushErrorHandlerEx(&ErrorCapture::handle, this);
    }
    ~ErrorCapture() { gdal().CPLPopErrorHandler(); }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

  private:
    static void CPL_STDCALL handle(CPLErr level, CPLErrorNum, const char* message) {
        auto* self = static_cast<ErrorCapture*>(gdal().CPLGetErrorHandlerUserData());
        if (level == CE_Warning)
            self->messages_.warnings.emplace_back(message);
        else if (level >= CE_Failure)
            self->messages_.errors.emplace_back(message);
    }
    DxfMessages& messages_;
};

// A configuration option for this thread only (other threads may read other drawings),
// restored when done.
class ThreadOption {
  public:
    ThreadOption(const char* key, const std::string& value) : key_(key) {
        if (const char* old = gdal().CPLGetThreadLocalConfigOption(key, nullptr)) old_ = old;
        gdal().CPLSetThreadLocalConfigOption(key, value.c_str());
    }
    ~ThreadOption() { gdal().CPLSetThreadLocalConfigOption(key_, old_ ? old_->c_str() : nullptr); }
    ThreadOption(const ThreadOption&) = delete;
    ThreadOption& operator=(const ThreadOption&) = delete;

  private:
    const char* key_;
    std::optional<std::string> old_;
};

struct DatasetCloser {
    void operator()(void* ds) const { gdal().GDALClose(ds); }
};
struct FeatureDestroyer {
    void operator()(void* f) const { gdal().OGR_F_Destroy(f); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;
using Feature = std::unique_ptr<void, FeatureDestroyer>;

// x' = a x + b y + tx, y' = c x + d y + ty.
struct Affine {
    double a = 1, b = 0, c = 0, d = 1, tx = 0, ty = 0;
    Point operator()(Point p) const { return {a * p.x + b * p.y + tx, c * p.x + d * p.y + ty}; }
    Affine then(const Affine& outer) const {  // outer ∘ this
        return {outer.a * a + outer.b * c,
                outer.a * b + outer.b * d,
                outer.c * a + outer.d * c,
                outer.c * b + outer.d * d,
                outer.a * tx + outer.b * ty + outer.tx,
                outer.c * tx + outer.d * ty + outer.ty};
    }
};

// One OGR feature, copied out of GDAL.
struct RawEntity {
    std::string handle, type, layer, text, block;
    std::string defined_in;  // blocks layer: the block whose definition holds it
    bool paper_space = false, attribute_definition = false, insert = false;
    std::vector<std::vector<Point>> curves;
    std::vector<Polygon> areas;
    Point point;
    Affine placement;    // INSERT: block coordinates → the coordinates of what holds it
    bool planar = true;  // INSERT: its extrusion is ±z
    std::optional<double> bad_rotation;  // INSERT: a rotation outside model/angle.hpp's range
    std::vector<std::pair<std::string, std::string>> attributes;
};

std::string field(OGRFeatureH f, const char* name) {
    const int i = gdal().OGR_F_GetFieldIndex(f, name);
    if (i < 0 || !gdal().OGR_F_IsFieldSetAndNotNull(f, i)) return {};
    return gdal().OGR_F_GetFieldAsString(f, i);
}

std::vector<double> reals(OGRFeatureH f, const char* name) {
    const int i = gdal().OGR_F_GetFieldIndex(f, name);
    if (i < 0 || !gdal().OGR_F_IsFieldSetAndNotNull(f, i)) return {};
    int n = 0;
    const double* v = gdal().OGR_F_GetFieldAsDoubleList(f, i, &n);
    return std::vector<double>(v, v + n);
}

std::vector<Point> points_of(OGRGeometryH g) {
    std::vector<Point> out;
    const int n = gdal().OGR_G_GetPointCount(g);
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out.push_back({gdal().OGR_G_GetX(g, i), gdal().OGR_G_GetY(g, i)});
    return out;
}

void collect_geometry(OGRGeometryH g, RawEntity& e) {
    if (!g) return;
    switch (gdal().OGR_GT_Flatten(gdal().OGR_G_GetGeometryType(g))) {
        case wkbPoint:
            e.point = {gdal().OGR_G_GetX(g, 0), gdal().OGR_G_GetY(g, 0)};
            break;
        case wkbLineString:
            e.curves.push_back(points_of(g));
            break;
        case wkbPolygon: {
            Polygon p;
            for (int i = 0; i < gdal().OGR_G_GetGeometryCount(g); ++i) {
                auto ring = points_of(gdal().OGR_G_GetGeometryRef(g, i));
                if (i == 0)
                    p.shell = std::move(ring);
                else
                    p.holes.push_back(std::move(ring));
            }
            e.areas.push_back(std::move(p));
            break;
        }
        case wkbMultiLineString:
        case wkbMultiPolygon:
        case wkbGeometryCollection:
            for (int i = 0; i < gdal().OGR_G_GetGeometryCount(g); ++i)
                collect_geometry(gdal().OGR_G_GetGeometryRef(g, i), e);
            break;
        default:  // surfaces, meshes: nothing a plan needs
            break;
    }
}

// The DXF type name from GDAL's subclass markers, for drawings whose index has no handle.
std::string type_from_subclasses(const std::string& subclasses, const RawEntity& e) {
    static const std::pair<const char*, const char*> kByClass[] = {{"AcDbBlockReference", "INSERT"},
                                                                   {"AcDbArc", "ARC"},
                                                                   {"AcDbMText", "MTEXT"},
                                                                   {"AcDbPolyline", "LWPOLYLINE"},
                                                                   {"AcDb2dPolyline", "POLYLINE"},
                                                                   {"AcDbLine", "LINE"},
                                                                   {"AcDbCircle", "CIRCLE"},
                                                                   {"AcDbText", "TEXT"},
                                                                   {"AcDbHatch", "HATCH"}};
    for (const auto& [cls, type] : kByClass)
        if (subclasses.find(cls) != std::string::npos) return type;
    if (e.insert) return "INSERT";
    if (!e.text.empty()) return "TEXT";
    return e.areas.empty() ? "entity" : "HATCH";
}

Affine insert_placement(OGRFeatureH f, RawEntity& e) {
    const auto scale = reals(f, "BlockScale");
    const auto normal = reals(f, "BlockOCSNormal");
    const double sx = scale.size() >= 1 ? scale[0] : 1.0;
    const double sy = scale.size() >= 2 ? scale[1] : 1.0;
    const double degrees =
        gdal().OGR_F_GetFieldAsDouble(f, gdal().OGR_F_GetFieldIndex(f, "BlockAngle"));
    if (!input_angle_ok(degrees)) e.bad_rotation = degrees;  // reported by the expansion
    const double r = degrees * M_PI / 180;
    // Block coordinates are scaled, then rotated in the insert's object coordinate system
    // (OCS); an extrusion of -z (a mirrored insert) turns the OCS x axis to -x (DXF's
    // arbitrary axis algorithm). GDAL gives the insertion point in world coordinates.
    double mirror = 1;
    if (normal.size() == 3) {
        e.planar = std::fabs(normal[0]) < 1e-9 && std::fabs(normal[1]) < 1e-9;
        if (normal[2] < 0) mirror = -1;
    }
    Affine t;
    t.a = mirror * std::cos(r) * sx;
    t.b = -mirror * std::sin(r) * sy;
    t.c = std::sin(r) * sx;
    t.d = std::cos(r) * sy;
    t.tx = e.point.x;
    t.ty = e.point.y;
    return t;
}

RawEntity read_feature(OGRFeatureH f, const DxfIndex& index) {
    RawEntity e;
    e.handle = field(f, "EntityHandle");
    for (char& c : e.handle) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    e.layer = field(f, "Layer");
    e.text = field(f, "Text");
    e.paper_space = field(f, "PaperSpace") == "1";
    e.attribute_definition = !field(f, "AttributeTag").empty();
    e.block = field(f, "BlockName");
    e.defined_in = field(f, "Block");
    e.insert = !e.block.empty();
    collect_geometry(gdal().OGR_F_GetGeometryRef(f), e);
    if (e.insert) {
        e.placement = insert_placement(f, e);
        const int i = gdal().OGR_F_GetFieldIndex(f, "BlockAttributes");
        if (i >= 0 && gdal().OGR_F_IsFieldSetAndNotNull(f, i))
            for (char** item = gdal().OGR_F_GetFieldAsStringList(f, i); item && *item; ++item) {
                const std::string entry = *item;  // "TAG value"
                const auto space = entry.find(' ');
                e.attributes.emplace_back(entry.substr(0, space), space == std::string::npos
                                                                      ? ""
                                                                      : entry.substr(space + 1));
            }
    }
    auto known = index.entities.find(e.handle);
    e.type = known != index.entities.end() ? known->second.type
                                           : type_from_subclasses(field(f, "SubClasses"), e);
    return e;
}

// Whether a polyline ends where it starts: closed polylines, circles, and the end of an
// arc chain that meets its start within rounding.
bool closes(const std::vector<Point>& curve) {
    if (curve.size() < 3) return false;
    const Point a = curve.front(), b = curve.back();
    const double tolerance = 1e-9 * std::max({1.0, std::fabs(a.x), std::fabs(a.y)});
    return std::fabs(a.x - b.x) <= tolerance && std::fabs(a.y - b.y) <= tolerance;
}

// Turns the raw entities into DxfEntity values in world coordinates, expanding blocks.
class Expander {
  public:
    Expander(DxfDrawing& out, const std::map<std::string, std::vector<RawEntity>>& blocks,
             const std::function<bool(const std::string&)>& keep_insert, DxfMessages& messages)
        : out_(out), blocks_(blocks), keep_insert_(keep_insert), messages_(messages) {}

    void emit(const RawEntity& raw, const Affine& t, const std::string& outer_layer,
              const std::string& chain, int depth) {
        if (failed_) return;
        const std::string& layer =
            raw.layer == "0" && !outer_layer.empty() ? outer_layer : raw.layer;
        out_.layers.insert(layer);
        if (raw.insert) return insert(raw, t, layer, chain, depth);
        DxfEntity base = origin(raw, layer, chain);
        for (const auto& curve : raw.curves) {
            DxfEntity e = base;
            e.kind = DxfEntity::Kind::Curve;
            for (const Point& p : curve) e.points.push_back(t(p));
            e.closed = closes(curve);
            if (e.closed) e.points.back() = e.points.front();  // exactly, for the ring
            add(std::move(e));
        }
        for (const auto& area : raw.areas) {
            DxfEntity e = base;
            e.kind = DxfEntity::Kind::Area;
            for (const Point& p : area.shell) e.polygon.shell.push_back(t(p));
            for (const auto& hole : area.holes) {
                e.polygon.holes.emplace_back();
                for (const Point& p : hole) e.polygon.holes.back().push_back(t(p));
            }
            add(std::move(e));
        }
        if (!raw.text.empty() && raw.curves.empty() && raw.areas.empty()) {
            DxfEntity e = base;
            e.kind = DxfEntity::Kind::Text;
            e.at = t(raw.point);
            e.text = raw.text;
            add(std::move(e));
        }
    }

  private:
    DxfEntity origin(const RawEntity& raw, const std::string& layer, const std::string& chain) {
        DxfEntity e;
        e.handle = raw.handle;
        e.type = raw.type;
        e.layer = layer;
        e.inserts = chain;
        auto known = out_.index.entities.find(raw.handle);
        if (known != out_.index.entities.end()) e.line = known->second.line;
        return e;
    }

    void insert(const RawEntity& raw, const Affine& t, const std::string& layer,
                const std::string& chain, int depth) {
        if (++references_ > kMaxReferences)
            return fail(fmt::format("more than {} block references once blocks are expanded "
                                    "(blocks that insert others many times over)",
                                    kMaxReferences),
                        raw);
        if (raw.bad_rotation)
            return fail(fmt::format("entity {} (INSERT of block '{}'): rotation must be {}, got {}",
                                    raw.handle, raw.block, kInputAngleInterval,
                                    std::isfinite(*raw.bad_rotation)
                                        ? fmt::format("{}", *raw.bad_rotation)
                                        : std::string("a value out of range of a number")),
                        raw);
        const Affine placement = raw.placement.then(t);
        if (keep_insert_(raw.block)) {
            DxfEntity e = origin(raw, layer, chain);
            e.kind = DxfEntity::Kind::Insert;
            e.at = t(raw.point);
            e.block = raw.block;
            e.direction = std::atan2(placement.c, placement.a) * 180 / M_PI;
            e.attributes = raw.attributes;
            if (!raw.planar) e.direction = std::nan("");  // not in the plan's plane
            add(std::move(e));
            return;
        }
        auto body = blocks_.find(raw.block);
        if (body == blocks_.end()) return;  // an empty or undefined block draws nothing
        if (depth >= kMaxBlockDepth) {
            fail(fmt::format("entity {} (INSERT of block '{}'): blocks nested deeper than {} "
                             "levels (a block that inserts itself?)",
                             raw.handle, raw.block, kMaxBlockDepth),
                 raw);
            return;
        }
        const std::string inner_chain = chain.empty() ? raw.handle : chain + "/" + raw.handle;
        for (const RawEntity& child : body->second)
            if (!child.attribute_definition) emit(child, placement, layer, inner_chain, depth + 1);
    }

    void add(DxfEntity e) {
        if (out_.entities.size() >= kMaxEntities)
            return fail(
                fmt::format("more than {} entities once blocks are expanded", kMaxEntities));
        out_.entities.push_back(std::move(e));
    }
    // The first error stops the expansion; `at`, where given, is the entity whose DXF line
    // the error is reported at (issue #19, 10: errors without a position).
    void fail(std::string message, const RawEntity* at = nullptr) {
        if (!failed_) {
            if (at)
                if (auto known = out_.index.entities.find(at->handle);
                    known != out_.index.entities.end())
                    messages_.error_lines[messages_.errors.size()] = known->second.line;
            messages_.errors.push_back(std::move(message));
        }
        failed_ = true;
    }
    void fail(std::string message, const RawEntity& at) { fail(std::move(message), &at); }

    DxfDrawing& out_;
    const std::map<std::string, std::vector<RawEntity>>& blocks_;
    const std::function<bool(const std::string&)>& keep_insert_;
    DxfMessages& messages_;
    bool failed_ = false;
    std::size_t references_ = 0;
};

std::optional<std::string> read_bytes(const std::string& path, DxfMessages& messages) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        messages.errors.push_back("cannot open the drawing");
        return std::nullopt;
    }
    util::note_input_file(path);  // never a report's `-o`
    // The size before reading (a 1 GiB sparse drawing was read whole first), and at most one
    // byte past the limit whatever the size said (a device, a pipe; issue #19, 6).
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::string bytes;
    if (ec || size <= kMaxFileBytes) {
        char chunk[1 << 16];
        while (in && bytes.size() <= kMaxFileBytes) {
            in.read(chunk, sizeof chunk);
            bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        }
    }
    if (in.bad() || (!ec && size > kMaxFileBytes) || bytes.size() > kMaxFileBytes) {
        messages.errors.push_back(
            in.bad() ? "cannot read the drawing"
                     : fmt::format("the drawing is larger than {} MiB", kMaxFileBytes >> 20));
        return std::nullopt;
    }
    return bytes;
}

// Every feature of the layer `name` ("entities" or "blocks"), in file order.
std::vector<RawEntity> read_layer(GDALDatasetH ds, const char* name, const DxfIndex& index) {
    std::vector<RawEntity> out;
    OGRLayerH layer = gdal().GDALDatasetGetLayerByName(ds, name);
    if (!layer) return out;
    gdal().OGR_L_ResetReading(layer);
    while (Feature f{gdal().OGR_L_GetNextFeature(layer)}) {
        out.push_back(read_feature(f.get(), index));
        if (out.size() > kMaxEntities) break;  // reported by the expansion
    }
    return out;
}

}  // namespace

std::optional<DxfDrawing> read_dxf(const std::string& path,
                                   const std::function<bool(const std::string&)>& keep_insert,
                                   DxfMessages& messages) {
    auto bytes = read_bytes(path, messages);
    if (!bytes) return std::nullopt;
    DxfDrawing drawing;
    drawing.index = index_dxf(*bytes);
    bytes.reset();
    if (drawing.index.binary) {
        messages.errors.push_back("a binary DXF drawing; save it as an ASCII DXF");
        return std::nullopt;
    }
    std::string why;
    if (!load_gdal(why)) {
        messages.errors.push_back(why);
        return std::nullopt;
    }
    ErrorCapture capture(messages);
    // Blocks are expanded here, not by GDAL: its inlining drops the references (and the
    // attributes) of camera blocks nested in other blocks.
    ThreadOption inline_blocks("DXF_INLINE_BLOCKS", "FALSE");
    ThreadOption merge("DXF_MERGE_BLOCK_GEOMETRIES", "FALSE");
    // GDAL 3.6 decodes by $DWGCODEPAGE only, which garbles the UTF-8 of R2007 and later.
    ThreadOption encoding("DXF_ENCODING", drawing.index.encoding());
    const char* const drivers[] = {"DXF", nullptr};
    Dataset ds{gdal().GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr,
                                 nullptr)};
    if (!ds) {
        if (messages.errors.empty()) messages.errors.push_back("not a DXF drawing GDAL can read");
        return std::nullopt;
    }
    std::map<std::string, std::vector<RawEntity>> blocks;
    for (RawEntity& e : read_layer(ds.get(), "blocks", drawing.index)) {
        drawing.blocks.insert(e.defined_in);
        blocks[e.defined_in].push_back(std::move(e));
    }
    for (const auto& name : drawing.index.block_names)
        drawing.blocks.insert(to_utf8(name, drawing.index.encoding()));
    for (const auto& name : drawing.index.layer_table)
        drawing.layers.insert(to_utf8(name, drawing.index.encoding()));
    const auto model = read_layer(ds.get(), "entities", drawing.index);
    if (!messages.errors.empty()) return std::nullopt;
    Expander expand(drawing, blocks, keep_insert, messages);
    for (const RawEntity& e : model)
        if (!e.paper_space) expand.emit(e, Affine{}, "", "", 0);
    if (!messages.errors.empty()) return std::nullopt;
    return drawing;
}

}  // namespace camaudit::io
