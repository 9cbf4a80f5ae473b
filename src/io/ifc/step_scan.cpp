#include "io/ifc/step_scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <unordered_map>
#include <utility>

namespace camaudit::io::ifc {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
char upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// What went wrong while reading one statement.
enum class Fault { none, truncated, syntax, too_deep };

struct Cursor {
    std::string_view text;
    std::size_t pos = 0;
    int line = 1;

    bool at_end() const { return pos >= text.size(); }
    char peek() const { return pos < text.size() ? text[pos] : '\0'; }

    // Moves to `to`, counting the lines passed.
    void move_to(std::size_t to) {
        line += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(pos),
                                            text.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
        pos = to;
    }

    // Skips blanks and comments; false when a comment is never closed (then at the end).
    bool skip_space() {
        while (pos < text.size()) {
            const char c = text[pos];
            if (c == '\n') {
                ++line;
                ++pos;
            } else if (is_space(c)) {
                ++pos;
            } else if (c == '/' && pos + 1 < text.size() && text[pos + 1] == '*') {
                const auto close = text.find("*/", pos + 2);
                if (close == std::string_view::npos) {
                    move_to(text.size());
                    return false;
                }
                move_to(close + 2);
            } else {
                break;
            }
        }
        return true;
    }

    // A keyword: letters, digits, '_', and '-' where `dashes` (ISO-10303-21); in capitals.
    // A user-defined one starts with '!'. Empty when none starts here.
    std::string keyword(bool dashes = false) {
        std::string out;
        if (pos < text.size() && text[pos] == '!') out += text[pos++];
        while (pos < text.size()) {
            const char c = text[pos];
            if (is_letter(c) || is_digit(c) || c == '_' || (dashes && c == '-')) {
                out += upper(c);
                ++pos;
            } else {
                break;
            }
        }
        return out;
    }

    // Past a string or binary literal that starts at `pos` (its quote); false when it never
    // ends. A quote inside a STEP string is written twice.
    bool skip_literal() {
        const char quote = text[pos];
        std::size_t at = pos + 1;
        while (true) {
            const auto close = text.find(quote, at);
            if (close == std::string_view::npos) {
                move_to(text.size());
                return false;
            }
            if (quote == '\'' && close + 1 < text.size() && text[close + 1] == '\'') {
                at = close + 2;
                continue;
            }
            move_to(close + 1);
            return true;
        }
    }

    // Past a parenthesised parameter list starting at `pos` (its '('), through the matching
    // ')'. `detail` says what is wrong when the result is not Fault::none.
    Fault skip_params(std::string& detail) {
        int depth = 0;
        while (true) {
            if (!skip_space() || at_end()) {
                detail = "the file ends inside the parameters";
                return Fault::truncated;
            }
            const char c = text[pos];
            if (c == '(') {
                if (++depth > kMaxNesting) {
                    detail = fmt::format("parameters nested deeper than {}", kMaxNesting);
                    return Fault::too_deep;
                }
                ++pos;
            } else if (c == ')') {
                ++pos;
                if (--depth == 0) return Fault::none;
            } else if (c == '\'' || c == '"') {
                if (!skip_literal()) {
                    detail = "a string that is never closed";
                    return Fault::truncated;
                }
            } else if (c == '#') {
                ++pos;
                if (!is_digit(peek())) {
                    detail = "'#' without an instance number";
                    return Fault::syntax;
                }
                while (is_digit(peek())) ++pos;
            } else if (is_letter(c) || is_digit(c) || c == '.' || c == ',' || c == '+' ||
                       c == '-' || c == '$' || c == '*' || c == '_' || c == '!') {
                ++pos;
            } else if (c == ';') {
                detail = "';' before the parameters are closed";
                return Fault::syntax;
            } else {
                detail = fmt::format("unexpected character '{}' in the parameters", c);
                return Fault::syntax;
            }
        }
    }
};

// The schema a FILE_SCHEMA name designates, if camaudit reads it: IFC2X3 (and its technical
// corrigendum IFC2X3_TC1), IFC4 and its addenda (IFC4_ADD1, IFC4ADD2_TC1); not IFC4X1..X3.
bool classify_schema(const std::string& name, Schema& schema) {
    if (name == "IFC2X3" || name.rfind("IFC2X3_", 0) == 0) {
        schema = Schema::ifc2x3;
        return true;
    }
    if (name == "IFC4" || name.rfind("IFC4_", 0) == 0 || name.rfind("IFC4ADD", 0) == 0) {
        schema = Schema::ifc4;
        return true;
    }
    return false;
}

// The first string inside the parameters [from, to): FILE_SCHEMA(('IFC2X3')).
std::string first_string(std::string_view text, std::size_t from, std::size_t to) {
    const auto open = text.find('\'', from);
    if (open == std::string_view::npos || open >= to) return {};
    const auto close = text.find('\'', open + 1);
    if (close == std::string_view::npos || close >= to) return {};
    std::string out;
    for (auto i = open + 1; i < close; ++i)
        if (!is_space(text[i])) out += upper(text[i]);
    return out;
}

class Scanner {
  public:
    Scanner(std::string_view text, std::vector<Problem>& problems)
        : cur_{text}, problems_(problems) {}

