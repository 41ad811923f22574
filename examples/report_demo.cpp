// The aid-effectiveness report on the embedded Cambodia dataset, from C++: build it, print the
// headline numbers, write the files. Paired with report_demo.py (same numbers).
#include <aidtrack/datasets/cambodia.hpp>
#include <aidtrack/report/report_builder.hpp>

#include <filesystem>
#include <iostream>

int main() {
    const aidtrack::Portfolio portfolio = aidtrack::datasets::cambodia();
    aidtrack::report::ReportOptions options;
    options.year = 2024;
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
    const auto dir = std::filesystem::temp_directory_path() / "aidtrack-report-demo-cpp";
    const auto written = aidtrack::report::write_report(report, dir.string());
    std::cerr << "wrote " << written.html << " and " << written.csv.size() << " CSV files\n";
    return 0;
}
