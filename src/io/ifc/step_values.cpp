#include "io/ifc/step_values.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <numbers>

namespace camaudit::io::ifc {

namespace {

bool blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// The items of a parenthesised list, split at its top-level commas, as `arguments` does.
std::vector<std::string_view> split(std::string_view text, std::size_t open, std::size_t end) {
    std::vector<std::string_view> out;
    int depth = 0;
    std::size_t start = open + 1;
    for (auto pos = open; pos < end; ++pos) {
        const char c = text[pos];
        if (c == '\'' || c == '"') {  // a literal; '' is a quote inside a string
            for (++pos; pos < end; ++pos) {
                if (text[pos] != c) continue;
                if (c == '\'' && pos + 1 < end && text[pos + 1] == '\'') {
                    ++pos;
                    continue;
                }
                break;
            }
        } else if (c == '/' && pos + 1 < end && text[pos + 1] == '*') {
            const auto close = text.find("*/", pos + 2);
            if (close == std::string_view::npos || close >= end) break;
            pos = close + 1;
        } else if (c == '(') {
            ++depth;
        } else if (c == ')') {
            if (--depth == 0) {
                const auto item = trim(text.substr(start, pos - start));
                if (!item.empty() || !out.empty()) out.push_back(item);
                return out;
            }
        } else if (c == ',' && depth == 1) {
            out.push_back(trim(text.substr(start, pos - start)));
            start = pos + 1;
        }
    }
    return out;  // unclosed: only what was complete
}

double prefix_value(const std::string& prefix) {
    static const std::pair<const char*, double> kPrefixes[] = {
        {"EXA", 1e18},  {"PETA", 1e15},  {"TERA", 1e12},   {"GIGA", 1e9},
        {"MEGA", 1e6},  {"KILO", 1e3},   {"HECTO", 1e2},   {"DECA", 1e1},
        {"DECI", 1e-1}, {"CENTI", 1e-2}, {"MILLI", 1e-3},  {"MICRO", 1e-6},
        {"NANO", 1e-9}, {"PICO", 1e-12}, {"FEMTO", 1e-15}, {"ATTO", 1e-18}};
    for (const auto& [name, value] : kPrefixes)
        if (prefix == name) return value;
    return 0;
}

Dimension dimension_of(const std::string& unit_type) {
    if (unit_type == "LENGTHUNIT") return Dimension::length;
    if (unit_type == "AREAUNIT") return Dimension::area;
    if (unit_type == "PLANEANGLEUNIT") return Dimension::angle;
    return Dimension::other;
}

std::optional<UnitFactor> si_unit(const std::vector<std::string_view>& args, std::string& why) {
    if (args.size() < 4) {
        why = "IFCSIUNIT needs 4 arguments";
        return std::nullopt;
    }
    const auto type = step_enum(args[1]);
    const auto name = step_enum(args[3]);
    if (!type || !name) {
        why = "IFCSIUNIT without a unit type or name";
        return std::nullopt;
    }
    UnitFactor out{dimension_of(*type), 1};
    const auto dimension_of_name = *name == "METRE"          ? Dimension::length
                                   : *name == "SQUARE_METRE" ? Dimension::area
                                   : *name == "RADIAN"       ? Dimension::angle
                                                             : Dimension::other;
    if (out.dimension == Dimension::other) return out;
    if (dimension_of_name != out.dimension) {
        why = fmt::format("a {} in {}", *type, *name);
        return std::nullopt;
    }
    if (out.dimension == Dimension::angle) out.factor = 180 / std::numbers::pi;
    if (const auto prefix = step_enum(args[2])) {
        const double p = prefix_value(*prefix);
        if (p == 0) {
            why = fmt::format("unknown prefix {}", *prefix);
            return std::nullopt;
        }
        out.factor *= out.dimension == Dimension::area ? p * p : p;
    }
    return out;
}

std::optional<UnitFactor> unit_factor_at(std::string_view text, const StepIndex& index, int id,
                                         std::string& why, int depth) {
    const auto* instance = index.find(id);
    if (!instance) {
        why = fmt::format("#{} does not exist", id);
        return std::nullopt;
    }
    const auto& type = index.type_of(*instance);
    const auto args = arguments(text, *instance);
    if (type == "IFCSIUNIT") return si_unit(args, why);
    if (type != "IFCCONVERSIONBASEDUNIT") {
        why = fmt::format("{} is not converted", type);
        return std::nullopt;
    }
    if (args.size() < 4 || depth > 8) {
        why = "IFCCONVERSIONBASEDUNIT needs 4 arguments";
        return std::nullopt;
    }
    const auto unit_type = step_enum(args[1]);
    const auto measure_id = step_reference(args[3]);
    const auto* measure = measure_id ? index.find(*measure_id) : nullptr;
    if (!unit_type || !measure || index.type_of(*measure) != "IFCMEASUREWITHUNIT") {
        why = "IFCCONVERSIONBASEDUNIT without a unit type or an IFCMEASUREWITHUNIT";
        return std::nullopt;
    }
    const auto measure_args = arguments(text, *measure);
    if (measure_args.size() < 2) {
        why = "IFCMEASUREWITHUNIT needs 2 arguments";
        return std::nullopt;
    }
    const auto value_typed = typed(measure_args[0]);
    const auto value = step_number(value_typed ? value_typed->value : measure_args[0]);
    const auto base_id = step_reference(measure_args[1]);
    if (!value || !base_id) {
        why = "IFCMEASUREWITHUNIT without a number or a unit";
        return std::nullopt;
    }
    const auto base = unit_factor_at(text, index, *base_id, why, depth + 1);
    if (!base) return std::nullopt;
    UnitFactor out{dimension_of(*unit_type), *value * base->factor};
    if (out.dimension != Dimension::other && base->dimension != out.dimension) {
        why = fmt::format("a {} converted from another kind of unit", *unit_type);
        return std::nullopt;
    }
    return out;
}

}  // namespace

std::vector<std::string_view> arguments(std::string_view text, const StepInstance& instance) {
    if (instance.params >= instance.end || text[instance.params] != '(') return {};
    return split(text, instance.params, instance.end);
}

std::vector<std::string_view> list_items(std::string_view list) {
    list = trim(list);
    if (list.empty() || list.front() != '(') return {};
    return split(list, 0, list.size());
}

std::optional<Typed> typed(std::string_view argument) {
    argument = trim(argument);
    const auto open = argument.find('(');
    if (open == 0 || open == std::string_view::npos || argument.back() != ')') return std::nullopt;
    Typed out;
    for (const char c : trim(argument.substr(0, open))) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_'))
            return std::nullopt;
        out.type += upper(c);
    }
    out.value = trim(argument.substr(open + 1, argument.size() - open - 2));
    return out;
}