    StepIndex run() {
        if (read_header() && read_sections()) check_references();
        return std::move(index_);
    }

  private:
    Cursor cur_;
    std::vector<Problem>& problems_;
    StepIndex index_;
    std::unordered_map<std::string, std::uint32_t> type_ids_;

    bool fail(ProblemKind kind, int line, std::string detail, EntityRef entity = {}) {
        add_problem(problems_, Problem{kind, std::move(entity), line, std::move(detail)});
        return false;
    }

    bool expect_semicolon(const char* after) {
        if (!cur_.skip_space() || cur_.at_end())
            return fail(ProblemKind::truncated, cur_.line,
                        fmt::format("the file ends after {}", after));
        if (cur_.peek() != ';')
            return fail(ProblemKind::syntax, cur_.line,
                        fmt::format("';' expected after {}", after));
        ++cur_.pos;
        return true;
    }

    bool read_header() {
        if (cur_.text.substr(0, 3) == "\xEF\xBB\xBF") cur_.pos = 3;  // a UTF-8 byte order mark
        cur_.skip_space();
        if (cur_.keyword(true) != "ISO-10303-21" || !expect_semicolon("ISO-10303-21"))
            return not_step();
        cur_.skip_space();
        if (cur_.keyword() != "HEADER" || !expect_semicolon("HEADER")) return not_step();
        while (true) {
            if (!cur_.skip_space() || cur_.at_end())
                return fail(ProblemKind::truncated, cur_.line, "the file ends in its HEADER");
            const int line = cur_.line;
            const auto name = cur_.keyword();
            if (name.empty())
                return fail(ProblemKind::syntax, line, "a header entry expected (FILE_SCHEMA …)");
            if (name == "ENDSEC") {
                if (!expect_semicolon("ENDSEC")) return false;
                break;
            }
            cur_.skip_space();
            if (cur_.peek() != '(')
                return fail(ProblemKind::syntax, cur_.line,
                            fmt::format("'(' expected after {}", name));
            const auto from = cur_.pos;
            std::string detail;
            if (const auto fault = cur_.skip_params(detail); fault != Fault::none)
                return fail(fault_kind(fault), cur_.line, fmt::format("{}: {}", name, detail));
            if (!expect_semicolon(name.c_str())) return false;
            if (name == "FILE_SCHEMA" && index_.schema_line == 0) {
                index_.schema_name = first_string(cur_.text, from, cur_.pos);
                index_.schema_line = line;
            }
        }
        if (index_.schema_line == 0)
            return fail(ProblemKind::unsupported_schema, 1, "the HEADER has no FILE_SCHEMA");
        if (!classify_schema(index_.schema_name, index_.schema))
            return fail(ProblemKind::unsupported_schema, index_.schema_line,
                        fmt::format("FILE_SCHEMA is '{}', not IFC2X3 or IFC4", index_.schema_name));
        return true;
    }

