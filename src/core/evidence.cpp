#include <aidtrack/core/error.hpp>
#include <aidtrack/core/evidence.hpp>
#include <aidtrack/core/text.hpp>
#include <string>

namespace aidtrack {

Evidence parse_evidence(std::string_view text) {
    const std::string key = normalise_keyword(text);
    if (key.empty() || key == "reported") return Evidence::reported;
    if (key == "derived") return Evidence::derived;
    if (key == "illustrative") return Evidence::illustrative;
    throw ParseError("unknown evidence '" + std::string(trim(text)) + "' (reported, derived, illustrative)", {},
                     "evidence");
}

}  // namespace aidtrack
