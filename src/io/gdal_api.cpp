#include "io/gdal_api.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <mutex>

namespace camaudit::io {

namespace {

// The library camaudit was built against (its SONAME, e.g. libgdal.so.32): another major
// version could differ in these functions' signatures.
constexpr const char* kLibrary = CAMAUDIT_GDAL_SONAME;

struct Loaded {
    GdalApi api;
    std::string error;  // empty: api is complete
};

Loaded load() {
    Loaded out;
    // Never unloaded: GDAL keeps state (drivers, caches) for the life of the process.
    void* handle = dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        out.error = fmt::format("GDAL ({}), which reads DXF drawings, cannot be loaded: {}",
                                kLibrary, why ? why : "unknown reason");
        return out;
    }
#define CAMAUDIT_GDAL_RESOLVE(name)                                                \
    out.api.name = reinterpret_cast<decltype(out.api.name)>(dlsym(handle, #name)); \
    if (!out.api.name) {                                                           \
        out.error = fmt::format("GDAL ({}) has no function {}", kLibrary, #name);  \
        return out;                                                                \
    }
    CAMAUDIT_GDAL_FUNCTIONS(CAMAUDIT_GDAL_RESOLVE)
#undef CAMAUDIT_GDAL_RESOLVE
    out.api.GDALAllRegister();
    return out;
}

}  // namespace

const GdalApi* load_gdal(std::string& why) {
    static std::once_flag once;
    static Loaded loaded;
    std::call_once(once, [] { loaded = load(); });
    if (!loaded.error.empty()) {
        why = loaded.error;
        return nullptr;
    }
    return &loaded.api;
}

}  // namespace camaudit::io