    bool not_step() {
        return fail(ProblemKind::not_step, cur_.line,
                    "not an ISO 10303-21 (STEP) file: it must start with ISO-10303-21; HEADER;");
    }

    static ProblemKind fault_kind(Fault fault) {
        switch (fault) {
            case Fault::truncated:
                return ProblemKind::truncated;
            case Fault::too_deep:
                return ProblemKind::too_complex;
            default:
                return ProblemKind::syntax;
        }
    }

    // DATA sections up to END-ISO-10303-21; what follows that is not read.
    bool read_sections() {
        bool data = false;
        while (true) {
            if (!cur_.skip_space() || cur_.at_end())
                return fail(ProblemKind::truncated, cur_.line,
                            "the file ends before END-ISO-10303-21;");
            const int line = cur_.line;
            const auto name = cur_.keyword(true);
            if (name == "END-ISO-10303-21") {
                if (!expect_semicolon(name.c_str())) return false;
                break;
            }
            if (name != "DATA")
                return fail(ProblemKind::syntax, line, "DATA; or END-ISO-10303-21; expected");
            cur_.skip_space();
            if (cur_.peek() == '(') {  // DATA('name', ('schema')); of STEP's third edition
                std::string detail;
                if (const auto fault = cur_.skip_params(detail); fault != Fault::none)
                    return fail(fault_kind(fault), cur_.line, fmt::format("DATA: {}", detail));
            }
            if (!expect_semicolon("DATA") || !read_instances()) return false;
            data = true;
        }
        if (!data) return fail(ProblemKind::not_step, 1, "the file has no DATA section");
        return sort_instances();
    }

    bool read_instances() {
        while (true) {
            if (!cur_.skip_space() || cur_.at_end())
                return fail(ProblemKind::truncated, cur_.line,
                            "the file ends in its DATA section, before ENDSEC;");
            if (cur_.peek() != '#') {
                const int line = cur_.line;
                if (cur_.keyword() == "ENDSEC") return expect_semicolon("ENDSEC");
                return fail(ProblemKind::syntax, line, "an instance (#n = …;) expected");
            }
            if (!read_instance()) return false;
        }
    }

    bool read_instance() {
        StepInstance instance;
        instance.line = cur_.line;
        instance.begin = cur_.pos;
        ++cur_.pos;  // '#'
        long long id = 0;
        if (!is_digit(cur_.peek()))
            return fail(ProblemKind::syntax, cur_.line, "'#' without an instance number");
        while (is_digit(cur_.peek())) {
            id = id * 10 + (cur_.text[cur_.pos++] - '0');
            if (id > INT_MAX)
                return fail(ProblemKind::syntax, cur_.line, "instance number too large");
        }
        if (id == 0) return fail(ProblemKind::syntax, cur_.line, "instance number #0");
        instance.id = static_cast<int>(id);
        EntityRef self{instance.id, instance.line, ""};
        if (!cur_.skip_space() || cur_.at_end())
            return fail(ProblemKind::truncated, instance.line, "the file ends in an instance",
                        self);
        if (cur_.peek() != '=')
            return fail(ProblemKind::syntax, cur_.line, fmt::format("'=' expected after #{}", id),
                        self);
        ++cur_.pos;
        cur_.skip_space();
        std::string type;  // empty: a complex instance, #n = (A(...) B(...));
        if (cur_.peek() != '(') {
            type = cur_.keyword();
            self.type = type;
            if (type.empty() || !(is_letter(type[0]) || type[0] == '!'))
                return fail(ProblemKind::syntax, cur_.line, "a class name expected", self);
            cur_.skip_space();
            if (cur_.at_end())
                return fail(ProblemKind::truncated, instance.line, "the file ends in an instance",
                            self);
            if (cur_.peek() != '(')
                return fail(ProblemKind::syntax, cur_.line,
                            fmt::format("'(' expected after {}", type), self);
        }
        instance.params = cur_.pos;
        std::string detail;
        if (const auto fault = cur_.skip_params(detail); fault != Fault::none)
            return fail(fault_kind(fault), fault == Fault::truncated ? instance.line : cur_.line,
                        detail, self);
        if (!cur_.skip_space() || cur_.at_end())
            return fail(ProblemKind::truncated, instance.line, "the file ends in an instance",
                        self);
        if (cur_.peek() != ';')
            return fail(ProblemKind::syntax, cur_.line, "';' expected after the parameters", self);
        ++cur_.pos;
        instance.end = cur_.pos;
        instance.type = intern(type);
        if (index_.instances.size() >= kMaxInstances)
            return fail(ProblemKind::too_complex, instance.line,
                        fmt::format("more than {} instances", kMaxInstances), self);
        index_.instances.push_back(instance);
        return true;
    }

