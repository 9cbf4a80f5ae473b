#include "io/ifc/ifc_api.hpp"

#include "io/ifc/model_codec.hpp"
#include "io/ifc/step_scan.hpp"
#include "util/input_files.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <chrono>
#include <csignal>
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

namespace {

// Where the child is, in memory it shares with the parent: the last step it announced.
struct Progress {
    int id = 0;
    int line = 0;
    char type[64] = {};
    bool started = false;  // the module announced its first step
};

void record(void* context, const EntityRef& entity) {
    auto* progress = static_cast<Progress*>(context);
    progress->line = entity.line;
    const auto n = std::min(entity.type.size(), sizeof(progress->type) - 1);
    std::memcpy(progress->type, entity.type.data(), n);
    progress->type[n] = '\0';
    progress->id = entity.id;
    progress->started = true;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// The child: read, send the model, exit without running the parent's exit handlers or
// flushing its buffers.
[[noreturn]] void child(const IfcModule& module, int fd, std::string_view text, ReadOptions options,
                        Progress* progress) {
#if !defined(__SANITIZE_ADDRESS__)  // AddressSanitizer reserves terabytes of address space
    // IFC++ takes some 20 bytes of memory a byte of STEP text: the child may add twice that,
    // and 2 GiB, to the address space it inherits (a city's site may already hold gigabytes).
    std::ifstream statm("/proc/self/statm");
    rlim_t pages = 0;
    if (statm >> pages) {
        const rlim_t memory = pages * static_cast<rlim_t>(::sysconf(_SC_PAGESIZE)) +
                              (rlim_t{2} << 30) + 40 * static_cast<rlim_t>(text.size());
        const rlimit limit{memory, memory};
        ::setrlimit(RLIMIT_AS, &limit);
    }
#endif
    options.on_step = &record;
    options.context = progress;
    Model model;
    module.read(text.data(), text.size(), &options, &model);
    _exit(write_all(fd, encode_model(model)) ? 0 : 1);
}

// What the child wrote, until it closes the pipe or `deadline` passes (then false).
bool read_until(int fd, std::chrono::steady_clock::time_point deadline, std::string& out) {
    char buffer[1 << 16];
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) return false;
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno != EINTR) return true;
        if (ready <= 0) continue;
        const auto n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return true;
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

std::string where(const Progress& p) {
    if (!p.started) return "before IFC++ began";
    if (p.id == 0) return "while IFC++ parsed the file";
    return fmt::format("while IFC++ built the geometry of #{} {} (line {})", p.id, p.type, p.line);
}

Model failed_at(const Progress& p, std::string detail) {
    auto model = problem_only(ProblemKind::reader_failed, std::move(detail));
    if (p.id != 0) {
        model.problems.back().entity = EntityRef{p.id, p.line, p.type};
        model.problems.back().line = p.line;
    }
    return model;
}

}  // namespace

Model read_ifc_text(std::string_view text, const ReadOptions& options) {
    if (text.size() > options.max_bytes)
        return problem_only(ProblemKind::too_large,
                            fmt::format("the file has {} bytes, more than the limit of {}",
                                        text.size(), options.max_bytes));
    // IFC++ runs in a child process: what it does on a malformed model that the checks before
    // it miss (a null it dereferences, a loop, an exhausted stack) costs a problem, not
    // camaudit. The child is a fork, which shares the text. The module is loaded before, here:
    // a child of a process with other threads (site files read in parallel) must not take the
    // dynamic loader's lock, which one of them may have held at the fork. One read at a time:
    // each child may take gigabytes.
    std::string why;
    const auto* module = load_ifc_module(why);
    if (!module) return problem_only(ProblemKind::cannot_read, why);
    static std::mutex one_at_a_time;
    const std::lock_guard lock(one_at_a_time);
    auto* progress = static_cast<Progress*>(::mmap(
        nullptr, sizeof(Progress), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    if (progress == MAP_FAILED)
        return problem_only(
            ProblemKind::cannot_read,
            fmt::format("cannot share memory with the IFC reader: {}", std::strerror(errno)));
    *progress = Progress{};
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        ::munmap(progress, sizeof(Progress));
        return problem_only(ProblemKind::cannot_read,
                            fmt::format("cannot start the IFC reader: {}", std::strerror(errno)));
    }
    const double limit = options.time_limit > 0
                             ? options.time_limit
                             : 60.0 + static_cast<double>(text.size()) / (1 << 20);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long long>(limit * 1000));
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        child(*module, fds[1], text, options, progress);
    }
    ::close(fds[1]);
    if (pid < 0) {
        ::close(fds[0]);
        ::munmap(progress, sizeof(Progress));
        return problem_only(ProblemKind::cannot_read,
                            fmt::format("cannot start the IFC reader: {}", std::strerror(errno)));
    }
    std::string bytes;
    const bool in_time = read_until(fds[0], deadline, bytes);
    ::close(fds[0]);
    if (!in_time) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const Progress at = *progress;
    ::munmap(progress, sizeof(Progress));
    if (!in_time)
        return failed_at(
            at, fmt::format("the reader took more than {} s {}: stopped",
                            limit >= 10 ? fmt::format("{:.0f}", limit) : fmt::format("{:g}", limit),
                            where(at)));
    if (WIFSIGNALED(status))
        return failed_at(
            at, fmt::format("the reader crashed ({}) {}", strsignal(WTERMSIG(status)), where(at)));
    auto model = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? decode_model(bytes) : std::nullopt;
    if (!model) return failed_at(at, fmt::format("the reader stopped short {}", where(at)));
    return std::move(*model);
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
    util::note_input_file(path);  // never a report's `-o`
    std::string text(size, '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size))
        return problem_only(ProblemKind::cannot_read, "cannot read the whole file");
    return read_ifc_text(text, options);
}

}  // namespace camaudit::io::ifc
