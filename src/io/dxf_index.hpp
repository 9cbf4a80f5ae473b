// A pass over the text of a DXF drawing for what GDAL's DXF driver does not expose: the
// header variables that decide its text encoding and units, the names in its LAYER table and
// BLOCKS section, and the line of every entity by handle (for `file:line:` messages).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace camaudit::io {

struct DxfEntityLine {
    std::string type;  // LINE, LWPOLYLINE, INSERT, ...
    int line = 0;      // 1-based line of the type name
};

struct DxfIndex {
    bool binary = false;   // a binary DXF: GDAL 3.6 cannot read it
    std::string acadver;   // $ACADVER, e.g. AC1015 (R2000); empty where absent (R12 and older)
    std::string codepage;  // $DWGCODEPAGE, e.g. ANSI_936
    std::optional<int> insunits;        // $INSUNITS
    std::set<std::string> layer_table;  // names as written (in the drawing's encoding)
    std::set<std::string> block_names;
    std::map<std::string, DxfEntityLine> entities;  // by handle, upper case

    // The iconv name of the text encoding: UTF-8 from R2007 (AC1021) on whatever the code
    // page says; else the code page (ANSI_936 → CP936, that is GBK); ISO-8859-1 by default
    // as GDAL does.
    std::string encoding() const;
};

// Never fails: what cannot be read is left out (GDAL reports a broken drawing).
DxfIndex index_dxf(std::string_view text);

}  // namespace camaudit::io
