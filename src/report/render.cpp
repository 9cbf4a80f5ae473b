#include "report/render.hpp"

#include <functional>
#include <utility>

#include "report/html_report.hpp"

namespace camaudit::report {

namespace {

using Renderer = std::function<std::string(const audit::AuditReport&, const RenderOptions&)>;

const std::vector<std::pair<std::string, Renderer>>& renderers() {
    static const std::vector<std::pair<std::string, Renderer>> table = {
        {"text", [](const audit::AuditReport& r,
                    const RenderOptions& o) { return render_text(r, o.lang, o.color); }},
        {"json", [](const audit::AuditReport& r,
                    const RenderOptions& o) { return render_json(r, o.lang); }},
        {"sarif", [](const audit::AuditReport& r,
                     const RenderOptions& o) { return render_sarif(r, o.lang); }},
        {"junit", [](const audit::AuditReport& r,
                     const RenderOptions& o) { return render_junit(r, o.lang); }},
        {"geojson", [](const audit::AuditReport& r,
                       const RenderOptions& o) { return render_geojson(r, o.lang); }},
        {"html", [](const audit::AuditReport& r,
                    const RenderOptions& o) { return render_html(r, o.lang); }},
    };
    return table;
}

}  // namespace

std::vector<std::string> report_formats() {
    std::vector<std::string> names;
    for (const auto& [name, fn] : renderers()) names.push_back(name);
    return names;
}

std::optional<std::string> render_report(std::string_view format, const audit::AuditReport& report,
                                         const RenderOptions& options) {
    for (const auto& [name, fn] : renderers())
        if (name == format) return fn(report, options);
    return std::nullopt;
}

}  // namespace camaudit::report
