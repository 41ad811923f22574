#pragma once
/// \file aidtrack.hpp
/// \brief Umbrella header: the whole public face of aidtrack.

#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/error.hpp>
#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/core/fiscal_calendar.hpp>
#include <aidtrack/core/ids.hpp>
#include <aidtrack/core/money.hpp>
#include <aidtrack/core/period.hpp>
#include <aidtrack/core/string_pool.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/io/archive.hpp>
#include <aidtrack/model/activity.hpp>
#include <aidtrack/model/budget.hpp>
#include <aidtrack/model/diagnostic.hpp>
#include <aidtrack/model/organisation.hpp>
#include <aidtrack/model/portfolio.hpp>
#include <aidtrack/model/transaction_table.hpp>
#include <aidtrack/version.hpp>
