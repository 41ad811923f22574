#pragma once
/// \file transaction_type.hpp
/// \brief IATI TransactionType codes as an enum, with the small helpers that replace literal codes.
///
/// Transactions store their type as the plain IATI code (Transaction::type, TransactionTable::type)
/// and queries take sets of codes (TotalsQuery::types …), so that Python and CSV users write the
/// codes they know. Code that means one particular type names it: `is_type(t.type[i],
/// TransactionType::disbursement)` rather than `t.type[i] == 3`.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <string_view>

namespace aidtrack {

/// \brief IATI TransactionType codes (version 2).
enum class TransactionType : std::uint8_t {
    incoming_funds = 1,
    outgoing_commitment = 2,
    disbursement = 3,
    expenditure = 4,
    interest_payment = 5,
    loan_repayment = 6,
    reimbursement = 7,
    purchase_of_equity = 8,
    sale_of_equity = 9,
    credit_guarantee = 10,
    incoming_commitment = 11,
    outgoing_pledge = 12,
    incoming_pledge = 13,
};

/// \brief The IATI code of a transaction type (disbursement → 3).
[[nodiscard]] constexpr int code_of(TransactionType type) noexcept { return static_cast<int>(type); }

/// \brief Whether a stored type code (a Transaction::type or a TransactionTable::type cell) is `type`.
[[nodiscard]] constexpr bool is_type(int code, TransactionType type) noexcept { return code == code_of(type); }

/// \brief Whether a stored type code is any of `types`.
[[nodiscard]] constexpr bool is_any_type(int code, std::initializer_list<TransactionType> types) noexcept {
    for (TransactionType t : types) {
        if (is_type(code, t)) return true;
    }
    return false;
}

/// \brief The type of an IATI code, or nullopt outside 1..13.
[[nodiscard]] constexpr std::optional<TransactionType> transaction_type_of(int code) noexcept {
    if (code < 1 || code > 13) return std::nullopt;
    return static_cast<TransactionType>(code);
}

/// \brief The codes of `types`, for the `std::set<int>` filters of queries and measures.
[[nodiscard]] inline std::set<int> type_codes(std::initializer_list<TransactionType> types) {
    std::set<int> out;
    for (TransactionType t : types) out.insert(code_of(t));
    return out;
}

/// \brief The name of a type on the IATI TransactionType codelist ("Disbursement").
[[nodiscard]] constexpr std::string_view name_of(TransactionType type) noexcept {
    switch (type) {
        case TransactionType::incoming_funds:
            return "Incoming Funds";
        case TransactionType::outgoing_commitment:
            return "Outgoing Commitment";
        case TransactionType::disbursement:
            return "Disbursement";
        case TransactionType::expenditure:
            return "Expenditure";
        case TransactionType::interest_payment:
            return "Interest Payment";
        case TransactionType::loan_repayment:
            return "Loan Repayment";
        case TransactionType::reimbursement:
            return "Reimbursement";
        case TransactionType::purchase_of_equity:
            return "Purchase of Equity";
        case TransactionType::sale_of_equity:
            return "Sale of Equity";
        case TransactionType::credit_guarantee:
            return "Credit Guarantee";
        case TransactionType::incoming_commitment:
            return "Incoming Commitment";
        case TransactionType::outgoing_pledge:
            return "Outgoing Pledge";
        case TransactionType::incoming_pledge:
            return "Incoming Pledge";
    }
    return {};
}

}  // namespace aidtrack
