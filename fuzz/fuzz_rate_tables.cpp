// libFuzzer harness: any bytes as a plain rate CSV and as an IMF rate CSV.
#include <aidtrack/core/exchange_rates.hpp>

#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (int kind = 0; kind < 2; ++kind) {
        std::istringstream in(text);
        try {
            const auto rates = kind == 0 ? aidtrack::ExchangeRates::from_csv(in, "fuzz.csv")
                                         : aidtrack::ExchangeRates::from_imf_csv(in, "fuzz.csv");
            for (auto c : rates.currencies()) (void)rates.entries(c);
        } catch (const aidtrack::Error&) {
        }
    }
    return 0;
}
