#include <aidtrack/model/transaction_table.hpp>

namespace aidtrack {

std::size_t TransactionTable::append(const Transaction& t) {
    if (t.type < 1 || t.type > 13)
        throw ValidationError("transaction type must be 1-13, got " + std::to_string(t.type), {},
                              "transaction-type-on-codelist");
    if (t.value.currency().empty()) throw CurrencyError("transaction without a currency", {}, "currency-present");
    activity.push_back(t.activity);
    type.push_back(static_cast<std::uint8_t>(t.type));
    date.push_back(day_number::from_date(t.date));
    value.push_back(t.value.amount().raw());
    currency.push_back(t.value.currency().packed());
    value_date.push_back(day_number::from_optional(t.value_date));
#define AIDTRACK_INTERN(name) name.push_back(strings_.intern(t.name));
    AIDTRACK_TRANSACTION_TEXT_COLUMNS(AIDTRACK_INTERN)
#undef AIDTRACK_INTERN
    humanitarian.push_back(static_cast<std::int8_t>(t.humanitarian));
    line.push_back(t.line);
    return activity.size() - 1;
}

Transaction TransactionTable::row(std::size_t i) const {
    if (i >= size())
        throw NotFoundError("transaction row " + std::to_string(i) + " out of range (" + std::to_string(size()) +
                            " rows)");
    Transaction t;
    t.activity = activity[i];
    t.type = type[i];
    if (date[i] != day_number::kNone) t.date = day_number::to_date(date[i]);
    t.value = value_of(i);
    if (value_date[i] != day_number::kNone) t.value_date = day_number::to_date(value_date[i]);
#define AIDTRACK_TEXT(name) t.name = strings_[name[i]];
    AIDTRACK_TRANSACTION_TEXT_COLUMNS(AIDTRACK_TEXT)
#undef AIDTRACK_TEXT
    t.humanitarian = humanitarian[i];
    t.line = line[i];
    return t;
}

// Every column is in AIDTRACK_TRANSACTION_COLUMNS: the table is its columns and its pool.
#define AIDTRACK_COLUMN_SIZE(name) +sizeof(TransactionTable::name)
static_assert(sizeof(TransactionTable) == sizeof(StringPool) AIDTRACK_TRANSACTION_COLUMNS(AIDTRACK_COLUMN_SIZE),
              "a TransactionTable column is missing from AIDTRACK_TRANSACTION_COLUMNS");
#undef AIDTRACK_COLUMN_SIZE

void TransactionTable::reserve(std::size_t n) {
#define AIDTRACK_RESERVE(name) name.reserve(n);
    AIDTRACK_TRANSACTION_COLUMNS(AIDTRACK_RESERVE)
#undef AIDTRACK_RESERVE
}

void TransactionTable::clear() {
#define AIDTRACK_CLEAR(name) name.clear();
    AIDTRACK_TRANSACTION_COLUMNS(AIDTRACK_CLEAR)
#undef AIDTRACK_CLEAR
    strings_ = StringPool();
}

std::size_t TransactionTable::column_bytes() const noexcept {
    std::size_t bytes = 0;
#define AIDTRACK_BYTES(name) bytes += name.size() * sizeof(decltype(name)::value_type);
    AIDTRACK_TRANSACTION_COLUMNS(AIDTRACK_BYTES)
#undef AIDTRACK_BYTES
    return bytes;
}

}  // namespace aidtrack
