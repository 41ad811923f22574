/// \file svg_chart.cpp
/// \brief SVG rendering of bar, line and fan charts: plain text, no scripts, no external links.

#include <aidtrack/core/error.hpp>
#include <aidtrack/report/svg_chart.hpp>
#include <aidtrack/report/table_writer.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <sstream>

namespace aidtrack::report {
namespace {

// A colour-blind-safe palette (Okabe–Ito), so that series stay distinguishable in print.
constexpr const char* kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#D55E00",
                                    "#CC79A7", "#56B4E9", "#F0E442", "#000000"};
constexpr std::size_t kPaletteSize = sizeof kPalette / sizeof kPalette[0];

const char* colour(std::size_t i) { return kPalette[i % kPaletteSize]; }

std::string num(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    std::string s = buffer;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

void open_svg(std::ostringstream& out, const ChartLayout& l, const std::string& title) {
    out << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"" << num(l.width) << "\" height=\""
        << num(l.height) << "\" viewBox=\"0 0 " << num(l.width) << ' ' << num(l.height)
        << "\" role=\"img\" aria-label=\"" << xml_escape(title)
        << "\" font-family=\"sans-serif\" font-size=\"12\">\n<title>" << xml_escape(title) << "</title>\n"
        << "<rect x=\"0\" y=\"0\" width=\"" << num(l.width) << "\" height=\"" << num(l.height)
        << "\" fill=\"#ffffff\"/>\n"
        << "<text x=\"" << num(l.width / 2)
        << "\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">" << xml_escape(title)
        << "</text>\n";
}

// Horizontal grid lines with tick labels, the axes and the axis labels.
void draw_axes(std::ostringstream& out, const ChartLayout& l, const LinearScale& y, const std::vector<double>& ticks,
               const std::string& x_label, const std::string& y_label) {
    for (double t : ticks) {
        const double ty = y(t);
        out << "<line x1=\"" << num(l.plot_left()) << "\" y1=\"" << num(ty) << "\" x2=\"" << num(l.plot_right())
            << "\" y2=\"" << num(ty) << "\" stroke=\"#dddddd\"/>\n<text x=\"" << num(l.plot_left() - 6) << "\" y=\""
            << num(ty + 4) << "\" text-anchor=\"end\">" << xml_escape(tick_label(t)) << "</text>\n";
    }
    out << "<line x1=\"" << num(l.plot_left()) << "\" y1=\"" << num(l.plot_top()) << "\" x2=\"" << num(l.plot_left())
        << "\" y2=\"" << num(l.plot_bottom()) << "\" stroke=\"#333333\"/>\n";
    out << "<line x1=\"" << num(l.plot_left()) << "\" y1=\"" << num(l.plot_bottom()) << "\" x2=\""
        << num(l.plot_right()) << "\" y2=\"" << num(l.plot_bottom()) << "\" stroke=\"#333333\"/>\n";
    out << "<text class=\"x-label\" x=\"" << num((l.plot_left() + l.plot_right()) / 2) << "\" y=\"" << num(l.height - 8)
        << "\" text-anchor=\"middle\">" << xml_escape(x_label) << "</text>\n";
    const double cy = (l.plot_top() + l.plot_bottom()) / 2;
    out << "<text class=\"y-label\" x=\"14\" y=\"" << num(cy) << "\" text-anchor=\"middle\" transform=\"rotate(-90 14 "
        << num(cy) << ")\">" << xml_escape(y_label) << "</text>\n";
}

void draw_legend(std::ostringstream& out, const ChartLayout& l, const std::vector<std::string>& names,
                 const std::vector<std::string>& colours) {
    if (names.size() < 2) return;
    double x = l.plot_left();
    const double y = l.plot_bottom() + 36;  // between the tick labels and the axis label, clear of the title
    for (std::size_t i = 0; i < names.size(); ++i) {
        out << "<rect x=\"" << num(x) << "\" y=\"" << num(y - 9) << "\" width=\"10\" height=\"10\" fill=\""
            << colours[i] << "\"/>"
            << "<text x=\"" << num(x + 14) << "\" y=\"" << num(y) << "\">" << xml_escape(names[i]) << "</text>\n";
        x += 24 + 7.0 * static_cast<double>(names[i].size());
    }
}

// Data range of every defined value, always including zero so that bars start at the axis.
std::pair<double, double> value_range(const std::vector<double>& values) {
    double lo = 0;
    double hi = 0;
    for (double v : values) {
        if (!std::isfinite(v)) continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    if (lo == hi) hi = lo + 1;  // an all-zero chart still gets an axis
    return {lo, hi};
}

LinearScale y_scale(const ChartLayout& l, const std::vector<double>& ticks) {
    return LinearScale{ticks.front(), ticks.back(), l.plot_bottom(), l.plot_top()};
}

}  // namespace

double LinearScale::operator()(double value) const noexcept {
    const double span = domain_max - domain_min;
    if (span == 0) return range_min;
    return range_min + (value - domain_min) / span * (range_max - range_min);
}

std::vector<double> nice_ticks(double lo, double hi, int count) {
    if (!(hi > lo)) hi = lo + 1;
    count = std::max(count, 2);
    const double raw_step = (hi - lo) / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        step = m * magnitude;
        if (raw_step <= step * (1 + 1e-12)) break;
    }
    const double first = std::floor(lo / step + 1e-9);
    std::vector<double> ticks;
    // k × step rather than repeated addition, trimmed to 12 significant digits, so that ticks
    // are 0.6 and not 0.6000000000000001.
    for (double k = first;; k += 1) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.12g", k * step);
        const double t = std::strtod(buffer, nullptr);
        ticks.push_back(t == 0 ? 0.0 : t);
        if (t >= hi - step * 1e-9) break;
    }
    return ticks;
}

