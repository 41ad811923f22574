// `aidtrack report`: the TWG-MA aid-effectiveness report, by default on the embedded Cambodia
// dataset; prints a summary and writes HTML, Markdown and one CSV per table.
#include "command.hpp"

#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/report/report_builder.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>

namespace aidtrack::cli {
namespace {

const char* const kUsage =
    "aidtrack report [--data DIR|FILE.atk|FILE.xml...] [--scope mine-action|all] [--year Y] [--currency USD] [--out "
    "DIR] [--quiet]";

// The published tables of a dataset directory become the report's published figures.
void use_dataset(report::ReportOptions& options, const std::string& dir, const datasets::DatasetRead& read) {
    options.source_files = datasets::dataset_files(dir);
    options.nmas_mapping = datasets::nmas_mapping(dir);
    options.out_of_scope = read.iati.outside;
    options.scope_selection = read.iati.selection;
    datasets::PublishedTables published = datasets::published_tables(dir);
    options.published_contributions = std::move(published.contributions);
    options.published_totals = std::move(published.totals);
    options.funding_needs = std::move(published.funding_needs);
    options.published_land_release = std::move(published.land_release);
}

int run_report(const std::vector<std::string>& args) {
    std::vector<std::string> data;
    std::string out = "report";
    report::ReportOptions options;
    bool quiet = false;
    bool mine_action = true;
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
        } else if (a == "--scope") {
            const std::string& scope = value();
            if (scope != "mine-action" && scope != "all")
                throw ValidationError("--scope is mine-action or all, not '" + scope + "'");
            mine_action = scope == "mine-action";
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
    const IatiSelection selection = mine_action ? IatiSelection::mine_action() : IatiSelection{};
    dataset.iati_selection = selection;
    options.scope = mine_action ? "mine action" : "";
    if (data.empty() || (data.size() == 1 && std::filesystem::is_directory(data.front()))) {
        const std::string dir = data.empty() ? data_file("cambodia") : data.front();
        const datasets::DatasetRead read = datasets::load_dataset_dir(dir, portfolio, dataset);
        use_dataset(options, dir, read);
        if (!data.empty()) options.dataset_name = "dataset " + dir;
    } else if (data.size() == 1 && std::filesystem::path(data.front()).extension() == ".atk") {
        progress("loading archive " + data.front());
        portfolio = Portfolio::load(data.front());
        options.dataset_name = "archive " + data.front();
        options.scope.clear();  // an archive holds what was saved: no selection is applied to it
        options.title = "Mine action: aid effectiveness report";
    } else {
        progress("reading " + std::to_string(data.size()) + " IATI file(s)");
        IatiReadOptions read_options;
        read_options.selection = selection;
        const IatiReadResult read = read_iati_files(data, portfolio, read_options);
        progress(std::to_string(read.activities_kept) + " activities, " + std::to_string(read.transactions) +
                 " transactions, " + std::to_string(read.diagnostics.size()) + " warnings" +
                 (mine_action ? ", " + std::to_string(read.activities_filtered_out) + " activities outside mine action"
                              : std::string()));
        options.dataset_name = std::to_string(data.size()) + " IATI file(s)";
        options.title = mine_action ? "Mine action: aid effectiveness report" : "Aid effectiveness report";
        options.out_of_scope = read.outside;
        options.scope_selection = read.selection;
    }
    const report::Report report = report::build_report(portfolio, options);
    progress("writing " + out);
    const report::WrittenReport written = report::write_report(report, out);
    std::cout << report::to_text_summary(report) << "\nWrote " << written.html << ", " << written.markdown << " and "
              << written.csv.size() << " CSV files.\n";
    return 0;
}

const CommandRegistrar kReport{
    {"report", "the aid-effectiveness report (default: the embedded Cambodia dataset) as HTML, Markdown and CSV",
     kUsage, run_report}};

}  // namespace
}  // namespace aidtrack::cli
