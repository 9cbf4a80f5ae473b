// Placing the words of the plan: zone labels fitted into the room the plan gives them, and
// camera ids put where they hide the least.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/svg_common.hpp"

namespace camaudit::report::svg {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kLineGap = 1.15;  // line height in ems

const char* kHalo =
    "stroke=\"#ffffff\" stroke-width=\"2.5\" stroke-opacity=\"0.85\" paint-order=\"stroke\" "
    "stroke-linejoin=\"round\"";

struct Fit {
    double size = 0;
    std::vector<std::string> lines;
    bool inside = true;  // false: the zone is too small, the label goes beside it
};

bool fits(const std::vector<std::string>& lines, double size, double w, double h) {
    if (lines.size() * size * kLineGap > h) return false;
    for (const auto& l : lines)
        if (text_width(l, size) > w) return false;
    return true;
}

// The largest size (one line down to 7, then two down to 6, then three down to 5.5) at which
// the label fits the room; else one line at 5.5, spilling over.
Fit fit_label(const std::string& label, double w, double h) {
    const struct {
        std::size_t lines;
        double min_size;
    } tries[] = {{1, 7}, {2, 6}, {3, 5.5}};
    for (const auto& t : tries) {
        for (double size = 10; size >= t.min_size - 1e-9; size -= 0.5) {
            auto lines = t.lines == 1 ? std::vector<std::string>{label} : wrap(label, w, size, 100);
            if (lines.size() <= t.lines && fits(lines, size, w, h)) return {size, lines, true};
        }
    }
    return {6.5, {label}, false};
}

}  // namespace

double Placer::overlap(const Box2& b) const {
    double total = 0;
    for (const auto& t : taken_) {
        double w = std::min(b.x1, t.x1) - std::max(b.x0, t.x0);
        double h = std::min(b.y1, t.y1) - std::max(b.y0, t.y0);
        if (w > 0 && h > 0) total += w * h;
    }
    return total;
}

std::string zone_label(const audit::PlanZone& z, const Frame& f, Placer& placer) {
    if (!z.label_at) return "";
    const std::string& label = z.label.empty() ? z.id : z.label;
    const double w = std::max(z.label_width * f.scale * 0.9 - 2, 0.0);
    const double h = std::max(z.label_height * f.scale * 0.9 - 2, 0.0);
    Fit fit = fit_label(label, w, h);
    const double id_size = std::max(fit.size * 0.8, 5.0);
    const bool with_id = label != z.id &&
                         fit.lines.size() * fit.size * kLineGap + id_size * kLineGap <= h &&
                         text_width(z.id, id_size) <= w;
    const double block =
        fit.lines.size() * fit.size * kLineGap + (with_id ? id_size * kLineGap : 0);
    double widest = with_id ? text_width(z.id, id_size) : 0;
    for (const auto& line : fit.lines) widest = std::max(widest, text_width(line, fit.size));

    // The label point is the middle of the room; where that hides a camera, a finding or a
    // small zone, try along the room's chords.
    const double x0 = f.px(z.label_at->x), y0 = f.py(z.label_at->y);
    const double step_y = block * 0.6 + 4, step_x = widest * 0.6 + 4;
    const int tries[][2] = {{0, 0}, {0, 1},  {0, -1}, {1, 0}, {-1, 0},
                            {0, 2}, {0, -2}, {2, 0},  {-2, 0}};
    Box2 best{};
    double best_overlap = -1;
    for (const auto& t : tries) {
        const double dx = t[0] * step_x, dy = t[1] * step_y;
        if (std::abs(dx) + widest / 2 > w / 2 || std::abs(dy) + block / 2 > h / 2) continue;
        Box2 b{x0 + dx - widest / 2, y0 + dy - block / 2, x0 + dx + widest / 2,
               y0 + dy + block / 2};
        const double o = placer.overlap(b);
        if (best_overlap < 0 || o < best_overlap - 1e-9) best = b, best_overlap = o;
        if (o <= 0) break;
    }
    if (!fit.inside) {
        // Beside the zone: below, above, right or left of it, where it hides the least.
        double minx = x0, maxx = x0, miny = y0, maxy = y0;
        for (const auto& poly : z.area)
            for (const auto& p : poly.shell) {
                minx = std::min(minx, f.px(p.x)), maxx = std::max(maxx, f.px(p.x));
                miny = std::min(miny, f.py(p.y)), maxy = std::max(maxy, f.py(p.y));
            }
        const double cx = (minx + maxx) / 2, cy = (miny + maxy) / 2;
        const Box2 beside[] = {{cx - widest / 2, maxy + 1, cx + widest / 2, maxy + 1 + block},
                               {cx - widest / 2, miny - 1 - block, cx + widest / 2, miny - 1},
                               {maxx + 2, cy - block / 2, maxx + 2 + widest, cy + block / 2},
                               {minx - 2 - widest, cy - block / 2, minx - 2, cy + block / 2}};
        best_overlap = -1;
        for (const auto& b : beside) {
            const double o = placer.overlap(b);
            if (best_overlap < 0 || o < best_overlap - 1e-9) best = b, best_overlap = o;
            if (o <= 0) break;
        }
    } else if (best_overlap < 0) {  // no candidate inside: centred
        best = {x0 - widest / 2, y0 - block / 2, x0 + widest / 2, y0 + block / 2};
    }
    placer.take(best);

    const double x = (best.x0 + best.x1) / 2;
    double baseline = best.y0 + fit.size * 0.9;
    std::string out;
    for (const auto& line : fit.lines) {
        out += text(x, baseline, fit.size, line,
                    fmt::format("font-weight=\"600\" text-anchor=\"middle\" fill=\"{}\" {}",
                                colour::kInk, kHalo));
        baseline += fit.size * kLineGap;
    }
    if (with_id) {
        baseline += (id_size - fit.size) * 0.9;
        out += text(x, baseline, id_size, z.id,
                    fmt::format("text-anchor=\"middle\" fill=\"{}\" {}", colour::kMuted, kHalo));
    }
    return out;
}