std::string tick_label(double value) {
    const double a = std::abs(value);
    auto compact = [](double v, const char* suffix) {
        std::string s = num(v);
        return s + suffix;
    };
    if (a >= 1e9) return compact(value / 1e9, "G");
    if (a >= 1e6) return compact(value / 1e6, "M");
    if (a >= 1e4) return compact(value / 1e3, "k");
    return num(value);
}

std::string xml_escape(const std::string& text) {
    // SVG text and attributes need the same five entities as HTML.
    return html_escape(text);
}

BarGeometry layout_bars(const BarChart& chart) {
    const ChartLayout& l = chart.layout;
    const std::size_t nc = chart.categories.size();
    const std::size_t ns = chart.series.size();
    for (const auto& s : chart.series) {
        if (s.values.size() != nc)
            throw ValidationError("series '" + s.name + "' of chart '" + chart.title + "' has " +
                                  std::to_string(s.values.size()) + " values for " + std::to_string(nc) +
                                  " categories");
    }
    // The extent: each value (grouped) or each category's positive and negative sums (stacked).
    std::vector<double> extent;
    for (std::size_t c = 0; c < nc; ++c) {
        double pos = 0;
        double neg = 0;
        for (const auto& s : chart.series) {
            if (!s.values[c]) continue;
            const double v = *s.values[c];
            if (chart.stacked) {
                (v >= 0 ? pos : neg) += v;
            } else {
                extent.push_back(v);
            }
        }
        if (chart.stacked) {
            extent.push_back(pos);
            extent.push_back(neg);
        }
    }
    const auto [lo, hi] = value_range(extent);
    BarGeometry g;
    g.ticks = nice_ticks(lo, hi);
    g.y = y_scale(l, g.ticks);
    const double band = nc == 0 ? 0 : (l.plot_right() - l.plot_left()) / static_cast<double>(nc);
    const double inner = band * 0.8;  // 10% padding either side of each category
    const double slot = (chart.stacked || ns == 0) ? inner : inner / static_cast<double>(ns);
    const double zero = g.y(0);
    for (std::size_t c = 0; c < nc; ++c) {
        const double left = l.plot_left() + band * static_cast<double>(c) + band * 0.1;
        g.category_centres.push_back(l.plot_left() + band * (static_cast<double>(c) + 0.5));
        double pos_base = 0;
        double neg_base = 0;
        for (std::size_t s = 0; s < ns; ++s) {
            if (!chart.series[s].values[c]) continue;
            const double v = *chart.series[s].values[c];
            BarRect r;
            r.series = s;
            r.category = c;
            r.value = v;
            if (chart.stacked) {
                double& base = v >= 0 ? pos_base : neg_base;
                const double y0 = g.y(base);
                const double y1 = g.y(base + v);
                base += v;
                r.x = left;
                r.y = std::min(y0, y1);
                r.height = std::abs(y1 - y0);
            } else {
                const double yv = g.y(v);
                r.x = left + slot * static_cast<double>(s);
                r.y = std::min(zero, yv);
                r.height = std::abs(zero - yv);
            }
            r.width = slot;
            g.bars.push_back(r);
        }
    }
    return g;
}

