/// \file cambodia.cpp
/// \brief Builds the embedded Cambodia dataset from the CSV and IATI files in data/cambodia/.

#include <aidtrack/core/csv_reader.hpp>
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/io/coordination_csv.hpp>
#include <aidtrack/io/iati_reader.hpp>
#include <aidtrack/io/results_csv.hpp>
#include <aidtrack/model/transaction_type.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace aidtrack::datasets {
namespace {

namespace fs = std::filesystem;

// Calls `each` on every data row of the CSV file at `path`; false when the file cannot be opened
// (every file of the dataset is optional), a ParseError when it has no header.
bool read_rows(const std::string& path, const std::function<void(const CsvRow&)>& each) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    CsvRows rows(in, path);
    rows.require_header();
    while (rows.next()) each(rows.row());
    return true;
}

// FILE:LINE of a row, as notes and messages quote it.
std::string where_of(const CsvRow& row) { return row.file() + ":" + std::to_string(row.line()); }

Provenance provenance_of(const CsvRow& row) {
    Provenance p;
    p.source = row.optional_text("source");
    if (p.source.empty()) p.source = row.file();
    p.line = row.line();
    p.evidence = row.evidence();
    p.note = where_of(row);
    const std::string note = row.optional_text("note");
    if (!note.empty()) p.note += ": " + note;
    return p;
}

Narratives narratives(const std::string& s) {
    Narratives n;
    n.push_back(Narrative{s, ""});
    return n;
}

// The weakest evidence of an activity's records decides its own, and its note names the lines
// that are not reported, so that the report can list them.
void weaken(Activity& a, Evidence e, const std::string& where) {
    if (static_cast<int>(e) > static_cast<int>(a.provenance.evidence)) a.provenance.evidence = e;
    if (e != Evidence::reported) a.provenance.note += "; " + std::string(to_string(e)) + " record at " + where;
}

void load_organisations(const std::string& dir, Portfolio& p) {
    read_rows(dir + "/organisations.csv", [&](const CsvRow& row) {
        Organisation o;
        o.ref = row.text("ref");
        o.name = row.text("name");
        o.short_name = row.optional_text("short_name");
        o.type = row.optional_text("type");
        o.country = row.optional_text("country");
        o.provenance = provenance_of(row);
        p.upsert_organisation(std::move(o));
    });
}

std::uint32_t series_activity(Portfolio& p, const std::string& id, const std::string& title,
                              const std::string& reporting_org, const std::string& source) {
    if (auto found = p.find_activity(id)) return *found;
    Activity a;
    a.identifier = id;
    a.title = narratives(title);
    a.reporting_org.ref = reporting_org;
    a.default_currency = "USD";
    a.status = "2";
    a.sectors.push_back(
        SectorShare{"1", "15250", Decimal(100), narratives("Removal of land mines and explosive remnants of war")});
    a.recipient_countries.push_back(CountryShare{"KH", Decimal(100), narratives("Cambodia")});
    a.provenance.source = source;
    a.provenance.evidence = Evidence::reported;
    a.provenance.note = "built from " + source;
    return p.add_activity(std::move(a));
}

// A published amount of the international series: a year's total or one donor's part of it.
struct SeriesAmount {
    int year = 0;
    Decimal amount;
    std::string donor;  // organisation ref of a part; empty for a total
    Evidence evidence = Evidence::reported;
    std::string where;  // FILE:LINE
    std::uint32_t line = 0;
    std::string path;  // FILE
};

// The international series and the national contribution, from funding.csv and the Landmine
// Monitor's tables (monitor/yearly_totals.csv, monitor/donor_contributions.csv).
//
// Every amount is counted once. A year's total is the country total; donor rows are parts of
// that total, not money beside it. So a year with named donors becomes one transaction per named
// donor (provider = the donor, evidence of its row) plus one for the rest (total − named donors,
// no provider, evidence `derived`), and these add up to the published total. Where the
// publisher's donor rows add up to more than its total, the rows are kept (they are the detailed
// figures), no rest is made, and a warning in the Portfolio's diagnostics states the difference.
// A donor row without its year's total is an error naming the row.
//
// The national contribution is the Royal Government's own spending on mine action, not a
// development partner's disbursement: it is recorded as expenditure (type 4), so the donor
// measures, which count disbursements (type 3), never list the government as a donor of its
// own budget. Pledges are outgoing pledges (type 12).
class FundingLoader {
public:
    FundingLoader(const std::string& dir, Portfolio& p) : dir_(dir), p_(p) {}

