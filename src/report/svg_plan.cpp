// The plan as SVG: a title block, one panel per floor at one common scale, and a side column
// with the legend, the scale bar, the north arrow and the numbered findings. Everything drawn
// is given by the Plan; this file only maps it onto an A4 landscape page.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "report/svg_common.hpp"
#include "report/svg_plan.hpp"

namespace camaudit::report {

namespace {

using namespace svg;

constexpr double kPi = 3.14159265358979323846;
constexpr double kGap = 12;  // between panels
constexpr double kPad = 16;  // inside a panel, around the drawing
constexpr double kPanelTitle = 18;

struct Box {
    double minx = std::numeric_limits<double>::infinity();
    double miny = std::numeric_limits<double>::infinity();
    double maxx = -std::numeric_limits<double>::infinity();
    double maxy = -std::numeric_limits<double>::infinity();

    void add(Point p) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
        minx = std::min(minx, p.x), miny = std::min(miny, p.y);
        maxx = std::max(maxx, p.x), maxy = std::max(maxy, p.y);
    }
    void add(const std::vector<Polygon>& polys) {
        for (const auto& poly : polys)
            for (const auto& p : poly.shell) add(p);
    }
    bool empty() const { return !(minx <= maxx); }
    double w() const { return maxx - minx; }
    double h() const { return maxy - miny; }
};

// What a floor's drawing must show: the extent of everything on it, at least 1 m a side.
Box floor_box(const audit::Plan& plan, const audit::PlanFloor& floor) {
    Box b;
    for (const auto& z : floor.zones) b.add(z.area);
    for (const auto& w : floor.walls) {
        for (const auto& p : w.line) b.add(p);
        if (w.solid) b.add(std::vector<Polygon>{*w.solid});
    }
    for (const auto& c : floor.cameras) {
        b.add(c.eye);
        b.add(c.viewshed);
    }
    for (const auto& f : plan.findings)
        if (f.floor == floor.id) b.add(f.area);
    if (b.empty()) b = Box{0, 0, 10, 10};
    if (b.w() < 1) b.minx -= 0.5, b.maxx += 0.5;
    if (b.h() < 1) b.miny -= 0.5, b.maxy += 0.5;
    return b;
}

struct Panel {
    const audit::PlanFloor* floor;
    Box box;
    double x, y, w, h;  // the cell on the page
    Frame frame;
};

// Panels in a grid filling the map area, each column as wide and each row as tall as its
// largest floor needs; the number of columns that gives the largest common scale wins.
std::vector<Panel> layout(const audit::Plan& plan, double& scale) {
    const double x0 = kMargin, y0 = kMargin + kHeaderH;
    const double W = kPageW - 2 * kMargin - kSidebarW - 20, H = kPageH - y0 - kMargin;
    std::vector<Box> boxes;
    for (const auto& f : plan.floors) boxes.push_back(floor_box(plan, f));
    const std::size_t n = std::max<std::size_t>(boxes.size(), 1);
    struct Grid {
        std::size_t cols = 1, rows = 1;
        std::vector<double> col_m, row_m;  // metres each column and row must show
        double scale = 0, spare_w = 0, spare_h = 0;
    };
    auto grid = [&](std::size_t cols) {
        Grid g;
        g.cols = cols;
        g.rows = (n + cols - 1) / cols;
        g.col_m.assign(cols, 0);
        g.row_m.assign(g.rows, 0);
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            g.col_m[i % cols] = std::max(g.col_m[i % cols], boxes[i].w());
            g.row_m[i / cols] = std::max(g.row_m[i / cols], boxes[i].h());
        }
        double sum_w = 0, sum_h = 0;
        for (double v : g.col_m) sum_w += v;
        for (double v : g.row_m) sum_h += v;
        const double free_w = W - (cols - 1) * kGap - cols * 2 * kPad;
        const double free_h = H - (g.rows - 1) * kGap - g.rows * (2 * kPad + kPanelTitle);
        g.scale = sum_w > 0 && sum_h > 0 ? std::min(free_w / sum_w, free_h / sum_h) : 1;
        g.spare_w = std::max(free_w - g.scale * sum_w, 0.0) / cols;
        g.spare_h = std::max(free_h - g.scale * sum_h, 0.0) / g.rows;
        return g;
    };
    Grid best = grid(1);
    for (std::size_t cols = 2; cols <= n; ++cols) {
        Grid g = grid(cols);
        if (g.scale > best.scale * 1.0001) best = g;
    }
    scale = best.scale;
    std::vector<double> col_x{x0}, row_y{y0};
    for (double m : best.col_m)
        col_x.push_back(col_x.back() + m * scale + 2 * kPad + best.spare_w + kGap);
    for (double m : best.row_m)
        row_y.push_back(row_y.back() + m * scale + 2 * kPad + kPanelTitle + best.spare_h + kGap);
    std::vector<Panel> panels;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const std::size_t c = i % best.cols, r = i / best.cols;
        Panel p{&plan.floors[i],
                boxes[i],
                col_x[c],
                row_y[r],
                col_x[c + 1] - col_x[c] - kGap,
                row_y[r + 1] - row_y[r] - kGap,
                {}};
        const double inner_w = p.w - 2 * kPad, inner_h = p.h - 2 * kPad - kPanelTitle;
        p.frame.minx = p.box.minx;
        p.frame.maxy = p.box.maxy;
        p.frame.scale = scale;
        p.frame.ox = p.x + kPad + (inner_w - p.box.w() * scale) / 2;
        p.frame.oy = p.y + kPanelTitle + kPad + (inner_h - p.box.h() * scale) / 2;
        panels.push_back(p);
    }
    return panels;
}

