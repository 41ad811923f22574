/// \file fuzz_iati_reader.cpp
/// \brief libFuzzer harness: any bytes as an IATI file, read leniently and strictly (aidtrack::fuzz::iati_reader).
#include "fuzz_targets.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    aidtrack::fuzz::iati_reader(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
