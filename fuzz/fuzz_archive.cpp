/// \file fuzz_archive.cpp
/// \brief libFuzzer harness: any bytes as a Portfolio archive, loaded and round-tripped (aidtrack::fuzz::archive).
#include "fuzz_targets.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    aidtrack::fuzz::archive(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
