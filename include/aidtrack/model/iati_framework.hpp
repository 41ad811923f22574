#pragma once
/// \file iati_framework.hpp
/// \brief Turning the IATI `result` indicators of activities into project results frameworks.

#include <aidtrack/model/portfolio.hpp>
#include <aidtrack/model/results_store.hpp>

#include <map>
#include <string>

namespace aidtrack {

/// \brief How imported IATI indicators link to national (NMAS) indicators.
struct IatiFrameworkOptions {
    /// Explicit links: key "ACTIVITY-ID|indicator title" or just "indicator title" → id of the
    /// receiving indicator in the store. An indicator reference whose code is the id of an
    /// indicator already in the store links too (vocabulary 99, reporting organisation's own).
    std::map<std::string, std::string> links;
    double weight = 1.0;                    ///< weight of every link made
    std::string strategy_prefix = "IATI:";  ///< prefix of the strategy id made per activity
};

/// \brief What import_iati_frameworks() made.
struct IatiFrameworkCounts {
    std::size_t strategies = 0;  ///< one per activity with results
    std::size_t indicators = 0;
    std::size_t values = 0;          ///< targets and actuals kept
    std::size_t skipped_values = 0;  ///< without a period or a number where one is needed
    std::size_t links = 0;
};

/// Imports every activity's results as a framework: strategy "<prefix><activity id>" named by
/// the activity title, owned by its reporting organisation, over its start..end; each result
/// becomes a goal node "R<n>" and each of its indicators an indicator "<strategy>/R<n>.I<m>".
/// Activities already imported (same strategy id) are skipped.
IatiFrameworkCounts import_iati_frameworks(const Portfolio& portfolio, ResultsStore& store,
                                           const IatiFrameworkOptions& options = {});

}  // namespace aidtrack
