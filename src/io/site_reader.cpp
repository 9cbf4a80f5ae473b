#include "io/site_reader.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "geo/projection.hpp"
#include "io/geojson_reader.hpp"
#include "io/site_loader.hpp"
#include "io/text_check.hpp"
#include "io/yaml_tree.hpp"
#include "util/input_files.hpp"

namespace camaudit::io {

namespace {

bool ends_with_icase(std::string_view s, std::string_view suffix) {
    if (s.size() < suffix.size()) return false;
    s = s.substr(s.size() - suffix.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != suffix[i]) return false;
    return true;
}

// Checks the site's CRS with PROJ (at site.crs) and tells the reader whether points are
// longitude/latitude.
void check_crs(SiteLoader& s) {
    if (s.site.info.crs == "local") return;
    Site info_only;
    info_only.file = s.site.file;
    info_only.info = s.site.info;
    if (auto projection = geo::Projection::for_site(info_only, s.r.diag()))
        s.r.geographic = projection->input_is_geographic();
}

// Reads the whole site from the top-level mapping; errors go to s.r.diag().
void read_top(SiteLoader& s, const YNode& root) {
    auto f = s.r.mapping(root, "the top level",
                         {"camaudit", "site", "operator", "parties", "system", "floors", "import",
                          "zones", "walls", "cameras", "settings"});
    if (!f) return;
    if (const YNode* v = (*f)["camaudit"]) {
        auto version = s.r.integer(*v, "camaudit");
        if (!version) return;  // reported; the rest would be read against the wrong format
        if (*version != 1) {
            s.r.error(v->loc, fmt::format("unsupported format version 'camaudit: {}'; this "
                                          "version of camaudit reads 'camaudit: 1'",
                                          *version));
            return;
        }
    } else if (!f->misspelt("camaudit")) {
        s.r.error(f->loc(),
                  "missing required key 'camaudit' (the format version: "
                  "'camaudit: 1')");
    }
    if (const YNode* v = s.r.require(*f, "site", "the top level")) {
        read_site_info(s, *v);
        check_crs(s);
    }
    if (const YNode* v = s.r.require(*f, "operator", "the top level")) read_operator(s, *v);
    if (const YNode* v = (*f)["parties"]) read_parties(s, *v);
    if (const YNode* v = (*f)["system"]) read_system(s, *v);
    if (const YNode* v = (*f)["floors"]) read_floors(s, *v);
    if (const YNode* v = (*f)["import"]) read_import(s, *v);  // before the hand-written elements
    const bool imported = f->has("import");
    if (const YNode* v = imported ? (*f)["zones"] : s.r.require(*f, "zones", "the top level"))
        read_zones(s, *v);
    if (const YNode* v = (*f)["walls"]) read_walls(s, *v);
    if (const YNode* v = imported ? (*f)["cameras"] : s.r.require(*f, "cameras", "the top level"))
        read_cameras(s, *v);
    if (const YNode* v = (*f)["settings"]) read_settings(s, *v);
    s.resolve();
}

std::optional<Site> read_yaml(const std::string& path, const std::string& bytes,
                              Diagnostics& diag) {
    auto text = check_text(path, bytes, diag);
    if (!text) return std::nullopt;
    auto root = parse_yaml(path, *text, diag);
    if (!root) return std::nullopt;
    if (!root->is_mapping()) {
        diag.error(root->loc, fmt::format("the top level of a site file must be a mapping "
                                          "(camaudit: 1, site: …), got {}",
                                          describe(*root)));
        return std::nullopt;
    }
    SiteLoader loader(path, diag);
    read_top(loader, *root);
    if (diag.has_errors()) return std::nullopt;
    return std::move(loader.site);
}

}  // namespace

std::optional<Site> read_site_tree(const std::string& path, const YNode& root, Diagnostics& diag) {
    SiteLoader loader(path, diag);
    read_top(loader, root);
    if (diag.has_errors()) return std::nullopt;
    return std::move(loader.site);
}

std::optional<Site> load_site_yaml(const std::string& path, const std::string& text,
                                   Diagnostics& diag) {
    // A Diagnostics of this file alone, so that errors of earlier files (or a full outer
    // list) do not decide whether this one is good.
    Diagnostics local;
    auto site = read_yaml(path, text, local);
    pass_on_file_diagnostics(path, local, diag);
    return site;
}

void pass_on_file_diagnostics(const std::string& path, const Diagnostics& local,
                              Diagnostics& diag) {
    if (auto region = local.region_of(path); !region.empty()) diag.note_region(path, region);
    for (const auto& d : local.all()) {
        if (d.level == Diagnostic::Level::Warning)
            diag.warning(d.loc, d.message);
        else if (d.loc.line > 0 || !d.message.starts_with("too many errors"))
            diag.error(d.loc, d.message);  // the outer list adds its own note when full
    }
}

std::optional<Site> load_site(const std::string& path, Diagnostics& diag) {
    auto bytes = read_input_file(path, "site file", diag);
    if (!bytes) return std::nullopt;
    if (ends_with_icase(path, ".geojson") || ends_with_icase(path, ".json"))
        return load_site_geojson(path, std::move(*bytes), diag);
    return load_site_yaml(path, std::move(*bytes), diag);
}

std::optional<std::string> read_input_file(const std::string& path, std::string_view what,
                                           Diagnostics& diag) {
    const SourceLocation top{path, 0, 0};
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        diag.error(top, fmt::format("is a directory, not a {}", what));
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxFileBytes) {
        diag.error(top, fmt::format("file is larger than {} MiB", kMaxFileBytes >> 20));
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diag.error(top, fmt::format("cannot open: {}", std::generic_category().message(errno)));
        return std::nullopt;
    }
    util::note_input_file(path);  // never a report's `-o`
    // At most one byte past the limit, whatever the size said: /dev/zero, a pipe or a file
    // that grows would otherwise be read until memory runs out (issue #19, 6).
    std::string bytes;
    char chunk[1 << 16];
    while (in && bytes.size() <= kMaxFileBytes) {
        in.read(chunk, sizeof chunk);
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) {
        diag.error(top, "cannot read the file");
        return std::nullopt;
    }
    if (bytes.size() > kMaxFileBytes) {
        diag.error(top, fmt::format("file is larger than {} MiB", kMaxFileBytes >> 20));
        return std::nullopt;
    }
    return bytes;
}

}  // namespace camaudit::io
