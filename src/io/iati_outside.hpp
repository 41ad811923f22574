#pragma once
/// \file iati_outside.hpp
/// \brief The money of activities the selection leaves out, per currency, so that a report can
/// say what it did not count (IatiReadResult::outside).

#include <aidtrack/core/table.hpp>
#include <aidtrack/model/activity.hpp>
#include <aidtrack/model/transaction_table.hpp>
#include <string>
#include <vector>

namespace aidtrack::iati_detail {

/// Adds the columns of IatiReadResult::outside.
void add_outside_columns(Table& outside);

/// Adds the rows of activity `a` (one per currency of `rows`, one without money) read from `file`.
void count_outside(Table& outside, const Activity& a, const std::vector<Transaction>& rows, const std::string& file);

}  // namespace aidtrack::iati_detail
