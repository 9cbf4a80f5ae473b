// The IFC import through site files (io/ifc/site_import.cpp): a site importing a model gets
// the zones, walls, floors and cameras that site-format.md's "Importing a building model
// (IFC)" pins. The zone areas of the Duplex are checked against a section of each space's
// body computed from the STEP text without IFC++ (test_ifc_reference.hpp); the other numbers
// come from the hand-written models' comments (tests/ifc/*.ifc).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <unistd.h>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "io/site_reader.hpp"
#include "test_ifc_reference.hpp"

using namespace camaudit;

namespace {

const std::string kDir = std::string(CAMAUDIT_TEST_DATA) + "/ifc/";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

double ring_area(const Ring& r) {
    double twice = 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        twice += r[j].x * r[i].y - r[i].x * r[j].y;
    return std::fabs(twice) / 2;
}

double area(const Polygon& p) {
    double a = ring_area(p.shell);
    for (const Ring& h : p.holes) a -= ring_area(h);
    return a;
}

// A scratch folder of this process, with a site file importing `model` (an absolute path)
// with the import item's extra lines; the site is read and every diagnostic logged.
struct SiteWith {
    std::filesystem::path dir;
    Diagnostics diag;
    std::optional<Site> site;

    SiteWith(const std::string& model, const std::string& item, const std::string& extra = "",
             const std::string& crs = "local") {
        dir =
            std::filesystem::temp_directory_path() / fmt::format("camaudit-ifc-site-{}", getpid());
        std::filesystem::create_directories(dir);
        const auto path = (dir / "site.yaml").string();
        std::ofstream(path) << "camaudit: 1\n"
                               "operator: {id: op, name: 测试单位, type: enterprise, "
                               "credit_code: 91310110666007217T, responsible: true}\n"
                            << "site: {id: t, region: CN, crs: \"" << crs << "\"}\n"
                            << extra << "import:\n  - ifc: " << model << "\n"
                            << item;
        site = io::load_site(path, diag);
        for (const auto& d : diag.all()) MESSAGE(d.str());
    }
    ~SiteWith() { std::filesystem::remove_all(dir); }

    const Zone& zone(const std::string& id) const {
        for (const auto& z : site->zones)
            if (z.id == id) return z;
        FAIL("no zone " << id);
        throw;
    }
    const Wall& wall(int entity, int part = 1) const {
        int n = 0;
        for (const auto& w : site->walls)
            if (w.origin && w.origin->handle == fmt::format("#{}", entity) && ++n == part) return w;
        FAIL("no wall of #" << entity);
        throw;
    }
};

}  // namespace

TEST_CASE("ifc site import: the Duplex's zones are its spaces' sections (area within 1 %)") {
    SiteWith s(
        kDir + "duplex.ifc",
        "    kinds: {Bedroom: homestay.room, Bathroom: public.toilet, Roof: generic.outdoor}\n");
    REQUIRE(s.site.has_value());
    // 21 spaces, each one zone; storeys Level 1, Level 2, T/FDN and Roof as floors.
    CHECK(s.site->zones.size() == 21);
    REQUIRE(s.site->floors.size() == 4);
    std::map<std::string, double> elevation;
    for (const auto& f : s.site->floors) elevation[f.id] = f.elevation;
    CHECK(elevation.at("Level 2") == doctest::Approx(3.1));
    const auto text = slurp(kDir + "duplex.ifc");
    const ifc_reference::StepFile file(text);
    for (const auto& z : s.site->zones) {
        CAPTURE(z.id);
        REQUIRE(z.origin);
        CHECK(z.origin->ifc);
        CHECK(z.origin->entity == "IFCSPACE");
        CHECK(z.origin->layer == z.id);  // the space's Name: its room number
        // The reference: the space's body cut 1.2 m above its storey (the Duplex's storeys sit
        // at their elevations: the building is at z 0).
        const int id = std::stoi(z.origin->handle.substr(1));
        const auto reference = ifc_reference::space_section(file, id, elevation.at(z.floor) + 1.2);
        CHECK(area(z.polygon) == doctest::Approx(std::abs(reference.area)).epsilon(0.01));
    }
    // Kinds: the longest key in LongName; no key: generic.room.
    CHECK(s.zone("A203").kind == "homestay.room");
    CHECK(s.zone("A203").name == "Bedroom 2");
    CHECK(s.zone("B104").kind == "public.toilet");
    CHECK(s.zone("A101").kind == "generic.room");
    CHECK(s.zone("R301").kind == "generic.outdoor");
    CHECK(s.zone("R301").floor == "Roof");
    // 13 spaces matched no key: one warning lists them.
    REQUIRE(s.diag.all().size() == 1);  // A101 … B105: the 12 of neither kind nor roof
    CHECK(s.diag.all()[0].message.find("12 spaces match no key of kinds") != std::string::npos);
    // Doors are walls (closed), windows transparent walls.
    int doors = 0, windows = 0;
    for (const auto& w : s.site->walls) {
        doors += w.origin->entity == "IFCDOOR";
        windows += w.origin->entity == "IFCWINDOW" && w.transparent;
    }
    CHECK(doors > 0);
    CHECK(windows > 0);
}

