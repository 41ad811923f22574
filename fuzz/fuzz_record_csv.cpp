// libFuzzer harness: any bytes as each hand-editable CSV record file — the results CSVs
// (strategy, indicators, values, links, hazards, land release, casualties), the measure inputs
// (activity shares, questionnaire, government budget, global aid) and one coordination CSV
// (picked by the input size, since its record type comes from the file name).
// Every outcome but an aidtrack::Error escaping is a finding.
#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/io/results_csv.hpp>
#include <aidtrack/measures/measure_inputs.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

template <class F>
void refused_or_read(F&& load) {
    try {
        load();
    } catch (const aidtrack::Error&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    using aidtrack::ResultsCsvKind;
    for (const ResultsCsvKind kind : {ResultsCsvKind::strategy, ResultsCsvKind::indicators, ResultsCsvKind::indicator_values,
                                      ResultsCsvKind::indicator_links, ResultsCsvKind::hazards, ResultsCsvKind::land_release,
                                      ResultsCsvKind::casualties}) {
        refused_or_read([&] {
            aidtrack::ResultsStore store;
            std::istringstream in(text);
            (void)aidtrack::read_results_csv(store, kind, in, "fuzz.csv");
        });
    }
    refused_or_read([&] { std::istringstream in(text); (void)aidtrack::measures::load_activity_shares(in, "fuzz.csv", "objective"); });
    refused_or_read([&] { std::istringstream in(text); (void)aidtrack::measures::load_questionnaire(in, "fuzz.csv"); });
    refused_or_read([&] { std::istringstream in(text); (void)aidtrack::measures::load_government_budget(in, "fuzz.csv"); });
    refused_or_read([&] { std::istringstream in(text); (void)aidtrack::measures::load_global_aid(in, "fuzz.csv"); });

    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("aidtrack-fuzz-csv-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    const auto& names = aidtrack::coordination_csv_files();
    const std::filesystem::path file = dir / names[size % names.size()];
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << text;
    }
    refused_or_read([&] {
        aidtrack::CoordinationStore store;
        aidtrack::load_coordination_csv(store, file.string());
    });
    return 0;
}
