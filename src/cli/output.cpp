#include "cli/output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
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
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string tmp =
        (dir / fmt::format(".{}.tmp{}", target.filename().string(), ::getpid())).string();
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            fmt::print(stderr, "camaudit: cannot write {}\n", path);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        fmt::print(stderr, "camaudit: cannot write {}: {}\n", path, ec.message());
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
