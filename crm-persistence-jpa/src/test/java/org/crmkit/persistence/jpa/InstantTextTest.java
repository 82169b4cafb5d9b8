package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.crmkit.core.common.StorageException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stored instants read digit by digit are the instants Jackson's own reader reads, and what it refuses stays
 * refused: the texts {@link Instant#toString} writes, and the forms left to Jackson's reader.
 */
class InstantTextTest {

    private final StateJson json = new StateJson(mapper -> {});
    private final ObjectMapper jackson = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-08T02:51:39Z",
                "2026-12-08T02:51:39.1Z",
                "2026-12-08T02:51:39.120Z",
                "2026-12-08T02:51:39.123456Z",
                "2026-12-08T02:51:39.123456789Z",
                "2024-02-29T23:59:59.999999999Z",
                "1969-12-31T23:59:59.5Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "2026-12-08T03:51:39+01:00",
                "2026-12-31T23:59:60Z",
                "2026-12-08T24:00:00Z",
                "2026-12-08T02:51:39.Z",
                "2026-12-08t02:51:39z"
            })
    void readsTheInstantJacksonReads(String text) throws Exception {
        Instant expected = jackson.readValue("\"" + text + "\"", Instant.class);

        assertThat(json.read("\"" + text + "\"", Instant.class, "an instant")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1733626299.5", "1733626299"})
    void readsANumberAsJacksonDoes(String number) throws Exception {
        assertThat(json.read(number, Instant.class, "an instant")).isEqualTo(jackson.readValue(number, Instant.class));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-12-08T02:61:00Z",
                "2026-12-08T02:51:39.1234567890Z",
                "2026-12-08 02:51:39Z",
                "2026-12-0xT02:51:39Z"
            })
    void refusesWhatJacksonRefuses(String text) {
        assertThatThrownBy(() -> jackson.readValue("\"" + text + "\"", Instant.class))
                .isInstanceOf(Exception.class);
        assertThatThrownBy(() -> json.read("\"" + text + "\"", Instant.class, "an instant"))
                .isInstanceOf(StorageException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-08T02:51:39Z", "2026-12-08T02:51:39.123Z", "2026-12-08T02:51:39.123456789Z"})
    void readsWhatItWrites(String text) {
        Instant instant = Instant.parse(text);

        assertThat(json.read(json.write(instant), Instant.class, "an instant")).isEqualTo(instant);
        assertThat(InstantText.utc(instant.toString())).isEqualTo(instant);
    }
}