std::string path(const std::vector<Polygon>& polys, const Frame& f, std::string_view style) {
    if (polys.empty()) return "";
    return fmt::format("<path d=\"{}\" fill-rule=\"evenodd\" {}/>\n", path_data(polys, f), style);
}

std::string marker(double x, double y, std::size_t n, audit::Severity s) {
    return fmt::format(
               "<circle cx=\"{}\" cy=\"{}\" r=\"7\" fill=\"{}\" stroke=\"#ffffff\" "
               "stroke-width=\"1.5\"/>\n",
               num(x), num(y), severity_colour(s)) +
           text(x, y + 3, 8.5, std::to_string(n),
                "font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\"");
}

std::string floor_panel(const audit::Plan& plan, const Panel& p) {
    const audit::PlanFloor& floor = *p.floor;
    const Frame& f = p.frame;
    const Words& w = words(plan.lang);
    std::string out = fmt::format("<g id=\"floor-{}\">\n", escape(floor.id));
    out += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"#bdbdbd\" "
        "stroke-width=\"0.8\"/>\n",
        num(p.x), num(p.y), num(p.w), num(p.h));
    std::string title = floor.id.empty() ? w.plan : fmt::format(fmt::runtime(w.floor), floor.id);
    out += text(p.x + 8, p.y + 15, 12, title, "font-weight=\"700\" fill=\"#212121\"");

    for (const auto& z : floor.zones) {
        out += path(z.area, f,
                    fmt::format("fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"",
                                zone_fill(z.category), zone_line(z.category)));
        if (z.category == audit::ZoneCategory::Classified)
            out += path(z.area, f, "fill=\"url(#hatch-classified)\" stroke=\"none\"");
    }
    for (const auto& c : floor.cameras)
        out +=
            path(c.viewshed, f,
                 fmt::format("fill=\"{}\" fill-opacity=\"0.22\" stroke=\"{}\" stroke-width=\"0.6\" "
                             "stroke-opacity=\"0.7\"",
                             colour::kViewFill, colour::kViewLine));
    // Density bands: each level's distinct colour, the lowest density first (the largest area).
    std::vector<double> levels;  // over all floors, so that a colour means one level everywhere
    for (const auto& pl : plan.floors)
        for (const auto& c : pl.cameras)
            for (const auto& b : c.bands) levels.push_back(b.px_per_m);
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    for (const auto& c : floor.cameras) {
        auto bands = c.bands;
        std::stable_sort(bands.begin(), bands.end(),
                         [](const auto& a, const auto& b) { return a.px_per_m < b.px_per_m; });
        for (const auto& b : bands) {
            auto i = std::lower_bound(levels.begin(), levels.end(), b.px_per_m) - levels.begin();
            out += path(b.area, f,
                        fmt::format("fill=\"{}\" fill-opacity=\"0.35\" stroke=\"none\"",
                                    band_fill(static_cast<std::size_t>(i))));
        }
    }
    for (const auto& fd : plan.findings) {
        if (fd.floor != floor.id) continue;
        const char* col = fd.severity == audit::Severity::Error ? colour::kProblemLine
                                                                : severity_colour(fd.severity);
        if (fd.uncovered)
            out += path(fd.area, f,
                        fmt::format("fill=\"url(#hatch-uncovered)\" stroke=\"{}\" "
                                    "stroke-width=\"1.2\" stroke-dasharray=\"4 2\"",
                                    col));
        else
            out += path(fd.area, f,
                        fmt::format("fill=\"{}\" fill-opacity=\"0.4\" stroke=\"{}\" "
                                    "stroke-width=\"1.5\"",
                                    severity_colour(fd.severity), col));
    }
    for (const auto& wl : floor.walls) {
        if (wl.solid)
            out += path({*wl.solid}, f,
                        wl.height ? fmt::format("fill=\"{}\" stroke=\"{}\" stroke-width=\"1\" "
                                                "stroke-dasharray=\"4 2\"",
                                                colour::kPartialSolid, colour::kPartialWall)
                                  : fmt::format("fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"",
                                                colour::kSolid, colour::kWall));
        if (wl.line.size() < 2) continue;
        out += fmt::format(
            "<polyline points=\"{}\" fill=\"none\" {}/>\n", points_attr(wl.line, f),
            wl.height ? partial_wall_style()
            : wl.transparent
                ? fmt::format("stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"",
                              colour::kGlass)
                : fmt::format("stroke=\"{}\" stroke-width=\"3\" stroke-linecap=\"square\" "
                              "stroke-linejoin=\"miter\"",
                              colour::kWall));
    }
    // Finding numbers: off a camera symbol they would hide, side by side where they coincide.
    Placer placer;
    std::vector<std::tuple<double, double, std::size_t>> markers;
    std::map<std::pair<long, long>, int> stacked;
    for (std::size_t i = 0; i < plan.findings.size(); ++i) {
        const auto& fd = plan.findings[i];
        if (fd.floor != floor.id || !fd.marker) continue;
        double x = f.px(fd.marker->x), y = f.py(fd.marker->y);
        Box area;
        area.add(fd.area);
        if (!area.empty() && std::max(area.w(), area.h()) * f.scale < 24)  // beside, not over it
            x = f.px(area.maxx) + 6, y = f.py(area.maxy) - 6;
        for (const auto& c : floor.cameras)
            if (std::hypot(f.px(c.eye.x) - x, f.py(c.eye.y) - y) < 6) {
                x += 10, y -= 11;
                break;
            }
        x += 15 * stacked[{std::lround(x), std::lround(y)}]++;
        markers.emplace_back(x, y, i);
        placer.take({x - 7, y - 7, x + 7, y + 7});
    }
    for (const auto& c : floor.cameras) {
        const double x = f.px(c.eye.x), y = f.py(c.eye.y);
        placer.take({x - 6, y - 6, x + 6, y + 6});
        if (c.panoramic) continue;
        const double a = c.azimuth * kPi / 180;
        const double tx = x + 10 * std::sin(a), ty = y - 10 * std::cos(a);
        placer.take({tx - 4, ty - 4, tx + 4, ty + 4});
    }
    // Zone labels, the smallest zone first, each keeping off the small zones inside larger
    // ones; drawn largest first, as the fills.
    std::vector<std::string> labels(floor.zones.size());
    for (std::size_t i = floor.zones.size(); i-- > 0;) {
        const audit::PlanZone& z = floor.zones[i];
        labels[i] = zone_label(z, f, placer);
        Box b;
        b.add(z.area);
        if (!b.empty() && b.w() * f.scale < 60 && b.h() * f.scale < 60)
            placer.take({f.px(b.minx), f.py(b.maxy), f.px(b.maxx), f.py(b.miny)});
    }
    for (const auto& l : labels) out += l;
    for (const auto& wl : floor.walls)
        if (wl.height && wl.label_at) out += wall_height_label(wl, f, placer);
    for (const auto& c : floor.cameras)
        out += camera_symbol(f.px(c.eye.x), f.py(c.eye.y), c.azimuth, c.panoramic);
    for (const auto& c : floor.cameras) out += camera_label(c, f, placer);
    for (const auto& [x, y, i] : markers) out += marker(x, y, i + 1, plan.findings[i].severity);
    out += "</g>\n";
    return out;
}

