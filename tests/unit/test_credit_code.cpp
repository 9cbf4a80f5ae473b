#include <doctest/doctest.h>

#include "audit/credit_code.hpp"

using camaudit::audit::valid_credit_code;

TEST_CASE("GB 32100-2015 check character") {
    CHECK(valid_credit_code("91310110666007217T"));
    CHECK(valid_credit_code("91350200776049653A"));
    CHECK(valid_credit_code("91440101MA5CJQ4N59"));
    CHECK_FALSE(valid_credit_code("91310110666007217U"));  // wrong check character
    CHECK_FALSE(valid_credit_code("91310110666007217"));   // too short
    CHECK_FALSE(valid_credit_code("9131011066600721IT"));  // I is not in the alphabet
    CHECK_FALSE(valid_credit_code("91310110666007217t"));  // lower case
    CHECK_FALSE(valid_credit_code(""));
}
