package org.crmkit.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerTableTest {

    private static String rows(CustomerTable.Format format, double... values) {
        Utf8Text out = new Utf8Text(64);
        CustomerTable table = new CustomerTable(out, format, List.of("customer", "x", "spend", "count"));
        table.header();
        for (double value : values) {
            table.text("c 1")
                    .decimal(value, 2)
                    .amount(new BigDecimal("1.50"))
                    .integer(3)
                    .end();
        }
        return out.toString();
    }

    @Test
    void decimalsAreRoundedToTheirPlacesAndNonFiniteValuesLeftEmptyOrNull() {
        assertThat(rows(CustomerTable.Format.CSV, 0.005, 12.344999, -0.0001, -3.456, 2.5e15, Double.NaN))
                .isEqualTo("customer,x,spend,count\n"
                        + "c 1,0.01,1.50,3\n"
                        + "c 1,12.34,1.50,3\n"
                        + "c 1,0.00,1.50,3\n"
                        + "c 1,-3.46,1.50,3\n"
                        + "c 1,2500000000000000.00,1.50,3\n"
                        + "c 1,,1.50,3\n");
        assertThat(rows(CustomerTable.Format.JSON_LINES, 0.1, Double.POSITIVE_INFINITY))
                .isEqualTo("{\"customer\":\"c 1\",\"x\":0.10,\"spend\":1.50,\"count\":3}\n"
                        + "{\"customer\":\"c 1\",\"x\":null,\"spend\":1.50,\"count\":3}\n");
    }

    @Test
    void csvQuotesWhatWouldNotReadBackAsItself() {
        Utf8Text out = new Utf8Text(64);
        CustomerTable table = new CustomerTable(out, CustomerTable.Format.CSV, List.of("customer"));
        for (String id : List.of("plain", "a,b", "say \"hi\"", " padded", "two\nlines", "")) {
            table.text(id).end();
        }

        assertThat(out.toString()).isEqualTo("plain\n\"a,b\"\n\"say \"\"hi\"\"\"\n\" padded\"\n\"two\nlines\"\n\n");
    }
}