const char* kDefs = R"svg(<defs>
<pattern id="hatch-uncovered" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
<rect width="6" height="6" fill="#e53935" fill-opacity="0.08"/>
<line x1="0" y1="0" x2="0" y2="6" stroke="#c62828" stroke-width="2"/>
</pattern>
<pattern id="hatch-classified" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(-45)">
<line x1="0" y1="0" x2="0" y2="7" stroke="#6a4c93" stroke-width="1" stroke-opacity="0.55"/>
</pattern>
</defs>
)svg";

}  // namespace

namespace svg {

std::string camera_symbol(double x, double y, double azimuth_deg, bool panoramic) {
    if (panoramic)
        return fmt::format(
            "<circle cx=\"{0}\" cy=\"{1}\" r=\"6.5\" fill=\"#ffffff\" fill-opacity=\"0.6\" "
            "stroke=\"{2}\" stroke-width=\"1.6\"/>\n<circle cx=\"{0}\" cy=\"{1}\" r=\"2.5\" "
            "fill=\"{2}\"/>\n",
            num(x), num(y), colour::kInk);
    const double a = azimuth_deg * kPi / 180, h = 28 * kPi / 180, r = 14;
    return fmt::format(
        "<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\" fill-opacity=\"0.85\"/>\n"
        "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"#ffffff\" stroke=\"{}\" "
        "stroke-width=\"1.4\"/>\n",
        num(x), num(y), num(x + r * std::sin(a - h)), num(y - r * std::cos(a - h)),
        num(x + r * std::sin(a + h)), num(y - r * std::cos(a + h)), colour::kInk, num(x), num(y),
        colour::kInk);
}

}  // namespace svg

