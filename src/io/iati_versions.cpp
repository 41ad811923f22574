/// \file iati_versions.cpp
/// \brief IATI versions of activity files and the 1.0x code mapping (see iati_versions.hpp).

#include "iati_versions.hpp"

namespace aidtrack::iati_detail {

std::string VersionMapping::begin_file(const pugi::xml_node& root) {
    const std::string_view version = trim(root.attribute("version").as_string());
    version_ = std::string(version.substr(0, 10));
    legacy_ = is_legacy_version(version);
    mismatch_reported_.clear();
    if (legacy_) {
        return report_.file() + ": IATI " + version_ +
               " read with the 1.0x code mapping (transaction types C, D, E, IF, IR, LR, R, QP, QS, CG; "
               "activity-date types start-planned..end-actual; organisation roles Funding..Implementing; sector "
               "vocabularies DAC, DAC-3, ...)";
    }
    if (!version.empty() && version.substr(0, 2) != "2.") {
        report_.warn(root, "version-2",
                     "IATI version '" + version_ +
                         "' is neither 1.01-1.05 nor 2.0x; read with the 2.0x rules and the 1.0x code mapping");
    }
    return {};
}

std::string_view VersionMapping::modern_code(const pugi::xml_node& node, LegacyList list, std::string_view code) {
    const char* mapped = legacy_code(list, code);
    if (mapped == nullptr) return code;
    if (!legacy_) mismatch(node, list, code);
    return mapped;
}

void VersionMapping::mismatch(const pugi::xml_node& node, LegacyList list, std::string_view code) {
    const std::string name = list_name(list);
    if (!mismatch_reported_.insert(name + (legacy_ ? "|2" : "|1")).second) return;
    const std::string declared = version_.empty() ? "no version (2.0x assumed)" : "version " + version_;
    report_.warn(node, "version-mismatch",
                 "file declares " + declared + " but uses " + (legacy_ ? "2.0x " : "1.0x ") + name + " code '" +
                     std::string(code.substr(0, 20)) + "'; read as " + (legacy_ ? "2.0x" : "1.0x") +
                     " (reported once per file and code list)");
}

}  // namespace aidtrack::iati_detail
