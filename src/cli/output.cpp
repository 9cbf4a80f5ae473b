#include "cli/output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "cli/common_options.hpp"
#include "util/escape.hpp"
#include "util/input_files.hpp"

namespace camaudit::cli {

namespace fs = std::filesystem;

namespace {

bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

bool write_in_place(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
        fmt::print(stderr, "camaudit: cannot write {}\n", path);
        return false;
    }
    return true;
}

// A new temporary file next to `name` in `dir`, opened O_CREAT|O_EXCL|O_NOFOLLOW: never a file
// or symlink planted at a guessable name (issue #19, 10), never followed. The name has the
// process id and a counter; a name that exists is skipped. Returns the descriptor (and the
// path in `tmp`), or -1 with errno set.
int create_temporary(const fs::path& dir, const std::string& name, std::string& tmp) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        tmp = (dir / fmt::format(".{}.tmp{}-{}", name, ::getpid(), attempt)).string();
        const int fd =
            ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

// Writes all of `content` and closes `fd`; false with errno set on failure.
bool write_all(int fd, const std::string& content) {
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            errno = err;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return ::close(fd) == 0;
}

}  // namespace

bool write_output(const std::string& path, const std::string& content,
                  const std::vector<std::string>& inputs, const std::string& replaces) {
    if (path.empty() || path == "-") {
        std::fwrite(content.data(), 1, content.size(), stdout);
        return std::fflush(stdout) == 0;
    }
    for (const auto& in : inputs) {
        if (same_file(path, in)) {
            fmt::print(stderr, "camaudit: refusing to write the report over the input file {}\n",
                       util::visible_controls(in));
            return false;
        }
    }
    // Every file the run read (drawings, rule packs, baseline, config: not only `inputs`), by
    // device and inode, whatever path names it.
    if (util::is_input_file(path) && (replaces.empty() || !same_file(path, replaces))) {
        fmt::print(stderr, "camaudit: refusing to write the report over the input file {}\n",
                   util::visible_controls(path));
        return false;
    }
    fs::path target(path);
    std::error_code kind_ec;
    const auto kind = fs::status(target, kind_ec).type();
    if (kind == fs::file_type::character || kind == fs::file_type::fifo ||
        kind == fs::file_type::socket || kind == fs::file_type::block) {
        // /dev/null, /dev/stdout, a named pipe: written in place. A rename would replace the
        // device or pipe itself with a regular file (as root, even /dev/null).
        return write_in_place(path, content);
    }
    if (kind == fs::file_type::directory) {
        fmt::print(stderr, "camaudit: cannot write {}: {}\n", util::visible_controls(path),
                   std::strerror(EISDIR));
        return false;
    }
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string tmp;
    const int fd = create_temporary(dir, target.filename().string(), tmp);
    if (fd < 0) {
        fmt::print(stderr, "camaudit: cannot write {}: {}\n", util::visible_controls(path),
                   std::strerror(errno));
        return false;
    }
    if (!write_all(fd, content)) {
        const int err = errno;
        std::error_code ignored;
        fs::remove(tmp, ignored);
        fmt::print(stderr, "camaudit: cannot write {}: {}\n", util::visible_controls(path),
                   std::strerror(err));
        return false;
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        const std::string why = ec.message();  // before remove() reuses ec
        fs::remove(tmp, ec);
        fmt::print(stderr, "camaudit: cannot write {}: {}\n", util::visible_controls(path), why);
        return false;
    }
    return true;
}

Lang choose_lang(const std::string& flag, const std::string& region) {
    if (flag == "zh") return Lang::Zh;
    if (flag == "en") return Lang::En;
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (!v || !*v) continue;
        std::string s(v);
        if (s == "C" || s == "POSIX" || s.rfind("C.", 0) == 0) break;  // no language said
        return s.rfind("zh", 0) == 0 ? Lang::Zh : Lang::En;
    }
    return region.rfind("CN", 0) == 0 ? Lang::Zh : Lang::En;
}

bool stdout_wants_color() {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return ::isatty(STDOUT_FILENO) != 0;
}

namespace {
// Process-wide: a command line names one language for the whole run.
std::string& diagnostics_lang_flag() {
    static std::string flag;
    return flag;
}
}  // namespace

void set_diagnostics_lang(const std::string& flag) {
    diagnostics_lang_flag() = flag;
}

bool print_diagnostics(const Diagnostics& diag) {
    for (const auto& d : diag.sorted()) {
        const auto lang = choose_lang(diagnostics_lang_flag(), diag.region_of(d.loc.file));
        // One diagnostic, one line: a file name or id with a newline, CR or ESC is shown, not
        // obeyed (util/escape.hpp; issue #19, 8).
        fmt::print(stderr, "{}\n", util::visible_controls(d.str(lang == Lang::Zh)));
    }
    return diag.has_errors();
}

}  // namespace camaudit::cli
