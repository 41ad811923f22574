// Tests of the SVG charts: scales, tick choice, bar geometry and well-formed output.
#include <aidtrack/core/error.hpp>
#include <aidtrack/report/svg_chart.hpp>

#include <gtest/gtest.h>

#include <regex>
#include <string>

using namespace aidtrack;
using namespace aidtrack::report;

namespace {

BarChart two_bars() {
    BarChart c;
    c.title = "Test";
    c.categories = {"a", "b"};
    c.series = {{"s", {50.0, 100.0}}};
    return c;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

}  // namespace

TEST(svg_chart_test, linear_scale_maps_domain_to_range) {
    const LinearScale s{0, 100, 300, 40};  // y axis: 0 at the bottom (300), 100 at the top (40)
    EXPECT_DOUBLE_EQ(s(0), 300);
    EXPECT_DOUBLE_EQ(s(100), 40);
    EXPECT_DOUBLE_EQ(s(50), 170);  // 300 + 0.5 × (40 − 300) = 170
    const LinearScale flat{5, 5, 10, 20};
    EXPECT_DOUBLE_EQ(flat(7), 10);  // zero-width domain maps to range_min
}

TEST(svg_chart_test, nice_ticks_cover_the_range_with_round_steps) {
    EXPECT_EQ(nice_ticks(0, 100), (std::vector<double>{0, 20, 40, 60, 80, 100}));        // 100/5 = 20
    EXPECT_EQ(nice_ticks(0, 37.7e6), (std::vector<double>{0, 10e6, 20e6, 30e6, 40e6}));  // 7.54M → step 10M
    EXPECT_EQ(nice_ticks(0, 1), (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1}));
    const auto neg = nice_ticks(-30, 70);  // step 20: −40 … 80
    EXPECT_DOUBLE_EQ(neg.front(), -40);
    EXPECT_DOUBLE_EQ(neg.back(), 80);
}

TEST(svg_chart_test, bar_of_half_the_axis_has_half_the_plot_height) {
    const BarChart c = two_bars();
    const BarGeometry g = layout_bars(c);
    ASSERT_EQ(g.bars.size(), 2U);
    // Default layout: plot from y = 40 (top) to 340 − 60 = 280 (bottom): 240 units for 0–100.
    const double full = c.layout.plot_bottom() - c.layout.plot_top();
    EXPECT_DOUBLE_EQ(full, 240);
    EXPECT_DOUBLE_EQ(g.ticks.back(), 100);
    EXPECT_DOUBLE_EQ(g.bars[0].height, 120);  // 50 / 100 × 240
    EXPECT_DOUBLE_EQ(g.bars[0].y, 160);       // baseline 280 − 120
    EXPECT_DOUBLE_EQ(g.bars[1].height, 240);
    EXPECT_DOUBLE_EQ(g.bars[1].y, 40);
    // Two categories share the plot width 720 − 80 − 20 = 620: bands of 310, bars 80% = 248.
    EXPECT_DOUBLE_EQ(g.bars[0].width, 248);
    EXPECT_DOUBLE_EQ(g.bars[0].x, 80 + 31);  // left margin + 10% padding of the band
    EXPECT_DOUBLE_EQ(g.bars[1].x, 80 + 310 + 31);
}

TEST(svg_chart_test, grouped_bars_split_the_band_and_stacked_bars_add_up) {
    BarChart c;
    c.categories = {"2020"};
    c.series = {{"x", {30.0}}, {"y", {10.0}}};
    const BarGeometry grouped = layout_bars(c);
    ASSERT_EQ(grouped.bars.size(), 2U);
    EXPECT_DOUBLE_EQ(grouped.bars[0].width, 620 * 0.8 / 2);  // one band, two series
    EXPECT_DOUBLE_EQ(grouped.bars[1].x - grouped.bars[0].x, 248);
    c.stacked = true;
    const BarGeometry stacked = layout_bars(c);
    // Axis 0–40 (step 10): 30 → 180 units, 10 → 60 units on top of it.
    EXPECT_DOUBLE_EQ(stacked.ticks.back(), 40);
    EXPECT_DOUBLE_EQ(stacked.bars[0].height, 180);
    EXPECT_DOUBLE_EQ(stacked.bars[0].y, 100);  // 280 − 180
    EXPECT_DOUBLE_EQ(stacked.bars[1].height, 60);
    EXPECT_DOUBLE_EQ(stacked.bars[1].y + stacked.bars[1].height, stacked.bars[0].y);  // sits on the first
}

