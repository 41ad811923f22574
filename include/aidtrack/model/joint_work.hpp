#pragma once
/// \file joint_work.hpp
/// \brief Missions and analytic studies, joint or single: the inputs of Paris 10a and 10b.

#include <aidtrack/core/date.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aidtrack {

/// \brief Whether a record is a field mission or a piece of analytic work.
enum class JointWorkKind : std::uint8_t { mission = 0, analytic = 1 };

/// "mission" or "analytic".
[[nodiscard]] const char* to_string(JointWorkKind k) noexcept;
/// Parses a kind ("mission", "analytic", "study"); throws ParseError.
[[nodiscard]] JointWorkKind parse_joint_work_kind(std::string_view text);

/// \brief A mission or analytic study led by one organisation with others taking part.
struct JointWork {
    std::string ref;
    JointWorkKind kind = JointWorkKind::mission;
    std::string title;
    std::string lead;                       ///< org ref
    std::vector<std::string> participants;  ///< other org refs
    Date start;
    std::optional<Date> end;
    bool joint = false;
    Provenance provenance;
    /// Whether `org` led or took part.
    [[nodiscard]] bool involves(const std::string& org) const;
    friend bool operator==(const JointWork&, const JointWork&) = default;
};

/// \brief The counts behind one Paris 10a/10b ratio.
struct JointWorkCount {
    std::int64_t joint = 0;  ///< numerator: joint records
    std::int64_t total = 0;  ///< denominator: all records
};

/// Counts the records of `kind` that `donor` led or took part in and that started in `year`
/// (donor "*" counts every record once): the plain accessor the measures layer uses.
[[nodiscard]] JointWorkCount count_joint_work(const std::vector<JointWork>& records, JointWorkKind kind,
                                              const std::string& donor, int year);

}  // namespace aidtrack
