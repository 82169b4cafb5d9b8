package org.crmkit.analytics.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a report's sections as XHTML with inline SVG. */
final class Charts {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String[] PALETTE = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
    };
    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 190;
    private static final int ROW = 26;
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;max-width:820px;color:#222}
            h1{margin-bottom:.2em}.subtitle{color:#666;margin-top:0}
            .figures{display:flex;flex-wrap:wrap;gap:1em;margin:1em 0}
            .figure{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;min-width:8em}
            .figure .value{display:block;font-size:1.4em;font-weight:600}.figure .label{color:#666;font-size:.9em}
            section{margin:2em 0}table{border-collapse:collapse;font-size:.9em}
            td,th{border:1px solid #ddd;padding:.3em .6em;text-align:right}th{background:#f4f4f4}
            td.name,th.name{text-align:left}svg text{font-size:12px;fill:#333}.legend span{margin-right:1em}
            .swatch{display:inline-block;width:.8em;height:.8em;margin-right:.3em;border-radius:50%}
            """;

    private Charts() {}

    static String document(String title, String subtitle, List<HtmlReport.Figure> figures, List<Section> sections) {
        Markup m = new Markup();
        m.raw("<!DOCTYPE html>\n");
        m.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        m.open("head")
                .empty("meta", "charset", "UTF-8")
                .element("title", title)
                .element("style", STYLE)
                .close("head");
        m.open("body").element("h1", title);
        if (!subtitle.isEmpty()) {
            m.element("p", subtitle, "class", "subtitle");
        }
        if (!figures.isEmpty()) {
            m.open("div", "class", "figures");
            for (HtmlReport.Figure f : figures) {
                m.open("div", "class", "figure")
                        .element("span", f.value(), "class", "value")
                        .element("span", f.label(), "class", "label")
                        .close("div");
            }
            m.close("div");
        }
        int number = 0;
        for (Section section : sections) {
            m.open("section", "id", "section-" + ++number, "data-kind", kind(section));
            m.element("h2", section.heading());
            section.render(m);
            m.close("section");
        }
        return m.close("body").close("html").toString();
    }

    private static String kind(Section section) {
        return section.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    static void bars(Markup m, Section.Bars section) {
        List<HtmlReport.Bar> bars = section.bars();
        double max = bars.stream().mapToDouble(HtmlReport.Bar::value).max().orElse(0);
        int area = 300;
        svg(m, bars.size() * ROW + 8);
        for (int i = 0; i < bars.size(); i++) {
            HtmlReport.Bar bar = bars.get(i);
            double width = bar.value() == 0 ? 0 : Math.max(1, area * bar.value() / max);
            double x = section.centred() ? LABEL_WIDTH + (area - width) / 2 : LABEL_WIDTH;
            int y = i * ROW + 4;
            m.element("text", bar.label(), "x", LABEL_WIDTH - 8, "y", y + 16, "text-anchor", "end");
            m.open(
                            "rect",
                            "class",
                            "bar",
                            "x",
                            x,
                            "y",
                            y,
                            "width",
                            width,
                            "height",
                            ROW - 6,
                            "fill",
                            PALETTE[section.centred() ? 0 : i % PALETTE.length])
                    .element("title", bar.label() + ": " + bar.caption())
                    .close("rect");
            m.element("text", bar.caption(), "x", LABEL_WIDTH + area + 8, "y", y + 16);
        }
        m.close("svg");
    }

    static void histogram(Markup m, Section.Histogram section) {
        double[] sorted = section.values().clone();
        Arrays.sort(sorted);
        double low = sorted[0];
        double high = sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
        int bins = high > low ? section.bins() : 1;
        double width = high > low ? (high - low) / bins : 1;
        int[] counts = new int[bins + 1];
        for (double v : sorted) {
            int bin = v > high ? bins : Math.min(bins - 1, (int) ((v - low) / width));
            counts[bin]++;
        }
        int shown = counts[bins] > 0 ? bins + 1 : bins;
        int max = Arrays.stream(counts).max().orElse(1);
        int plotLeft = 60;
        int plotWidth = WIDTH - plotLeft - 20;
        int plotHeight = 200;
        svg(m, plotHeight + 50);
        double barWidth = (double) plotWidth / shown;
        for (int i = 0; i < shown; i++) {
            double h = plotHeight * counts[i] / (double) max;
            String range = i == bins
                    ? "above " + number(high)
                    : number(low + i * width) + " to " + number(low + (i + 1) * width);
            m.open(
                            "rect",
                            "class",
                            "bar",
                            "x",
                            plotLeft + i * barWidth + 1,
                            "y",
                            10 + plotHeight - h,
                            "width",
                            Math.max(1, barWidth - 2),
                            "height",
                            h,
                            "fill",
                            i == bins ? PALETTE[1] : PALETTE[0])
                    .element("title", range + ": " + counts[i])
                    .close("rect");
        }
        axes(m, plotLeft, 10, plotWidth, plotHeight);
        m.element("text", "0", "x", plotLeft - 6, "y", 10 + plotHeight, "text-anchor", "end");
        m.element("text", Integer.toString(max), "x", plotLeft - 6, "y", 20, "text-anchor", "end");
        m.element("text", number(low), "x", plotLeft, "y", plotHeight + 26);
        m.element("text", number(high), "x", plotLeft + bins * barWidth, "y", plotHeight + 26, "text-anchor", "middle");
        m.element(
                "text",
                section.valueLabel() + " (" + sorted.length + " values; the last bar holds the top 1%)",
                "x",
                plotLeft + plotWidth / 2.0,
                "y",
                plotHeight + 44,
                "text-anchor",
                "middle");
        m.close("svg");
    }

    static void curve(Markup m, Section.Curve section) {
        List<HtmlReport.Point> points = section.points();
        double minX = points.stream().mapToDouble(HtmlReport.Point::x).min().orElseThrow();
        double maxX = points.stream().mapToDouble(HtmlReport.Point::x).max().orElseThrow();
        double minY = Math.min(
                0, points.stream().mapToDouble(HtmlReport.Point::y).min().orElseThrow());
        double maxY = points.stream().mapToDouble(HtmlReport.Point::y).max().orElseThrow();
        if (section.referenceY() != null) {
            maxY = Math.max(maxY, section.referenceY());
            minY = Math.min(minY, section.referenceY());
        }
        maxY = maxY == minY ? minY + 1 : maxY + (maxY - minY) * 0.05;
        double spanX = maxX == minX ? 1 : maxX - minX;
        double spanY = maxY - minY;
        int left = 60;
        int top = 24;
        int width = WIDTH - left - 20;
        int height = 240;
        svg(m, top + height + 40);
        StringBuilder polyline = new StringBuilder();
        for (HtmlReport.Point p : points) {
            polyline.append(coordinate(left + width * (p.x() - minX) / spanX))
                    .append(',')
                    .append(coordinate(top + height - height * (p.y() - minY) / spanY))
                    .append(' ');
        }
        if (section.referenceY() != null) {
            double y = top + height - height * (section.referenceY() - minY) / spanY;
            m.empty(
                    "line",
                    "class",
                    "reference",
                    "x1",
                    (double) left,
                    "x2",
                    (double) left + width,
                    "y1",
                    y,
                    "y2",
                    y,
                    "stroke",
                    "#999",
                    "stroke-dasharray",
                    "4 4");
            m.element("text", number(section.referenceY()), "x", left - 6, "y", y + 4, "text-anchor", "end");
        }
        m.empty(
                "polyline",
                "class",
                "curve",
                "points",
                polyline.toString().trim(),
                "fill",
                "none",
                "stroke",
                PALETTE[0],
                "stroke-width",
                2);
        axes(m, left, top, width, height);
        boolean nearReference = section.referenceY() != null && Math.abs(maxY - section.referenceY()) < 0.08 * spanY;
        if (!nearReference) {
            m.element("text", number(maxY), "x", left - 6, "y", top + 10, "text-anchor", "end");
        }
        m.element("text", number(minY), "x", left - 6, "y", top + height, "text-anchor", "end");
        m.element("text", number(minX), "x", left, "y", top + height + 16);
        m.element("text", number(maxX), "x", left + width, "y", top + height + 16, "text-anchor", "end");
        m.element("text", section.xLabel(), "x", left + width / 2.0, "y", top + height + 34, "text-anchor", "middle");
        m.element("text", section.yLabel(), "x", (double) left, "y", top - 10);
        m.close("svg");
    }

    static void timeline(Markup m, Section.Timeline section) {
        long days = ChronoUnit.DAYS.between(section.from(), section.to());
        int area = WIDTH - LABEL_WIDTH - 20;
        List<HtmlReport.Lane> lanes = section.lanes();
        Map<String, String> colours = new LinkedHashMap<>();
        for (HtmlReport.Lane lane : lanes) {
            for (HtmlReport.Mark mark : lane.marks()) {
                colours.computeIfAbsent(mark.kind(), k -> PALETTE[colours.size() % PALETTE.length]);
            }
        }
        int height = lanes.size() * ROW + 30;
        svg(m, height);
        for (LocalDate month = section.from().withDayOfMonth(1).plusMonths(1);
                !month.isAfter(section.to());
                month = month.plusMonths(1)) {
            double x = LABEL_WIDTH + area * ChronoUnit.DAYS.between(section.from(), month) / (double) days;
            m.empty("line", "x1", x, "x2", x, "y1", 0.0, "y2", (double) lanes.size() * ROW, "stroke", "#eee");
            m.element(
                    "text",
                    month.toString().substring(0, 7),
                    "x",
                    x,
                    "y",
                    lanes.size() * ROW + 16,
                    "text-anchor",
                    "middle");
        }
        for (int i = 0; i < lanes.size(); i++) {
            HtmlReport.Lane lane = lanes.get(i);
            double y = i * ROW + ROW / 2.0;
            m.element("text", lane.label(), "x", LABEL_WIDTH - 8, "y", y + 4, "text-anchor", "end");
            m.empty(
                    "line",
                    "x1",
                    (double) LABEL_WIDTH,
                    "x2",
                    (double) LABEL_WIDTH + area,
                    "y1",
                    y,
                    "y2",
                    y,
                    "stroke",
                    "#ccc");
            for (HtmlReport.Mark mark : lane.marks()) {
                long day = ChronoUnit.DAYS.between(section.from(), mark.date());
                if (day < 0 || day > days) {
                    continue;
                }
                m.open(
                                "circle",
                                "class",
                                "mark",
                                "data-lane",
                                lane.label(),
                                "data-kind",
                                mark.kind(),
                                "data-date",
                                mark.date(),
                                "cx",
                                LABEL_WIDTH + area * day / (double) days,
                                "cy",
                                y,
                                "r",
                                6,
                                "fill",
                                colours.get(mark.kind()))
                        .element(
                                "title",
                                mark.date() + " " + mark.kind() + (mark.label().isEmpty() ? "" : ": " + mark.label()))
                        .close("circle");
            }
        }
        m.close("svg");
        m.open("p", "class", "legend");
        colours.forEach((kind, colour) -> m.open("span")
                .element("span", "", "class", "swatch", "style", "background:" + colour)
                .text(kind)
                .close("span"));
        m.close("p");
    }

    static void grid(Markup m, Section.Grid section) {
        double max = Arrays.stream(section.cells())
                .flatMap(Arrays::stream)
                .mapToDouble(HtmlReport.Cell::value)
                .max()
                .orElse(0);
        m.open("table", "class", "grid");
        m.open("tr").element("th", section.rowAxis() + " \\ " + section.columnAxis(), "class", "name");
        for (String column : section.columns()) {
            m.element("th", column);
        }
        m.close("tr");
        for (int r = 0; r < section.rows().size(); r++) {
            m.open("tr").element("th", section.rows().get(r), "class", "name");
            for (HtmlReport.Cell cell : section.cells()[r]) {
                double shade = max == 0 ? 0 : 0.06 + 0.6 * cell.value() / max;
                m.element(
                        "td",
                        cell.caption(),
                        "data-value",
                        BigDecimal.valueOf(cell.value()).stripTrailingZeros().toPlainString(),
                        "style",
                        "background:rgba(31,119,180," + String.format(Locale.ROOT, "%.2f", shade) + ")");
            }
            m.close("tr");
        }
        m.close("table");
    }

    static void table(Markup m, Section.Table section) {
        m.open("table");
        m.open("tr");
        for (int i = 0; i < section.header().size(); i++) {
            m.element("th", section.header().get(i), "class", i == 0 ? "name" : "value");
        }
        m.close("tr");
        for (List<String> row : section.rows()) {
            m.open("tr");
            for (int i = 0; i < row.size(); i++) {
                m.element("td", row.get(i), "class", i == 0 ? "name" : "value");
            }
            m.close("tr");
        }
        m.close("table");
    }

    private static void svg(Markup m, int height) {
        m.open(
                "svg",
                "xmlns",
                SVG,
                "width",
                WIDTH,
                "height",
                height,
                "viewBox",
                "0 0 " + WIDTH + " " + height,
                "role",
                "img");
    }

    private static void axes(Markup m, int left, int top, int width, int height) {
        m.empty(
                "line",
                "x1",
                (double) left,
                "x2",
                (double) left,
                "y1",
                (double) top,
                "y2",
                (double) top + height,
                "stroke",
                "#333");
        m.empty(
                "line",
                "x1",
                (double) left,
                "x2",
                (double) left + width,
                "y1",
                (double) top + height,
                "y2",
                (double) top + height,
                "stroke",
                "#333");
    }

    /** An amount with its currency and thousands separators, e.g. {@code EUR 12,345.60}. */
    static String money(String currency, BigDecimal amount) {
        return currency + " " + String.format(Locale.ROOT, "%,.2f", amount);
    }

    /** A compact number for axis labels. */
    static String number(double value) {
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    /** An SVG coordinate with one decimal. */
    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
