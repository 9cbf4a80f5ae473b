// libFuzzer harness: the rule-pack loader on arbitrary bytes.
//
// load_rule_pack reads a path (packs are files found on a search path), so each input is
// written to one scratch file per process first, in /dev/shm when it exists (no disk I/O).
// Checked besides crashes: a pack comes back if and only if no error was reported, and
// every diagnostic names the pack's file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "audit/rule_pack.hpp"

namespace {

std::string scratch_path() {
    const char* dir = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
    return std::string(dir) + "/camaudit-fuzz-rule-pack-" + std::to_string(::getpid()) + ".yaml";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = scratch_path();
    {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) __builtin_trap();
        if (size && std::fwrite(data, 1, size, f) != size) __builtin_trap();
        std::fclose(f);
    }
    camaudit::Diagnostics diag;
    const auto pack = camaudit::audit::load_rule_pack(path, diag);
    if (pack.has_value() == diag.has_errors()) __builtin_trap();
    for (const auto& d : diag.all())
        if (d.loc.file != path || d.message.empty()) __builtin_trap();
    return 0;
}
