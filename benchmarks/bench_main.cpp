/// \file bench_main.cpp
/// \brief The C++ side of the benchmarks: timings of one kind per process, printed as JSON.
///
/// Sub-commands (each in its own process so that peak memory belongs to one task):
///   aggregate ARCHIVE OBJECTIVES.csv RATES.csv [REPEAT]  load, aggregate on 1 and 2 threads, memory floor
///   load ARCHIVE                                          load only: seconds and peak memory
///   import XML OUT.atk                                    read_iati_files, then save and re-load the archive
///   parse XML                                             a bare pugixml parse (the floor of any XML import)
///   export ARCHIVE OBJECTIVES.csv RATES.csv DIR           the aggregation's inputs as CSV for the DuckDB peer:
///                                                         transactions (donor and fiscal year computed),
///                                                         factors per currency and year, objective shares
///   gbench [Google Benchmark flags]                       the aggregation and the floor as Google Benchmarks
///                                                         on AIDTRACK_BENCH_ARCHIVE / _OBJECTIVES / _RATES
/// Best of REPEAT runs (default 5) is reported: the machine is shared, the minimum is the least disturbed.

#include <aidtrack/core/conversion_date.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/measures/aggregate.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <pugixml.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

/// \brief Wall-clock and CPU seconds of one measurement (CPU = all threads of the process).
struct Timing {
    double wall = 1e300;
    double cpu = 1e300;
};

double process_cpu() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

Timing timing_of(const std::function<void()>& f) {
    const double cpu0 = process_cpu();
    const auto start = Clock::now();
    f();
    return {std::chrono::duration<double>(Clock::now() - start).count(), process_cpu() - cpu0};
}

double seconds_of(const std::function<void()>& f) { return timing_of(f).wall; }

// Best of `repeat` runs, wall and CPU separately: on a shared machine the CPU time is the work
// done, the wall time also counts waiting for a core.
Timing best_of(int repeat, const std::function<void()>& f) {
    Timing best;
    for (int i = 0; i < repeat; ++i) {
        const Timing t = timing_of(f);
        best.wall = std::min(best.wall, t.wall);
        best.cpu = std::min(best.cpu, t.cpu);
    }
    return best;
}

// Peak resident memory of this process image. VmHWM, not getrusage: Linux carries ru_maxrss
// over an exec, so a benchmark started from a large parent (the Python driver holding a
// DataFrame of millions of rows) would report the parent's peak as its own.
long peak_kib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

aidtrack::measures::AggregateQuery make_query(const std::string& objectives, const aidtrack::ExchangeRates& rates) {
    aidtrack::measures::AggregateQuery q;
    q.types = {3, 4};                             // disbursements and expenditure
    q.calendar = aidtrack::FiscalCalendar(1, 1);  // Cambodia's fiscal year is the calendar year
    q.currency = aidtrack::CurrencyCode("USD");
    q.rates = &rates;
    q.objectives = aidtrack::measures::load_activity_shares(objectives, "objective");
    return q;
}

// The memory floor: one sequential pass summing a 64-bit column as long as the transaction table.
std::int64_t floor_sum(const std::vector<std::int64_t>& column) {
    return std::accumulate(column.begin(), column.end(), std::int64_t{0});
}

// Reading what the aggregation reads: one pass over the six columns it needs (31 bytes a row),
// each folded into a sum so that no load is left out.
std::int64_t read_columns(const aidtrack::TransactionTable& t) {
    std::int64_t narrow = 0;
    aidtrack::Decimal::Raw wide = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        narrow += static_cast<std::int64_t>(t.activity[i]) + t.type[i] + t.date[i] + t.currency[i] + t.value_date[i];
        wide += t.value[i];
    }
    return narrow ^ static_cast<std::int64_t>(wide);
}

