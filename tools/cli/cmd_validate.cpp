// `aidtrack validate FILE...`: XML Schema and rule checks of IATI activity files.
#include "command.hpp"

#include <aidtrack/core/error.hpp>
#include <aidtrack/io/iati_validator.hpp>

#include <iostream>

namespace aidtrack::cli {
namespace {

constexpr const char* kUsage =
    "aidtrack validate [--schema-only | --rules-only] [--strict] [--no-warnings] [--quiet] FILE...\n"
    "       aidtrack validate --list-rules\n"
    "Prints one line per problem, FILE:LINE: CLASS: message; exits 0 when every file is valid,\n"
    "1 when any is not, 2 on bad usage. --strict makes advisory rules (codelists, percentages) errors.";

int run_validate(const std::vector<std::string>& args) {
    IatiValidationOptions options;
    bool quiet = false;
    std::vector<std::string> files;
    for (const std::string& arg : args) {
        if (arg == "--schema-only") {
            options.rules = false;
        } else if (arg == "--rules-only") {
            options.schema = false;
        } else if (arg == "--strict") {
            options.strict_rules = true;
        } else if (arg == "--no-warnings") {
            options.warnings = false;
        } else if (arg == "--quiet" || arg == "-q") {
            quiet = true;
        } else if (arg == "--list-rules") {
            for (const auto& [id, text] : iati_rule_catalogue()) std::cout << id << "  " << text << "\n";
            return 0;
        } else if (arg == "--help" || arg == "-h") {
            std::cout << "usage: " << kUsage << "\n";
            return 0;
        } else if (arg.size() > 1 && arg[0] == '-') {
            std::cerr << "aidtrack validate: unknown option " << arg << "\nusage: " << kUsage << "\n";
            return 2;
        } else {
            files.push_back(arg);
        }
    }
    if (files.empty() || (!options.schema && !options.rules)) {
        std::cerr << "usage: " << kUsage << "\n";
        return 2;
    }
    bool all_valid = true;
    std::size_t invalid_files = 0;
    for (const std::string& file : files) {
        const IatiValidationReport report = validate_iati_file(file, options);
        for (const Diagnostic& d : report.problems) std::cout << d.to_string() << "\n";
        if (!report.valid()) {
            all_valid = false;
            ++invalid_files;
        }
    }
    if (!quiet) {
        std::cerr << files.size() - invalid_files << " of " << files.size() << " file(s) valid\n";
    }
    return all_valid ? 0 : 1;
}

const CommandRegistrar kValidate{
    {"validate", "check IATI activity files against the 2.03 XML Schema and the IATI rules", kUsage, run_validate}};

}  // namespace
}  // namespace aidtrack::cli