    std::uint32_t intern(const std::string& type) {
        const auto [it, added] =
            type_ids_.emplace(type, static_cast<std::uint32_t>(index_.type_names.size()));
        if (added) index_.type_names.push_back(type);
        return it->second;
    }

    bool sort_instances() {
        auto& all = index_.instances;
        std::stable_sort(all.begin(), all.end(),
                         [](const StepInstance& a, const StepInstance& b) { return a.id < b.id; });
        for (std::size_t i = 1; i < all.size(); ++i) {
            if (all[i].id != all[i - 1].id) continue;
            const auto& later = all[i].line > all[i - 1].line ? all[i] : all[i - 1];
            const auto& first = all[i].line > all[i - 1].line ? all[i - 1] : all[i];
            return fail(ProblemKind::syntax, later.line,
                        fmt::format("#{} is defined twice (also on line {})", later.id, first.line),
                        EntityRef{later.id, later.line, index_.type_of(later)});
        }
        return true;
    }

    // Every #n in an instance's parameters must be an instance of the file; then the graph
    // of references must have no cycle and no chain longer than kMaxReferenceDepth, for IFC++
    // follows references by recursion (a cycle or a long chain would overflow its stack).
    void check_references() {
        const auto text = cur_.text;
        const auto& all = index_.instances;
        std::vector<std::size_t> offset(all.size() + 1);
        std::vector<std::uint32_t> target;  // the referenced instances, as indices in `all`
        for (std::size_t i = 0; i < all.size(); ++i) {
            offset[i] = target.size();
            const auto& instance = all[i];
            for (auto pos = instance.params; pos < instance.end; ++pos) {
                const char c = text[pos];
                if (c == '\'' || c == '"') {
                    Cursor literal{text, pos, 0};
                    literal.skip_literal();
                    pos = literal.pos - 1;
                } else if (c == '/' && pos + 1 < instance.end && text[pos + 1] == '*') {
                    const auto close = text.find("*/", pos + 2);  // closed: scanned before
                    if (close == std::string_view::npos) break;
                    pos = close + 1;
                } else if (c == '#') {
                    long long id = 0;
                    while (pos + 1 < instance.end && is_digit(text[pos + 1]) && id <= INT_MAX)
                        id = id * 10 + (text[++pos] - '0');
                    const auto* to = id > INT_MAX ? nullptr : index_.find(static_cast<int>(id));
                    if (to)
                        target.push_back(static_cast<std::uint32_t>(to - all.data()));
                    else
                        add_problem(
                            problems_,
                            Problem{ProblemKind::dangling_reference, ref_of(instance),
                                    instance.line,
                                    fmt::format("#{} refers to #{}, which the file does not "
                                                "define",
                                                instance.id, id)});
                }
            }
        }
        offset[all.size()] = target.size();
        if (check_depth(offset, target)) {
            index_.reference_offsets = std::move(offset);
            index_.references = std::move(target);
        }
    }

    EntityRef ref_of(const StepInstance& instance) const {
        return {instance.id, instance.line, index_.type_of(instance)};
    }

