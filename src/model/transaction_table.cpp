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
    ref.push_back(strings_.intern(t.ref));
    provider_org.push_back(strings_.intern(t.provider_org));
    provider_activity.push_back(strings_.intern(t.provider_activity));
    receiver_org.push_back(strings_.intern(t.receiver_org));
    receiver_activity.push_back(strings_.intern(t.receiver_activity));
    aid_type.push_back(strings_.intern(t.aid_type));
    finance_type.push_back(strings_.intern(t.finance_type));
    flow_type.push_back(strings_.intern(t.flow_type));
    tied_status.push_back(strings_.intern(t.tied_status));
    disbursement_channel.push_back(strings_.intern(t.disbursement_channel));
    sector_vocabulary.push_back(strings_.intern(t.sector_vocabulary));
    sector_code.push_back(strings_.intern(t.sector_code));
    recipient_country.push_back(strings_.intern(t.recipient_country));
    recipient_region.push_back(strings_.intern(t.recipient_region));
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
    t.ref = strings_[ref[i]];
    t.provider_org = strings_[provider_org[i]];
    t.provider_activity = strings_[provider_activity[i]];
    t.receiver_org = strings_[receiver_org[i]];
    t.receiver_activity = strings_[receiver_activity[i]];
    t.aid_type = strings_[aid_type[i]];
    t.finance_type = strings_[finance_type[i]];
    t.flow_type = strings_[flow_type[i]];
    t.tied_status = strings_[tied_status[i]];
    t.disbursement_channel = strings_[disbursement_channel[i]];
    t.sector_vocabulary = strings_[sector_vocabulary[i]];
    t.sector_code = strings_[sector_code[i]];
    t.recipient_country = strings_[recipient_country[i]];
    t.recipient_region = strings_[recipient_region[i]];
    t.humanitarian = humanitarian[i];
    t.line = line[i];
    return t;
}

template <class... Columns>
static void reserve_all(std::size_t n, Columns&... columns) {
    (columns.reserve(n), ...);
}
template <class... Columns>
static void clear_all(Columns&... columns) {
    (columns.clear(), ...);
}
template <class... Columns>
static std::size_t bytes_of(const Columns&... columns) {
    return (... + (columns.size() * sizeof(typename Columns::value_type)));
}

#define AIDTRACK_TRANSACTION_COLUMNS                                                                                \
    activity, type, date, value, currency, value_date, ref, provider_org, provider_activity, receiver_org,          \
        receiver_activity, aid_type, finance_type, flow_type, tied_status, disbursement_channel, sector_vocabulary, \
        sector_code, recipient_country, recipient_region, humanitarian, line

void TransactionTable::reserve(std::size_t n) { reserve_all(n, AIDTRACK_TRANSACTION_COLUMNS); }
void TransactionTable::clear() {
    clear_all(AIDTRACK_TRANSACTION_COLUMNS);
    strings_ = StringPool();
}
std::size_t TransactionTable::column_bytes() const noexcept { return bytes_of(AIDTRACK_TRANSACTION_COLUMNS); }

}  // namespace aidtrack
