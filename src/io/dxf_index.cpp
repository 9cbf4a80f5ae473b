#include "io/dxf_index.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace camaudit::io {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// The group-code/value pairs of an ASCII DXF, with the line of each value.
class PairReader {
  public:
    explicit PairReader(std::string_view text) : text_(text) {}

    // False at the end of the text or on a group code that is not a number.
    bool next() {
        std::string_view code_line;
        if (!line(code_line) || !line(value_)) return false;
        code_line = trim(code_line);
        auto [p, ec] =
            std::from_chars(code_line.data(), code_line.data() + code_line.size(), code_);
        if (ec != std::errc() || p != code_line.data() + code_line.size()) return false;
        value_line_ = line_no_;
        value_ = trim(value_);
        return true;
    }
    int code() const { return code_; }
    std::string_view value() const { return value_; }
    int value_line() const { return value_line_; }

  private:
    bool line(std::string_view& out) {
        if (pos_ >= text_.size()) return false;
        const std::size_t end = std::min(text_.find('\n', pos_), text_.size());
        out = text_.substr(pos_, end - pos_);
        pos_ = end + 1;
        ++line_no_;
        return true;
    }
    std::string_view text_;
    std::size_t pos_ = 0;
    int line_no_ = 0;
    int code_ = 0;
    std::string_view value_;
    int value_line_ = 0;
};

struct Scan {
    DxfIndex& out;
    std::string section;  // HEADER, TABLES, BLOCKS, ENTITIES, ...
    std::string table;    // inside TABLES: LAYER, STYLE, ...
    std::string record;   // the type of the current record (code 0)
    int record_line = 0;
    bool record_has_handle = false;
    std::string variable;  // in HEADER: the last $NAME

    void on_record(std::string_view type, int line) {
        record = upper(type);
        record_line = line;
        record_has_handle = false;
        if (record == "SECTION" || record == "ENDSEC") table.clear();
        if (record == "ENDSEC") section.clear();
    }
    void on_pair(int code, std::string_view value) {
        if (record == "SECTION" && code == 2) section = upper(value);
        if (section == "HEADER") return header(code, value);
        if (section == "TABLES" && record == "TABLE" && code == 2) table = upper(value);
        if (section == "TABLES" && table == "LAYER" && record == "LAYER" && code == 2)
            out.layer_table.emplace(value);
        if (section == "BLOCKS" && record == "BLOCK" && code == 2) out.block_names.emplace(value);
        const bool drawn = section == "BLOCKS" || section == "ENTITIES";
        if (drawn && code == 5 && !record_has_handle) {
            record_has_handle = true;
            out.entities.emplace(upper(value), DxfEntityLine{record, record_line});
        }
    }
    void header(int code, std::string_view value) {
        if (code == 9) {
            variable = upper(value);
            return;
        }
        if (variable == "$ACADVER") out.acadver = upper(value);
        if (variable == "$DWGCODEPAGE") out.codepage = upper(value);
        if (variable == "$INSUNITS") {
            int units = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), units);
            if (ec == std::errc() && p == value.data() + value.size()) out.insunits = units;
        }
        variable.clear();
    }
};

}  // namespace

std::string DxfIndex::encoding() const {
    if (acadver >= "AC1021") return "UTF-8";
    if (codepage.starts_with("ANSI_") && codepage != "ANSI_1252") return "CP" + codepage.substr(5);
    return "ISO-8859-1";
}

DxfIndex index_dxf(std::string_view text) {
    DxfIndex out;
    if (text.starts_with("AutoCAD Binary DXF")) {
        out.binary = true;
        return out;
    }
    Scan scan{out, {}, {}, {}, 0, false, {}};
    PairReader pairs(text);
    while (pairs.next()) {
        if (pairs.code() == 0)
            scan.on_record(pairs.value(), pairs.value_line());
        else
            scan.on_pair(pairs.code(), pairs.value());
        if (pairs.code() == 0 && pairs.value() == "EOF") break;
    }
    return out;
}

}  // namespace camaudit::io