int run_aggregate(const std::string& archive, const std::string& objectives, const std::string& rates_path,
                  int repeat) {
    aidtrack::Portfolio p;
    const double load = seconds_of([&] { p = aidtrack::Portfolio::load(archive); });
    const auto rates = aidtrack::ExchangeRates::from_imf_csv(rates_path);
    auto q = make_query(objectives, rates);
    aidtrack::measures::AggregateResult r1, r2;
    q.threads = 1;
    // The first call also surveys the days and currencies of the rows, which the Portfolio then keeps.
    const Timing first = timing_of([&] { r1 = aidtrack::measures::aggregate(p, q); });
    const Timing one = best_of(repeat, [&] { r1 = aidtrack::measures::aggregate(p, q); });
    q.threads = 2;
    const Timing two = best_of(repeat, [&] { r2 = aidtrack::measures::aggregate(p, q); });
    if (!(r1 == r2)) {
        std::cerr << "1-thread and 2-thread results differ\n";
        return 1;
    }
    const std::size_t n = p.transactions().size();
    std::vector<std::int64_t> column(n);
    for (std::size_t i = 0; i < n; ++i) column[i] = static_cast<std::int64_t>(p.transactions().value[i] / 10'000'000);
    std::int64_t sink = 0;
    const Timing floor = best_of(repeat * 4, [&] {
        sink += floor_sum(column);
        benchmark::DoNotOptimize(sink);
    });
    const Timing columns = best_of(repeat * 4, [&] {
        sink += read_columns(p.transactions());
        benchmark::DoNotOptimize(sink);
    });
    std::printf(
        "{\"rows\": %zu, \"load_s\": %.4f, \"aggregate_first_1t_cpu_s\": %.5f, \"aggregate_1t_s\": %.5f, "
        "\"aggregate_1t_cpu_s\": %.5f, \"aggregate_2t_s\": "
        "%.5f, "
        "\"aggregate_2t_cpu_s\": %.5f, \"floor_s\": %.5f, \"floor_cpu_s\": %.5f, \"columns_cpu_s\": %.5f, "
        "\"cells\": %zu, \"total\": \"%s\"}\n",
        n, load, first.cpu, one.wall, one.cpu, two.wall, two.cpu, floor.wall, floor.cpu, columns.cpu, r1.cells().size(),
        r1.total().to_string().c_str());
    return 0;
}

int run_load(const std::string& archive) {
    aidtrack::Portfolio p;
    const Timing t = timing_of([&] { p = aidtrack::Portfolio::load(archive); });
    const double load = t.wall;
    std::printf(
        "{\"rows\": %zu, \"load_s\": %.4f, \"load_cpu_s\": %.4f, \"peak_kib\": %ld, \"column_bytes\": %zu, "
        "\"archive_bytes\": %ju}\n",
        p.transactions().size(), load, t.cpu, peak_kib(), p.transactions().column_bytes(),
        static_cast<std::uintmax_t>(std::filesystem::file_size(archive)));
    return 0;
}

int run_import(const std::string& xml, const std::string& out) {
    aidtrack::Portfolio p;
    aidtrack::IatiReadResult result;
    // Best of 3 imports and 5 loads, like every other timing here (a single run moves by half on
    // a shared machine). Each run starts from an empty Portfolio, the previous one released
    // outside the timing; peak memory is that of the first import.
    // The first import runs on a fresh heap, as a command does (every page is new); later ones
    // reuse the pages the previous portfolio freed.
    Timing import, first;
    long peak = 0;
    for (int k = 0; k < 3; ++k) {
        p = aidtrack::Portfolio();
        const Timing t = timing_of([&] { result = aidtrack::read_iati_files({xml}, p); });
        if (k == 0) {
            peak = peak_kib();
            first = t;
        }
        import.wall = std::min(import.wall, t.wall);
        import.cpu = std::min(import.cpu, t.cpu);
    }
    // The save the CLI does after its read: with the best read, the library's share of the
    // work `aidtrack import` does.
    Timing save;
    for (int k = 0; k < 3; ++k) {
        const Timing t = timing_of([&] { p.save(out); });
        save.wall = std::min(save.wall, t.wall);
        save.cpu = std::min(save.cpu, t.cpu);
    }
    Timing load;
    for (int k = 0; k < 5; ++k) {
        aidtrack::Portfolio back;
        const Timing t = timing_of([&] { back = aidtrack::Portfolio::load(out); });
        load.wall = std::min(load.wall, t.wall);
        load.cpu = std::min(load.cpu, t.cpu);
    }
    std::printf(
        "{\"file_bytes\": %ju, \"import_s\": %.4f, \"import_cpu_s\": %.4f, \"import_first_s\": %.4f, "
        "\"import_first_cpu_s\": %.4f, "
        "\"import_peak_kib\": %ld, \"activities\": %zu, \"transactions\": %zu, "
        "\"budgets\": %zu, \"results\": %zu, \"archive_bytes\": %ju, \"archive_load_s\": %.4f, \"archive_load_cpu_s\": "
        "%.4f, \"save_s\": %.4f, \"save_cpu_s\": %.4f}\n",
        static_cast<std::uintmax_t>(std::filesystem::file_size(xml)), import.wall, import.cpu, first.wall, first.cpu,
        peak, result.activities_kept, result.transactions, result.budgets, result.results,
        static_cast<std::uintmax_t>(std::filesystem::file_size(out)), load.wall, load.cpu, save.wall, save.cpu);
    return 0;
}

