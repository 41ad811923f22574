/// \file generate.cpp
/// \brief Generates realistic synthetic portfolios for the benchmarks.
///
/// `aidtrack_bench_gen ROWS OUT.atk [OBJECTIVES.csv]`: ROWS transactions over about ROWS/200
/// activities (at least 20 000, at most 60 000) of 300 reporting organisations, 12 currencies (each
/// donor pays mostly in its home currency, a fifth in USD), 20 fiscal years (2005–2024), one to
/// three sectors and recipient countries per activity with percentages, and an NMAS objective
/// mapping: 45 % of activities split two ways (60/40, 70/30, 50/50), 35 % on one objective,
/// 20 % unmapped. Rows are in activity order, as an IATI import appends them. Deterministic
/// (fixed seed), so every run measures the same data.

#include <aidtrack/core/date.hpp>
#include <aidtrack/model/portfolio.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

namespace {

/// \brief A small fast deterministic generator (PCG-style LCG, upper bits).
struct Random {
    std::uint64_t state = 0x853c49e6748fea9bULL;
    std::uint32_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 32);
    }
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>((static_cast<std::uint64_t>(next()) * n) >> 32);
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: aidtrack_bench_gen ROWS OUT.atk [OBJECTIVES.csv]\n";
        return 2;
    }
    const auto started = std::chrono::steady_clock::now();
    const std::size_t rows = std::stoull(argv[1]);
    const std::uint32_t activities =
        static_cast<std::uint32_t>(std::min<std::size_t>(60'000, std::max<std::size_t>(20'000, rows / 200)));
    const std::uint32_t donors = 300;
    const char* currencies[] = {"USD", "EUR", "GBP", "JPY", "AUD", "CAD", "CHF", "SEK", "NOK", "DKK", "KRW", "KHR"};
    const char* countries[] = {"KH", "LA", "VN", "MM", "TH", "AF", "IQ", "SY", "UA", "CO", "AO", "MZ", "SO", "LB"};
    const char* sectors[] = {"15250", "15230", "15110", "15220", "72010", "43060", "12220", "31120"};
    const char* objectives[] = {"1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.1", "4.2", "5.1", "6.1", "6.2"};
    Random rng;

    aidtrack::Portfolio p;
    std::ofstream mapping;
    if (argc > 3) {
        mapping.open(argv[3]);
        mapping << "activity_id,objective,percentage\n";
    }
    for (std::uint32_t d = 0; d < donors; ++d) {
        aidtrack::Organisation o;
        o.ref = "XM-BENCH-" + std::to_string(d);
        o.name = "Donor " + std::to_string(d);
        o.type = d % 3 == 0 ? "10" : "40";
        p.upsert_organisation(o);
    }
    std::vector<std::uint16_t> home(donors);
    for (std::uint32_t d = 0; d < donors; ++d) home[d] = aidtrack::CurrencyCode(currencies[d % 12]).packed();
    std::vector<std::uint32_t> donor_of(activities);
    for (std::uint32_t a = 0; a < activities; ++a) {
        aidtrack::Activity act;
        act.identifier = "XM-BENCH-" + std::to_string(a % donors) + "-A" + std::to_string(a);
        donor_of[a] = a % donors;
        act.reporting_org.ref = "XM-BENCH-" + std::to_string(donor_of[a]);
        act.reporting_org.type = "10";
        act.default_currency = currencies[donor_of[a] % 12];
        act.title.push_back({"Mine action activity " + std::to_string(a), "en"});
        const std::uint32_t ns = 1 + rng.below(3), nc = 1 + rng.below(3);
        const int split3[3][3] = {{100, 0, 0}, {60, 40, 0}, {50, 30, 20}};
        for (std::uint32_t k = 0; k < ns; ++k)
            act.sectors.push_back({"1", sectors[(a + k) % 8], aidtrack::Decimal(split3[ns - 1][k]), {}});
        for (std::uint32_t k = 0; k < nc; ++k)
            act.recipient_countries.push_back({countries[(a * 7 + k) % 14], aidtrack::Decimal(split3[nc - 1][k]), {}});
        act.provenance.source = "generated";
        p.add_activity(std::move(act));
        if (mapping.is_open()) {
            const std::string id = "XM-BENCH-" + std::to_string(a % donors) + "-A" + std::to_string(a);
            const std::uint32_t kind = rng.below(100);
            const char* o1 = objectives[rng.below(11)];
            const char* o2 = objectives[rng.below(11)];
            if (o1 == o2) o2 = objectives[(rng.below(10) + 1 + static_cast<std::uint32_t>(o1 - objectives[0])) % 11];
            if (kind < 45) {
                const int pairs[3][2] = {{60, 40}, {70, 30}, {50, 50}};
                const auto& pr = pairs[rng.below(3)];
                mapping << id << ',' << o1 << ',' << pr[0] << '\n' << id << ',' << o2 << ',' << pr[1] << '\n';
            } else if (kind < 80) {
                mapping << id << ',' << o1 << ",100\n";
            }
        }
    }
    // Transactions written straight into the columns (the bulk-loader path), strings interned once.
    aidtrack::TransactionTable t;
    t.reserve(rows);
    std::vector<aidtrack::StringPool::Index> donor_ref(donors), implementer(500);
    for (std::uint32_t d = 0; d < donors; ++d) donor_ref[d] = t.strings().intern("XM-BENCH-" + std::to_string(d));
    for (std::uint32_t k = 0; k < 500; ++k) implementer[k] = t.strings().intern("XM-IMPL-" + std::to_string(k));
    const auto usd = aidtrack::CurrencyCode("USD").packed();
    const std::int32_t first = aidtrack::day_number::from_date(aidtrack::make_date(2005, 1, 1));
    const std::int32_t last = aidtrack::day_number::from_date(aidtrack::make_date(2024, 12, 31));
    const auto aid_type = t.strings().intern("C01"), finance = t.strings().intern("110"),
               flow = t.strings().intern("10"), tied = t.strings().intern("5");
    // Rows come activity by activity, as an import of IATI files appends them; activity sizes are
    // skewed (the product of two uniforms): a few large programmes, many small projects.
    std::vector<std::uint32_t> per_activity(activities, 0);
    for (std::size_t i = 0; i < rows; ++i) {
        ++per_activity[static_cast<std::uint32_t>(
            (static_cast<std::uint64_t>(rng.below(activities)) * (rng.below(activities) + 1)) / activities)];
    }
    std::uint32_t a = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        while (per_activity[a] == 0) ++a;
        --per_activity[a];
        const std::uint32_t roll = rng.below(100);
        const std::int32_t day =
            first + static_cast<std::int32_t>(rng.below(static_cast<std::uint32_t>(last - first + 1)));
        // Amounts from 10^2 to 10^7 with cents, log-uniform; about 1 % negative (reversals).
        const double magnitude = std::pow(10.0, 2.0 + 5.0 * rng.below(1'000'000) / 1e6);
        std::int64_t cents = static_cast<std::int64_t>(magnitude * 100.0);
        if (rng.below(100) == 0) cents = -cents;
        t.activity.push_back(a);
        t.type.push_back(static_cast<std::uint8_t>(roll < 15 ? 2 : roll < 75 ? 3 : 4));
        t.date.push_back(day);
        t.value.push_back(static_cast<aidtrack::Decimal::Raw>(cents) * 10'000'000);
        t.currency.push_back(rng.below(5) == 0 ? usd : home[donor_of[a]]);
        t.value_date.push_back(rng.below(10) < 7 ? day : aidtrack::day_number::kNone);
        t.ref.push_back(0);
        t.provider_org.push_back(donor_ref[donor_of[a]]);
        t.provider_activity.push_back(0);
        t.receiver_org.push_back(implementer[rng.below(500)]);
        t.receiver_activity.push_back(0);
        t.aid_type.push_back(aid_type);
        t.finance_type.push_back(finance);
        t.flow_type.push_back(flow);
        t.tied_status.push_back(tied);
        t.disbursement_channel.push_back(0);
        t.sector_vocabulary.push_back(0);
        t.sector_code.push_back(0);
        t.recipient_country.push_back(0);
        t.recipient_region.push_back(0);
        t.humanitarian.push_back(-1);
        t.line.push_back(0);
    }
    const std::size_t column_bytes = t.column_bytes();
    p.add_transactions(std::move(t));
    p.save(argv[2]);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("{\"rows\": %zu, \"activities\": %u, \"donors\": %u, \"column_bytes\": %zu, \"seconds\": %.2f}\n", rows,
                activities, donors, column_bytes, seconds);
    return 0;
}
