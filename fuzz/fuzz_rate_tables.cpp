/// \file fuzz_rate_tables.cpp
/// \brief libFuzzer harness: any bytes as a plain and as an IMF rate CSV (aidtrack::fuzz::rate_tables).
#include "fuzz_targets.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    aidtrack::fuzz::rate_tables(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