std::string wall_height_label(const audit::PlanWall& w, const Frame& f, Placer& placer) {
    const double size = 7.5;
    const std::string t = height_text(*w.height);
    const double x = f.px(w.label_at->x), y = f.py(w.label_at->y);
    const double tw = text_width(t, size), th = size * 0.75;
    // Just above the wall's middle, else just below it, whichever is freer.
    Box2 best{};
    double best_overlap = -1;
    for (double dy : {-(th / 2 + 3), th / 2 + 3}) {
        Box2 b{x - tw / 2, y + dy - th / 2, x + tw / 2, y + dy + th / 2};
        const double o = placer.overlap(b);
        if (best_overlap < 0 || o < best_overlap - 1e-9) best = b, best_overlap = o;
        if (o <= 0) break;
    }
    placer.take(best);
    return text((best.x0 + best.x1) / 2, best.y1, size, t,
                fmt::format("text-anchor=\"middle\" fill=\"{}\" stroke=\"#ffffff\" "
                            "stroke-width=\"2.5\" paint-order=\"stroke\" "
                            "stroke-linejoin=\"round\"",
                            colour::kPartialWall));
}

std::string camera_label(const audit::PlanCamera& c, const Frame& f, Placer& placer) {
    const double size = 9.5;
    const double x = f.px(c.eye.x), y = f.py(c.eye.y);
    const double tw = text_width(c.id, size), th = size * 0.75;
    // Directions on the page, the first preferred: behind the camera (away from what it sees),
    // then turning towards its sides; a panoramic camera starts on the right.
    const double back = c.panoramic ? kPi / 2 : (c.azimuth + 180) * kPi / 180;
    const double turns[] = {0, 50, -50, 90, -90, 130, -130, 180};
    Box2 best{};
    double best_overlap = -1;
    for (double turn : turns) {
        const double a = back + turn * kPi / 180;
        const double dx = std::sin(a), dy = -std::cos(a);
        const double reach = (c.panoramic ? 8 : 6) + std::abs(dx) * tw / 2 + std::abs(dy) * th / 2;
        const double cx = x + dx * reach, cy = y + dy * reach;
        Box2 b{cx - tw / 2, cy - th / 2, cx + tw / 2, cy + th / 2};
        double o = placer.overlap(b);
        if (best_overlap < 0 || o < best_overlap - 1e-9) best = b, best_overlap = o;
        if (o <= 0) break;
    }
    placer.take(best);
    return text(
        (best.x0 + best.x1) / 2, best.y1, size, c.id,
        fmt::format("font-weight=\"700\" text-anchor=\"middle\" fill=\"{}\" stroke=\"#ffffff\" "
                    "stroke-width=\"3\" paint-order=\"stroke\" stroke-linejoin=\"round\"",
                    colour::kInk));
}

}  // namespace camaudit::report::svg
