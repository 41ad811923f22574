#pragma once
/// \file transaction_table.hpp
/// \brief Transactions stored as columns, so that aggregation is a scan.

#include <aidtrack/core/currency.hpp>
#include <aidtrack/core/date.hpp>
#include <aidtrack/core/decimal.hpp>
#include <aidtrack/core/money.hpp>
#include <aidtrack/core/string_pool.hpp>
#include <aidtrack/model/transaction_type.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack {

/// \brief One transaction as a row: the convenient form for adding and reading single records.
struct Transaction {
    std::uint32_t activity = 0;  ///< index of the activity in its Portfolio
    int type = 0;                ///< TransactionType code 1..13 (see is_type())
    Date date;
    Money value;
    std::optional<Date> value_date;
    std::string ref;
    std::string provider_org;
    std::string provider_activity;
    std::string receiver_org;
    std::string receiver_activity;
    std::string aid_type;
    std::string finance_type;
    std::string flow_type;
    std::string tied_status;
    std::string disbursement_channel;
    std::string sector_vocabulary;  ///< transaction-level sector (overrides the activity's)
    std::string sector_code;
    std::string recipient_country;  ///< transaction-level country (overrides the activity's)
    std::string recipient_region;
    int humanitarian = -1;   ///< -1 unknown, 0 no, 1 yes
    std::uint32_t line = 0;  ///< line in the activity's source file
    friend bool operator==(const Transaction&, const Transaction&) = default;
};

/// \brief All transactions of a portfolio as parallel columns with one shared string pool.
///
/// Text columns (organisations, activity refs, codes) hold indexes into `strings()`, so that a
/// scan reads narrow integers and Python gets categoricals without per-row objects. Dates are
/// day numbers (see day_number), values raw Decimal units, currencies packed codes.
class TransactionTable {
public:
    using Index = StringPool::Index;

    /// Appends a row; returns its position.
    std::size_t append(const Transaction& t);
    /// The row at `i` as a Transaction.
    [[nodiscard]] Transaction row(std::size_t i) const;
    [[nodiscard]] std::size_t size() const noexcept { return activity.size(); }
    [[nodiscard]] bool empty() const noexcept { return activity.empty(); }
    void reserve(std::size_t n);
    void clear();
    /// Bytes held by the columns (without the string pool).
    [[nodiscard]] std::size_t column_bytes() const noexcept;

    [[nodiscard]] const StringPool& strings() const noexcept { return strings_; }
    [[nodiscard]] StringPool& strings() noexcept { return strings_; }
    /// The string of a text column cell.
    [[nodiscard]] const std::string& text(Index index) const noexcept { return strings_[index]; }
    [[nodiscard]] Money value_of(std::size_t i) const {
        return {Decimal::from_raw(value[i]), CurrencyCode::from_packed(currency[i])};
    }

    // The columns. Public so that scans and bindings read them directly; keep them equal length
    // by appending through append(). A new column goes into AIDTRACK_TRANSACTION_COLUMNS too.
    std::vector<std::uint32_t> activity;
    std::vector<std::uint8_t> type;
    std::vector<std::int32_t> date;
    std::vector<Decimal::Raw> value;
    std::vector<std::uint16_t> currency;
    std::vector<std::int32_t> value_date;
    std::vector<Index> ref;
    std::vector<Index> provider_org;
    std::vector<Index> provider_activity;
    std::vector<Index> receiver_org;
    std::vector<Index> receiver_activity;
    std::vector<Index> aid_type;
    std::vector<Index> finance_type;
    std::vector<Index> flow_type;
    std::vector<Index> tied_status;
    std::vector<Index> disbursement_channel;
    std::vector<Index> sector_vocabulary;
    std::vector<Index> sector_code;
    std::vector<Index> recipient_country;
    std::vector<Index> recipient_region;
    std::vector<std::int8_t> humanitarian;
    std::vector<std::uint32_t> line;

private:
    StringPool strings_;
};

/// \brief The text columns of TransactionTable (indexes into its string pool) as DO(name), in
/// storage order: the one list that code handling every column (archive, bindings) expands.
// One column a line, by hand: clang-format does not settle on a layout for X-macros.
// clang-format off
#define AIDTRACK_TRANSACTION_TEXT_COLUMNS(DO) \
    DO(ref)                                   \
    DO(provider_org)                          \
    DO(provider_activity)                     \
    DO(receiver_org)                          \
    DO(receiver_activity)                     \
    DO(aid_type)                              \
    DO(finance_type)                          \
    DO(flow_type)                             \
    DO(tied_status)                           \
    DO(disbursement_channel)                  \
    DO(sector_vocabulary)                     \
    DO(sector_code)                           \
    DO(recipient_country)                     \
    DO(recipient_region)

/// \brief Every column of TransactionTable as DO(name), in storage order.
#define AIDTRACK_TRANSACTION_COLUMNS(DO)  \
    DO(activity)                          \
    DO(type)                              \
    DO(date)                              \
    DO(value)                             \
    DO(currency)                          \
    DO(value_date)                        \
    AIDTRACK_TRANSACTION_TEXT_COLUMNS(DO) \
    DO(humanitarian)                      \
    DO(line)
// clang-format on

}  // namespace aidtrack