std::optional<double> step_number(std::string_view literal) {
    literal = trim(literal);
    if (!literal.empty() && literal.front() == '+') literal.remove_prefix(1);
    // STEP's grammar only: digits, a point, an exponent; no inf, nan, hex or bare point.
    std::size_t i = 0;
    if (i < literal.size() && literal[i] == '-') ++i;
    const auto digits_from = i;
    while (i < literal.size() && literal[i] >= '0' && literal[i] <= '9') ++i;
    if (i == digits_from) return std::nullopt;
    std::string normal(literal.substr(0, i));
    if (i < literal.size() && literal[i] == '.') {
        normal += '.';
        for (++i; i < literal.size() && literal[i] >= '0' && literal[i] <= '9'; ++i)
            normal += literal[i];
        if (normal.back() == '.') normal += '0';
    }
    if (i < literal.size() && (literal[i] == 'E' || literal[i] == 'e')) {
        normal += 'e';
        ++i;
        if (i < literal.size() && (literal[i] == '-' || literal[i] == '+')) normal += literal[i++];
        const auto exponent_from = i;
        while (i < literal.size() && literal[i] >= '0' && literal[i] <= '9') normal += literal[i++];
        if (i == exponent_from) return std::nullopt;
    }
    if (i != literal.size()) return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(normal.data(), normal.data() + normal.size(), value);
    if (error != std::errc() || end != normal.data() + normal.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<std::string> step_enum(std::string_view literal) {
    literal = trim(literal);
    if (literal.size() < 3 || literal.front() != '.' || literal.back() != '.') return std::nullopt;
    std::string out;
    for (const char c : literal.substr(1, literal.size() - 2)) out += upper(c);
    return out;
}

std::optional<int> step_reference(std::string_view literal) {
    literal = trim(literal);
    if (literal.size() < 2 || literal.front() != '#') return std::nullopt;
    long long id = 0;
    for (const char c : literal.substr(1)) {
        if (c < '0' || c > '9') return std::nullopt;
        id = id * 10 + (c - '0');
        if (id > 2147483647) return std::nullopt;
    }
    return static_cast<int>(id);
}

std::optional<UnitFactor> unit_factor(std::string_view text, const StepIndex& index, int id,
                                      std::string& why) {
    auto out = unit_factor_at(text, index, id, why, 0);
    if (out && !(std::isfinite(out->factor) && out->factor > 0)) {
        why = "a unit factor that is not a positive number";
        return std::nullopt;
    }
    return out;
}

Units read_units(std::string_view text, const StepIndex& index, std::vector<Problem>& problems) {
    Units units;
    units.angle = 180 / std::numbers::pi;
    bool area = false, angle = false;
    const StepInstance* project = nullptr;
    for (const auto& instance : index.instances)
        if (index.type_of(instance) == "IFCPROJECT") {
            project = &instance;
            break;
        }
    std::vector<std::string_view> unit_refs;
    if (project) {
        const auto args = arguments(text, *project);
        const auto assignment_id = args.size() > 8 ? step_reference(args[8]) : std::nullopt;
        const auto* assignment = assignment_id ? index.find(*assignment_id) : nullptr;
        if (assignment && index.type_of(*assignment) == "IFCUNITASSIGNMENT") {
            const auto assignment_args = arguments(text, *assignment);
            if (!assignment_args.empty()) unit_refs = list_items(assignment_args[0]);
        }
    }
    for (const auto item : unit_refs) {
        const auto id = step_reference(item);
        const auto* unit = id ? index.find(*id) : nullptr;
        // Derived (N/m², lux …), monetary and context-dependent units measure nothing camaudit
        // converts.
        if (!unit || (index.type_of(*unit) != "IFCSIUNIT" &&
                      index.type_of(*unit) != "IFCCONVERSIONBASEDUNIT"))
            continue;
        std::string why;
        const auto factor = unit_factor(text, index, *id, why);
        if (!factor) {
            add_problem(problems, Problem{ProblemKind::unsupported_unit, index.ref(*id),
                                          index.ref(*id).line, fmt::format("{}; 1 assumed", why)});
            continue;
        }
        if (factor->dimension == Dimension::length && !units.length_declared) {
            units.length = factor->factor;
            units.length_declared = true;
        } else if (factor->dimension == Dimension::area && !area) {
            units.area = factor->factor;
            area = true;
        } else if (factor->dimension == Dimension::angle && !angle) {
            units.angle = factor->factor;
            angle = true;
        }
    }
    if (!units.length_declared) {
        const auto where =
            project ? EntityRef{project->id, project->line, "IFCPROJECT"} : EntityRef{};
        add_problem(problems, Problem{ProblemKind::no_length_unit, where, where.line,
                                      project ? "the project names no length unit: metres assumed"
                                              : "the file has no IfcProject: metres assumed"});
    }
    if (!area) units.area = units.length * units.length;
    return units;
}

double convert_measure(const std::string& type, double value, const Units& units,
                       const std::optional<UnitFactor>& unit) {
    if (unit && unit->dimension != Dimension::other) return value * unit->factor;
    if (type == "IFCLENGTHMEASURE" || type == "IFCPOSITIVELENGTHMEASURE" ||
        type == "IFCNONNEGATIVELENGTHMEASURE")
        return value * units.length;
    if (type == "IFCPLANEANGLEMEASURE" || type == "IFCPOSITIVEPLANEANGLEMEASURE")
        return value * units.angle;
    if (type == "IFCAREAMEASURE") return value * units.area;
    return value;
}

}  // namespace camaudit::io::ifc
