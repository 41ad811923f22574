/// \file coordination_store.cpp
/// \brief Lookups by ref in the coordination records.

#include <aidtrack/model/coordination_store.hpp>

namespace aidtrack {

namespace {
template <class Vec>
auto* find_by_ref(Vec& records, const std::string& ref) noexcept {
    for (auto& r : records) {
        if (r.ref == ref) return &r;
    }
    return static_cast<decltype(&records.front())>(nullptr);
}
}  // namespace

const Forum* CoordinationStore::find_forum(const std::string& ref) const noexcept { return find_by_ref(forums, ref); }
Forum* CoordinationStore::find_forum(const std::string& ref) noexcept { return find_by_ref(forums, ref); }
const Agreement* CoordinationStore::find_agreement(const std::string& ref) const noexcept {
    return find_by_ref(agreements, ref);
}
Agreement* CoordinationStore::find_agreement(const std::string& ref) noexcept { return find_by_ref(agreements, ref); }
const Tender* CoordinationStore::find_tender(const std::string& ref) const noexcept {
    return find_by_ref(tenders, ref);
}
Tender* CoordinationStore::find_tender(const std::string& ref) noexcept { return find_by_ref(tenders, ref); }

bool CoordinationStore::empty() const noexcept {
    return forums.empty() && agreements.empty() && joint_work.empty() && exchange_visits.empty() && trainings.empty() &&
           deployments.empty() && tenders.empty() && mapu_requests.empty();
}

}  // namespace aidtrack
