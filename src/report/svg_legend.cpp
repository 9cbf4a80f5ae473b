// The side column of the SVG plan: the legend in the plan's language, the density levels, the
// north arrow and scale bar, and the numbered list of findings that the markers point to.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "report/svg_common.hpp"

namespace camaudit::report::svg {

namespace {

constexpr double kSwW = 22, kSwH = 12;
constexpr double kRow = 18;
constexpr double kItemFont = 8.5, kItemLine = 11;

std::string rect(double x, double y, std::string_view style) {
    return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {}/>\n", num(x), num(y),
                       num(kSwW), num(kSwH), style);
}

std::string zone_swatch(double x, double y, audit::ZoneCategory c) {
    std::string out = rect(
        x, y,
        fmt::format("fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"", zone_fill(c), zone_line(c)));
    if (c == audit::ZoneCategory::Classified) out += rect(x, y, "fill=\"url(#hatch-classified)\"");
    return out;
}

std::string line_swatch(double x, double y, std::string_view style) {
    return fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>\n", num(x + 1),
                       num(y + kSwH / 2), num(x + kSwW - 1), num(y + kSwH / 2), style);
}

using Swatch = std::function<std::string(double, double)>;

// With `partial`, an entry for walls with a height after the glass (only plans that have
// one show it, so that a plan without heights is drawn as before).
std::vector<std::pair<Swatch, std::string>> legend_entries(const Words& w, bool partial) {
    using ZC = audit::ZoneCategory;
    std::vector<std::pair<Swatch, std::string>> entries = {
        {[](double x, double y) { return zone_swatch(x, y, ZC::Forbidden); }, w.forbidden},
        {[](double x, double y) { return zone_swatch(x, y, ZC::Mandatory); }, w.mandatory},
        {[](double x, double y) { return zone_swatch(x, y, ZC::Classified); }, w.classified},
        {[](double x, double y) { return zone_swatch(x, y, ZC::Other); }, w.other},
        {[](double x, double y) {
             return rect(x, y,
                         fmt::format("fill=\"{}\" fill-opacity=\"0.22\" stroke=\"{}\" "
                                     "stroke-width=\"0.6\"",
                                     colour::kViewFill, colour::kViewLine));
         },
         w.viewshed},
        {[](double x, double y) {
             return line_swatch(x, y,
                                fmt::format("stroke=\"{}\" stroke-width=\"3\"", colour::kWall));
         },
         w.wall},
        {[](double x, double y) {
             return line_swatch(x, y,
                                fmt::format("stroke=\"{}\" stroke-width=\"2\" "
                                            "stroke-dasharray=\"5 3\"",
                                            colour::kGlass));
         },
         w.glass},
        {[](double x, double y) { return rect(x, y, fmt::format("fill=\"{}\"", colour::kSolid)); },
         w.solid},
        {[](double x, double y) { return camera_symbol(x + 5, y + kSwH / 2, 90, false); },
         w.camera},
        {[](double x, double y) { return camera_symbol(x + 11, y + kSwH / 2, 0, true); },
         w.panoramic},
        {[](double x, double y) {
             return rect(x, y,
                         fmt::format("fill=\"{}\" fill-opacity=\"0.4\" stroke=\"{}\" "
                                     "stroke-width=\"1.5\"",
                                     colour::kProblem, colour::kProblemLine));
         },
         w.problem},
        {[](double x, double y) {
             return rect(x, y,
                         fmt::format("fill=\"url(#hatch-uncovered)\" stroke=\"{}\" "
                                     "stroke-width=\"1.2\" stroke-dasharray=\"4 2\"",
                                     colour::kProblemLine));
         },
         w.uncovered},
    };
    if (partial)
        entries.insert(entries.begin() + 7,
                       {[](double x, double y) { return line_swatch(x, y, partial_wall_style()); },
                        w.partial_wall});
    return entries;
}

bool has_partial_wall(const audit::Plan& plan) {
    for (const auto& f : plan.floors)
        for (const auto& wl : f.walls)
            if (wl.height) return true;
    return false;
}

// The density levels of the plan: px/m → the level's name, lowest first.
std::map<double, std::string> density_levels(const audit::Plan& plan) {
    std::map<double, std::string> levels;
    for (const auto& f : plan.floors)
        for (const auto& c : f.cameras)
            for (const auto& b : c.bands) levels.emplace(b.px_per_m, b.level);
    return levels;
}

std::string north_and_scale(const audit::Plan& plan, double scale, double x, double y, double w) {
    const Words& wd = words(plan.lang);
    std::string out;
    // North arrow: plan +y (grid north of the working CRS) is page up.
    out +=
        text(x + 12, y + 9, 11, "N", "font-weight=\"700\" text-anchor=\"middle\" fill=\"#212121\"");
    out += fmt::format(
        "<path d=\"M{0} {1}L{2} {3}L{0} {4}L{5} {3}Z\" fill=\"{6}\" stroke=\"{6}\" "
        "stroke-width=\"1\" stroke-linejoin=\"round\"/>\n",
        num(x + 12), num(y + 13), num(x + 20), num(y + 39), num(y + 33), num(x + 4), colour::kInk);
    out += text(x + 12, y + 50, 7.5, wd.north,
                fmt::format("text-anchor=\"middle\" fill=\"{}\"", colour::kMuted));

    // Scale bar: a round length, in two halves.
    const double bx = x + 64, by = y + 18;
    const double len = round_length(std::min(w - 110, 170.0) / scale);
    const double lpx = len * scale;
    out += text(bx, y + 9, 9, wd.scale, fmt::format("fill=\"{}\"", colour::kMuted));
    out += fmt::format(
        "<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"6\" fill=\"{4}\" stroke=\"{4}\" "
        "stroke-width=\"1\"/>\n<rect x=\"{3}\" y=\"{1}\" width=\"{2}\" height=\"6\" "
        "fill=\"#ffffff\" stroke=\"{4}\" stroke-width=\"1\"/>\n",
        num(bx), num(by), num(lpx / 2), num(bx + lpx / 2), colour::kInk);
    const std::string small = "text-anchor=\"middle\" fill=\"#212121\"";
    out += text(bx, by + 17, 9, "0", small);
    out += text(bx + lpx / 2, by + 17, 9, num(len / 2), small);
    out += text(bx + lpx, by + 17, 9, num(len) + " m", small);
    // 1 page unit is 0.25 mm on A4.
    out += text(bx, by + 31, 8, fmt::format("≈ 1:{} (A4)", num(std::round(4000 / scale))),
                fmt::format("fill=\"{}\"", colour::kMuted));
    return out;
}

std::string finding_number(double x, double y, std::size_t n, const audit::PlanFinding& f) {
    // A filled disc when the number is drawn on the plan; a ring for a site-wide finding.
    const char* col = severity_colour(f.severity);
    return fmt::format(
               "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"{}\" stroke=\"{}\" "
               "stroke-width=\"1.2\"/>\n",
               num(x), num(y), f.marker ? col : "#ffffff", col) +
           text(x, y + 2.8, 7.5, std::to_string(n),
                fmt::format("font-weight=\"700\" text-anchor=\"middle\" fill=\"{}\"",
                            f.marker ? "#ffffff" : col));
}

}  // namespace

std::string sidebar(const audit::Plan& plan, double scale, double x, double y, double w, double h) {
    const Words& wd = words(plan.lang);
    const std::string heading = "font-weight=\"700\" fill=\"#212121\"";
    const std::string label = fmt::format("fill=\"{}\"", colour::kInk);
    std::string out = "<g id=\"legend\">\n";
    double cy = y + 12;
    out += text(x, cy, 13, wd.legend, heading);
    cy += 8;
    auto entries = legend_entries(wd, has_partial_wall(plan));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const double ex = x + (i % 2) * (w / 2), ey = cy + (i / 2) * kRow;
        out += entries[i].first(ex, ey);
        out += text(ex + kSwW + 6, ey + 10, 9.5, entries[i].second, label);
    }
    cy += (entries.size() + 1) / 2 * kRow + 8;