int run_parse(const std::string& xml, int repeat) {
    std::size_t nodes = 0;
    const Timing t = best_of(repeat, [&] {
        pugi::xml_document doc;
        const auto ok = doc.load_file(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!ok) throw std::runtime_error(std::string("pugixml: ") + ok.description());
        nodes = static_cast<std::size_t>(std::distance(doc.first_child().begin(), doc.first_child().end()));
    });
    std::printf("{\"file_bytes\": %ju, \"parse_s\": %.4f, \"parse_cpu_s\": %.4f, \"top_nodes\": %zu}\n",
                static_cast<std::uintmax_t>(std::filesystem::file_size(xml)), t.wall, t.cpu, nodes);
    return 0;
}

// The aggregation's inputs for a SQL engine, written once: every transaction with its donor and
// fiscal year already computed and its value as exact decimal text; the conversion factor to USD
// per currency and calendar year (the IMF rates are annual); the objective shares per activity,
// with the part no mapping covers as "(unmapped)".
int run_export(const std::string& archive, const std::string& objectives, const std::string& rates_path,
               const std::string& dir) {
    const aidtrack::Portfolio p = aidtrack::Portfolio::load(archive);
    const auto rates = aidtrack::ExchangeRates::from_imf_csv(rates_path);
    const auto q = make_query(objectives, rates);
    const auto& t = p.transactions();
    std::filesystem::create_directories(dir);
    std::set<std::pair<std::uint16_t, int>> factor_keys;
    {
        std::ofstream out(dir + "/transactions.csv");
        out << "activity,donor,fiscal_year,type,value,currency,rate_year\n";
        std::string line;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const std::uint32_t a = t.activity[i];
            const int rate_year = aidtrack::day_number::year_of(aidtrack::conversion_day(t.value_date[i], t.date[i]));
            factor_keys.emplace(t.currency[i], rate_year);
            line = std::to_string(a) + ',' + p.activity(a).reporting_org.ref + ',' +
                   std::to_string(q.calendar.fiscal_year_of_day(t.date[i])) + ',' + std::to_string(t.type[i]) + ',' +
                   aidtrack::Decimal::from_raw(t.value[i]).to_string() + ',' +
                   aidtrack::CurrencyCode::from_packed(t.currency[i]).str() + ',' + std::to_string(rate_year) + '\n';
            out << line;
        }
    }
    {
        std::ofstream out(dir + "/factors.csv");
        out << "currency,rate_year,factor\n";
        for (const auto& [currency, year] : factor_keys) {
            const auto code = aidtrack::CurrencyCode::from_packed(currency);
            const double f =
                code == q.currency ? 1.0 : rates.factor(code, q.currency, aidtrack::make_date(year, 7, 1), q.policy);
            char text[64];
            std::snprintf(text, sizeof text, "%.17g", f);
            out << code.str() << ',' << year << ',' << text << '\n';
        }
    }
    {
        std::map<std::uint32_t, std::vector<std::pair<std::string, aidtrack::Decimal>>> shares;
        for (const auto& s : q.objectives) {
            if (const auto a = p.find_activity(s.activity_id))
                shares[*a].emplace_back(s.code, s.percentage.value_or(aidtrack::Decimal(100)));
        }
        std::ofstream out(dir + "/shares.csv");
        out << "activity,objective,percentage\n";
        for (std::uint32_t a = 0; a < p.activity_count(); ++a) {
            aidtrack::Decimal total;
            for (const auto& [code, pct] : shares[a]) {
                out << a << ',' << code << ',' << pct.to_string() << '\n';
                total = total + pct;
            }
            if (total < aidtrack::Decimal(100))
                out << a << ",(unmapped)," << (aidtrack::Decimal(100) - total).to_string() << '\n';
        }
    }
    std::printf("{\"rows\": %zu, \"dir\": \"%s\"}\n", t.size(), dir.c_str());
    return 0;
}

