// An `import:` item naming an IFC model: its YAML, every error at its line:column.
#include <fmt/format.h>

#include <filesystem>

#include "io/ifc/site_import.hpp"

namespace camaudit::io {

namespace {

void read_ifc_path(SiteLoader& s, const YNode& v, IfcImportEntry& e) {
    auto ifc = s.r.id(v, "ifc");
    if (!ifc) return;
    e.ifc_loc = v.loc;
    namespace fs = std::filesystem;
    const fs::path path = fs::path(s.site.file).parent_path() / *ifc;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        s.r.error(v.loc, fmt::format("ifc: cannot open the model '{}': {}", *ifc,
                                     fs::exists(path, ec) ? "not a regular file" : "no such file"));
        return;
    }
    e.ifc = *ifc;
}

void read_storeys(SiteLoader& s, const YNode& node, IfcImportEntry& e) {
    e.storeys_loc = node.loc;
    e.storeys = read_pairs(s, node, "storeys");
    for (std::size_t i = 0; node.is_mapping() && i < node.pair_count(); ++i)
        e.storey_locs.emplace(node.key(i).value, node.key(i).loc);  // the first of a repeat
}

}  // namespace

std::optional<IfcImportEntry> read_ifc_entry(SiteLoader& s, const YNode& node) {
    auto f = s.r.mapping(node, "import", {"ifc", "storeys", "cut_height", "kinds", "doors"});
    if (!f) return std::nullopt;
    const std::size_t errors = s.r.diag().error_count();
    IfcImportEntry e;
    e.loc = f->loc();
    if (const YNode* v = s.r.require(*f, "ifc", "import")) read_ifc_path(s, *v, e);
    if (const YNode* v = (*f)["storeys"]) read_storeys(s, *v, e);
    if (const YNode* v = (*f)["cut_height"])
        if (auto h = s.r.number(*v, "cut_height")) {
            // Above 0 (a cut at the floor meets every door leaf's threshold) and within a
            // storey that a person stands in.
            if (*h <= 0 || *h > 20)
                s.r.error(v->loc, fmt::format("cut_height must be in (0, 20] m, got {}", *h));
            else
                e.cut_height = *h;
        }
    if (const YNode* v = (*f)["kinds"]) e.kinds = read_kind_map(s, *v);
    if (const YNode* v = (*f)["doors"])
        if (auto d = s.r.choice(*v, "doors", {"closed", "open"})) e.doors_open = *d == "open";
    if (s.r.diag().error_count() != errors || e.ifc.empty()) return std::nullopt;
    return e;
}

}  // namespace camaudit::io
