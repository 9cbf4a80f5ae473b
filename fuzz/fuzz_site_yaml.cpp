// libFuzzer harness: the YAML site reader on arbitrary bytes.
//
// Besides crashes, leaks and undefined behaviour (ASan/UBSan), it checks the reader's
// contract: a site comes back if and only if no error was reported, and every error names
// the file it came from, so that the CLI can print `file:line:column: message`.
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/site_reader.hpp"

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
    return 0;
}