// Google Benchmark registrations for the aggregation kernel and the floor.
struct Fixture {
    aidtrack::Portfolio portfolio;
    aidtrack::ExchangeRates rates;
    aidtrack::measures::AggregateQuery query;
    std::vector<std::int64_t> column;
};

Fixture& fixture() {
    static Fixture f = [] {
        Fixture x;
        const char* archive = std::getenv("AIDTRACK_BENCH_ARCHIVE");
        const char* objectives = std::getenv("AIDTRACK_BENCH_OBJECTIVES");
        const char* rates = std::getenv("AIDTRACK_BENCH_RATES");
        if (archive == nullptr || objectives == nullptr || rates == nullptr) {
            throw std::runtime_error("set AIDTRACK_BENCH_ARCHIVE, AIDTRACK_BENCH_OBJECTIVES and AIDTRACK_BENCH_RATES");
        }
        x.portfolio = aidtrack::Portfolio::load(archive);
        x.rates = aidtrack::ExchangeRates::from_imf_csv(rates);
        x.query = make_query(objectives, x.rates);
        x.column.resize(x.portfolio.transactions().size());
        for (std::size_t i = 0; i < x.column.size(); ++i)
            x.column[i] = static_cast<std::int64_t>(x.portfolio.transactions().value[i] / 10'000'000);
        return x;
    }();
    return f;
}

void BM_aggregate(benchmark::State& state) {
    Fixture& f = fixture();
    auto q = f.query;
    q.threads = static_cast<unsigned>(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(aidtrack::measures::aggregate(f.portfolio, q));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(f.column.size()));
}
BENCHMARK(BM_aggregate)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_floor_sum_one_column(benchmark::State& state) {
    Fixture& f = fixture();
    for (auto _ : state) benchmark::DoNotOptimize(floor_sum(f.column));
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(f.column.size()));
}
BENCHMARK(BM_floor_sum_one_column)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (!args.empty() && args[0] == "aggregate" && args.size() >= 4) {
            return run_aggregate(args[1], args[2], args[3], args.size() > 4 ? std::stoi(args[4]) : 5);
        }
        if (args.size() == 2 && args[0] == "load") return run_load(args[1]);
        if (args.size() == 3 && args[0] == "import") return run_import(args[1], args[2]);
        if (args.size() >= 2 && args[0] == "parse") return run_parse(args[1], args.size() > 2 ? std::stoi(args[2]) : 3);
        if (args.size() == 5 && args[0] == "export") return run_export(args[1], args[2], args[3], args[4]);
        if (!args.empty() && args[0] == "gbench") {
            int gargc = argc - 1;
            benchmark::Initialize(&gargc, argv + 1);
            benchmark::RunSpecifiedBenchmarks();
            benchmark::Shutdown();
            return 0;
        }
    } catch (const std::exception& e) {
        std::cerr << "aidtrack_bench: " << e.what() << '\n';
        return 1;
    }
    std::cerr
        << "usage: aidtrack_bench aggregate ARCHIVE OBJECTIVES.csv RATES.csv [REPEAT] | load ARCHIVE | "
           "import XML OUT.atk | parse XML [REPEAT] | export ARCHIVE OBJECTIVES.csv RATES.csv DIR | gbench [flags]\n";
    return 2;
}
