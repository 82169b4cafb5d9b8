package org.crmkit.examples.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TerritoryVisibilityExampleTest {

    @Test
    void twoSalespeopleSeeOnlyTheirTerritoryAndItsCallsTheirManagerSeesBothAndTheBirthdayIsForManagers() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        TerritoryVisibilityExample.run(
                Clock.fixed(Instant.parse("2026-05-04T09:00:00Z"), ZoneOffset.UTC),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly(
                        "Ada sees Nora Nordfracht, Nils Nordhafen (2)",
                        "Ada sees the calls Call Nordfracht, Call Nordhafen",
                        "Ben sees Sara Sudlogistica (1)",
                        "Ben sees the calls Call Sudlogistica",
                        "Mia sees Nora Nordfracht, Nils Nordhafen, Sara Sudlogistica (3)",
                        "Mia sees the calls Call Nordfracht, Call Nordhafen, Call Sudlogistica",
                        "Ada opens Sara Sudlogistica: not found",
                        "Ada reads Nora Nordfracht's birthday: null",
                        "Ben shares Sara Sudlogistica with Ada, to read",
                        "Ada sees Nora Nordfracht, Nils Nordhafen, Sara Sudlogistica (3)",
                        "Ada renames Sara Sudlogistica: refused (CRM-0010)",
                        "Mia reads Nora Nordfracht's birthday: 1980-05-17");
    }
}
