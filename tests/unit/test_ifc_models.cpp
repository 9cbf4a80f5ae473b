// The IFC reader (the camaudit-ifc module, through io/ifc/ifc_api.hpp) on two public models:
// the buildingSMART Duplex (IFC2X3, Revit 2011) and KIT's FZK-Haus (IFC4, ArchiCAD 20), both in
// tests/ifc/ (README.md there credits their authors), and the spaces of every test model
// against a reference computed from the STEP text without IFC++ (test_ifc_reference.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "io/ifc/ifc_api.hpp"
#include "io/ifc/plane_section.hpp"
#include "test_ifc_reference.hpp"

using namespace camaudit::io::ifc;

namespace {

const std::string kDir = std::string(CAMAUDIT_TEST_DATA) + "/ifc/";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The line of `#id=` in the text, counted here (not by the reader under test).
int line_of(const std::string& text, int id) {
    for (const auto* sep : {"=", "= "}) {
        const auto at = text.find("\n#" + std::to_string(id) + sep);
        if (at != std::string::npos)
            return static_cast<int>(
                       std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) +
                   2;
    }
    return 0;
}

// Each model is read once for all the test cases.
const Model& read(const std::string& name) {
    static std::map<std::string, Model> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, read_ifc_file(kDir + name)).first;
    const auto& model = it->second;
    for (const auto& p : model.problems)
        MESSAGE(name, ": problem ", static_cast<int>(p.kind), " #", p.entity.id, " line ", p.line,
                ": ", p.detail);
    REQUIRE(model.read());
    return model;
}

const Space& space_named(const Model& m, const std::string& name) {
    const auto it = std::find_if(m.spaces.begin(), m.spaces.end(),
                                 [&](const Space& s) { return s.name == name; });
    REQUIRE(it != m.spaces.end());
    return *it;
}

std::map<WallClass, int> count_classes(const Model& m) {
    std::map<WallClass, int> out;
    for (const auto& w : m.walls) ++out[w.wall_class];
    return out;
}

double footprint_area(const Space& s) {
    double out = 0;
    for (const auto& p : s.footprint) out += area(p);
    return out;
}

// Centre of the footprint (rings' first moments, relative to the first vertex).
std::pair<double, double> footprint_centre(const Space& s) {
    ifc_reference::Section sum;
    for (const auto& p : s.footprint) {
        for (std::size_t r = 0; r <= p.holes.size(); ++r) {
            const auto& ring = r == 0 ? p.outer : p.holes[r - 1];
            std::vector<ifc_reference::V3> v;
            for (const auto& q : ring) v.push_back({q.x, q.y, 0});
            sum.add_ring(v, r > 0);
        }
    }
    return {sum.cx(), sum.cy()};
}

}  // namespace

TEST_CASE("ifc models: the Duplex (IFC2X3, Revit): storeys, 21 spaces, 57 walls, 14 doors") {
    const auto text = slurp(kDir + "duplex.ifc");
    const auto& m = read("duplex.ifc");
    CHECK(m.schema == Schema::ifc2x3);  // IFC++ says IFC4 for every file
    CHECK(m.schema_name == "IFC2X3");
    CHECK(m.units.length == 1);
    CHECK(m.units.angle == doctest::Approx(1));  // DEGREE, conversion-based
    CHECK(m.problems.empty());

    REQUIRE(m.storeys.size() == 4);
    const std::map<std::string, double> bases = {
        {"Level 1", 0}, {"Level 2", 3.1}, {"T/FDN", -1.25}, {"Roof", 6}};
    for (const auto& s : m.storeys) {
        CAPTURE(s.name);
        REQUIRE(bases.count(s.name));
        CHECK(s.base == doctest::Approx(bases.at(s.name)));
        CHECK(s.elevation == doctest::Approx(bases.at(s.name)));
        CHECK(s.entity.line == line_of(text, s.entity.id));
    }

    REQUIRE(m.spaces.size() == 21);
    const auto& foyer = space_named(m, "A101");
    CHECK(foyer.long_name == "Foyer");
    CHECK(foyer.global_id == "0BTBFw6f90Nfh9rP1dlXrr");
    CHECK(foyer.entity.id == 514);
    CHECK(foyer.entity.type == "IFCSPACE");
    CHECK(foyer.entity.line == line_of(text, 514));
    CHECK(m.storeys[static_cast<std::size_t>(foyer.storey)].name == "Level 1");
    const auto& bath = space_named(m, "B104");
    CHECK(bath.long_name == "Bathroom 1");
    // B104's body: an IfcRectangleProfileDef 2.171 x 1.456 m extruded 2.587 m from 0.013 m.
    CHECK(footprint_area(bath) == doctest::Approx(2.171 * 1.456).epsilon(1e-6));
    CHECK(bath.bottom == doctest::Approx(0.013));
    CHECK(bath.top == doctest::Approx(0.013 + 2.587));
    for (const auto& s : m.spaces) {
        CAPTURE(s.name);
        CHECK(s.source == FootprintSource::body_section);
        CHECK(s.storey >= 0);
        CHECK(s.entity.line == line_of(text, s.entity.id));
    }

    const auto classes = count_classes(m);
    CHECK(classes.at(WallClass::wall) + classes.at(WallClass::wall_standard_case) == 57);
    CHECK(classes.at(WallClass::door) == 14);
    CHECK(classes.at(WallClass::window) == 24);
    for (const auto& w : m.walls) {
        CAPTURE(w.entity.id);
        CHECK(w.storey >= 0);
        CHECK(w.has_body);
        CHECK(w.glazed == (w.wall_class == WallClass::window));
    }
    CHECK(m.cameras.empty());
    CHECK_FALSE(m.map_conversion);
}

