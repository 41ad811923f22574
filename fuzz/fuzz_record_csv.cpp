/// \file fuzz_record_csv.cpp
/// \brief libFuzzer harness: any bytes as every CSV record file (results, measure inputs, coordination)
/// (aidtrack::fuzz::record_csv).
#include "fuzz_targets.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    aidtrack::fuzz::record_csv(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
