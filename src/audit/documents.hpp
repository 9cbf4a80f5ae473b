// The inspector's documents: the 备案 information sheet (公安部 规定 第六条) and the 13-item
// inspection checklist (第十条, scoped by 第十一条). Built by audit/filing_sheet.cpp and
// audit/inspection.cpp from an audited site; rendered by src/report/ (text, JSON, CSV,
// Markdown, HTML), which only presents them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/finding.hpp"
#include "model/source_location.hpp"

namespace camaudit::audit {

// One line of the filing sheet.
struct FilingItem {
    std::string key;                     // stable: "operator.name", "operator.credit_code", ...
    std::string label_zh, label_en;      // 单位名称 / Unit name
    std::string value;                   // as it will be filed ("" when missing)
    std::string display_zh, display_en;  // how `value` reads where it is a code (企业 / enterprise)
    enum class State { Ok, Missing, Invalid } state = State::Ok;
    std::string problem_zh, problem_en;  // why Missing/Invalid
    std::string note_zh, note_en;        // a remark on an Ok item ("not required: individual")
    SourceLocation loc;
};

struct CameraCount {
    std::string key;                 // a purpose (function type) or a kind (fixed, ptz, panoramic)
    std::string label_zh, label_en;  // 出入口 / entrance; free-text purposes as written
    std::size_t count = 0;
};

struct FilingSheet {
    std::string site_id, site_name, file;
    std::string crs;                      // of the camera positions: the input CRS
    std::vector<FilingItem> items;        // 第六条 (一) and (二), in the order of the law
    std::vector<CameraCount> by_purpose;  // 功能类型
    std::vector<CameraCount> by_kind;     // fixed / ptz / panoramic
    struct CameraPosition {
        std::string id, floor, purpose, kind;
        double x = 0, y = 0;  // input CRS
    };
    std::vector<CameraPosition> cameras;
    bool complete() const;
};

enum class ItemStatus { Pass, Fail, NotApplicable, Attested, NotAttested };
std::string_view to_string(ItemStatus s);  // "pass", "fail", "not applicable", ...

struct InspectionItem {
    int number = 0;             // 1..13 (第十条 第N项)
    std::string text_zh;        // the verbatim item text of 第十条
    std::string title_en;       // a faithful English rendering
    bool general = false;       // in scope of a general (派出所) inspection: items 1-7
    bool professional = false;  // in scope of a professional (科信) inspection: items 8-13
    bool focus = false;         // a focus of this inspection (第十二条: items 1-3, article9)
    std::string basis_zh, basis_en;  // the articles of 条例 behind the item ("条例 第十三条")
    ItemStatus status = ItemStatus::NotApplicable;
    // NotApplicable because the law does not apply it to this site (条例 第九条第二款,
    // 第三十三条), rather than because the system is not built or the check is off: such an
    // item does not keep the inspection from passing.
    bool exempt = false;
    std::vector<std::string> evidence_zh, evidence_en;  // facts behind a pass, or notes
    std::vector<std::string> findings;  // fingerprints of the findings behind a fail
};

struct Inspection {
    std::string site_id, site_name, file;
    std::string scope;   // general | professional | all
    std::string regime;  // article7 | article9 | non_public
    std::string today;   // YYYY-MM-DD: the day that dated measures are measured against
    std::vector<InspectionItem> items;            // the items in scope, in the order of 第十条
    std::vector<std::string> notes_zh, notes_en;  // about the whole inspection
    std::vector<Finding> findings;                // all the audit's findings: items cite them
    // Every item is Pass or Attested, or NotApplicable and exempt.
    bool all_pass_or_attested() const;
};

}  // namespace camaudit::audit
