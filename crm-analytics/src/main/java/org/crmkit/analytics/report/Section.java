package org.crmkit.analytics.report;

import java.time.LocalDate;
import java.util.List;

/** The kinds of section a report holds, as the builder validated them. */
sealed interface Section {

    String heading();

    /** Writes the section's body (its heading is written by the caller). */
    void render(Markup m);

    record Text(String heading, String paragraph) implements Section {

        @Override
        public void render(Markup m) {
            m.element("p", paragraph);
        }
    }

    record Bars(String heading, List<HtmlReport.Bar> bars, boolean centred) implements Section {

        @Override
        public void render(Markup m) {
            Charts.bars(m, this);
        }
    }

    record Histogram(String heading, String valueLabel, double[] values, int bins) implements Section {

        @Override
        public void render(Markup m) {
            Charts.histogram(m, this);
        }
    }

    record Curve(String heading, String xLabel, String yLabel, List<HtmlReport.Point> points, Double referenceY)
            implements Section {

        @Override
        public void render(Markup m) {
            Charts.curve(m, this);
        }
    }

    record Timeline(String heading, LocalDate from, LocalDate to, List<HtmlReport.Lane> lanes) implements Section {

        @Override
        public void render(Markup m) {
            Charts.timeline(m, this);
        }
    }

    record Grid(
            String heading,
            String rowAxis,
            String columnAxis,
            List<String> rows,
            List<String> columns,
            HtmlReport.Cell[][] cells)
            implements Section {

        @Override
        public void render(Markup m) {
            Charts.grid(m, this);
        }
    }

    record Table(String heading, List<String> header, List<List<String>> rows) implements Section {

        @Override
        public void render(Markup m) {
            Charts.table(m, this);
        }
    }
}
