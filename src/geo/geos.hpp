// RAII over the reentrant GEOS C API (geos_c.h, GEOS 3.11 on Debian 12). The only code that
// calls GEOS is under src/geo/ (tests/cli/layering.sh fails otherwise); everything else
// holds geometries as geo::Geom and borrows them as `const geo::Geometry*`.
//
// Threads: the contract this file keeps, and the GEOS facts it rests on.
//
// 1. A context handle serves one thread at a time. geos_c.h: "There should be only one
//    GEOSContextHandle_t per thread"; the handle holds mutable state (the message buffer and
//    handlers of capi/geos_ts_c.cpp; GEOS 3.12 adds a scratch point), and GEOS's maintainers
//    state the rule as "contexts must only be used from a single thread at a time"
//    (libgeos/geos#876, #907; QGIS#57082 got wrong answers from a shared one). Here a
//    process-wide pool holds the handles: a thread takes one at its first GEOS call (ctx())
//    and gives it back when it ends, so a handle is never used by two threads at once and the
//    next parallel loop's workers reuse it. The pool creates its handles under a lock, the
//    first time all that the machine's cores could use at once, because GEOS_init_r writes a
//    process-wide flag (libgeos/geos#1311).
// 2. Handles live as long as the process: the pool never finishes one. A geometry often
//    outlives the thread that made it (viewsheds are built by the workers of a parallel loop,
//    then read and freed by the thread that started it); whatever GEOS ties to the handle
//    that made a geometry therefore outlives the geometry.
// 3. A geometry belongs to no thread. Every handle makes its geometries with the one
//    process-wide GeometryFactory::getDefaultInstance() (GEOSContextHandle_HS's constructor;
//    no C function sets another), and GEOSGeom_destroy_r uses its handle only to report an
//    error. So a Geom may be used, handed over and freed on any thread, with that thread's
//    handle (GeomDeleter), provided it is handed over with a happens-before edge (a mutex, a
//    thread join) and no thread writes it while others read it. Not "freed with the handle
//    that made it": another thread may hold that handle at that moment, breaking rule 1.
// 4. A Geom made here is settled: reading it writes nothing. GEOS 3.11 computes a geometry's
//    envelope on its first use and caches it in the geometry (Geometry::getEnvelopeInternal;
//    eager only from GEOS 3.12, libgeos/geos#824, GEOS trac #855; collections stay lazy
//    there), so two threads reading a fresh geometry (an overlay with the same zone) would
//    both write that cache, and free each other's copy. own() computes the envelopes of the
//    geometry and of all its parts, rings included, before handing it out: one Geom may then
//    be read by any number of threads at once (AuditContext's zones, viewsheds, overlaps).
// 5. A prepared geometry builds its indexes lazily while it is used, without locks
//    (libgeos/geos#825, open): it serves one thread at a time. The predicates take it by
//    non-const reference, so that code holding it const (an AuditContext's const methods,
//    which the parallel checks call) cannot use it.
// 6. An StrTree is built on its first query (GEOS 3.11 has no GEOSSTRtree_build): build()
//    it before threads share it; queries then only read it.
// 7. Known and left to GEOS: every geometry made or freed on any thread counts itself in the
//    default factory's reference count, a plain int (libgeos/geos#847, atomic in the open
//    PR #1307). The default factory is never freed whatever the count says, so the race loses
//    nothing; no use of the C API can avoid it. ThreadSanitizer does not see it (Debian's
//    libgeos is not instrumented).
#pragma once

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/site.hpp"

