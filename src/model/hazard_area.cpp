/// \file hazard_area.cpp
/// \brief Hazard type and contamination codes.

#include <aidtrack/core/error.hpp>
#include <aidtrack/model/hazard_area.hpp>

#include <algorithm>
#include <cctype>

namespace aidtrack {
namespace {
std::string upper(const std::string& s) {
    std::string t = s;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return t;
}
}  // namespace

const char* to_string(HazardType t) noexcept { return t == HazardType::sha ? "SHA" : "CHA"; }

const char* to_string(Contamination c) noexcept {
    switch (c) {
        case Contamination::ap_mines:
            return "AP";
        case Contamination::at_mines:
            return "AT";
        case Contamination::cluster_munitions:
            return "CM";
        case Contamination::other_erw:
            return "ERW";
    }
    return "AP";
}

HazardType hazard_type_from_string(const std::string& text) {
    const std::string t = upper(text);
    if (t == "SHA") return HazardType::sha;
    if (t == "CHA") return HazardType::cha;
    throw ParseError("unknown hazard type '" + text + "' (SHA, CHA)");
}

Contamination contamination_from_string(const std::string& text) {
    const std::string t = upper(text);
    if (t == "AP") return Contamination::ap_mines;
    if (t == "AT") return Contamination::at_mines;
    if (t == "CM") return Contamination::cluster_munitions;
    if (t == "ERW") return Contamination::other_erw;
    throw ParseError("unknown contamination '" + text + "' (AP, AT, CM, ERW)");
}

}  // namespace aidtrack