std::string render_svg(const audit::Plan& plan) {
    double scale = 1;
    auto panels = layout(plan, scale);
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"297mm\" height=\"210mm\" "
        "viewBox=\"0 0 {} {}\" font-family=\"Noto Sans CJK SC, WenQuanYi Micro Hei, "
        "sans-serif\">\n",
        num(kPageW), num(kPageH));
    out += fmt::format("<title>{}</title>\n", escape(plan.title));
    out += kDefs;
    out += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", num(kPageW),
                       num(kPageH));
    out += text(kMargin, kMargin + 20, 20, plan.title, "font-weight=\"700\" fill=\"#212121\"");
    out +=
        text(kMargin, kMargin + 40, 11, plan.crs_note, fmt::format("fill=\"{}\"", colour::kMuted));
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#9e9e9e\" "
        "stroke-width=\"0.8\"/>\n",
        num(kMargin), num(kMargin + kHeaderH - 12), num(kPageW - kMargin));
    for (const auto& p : panels) out += floor_panel(plan, p);
    out += sidebar(plan, scale, kPageW - kMargin - kSidebarW, kMargin + kHeaderH, kSidebarW,
                   kPageH - 2 * kMargin - kHeaderH);
    out += "</svg>\n";
    return out;
}

}  // namespace camaudit::report
