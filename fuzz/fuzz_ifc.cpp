// libFuzzer harness: the IFC module's entry point (camaudit_ifc_read: the STEP check, IFC++,
// the plan sections) on arbitrary bytes, linked in rather than loaded.
//
// Besides crashes, leaks and undefined behaviour (ASan/UBSan, in camaudit's code and in the
// IFC++ and Carve headers it compiles; libIfcPlusPlus.so itself is not instrumented), it
// checks the module's contract: a fatal problem leaves nothing but problems; every problem
// has a detail and a line within the file; every storey index is valid; every coordinate is
// finite and within kMaxCoordinate; every azimuth is in [0, 360).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "io/ifc/ifc_api.hpp"

using namespace camaudit::io::ifc;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

void check_point(const Point2& p) {
    check(std::isfinite(p.x) && std::isfinite(p.y));
    check(std::abs(p.x) <= kMaxCoordinate && std::abs(p.y) <= kMaxCoordinate);
}

void check_polygons(const std::vector<Polygon>& polygons) {
    for (const auto& polygon : polygons) {
        check(polygon.outer.size() >= 3);
        for (const auto& p : polygon.outer) check_point(p);
        for (const auto& hole : polygon.holes) {
            check(hole.size() >= 3);
            for (const auto& p : hole) check_point(p);
        }
    }
}

void check_storey(const Model& m, int storey) {
    check(storey >= -1 && storey < static_cast<int>(m.storeys.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ReadOptions options;
    Model m;
    camaudit_ifc_read(reinterpret_cast<const char*>(data), size, &options, &m);
    const auto lines = std::count(data, data + size, '\n') + 1;
    for (const auto& p : m.problems) {
        check(!p.detail.empty());
        check(p.line >= 0 && p.line <= lines);
        check(p.entity.line >= 0 && p.entity.line <= lines);
    }
    if (!m.read()) {
        check(m.storeys.empty() && m.spaces.empty() && m.walls.empty() && m.cameras.empty());
        return 0;
    }
    for (const auto& s : m.spaces) {
        check_storey(m, s.storey);
        check_polygons(s.footprint);
        check((s.source == FootprintSource::none) == s.footprint.empty());
    }
    for (const auto& w : m.walls) {
        check_storey(m, w.storey);
        check_polygons(w.polygons);
        for (const auto& line : w.lines) {
            check(line.size() >= 2);
            for (const auto& p : line) check_point(p);
        }
        check(std::isfinite(w.bottom) && std::isfinite(w.top) && w.bottom <= w.top);
    }
    for (const auto& c : m.cameras) {
        check_storey(m, c.storey);
        check(std::isfinite(c.x) && std::isfinite(c.y) && std::isfinite(c.z));
        if (c.azimuth) check(*c.azimuth >= 0 && *c.azimuth < 360);
        for (const auto& p : c.properties)
            if (p.number) check(std::isfinite(*p.number) || std::isinf(*p.number));
    }
    return 0;
}