std::string render_svg(const BarChart& chart) {
    const BarGeometry g = layout_bars(chart);
    const ChartLayout& l = chart.layout;
    std::ostringstream out;
    open_svg(out, l, chart.title);
    draw_axes(out, l, g.y, g.ticks, chart.x_label, chart.y_label);
    bool any_illustrative = false;
    for (const auto& r : g.bars) {
        const auto& flags = chart.series[r.series].illustrative;
        const bool illustrative = r.category < flags.size() && flags[r.category];
        if (illustrative && !any_illustrative) {
            // One hatch pattern, drawn over the series colour: illustrative bars keep their colour
            // (so the legend still names them) but never look like data.
            out << "<defs><pattern id=\"illustrative-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
                   "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\" "
                   "fill-opacity=\"0.55\"/>"
                   "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#333333\" "
                   "stroke-width=\"1.5\"/></pattern></defs>\n";
        }
        any_illustrative = any_illustrative || illustrative;
        out << "<rect x=\"" << num(r.x) << "\" y=\"" << num(r.y) << "\" width=\"" << num(r.width) << "\" height=\""
            << num(r.height) << "\" fill=\"" << colour(r.series) << "\""
            << (illustrative ? " class=\"illustrative\"" : "") << "><title>" << xml_escape(chart.series[r.series].name)
            << " " << xml_escape(chart.categories[r.category]) << ": " << num(r.value)
            << (illustrative ? " (illustrative)" : "") << "</title></rect>\n";
        if (illustrative) {
            out << "<rect x=\"" << num(r.x) << "\" y=\"" << num(r.y) << "\" width=\"" << num(r.width) << "\" height=\""
                << num(r.height) << "\" fill=\"url(#illustrative-hatch)\" class=\"illustrative-hatch\"/>\n";
        }
    }
    if (any_illustrative) {
        const double x = l.plot_right() - 190;
        const double y = l.plot_top() - 8;
        out << "<rect x=\"" << num(x) << "\" y=\"" << num(y - 9) << "\" width=\"10\" height=\"10\" fill=\"#999999\"/>"
            << "<rect x=\"" << num(x) << "\" y=\"" << num(y - 9)
            << "\" width=\"10\" height=\"10\" fill=\"url(#illustrative-hatch)\"/>"
            << "<text x=\"" << num(x + 14) << "\" y=\"" << num(y) << "\">hatched: illustrative, not data</text>\n";
    }
    // Thin out category labels when they would overlap (about 7 units per character and 8 between labels).
    std::size_t longest = 1;
    for (const auto& c : chart.categories) longest = std::max(longest, c.size());
    const double band =
        chart.categories.empty() ? 1 : (l.plot_right() - l.plot_left()) / static_cast<double>(chart.categories.size());
    const std::size_t every = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::ceil((7.0 * static_cast<double>(longest) + 8.0) / band)));
    for (std::size_t c = 0; c < chart.categories.size(); c += every) {
        out << "<text x=\"" << num(g.category_centres[c]) << "\" y=\"" << num(l.plot_bottom() + 16)
            << "\" text-anchor=\"middle\">" << xml_escape(chart.categories[c]) << "</text>\n";
    }
    std::vector<std::string> names;
    std::vector<std::string> colours;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        names.push_back(chart.series[s].name);
        colours.emplace_back(colour(s));
    }
    draw_legend(out, l, names, colours);
    out << "</svg>\n";
    return out.str();
}

