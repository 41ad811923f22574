#pragma once
/// \file iati_organisation_file.hpp
/// \brief IATI organisation files (`<iati-organisations>`): organisations into the Portfolio,
/// their budgets and expenditure into the read result's organisation_finances table.

#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <pugixml.hpp>

#include "iati_values.hpp"

namespace aidtrack::iati_detail {

/// Reads the organisations under `root`. In a document cut short (`truncated`) the last one is
/// left out as incomplete.
void read_organisations(const pugi::xml_node& root, bool truncated, ValueReader& in, Portfolio& portfolio,
                        IatiReadResult& result);

}  // namespace aidtrack::iati_detail
