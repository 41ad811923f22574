#pragma once
/// \file iati_rules.hpp
/// \brief Internal: the rule checks of IATI activity files that the XML Schema cannot express.

#include <aidtrack/model/diagnostic.hpp>

#include <libxml/tree.h>

#include <string>

namespace aidtrack::detail {

/// \brief What the rule checks need to know about the run.
struct RuleContext {
    std::string file;
    bool schema_checked = true;  ///< the XSD ran too: skip rules that only repeat it
    bool strict = false;         ///< advisory rules become errors
};

/// Appends the rule problems of the `<iati-activities>` element `root` to `out`.
void check_iati_rules(const xmlNode& root, const RuleContext& context, Diagnostics& out);

}  // namespace aidtrack::detail
