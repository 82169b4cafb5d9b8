package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeFixtureTest {

    @Test
    void aYearOfDailyRunsTicksOncePerDayWithTheNewTime() {
        SettableClock clock = SettableClock.at("2026-01-01T08:00:00Z");
        List<Instant> runs = new ArrayList<>();

        TimeFixture fixture =
                TimeFixture.at(clock).everyTick(Duration.ofDays(1), runs::add).whenTimeElapses(Duration.ofDays(365));

        assertThat(fixture.ticks()).isEqualTo(365);
        assertThat(runs.get(0)).isEqualTo(Instant.parse("2026-01-02T08:00:00Z"));
        assertThat(runs.get(364)).isEqualTo(Instant.parse("2027-01-01T08:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T08:00:00Z"));
    }

    @Test
    void aRemainderShorterThanATickIsALastShortStep() {
        SettableClock clock = SettableClock.at("2026-01-01T00:00:00Z");
        List<Instant> runs = new ArrayList<>();

        TimeFixture.at(clock)
                .everyTick(Duration.ofDays(1), runs::add)
                .whenTimeElapses(Duration.ofHours(36))
                .expect(() -> assertThat(runs)
                        .containsExactly(Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-02T12:00:00Z")));
    }

    @Test
    void givenAndWhenRunAtTheCurrentTimeBetweenElapses() {
        SettableClock clock = SettableClock.at("2026-01-01T00:00:00Z");
        List<String> log = new ArrayList<>();

        TimeFixture.at(clock)
                .everyTick(Duration.ofDays(10), now -> log.add("tick " + now))
                .given(() -> log.add("given " + clock.instant()))
                .whenTimeElapses(Duration.ofDays(10))
                .when(() -> log.add("when " + clock.instant()))
                .whenTimeReaches(Instant.parse("2026-01-21T00:00:00Z"));

        assertThat(log)
                .containsExactly(
                        "given 2026-01-01T00:00:00Z",
                        "tick 2026-01-11T00:00:00Z",
                        "when 2026-01-11T00:00:00Z",
                        "tick 2026-01-21T00:00:00Z");
    }
}
