#pragma once
/// \file casualty.hpp
/// \brief Mine/ERW casualty records and their yearly aggregates.

#include <aidtrack/core/date.hpp>
#include <aidtrack/core/table.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace aidtrack {

struct ResultsStore;

/// \brief An accident (or a published total) with the people killed, injured and amputated.
struct Casualty {
    Date date;
    std::string province;
    std::string device;  ///< "AP", "AT", "CM", "ERW" or free text
    std::int64_t killed = 0;
    std::int64_t injured = 0;
    std::int64_t amputations = 0;  ///< counted within `injured`
    std::string sex;
    std::string age_group;
    Provenance provenance;
    friend bool operator==(const Casualty&, const Casualty&) = default;
};

/// \brief Extra keys a casualty aggregate may group by besides the year.
enum class CasualtyKey : std::uint8_t { province, device, sex, age_group };

/// Casualties per calendar year (and `by` keys). Columns: `year`, the keys, `records`,
/// `killed`, `injured`, `amputations`, `casualties` (= killed + injured). Only aggregates:
/// individual records leave through casualty_rows() when the caller asks.
[[nodiscard]] Table casualties_by_year(const ResultsStore& store, const std::vector<CasualtyKey>& by = {});
/// Every casualty record as a row (for analysts with the right to see them).
[[nodiscard]] Table casualty_rows(const ResultsStore& store);

}  // namespace aidtrack
