// The aid-effectiveness report on the embedded Cambodia dataset, from C++: build it, print the
// headline numbers, write the files. Paired with report_demo.py (same numbers).
#include <aidtrack/core/data_dir.hpp>
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/report/report_builder.hpp>

#include <filesystem>
#include <iostream>

int main() {
    namespace datasets = aidtrack::datasets;
    // The dataset, read in mine action scope, and what it publishes beside its records.
    const std::string dir = aidtrack::data_file("cambodia");
    aidtrack::Portfolio portfolio;
    const datasets::DatasetRead read = datasets::load_dataset_dir(dir, portfolio);
    datasets::PublishedTables published = datasets::published_tables(dir);
    aidtrack::report::ReportOptions options;
    options.year = 2024;
    options.source_files = datasets::dataset_files(dir);
    options.nmas_mapping = datasets::nmas_mapping(dir);
    options.out_of_scope = read.iati.outside;  // counted in the provenance, never in a table
    options.scope_selection = read.iati.selection;
    options.published_contributions = std::move(published.contributions);
    options.published_totals = std::move(published.totals);
    options.funding_needs = std::move(published.funding_needs);
    options.published_land_release = std::move(published.land_release);
    const aidtrack::report::Report report = aidtrack::report::build_report(portfolio, options);

    const aidtrack::Table& series = report.find("funding")->tables.at(0);
    for (std::size_t r = 0; r < series.row_count(); ++r) {
        if (series.defined(r, "international_USD")) {
            std::cout << "international " << series.text(r, series.column_index("year")) << " "
                      << series.at<aidtrack::Decimal>(r, "international_USD").to_string() << "\n";
        }
    }
    const aidtrack::Table& land = report.find("land-release")->tables.at(0);
    for (std::size_t r = 0; r < land.row_count(); ++r) {
        std::cout << "remaining " << land.text(r, 0) << " " << land.at<std::int64_t>(r, "remaining_m2") << "\n";
    }
    for (const auto& finding : report.findings) std::cerr << finding.sentence << "\n";
    const auto out = std::filesystem::temp_directory_path() / "aidtrack-report-demo-cpp";
    const auto written = aidtrack::report::write_report(report, out.string());
    std::cerr << "wrote " << written.html << " and " << written.csv.size() << " CSV files\n";
    return 0;
}
