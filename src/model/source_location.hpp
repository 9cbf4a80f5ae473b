// Where an element of the input was written, for `file:line:column` messages.
#pragma once

#include <string>

namespace camaudit {

struct SourceLocation {
    std::string file;
    int line = 0;    // 1-based; 0 = unknown (the top of the file)
    int column = 0;  // 1-based

    bool known() const { return line > 0; }
};

}  // namespace camaudit
