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
    std::size_t begin = 0;   // offset of its `#`
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
    // The references of each instance (indices in `instances`): those of instance i are
    // references[reference_offsets[i] .. reference_offsets[i + 1]). Empty after a fatal problem.
    std::vector<std::size_t> reference_offsets;
    std::vector<std::uint32_t> references;
    // Every instance once, each after all it refers to.
    std::vector<std::uint32_t> post_order;

    // The instance #id, or nullptr.
    const StepInstance* find(int id) const;
    // #id with its line and class, as Problem and the model name entities (line 0 and an
    // empty class when the file has no such instance).
    EntityRef ref(int id) const;
    const std::string& type_of(const StepInstance& instance) const {
        return type_names[instance.type];
    }
    std::size_t index_of(const StepInstance& instance) const {
        return static_cast<std::size_t>(&instance - instances.data());
    }
    // For each instance, by index: the index of an instance of `seeds` (true by index) that it
    // is, or refers to directly or through others; -1 for none.
    std::vector<int> reaching(const std::vector<bool>& seeds) const;
};

// Checks `text` and indexes its instances. Appends problems; fatal ones (is_fatal) mean the
// text must not be handed to IFC++. At most kMaxProblems problems are kept.
StepIndex scan_step(std::string_view text, std::vector<Problem>& problems);

// The file as IFC++ is to read it: a header of FILE_DESCRIPTION, FILE_NAME and FILE_SCHEMA
// (IFC2X3 or IFC4, whatever variant the file names: IFC++ knows no other), then the indexed
// instances, one a line, their comments removed. IFC++ then reads the very instances that
// scan_step found: its own tokenizer differs on comments that hide instances and on text
// after a section's end.
std::string text_for_reader(std::string_view text, const StepIndex& index);

// A problem of the file as a whole (no instance), at `line` (0: the file).
Problem file_problem(ProblemKind kind, std::string detail, int line = 0);

// Appends `problem` unless `problems` already holds kMaxProblems (then the last one says so).
void add_problem(std::vector<Problem>& problems, Problem problem);

}  // namespace camaudit::io::ifc
