#include "report/coverage_report.hpp"

#include <fmt/format.h>

#include "report/json_writer.hpp"
#include "util/escape.hpp"

namespace camaudit::report {

std::string render_coverage_json(const CoverageReport& report) {
    JsonWriter w;
    w.begin_object().key("sites").begin_array();
    for (const auto& s : report.sites) {
        w.begin_object().key("id").value(s.id).key("file").value(s.file);
        w.key("cameras").begin_array();
        for (const auto& c : s.cameras) {
            w.begin_object().key("id").value(c.id).key("floor").value(c.floor);
            w.key("viewshed_m2").value(c.viewshed_m2);
            w.key("eye_in_solid").value(c.eye_in_solid);
            w.key("blind_radius_m");
            c.blind_radius_m ? (void)w.value(*c.blind_radius_m) : (void)w.null();
            w.end_object();
        }
        w.end_array().key("zones").begin_array();
        for (const auto& z : s.zones) {
            w.begin_object().key("id").value(z.id).key("kind").value(z.kind);
            w.key("floor").value(z.floor);
            w.key("area_m2").value(z.area_m2).key("covered_m2").value(z.covered_m2);
            w.key("covered_fraction").value(z.covered_fraction);
            w.key("cameras").begin_array();
            for (const auto& id : z.cameras) w.value(id);
            w.end_array().key("best_px_per_m");
            z.best_px_per_m ? (void)w.value(*z.best_px_per_m, 1) : (void)w.null();
            w.end_object();
        }
        w.end_array().end_object();
    }
    w.end_array().end_object();
    return w.str();
}

std::string render_coverage_text(const CoverageReport& report, Lang lang) {
    const bool zh = lang == Lang::Zh;
    std::string out;
    const auto v = util::visible_controls;  // input text shown, never obeyed (issue #19, 8)
    for (const auto& s : report.sites) {
        out += fmt::format("{} ({})\n", v(s.file), v(s.id));
        out += zh ? "摄像机            楼层    视域面积(m²)\n"
                  : "camera            floor   viewshed m²\n";
        for (const auto& c : s.cameras) {
            out += fmt::format("  {:<16}{:<8}{:>10.1f}{}\n", v(c.id), v(c.floor), c.viewshed_m2,
                               c.eye_in_solid ? (zh ? "  (位于实体墙内，看不到任何区域)"
                                                    : "  (eye inside a solid wall: sees nothing)")
                                              : "");
        }
        out += zh ? "区域              楼层    面积(m²)  覆盖(m²)  覆盖率  最佳像素密度  摄像机\n"
                  : "zone              floor   area m²   covered   share   best px/m     cameras\n";
        for (const auto& z : s.zones) {
            std::string cams;
            for (const auto& id : z.cameras) cams += (cams.empty() ? "" : ",") + id;
            out += fmt::format("  {:<16}{:<8}{:>8.1f}  {:>8.1f}  {:>5.0f}%  {:>12}  {}\n", v(z.id),
                               v(z.floor), z.area_m2, z.covered_m2, z.covered_fraction * 100,
                               z.best_px_per_m ? fmt::format("{:.0f}", *z.best_px_per_m) : "-",
                               cams.empty() ? "-" : v(cams));
        }
    }
    return out;
}

}  // namespace camaudit::report
