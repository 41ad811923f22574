/// \file joint_work.cpp
/// \brief Joint work kinds and the counts behind Paris 10a/10b.

#include <aidtrack/model/joint_work.hpp>

#include <aidtrack/core/text.hpp>

#include "keyword_parse.hpp"

#include <algorithm>

namespace aidtrack {

namespace {
constexpr std::array<const char*, 2> kKinds{"mission", "analytic"};
}  // namespace

const char* to_string(JointWorkKind k) noexcept { return kKinds.at(static_cast<std::size_t>(k)); }
JointWorkKind parse_joint_work_kind(std::string_view text) {
    const std::string key = normalise_keyword(text);
    if (key == "study" || key == "analytic study" || key == "analytic work") return JointWorkKind::analytic;
    return detail::parse_keyword<JointWorkKind>(text, kKinds, "joint work kind");
}

bool JointWork::involves(const std::string& org) const {
    return lead == org || std::find(participants.begin(), participants.end(), org) != participants.end();
}

JointWorkCount count_joint_work(const std::vector<JointWork>& records, JointWorkKind kind, const std::string& donor,
                                int year) {
    JointWorkCount out;
    for (const auto& r : records) {
        if (r.kind != kind || r.start.year() != year) continue;
        if (donor != "*" && !r.involves(donor)) continue;
        ++out.total;
        if (r.joint) ++out.joint;
    }
    return out;
}

}  // namespace aidtrack
