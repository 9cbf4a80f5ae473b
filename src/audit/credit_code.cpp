#include "audit/credit_code.hpp"

namespace camaudit::audit {

bool valid_credit_code(std::string_view code) {
    // The alphabet leaves out I, O, Z, S and V, which are easily misread.
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    if (code.size() != 18) return false;
    int sum = 0;
    int weight = 1;  // 3^(i-1) mod 31
    for (std::size_t i = 0; i < 17; ++i) {
        auto v = kAlphabet.find(code[i]);
        if (v == std::string_view::npos) return false;
        sum += static_cast<int>(v) * weight;
        weight = weight * 3 % 31;
    }
    auto check = kAlphabet.find(code[17]);
    if (check == std::string_view::npos) return false;
    return static_cast<int>(check) == (31 - sum % 31) % 31;
}

}  // namespace camaudit::audit
