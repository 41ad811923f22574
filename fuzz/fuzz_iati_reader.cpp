// libFuzzer harness: any bytes as an IATI file, read leniently and strictly, then summarised.
// Every outcome but an aidtrack::Error escaping strict mode is a finding.
#include <aidtrack/io/iati_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    aidtrack::Portfolio lenient;
    (void)aidtrack::read_iati_string(xml, lenient, {}, "fuzz.xml");
    (void)aidtrack::summarize_iati(lenient).to_json();
    aidtrack::Portfolio strict;
    aidtrack::IatiReadOptions options;
    options.strict = true;
    try {
        (void)aidtrack::read_iati_string(xml, strict, options, "fuzz.xml");
    } catch (const aidtrack::Error&) {
    }
    return 0;
}
