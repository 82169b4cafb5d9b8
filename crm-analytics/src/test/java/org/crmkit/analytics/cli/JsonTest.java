package org.crmkit.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void aLoneSurrogateIsEscapedSoThatTwoIdsStayApartInUtf8() {
        Utf8Text out = new Utf8Text(16);
        Json.write(List.of("a\uD800", "a\uDC00", "smile \uD83D\uDE00", Map.of("k", "\u0001")), out);
        String json = out.toString();

        assertThat(json).contains("\"a\\ud800\"", "\"a\\udc00\"", "\"smile \uD83D\uDE00\"", "\"\\u0001\"");
        assertThat(new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(json);
    }
}
