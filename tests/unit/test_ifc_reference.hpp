// A reference for the IFC reader's spaces, computed from the STEP text alone: neither IFC++
// nor camaudit's own STEP code (io/ifc/step_*.hpp) is used, so that a space's area and centre
// in the tests do not come from the code they check.
//
// It knows the little the test models use for the Body of a space: IfcExtrudedAreaSolid of an
// IfcRectangleProfileDef, IfcArbitraryClosedProfileDef or IfcArbitraryProfileDefWithVoids of
// IfcPolyline, extruded vertically; IfcFacetedBrep and IfcFaceBasedSurfaceModel of
// IfcPolyLoop faces; the chain of IfcLocalPlacement / IfcAxis2Placement3D; the length unit
// (an IfcSIUnit, MILLI prefix or none). A body is cut as faces (an extrusion as its prism's
// faces, whatever its direction: the Duplex's stair is extruded sideways), the segments
// chained into rings without regard to the faces' orientation (Revit's surface models mix
// them), a ring inside an odd number of others a hole.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace ifc_reference {

// A check of the reference's own reading, which runs hundreds of thousands of times: an
// exception (a failed test) rather than one doctest assertion each.
inline void expect(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("ifc_reference: ") + what);
}

struct Value {
    enum Kind { empty, reference, real, text_value, enum_value, list_value, typed_value };
    Kind kind = empty;
    int id = 0;
    double number = 0;
    std::string text;  // string, enumeration, typed: the type
    std::vector<Value> items;
};

struct Entity {
    std::string type;
    std::vector<Value> args;
};

class StepFile {
  public:
    explicit StepFile(const std::string& text) : t_(text) {
        p_ = t_.find("DATA;");
        expect(p_ != std::string::npos, "p_ != std::string::npos");
        p_ += 5;
        while (true) {
            skip();
            if (t_.compare(p_, 6, "ENDSEC") == 0) break;
            expect(t_[p_] == '#', "t_[p_] == '#'");
            ++p_;
            const int id = static_cast<int>(std::strtol(t_.c_str() + p_, nullptr, 10));
            p_ = t_.find('=', p_) + 1;
            skip();
            Entity e;
            e.type = word();
            skip();
            e.args = list();
            skip();
            expect(t_[p_] == ';', "t_[p_] == ';'");
            ++p_;
            entities[id] = std::move(e);
        }
        // The project's length unit: the first of the file (a map's unit may follow it).
        for (const auto& [id, e] : entities)
            if (e.type == "IFCSIUNIT" && e.args.size() == 4 && e.args[1].text == "LENGTHUNIT") {
                metres_per_unit = e.args[2].text == "MILLI" ? 0.001 : 1;
                break;
            }
    }

    const Entity& at(int id) const {
        const auto it = entities.find(id);
        expect(it != entities.end(), "it != entities.end()");
        return it->second;
    }
    const Entity& at(const Value& v) const {
        expect(v.kind == Value::reference, "v.kind == Value::reference");
        return at(v.id);
    }

    std::map<int, Entity> entities;
    double metres_per_unit = 1;

  private:
    void skip() {
        while (true) {
            while (p_ < t_.size() && std::isspace(static_cast<unsigned char>(t_[p_]))) ++p_;
            if (t_.compare(p_, 2, "/*") != 0) return;
            p_ = t_.find("*/", p_) + 2;
        }
    }
    std::string word() {
        std::string out;
        while (p_ < t_.size() &&
               (std::isalnum(static_cast<unsigned char>(t_[p_])) || t_[p_] == '_'))
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(t_[p_++])));
        return out;
    }
    std::vector<Value> list() {
        expect(t_[p_] == '(', "t_[p_] == '('");
        ++p_;
        std::vector<Value> out;
        skip();
        if (t_[p_] == ')') {
            ++p_;
            return out;
        }
        while (true) {
            skip();
            out.push_back(value());
            skip();
            if (t_[p_++] == ')') return out;
        }
    }
    Value value() {
        Value v;
        const char c = t_[p_];
        if (c == '$' || c == '*') {
            ++p_;
        } else if (c == '#') {
            ++p_;
            v.kind = Value::reference;
            v.id = static_cast<int>(std::strtol(t_.c_str() + p_, nullptr, 10));
            while (std::isdigit(static_cast<unsigned char>(t_[p_]))) ++p_;
        } else if (c == '\'') {
            v.kind = Value::text_value;
            for (++p_; !(t_[p_] == '\'' && t_[p_ + 1] != '\''); ++p_) {
                if (t_[p_] == '\'') ++p_;
                v.text += t_[p_];
            }
            ++p_;
        } else if (c == '.') {
            v.kind = Value::enum_value;
            const auto end = t_.find('.', p_ + 1);
            v.text = t_.substr(p_ + 1, end - p_ - 1);
            p_ = end + 1;
        } else if (c == '(') {
            v.kind = Value::list_value;
            v.items = list();
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            v.kind = Value::typed_value;
            v.text = word();
            v.items = list();
        } else {
            v.kind = Value::real;
            char* end = nullptr;
            v.number = std::strtod(t_.c_str() + p_, &end);
            p_ = static_cast<std::size_t>(end - t_.c_str());
        }
        return v;
    }

    const std::string& t_;
    std::size_t p_ = 0;
};

