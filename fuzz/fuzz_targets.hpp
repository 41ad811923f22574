#pragma once
/// \file fuzz_targets.hpp
/// \brief The fuzzing entry points, shared by the libFuzzer harnesses (fuzz_*.cpp) and by the
/// regression test that replays every kept finding (tests/io/fuzz_regression_test.cpp).
///
/// Each target feeds arbitrary bytes to one family of readers. A reader may refuse the bytes
/// with an aidtrack::Error; anything else escaping (another exception type, a broken
/// invariant reported as std::logic_error) or a sanitizer report is a finding.

#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/io/archive.hpp>
#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/io/results_csv.hpp>
#include <aidtrack/measures/measure_inputs.hpp>

#include <boost/crc.hpp>

#include <unistd.h>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace aidtrack::fuzz {

/// Runs `load`, accepting an aidtrack::Error as a refusal.
template <class F>
void refused_or_read(F&& load) {
    try {
        load();
    } catch (const Error&) {
    }
}

/// Any bytes as an IATI file: the lenient read never throws and its summary serialises; the
/// strict read either succeeds or throws aidtrack::Error.
inline void iati_reader(std::string_view xml) {
    Portfolio lenient;
    try {
        (void)read_iati_string(xml, lenient, {}, "fuzz.xml");
    } catch (const Error& e) {
        throw std::logic_error(std::string("lenient IATI read threw: ") + e.what());
    }
    (void)summarize_iati(lenient).to_json();
    Portfolio strict;
    IatiReadOptions options;
    options.strict = true;
    refused_or_read([&] { (void)read_iati_string(xml, strict, options, "fuzz.xml"); });
}

/// Loads `bytes` as an archive: succeeds or raises ArchiveError, and a loaded Portfolio
/// survives a save/load round trip unchanged.
inline void archive_once(const std::string& bytes) {
    Portfolio p;
    try {
        p = portfolio_from_bytes(bytes, "fuzz.atk");
    } catch (const ArchiveError&) {
        return;
    }
    const Portfolio again = portfolio_from_bytes(portfolio_to_bytes(p), "again.atk");
    if (!(again == p)) throw std::logic_error("archive round trip changed the portfolio");
}

/// Any bytes as a Portfolio archive, twice: as they are (the header checks), and with the
/// header's payload size and CRC-32 recomputed, as a crafted file would have them — without
/// that almost every mutation would stop at the checksum and never reach the deserializer.
inline void archive(std::string_view data) {
    std::string bytes(data);
    archive_once(bytes);
    if (bytes.size() < ArchiveHeader::kSize ||
        bytes.compare(0, sizeof ArchiveHeader::kMagic, ArchiveHeader::kMagic, sizeof ArchiveHeader::kMagic) != 0) {
        return;
    }
    const std::uint64_t payload = bytes.size() - ArchiveHeader::kSize;
    boost::crc_32_type crc;
    crc.process_bytes(bytes.data() + ArchiveHeader::kSize, payload);
    const std::uint32_t sum = crc.checksum();
    for (std::size_t i = 0; i < 8; ++i) bytes[16 + i] = static_cast<char>((payload >> (8U * i)) & 0xFFU);
    for (std::size_t i = 0; i < 4; ++i) bytes[24 + i] = static_cast<char>((sum >> (8U * i)) & 0xFFU);
    archive_once(bytes);
}

/// Any bytes as a plain rate CSV and as an IMF rate CSV (ExchangeRates::from_csv and
/// ExchangeRates::from_imf_csv); every table loaded is then walked.
inline void rate_tables(std::string_view data) {
    const std::string text(data);
    for (int kind = 0; kind < 2; ++kind) {
        refused_or_read([&] {
            std::istringstream in(text);
            const auto rates =
                kind == 0 ? ExchangeRates::from_csv(in, "fuzz.csv") : ExchangeRates::from_imf_csv(in, "fuzz.csv");
            for (auto c : rates.currencies()) (void)rates.entries(c);
        });
    }
}

/// Any bytes as each hand-editable CSV record file: the results CSVs (strategy, indicators,
/// values, links, hazards, land release, casualties), the measure inputs (activity shares,
/// questionnaire, government budget, global aid) and one of the coordination CSVs (their record
/// type comes from the file name, so the bytes are written to a file of that name).
inline void record_csv(std::string_view data) {
    const std::string text(data);
    for (const ResultsCsvKind kind :
         {ResultsCsvKind::strategy, ResultsCsvKind::indicators, ResultsCsvKind::indicator_values,
          ResultsCsvKind::indicator_links, ResultsCsvKind::hazards, ResultsCsvKind::land_release,
          ResultsCsvKind::casualties}) {
        refused_or_read([&] {
            ResultsStore store;
            std::istringstream in(text);
            (void)read_results_csv(store, kind, in, "fuzz.csv");
        });
    }
    refused_or_read([&] {
        std::istringstream in(text);
        (void)measures::load_activity_shares(in, "fuzz.csv", "objective");
    });
    refused_or_read([&] {
        std::istringstream in(text);
        (void)measures::load_questionnaire(in, "fuzz.csv");
    });
    refused_or_read([&] {
        std::istringstream in(text);
        (void)measures::load_government_budget(in, "fuzz.csv");
    });
    refused_or_read([&] {
        std::istringstream in(text);
        (void)measures::load_global_aid(in, "fuzz.csv");
    });

    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("aidtrack-fuzz-csv-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    // One coordination file a run, picked by the input size (mutations change it, so every
    // record type is reached): writing all 21 names each run would slow the fuzzer twentyfold.
    const auto& names = coordination_csv_files();
    const std::filesystem::path file = dir / names[data.size() % names.size()];
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << text;
    }
    refused_or_read([&] {
        CoordinationStore store;
        load_coordination_csv(store, file.string());
    });
}

}  // namespace aidtrack::fuzz
