// Shared pieces of the SVG plan renderer (internal to src/report/svg_*.cpp): number and text
// formatting, the plan-to-page mapping, the palette, the words of the legend in both languages.
// Nothing here computes geometry: it only maps given coordinates onto the page.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "audit/plan.hpp"

namespace camaudit::report::svg {

// The page: A4 landscape, 4 units a millimetre.
inline constexpr double kPageW = 1188;
inline constexpr double kPageH = 840;
inline constexpr double kMargin = 24;
inline constexpr double kSidebarW = 300;
inline constexpr double kHeaderH = 64;

// A number with at most two decimals, trailing zeros dropped, never "-0".
std::string num(double v);
// Text for XML content and attribute values: & < > " ' escaped.
std::string escape(std::string_view s);

// Plan metres (+y north) to page units (+y down).
struct Frame {
    double minx = 0, maxy = 0;  // the plan point drawn at (ox, oy)
    double scale = 1;           // page units per metre
    double ox = 0, oy = 0;
    double px(double x) const { return ox + (x - minx) * scale; }
    double py(double y) const { return oy + (maxy - y) * scale; }
};

// Path data ("M x y L … Z", one subpath a ring) for the polygons; draw with evenodd.
std::string path_data(const std::vector<Polygon>& polygons, const Frame& f);
std::string points_attr(const std::vector<Point>& pts, const Frame& f);

// The estimated width of `text` in the sans-serif font: CJK and full-width forms 1 em, other
// characters about 0.56 em.
double text_width(std::string_view utf8, double font_size);
// `text` broken into lines no wider than `width` (between words, or between CJK characters),
// at most `max_lines`; a cut last line ends with "…".
std::vector<std::string> wrap(std::string_view utf8, double width, double font_size,
                              std::size_t max_lines);

// <text> with escaped content; `attrs` is appended inside the tag as it is.
std::string text(double x, double y, double size, std::string_view content,
                 std::string_view attrs = "");

// A camera symbol at page point (x, y): a dot with a wedge towards the azimuth (clockwise from
// page up), or a ring for a panoramic camera.
std::string camera_symbol(double x, double y, double azimuth_deg, bool panoramic);

// Boxes already used on the page: labels go where they overlap them least.
struct Box2 {
    double x0, y0, x1, y1;
};
class Placer {
  public:
    double overlap(const Box2& b) const;
    void take(const Box2& b) { taken_.push_back(b); }

  private:
    std::vector<Box2> taken_;
};

// A zone's label (its name, the id under it where there is room), fitted into the room given
// by the plan: smaller, or wrapped, where the zone is small.
std::string zone_label(const audit::PlanZone& z, const Frame& f, Placer& placer);
// A partial wall's height ("2.0 m") beside the middle of its longest segment, where it is
// freest.
std::string wall_height_label(const audit::PlanWall& w, const Frame& f, Placer& placer);
// A camera's id next to its symbol, behind it if free, else at the freest place around.
std::string camera_label(const audit::PlanCamera& c, const Frame& f, Placer& placer);

// The stroke of a line wall with a height (plan and legend).
std::string partial_wall_style();
// A wall's height as the plan writes it: "2.0 m", "1.25 m".
std::string height_text(double metres);

// The side column: legend, density levels, north arrow and scale bar for `scale` page units a
// metre, and the numbered list of findings, in the box (x, y, w, h).
std::string sidebar(const audit::Plan& plan, double scale, double x, double y, double w, double h);

// A round length for a scale bar: the largest 1, 2 or 5 × 10^n not above `max_m`.
double round_length(double max_m);

namespace colour {
inline constexpr const char* kForbiddenFill = "#f6c6cb";
inline constexpr const char* kForbiddenLine = "#c2185b";
inline constexpr const char* kMandatoryFill = "#c8e6c9";
inline constexpr const char* kMandatoryLine = "#2e7d32";
inline constexpr const char* kClassifiedFill = "#e1d8ec";
inline constexpr const char* kClassifiedLine = "#6a4c93";
inline constexpr const char* kOtherFill = "#eeeeee";
inline constexpr const char* kOtherLine = "#9e9e9e";
inline constexpr const char* kViewFill = "#ffb300";
inline constexpr const char* kViewLine = "#e08e00";
inline constexpr const char* kWall = "#111111";
inline constexpr const char* kGlass = "#3d8fd1";
inline constexpr const char* kPartialWall = "#757575";  // a wall with a height: lighter, dashed
inline constexpr const char* kPartialSolid = "#bdbdbd";
inline constexpr const char* kSolid = "#424242";
inline constexpr const char* kProblem = "#e53935";
inline constexpr const char* kProblemLine = "#b71c1c";
inline constexpr const char* kWarning = "#fb8c00";
inline constexpr const char* kInfo = "#1e88e5";
inline constexpr const char* kInk = "#212121";
inline constexpr const char* kMuted = "#616161";
}  // namespace colour

// Fill and outline of a zone category.
const char* zone_fill(audit::ZoneCategory c);
const char* zone_line(audit::ZoneCategory c);
// The fill of the `i`th density level, lowest density first.
const char* band_fill(std::size_t i);
// A finding's colour by severity.
const char* severity_colour(audit::Severity s);

// The words on the drawing in the plan's language.
struct Words {
    const char* forbidden;
    const char* mandatory;
    const char* classified;
    const char* other;
    const char* viewshed;
    const char* wall;
    const char* glass;
    const char* solid;
    const char* camera;
    const char* panoramic;
    const char* problem;
    const char* uncovered;
    const char* legend;
    const char* density;
    const char* findings;
    const char* more;  // "… and {} more (camaudit check)"
    const char* no_findings;
    const char* floor;  // "Floor {}"
    const char* plan;   // the title of the only panel of a site without floors
    const char* north;  // caption of the north arrow
    const char* scale;
    const char* site_wide;  // marker-less findings
    const char* not_audited;
    const char* partial_wall;  // a wall with a height, in the legend (only where there is one)
};
const Words& words(Lang lang);

}  // namespace camaudit::report::svg
