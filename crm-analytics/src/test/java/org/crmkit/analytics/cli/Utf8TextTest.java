package org.crmkit.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

    @Test
    void textIsWrittenInTheBytesTheJdksEncoderWrites() {
        String text = "plain é ß 中文 \uD83D\uDE00 lone \uD800 and \uDC00 end \uD83D";
        Utf8Text out = new Utf8Text(1);

        out.text(text);

        assertThat(out.toBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreWrittenInDecimalDigitsWithTheirSignAndLeadingZeros() {
        Utf8Text out = new Utf8Text(1);

        out.integer(0)
                .ascii(' ')
                .integer(-42)
                .ascii(' ')
                .integer(Long.MAX_VALUE)
                .ascii(' ');
        out.integer(Long.MIN_VALUE).ascii(' ').digits(7, 3).ascii(' ').digits(1234, 2);

        assertThat(out.toString()).isEqualTo("0 -42 9223372036854775807 -9223372036854775808 007 1234");
    }

    @Test
    void everyNumberIsWrittenAsJavaWritesIt() {
        Random random = new Random(20);
        List<Long> numbers = new ArrayList<>(List.of(0L, 9L, 10L, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L));
        for (long power = 10; power <= 1_000_000_000_000_000_000L && power > 0; power *= 10) {
            numbers.addAll(List.of(power - 1, power, power + 1, -power));
        }
        for (int i = 0; i < 10_000; i++) {
            numbers.addAll(
                    List.of(random.nextLong(), (long) random.nextInt(), random.nextLong() >>> random.nextInt(64)));
        }
        Utf8Text out = new Utf8Text(1);
        StringBuilder expected = new StringBuilder();

        for (long number : numbers) {
            out.integer(number).ascii(' ');
            expected.append(number).append(' ');
        }

        assertThat(out.toString()).isEqualTo(expected.toString());
    }

    @Test
    void fixedDecimalsAreWrittenWithTheirZerosAndSign() {
        Utf8Text out = new Utf8Text(1);

        out.fixed(1234, 2)
                .ascii(' ')
                .fixed(-5, 3)
                .ascii(' ')
                .fixed(0, 6)
                .ascii(' ')
                .fixed(7, 0)
                .ascii(' ');
        out.fixed(999_999_999_999_999_999L, 6).ascii(' ').fixed(-1_000_000, 6);

        assertThat(out.toString()).isEqualTo("12.34 -0.005 0.000000 7 999999999999.999999 -1.000000");
    }

    @Test
    void aClearedTextIsWrittenAgainFromItsStart() {
        Utf8Text out = new Utf8Text(4);
        out.text("first rows");

        out.clear();
        out.text("next");

        assertThat(out.toString()).isEqualTo("next");
    }
}
