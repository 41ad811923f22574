// `aidtrack import FILE... -o out.atk`: read IATI files into a Portfolio archive, with filters,
// a progress bar on stderr and a summary of the warnings.
#include "command.hpp"

#include <aidtrack/core/exchange_rates.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/model/conversion_dates.hpp>

#include <chrono>
#include <iostream>
#include <map>

namespace aidtrack::cli {
namespace {

// A one-line bar redrawn in place; only drawn when the import takes more than a moment.
class ProgressBar {
public:
    void operator()(std::size_t done, std::size_t total) {
        const auto now = std::chrono::steady_clock::now();
        // Quick imports draw nothing; a long one shows the bar from its first 300 ms on.
        if (!drawn_ && now - start_ < std::chrono::milliseconds(300)) return;
        if (total == 0) return;
        const int percent = static_cast<int>(100.0 * static_cast<double>(done) / static_cast<double>(total));
        if (percent == last_) return;
        last_ = percent;
        const int width = 40;
        const int filled = percent * width / 100;
        std::cerr << "\rimporting [" << std::string(static_cast<std::size_t>(filled), '#')
                  << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << percent << "% ("
                  << done / (1024 * 1024) << "/" << total / (1024 * 1024) << " MB)" << std::flush;
        drawn_ = true;
    }
    ~ProgressBar() {
        if (drawn_) std::cerr << "\n";
    }
    ProgressBar() = default;
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    int last_ = -1;
    bool drawn_ = false;
};

std::set<std::string> split_list(const std::string& text) {
    std::set<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) out.insert(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

const char* kUsage =
    "aidtrack import FILE... -o OUT.atk [--strict] [--rates CSV] [--country CC[,CC]] [--sector CODE[,CODE]]\n"
    "       [--reporting-org REF[,REF]] [--activity ID[,ID]] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
    "       [--mine-action [--with-peacekeeping]] [--keyword REGEX] [--format compact|binary|text|xml] [--quiet]";

int run_import(const std::vector<std::string>& args) {
    std::vector<std::string> files;
    std::string out;
    std::string rates_path;
    std::string format = "compact";
    bool quiet = false;
    bool mine_action = false;
    bool peacekeeping = false;
    IatiReadOptions options;
    IatiSelection filters;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) throw ValidationError("option " + a + " needs a value");
            return args[++i];
        };
        if (a == "-o" || a == "--output") {
            out = value();
        } else if (a == "--strict") {
            options.strict = true;
        } else if (a == "--rates") {
            rates_path = value();
        } else if (a == "--country") {
            for (auto& c : split_list(value())) filters.recipient_countries.insert(c);
        } else if (a == "--sector") {
            for (auto& s : split_list(value())) filters.sectors.insert(s);
        } else if (a == "--reporting-org") {
            for (auto& r : split_list(value())) filters.reporting_orgs.insert(r);
        } else if (a == "--activity") {
            for (auto& id : split_list(value())) filters.activity_ids.insert(id);
        } else if (a == "--from") {
            filters.from = parse_date(value());
        } else if (a == "--to") {
            filters.to = parse_date(value());
        } else if (a == "--keyword") {
            filters.keywords.push_back({"user", value()});
        } else if (a == "--mine-action") {
            mine_action = true;
        } else if (a == "--with-peacekeeping") {
            peacekeeping = true;
        } else if (a == "--format") {
            format = value();
        } else if (a == "--quiet" || a == "-q") {
            quiet = true;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "aidtrack import: unknown option '" << a << "'\nusage: " << kUsage << "\n";
            return 2;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty() || out.empty()) {
        std::cerr << "usage: " << kUsage << "\n";
        return 2;
    }
    if (mine_action) {
        // Topic rules of the mine action selection, on top of any scope filters given.
        const IatiSelection m = IatiSelection::mine_action(peacekeeping);
        filters.sectors.insert(m.sectors.begin(), m.sectors.end());
        filters.activity_ids.insert(m.activity_ids.begin(), m.activity_ids.end());
        filters.keywords.insert(filters.keywords.end(), m.keywords.begin(), m.keywords.end());
    }
    options.selection = filters;

    // Held until the process ends and never destroyed: freeing every record one by one took
    // longer than the operating system takes to reclaim the whole heap at exit.
    auto& portfolio = *new Portfolio;  // NOLINT(cppcoreguidelines-owning-memory)
    IatiReadResult result;
    {
        ProgressBar bar;
        if (!quiet) options.progress = [&bar](std::size_t done, std::size_t total) { bar(done, total); };
        result = read_iati_files(files, portfolio, options);
    }
    portfolio.save(out, format);

    std::cerr << "read " << result.files << " file(s): " << result.activities_read << " activities, kept "
              << result.activities_kept;
    if (!options.selection.empty())
        std::cerr << " (" << result.activities_filtered_out << " not selected by the filters)";
    std::cerr << "; " << result.transactions << " transactions, " << result.budgets << " budgets, "
              << result.planned_disbursements << " planned disbursements, " << result.results << " results; "
              << result.records_skipped << " records left out\n";
    for (const auto& note : result.notes) std::cerr << note << "\n";
    if (!result.diagnostics.empty()) {
        std::map<std::string, std::size_t> by_rule;
        for (const auto& d : result.diagnostics) ++by_rule[d.rule.empty() ? d.kind : d.rule];
        std::cerr << result.diagnostics.size() << " warning(s):";
        for (const auto& [rule, n] : by_rule) std::cerr << " " << rule << "=" << n;
        std::cerr << "\n";
        const std::size_t shown = std::min<std::size_t>(result.diagnostics.size(), quiet ? 0 : 10);
        for (std::size_t i = 0; i < shown; ++i) std::cerr << "  " << result.diagnostics[i].to_string() << "\n";
        if (shown < result.diagnostics.size()) std::cerr << "  … (all are saved with the portfolio)\n";
    }
    if (!rates_path.empty()) {
        // The rate table is checked against the imported money: every transaction that can be
        // converted to USD on its conversion date (value date, else date) is counted, the rest named by currency.
        const ExchangeRates rates = ExchangeRates::from_imf_csv(rates_path);
        const TransactionTable& t = portfolio.transactions();
        std::size_t converted = 0;
        std::map<std::string, std::size_t> missing;
        for (std::size_t i = 0; i < t.size(); ++i) {
            try {
                const std::optional<Date> day = conversion_date(t, i);
                if (!day) throw RateNotFoundError("undated");
                (void)rates.convert(t.value_of(i), kUSD, *day);
                ++converted;
            } catch (const Error&) {
                ++missing[CurrencyCode::from_packed(t.currency[i]).str()];
            }
        }
        std::cerr << "rates " << rates_path << ": " << converted << " of " << t.size()
                  << " transactions convertible to USD (rate date: " << kConversionDateRule << ")";
        for (const auto& [cur, n] : missing) std::cerr << "; " << cur << " " << n << " without a rate";
        std::cerr << "\n";
    }
    std::cerr << "saved " << out << "\n";
    return 0;
}

const CommandRegistrar kImport{
    {"import", "read IATI XML files into a portfolio archive (filters, progress, warnings)", kUsage, run_import}};

}  // namespace
}  // namespace aidtrack::cli
