#include "io/ifc/model_codec.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace camaudit::io::ifc {

namespace {

// Every field of every struct, for both directions. A field added to ifc_model.hpp must be
// added here: the sizes below stop the build until it is (x86-64, the platform built for).
static_assert(sizeof(EntityRef) == 40 && sizeof(Storey) == 128 && sizeof(Space) == 192 &&
                  sizeof(WallElement) == 192 && sizeof(Property) == 200 && sizeof(Camera) == 248 &&
                  sizeof(MapConversion) == 128 && sizeof(Problem) == 88 && sizeof(Units) == 32,
              "ifc_model.hpp changed: update the fields in model_codec.cpp");

template <typename V, typename T>
void fields(V& v, T& e) requires std::is_same_v<std::remove_const_t<T>, EntityRef> {
    v(e.id), v(e.line), v(e.type);
}
template <typename V, typename T>
void fields(V& v, T& p) requires std::is_same_v<std::remove_const_t<T>, Point2> {
    v(p.x), v(p.y);
}
template <typename V, typename T>
void fields(V& v, T& p) requires std::is_same_v<std::remove_const_t<T>, Polygon> {
    v(p.outer), v(p.holes);
}
template <typename V, typename T>
void fields(V& v, T& u) requires std::is_same_v<std::remove_const_t<T>, Units> {
    v(u.length), v(u.area), v(u.angle), v(u.length_declared);
}
template <typename V, typename T>
void fields(V& v, T& s) requires std::is_same_v<std::remove_const_t<T>, Storey> {
    v(s.entity), v(s.global_id), v(s.name), v(s.elevation), v(s.base), v(s.has_elevation);
}
template <typename V, typename T>
void fields(V& v, T& s) requires std::is_same_v<std::remove_const_t<T>, Space> {
    v(s.entity), v(s.global_id), v(s.name), v(s.long_name), v(s.storey), v(s.footprint),
        v(s.source), v(s.bottom), v(s.top);
}
template <typename V, typename T>
void fields(V& v, T& w) requires std::is_same_v<std::remove_const_t<T>, WallElement> {
    v(w.entity), v(w.global_id), v(w.name), v(w.wall_class), v(w.glazed), v(w.storey),
        v(w.polygons), v(w.lines), v(w.has_body), v(w.bottom), v(w.top);
}
template <typename V, typename T>
void fields(V& v, T& p) requires std::is_same_v<std::remove_const_t<T>, Property> {
    v(p.set), v(p.name), v(p.type), v(p.text), v(p.number), v(p.boolean), v(p.entity),
        v(p.from_type);
}
template <typename V, typename T>
void fields(V& v, T& c) requires std::is_same_v<std::remove_const_t<T>, Camera> {
    v(c.entity), v(c.global_id), v(c.name), v(c.tag), v(c.object_type), v(c.appliance), v(c.storey),
        v(c.x), v(c.y), v(c.z), v(c.height), v(c.azimuth), v(c.properties);
}
template <typename V, typename T>
void fields(V& v, T& m) requires std::is_same_v<std::remove_const_t<T>, MapConversion> {
    v(m.entity), v(m.eastings), v(m.northings), v(m.orthogonal_height), v(m.x_axis_abscissa),
        v(m.x_axis_ordinate), v(m.scale), v(m.target_crs), v(m.map_unit);
}
template <typename V, typename T>
void fields(V& v, T& p) requires std::is_same_v<std::remove_const_t<T>, Problem> {
    v(p.kind), v(p.entity), v(p.line), v(p.detail);
}
template <typename V, typename T>
void fields(V& v, T& m) requires std::is_same_v<std::remove_const_t<T>, Model> {
    v(m.schema), v(m.schema_name), v(m.units), v(m.storeys), v(m.spaces), v(m.walls), v(m.cameras),
        v(m.map_conversion), v(m.problems);
}

// The largest value of each enumeration.
constexpr int largest(Schema) {
    return static_cast<int>(Schema::ifc4);
}
constexpr int largest(FootprintSource) {
    return static_cast<int>(FootprintSource::footprint_curve);
}
constexpr int largest(WallClass) {
    return static_cast<int>(WallClass::plate);
}
constexpr int largest(ProblemKind) {
    return static_cast<int>(ProblemKind::bad_value);
}

class Encoder {
  public:
    std::string out;

    template <typename T>
    void operator()(const T& value) {
        if constexpr (std::is_enum_v<T>) {
            raw(static_cast<std::int32_t>(value));
        } else if constexpr (std::is_same_v<T, bool>) {
            raw(static_cast<std::uint8_t>(value));
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, double>) {
            raw(value);
        } else if constexpr (std::is_same_v<T, std::string>) {
            raw(static_cast<std::uint64_t>(value.size()));
            out += value;
        } else {
            fields(*this, value);
        }
    }
    template <typename T>
    void operator()(const std::vector<T>& values) {
        raw(static_cast<std::uint64_t>(values.size()));
        for (const auto& v : values) (*this)(v);
    }
    template <typename T>
    void operator()(const std::optional<T>& value) {
        (*this)(value.has_value());
        if (value) (*this)(*value);
    }

  private:
    template <typename T>
    void raw(T value) {
        char bytes[sizeof(T)];
        std::memcpy(bytes, &value, sizeof(T));
        out.append(bytes, sizeof(T));
    }
};

class Decoder {
  public:
    explicit Decoder(std::string_view in) : in_(in) {}
    bool ok = true;

    bool done() const { return ok && at_ == in_.size(); }

    template <typename T>
    void operator()(T& value) {
        if (!ok) return;
        if constexpr (std::is_enum_v<T>) {
            std::int32_t v = 0;
            raw(v);
            ok = ok && v >= 0 && v <= largest(T{});
            value = static_cast<T>(v);
        } else if constexpr (std::is_same_v<T, bool>) {
            std::uint8_t v = 0;
            raw(v);
            ok = ok && v <= 1;
            value = v == 1;
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, double>) {
            raw(value);
        } else if constexpr (std::is_same_v<T, std::string>) {
            const auto n = count(1);
            if (ok) value.assign(in_.substr(at_, n)), at_ += n;
        } else {
            fields(*this, value);
        }
    }
    template <typename T>
    void operator()(std::vector<T>& values) {
        const auto n = count(1);  // every element takes a byte at least
        values.clear();
        for (std::size_t i = 0; ok && i < n; ++i) (*this)(values.emplace_back());
    }
    template <typename T>
    void operator()(std::optional<T>& value) {
        bool has = false;
        (*this)(has);
        value.reset();
        if (ok && has) (*this)(value.emplace());
    }

  private:
    template <typename T>
    void raw(T& value) {
        if (!ok || in_.size() - at_ < sizeof(T)) {
            ok = false;
            return;
        }
        std::memcpy(&value, in_.data() + at_, sizeof(T));
        at_ += sizeof(T);
    }
    // A count of elements of at least `size` bytes each, within what is left.
    std::size_t count(std::size_t size) {
        std::uint64_t n = 0;
        raw(n);
        ok = ok && n <= (in_.size() - at_) / size;
        return ok ? static_cast<std::size_t>(n) : 0;
    }

    std::string_view in_;
    std::size_t at_ = 0;
};

}  // namespace

std::string encode_model(const Model& model) {
    Encoder e;
    e(model);
    return std::move(e.out);
}

std::optional<Model> decode_model(std::string_view bytes) {
    Model model;
    Decoder d(bytes);
    d(model);
    if (!d.done()) return std::nullopt;
    return model;
}

}  // namespace camaudit::io::ifc
