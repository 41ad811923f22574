#pragma once
/// \file iati_validator.hpp
/// \brief Validation of IATI 2.03 activity files: the official XML Schema plus the library's rules.

#include <aidtrack/model/diagnostic.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aidtrack {

/// \brief Which checks validate_iati_file() runs.
struct IatiValidationOptions {
    bool schema = true;    ///< XML Schema validation against iati-activities-schema.xsd (2.03)
    bool rules = true;     ///< the library's rule checks (percentages, dates, codelists, …)
    bool warnings = true;  ///< keep advisory findings (severity warning) in the report
    /// Treat the advisory rules (codes on codelists, percentages summing to 100) as errors.
    /// Off by default because the official schema test suite uses placeholder codes and
    /// partial percentages in files that must pass.
    bool strict_rules = false;
};

/// \brief The problems found in one file; the file is valid when none is an error.
///
/// Classes used in Diagnostic::kind: "XmlError" (not well-formed, entity or size limits),
/// "SchemaError" (breaks the XSD), "RuleError" (breaks a rule of the standard the XSD cannot
/// express), "RuleWarning" (advice only, never makes a file invalid).
struct IatiValidationReport {
    std::string file;
    Diagnostics problems;  ///< in document order per check: XML, schema, then rules

    /// Number of problems with severity error.
    [[nodiscard]] std::size_t errors() const noexcept;
    /// Number of advisory problems.
    [[nodiscard]] std::size_t warnings() const noexcept { return problems.size() - errors(); }
    /// True when no problem is an error.
    [[nodiscard]] bool valid() const noexcept { return errors() == 0; }
};

/// Validates the IATI activity file at `path`. Never throws for bad content: a file that
/// cannot be read or parsed gives an XmlError problem. Entities are never expanded and nothing
/// is fetched from the network or from other files named inside the document.
[[nodiscard]] IatiValidationReport validate_iati_file(const std::string& path,
                                                      const IatiValidationOptions& options = {});

/// Validates an in-memory document; `name` stands for the file in the problems.
[[nodiscard]] IatiValidationReport validate_iati_buffer(std::string_view xml, const std::string& name,
                                                        const IatiValidationOptions& options = {});

/// The rule checks alone, as a list of rule ids with a one-line description each (for docs
/// and `aidtrack validate --list-rules`).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> iati_rule_catalogue();

}  // namespace aidtrack
