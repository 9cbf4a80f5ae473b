#include "model/source_location.hpp"

#include <memory>
#include <mutex>
#include <unordered_set>

namespace camaudit {

namespace {

struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Table {
    std::mutex mutex;
    // Node-based: the strings never move. Leaked on purpose: locations in static objects may
    // be destroyed after this table would be.
    std::unordered_set<std::string, Hash, std::equal_to<>> paths;
};

Table& table() {
    static Table* const t = new Table;
    return *t;
}

}  // namespace

const std::string& SourceFile::empty_path() {
    static const std::string* const empty = intern("");
    return *empty;
}

const std::string* SourceFile::intern(std::string_view path) {
    // Readers make their locations from one path, again and again: the last path this thread
    // interned is found without the lock.
    thread_local const std::string* last = nullptr;
    if (last && *last == path) return last;
    Table& t = table();
    std::lock_guard lock(t.mutex);
    auto it = t.paths.find(path);
    if (it == t.paths.end()) it = t.paths.emplace(path).first;
    last = &*it;
    return last;
}

}  // namespace camaudit