    // Depth-first, iteratively: `height` is 0 before a visit, -1 while on the path, then
    // the length of the longest chain of references from the instance.
    bool check_depth(const std::vector<std::size_t>& offset,
                     const std::vector<std::uint32_t>& target) {
        const auto& all = index_.instances;
        std::vector<int> height(all.size(), 0);
        std::vector<std::pair<std::uint32_t, std::size_t>> path;  // instance, next reference
        for (std::uint32_t root = 0; root < all.size(); ++root) {
            if (height[root] != 0) continue;
            path.push_back({root, offset[root]});
            height[root] = -1;
            while (!path.empty()) {
                auto& [at, next] = path.back();
                if (next < offset[at + 1]) {
                    const auto to = target[next++];
                    if (height[to] == -1) {
                        fail(ProblemKind::too_complex, all[at].line,
                             fmt::format("#{} refers to #{}, which leads back to it: a cycle",
                                         all[at].id, all[to].id),
                             ref_of(all[at]));
                        return false;
                    }
                    if (height[to] == 0) {
                        height[to] = -1;
                        path.push_back({to, offset[to]});
                    }
                    continue;
                }
                int h = 1;
                for (auto e = offset[at]; e < offset[at + 1]; ++e)
                    h = std::max(h, height[target[e]] + 1);
                height[at] = h;
                if (h > kMaxReferenceDepth) {
                    fail(ProblemKind::too_complex, all[at].line,
                         fmt::format("#{} starts a chain of more than {} references", all[at].id,
                                     kMaxReferenceDepth),
                         ref_of(all[at]));
                    return false;
                }
                index_.post_order.push_back(at);
                path.pop_back();
            }
        }
        return true;
    }
};

}  // namespace

const StepInstance* StepIndex::find(int id) const {
    const auto it = std::lower_bound(instances.begin(), instances.end(), id,
                                     [](const StepInstance& a, int b) { return a.id < b; });
    return it != instances.end() && it->id == id ? &*it : nullptr;
}

std::vector<int> StepIndex::reaching(const std::vector<bool>& seeds) const {
    std::vector<int> out(instances.size(), -1);
    if (reference_offsets.size() != instances.size() + 1) return out;
    for (const auto at : post_order) {  // what an instance refers to comes before it
        if (seeds[at]) {
            out[at] = static_cast<int>(at);
            continue;
        }
        for (auto e = reference_offsets[at]; e < reference_offsets[at + 1] && out[at] < 0; ++e)
            out[at] = out[references[e]];
    }
    return out;
}

EntityRef StepIndex::ref(int id) const {
    if (const auto* instance = find(id)) return {id, instance->line, type_of(*instance)};
    return {id, 0, ""};
}

StepIndex scan_step(std::string_view text, std::vector<Problem>& problems) {
    return Scanner(text, problems).run();
}

std::string text_for_reader(std::string_view text, const StepIndex& index) {
    std::string out = fmt::format(
        "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\nFILE_NAME('','',(''),(''),'','',"
        "'');\nFILE_SCHEMA(('{}'));\nENDSEC;\nDATA;\n",
        index.schema == Schema::ifc2x3 ? "IFC2X3" : "IFC4");
    std::size_t size = out.size() + 30;
    for (const auto& instance : index.instances) size += instance.end - instance.begin + 1;
    out.reserve(size);
    for (const auto& instance : index.instances) {
        for (auto pos = instance.begin; pos < instance.end; ++pos) {
            const char c = text[pos];
            if (c == '\'' || c == '"') {  // a literal, copied whole ('' inside a string)
                Cursor literal{text, pos, 0};
                literal.skip_literal();
                out.append(text.substr(pos, literal.pos - pos));
                pos = literal.pos - 1;
            } else if (c == '/' && pos + 1 < instance.end && text[pos + 1] == '*') {
                pos = text.find("*/", pos + 2) + 1;  // closed: scanned before
                out += ' ';
            } else {
                out += c;
            }
        }
        out += '\n';
    }
    out += "ENDSEC;\nEND-ISO-10303-21;\n";
    return out;
}

Problem file_problem(ProblemKind kind, std::string detail, int line) {
    Problem out;
    out.kind = kind;
    out.line = line;
    out.detail = std::move(detail);
    return out;
}

void add_problem(std::vector<Problem>& problems, Problem problem) {
    if (problems.size() >= kMaxProblems && !is_fatal(problem.kind)) return;
    problems.push_back(std::move(problem));
}

}  // namespace camaudit::io::ifc
