// `aidtrack export iati PORTFOLIO.atk -o out.xml [--activity ID]...`: write IATI 2.03 XML.
#include "command.hpp"

#include <aidtrack/core/error.hpp>
#include <aidtrack/io/iati_writer.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <iostream>

namespace aidtrack::cli {
namespace {

constexpr const char* kUsage =
    "aidtrack export iati PORTFOLIO.atk -o OUT.xml [--activity ID]... [--generated DATETIME] [--compact]\n"
    "Writes the portfolio's activities (or the ones named) as an IATI 2.03 activity file; '-o -'\n"
    "writes to standard output. Problems that keep the output from validating go to stderr.";

int run_export(const std::vector<std::string>& args) {
    if (args.empty() || args[0] != "iati") {
        std::cerr << "aidtrack export: the only format is 'iati'\nusage: " << kUsage << "\n";
        return 2;
    }
    std::string input;
    std::string output;
    std::vector<std::string> ids;
    IatiWriteOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool has_value = i + 1 < args.size();
        if ((arg == "-o" || arg == "--output") && has_value) {
            output = args[++i];
        } else if (arg == "--activity" && has_value) {
            ids.push_back(args[++i]);
        } else if (arg == "--generated" && has_value) {
            options.generated_datetime = args[++i];
        } else if (arg == "--compact") {
            options.indent = false;
        } else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: " << kUsage << "\n";
            return 0;
        } else if (arg.size() > 1 && arg[0] == '-') {
            std::cerr << "aidtrack export: unknown or incomplete option " << arg << "\nusage: " << kUsage << "\n";
            return 2;
        } else if (input.empty()) {
            input = arg;
        } else {
            std::cerr << "aidtrack export: one portfolio at a time\nusage: " << kUsage << "\n";
            return 2;
        }
    }
    if (input.empty() || output.empty()) {
        std::cerr << "usage: " << kUsage << "\n";
        return 2;
    }
    const Portfolio portfolio = Portfolio::load(input);
    for (const std::string& id : ids) {
        const auto index = portfolio.find_activity(id);
        if (!index) throw NotFoundError("no activity '" + id + "' in the portfolio", {input, 0, {}});
        options.activities.push_back(*index);
    }
    const Diagnostics problems =
        output == "-" ? write_iati(portfolio, std::cout, options) : write_iati_file(portfolio, output, options);
    for (const Diagnostic& d : problems) std::cerr << d.to_string() << "\n";
    const std::size_t written = options.activities.empty() ? portfolio.activity_count() : options.activities.size();
    if (output != "-")
        std::cerr << "wrote " << written << " activit" << (written == 1 ? "y" : "ies") << " to " << output << "\n";
    return 0;
}

const CommandRegistrar kExport{{"export", "write a portfolio's activities as IATI 2.03 XML", kUsage, run_export}};

}  // namespace
}  // namespace aidtrack::cli
