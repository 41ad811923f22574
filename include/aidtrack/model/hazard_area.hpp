#pragma once
/// \file hazard_area.hpp
/// \brief Hazardous areas as IMAS 07.11 records them (suspected or confirmed, by contamination).

#include <aidtrack/core/date.hpp>
#include <aidtrack/model/provenance.hpp>

#include <cstdint>
#include <string>

namespace aidtrack {

/// \brief Suspected (SHA) or confirmed (CHA) hazardous area.
enum class HazardType : std::uint8_t { sha = 0, cha = 1 };
/// \brief The contamination of a hazardous area.
enum class Contamination : std::uint8_t {
    ap_mines = 0,           ///< anti-personnel mines ("AP")
    at_mines = 1,           ///< anti-tank mines ("AT")
    cluster_munitions = 2,  ///< cluster munition remnants ("CM")
    other_erw = 3,          ///< other explosive remnants of war ("ERW")
};

/// "SHA" or "CHA".
[[nodiscard]] const char* to_string(HazardType t) noexcept;
/// "AP", "AT", "CM" or "ERW".
[[nodiscard]] const char* to_string(Contamination c) noexcept;
/// Parses "SHA"/"CHA" (any case); throws ParseError otherwise.
[[nodiscard]] HazardType hazard_type_from_string(const std::string& text);
/// Parses "AP"/"AT"/"CM"/"ERW" (any case); throws ParseError otherwise.
[[nodiscard]] Contamination contamination_from_string(const std::string& text);

/// \brief A hazardous area: where it is, what contaminates it and how large it was recorded.
struct HazardArea {
    std::string id;
    std::string province;
    std::string district;
    std::string village;
    HazardType type = HazardType::sha;
    Contamination contamination = Contamination::ap_mines;
    std::int64_t area_m2 = 0;  ///< estimated area when recorded (whole m²)
    Date recorded;
    std::string status;  ///< free text ("open", "closed")
    Provenance provenance;
    friend bool operator==(const HazardArea&, const HazardArea&) = default;
};

}  // namespace aidtrack
