#include "io/ifc/module/ifc_properties.hpp"

#include <ifcpp/IFC4/include/IfcIdentifier.h>
#include <ifcpp/IFC4/include/IfcLabel.h>
#include <ifcpp/IFC4/include/IfcObject.h>
#include <ifcpp/IFC4/include/IfcProperty.h>
#include <ifcpp/IFC4/include/IfcPropertyEnumeratedValue.h>
#include <ifcpp/IFC4/include/IfcPropertySet.h>
#include <ifcpp/IFC4/include/IfcPropertySetDefinitionSet.h>
#include <ifcpp/IFC4/include/IfcPropertySingleValue.h>
#include <ifcpp/IFC4/include/IfcRelDefinesByProperties.h>
#include <ifcpp/IFC4/include/IfcRelDefinesByType.h>
#include <ifcpp/IFC4/include/IfcTypeObject.h>
#include <ifcpp/IFC4/include/IfcValue.h>

#include <algorithm>

#include "io/ifc/step_values.hpp"

namespace camaudit::io::ifc {

namespace {

void append_utf8(std::string& out, char32_t c) {
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c <= 0x10FFFF) {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        append_utf8(out, 0xFFFD);
    }
}

// Whether `bytes` is valid UTF-8 (no overlong forms, surrogates or values above U+10FFFF).
bool valid_utf8(const std::string& bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        int extra = 0;
        char32_t value = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            value = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            value = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            value = c & 0x07;
        } else {
            return false;
        }
        if (i + static_cast<std::size_t>(extra) >= bytes.size()) return false;
        for (int k = 1; k <= extra; ++k) {
            const auto d = static_cast<unsigned char>(bytes[i + static_cast<std::size_t>(k)]);
            if ((d & 0xC0) != 0x80) return false;
            value = (value << 6) | (d & 0x3F);
        }
        if ((extra == 2 && value < 0x800) ||
            (extra == 3 && (value < 0x10000 || value > 0x10FFFF)) ||
            (value >= 0xD800 && value <= 0xDFFF))
            return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

std::string text_of(const std::shared_ptr<IfcValue>& value) {
    return value ? utf8_of(value->toString()) : std::string();
}

// The value `argument` of the STEP text: type, text as written, number, boolean.
void read_value(std::string_view argument, const std::shared_ptr<IfcValue>& decoded,
                const Units& units, const std::optional<UnitFactor>& unit, Property& out) {
    const auto value = typed(argument);
    if (!value) return;
    out.type = value->type;
    if (const auto e = step_enum(value->value)) {  // IFCBOOLEAN(.T.), IFCLOGICAL(.U.)
        out.text = *e == "T" ? "TRUE" : *e == "F" ? "FALSE" : *e == "U" ? "UNKNOWN" : *e;
        if (*e == "T" || *e == "F") out.boolean = *e == "T";
    } else if (const auto number = step_number(value->value)) {
        out.text = std::string(value->value);
        out.number = convert_measure(out.type, *number, units, unit);
    } else {
        out.text = text_of(decoded);
    }
}

class PropertyReader {
  public:
    PropertyReader(std::string_view text, const StepIndex& index, const Units& units)
        : text_(text), index_(index), units_(units) {}

    void add_definitions(const std::shared_ptr<IfcPropertySetDefinitionSelect>& definition,
                         bool from_type) {
        if (const auto set = dynamic_pointer_cast<IfcPropertySet>(definition)) {
            add_set(set, from_type);
        } else if (const auto sets =
                       dynamic_pointer_cast<IfcPropertySetDefinitionSet>(definition)) {
            for (const auto& each : sets->m_vec)
                if (const auto set = dynamic_pointer_cast<IfcPropertySet>(each))
                    add_set(set, from_type);
        }
    }

    std::vector<Property> out;

  private:
    void add_set(const std::shared_ptr<IfcPropertySet>& set, bool from_type) {
        const auto set_name = set->m_Name ? utf8_of(set->m_Name->m_value) : std::string();
        for (const auto& property : set->m_HasProperties) {
            if (!property) continue;
            const auto* instance = index_.find(property->m_entity_id);
            if (!instance) continue;
            const auto args = arguments(text_, *instance);
            Property p;
            p.set = set_name;
            p.name = property->m_Name ? utf8_of(property->m_Name->m_value) : std::string();
            p.entity = index_.ref(property->m_entity_id);
            p.from_type = from_type;
            if (const auto single = dynamic_pointer_cast<IfcPropertySingleValue>(property)) {
                if (args.size() < 3) continue;
                read_value(args[2], single->m_NominalValue, units_, unit(args, 3), p);
            } else if (const auto listed =
                           dynamic_pointer_cast<IfcPropertyEnumeratedValue>(property)) {
                std::vector<std::string> texts;
                for (const auto& value : listed->m_EnumerationValues)
                    if (value) texts.push_back(text_of(value));
                if (texts.empty()) continue;
                p.type = "IFCPROPERTYENUMERATEDVALUE";
                for (std::size_t i = 0; i < texts.size(); ++i) p.text += (i ? ", " : "") + texts[i];
            } else {
                continue;  // bounded, list, table, reference and complex properties
            }
            if (!p.type.empty()) out.push_back(std::move(p));
        }
    }

    // The property's own Unit (argument `at`), when it names one camaudit converts.
    std::optional<UnitFactor> unit(const std::vector<std::string_view>& args, std::size_t at) {
        if (args.size() <= at) return std::nullopt;
        const auto id = step_reference(args[at]);
        if (!id) return std::nullopt;
        std::string why;
        return unit_factor(text_, index_, *id, why);
    }

    std::string_view text_;
    const StepIndex& index_;
    const Units& units_;
};

template <typename Rel>
std::vector<std::shared_ptr<Rel>> by_id(const std::vector<std::weak_ptr<Rel>>& weak) {
    std::vector<std::shared_ptr<Rel>> out;
    for (const auto& w : weak)
        if (auto rel = w.lock()) out.push_back(std::move(rel));
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a->m_entity_id < b->m_entity_id; });
    return out;
}

}  // namespace

std::string utf8_of(const std::wstring& text) {
    std::string out;
    std::string raw;  // a run of raw bytes
    auto flush = [&] {
        if (raw.empty()) return;
        if (valid_utf8(raw))
            out += raw;
        else
            for (const char b : raw) append_utf8(out, static_cast<unsigned char>(b));
        raw.clear();
    };
    for (const wchar_t w : text) {
        const auto c = static_cast<std::int64_t>(w);
        if (c < 0 && c >= -128) {  // a byte ≥ 0x80 widened with its sign
            raw += static_cast<char>(c & 0xFF);
            continue;
        }
        flush();
        append_utf8(out, c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
    }
    flush();
    return out;
}

std::vector<Property> read_properties(const std::shared_ptr<IfcObject>& object,
                                      std::string_view text, const StepIndex& index,
                                      const Units& units) {
    PropertyReader reader(text, index, units);
    for (const auto& rel : by_id(object->m_IsDefinedBy_inverse))
        reader.add_definitions(rel->m_RelatingPropertyDefinition, false);
    for (const auto& rel : by_id(object->m_IsTypedBy_inverse))
        if (rel->m_RelatingType)
            for (const auto& definition : rel->m_RelatingType->m_HasPropertySets)
                reader.add_definitions(definition, true);
    return std::move(reader.out);
}

}  // namespace camaudit::io::ifc
