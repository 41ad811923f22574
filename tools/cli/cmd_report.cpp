// `aidtrack report`: the TWG-MA aid-effectiveness report, by default on the embedded Cambodia
// dataset; prints a summary and writes HTML, Markdown and one CSV per table.
#include "command.hpp"

#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/report/report_builder.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>

namespace aidtrack::cli {
namespace {

const char* const kUsage = "aidtrack report [--data DIR|FILE.atk|FILE.xml...] [--year Y] [--currency USD] [--out DIR] [--quiet]";

int run_report(const std::vector<std::string>& args) {
    std::vector<std::string> data;
    std::string out = "report";
    report::ReportOptions options;
    bool quiet = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) throw ValidationError("option " + a + " needs a value\nusage: " + kUsage);
            return args[++i];
        };
        if (a == "--data") {
            data.push_back(value());
            // Further plain arguments after --data are more input files.
            while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) data.push_back(args[++i]);
        } else if (a == "--year") {
            const std::string& y = value();
            try {
                options.year = std::stoi(y);
            } catch (const std::exception&) {
                throw ValidationError("--year needs a year, not '" + y + "'");
            }
        } else if (a == "--currency") {
            options.currency = CurrencyCode(value());
        } else if (a == "--out") {
            out = value();
        } else if (a == "--quiet") {
            quiet = true;
        } else if (a == "--help" || a == "-h") {
            std::cout << "usage: " << kUsage << "\n";
            return 0;
        } else {
            std::cerr << "aidtrack report: unknown argument '" << a << "'\nusage: " << kUsage << "\n";
            return 2;
        }
    }
    const auto started = std::chrono::steady_clock::now();
    auto progress = [&](const std::string& line) {
        if (quiet) return;
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        std::cerr << "[" << static_cast<int>(s * 1000) / 1000.0 << " s] " << line << "\n";
    };
    options.progress = progress;
    Portfolio portfolio;
    datasets::DatasetOptions dataset;
    dataset.progress = progress;
    if (data.empty()) {
        portfolio = datasets::cambodia(dataset);
        options.source_files = datasets::dataset_files();
        options.nmas_mapping = datasets::nmas_mapping();
    } else if (data.size() == 1 && std::filesystem::is_directory(data.front())) {
        datasets::load_dataset_dir(data.front(), portfolio, dataset);
        options.source_files = datasets::dataset_files(data.front());
        options.nmas_mapping = datasets::nmas_mapping(data.front());
        options.dataset_name = "dataset " + data.front();
    } else if (data.size() == 1 && std::filesystem::path(data.front()).extension() == ".atk") {
        progress("loading archive " + data.front());
        portfolio = Portfolio::load(data.front());
        options.dataset_name = "archive " + data.front();
    } else {
        progress("reading " + std::to_string(data.size()) + " IATI file(s)");
        const IatiReadResult read = read_iati_files(data, portfolio, {});
        progress(std::to_string(read.activities_kept) + " activities, " + std::to_string(read.transactions) + " transactions, " +
                 std::to_string(read.diagnostics.size()) + " warnings");
        options.dataset_name = std::to_string(data.size()) + " IATI file(s)";
    }
    const report::Report report = report::build_report(portfolio, options);
    progress("writing " + out);
    const report::WrittenReport written = report::write_report(report, out);
    std::cout << report::to_text_summary(report) << "\nWrote " << written.html << ", " << written.markdown << " and " << written.csv.size()
              << " CSV files.\n";
    return 0;
}

const CommandRegistrar kReport{{"report", "the aid-effectiveness report (default: the embedded Cambodia dataset) as HTML, Markdown and CSV",
                                kUsage, run_report}};

}  // namespace
}  // namespace aidtrack::cli