TEST_CASE("ifc site import: doors: open leaves the doors out; storeys map to the site's floors") {
    SiteWith closed(kDir + "corridor.ifc", "");
    SiteWith open(kDir + "corridor.ifc", "    doors: open\n");
    REQUIRE(closed.site.has_value());
    REQUIRE(open.site.has_value());
    CHECK(closed.site->walls.size() == open.site->walls.size() + 1);
    CHECK(closed.wall(250).origin->entity == "IFCDOOR");
    CHECK_FALSE(closed.wall(250).transparent);
    CHECK_FALSE(closed.wall(250).height);  // a door is as high as its wall: the lintel above
    // The north wall is cut in two by the doorway (x 9.5-10.5): 9.5 × 0.2 and 9.5 × 0.2 m.
    CHECK(area(closed.wall(200, 1).polygon) == doctest::Approx(1.9));
    CHECK(area(closed.wall(200, 2).polygon) == doctest::Approx(1.9));
    CHECK(closed.wall(200, 2).id == "corridor.ifc#200.2");
    // No kinds: generic.room.
    CHECK(closed.zone("B01").kind == "generic.room");

    SiteWith mapped(kDir + "corridor.ifc", "    storeys: {\"Level 1\": G}\n",
                    "floors: [{id: G, elevation: 0}]\n");
    REQUIRE(mapped.site.has_value());
    CHECK(mapped.site->floors.size() == 1);
    CHECK(mapped.zone("C01").floor == "G");
    SiteWith unknown(kDir + "corridor.ifc", "", "floors: [{id: G, elevation: 0}]\n");
    CHECK_FALSE(unknown.site.has_value());  // storey 'Level 1' is not among the site's floors
}

TEST_CASE("ifc site import: millimetres, heights, glazing, cameras with their properties") {
    // office-mm.ifc: the camera's owner property names a party.
    SiteWith s(kDir + "office-mm.ifc", "    kinds: {卫生间: public.toilet}\n",
               "parties: [{id: \"安保 Co.\", name: 安保公司, type: enterprise, "
               "credit_code: 91310110666007217T}]\n");
    REQUIRE(s.site.has_value());
    CHECK(s.zone("102").kind == "public.toilet");                   // LongName 卫生间
    CHECK(area(s.zone("101").polygon) == doctest::Approx(80 - 8));  // 10 × 8 m, a 4 × 2 m void
    CHECK(s.zone("101").polygon.holes.size() == 1);
    // The storey's ceiling is its lowest room's top (2.8 m, space 102): the 1.1 m counter and
    // the 2.1 m partition come in with their heights, the 3 m wall without.
    CHECK(s.wall(220).height == doctest::Approx(1.1));
    CHECK(s.wall(240).height == doctest::Approx(2.1));
    CHECK_FALSE(s.wall(200).height);
    CHECK(s.wall(260).transparent);  // the curtain wall
    CHECK(s.wall(280).transparent);  // the glass plate
    CHECK_FALSE(s.wall(290).transparent);
    REQUIRE(s.site->cameras.size() == 2);
    const Camera& c = s.site->cameras[0];
    CHECK(c.id == "CAM-01");  // its Tag
    CHECK(c.position == Point{5, 4});
    CHECK(*c.azimuth == doctest::Approx(45));  // x axis (1, 1): north-east
    CHECK(c.hfov == 90);
    CHECK(c.range == 15);  // 15000 mm
    CHECK(c.height == doctest::Approx(2.8));
    CHECK(*c.tilt == doctest::Approx(30));  // 0.5236 rad by the property's own unit
    CHECK(*c.vfov == doctest::Approx(60));  // from its type
    CHECK(c.signage);
    CHECK(c.owner == "安保 Co.");
    CHECK(c.assumed.empty());
    // The proxy found by its name: every key but height (its placement) assumed.
    const Camera& proxy = s.site->cameras[1];
    CHECK(proxy.id == "CCTV Camera 2");
    CHECK(proxy.height == doctest::Approx(2.5));
    CHECK(proxy.hfov == 90);
    CHECK(proxy.range == 30);
    REQUIRE(proxy.assumed.size() == 3);
    CHECK(proxy.assumed[0].field == "hfov");
    CHECK(proxy.assumed[1].field == "range");
    CHECK(proxy.assumed[2].field == "signage");
}

