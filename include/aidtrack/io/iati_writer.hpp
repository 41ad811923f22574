#pragma once
/// \file iati_writer.hpp
/// \brief Writing a Portfolio (or some of its activities) as an IATI 2.03 activity file.

#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief Choices for write_iati().
struct IatiWriteOptions {
    /// Indexes of the activities to write, in this order; empty = every activity in order.
    std::vector<std::uint32_t> activities;
    /// `@generated-datetime` of the file (xsd:dateTime); empty = now, in UTC.
    std::string generated_datetime;
    /// Values without a value-date get the transaction date (budgets and planned disbursements:
    /// the period start), because the XSD requires `@value-date`. Off: they are written without
    /// one (the file will not validate) and a diagnostic names each.
    bool fill_value_date = true;
    /// Indent the output (two spaces); off writes one line per document (smaller files).
    bool indent = true;
};

/// Writes the activities of `portfolio` as IATI 2.03 XML to `out`, elements in the order the
/// XSD requires, narratives with their xml:lang, values with `@currency` and `@value-date`.
///
/// Returns the problems that keep the output from validating (an activity without the title,
/// description, participating organisation, status or date the XSD requires, a document link
/// without category …) and the value-dates filled in: the writer never invents content, so
/// those are reported instead. Throws NotFoundError for an activity index out of range.
Diagnostics write_iati(const Portfolio& portfolio, std::ostream& out, const IatiWriteOptions& options = {});

/// write_iati() into a string.
[[nodiscard]] std::string write_iati_string(const Portfolio& portfolio, const IatiWriteOptions& options = {},
                                            Diagnostics* diagnostics = nullptr);

/// write_iati() into `path`, atomically (a crash leaves the old file or the new one, never half).
Diagnostics write_iati_file(const Portfolio& portfolio, const std::string& path, const IatiWriteOptions& options = {});

}  // namespace aidtrack
