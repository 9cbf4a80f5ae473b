// RAII over the reentrant GEOS C API: the pool of contexts, owning handles that settle what
// they own, the wrappers declared in geos.hpp, and the STRtree.
#include "geo/geos.hpp"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <new>
#include <thread>

namespace camaudit::geo {

namespace {

// One pooled GEOS context and the last messages its handlers recorded.
struct Context {
    GEOSContextHandle_t handle = nullptr;
    std::string last_error;
    std::string last_notice;

    static void on_error(const char* message, void* userdata) {
        static_cast<Context*>(userdata)->last_error = message ? message : "";
    }
    static void on_notice(const char* message, void* userdata) {
        static_cast<Context*>(userdata)->last_notice = message ? message : "";
    }
};

// The process-wide pool of contexts (geos.hpp, rules 1 and 2). Never destroyed, nor are its
// contexts: geometries in static storage and thread-local destructors may still call GEOS
// at exit.
class ContextPool {
  public:
    static ContextPool& instance() {
        static ContextPool* const pool = new ContextPool;
        return *pool;
    }

    Context* take() {
        std::lock_guard lock(mutex_);
        if (all_.empty()) {
            // All that the cores can use at once, now: GEOS_init_r writes a process-wide flag
            // that running GEOS operations read (libgeos/geos#1311), so the fewer made later,
            // while other threads run GEOS, the better. More are made if more threads ask.
            for (unsigned i = 0, n = std::max(1u, std::thread::hardware_concurrency()); i <= n; ++i)
                add();
        }
        if (free_.empty()) add();
        Context* c = free_.back();
        free_.pop_back();
        return c;
    }

    void give_back(Context* c) {
        std::lock_guard lock(mutex_);
        c->last_error.clear();
        c->last_notice.clear();
        free_.push_back(c);
    }

  private:
    void add() {  // under mutex_: GEOS_init_r is not safe to call from two threads at once
        auto c = std::make_unique<Context>();
        c->handle = GEOS_init_r();
        if (!c->handle) throw std::bad_alloc();
        GEOSContext_setErrorMessageHandler_r(c->handle, &Context::on_error, c.get());
        GEOSContext_setNoticeMessageHandler_r(c->handle, &Context::on_notice, c.get());
        free_.push_back(c.get());
        all_.push_back(std::move(c));
    }

