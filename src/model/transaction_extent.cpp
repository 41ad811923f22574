#include <aidtrack/model/transaction_extent.hpp>

#include <algorithm>
#include <limits>

namespace aidtrack {

TransactionExtent TransactionExtent::of(const TransactionTable& table) {
    // Plain minimum and maximum, which the compiler vectorises: kNone is the smallest int32, so it
    // never wins a maximum, and d - 1 (wrapping) turns it into the largest, so it never wins the
    // minimum of d - 1.
    static_assert(day_number::kNone == std::numeric_limits<std::int32_t>::min());
    constexpr std::int32_t kHigh = std::numeric_limits<std::int32_t>::max();
    const std::size_t n = table.size();
    std::int32_t lo_less_one = kHigh;
    std::int32_t hi = day_number::kNone;
    for (const std::int32_t* column : {table.date.data(), table.value_date.data()}) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t d = column[i];
            lo_less_one = std::min(lo_less_one, static_cast<std::int32_t>(static_cast<std::uint32_t>(d) - 1U));
            hi = std::max(hi, d);
        }
    }
    TransactionExtent extent;
    if (hi != day_number::kNone) {
        extent.first_day = lo_less_one + 1;
        extent.last_day = hi;
    }
    // A store per row: cheaper than a branch that mispredicts whenever the currency changes.
    std::vector<std::uint8_t> present(std::size_t{1} << 16, 0);
    const std::uint16_t* currency = table.currency.data();
    for (std::size_t i = 0; i < n; ++i) present[currency[i]] = 1;
    for (std::size_t c = 0; c < present.size(); ++c)
        if (present[c]) extent.currencies.push_back(CurrencyCode::from_packed(static_cast<std::uint16_t>(c)));
    return extent;
}

std::optional<Date> TransactionExtent::first_date() const {
    if (!dated()) return std::nullopt;
    return day_number::to_date(first_day);
}

std::optional<Date> TransactionExtent::last_date() const {
    if (!dated()) return std::nullopt;
    return day_number::to_date(last_day);
}

TransactionExtent TransactionExtentCache::get(const TransactionTable& table) const {
    std::lock_guard lock(mutex_);
    if (!fresh_) {
        extent_ = TransactionExtent::of(table);
        fresh_ = true;
    }
    return extent_;
}

}  // namespace aidtrack
