// RAII over the reentrant GEOS C API (geos_c.h). One GEOS context per thread; every handle
// owns its geometry and frees it with the context of the thread that made it. Geometries
// never cross threads.
#pragma once

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/site.hpp"

namespace camaudit::geo {

// This thread's GEOS context (created on first use, with error and notice handlers that
// record the last message instead of printing it).
GEOSContextHandle_t ctx();
// The last error GEOS reported on this thread ("" if none).
std::string last_geos_error();

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const;
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    void operator()(const GEOSPreparedGeometry* g) const;
};
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

// Takes ownership of a GEOS result, throwing GeosError if it is NULL.
Geom own(GEOSGeometry* g, const char* operation);

Geom make_point(Point p);
Geom make_linestring(const std::vector<Point>& pts);
Geom make_polygon(const Polygon& poly);
Geom make_polygon(const Ring& shell);
Geom make_empty_polygon();
// A collection of the given geometries (consumed).
Geom make_collection(std::vector<Geom> parts);

Geom clone(const GEOSGeometry* g);
Geom intersection(const GEOSGeometry* a, const GEOSGeometry* b);
Geom difference(const GEOSGeometry* a, const GEOSGeometry* b);
Geom unite(const GEOSGeometry* a, const GEOSGeometry* b);
// Union of many (cascaded); an empty polygon for none.
Geom union_all(std::vector<Geom> parts);
Geom buffer(const GEOSGeometry* g, double width, int quadrant_segments = 16);
// A band along a line of full width `width`, with flat ends.
Geom buffer_flat(const GEOSGeometry* g, double width);
Geom make_valid(const GEOSGeometry* g);

double area(const GEOSGeometry* g);
double distance(const GEOSGeometry* a, const GEOSGeometry* b);
bool is_empty(const GEOSGeometry* g);
bool is_valid(const GEOSGeometry* g);
std::string validity_reason(const GEOSGeometry* g);
bool intersects(const GEOSGeometry* a, const GEOSGeometry* b);
// Closed containment: boundary included.
bool covers(const GEOSGeometry* a, const GEOSGeometry* b);

Prepared prepare(const GEOSGeometry* g);
bool prepared_covers(const GEOSPreparedGeometry* p, const GEOSGeometry* g);
bool prepared_intersects(const GEOSPreparedGeometry* p, const GEOSGeometry* g);

struct Envelope {
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
};
Envelope envelope(const GEOSGeometry* g);

// The coordinates of a ring or line string as GEOS holds them (a ring's closing point kept),
// into `out`, which callers in loops reuse; throws GeosError when GEOS cannot give them.
void coordinates_of(const GEOSGeometry* line, std::vector<Point>& out);
// The polygons of a (multi)polygon or collection, as model polygons (for reports).
std::vector<Polygon> polygons_of(const GEOSGeometry* g);
// WKT, for tests and debugging.
std::string to_wkt(const GEOSGeometry* g, int precision = 6);
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
    void insert(const GEOSGeometry* g, std::size_t item);
    void insert(const Envelope& e, std::size_t item);
    // Items whose envelopes intersect the envelope of `g`, in ascending order, without repeats.
    std::vector<std::size_t> query(const GEOSGeometry* g) const;
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
