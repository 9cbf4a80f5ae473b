// Reading IFC models through the camaudit-ifc module, loaded at the first import rather than
// linked: the module links IFC++ (25 MB, libIfcPlusPlus.so and libcarve.so from
// libifcplusplus-dev), which every start of camaudit would otherwise load and relocate for a
// feature few runs use (as GDAL is loaded for DXF drawings, gdal_api.hpp).
//
// The module is found, in this order: next to the executable (the build tree), in
// ../lib/camaudit/ from the executable's folder (an installed tree, wherever it was moved),
// in the installed lib/camaudit/, then where the build tree built it (for the test
// programs). It is accepted only if it was built from the same ifc_model.hpp (the ABI key).
//
// The entry points, `extern "C"` so that dlsym finds them by name, pass ifc_model.hpp's plain
// types: the module and camaudit are built together, by the same compiler, from one header.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "io/ifc/ifc_model.hpp"

// Exported from the module, whose other symbols are hidden.
#define CAMAUDIT_IFC_EXPORT __attribute__((visibility("default")))

extern "C" {
// The ABI key the module was built with: camaudit's version and a digest of ifc_model.hpp.
CAMAUDIT_IFC_EXPORT const char* camaudit_ifc_module_abi(void);
// Reads the STEP text [text, text + size) into *model (which must be empty). Never throws:
// every failure is a problem in model->problems. One call at a time (IFC++'s geometry kernel,
// Carve, has a global tolerance); calls from several threads are serialised.
CAMAUDIT_IFC_EXPORT void camaudit_ifc_read(const char* text, std::size_t size,
                                           const camaudit::io::ifc::ReadOptions* options,
                                           camaudit::io::ifc::Model* model);
}

namespace camaudit::io::ifc {

struct IfcModule {
    decltype(&camaudit_ifc_read) read = nullptr;
    std::string path;  // where it was loaded from
};

// Loads the module (once per process; thread-safe). Nullptr, with `why` saying what failed
// (not found where it was looked for, a wrong ABI key, IFC++ missing), otherwise.
const IfcModule* load_ifc_module(std::string& why);

// Reads the IFC file at `path`: its size is checked before a byte is read (a problem
// too_large over options.max_bytes), then the module reads it. Failing to load the module or
// to read the file is a cannot_read problem.
Model read_ifc_file(const std::string& path, const ReadOptions& options = {});

// The same on text already in memory. The module runs in a child process (a fork, after the
// module is loaded): a crash, a hang beyond options.time_limit or an exhausted stack inside
// IFC++ on a model that the checks before it miss is a reader_failed problem naming the
// instance it was converting, and camaudit goes on. Reads are serialised (one child at a
// time); the child runs only the module, so other threads' locks do not matter. The child's
// address space may grow by 2 GiB plus 40 bytes a byte of text (not under AddressSanitizer).
// options.on_step is the loader's own.
Model read_ifc_text(std::string_view text, const ReadOptions& options = {});

}  // namespace camaudit::io::ifc