TEST_CASE("ifc models: the FZK-Haus (IFC4, ArchiCAD): German room names, 13 walls") {
    const auto& m = read("AC20-FZK-Haus.ifc");
    CHECK(m.schema == Schema::ifc4);
    CHECK(m.problems.empty());
    REQUIRE(m.storeys.size() == 2);
    CHECK(m.storeys[0].name == "Erdgeschoss");
    CHECK(m.storeys[1].name == "Dachgeschoss");
    CHECK(m.storeys[1].base == doctest::Approx(2.7));

    REQUIRE(m.spaces.size() == 7);
    CHECK(space_named(m, "3").long_name == "Bad");
    CHECK(space_named(m, "4").long_name == "Schlafzimmer");
    CHECK(space_named(m, "6").long_name == "K\u00fcche");  // K\X2\00FC\X0\che in the file
    const auto& galerie = space_named(m, "7");
    CHECK(galerie.long_name == "Galerie");
    CHECK(m.storeys[static_cast<std::size_t>(galerie.storey)].name == "Dachgeschoss");
    // The attic under the roof: its body rises 3.39 m above the storey, at the ridge.
    CHECK(galerie.top == doctest::Approx(3.39).epsilon(0.01));

    const auto classes = count_classes(m);
    CHECK(classes.at(WallClass::wall_standard_case) == 13);
    CHECK(classes.at(WallClass::window) == 11);
    CHECK(classes.at(WallClass::door) == 5);
    // Two walls of the attic are knee walls, 0.67 m high: below the cut, they are cut halfway
    // up and come with their height.
    int knee = 0;
    for (const auto& w : m.walls) {
        if (w.wall_class != WallClass::wall_standard_case || w.top > 1.2) continue;
        ++knee;
        CHECK(w.top == doctest::Approx(0.67).epsilon(0.02));
        CHECK_FALSE(w.polygons.empty());
    }
    CHECK(knee == 2);
}

TEST_CASE("ifc models: every space's footprint is its own profile (area within 1 %)") {
    // The reference cuts each space's Body, read from the STEP text by test_ifc_reference.hpp,
    // at 1.2 m above the storey's base, whatever the body: extrusions (the Duplex, the office),
    // Breps (FZK-Haus), surface models (the Duplex's two hallways), a profile with a void and
    // a placement turned by 90° (the office, in millimetres).
    for (const char* name : {"duplex.ifc", "AC20-FZK-Haus.ifc", "office-mm.ifc"}) {
        CAPTURE(name);
        const auto text = slurp(kDir + name);
        const ifc_reference::StepFile file(text);
        const auto& m = read(name);
        for (const auto& s : m.spaces) {
            CAPTURE(s.name);
            CAPTURE(s.long_name);
            REQUIRE(s.storey >= 0);
            const double cut = m.storeys[static_cast<std::size_t>(s.storey)].base + 1.2;
            const auto reference = ifc_reference::space_section(file, s.entity.id, cut);
            REQUIRE(std::abs(reference.area) > 0.5);
            const double a = footprint_area(s);
            CHECK(a == doctest::Approx(std::abs(reference.area)).epsilon(0.01));
            const auto [cx, cy] = footprint_centre(s);
            CHECK(std::hypot(cx - reference.cx(), cy - reference.cy()) < 0.05);
        }
    }
}
