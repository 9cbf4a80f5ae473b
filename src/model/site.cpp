#include "model/site.hpp"

namespace camaudit {

const Party* Site::party(const std::string& id) const {
    if (id == operator_.id) return &operator_;
    for (const auto& p : parties)
        if (p.id == id) return &p;
    return nullptr;
}

}  // namespace camaudit
