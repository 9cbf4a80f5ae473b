#include "io/site_loader.hpp"

#include <fmt/format.h>

namespace camaudit::io {

namespace {

std::string list_ids(const std::map<std::string, SourceLocation>& ids) {
    std::string out;
    std::size_t n = 0;
    for (const auto& [id, loc] : ids) {
        if (++n > 8) return out + ", …";
        out += (out.empty() ? "" : ", ") + id;
    }
    return out;
}

}  // namespace

SiteLoader::SiteLoader(const std::string& path, Diagnostics& diag) : r(diag) {
    site.file = path;
}

void SiteLoader::declare(std::string_view ns, const std::string& id, const SourceLocation& loc) {
    auto& space = ids_[std::string(ns)];
    auto [it, fresh] = space.emplace(id, loc);
    if (!fresh) {
        const std::string_view shown = ns == "party" ? "operator/party" : ns;
        r.error(loc, fmt::format("duplicate {} id '{}' (first used at {}:{})", shown, id,
                                 it->second.line, it->second.column));
    }
}

void SiteLoader::floor_of(const Fields& f, std::string& out, std::string element) {
    const YNode* v = f["floor"];
    if (!v) {
        floor_uses_.push_back({std::nullopt, f.loc(), std::move(element)});
        return;
    }
    if (auto id = r.id(*v, "floor")) {
        out = *id;
        floor_uses_.push_back({*id, v->loc, std::move(element)});
    }
}

void SiteLoader::refer_party(const std::string& id, const SourceLocation& loc) {
    refs_.push_back({"party", id, loc});
}

void SiteLoader::refer_zone(const std::string& id, const SourceLocation& loc) {
    refs_.push_back({"zone", id, loc});
}

std::optional<Polygon> SiteLoader::polygon(const YNode& node, std::string_view what) {
    Polygon poly;
    bool ok = true;
    if (node.is_mapping()) {
        auto f = r.mapping(node, what, {"shell", "holes"});
        if (!f) return std::nullopt;
        const YNode* shell = r.require(*f, "shell", what);
        if (!shell) return std::nullopt;
        auto pts = r.points(*shell, what);
        auto ring =
            pts ? GeometryChecker::ring(std::move(*pts), shell->loc, what, r.diag()) : std::nullopt;
        if (!ring) ok = false;
        if (ring) poly.shell = std::move(*ring);
        if (const YNode* holes = (*f)["holes"]) {
            if (!r.sequence(*holes, "holes")) return std::nullopt;
            for (const YNode& h : holes->items) {
                auto hp = r.points(h, "hole");
                auto hr = hp ? GeometryChecker::ring(std::move(*hp), h.loc, "hole", r.diag())
                             : std::nullopt;
                if (hr)
                    poly.holes.push_back(std::move(*hr));
                else
                    ok = false;
            }
        }
    } else if (node.is_sequence()) {
        auto pts = r.points(node, what);
        auto ring =
            pts ? GeometryChecker::ring(std::move(*pts), node.loc, what, r.diag()) : std::nullopt;
        if (!ring) return std::nullopt;
        poly.shell = std::move(*ring);
    } else {
        r.error(node.loc, fmt::format("{}: expected a list of points or {{shell, holes}}, got {}",
                                      what, describe(node)));
        return std::nullopt;
    }
    if (!ok || !geom.valid(poly, node.loc, what, r.diag())) return std::nullopt;
    return poly;
}

std::optional<std::vector<Point>> SiteLoader::line(const YNode& node, std::string_view what) {
    auto pts = r.points(node, what);
    if (!pts) return std::nullopt;
    return GeometryChecker::polyline(std::move(*pts), node.loc, what, r.diag());
}

void SiteLoader::resolve() {
    const auto& floors = ids_["floor"];
    for (const auto& use : floor_uses_) {
        if (floors_unreadable) break;
        if (!use.id && !site.floors.empty())
            r.error(use.loc, fmt::format("{} names no floor; the site defines floors ({})",
                                         use.element, list_ids(floors)));
        else if (use.id && site.floors.empty())
            r.error(use.loc,
                    fmt::format("floor '{}' given, but the site defines no floors", *use.id));
        else if (use.id && !floors.contains(*use.id))
            r.error(use.loc,
                    fmt::format("unknown floor '{}' (floors: {})", *use.id, list_ids(floors)));
    }
    for (const auto& ref : refs_) {
        const auto& space = ids_[ref.ns];
        if (space.contains(ref.id)) continue;
        if (ref.ns == "party")
            r.error(ref.loc, fmt::format("unknown party '{}' (neither the operator nor in parties)",
                                         ref.id));
        else
            r.error(ref.loc, fmt::format("unknown {} '{}'", ref.ns, ref.id));
    }
}

}  // namespace camaudit::io
