// `aidtrack rates`: look up and convert with an exchange-rate table.
#include "command.hpp"

#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/core/exchange_rates.hpp>

#include <iostream>

namespace aidtrack::cli {
namespace {

int run_rates(const std::vector<std::string>& args) {
    std::string table = data_file("rates/imf_exchangerates_A_ENDA_USD.csv");
    bool imf = true;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--rates" && i + 1 < args.size()) {
            table = args[++i];
            imf = false;
        } else if (args[i] == "--imf" && i + 1 < args.size()) {
            table = args[++i];
        } else {
            positional.push_back(args[i]);
        }
    }
    if (positional.size() != 4) {
        std::cerr << "usage: aidtrack rates AMOUNT FROM TO DATE [--rates CSV | --imf CSV]\n";
        return 2;
    }
    const ExchangeRates rates = imf ? ExchangeRates::from_imf_csv(table) : ExchangeRates::from_csv(table);
    const Conversion c = rates.convert(Money::parse(positional[0], positional[1]), CurrencyCode(positional[2]),
                                       parse_date(positional[3]));
    std::cout << positional[0] << " " << positional[1] << " = " << c.value.amount().rounded(2).to_string() << " "
              << positional[2] << " on " << to_iso(c.rate_date) << " (" << c.source << ")\n";
    return 0;
}

const CommandRegistrar kRates{{"rates", "convert an amount between currencies with the IMF or a CSV rate table",
                               "aidtrack rates AMOUNT FROM TO DATE [--rates CSV | --imf CSV]", run_rates}};

}  // namespace
}  // namespace aidtrack::cli
