package org.crmkit.analytics.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.analytics.RfmReport;
import org.crmkit.analytics.RfmScore;
import org.crmkit.analytics.WhaleCurve;
import org.crmkit.core.common.Require;

/**
 * A self-contained HTML report: one file with inline CSS and inline SVG charts, no script and nothing loaded from
 * the network, so it opens offline and can be mailed or archived as it is. The document is XHTML: it parses as XML,
 * which is how its tests (and yours) can read it back.
 *
 * <p>Sections appear in the order they are added. Every text is escaped. Build one with {@link #titled(String)}:
 * <pre>{@code
 * HtmlReport report = HtmlReport.titled("Acme CRM, June")
 *         .funnel("Pipeline", List.of(new HtmlReport.Bar("Qualify", 12, "EUR 120,000")))
 *         .whaleCurve("Whale curve", profitability)
 *         .build();
 * report.writeTo(Path.of("target/report.html"));
 * }</pre>
 * Invalid input (a blank heading, a negative bar, a grid of the wrong shape) fails at once with an
 * {@link AnalyticsException} of reason {@code INVALID_ARGUMENT} that names the field. Text that XML cannot hold is
 * replaced, not refused: control characters by a space, U+FFFE, U+FFFF and lone surrogates (half of a character,
 * e.g. from a truncated name) by U+FFFD, the replacement character. Instances are immutable and
 * thread-safe; the builder is not.
 */
public final class HtmlReport {