struct V3 {
    double x = 0, y = 0, z = 0;
};
inline V3 operator+(V3 a, V3 b) {
    return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline V3 operator-(V3 a, V3 b) {
    return {a.x - b.x, a.y - b.y, a.z - b.z};
}
inline V3 operator*(double k, V3 a) {
    return {k * a.x, k * a.y, k * a.z};
}
inline double dot(V3 a, V3 b) {
    return a.x * b.x + a.y * b.y + a.z * b.z;
}
inline V3 cross(V3 a, V3 b) {
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline V3 unit(V3 a) {
    return (1 / std::sqrt(dot(a, a))) * a;
}

// An affine frame: axes x, y, z and origin o (metres).
struct Frame {
    V3 x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1}, o;
    V3 point(V3 p) const { return o + p.x * x + p.y * y + p.z * z; }
    V3 vector(V3 v) const { return v.x * x + v.y * y + v.z * z; }
    Frame then(const Frame& inner) const {  // inner expressed in this frame
        return {vector(inner.x), vector(inner.y), vector(inner.z), point(inner.o)};
    }
};

class Geometry {
  public:
    explicit Geometry(const StepFile& f) : f_(f) {}

    V3 point(const Value& ref) const {
        const auto& coords = f_.at(ref).args.at(0).items;
        V3 p{coords.at(0).number, coords.at(1).number, coords.size() > 2 ? coords[2].number : 0};
        return f_.metres_per_unit * p;
    }
    V3 direction(const Value& ref, V3 fallback) const {
        if (ref.kind != Value::reference) return fallback;
        const auto& c = f_.at(ref).args.at(0).items;
        return unit({c.at(0).number, c.at(1).number, c.size() > 2 ? c[2].number : 0});
    }
    Frame axis3d(const Value& ref) const {
        const auto& a = f_.at(ref).args;
        Frame out;
        out.o = point(a.at(0));
        out.z = direction(a.at(1), {0, 0, 1});
        const auto r = direction(a.at(2), {1, 0, 0});
        out.x = unit(r - dot(r, out.z) * out.z);
        out.y = cross(out.z, out.x);
        return out;
    }
    Frame axis2d(const Value& ref) const {
        const auto& a = f_.at(ref).args;
        Frame out;
        out.o = point(a.at(0));
        out.x = direction(a.at(1), {1, 0, 0});
        out.y = {-out.x.y, out.x.x, 0};
        return out;
    }
    Frame placement(const Value& ref) const {
        if (ref.kind != Value::reference) return {};
        const auto& a = f_.at(ref).args;
        return placement(a.at(0)).then(axis3d(a.at(1)));
    }

    // The rings of a profile in its own plane (closing point dropped), outer first.
    std::vector<std::vector<V3>> profile(const Value& ref) const {
        const auto& e = f_.at(ref);
        std::vector<std::vector<V3>> out;
        if (e.type == "IFCRECTANGLEPROFILEDEF") {
            const auto at = axis2d(e.args.at(2));
            const double hx = e.args.at(3).number * f_.metres_per_unit / 2;
            const double hy = e.args.at(4).number * f_.metres_per_unit / 2;
            out.push_back({at.point({-hx, -hy, 0}), at.point({hx, -hy, 0}), at.point({hx, hy, 0}),
                           at.point({-hx, hy, 0})});
        } else {
            expect(e.type == "IFCARBITRARYCLOSEDPROFILEDEF" ||
                       e.type == "IFCARBITRARYPROFILEDEFWITHVOIDS",
                   "a profile of a polyline");
            out.push_back(polyline(e.args.at(2)));
            if (e.type == "IFCARBITRARYPROFILEDEFWITHVOIDS")
                for (const auto& inner : e.args.at(3).items) out.push_back(polyline(inner));
        }
        return out;
    }

    std::vector<V3> polyline(const Value& ref) const {
        const auto& e = f_.at(ref);
        expect(e.type == "IFCPOLYLINE", "e.type == \"IFCPOLYLINE\"");
        std::vector<V3> out;
        for (const auto& p : e.args.at(0).items) out.push_back(point(p));
        if (out.size() > 1 && dot(out.front() - out.back(), out.front() - out.back()) < 1e-18)
            out.pop_back();
        return out;
    }

    // The faces of a faceted body: each a list of loops of global points.
    std::vector<std::vector<std::vector<V3>>> faces(const Entity& item, const Frame& at) const {
        std::vector<Value> face_refs;
        if (item.type == "IFCFACETEDBREP") {
            face_refs = f_.at(item.args.at(0)).args.at(0).items;
        } else {
            expect(item.type == "IFCFACEBASEDSURFACEMODEL",
                   "item.type == \"IFCFACEBASEDSURFACEMODEL\"");
            for (const auto& set : item.args.at(0).items)
                for (const auto& face : f_.at(set).args.at(0).items) face_refs.push_back(face);
        }
        std::vector<std::vector<std::vector<V3>>> out;
        for (const auto& face : face_refs) {
            out.emplace_back();
            for (const auto& bound : f_.at(face).args.at(0).items) {
                std::vector<V3> loop;
                for (const auto& p : f_.at(f_.at(bound).args.at(0)).args.at(0).items)
                    loop.push_back(at.point(point(p)));
                out.back().push_back(std::move(loop));
            }
        }
        return out;
    }

  private:
    const StepFile& f_;
};

// Area and first moments of a plan region, from its rings.
struct Section {
    double area = 0, mx = 0, my = 0;
    // Adds a ring (any orientation): its area counts positive, or negative for a hole.
    void add_ring(const std::vector<V3>& ring, bool hole) {
        double a = 0, x = 0, y = 0;
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const auto& p = ring[i];
            const auto& q = ring[(i + 1) % ring.size()];
            const double c = p.x * q.y - q.x * p.y;
            a += c / 2;
            x += (p.x + q.x) * c / 6;
            y += (p.y + q.y) * c / 6;
        }
        const double sign = (a > 0) == !hole ? 1 : -1;
        area += sign * a;
        mx += sign * x;
        my += sign * y;
    }
    double cx() const { return mx / area; }
    double cy() const { return my / area; }
};