    void load() {
        read_funding_csv();
        read_monitor_totals();
        read_monitor_donors();
        for (const auto& [year, rows] : parts_) {
            if (!totals_.contains(year)) {
                throw ParseError("a donor's part of " + std::to_string(year) +
                                     " without the international total of that year "
                                     "(a total is needed, so that the part is counted within it)",
                                 {rows.front().path, rows.front().line, "year"});
            }
        }
        build_series();
    }

private:
    static constexpr const char* kSource = "Landmine Monitor, Support for mine action: Cambodia";

    std::uint32_t series(const std::string& id, const std::string& title, const std::string& reporting_org) {
        return series_activity(p_, id, title, reporting_org, kSource);
    }

    void add(std::uint32_t index, int year, TransactionType type, const std::string& provider, const Decimal& amount,
             Evidence evidence, const std::string& ref, const std::string& where, std::uint32_t line) {
        Transaction t;
        t.activity = index;
        t.type = code_of(type);
        t.date = make_date(year, 12, 31);  // published as calendar-year totals
        t.value = Money(amount, CurrencyCode("USD"));
        t.provider_org = provider;
        t.ref = ref;
        t.line = line;
        p_.add_transaction(t);
        Activity a = p_.activity(index);
        weaken(a, evidence, where);
        p_.replace_activity(index, std::move(a));
    }

    void add_total(const SeriesAmount& total) {
        if (const auto it = totals_.find(total.year); it != totals_.end()) {
            throw ParseError("a second international total for " + std::to_string(total.year) + " (" +
                                 it->second.where + " gives one)",
                             {total.path, total.line, "year"});
        }
        totals_[total.year] = total;
    }

    void read_funding_csv() {
        read_rows(dir_ + "/funding.csv", [&](const CsvRow& row) {
            const std::string kind = row.text("series");
            const int year = row.integer<int>("year");
            const std::string where = where_of(row);
            SeriesAmount amount{year,       {},        row.optional_text("donor_ref"), row.evidence(), where,
                                row.line(), row.file()};
            if (kind == "international") {
                amount.amount = row.decimal("amount_usd");
                amount.donor.clear();
                add_total(amount);
            } else if (kind == "international_by_donor") {
                static_cast<void>(row.text("donor_ref"));  // a part must name its donor
                amount.amount = row.decimal("amount_usd");
                parts_[year].push_back(amount);
            } else if (kind == "national" || kind == "national_pledge") {
                const std::uint32_t index = series(
                    CambodiaSeries::national, "National contribution of the Royal Government of Cambodia", "KH-RGC");
                if (kind == "national") national_years_.insert(year);
                add(index, year, kind == "national" ? TransactionType::expenditure : TransactionType::outgoing_pledge,
                    row.optional_text("donor_ref"), row.decimal("amount_usd"), amount.evidence, "", amount.where,
                    row.line());
            } else {
                row.fail("series", "unknown series '" + kind +
                                       "' (international, international_by_donor, national, national_pledge)");
            }
        });
    }

