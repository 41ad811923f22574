#pragma once
/// \file svg_chart.hpp
/// \brief Charts as self-contained SVG text: bars (grouped or stacked), lines, forecast fans.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace aidtrack::report {

/// \brief Size and margins of a chart in SVG user units (the viewBox is 0 0 width height).
struct ChartLayout {
    double width = 720;         ///< total width
    double height = 340;        ///< total height
    double margin_left = 80;    ///< room for the y tick labels and axis label
    double margin_right = 20;   ///< room on the right
    double margin_top = 40;     ///< room for the title and legend
    double margin_bottom = 60;  ///< room for the x tick labels and axis label

    /// Left edge of the plot area.
    [[nodiscard]] double plot_left() const noexcept { return margin_left; }
    /// Right edge of the plot area.
    [[nodiscard]] double plot_right() const noexcept { return width - margin_right; }
    /// Top edge of the plot area.
    [[nodiscard]] double plot_top() const noexcept { return margin_top; }
    /// Bottom edge of the plot area (the baseline of bars).
    [[nodiscard]] double plot_bottom() const noexcept { return height - margin_bottom; }
};

/// \brief A linear map from data values (domain) to SVG coordinates (range).
struct LinearScale {
    double domain_min = 0;  ///< data value mapped to range_min
    double domain_max = 1;  ///< data value mapped to range_max
    double range_min = 0;   ///< coordinate of domain_min
    double range_max = 1;   ///< coordinate of domain_max
    /// The coordinate of `value` (a zero-width domain maps everything to range_min).
    [[nodiscard]] double operator()(double value) const noexcept;
};

/// "Nice" axis ticks covering [lo, hi]: steps of 1, 2, 2.5 or 5 × 10^k, about `count` of them;
/// the first tick is <= lo and the last >= hi.
[[nodiscard]] std::vector<double> nice_ticks(double lo, double hi, int count = 5);

/// A compact label for an axis tick: 12000000 → "12M", 2500 → "2.5k", 0.25 → "0.25".
[[nodiscard]] std::string tick_label(double value);

/// \brief A named series of values; an absent value is not drawn.
struct Series {
    std::string name;                           ///< legend label
    std::vector<std::optional<double>> values;  ///< one per category or x value
    /// Per value: true where the value is illustrative (no public source gives it), drawn hatched
    /// and named in the legend, so that it never reads as data. Empty = all values are data.
    std::vector<bool> illustrative = {};
};

/// \brief A bar chart over categories: one or more series, grouped side by side or stacked.
struct BarChart {
    std::string title;                    ///< drawn above the plot and used as the SVG `title` element
    std::string x_label;                  ///< axis label under the categories
    std::string y_label;                  ///< axis label beside the values (e.g. "USD")
    std::vector<std::string> categories;  ///< x categories, in order
    std::vector<Series> series;           ///< values per category
    bool stacked = false;                 ///< stack series instead of grouping them
    ChartLayout layout;                   ///< size and margins
};

/// \brief One drawn bar, in SVG coordinates (y grows downwards).
struct BarRect {
    std::size_t series = 0;    ///< index of its series
    std::size_t category = 0;  ///< index of its category
    double value = 0;          ///< data value it shows
    double x = 0;              ///< left edge
    double y = 0;              ///< top edge
    double width = 0;          ///< width
    double height = 0;         ///< height (value / axis span × plot height)
};

/// \brief The geometry of a bar chart: its value scale and every bar.
struct BarGeometry {
    LinearScale y;                         ///< value → y coordinate
    std::vector<double> ticks;             ///< y axis ticks
    std::vector<BarRect> bars;             ///< the bars, series-major within each category
    std::vector<double> category_centres;  ///< x of each category's centre
};

/// Lays out `chart` (exposed so that tests can check the arithmetic of the drawing).
[[nodiscard]] BarGeometry layout_bars(const BarChart& chart);
/// The chart as an `<svg>` element with width, height, viewBox, a `<title>` and axis labels.
[[nodiscard]] std::string render_svg(const BarChart& chart);

/// \brief A line chart over numeric x values (years); several series share the axes.
struct LineChart {
    std::string title;           ///< title
    std::string x_label;         ///< x axis label
    std::string y_label;         ///< y axis label
    std::vector<double> x;       ///< x values, increasing
    std::vector<Series> series;  ///< one value per x
    ChartLayout layout;          ///< size and margins
};

/// The chart as an `<svg>` element.
[[nodiscard]] std::string render_svg(const LineChart& chart);

/// \brief A forecast fan: observed values, then a median projection inside a P10–P90 band.
struct FanChart {
    std::string title;               ///< title
    std::string x_label;             ///< x axis label
    std::string y_label;             ///< y axis label
    std::vector<double> observed_x;  ///< x of observed values
    std::vector<double> observed;    ///< observed values
    std::vector<double> forecast_x;  ///< x of projected values
    std::vector<double> p10;         ///< 10th percentile per forecast_x
    std::vector<double> p50;         ///< median per forecast_x
    std::vector<double> p90;         ///< 90th percentile per forecast_x
    std::optional<double> target;    ///< a horizontal reference line (e.g. 0 km² left)
    std::string target_label;        ///< label of the reference line
    ChartLayout layout;              ///< size and margins
};

/// The chart as an `<svg>` element; throws ValidationError when the percentile series differ
/// in length from forecast_x or are not ordered p10 <= p50 <= p90.
[[nodiscard]] std::string render_svg(const FanChart& chart);

/// Escapes text for XML character data and attribute values (&, <, >, ", ').
[[nodiscard]] std::string xml_escape(const std::string& text);

}  // namespace aidtrack::report