    /**
     * One bar: a label, the value that sets its length, and a caption printed beside it (e.g. the formatted value).
     *
     * @param label   what the bar stands for; not blank
     * @param value   its size; not negative, not NaN
     * @param caption text shown next to the bar; may be empty, not null
     */
    public record Bar(String label, double value, String caption) {
        public Bar {
            requireText(label, "label");
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw invalid("value", "bar '" + label + "' must have a finite value >= 0, was " + value);
            }
            Require.notNull(caption, "caption");
        }
    }

    /**
     * A point of a line chart.
     *
     * @param x finite
     * @param y finite
     */
    public record Point(double x, double y) {
        public Point {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw invalid("point", "coordinates must be finite, were (" + x + ", " + y + ")");
            }
        }
    }

    /**
     * One event on a timeline lane.
     *
     * @param date  when it happened
     * @param kind  its kind, which picks the colour and the legend entry (e.g. "reminder", "payment")
     * @param label a short description, shown when the mark is hovered and listed under the chart
     */
    public record Mark(LocalDate date, String kind, String label) {
        public Mark {
            Require.notNull(date, "date");
            requireText(kind, "kind");
            Require.notNull(label, "label");
        }
    }

    /**
     * One row of a timeline, e.g. one customer's dunning ladder.
     *
     * @param label the row's name
     * @param marks its events, in any order
     */
    public record Lane(String label, List<Mark> marks) {
        public Lane {
            requireText(label, "label");
            marks = List.copyOf(marks);
        }
    }

    /**
     * One cell of a grid: the value that sets its shade and the text shown in it.
     *
     * @param value   finite and not negative
     * @param caption text in the cell, may be empty
     */
    public record Cell(double value, String caption) {
        public Cell {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw invalid("value", "a cell's value must be a finite number >= 0, was " + value);
            }
            Require.notNull(caption, "caption");
        }
    }

    /**
     * A headline figure shown in the row under the title, e.g. "Customers" / "23,570".
     *
     * @param label what it is
     * @param value the formatted value
     */
    public record Figure(String label, String value) {
        public Figure {
            requireText(label, "label");
            Require.notNull(value, "value");
        }
    }

    private final String html;

    private HtmlReport(String html) {
        this.html = html;
    }

    /** Starts a report with the given title; not blank. */
    public static Builder titled(String title) {
        return new Builder(requireText(title, "title"));
    }

    /** The whole document. */
    public String html() {
        return html;
    }

    /**
     * Writes the document as UTF-8, creating missing parent directories, and returns the absolute path written.
     *
     * @throws AnalyticsException of reason {@code UNWRITABLE_OUTPUT} naming the file when it cannot be written
     */
    public Path writeTo(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Files.writeString(absolute, html, StandardCharsets.UTF_8);
            return absolute;
        } catch (IOException e) {
            throw AnalyticsException.of(
                    AnalyticsException.Reason.UNWRITABLE_OUTPUT, "file", file + ": cannot write the report: " + e);
        }
    }

    /** Collects the sections of a report. */
    public static final class Builder {

        private final String title;
        private final List<Section> sections = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private String subtitle = "";

        private Builder(String title) {
            this.title = title;
        }

        /** A line under the title, e.g. the data's date range. */
        public Builder subtitle(String text) {
            this.subtitle = Require.notNull(text, "subtitle");
            return this;
        }

        /** Adds a headline figure to the row under the title. */
        public Builder figure(String label, String value) {
            figures.add(new Figure(label, value));
            return this;
        }

        /** A paragraph of text under a heading. */
        public Builder text(String heading, String paragraph) {
            sections.add(new Section.Text(requireText(heading, "heading"), Require.notNull(paragraph, "paragraph")));
            return this;
        }

        /** Horizontal bars, longest value = full width, in the given order. */
        public Builder bars(String heading, List<Bar> bars) {
            sections.add(new Section.Bars(requireText(heading, "heading"), requireNonEmpty(bars, "bars"), false));
            return this;
        }

        /** A funnel: centred bars in the given order (e.g. pipeline stages, value per stage). */
        public Builder funnel(String heading, List<Bar> stages) {
            sections.add(new Section.Bars(requireText(heading, "heading"), requireNonEmpty(stages, "stages"), true));
            return this;
        }

        /**
         * A histogram of values in {@code bins} equal-width bins from the smallest value to the 99th percentile; the
         * values above it are counted in a last, open bin so that a few whales do not flatten the chart.
         */
        public Builder histogram(String heading, String valueLabel, double[] values, int bins) {
            if (bins < 2) {
                throw invalid("bins", "must be at least 2, was " + bins);
            }
            if (values.length == 0) {
                throw invalid("values", "histogram '" + heading + "' has no values");
            }
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw invalid("values", "histogram '" + heading + "' must hold finite values only, found " + v);
                }
            }
            sections.add(new Section.Histogram(
                    requireText(heading, "heading"), requireText(valueLabel, "valueLabel"), values.clone(), bins));
            return this;
        }

        /** A line chart through the points in the given order, with an optional horizontal reference line. */
        public Builder curve(String heading, String xLabel, String yLabel, List<Point> points, Double referenceY) {
            sections.add(new Section.Curve(
                    requireText(heading, "heading"),
                    requireText(xLabel, "xLabel"),
                    requireText(yLabel, "yLabel"),
                    requireNonEmpty(points, "points"),
                    referenceY));
            return this;
        }

        /**
         * The whale curve: share of customers against cumulative share of profit, with the 100% line. Long curves
         * are thinned to at most 500 points, always keeping the peak and the end.
         */
        public Builder whaleCurve(String heading, WhaleCurve curve) {
            List<WhaleCurve.Point> all = curve.points();
            if (all.isEmpty()) {
                throw invalid("curve", "the whale curve has no points");
            }
            WhaleCurve.Point peak = curve.peak();
            int step = Math.max(1, all.size() / 500);
            List<Point> points = new ArrayList<>();
            points.add(new Point(0, 0));
            for (int i = 0; i < all.size(); i++) {
                WhaleCurve.Point p = all.get(i);
                if (i % step == 0 || p == peak || i == all.size() - 1) {
                    points.add(new Point(p.customerShare() * 100, p.cumulativeProfitShare() * 100));
                }
            }
            return curve(heading, "% of customers, most profitable first", "% of total profit", points, 100.0);
        }

        /** A timeline from {@code from} to {@code to}, one lane per row, marks coloured by kind with a legend. */
        public Builder timeline(String heading, LocalDate from, LocalDate to, List<Lane> lanes) {
            Require.notNull(from, "from");
            Require.notNull(to, "to");
            if (!to.isAfter(from)) {
                throw invalid("to", "timeline '" + heading + "' must end after it starts, was " + from + " to " + to);
            }
            sections.add(
                    new Section.Timeline(requireText(heading, "heading"), from, to, requireNonEmpty(lanes, "lanes")));
            return this;
        }

        /**
         * A shaded grid (heat map): {@code cells[row][column]}, darker for larger values, each cell with its caption.
         */
        public Builder grid(
                String heading,
                String rowAxis,
                String columnAxis,
                List<String> rows,
                List<String> columns,
                Cell[][] cells) {
            requireNonEmpty(rows, "rows");
            requireNonEmpty(columns, "columns");
            if (cells.length != rows.size()) {
                throw invalid(
                        "cells",
                        "grid '" + heading + "' has " + rows.size() + " rows but " + cells.length + " rows of cells");
            }
            Cell[][] copy = new Cell[cells.length][];
            for (int r = 0; r < cells.length; r++) {
                if (cells[r].length != columns.size()) {
                    throw invalid(
                            "cells",
                            "grid '" + heading + "' row " + rows.get(r) + " has " + cells[r].length
                                    + " cells, expected " + columns.size());
                }
                copy[r] = cells[r].clone();
                for (Cell cell : copy[r]) {
                    Require.notNull(cell, "cell");
                }
            }
            sections.add(new Section.Grid(
                    requireText(heading, "heading"),
                    requireText(rowAxis, "rowAxis"),
                    requireText(columnAxis, "columnAxis"),
                    List.copyOf(rows),
                    List.copyOf(columns),
                    copy));
            return this;
        }

        /**
         * The RFM grid: recency score (rows, best first) against frequency score (columns), each cell with its
         * number of customers and their spend, followed by the named segments as bars with count and value.
         */
        public Builder rfm(String heading, RfmReport rfm, String currency) {
            int quantiles = rfm.scores().stream()
                    .mapToInt(s -> Math.max(s.recencyScore(), s.frequencyScore()))
                    .max()
                    .orElseThrow(() -> invalid("rfm", "the RFM report has no scores"));
            int[][] counts = new int[quantiles][quantiles];
            BigDecimal[][] values = new BigDecimal[quantiles][quantiles];
            for (RfmScore s : rfm.scores()) {
                int r = quantiles - s.recencyScore();
                int f = s.frequencyScore() - 1;
                counts[r][f]++;
                values[r][f] = values[r][f] == null ? s.monetary() : values[r][f].add(s.monetary());
            }
            List<String> rows = new ArrayList<>();
            List<String> columns = new ArrayList<>();
            Cell[][] cells = new Cell[quantiles][quantiles];
            for (int i = 0; i < quantiles; i++) {
                rows.add("R" + (quantiles - i));
                columns.add("F" + (i + 1));
            }
            for (int r = 0; r < quantiles; r++) {
                for (int f = 0; f < quantiles; f++) {
                    BigDecimal value = values[r][f] == null ? BigDecimal.ZERO : values[r][f];
                    cells[r][f] = new Cell(counts[r][f], counts[r][f] + " · " + Charts.money(currency, value));
                }
            }
            grid(heading, "recency score", "frequency score", rows, columns, cells);
            List<Bar> segments = rfm.segments().stream()
                    .sorted(Comparator.comparing(RfmReport.SegmentTotals::value).reversed())
                    .map(s -> new Bar(
                            s.segment(),
                            s.value().doubleValue(),
                            s.customers() + " customers · " + Charts.money(currency, s.value())))
                    .toList();
            return bars(heading + ": segments by value", segments);
        }

        /** A table with a header row; every row must have as many cells as the header. */
        public Builder table(String heading, List<String> header, List<List<String>> rows) {
            requireNonEmpty(header, "header");
            List<List<String>> copy = new ArrayList<>();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw invalid(
                            "rows",
                            "table '" + heading + "' row " + row + " has " + row.size() + " cells, expected "
                                    + header.size());
                }
                copy.add(List.copyOf(row));
            }
            sections.add(new Section.Table(requireText(heading, "heading"), List.copyOf(header), List.copyOf(copy)));
            return this;
        }

        public HtmlReport build() {
            return new HtmlReport(Charts.document(title, subtitle, List.copyOf(figures), List.copyOf(sections)));
        }
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must not be blank");
        }
        return value;
    }

    private static <T> List<T> requireNonEmpty(List<T> list, String field) {
        if (list == null || list.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
        return List.copyOf(list);
    }

    private static AnalyticsException invalid(String field, String problem) {
        return AnalyticsException.of(AnalyticsException.Reason.INVALID_ARGUMENT, field, problem);
    }
}