    std::mutex mutex_;
    std::vector<std::unique_ptr<Context>> all_;
    std::vector<Context*> free_;
};

// The context this thread holds: a trivially destructible pointer, still readable while the
// thread's other thread-local objects are destroyed, and a lease that gives the context back
// when the thread ends. A GEOS call after that (from a later thread-local destructor) takes
// another one, never given back: the pool only grows by it.
thread_local Context* held = nullptr;

struct Lease {
    Lease() = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
        if (held) ContextPool::instance().give_back(held);
        held = nullptr;
    }
};

Context& thread_context() {
    if (!held) {
        held = ContextPool::instance().take();
        thread_local Lease lease;  // constructed once a thread, on its first GEOS call
    }
    return *held;
}

struct Subject {
    std::string name;  // "camera 'C1'"
    SourceLocation loc;
};

std::vector<Subject>& subjects() {
    thread_local std::vector<Subject> stack;
    return stack;
}

[[noreturn]] void fail(const char* operation) {
    std::string message = std::string("GEOS ") + operation + " failed";
    const std::string& why = thread_context().last_error;
    if (!why.empty()) message += ": " + why;
    if (subjects().empty()) throw GeosError(message);
    const Subject& s = subjects().back();
    throw GeosError(s.name + ": " + message, s.loc);
}

// Clears the last error so that a failure reports its own message, not an older one.
void clear_error() {
    thread_context().last_error.clear();
}

char check_predicate(char result, const char* operation) {
    if (result == 2) fail(operation);
    return result;
}

GEOSCoordSequence* make_sequence(const std::vector<Point>& pts, bool close) {
    std::vector<double> xy;
    xy.reserve(2 * (pts.size() + 1));
    for (const Point& p : pts) {
        xy.push_back(p.x);
        xy.push_back(p.y);
    }
    if (close && !pts.empty() && !(pts.front() == pts.back())) {
        xy.push_back(pts.front().x);
        xy.push_back(pts.front().y);
    }
    clear_error();
    GEOSCoordSequence* seq = GEOSCoordSeq_copyFromBuffer_r(ctx(), xy.data(), xy.size() / 2, 0, 0);
    if (!seq) fail("coordinate sequence");
    return seq;
}

// The envelope of `g` computed and cached in it (geos.hpp, rule 4): GEOSGeom_getExtent_r
// reads it through Geometry::getEnvelopeInternal, which computes it on first use. For an
// empty geometry it returns before that; GEOSEnvelope_r reads it too.
void settle_envelope(GEOSContextHandle_t h, const GEOSGeometry* g) {
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    if (!g || GEOSGeom_getExtent_r(h, g, &minx, &miny, &maxx, &maxy)) return;
    if (GEOSGeometry* box = GEOSEnvelope_r(h, g)) GEOSGeom_destroy_r(h, box);
}

// Settles `g` and all its parts: the rings of polygons, the members of collections. Where
// GEOS fails here, the first real use of the geometry reports it.
void settle(GEOSContextHandle_t h, const GEOSGeometry* g) {
    switch (GEOSGeomTypeId_r(h, g)) {
        case GEOS_POLYGON:
            settle_envelope(h, GEOSGetExteriorRing_r(h, g));
            for (int i = 0, n = GEOSGetNumInteriorRings_r(h, g); i < n; ++i)
                settle_envelope(h, GEOSGetInteriorRingN_r(h, g, i));
            break;
        case GEOS_MULTIPOINT:
        case GEOS_MULTILINESTRING:
        case GEOS_MULTIPOLYGON:
        case GEOS_GEOMETRYCOLLECTION:
            for (int i = 0, n = GEOSGetNumGeometries_r(h, g); i < n; ++i)
                settle(h, GEOSGetGeometryN_r(h, g, i));
            break;
        default:
            break;
    }
    settle_envelope(h, g);
}

Geom make_ring(const Ring& ring) {
    return own(GEOSGeom_createLinearRing_r(ctx(), make_sequence(ring, true)), "linear ring");
}

Ring ring_of(const GEOSGeometry* ring) {
    Ring out;
    coordinates_of(ring, out);
    if (out.size() > 1 && out.front() == out.back()) out.pop_back();
    return out;
}

void collect_polygons(const GEOSGeometry* g, std::vector<Polygon>& out) {
    const int type = GEOSGeomTypeId_r(ctx(), g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx(), g)) return;
        Polygon poly;
        poly.shell = ring_of(GEOSGetExteriorRing_r(ctx(), g));
        const int holes = GEOSGetNumInteriorRings_r(ctx(), g);
        for (int i = 0; i < holes; ++i)
            poly.holes.push_back(ring_of(GEOSGetInteriorRingN_r(ctx(), g, i)));
        out.push_back(std::move(poly));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx(), g);
        for (int i = 0; i < n; ++i) collect_polygons(GEOSGetGeometryN_r(ctx(), g, i), out);
    }
}

}  // namespace

void coordinates_of(const GEOSGeometry* line, std::vector<Point>& out) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx(), line);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx(), seq, &n)) fail("coordinate sequence size");
    static_assert(sizeof(Point) == 2 * sizeof(double));  // x, y: GEOS's 2D buffer layout
    out.resize(n);
    if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx(), seq, &out[0].x, 0, 0)) fail("coordinates");
}

bool hole_free_shell(const GEOSGeometry* g, std::vector<Point>& out) {
    GEOSContextHandle_t h = ctx();
    if (!g || GEOSGeomTypeId_r(h, g) != GEOS_POLYGON || GEOSisEmpty_r(h, g) != 0 ||
        GEOSGetNumInteriorRings_r(h, g) != 0)
        return false;
    coordinates_of(GEOSGetExteriorRing_r(h, g), out);
    return true;
}

GEOSContextHandle_t ctx() {
    return thread_context().handle;
}

GeosSubject::GeosSubject(std::string_view kind, std::string_view id, const SourceLocation& loc) {
    std::string name(kind);
    if (!id.empty()) name += " '" + std::string(id) + "'";
    subjects().push_back({std::move(name), loc});
}

GeosSubject::~GeosSubject() {
    subjects().pop_back();
}

std::string last_geos_error() {
    return thread_context().last_error;
}

void GeomDeleter::operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(ctx(), g);
}

void PreparedDeleter::operator()(const GEOSPreparedGeometry* g) const {
    if (g) GEOSPreparedGeom_destroy_r(ctx(), g);
}

Geom own(GEOSGeometry* g, const char* operation) {
    if (!g) fail(operation);
    settle(ctx(), g);
    return Geom(g);
}

Geom make_point(Point p) {
    clear_error();
    return own(GEOSGeom_createPointFromXY_r(ctx(), p.x, p.y), "point");
}

