#include "io/ifc/ifc_api.hpp"
#include "io/ifc/step_scan.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <vector>

namespace camaudit::io::ifc {

namespace {

// Set by src/io/ifc/CMakeLists.txt.
constexpr const char* kAbi = CAMAUDIT_IFC_ABI;
constexpr const char* kModuleName = CAMAUDIT_IFC_MODULE_NAME;
constexpr const char* kRelativeInstallDir = CAMAUDIT_IFC_MODULE_RELATIVE_DIR;
constexpr const char* kInstalledPath = CAMAUDIT_IFC_MODULE_INSTALLED;
constexpr const char* kBuildPath = CAMAUDIT_IFC_MODULE_BUILD;

struct Loaded {
    IfcModule module;
    std::string error;  // empty: module is usable
};

std::vector<std::filesystem::path> candidates() {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        out.push_back(exe.parent_path() / kModuleName);
        out.push_back(exe.parent_path() / kRelativeInstallDir / kModuleName);
    }
    out.emplace_back(kInstalledPath);
    out.emplace_back(kBuildPath);
    return out;
}

Loaded load() {
    Loaded out;
    std::string tried;
    for (const auto& path : candidates()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            tried += fmt::format("{}{}", tried.empty() ? "" : ", ", path.string());
            continue;
        }
        // Never unloaded: IFC++ registers destructors at exit (__cxa_atexit).
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = dlerror();
            out.error = fmt::format("the IFC reader {} cannot be loaded: {}", path.string(),
                                    why ? why : "unknown reason");
            return out;
        }
        auto abi = reinterpret_cast<decltype(&camaudit_ifc_module_abi)>(
            dlsym(handle, "camaudit_ifc_module_abi"));
        auto read =
            reinterpret_cast<decltype(&camaudit_ifc_read)>(dlsym(handle, "camaudit_ifc_read"));
        if (!abi || !read) {
            out.error = fmt::format("the IFC reader {} lacks its entry points", path.string());
            return out;
        }
        if (std::strcmp(abi(), kAbi) != 0) {
            out.error = fmt::format("the IFC reader {} was built for another camaudit ({}, not {})",
                                    path.string(), abi(), kAbi);
            return out;
        }
        out.module = {read, path.string()};
        return out;
    }
    out.error =
        fmt::format("the IFC reader {} is not installed (looked for {})", kModuleName, tried);
    return out;
}

Model problem_only(ProblemKind kind, std::string detail) {
    Model model;
    model.problems.push_back(file_problem(kind, std::move(detail)));
    return model;
}

}  // namespace

const IfcModule* load_ifc_module(std::string& why) {
    static std::once_flag once;
    static Loaded loaded;
    std::call_once(once, [] { loaded = load(); });
    if (!loaded.error.empty()) {
        why = loaded.error;
        return nullptr;
    }
    return &loaded.module;
}

Model read_ifc_text(std::string_view text, const ReadOptions& options) {
    if (text.size() > options.max_bytes)
        return problem_only(ProblemKind::too_large,
                            fmt::format("the file has {} bytes, more than the limit of {}",
                                        text.size(), options.max_bytes));
    std::string why;
    const auto* module = load_ifc_module(why);
    if (!module) return problem_only(ProblemKind::cannot_read, why);
    Model model;
    module->read(text.data(), text.size(), &options, &model);
    return model;
}

Model read_ifc_file(const std::string& path, const ReadOptions& options) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return problem_only(ProblemKind::cannot_read, "is a directory, not an IFC file");
    // The size first: a 2 GB model must be refused without reading it.
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return problem_only(ProblemKind::cannot_read, fmt::format("cannot open: {}", ec.message()));
    if (size > options.max_bytes)
        return problem_only(ProblemKind::too_large,
                            fmt::format("the file has {} bytes, more than the limit of {}", size,
                                        options.max_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return problem_only(ProblemKind::cannot_read,
                            fmt::format("cannot open: {}", std::strerror(errno)));
    std::string text(size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size))
        return problem_only(ProblemKind::cannot_read, "cannot read the whole file");
    return read_ifc_text(text, options);
}

}  // namespace camaudit::io::ifc
