// `aidtrack summarize --json FILE...`: counts and exact sums of IATI files (DESIGN.md contract).
#include "command.hpp"

#include <aidtrack/io/iati_reader.hpp>

#include <iostream>

namespace aidtrack::cli {
namespace {

int run_summarize(const std::vector<std::string>& args) {
    bool json = false;
    bool strict = false;
    bool show_warnings = false;
    std::vector<std::string> files;
    for (const auto& a : args) {
        if (a == "--json") {
            json = true;
        } else if (a == "--strict") {
            strict = true;
        } else if (a == "--warnings") {
            show_warnings = true;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "aidtrack summarize: unknown option '" << a << "'\n";
            return 2;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        std::cerr << "usage: aidtrack summarize [--json] [--strict] [--warnings] FILE...\n";
        return 2;
    }
    Portfolio portfolio;
    IatiReadOptions options;
    options.strict = strict;
    const IatiReadResult result = read_iati_files(files, portfolio, options);
    const IatiSummary summary = summarize_iati(portfolio);
    if (show_warnings) {
        for (const auto& d : result.diagnostics) std::cerr << d.to_string() << "\n";
    }
    if (json) {
        std::cout << summary.to_json() << "\n";
        return 0;
    }
    std::cout << "activities: " << summary.activities << "\ntransactions: " << summary.transactions << "\n";
    for (const auto& [key, sum] : summary.transactions_by_type_currency)
        std::cout << "  " << key << "  " << sum.to_string() << "\n";
    std::cout << "budgets: " << summary.budgets << "\n";
    for (const auto& [key, sum] : summary.budgets_by_type_currency)
        std::cout << "  " << key << "  " << sum.to_string() << "\n";
    std::cout << "planned disbursements: " << summary.planned_disbursements << "\n";
    for (const auto& [key, sum] : summary.planned_by_currency)
        std::cout << "  " << key << "  " << sum.to_string() << "\n";
    std::cout << "results: " << summary.results << " (indicators " << summary.indicators << ", periods "
              << summary.periods << ")\nwarnings: " << summary.warnings << "\n";
    for (const auto& note : result.notes) std::cout << note << "\n";
    return 0;
}

const CommandRegistrar kSummarize{{"summarize", "counts and exact sums of IATI files (--json: the stable contract)",
                                   "aidtrack summarize [--json] [--strict] [--warnings] FILE...", run_summarize}};

}  // namespace
}  // namespace aidtrack::cli
