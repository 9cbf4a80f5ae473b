// libFuzzer harness: the GeoJSON site reader (simdjson, then the YAML reader's element
// readers) on arbitrary bytes. The same contract as fuzz_site_yaml: a site comes back if and
// only if no error was reported, and every diagnostic names the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/geojson_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = "fuzz.geojson";
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    camaudit::Diagnostics diag;
    const auto site = camaudit::io::load_site_geojson(path, bytes, diag);
    if (site.has_value() == diag.has_errors()) __builtin_trap();
    for (const auto& d : diag.all()) {
        if (d.loc.file != path || d.loc.line < 0 || d.loc.column < 0) __builtin_trap();
        if (d.message.empty()) __builtin_trap();
    }
    return 0;
}