inline bool inside(const V3& p, const std::vector<V3>& ring) {
    bool in = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
            p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
            in = !in;
    return in;
}

// The plan region bounded by segments (undirected): chained into rings through end points
// that agree within 1e-7 m; a ring inside an odd number of others is a hole.
inline Section region(const std::vector<std::pair<V3, V3>>& segments) {
    std::vector<V3> nodes;
    auto node = [&](const V3& p) {
        for (std::size_t i = 0; i < nodes.size(); ++i)
            if (std::hypot(nodes[i].x - p.x, nodes[i].y - p.y) < 1e-7) return i;
        nodes.push_back(p);
        return nodes.size() - 1;
    };
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    for (const auto& [a, b] : segments) {
        const auto u = node(a), v = node(b);
        if (u != v) edges.push_back({u, v});
    }
    std::vector<bool> used(edges.size(), false);
    std::vector<std::vector<V3>> rings;
    for (std::size_t first = 0; first < edges.size(); ++first) {
        if (used[first]) continue;
        used[first] = true;
        const auto start = edges[first].first;
        auto at = edges[first].second;
        std::vector<V3> ring{nodes[start]};
        while (at != start) {
            ring.push_back(nodes[at]);
            std::size_t next = edges.size();
            for (std::size_t e = 0; e < edges.size() && next == edges.size(); ++e)
                if (!used[e] && (edges[e].first == at || edges[e].second == at)) next = e;
            REQUIRE_MESSAGE(next < edges.size(), "the section does not close");
            used[next] = true;
            at = edges[next].first == at ? edges[next].second : edges[next].first;
        }
        rings.push_back(std::move(ring));
    }
    Section out;
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const V3 mid = 0.5 * (rings[r][0] + rings[r][1]);
        int depth = 0;
        for (std::size_t o = 0; o < rings.size(); ++o)
            if (o != r && inside(mid, rings[o])) ++depth;
        out.add_ring(rings[r], depth % 2 == 1);
    }
    return out;
}

