// libFuzzer harness: any bytes as a Portfolio archive. Loading either succeeds or raises
// aidtrack::ArchiveError; a loaded Portfolio must survive a save/load round trip unchanged.
#include <aidtrack/io/archive.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const aidtrack::Portfolio p = aidtrack::portfolio_from_bytes(bytes, "fuzz.atk");
        const aidtrack::Portfolio again = aidtrack::portfolio_from_bytes(aidtrack::portfolio_to_bytes(p), "again.atk");
        if (!(again == p)) std::abort();
    } catch (const aidtrack::ArchiveError&) {
    }
    return 0;
}