    // The publisher's yearly totals: the preferred row of each year is the series' total; its
    // national contribution is added for years funding.csv does not give.
    void read_monitor_totals() {
        struct National {
            Decimal amount;
            std::string where;
            std::uint32_t line = 0;
        };
        std::map<int, National> national;  // year -> the row's contribution
        read_rows(dir_ + "/monitor/yearly_totals.csv", [&](const CsvRow& row) {
            const int year = row.integer<int>("year");
            const std::string preferred = row.text("preferred");
            if (preferred != "0" && preferred != "1")
                row.fail("preferred", "preferred must be 0 or 1, not '" + preferred + "'");
            if (preferred == "1" && !row.empty("international_usd")) {
                add_total({year, row.decimal("international_usd"), "", Evidence::reported, where_of(row), row.line(),
                           row.file()});
            }
            if (!row.empty("national_usd") && !national_years_.contains(year) &&
                (preferred == "1" || !national.contains(year))) {
                national[year] = {row.decimal("national_usd"), where_of(row), row.line()};
            }
        });
        for (const auto& [year, n] : national) {
            const std::uint32_t index =
                series(CambodiaSeries::national, "National contribution of the Royal Government of Cambodia", "KH-RGC");
            add(index, year, TransactionType::expenditure, "KH-RGC", n.amount, Evidence::reported, "", n.where, n.line);
        }
    }

    void read_monitor_donors() {
        read_rows(dir_ + "/monitor/donor_contributions.csv", [&](const CsvRow& row) {
            const std::string ref = row.text("donor_ref");
            if (p_.find_organisation(ref) == nullptr) {
                row.fail("donor_ref",
                         "donor_ref '" + ref +
                             "' is no organisation of organisations.csv (add it there, so the donor has a name)");
            }
            const int year = row.integer<int>("year");
            parts_[year].push_back(
                {year, row.decimal("amount_usd"), ref, Evidence::reported, where_of(row), row.line(), row.file()});
        });
    }

    void build_series() {
        if (totals_.empty()) return;
        const std::uint32_t index =
            series(CambodiaSeries::international, "International support to mine action in Cambodia (Landmine Monitor)",
                   "AIDTRACK-LM");
        for (const auto& [year, total] : totals_) {
            const auto parts = parts_.find(year);
            if (parts == parts_.end()) {
                add(index, year, TransactionType::disbursement, "", total.amount, total.evidence,
                    "LM-" + std::to_string(year), total.where, total.line);
                continue;
            }
            // One transaction per donor: a donor listed twice in a year (two sectors) is summed.
            std::map<std::string, std::pair<Decimal, const SeriesAmount*>> by_donor;
            Decimal named;
            for (const auto& part : parts->second) {
                auto& [sum, first] = by_donor[part.donor];
                sum += part.amount;
                if (first == nullptr) first = &part;
                named += part.amount;
            }
            for (const auto& [donor, entry] : by_donor) {
                add(index, year, TransactionType::disbursement, donor, entry.first, entry.second->evidence,
                    "LM-" + std::to_string(year) + "-" + donor, entry.second->where, entry.second->line);
            }
            if (named < total.amount) {
                // The rest of the total is derived: published total minus the published parts.
                const Evidence rest =
                    total.evidence == Evidence::illustrative ? Evidence::illustrative : Evidence::derived;
                add(index, year, TransactionType::disbursement, "", total.amount - named, rest,
                    "LM-" + std::to_string(year) + "-other-donors",
                    total.where + " (" + std::to_string(year) + " total " + total.amount.to_string() +
                        " minus the named donors)",
                    total.line);
            } else if (total.amount < named) {
                p_.add_diagnostic(Diagnostic{Severity::warning,
                                             "ValidationError",
                                             "series-parts-add-up",
                                             "the donor rows of " + std::to_string(year) + " add up to " +
                                                 named.to_string() + ", more than the published total " +
                                                 total.amount.to_string() + " (" + total.where + "; difference " +
                                                 (named - total.amount).to_string() + "): the rows are kept",
                                             {parts->second.front().path, parts->second.front().line, "amount_usd"}});
            }
        }
    }

    std::string dir_;
    Portfolio& p_;
    std::map<int, SeriesAmount> totals_;
    std::map<int, std::vector<SeriesAmount>> parts_;
    std::set<int> national_years_;
};

void load_funding(const std::string& dir, Portfolio& p) { FundingLoader(dir, p).load(); }