TEST_CASE("ifc site import: a camera in a wall or on its face is moved 5 cm out of it") {
    std::string text = slurp(kDir + "corridor.ifc");
    const std::string at = "#303=IFCCARTESIANPOINT((10.,1.,2.5));";
    const auto placed = text.find(at);
    REQUIRE(placed != std::string::npos);
    const auto model = std::filesystem::temp_directory_path() /
                       fmt::format("camaudit-ifc-camera-{}.ifc", getpid());
    auto camera_at = [&](const std::string& point) {
        std::string t = text;
        t.replace(placed, at.size(), fmt::format("#303=IFCCARTESIANPOINT(({},2.5));", point));
        std::ofstream(model) << t;
        SiteWith s(model.string(), "");
        REQUIRE(s.site.has_value());
        REQUIRE(s.site->cameras.size() == 1);
        return s.site->cameras[0].position;
    };
    // Inside the north wall (y 2-2.2) at y 2.12: its nearest face is y 2.2, 0.08 away.
    const Point inside = camera_at("5.,2.12");
    CHECK(inside.x == doctest::Approx(5));
    CHECK(inside.y == doctest::Approx(2.25));
    // 2 cm from the wall's south face: 5 cm from it.
    const Point near = camera_at("5.,1.98");
    CHECK(near.y == doctest::Approx(1.95));
    // 10 cm from it: left where it is.
    CHECK(camera_at("5.,1.9").y == doctest::Approx(1.9));
    std::filesystem::remove(model);
}

TEST_CASE("ifc site import: a projected crs places the model by its IfcMapConversion") {
    // office-mm.ifc's conversion with eastings 500 000 m (the file's 39 500 000 carries the
    // Gauss-Krüger zone number, beyond camaudit's coordinate limit of 1e7): x axis (cos 30°,
    // sin 30°), scale 1. The camera at (5, 4) m of the model is at
    //   E = 500000 + 5 cos 30° − 4 sin 30° = 500002.330127, N = 3500000 + 5 sin 30° + 4 cos 30°
    //     = 3500005.964102,
    // and its azimuth, 45° in the model, turns with the axis: 45 − 30 = 15°.
    std::string text = slurp(kDir + "office-mm.ifc");
    const std::string e = "39500000.,3500000.";
    const auto at = text.find(e);
    REQUIRE(at != std::string::npos);
    text.replace(at, e.size(), "500000.,3500000.");
    const auto model =
        std::filesystem::temp_directory_path() / fmt::format("camaudit-ifc-map-{}.ifc", getpid());
    std::ofstream(model) << text;
    SiteWith s(model.string(), "",
               "parties: [{id: \"安保 Co.\", name: 安保公司, type: enterprise, "
               "credit_code: 91310110666007217T}]\n");
    std::filesystem::remove(model);
    REQUIRE(s.site.has_value());  // crs local: the model's own coordinates
    CHECK(s.site->cameras[0].position == Point{5, 4});
    std::ofstream(model) << text;
    SiteWith projected(model.string(), "",
                       "parties: [{id: \"安保 Co.\", name: 安保公司, type: enterprise, "
                       "credit_code: 91310110666007217T}]\n",
                       "EPSG:4527");
    std::filesystem::remove(model);
    REQUIRE(projected.site.has_value());
    const Camera& c = projected.site->cameras[0];
    CHECK(c.position.x == doctest::Approx(500002.330127).epsilon(1e-12));
    CHECK(c.position.y == doctest::Approx(3500005.964102).epsilon(1e-12));
    CHECK(*c.azimuth == doctest::Approx(15));
}

TEST_CASE("ifc site import: a camera property written as text is read as a number") {
    std::string text = slurp(kDir + "corridor.ifc");
    const std::string range = "IFCPROPERTYSINGLEVALUE('range',$,IFCLENGTHMEASURE(20.),$)";
    const auto at = text.find(range);
    REQUIRE(at != std::string::npos);
    text.replace(at, range.size(), "IFCPROPERTYSINGLEVALUE('range',$,IFCLABEL(' 12.5 '),$)");
    const auto model =
        std::filesystem::temp_directory_path() / fmt::format("camaudit-ifc-label-{}.ifc", getpid());
    std::ofstream(model) << text;
    SiteWith s(model.string(), "");
    std::filesystem::remove(model);
    REQUIRE(s.site.has_value());
    CHECK(s.site->cameras[0].range == 12.5);
    CHECK(s.site->cameras[0].hfov == 90);  // 1.5707963267948966 rad, to the nano-degree
}
