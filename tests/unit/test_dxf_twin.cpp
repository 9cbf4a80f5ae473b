// The example hotel drawn in CAD (data/examples/hotel-dxf/hotel-f1.dxf, millimetres, Chinese
// labels, camera blocks) audits to exactly the findings of its hand-written twin
// (hotel-dxf-twin.yaml); and `camaudit import`'s output reads back to the same audit.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "audit/pipeline.hpp"
#include "io/import_site_writer.hpp"

namespace fs = std::filesystem;
using namespace camaudit;

namespace {

const fs::path kHotel = fs::path(CAMAUDIT_SOURCE_DIR) / "data" / "examples" / "hotel-dxf";

audit::LoadedSite load(const fs::path& path) {
    Diagnostics diag;
    auto loaded = audit::load_site_for_audit(path.string(), {}, diag);
    for (const auto& d : diag.all()) MESSAGE(d.str());
    REQUIRE(loaded.has_value());
    return std::move(*loaded);
}

// Every finding with all it says except where it is, ordered by what it is about.
std::vector<std::string> findings_of(const audit::LoadedSite& site) {
    Diagnostics diag;
    auto result = audit::audit_site(site, {}, diag);
    REQUIRE_FALSE(diag.has_errors());
    std::vector<std::string> out;
    for (const auto& f : result.findings) {
        std::ostringstream s;
        s.precision(17);
        s << f.check << " " << f.camera.value_or("-") << " " << f.zone.value_or("-") << " "
          << f.rule << " " << audit::to_string(f.severity) << " " << f.fingerprint << " "
          << f.message_en << " | " << f.message_zh;
        for (const auto& r : f.rules) s << " " << r;
        for (const auto& [k, v] : f.metrics) s << " " << k << "=" << v;
        for (const auto& p : f.area) s << " area:" << p.shell.size();
        out.push_back(s.str());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string geometry_of(const Site& s) {
    std::ostringstream out;
    out.precision(17);
    for (const auto& z : s.zones) {
        out << "zone " << z.id << " " << z.kind << " " << z.name << " " << z.floor;
        for (const auto& p : z.polygon.shell) out << " " << p.x << "," << p.y;
        out << "\n";
    }
    for (const auto& w : s.walls) {
        out << "wall " << w.transparent;
        for (const auto& p : w.line) out << " " << p.x << "," << p.y;
        out << "\n";
    }
    for (const auto& c : s.cameras)
        out << "camera " << c.id << " " << c.position.x << "," << c.position.y << " "
            << c.azimuth.value_or(-1) << " " << c.hfov << " " << c.range << " " << c.height << " "
            << c.signage << " " << c.floor << "\n";
    return out.str();
}

}  // namespace

TEST_CASE("dxf: the hotel drawing reads as its hand-written twin") {
    auto drawn = load(kHotel / "hotel-dxf.yaml");
    auto twin = load(kHotel / "hotel-dxf-twin.yaml");
    CHECK(geometry_of(drawn.site) == geometry_of(twin.site));
    CHECK(drawn.site.cameras.size() == 6);
    CHECK(drawn.site.zones.size() == 9);
}

TEST_CASE("dxf: the hotel drawing audits to exactly its twin's findings") {
    auto drawn = findings_of(load(kHotel / "hotel-dxf.yaml"));
    auto twin = findings_of(load(kHotel / "hotel-dxf-twin.yaml"));
    CHECK(drawn == twin);
    auto has = [&](const std::string& prefix) {
        return std::any_of(drawn.begin(), drawn.end(),
                           [&](auto& f) { return f.starts_with(prefix); });
    };
    // The findings the example is drawn for (data/examples/hotel-dxf/hotel-dxf.yaml).
    CHECK(has("forbidden-view C03 103客房 "));
    CHECK(has("missing-signage C03 走廊 "));
    CHECK(has("forbidden-view C04 公共卫生间 "));
}

TEST_CASE("dxf: the imported site written out reads back to the same audit") {
    auto drawn = load(kHotel / "hotel-dxf.yaml");
    const std::string text = io::write_site_yaml(drawn.site, "hotel-dxf.yaml");
    CHECK(text.find("import:") == std::string::npos);
    CHECK(text.find("# hotel-f1.dxf#") != std::string::npos);  // each element's origin
    const fs::path dir =
        fs::temp_directory_path() / ("camaudit-dxf-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir);
    const fs::path written = dir / "site-full.yaml";
    std::ofstream(written, std::ios::binary) << text;
    auto again = load(written);
    CHECK(geometry_of(again.site) == geometry_of(drawn.site));
    CHECK(findings_of(again) == findings_of(drawn));
    // And once more: writing the written site gives the same text (after its header line).
    const std::string twice = io::write_site_yaml(again.site, "hotel-dxf.yaml");
    auto body = [](const std::string& s) { return s.substr(s.find('\n')); };
    std::string plain = text;
    // The second text has no origin comments: compare without them.
    std::string stripped;
    std::istringstream lines(plain);
    for (std::string l; std::getline(lines, l);)
        if (l.find("# hotel-f1.dxf#") == std::string::npos) stripped += l + "\n";
    CHECK(body(twice) == body(stripped));
    fs::remove_all(dir);
}
