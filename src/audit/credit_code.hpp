// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character.
#pragma once

#include <string_view>

namespace camaudit::audit {

// True when `code` has 18 characters of the code's alphabet and a correct check character.
bool valid_credit_code(std::string_view code);

}  // namespace camaudit::audit
