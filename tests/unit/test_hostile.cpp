// Hostile input (issue #19): the one angle range and normalisation (model/angle.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "model/angle.hpp"
#include "report/json_writer.hpp"

using namespace camaudit;

TEST_CASE("input angles: finite and within two turns either way") {
    CHECK(input_angle_ok(0));
    CHECK(input_angle_ok(720));
    CHECK(input_angle_ok(-720));
    CHECK_FALSE(input_angle_ok(720.0000001));
    CHECK_FALSE(input_angle_ok(-721));
    CHECK_FALSE(input_angle_ok(1e308));  // issue #19: hid a camera as a pan value
    CHECK_FALSE(input_angle_ok(std::numeric_limits<double>::infinity()));
    CHECK_FALSE(input_angle_ok(std::numeric_limits<double>::quiet_NaN()));
}

TEST_CASE("normalize_bearing maps every accepted angle to [0, 360)") {
    CHECK(normalize_bearing(0) == 0);
    CHECK(normalize_bearing(360) == 0);
    CHECK(normalize_bearing(720) == 0);
    CHECK(normalize_bearing(-720) == 0);
    CHECK(normalize_bearing(420) == 60);
    CHECK(normalize_bearing(-45) == 315);
    CHECK(normalize_bearing(-90.5) == 269.5);
    // A tiny negative remainder: -1e-20 + 360 rounds to 360, which is 0.
    CHECK(normalize_bearing(-1e-20) == 0);
    for (double a = -720; a <= 720; a += 0.37) {
        const double n = normalize_bearing(a);
        CHECK((n >= 0 && n < 360));
    }
}

TEST_CASE("the JSON writer never writes a non-JSON number") {
    auto one = [](double d) {
        report::JsonWriter w(false);
        w.value(d);
        return w.str();
    };
    // 1e308 · 10⁶ overflows: rounding it to six places once gave "inf" (issue #19).
    CHECK(one(1e308) == "1e+308\n");
    CHECK(one(-1e308) == "-1e+308\n");
    CHECK(one(1e15) == "1000000000000000\n");
    CHECK(one(123456789012.5) == "123456789012.5\n");
    CHECK(one(std::numeric_limits<double>::infinity()) == "null\n");
    CHECK(one(std::numeric_limits<double>::quiet_NaN()) == "null\n");
}