void load_activities(const std::string& dir, Portfolio& p) {
    read_rows(dir + "/activities.csv", [&](const CsvRow& row) {
        Activity a;
        a.identifier = row.text("identifier");
        a.title = narratives(row.text("title"));
        a.description = narratives(row.optional_text("description"));
        a.reporting_org.ref = row.text("reporting_org");
        a.reporting_org.name = narratives(p.organisation_name(a.reporting_org.ref));
        for (const auto& ref : row.list("funding_orgs")) {
            a.participating_orgs.push_back({ref, OrgRole::funding, "", "", "", narratives(p.organisation_name(ref))});
        }
        for (const auto& ref : row.list("implementing_orgs")) {
            a.participating_orgs.push_back(
                {ref, OrgRole::implementing, "", "", "", narratives(p.organisation_name(ref))});
        }
        a.planned_start = row.date("start");
        a.planned_end = row.date("end");
        a.status = row.optional_text("status");
        a.default_currency = "USD";
        if (!row.empty("sector")) a.sectors.push_back(SectorShare{"1", row.optional_text("sector"), Decimal(100), {}});
        a.recipient_countries.push_back(CountryShare{"KH", Decimal(100), narratives("Cambodia")});
        a.provenance = provenance_of(row);
        const std::uint32_t index = p.add_activity(a);
        if (const auto budget = row.optional_decimal("budget_usd")) {
            Budget b;
            b.activity = index;
            b.type = 1;
            b.status = 2;
            b.period = Period(*a.planned_start, *a.planned_end);
            b.value = Money(*budget, CurrencyCode("USD"));
            b.line = row.line();
            p.add_budget(b);
        }
    });
}

void load_transactions(const std::string& dir, Portfolio& p) {
    read_rows(dir + "/transactions.csv", [&](const CsvRow& row) {
        const std::string id = row.text("activity");
        const auto index = p.find_activity(id);
        if (!index) row.fail("activity", "unknown activity '" + id + "' (define it in activities.csv)");
        Transaction t;
        t.activity = *index;
        t.type = row.integer<int>("type");
        if (!transaction_type_of(t.type)) row.fail("type", "transaction type must be 1..13");
        t.date = row.date("date");
        t.value = Money(row.decimal("value"), row.currency("currency"));
        t.provider_org = row.optional_text("provider_org");
        t.receiver_org = row.optional_text("receiver_org");
        t.line = row.line();
        p.add_transaction(t);
        Activity a = p.activity(*index);
        weaken(a, row.evidence(), where_of(row));
        p.replace_activity(*index, std::move(a));
    });
}

void say(const DatasetOptions& o, const std::string& line) {
    if (o.progress) o.progress(line);
}

}  // namespace

