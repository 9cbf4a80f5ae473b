// libFuzzer harness: the YAML site reader on arbitrary bytes.
//
// Besides crashes, leaks and undefined behaviour (ASan/UBSan), it checks the reader's
// contract: a site comes back if and only if no error was reported, and every error names
// the file it came from, so that the CLI can print `file:line:column: message`. And the angle
// contract of model/angle.hpp (issue #19): a site's azimuths are in [0, 360) and its pan
// values finite within ±720, whatever the text said; its ids have no control character
// other than tab, line feed and carriage return.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/site_reader.hpp"
#include "model/angle.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = "fuzz.yaml";
    const std::string text(reinterpret_cast<const char*>(data), size);
    camaudit::Diagnostics diag;
    const auto site = camaudit::io::load_site_yaml(path, text, diag);
    if (site.has_value() == diag.has_errors()) __builtin_trap();
    for (const auto& d : diag.all()) {
        if (d.loc.file != path || d.loc.line < 0 || d.loc.column < 0) __builtin_trap();
        if (d.message.empty()) __builtin_trap();
    }
    if (!site) return 0;
    for (const auto& c : site->cameras) {
        if (c.azimuth && !(*c.azimuth >= 0 && *c.azimuth < 360)) __builtin_trap();
        if (c.ptz && !c.ptz->unlimited &&
            (!camaudit::input_angle_ok(c.ptz->pan_from) ||
             !camaudit::input_angle_ok(c.ptz->pan_to)))
            __builtin_trap();
        for (unsigned char ch : c.id)
            if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f)
                __builtin_trap();
    }
    return 0;
}
