/// \file reporting_org_ids.cpp
/// \brief Interning of reporting-organisation refs (see reporting_org_ids.hpp).

#include <aidtrack/model/reporting_org_ids.hpp>

namespace aidtrack {

std::uint32_t ReportingOrgIds::id_of(std::string_view ref) {
    // Files list a publisher's activities together: most refs are the previous one's.
    if (!ids_.empty() && refs_[ids_.back()] == ref) return ids_.back();
    if (const auto it = index_.find(ref); it != index_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(refs_.size());
    refs_.emplace_back(ref);
    index_.emplace(refs_.back(), id);
    return id;
}

}  // namespace aidtrack
