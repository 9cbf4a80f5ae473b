#include "io/osm_camera.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "io/yaml_read.hpp"
#include "model/angle.hpp"

namespace camaudit::io {

namespace {

// Tool defaults for what OpenStreetMap has no tag for. The privacy checks are the reason to
// audit a city's cameras, so where a default must be guessed it is the cautious one.
constexpr double kAssumedHfov = 90;   // a common wide lens (2.8 mm on 1/3"): sees more
constexpr double kAssumedRange = 30;  // the street-camera distance a face is still useful at
constexpr double kDefaultHeight = 3;  // the site format's default

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<double> parse_decimal(std::string_view s) {
    s = trim(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::string number_text(double v) {
    return fmt::format("{}", v);
}

const YNode* tag(const YNode& tags, std::string_view key) {
    for (std::size_t i = 0; i < tags.pair_count(); ++i)
        if (tags.key(i).value == key) return &tags.val(i);
    return nullptr;
}

bool tag_is(const YNode& tags, std::string_view key, std::string_view value) {
    const YNode* v = tag(tags, key);
    return v && v->is_scalar() && v->value == value;
}

// The site-format key `key` of `camera`, or nullptr.
const YNode* given(const YNode& camera, std::string_view key) {
    return tag(camera, key);
}

YNode scalar(std::string value, bool plain, const SourceLocation& loc) {
    YNode n;
    n.kind = YNode::Kind::Scalar;
    n.value = std::move(value);
    n.plain = plain;
    n.loc = loc;
    return n;
}

void add(YNode& camera, std::string_view key, YNode value) {
    camera.items.push_back(scalar(std::string(key), false, value.loc));
    camera.items.push_back(std::move(value));
}

YNode mapping(const SourceLocation& loc) {
    YNode n;
    n.kind = YNode::Kind::Mapping;
    n.loc = loc;
    return n;
}

// `ptz: {}` or `ptz: {pan: [from, to]}`.
YNode ptz(const SourceLocation& loc, std::optional<std::pair<double, double>> pan) {
    YNode m = mapping(loc);
    if (!pan) return m;
    YNode range;
    range.kind = YNode::Kind::Sequence;
    range.loc = loc;
    range.items.push_back(scalar(number_text(pan->first), true, loc));
    range.items.push_back(scalar(number_text(pan->second), true, loc));
    add(m, "pan", std::move(range));
    return m;
}

// Writes an OSM tag's value as text: tags are strings, but some exporters write numbers.
std::optional<std::string> tag_text(const YNode& v, std::string_view key, Diagnostics& diag) {
    if (v.is_scalar()) return v.value;
    diag.error(v.loc, fmt::format("{}: expected a tag value (a string), got {}", key, describe(v)));
    return std::nullopt;
}

class OsmCamera {
  public:
    OsmCamera(const YNode& tags, YNode& camera, Diagnostics& diag)
        : tags_(tags), camera_(camera), diag_(diag), at_(camera.loc) {}

    std::vector<Assumption> complete() {
        const std::string type = camera_type();
        if (!given(camera_, "ptz") && !given(camera_, "azimuth")) aim(type);
        if (!given(camera_, "hfov")) field_of_view(type);
        if (!given(camera_, "range")) {
            add(camera_, "range", scalar(number_text(kAssumedRange), true, at_));
            assume("range", number_text(kAssumedRange), "no tag gives the range",
                   "无标签给出拍摄距离");
        }
        read_height();
        read_tilt();
        if (!given(camera_, "purpose"))
            if (const YNode* zone = tag(tags_, "surveillance:zone"); zone && zone->is_scalar())
                add(camera_, "purpose", scalar(zone->value, false, zone->loc));
        if (!given(camera_, "signage"))
            assume("signage", "false", "OpenStreetMap has no tag for a posted notice",
                   "OpenStreetMap 没有表示提示标识的标签");
        if (!given(camera_, "owner")) assume_owner();
        return std::move(assumed_);
    }

  private:
    void assume(std::string field, std::string value, std::string en, std::string zh) {
        assumed_.push_back({std::move(field), std::move(value), std::move(en), std::move(zh)});
    }

    // fixed, panning or dome; fixed (assumed) without the tag.
    std::string camera_type() {
        const YNode* v = tag(tags_, "camera:type");
        if (!v) {
            assume("camera:type", "fixed", "no camera:type tag", "无 camera:type 标签");
            return "fixed";
        }
        Reader r(diag_);
        return r.choice(*v, "camera:type", {"fixed", "panning", "dome"}).value_or("");
    }

    // The direction tag: camera:direction, else direction (both are in use on OSM).
    const YNode* direction_tag() const {
        if (const YNode* v = tag(tags_, "camera:direction")) return v;
        return tag(tags_, "direction");
    }

    std::optional<Direction> direction(const YNode& v) {
        const char* key = tag(tags_, "camera:direction") ? "camera:direction" : "direction";
        auto text = tag_text(v, key, diag_);
        if (!text) return std::nullopt;
        if (text->find(';') != std::string::npos) {
            diag_.error(v.loc, fmt::format("{}: several directions ('{}') are not supported; map "
                                           "one camera per direction",
                                           key, *text));
            return std::nullopt;
        }
        auto d = parse_direction(*text);
        if (!d)
            diag_.error(v.loc, fmt::format("{}: '{}' is neither degrees (0-360) nor a compass "
                                           "point (N, NNE, NE, ENE, E, ... NNW), nor a range of "
                                           "them such as 90-270",
                                           key, *text));
        return d;
    }

    // azimuth (fixed) or ptz (panning; a fixed camera whose direction is a range) from the tags.
    void aim(const std::string& type) {
        if (type == "dome" || type.empty()) return;  // panoramic: no direction needed
        const YNode* v = direction_tag();
        std::optional<Direction> d = v ? direction(*v) : std::nullopt;
        if (v && !d) {
            // Reported, and the file is invalid: aim it nowhere in particular rather than
            // letting the camera reader add a dependent "missing azimuth" error.
            bad_direction_ = true;
            return;
        }
        if (d && d->to) {
            double span = *d->to - d->from;
            if (span <= 0) span += 360;
            add(camera_, "ptz",
                span >= 359 ? ptz(v->loc, std::nullopt) : ptz(v->loc, std::pair(d->from, *d->to)));
        } else if (type == "panning") {
            // A single value on a panning camera is only its usual direction (OSM wiki).
            add(camera_, "ptz", ptz(v ? v->loc : at_, std::nullopt));
        } else if (d) {
            add(camera_, "azimuth", scalar(number_text(d->from), true, v->loc));
        } else {
            no_direction_ = true;
        }
    }

    void field_of_view(const std::string& type) {
        if (type == "dome" || bad_direction_) {  // the spec: a dome is panoramic
            add(camera_, "hfov", scalar("360", true, at_));
        } else if (no_direction_) {
            add(camera_, "hfov", scalar("360", true, at_));
            assume("hfov", "360",
                   "neither camera:direction nor direction: it may face any way, so it is taken "
                   "to see all around, the worst case for the privacy checks",
                   "无 camera:direction 或 direction 标签：朝向不明，按可拍摄四周计，"
                   "即对隐私检查最不利的情形");
        } else {
            add(camera_, "hfov", scalar(number_text(kAssumedHfov), true, at_));
            assume("hfov", number_text(kAssumedHfov),
                   "no tag gives the field of view; a wide lens, the cautious choice",
                   "无标签给出水平视场角；按广角镜头计，较为审慎");
        }
    }

    void read_height() {
        const YNode* v = tag(tags_, "height");
        if (!v) {
            add(camera_, "height", scalar(number_text(kDefaultHeight), true, at_));
            assume("height", number_text(kDefaultHeight),
                   "no height tag; the site format's default",
                   "无 height 标签；取站点格式的默认值");
            return;
        }
        auto text = tag_text(*v, "height", diag_);
        if (!text) return;
        if (auto h = parse_height(*text))
            add(camera_, "height", scalar(number_text(*h), true, v->loc));
        else
            diag_.error(v->loc,
                        fmt::format("height: expected metres ('5', '5.5 m'), got '{}'", *text));
    }

    // OSM's camera:angle is measured down from the horizontal; tilt is negative down.
    void read_tilt() {
        const YNode* v = tag(tags_, "camera:angle");
        if (!v || given(camera_, "tilt")) return;
        auto text = tag_text(*v, "camera:angle", diag_);
        if (!text) return;
        auto angle = parse_decimal(*text);
        if (!angle || std::fabs(*angle) > 90) {
            diag_.error(v->loc, fmt::format("camera:angle: expected degrees below the horizontal "
                                            "in [-90, 90], got '{}'",
                                            *text));
            return;
        }
        add(camera_, "tilt", scalar(number_text(*angle == 0 ? 0.0 : -*angle), true, v->loc));
    }

    void assume_owner() {
        const YNode* op = tag(tags_, "operator");
        if (op && op->is_scalar())
            assume("owner", "",
                   fmt::format("the site's operator; the operator tag '{}' names no party of "
                               "the site",
                               op->value),
                   fmt::format("取站点的管理单位；operator 标签“{}”不是站点中的单位", op->value));
        else
            assume("owner", "", "the site's operator: no tag names another owner",
                   "取站点的管理单位：无标签指明其他所有者");
    }

    const YNode& tags_;
    YNode& camera_;
    Diagnostics& diag_;
    SourceLocation at_;
    bool no_direction_ = false;
    bool bad_direction_ = false;
    std::vector<Assumption> assumed_;
};

}  // namespace

bool is_osm_camera(const YNode& properties) {
    return properties.is_mapping() && tag_is(properties, "man_made", "surveillance") &&
           tag_is(properties, "surveillance:type", "camera");
}

bool is_osm_camera_tag(std::string_view key) {
    static constexpr std::array<std::string_view, 9> kTags = {
        "man_made",         "surveillance:type", "camera:type",
        "camera:direction", "direction",         "camera:angle",
        "height",           "surveillance:zone", "operator"};
    return std::find(kTags.begin(), kTags.end(), key) != kTags.end();
}

std::optional<double> parse_bearing(std::string_view text) {
    static constexpr std::array<std::string_view, 16> kPoints = {
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
        "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"};
    text = trim(text);
    std::string upper(text);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (std::size_t i = 0; i < kPoints.size(); ++i)
        if (upper == kPoints[i]) return 22.5 * static_cast<double>(i);
    // Degrees within the range of every input angle (model/angle.hpp), taken modulo 360
    // later: 1e308 is not a bearing to reduce, it says no direction at all.
    auto degrees = parse_decimal(text);
    if (degrees && !input_angle_ok(*degrees)) return std::nullopt;
    return degrees;
}

std::optional<Direction> parse_direction(std::string_view text) {
    text = trim(text);
    // A '-' after the first character separates a range ("90-270", "E-W").
    const std::size_t dash = text.find('-', 1);
    if (dash == std::string_view::npos) {
        auto b = parse_bearing(text);
        if (!b) return std::nullopt;
        return Direction{*b, std::nullopt};
    }
    auto from = parse_bearing(text.substr(0, dash));
    auto to = parse_bearing(text.substr(dash + 1));
    if (!from || !to) return std::nullopt;
    return Direction{*from, *to};
}

std::optional<double> parse_height(std::string_view text) {
    text = trim(text);
    if (text.ends_with("m") && !text.ends_with("km")) text = trim(text.substr(0, text.size() - 1));
    auto h = parse_decimal(text);
    if (!h || *h < 0) return std::nullopt;
    return h;
}

std::vector<Assumption> complete_osm_camera(const YNode& tags, YNode& camera, Diagnostics& diag) {
    return OsmCamera(tags, camera, diag).complete();
}

}  // namespace camaudit::io