namespace {

struct XScale {
    LinearScale scale;
    std::vector<double> ticks;
};

XScale x_axis(const ChartLayout& l, double lo, double hi) {
    if (!(hi > lo)) hi = lo + 1;
    XScale x;
    x.scale = LinearScale{lo, hi, l.plot_left() + 10, l.plot_right() - 10};
    // Year axes: integer ticks at a step that leaves room for the labels.
    const double span = hi - lo;
    const double step = std::max(1.0, std::ceil(span / 10.0));
    for (double t = std::ceil(lo); t <= hi + 1e-9; t += step) x.ticks.push_back(t);
    return x;
}

void draw_x_ticks(std::ostringstream& out, const ChartLayout& l, const XScale& x) {
    for (double t : x.ticks) {
        out << "<text x=\"" << num(x.scale(t)) << "\" y=\"" << num(l.plot_bottom() + 16) << "\" text-anchor=\"middle\">"
            << num(t) << "</text>\n";
    }
}

std::string polyline(const LinearScale& xs, const LinearScale& ys, const std::vector<double>& x,
                     const std::vector<double>& y) {
    std::string points;
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
        if (!points.empty()) points += ' ';
        points += num(xs(x[i])) + "," + num(ys(y[i]));
    }
    return points;
}

}  // namespace

std::string render_svg(const LineChart& chart) {
    const ChartLayout& l = chart.layout;
    std::vector<double> all;
    for (const auto& s : chart.series) {
        if (s.values.size() != chart.x.size())
            throw ValidationError("series '" + s.name + "' of chart '" + chart.title + "' has " +
                                  std::to_string(s.values.size()) + " values for " + std::to_string(chart.x.size()) +
                                  " x values");
        for (const auto& v : s.values)
            if (v) all.push_back(*v);
    }
    const auto [lo, hi] = value_range(all);
    const auto ticks = nice_ticks(lo, hi);
    const LinearScale y = y_scale(l, ticks);
    const XScale x = chart.x.empty() ? x_axis(l, 0, 1) : x_axis(l, chart.x.front(), chart.x.back());
    std::ostringstream out;
    open_svg(out, l, chart.title);
    draw_axes(out, l, y, ticks, chart.x_label, chart.y_label);
    draw_x_ticks(out, l, x);
    std::vector<std::string> names;
    std::vector<std::string> colours;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
        // Missing values break the line into segments.
        std::vector<double> sx;
        std::vector<double> sy;
        auto flush = [&] {
            if (sx.size() > 1) {
                out << "<polyline fill=\"none\" stroke=\"" << colour(s) << "\" stroke-width=\"2\" points=\""
                    << polyline(x.scale, y, sx, sy) << "\"/>\n";
            }
            sx.clear();
            sy.clear();
        };
        for (std::size_t i = 0; i < chart.x.size(); ++i) {
            const auto& v = chart.series[s].values[i];
            if (!v) {
                flush();
                continue;
            }
            sx.push_back(chart.x[i]);
            sy.push_back(*v);
            out << "<circle cx=\"" << num(x.scale(chart.x[i])) << "\" cy=\"" << num(y(*v)) << "\" r=\"3\" fill=\""
                << colour(s) << "\"><title>" << xml_escape(chart.series[s].name) << " " << num(chart.x[i]) << ": "
                << num(*v) << "</title></circle>\n";
        }
        flush();
        names.push_back(chart.series[s].name);
        colours.emplace_back(colour(s));
    }
    draw_legend(out, l, names, colours);
    out << "</svg>\n";
    return out.str();
}

