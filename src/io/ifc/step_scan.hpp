// A check of an ISO 10303-21 (STEP) file's structure before IFC++ reads it, and the index
// that gives every instance its line: IFC++ knows neither. It finds what IFC++ would misread
// or choke on, each as a structured problem with its line and instance: a file that is not
// STEP, a schema other than IFC2X3 or IFC4, a truncated file, a malformed or repeated
// instance, nesting deeper than kMaxNesting, references to instances that do not exist.
//
// One pass over the bytes, then one over the instances' parameters; memory is about 40 bytes
// an instance. Pure C++: no IFC++, so that camaudit's tests use it directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/ifc/ifc_model.hpp"

namespace camaudit::io::ifc {

struct StepInstance {
    int id = 0;
    int line = 0;            // of its `#`
    std::uint32_t type = 0;  // index in StepIndex::type_names
    std::size_t params = 0;  // offset of the `(` after its type
    std::size_t end = 0;     // offset just after its `;`
};

class StepIndex {
  public:
    std::string schema_name;  // the first name in FILE_SCHEMA, as written (IFC2X3)
    int schema_line = 0;
    Schema schema = Schema::ifc4;
    std::vector<StepInstance> instances;  // sorted by id
    std::vector<std::string> type_names;  // in capitals; "" for a complex instance

    // The instance #id, or nullptr.
    const StepInstance* find(int id) const;
    // #id with its line and class, as Problem and the model name entities (line 0 and an
    // empty class when the file has no such instance).
    EntityRef ref(int id) const;
    const std::string& type_of(const StepInstance& instance) const {
        return type_names[instance.type];
    }
};

// Checks `text` and indexes its instances. Appends problems; fatal ones (is_fatal) mean the
// text must not be handed to IFC++. At most kMaxProblems problems are kept.
StepIndex scan_step(std::string_view text, std::vector<Problem>& problems);

// A problem of the file as a whole (no instance), at `line` (0: the file).
Problem file_problem(ProblemKind kind, std::string detail, int line = 0);

// Appends `problem` unless `problems` already holds kMaxProblems (then the last one says so).
void add_problem(std::vector<Problem>& problems, Problem problem);

}  // namespace camaudit::io::ifc