    auto levels = density_levels(plan);
    if (!levels.empty()) {
        out += text(x, cy + 10, 10.5, wd.density, heading);
        cy += 16;
        std::size_t i = 0;
        for (const auto& [px, name] : levels) {
            out += rect(x, cy, fmt::format("fill=\"{}\" fill-opacity=\"0.6\"", band_fill(i++)));
            out +=
                text(x + kSwW + 6, cy + 10, 9, fmt::format("≥ {} px/m  {}", num(px), name), label);
            cy += kRow - 2;
        }
        cy += 6;
    }

    out += north_and_scale(plan, scale, x, cy, w);
    cy += 62;
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#bdbdbd\" "
        "stroke-width=\"0.8\"/>\n",
        num(x), num(cy), num(x + w));
    cy += 16;
    out += text(x, cy, 13, fmt::format("{} ({})", wd.findings, plan.findings.size()), heading);
    cy += 8;
    const double bottom = y + h - 14;
    if (!plan.audited) {
        out += text(x, cy + 10, 9.5, wd.not_audited, label);
    } else if (plan.findings.empty()) {
        out += text(x, cy + 10, 9.5, wd.no_findings, label);
    }
    for (std::size_t i = 0; i < plan.findings.size(); ++i) {
        const auto& f = plan.findings[i];
        std::string msg = f.message.empty() ? f.rule : f.message;
        if (!f.marker) msg = fmt::format("[{}] {}", wd.site_wide, msg);
        auto lines = wrap(msg, w - 20, kItemFont, plan.findings.size() <= 12 ? 3 : 2);
        const double need = lines.size() * kItemLine + 4;
        const bool last = i + 1 == plan.findings.size();
        if (cy + need > bottom - (last ? 0 : kItemLine + 2)) {
            out += text(x, cy + 10, 9, fmt::format(fmt::runtime(wd.more), plan.findings.size() - i),
                        fmt::format("fill=\"{}\"", colour::kMuted));
            break;
        }
        out += finding_number(x + 7, cy + 7, i + 1, f);
        for (std::size_t l = 0; l < lines.size(); ++l)
            out += text(x + 18, cy + 10 + l * kItemLine, kItemFont, lines[l], label);
        cy += need;
    }
    out += text(x + w, y + h, 8, fmt::format("camaudit {}", CAMAUDIT_VERSION),
                fmt::format("text-anchor=\"end\" fill=\"{}\"", colour::kMuted));
    out += "</g>\n";
    return out;
}

}  // namespace camaudit::report::svg