Geom make_linestring(const std::vector<Point>& pts) {
    return own(GEOSGeom_createLineString_r(ctx(), make_sequence(pts, false)), "linestring");
}

Geom make_polygon(const Polygon& poly) {
    Geom shell = make_ring(poly.shell);
    std::vector<Geom> holes;
    holes.reserve(poly.holes.size());
    for (const Ring& h : poly.holes) holes.push_back(make_ring(h));
    std::vector<GEOSGeometry*> raw;
    raw.reserve(holes.size());
    for (Geom& h : holes) raw.push_back(h.release());  // the polygon takes them
    clear_error();
    GEOSGeometry* g = GEOSGeom_createPolygon_r(ctx(), shell.release(), raw.data(),
                                               static_cast<unsigned int>(raw.size()));
    return own(g, "polygon");
}

Geom make_polygon(const Ring& shell) {
    return make_polygon(Polygon{shell, {}});
}

Geom make_empty_polygon() {
    clear_error();
    return own(GEOSGeom_createEmptyPolygon_r(ctx()), "empty polygon");
}

Geom make_collection(std::vector<Geom> parts) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (Geom& g : parts) raw.push_back(g.release());
    clear_error();
    return own(GEOSGeom_createCollection_r(ctx(), GEOS_GEOMETRYCOLLECTION, raw.data(),
                                           static_cast<unsigned int>(raw.size())),
               "collection");
}

Geom clone(const GEOSGeometry* g) {
    clear_error();
    return own(GEOSGeom_clone_r(ctx(), g), "clone");
}

Geom intersection(const GEOSGeometry* a, const GEOSGeometry* b) {
    clear_error();
    return own(GEOSIntersection_r(ctx(), a, b), "intersection");
}

Geom difference(const GEOSGeometry* a, const GEOSGeometry* b) {
    clear_error();
    return own(GEOSDifference_r(ctx(), a, b), "difference");
}

Geom unite(const GEOSGeometry* a, const GEOSGeometry* b) {
    clear_error();
    return own(GEOSUnion_r(ctx(), a, b), "union");
}

Geom union_all(std::vector<Geom> parts) {
    if (parts.empty()) return make_empty_polygon();
    Geom all = make_collection(std::move(parts));
    clear_error();
    return own(GEOSUnaryUnion_r(ctx(), all.get()), "unary union");
}

Geom buffer(const GEOSGeometry* g, double width, int quadrant_segments) {
    clear_error();
    return own(GEOSBuffer_r(ctx(), g, width, quadrant_segments), "buffer");
}

Geom buffer_flat(const GEOSGeometry* g, double width) {
    clear_error();
    return own(
        GEOSBufferWithStyle_r(ctx(), g, width / 2, 16, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_MITRE, 5.0),
        "flat buffer");
}

Geom make_valid(const GEOSGeometry* g) {
    clear_error();
    return own(GEOSMakeValid_r(ctx(), g), "make valid");
}

double area(const GEOSGeometry* g) {
    double a = 0;
    clear_error();
    if (!GEOSArea_r(ctx(), g, &a)) fail("area");
    return a;
}

double distance(const GEOSGeometry* a, const GEOSGeometry* b) {
    double d = 0;
    clear_error();
    if (!GEOSDistance_r(ctx(), a, b, &d)) fail("distance");
    return d;
}

bool is_empty(const GEOSGeometry* g) {
    clear_error();
    return check_predicate(GEOSisEmpty_r(ctx(), g), "is empty") == 1;
}

bool is_valid(const GEOSGeometry* g) {
    clear_error();
    return check_predicate(GEOSisValid_r(ctx(), g), "is valid") == 1;
}

std::optional<Invalidity> invalidity(const GEOSGeometry* g) {
    clear_error();
    char* reason = nullptr;
    GEOSGeometry* where = nullptr;
    const char valid = GEOSisValidDetail_r(ctx(), g, 0, &reason, &where);
    const Geom location(where);  // freed on every path, as is `reason`
    std::optional<Invalidity> out;
    if (valid == 0) {
        out.emplace();
        if (reason) out->reason = reason;
        double x = 0, y = 0;
        if (where && GEOSGeomGetX_r(ctx(), where, &x) == 1 && GEOSGeomGetY_r(ctx(), where, &y) == 1)
            out->location = Point{x, y};
    }
    if (reason) GEOSFree_r(ctx(), reason);
    if (valid == 2) fail("validity");
    return out;
}

bool intersects(const GEOSGeometry* a, const GEOSGeometry* b) {
    clear_error();
    return check_predicate(GEOSIntersects_r(ctx(), a, b), "intersects") == 1;
}