namespace camaudit::geo {

// The GEOS context this thread holds (taken from the pool at its first call, with error and
// notice handlers that record the last message instead of printing it). For src/geo/ only.
GEOSContextHandle_t ctx();
// The last error GEOS reported on this thread's context ("" if none).
std::string last_geos_error();

// A geometry, borrowed: code outside src/geo/ names GEOS's type by this name only.
using Geometry = GEOSGeometry;

// Frees with the context of the thread that frees (rule 3 above).
struct GeomDeleter {
    void operator()(Geometry* g) const;
};
using Geom = std::unique_ptr<Geometry, GeomDeleter>;

struct PreparedDeleter {
    void operator()(const GEOSPreparedGeometry* g) const;
};
// One thread at a time (rule 5 above).
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// Thrown when GEOS returns NULL or an exception; `what()` names the object being computed
// (see GeosSubject), the operation and GEOS's text: "camera 'C1': GEOS difference failed: …".
// `loc` is that object's place in its site file (line 0 when there is no subject).
struct GeosError : std::runtime_error {
    using std::runtime_error::runtime_error;
    GeosError(const std::string& message, SourceLocation where)
        : std::runtime_error(message), loc(std::move(where)) {}
    SourceLocation loc;
};

// Names the object that this thread's GEOS calls are about while it lives (innermost wins), so
// that a geometry GEOS cannot process (a TopologyException, a NULL result) is reported as an
// error at that camera or zone of the site file instead of an anonymous internal error.
class GeosSubject {
  public:
    GeosSubject(std::string_view kind, std::string_view id, const SourceLocation& loc);
    ~GeosSubject();
    GeosSubject(const GeosSubject&) = delete;
    GeosSubject& operator=(const GeosSubject&) = delete;
};

// Takes ownership of a GEOS result, throwing GeosError if it is NULL, and settles it (computes
// the envelopes of it and its parts, rule 4 above). Every Geom of src/geo/ comes from here.
Geom own(Geometry* g, const char* operation);

Geom make_point(Point p);
Geom make_linestring(const std::vector<Point>& pts);
Geom make_polygon(const Polygon& poly);
Geom make_polygon(const Ring& shell);
Geom make_empty_polygon();
// A collection of the given geometries (consumed).
Geom make_collection(std::vector<Geom> parts);

Geom clone(const Geometry* g);
Geom intersection(const Geometry* a, const Geometry* b);
Geom difference(const Geometry* a, const Geometry* b);
Geom unite(const Geometry* a, const Geometry* b);
// Union of many (cascaded); an empty polygon for none.
Geom union_all(std::vector<Geom> parts);
Geom buffer(const Geometry* g, double width, int quadrant_segments = 16);
// A band along a line of full width `width`, with flat ends.
Geom buffer_flat(const Geometry* g, double width);
Geom make_valid(const Geometry* g);

double area(const Geometry* g);
double distance(const Geometry* a, const Geometry* b);
bool is_empty(const Geometry* g);
bool is_valid(const Geometry* g);
// Why `g` is not valid (GEOS's reason, "Self-intersection", and where, when GEOS says), or
// nothing when it is valid; throws GeosError when GEOS cannot tell.
struct Invalidity {
    std::string reason;
    std::optional<Point> location;
};
std::optional<Invalidity> invalidity(const Geometry* g);
bool intersects(const Geometry* a, const Geometry* b);
// Closed containment: boundary included.
bool covers(const Geometry* a, const Geometry* b);

// `g` must outlive the prepared geometry, which refers to it.
Prepared prepare(const Geometry* g);
// Non-const: GEOS builds the prepared geometry's indexes on first use (rule 5 above).
bool prepared_covers(Prepared& p, const Geometry* g);
bool prepared_intersects(Prepared& p, const Geometry* g);

struct Envelope {
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
};
Envelope envelope(const Geometry* g);

// The coordinates of a ring or line string as GEOS holds them (a ring's closing point kept),
// into `out`, which callers in loops reuse; throws GeosError when GEOS cannot give them.
void coordinates_of(const Geometry* line, std::vector<Point>& out);
// The shell of `g` into `out` (closing point kept) if `g` is one non-empty polygon without
// holes; false, and `out` unspecified, for any other geometry.
bool hole_free_shell(const Geometry* g, std::vector<Point>& out);
// The polygons of a (multi)polygon or collection, as model polygons (for reports).
std::vector<Polygon> polygons_of(const Geometry* g);
// WKT, for tests and debugging.
std::string to_wkt(const Geometry* g, int precision = 6);
Geom from_wkt(const std::string& wkt);

// A spatial index over items identified by their position in the caller's vector
// (GEOS STRtree, node capacity 10; built lazily on the first query, as GEOS 3.11 has no explicit
// build: inserting after a query throws GeosError). After `build()` (or any query), queries only
// read the tree, so one tree may be queried from several threads at once.
class StrTree {
  public:
    StrTree();
    ~StrTree();
    StrTree(const StrTree&) = delete;
    StrTree& operator=(const StrTree&) = delete;

    // GEOS copies `g`'s envelope: `g` need not outlive the call.
    void insert(const Geometry* g, std::size_t item);
    void insert(const Envelope& e, std::size_t item);
    // Items whose envelopes intersect the envelope of `g`, in ascending order, without repeats.
    std::vector<std::size_t> query(const Geometry* g) const;
    std::vector<std::size_t> query(const Envelope& e) const;
    // Builds the tree now (an empty query), so that no later query modifies it.
    void build() const;
    std::size_t size() const { return size_; }

  private:
    GEOSSTRtree* tree_;
    std::size_t size_ = 0;
    mutable bool built_ = false;
};

}  // namespace camaudit::geo