IatiReadResult read_dataset_iati(const std::string& dir, Portfolio& into, const IatiSelection& selection) {
    std::vector<std::string> files;
    if (fs::is_directory(dir + "/iati")) {
        for (const auto& e : fs::directory_iterator(dir + "/iati")) {
            if (e.path().extension() == ".xml") files.push_back(e.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    IatiReadOptions read;  // lenient: problems of the published files become diagnostics
    read.selection = selection;
    return read_iati_files(files, into, read);
}

DatasetRead load_dataset_dir(const std::string& dir, Portfolio& into, const DatasetOptions& options) {
    DatasetRead out;
    if (!fs::is_directory(dir)) throw IoError("dataset directory '" + dir + "' does not exist");
    say(options, "reading organisations, funding and activities from " + dir);
    load_organisations(dir, into);
    load_funding(dir, into);
    load_activities(dir, into);
    load_transactions(dir, into);
    if (fs::is_directory(dir + "/results")) {
        say(options, "reading strategy, contamination, land release and casualties from " + dir + "/results");
        load_results_csv(into.results(), dir + "/results");
    }
    if (fs::is_directory(dir + "/coordination")) {
        say(options, "reading TWG-MA, Partnership Principles, exchanges, deployments and procurement from " + dir +
                         "/coordination");
        load_coordination_dir(into.coordination(), dir + "/coordination");
    }
    if (options.iati && fs::is_directory(dir + "/iati")) {
        say(options, "reading the IATI files of " + dir + "/iati");
        out.iati = read_dataset_iati(dir, into, options.iati_selection);
    }
    return out;
}

Portfolio cambodia(const DatasetOptions& options) {
    Portfolio p;
    load_dataset_dir(options.dir.empty() ? data_file("cambodia") : options.dir, p, options);
    return p;
}

namespace {

// One column of a published table: its CSV name, its type, whether a row must give it.
struct PublishedColumn {
    std::string csv;
    std::string name;
    enum class Kind { text, integer, decimal } kind = Kind::text;
    bool required = false;
    std::string description;
};

// A CSV file as a typed Table; empty cells of optional columns are undefined.
std::optional<Table> read_published(const std::string& path, const std::string& title,
                                    const std::vector<PublishedColumn>& columns) {
    Table t(title);
    for (const auto& c : columns) {
        if (c.kind == PublishedColumn::Kind::text) t.add_column<std::string>(c.name, c.description);
        if (c.kind == PublishedColumn::Kind::integer) t.add_column<std::int64_t>(c.name, c.description);
        if (c.kind == PublishedColumn::Kind::decimal) t.add_column<Decimal>(c.name, c.description);
    }
    const bool read = read_rows(path, [&](const CsvRow& row) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto& c = columns[i];
            const std::string v = c.required ? row.text(c.csv) : row.optional_text(c.csv);
            if (c.kind == PublishedColumn::Kind::text) {
                t.push<std::string>(i, v);
            } else if (v.empty()) {
                t.push_undefined(i);
            } else if (c.kind == PublishedColumn::Kind::integer) {
                t.push<std::int64_t>(i, row.integer(c.csv));
            } else {
                t.push<Decimal>(i, row.decimal(c.csv));
            }
        }
    });
    if (!read) return std::nullopt;
    t.add_note("Copied from the pages named on each row (" + path + ").");
    return t;
}

}  // namespace

PublishedTables published_tables(const std::string& dir_in) {
    using K = PublishedColumn::Kind;
    const std::string dir = (dir_in.empty() ? data_file("cambodia") : dir_in) + "/monitor";
    PublishedTables out;
    out.contributions = read_published(
        dir + "/donor_contributions.csv", "Published contributions by donor and year",
        {{"year", "year", K::integer, true, "funding year"},
         {"donor", "donor", K::text, true, "donor as the publisher names it"},
         {"donor_ref", "donor_ref", K::text, true, "organisation identifier"},
         {"sector", "sector", K::text, false, "as published"},
         {"currency", "currency", K::text, false, "currency of amount_national"},
         {"amount_national", "amount_national", K::decimal, false, "in the donor's currency, as published"},
         {"amount_usd", "amount_usd", K::decimal, true, "the publisher's US dollars"},
         {"url", "source", K::text, true, "page the row is copied from"},
         {"edition", "edition", K::integer, false, "edition (year) of the page"}});
    out.totals =
        read_published(dir + "/yearly_totals.csv", "Published yearly totals",
                       {{"year", "year", K::integer, true, "funding year"},
                        {"international_usd", "international_usd", K::decimal, false, "international contributions"},
                        {"donors", "donors", K::integer, false, "donors the publisher counts"},
                        {"national_usd", "national_usd", K::decimal, false, "national contribution"},
                        {"url", "source", K::text, true, "page the row is copied from"},
                        {"table", "table", K::text, false, "donor table, summary or text"},
                        {"preferred", "preferred", K::integer, true, "1 = the figure the series holds"},
                        {"note", "note", K::text, false, ""},
                        {"edition", "edition", K::integer, false, "edition (year) of the page"}});
    out.funding_needs =
        read_published(dir + "/funding_needs.csv", "Published estimates of the money needed",
                       {{"published", "published", K::text, true, "when the estimate was published (YYYY or YYYY-MM)"},
                        {"period_start", "period_start", K::integer, false, "first year covered"},
                        {"period_end", "period_end", K::integer, false, "last year covered"},
                        {"amount_usd", "amount_usd", K::decimal, true, "US dollars"},
                        {"scope", "scope", K::text, true, "total requirement, annual requirement, component …"},
                        {"who", "who", K::text, true, "who published it"},
                        {"url", "source", K::text, true, "page the row is copied from"},
                        {"note", "note", K::text, false, ""}});
    out.land_release =
        read_published(dir + "/land_release.csv", "Published land release",
                       {{"year", "year", K::integer, true, "calendar year"},
                        {"contamination", "contamination", K::text, true, "all, mines, cmr or erw"},
                        {"cancelled_m2", "cancelled_m2", K::integer, false, "cancelled by non-technical survey"},
                        {"reduced_m2", "reduced_m2", K::integer, false, "reduced by technical survey"},
                        {"cleared_m2", "cleared_m2", K::integer, false, "cleared"},
                        {"total_m2", "total_m2", K::integer, false, "total as published"},
                        {"edition", "source", K::text, true, "publication"},
                        {"url", "url", K::text, true, "page the row is copied from"},
                        {"note", "note", K::text, false, ""}});
    return out;
}

std::vector<measures::ActivityShare> nmas_mapping(const std::string& dir_in) {
    const std::string dir = dir_in.empty() ? data_file("cambodia") : dir_in;
    const std::string path = dir + "/nmas_mapping.csv";
    if (!fs::is_regular_file(path)) return {};
    return measures::load_activity_shares(path, "objective");
}

Table dataset_files(const std::string& dir_in) {
    const std::string dir = dir_in.empty() ? data_file("cambodia") : dir_in;
    Table t("Dataset files and the evidence of their records");
    t.add_column<std::string>("file", "path under the dataset directory");
    t.add_column<std::int64_t>("records", "data rows");
    t.add_column<std::int64_t>("reported", "rows marked reported (a public source gives the figure)");
    t.add_column<std::int64_t>("derived", "rows computed from reported figures");
    t.add_column<std::int64_t>("illustrative", "rows no public source gives (made to illustrate)");
    t.add_column<std::string>("sources", "distinct sources named by the rows");
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file() && e.path().extension() == ".csv") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        std::int64_t records = 0;
        std::int64_t counts[3] = {0, 0, 0};
        std::set<std::string> sources;
        // monitoring.csv uses `evidence` for what shows the status; its class is `evidence_class`.
        const std::string evidence = path.filename() == "monitoring.csv" ? "evidence_class" : "evidence";
        read_rows(path.string(), [&](const CsvRow& row) {
            ++records;
            ++counts[static_cast<int>(row.evidence(evidence))];
            if (!row.empty("source")) sources.insert(row.optional_text("source"));
        });
        std::string joined;
        for (const auto& s : sources) joined += (joined.empty() ? "" : "; ") + s;
        t.push<std::string>(0, fs::relative(path, dir).generic_string());
        t.push<std::int64_t>(1, records);
        t.push<std::int64_t>(2, counts[0]);
        t.push<std::int64_t>(3, counts[1]);
        t.push<std::int64_t>(4, counts[2]);
        t.push<std::string>(5, joined);
    }
    for (const auto& e : fs::directory_iterator(dir + "/iati")) {
        if (e.path().extension() != ".xml") continue;
        std::ifstream in(e.path());
        std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::int64_t n = 0;
        for (std::size_t pos = content.find("<iati-activity "); pos != std::string::npos;
             pos = content.find("<iati-activity ", pos + 1))
            ++n;
        t.push<std::string>(0, fs::relative(e.path(), dir).generic_string());
        t.push<std::int64_t>(1, n);
        t.push<std::int64_t>(2, n);
        t.push<std::int64_t>(3, 0);
        t.push<std::int64_t>(4, 0);
        t.push<std::string>(5, "IATI Registry (published XML, copied unchanged)");
    }
    t.add_note("Counts read from the files themselves; see data/cambodia/README.md for what each file holds.");
    return t;
}

}  // namespace aidtrack::datasets