// The segments where the faces (each a list of loops, global) cross the plane at height z; a
// vertex at z counts as above. A face's crossings are paired in order along its section line.
inline void cut_faces(const std::vector<std::vector<std::vector<V3>>>& faces, double z,
                      std::vector<std::pair<V3, V3>>& out) {
    for (const auto& face : faces) {
        V3 n;
        for (std::size_t i = 0; i < face[0].size(); ++i) {
            const auto& a = face[0][i];
            const auto& b = face[0][(i + 1) % face[0].size()];
            n = n + V3{(a.y - b.y) * (a.z + b.z), (a.z - b.z) * (a.x + b.x), 0};
        }
        const V3 d{-n.y, n.x, 0};
        std::vector<V3> hits;
        for (const auto& loop : face)
            for (std::size_t i = 0; i < loop.size(); ++i) {
                const auto& a = loop[i];
                const auto& b = loop[(i + 1) % loop.size()];
                if ((a.z >= z) != (b.z >= z))
                    hits.push_back(a + ((z - a.z) / (b.z - a.z)) * (b - a));
            }
        std::sort(hits.begin(), hits.end(),
                  [&](const V3& p, const V3& q) { return dot(p, d) < dot(q, d); });
        for (std::size_t i = 0; i + 1 < hits.size(); i += 2) out.push_back({hits[i], hits[i + 1]});
    }
}

// The faces of an extruded profile (rings in the solid's frame): both ends and a quad a side.
inline std::vector<std::vector<std::vector<V3>>> prism_faces(
    const std::vector<std::vector<V3>>& rings, const Frame& solid, V3 direction, double depth) {
    std::vector<std::vector<std::vector<V3>>> faces(2);
    const V3 h = solid.vector(depth * direction);
    for (const auto& ring : rings) {
        std::vector<V3> bottom, top;
        for (const auto& p : ring) {
            bottom.push_back(solid.point(p));
            top.push_back(solid.point(p) + h);
        }
        for (std::size_t i = 0; i < ring.size(); ++i) {
            const auto j = (i + 1) % ring.size();
            faces.push_back({{bottom[i], bottom[j], top[j], top[i]}});
        }
        faces[0].push_back(bottom);
        faces[1].push_back(top);
    }
    return faces;
}

// The section at height z (global, metres) of the Body of the space #id.
inline Section space_section(const StepFile& f, int id, double z) {
    const Geometry g(f);
    const auto& space = f.at(id);
    const auto at = g.placement(space.args.at(5));
    std::vector<std::pair<V3, V3>> segments;
    for (const auto& rep : f.at(space.args.at(6)).args.at(2).items) {
        const auto& r = f.at(rep);
        if (r.args.at(1).text != "Body") continue;
        for (const auto& item_ref : r.args.at(3).items) {
            const auto& item = f.at(item_ref);
            if (item.type == "IFCEXTRUDEDAREASOLID") {
                const auto solid = at.then(g.axis3d(item.args.at(1)));
                cut_faces(prism_faces(g.profile(item.args.at(0)), solid,
                                      g.direction(item.args.at(2), {0, 0, 1}),
                                      item.args.at(3).number * f.metres_per_unit),
                          z, segments);
            } else {
                cut_faces(g.faces(item, at), z, segments);
            }
        }
    }
    return region(segments);
}

}  // namespace ifc_reference