TEST(svg_chart_test, missing_values_draw_no_bar_and_mismatched_series_throw) {
    BarChart c;
    c.categories = {"a", "b"};
    c.series = {{"s", {std::nullopt, 4.0}}};
    EXPECT_EQ(layout_bars(c).bars.size(), 1U);
    c.series = {{"s", {1.0}}};
    EXPECT_THROW((void)layout_bars(c), ValidationError);
}

TEST(svg_chart_test, svg_has_size_viewbox_title_labels_and_no_script) {
    BarChart c = two_bars();
    c.title = "Funding <2025> & \"more\"";
    c.x_label = "year";
    c.y_label = "USD";
    const std::string svg = render_svg(c);
    EXPECT_NE(svg.find("width=\"720\" height=\"340\" viewBox=\"0 0 720 340\""), std::string::npos);
    EXPECT_NE(svg.find("<title>Funding &lt;2025&gt; &amp; &quot;more&quot;</title>"), std::string::npos);
    EXPECT_NE(svg.find(">year</text>"), std::string::npos);
    EXPECT_NE(svg.find(">USD</text>"), std::string::npos);
    EXPECT_NE(svg.find("height=\"120\""), std::string::npos);  // the 50 bar
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("href"), std::string::npos);
    EXPECT_EQ(count(svg, "<svg"), count(svg, "</svg>"));
}

TEST(svg_chart_test, line_chart_places_points_on_the_scales) {
    LineChart c;
    c.x = {2020, 2021, 2022};
    c.series = {{"n", {0.0, 50.0, 100.0}}};
    const std::string svg = render_svg(c);
    // x: 2020 → 80 + 10 = 90, 2022 → 720 − 20 − 10 = 690, 2021 → 390; y: 50 → 160.
    EXPECT_NE(svg.find("points=\"90,280 390,160 690,40\""), std::string::npos) << svg;
}

TEST(svg_chart_test, fan_chart_draws_band_median_and_observed) {
    FanChart c;
    c.title = "Remaining";
    c.observed_x = {2023, 2024};
    c.observed = {100, 80};
    c.forecast_x = {2025, 2026};
    c.p10 = {60, 40};
    c.p50 = {70, 55};
    c.p90 = {80, 70};
    c.target = 0;
    c.target_label = "Article 5 deadline";
    const std::string svg = render_svg(c);
    EXPECT_NE(svg.find("class=\"band\""), std::string::npos);
    EXPECT_NE(svg.find("class=\"median\""), std::string::npos);
    EXPECT_NE(svg.find("class=\"observed\""), std::string::npos);
    // y axis 0–100: p90 80 at 2025 → y = 280 − 0.8 × 240 = 88; x 2025 is 2/3 of 2023..2026 → 90 + 400 = 490.
    EXPECT_NE(svg.find("points=\"490,88 "), std::string::npos) << svg;
    c.p50 = {90, 55};  // above p90
    EXPECT_THROW((void)render_svg(c), ValidationError);
}

TEST(svg_chart_test, tick_labels_are_compact) {
    EXPECT_EQ(tick_label(12'000'000), "12M");
    EXPECT_EQ(tick_label(2'500'000'000), "2.5G");
    EXPECT_EQ(tick_label(25'000), "25k");
    EXPECT_EQ(tick_label(2'500), "2500");
    EXPECT_EQ(tick_label(0.25), "0.25");
}
