// The model's bytes between the reader's child process and camaudit (io/ifc/model_codec.hpp):
// every field comes back; bytes cut short or corrupted never decode into a model.
#include <doctest/doctest.h>

#include <string>

#include "io/ifc/model_codec.hpp"

using namespace camaudit::io::ifc;

namespace {

// A model with every field set, each to a value of its own.
Model sample() {
    Model m;
    m.schema = Schema::ifc2x3;
    m.schema_name = "IFC2X3_TC1";
    m.units = {0.001, 1e-6, 1.5, true};
    m.storeys.push_back({{44, 31, "IFCBUILDINGSTOREY"}, "g-storey", "F2", 3.0, 3.25, true});
    Space s;
    s.entity = {100, 41, "IFCSPACE"};
    s.global_id = "g-space";
    s.name = "101";
    s.long_name = "\u536b\u751f\u95f4";
    s.storey = 0;
    s.footprint = {{{{0, 0}, {10, 0}, {10, 8}}, {{{3, 3}, {3, 5}, {7, 5}}}}};
    s.source = FootprintSource::footprint_curve;
    s.bottom = -0.5;
    s.top = 2.75;
    m.spaces.push_back(s);
    WallElement w;
    w.entity = {200, 71, "IFCWALL"};
    w.global_id = "g-wall";
    w.name = "North";
    w.wall_class = WallClass::plate;
    w.glazed = true;
    w.storey = 0;
    w.polygons = {{{{0, 8}, {2, 8}, {2, 8.2}}, {}}};
    w.lines = {{{1, 1}, {2, 2}}};
    w.has_body = true;
    w.bottom = 0.9;
    w.top = 2.1;
    m.walls.push_back(w);
    Camera c;
    c.entity = {320, 128, "IFCAUDIOVISUALAPPLIANCE"};
    c.global_id = "g-cam";
    c.name = "Lobby";
    c.tag = "CAM-01";
    c.object_type = "Dome";
    c.appliance = true;
    c.storey = 0;
    c.x = 5, c.y = 4, c.z = 5.8, c.height = 2.8;
    c.azimuth = 45;
    Property p;
    p.set = "Pset";
    p.name = "hfov";
    p.type = "IFCPLANEANGLEMEASURE";
    p.text = "90.";
    p.number = 90;
    p.boolean = false;
    p.entity = {331, 140, "IFCPROPERTYSINGLEVALUE"};
    p.from_type = true;
    c.properties = {p, Property{}};
    m.cameras.push_back(c);
    m.map_conversion = MapConversion{
        {32, 24, "IFCMAPCONVERSION"}, 39500000, 3500000, 20, 0.8, 0.6, 1.0001, "EPSG:4527", 0.3048};
    m.problems.push_back({ProblemKind::no_storey, {340, 90, "IFCBUILDINGELEMENTPROXY"}, 90, "x"});
    return m;
}

}  // namespace

TEST_CASE("ifc codec: every field comes back") {
    const auto m = sample();
    const auto bytes = encode_model(m);
    const auto back = decode_model(bytes);
    REQUIRE(back);
    // Encoding again gives the same bytes: every field went through, each to its place.
    CHECK(encode_model(*back) == bytes);
    CHECK(back->schema_name == "IFC2X3_TC1");
    CHECK(back->units.area == 1e-6);
    CHECK(back->storeys.at(0).base == 3.25);
    CHECK(back->spaces.at(0).long_name == m.spaces[0].long_name);
    CHECK(back->spaces.at(0).footprint.at(0).holes.at(0).at(2).x == 7);
    CHECK(back->spaces.at(0).source == FootprintSource::footprint_curve);
    CHECK(back->walls.at(0).wall_class == WallClass::plate);
    CHECK(back->walls.at(0).lines.at(0).at(1).y == 2);
    CHECK(back->cameras.at(0).azimuth == 45);
    CHECK(back->cameras.at(0).properties.at(0).boolean == false);
    CHECK_FALSE(back->cameras.at(0).properties.at(1).number);
    CHECK(back->cameras.at(0).properties.at(0).from_type);
    CHECK(back->map_conversion->map_unit == 0.3048);
    CHECK(back->problems.at(0).kind == ProblemKind::no_storey);
    CHECK(back->problems.at(0).entity.type == "IFCBUILDINGELEMENTPROXY");
}

TEST_CASE("ifc codec: bytes cut short, lengthened or with an enum out of range do not decode") {
    const auto bytes = encode_model(sample());
    for (std::size_t n = 0; n < bytes.size(); ++n) {
        CAPTURE(n);
        CHECK_FALSE(decode_model(std::string_view(bytes).substr(0, n)));
    }
    CHECK_FALSE(decode_model(bytes + "x"));
    auto bad = bytes;
    bad[0] = 7;  // Model::schema, the first field: 0 or 1
    CHECK_FALSE(decode_model(bad));
    // A count far beyond the bytes left is refused before anything is allocated.
    auto huge = encode_model(Model{});
    // schema (4 bytes), schema_name (an 8-byte length, no bytes), units (3 doubles and a
    // bool), then the count of storeys.
    huge.replace(4 + 8 + 3 * 8 + 1, 8, std::string("\xff\xff\xff\xff\xff\xff\xff\x7f", 8));
    CHECK_FALSE(decode_model(huge));
}