std::string render_svg(const FanChart& chart) {
    const ChartLayout& l = chart.layout;
    const std::size_t n = chart.forecast_x.size();
    if (chart.p10.size() != n || chart.p50.size() != n || chart.p90.size() != n) {
        throw ValidationError("fan chart '" + chart.title + "': p10, p50 and p90 need one value per forecast x");
    }
    if (chart.observed.size() != chart.observed_x.size()) {
        throw ValidationError("fan chart '" + chart.title + "': observed values and x differ in length");
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!(chart.p10[i] <= chart.p50[i] && chart.p50[i] <= chart.p90[i])) {
            throw ValidationError("fan chart '" + chart.title +
                                  "': percentiles out of order at x = " + num(chart.forecast_x[i]));
        }
    }
    std::vector<double> all(chart.observed.begin(), chart.observed.end());
    all.insert(all.end(), chart.p10.begin(), chart.p10.end());
    all.insert(all.end(), chart.p90.begin(), chart.p90.end());
    if (chart.target) all.push_back(*chart.target);
    const auto [lo, hi] = value_range(all);
    const auto ticks = nice_ticks(lo, hi);
    const LinearScale y = y_scale(l, ticks);
    double xlo = std::numeric_limits<double>::infinity();
    double xhi = -xlo;
    for (double v : chart.observed_x) xlo = std::min(xlo, v), xhi = std::max(xhi, v);
    for (double v : chart.forecast_x) xlo = std::min(xlo, v), xhi = std::max(xhi, v);
    const XScale x = std::isfinite(xlo) ? x_axis(l, xlo, xhi) : x_axis(l, 0, 1);
    std::ostringstream out;
    open_svg(out, l, chart.title);
    draw_axes(out, l, y, ticks, chart.x_label, chart.y_label);
    draw_x_ticks(out, l, x);
    if (n > 0) {
        // The band: along p90 forwards, back along p10.
        std::string points = polyline(x.scale, y, chart.forecast_x, chart.p90);
        for (std::size_t i = n; i-- > 0;)
            points += " " + num(x.scale(chart.forecast_x[i])) + "," + num(y(chart.p10[i]));
        out << "<polygon class=\"band\" points=\"" << points << "\" fill=\"" << kPalette[0]
            << "\" fill-opacity=\"0.2\" stroke=\"none\">"
            << "<title>P10–P90</title></polygon>\n";
        out << "<polyline class=\"median\" fill=\"none\" stroke=\"" << kPalette[0]
            << "\" stroke-width=\"2\" stroke-dasharray=\"6 3\" points=\""
            << polyline(x.scale, y, chart.forecast_x, chart.p50) << "\"/>\n";
    }
    if (!chart.observed.empty()) {
        out << "<polyline class=\"observed\" fill=\"none\" stroke=\"#333333\" stroke-width=\"2\" points=\""
            << polyline(x.scale, y, chart.observed_x, chart.observed) << "\"/>\n";
    }
    if (chart.target) {
        const double ty = y(*chart.target);
        out << "<line x1=\"" << num(l.plot_left()) << "\" y1=\"" << num(ty) << "\" x2=\"" << num(l.plot_right())
            << "\" y2=\"" << num(ty) << "\" stroke=\"" << kPalette[3] << "\" stroke-dasharray=\"2 2\"/>\n<text x=\""
            << num(l.plot_right() - 4) << "\" y=\"" << num(ty - 4) << "\" text-anchor=\"end\" fill=\"" << kPalette[3]
            << "\">" << xml_escape(chart.target_label) << "</text>\n";
    }
    draw_legend(out, l, {"observed", "median (P50)", "P10–P90"}, {"#333333", kPalette[0], "#b3d1e7"});
    out << "</svg>\n";
    return out.str();
}

}  // namespace aidtrack::report
