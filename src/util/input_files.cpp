#include "util/input_files.hpp"

#include <sys/stat.h>

#include <mutex>
#include <set>
#include <utility>

namespace camaudit::util {

namespace {

using Identity = std::pair<unsigned long long, unsigned long long>;  // st_dev, st_ino

std::mutex& lock() {
    static std::mutex m;
    return m;
}
std::set<Identity>& files() {
    static std::set<Identity> s;
    return s;
}

bool identity_of(const std::string& path, Identity& out) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    out = {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
    return true;
}

}  // namespace

void note_input_file(const std::string& path) {
    Identity id;
    if (!identity_of(path, id)) return;
    std::lock_guard<std::mutex> guard(lock());
    files().insert(id);
}

bool is_input_file(const std::string& path) {
    Identity id;
    if (!identity_of(path, id)) return false;
    std::lock_guard<std::mutex> guard(lock());
    return files().contains(id);
}

}  // namespace camaudit::util
