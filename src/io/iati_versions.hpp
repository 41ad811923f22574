#pragma once
/// \file iati_versions.hpp
/// \brief The IATI version an activity file declares, and the one mapper of IATI 1.0x codes to 2.0x.

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_set>

#include "iati_problems.hpp"
#include "iati_read_support.hpp"

namespace aidtrack::iati_detail {

/// \brief Reads 1.0x and 2.0x codes alike: 1.0x codes are mapped whatever the file declares,
/// and a file that uses the other version's codes is told so once per code list.
class VersionMapping {
public:
    explicit VersionMapping(ProblemReport& report) : report_(report) {}

    /// A new activity file, whose root is `root`. Returns a note for the read's notes when the
    /// file declares 1.0x (else ""); a version that is neither 1.0x nor 2.0x is warned about.
    std::string begin_file(const pugi::xml_node& root);
    /// Whether the file declares IATI 1.0x.
    [[nodiscard]] bool legacy() const noexcept { return legacy_; }

    /// `code` of `list` as 2.0x: a 1.0x code is mapped (with a version-mismatch warning when the
    /// file declares 2.0x); anything else is returned as it is.
    std::string_view modern_code(const pugi::xml_node& node, LegacyList list, std::string_view code);
    /// Reports, once per file and code list, a code of the version the file does not declare.
    void mismatch(const pugi::xml_node& node, LegacyList list, std::string_view code);

private:
    ProblemReport& report_;
    bool legacy_ = false;
    std::string version_;
    std::unordered_set<std::string> mismatch_reported_;
};

}  // namespace aidtrack::iati_detail