bool covers(const GEOSGeometry* a, const GEOSGeometry* b) {
    clear_error();
    return check_predicate(GEOSCovers_r(ctx(), a, b), "covers") == 1;
}

Prepared prepare(const GEOSGeometry* g) {
    clear_error();
    const GEOSPreparedGeometry* p = GEOSPrepare_r(ctx(), g);
    if (!p) fail("prepare");
    return Prepared(p);
}

bool prepared_covers(Prepared& p, const GEOSGeometry* g) {
    clear_error();
    return check_predicate(GEOSPreparedCovers_r(ctx(), p.get(), g), "prepared covers") == 1;
}

bool prepared_intersects(Prepared& p, const GEOSGeometry* g) {
    clear_error();
    return check_predicate(GEOSPreparedIntersects_r(ctx(), p.get(), g), "prepared intersects") == 1;
}

Envelope envelope(const GEOSGeometry* g) {
    Envelope e;
    if (is_empty(g)) return e;
    clear_error();
    if (!GEOSGeom_getExtent_r(ctx(), g, &e.minx, &e.miny, &e.maxx, &e.maxy)) fail("extent");
    return e;
}

std::vector<Polygon> polygons_of(const GEOSGeometry* g) {
    std::vector<Polygon> out;
    collect_polygons(g, out);
    return out;
}

std::string to_wkt(const GEOSGeometry* g, int precision) {
    clear_error();
    GEOSWKTWriter* writer = GEOSWKTWriter_create_r(ctx());
    if (!writer) fail("WKT writer");
    GEOSWKTWriter_setTrim_r(ctx(), writer, 1);
    GEOSWKTWriter_setRoundingPrecision_r(ctx(), writer, precision);
    char* text = GEOSWKTWriter_write_r(ctx(), writer, g);
    GEOSWKTWriter_destroy_r(ctx(), writer);
    if (!text) fail("WKT write");
    std::string out(text);
    GEOSFree_r(ctx(), text);
    return out;
}

Geom from_wkt(const std::string& wkt) {
    clear_error();
    GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx());
    if (!reader) fail("WKT reader");
    GEOSGeometry* g = GEOSWKTReader_read_r(ctx(), reader, wkt.c_str());
    GEOSWKTReader_destroy_r(ctx(), reader);
    return own(g, "WKT read");
}

// ---------------------------------------------------------------------------------------------
// StrTree. Items are stored in GEOS as the pointer value `id + 1` (never null); GEOS copies the
// envelope at insertion, so no geometry needs to outlive the call.

namespace {

void collect_item(void* item, void* userdata) {
    auto* out = static_cast<std::vector<std::size_t>*>(userdata);
    out->push_back(static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(item)) - 1);
}

}  // namespace

StrTree::StrTree() : tree_(GEOSSTRtree_create_r(ctx(), 10)) {
    if (!tree_) fail("STRtree create");
}

StrTree::~StrTree() {
    if (tree_) GEOSSTRtree_destroy_r(ctx(), tree_);
}

void StrTree::insert(const GEOSGeometry* g, std::size_t item) {
    if (built_) throw GeosError("GEOS STRtree insert failed: the tree was already queried");
    clear_error();
    GEOSSTRtree_insert_r(ctx(), tree_, g,
                         reinterpret_cast<void*>(static_cast<std::uintptr_t>(item) + 1));
    if (!last_geos_error().empty()) fail("STRtree insert");
    ++size_;
}

void StrTree::insert(const Envelope& e, std::size_t item) {
    Geom box = own(GEOSGeom_createRectangle_r(ctx(), e.minx, e.miny, e.maxx, e.maxy), "rectangle");
    insert(box.get(), item);
}

std::vector<std::size_t> StrTree::query(const GEOSGeometry* g) const {
    std::vector<std::size_t> out;
    if (!built_) built_ = true;  // written once, before any concurrent use (see build())
    if (size_ == 0 || is_empty(g)) return out;
    clear_error();
    GEOSSTRtree_query_r(ctx(), tree_, g, &collect_item, &out);
    if (!last_geos_error().empty()) fail("STRtree query");
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<std::size_t> StrTree::query(const Envelope& e) const {
    Geom box = own(GEOSGeom_createRectangle_r(ctx(), e.minx, e.miny, e.maxx, e.maxy), "rectangle");
    return query(box.get());
}

void StrTree::build() const {
    if (size_ == 0) {
        built_ = true;
        return;
    }
    query(Envelope{0, 0, 0, 0});  // GEOS builds the whole tree on its first query
}

}  // namespace camaudit::geo
