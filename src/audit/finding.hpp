// A finding: one (check, camera, zone) that breaks one or more rules, with the law it breaks,
// the numbers behind it and where it is. Renderers only present findings.
#pragma once

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "audit/rule_pack.hpp"
#include "audit/severity.hpp"
#include "model/site.hpp"

namespace camaudit::audit {

// A finding's articles, read-only and shared: every finding of the same rules on one site cites
// the same list (a city's 10^5 findings come from a few dozen combinations of rules), so the
// engine makes each list once (FindingSink) and findings hold a pointer to it. Copying a list
// copies the pointer; assigning one makes a new list.
class CitationList {
  public:
    CitationList() = default;
    CitationList(std::vector<Citation> list)
        : list_(std::make_shared<const std::vector<Citation>>(std::move(list))) {}
    CitationList(std::initializer_list<Citation> list)
        : CitationList(std::vector<Citation>(list)) {}
    explicit CitationList(std::shared_ptr<const std::vector<Citation>> list)
        : list_(std::move(list)) {}

    const std::vector<Citation>& list() const;
    auto begin() const { return list().begin(); }
    auto end() const { return list().end(); }
    std::size_t size() const { return list().size(); }
    bool empty() const { return list().empty(); }
    const Citation& operator[](std::size_t i) const { return list()[i]; }
    // Whether both hold the same list object (not only equal ones).
    bool shares(const CitationList& other) const { return list_ && list_ == other.list_; }

  private:
    std::shared_ptr<const std::vector<Citation>> list_;
};

struct Finding {
    std::string rule;                // the first firing rule in pack order
    std::vector<std::string> rules;  // every firing rule, pack order
    std::string check;
    Severity severity = Severity::Error;
    std::string site;  // site id
    SourceLocation loc;
    std::optional<std::string> camera;
    std::optional<std::string> zone;
    // "" for most findings; names a second finding of the same (check, camera, zone), such
    // as filing's "sheet" info beside its error. Part of the merge key and the fingerprint.
    std::string topic;
    std::string message_en, message_zh;
    CitationList citations;  // union over `rules`, in rule order, for the regime (shared)
    CitationList penalties;  // the same for the rules' penalty articles; often empty
    std::vector<std::pair<std::string, double>> metrics;  // in the order the check gives
    std::vector<Polygon> area;          // the problem's geometry, input CRS (may be empty)
    std::vector<Polygon> area_working;  // the same in the working CRS (for drawings)
    // A point to show a finding without an area at, input CRS: the camera's position, else
    // the zone's point (a polygon's first vertex, a line's first point); none for the system.
    std::optional<Point> where;
    // The drawing entity of the camera (else of the zone) where it was imported from a DXF.
    std::optional<DrawingOrigin> origin;
    std::string fingerprint;

    const std::string& message(bool zh) const { return zh ? message_zh : message_en; }
};

// An id (camera, zone, party, site) as messages write it, the same in both languages: “C01”.
// In Chinese the quotes are full-width punctuation, so no space goes beside them (README,
// "Messages").
std::string quote_id(std::string_view id);

// Findings in the report order: file, line, column, check, camera, zone.
void sort_findings(std::vector<Finding>& findings);

// A stable hash of what identifies a finding (site, check, camera, zone), independent of the
// order of the file and of labels.
std::string fingerprint_of(const std::string& site, const std::string& check,
                           const std::optional<std::string>& camera,
                           const std::optional<std::string>& zone, const std::string& topic = "");

}  // namespace camaudit::audit
